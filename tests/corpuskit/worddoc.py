"""Documents, body paragraphs, tables and cells through python-docx's own API.

The bureaus' blanks start as a python-docx document on A4 with the office's margins and
Normal font; the outside testers typed whole forms through this API, so its helpers
(`new_table`, `write_cell`, `merge`) keep exactly what python-docx writes.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import zipfile
from collections.abc import Iterable
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from corpuskit.wordml import el

Margins = tuple[float | None, float | None, float | None, float | None]  # top, bottom, l, r


def new_document(font: str, size: float, margins: Margins, *,
                 latin_font: str | None = None) -> Any:
    """Return an empty A4 document whose Normal style is `font` at `size` points.

    `latin_font` names a separate western font for Normal (the east-Asian one stays
    `font`); a margin given as None keeps python-docx's default.
    """
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    top, bottom, left, right = margins
    if top is not None:
        section.top_margin = Cm(top)
    if bottom is not None:
        section.bottom_margin = Cm(bottom)
    if left is not None:
        section.left_margin = Cm(left)
    if right is not None:
        section.right_margin = Cm(right)
    normal = doc.styles["Normal"]
    normal.font.name = latin_font or font
    normal.font.size = Pt(size)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    return doc


def append_block(doc: Any, element: Any) -> None:
    """Append a block element (w:p, w:tbl) at the end of the body, before its sectPr."""
    doc.element.body.find(qn("w:sectPr")).addprevious(element)


def style_run(run: Any, font: str, size: float | None = None, bold: bool | None = None) -> None:
    """Set a python-docx run's font (western and east-Asian), size and bold."""
    run.font.name = font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold


def typed_paragraph(doc: Any, text: str, font: str, size: float | None = None, *,
                    bold: bool | None = None, center: bool = False,
                    empty_run: bool = False) -> Any:
    """Add a body paragraph of one run; an empty `text` adds no run unless `empty_run`."""
    p = doc.add_paragraph()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if text or empty_run:
        style_run(p.add_run(text), font, size, bold)
    return p


def core_properties(doc: Any, *, author: str, created: dt.datetime, modified: dt.datetime,
                    last_printed: dt.datetime, editor: str = "Administrator",
                    revision: int = 4) -> None:
    """Set the file's core properties as the bureau's (and the school's) Word left them."""
    core = doc.core_properties
    core.author = author
    core.title = core.subject = core.keywords = core.comments = core.category = ""
    core.last_modified_by = editor
    core.revision = revision
    core.created = created
    core.modified = modified
    core.last_printed = last_printed


def docx_bytes(doc: Any, stamp: tuple[int, int, int, int, int, int]) -> bytes:
    """Return the saved package with every zip entry dated `stamp`: the same bytes each run."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


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
