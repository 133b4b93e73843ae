"""The characters of a read line as boxes on the page, with the spaces its gaps show.

OCR gives each character's centre; the ink of the line tells where each one starts and
ends (the blank columns between them), how high the writing is, and how wide each gap is.
A space is written where the gap is wider than letters and characters leave between them:
Chinese is set without spaces, so a visible gap there is one somebody typed.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from parsers.pdf.typesetting import is_wide
from parsers.scan.ocr import TextLine

# Ink height as a share of the font size: a line with Chinese characters (as measured on
# LibreOffice's prints), and one of figures and letters only.
_WIDE_HEIGHT = 1.0
_NARROW_HEIGHT = 0.75
# Half the widest a character's ink can be (ems), Chinese and the rest.
_WIDE_HALF = 0.6
_NARROW_HALF = 0.45
# A blank between two characters is looked for this far (ems) from the middle of the two.
_SEARCH = 0.35
# Gaps (ems) that are typed spaces: between Chinese characters, between a Chinese character
# and a figure or letter (Word and LibreOffice set a quarter em there by themselves, and a
# "1" stands a quarter em inside its box), between figures or letters (where OCR's own
# space counts first: full-width figures "９６．５" stand half an em apart), and beside
# Chinese punctuation, whose glyph is half blank. From the last gap on, two things were
# written apart: two spaces.
_WIDE_SPACE = 0.4
_MIXED_SPACE = 0.6
_NARROW_SPACE = 0.7
_PUNCTUATION_SPACE = 1.5
_APART = 2.5
# A line's box keeps this share of its writing's height above and below the writing, and
# reaches out this far (writing heights) for a mark beyond either end.
_FIT_MARGIN = 0.2
_END_REACH = 0.6
# How sure a space is that may stand for a mark OCR did not read.
_UNREAD_MARK = 0.5
# The gap (ems) a full-width mark leaves between two characters when OCR misses it.
_MARK_GAP = (0.75, 1.4)
_CHINESE_PUNCTUATION = frozenset("，。、；：？！（）《》“”‘’【】「」…—")


def characters(line: TextLine, ink: np.ndarray) -> list[dict[str, Any]]:
    """Return the characters of `line` as boxes in page pixels, typed spaces among them.

    `ink` is the page's ink with the table rules taken out. Each character has the PDF
    reader's keys (text, x0, x1, top, bottom, size) and the OCR's confidence.
    """
    x0, x1 = max(0, round(line.x0)), round(line.x1)
    top, bottom = _rows(ink, line, x0, x1)
    printed = [(i, g) for i, g in enumerate(line.glyphs) if not g.text.isspace()]
    if not printed:
        return []
    height = max(bottom - top, 1)
    em = height / (_WIDE_HEIGHT if any(is_wide(g.text) for _, g in printed)
                   else _NARROW_HEIGHT)
    columns: np.ndarray = np.asarray(ink[top:bottom, x0:x1].any(axis=0))
    inked = np.flatnonzero(columns)
    left = x0 + int(inked[0]) if inked.size else x0
    right = x0 + int(inked[-1]) + 1 if inked.size else x1
    starts = [float(left)] + [0.0] * (len(printed) - 1)
    ends = [0.0] * (len(printed) - 1) + [float(right)]
    for number in range(len(printed) - 1):
        middle = (printed[number][1].x + printed[number + 1][1].x) / 2
        blank = _blank_near(columns, middle - x0, _SEARCH * em)
        if blank is None:
            ends[number] = starts[number + 1] = middle
        else:
            ends[number], starts[number + 1] = x0 + blank[0], x0 + blank[1]
    for number, (_, glyph) in enumerate(printed):
        # Never wider than a character: the box of a line may reach into the next thing.
        half = (_WIDE_HALF if is_wide(glyph.text) else _NARROW_HALF) * em
        starts[number] = max(starts[number], glyph.x - half)
        ends[number] = min(ends[number], glyph.x + half)
    chars: list[dict[str, Any]] = []
    for number, (index, glyph) in enumerate(printed):
        confidence = glyph.confidence
        if number:
            previous_index, previous = printed[number - 1]
            spoken = any(g.text.isspace() for g in line.glyphs[previous_index + 1:index])
            spaces = space_between(previous.text, glyph.text,
                                   (starts[number] - ends[number - 1]) / em, spoken)
            if spaces:
                chars.append(_char(" " * spaces, ends[number - 1], starts[number], top,
                                   bottom, em, 1.0))
                # Chinese is set without spaces: a gap of about one character between two
                # characters, which OCR did not read as a space, or one with ink in it, is
                # most likely a faint mark it missed (、). The space is kept, the
                # character after it read unsurely.
                gap = columns[max(0, round(ends[number - 1]) - x0 + 1):
                              max(0, round(starts[number]) - x0 - 1)]
                width = (starts[number] - ends[number - 1]) / em
                if gap.any() or (_ideograph(previous.text) and _ideograph(glyph.text)
                                 and not spoken and _MARK_GAP[0] <= width <= _MARK_GAP[1]):
                    confidence = min(confidence, _UNREAD_MARK)
        chars.append(_char(glyph.text, starts[number], ends[number], top, bottom, em,
                           confidence))
    return chars


def fitted(boxes: list[tuple[int, int, int, int]], ink: np.ndarray, rules: np.ndarray
           ) -> list[tuple[int, int, int, int]]:
    """Return the line `boxes` fitted to their own writing, with a little margin.

    A line's box is found on the page shrunk and grown around it. Where lines of a cell
    stand close (a photo's blur) it takes in the foot of the line above, and OCR then misses
    a small mark of its own (the 、 ending the line): the box is cut down to its writing's
    rows. A small mark starting or ending a line (、 wrapped to the head of a line) can fall
    out of it: the box reaches out to ink within _END_REACH of either end, never into
    another line's box nor over a rule. `ink` is the page's text ink, `rules` its rules.
    """
    fitted_boxes = []
    for index, (x0, top, x1, bottom) in enumerate(boxes):
        low, high = _rows(ink, TextLine(x0, top, x1, bottom, ()), max(0, x0), x1)
        margin = max(2, round(_FIT_MARGIN * (high - low)))
        top, bottom = max(top, low - margin), min(bottom, high + margin)
        reach = round(_END_REACH * (high - low))
        level = [b for n, b in enumerate(boxes) if n != index
                 and min(bottom, b[3]) - max(top, b[1]) >= 0.5 * min(bottom - top, b[3] - b[1])]
        # Never into a neighbour's box: where the boxes already meet, the box stays.
        middle = (x0 + x1) / 2
        left = max([min(b[2], x0) for b in level if (b[0] + b[2]) / 2 < middle]
                   + [x0 - reach, 0])
        right = min([max(b[0], x1) for b in level if (b[0] + b[2]) / 2 > middle]
                    + [x1 + reach, ink.shape[1]])
        ruled = np.flatnonzero(np.asarray(rules[low:high, left:right].any(axis=0)))
        before, after = ruled[ruled < x0 - left], ruled[ruled >= x1 - left]
        left, right = (left + int(before[-1]) + 1 if before.size else left,
                       left + int(after[0]) if after.size else right)
        inked = np.flatnonzero(np.asarray(ink[low:high, left:right].any(axis=0)))
        if inked.size:
            x0 = min(x0, max(left, left + int(inked[0]) - margin))
            x1 = max(x1, min(right, left + int(inked[-1]) + 1 + margin))
        fitted_boxes.append((x0, top, x1, bottom))
    return fitted_boxes


def space_between(before: str, after: str, gap: float, spoken: bool = False) -> int:
    """Return how many spaces a gap of `gap` ems between two characters stands for.

    `spoken` says OCR itself read a space there.
    """
    if gap >= _APART:
        return 2
    if before in _CHINESE_PUNCTUATION or after in _CHINESE_PUNCTUATION:
        return 1 if gap >= _PUNCTUATION_SPACE else 0
    if is_wide(before) and is_wide(after):
        return 1 if gap >= _WIDE_SPACE else 0
    if is_wide(before) or is_wide(after):
        return 1 if gap >= _MIXED_SPACE else 0
    return 1 if spoken or gap >= _NARROW_SPACE else 0


def _ideograph(text: str) -> bool:
    """Tell whether `text` is one Chinese character (not a mark, a box or a letter)."""
    return len(text) == 1 and "\u4e00" <= text <= "\u9fff"


def _char(text: str, x0: float, x1: float, top: int, bottom: int, size: float,
          confidence: float) -> dict[str, Any]:
    return {"text": text, "x0": x0, "x1": max(x1, x0 + 1), "top": float(top),
            "bottom": float(bottom), "size": size, "confidence": confidence, "inked": True}


def writing_height(line: TextLine, ink: np.ndarray) -> int:
    """Return how many pixels high the writing of `line` is on the page's `ink`."""
    top, bottom = _rows(ink, line, max(0, round(line.x0)), round(line.x1))
    return max(1, bottom - top)


def _rows(ink: np.ndarray, line: TextLine, x0: int, x1: int) -> tuple[int, int]:
    """Return the rows the writing of `line` fills: its inked rows around the box's middle."""
    top, bottom = max(0, round(line.top)), round(line.bottom)
    rows: np.ndarray = np.asarray(ink[top:bottom, x0:x1].any(axis=1))
    if not rows.any():
        return top, bottom
    middle = len(rows) // 2
    inked = np.flatnonzero(rows)
    centre = int(inked[np.abs(inked - middle).argmin()])
    # Grow from the inked row nearest the middle; a blank of a few rows still belongs.
    low = high = centre
    gap = max(2, len(rows) // 12)
    while low > 0 and rows[max(0, low - gap):low].any():
        low -= 1
    while high < len(rows) - 1 and rows[high + 1:high + 1 + gap].any():
        high += 1
    return top + low, top + high + 1


def _blank_near(columns: np.ndarray, middle: float, reach: float) -> tuple[int, int] | None:
    """Return the run of blank columns nearest `middle` (within `reach`), or None."""
    low = max(0, int(middle - reach))
    high = min(len(columns), int(middle + reach) + 1)
    best: tuple[int, int] | None = None
    start = None
    for position in range(low, high + 1):
        blank = position < high and not columns[position]
        if blank and start is None:
            start = position
        elif not blank and start is not None:
            run = (start, position)
            if best is None or _distance(run, middle) < _distance(best, middle):
                best = run
            start = None
    if best is None:
        return None
    # A blank cut short by the search window runs on as far as the ink allows.
    first, last = best
    while first > 0 and not columns[first - 1]:
        first -= 1
    while last < len(columns) and not columns[last]:
        last += 1
    return first, last


def _distance(run: tuple[int, int], middle: float) -> float:
    if run[0] <= middle <= run[1]:
        return 0.0
    return min(abs(run[0] - middle), abs(run[1] - middle))
