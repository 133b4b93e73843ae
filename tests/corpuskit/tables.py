"""Tables of the model as Word files hold them: merges, heights, header rows, borders.

`add_table` lets python-docx build a "Table Grid" table and fills its cells in one hand's
way; `table_element` writes the table as the bureau's Word saved it (explicit borders, cell
margins, `<w:vMerge/>`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml.ns import qn
from docx.shared import Cm

from corpuskit.cells import CONTINUE, Block, Cell, Table
from corpuskit.content import paras
from corpuskit.documents import Blank, append_block
from corpuskit.paragraphs import content_elements, paragraph
from corpuskit.typed_tables import clear_borders, new_table, repeat_header
from corpuskit.wordml import Hand, el


def grid_rows(table: Table) -> list[dict[int, Cell]]:
    """Return each row's cells by the grid column they start at.

    A CONTINUE marker becomes the lower part of a vertical merge with the span and styling of
    the cell above (which becomes its top); the table's own cells are left as written.
    """
    out: list[dict[int, Cell]] = []
    above: dict[int, Cell] = {}
    for number, row in enumerate(table.rows):
        column = 0
        current: dict[int, Cell] = {}
        for spec in row.cells:
            if spec == CONTINUE:
                origin = above[column]
                if origin.vmerge != "continue":
                    origin.vmerge = "restart"
                cell = Cell(paras(""), span=origin.span, label=origin.label,
                            vmerge="continue")
            else:
                assert isinstance(spec, Cell)
                cell = replace(spec)
            current[column] = cell
            column += cell.span
        if column != len(table.widths):
            raise ValueError(f"row {number}: spans fill {column} of {len(table.widths)} columns")
        out.append(current)
        above = current
    return out


def _cell_font(cell: Cell, table: Table) -> tuple[str, float]:
    font = cell.font or (table.label_font if cell.label else table.value_font)
    return font, cell.size or table.size


def _fill(tc: Any, cell: Cell, table: Table, hand: Hand) -> None:
    for old in tc.findall(qn("w:p")):
        tc.remove(old)
    font, size = _cell_font(cell, table)
    for element in content_elements(cell.content or paras(""), font, size, hand,
                                    bold=cell.bold):
        tc.append(element)


def add_blocks(doc: Any, blocks: list[Block], font: str, size: float, hand: Hand) -> None:
    """Append body paragraphs (in `font` and `size`) and tables to `doc`, in order."""
    for block in blocks:
        if isinstance(block, Table):
            add_table(doc, block, hand)
        else:
            append_block(doc, paragraph(block, font, size, hand))


def filled(blank: Blank, blocks: list[Block], hand: Hand, modified: dt.datetime) -> bytes:
    """Return the bureau's `blank` holding `blocks`, saved by the school at `modified`."""
    doc = blank.new()
    add_blocks(doc, blocks, blank.font, blank.size, hand)
    return blank.saved(doc, modified)


def add_table(doc: Any, table: Table, hand: Hand) -> Any:
    """Add `table` to `doc` through python-docx and fill its cells; return the table.

    A "continue" cell with no content keeps the empty paragraph python-docx leaves there.
    """
    widths = table.widths
    rows = grid_rows(table)
    made = new_table(doc, len(rows), widths)
    trs = made._tbl.tr_lst
    for tr, cells in zip(trs, rows, strict=True):
        for start, cell in cells.items():
            if cell.span > 1:
                tr.tc_at_grid_offset(start).merge(tr.tc_at_grid_offset(start + cell.span - 1))
    for tr, row, cells in zip(trs, table.rows, rows, strict=True):
        if row.height:
            tr.trHeight_val = Cm(row.height)
            tr.trHeight_hRule = WD_ROW_HEIGHT_RULE.AT_LEAST
        if row.header:
            repeat_header(tr)
        for (start, cell), tc in zip(cells.items(), tr.tc_lst, strict=True):
            tc.width = Cm(sum(widths[start:start + cell.span]))
            if cell.vmerge:
                tc.vMerge = cell.vmerge
            if row.borderless:
                clear_borders(tc)
            tcpr = tc.get_or_add_tcPr()
            if cell.diagonal:
                borders = el("w:tcBorders")
                borders.append(el("w:tl2br", val="single", sz="4", space="0", color="auto"))
                tcpr.append(borders)
            tcpr.append(el("w:vAlign", val=cell.valign))
            if cell.vmerge == "continue" and not cell.content:
                continue
            _fill(tc, cell, table, hand)
    return made


def _twips(cm: float) -> str:
    return str(round(cm * 567))


def table_element(table: Table, hand: Hand) -> Any:
    """Return a w:tbl as the bureau's Word saved it: grid, borders, merges, cell margins."""
    widths = table.widths
    tbl = el("w:tbl")
    pr = el("w:tblPr")
    pr.append(el("w:tblW", w=_twips(sum(widths)), type="dxa"))
    pr.append(el("w:jc", val="center"))
    borders = el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(el(f"w:{side}", val="single", sz="4", space="0", color="000000"))
    pr.append(borders)
    pr.append(el("w:tblLayout", type="fixed"))
    margins = el("w:tblCellMar")
    margins.append(el("w:left", w="85", type="dxa"))
    margins.append(el("w:right", w="85", type="dxa"))
    pr.append(margins)
    pr.append(el("w:tblLook", val="0000", firstRow="0", lastRow="0", firstColumn="0",
                 lastColumn="0", noHBand="0", noVBand="0"))
    tbl.append(pr)
    grid = el("w:tblGrid")
    for width in widths:
        grid.append(el("w:gridCol", w=_twips(width)))
    tbl.append(grid)
    for row, cells in zip(table.rows, grid_rows(table), strict=True):
        tr = el("w:tr")
        trpr = el("w:trPr")
        if row.height:
            trpr.append(el("w:trHeight", val=_twips(row.height), hRule="atLeast"))
        if row.header:
            trpr.append(el("w:tblHeader"))
        tr.append(trpr)
        for start, cell in cells.items():
            tr.append(_cell_element(cell, widths, start, table, hand))
        tbl.append(tr)
    return tbl


def _cell_element(cell: Cell, widths: tuple[float, ...], start: int, table: Table,
                  hand: Hand) -> Any:
    tc = el("w:tc")
    tcpr = el("w:tcPr")  # children in schema order: tcW, gridSpan, vMerge, vAlign
    tcpr.append(el("w:tcW", w=_twips(sum(widths[start:start + cell.span])), type="dxa"))
    if cell.span > 1:
        tcpr.append(el("w:gridSpan", val=str(cell.span)))
    if cell.vmerge == "restart":
        tcpr.append(el("w:vMerge", val="restart"))
    elif cell.vmerge == "continue":
        tcpr.append(el("w:vMerge"))
    tcpr.append(el("w:vAlign", val=cell.valign))
    tc.append(tcpr)
    font, size = _cell_font(cell, table)
    for element in content_elements(cell.content, font, size, hand, bold=cell.bold):
        tc.append(element)
    return tc
