"""Build the sample workbooks in samples/ from their CSV transcriptions of the seed notices.

``ruian-2022-list.csv`` is 000 附件1 transcribed cell by cell: a school with several projects
shows its 序号 and 学校名称 once, then rows with those cells empty, as in the notice. The
workbook written here has the notice's title row, the header, and those cells merged, the
way the bureau's own Excel file would be. Run: ``python samples/build_samples.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

HERE = Path(__file__).parent
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def build_ruian_list(csv_path: Path, xlsx_path: Path) -> None:
    """Write the 瑞安 “回头看” project list as the bureau's workbook."""
    with csv_path.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "项目清单"
    sheet.append(["2022年瑞安市教育信息化应用“回头看”项目清单"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet["A1"].font = Font(name="宋体", size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(header)
    group_start = 3
    for index, (number, school, project, amount) in enumerate(rows, start=3):
        sheet.append([int(number) if number else None, school or None, project, int(amount)])
        last_of_group = index - 3 + 1 == len(rows) or rows[index - 3 + 1][0] != ""
        if last_of_group:
            if index > group_start:
                for column in (1, 2):
                    sheet.merge_cells(
                        start_row=group_start, start_column=column,
                        end_row=index, end_column=column,
                    )
            group_start = index + 1
    for row in sheet.iter_rows(min_row=2, max_row=sheet.max_row):
        for cell in row:
            cell.border = BOX
            cell.font = Font(name="宋体", size=11, bold=cell.row == 2)
            cell.alignment = Alignment(horizontal="center", vertical="center")
    for column, width in zip("ABCD", (8, 30, 20, 12), strict=False):
        sheet.column_dimensions[column].width = width
    book.save(xlsx_path)


if __name__ == "__main__":
    build_ruian_list(HERE / "ruian-2022-list.csv", HERE / "ruian-2022-list.xlsx")
