"""What a person typed into a form: runs, check boxes, fields, controls, paragraphs.

A plain string stands for a plain run wherever a run may stand. The model says what is in
the file; `paragraphs` writes it the way one office's Word (or one tester's script) writes it
(see `wordml.Hand`); `cells` puts paragraphs into tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


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


WORD_GLYPHS = ("2612", "2610", "MS Gothic")  # ☒ checked, ☐ unchecked: Word's default


@dataclass
class CheckBox:
    """A Word 2010 check-box content control (``w14:checkbox``) showing its glyph.

    `glyphs` are the checked and unchecked characters (hex) and their font.
    """

    checked: bool
    glyphs: tuple[str, str, str] = WORD_GLYPHS
    ident: int | None = None


@dataclass
class FormField:
    """A legacy form field (Word 97–2003 forms toolbar): a ``FORMCHECKBOX`` when `checked`
    is given, otherwise a ``FORMTEXT`` holding `text`."""

    checked: bool | None = None
    text: str = ""
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


@dataclass
class Symbol:
    """A character inserted with Insert > Symbol: ``<w:sym w:font=… w:char=…/>``."""

    font: str
    char: str


Inline = str | Run | Symbol | CheckBox | FormField | TextBox | Control


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


Content = Sequence["Para | BlockControl"]


def paras(*texts: str, align: str = "") -> list[Para]:
    """Return one paragraph per string."""
    return [Para([text], align=align) for text in texts]
