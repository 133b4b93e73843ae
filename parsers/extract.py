"""Read each blank of a form from a grid: raw text by label, the repeating tables' rows.

Where a blank stands is the job of parsers.locate (one module per way a definition
locates a blank); here the found text becomes one RawValue per blank, an opinion cell's
printed sub-blanks (负责人, 年 月 日) split off into their own values.
"""

from __future__ import annotations

from dataclasses import dataclass

from forms.model import FieldSpec, FormSpec
from parsers.grid import Grid
from parsers.locate import (
    LabelIndex,
    locate,
    repeat_rows,
    split_printed_parts,
    strip_printed,
    strip_retyped_hint,
)

__all__ = [
    "RawValue",
    "extract",
    "extract_fields",
    "extract_rows",
    "split_printed_parts",
    "strip_printed",
]


@dataclass(frozen=True)
class RawValue:
    """The text found for one blank; `found` is False when its label is not in the file."""

    field: FieldSpec
    raw: str
    found: bool = True
    unit: str | None = None  # a unit of its kind the school's label prints ("（万元）")


def extract(grid: Grid, spec: FormSpec) -> tuple[list[RawValue], dict[str, list[dict[str, str]]]]:
    """Return the blanks and the repeating tables' rows of `spec` in `grid`, reading it once."""
    index = LabelIndex(grid, spec)
    return _fields_of(index), repeat_rows(index)


def extract_fields(grid: Grid, spec: FormSpec) -> list[RawValue]:
    """Return the raw text of every blank of `spec` found in `grid`, in definition order."""
    return _fields_of(LabelIndex(grid, spec))


def extract_rows(grid: Grid, spec: FormSpec) -> dict[str, list[dict[str, str]]]:
    """Return the raw rows of every repeating table, by repeat id, column id → text."""
    return repeat_rows(LabelIndex(grid, spec))


def _fields_of(index: LabelIndex) -> list[RawValue]:
    spec = index.spec
    values: list[RawValue] = []
    for field in spec.top_fields():
        located = locate(index, field)
        parts = spec.parts_of(field.id)
        if located is None:
            values.append(RawValue(field, "", found=False))
            values.extend(RawValue(p, "", found=False) for p in parts)
            continue
        if field.printed:
            located = strip_printed(located, field.printed)
        located = strip_retyped_hint(located, field.label)
        if not parts:
            values.append(RawValue(field, located, unit=index.units.get(field.id)))
            continue
        text, part_texts = split_printed_parts(located, parts)
        values.append(RawValue(field, text))
        values.extend(RawValue(p, part_texts.get(p.id, "")) for p in parts)
    return values
