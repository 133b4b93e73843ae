"""Summary workbooks: one row per returned report, columns from the form's definition.

Laid out for filing: sheet "汇总" holds the short blanks (names, amounts, dates, status),
sheet "报告正文" the long texts beside the school and project, so each prints legibly on
A4 landscape. Both have a title row, a frozen header with units, numbers as numbers
(money with a thousands format), totals, widths that fit Chinese text, and the header
repeated on every printed page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from forms.model import FieldSpec, FormSpec
from parsers.record import Record
from records.excel import (
    MONEY_FORMAT,
    MONEY_FORMAT_DECIMAL,
    fit_column_widths,
    fit_row_heights,
    write_value,
)

STATUS_WORDS = {"ok": "合格", "incomplete": "未填完", "invalid": "有错误", "unreadable": "无法读取"}
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_LONG_TEXT_WIDTH = 40
_NAME_KINDS = {"text"}


@dataclass
class SummaryResult:
    """What a summary run wrote."""

    path: Path
    rows: int
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Column:
    header: str
    field: FieldSpec | None = None
    width: float | None = None


def write_summary(spec: FormSpec, records: Iterable[Record], out: Path) -> SummaryResult:
    """Write the summary workbook of `spec` for `records` to `out`."""
    records = list(records)
    short = [f for f in spec.fields if f.kind != "longtext"]
    long = [f for f in spec.fields if f.kind == "longtext"]
    book = Workbook()
    notes: list[str] = []
    main = book.active
    assert main is not None
    main.title = "汇总"
    columns = [
        _Column("序号"), _Column("清单编号"), *(_Column(f.header, f) for f in short),
        _Column("状态"), _Column("问题", width=_LONG_TEXT_WIDTH), _Column("文件"),
    ]
    _write_sheet(main, f"{spec.title}汇总表", columns, records, notes)
    if long:
        names = [f for f in spec.fields if f.kind in _NAME_KINDS and f.prefill]
        text_columns = [
            _Column("序号"), _Column("清单编号"), *(_Column(f.header, f) for f in names),
            *(_Column(f.header, f, width=_LONG_TEXT_WIDTH) for f in long),
        ]
        _write_sheet(book.create_sheet("报告正文"), f"{spec.title}（正文）", text_columns,
                     records, notes)
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return SummaryResult(out, len(records), notes)


def _cell_value(column: _Column, number: int, record: Record) -> Any:
    if column.field is not None:
        return record.value(column.field.id)
    return {
        "序号": number,
        "清单编号": record.key,
        "状态": STATUS_WORDS.get(record.status, record.status),
        "问题": "\n".join(p.message for p in record.problems) or None,
        "文件": record.file,
    }[column.header]


def _write_sheet(sheet: Worksheet, title: str, columns: Sequence[_Column],
                 records: list[Record], notes: list[str]) -> None:
    sheet.cell(row=1, column=1, value=title)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    sheet["A1"].font = Font(name="宋体", size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 30
    for col, column in enumerate(columns, start=1):
        header = sheet.cell(row=2, column=col, value=column.header)
        header.font = Font(name="宋体", bold=True)
        header.fill = _HEADER_FILL
        header.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        header.border = _BOX
    totals: dict[int, float] = {}
    for number, record in enumerate(records, start=1):
        row = number + 2
        for col, column in enumerate(columns, start=1):
            cell = sheet.cell(row=row, column=col)
            assert isinstance(cell, Cell)  # data rows are never merged
            value = _cell_value(column, number, record)
            write_value(cell, value, notes)
            cell.border = _BOX
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if _is_money(column, value):
                cell.number_format = _money_format(value)
                totals[col] = totals.get(col, 0) + value
    if records and totals:
        _total_row(sheet, len(records) + 3, len(columns), totals)
    fit_column_widths(sheet, first_row=2, maximum=30)
    for col, column in enumerate(columns, start=1):
        if column.width:
            sheet.column_dimensions[get_column_letter(col)].width = column.width
    fit_row_heights(sheet, first_row=3)
    _print_setup(sheet, len(columns))


def _is_money(column: _Column, value: Any) -> bool:
    return (column.field is not None and column.field.kind == "money"
            and isinstance(value, (int, float)) and not isinstance(value, bool))


def _money_format(value: float) -> str:
    return MONEY_FORMAT if float(value).is_integer() else MONEY_FORMAT_DECIMAL


def _total_row(sheet: Worksheet, row: int, n_columns: int, totals: dict[int, float]) -> None:
    sheet.cell(row=row, column=1, value="合计").font = Font(name="宋体", bold=True)
    for col, total in totals.items():
        cell = sheet.cell(row=row, column=col, value=total)
        cell.font = Font(bold=True)
        cell.number_format = _money_format(total)
    for col in range(1, n_columns + 1):
        sheet.cell(row=row, column=col).border = _BOX


def _print_setup(sheet: Worksheet, n_columns: int) -> None:
    sheet.freeze_panes = "C3"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is None:
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_area = f"A1:{get_column_letter(n_columns)}{sheet.max_row}"
