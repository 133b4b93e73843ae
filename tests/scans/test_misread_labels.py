"""A printed label OCR misread by one character still finds its value, in a scan only.

The grid of a filled return is taken from its .docx, a label in it changed as OCR misreads
one ("普通教至…" for "普通教室…"), and the grid marked as read off page images.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from forms.registry import get_form
from parsers.docx import read_docx
from parsers.extract import extract_fields
from parsers.grid import Grid, ScanReading, Table

RETURN = Path(__file__).parents[1] / "data" / "zhongxian-2021-smart-campus-self" / \
    "numbers-with-units.docx"
SPEC = get_form("zhongxian-2021-smart-campus-self")


def _with_cell(grid: Grid, printed: str, written: str, *, scanned: bool) -> Grid:
    """Return `grid` with the cell reading `printed` reading `written` instead."""
    blocks = []
    for block in grid.blocks:
        if isinstance(block, Table):
            cells = [replace(c, text=written) if c.text.strip() == printed else c
                     for c in block.cells]
            block = Table(cells, block.n_rows, block.n_cols)
        blocks.append(block)
    return Grid(blocks, grid.properties, ScanReading(()) if scanned else None)


def _values(grid: Grid) -> dict[str, tuple[str, bool]]:
    return {raw.field.id: (raw.raw, raw.found) for raw in extract_fields(grid, SPEC)}


LABEL = "普通教室互动多媒体教学设备配备率（%）"


def _label_as_printed(grid: Grid) -> str:
    return next(c.text.strip() for _, c in grid.iter_cells()
                if c.text.replace(" ", "").startswith("普通教室互动"))


def test_a_label_misread_by_a_character_in_a_scan_still_finds_both_values():
    grid = read_docx(RETURN)
    misread = _with_cell(grid, _label_as_printed(grid), LABEL.replace("室", "至"), scanned=True)
    values = _values(misread)
    assert values["interactive_equipment_rate"] == ("96%", True)
    assert values["terminals_per_100_teachers"] == ("108台", True)


def test_a_typed_return_with_a_changed_label_is_not_mended():
    grid = read_docx(RETURN)
    typed = _with_cell(grid, _label_as_printed(grid), LABEL.replace("室", "至"), scanned=False)
    assert _values(typed)["interactive_equipment_rate"][1] is False


def test_a_short_label_is_not_guessed():
    # "学校名杯" is one character from "学校名称", and short labels are one character from
    # each other ("负责人", "联系人"): a guess there could put a value under another label.
    grid = read_docx(RETURN)
    misread = _with_cell(grid, "学校名称", "学校名杯", scanned=True)
    assert _values(misread)["school"][1] is False
