"""Build the printed form from its definition: the blank official form and its template.

The blank form is what a school would receive from the notice; the template is the same
document with ``{{ field_id }}`` placeholders in the blanks a roster pre-fills. Both come
from the layout in the definition, so fixing a layout means editing the data file only.
Every run carries an east-Asian font so Word, WPS and LibreOffice show 宋体/仿宋/黑体.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from forms.model import BlockSpec, CellSpec, FormSpec, RepeatSpec, TableSpec

LATIN_FONT = "Times New Roman"


@dataclass(frozen=True)
class TextStyle:
    """How a kind of printed text looks: east-Asian font, size in points, weight."""

    font: str
    size: float
    bold: bool = False


ATTACHMENT_STYLE = TextStyle("黑体", 16)
TITLE_STYLE = TextStyle("宋体", 18, bold=True)
SUBTITLE_STYLE = TextStyle("楷体", 14)
BODY_STYLE = TextStyle("仿宋", 14)
NOTE_STYLE = TextStyle("仿宋", 12)
CELL_STYLE = TextStyle("宋体", 12)
HEADER_STYLE = TextStyle("宋体", 12, bold=True)
HEADING_STYLE = TextStyle("黑体", 16)
GUIDANCE_STYLE = TextStyle("楷体", 14)
LINE_BLANK = "\u3000" * 6  # an empty blank on a printed line: six character widths


def build_blank_form(spec: FormSpec) -> DocxDocument:
    """Return the blank official form of `spec` as a python-docx Document."""
    return _FormBuilder(spec, placeholders=False).build()


def build_template(spec: FormSpec) -> DocxDocument:
    """Return the form of `spec` with ``{{ id }}`` placeholders in pre-filled blanks."""
    return _FormBuilder(spec, placeholders=True).build()


def build_filled_form(spec: FormSpec, values: Mapping[str, str],
                      rows: Mapping[str, Sequence[Sequence[str]]]) -> DocxDocument:
    """Return the form of `spec` with `values` (blank id → text) and `rows` written in.

    `rows` gives each repeating table's rows (repeat id → the texts of its columns); a table
    prints at least its blank rows, more when more are given. Blanks not in `values` stay
    empty, as on the blank form.
    """
    return _FormBuilder(spec, placeholders=False, values=values, rows=rows).build()


def placeholder(field_id: str) -> str:
    """Return the template placeholder a pre-filled blank `field_id` carries."""
    return "{{ " + field_id + " }}"


def document_bytes(document: DocxDocument) -> bytes:
    """Return `document` saved as .docx bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def set_run_font(run_element: object, style: TextStyle) -> None:
    """Set fonts (east-Asian included), size and weight on a python-docx run."""
    from docx.text.run import Run

    assert isinstance(run_element, Run)
    run_element.font.size = Pt(style.size)
    run_element.font.bold = style.bold
    run_element.font.name = LATIN_FONT
    fonts = run_element._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), style.font)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:cs"), LATIN_FONT)


def add_text(paragraph: Paragraph, text: str, style: TextStyle) -> None:
    """Append `text` to `paragraph` as one run in `style`."""
    set_run_font(paragraph.add_run(text), style)


class _FormBuilder:
    def __init__(self, spec: FormSpec, *, placeholders: bool,
                 values: Mapping[str, str] | None = None,
                 rows: Mapping[str, Sequence[Sequence[str]]] | None = None) -> None:
        self.spec = spec
        self.placeholders = placeholders
        self.values = values or {}
        self.rows = rows or {}
        self.document = Document()

    def build(self) -> DocxDocument:
        self._page_setup()
        body = self.document.element.body
        for paragraph in list(body.iterchildren(qn("w:p"))):
            body.remove(paragraph)
        for block in self.spec.layout:
            self._block(block)
        if self.spec.layout and self.spec.layout[-1].kind == "table":
            # Word always ends a document with a paragraph; without it a table that ends
            # the document is lost when the file is saved as Word 97 (.doc).
            self._paragraph("", BODY_STYLE, WD_ALIGN_PARAGRAPH.LEFT)
        self.document.core_properties.title = self.spec.title
        self.document.core_properties.author = self.spec.issuer or "tianbiao"
        return self.document

    def _page_setup(self) -> None:
        section = self.document.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.top_margin = section.bottom_margin = Cm(2.54)
        section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
        normal = self.document.styles["Normal"]
        normal.font.name = LATIN_FONT
        normal.font.size = Pt(CELL_STYLE.size)
        rpr = normal.element.get_or_add_rPr()
        rpr.get_or_add_rFonts().set(qn("w:eastAsia"), CELL_STYLE.font)

    def _paragraph(self, text: str, style: TextStyle, align: WD_ALIGN_PARAGRAPH) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_after = Pt(6)
        add_text(paragraph, text, style)

    def _block(self, block: BlockSpec) -> None:
        left, center = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER
        if block.kind == "attachment":
            self._paragraph(block.text, ATTACHMENT_STYLE, left)
        elif block.kind == "title":
            for line in block.text.splitlines():
                self._paragraph(line, TITLE_STYLE, center)
        elif block.kind == "subtitle":
            self._paragraph(block.text, SUBTITLE_STYLE, center)
        elif block.kind == "paragraph":
            self._paragraph(block.text, BODY_STYLE, WD_ALIGN_PARAGRAPH.JUSTIFY)
        elif block.kind == "note":
            self._paragraph(block.text, NOTE_STYLE, left)
        elif block.kind == "pagebreak":
            run = self.document.add_paragraph().add_run()
            set_run_font(run, BODY_STYLE)
            run.add_break(WD_BREAK.PAGE)
        elif block.kind == "line":
            self._line(block)
        elif block.kind == "section":
            self._section(block)
        elif block.table is not None:
            self._table(block.table)

    def _line(self, block: BlockSpec) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(6)
        for index, segment in enumerate(block.segments):
            if index % 2 == 0:
                if segment:
                    add_text(paragraph, segment, BODY_STYLE)
                continue
            field = self.spec.field(segment)
            text = (self.values.get(field.id) or (
                placeholder(field.id) if self.placeholders and field.prefill
                else field.printed or LINE_BLANK))
            run = paragraph.add_run(text)
            set_run_font(run, BODY_STYLE)
            run.font.underline = True

    def _section(self, block: BlockSpec) -> None:
        self._paragraph(block.text, HEADING_STYLE, WD_ALIGN_PARAGRAPH.LEFT)
        for line in block.segments:
            self._paragraph(line, GUIDANCE_STYLE, WD_ALIGN_PARAGRAPH.LEFT)
        self._paragraph("", BODY_STYLE, WD_ALIGN_PARAGRAPH.LEFT)

    def _new_table(
        self, n_rows: int, widths: tuple[float, ...]
    ) -> tuple[object, list[list[_Cell]]]:
        """Add a table of plain cells; return it with its cells by row and column.

        The cells are taken once, before any merge: python-docx's ``Table.cell()`` walks the
        whole table on every call, which made a 35-row form take a second to build. A merge
        keeps the top-left cell's element and removes only those inside its own span, so the
        cells taken here stay valid for every merge that follows.
        """
        table = self.document.add_table(rows=n_rows, cols=len(widths))
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        cells = [list(row.cells) for row in table.rows]
        for index, width in enumerate(widths):
            table.columns[index].width = Cm(width)
            for row in cells:
                row[index].width = Cm(width)
        return table, cells

    def _table(self, spec: TableSpec) -> None:
        repeat_rows = 1 + self._repeat_count(spec.repeat) if spec.repeat else 0
        table, cells = self._new_table(len(spec.rows) + repeat_rows, spec.widths_cm)
        for r, (row_spec, placed) in enumerate(zip(spec.rows, spec.placed(), strict=True)):
            row = table.rows[r]  # type: ignore[attr-defined]
            _keep_on_one_page(row)
            if row_spec.height_cm:
                row.height = Cm(row_spec.height_cm)
                row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            if row_spec.header:
                _repeat_as_header(row)
            for col, cell_spec in placed:
                cell = cells[r][col]
                far = cells[r + cell_spec.rowspan - 1][col + cell_spec.colspan - 1]
                if far is not cell:
                    cell = cell.merge(far)
                self._fill_cell(cell, cell_spec, bold=row_spec.header)
                if not row_spec.borders:
                    _hide_borders(cell, keep_bottom=True)
        if spec.repeat is not None:
            self._repeat_rows(table, cells, len(spec.rows), spec.repeat)

    def _repeat_count(self, repeat: RepeatSpec) -> int:
        """Return how many rows a repeating part prints: its blank rows, or the rows given."""
        return max(repeat.blank_rows, len(self.rows.get(repeat.id, ())))

    def _repeat_rows(self, table: object, cells: list[list[_Cell]], first: int,
                     repeat: RepeatSpec) -> None:
        """Print a repeating part: its header row, then its rows, given or empty to write in."""
        columns = repeat.columns
        spans = repeat_column_spans(len(columns), len(cells[first]))
        given = self.rows.get(repeat.id, ())
        for r in range(first, first + 1 + self._repeat_count(repeat)):
            row = table.rows[r]  # type: ignore[attr-defined]
            row.height = Cm(0.9)
            col = 0
            for index, span in enumerate(spans):
                cell = cells[r][col]
                if span > 1:
                    cell = cell.merge(cells[r][col + span - 1])
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                if r == first:
                    self._fill_cell(cell, CellSpec(text=columns[index].header), bold=True)
                else:
                    texts = given[r - first - 1] if r - first - 1 < len(given) else ()
                    text = texts[index] if index < len(texts) else ""
                    _write_lines(cell, cell.paragraphs[0], text)
                col += span

    def _fill_cell(self, cell: _Cell, spec: CellSpec, *, bold: bool = False) -> None:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        first = cell.paragraphs[0]
        if spec.blank is None:
            lines = spec.text.splitlines() or [""]
            for index, line in enumerate(lines):
                paragraph = first if index == 0 else cell.add_paragraph()
                # Long printed text (item descriptions) reads better left-aligned.
                long = len(line) > 16
                paragraph.alignment = (
                    WD_ALIGN_PARAGRAPH.LEFT if long else WD_ALIGN_PARAGRAPH.CENTER
                )
                add_text(paragraph, line, HEADER_STYLE if bold else CELL_STYLE)
            return
        field = self.spec.field(spec.blank)
        first.alignment = WD_ALIGN_PARAGRAPH.LEFT
        if spec.label:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
            add_text(first, spec.label, CELL_STYLE)
            first = cell.add_paragraph()
        if self.values.get(field.id):
            _write_lines(cell, first, self.values[field.id])
        elif self.placeholders and field.prefill:
            add_text(first, placeholder(field.id), CELL_STYLE)
        elif field.printed and not field.parent:
            add_text(first, field.printed, CELL_STYLE)  # a prompt printed in the blank
        else:
            add_text(first, field.value_kind.empty_text(field.blank), CELL_STYLE)
        parts = self.spec.parts_of(field.id)
        if parts:
            # The opinion's label stays at the top; the signer and date lines sit under it.
            cell.vertical_alignment = (WD_CELL_VERTICAL_ALIGNMENT.TOP if spec.label
                                       else WD_CELL_VERTICAL_ALIGNMENT.BOTTOM)
        for part in parts:
            line = cell.add_paragraph()
            line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            add_text(line, part.printed or f"{part.column}：", CELL_STYLE)


def _write_lines(cell: _Cell, first: Paragraph, text: str) -> None:
    """Write `text` into `cell` from its paragraph `first` on, a paragraph per line."""
    for index, line in enumerate(text.splitlines() or [""]):
        add_text(first if index == 0 else cell.add_paragraph(), line, CELL_STYLE)


def repeat_column_spans(n_columns: int, n_grid: int) -> list[int]:
    """Return how many grid columns each of `n_columns` repeat columns spans."""
    if n_columns >= n_grid:
        return [1] * n_columns
    spans = [1] * n_columns
    for extra in range(n_grid - n_columns):
        spans[extra % n_columns] += 1
    return spans


def _keep_on_one_page(row: object) -> None:
    """Keep a table row from breaking across pages, as official forms are printed."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    keep = OxmlElement("w:cantSplit")
    keep.set(qn("w:val"), "true")
    properties.insert(0, keep)


def _repeat_as_header(row: object) -> None:
    """Mark a table row to repeat at the top of every printed page."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _hide_borders(cell: _Cell, *, keep_bottom: bool) -> None:
    properties = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for edge in ("top", "left", "bottom", "right"):
        if edge == "bottom" and keep_bottom:
            continue
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    # Schema order: tcBorders comes before shading, margins and vertical alignment.
    later = [child for child in properties if child.tag in _AFTER_BORDERS]
    if later:
        later[0].addprevious(borders)
    else:
        properties.append(borders)


_AFTER_BORDERS = {
    qn(f"w:{name}")
    for name in ("shd", "noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark")
}
