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
from typing import Any

from openpyxl import Workbook

from forms.model import FieldSpec, FormSpec
from parsers.record import Record
from records.attribution import name_fields
from records.store import LatestRecords
from records.summary_cells import flagged
from records.summary_table import Column, Rows, TableLayout, write_table
from rosters.roster import Roster

STATUS_WORDS = {"ok": "合格", "incomplete": "未填完", "invalid": "有错误", "unreadable": "无法读取"}
PREFILL_CHANGED = "prefill_changed"
LONG_TEXT_WIDTH = 30
NAME_WIDTH = 14  # a name beside long texts wraps: those rows are tall anyway
_NOTICES = {"form_uncertain", "below_target", "sum_warning"}


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
    from records import summary_sheets as sheets
    from records.summary_chart import chart_sheet

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
    name = name_field_of(spec)
    short = [f for f in spec.fields if f.kind != "longtext" and not f.item and f != name]
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
    long = [f for f in spec.fields if f.kind == "longtext" and not f.item]
    if not long:
        return []
    _, others = name_fields(spec)
    columns = [*key_columns(spec, name_width=NAME_WIDTH),
               *(field_column(f, key=True, max_width=NAME_WIDTH) for f in others),
               *(field_column(f, width=LONG_TEXT_WIDTH) for f in long)]
    rows = Rows(lambda: ([*key_values(spec, n, r), *field_values(r, others + long)]
                         for n, r in enumerate(records, start=1)))
    layout = write_table(book, "报告正文", f"{spec.title}（正文）", columns, rows, notes)
    return [] if layout.sheets else ["报告正文"]


def key_columns(spec: FormSpec, *, name_width: float = 30.0) -> list[Column]:
    """Return the columns repeated on every printed page: 序号, 清单编号, the school."""
    name = name_field_of(spec)
    header = name.header if name is not None else "文件名"
    return [Column("序号", "integer", key=True), Column("清单编号", key=True),
            Column(header, key=True, max_width=name_width)]


def key_values(spec: FormSpec, number: int, record: Record) -> list[Any]:
    """Return a record's 序号, roster key and name, the name flagged if changed."""
    name = name_field_of(spec)
    note = prefill_changes(record).get(name.id) if name is not None else None
    return [number, record.key, flagged(record_name(spec, record), note, record.key)]


def record_name(spec: FormSpec, record: Record) -> str:
    """Return the school or unit a record names, or its file's name when it names none."""
    name = name_field_of(spec)
    value = record.value(name.id) if name is not None else None
    if value is not None:
        return str(value)
    file_name = Path(record.file).name
    return file_name if name is None else f"（文件 {file_name}）"


def field_column(spec_field: FieldSpec, *, width: float | None = None, key: bool = False,
                 max_width: float = 30.0) -> Column:
    """Return the summary column of a blank: its header with unit, and its kind."""
    unit = spec_field.unit or ("元" if spec_field.kind == "money" else None)
    return Column(spec_field.header, spec_field.kind, width=width,
                  total=spec_field.kind == "money", unit=unit, key=key,
                  group=spec_field.scope, max_width=max_width)


def field_values(record: Record, fields: list[FieldSpec]) -> list[Any]:
    """Return a record's values of `fields`, those changed from the roster flagged."""
    changed = prefill_changes(record)
    return [flagged(record.value(f.id), changed.get(f.id), record.key) for f in fields]


def prefill_changes(record: Record) -> dict[str, str]:
    """Return {field id: message} for the pre-filled values a school changed."""
    return {p.field: p.message for p in record.problems
            if p.code == PREFILL_CHANGED and p.field}


def problem_text(record: Record) -> str | None:
    """Return a record's problems as lines for a cell, notices last."""
    problems = sorted(record.problems, key=lambda p: p.code in _NOTICES)
    return "\n".join(p.message for p in problems) or None


def name_field_of(spec: FormSpec) -> FieldSpec | None:
    """Return the blank naming the school or unit: pre-filled, else the first text blank."""
    name_field, _ = name_fields(spec)
    if name_field is not None:
        return name_field
    return next((f for f in spec.top_fields() if f.kind == "text" and not f.item), None)


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
