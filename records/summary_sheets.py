"""The form-specific sheets of a summary workbook (see ``records/summary.py``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from functools import partial
from typing import Any

from openpyxl import Workbook

from forms.model import FieldSpec, FormSpec, RepeatSpec
from forms.registry import get_form
from parsers.record import Record
from records.excel import display_width
from records.grading import assess
from records.summary_cells import flagged, is_number
from records.summary_columns import (
    LONG_TEXT_WIDTH,
    STATUS_WORDS,
    key_columns,
    key_values,
    prefill_changes,
    record_name,
)
from records.summary_table import Column, Rows, TableLayout, write_table
from rosters.roster import Roster

_CIRCLED = re.compile(r"^[\u2460-\u2473]")
_CUE_WIDTH = 28


def item_sheet(book: Workbook, spec: FormSpec, records: Collection[Record],
               notes: list[str]) -> list[str]:
    """Add 逐项明细: one row per return and item of the form's item table.

    Return the sheet's name when no return has any item filled (no sheet is written).
    """
    items = [f for f in spec.fields if f.item]
    if not items:
        return []
    by_item: dict[str, dict[str, FieldSpec]] = {}
    for item_field in items:
        by_item.setdefault(item_field.item or "", {})[item_field.column or ""] = item_field
    names = list(dict.fromkeys(f.column or "" for f in items))
    first = {name: next(f for f in items if (f.column or "") == name) for name in names}
    scored = any(f.max_score is not None for f in items)
    cues = _item_cues(spec)
    columns = [*key_columns(spec, name_width=20), Column("类别", key=True, max_width=20),
               Column("项目", key=True, max_width=_CUE_WIDTH + 2)]
    if scored:
        columns.append(Column("满分", "number"))
    columns += [Column(name or "填写", first[name].kind, max_width=LONG_TEXT_WIDTH)
                for name in names]

    def rows() -> Iterator[list[Any]]:
        for number, record in enumerate(records, start=1):
            values = {f.id: record.value(f.id) for f in items}
            if all(v is None for v in values.values()):
                continue
            keys = key_values(spec, number, record)
            for code, by_column in by_item.items():
                one = next(iter(by_column.values()))
                row = [*keys, one.group, cues.get(code, code)]
                if scored:
                    row.append(max((f.max_score or 0) for f in by_column.values()) or None)
                row += [values[by_column[n].id] if n in by_column else None for n in names]
                yield row

    title = f"{spec.title}：逐项明细"
    layout = write_table(book, "逐项明细", title, columns, Rows(rows), notes)
    return [] if layout.sheets else ["逐项明细"]


def _item_cues(spec: FormSpec) -> dict[str, str]:
    """Return each item's printed text, shortened: the cell of its row starting with its code."""
    cues = {}
    for block in spec.layout:
        for row in block.table.rows if block.table else ():
            if row.item is None:
                continue
            text = next((c.text for c in row.cells if c.text.strip().startswith(row.item)),
                        row.item)
            cues[row.item] = _shortened(" ".join(text.split()))
    return cues


def _shortened(text: str) -> str:
    if display_width(text) <= _CUE_WIDTH:
        return text
    kept = ""
    for character in text:
        if display_width(kept + character) > _CUE_WIDTH - 2:
            break
        kept += character
    return kept + "…"


def repeat_sheets(book: Workbook, spec: FormSpec, records: Collection[Record],
                  notes: list[str]) -> list[str]:
    """Add one sheet per repeating table with every row of every return.

    Return the labels of the tables no return filled: they get no sheet.
    """
    left_out = []
    for repeat in spec.repeats:
        own_number = any(c.header_label == "序号" for c in repeat.columns)
        columns = [Column("总序号" if own_number else "序号", "integer", key=True),
                   *key_columns(spec)[1:]]
        columns += [Column(c.header_label, c.kind, total=c.value_kind.sums, unit=c.unit,
                           max_width=LONG_TEXT_WIDTH)
                    for c in repeat.columns]
        layout = write_table(book, repeat.label, f"{spec.title}：{repeat.label}", columns,
                             Rows(partial(_repeat_rows, spec, records, repeat)), notes)
        if not layout.sheets:
            left_out.append(repeat.label)
    return left_out


def _repeat_rows(spec: FormSpec, records: Iterable[Record],
                 repeat: RepeatSpec) -> Iterator[list[Any]]:
    number = 0
    for index, record in enumerate(records, start=1):
        for row in record.rows.get(repeat.label, []):
            number += 1
            yield [number, *key_values(spec, index, record)[1:],
                   *(row.get(c.header_label) for c in repeat.columns)]


def official_list(book: Workbook, spec: FormSpec, roster: Roster, records: Collection[Record],
                  grades: dict[str, dict[int, tuple[str, bool]]], notes: list[str]) -> None:
    """Add the notice's own list layout (merged cells, total row) with each row's state."""
    list_form = get_form(spec.roster or "")
    if not list_form.is_list:
        return
    states, changes = _by_key(spec, records)
    years = sorted({y for by_year in grades.values() for y in by_year})
    columns = [Column(c.header_label + (f"（{c.unit}）" if c.unit else ""), c.kind,
                      total=c.total, unit=c.unit) for c in list_form.columns]
    columns += [Column("报送情况"), *(Column(f"{y}年评估") for y in years)]
    rows = []
    for row in roster.rows:
        status = states.get(row.key)
        state = STATUS_WORDS.get(status, status) if status else "未交"
        changed = changes.get(row.key, {})
        rows.append([flagged(row.get(c.header), changed.get(c.header), row.key)
                     for c in list_form.columns] + [state] + [
            grades.get(row.key, {}).get(y, ("", False))[0] or None for y in years
        ])
    write_table(book, list_form.title, list_form.title, columns, rows, notes,
                merge_down=[i for i, c in enumerate(list_form.columns) if c.merge_down])


def _by_key(spec: FormSpec, records: Iterable[Record]
            ) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """Return each roster key's state, and the roster columns its school changed."""
    states: dict[str, str] = {}
    changes: dict[str, dict[str, str]] = {}
    for record in records:
        if not record.key:
            continue
        states[record.key] = record.status
        for field_id, message in prefill_changes(record).items():
            column = spec.field(field_id).prefill if spec.has_field(field_id) else None
            if column:
                changes.setdefault(record.key, {})[column] = message
    return states, changes


def score_sheet(book: Workbook, spec: FormSpec, records: Collection[Record],
                notes: list[str]) -> list[TableLayout]:
    """Add a ranking per score column: totals, subtotals per first-level indicator, bands."""
    items = [f for f in spec.fields if f.item and f.kind == "score"]
    layouts = []
    for column_name in dict.fromkeys(f.column for f in items):
        scored = [f for f in items if f.column == column_name]
        groups = list(dict.fromkeys(f.group or "" for f in scored))
        totals = []
        for record in records:
            values = [record.value(f.id) for f in scored]
            if all(v is None for v in values):
                continue  # nothing scored: not ranked as 0
            subtotals = [sum(v for f, v in zip(scored, values, strict=True)
                             if (f.group or "") == g and is_number(v)) for g in groups]
            total = sum(v for v in values if is_number(v))
            totals.append((total, subtotals, record_name(spec, record)))
        ranked = sorted(totals, key=lambda t: -t[0])
        bands = next((d for d in spec.derived if d.how == "bands"), None)
        columns = [Column("名次", "integer", key=True),
                   Column("学校/单位", key=True, max_width=24), Column("总分", "number"),
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
        layout = write_table(book, f"{column_name}排名", title, columns, rows, notes)
        if layout.sheets:
            layouts.append(layout)
    return layouts


def category_sheet(book: Workbook, spec: FormSpec, records: Collection[Record],
                   notes: list[str]) -> None:
    """Add counts by a printed choice: per reporting unit for table rows, or overall."""
    group_field = spec.school_field
    for repeat in spec.repeats:
        for choice in (c for c in repeat.columns if c.kind == "choice"):
            options = [_CIRCLED.sub("", o) for o in choice.options]
            counts: dict[str, Counter[str]] = {}
            for record in records:
                unit = str(record.value(group_field.id) or "（未填）") if group_field else "全部"
                for row in record.rows.get(repeat.label, []):
                    counts.setdefault(unit, Counter())[str(row.get(choice.header_label))] += 1
            columns = [Column(group_field.label if group_field else "单位", key=True),
                       *(Column(o, "integer", total=True) for o in options),
                       Column("合计", "integer", total=True)]
            rows = [[unit, *(c.get(o, 0) for o in options), sum(c.values())]
                    for unit, c in counts.items()]
            write_table(book, f"按{choice.header_label}统计",
                        f"{spec.title}：按{group_field.label if group_field else ''}和"
                        f"{choice.header_label}统计", columns, rows, notes)
    for choice_field in (f for f in spec.top_fields() if f.kind == "choice"):
        options = [_CIRCLED.sub("", o) for o in choice_field.options]
        tally = Counter(str(r.value(choice_field.id)) for r in records)
        rows = [[o, tally.get(o, 0)] for o in options]
        if tally.get("None"):  # so that the counts add up to the returns
            rows.append(["（未选）", tally["None"]])
        write_table(book, f"按{choice_field.label}统计",
                    f"{spec.title}：按{choice_field.label}统计",
                    [Column(choice_field.label), Column("份数", "integer", total=True)],
                    rows, notes)


def assessment_sheet(book: Workbook, spec: FormSpec, roster: Roster | None,
                     records: Collection[Record],
                     grades: dict[str, dict[int, tuple[str, bool]]], notes: list[str]) -> None:
    """Add the experts' grades by year, the principal-score effect and what comes next."""
    years = sorted({y for by_year in grades.values() for y in by_year})
    columns = [Column("编号", key=True), Column("学校", key=True), Column("项目", key=True)]
    for year in years:
        columns += [Column(f"{year}年评估结果"), Column(f"{year}年校长考核加减分", "number")]
    columns.append(Column("提示", max_width=LONG_TEXT_WIDTH))
    by_key = {row.key: row for row in roster.rows} if roster else {}
    # 学校 and 项目 are the roster's: the columns that pre-fill the school and the project.
    project = next(iter(spec.project_fields), None)
    shown = [f.prefill if f is not None else None for f in (spec.school_field, project)]
    _, changes = _by_key(spec, records)
    rows = []
    for key, by_year in sorted(grades.items(), key=lambda kv: _key_order(kv[0], by_key)):
        outcomes = {o.year: o for o in assess(spec, by_year)}
        row = by_key.get(key)
        changed = changes.get(key, {})
        values: list[Any] = [key] + [
            flagged(row.get(header), changed.get(header), key) if row and header else None
            for header in shown]
        for year in years:
            outcome = outcomes.get(year)
            values += [outcome.grade if outcome else None,
                       outcome.principal_score if outcome else None]
        flags = [f"{o.year}年：{flag}" for o in outcomes.values() for flag in o.flags]
        values.append("\n".join(flags) or None)
        rows.append(values)
    write_table(book, "评估结果", f"{spec.title}：专家评估结果", columns, rows, notes)


def _key_order(key: str, by_key: dict[str, Any]) -> tuple[int, str]:
    row = by_key.get(key)
    return (row.position if row else 10**9, key)
