"""How Chinese and Latin text is set: which characters are wide, which close or open.

The PDF reader rebuilds words, lines and paragraphs from positioned characters with these.
"""

from __future__ import annotations

import unicodedata

# Gaps between characters, as a fraction of the font size. Latin words are split by a space
# about a quarter of an em wide, kerning is far less; a gap of a whole em or more is a
# visible hole in the line (a blank between two sub-labels, columns of a borderless table).
WORD_GAP = 0.2
CLOSING = frozenset("，。、；：？！）》」』】〕〉”’…,.;:?!)]}%")
# A wrapped line is joined without a space after these (a dash, a slash, an opening bracket)
# and before these, even between Latin characters: "JY/T1004—2012", "（2021—2023年）".
NO_SPACE_AFTER = frozenset("-‐‑–—―/([{（《“‘")
NO_SPACE_BEFORE = frozenset("-‐‑–—―/")
SENTENCE_END = frozenset("。！？；：.!?;:）)】》」』”’")
HALF_BRACKETS = str.maketrans("()", "（）")
BRACKETS = {"（": "）", "(": ")", "“": "”", "‘": "’", "《": "》", "【": "】", "「": "」",
            "『": "』", "〔": "〕", "〈": "〉"}


def is_wide(text: str) -> bool:
    """Tell whether `text` holds a wide character: Chinese, or full-width punctuation."""
    # Chinese characters and full-width punctuation are written without spaces between them.
    return any(unicodedata.east_asian_width(ch) in ("W", "F") for ch in text)
