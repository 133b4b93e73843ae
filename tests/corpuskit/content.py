"""The content of a filled form as a person typed it: runs, paragraphs, cells, rows, tables.

A plain string stands for a plain run wherever a run may stand. The model says what is in
the file; `wordml` writes it the way one office's Word (or one tester's script) writes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CONTINUE = "^"  # in a Row's cells: the cell above continues down (a vertical merge)


@dataclass
class Run:
    """A run of text; "\\n" inside it is a line break (w:br).

    `font` replaces the paragraph's font; `symbol_font` sets only the western font slots (a
    symbol font such as Wingdings keeps the east-Asian font). `revision` is "ins" or "del"
    for a tracked change; `hidden` is Word's hidden text (w:vanish); `ident` is the id the
    writer gave the revision (None: the next one).
    """

    text: str
    font: str | None = None
    symbol_font: str | None = None
    size: float | None = None
    bold: bool | None = None
    underline: bool = False
    hidden: bool = False
    strike: bool = False
    color: str | None = None
    revision: str = ""
    ident: int | None = None


@dataclass
class Symbol:
    """A character inserted with Insert > Symbol: ``<w:sym w:font=… w:char=…/>``."""

    font: str
    char: str


@dataclass
class CheckBox:
    """A Word 2010 check-box content control (``w14:checkbox``) showing its glyph."""

    checked: bool
    checked_glyph: str = "2612"  # ☒, Word's default
    unchecked_glyph: str = "2610"  # ☐
    glyph_font: str = "MS Gothic"
    ident: int | None = None


@dataclass
class FormCheckBox:
    """A legacy form-field check box (Word 97–2003 forms toolbar): ``FORMCHECKBOX``."""

    checked: bool
    ident: int | None = None


@dataclass
class FormText:
    """A legacy text form field (``FORMTEXT``) holding `text`."""

    text: str
    ident: int | None = None


@dataclass
class TextBox:
    """A VML text box (Insert > Text Box) holding one line of `text`."""

    text: str
    ident: int | None = None


@dataclass
class Control:
    """An inline plain-text content control; a date picker when `full_date` is set.

    `placeholder`: the control still shows Word's placeholder text (nothing was written).
    """

    text: str
    alias: str | None = None
    placeholder: bool = False
    full_date: str | None = None
    ident: int | None = None


Inline = str | Run | Symbol | CheckBox | FormCheckBox | FormText | TextBox | Control


@dataclass
class Para:
    """A paragraph of inline items; the font, size and bold apply to its plain runs.

    `first_line` is a first-line indent in cm, `line` replaces the writer's line spacing
    (in 240ths of a line), `page_break` ends the paragraph with a page break.
    """

    runs: list[Inline]
    align: str = ""
    font: str | None = None
    size: float | None = None
    bold: bool | None = None
    first_line: float | None = None
    line: int | None = None
    page_break: bool = False


@dataclass
class BlockControl:
    """A block-level (rich text) content control holding whole paragraphs."""

    paras: Content
    alias: str
    placeholder: bool = False


Content = list["Para | BlockControl"]


@dataclass
class Cell:
    """A table cell: its content, the grid columns it spans, how it is styled.

    `vmerge` is "restart" on the top of a vertical merge and "continue" below it. A label
    cell takes the table's label font, a value cell its value font; `font`, `size` and
    `bold` override both.
    """

    content: Content
    span: int = 1
    vmerge: str = ""
    label: bool = False
    font: str | None = None
    size: float | None = None
    bold: bool | None = None
    valign: str = "center"
    diagonal: bool = False


@dataclass
class Row:
    """A table row; `header` repeats it on every page, `borderless` drops its top and sides."""

    cells: list[Cell | str]
    height: float | None = None
    header: bool = False
    borderless: bool = False


@dataclass
class Table:
    """A table on the grid `widths` (cm) with its label and value fonts and font size."""

    widths: tuple[float, ...]
    rows: list[Row]
    label_font: str = "宋体"
    value_font: str = "宋体"
    size: float = 10.5


Block = Para | Table


def paras(*texts: str, align: str = "") -> Content:
    """Return one paragraph per string."""
    return [Para([text], align=align) for text in texts]


def label(text: str, span: int = 1, align: str = "center", **more: Any) -> Cell:
    """Return a printed label cell; "\\n" separates its paragraphs."""
    return Cell(paras(*text.split("\n"), align=align), span=span, label=True, **more)


def value(content: Content | str | None, span: int = 1, **more: Any) -> Cell:
    """Return a value cell as filled; None leaves it as printed (one empty paragraph).

    A string is split into paragraphs at "\\n".
    """
    if content is None:
        content = paras("")
    elif isinstance(content, str):
        content = paras(*content.split("\n"))
    return Cell(content, span=span, **more)


@dataclass
class Ids:
    """Element ids (revisions, content controls, bookmarks) counted from `start`."""

    start: int = 1
    _next: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self._next = self.start

    def take(self) -> int:
        """Return the next id."""
        ident = self._next
        self._next += 1
        return ident

    def reset(self) -> None:
        """Count from `start` again (a new document)."""
        self._next = self.start
