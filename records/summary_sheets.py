"""The form-specific sheets of a summary workbook (see ``records/summary.py``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from functools import partial
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from forms.model import FieldSpec, FormSpec, RepeatSpec
from forms.registry import get_form
from generator.roster import Roster
from parsers.record import Record
from records.grading import assess
from records.summary import (
    LONG_TEXT_WIDTH,
    STATUS_WORDS,
    Column,
    Rows,
    is_number,
    write_table,
)

_CIRCLED = re.compile(r"^[\u2460-\u2473]")


def repeat_sheets(book: Workbook, spec: FormSpec, records: Collection[Record],
                  notes: list[str]) -> None:
    """Add one sheet per repeating table with every row of every return."""
    name_field = _name_field(spec)
    for repeat in spec.repeats:
        columns = [Column("序号"), Column("清单编号")]
        if name_field is not None:
            columns.append(Column(name_field.header))
        columns += [Column(c.header_label, c.kind, total=c.kind == "money",
                           width=LONG_TEXT_WIDTH if c.kind == "longtext" else None)
                    for c in repeat.columns]
        sheet = book.create_sheet(_sheet_name(repeat.label))
        write_table(sheet, f"{spec.title}：{repeat.label}", columns,
                    Rows(partial(_repeat_rows, records, repeat, name_field)), notes)


def _repeat_rows(records: Iterable[Record], repeat: RepeatSpec,
                 name_field: FieldSpec | None) -> Iterator[list[Any]]:
    number = 0
    for record in records:
        for row in record.rows.get(repeat.label, []):
            number += 1
            values: list[Any] = [number, record.key]
            if name_field is not None:
                values.append(record.value(name_field.id))
            values += [row.get(c.header_label) for c in repeat.columns]
            yield values


def official_list(book: Workbook, spec: FormSpec, roster: Roster, records: Collection[Record],
                  grades: dict[str, dict[int, tuple[str, bool]]], notes: list[str]) -> None:
    """Add the notice's own list layout (merged cells, total row) with each row's state."""
    list_form = get_form(spec.roster or "")
    if not list_form.is_list:
        return
    states = {r.key: r.status for r in records if r.key}
    years = sorted({y for by_year in grades.values() for y in by_year})
    columns = [Column(c.header_label + (f"（{c.unit}）" if c.unit else ""), c.kind,
                      total=c.total) for c in list_form.columns]
    columns += [Column("报送情况"), *(Column(f"{y}年评估") for y in years)]
    rows = []
    for row in roster.rows:
        status = states.get(row.key)
        state = STATUS_WORDS.get(status, status) if status else "未交"
        rows.append([row.get(c.header) for c in list_form.columns] + [state] + [
            grades.get(row.key, {}).get(y, ("", False))[0] or None for y in years
        ])
    sheet = book.create_sheet(_sheet_name(list_form.title))
    write_table(sheet, list_form.title, columns, rows, notes,
                merge_down=[i for i, c in enumerate(list_form.columns) if c.merge_down])


def score_sheet(book: Workbook, spec: FormSpec, records: Collection[Record],
                notes: list[str]) -> None:
    """Add a ranking per score column: totals, subtotals per first-level indicator, bands."""
    items = [f for f in spec.fields if f.item and f.kind == "score"]
    for column_name in dict.fromkeys(f.column for f in items):
        scored = [f for f in items if f.column == column_name]
        groups = list(dict.fromkeys(f.group or "" for f in scored))
        name_field = _name_field(spec)
        totals = []
        for record in records:
            values = [record.value(f.id) for f in scored]
            subtotals = [sum(v for f, v in zip(scored, values, strict=True)
                             if (f.group or "") == g and is_number(v)) for g in groups]
            total = sum(v for v in values if is_number(v))
            name = record.value(name_field.id) if name_field else record.file
            totals.append((total, subtotals, name))
        ranked = sorted(totals, key=lambda t: -t[0])
        bands = next((d for d in spec.derived if d.how == "bands"), None)
        columns = [Column("名次"), Column("学校/单位"), Column("总分", "number"),
                   *(Column(g or "得分", "number") for g in groups)]
        if bands is not None:
            columns.append(Column("等级"))
        rows = []
        for total, subtotals, name in ranked:
            rank = 1 + sum(1 for other, _, _ in totals if other > total)
            row = [rank, name, total, *subtotals]
            if bands is not None:
                row.append(next((b.get("value") for b in bands.table
                                 if total >= b.get("min", float("-inf"))), None))
            rows.append(row)
        title = f"{spec.title}：{column_name}排名"
        write_table(book.create_sheet(_sheet_name(f"{column_name}排名")), title, columns, rows,
                    notes)


def category_sheet(book: Workbook, spec: FormSpec, records: Collection[Record],
                   notes: list[str]) -> None:
    """Add counts by a printed choice: per reporting unit for table rows, or overall."""
    group_field = next((f for f in spec.top_fields() if f.kind == "text"), None)
    for repeat in spec.repeats:
        for choice in (c for c in repeat.columns if c.kind == "choice"):
            options = [_CIRCLED.sub("", o) for o in choice.options]
            counts: dict[str, Counter[str]] = {}
            for record in records:
                unit = str(record.value(group_field.id) or "（未填）") if group_field else "全部"
                for row in record.rows.get(repeat.label, []):
                    counts.setdefault(unit, Counter())[str(row.get(choice.header_label))] += 1
            columns = [Column(group_field.label if group_field else "单位"),
                       *(Column(o, "integer", total=True) for o in options),
                       Column("合计", "integer", total=True)]
            rows = [[unit, *(c.get(o, 0) for o in options), sum(c.values())]
                    for unit, c in counts.items()]
            write_table(book.create_sheet(_sheet_name(f"按{choice.header_label}统计")),
                        f"{spec.title}：按{group_field.label if group_field else ''}和"
                        f"{choice.header_label}统计", columns, rows, notes)
    for choice_field in (f for f in spec.top_fields() if f.kind == "choice"):
        options = [_CIRCLED.sub("", o) for o in choice_field.options]
        tally = Counter(str(r.value(choice_field.id)) for r in records
                        if r.value(choice_field.id) is not None)
        write_table(book.create_sheet(_sheet_name(f"按{choice_field.label}统计")),
                    f"{spec.title}：按{choice_field.label}统计",
                    [Column(choice_field.label), Column("份数", "integer", total=True)],
                    [[o, tally.get(o, 0)] for o in options], notes)


def assessment_sheet(book: Workbook, spec: FormSpec, roster: Roster | None,
                     grades: dict[str, dict[int, tuple[str, bool]]], notes: list[str]) -> None:
    """Add the experts' grades by year, the principal-score effect and what comes next."""
    years = sorted({y for by_year in grades.values() for y in by_year})
    columns = [Column("编号"), Column("学校"), Column("项目")]
    for year in years:
        columns += [Column(f"{year}年评估结果"), Column(f"{year}年校长考核加减分", "number")]
    columns.append(Column("提示", width=LONG_TEXT_WIDTH))
    by_key = {row.key: row for row in roster.rows} if roster else {}
    rows = []
    for key, by_year in sorted(grades.items(), key=lambda kv: _key_order(kv[0], by_key)):
        outcomes = {o.year: o for o in assess(spec, by_year)}
        row = by_key.get(key)
        values: list[Any] = [key, row.get("学校名称") if row else None,
                             row.get("项目名称") if row else None]
        for year in years:
            outcome = outcomes.get(year)
            values += [outcome.grade if outcome else None,
                       outcome.principal_score if outcome else None]
        flags = [f"{o.year}年：{flag}" for o in outcomes.values() for flag in o.flags]
        values.append("\n".join(flags) or None)
        rows.append(values)
    write_table(book.create_sheet("评估结果"), f"{spec.title}：专家评估结果", columns, rows,
                notes)


def chart_sheet(book: Workbook, spec: FormSpec, n_records: int) -> None:
    """Add a bar chart: total scores by school, or amounts by return."""
    ranking = next((name for name in book.sheetnames if name.endswith("排名")), None)
    if ranking is not None:
        source = book[ranking]
        labels, values, title = 2, 3, "总分"
    else:
        money = next((i for i, f in enumerate(spec.fields) if f.kind == "money"
                      and f.parent is None and not f.item), None)
        if money is None or not n_records:
            return
        source = book["汇总"]
        short = [f for f in spec.fields if f.kind != "longtext"]
        name_field = _name_field(spec)
        labels = 3 + short.index(name_field) if name_field in short else 2
        values = 3 + short.index(spec.fields[money])
        title = spec.fields[money].header
    last = 2 + n_records
    chart = BarChart()
    chart.type = "bar"
    chart.title = title
    chart.height = max(8, 0.5 * n_records)
    chart.width = 24
    chart.legend = None
    data = Reference(source, min_col=values, min_row=2, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(source, min_col=labels, min_row=3, max_row=last))
    sheet = book.create_sheet("图表")
    sheet.add_chart(chart, "A3")
    sheet.append([f"{spec.title}：{title}"])


def _name_field(spec: FormSpec) -> FieldSpec | None:
    prefilled = [f for f in spec.fields if f.prefill and f.kind == "text"]
    if prefilled:
        return prefilled[0]
    return next((f for f in spec.top_fields() if f.kind == "text"), None)


def _key_order(key: str, by_key: dict[str, Any]) -> tuple[int, str]:
    row = by_key.get(key)
    return (row.position if row else 10**9, key)


def _sheet_name(text: str) -> str:
    """Return a legal, short sheet name (Excel allows 31 characters, no []:*?/\\)."""
    return re.sub(r"[\[\]:*?/\\]", "", text)[:31] or "表"
