"""Build the 岳阳 sample workbook in samples/ from its CSV transcription of the seed notice.

``yueyang-2020-list.csv`` is 001 附件1 transcribed cell by cell: ten units, each with its
project and project leader, spelled exactly as the notice has them (the trailing spaces after
临湘市第六完全小学 and 何永祥, the line breaks inside two project names). The workbook written
here has the notice's title row above the header, the way the bureau's own Excel file would
be. Run: ``python samples/build_yueyang_samples.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

HERE = Path(__file__).parent
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE = "2020年度岳阳市教育信息化试点项目单位名单"


def build_yueyang_list(csv_path: Path, xlsx_path: Path) -> None:
    """Write the 岳阳 pilot-unit list as the bureau's workbook: title row, header, ten units."""
    with csv_path.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "试点项目单位名单"
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet["A1"].font = Font(name="宋体", size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=2, max_row=sheet.max_row):
        for cell in cells:
            cell.border = BOX
            cell.font = Font(name="宋体", size=11, bold=cell.row == 2)
            # Two project names break onto a second line in the notice; wrap keeps that visible.
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for column, width in zip("ABC", (30, 50, 12), strict=True):
        sheet.column_dimensions[column].width = width
    book.save(xlsx_path)


if __name__ == "__main__":
    build_yueyang_list(HERE / "yueyang-2020-list.csv", HERE / "yueyang-2020-list.xlsx")
