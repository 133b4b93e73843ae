"""Parse returned files and store them: the whole batch in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from forms.registry import get_form
from generator.roster import Roster
from parsers.batch import parse_paths
from records.attribution import attribute, name_fields
from records.store import IngestOutcome, Store


def ingest(
    store: Store,
    paths: Iterable[str],
    *,
    form_id: str | None = None,
    roster: Roster | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    on_skipped: Callable[[str, str], None] | None = None,
) -> list[IngestOutcome]:
    """Parse the files under `paths` and store each record; all of them or none.

    Records stream from the parser into the store one by one; only the outcome of each file
    (a few words) is kept, so memory does not grow with the batch.
    """
    records = parse_paths(paths, form_id, on_progress=on_progress, on_skipped=on_skipped)
    if roster is not None and form_id:
        records = attribute(records, get_form(form_id), roster)
    outcomes: list[IngestOutcome] = []
    with store.transaction():
        for record in records:
            school = None
            if record.form:
                name_field, _ = name_fields(get_form(record.form))
                value = record.value(name_field.id) if name_field else None
                school = str(value) if value else None
            content = Path(record.file).read_bytes()
            outcomes.append(store.add(record, content, school=school))
    return outcomes
