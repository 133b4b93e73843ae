"""Checkboxes on a page image, read by the ink inside them, not by OCR.

OCR reads an empty box as 口 or □ and a ticked one as V, 区, or nothing at all: the mark is
no letter. So the small squares of the page are found by their outline, and whether one is
ticked is told by how much ink lies inside its frame. A square stands for a checkbox where
OCR read a box-like sign on it (口 only standing apart), or read nothing there; a square
under any other character is that character (国, 回 and 田 are squares too).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from parsers.grid import CHECKED, UNCHECKED
from parsers.marks import BOX_MARKS, WINGDINGS_2
from parsers.pdf.typesetting import is_wide
from parsers.scan.ocr import Glyph, TextLine

# A checkbox's side, in ems of the text beside it (Word's form fields draw large ones).
_SIDE_EMS = (0.55, 1.6)
# A frame's stroke is at most this share of its side.
_FRAME_WIDTH = 0.1
# Each side of the frame is inked along this share of its length at least.
_FRAME_INKED = 0.85
# The inside (the frame's inner 60%) holds this share of ink or less when empty, this much
# or more when ticked; between the two the reading is unsure.
_EMPTY_INK = 0.03
_TICKED_INK = 0.09
# What OCR makes of a box, empty or ticked; 口 only where it stands apart from other words.
_BOX_READINGS = frozenset("□☐☑☒⊠⊡▣■◻√✓✔×VvX")
# A character OCR read on a square less surely than this is the box misread (a crossed box
# read as a dense character, 髓); a real 国 or 回 is read surely.
_UNSURE_READING = 0.8
_BOX_OR_MOUTH = "口"
_APART = frozenset(" ：:，,、；;（(")
# A box OCR read nothing on stands clear of the characters beside it: their centres are
# further than this (in the box's widths) from its sides.
_NEIGHBOUR = 0.3


@dataclass(frozen=True)
class Checkbox:
    """A square on the page (pixels), how much ink is inside it, and what that says."""

    x0: int
    top: int
    x1: int
    bottom: int
    ink: float

    @property
    def mark(self) -> str:
        """Return the grid's mark for the box: ticked or empty."""
        return CHECKED if self.ink >= (_EMPTY_INK + _TICKED_INK) / 2 else UNCHECKED

    @property
    def confidence(self) -> float:
        """Return how sure the reading of the mark is: 1 outside the unsure band."""
        if self.ink <= _EMPTY_INK or self.ink >= _TICKED_INK:
            return 1.0
        middle = (_EMPTY_INK + _TICKED_INK) / 2
        return 0.5 + abs(self.ink - middle) / (_TICKED_INK - _EMPTY_INK)


def find_squares(ink: np.ndarray, em: float) -> list[Checkbox]:
    """Return the small squares outlined in the ink mask `ink`, text `em` pixels high."""
    low, high = _SIDE_EMS[0] * em, _SIDE_EMS[1] * em
    contours, _ = cv2.findContours(ink, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    outlines = [cv2.boundingRect(contour) for contour in contours]
    # A box touching the character after it is one shape with it; its straight sides alone
    # (a tick or cross inside taken away) still close round a square hole.
    side = max(3, round(_SIDE_EMS[0] * em * 0.6))
    frames = cv2.bitwise_or(
        cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, side), np.uint8)),
        cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((side, 1), np.uint8)))
    holes, _ = cv2.findContours(frames, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    for hole in holes:
        x, y, w, h = cv2.boundingRect(hole)
        grow = max(1, round(_FRAME_WIDTH * w))
        outlines.append((x - grow, y - grow, w + 2 * grow, h + 2 * grow))
    found: list[Checkbox] = []
    for x, y, w, h in outlines:
        if not (low <= w <= high and low <= h <= high) or abs(w - h) > 0.2 * max(w, h):
            continue
        if x < 0 or y < 0 or x + w > ink.shape[1] or y + h > ink.shape[0]:
            continue
        box = ink[y:y + h, x:x + w] > 0
        band = max(1, round(0.12 * w))
        sides = (box[:band, :], box[-band:, :], box[:, :band], box[:, -band:])
        if min(float(side.any(axis=0 if i < 2 else 1).mean())
               for i, side in enumerate(sides)) < _FRAME_INKED:
            continue
        corners = (box[:band, :band], box[:band, -band:], box[-band:, :band],
                   box[-band:, -band:])
        if not all(corner.any() for corner in corners):
            continue  # a circle (①) or a rounded letter touches its box's sides, not corners
        inner = box[round(0.2 * h):round(0.8 * h), round(0.2 * w):round(0.8 * w)]
        if not inner.size:
            continue
        found.append(Checkbox(x, y, x + w, y + h, float(inner.mean())))
    # A frame's outer and inner outline, or its outline and its hole, are one box: the
    # outer one is kept.
    found.sort(key=lambda b: -(b.x1 - b.x0))
    kept: list[Checkbox] = []
    for square in found:
        if not any(_shared(square, k) > 0.5 for k in kept):
            kept.append(square)
    return kept


def _shared(square: Checkbox, other: Checkbox) -> float:
    """Return the share of `square`'s area that `other` covers."""
    width = min(square.x1, other.x1) - max(square.x0, other.x0)
    height = min(square.bottom, other.bottom) - max(square.top, other.top)
    if width <= 0 or height <= 0:
        return 0.0
    return width * height / ((square.x1 - square.x0) * (square.bottom - square.top))


def with_marks(lines: list[TextLine], squares: list[Checkbox]) -> list[TextLine]:
    """Return `lines` with each checkbox on them written as its mark, ticked or empty."""
    owners: dict[int, list[Checkbox]] = {}
    for square in squares:
        owner = _line_of(lines, square)
        if owner is not None:
            owners.setdefault(owner, []).append(square)
    marked = []
    for number, line in enumerate(lines):
        glyphs = list(line.glyphs)
        placed = []
        for square in owners.get(number, []):
            under = [g for g in glyphs if square.x0 - 2 <= g.x <= square.x1 + 2]
            if under and not all(_reads_as_box(glyphs, g) for g in under):
                continue  # a character that happens to be square
            reach = _NEIGHBOUR * (square.x1 - square.x0)
            if not under and any(square.x0 - reach < g.x < square.x1 + reach for g in glyphs):
                continue  # a square part of a character (the 日 of 阳)
            glyphs = [g for g in glyphs if g not in under]
            glyphs.append(Glyph(square.mark, (square.x0 + square.x1) / 2, square.confidence))
            placed.append(square)
        glyphs.sort(key=lambda g: g.x)
        x0 = min([line.x0, *(s.x0 for s in placed)])
        x1 = max([line.x1, *(s.x1 for s in placed)])
        marked.append(TextLine(x0, line.top, x1, line.bottom, tuple(glyphs)))
    return marked


def with_fallback_marks(lines: list[TextLine]) -> list[TextLine]:
    """Return `lines` with Wingdings 2 boxes printed as letters read back as marks.

    Printed where the symbol font was missing, "☑是 ☐否" shows as "R是 £否" (the PDF
    reader's rule, parsers.pdf.checkboxes): where a pound sign stands right before a Chinese
    character, a letter coding a box there is that box.
    """
    marked = []
    for line in lines:
        glyphs = list(line.glyphs)
        if any(g.text == "£" and _before_wide(glyphs, i) for i, g in enumerate(glyphs)):
            for index, glyph in enumerate(glyphs):
                mark = WINGDINGS_2.get(ord(glyph.text)) if len(glyph.text) == 1 else None
                if mark in BOX_MARKS and _before_wide(glyphs, index) and (
                        index == 0 or not glyphs[index - 1].text.isalnum()
                        or is_wide(glyphs[index - 1].text)):
                    glyphs[index] = Glyph(str(mark), glyph.x, glyph.confidence)
        marked.append(TextLine(line.x0, line.top, line.x1, line.bottom, tuple(glyphs)))
    return marked


def _before_wide(glyphs: list[Glyph], index: int) -> bool:
    return index + 1 < len(glyphs) and is_wide(glyphs[index + 1].text)


def _line_of(lines: list[TextLine], square: Checkbox) -> int | None:
    """Return the index of the line `square` stands on (the nearest level with it), or None."""
    middle = (square.top + square.bottom) / 2
    candidates = [(abs((line.top + line.bottom) / 2 - middle), number)
                  for number, line in enumerate(lines) if _beside(line, square)]
    return min(candidates)[1] if candidates else None


def _beside(line: TextLine, square: Checkbox) -> bool:
    """Tell whether `square` stands on `line`: level with it, inside or just before it."""
    height = line.bottom - line.top
    overlap = min(line.bottom, square.bottom) - max(line.top, square.top)
    if overlap < 0.5 * (square.bottom - square.top):
        return False
    return line.x0 - height <= square.x0 and square.x1 <= line.x1 + height


def _reads_as_box(glyphs: list[Glyph], glyph: Glyph) -> bool:
    if glyph.text in _BOX_READINGS or glyph.confidence < _UNSURE_READING:
        return True
    if glyph.text != _BOX_OR_MOUTH:
        return False
    index = glyphs.index(glyph)
    return index == 0 or glyphs[index - 1].text in _APART
