"""Normalise and validate raw values into a record: the ``parse`` JSON Lines contract.

Status: "unreadable" when the file could not be read at all; "invalid" when a value cannot
be read as its kind or a check fails; "incomplete" when a required blank is empty;
"ok" otherwise.

A record read off a scan says so in each field it read ("source": "scan") with how sure OCR
was of it ("confidence", 0–1); a value read less surely than SCAN_CERTAINTY is kept but
flagged (SCAN_UNCERTAIN), so that the office checks it against the picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from forms.checks import compute_derived, run_checks
from forms.errors import ValueProblem
from forms.kinds import Blank, Kind
from forms.labels import label_key
from forms.model import FieldSpec, FormSpec
from forms.problems import SCORE_OUT_OF_RANGE, Problem, record_status
from parsers.extract import RawValue
from parsers.grid import ScanReading
from parsers.identify import Fingerprint

SCAN_SOURCE = "scan"
SCAN_UNCERTAIN = "scan_uncertain"
# A value OCR read with a character less sure than this is flagged for the office to check.
SCAN_CERTAINTY = 0.85
# Another blank's label this long (characters) inside a scanned value means two cells ran
# together.
_TELLING_LABEL = 4


@dataclass
class FieldValue:
    """One blank's normalised value beside the text it was read from."""

    id: str
    label: str
    column: str | None
    value: Any
    raw: str
    source: str | None = None  # "scan" for a value read off a page picture
    confidence: float | None = None  # how sure that reading is, 0–1

    def as_json(self) -> dict[str, Any]:
        """Return the field as the contract writes it (with source and confidence, if read
        off a scan)."""
        data = {"id": self.id, "label": self.label, "column": self.column,
                "value": self.value, "raw": self.raw}
        if self.source is not None:
            data["source"] = self.source
            data["confidence"] = self.confidence
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FieldValue:
        """Rebuild a field from what `as_json` wrote."""
        return cls(data["id"], data["label"], data["column"], data["value"], data["raw"],
                   data.get("source"), data.get("confidence"))


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

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Record:
        """Rebuild a record from what `as_json` wrote (the roster key is kept beside it)."""
        return cls(
            file=data["file"], form=data["form"], status=data["status"],
            fields=[FieldValue.from_json(f) for f in data["fields"]],
            rows=data.get("rows", {}),
            problems=[Problem.from_json(p) for p in data["problems"]],
        )


def unreadable_record(file: str, code: str, message: str) -> Record:
    """Return the record of a file that could not be read at all."""
    return Record(file=file, form=None, status="unreadable",
                  problems=[Problem(None, code, message)])


def unknown_form_record(file: str, closest: Fingerprint | None) -> Record:
    """Return the record of a file that is none of the known forms, naming the nearest."""
    if closest is None:
        message = ("不是已知的表单：标题和栏目都对不上已有的表单"
                   "（tianbiao forms list 可查看；可用 --form 指定）")
    else:
        if closest.title_printed and not closest.words:
            how_near = "只有标题对上了，栏目一个也对不上"
        else:
            how_near = f"只对上了 {closest.words} 个标签"
            if closest.title_printed:
                how_near = f"标题对上了，但{how_near}"
        message = (f"不是已知的表单（最接近：《{closest.form.title}》，{how_near}）；"
                   f"如确是这张表，可用 --form {closest.form.id} 指定")
    return unreadable_record(file, "unknown_form", message)


def build_record(
    file: str,
    spec: FormSpec,
    raw_values: list[RawValue],
    raw_rows: dict[str, list[dict[str, str]]] | None = None,
    scan: ScanReading | None = None,
) -> Record:
    """Normalise what was read from `file` against `spec`, check it, decide the status.

    `scan` is what OCR read, when the file was a scan: each value then carries how surely
    it was read, and one read unsurely is flagged.
    """
    record = Record(file=file, form=spec.id, status="ok")
    telling = _telling_labels(spec) if scan is not None else []
    for raw in raw_values:
        spec_field = raw.field
        value = _normalise(record, spec_field.id, spec_field.value_kind, raw.raw,
                           spec_field.blank, printed_unit=raw.unit, from_image=scan is not None)
        field_value = FieldValue(spec_field.id, spec_field.label, spec_field.column, value,
                                 raw.raw)
        # Only the printed placeholder read ("年 月 日", "无"): an empty blank, nothing to check.
        placeholder = value is None and not any(p.field == spec_field.id
                                                for p in record.problems)
        if scan is not None:
            field_value.source = SCAN_SOURCE
            field_value.confidence = _checked_reading(record, scan, spec_field.id,
                                                      spec_field.display_label,
                                                      "" if placeholder else raw.raw,
                                                      _other_labels(telling, spec_field))
        record.fields.append(field_value)
        problem_raised = any(p.field == spec_field.id for p in record.problems)
        if spec_field.required and value is None and raw.found and not problem_raised:
            record.problems.append(Problem(
                spec_field.id, "required", f"{spec_field.display_label}：未填写（必填）"
            ))
    for raw in raw_values:
        if not raw.found and raw.field.parent is None:
            what = "一节" if raw.field.locate == "section" else "一栏"
            if scan is not None:
                # On a picture a label not found was most likely not made out: check it.
                record.problems.append(Problem(
                    raw.field.id, SCAN_UNCERTAIN,
                    f"扫描件此处识别不确定，请核对：{raw.field.display_label}"
                    f"（扫描件上没有认出这{what}）"))
                continue
            record.problems.append(Problem(
                raw.field.id, "label_missing",
                f"表中找不到“{raw.field.label}”{what}，可能被删除或改了名字",
            ))
    normalised_rows = _normalise_rows(record, spec, raw_rows or {}, scan)
    record.rows = {
        repeat.label: [
            {c.header_label: row.get(c.id) for c in repeat.columns}
            for row in normalised_rows[repeat.id]
        ]
        for repeat in spec.repeats
    }
    values = {f.id: f.value for f in record.fields}
    record.problems.extend(run_checks(spec, values, normalised_rows))
    # A value kept though flagged (a score above its maximum) grades nothing.
    flagged = {p.field for p in record.problems}
    derived, findings = compute_derived(
        spec, {k: (None if k in flagged else v) for k, v in values.items()})
    for item in derived:
        record.fields.append(FieldValue(item.id, item.label, None, item.value, item.explanation))
    record.problems.extend(findings)
    record.status = record_status(record.problems)
    return record


def _checked_reading(record: Record, scan: ScanReading, field_id: str, label: str,
                     raw: str, other_labels: dict[str, str]) -> float:
    """Return how surely `raw` was read off the scan; flag it in `record` when unsurely.

    A value holding another blank's printed label ("刘芳 手机号码0734…") was read across a
    rule the picture did not show: however surely its characters were read, it is flagged.
    """
    confidence = scan.confidence_of(raw)
    if confidence is None:
        return 1.0  # nothing was read there: the blank is empty on the page
    quoted = " ".join(raw.split())
    quoted = quoted if len(quoted) <= 40 else quoted[:39] + "…"
    key = label_key(raw)
    swallowed = next((text for other, text in other_labels.items() if other in key), None)
    if confidence < SCAN_CERTAINTY:
        record.problems.append(Problem(
            field_id, SCAN_UNCERTAIN, f"扫描件此处识别不确定，请核对：{label}（识别为“{quoted}”）"))
    elif swallowed is not None:
        record.problems.append(Problem(
            field_id, SCAN_UNCERTAIN, f"扫描件此处识别不确定，请核对：{label}（识别为“{quoted}”，"
                                      f"其中有“{swallowed}”一栏的字）"))
    return round(confidence, 3)


def _telling_labels(spec: FormSpec) -> list[tuple[str, str | None, str, str]]:
    """Return (field id, its parent, key, text) of each printed label of `spec`'s blanks that
    tells another blank's cell inside a value.

    Short labels ("负责人") and labels with figures ("2021年") are left out: a school may
    well write them in an answer.
    """
    found = []
    for other in spec.fields:
        for text in (other.label, other.column):
            key = label_key(text or "")
            if len(key) >= _TELLING_LABEL and not any(ch.isdigit() for ch in key):
                found.append((other.id, other.parent, key, text or ""))
    return found


def _other_labels(telling: list[tuple[str, str | None, str, str]], field: FieldSpec
                  ) -> dict[str, str]:
    """Return the `telling` labels, by key, of every blank but `field` and its family."""
    own = {field.id, field.parent} - {None}
    return {key: text for owner, parent, key, text in telling
            if owner not in own and parent not in own}


def _normalise(record: Record, field_id: str, kind: Kind, raw: str, blank: Blank, *,
               printed_unit: str | None = None, from_image: bool = False) -> Any:
    """Return the value of `raw` as `kind`, or None with a problem added to `record`."""
    try:
        return kind.parse(raw, blank, printed_unit=printed_unit, from_image=from_image)
    except ValueProblem as problem:
        record.problems.append(Problem(field_id, problem.code, problem.message))
        if problem.code == SCORE_OUT_OF_RANGE:
            # The score is readable, only too high: keep it as written, flagged, so totals
            # are checked against what the school wrote.
            return kind.parse(raw, replace(blank, max_score=None), from_image=from_image)
        return None


def _normalise_rows(record: Record, spec: FormSpec, raw_rows: dict[str, list[dict[str, str]]],
                    scan: ScanReading | None) -> dict[str, list[dict[str, Any]]]:
    result: dict[str, list[dict[str, Any]]] = {}
    for repeat in spec.repeats:
        rows = []
        for number, raw in enumerate(raw_rows.get(repeat.id, []), start=1):
            row: dict[str, Any] = {}
            for column in repeat.columns:
                text = raw.get(column.id, "")
                label = f"{repeat.label}第{number}行 {column.header_label}"
                value = _normalise(record, f"{repeat.id}.{column.id}", column.value_kind, text,
                                   column.blank(label), from_image=scan is not None)
                if scan is not None:
                    _checked_reading(record, scan, f"{repeat.id}.{column.id}", label, text, {})
                if column.required and value is None and not text.strip():
                    record.problems.append(Problem(
                        f"{repeat.id}.{column.id}", "required", f"{label}：未填写（必填）"
                    ))
                row[column.id] = value
            rows.append(row)
        result[repeat.id] = rows
    return result
