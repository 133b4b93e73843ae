"""The office's batches: returns that came by mail or chat, handed in together, file by file.

Every file of a batch is kept as sent and listed before anything is read, so nothing sent is
lost: a batch the server was stopped in the middle of goes on where it stopped. The files
are then read exactly as `ingest` reads them — the same readers in worker processes with
their limits, each record tied to its roster row by what the file says — and each is stored
in a transaction of its own together with its line of the batch: which row, which version,
its state and problems, or why it was not taken. The tables sit beside the campaigns'.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from forms.registry import get_form
from parsers.batch import parse_paths
from parsers.record import Record
from records.attribution import attribute
from records.campaigns import Campaign, note_upload, school_of
from records.campaigns import prepare as prepare_campaigns
from records.handin import kept_path, sent_name
from records.ingest import NOT_TAKEN, NotTaken, take
from records.store import Store

_SCHEMA = """
CREATE TABLE IF NOT EXISTS batches (
    id INTEGER PRIMARY KEY,
    campaign INTEGER NOT NULL REFERENCES campaigns (id),
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS batch_files (
    batch INTEGER NOT NULL REFERENCES batches (id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,              -- as sent; inside a zip: "压缩包名/成员路径"
    sha256 TEXT,                     -- the file kept as sent; NULL when refused at once
    suffix TEXT NOT NULL DEFAULT '',
    done INTEGER NOT NULL DEFAULT 0,
    outcome TEXT,                    -- new / version / unchanged / not_taken
    roster_key TEXT,
    school TEXT,
    version INTEGER,
    status TEXT,
    message TEXT,                    -- why not taken, or the problems, one a line
    PRIMARY KEY (batch, position)
);
"""


@dataclass(frozen=True)
class Arrival:
    """One file of a batch as it arrived: kept (its hash and suffix), or refused at once."""

    name: str
    sha256: str | None = None
    suffix: str = ""
    refused: str | None = None


@dataclass(frozen=True)
class BatchLine:
    """One file of a batch and what became of it (`done` false while it waits)."""

    position: int
    name: str
    done: bool
    outcome: str | None
    key: str | None
    school: str | None
    version: int | None
    status: str | None
    message: str | None


@dataclass(frozen=True)
class Batch:
    """A batch of files the office handed in for one campaign."""

    id: int
    campaign: int
    created: str
    lines: list[BatchLine]

    @property
    def total(self) -> int:
        """Return how many files the batch holds."""
        return len(self.lines)

    @property
    def done(self) -> int:
        """Return how many files are read and stored (or refused) so far."""
        return sum(1 for line in self.lines if line.done)

    @property
    def finished(self) -> bool:
        """Return whether every file of the batch has its answer."""
        return self.done == self.total


def prepare(store: Store) -> None:
    """Create the batch tables in `store` when they are not there yet."""
    prepare_campaigns(store)
    if getattr(store, "_batch_tables", False):
        return
    store.connection.executescript(_SCHEMA)
    setattr(store, "_batch_tables", True)  # noqa: B010  (Store does not know batches)


def receive_batch(store: Store, campaign: Campaign, arrivals: Iterable[Arrival]) -> int:
    """List the files of a new batch of `campaign`, all in one transaction; return its number."""
    prepare(store)
    created = dt.datetime.now().isoformat(timespec="seconds")
    with store.transaction():
        cursor = store.connection.execute(
            "INSERT INTO batches (campaign, created) VALUES (?, ?)", (campaign.id, created))
        number = cursor.lastrowid
        assert number is not None
        store.connection.executemany(
            "INSERT INTO batch_files (batch, position, name, sha256, suffix, done, outcome,"
            " message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(number, position, a.name, a.sha256, a.suffix, int(a.refused is not None),
              NOT_TAKEN if a.refused is not None else None, a.refused)
             for position, a in enumerate(arrivals, start=1)])
    return number


def get_batch(store: Store, campaign: Campaign, number: int) -> Batch | None:
    """Return batch `number` of `campaign`, or None (no such batch, or another campaign's)."""
    prepare(store)
    head = store.connection.execute(
        "SELECT * FROM batches WHERE id = ? AND campaign = ?", (number, campaign.id)).fetchone()
    if head is None:
        return None
    rows = store.connection.execute(
        "SELECT * FROM batch_files WHERE batch = ? ORDER BY position", (number,)).fetchall()
    lines = [BatchLine(r["position"], r["name"], bool(r["done"]), r["outcome"], r["roster_key"],
                       r["school"], r["version"], r["status"], r["message"]) for r in rows]
    return Batch(head["id"], head["campaign"], head["created"], lines)


def recent_batches(store: Store, campaign: Campaign, limit: int = 5) -> list[Batch]:
    """Return the latest `limit` batches of `campaign`, newest first."""
    prepare(store)
    numbers = store.connection.execute(
        "SELECT id FROM batches WHERE campaign = ? ORDER BY id DESC LIMIT ?",
        (campaign.id, limit)).fetchall()
    found = (get_batch(store, campaign, row["id"]) for row in numbers)
    return [batch for batch in found if batch is not None]


def run_batch(store: Store, campaign: Campaign, number: int, *,
              workers: int | None = None) -> None:
    """Read and store every waiting file of batch `number`, each in its own transaction."""
    prepare(store)
    waiting = store.connection.execute(
        "SELECT position, name, sha256, suffix FROM batch_files"
        " WHERE batch = ? AND done = 0 ORDER BY position", (number,)).fetchall()
    if not waiting:
        return
    spec = campaign.spec

    def admit(record: Record) -> str | None:
        if record.form != spec.id:
            return f"这不是本次征集的《{spec.title}》，未收入"
        return None

    paths = [str(kept_path(store, row["sha256"], row["suffix"])) for row in waiting]
    parsed = parse_paths(paths, None, workers=workers)
    try:
        records = attribute(parsed, get_form(campaign.form), campaign.roster)
        for row, record in zip(waiting, records, strict=True):
            _store_one(store, campaign, number, row, record, admit)
    finally:
        close = getattr(parsed, "close", None)  # a generator: its worker processes end here,
        if close is not None:                    # also when storing a record failed
            close()


def _store_one(store: Store, campaign: Campaign, number: int, row: Any, record: Record,
               admit: Callable[[Record], str | None]) -> None:
    """Store one file's record and its line of the batch, in one transaction."""
    with store.transaction():
        outcome = take(store, record, admit)
        if isinstance(outcome, NotTaken):
            _finish(store, number, row["position"], NOT_TAKEN, message=outcome.reason,
                    status=record.status)
            return
        if record.key:
            note_upload(store, campaign, record.key, row["sha256"], _base(row["name"]))
        problems = [p.message for p in record.problems if not p.is_notice]
        _finish(store, number, row["position"], outcome.outcome, key=record.key,
                school=_school(campaign, record), version=outcome.version,
                status=outcome.status, message="\n".join(problems) or None)


def give_up(store: Store, number: int, message: str) -> None:
    """Answer every waiting file of batch `number` with `message` (the batch failed inside)."""
    prepare(store)
    with store.transaction():
        store.connection.execute(
            "UPDATE batch_files SET done = 1, outcome = ?, message = ?"
            " WHERE batch = ? AND done = 0", (NOT_TAKEN, message, number))


def _finish(store: Store, number: int, position: int, outcome: str, *, key: str | None = None,
            school: str | None = None, version: int | None = None, status: str | None = None,
            message: str | None = None) -> None:
    store.connection.execute(
        "UPDATE batch_files SET done = 1, outcome = ?, roster_key = ?, school = ?, version = ?,"
        " status = ?, message = ? WHERE batch = ? AND position = ?",
        (outcome, key, school, version, status, message, number, position))


def _school(campaign: Campaign, record: Record) -> str | None:
    """Return the school a stored record belongs to: its roster row's, else what it says."""
    spec = campaign.spec
    row = campaign.row(record.key) if record.key else None
    if row is not None:
        return school_of(spec, row) or None
    name_field = spec.school_field
    value = record.value(name_field.id) if name_field is not None else None
    return str(value) if value else None


def _base(name: str) -> str:
    """Return the file's own name from a name as listed ("回执.zip/荆谷/报告.docx")."""
    return sent_name(name)
