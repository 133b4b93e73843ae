"""Score a scan's record against its expectation, one value at a time.

A value is right when it equals the expected one as the parse contract normalises it:
numbers by value, yes/no exactly, text after NFKC with all whitespace removed (a scan
cannot tell a line wrapped in its cell from a new paragraph). A wrong value is flagged when
the record carries a ``scan_uncertain`` problem naming its field; a wrong value not flagged
is confident-but-wrong. A file that comes back unreadable has every value wrong, none of
them confidently (the clerk is told to look at the file). Every field of the expectation
counts, empty ones too (a seal's words read into an empty signer line are wrong); row cells
count as values of their column.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from forms.registry import get_form
from scancorpus.printing import normalised

UNCERTAIN = "scan_uncertain"
UNCERTAIN_PREFIX = "扫描件此处识别不确定，请核对："
# The kinds a definition names, grouped as the measurement reports them.
KIND_GROUPS = {
    "text": "text", "longtext": "text", "email": "text",
    "integer": "number", "number": "number", "score": "number", "percent": "number",
    "year": "number",
    "money": "money",
    "date": "date", "period": "date",
    "phone": "phone",
    "choice": "choice", "yesno": "choice",
}
GROUPS = ("text", "number", "money", "date", "phone", "choice")


@dataclass(frozen=True)
class Score:
    """One expected value of one scan, and how the scan's record read it."""

    file: str
    condition: str
    field: str  # a field id, or "<table label>[<row>].<column header>"
    kind: str  # one of GROUPS
    expected: Any
    got: Any
    right: bool
    flagged: bool
    refused: bool  # the whole file came back unreadable
    under_seal: bool
    checkbox: bool

    @property
    def confidently_wrong(self) -> bool:
        """Return whether the value is wrong and nothing told the clerk to check it."""
        return not self.right and not self.flagged and not self.refused


def same(expected: Any, got: Any) -> bool:
    """Return whether `got` is the `expected` value, as the parse contract normalises both."""
    if expected is None or got is None:
        return expected is None and got is None
    if isinstance(expected, bool) or isinstance(got, bool):
        return expected is got
    if isinstance(expected, int | float) and isinstance(got, int | float):
        return abs(expected - got) < 1e-6
    if isinstance(expected, str) and isinstance(got, str):
        return normalised(expected) == normalised(got)
    return bool(expected == got)


def score_scan(scan: dict[str, Any], record: dict[str, Any]) -> list[Score]:
    """Return the score of every expected field and row cell of `scan` in its `record`."""
    refused = record.get("status") == "unreadable"
    got = {field["id"]: field.get("value") for field in record.get("fields", [])}
    uncertain = [p for p in record.get("problems", []) if p.get("code") == UNCERTAIN]
    flagged_ids = {p.get("field") for p in uncertain}
    under, boxes = set(scan["under_seal"]), set(scan["checkboxes"])
    scores = []
    for field_id, want in scan["fields"].items():
        value = got.get(field_id)
        scores.append(Score(scan["file"], scan["condition"], field_id,
                            field_kind(scan["form"], field_id), want, value,
                            same(want, value) and not refused,
                            field_id in flagged_ids, refused, field_id in under,
                            field_id in boxes))
    for label, rows in scan.get("rows", {}).items():
        read_rows = record.get("rows", {}).get(label, [])
        for number, row in enumerate(rows):
            read_row = read_rows[number] if number < len(read_rows) else {}
            for header, want in row.items():
                value = read_row.get(header)
                flagged = any(normalised(header) in normalised(p.get("message", ""))
                              for p in uncertain)
                scores.append(Score(scan["file"], scan["condition"],
                                    f"{label}[{number}].{header}",
                                    column_kind(scan["form"], label, header), want, value,
                                    same(want, value) and not refused, flagged, refused,
                                    False, False))
    return scores


@functools.cache
def field_kind(form_id: str, field_id: str) -> str:
    """Return the kind group of a form's field."""
    return KIND_GROUPS.get(get_form(form_id).field(field_id).kind, "text")


@functools.cache
def column_kind(form_id: str, label: str, header: str) -> str:
    """Return the kind group of a repeating table's column, by its printed header."""
    for repeat in get_form(form_id).repeats:
        if normalised(repeat.label) != normalised(label):
            continue
        for column in repeat.columns:
            if normalised(column.header) == normalised(header):
                return KIND_GROUPS.get(column.kind, "text")
    return "text"


def contract_breaches(scan: dict[str, Any], record: dict[str, Any]) -> list[str]:
    """Return how a readable scan's record breaks the scan contract (source, confidence, words)."""
    if record.get("status") == "unreadable":
        return []
    breaches = []
    for field in record.get("fields", []):
        if field.get("source") != "scan":
            breaches.append(f"{scan['file']}: {field['id']} has source {field.get('source')!r}")
        confidence = field.get("confidence")
        if not isinstance(confidence, int | float) or not 0 <= confidence <= 1:
            breaches.append(f"{scan['file']}: {field['id']} has confidence {confidence!r}")
    labels = {field["id"]: field.get("label") or "" for field in record.get("fields", [])}
    for problem in record.get("problems", []):
        if problem.get("code") != UNCERTAIN:
            continue
        message = problem.get("message", "")
        label = labels.get(problem.get("field"), "")
        if not message.startswith(UNCERTAIN_PREFIX) or (label and label not in message):
            breaches.append(f"{scan['file']}: scan_uncertain message {message!r} "
                            f"does not start {UNCERTAIN_PREFIX!r} and name {label!r}")
    return breaches
