"""Locate ``right``: the cells right of a blank's label, up to the next label, or below it.

Also the rest of the label's own cell when a school wrote "学校：XX" in one cell, a label
the school's copy prints with a short addition ("投入资金（万元）", its unit kept), and one
of several alike tables chosen by the blank's scope ("2021年").
"""

from __future__ import annotations

import re

from forms.labels import label_key
from forms.model import FieldSpec
from parsers.grid import Cell, Paragraph, Table
from parsers.locate.index import LabelIndex
from parsers.locate.pdf_breaks import split_label_cell, wrapped_label_value


def right_value(index: LabelIndex, field: FieldSpec) -> str | None:
    """Return the text beside `field`'s label, None when the label is not in the file."""
    wanted = label_key(field.label)
    if field.scope:
        table = _scoped_table(index, field)
        if table is None:
            return None
        for cell in table.cells:
            if label_key(cell.text) == wanted:
                return neighbour_text(index, table, cell)
        return None
    for table, cell in index.by_key.get(wanted, [])[:1]:
        return neighbour_text(index, table, cell)
    paragraphs = [p.text for p in index.grid.paragraphs]
    for text in [c.text for _, c, _ in index.cells] + paragraphs:
        inline = _inline_value(text, wanted)
        if inline is not None:
            return inline
    for table, cell, key in index.cells:
        if _extends_label(key, wanted) and key not in index.label_keys:
            unit = field.value_kind.printed_unit(key[len(wanted):])
            if unit:
                index.units[field.id] = unit
            return neighbour_text(index, table, cell)
    split = split_label_cell(index.by_initial, wanted)
    if split is not None:
        return neighbour_text(index, *split)
    return wrapped_label_value(paragraphs, wanted)


def neighbour_text(index: LabelIndex, table: Table, cell: Cell) -> str:
    """Return the text right of `cell` up to the next label, or below it in a column form.

    Cells the school's copy did not merge are read together, so a value typed into the
    second of three unmerged cells is still found.
    """
    texts: list[str] = []
    neighbour = table.right_of(cell)
    if neighbour is None or index.is_label(neighbour):
        # Nothing beside the label but the next label: the blank is under it.
        below = table.below(cell)
        return "" if below is None or index.is_label(below) else below.text
    while neighbour is not None and not index.is_label(neighbour, table):
        if neighbour.text.strip():
            texts.append(neighbour.text)
        neighbour = table.right_of(neighbour)
    return "\n".join(texts)


def _scoped_table(index: LabelIndex, field: FieldSpec) -> Table | None:
    """Return the one of several alike tables that `field` belongs to ("2021年").

    The table whose heading (or own text) names the scope wins; otherwise the tables
    holding the label are taken in order, as the form prints its scopes in order.
    """
    wanted = label_key(field.label)
    scope = label_key(field.scope or "")
    holding = [t for t in index.grid.tables
               if any(label_key(c.text) == wanted for c in t.cells)]
    for table in holding:
        if scope and scope in _heading_of(index, table):
            return table
    scopes = list(dict.fromkeys(f.scope for f in index.spec.top_fields()
                                if f.scope and label_key(f.label) == wanted))
    order = scopes.index(field.scope) if field.scope in scopes else 0
    return holding[order] if order < len(holding) else None


def _heading_of(index: LabelIndex, table: Table) -> str:
    """Return the key of the heading just before `table` and of its first row."""
    blocks = index.grid.blocks
    position = blocks.index(table)
    heading = next((label_key(b.text) for b in reversed(blocks[:position])
                    if isinstance(b, Paragraph) and b.text.strip()), "")
    first_row = "".join(label_key(c.text) for c in table.row_cells(0))
    return heading + "|" + first_row


def _extends_label(key: str, wanted: str) -> bool:
    """Return True when a printed label is ours with a short addition ("投入资金（元）")."""
    return key.startswith(wanted) and 0 < len(key) - len(wanted) <= 6


def _inline_value(text: str, wanted: str) -> str | None:
    """Return what follows "label：" in `text` when `text` starts with the label."""
    pieces = re.split(r"[:：]", text, maxsplit=1)
    if len(pieces) == 2 and label_key(pieces[0]) == wanted and pieces[1].strip():
        return pieces[1].strip()
    return None
