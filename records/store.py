"""The office's store: submissions, their versions and the experts' grades, in SQLite or PostgreSQL.

A submission is one returned file's record. The same file again (same content) changes
nothing; a different file for the same roster row (or, without a roster key, the same
school name) is a new version of that submission: the latest counts and every earlier one is
kept. A batch is stored in one transaction, so a crash leaves the store as it was before.
The store is a SQLite file (the default) or a PostgreSQL database (records/engine.py); the
SQL is SQLAlchemy Core over records/schema.py, the same on both.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from forms.errors import TianbiaoError
from forms.labels import label_key
from parsers.record import Record
from records import engine
from records.schema import grades as _grades
from records.schema import submissions as _submissions

DEFAULT_DB = "tianbiao.db"
_BATCH = 500  # records fetched from the store at a time while streaming


@dataclass(frozen=True)
class StoredSubmission:
    """One stored version of a submission."""

    id: int
    form: str
    slot: str
    roster_key: str | None
    school: str | None
    version: int
    file: str
    status: str
    received: str
    record: Record
    sha256: str = ""


@dataclass(frozen=True)
class IngestOutcome:
    """What storing one file did: "new", "version" (a correction) or "unchanged"."""

    file: str
    outcome: str
    version: int
    status: str


class Store:
    """A tianbiao store: a SQLite file, or a PostgreSQL database named by its URL."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, create: bool = True) -> None:
        """Open the store at `path` (a file, or a postgresql:// URL); create it when `create`.

        Commands that only read (status, feedback, summary, grade) open with `create` off,
        so a mistyped path is an error rather than a new, empty store; so is a PostgreSQL
        database that holds no store yet.
        """
        self.location = engine.locate(path)
        self.path = self.location.path
        self.name = self.location.name
        if not create and self.path is not None and not self.path.is_file():
            raise TianbiaoError(
                f"找不到数据文件 {self.path}（路径是否写错？数据文件由 tianbiao ingest 收件时建立）"
                , code="no_store")
        self.connection = engine.connect(self.location)
        try:
            engine.ensure_schema(self.connection, self.location, create=create)
        except sa.exc.DBAPIError as error:
            self.connection.close()
            raise TianbiaoError(f"{self.name} 不是 tianbiao 的数据文件（无法作为数据库打开："
                                f"{error.orig}）", code="not_a_store") from error
        except BaseException:
            self.connection.close()
            raise

    @property
    def is_postgresql(self) -> bool:
        """Tell whether the store is a PostgreSQL database."""
        return self.location.is_postgresql

    @property
    def described(self) -> str:
        """Return the store as a clerk reads it: "数据文件 <path>" or "数据库 <URL>"."""
        return f"{'数据库' if self.is_postgresql else '数据文件'} {self.name}"

    def close(self) -> None:
        """Give the store's connection back (to the pool, for PostgreSQL)."""
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block in one write transaction: all of it is stored, or none of it."""
        with engine.transaction(self.connection, write=True):
            yield

    @contextmanager
    def connected(self, *, write: bool = False) -> Iterator[sa.Connection]:
        """Yield the connection inside a transaction: the one under way, or a short one."""
        if self.connection.in_transaction():
            yield self.connection
            return
        with engine.transaction(self.connection, write=write):
            yield self.connection

    def insert(self, table: sa.Table) -> Any:
        """Return an INSERT on `table` that knows this engine's ON CONFLICT clauses."""
        if self.is_postgresql:
            return postgresql.insert(table)
        return sqlite.insert(table)

    def add(self, record: Record, content: bytes, *, school: str | None = None,
            received: dt.datetime | None = None) -> IngestOutcome:
        """Store `record` read from a file with `content`; call inside `transaction()`."""
        digest = hashlib.sha256(content).hexdigest()
        form = record.form or "未识别"
        table = _submissions
        with self.connected(write=True) as connection:
            existing = connection.execute(
                sa.select(table.c.version, table.c.status)
                .where(table.c.form == form, table.c.sha256 == digest)).first()
            if existing is not None:
                return IngestOutcome(record.file, "unchanged", existing.version, existing.status)
            slot = record.key or (f"名称:{label_key(school)}" if school else f"文件:{digest}")
            latest = connection.execute(
                sa.select(sa.func.max(table.c.version))
                .where(table.c.form == form, table.c.slot == slot)).scalar()
            version = (latest or 0) + 1
            connection.execute(table.insert().values(
                form=form, slot=slot, roster_key=record.key, school=school, version=version,
                file=record.file, sha256=digest, status=record.status,
                record=json.dumps(record.as_json(), ensure_ascii=False),
                received=(received or dt.datetime.now()).isoformat(timespec="seconds")))
        return IngestOutcome(record.file, "version" if latest else "new", version,
                             record.status)

    def latest_records(self, form: str) -> LatestRecords:
        """Return the records of `form`'s latest versions, read from the store as iterated."""
        table = _submissions
        query = _latest(form).with_only_columns(table.c.id, table.c.roster_key, table.c.file)
        with self.connected() as connection:
            rows = connection.execute(query).all()
        return LatestRecords(self, [(row.id, row.roster_key, row.file) for row in rows])

    def latest(self, form: str) -> list[StoredSubmission]:
        """Return the latest version of every submission of `form`, oldest slot first."""
        with self.connected() as connection:
            rows = connection.execute(_latest(form)).all()
        return [_stored(row) for row in rows]

    def history(self, school: str, form: str | None = None) -> list[StoredSubmission]:
        """Return every version of the submissions of `school` (a roster key, or a name).

        A roster key names its row only: "2" is row 2, not every school whose name holds a 2.
        """
        wanted = label_key(school)
        query = sa.select(_submissions)
        if form is not None:
            query = query.where(_submissions.c.form == form)
        with self.connected() as connection:
            rows = list(connection.execute(query).all())
        # Sorted here, by code point: the same order whatever a server's collation is.
        rows.sort(key=lambda row: (row.form, row.slot, row.version))
        by_key = [_stored(row) for row in rows if row.roster_key == school]
        if by_key:
            return by_key
        return [_stored(row) for row in rows
                if row.school and wanted and wanted in label_key(row.school)]

    def versions(self, form: str, roster_key: str) -> list[StoredSubmission]:
        """Return every version of roster row `roster_key`'s submission of `form`, oldest first."""
        table = _submissions
        with self.connected() as connection:
            rows = connection.execute(
                sa.select(table).where(table.c.form == form, table.c.roster_key == roster_key)
                .order_by(table.c.version)).all()
        return [_stored(row) for row in rows]

    def forms(self) -> list[str]:
        """Return the ids of the forms that have submissions."""
        with self.connected() as connection:
            found = connection.execute(sa.select(_submissions.c.form).distinct()).scalars()
            return sorted(found)

    def set_grade(self, form: str, key: str, year: int, grade: str, *, waste: bool = False
                  ) -> None:
        """Record the experts' `grade` for roster row `key` in `year` (replacing an earlier one)."""
        entered = dt.datetime.now().isoformat(timespec="seconds")
        statement = self.insert(_grades).values(form=form, roster_key=key, year=year,
                                                grade=grade, waste=waste, entered=entered)
        statement = statement.on_conflict_do_update(
            index_elements=["form", "roster_key", "year"],
            set_={"grade": statement.excluded.grade, "waste": statement.excluded.waste,
                  "entered": statement.excluded.entered})
        with self.connected(write=True) as connection:
            connection.execute(statement)

    def grades(self, form: str) -> dict[str, dict[int, tuple[str, bool]]]:
        """Return {roster key: {year: (grade, waste)}} for `form`."""
        result: dict[str, dict[int, tuple[str, bool]]] = {}
        table = _grades
        with self.connected() as connection:
            rows = connection.execute(
                sa.select(table.c.roster_key, table.c.year, table.c.grade, table.c.waste)
                .where(table.c.form == form)).all()
        for row in rows:
            by_year = result.setdefault(row.roster_key, {})
            by_year[row.year] = (row.grade, bool(row.waste))
        return result


class LatestRecords(Collection[Record]):
    """The latest records of a form, read from the store afresh each time they are iterated.

    Only their ids, roster keys and file names are held: a summary of 10,000 returns reads
    them a few hundred at a time, once per sheet.
    """

    def __init__(self, store: Store, entries: list[tuple[int, str | None, str]]) -> None:
        self.store = store
        self.entries = entries

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Record]:
        for start in range(0, len(self.entries), _BATCH):
            ids = [entry[0] for entry in self.entries[start : start + _BATCH]]
            table = _submissions
            with self.store.connected() as connection:
                rows = connection.execute(
                    sa.select(table.c.id, table.c.roster_key, table.c.record)
                    .where(table.c.id.in_(ids))).all()
            by_id = {row.id: row for row in rows}
            for number in ids:
                row = by_id[number]
                record = Record.from_json(json.loads(row.record))
                record.key = row.roster_key
                yield record

    def __contains__(self, item: object) -> bool:
        return any(record == item for record in self)

    def sorted_by(self, place: Callable[[str | None, str], Any]) -> LatestRecords:
        """Return these records in the order `place(roster key, file)` gives."""
        return LatestRecords(self.store, sorted(self.entries, key=lambda e: place(e[1], e[2])))


def changed_fields(older: Record, newer: Record) -> list[tuple[str, Any, Any]]:
    """Return (label, old value, new value) for each blank whose value changed."""
    old = {(f.label, f.column): f.value for f in older.fields}
    changes = []
    for item in newer.fields:
        before = old.get((item.label, item.column))
        if before != item.value:
            label = f"{item.label}（{item.column}）" if item.column else item.label
            changes.append((label, before, item.value))
    return changes


def _latest(form: str) -> sa.Select[Any]:
    """Return the query of `form`'s latest version of each slot, oldest slot first."""
    table = _submissions
    newest = (sa.select(table.c.slot, sa.func.max(table.c.version).label("version"))
              .where(table.c.form == form).group_by(table.c.slot).subquery())
    return (sa.select(table)
            .join(newest, sa.and_(table.c.slot == newest.c.slot,
                                  table.c.version == newest.c.version))
            .where(table.c.form == form).order_by(table.c.id))


def _stored(row: sa.Row[Any]) -> StoredSubmission:
    record = Record.from_json(json.loads(row.record))
    record.key = row.roster_key
    return StoredSubmission(row.id, row.form, row.slot, row.roster_key, row.school,
                            row.version, row.file, row.status, row.received, record,
                            row.sha256)
