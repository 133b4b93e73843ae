"""What the checkbox and bullet characters of symbol fonts stand for, read by both readers.

Word writes a character of a symbol font (Wingdings, Wingdings 2) as its code in that font,
either the byte itself or shifted to the private-use code point U+F0xx; without the font it
means nothing. These tables turn the codes that are checkbox marks, ticks and common bullets
into the marks of the grid model. The two Wingdings tables have no code in common, so a code
printed in a fallback font (the symbol font missing) is still read unambiguously.
"""

from __future__ import annotations

from parsers.grid import CHECKED, UNCHECKED

# Where Word and LibreOffice put a symbol font's codes: U+F000 plus the code in the font.
SYMBOL_PAGE = 0xF000

# Codes checked against Unicode-mapping tables of the two fonts (jpablobr/emacs.d
# unicode_template.md for Wingdings, PhMajerus/AXSH.Library Functions/Wingdings2.vbs for
# Wingdings 2).
WINGDINGS = {
    0x6F: UNCHECKED,  # □ white square
    0x71: UNCHECKED,  # ❑ lower right shadowed white square
    0x72: UNCHECKED,  # ❒ upper right shadowed white square
    0xA8: UNCHECKED,  # ◻ white medium square
    0x78: CHECKED,  # ⌧ X in a rectangle box
    0xFD: CHECKED,  # ☒ ballot box with X
    0xFE: CHECKED,  # ☑ ballot box with check
    0xFC: "√",  # ✓ check mark
    0xFB: "✗",
    0x6C: "●",
    0x6E: "■",
    0x9F: "•",
    0xA1: "○",
    0xA7: "▪",
    0xAB: "★",
    0xD8: "➢",
}
WINGDINGS_2 = {
    0x2A: UNCHECKED,  # 🗆 empty note page, drawn as an empty box
    0xA3: UNCHECKED,  # □ white square
    0xA4: UNCHECKED,  # 🞑 heavy white square
    0xA5: UNCHECKED,  # 🞒 very heavy white square
    0x51: CHECKED,  # 🗵 ballot box with script X
    0x52: CHECKED,  # ☑ ballot box with check
    0x53: CHECKED,  # ⮽ ballot box with light X
    0x54: CHECKED,  # ☒ ballot box with X
    0x50: "√",  # 🗸 light check mark
    0x4F: "✗",  # 🗴 ballot script X
    0xA2: "■",  # black square: a filled square, not a box, so left as the shape it is
    0x98: "●",
    0x99: "○",
}
# The tables by font name as Word writes it in a run's properties, in lower case.
SYMBOL_FONTS = {"wingdings": WINGDINGS, "wingdings 2": WINGDINGS_2}
# Either font's codes, for a code printed where the font's name is not known.
ANY_SYMBOL_FONT = {**WINGDINGS, **WINGDINGS_2}
BOX_MARKS = frozenset({CHECKED, UNCHECKED})


def symbol_code(code: int) -> int:
    """Return the code in its font of the character `code`, shifted to U+F0xx or not."""
    return code - SYMBOL_PAGE if SYMBOL_PAGE <= code <= SYMBOL_PAGE + 0xFF else code
