"""Small python-docx and openpyxl helpers for the not-a-form corpus builder.

Kept apart from the builder so that the builder holds only the documents. This module does
not import tianbiao: the corpus is written by another hand than the forms' layout code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from openpyxl import Workbook
from openpyxl.styles import Border, Font, Side

FIXED_TIME = dt.datetime(2023, 3, 1, 9, 0, 0)


def new_document(font: str = "宋体", size: float = 12, landscape: bool = False) -> DocumentType:
    """Return an empty A4 document whose Normal style uses `font` for Latin and CJK text."""
    document = Document()
    section = document.sections[0]
    width, height = Cm(21.0), Cm(29.7)
    if landscape:
        width, height = height, width
        section.orientation = 1  # WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = width, height
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = section.bottom_margin = Cm(2.0)
    normal = document.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    _east_asian(normal.element.get_or_add_rPr(), font)
    properties = document.core_properties
    properties.author = properties.last_modified_by = ""
    properties.created = properties.modified = FIXED_TIME
    properties.revision = 1
    return document


def _east_asian(rpr: OxmlElement, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attribute), font)


def add_text(paragraph, text: str, font: str | None = None, size: float | None = None,
             bold: bool = False) -> None:
    """Append `text` to `paragraph` as one run, in `font` when given."""
    run = paragraph.add_run(text)
    if font:
        run.font.name = font
        _east_asian(run._element.get_or_add_rPr(), font)
    if size:
        run.font.size = Pt(size)
    run.bold = bold or None


def paragraph(document: DocumentType, text: str = "", *, font: str | None = None,
              size: float | None = None, bold: bool = False, center: bool = False,
              right: bool = False, indent: bool = False) -> None:
    """Add one paragraph of `text`."""
    p = document.add_paragraph()
    if text:
        add_text(p, text, font, size, bold)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif right:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if indent:
        p.paragraph_format.first_line_indent = Pt(24)


def heading(document: DocumentType, text: str, size: float = 16, font: str = "黑体") -> None:
    """Add a centred bold title line."""
    paragraph(document, text, font=font, size=size, bold=True, center=True)


def grid_table(document: DocumentType, rows: Sequence[Sequence[str]], widths: Sequence[float],
               *, size: float | None = None, bold_first: bool = True,
               borders: bool = True) -> Table:
    """Add a table of `rows` (first row is the header) with column `widths` in cm."""
    table = document.add_table(rows=len(rows), cols=len(widths))
    if borders:
        table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, grid_column in zip(widths, table._tbl.tblGrid.findall(qn("w:gridCol")),
                                   strict=True):
        grid_column.set(qn("w:w"), str(int(column * 567)))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.width = Cm(widths[c])
            set_cell(cell, value, size=size, bold=bold_first and r == 0)
    return table


def set_cell(cell: _Cell, text: str, *, size: float | None = None, bold: bool = False) -> None:
    """Replace the text of `cell`; a "\\n" starts a new paragraph."""
    first = cell.paragraphs[0]
    for run in list(first.runs):
        run._element.getparent().remove(run._element)
    for extra in cell.paragraphs[1:]:
        extra._element.getparent().remove(extra._element)
    for i, line in enumerate(text.split("\n")):
        p = first if i == 0 else cell.add_paragraph()
        if line:
            add_text(p, line, size=size, bold=bold)


def merge_cells(table: Table, top: int, left: int, bottom: int, right: int,
                text: str | None = None, size: float | None = None) -> None:
    """Merge the block of cells and, when given, write `text` into it."""
    merged = table.cell(top, left).merge(table.cell(bottom, right))
    if text is not None:
        set_cell(merged, text, size=size)


def end_with_paragraph(document: DocumentType) -> None:
    """Add an empty paragraph when the body ends with a table, as Word always has one there.

    LibreOffice drops a table that ends the body when it writes or reads Word 97 (.doc).
    """
    body = document.element.body
    last = [child for child in body if child.tag != qn("w:sectPr")][-1]
    if last.tag == qn("w:tbl"):
        document.add_paragraph()


def new_sheet(title: str) -> tuple[Workbook, object]:
    """Return a workbook and its one sheet, printed landscape and fitted to the page width."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    workbook.properties.creator = ""
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    return workbook, sheet


def write_rows(sheet, rows: Sequence[Sequence[object]], *, start: int = 1,
               ruled: bool = True, font: str = "宋体", widths: Sequence[float] = ()) -> None:
    """Write `rows` from row `start`, optionally with thin borders, header row in bold."""
    thin = Side(style="thin")
    for r, values in enumerate(rows, start=start):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c, value=value)
            cell.font = Font(name=font, size=10, bold=r == start)
            if ruled:
                cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for c, width in enumerate(widths, start=1):
        sheet.column_dimensions[chr(ord("A") + c - 1)].width = width
