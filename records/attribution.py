"""Tie each parsed record to its roster row: by the key inside the file, else by its name.

A pre-filled copy carries its roster key; the original blank attachment does not, so the
school or unit name written in it is matched against the roster, tolerant of dropped place
prefixes and usual abbreviations. Unmatched and ambiguous names become problems the office
can act on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from forms.model import FieldSpec, FormSpec
from generator.matching import SchoolMatcher
from generator.roster import Roster
from parsers.record import Problem, Record

_PROBLEM_CODES = {"unmatched": "roster_unmatched", "ambiguous": "roster_ambiguous"}


def name_fields(spec: FormSpec) -> tuple[FieldSpec | None, list[FieldSpec]]:
    """Return the blank holding the school/unit name and the other pre-filled text blanks."""
    prefilled = [f for f in spec.fields if f.prefill and f.kind == "text"]
    if not prefilled:
        return None, []
    return prefilled[0], prefilled[1:]


def attribute(records: Iterable[Record], spec: FormSpec, roster: Roster) -> Iterator[Record]:
    """Yield `records` with each one's roster key set, or a problem saying why not."""
    name_field, others = name_fields(spec)
    keys = {row.key for row in roster.rows}
    matcher = None
    if name_field is not None and name_field.prefill:
        matcher = SchoolMatcher(roster, name_header=name_field.prefill,
                                extra_headers=[f.prefill for f in others if f.prefill])
    for record in records:
        if record.form == spec.id and not (record.key and record.key in keys):
            record.key = None
            if matcher is not None and name_field is not None:
                _match(record, matcher, name_field, others)
        yield record


def _match(record: Record, matcher: SchoolMatcher, name_field: FieldSpec,
           others: list[FieldSpec]) -> None:
    extra = {
        f.prefill: str(record.value(f.id))
        for f in others if f.prefill and record.value(f.id) is not None
    }
    found = matcher.match(record.value(name_field.id), extra=extra)
    if found.row is not None:
        record.key = found.row.key
        return
    code = _PROBLEM_CODES.get(found.problem or "", "roster_unmatched")
    record.problems.append(Problem(name_field.id, code, found.message or "与名单对不上"))
    if record.status == "ok":
        record.status = "invalid"
