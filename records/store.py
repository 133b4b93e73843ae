"""The office's store: one SQLite file of submissions, their versions and the experts' grades.

A submission is one returned file's record. The same file again (same content) changes
nothing; a different file for the same roster row (or, without a roster key, the same
school name) is a new version of that submission: the latest counts and every earlier one is
kept. A batch is stored in one transaction, so a crash leaves the store as it was before.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from forms.errors import TianbiaoError
from forms.labels import label_key
from parsers.record import Record

DEFAULT_DB = "tianbiao.db"
SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY,
    form TEXT NOT NULL,
    slot TEXT NOT NULL,              -- roster key, or "名称:" + the school's name
    roster_key TEXT,
    school TEXT,
    version INTEGER NOT NULL,
    file TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    status TEXT NOT NULL,
    record TEXT NOT NULL,            -- the record as JSON (the parse contract)
    received TEXT NOT NULL,
    UNIQUE (form, sha256),
    UNIQUE (form, slot, version)
);
CREATE INDEX IF NOT EXISTS submissions_slot ON submissions (form, slot);
CREATE TABLE IF NOT EXISTS grades (
    form TEXT NOT NULL,
    roster_key TEXT NOT NULL,
    year INTEGER NOT NULL,
    grade TEXT NOT NULL,
    waste INTEGER NOT NULL DEFAULT 0,
    entered TEXT NOT NULL,
    PRIMARY KEY (form, roster_key, year)
);
"""


_LATEST = (
    "SELECT s.* FROM submissions s JOIN (SELECT slot, MAX(version) AS v FROM submissions"
    " WHERE form = ? GROUP BY slot) m ON s.slot = m.slot AND s.version = m.v"
    " WHERE s.form = ? ORDER BY s.id"
)
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
    """A tianbiao store in one SQLite file."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, create: bool = True) -> None:
        """Open the store in `path`; a missing file is created only when `create` is set.

        Commands that only read (status, feedback, summary, grade) open with `create` off,
        so a mistyped path is an error rather than a new, empty store.
        """
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise TianbiaoError(
                f"找不到数据文件 {self.path}（路径是否写错？数据文件由 tianbiao ingest 收件时建立）"
                , code="no_store")
        try:
            self.connection = sqlite3.connect(self.path, isolation_level=None)
            self.connection.row_factory = sqlite3.Row
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute("PRAGMA foreign_keys=ON")
            self.connection.executescript(_SCHEMA)
            self.connection.execute(
                "INSERT OR IGNORE INTO meta (name, value) VALUES ('schema', ?)",
                (str(SCHEMA_VERSION),),
            )
        except sqlite3.DatabaseError as error:
            raise TianbiaoError(
                f"{self.path} 不是 tianbiao 的数据文件（无法作为数据库打开：{error}）",
                code="not_a_store") from error

    def close(self) -> None:
        """Close the store's connection."""
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block in one transaction: all of it is stored, or none of it."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def add(self, record: Record, content: bytes, *, school: str | None = None,
            received: dt.datetime | None = None) -> IngestOutcome:
        """Store `record` read from a file with `content`; call inside `transaction()`."""
        digest = hashlib.sha256(content).hexdigest()
        form = record.form or "未识别"
        existing = self.connection.execute(
            "SELECT version, status FROM submissions WHERE form = ? AND sha256 = ?",
            (form, digest),
        ).fetchone()
        if existing is not None:
            return IngestOutcome(record.file, "unchanged", existing["version"],
                                 existing["status"])
        slot = record.key or (f"名称:{label_key(school)}" if school else f"文件:{digest}")
        latest = self.connection.execute(
            "SELECT MAX(version) FROM submissions WHERE form = ? AND slot = ?", (form, slot)
        ).fetchone()[0]
        version = (latest or 0) + 1
        self.connection.execute(
            "INSERT INTO submissions (form, slot, roster_key, school, version, file, sha256,"
            " status, record, received) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (form, slot, record.key, school, version, record.file, digest, record.status,
             json.dumps(record.as_json(), ensure_ascii=False),
             (received or dt.datetime.now()).isoformat(timespec="seconds")),
        )
        return IngestOutcome(record.file, "version" if latest else "new", version,
                             record.status)

    def latest_records(self, form: str) -> LatestRecords:
        """Return the records of `form`'s latest versions, read from the store as iterated."""
        rows = self.connection.execute(_LATEST.replace("s.*", "s.id, s.roster_key, s.file"),
                                       (form, form)).fetchall()
        return LatestRecords(self, [(row["id"], row["roster_key"], row["file"]) for row in rows])

    def latest(self, form: str) -> list[StoredSubmission]:
        """Return the latest version of every submission of `form`, oldest slot first."""
        rows = self.connection.execute(_LATEST, (form, form)).fetchall()
        return [_stored(row) for row in rows]

    def history(self, school: str, form: str | None = None) -> list[StoredSubmission]:
        """Return every version of the submissions of `school` (a roster key, or a name).

        A roster key names its row only: "2" is row 2, not every school whose name holds a 2.
        """
        wanted = label_key(school)
        rows = self.connection.execute(
            "SELECT * FROM submissions WHERE (? IS NULL OR form = ?) ORDER BY form, slot, version",
            (form, form),
        ).fetchall()
        by_key = [_stored(row) for row in rows if row["roster_key"] == school]
        if by_key:
            return by_key
        return [_stored(row) for row in rows
                if row["school"] and wanted and wanted in label_key(row["school"])]

    def versions(self, form: str, roster_key: str) -> list[StoredSubmission]:
        """Return every version of roster row `roster_key`'s submission of `form`, oldest first."""
        rows = self.connection.execute(
            "SELECT * FROM submissions WHERE form = ? AND roster_key = ? ORDER BY version",
            (form, roster_key)).fetchall()
        return [_stored(row) for row in rows]

    def forms(self) -> list[str]:
        """Return the ids of the forms that have submissions."""
        rows = self.connection.execute("SELECT DISTINCT form FROM submissions ORDER BY form")
        return [row[0] for row in rows]

    def set_grade(self, form: str, key: str, year: int, grade: str, *, waste: bool = False
                  ) -> None:
        """Record the experts' `grade` for roster row `key` in `year` (replacing an earlier one)."""
        self.connection.execute(
            "INSERT INTO grades (form, roster_key, year, grade, waste, entered)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (form, roster_key, year) DO UPDATE SET"
            " grade = excluded.grade, waste = excluded.waste, entered = excluded.entered",
            (form, key, year, grade, int(waste), dt.datetime.now().isoformat(timespec="seconds")),
        )

    def grades(self, form: str) -> dict[str, dict[int, tuple[str, bool]]]:
        """Return {roster key: {year: (grade, waste)}} for `form`."""
        result: dict[str, dict[int, tuple[str, bool]]] = {}
        for row in self.connection.execute(
            "SELECT roster_key, year, grade, waste FROM grades WHERE form = ?", (form,)
        ):
            by_year = result.setdefault(row["roster_key"], {})
            by_year[row["year"]] = (row["grade"], bool(row["waste"]))
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
            marks = ",".join("?" * len(ids))
            rows = self.store.connection.execute(
                f"SELECT id, roster_key, record FROM submissions WHERE id IN ({marks})", ids
            ).fetchall()
            by_id = {row["id"]: row for row in rows}
            for number in ids:
                row = by_id[number]
                record = Record.from_json(json.loads(row["record"]))
                record.key = row["roster_key"]
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


def _stored(row: sqlite3.Row) -> StoredSubmission:
    record = Record.from_json(json.loads(row["record"]))
    record.key = row["roster_key"]
    return StoredSubmission(row["id"], row["form"], row["slot"], row["roster_key"],
                            row["school"], row["version"], row["file"], row["status"],
                            row["received"], record, row["sha256"])
