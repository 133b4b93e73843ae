"""Parse returned files and store them: the whole batch in one transaction.

A file that is none of the known forms (or could not be read at all) is not stored: it is
no return of any form. It is still listed, as not taken, with the reason the office reads.
One file sent on its own (through a school's link) is parsed first and then stored in a
short transaction of its own, so parsing never holds the store's lock; the caller may refuse
its record (another school's copy, another form) before anything is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from forms.registry import get_form
from parsers.batch import parse_paths
from parsers.record import Record
from records.attribution import attribute
from records.stamped import compare_with_stamped
from records.store import IngestOutcome, Store
from rosters.roster import Roster

NOT_TAKEN = "not_taken"


@dataclass(frozen=True)
class NotTaken(IngestOutcome):
    """A file left out of the store, and why, in the words of its record's problem."""

    reason: str = ""


def ingest(
    store: Store,
    paths: Iterable[str],
    *,
    form_id: str | None = None,
    roster: Roster | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    on_skipped: Callable[[str, str], None] | None = None,
) -> list[IngestOutcome]:
    """Parse the files under `paths` and store each form's record; all of them or none.

    Records stream from the parser into the store one by one; only the outcome of each file
    (a few words) is kept, so memory does not grow with the batch. A file that is no form is
    not stored and comes back as `NotTaken`.
    """
    records = parse_paths(paths, form_id, on_progress=on_progress, on_skipped=on_skipped)
    if roster is not None and form_id:
        records = attribute(records, get_form(form_id), roster)
    with store.transaction():
        return [take(store, record, None) for record in records]


def ingest_file(store: Store, path: str, *, roster_form: str, roster: Roster,
                admit: Callable[[Record], str | None], name: str | None = None
                ) -> tuple[IngestOutcome, Record]:
    """Parse the file at `path`, then store it in a transaction of its own, unless refused.

    The form is identified from the file, and the record tied to `roster` as a list of
    `roster_form`; `admit` returns a reason to refuse the record (then it comes back as
    `NotTaken`) or None to store it. The record names its file `name` when given (a file
    kept in the store, read from a scratch copy).
    """
    records = list(parse_paths([path], None))
    record = next(attribute(iter(records), get_form(roster_form), roster))
    content = Path(path).read_bytes()
    if name is not None:
        record.file = name
    with store.transaction():
        return take(store, record, admit, content=content), record


def take(store: Store, record: Record, admit: Callable[[Record], str | None] | None, *,
         content: bytes | None = None) -> IngestOutcome:
    """Store `record` (call inside a transaction), or say why it is not taken.

    The file's bytes are `content`, else read from the record's file.
    """
    if not record.form:
        reason = record.problems[0].message if record.problems else ""
        return NotTaken(record.file, NOT_TAKEN, 0, record.status, reason)
    refusal = admit(record) if admit is not None else None
    if refusal is not None:
        return NotTaken(record.file, NOT_TAKEN, 0, record.status, refusal)
    name_field = get_form(record.form).school_field
    value = record.value(name_field.id) if name_field else None
    school = str(value) if value else None
    if content is None:
        content = Path(record.file).read_bytes()
    compare_with_stamped(store, record, school)
    return store.add(record, content, school=school)
