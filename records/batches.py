"""The office's batches: returns that came by mail or chat, handed in together, file by file.

Every file of a batch is kept as sent and listed before anything is read, so nothing sent is
lost: a batch the server was stopped in the middle of goes on where it stopped. The files
are then read exactly as `ingest` reads them — the same readers in worker processes with
their limits, each record tied to its roster row by what the file says — and each is stored
in a transaction of its own together with its line of the batch: which row, which version,
its state and problems, or why it was not taken. The tables sit beside the campaigns'
(records/schema.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from forms.registry import get_form
from parsers.batch import parse_paths
from parsers.record import Record
from records.attribution import attribute
from records.campaigns import Campaign, note_upload, school_of
from records.handin import kept_copies, sent_name
from records.ingest import NOT_TAKEN, NotTaken, take
from records.schema import batch_files as _files
from records.schema import batches as _batches
from records.store import Store


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


def receive_batch(store: Store, campaign: Campaign, arrivals: Iterable[Arrival]) -> int:
    """List the files of a new batch of `campaign`, all in one transaction; return its number."""
    created = dt.datetime.now().isoformat(timespec="seconds")
    with store.transaction():
        number = store.connection.execute(
            _batches.insert().values(campaign=campaign.id, created=created,
                                     office=campaign.county)
            .returning(_batches.c.id)).scalar_one()
        lines = [{"batch": number, "position": position, "name": a.name, "sha256": a.sha256,
                  "suffix": a.suffix, "done": a.refused is not None,
                  "outcome": NOT_TAKEN if a.refused is not None else None,
                  "message": a.refused}
                 for position, a in enumerate(arrivals, start=1)]
        if lines:
            store.connection.execute(_files.insert(), lines)
    return int(number)


def get_batch(store: Store, campaign: Campaign, number: int) -> Batch | None:
    """Return batch `number` of `campaign`, or None (no such batch, or another campaign's).

    A county's campaign (Campaign.for_county) has its own batches only.
    """
    query = sa.select(_batches).where(_batches.c.id == number,
                                      _batches.c.campaign == campaign.id)
    if campaign.county is not None:
        query = query.where(_batches.c.office == campaign.county)
    with store.connected() as connection:
        head = connection.execute(query).first()
        if head is None:
            return None
        rows = connection.execute(sa.select(_files).where(_files.c.batch == number)
                                  .order_by(_files.c.position)).all()
    lines = [BatchLine(r.position, r.name, bool(r.done), r.outcome, r.roster_key, r.school,
                       r.version, r.status, r.message) for r in rows]
    return Batch(head.id, head.campaign, head.created, lines)


def recent_batches(store: Store, campaign: Campaign, limit: int = 5) -> list[Batch]:
    """Return the latest `limit` batches of `campaign`, newest first."""
    query = sa.select(_batches.c.id).where(_batches.c.campaign == campaign.id)
    if campaign.county is not None:
        query = query.where(_batches.c.office == campaign.county)
    with store.connected() as connection:
        numbers = connection.execute(
            query.order_by(_batches.c.id.desc()).limit(limit)).scalars().all()
    found = (get_batch(store, campaign, number) for number in numbers)
    return [batch for batch in found if batch is not None]


def batch_office(store: Store, number: int) -> str | None:
    """Return the county office that handed batch `number` in (None: the city or the office)."""
    with store.connected() as connection:
        return connection.execute(
            sa.select(_batches.c.office).where(_batches.c.id == number)).scalar()


def run_batch(store: Store, campaign: Campaign, number: int, *,
              workers: int | None = None) -> None:
    """Read and store every waiting file of batch `number`, each in its own transaction."""
    with store.connected() as connection:
        waiting = connection.execute(
            sa.select(_files.c.position, _files.c.name, _files.c.sha256, _files.c.suffix)
            .where(_files.c.batch == number, _files.c.done == sa.false())
            .order_by(_files.c.position)).all()
    if not waiting:
        return
    spec = campaign.spec

    def admit(record: Record) -> str | None:
        if record.form != spec.id:
            return f"这不是本次征集的《{spec.title}》，未收入"
        if campaign.county is not None and not record.key:  # a county takes its own rows only
            return (f"对不上{campaign.county}名单上的学校，未收入；"
                    "其他县市区学校的表请转给该县市区收入")
        return None

    with kept_copies(store, [(row.sha256, row.suffix) for row in waiting]) as copies:
        parsed = parse_paths([str(copy.path) for copy in copies], None, workers=workers)
        try:
            records = attribute(parsed, get_form(campaign.form), campaign.roster)
            for row, copy, record in zip(waiting, copies, records, strict=True):
                record.file = copy.name
                _store_one(store, campaign, number, row, record, copy.content(), admit)
        finally:
            close = getattr(parsed, "close", None)  # a generator: its worker processes end
            if close is not None:                    # here, also when storing a record failed
                close()


def _store_one(store: Store, campaign: Campaign, number: int, row: Any, record: Record,
               content: bytes, admit: Callable[[Record], str | None]) -> None:
    """Store one file's record and its line of the batch, in one transaction."""
    with store.transaction():
        outcome = take(store, record, admit, content=content)
        if isinstance(outcome, NotTaken):
            _finish(store, number, row.position, NOT_TAKEN, message=outcome.reason,
                    status=record.status)
            return
        if record.key:
            note_upload(store, campaign, record.key, row.sha256, _base(row.name))
        problems = [p.message for p in record.problems if not p.is_notice]
        _finish(store, number, row.position, outcome.outcome, key=record.key,
                school=_school(campaign, record), version=outcome.version,
                status=outcome.status, message="\n".join(problems) or None)


def give_up(store: Store, number: int, message: str) -> None:
    """Answer every waiting file of batch `number` with `message` (the batch failed inside)."""
    with store.transaction():
        store.connection.execute(
            _files.update().where(_files.c.batch == number, _files.c.done == sa.false())
            .values(done=True, outcome=NOT_TAKEN, message=message))


def _finish(store: Store, number: int, position: int, outcome: str, *, key: str | None = None,
            school: str | None = None, version: int | None = None, status: str | None = None,
            message: str | None = None) -> None:
    store.connection.execute(
        _files.update().where(_files.c.batch == number, _files.c.position == position)
        .values(done=True, outcome=outcome, roster_key=key, school=school, version=version,
                status=status, message=message))


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
