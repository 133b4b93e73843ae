"""Normalise and validate raw values into a record: the ``parse`` JSON Lines contract.

Status: "unreadable" when the file could not be read at all; "invalid" when a value cannot
be read as its kind or a check fails; "incomplete" when a required blank is empty;
"ok" otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from forms.errors import ValueProblem
from forms.kinds import parse_value
from forms.model import FormSpec
from parsers.extract import RawValue


@dataclass(frozen=True)
class Problem:
    """Something wrong with one file, in words an office clerk understands."""

    field: str | None
    code: str
    message: str

    def as_json(self) -> dict[str, Any]:
        """Return the problem as the contract writes it."""
        return {"field": self.field, "code": self.code, "message": self.message}


@dataclass
class FieldValue:
    """One blank's normalised value beside the text it was read from."""

    id: str
    label: str
    column: str | None
    value: Any
    raw: str

    def as_json(self) -> dict[str, Any]:
        """Return the field as the contract writes it."""
        return {"id": self.id, "label": self.label, "column": self.column,
                "value": self.value, "raw": self.raw}


@dataclass
class Record:
    """Everything read from one returned file."""

    file: str
    form: str | None
    status: str
    fields: list[FieldValue] = field(default_factory=list)
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    key: str | None = None
    identified_by: str | None = None

    def value(self, field_id: str) -> Any:
        """Return the normalised value of blank `field_id`, or None."""
        return next((f.value for f in self.fields if f.id == field_id), None)

    def as_json(self) -> dict[str, Any]:
        """Return exactly the ``parse`` output contract of DESIGN.md."""
        return {
            "file": self.file,
            "form": self.form,
            "status": self.status,
            "fields": [f.as_json() for f in self.fields],
            "rows": self.rows,
            "problems": [p.as_json() for p in self.problems],
        }


def unreadable_record(file: str, code: str, message: str) -> Record:
    """Return the record of a file that could not be read at all."""
    return Record(file=file, form=None, status="unreadable",
                  problems=[Problem(None, code, message)])


def build_record(file: str, spec: FormSpec, raw_values: list[RawValue]) -> Record:
    """Normalise `raw_values` read from `file` against `spec` and decide the status."""
    record = Record(file=file, form=spec.id, status="ok")
    missing_labels = [r for r in raw_values if not r.found and r.field.parent is None]
    for raw in raw_values:
        spec_field = raw.field
        value: Any = None
        try:
            value = parse_value(
                spec_field.kind,
                raw.raw,
                label=_display_label(spec_field.label, spec_field.column),
                unit=spec_field.unit,
                options=spec_field.options,
                max_score=spec_field.max_score,
            )
        except ValueProblem as problem:
            record.problems.append(Problem(spec_field.id, problem.code, problem.message))
        record.fields.append(
            FieldValue(spec_field.id, spec_field.label, spec_field.column, value, raw.raw)
        )
        if spec_field.required and value is None and raw.found and not raw.raw.strip():
            record.problems.append(Problem(
                spec_field.id, "required",
                f"{_display_label(spec_field.label, spec_field.column)}：未填写（必填）",
            ))
    for raw in missing_labels:
        record.problems.append(Problem(
            raw.field.id, "label_missing",
            f"表中找不到“{raw.field.label}”一栏，可能被删除或改了名字",
        ))
    record.status = _status(record.problems)
    return record


def _display_label(label: str, column: str | None) -> str:
    return f"{label}（{column}）" if column else label


def _status(problems: list[Problem]) -> str:
    codes = {p.code for p in problems}
    if codes - {"required", "label_missing"}:
        return "invalid"
    if codes:
        return "incomplete"
    return "ok"
