"""Turn one table of a blank attachment into a layout table and the blanks it holds.

Three shapes, told apart by what is printed:
- an item table (评分表, 自评表): a header naming points (分值) and a column to fill (自评分);
  each row with points is an item whose blanks are named by the header;
- a table ending in empty rows under a header row (汇总表, 预算表, family members): those
  rows become a repeating part with the header's columns;
- otherwise a form table: every empty cell is a blank labelled by the text left of it (or
  above it); a row of row names under a header row is a grid, its blanks named by both.
"""

from __future__ import annotations

import re
from typing import Any

from forms.labels import ORDINAL, label_key, printed_label
from inference.cells import CellRead, is_empty, read_cell
from inference.found import Inferred
from inference.guess_kind import guess_kind
from inference.layout_rows import blank_entry, layout_cells, widths
from inference.naming import Namer
from inference.table_items import item_table
from parsers.grid import Cell, Table

_ROW_NUMBER = re.compile(r"^\s*\d{1,3}\s*[.．、]?\s*$")
_TOTAL_WORDS = ("合计", "总计", "小计", "总分", "得分合计")


def table_layouts(table: Table, found: Inferred, *, heading: str = "", scope: str | None = None
                  ) -> list[dict[str, Any]]:
    """Return the layout tables `table` prints, adding their blanks to `found`.

    Empty rows under a header followed by more rows of another kind are two tables printed
    together (a PDF joins tables that touch): the repeating part ends the first.
    """
    cut = _repeat_end(table, _reads(table))
    if cut is None:
        return [table_layout(table, found, heading=heading, scope=scope)]
    return [table_layout(_rows_between(table, 0, cut), found, heading=heading, scope=scope),
            *table_layouts(_rows_between(table, cut, table.n_rows), found, scope=scope)]


def table_layout(table: Table, found: Inferred, *, heading: str = "", scope: str | None = None
                 ) -> dict[str, Any]:
    """Return the layout entry of `table`, adding its blanks to `found`."""
    items = item_table(table, found)
    if items is not None:
        return items
    reads = _reads(table)
    repeat_at = _repeat_start(table, reads)
    rows_end = table.n_rows if repeat_at is None else repeat_at - 1
    names: dict[Cell, str | dict[str, Any]] = {}
    for row in range(rows_end):
        for cell in _starting(table, row):
            read = reads[cell]
            if read.role == "label":
                continue
            name = _blank(table, cell, read, found, reads)
            if name:
                names[cell] = name
    entry: dict[str, Any] = {"widths": widths(table),
                             "rows": [{"cells": layout_cells(table, row, names)}
                                      for row in range(rows_end)]}
    if scope:
        entry["scope"] = scope
    if repeat_at is not None:
        entry["repeat"] = _repeat(table, repeat_at, found, heading)
    return entry


def _reads(table: Table) -> dict[Cell, CellRead]:
    """Read every cell; a label cell with no blank beside or under it may hold its blank."""
    first = {cell: read_cell(cell.text, alone=False, labelled=_text_left(table, cell))
             for cell in table.cells}
    reads: dict[Cell, CellRead] = {}
    for cell in table.cells:
        if first[cell].role != "label":
            reads[cell] = first[cell]
            continue
        right = table.right_of(cell)
        below = table.below(cell)
        alone = (right is None or first[right].role == "label") and (
            below is None or first[below].role == "label" or cell.colspan < table.n_cols)
        reads[cell] = read_cell(cell.text, alone=alone, labelled=_text_left(table, cell))
    return reads


def _text_left(table: Table, cell: Cell) -> bool:
    left = table.cell_at(cell.row, cell.col - 1) if cell.col else None
    return left is not None and not is_empty(left.text)


def _starting(table: Table, row: int) -> list[Cell]:
    return [c for c in table.row_cells(row) if c.row == row]


def _repeat_start(table: Table, reads: dict[Cell, CellRead]) -> int | None:
    """Return the first empty row under a header row when two or more follow it."""
    found = _repeat_run(table, reads)
    if found is None:
        return None
    start, end = found
    return start if all(_total_row(table, r) for r in range(end, table.n_rows)) else None


def _repeat_end(table: Table, reads: dict[Cell, CellRead]) -> int | None:
    """Return where a repeating part ends when other rows follow it in the same table."""
    found = _repeat_run(table, reads)
    if found is None:
        return None
    end = found[1]
    while end < table.n_rows and _total_row(table, end):
        end += 1
    return end if end < table.n_rows else None


def _total_row(table: Table, row: int) -> bool:
    first = table.row_cells(row)[:1]
    return bool(first) and any(w in label_key(first[0].text) for w in _TOTAL_WORDS)


def _rows_between(table: Table, first: int, stop: int) -> Table:
    """Return rows `first` to `stop` of `table` as a table of their own."""
    cells = []
    for cell in table.cells:
        top, bottom = max(cell.row, first), min(cell.last_row, stop - 1)
        if top <= bottom:
            cells.append(Cell(cell.text if cell.row >= first else "", top - first, cell.col,
                              bottom - top + 1, cell.colspan))
    return Table(cells, stop - first, table.n_cols)


def _repeat_run(table: Table, reads: dict[Cell, CellRead]) -> tuple[int, int] | None:
    """Return the first run of two or more empty rows right under a row of labels."""
    def empty_row(r: int) -> bool:
        cells = table.row_cells(r)
        own = [c for c in cells if c.row == r]
        return bool(own) and all(
            is_empty(c.text) or (c.col == 0 and _ROW_NUMBER.match(c.text)) for c in own)

    for start in range(1, table.n_rows - 1):
        header = table.row_cells(start - 1)
        if not header or any(reads[c].role != "label" for c in header if c.row == start - 1):
            continue
        end = start
        while end < table.n_rows and empty_row(end):
            end += 1
        if end - start >= 2:
            return start, end
    return None


def _label_left(table: Table, cell: Cell, reads: dict[Cell, CellRead]) -> str:
    for col in range(cell.col - 1, -1, -1):
        other = table.cell_at(cell.row, col)
        if (other is not None and other.row == cell.row and reads[other].role == "label"
                and other.text.strip()):
            return other.text
    return ""


def _main_label(table: Table, cell: Cell, reads: dict[Cell, CellRead]) -> str:
    """Return the label printed over several rows left of this row's own label, if any."""
    own = None
    for col in range(cell.col - 1, -1, -1):
        other = table.cell_at(cell.row, col)
        if other is None or reads[other].role != "label" or not other.text.strip():
            if own is not None:
                break
            continue
        if own is None:
            own = other
            continue
        # Not a group printed down the first column (基本信息, 网络安全): a label mid-row.
        if other.rowspan > own.rowspan and other.last_col + 1 == own.col and other.col > 0:
            return other.text
        break
    return ""


def _first_label(table: Table, cell: Cell, reads: dict[Cell, CellRead]) -> str:
    for other in table.row_cells(cell.row):
        if other.row == cell.row and reads[other].role == "label" and other.text.strip():
            return other.text
    return ""


def _label_above(table: Table, cell: Cell, reads: dict[Cell, CellRead]) -> str:
    for row in range(cell.row - 1, -1, -1):
        other = table.cell_at(row, cell.col)
        if other is not None and reads[other].role == "label" and other.text.strip():
            return other.text
    return ""


def _blank(table: Table, cell: Cell, read: CellRead, found: Inferred,
           reads: dict[Cell, CellRead]) -> str | dict[str, Any]:
    """Name the blank in `cell`, add its field to `found`, return its layout cell."""
    entry: dict[str, Any] = {}
    why: list[str] = []
    column = None
    if read.role == "inline":
        label = read.label
    else:
        label = _label_left(table, cell, reads) or _label_above(table, cell, reads)
        main = _main_label(table, cell, reads)
        if main and label and label_key(main) != label_key(label):
            # A label over several rows, each row naming its part (获奖数量（项） | 县级及以上).
            label, column = main, printed_label(label)
            why.append(f"“{printed_label(main)}”分几行填：这一行是“{column}”")
    if not printed_label(label):
        return ""  # nothing names it: spacing in the layout, not a blank to fill
    printed_before = {label_key(v) for v in found.labels.values()}
    if column is None and read.role == "blank" and label_key(label) in printed_before:
        # A label printed twice (手机号码 for 负责人 and for 联系人): the second is named by
        # its row's first label, the printed one as its column ("联系人" / "手机号码").
        first = _first_label(table, cell, reads)
        if first and label_key(first) != label_key(label):
            label, column = first, printed_label(label)
            why.append(f"“{column}”在表上印了不止一次：记作“{printed_label(label)}”一行的")
    wide = cell.colspan >= max(2, table.n_cols - 1) and table.n_cols > 1
    guess = guess_kind(column or label, read.text, wide=wide or read.role == "inline",
                       tall=cell.rowspan >= 2 and wide)
    if column and guess.kind == "text":  # the sub-label says nothing: the label may (（项）)
        guess = guess_kind(label, read.text, wide=wide, tall=cell.rowspan >= 2 and wide)
    field_id = found.namer.name(f"{label}{column}" if column else label)
    entry = {"id": field_id, **entry, "kind": guess.kind}
    if column:
        entry["label"] = printed_label(label)
        entry["column"] = column
    _describe(entry, guess)
    if read.parts:
        entry["parts"] = [
            {"id": found.namer.name(f"{printed_label(label)}{p.column}"),
             "column": _own_words(p.column, printed_label(label)), "kind": p.kind,
             "printed": p.printed}
            for p in read.parts
        ]
        if read.text:
            entry.setdefault("printed", read.text)
    elif read.role == "inline" and read.text and guess.kind not in ("yesno", "choice"):
        entry.setdefault("printed", read.text)
    found.add_field(entry, why + guess.why, label=label)
    return blank_entry(cell, field_id, label=read.label if read.role == "inline" else "")


def _own_words(column: str, label: str) -> str:
    """Return a signer line's label without the words it shares with its cell's label.

    "学生本人（或监护人）签字" under "学生本人（或监护人）承诺" is the 签字 of that block.
    """
    shared = 0
    while shared < min(len(column), len(label)) and column[shared] == label[shared]:
        shared += 1
    rest = column[shared:]
    return rest if shared >= 2 and len(rest) >= 2 else column


def _describe(entry: dict[str, Any], guess: Any) -> None:
    if guess.unit and guess.kind in ("money", "integer", "number"):
        entry["unit"] = guess.unit
    if guess.options:
        entry["options"] = guess.options
    if guess.max_score is not None:
        entry["max"] = guess.max_score
    if guess.printed and guess.kind not in ("yesno", "choice"):
        entry["printed"] = guess.printed


def _repeat(table: Table, start: int, found: Inferred, heading: str) -> dict[str, Any]:
    """Return the repeating part whose header row is just above row `start`."""
    columns: list[dict[str, Any]] = []
    namer = Namer()
    for cell in table.row_cells(start - 1):
        header = printed_label(cell.text)
        guess = guess_kind(header)
        column: dict[str, Any] = {"id": namer.name(header, fallback="col"), "header": header,
                                  "kind": guess.kind}
        if guess.unit and guess.kind in ("money", "integer", "number"):
            column["unit"] = guess.unit
        columns.append(column)
    title = _repeat_label(table, start, heading)
    repeat_id = found.namer.name(title, fallback="rows")
    blank_rows = sum(
        1 for r in range(start, table.n_rows)
        if not any(w in label_key(c.text) for c in table.row_cells(r)[:1] for w in _TOTAL_WORDS)
    )
    repeat = {"id": repeat_id, "label": title, "columns": columns,
              "blank_rows": max(1, min(blank_rows, 12))}
    found.repeats.append(repeat)
    found.notes[repeat_id] = [f"表头下面有 {blank_rows} 行空行：按可以增减行的表读，列取表头"]
    return repeat


def _repeat_label(table: Table, start: int, heading: str) -> str:
    """Return the repeating rows' name: the heading over the table, or its first line."""
    named = printed_label(ORDINAL.sub("", heading))
    if 2 <= len(named) <= 40 and not named.startswith(("注", "说明")):
        return named
    above = [printed_label(c.text) for r in range(start - 1) for c in _starting(table, r)]
    return next((t for t in above if t and len(t) <= 20), "") or "明细"
