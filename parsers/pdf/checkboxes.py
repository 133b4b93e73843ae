"""Checkbox marks in a PDF, read as the marks of the grid model.

Word and LibreOffice print a checkbox of a symbol font (Wingdings) as its code in that font
(parsers.marks), or, the font missing, as a letter of an ordinary font; Word's legacy
checkbox fields come out as small drawn squares, crossed when ticked.
"""

from __future__ import annotations

import re
from typing import Any

from pdfplumber.page import Page

from parsers.grid import CHECKED, UNCHECKED
from parsers.marks import ANY_SYMBOL_FONT, BOX_MARKS, SYMBOL_PAGE, WINGDINGS, WINGDINGS_2
from parsers.pdf.typesetting import is_wide

# Word's legacy checkbox fields print as an empty square, crossed when ticked; a square this
# size (points) with no character inside is such a box.
_BOX_SIDE = (5.0, 16.0)


def decode_symbol(char: dict[str, Any]) -> dict[str, Any]:
    """Return `char`, a Wingdings checkbox or bullet in it read as the mark it shows."""
    text = char["text"]
    if len(text) != 1:
        return char
    code = ord(text)
    name = re.sub(r"[^a-z0-9]", "", str(char.get("fontname", "")).split("+")[-1].lower())
    table: dict[int, str] | None = None
    if "wingdings3" in name:
        table = {}
    elif "wingdings2" in name:
        table = WINGDINGS_2
    elif "wingdings" in name:
        table = WINGDINGS
    if SYMBOL_PAGE + 0x20 <= code <= SYMBOL_PAGE + 0xFF:
        mark = (ANY_SYMBOL_FONT if table is None else table).get(code - SYMBOL_PAGE)
    elif table is not None and code <= 0xFF:
        mark = table.get(code)  # the symbol font itself, its codes read as Latin-1
    else:
        return char
    return {**char, "text": mark} if mark else char


def fallback_box_marks(line: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return `line` with Wingdings 2 boxes that a fallback font printed as letters read back.

    Where the symbol font is missing, LibreOffice prints a Wingdings 2 box by its code in an
    ordinary font: "R是   £否" for "☑是   ☐否". A pound sign set right before a Chinese
    character is never written, so it shows the line was printed so; then a letter coding a
    box, standing alone right before a Chinese character, is that box too.
    """
    def before_wide(index: int) -> bool:
        following = line[index + 1] if index + 1 < len(line) else None
        return (following is not None and is_wide(following["text"])
                and following["x0"] - line[index]["x1"] < 0.5 * following["size"])

    if not any(char["text"] == "£" and before_wide(i) for i, char in enumerate(line)):
        return line
    decoded = list(line)
    for index, char in enumerate(line):
        text = char["text"]
        mark = WINGDINGS_2.get(ord(text)) if len(text) == 1 else None
        if mark not in BOX_MARKS or not before_wide(index):
            continue
        previous = line[index - 1] if index else None
        if previous is None or previous["text"].isspace() or is_wide(previous["text"]):
            decoded[index] = {**char, "text": mark}
    return decoded


def drawn_checkboxes(page: Page) -> tuple[list[dict[str, Any]], set[tuple[Any, ...]]]:
    """Return a checkbox mark for each empty small square drawn on `page`, crossed or not.

    LibreOffice prints Word's legacy checkbox fields as a square outline, with its two
    diagonals when ticked; nothing of them is in the text layer. Also return the squares
    and diagonals (as `drawing_key` keys), to be left out of the page's ruling lines.
    """
    chars = page.chars
    marks = []
    drawn: set[tuple[Any, ...]] = set()
    for rect in page.rects:
        x0, top, x1, bottom = rect["x0"], rect["top"], rect["x1"], rect["bottom"]
        side = x1 - x0
        if not rect.get("stroke") or rect.get("fill") or abs((bottom - top) - side) > 1:
            continue
        if not _BOX_SIDE[0] <= side <= _BOX_SIDE[1]:
            continue
        if any(x0 < (c["x0"] + c["x1"]) / 2 < x1 and top < (c["top"] + c["bottom"]) / 2 < bottom
               for c in chars):
            continue  # a box drawn around a character: the character says what it is
        diagonals = [
            line for line in page.lines
            if line["x0"] >= x0 - 1 and line["x1"] <= x1 + 1 and line["top"] >= top - 1
            and line["bottom"] <= bottom + 1 and line["x1"] - line["x0"] > side / 2
            and line["bottom"] - line["top"] > side / 2
        ]
        marks.append({
            "text": CHECKED if len(diagonals) >= 2 else UNCHECKED,
            "x0": x0, "x1": x1, "top": top, "bottom": bottom, "size": bottom - top,
            "fontname": "", "upright": True,
        })
        drawn.update(drawing_key(obj) for obj in [rect, *diagonals])
    return marks, drawn


def drawing_key(obj: dict[str, Any]) -> tuple[Any, ...]:
    """Return what tells a drawn object of the page from the others: its kind and place."""
    return (obj.get("object_type"), obj.get("x0"), obj.get("top"), obj.get("x1"),
            obj.get("bottom"))
