"""Summary workbooks laid out for filing, one per form, columns from its definition.

Sheets, as the form calls for them:
- 汇总: one row per return with the short blanks (names, amounts, dates, scores, status);
- 报告正文: the long texts beside the school and project;
- 逐项明细: the blanks of an item table (scores, 建设情况), one row per school and item;
- one sheet per repeating table (budget rows, application rows) with every row of every return;
- the official list layout when the form is pre-filled from a list (000 附件1: merged 序号 and
  学校名称 cells, a total row), with each row's return state;
- 得分排名: totals, subtotals per first-level indicator, rank and grade band;
- 分类统计: counts by the reporting unit and a printed choice (衡阳: county × 申报类别);
- 评估结果: the experts' grades by year and what follows from them;
- 图表: a chart where a picture says more (scores, or amounts by unit).
Every sheet has a title row, a frozen header with units, numbers as numbers, dates as dates,
totals, and prints on A4 (see ``records/print_layout.py``). A value a school changed from
the roster's is marked wherever either is shown, with both values in a comment.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook

from forms.model import FormSpec
from parsers.record import Record
from records import summary_sheets as sheets
from records.store import LatestRecords
from records.summary_chart import chart_sheet
from records.summary_columns import (
    LONG_TEXT_WIDTH,
    STATUS_WORDS,
    field_column,
    field_values,
    key_columns,
    key_values,
    problem_text,
)
from records.summary_table import Column, Rows, TableLayout, write_table
from rosters.roster import Roster

NAME_WIDTH = 14  # a name beside long texts wraps: those rows are tall anyway


@dataclass
class SummaryResult:
    """What a summary run wrote."""

    path: Path
    rows: int
    sheets: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def write_summary(spec: FormSpec, records: Collection[Record], out: Path, *,
                  roster: Roster | None = None,
                  grades: dict[str, dict[int, tuple[str, bool]]] | None = None
                  ) -> SummaryResult:
    """Write the summary workbook of `spec` for `records` to `out`.

    `records` is read once per sheet and never held: a list, or `Store.latest_records()`,
    which streams them from the store. The workbook is written row by row (openpyxl's
    write-only mode), so memory stays flat however many returns there are.
    """
    records = _in_roster_order(records, roster)
    book = Workbook(write_only=True)
    notes: list[str] = []
    main = _main_sheet(book, spec, records, notes)
    left_out = _text_sheet(book, spec, records, notes)
    left_out += sheets.item_sheet(book, spec, records, notes)
    left_out += sheets.repeat_sheets(book, spec, records, notes)
    if roster is not None and spec.roster:
        sheets.official_list(book, spec, roster, records, grades or {}, notes)
    rankings = sheets.score_sheet(book, spec, records, notes)
    sheets.category_sheet(book, spec, records, notes)
    if spec.assessment is not None and grades:
        sheets.assessment_sheet(book, spec, roster, records, grades, notes)
    chart_sheet(book, spec, main, rankings)
    for label in left_out:
        main.add_note(f"注：“{label}”各份均未填写，未单列一表。")
        notes.append(f"“{label}”各份均未填写，未单列一表")
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return SummaryResult(out, len(records), book.sheetnames, notes)


def _main_sheet(book: Workbook, spec: FormSpec, records: Collection[Record],
                notes: list[str]) -> TableLayout:
    """Write 汇总: the keys, the short blanks, the state and problems, the file last."""
    name = spec.school_field
    short = [f for f in spec.fields if not f.value_kind.long_text and not f.item and f != name]
    columns = [*key_columns(spec), *(field_column(f) for f in short),
               Column("状态", group="报送状态"),
               Column("问题", group="报送状态", max_width=LONG_TEXT_WIDTH),
               Column("文件", printed=False)]
    rows = Rows(lambda: ([*key_values(spec, n, r), *field_values(r, short),
                          STATUS_WORDS.get(r.status, r.status), problem_text(r), r.file]
                         for n, r in enumerate(records, start=1)))
    return write_table(book, "汇总", f"{spec.title}汇总表", columns, rows, notes,
                       when_empty="尚未收到报送。")


def _text_sheet(book: Workbook, spec: FormSpec, records: Collection[Record],
                notes: list[str]) -> list[str]:
    """Write 报告正文: the long texts beside the school and the other pre-filled names.

    Return the sheet's name when no return has any long text (no sheet is written).
    """
    long = [f for f in spec.fields if f.value_kind.long_text and not f.item]
    if not long:
        return []
    others = list(spec.project_fields)
    columns = [*key_columns(spec, name_width=NAME_WIDTH),
               *(field_column(f, key=True, max_width=NAME_WIDTH) for f in others),
               *(field_column(f, width=LONG_TEXT_WIDTH) for f in long)]
    rows = Rows(lambda: ([*key_values(spec, n, r), *field_values(r, others + long)]
                         for n, r in enumerate(records, start=1)))
    layout = write_table(book, "报告正文", f"{spec.title}（正文）", columns, rows, notes)
    return [] if layout.sheets else ["报告正文"]


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
