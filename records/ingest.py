"""Parse returned files and store them: the whole batch in one transaction.

A file that is none of the known forms (or could not be read at all) is not stored: it is
no return of any form. It is still listed, as not taken, with the reason the office reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from forms.registry import get_form
from parsers.batch import parse_paths
from records.attribution import attribute
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
    outcomes: list[IngestOutcome] = []
    with store.transaction():
        for record in records:
            if not record.form:
                reason = record.problems[0].message if record.problems else ""
                outcomes.append(NotTaken(record.file, NOT_TAKEN, 0, record.status, reason))
                continue
            name_field = get_form(record.form).school_field
            value = record.value(name_field.id) if name_field else None
            school = str(value) if value else None
            content = Path(record.file).read_bytes()
            outcomes.append(store.add(record, content, school=school))
    return outcomes
