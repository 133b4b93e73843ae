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

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
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
    text_width,
    wrapped_lines,
    write_value,
)
from records.store import LatestRecords

STATUS_WORDS = {"ok": "合格", "incomplete": "未填完", "invalid": "有错误", "unreadable": "无法读取"}
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TITLE_FONT = Font(name="宋体", size=16, bold=True)
BOLD_FONT = Font(name="宋体", bold=True)
BOLD = Font(bold=True)
CENTERED = Alignment(horizontal="center", vertical="center")
CENTERED_WRAPPED = Alignment(horizontal="center", vertical="center", wrap_text=True)
CENTERED_DOWN = Alignment(vertical="center", wrap_text=True)
TOP_WRAPPED = Alignment(vertical="top", wrap_text=True)
RIGHT_TOP = Alignment(horizontal="right", vertical="top")
LONG_TEXT_WIDTH = 40
DEFAULT_WIDTH = 8.43  # Excel's width of a column nobody set
LINE_HEIGHT = 15.0
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


def write_summary(spec: FormSpec, records: Collection[Record], out: Path, *,
                  roster: Roster | None = None,
                  grades: dict[str, dict[int, tuple[str, bool]]] | None = None
                  ) -> SummaryResult:
    """Write the summary workbook of `spec` for `records` to `out`.

    `records` is read once per sheet and never held: a list, or `Store.latest_records()`,
    which streams them from the store. The workbook is written row by row (openpyxl's
    write-only mode), so memory stays flat however many returns there are.
    """
    from records import summary_sheets as sheets

    records = _in_roster_order(records, roster)
    book = Workbook(write_only=True)
    notes: list[str] = []
    short = [f for f in spec.fields if f.kind != "longtext"]
    columns = [Column("序号"), Column("清单编号"), *(field_column(f) for f in short),
               Column("状态"), Column("问题", width=LONG_TEXT_WIDTH), Column("文件")]
    rows = Rows(lambda: ([n, r.key, *(r.value(f.id) for f in short),
                          STATUS_WORDS.get(r.status, r.status), problem_text(r), r.file]
                         for n, r in enumerate(records, start=1)))
    write_table(book.create_sheet("汇总"), f"{spec.title}汇总表", columns, rows, notes)
    long = [f for f in spec.fields if f.kind == "longtext"]
    if long:
        names = [f for f in spec.fields if f.kind == "text" and f.prefill]
        text_columns = [Column("序号"), Column("清单编号"), *(field_column(f) for f in names),
                        *(field_column(f, width=LONG_TEXT_WIDTH) for f in long)]
        text_rows = Rows(lambda: ([n, r.key, *(r.value(f.id) for f in names + long)]
                                  for n, r in enumerate(records, start=1)))
        write_table(book.create_sheet("报告正文"), f"{spec.title}（正文）", text_columns,
                    text_rows, notes)
    sheets.repeat_sheets(book, spec, records, notes)
    if roster is not None and spec.roster:
        sheets.official_list(book, spec, roster, records, grades or {}, notes)
    sheets.score_sheet(book, spec, records, notes)
    sheets.category_sheet(book, spec, records, notes)
    if spec.assessment is not None and grades:
        sheets.assessment_sheet(book, spec, roster, grades, notes)
    sheets.chart_sheet(book, spec, len(records))
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return SummaryResult(out, len(records), book.sheetnames, notes)


class Rows:
    """Rows of a table made afresh each time they are read (a table is read twice)."""

    def __init__(self, make: Callable[[], Iterable[Sequence[Any]]]) -> None:
        self.make = make

    def __iter__(self) -> Iterator[Sequence[Any]]:
        return iter(self.make())


def field_column(spec_field: FieldSpec, *, width: float | None = None) -> Column:
    """Return the summary column of a blank: its header with unit, and its kind."""
    return Column(spec_field.header, spec_field.kind, width=width,
                  total=spec_field.kind == "money")


def problem_text(record: Record) -> str | None:
    """Return a record's problems as lines for a cell, notices last."""
    problems = sorted(record.problems, key=lambda p: p.code in _NOTICES)
    return "\n".join(p.message for p in problems) or None


def write_table(sheet: Worksheet, title: str, columns: Sequence[Column],
                rows: Iterable[Sequence[Any]], notes: list[str], *,
                total_label: str = "合计", merge_down: Sequence[int] = ()) -> int:
    """Write a titled, boxed table with a total row; return the row after the table.

    `sheet` is a sheet of a write-only workbook (typed as the Worksheet whose dimensions,
    page set-up and merges it shares), written from the top down. `rows` is read twice,
    first to fit the widths and add the totals, then to write: give a list or `Rows`.
    Runs of equal values down the `merge_down` columns (0-based, the first one leading)
    are merged, as a notice prints its list.
    """
    shape = _measure(columns, rows, merge_down, total_label)
    last = get_column_letter(len(columns))
    end = shape.count + 3 + (1 if shape.totals else 0)
    _set_up_sheet(sheet, columns, shape.widths, print_area=f"A1:{last}{end - 1}")
    sheet.merged_cells.add(f"A1:{last}1")
    sheet.row_dimensions[1].height = 30
    sheet.append([_styled(sheet, title, font=TITLE_FONT, alignment=CENTERED)])
    sheet.append([_styled(sheet, c.header, font=BOLD_FONT, fill=HEADER_FILL,
                          alignment=CENTERED_WRAPPED, border=BOX) for c in columns])
    run_starts: set[int] = set()
    merged_away: set[int] = set()  # rows whose merge_down cells a merge above covers
    for start, stop in shape.runs:
        run_starts.add(start + 3)
        merged_away.update(range(start + 4, stop + 3))
        for col in merge_down:
            letter = get_column_letter(col + 1)
            sheet.merged_cells.add(f"{letter}{start + 3}:{letter}{stop + 2}")
    for index, values in enumerate(rows):
        number = index + 3
        cells = []
        lines = 1
        for col, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
            cell = WriteOnlyCell(sheet)
            if number in merged_away and col - 1 in merge_down:
                value = None  # shown once, in the merged cell's top row
            write_value(cell, value, notes, where=f"{get_column_letter(col)}{number}")
            style_cell(cell, column, value)
            if number in run_starts and col - 1 in merge_down:
                cell.alignment = CENTERED_DOWN
            cells.append(cell)
            lines = max(lines, wrapped_lines(value, shape.widths.get(col, DEFAULT_WIDTH)))
        if lines > 1:
            sheet.row_dimensions[number].height = LINE_HEIGHT * lines
        sheet.append(cells)
    if shape.count and shape.totals:
        sheet.append(total_cells(sheet, len(columns), shape.totals, label=total_label))
    return end


@dataclass
class _Shape:
    """What writing a table needs to know before its first row: widths, totals, merges."""

    count: int = 0
    widths: dict[int, float] = field(default_factory=dict)
    totals: dict[int, float] = field(default_factory=dict)
    runs: list[tuple[int, int]] = field(default_factory=list)  # merged runs: [start, stop)


def _measure(columns: Sequence[Column], rows: Iterable[Sequence[Any]],
             merge_down: Sequence[int], total_label: str) -> _Shape:
    shape = _Shape()
    longest = {col: text_width(c.header) for col, c in enumerate(columns, start=1)}
    run_start, run_value = 0, None
    for index, values in enumerate(rows):
        shape.count += 1
        for col, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
            if value is not None:
                longest[col] = max(longest[col], text_width(value))
            if column.total and is_number(value):
                shape.totals[col] = shape.totals.get(col, 0) + value
        if merge_down:
            value = values[merge_down[0]]
            if index and not (value == run_value and run_value):
                if index - run_start > 1:
                    shape.runs.append((run_start, index))
                run_start, run_value = index, value
            elif not index:
                run_value = value
    if merge_down and shape.count - run_start > 1:
        shape.runs.append((run_start, shape.count))
    for col, total in shape.totals.items():
        longest[col] = max(longest[col], text_width(total))
    if shape.totals:
        longest[1] = max(longest[1], text_width(total_label))
    for col, column in enumerate(columns, start=1):
        shape.widths[col] = column.width or max(6, min(30, longest[col] + 2))
    return shape


def _set_up_sheet(sheet: Worksheet, columns: Sequence[Column],
                  widths: dict[int, float], *, print_area: str) -> None:
    """Set widths, frozen header and A4 landscape printing: all before the first row."""
    for col, width in widths.items():
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "C3" if len(columns) > 2 else "A3"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is None:
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_area = print_area


def _styled(sheet: Worksheet, value: Any, **style: Any) -> Cell:
    cell = WriteOnlyCell(sheet, value=value)
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def style_cell(cell: Cell, column: Column, value: Any) -> None:
    """Box a data cell, wrap its text, and give numbers their format."""
    cell.border = BOX
    cell.alignment = TOP_WRAPPED
    if column.kind == "money" and is_number(value):
        cell.number_format = money_format(value)
        cell.alignment = RIGHT_TOP


def total_cells(sheet: Worksheet, n_columns: int, totals: dict[int, float], *,
                label: str = "合计") -> list[Cell]:
    """Return a bold, boxed total row of the numbers in `totals` (column → sum)."""
    cells = []
    for col in range(1, n_columns + 1):
        if col in totals:
            cell = _styled(sheet, totals[col], font=BOLD, border=BOX,
                           number_format=money_format(totals[col]))
        elif col == 1:
            cell = _styled(sheet, label, font=BOLD_FONT, border=BOX)
        else:
            cell = _styled(sheet, None, border=BOX)
        cells.append(cell)
    return cells


def is_number(value: Any) -> bool:
    """Return True for an int or float that is not a bool."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def money_format(value: float) -> str:
    """Return the number format for an amount: whole yuan or with cents."""
    return MONEY_FORMAT if float(value).is_integer() else MONEY_FORMAT_DECIMAL


def _in_roster_order(records: Collection[Record], roster: Roster | None
                     ) -> Collection[Record]:
    if roster is None:
        return records
    order = {row.key: row.position for row in roster.rows}

    def place(key: str | None, file: str) -> tuple[int, str]:
        return order.get(key or "", len(order) + 1), file

    if isinstance(records, LatestRecords):
        return records.sorted_by(place)
    return sorted(records, key=lambda r: place(r.key, r.file))
