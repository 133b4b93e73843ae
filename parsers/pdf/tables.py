"""Ruled tables: which cell box a point falls in, and cell boxes into a merged-cell grid.

Ruling lines closer than SNAP points are one line; a table's rows and columns are the
distinct positions of its ruling.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from parsers.grid import Cell, Table
from parsers.pdf.model import Box

# Ruling lines closer than this (points) are one line: borders drawn twice, or a hair apart.
SNAP = 2.0
# A one-cell ruled box this small is a drawn checkbox or a decoration, never a table's row.
_LONE_CELL_MIN = (20.0, 10.0)


def lone_cells(cells: Sequence[tuple[float, ...]],
                tables: Sequence[Sequence[tuple[float, ...]]]) -> list[tuple[float, ...]]:
    """Return the ruled boxes of `cells` in no table of `tables` that could be a table's row.

    pdfplumber makes no table of a single box; a table's last row alone on a page is one.
    Boxes inside a table, and small ones (drawn checkboxes), are left out.
    """
    grouped = {cell for table in tables for cell in table}
    areas = [(min(c[0] for c in t), min(c[1] for c in t), max(c[2] for c in t),
              max(c[3] for c in t)) for t in tables]
    lone = []
    for cell in cells:
        x0, top, x1, bottom = cell
        if tuple(cell) in grouped:
            continue
        if x1 - x0 < _LONE_CELL_MIN[0] or bottom - top < _LONE_CELL_MIN[1]:
            continue
        if any(a[0] - SNAP <= x0 and x1 <= a[2] + SNAP and a[1] - SNAP <= top
               and bottom <= a[3] + SNAP for a in areas):
            continue
        lone.append(tuple(cell))
    return lone


class CellLocator:
    """Find which cell box of one table a point on the page falls in."""

    def __init__(self, boxes: list[tuple[float, ...]]) -> None:
        self.boxes = boxes
        self.xs = snap(v for b in boxes for v in (b[0], b[2]))
        self.ys = snap(v for b in boxes for v in (b[1], b[3]))
        self.left, self.right = self.xs[0], self.xs[-1]
        self.top, self.bottom = self.ys[0], self.ys[-1]
        self._slots: dict[tuple[int, int], int] = {}
        for index, (x0, top, x1, bottom) in enumerate(boxes):
            for row in range(_position(self.ys, top), _position(self.ys, bottom)):
                for col in range(_position(self.xs, x0), _position(self.xs, x1)):
                    self._slots.setdefault((row, col), index)

    def locate(self, x: float, y: float) -> int | None:
        """Return the index of the box holding point (`x`, `y`), or None."""
        if not (self.left <= x < self.right and self.top <= y < self.bottom):
            return None
        return self._slots.get((_position(self.ys, y), _position(self.xs, x)))


def snap(values: Iterable[float]) -> list[float]:
    """Return the distinct positions in `values`, each standing for those within SNAP above it."""
    positions: list[float] = []
    for value in sorted(values):
        if not positions or value - positions[-1] > SNAP:
            positions.append(value)
    return positions


def _position(positions: Sequence[float], value: float) -> int:
    """Return the index of the snapped position `value` belongs to."""
    return max(bisect_right(positions, value + 1e-6) - 1, 0)


def build_table(boxes: list[Box]) -> Table:
    """Turn cell boxes into a grid: one row or column per distinct ruling line position."""
    xs = snap(v for b in boxes for v in (b.x0, b.x1))
    ys = snap(v for b in boxes for v in (b.top, b.bottom))
    cells: list[Cell] = []
    for box in boxes:
        row, col = _position(ys, box.top), _position(xs, box.x0)
        rowspan, colspan = _position(ys, box.bottom) - row, _position(xs, box.x1) - col
        # The sliver between the two strokes of a double line snaps to nothing: not a cell.
        if rowspan > 0 and colspan > 0:
            cells.append(Cell(box.text, row, col, rowspan, colspan, box.soft))
    cells.sort(key=lambda c: (c.row, c.col))
    return Table(cells=cells, n_rows=len(ys) - 1, n_cols=len(xs) - 1)
