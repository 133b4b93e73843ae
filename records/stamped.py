"""A stamped scan and the electronic file of the same return: do their values agree?

Schools often send both: the .docx as typed and the 盖章扫描件, printed, signed and stamped.
Both are kept as versions of the return. When one arrives after the other, the values the
scan read surely are compared with the electronic file's; a difference means the school
changed the file after stamping it (or stamped an older one), and the later version carries
a problem naming each blank and both values, which status, feedback and the summary show.
A value the scan read unsurely is already flagged on its own and is not compared.
"""

from __future__ import annotations

from typing import Any

from forms.problems import Problem, record_status
from forms.registry import get_form
from parsers.record import SCAN_CERTAINTY, SCAN_SOURCE, FieldValue, Record
from records.store import Store

STAMPED_DIFFERS = "stamped_differs"
_SHOWN_AT_MOST = 5


def is_scanned(record: Record) -> bool:
    """Return whether `record` was read off page pictures."""
    return any(field.source == SCAN_SOURCE for field in record.fields)


def compare_with_stamped(store: Store, record: Record, school: str | None) -> None:
    """Add a problem to `record` if it and the latest version of the other kind disagree.

    The versions are those of its roster row, or without a roster those of its school.
    """
    if not record.form or not (record.key or school):
        return
    scanned = is_scanned(record)
    versions = (store.versions(record.form, record.key) if record.key
                else store.history(school or "", record.form))
    others = [v.record for v in versions if is_scanned(v.record) != scanned]
    if not others:
        return
    scan, electronic = (record, others[-1]) if scanned else (others[-1], record)
    typed = {(f.label, f.column): f for f in electronic.fields}
    spec = get_form(record.form)
    differences = []
    for read in scan.fields:
        if read.value is None or (read.confidence or 0) < SCAN_CERTAINTY:
            continue
        other = typed.get((read.label, read.column))
        if other is None or _same(other.value, read.value):
            continue
        differences.append(f"{_label(read)}：扫描件 {spec.shown_value(read.id, read.value)}，"
                           f"电子版 {spec.shown_value(other.id, other.value)}")
    if not differences:
        return
    more = len(differences) - _SHOWN_AT_MOST
    listed = "；".join(differences[:_SHOWN_AT_MOST]) + (f"；另有 {more} 处" if more > 0 else "")
    record.problems.append(Problem(None, STAMPED_DIFFERS,
                                   f"盖章扫描件与电子版不一致（盖章后又改过？请核对）：{listed}"))
    record.status = record_status(record.problems)


def _same(one: Any, other: Any) -> bool:
    if isinstance(one, str) and isinstance(other, str):
        return "".join(one.split()) == "".join(other.split())
    return bool(one == other)


def _label(field: FieldValue) -> str:
    return f"{field.label}（{field.column}）" if field.column else field.label
