"""Words written down the side of a table, one character under another, read one by one.

Forms name a group of rows in a narrow first column, a character a line ("数/据/管/理").
The text finder finds such a column as one tall line, which the recogniser, reading left to
right, turns into nonsense ("24", which would then be taken for item 24's number). A line
box much taller than wide is split into its characters by the blank rows between them, and
each is read as a line of its own; the cell's lines are then joined as any full lines are.
"""

from __future__ import annotations

import numpy as np

Box = tuple[int, int, int, int]

# A line box this many times taller than wide is a column of characters.
_TALL = 2.5
# Blank rows between two characters, as a share of the characters' width: less than this is
# a gap inside one character (三, 二).
_BETWEEN = 0.25
# A character is about as tall as wide: pieces are joined up to this share of the width.
_SQUARE = 1.2


def split_columns(boxes: list[Box], ink: np.ndarray) -> list[Box]:
    """Return `boxes` with each column of characters replaced by a box for each character."""
    split: list[Box] = []
    for box in boxes:
        x0, top, x1, bottom = box
        region = np.asarray(ink[top:bottom, x0:x1]) > 0
        columns = np.flatnonzero(region.any(axis=0))
        # Tall by its writing: the box itself is grown around it on every side.
        characters = _characters(box, region, columns) \
            if columns.size and bottom - top >= _TALL * (columns[-1] + 1 - columns[0]) else []
        split.extend(characters if len(characters) >= 2 else [box])
    return split


def _characters(box: Box, region: np.ndarray, columns: np.ndarray) -> list[Box]:
    """Return a box for each character of the column of writing in `box`.

    `region` is the box's ink, `columns` the inked columns in it.
    """
    x0, top, _, _ = box
    rows: np.ndarray = np.asarray(region.any(axis=1))
    left, right = x0 + int(columns[0]), x0 + int(columns[-1]) + 1
    width = right - left
    runs = _runs(rows)
    pieces: list[list[int]] = []
    for start, end in runs:
        if pieces and start - pieces[-1][1] < _BETWEEN * width \
                and end - pieces[-1][0] <= _SQUARE * width:
            pieces[-1][1] = end
        else:
            pieces.append([start, end])
    margin = max(2, round(0.15 * width))
    return [(max(0, left - margin), max(0, top + start - margin), right + margin,
             top + end + margin) for start, end in pieces if end - start >= 0.2 * width]


def _runs(rows: np.ndarray) -> list[tuple[int, int]]:
    """Return the runs of True in `rows` as (start, end) pairs."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], rows.astype(np.int8), [0]))))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]
