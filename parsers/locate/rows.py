"""Repeating tables read row by row under their header row (a list, budget lines).

A header row is found by its column headers (two thirds of them will do: a school may
rename one); the rows below it are read up to the next of the form's labels or a total row
(合计, 小计). Each table's header row is taken once, so two alike tables give their own rows.
"""

from __future__ import annotations

from forms.labels import label_key
from forms.model import RepeatSpec
from parsers.grid import Table
from parsers.locate.index import LabelIndex

_TOTAL_WORDS = ("合计", "总计", "小计")


def repeat_rows(index: LabelIndex) -> dict[str, list[dict[str, str]]]:
    """Return the raw rows of every repeating table, by repeat id, column id → text."""
    used: set[tuple[int, int]] = set()
    return {repeat.id: _rows_of(index, repeat, used) for repeat in index.spec.repeats}


def _rows_of(index: LabelIndex, repeat: RepeatSpec,
             used: set[tuple[int, int]]) -> list[dict[str, str]]:
    wanted = [label_key(c.header) for c in repeat.columns]
    for t_index, table in enumerate(index.grid.tables):
        for r in range(table.n_rows):
            if (t_index, r) in used:
                continue
            positions = _header_positions(table, r, wanted)
            if positions is None:
                continue
            used.add((t_index, r))
            return _rows_below(index, table, r, repeat, positions)
    return []


def _rows_below(index: LabelIndex, table: Table, header_row: int, repeat: RepeatSpec,
                positions: list[int | None]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for r in range(header_row + 1, table.n_rows):
        cells = table.row_cells(r)
        keys = [label_key(c.text) for c in cells]
        if any(k in index.label_keys for k in keys if k) or any(
            k in _TOTAL_WORDS for k in keys
        ):
            break
        row: dict[str, str] = {}
        for column, col in zip(repeat.columns, positions, strict=True):
            cell = table.cell_at(r, col) if col is not None else None
            row[column.id] = cell.text if cell is not None else ""
        if any(v.strip() for v in row.values()):
            rows.append(row)
    return rows


def _header_positions(table: Table, row: int, wanted: list[str]) -> list[int | None] | None:
    """Return the grid column of each wanted header on `row`, or None if it is not that row."""
    found: dict[str, int] = {}
    for cell in table.row_cells(row):
        key = label_key(cell.text)
        for header in wanted:
            if header not in found and (key == header or key.startswith(header)):
                found[header] = cell.col
    if len(found) < max(2, (len(wanted) * 2 + 2) // 3):
        return None
    return [found.get(header) for header in wanted]
