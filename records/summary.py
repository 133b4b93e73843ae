"""Summary workbooks laid out for filing, one per form, columns from its definition.

Sheets, as the form calls for them:
- 汇总: one row per return with the short blanks (names, amounts, dates, scores, status);
- 报告正文: the long texts beside the school and project;
- one sheet per repeating table (budget rows, application rows) with every row of every return;
- the official list layout when the form is pre-filled from a list (000 附件1: merged 序号 and
  学校名称 cells, a total row), with each row's return state;
- 得分排名: totals, subtotals per first-level indicator, rank and grade band;
- 分类统计: counts by the reporting unit and a printed choice (衡阳: county × 申报类别);
- 评估结果: the experts' grades by year and what follows from them;
- 图表: a chart where a picture says more (scores, or amounts by unit).
Every sheet has a title row, a frozen header with units, numbers as numbers, totals, widths
that fit Chinese text, and A4 landscape printing with the header on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
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
from generator.roster import Roster
from parsers.record import Record
from records.excel import (
    MONEY_FORMAT,
    MONEY_FORMAT_DECIMAL,
    fit_column_widths,
    fit_row_heights,
    write_value,
)

STATUS_WORDS = {"ok": "合格", "incomplete": "未填完", "invalid": "有错误", "unreadable": "无法读取"}
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
LONG_TEXT_WIDTH = 40
_NOTICES = {"form_uncertain", "below_target", "sum_warning"}


@dataclass
class SummaryResult:
    """What a summary run wrote."""

    path: Path
    rows: int
    sheets: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Column:
    """A column of a summary sheet: its header, and how a row gives its value."""

    header: str
    kind: str = "text"
    width: float | None = None
    total: bool = False


def write_summary(spec: FormSpec, records: Sequence[Record], out: Path, *,
                  roster: Roster | None = None,
                  grades: dict[str, dict[int, tuple[str, bool]]] | None = None
                  ) -> SummaryResult:
    """Write the summary workbook of `spec` for `records` to `out`."""
    from records import summary_sheets as sheets

    records = _in_roster_order(list(records), roster)
    book = Workbook()
    notes: list[str] = []
    main = book.active
    assert main is not None
    main.title = "汇总"
    short = [f for f in spec.fields if f.kind != "longtext"]
    columns = [Column("序号"), Column("清单编号"), *(field_column(f) for f in short),
               Column("状态"), Column("问题", width=LONG_TEXT_WIDTH), Column("文件")]
    rows = [[n, r.key, *(r.value(f.id) for f in short), STATUS_WORDS.get(r.status, r.status),
             problem_text(r), r.file] for n, r in enumerate(records, start=1)]
    write_table(main, f"{spec.title}汇总表", columns, rows, notes)
    long = [f for f in spec.fields if f.kind == "longtext"]
    if long:
        names = [f for f in spec.fields if f.kind == "text" and f.prefill]
        text_columns = [Column("序号"), Column("清单编号"), *(field_column(f) for f in names),
                        *(field_column(f, width=LONG_TEXT_WIDTH) for f in long)]
        text_rows = [[n, r.key, *(r.value(f.id) for f in names + long)]
                     for n, r in enumerate(records, start=1)]
        write_table(book.create_sheet("报告正文"), f"{spec.title}（正文）", text_columns,
                    text_rows, notes)
    sheets.repeat_sheets(book, spec, records, notes)
    if roster is not None and spec.roster:
        sheets.official_list(book, spec, roster, records, grades or {}, notes)
    sheets.score_sheet(book, spec, records, notes)
    sheets.category_sheet(book, spec, records, notes)
    if spec.assessment is not None and grades:
        sheets.assessment_sheet(book, spec, roster, grades, notes)
    sheets.chart_sheet(book, spec, records)
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return SummaryResult(out, len(records), book.sheetnames, notes)


def field_column(spec_field: FieldSpec, *, width: float | None = None) -> Column:
    """Return the summary column of a blank: its header with unit, and its kind."""
    return Column(spec_field.header, spec_field.kind, width=width,
                  total=spec_field.kind == "money")


def problem_text(record: Record) -> str | None:
    """Return a record's problems as lines for a cell, notices last."""
    problems = sorted(record.problems, key=lambda p: p.code in _NOTICES)
    return "\n".join(p.message for p in problems) or None


def write_table(sheet: Worksheet, title: str, columns: Sequence[Column],
                rows: Sequence[Sequence[Any]], notes: list[str], *,
                total_label: str = "合计") -> int:
    """Write a titled, boxed table with a total row; return the row after the table."""
    sheet.cell(row=1, column=1, value=title)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    sheet["A1"].font = Font(name="宋体", size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 30
    for col, column in enumerate(columns, start=1):
        header = sheet.cell(row=2, column=col, value=column.header)
        header.font = Font(name="宋体", bold=True)
        header.fill = HEADER_FILL
        header.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        header.border = BOX
    totals: dict[int, float] = {}
    for index, values in enumerate(rows):
        for col, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
            cell = sheet.cell(row=index + 3, column=col)
            assert isinstance(cell, Cell)  # data rows are never merged
            write_value(cell, value, notes)
            style_cell(cell, column, value)
            if column.total and is_number(value):
                totals[col] = totals.get(col, 0) + value
    end = len(rows) + 3
    if rows and totals:
        total_row(sheet, end, len(columns), totals, label=total_label)
        end += 1
    finish_sheet(sheet, columns)
    return end


def style_cell(cell: Cell, column: Column, value: Any) -> None:
    """Box a data cell, wrap its text, and give numbers their format."""
    cell.border = BOX
    cell.alignment = Alignment(vertical="top", wrap_text=True)
    if column.kind == "money" and is_number(value):
        cell.number_format = money_format(value)
        cell.alignment = Alignment(horizontal="right", vertical="top")


def total_row(sheet: Worksheet, row: int, n_columns: int, totals: dict[int, float], *,
              label: str = "合计") -> None:
    """Write a bold total row of the numbers in `totals` (column → sum)."""
    sheet.cell(row=row, column=1, value=label).font = Font(name="宋体", bold=True)
    for col, total in totals.items():
        cell = sheet.cell(row=row, column=col, value=total)
        cell.font = Font(bold=True)
        cell.number_format = money_format(total)
    for col in range(1, n_columns + 1):
        sheet.cell(row=row, column=col).border = BOX


def finish_sheet(sheet: Worksheet, columns: Sequence[Column]) -> None:
    """Fit widths and heights and set up A4 landscape printing with a repeated header."""
    fit_column_widths(sheet, first_row=2, maximum=30)
    for col, column in enumerate(columns, start=1):
        if column.width:
            sheet.column_dimensions[get_column_letter(col)].width = column.width
    fit_row_heights(sheet, first_row=3)
    sheet.freeze_panes = "C3" if len(columns) > 2 else "A3"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is None:
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_area = f"A1:{get_column_letter(len(columns))}{sheet.max_row}"


def is_number(value: Any) -> bool:
    """Return True for an int or float that is not a bool."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def money_format(value: float) -> str:
    """Return the number format for an amount: whole yuan or with cents."""
    return MONEY_FORMAT if float(value).is_integer() else MONEY_FORMAT_DECIMAL


def _in_roster_order(records: list[Record], roster: Roster | None) -> list[Record]:
    if roster is None:
        return records
    order = {row.key: row.position for row in roster.rows}
    return sorted(records, key=lambda r: (order.get(r.key or "", len(order) + 1), r.file))
