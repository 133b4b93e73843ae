"""A grid table's rows written as layout rows: printed text, blanks, "^" under merged cells.

Shared by the form tables (``inference.tables``) and the item tables
(``inference.table_items``): a cell merged down is written once and as "^" in the rows under
it; a printed text that would read as a blank reference ("{name}") is written as text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from parsers.grid import Cell, Table

PAGE_WIDTH_CM = 15.6
_BLANK_REF = re.compile(r"^\{[a-z][a-z0-9_]*\}$")


def layout_cells(table: Table, row: int, blanks: Mapping[Cell, Any]) -> list[Any]:
    """Return row `row` of `table` as layout cells, `blanks` giving each blank cell's entry."""
    cells: list[Any] = []
    col = 0
    while col < table.n_cols:
        cell = table.cell_at(row, col)
        if cell is None:
            cells.append("")
            col += 1
            continue
        if cell.row < row:
            cells.append("^")
        elif cell in blanks:
            cells.append(blanks[cell])
        else:
            text = cell.text.rstrip()
            plain = cell.colspan == 1 and not _BLANK_REF.match(text.strip())
            cells.append(text if plain else {"text": text, **_span(cell)})
        col = cell.last_col + 1
    return cells


def blank_entry(cell: Cell, name: str, *, label: str = "") -> Any:
    """Return the layout cell of blank `name` in `cell`, its label printed inside if given."""
    entry: dict[str, Any] = {"blank": name, **_span(cell)}
    if label:
        entry["label"] = label
    return entry if len(entry) > 1 else f"{{{name}}}"


def widths(table: Table) -> list[float]:
    """Return column widths sharing the page by the longest printed line in each column."""
    longest = [3] * table.n_cols
    for cell in table.cells:
        if cell.colspan == 1:
            size = max((len(line) for line in cell.text.split("\n")), default=0)
            longest[cell.col] = max(longest[cell.col], min(size, 12))
    total = sum(longest)
    return [round(PAGE_WIDTH_CM * n / total, 1) for n in longest]


def _span(cell: Cell) -> dict[str, int]:
    return {"span": cell.colspan} if cell.colspan > 1 else {}
