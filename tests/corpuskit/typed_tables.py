"""Tables typed cell by cell through python-docx's API, the way the outside testers did.

`new_table` makes a "Table Grid" table; `write_cell` types lines into a cell; `merge` and
`merge_down` merge cells as Word's Merge Cells does; `type_grid` merges and fills a whole
table from a grid of cells. What python-docx writes is kept exactly,
including its habits (an empty run left by `paragraph.text = ""`, content moved by a merge).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm

from corpuskit.documents import style_run
from corpuskit.wordml import el


def new_table(doc: Any, rows: int, widths: Iterable[float], *, center: bool = True,
              fixed: bool = True, grid: str = "length", cell_widths: bool = False) -> Any:
    """Add a "Table Grid" table of `rows` on the grid `widths` (cm).

    `grid` is how the grid widths are converted to twips: "length" by python-docx,
    "567" as cm × 567 cut to a whole number. `cell_widths` also gives every cell its
    column's width (before any merge).
    """
    widths = list(widths)
    table = doc.add_table(rows=rows, cols=len(widths))
    table.style = "Table Grid"
    if center:
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if fixed:
        table.autofit = False
    if cell_widths:
        for tr in table._tbl.tr_lst:
            for tc, width in zip(tr.tc_lst, widths, strict=True):
                tc.width = Cm(width)
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        if grid == "567":
            column.set(qn("w:w"), str(int(width * 567)))
        else:
            column.w = Cm(width)
    return table


def merge(table: Any, top: int, left: int, bottom: int, right: int) -> Any:
    """Merge the cells from (top, left) to (bottom, right); return the merged cell."""
    return table.cell(top, left).merge(table.cell(bottom, right))


def merge_down(table: Any, column: int, starts: list[int], end: int) -> None:
    """Merge `column` down from each start row to the row before the next start (or `end`)."""
    bounds = [*starts, end]
    for first, after in itertools.pairwise(bounds):
        if after - 1 > first:
            merge(table, first, column, after - 1, column)


def repeat_header(tr: Any, val: str | None = None) -> None:
    """Mark the row element `tr` as a header row Word repeats at the top of every page."""
    header = el("w:tblHeader") if val is None else el("w:tblHeader", val=val)
    tr.get_or_add_trPr().append(header)


def clear_borders(tc: Any, edges: Iterable[str] = ("top", "left", "right")) -> None:
    """Remove the borders `edges` of the cell element `tc`."""
    borders = el("w:tcBorders")
    for edge in edges:
        borders.append(el(f"w:{edge}", val="nil"))
    tc.get_or_add_tcPr().append(borders)


def write_cell(cell: Any, text: str | list[str], font: str, size: float | None = None, *,
               bold: bool | None = None, center: bool = False, overtype: bool = False) -> Any:
    """Type `text` into a python-docx cell, one paragraph per line (or per list item).

    The cell's earlier paragraphs and runs are removed first; with `overtype` the first
    paragraph's text is set to "" instead, which leaves an empty run and the others in place.
    """
    lines = text if isinstance(text, list) else text.split("\n")
    first = cell.paragraphs[0]
    if overtype:
        first.text = ""
    else:
        for p in cell.paragraphs[1:]:
            p._element.getparent().remove(p._element)
        for run in list(first.runs):
            run._element.getparent().remove(run._element)
    for i, line in enumerate(lines):
        p = first if i == 0 else cell.add_paragraph()
        if line:
            style_run(p.add_run(line), font, size, bold)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return cell


def type_grid(table: Any, rows: list[list[Any]], fill: Callable[[Any, Any], None]) -> None:
    """Merge and fill `table` from a grid of cell specs, row by row, left to right.

    "<" joins the cell on its left, "^" the cell above; every other spec is given, with its
    (merged) cell, to `fill`.
    """
    done: set[tuple[int, int]] = set()
    count, width = len(rows), len(rows[0])
    for r in range(count):
        for c in range(width):
            spec = rows[r][c]
            if (r, c) in done or (isinstance(spec, str) and spec in ("<", "^")):
                continue
            right = c
            while right + 1 < width and rows[r][right + 1] == "<":
                right += 1
            bottom = r
            while bottom + 1 < count and rows[bottom + 1][c] == "^":
                bottom += 1
            cell = table.cell(r, c)
            if (bottom, right) != (r, c):
                cell = cell.merge(table.cell(bottom, right))
            done.update((rr, cc) for rr in range(r, bottom + 1) for cc in range(c, right + 1))
            fill(cell, spec)
