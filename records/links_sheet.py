"""The schools' links as a sheet: one row per roster row, its school, project and address.

``tianbiao links --out`` and the office's web page write the same workbook: plain text cells
(never a formula, whatever a school's name starts with), ready to paste into a chat group.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from openpyxl.cell.cell import Cell

from records.campaigns import Link
from records.excel import write_value

HEADERS = ("编号", "学校", "项目", "链接")
_WIDTHS = (8, 30, 24, 70)


def link_rows(links: list[Link], base_url: str) -> list[dict[str, str]]:
    """Return each link as {"key", "school", "project", "url"} under `base_url`."""
    base = base_url.rstrip("/")
    return [{"key": link.key, "school": link.school, "project": link.project,
             "url": f"{base}/s/{link.token}"} for link in links]


def write_links_sheet(target: Path | BinaryIO, title: str, rows: list[dict[str, str]]) -> None:
    """Write `rows` (see `link_rows`) to `target` as a workbook titled `title`."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "链接"
    notes: list[str] = []
    for number, values in enumerate(
            [list(HEADERS), *([row["key"], row["school"], row["project"], row["url"]]
                              for row in rows)], start=1):
        for place, value in enumerate(values, start=1):
            # Text, never a formula, whatever a name starts with, also once edited in Excel.
            cell = sheet.cell(number, place)
            assert isinstance(cell, Cell)
            write_value(cell, str(value), notes)
    for column, width in zip("ABCD", _WIDTHS, strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    book.properties.title = title
    book.save(target)
