"""A school hands in one file through its link: kept as sent, read, stored as `ingest` does.

Every file is kept as sent, named by its SHA-256, so every version of every return can be
downloaded later and no name a school chose ever becomes a path. Beside a SQLite store the
files sit in a folder (``<store>.files/ab/abcd….docx``); a PostgreSQL store keeps them in its
own table (kept_files), so a city's one backed-up database holds everything. The readers
open files, so a file kept in the database is copied into a scratch folder while it is read.
Then it goes through `ingest_file`: the same readers, worker limits and versions as
`tianbiao ingest`, one short transaction. A file of another form, or another school's copy,
is refused before anything is stored, and its bytes are not kept: a refused file is the
school's to send again, and a leaked link cannot fill the office's disk.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePath

import sqlalchemy as sa

from forms.errors import TianbiaoError
from parsers.record import Record
from parsers.safety import RETURN_SUFFIXES
from records.campaigns import Campaign, note_upload, school_of
from records.ingest import NotTaken, ingest_file
from records.schema import kept_files as _kept
from records.store import IngestOutcome, Store, StoredSubmission
from rosters.model import RosterRow

MAX_UPLOAD = 20 * 1024 * 1024  # a school's form with photos pasted in stays well under this
IN_DATABASE = "kept_files"  # what a file kept in a PostgreSQL store is named under
_KEPT_NAME = re.compile(r"^([0-9a-f]{64})(\.[a-z0-9]{1,8})?$")


@dataclass(frozen=True)
class HandIn:
    """What handing in one file did: the store's outcome and the record read."""

    outcome: IngestOutcome
    record: Record

    @property
    def refused(self) -> str | None:
        """Return why the file was not taken, or None when it was stored."""
        return self.outcome.reason if isinstance(self.outcome, NotTaken) else None


@dataclass(frozen=True)
class Kept:
    """A file kept as sent: its SHA-256 and the suffix it was sent with (or "")."""

    sha256: str
    suffix: str


@dataclass(frozen=True)
class KeptCopy:
    """A kept file the readers can open at `path`; records name it `name`."""

    sha256: str
    suffix: str
    path: Path
    name: str

    def content(self) -> bytes:
        """Return the file's bytes."""
        return self.path.read_bytes()


def sent_name(name: str) -> str:
    """Return a file's name as sent, for showing only: no folders, no control characters."""
    base = PurePath(name.replace("\\", "/")).name
    cleaned = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    return cleaned[:120] or "（无名）"


def kept_files(store: Store) -> Path:
    """Return the folder beside a SQLite store that keeps every file as sent."""
    if store.path is None:
        raise ValueError("a PostgreSQL store keeps its files in its kept_files table")
    return store.path.with_name(store.path.name + ".files")


def kept_path(store: Store, sha256: str, suffix: str) -> Path:
    """Return where the file with `sha256` is kept beside a SQLite store."""
    return kept_files(store) / sha256[:2] / f"{sha256}{suffix}"


def kept_name(store: Store, sha256: str, suffix: str) -> str:
    """Return the name a record read from a kept file carries as its file."""
    if store.path is None:
        return f"{IN_DATABASE}/{sha256[:2]}/{sha256}{suffix}"
    return str(kept_path(store, sha256, suffix))


def is_kept_name(store: Store, file: str) -> bool:
    """Tell whether a stored record's `file` is a kept file (not a path the office gave)."""
    path = PurePath(file)
    if not _KEPT_NAME.match(path.name):
        return False
    if store.path is None:
        return str(path.parent.parent) == IN_DATABASE
    return Path(path.parent.parent) == kept_files(store)


def keep_file(store: Store, content: bytes, name: str) -> Kept:
    """Keep `content` as sent, named by its SHA-256 and the suffix of `name`."""
    kept, _ = _keep(store, content, name)
    return kept


def _keep(store: Store, content: bytes, name: str) -> tuple[Kept, bool]:
    """Keep `content`; return under what, and whether this call kept it first."""
    if len(content) > MAX_UPLOAD:
        raise TianbiaoError(f"文件太大（超过 {MAX_UPLOAD // (1024 * 1024)} MB），"
                            "请压缩图片或只提交需要填写的表格", code="too_large")
    digest = hashlib.sha256(content).hexdigest()
    suffix = PurePath(name).suffix.lower()
    kept = Kept(digest, suffix if suffix in RETURN_SUFFIXES else "")
    return kept, keep_content(store, kept, content)


def keep_content(store: Store, kept: Kept, content: bytes) -> bool:
    """Keep `content` under `kept` (whose hash it must have); False if it was kept already."""
    if store.path is None:
        statement = store.insert(_kept).values(sha256=kept.sha256, suffix=kept.suffix,
                                               content=content)
        with store.connected(write=True) as connection:
            return bool(connection.execute(statement.on_conflict_do_nothing()).rowcount)
    target = kept_path(store, kept.sha256, kept.suffix)
    if target.is_file():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(content)
    partial.replace(target)  # a reader never sees half a file
    return True


def _forget(store: Store, kept: Kept) -> None:
    """Remove the file kept under `kept` (a refused file this hand-in kept first)."""
    if store.path is None:
        with store.connected(write=True) as connection:
            connection.execute(sa.delete(_kept).where(
                _kept.c.sha256 == kept.sha256, _kept.c.suffix == kept.suffix))
        return
    kept_path(store, kept.sha256, kept.suffix).unlink(missing_ok=True)


def kept_content(store: Store, kept: Kept) -> bytes | None:
    """Return the bytes kept under `kept`, or None when there are none (or they changed)."""
    if store.path is None:
        with store.connected() as connection:
            content = connection.execute(sa.select(_kept.c.content).where(
                _kept.c.sha256 == kept.sha256, _kept.c.suffix == kept.suffix)).scalar()
    else:
        path = kept_path(store, kept.sha256, kept.suffix)
        content = path.read_bytes() if path.is_file() else None
    if content is None or hashlib.sha256(content).hexdigest() != kept.sha256:
        return None
    return bytes(content)


def all_kept(store: Store) -> list[Kept]:
    """Return every file the store keeps, by hash."""
    if store.path is None:
        with store.connected() as connection:
            rows = connection.execute(sa.select(_kept.c.sha256, _kept.c.suffix)
                                      .order_by(_kept.c.sha256, _kept.c.suffix)).all()
        return [Kept(row.sha256, row.suffix) for row in rows]
    folder = kept_files(store)
    found = []
    for path in sorted(folder.glob("??/*")) if folder.is_dir() else []:
        match = _KEPT_NAME.match(path.name)
        if match and path.parent.name == match.group(1)[:2] and path.is_file():
            found.append(Kept(match.group(1), match.group(2) or ""))
    return found


def original_content(store: Store, submission: StoredSubmission) -> bytes | None:
    """Return the bytes of a version's file as sent, or None when no copy has its hash."""
    suffix = PurePath(submission.file).suffix.lower()
    for kept in (Kept(submission.sha256, suffix), Kept(submission.sha256, "")):
        content = kept_content(store, kept)
        if content is not None:
            return content
    path = Path(submission.file)  # stored by `tianbiao ingest` from the office's own folder
    if path.is_file():
        content = path.read_bytes()
        if hashlib.sha256(content).hexdigest() == submission.sha256:
            return content
    return None


@contextmanager
def kept_copies(store: Store, wanted: Iterable[tuple[str, str]]) -> Iterator[list[KeptCopy]]:
    """Yield a copy the readers can open of each kept (sha256, suffix) in `wanted`.

    Beside a SQLite store they are the kept files themselves; from a PostgreSQL store they
    are written one by one into a scratch folder, removed when the block ends.
    """
    if store.path is not None:
        yield [KeptCopy(sha, suffix, kept_path(store, sha, suffix),
                        kept_name(store, sha, suffix)) for sha, suffix in wanted]
        return
    scratch = Path(tempfile.mkdtemp(prefix="tianbiao-kept-"))
    try:
        copies = []
        for sha, suffix in wanted:
            path = scratch / f"{sha}{suffix}"
            if not path.is_file():
                path.write_bytes(kept_content(store, Kept(sha, suffix)) or b"")
            copies.append(KeptCopy(sha, suffix, path, kept_name(store, sha, suffix)))
        yield copies
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def hand_in(store: Store, campaign: Campaign, row: RosterRow, content: bytes,
            name: str) -> HandIn:
    """Read the file a school sent for `row` and store it as a version of its return."""
    kept, first = _keep(store, content, name)
    spec = campaign.spec

    def admit(record: Record) -> str | None:
        if record.form != spec.id:
            return (f"这不是本次要交的《{spec.title}》，请上传这张表"
                    "（可先下载本页的预填表，填好后上传）")
        if record.key != row.key:
            # Which school's it is stays unsaid: a link must not tell one roster name.
            return (f"上传的文件不是{school_of(spec, row)}的表（是名单上另一行的预填表，"
                    "或与本校对不上）；请下载本页的预填表，填好后上传")
        return None

    with kept_copies(store, [(kept.sha256, kept.suffix)]) as (copy,):
        outcome, record = ingest_file(store, str(copy.path), roster_form=campaign.form,
                                      roster=campaign.roster, admit=admit, name=copy.name)
    if isinstance(outcome, NotTaken):
        if first:
            _forget(store, kept)
    else:
        with store.transaction():
            note_upload(store, campaign, row.key, kept.sha256, sent_name(name))
    return HandIn(outcome, record)
