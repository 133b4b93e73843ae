"""Locate ``grid``: the row of a blank's label or item code, under its column header.

"C1" / "考核分" is the cell of item C1's row under the header 考核分; a sub-label printed in
the label's own row ("联系人 | 李四 | 手机号码 | …") is read before any header.
"""

from __future__ import annotations

import re

from forms.labels import label_key
from forms.model import FieldSpec
from parsers.grid import Cell, Table
from parsers.locate.index import LabelIndex
from parsers.locate.pdf_breaks import cell_text, split_label_cell

_ITEM_CODE = re.compile(r"[A-Za-z0-9]+")


def grid_value(index: LabelIndex, field: FieldSpec) -> str | None:
    """Return the text in `field`'s row under its column, None when the row is not found."""
    column = label_key(field.column or "")
    for table, row_cell in _row_finders(index, field):
        # A sub-label printed in the label's own row(s) comes first; otherwise the column
        # is the one under the header ("考核分").
        sub_label = _sub_label_cell(table, row_cell, column)
        if sub_label is not None:
            value = table.right_of(sub_label)
            return "" if value is None or index.is_label(value) else value.text
        header = index.header_cell(table, column, above=row_cell.row)
        if header is not None:
            cell = table.cell_at(row_cell.row, header.col)
            return "" if cell is None or cell is row_cell else cell_text(cell, field)
    return None


def _row_finders(index: LabelIndex, field: FieldSpec) -> list[tuple[Table, Cell]]:
    """Return the cell that starts `field`'s row: its item code's, or its label's."""
    if field.item:
        code = label_key(field.item)
        # A code (C1, 12) must not match a longer one (C10, 120); a text label may be
        # followed by anything, the next numbered clause included ("…规范；②…").
        is_code = _ITEM_CODE.fullmatch(code) is not None
        for table, cell, key in index.by_initial.get(code[:1], ()):
            if not key.startswith(code) or cell.col in index.answer_columns(table):
                continue
            if len(key) > len(code) and not (is_code and key[len(code)].isdigit()):
                return [(table, cell)]
            if key == code and not _code_left_of(table, cell):
                # The code alone in its cell (a 序号 column, a row name "小学"); a number
                # right of another row's code is that row's points, not this item.
                return [(table, cell)]
        return []
    wanted = label_key(field.label)
    found = index.by_key.get(wanted, [])
    if not found and (split := split_label_cell(index.by_initial, wanted)) is not None:
        return [split]
    return found


def _code_left_of(table: Table, cell: Cell) -> bool:
    return any(other.row == cell.row and other.col < cell.col
               and _ITEM_CODE.fullmatch(label_key(other.text))
               for other in table.row_cells(cell.row))


def _sub_label_cell(table: Table, row_cell: Cell, column: str) -> Cell | None:
    for r in range(row_cell.row, row_cell.last_row + 1):
        for cell in table.row_cells(r):
            if cell.col > row_cell.last_col and label_key(cell.text) == column:
                return cell
    return None
