"""Documents through python-docx: the A4 page and Normal font, body paragraphs, the package.

Every corpus file starts as a python-docx document with the office's margins and Normal
font (`new_document`, or a bureau's `Blank`); `file_bytes` saves it with fixed core
properties and zip entry times, so that a rebuild gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

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


@dataclass(frozen=True)
class Blank:
    """A bureau's blank attachment: its page, Normal font and file properties.

    `stamp` dates every zip entry (None: the minute the school saved the file);
    `last_printed` None is when the bureau made it.
    """

    font: str
    size: float
    margins: Margins
    author: str
    created: dt.datetime
    last_printed: dt.datetime | None = None
    revision: int = 4
    stamp: tuple[int, int, int, int, int, int] | None = None
    latin_font: str | None = "Times New Roman"

    def new(self) -> Any:
        """Return an empty document on the bureau's page."""
        return new_document(self.font, self.size, self.margins, latin_font=self.latin_font)

    def saved(self, doc: Any, modified: dt.datetime, editor: str = "Administrator") -> bytes:
        """Return `doc` saved by `editor` at `modified`: the same bytes on every run."""
        stamp = self.stamp or (modified.year, modified.month, modified.day, modified.hour,
                               modified.minute, 0)
        return file_bytes(doc, stamp=stamp, author=self.author, created=self.created,
                          modified=modified, last_printed=self.last_printed or self.created,
                          editor=editor, revision=self.revision)


def file_bytes(doc: Any, *, stamp: tuple[int, int, int, int, int, int], author: str,
               created: dt.datetime, modified: dt.datetime, last_printed: dt.datetime,
               editor: str = "Administrator", revision: int = 4) -> bytes:
    """Return the saved .docx: core properties as the bureau's and the school's Word left
    them, every zip entry dated `stamp`, so that each run gives the same bytes."""
    core = doc.core_properties
    core.author = author
    core.title = core.subject = core.keywords = core.comments = core.category = ""
    core.last_modified_by = editor
    core.revision = revision
    core.created = created
    core.modified = modified
    core.last_printed = last_printed
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
