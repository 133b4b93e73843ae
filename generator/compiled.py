"""Write a form compiled from other returns: the official layout, one row per return.

A county's 申报汇总表 lists its applicants' 申请表. The form's definition says which returns
fill its repeating table and which blank fills each column (``compiled_from:``, see
``forms/compiling.py``); here the rows are taken from the returns given, numbered, written
into the same layout ``tianbiao forms template`` prints — more rows than its printed blank
ones when there are more returns — and the form's own blanks (the bureau's name, who fills
it in) are written from the values the office gives, or left empty for it to write by hand.
The file carries the form's id and version like a pre-filled copy, so it is read back as
the form it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from forms.compiling import cell_text, compiled_repeat, compiled_row
from forms.errors import TianbiaoError
from forms.labels import label_key
from forms.layout import build_filled_form, document_bytes
from forms.model import FieldSpec, FormSpec
from generator.render import PROPERTY_FORM, PROPERTY_VERSION, add_custom_properties
from parsers.record import Record

# What a label prints in brackets after its name: "县市区教育局名称（盖章）".
_BRACKETED = re.compile(r"[（(][^（）()]*[)）]")


@dataclass(frozen=True)
class CompiledForm:
    """A compiled form as written: the .docx bytes and its rows (column id → value)."""

    content: bytes
    rows: list[dict[str, Any]]


def compile_form(spec: FormSpec, returns: Iterable[Record],
                 values: Mapping[str, str] | None = None) -> CompiledForm:
    """Return `spec` with a row per return in `returns` and its blanks from `values` (id → text)."""
    repeat = compiled_repeat(spec)
    rows = [compiled_row(spec, number, record.value)
            for number, record in enumerate(returns, start=1)]
    texts = [[cell_text(column, row[column.id]) for column in repeat.columns] for row in rows]
    document = build_filled_form(spec, dict(values or {}), {repeat.id: texts})
    add_custom_properties(document.part.package, {PROPERTY_FORM: spec.id,
                                                   PROPERTY_VERSION: str(spec.version)})
    return CompiledForm(document_bytes(document), rows)


def form_values(spec: FormSpec, given: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Return the blanks' texts (id → text) for `given` (blank id or printed label, text)."""
    values: dict[str, str] = {}
    for name, text in given:
        blank = own_blank(spec, name)
        values[blank.id] = blank.value_kind.prefill_text(text, blank.blank)
    return values


def own_blank(spec: FormSpec, name: str) -> FieldSpec:
    """Return the blank of `spec` (not of its table) that `name` names by id or label."""
    blanks = [f for f in spec.top_fields() if not f.item]
    wanted = label_key(name)
    found = next((f for f in blanks if f.id == name), None) or next(
        (f for f in blanks if wanted in (label_key(f.label), label_key(f.display_label),
                                         label_key(_BRACKETED.sub("", f.label)))), None)
    if found is None:
        listed = "、".join(f"{f.id}（{f.display_label}）" for f in blanks) or "（没有）"
        raise TianbiaoError(f"《{spec.title}》没有空格“{name}”；可以填写的空格有：{listed}",
                            form=spec.id, code="unknown_blank")
    return found
