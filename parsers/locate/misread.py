"""Labels OCR misread by one character, mended before a scan's blanks are looked for.

A label is found by its whole key, and a label that is not found loses two values: its
own, and the one before it, which then runs on to the next label it can see. Text read off
a page image can carry one wrong character in a printed label ("普通教至互动…" for
"普通教室互动…"). In a scan's grid, a cell whose key differs from exactly one of the form's
label keys in one character, neither key short, is that label. Only a character put for
another counts: a label with a character more or less may be a label with an answer after
it ("在编教职工总数5"), which must stay as it is.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from forms.labels import label_key
from parsers.grid import Block, Grid, Table

# Keys shorter than this are not mended: "负责人" and "联系人" are one character apart.
_SHORTEST = 6


def mended_labels(grid: Grid, label_keys: Collection[str]) -> Grid:
    """Return `grid` with table cells that misread one of `label_keys` by a character mended.

    A grid not read off page images is returned as it is.
    """
    if grid.scan is None:
        return grid
    by_length: dict[int, list[str]] = {}
    for key in label_keys:
        if len(key) >= _SHORTEST:
            by_length.setdefault(len(key), []).append(key)
    blocks: list[Block] = []
    changed = False
    for block in grid.blocks:
        if not isinstance(block, Table):
            blocks.append(block)
            continue
        cells = []
        for cell in block.cells:
            key = label_key(cell.text)
            if key not in label_keys:
                near = [k for k in by_length.get(len(key), ()) if _one_apart(k, key)]
                if len(near) == 1:
                    cell = replace(cell, text=near[0], soft_joins=())
                    changed = True
            cells.append(cell)
        blocks.append(Table(cells, block.n_rows, block.n_cols))
    return Grid(blocks, grid.properties, grid.scan) if changed else grid


def _one_apart(label: str, read: str) -> bool:
    """Tell whether `read` is `label` (as long) with exactly one character put for another."""
    return sum(a != b for a, b in zip(label, read, strict=True)) == 1
