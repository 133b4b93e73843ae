"""One way to hold a record to a corpus case's expectation, for every corpus.

An expectation (``<case>.json`` beside ``<case>.docx``) names the form and each field's
value; it may name the rows of repeating tables, the problems and the status. A field a shape
cannot carry is listed under ``known_failures`` → shape → field, with the reason: it must
still read wrong there, so the day it reads right the test says so.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from forms.problems import NOTICES


def assert_reads_as_expected(record: Any, expected: dict[str, Any], shape: str, *,
                             known: Mapping[str, str] | None = None,
                             tolerated: Collection[str] = ()) -> None:
    """Assert `record` read in `shape` is what `expected` says, but for its known failures.

    `known` replaces the expectation's own known failures for this shape; `tolerated`
    fields may read either way (known failures of another print of the same shape).
    """
    if known is None:
        known = expected.get("known_failures", {}).get(shape, {})
    assert record.status != "unreadable", [p.message for p in record.problems]
    assert record.form == expected["form"]
    values = {f.id: f.value for f in record.fields}
    wrong = {
        field: (want, values.get(field))
        for field, want in expected["fields"].items()
        if field not in known and field not in tolerated and values.get(field) != want
    }
    assert not wrong, wrong
    still_wrong = {f for f in known if values.get(f) != expected["fields"][f]}
    assert still_wrong == set(known), f"now read right, drop from the known failures: {known}"
    for label, rows in expected.get("rows", {}).items():
        got = record.rows.get(label, [])
        assert len(got) == len(rows), label
        for want_row, got_row in zip(rows, got, strict=True):
            assert {k: got_row.get(k) for k in want_row} == want_row, label
    if "problems" in expected:
        problems = {(p.field, p.code) for p in record.problems if p.code not in NOTICES}
        assert problems == {(p["field"], p["code"]) for p in expected["problems"]}
    if "status" in expected:
        assert record.status == expected["status"]
