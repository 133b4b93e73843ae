"""Tie each parsed record to its roster row: by the key inside the file, else by its name.

A pre-filled copy carries its roster key; the original blank attachment does not, so the
school or unit name written in it is matched against the roster, tolerant of dropped place
prefixes and usual abbreviations. Unmatched and ambiguous names become problems the office
can act on.

Once a record has its row, every blank the roster pre-filled is held to the roster: a school
that changed its amount (283,750 → 280,000), its project or, in a pre-filled copy, its name
gets a problem naming the blank and both values, so no summary shows one amount silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from forms.errors import ValueProblem
from forms.labels import label_key
from forms.model import FieldSpec, FormSpec
from forms.problems import PREFILL_CHANGED, ROSTER_AMBIGUOUS, ROSTER_UNMATCHED, Problem
from parsers.record import Record
from rosters.matching import SchoolMatcher
from rosters.prefill import prefill_values
from rosters.roster import Roster, RosterRow

_PROBLEM_CODES = {"unmatched": ROSTER_UNMATCHED, "ambiguous": ROSTER_AMBIGUOUS}


def attribute(records: Iterable[Record], spec: FormSpec, roster: Roster) -> Iterator[Record]:
    """Yield `records` with each one's roster key set, or a problem saying why not."""
    name_field, others = spec.school_field, list(spec.project_fields)
    keys = {row.key for row in roster.rows}
    matcher = None
    if name_field is not None and name_field.prefill:
        matcher = SchoolMatcher(roster, name_header=name_field.prefill,
                                extra_headers=[f.prefill for f in others if f.prefill])
    rows = {row.key: row for row in roster.rows}
    for record in records:
        if record.form != spec.id:
            yield record
            continue
        prefilled_copy = bool(record.key and record.key in keys)
        if not prefilled_copy:
            record.key = None
            if matcher is not None and name_field is not None:
                _match(record, matcher, name_field, others)
        if record.key in rows:
            # The name was matched with tolerance in an original attachment; in a pre-filled
            # copy it was printed for the school and must still read the same.
            skip = set() if prefilled_copy or name_field is None else {name_field.id}
            _hold_to_roster(record, spec, rows[record.key], skip)
        yield record


def _hold_to_roster(record: Record, spec: FormSpec, row: RosterRow, skip: set[str]) -> None:
    """Add a problem for each pre-filled blank whose value the school changed."""
    printed = prefill_values(spec, row)
    for spec_field in spec.fields:
        if not spec_field.prefill or spec_field.id in skip or spec_field.id not in printed:
            continue
        written = record.value(spec_field.id)
        try:
            expected = spec_field.value_kind.parse(printed[spec_field.id], spec_field.blank)
        except ValueProblem:
            continue  # the roster's own cell was unreadable: the roster reports it
        if expected is None or written is None or _same(expected, written):
            continue
        record.problems.append(Problem(
            spec_field.id, PREFILL_CHANGED,
            f"{spec_field.label}与名单不一致：名单 {_shown(spec_field, expected)}，"
            f"学校填写 {_shown(spec_field, written)}",
        ))
        if record.status == "ok":
            record.status = "invalid"


def _same(expected: object, written: object) -> bool:
    numbers = (int, float)
    if isinstance(expected, numbers) and isinstance(written, numbers):
        return abs(float(expected) - float(written)) < 0.005
    return label_key(str(expected)) == label_key(str(written))


def _shown(spec_field: FieldSpec, value: object) -> str:
    """Write `value` as the office reads it in a message: "283,750 元", "智慧校园"."""
    return spec_field.value_kind.message_text(value, spec_field.blank)


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
    code = _PROBLEM_CODES.get(found.problem or "", ROSTER_UNMATCHED)
    record.problems.append(Problem(name_field.id, code, found.message or "与名单对不上"))
    if record.status == "ok":
        record.status = "invalid"
