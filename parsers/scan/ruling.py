"""The ruled tables of a page image: OpenCV line morphology into cell boxes.

Ink is kept where a long thin kernel fits (horizontal and vertical rules, not letters);
rules that touch make one table; its rows and columns are the distinct positions of its
rules, and two neighbouring grid slots are one merged cell where no rule stands between
them. The rules are also returned as a mask, so that they can be erased before OCR.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

# A rule is at least this long (fractions of the page's width, or these pixels at least):
# longer than any stroke of a letter. A vertical rule may divide one short row only.
_ROW_RULE_SHARE = 1 / 30
_COLUMN_RULE_SHARE = 1 / 45
_RULE_MIN = 20
# A horizontal rule meeting no vertical one is still a rule when this long (a table drawn
# without side borders); a vertical one when three times its shortest.
_LONE_RULE_SHARE = 0.15
# A break in a rule up to this long (a share of the page's width) is bridged.
_BRIDGE_SHARE = 0.012
# A faint rule is at most this thick (pixels) and this much darker than the paper beside it.
_THIN_RULE = 9
_FAINT_RULE = 12
# A rule a photo broke here and there is marked along this share of every stretch of
# _TOLERANT times a rule's shortest length that lies outside the text (at least
# _OUTSIDE_TEXT of it), its gaps no longer than _GAP pixels.
_MOSTLY = 0.7
_TOLERANT = 3
_OUTSIDE_TEXT = 0.5
_GAP = 9
# A table is at least this large (fractions of the page) with two rules each way.
_TABLE_MIN = (0.08, 0.02)
# Rules closer than this (fraction of the page width) are one: a thick or doubled line.
_SNAP_SHARE = 0.006
# A rule divides two slots where it covers at least this share of their common side.
_COVERED = 0.6


@dataclass(frozen=True)
class CellBox:
    """A table cell on the page image: its box in pixels (x0, top, x1, bottom)."""

    x0: int
    top: int
    x1: int
    bottom: int


@dataclass(frozen=True)
class Rules:
    """The tables found on a page (cell boxes each) and the mask of every rule's pixels."""

    tables: list[list[CellBox]]
    mask: np.ndarray


def ink_of(grey: np.ndarray) -> np.ndarray:
    """Return the page's ink as a 0/255 mask, the threshold following the local paper."""
    return cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                 31, 15)


def find_rules(ink: np.ndarray, grey: np.ndarray | None = None,
               text: np.ndarray | None = None) -> Rules:
    """Return the ruled tables in the ink mask `ink` and the mask of their rules.

    With the page's `grey` pixels, faint thin rules are found too (_faint_rules); with the
    mask of where its lines of text stand, `text`, rules a photo broke here and there too.
    """
    height, width = ink.shape
    across = max(_RULE_MIN, round(width * _ROW_RULE_SHARE))
    down = max(_RULE_MIN, round(width * _COLUMN_RULE_SHARE))
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, across), np.uint8))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((down, 1), np.uint8))
    if grey is not None:
        horizontal = cv2.bitwise_or(horizontal, _faint_rules(grey, (1, across), text))
        vertical = cv2.bitwise_or(vertical, _faint_rules(grey, (down, 1), text))
    # Bridge the breaks a faint scan or photo leaves in a rule (pieces of rules only: the
    # strokes of letters are gone by now).
    bridge = max(9, round(width * _BRIDGE_SHARE))
    horizontal = cv2.morphologyEx(horizontal, cv2.MORPH_CLOSE, np.ones((1, bridge), np.uint8))
    vertical = cv2.morphologyEx(vertical, cv2.MORPH_CLOSE, np.ones((bridge, 1), np.uint8))
    # A stroke of a letter can be as long as a short rule; a rule runs from rule to rule.
    vertical = _meeting(vertical, horizontal, 3 * down, horizontal_rules=False)
    horizontal = _meeting(horizontal, vertical, round(width * _LONE_RULE_SHARE),
                          horizontal_rules=True)
    rules = cv2.bitwise_or(horizontal, vertical)
    joined = cv2.dilate(rules, np.ones((5, 5), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    snap = max(3, round(width * _SNAP_SHARE))
    tables = []
    kept = np.zeros_like(rules)
    for index in range(1, count):
        x, y, w, h, _ = stats[index]
        if w < _TABLE_MIN[0] * width or h < _TABLE_MIN[1] * height:
            continue
        region = (labels[y:y + h, x:x + w] == index).astype(np.uint8)
        rows = _segments(horizontal[y:y + h, x:x + w] * region, horizontal=True)
        columns = _segments(vertical[y:y + h, x:x + w] * region, horizontal=False)
        cells = _cells(rows, columns, snap)
        if cells:
            tables.append([CellBox(c.x0 + x, c.top + y, c.x1 + x, c.bottom + y) for c in cells])
            kept[y:y + h, x:x + w] = np.maximum(kept[y:y + h, x:x + w],
                                                rules[y:y + h, x:x + w] * region)
    tables.sort(key=lambda cells: min(c.top for c in cells))
    return Rules(tables, kept)


def _faint_rules(grey: np.ndarray, shape: tuple[int, int], text: np.ndarray | None = None
                 ) -> np.ndarray:
    """Return the thin rules of `grey` running `shape` (rows, columns) far, faint ones too.

    A hairline rule photographed or scanned lightly is barely darker than the paper, and
    where text stands close to it the ink threshold, following the text, loses it in
    pieces. Here a rule is what is darker than the paper a few pixels either side of it
    (a black-hat across it: wide shading is not a rule) all along its length, allowed to
    wander a pixel up or down (a page not quite level).

    A photo shrunk and saved as JPEG loses a hairline here and there. Given where the lines
    of text stand (`text`, a mask), a rule is also what is marked along most of every
    stretch of _TOLERANT times that length outside the text: no letter's stroke counts.
    """
    along_rows = shape[0] == 1
    across = np.ones((_THIN_RULE, 1) if along_rows else (1, _THIN_RULE), np.uint8)
    darker = cv2.morphologyEx(grey, cv2.MORPH_BLACKHAT, across)
    wander = np.ones((3, 1) if along_rows else (1, 3), np.uint8)
    darker = cv2.dilate(darker, wander)
    runs = cv2.morphologyEx(darker, cv2.MORPH_OPEN, np.ones(shape, np.uint8))
    rules = (runs >= _FAINT_RULE).astype(np.uint8)
    if text is not None:
        rules |= _broken_rules(darker >= _FAINT_RULE, text > 0, along_rows,
                               _TOLERANT * max(shape))
    return cv2.erode(rules * 255, wander)


def _broken_rules(marked: np.ndarray, text: np.ndarray, along_rows: bool, length: int
                  ) -> np.ndarray:
    """Return the rules `marked` along most of every stretch `length` long, outside `text`."""
    outside = (~text).astype(np.float32)
    window = (length, 1) if along_rows else (1, length)  # cv2.blur takes (width, height)
    share = cv2.blur((marked & ~text).astype(np.float32), window)
    room = cv2.blur(outside, window)
    mostly = ((share >= _MOSTLY * room) & (room >= _OUTSIDE_TEXT)).astype(np.uint8)
    # A stretch mostly marked is rule from end to end, its gaps bridged, its ends where the
    # marks end.
    half = length // 2 * 2 + 1
    spread = cv2.dilate(mostly, np.ones((1, half) if along_rows else (half, 1), np.uint8))
    near = cv2.dilate(marked.astype(np.uint8),
                      np.ones((1, _GAP) if along_rows else (_GAP, 1), np.uint8))
    return ((spread > 0) & (near > 0) & ~text).astype(np.uint8)


def _meeting(mask: np.ndarray, across: np.ndarray, long: int, *, horizontal_rules: bool
             ) -> np.ndarray:
    """Return the rules of `mask` that meet a rule of `across` at both ends, or are `long`."""
    reach = cv2.dilate(across, np.ones((9, 9), np.uint8)) > 0
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    kept = np.zeros(count, bool)
    for index in range(1, count):
        x, y, w, h, _ = stats[index]
        if horizontal_rules:
            middle = y + h // 2
            ends = [reach[middle, x], reach[middle, x + w - 1]]
            length = w
        else:
            middle = x + w // 2
            ends = [reach[y, middle], reach[y + h - 1, middle]]
            length = h
        kept[index] = length >= long or (all(ends) if not horizontal_rules else any(ends))
    return np.where(kept[labels], mask, 0).astype(np.uint8)


def _segments(mask: np.ndarray, *, horizontal: bool) -> list[tuple[float, int, int]]:
    """Return each rule in `mask` as (position across it, start, end along it)."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    found = []
    for index in range(1, count):
        x, y, w, h, _ = stats[index]
        if horizontal:
            found.append((y + h / 2, x, x + w))
        else:
            found.append((x + w / 2, y, y + h))
    return found


def _positions(segments: list[tuple[float, int, int]], snap: int) -> list[float]:
    """Return the distinct positions of `segments`, those within `snap` of another as one."""
    positions: list[list[float]] = []
    for position in sorted(s[0] for s in segments):
        if positions and position - positions[-1][-1] <= snap:
            positions[-1].append(position)
        else:
            positions.append([position])
    return [sum(group) / len(group) for group in positions]


def _covered(segments: list[tuple[float, int, int]], at: float, start: float, end: float,
             snap: int) -> bool:
    """Tell whether rules at position `at` cover most of the stretch `start`–`end`."""
    covered = 0.0
    for position, low, high in segments:
        if abs(position - at) <= snap:
            covered += max(0.0, min(high, end) - max(low, start))
    return covered >= _COVERED * (end - start)


def _cells(rows: list[tuple[float, int, int]], columns: list[tuple[float, int, int]],
           snap: int) -> list[CellBox]:
    """Return the cells of one table from its horizontal and vertical rules."""
    ys = _positions(rows, snap)
    xs = _positions(columns, snap)
    if len(ys) < 2 or len(xs) < 2:
        return []
    parent = {(r, c): (r, c) for r in range(len(ys) - 1) for c in range(len(xs) - 1)}

    def root(slot: tuple[int, int]) -> tuple[int, int]:
        while parent[slot] != slot:
            parent[slot] = parent[parent[slot]]
            slot = parent[slot]
        return slot

    for r in range(len(ys) - 1):
        for c in range(len(xs) - 1):
            if c + 1 < len(xs) - 1 and not _covered(columns, xs[c + 1], ys[r], ys[r + 1], snap):
                parent[root((r, c + 1))] = root((r, c))
            if r + 1 < len(ys) - 1 and not _covered(rows, ys[r + 1], xs[c], xs[c + 1], snap):
                parent[root((r + 1, c))] = root((r, c))
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for slot in parent:
        groups.setdefault(root(slot), []).append(slot)
    cells = []
    for slots in groups.values():
        top, left = min(r for r, _ in slots), min(c for _, c in slots)
        bottom, right = max(r for r, _ in slots) + 1, max(c for _, c in slots) + 1
        cells.append(CellBox(round(xs[left]), round(ys[top]), round(xs[right]),
                             round(ys[bottom])))
    cells.sort(key=lambda cell: (cell.top, cell.x0))
    return cells
