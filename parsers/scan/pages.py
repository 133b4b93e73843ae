"""Scanned pages lined up, so a table run over a page break is seen as one table again.

The PDF rules join a table's parts over a page break when their columns stand at the same
places, and drop a header row Word repeated when its boxes do. Printed pages agree to a
hair; scanned ones do not: each sheet lies a few millimetres aside and its rules are found
a point or two apart. So each page's first table is lined up with the last table of the
page before, where its columns match after one shift: its column and row lines are set on
that table's lines.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left

from parsers.pdf.model import Box, PageContent, Ruled
from parsers.pdf.tables import snap

# A sheet lies at most this far aside of the one before (points: about 1 cm).
_LARGEST_SHIFT = 28.0
# A sheet photographed is at most this share larger or smaller than the one before.
_LARGEST_SCALE = 0.04
# After the shift, a column line is the same as one within this (points); a row line too.
_SAME_LINE = 4.0


def line_up(pages: list[PageContent]) -> None:
    """Set the first table of each page on the lines of the last table of the page before."""
    for before, after in itertools.pairwise(pages):
        above = next((i for i in reversed(before.items) if isinstance(i, Ruled)), None)
        index = next((n for n, i in enumerate(after.items) if isinstance(i, Ruled)), None)
        if above is None or index is None:
            continue
        part = after.items[index]
        assert isinstance(part, Ruled)
        lined = _lined_up(above, part)
        if lined is not None:
            after.items[index] = lined


def _lined_up(above: Ruled, part: Ruled) -> Ruled | None:
    """Return `part` set on the column and row lines of `above`, or None if they differ.

    Photographed pages are also a little larger or smaller than each other (each is
    measured from its own photo): the part is scaled as well as shifted, by its outer
    column lines.
    """
    ours = snap(v for b in above.boxes for v in (b.x0, b.x1))
    theirs = snap(v for b in part.boxes for v in (b.x0, b.x1))
    shift = ours[0] - theirs[0]
    if abs(shift) > _LARGEST_SHIFT or len(ours) < 2 or len(theirs) < 2:
        return None
    scale = (ours[-1] - ours[0]) / max(theirs[-1] - theirs[0], 1.0)
    if abs(scale - 1.0) > _LARGEST_SCALE:
        return None

    def placed(x: float) -> float:
        return ours[0] + (x - theirs[0]) * scale

    columns = {x: _nearest(ours, placed(x)) for x in theirs}
    if any(value is None for value in columns.values()) and not all(
            _nearest([placed(x) for x in theirs], x) is not None for x in ours):
        return None  # neither has the other's columns (a subset is fine)
    # Rows: lined up from the tables' tops, as a repeated header is compared.
    rows_ours = snap(v - above.top for b in above.boxes for v in (b.top, b.bottom))

    def column(x: float) -> float:
        value = columns.get(x)
        return value if value is not None else placed(x)

    def row(y: float) -> float:
        same = _nearest(rows_ours, (y - part.top) * scale)
        return part.top + same if same is not None else part.top + (y - part.top) * scale

    boxes = [Box(column(_snapped(theirs, b.x0)), row(b.top), column(_snapped(theirs, b.x1)),
                 row(b.bottom), b.text, b.lines, b.soft) for b in part.boxes]
    return Ruled(boxes, part.top, row(part.bottom), part.lone)


def _nearest(lines: list[float], value: float) -> float | None:
    """Return the line of `lines` (sorted) within _SAME_LINE of `value`, or None."""
    index = bisect_left(lines, value)
    near = [lines[i] for i in (index - 1, index) if 0 <= i < len(lines)]
    best = min(near, key=lambda line: abs(line - value), default=None)
    return best if best is not None and abs(best - value) <= _SAME_LINE else None


def _snapped(lines: list[float], value: float) -> float:
    """Return the snapped line of `lines` standing for `value`."""
    return min(lines, key=lambda line: abs(line - value))
