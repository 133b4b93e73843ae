"""The office's side: ingest a folder of returns into a SQLite store, and summarise it."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from forms.registry import get_form
from records.ingest import ingest
from records.store import Store
from records.summary import write_summary


def ingest_folder(files: list[str], database: str) -> dict[str, int]:
    """Ingest `files` into a new store at `database`; return the count of each outcome."""
    Path(database).unlink(missing_ok=True)
    with Store(database) as store:
        outcomes = ingest(store, files)
    return dict(Counter(o.outcome for o in outcomes))


def summarise(form_id: str, database: str, out: str) -> dict[str, float]:
    """Load the latest records of `form_id` and write its summary workbook; time both."""
    started = time.perf_counter()
    with Store(database) as store:
        records = store.latest_records(form_id)  # streamed from the store as it is written
        loaded = time.perf_counter()
        result = write_summary(get_form(form_id), records, Path(out))
    return {"rows": result.rows, "load_s": loaded - started,
            "write_s": time.perf_counter() - loaded}
