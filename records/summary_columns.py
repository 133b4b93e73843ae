"""The columns every summary sheet shares: the keys, a blank's column, a record's values.

Each sheet of a summary workbook (``records/summary.py``, ``records/summary_sheets.py``,
``records/summary_chart.py``) starts with the same key columns (序号, 清单编号, the school),
shows a blank under its header and unit, marks a value the school changed from the
roster's, and writes a record's problems with the notices last.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from forms.model import FieldSpec, FormSpec
from forms.problems import PREFILL_CHANGED
from parsers.record import Record
from records.summary_cells import flagged
from records.summary_table import Column

STATUS_WORDS = {"ok": "合格", "incomplete": "未填完", "invalid": "有错误", "unreadable": "无法读取"}
LONG_TEXT_WIDTH = 30


def key_columns(spec: FormSpec, *, name_width: float = 30.0) -> list[Column]:
    """Return the columns repeated on every printed page: 序号, 清单编号, the school."""
    name = spec.school_field
    header = name.header if name is not None else "文件名"
    return [Column("序号", "integer", key=True), Column("清单编号", key=True),
            Column(header, key=True, max_width=name_width)]


def key_values(spec: FormSpec, number: int, record: Record) -> list[Any]:
    """Return a record's 序号, roster key and name, the name flagged if changed."""
    name = spec.school_field
    note = prefill_changes(record).get(name.id) if name is not None else None
    return [number, record.key, flagged(record_name(spec, record), note, record.key)]


def record_name(spec: FormSpec, record: Record) -> str:
    """Return the school or unit a record names, or its file's name when it names none."""
    name = spec.school_field
    value = record.value(name.id) if name is not None else None
    if value is not None:
        return str(value)
    file_name = Path(record.file).name
    return file_name if name is None else f"（文件 {file_name}）"


def field_column(spec_field: FieldSpec, *, width: float | None = None, key: bool = False,
                 max_width: float = 30.0) -> Column:
    """Return the summary column of a blank: its header with unit, and its kind."""
    return Column(spec_field.header, spec_field.kind, width=width,
                  total=spec_field.value_kind.sums, unit=spec_field.unit, key=key,
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
    problems = sorted(record.problems, key=lambda p: p.is_notice)
    return "\n".join(p.message for p in problems) or None
