"""Labels on a scan: one misread by a character still finds its value; one not made out,
or one read into another blank's value, is flagged for the office to check.

The grid of a filled return is taken from its .docx, a cell in it changed as a picture can
change it ("普通教至…" for "普通教室…", a rule lost so two cells read as one), and the grid
marked as read off page images.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from forms.registry import get_form
from parsers.docx import read_docx
from parsers.extract import extract, extract_fields
from parsers.grid import Grid, ScanReading, Table
from parsers.record import build_record

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


def _problems(grid: Grid) -> dict[str, list[tuple[str, str]]]:
    record = build_record("return.jpg", SPEC, *extract(grid, SPEC), scan=grid.scan)
    found: dict[str, list[tuple[str, str]]] = {}
    for problem in record.problems:
        found.setdefault(problem.field or "", []).append((problem.code, problem.message))
    return found


def _read_surely(grid: Grid) -> Grid:
    """Return `grid` as read off a picture, every character of it surely."""
    texts = tuple((cell.text, (1.0,) * len(cell.text)) for _, cell in grid.iter_cells())
    return Grid(grid.blocks, grid.properties, ScanReading(texts))


def test_a_label_not_made_out_on_a_scan_is_to_be_checked_not_deleted():
    grid = read_docx(RETURN)
    unread = _read_surely(_with_cell(grid, "学校传真", "", scanned=True))
    assert _problems(unread)["fax"] == [
        ("scan_uncertain", "扫描件此处识别不确定，请核对：学校传真（扫描件上没有认出这一栏）")]


def test_the_same_label_missing_from_a_typed_return_was_deleted():
    grid = read_docx(RETURN)
    typed = _with_cell(grid, "学校传真", "", scanned=False)
    assert [code for code, _ in _problems(typed)["fax"]] == ["label_missing"]


def test_a_scanned_value_holding_another_blanks_label_is_to_be_checked():
    # The rule between 学校联系人's answer and 联系电话 was lost: the two cells read as one.
    grid = read_docx(RETURN)
    merged = _read_surely(_with_cell(grid, "周永", "周永 联系电话139 8340 6627", scanned=True))
    assert _problems(merged)["contact_person"] == [(
        "scan_uncertain",
        "扫描件此处识别不确定，请核对：学校联系人（识别为“周永 联系电话139 8340 6627”，"
        "其中有“联系电话”一栏的字）")]
