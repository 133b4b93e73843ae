"""The text of a paragraph as Word shows it, gathered run by run.

Inserted text counts; deleted, moved-away, hidden (vanish) and struck-through text does not.
Content controls show their text unless still showing the placeholder; fields show their
result, legacy checkbox fields their mark; symbol-font characters become the marks they draw
(parsers.marks); the text boxes anchored in the paragraph are handed back to be read as cells.
"""

from __future__ import annotations

from lxml import etree

from parsers.docx.controls import (
    checkbox_state,
    is_showing_placeholder,
    is_text_input,
    legacy_checkbox_state,
)
from parsers.docx.names import (
    ASCII,
    BR,
    CHAR,
    CR,
    DEL,
    DOUBLE_STRIKE,
    FLD_CHAR,
    FLD_CHAR_TYPE,
    FONT,
    HANSI,
    MATH_T,
    MC_ALTERNATE,
    MOVE_FROM,
    NO_BREAK_HYPHEN,
    PPR,
    PTAB,
    RFONTS,
    RPR,
    RUBY_TEXT,
    SDT,
    SDT_END_PR,
    SDT_PR,
    STRIKE,
    SYM,
    TAB,
    TEXT_BOX_CONTENT,
    VAL,
    VANISH,
    R,
    T,
    chosen_branch,
    is_on,
)
from parsers.docx.repeats import split_control, whole_text
from parsers.grid import CHECKED, UNCHECKED
from parsers.marks import SYMBOL_FONTS, symbol_code

# Elements whose content Word does not show as text of the paragraph: properties, deleted or
# moved-away revisions, and ruby (phonetic guide) text above the base characters.
_NOT_SHOWN = frozenset({PPR, RPR, SDT_PR, SDT_END_PR, DEL, MOVE_FROM, RUBY_TEXT})


class InlineText:
    """What a paragraph shows, gathered while its runs are walked."""

    __slots__ = ("fields", "has_input", "inputs", "parts", "text_boxes")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.text_boxes: list[etree._Element] = []  # text boxes anchored here
        # One entry per open field: True when it is a legacy checkbox, whose displayed
        # result is already written as a mark; else where its text starts in `parts` when
        # it is a legacy text input (FORMTEXT), or None.
        self.fields: list[bool | int | None] = []
        # Where the text of each legacy text input stands in `parts`: (start, end).
        self.inputs: list[tuple[int, int]] = []
        # Whether a text input begins or ends in the paragraph (it may span paragraphs).
        self.has_input = False

    def add(self, text: str) -> None:
        """Add `text` where it stands, unless a checkbox field's result is being read."""
        if text and (not self.fields or not any(f is True for f in self.fields)):
            self.parts.append(text)


def paragraph_inline(paragraph: etree._Element) -> InlineText:
    """Gather what the paragraph `paragraph` shows, its text form fields marked."""
    inline = InlineText()
    _collect_inline(paragraph, inline)
    return inline


def _collect_inline(element: etree._Element, inline: InlineText) -> None:
    skip = 0
    for child in element:
        if skip:
            skip -= 1
        elif child.tag == SDT and (group := split_control(child)):
            repaired = _repaired_control(group)
            if repaired is None:
                _collect_element(child, inline)
            else:
                inline.add(repaired)
                skip = len(group) - 1
        else:
            _collect_element(child, inline)


def _repaired_control(group: list[etree._Element]) -> str | None:
    """Return the text of a control LibreOffice split and repeated, or None if it was not."""
    texts = []
    for sdt in group:
        if is_showing_placeholder(sdt.find(SDT_PR)):
            return None
        inline = InlineText()
        _collect_inline(sdt, inline)
        texts.append("".join(inline.parts))
    return whole_text(texts[0], [t[: len(t) - len(texts[0])] if t.endswith(texts[0]) else None
                                  for t in texts[1:]])

def _collect_element(element: etree._Element, inline: InlineText) -> None:
    tag = element.tag
    if tag == R:
        _collect_run(element, inline)
    elif tag in _NOT_SHOWN or not isinstance(tag, str):
        return
    elif tag == SDT:
        sdt_pr = element.find(SDT_PR)
        checked = checkbox_state(sdt_pr)
        if checked is not None:
            inline.add(CHECKED if checked else UNCHECKED)
        elif not is_showing_placeholder(sdt_pr):
            _collect_inline(element, inline)
    elif tag == MC_ALTERNATE:
        branch = chosen_branch(element)
        if branch is not None:
            _collect_inline(branch, inline)
    elif tag == TEXT_BOX_CONTENT:
        inline.text_boxes.append(element)  # read as a cell by parsers.docx.body
    elif tag == MATH_T:
        inline.add(element.text or "")
    else:
        # Insertions, hyperlinks, smart tags, simple fields, drawings holding text boxes.
        _collect_inline(element, inline)


def _collect_run(run: etree._Element, inline: InlineText) -> None:
    symbol_table: dict[int, str] | None = None
    for child in run:
        tag = child.tag
        if tag == T:
            text = child.text or ""
            if symbol_table is not None:
                text = "".join(symbol_table.get(symbol_code(ord(ch)), ch) for ch in text)
            inline.add(text)
        elif tag == RPR:
            if _is_hidden(child) or _is_struck(child):
                return
            symbol_table = _run_symbol_table(child)
        elif tag == TAB or tag == PTAB:
            inline.add("\t")
        elif tag == BR or tag == CR:
            inline.add("\n")
        elif tag == NO_BREAK_HYPHEN:
            inline.add("-")
        elif tag == SYM:
            inline.add(_symbol_text(child))
        elif tag == FLD_CHAR:
            _track_field(child, inline)
        else:
            _collect_element(child, inline)


def _track_field(field_char: etree._Element, inline: InlineText) -> None:
    kind = field_char.get(FLD_CHAR_TYPE)
    if kind == "begin":
        checked = legacy_checkbox_state(field_char)
        if checked is not None:
            inline.add(CHECKED if checked else UNCHECKED)
            inline.fields.append(True)
        elif is_text_input(field_char) and not inline.fields:
            inline.fields.append(len(inline.parts))
            inline.has_input = True
        else:
            inline.fields.append(None)
    elif kind == "end" and inline.fields:
        opened = inline.fields.pop()
        if opened is not True and opened is not None:
            inline.inputs.append((opened, len(inline.parts)))
    elif kind == "end":
        inline.has_input = True  # the end of a field begun in an earlier paragraph



def _is_hidden(run_properties: etree._Element) -> bool:
    vanish = run_properties.find(VANISH)
    return vanish is not None and is_on(vanish.get(VAL))


def _is_struck(run_properties: etree._Element) -> bool:
    # Struck through is crossed out: a school deletes the options it did not choose so
    # ("□是 ~~□否~~"). The PDF reader drops struck text the same way.
    for tag in (STRIKE, DOUBLE_STRIKE):
        struck = run_properties.find(tag)
        if struck is not None and is_on(struck.get(VAL)):
            return True
    return False


def _run_symbol_table(run_properties: etree._Element) -> dict[int, str] | None:
    fonts = run_properties.find(RFONTS)
    if fonts is None:
        return None
    for attribute in (ASCII, HANSI):
        table = SYMBOL_FONTS.get((fonts.get(attribute) or "").strip().lower())
        if table is not None:
            return table
    return None



def _symbol_text(symbol: etree._Element) -> str:
    try:
        code = symbol_code(int(symbol.get(CHAR, ""), 16))
    except ValueError:
        return ""
    table = SYMBOL_FONTS.get((symbol.get(FONT) or "").strip().lower())
    if table is not None:
        return table.get(code, "")
    if 0xE000 <= code <= 0xF8FF or code < 0x20 or code > 0x10FFFF:
        return ""  # a private-use glyph of a font we do not know says nothing to a reader
    return chr(code)
