"""Characters into printed lines and words, spaces kept where typed and seen.

Typed spaces are kept, none is invented between Chinese characters, a fake bold printed
twice is read once, and struck-out characters are left out without leaving a gap.
"""

from __future__ import annotations

from typing import Any

from parsers.pdf.checkboxes import fallback_box_marks
from parsers.pdf.model import CellLine
from parsers.pdf.typesetting import WORD_GAP, is_wide

_WIDE_GAP = 1.0
# The same character again within this distance is printed over itself, not written twice.
_OVERPRINT = 0.1


def _lines(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Return `chars` grouped into printed lines, top to bottom, each left to right."""
    lines: list[list[dict[str, Any]]] = []
    line_top = line_bottom = 0.0
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        height = char["bottom"] - char["top"]
        overlap = min(line_bottom, char["bottom"]) - max(line_top, char["top"])
        if lines and overlap >= 0.5 * min(height, line_bottom - line_top):
            lines[-1].append(char)
            line_bottom = max(line_bottom, char["bottom"])
        else:
            lines.append([char])
            line_top, line_bottom = char["top"], char["bottom"]
    return [fallback_box_marks(sorted(line, key=lambda c: c["x0"])) for line in lines]


def _line_text(line: list[dict[str, Any]]) -> str:
    """Join the characters of one line as printed, spaces where spaces or gaps are seen."""
    parts: list[str] = []
    previous: dict[str, Any] | None = None
    spaces: list[tuple[float, float]] = []  # the space characters since `previous`
    reach = 0.0  # the right end of the last character, struck out or not
    for char in line:
        text = char["text"]
        if char.get("struck"):
            # Deleted text leaves no gap behind: what stood around it was written together.
            reach, spaces = max(reach, char["x1"]), []
            continue
        if text.isspace():
            if previous is not None and not any(abs(char["x0"] - x) < 1 for x, _ in spaces):
                spaces.append((char["x0"], char["x1"]))
            continue
        if previous is not None:
            em = max(min(char["size"], previous["size"]), 1.0)
            if text == previous["text"] and abs(char["x0"] - previous["x0"]) < _OVERPRINT * em:
                continue  # the same glyph printed again a hair aside: a fake bold
            gap = char["x0"] - max(previous["x1"], reach)
            latin = not is_wide(previous["text"]) and not is_wide(text)
            typed = _typed_spaces(spaces, max(previous["x1"], reach), char["x0"])
            if typed:
                parts.append(" " * typed)  # typed spaces, as many as were typed
            elif gap >= _WIDE_GAP * em or (latin and gap > WORD_GAP * em):
                parts.append(" ")  # a gap with no space character: words placed apart
        parts.append(text)
        previous, spaces, reach = char, [], char["x1"]
    return "".join(parts)


def _typed_spaces(spaces: list[tuple[float, float]], left: float, right: float) -> int:
    """Return how many of the space glyphs between two characters are spaces someone typed.

    LibreOffice draws underlines with space glyphs laid over the text and over the small gap
    it puts between Chinese and Latin characters; a typed space is one that stands in the
    gap and the gap is as wide as the space.
    """
    between = [(x0, x1) for x0, x1 in spaces if left - 0.5 <= (x0 + x1) / 2 <= right + 0.5]
    if not between:
        return 0
    width = max(x1 - x0 for x0, x1 in between) or 1.0
    return min(len(between), int((right - left) / width + 0.2))


def cell_lines(chars: list[dict[str, Any]]) -> list[CellLine]:
    """Return the printed lines of a cell's characters, top to bottom, blank ones left out."""
    lines = []
    for line in _lines(chars):
        text = _line_text(line)
        if text:
            lines.append(CellLine(line, [c for c in line if not c["text"].isspace()], text))
    return lines
