"""A form compiled from another form's returns: its source, checked, and the rows it gets.

A definition's ``compiled_from:`` (read by ``forms/loader_compiled.py``) says which form's
returns fill its repeating table and which blank fills each column. Here the source form is
found and held to it — every named blank exists, and what it holds can be written in its
column (a phone in a phone column, a category among the column's printed options) — and a
return's values become the texts of one printed row. ``tianbiao forms check`` reports the
same findings; compiling refuses a form with any error among them.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from forms.errors import DefinitionError, UnknownFormError, ValueProblem
from forms.kinds.marks import bare_option
from forms.model import ColumnSpec, CompiledFrom, FieldSpec, FormSpec, RepeatSpec
from forms.registry import get_form

# Kinds whose column takes any value written as text.
_TAKES_ANY = ("text", "longtext")


@dataclass(frozen=True)
class CompiledFinding:
    """One thing wrong (`error`) or worth a look in how a form is compiled, and where."""

    where: str
    message: str
    error: bool = True


def compiled_from(spec: FormSpec) -> CompiledFrom:
    """Return how `spec` is compiled, refusing a form that says nothing of it."""
    if spec.compiled_from is None:
        raise DefinitionError(
            f"《{spec.title}》（{spec.id}）的定义没有写 compiled_from，不知道从哪张表的报送"
            "汇总；要由其他表单的报送汇总成的表，在定义里写 compiled_from（见 "
            "forms/definitions/README.md）", form=spec.id, code="not_compiled")
    return spec.compiled_from


def source_form(spec: FormSpec) -> FormSpec:
    """Return the form whose returns fill `spec`, refusing any error in how they fill it."""
    source = _source(spec, compiled_from(spec).form)
    errors = [f for f in compiled_findings(spec, source) if f.error]
    if errors:
        raise DefinitionError(f"《{spec.title}》的 compiled_from 有误：{errors[0].where}："
                              f"{errors[0].message}", form=spec.id, code="bad_compiled_from")
    return source


def compiled_findings(spec: FormSpec, source: FormSpec) -> list[CompiledFinding]:
    """Return what is wrong or worth a look in filling `spec` from returns of `source`."""
    how = compiled_from(spec)
    repeat = spec.repeat(how.repeat)
    return list(_findings(how, repeat, source))


def compiled_repeat(spec: FormSpec) -> RepeatSpec:
    """Return the repeating table of `spec` that returns fill."""
    return spec.repeat(compiled_from(spec).repeat)


def compiled_row(spec: FormSpec, number: int, value_of: Callable[[str], Any]
                 ) -> dict[str, Any]:
    """Return one row (column id → value) from a return whose blanks `value_of` gives."""
    how = compiled_from(spec)
    row: dict[str, Any] = {}
    for column in spec.repeat(how.repeat).columns:
        source = how.source_of(column.id)
        if column.id == how.numbered:
            row[column.id] = number
        else:
            row[column.id] = value_of(source) if source else None
    return row


def cell_text(column: ColumnSpec, value: Any) -> str:
    """Return `value` as written in a cell of `column`: a choice as its printed option."""
    if value is None:
        return ""
    blank = column.blank(column.header_label)
    if column.kind == "choice":
        # One option written out, number and all ("②区域智慧教育"), as a clerk types it.
        return next((o for o in column.options if bare_option(o) == str(value)), str(value))
    if column.kind == "yesno" and isinstance(value, bool):
        yes, no = column.options or ("是", "否")
        return yes if value else no
    try:
        return column.value_kind.render(value, blank)
    except ValueProblem:
        return str(value)


def _source(spec: FormSpec, name: str) -> FormSpec:
    try:
        return get_form(name)
    except UnknownFormError as error:
        raise DefinitionError(f"《{spec.title}》的 compiled_from 写的来源表单：{error}",
                              form=spec.id, code="unknown_source") from None


def _findings(how: CompiledFrom, repeat: RepeatSpec, source: FormSpec
              ) -> Iterator[CompiledFinding]:
    for column in repeat.columns:
        where = f"compiled_from 的列 {column.id}（{column.header_label}）"
        field_id = how.source_of(column.id)
        if field_id is None:
            if column.id != how.numbered and column.required:
                yield CompiledFinding(where, f"不从《{source.title}》取值，生成的表里这一列"
                                      "留空，由填表单位自己填写", error=False)
            continue
        if not source.has_field(field_id):
            yield CompiledFinding(where, _no_such_blank(source, field_id))
            continue
        problem = _unsuited(column, source.field(field_id))
        if problem:
            yield CompiledFinding(where, problem)


def _no_such_blank(source: FormSpec, field_id: str) -> str:
    ids = [f.id for f in source.fields]
    near = difflib.get_close_matches(field_id, ids, n=3, cutoff=0.5)
    listed = "、".join(f"{f.id}（{f.display_label}）" for f in source.top_fields())
    hint = f"是不是：{'、'.join(near)}？" if near else f"它的空格有：{listed}"
    return f"《{source.title}》没有空格 {field_id}；{hint}"


def _unsuited(column: ColumnSpec, field: FieldSpec) -> str | None:
    """Say why what blank `field` holds cannot be written in `column`, or None when it can."""
    named = f"来源空格 {field.id}（{field.display_label}）"
    if column.kind in _TAKES_ANY:
        return None
    if column.kind != field.kind:
        return (f"这一列是{column.value_kind.title}，而{named}是{field.value_kind.title}，"
                "写不进去（把列改成 text，或换一个空格）")
    if column.unit != field.unit and column.kind == "money":
        return f"这一列的单位是{column.unit or '元'}，而{named}是{field.unit or '元'}"
    if column.kind == "choice":
        printed = {bare_option(o) for o in column.options}
        missing = [o for o in field.options if bare_option(o) not in printed]
        if missing:
            return f"{named}的选项{'、'.join(missing)}不在这一列的选项里"
    return None
