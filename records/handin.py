"""A school hands in one file through its link: kept as sent, read, stored as `ingest` does.

The file is kept under the store, named by its SHA-256 (``<store>.files/ab/abcd….docx``), so
every version of every return can be downloaded later and no name a school chose ever
becomes a path. Then it goes through `ingest_file`: the same readers, worker limits and
versions as `tianbiao ingest`, one short transaction. A file of another form, or another
school's copy, is refused before anything is stored, and its bytes are not kept: a refused
file is the school's to send again, and a leaked link cannot fill the office's disk.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePath

from forms.errors import TianbiaoError
from parsers.record import Record
from parsers.safety import RETURN_SUFFIXES
from records.campaigns import Campaign, note_upload, school_of
from records.ingest import NotTaken, ingest_file
from records.store import IngestOutcome, Store
from rosters.model import RosterRow

MAX_UPLOAD = 20 * 1024 * 1024  # a school's form with photos pasted in stays well under this


@dataclass(frozen=True)
class HandIn:
    """What handing in one file did: the store's outcome and the record read."""

    outcome: IngestOutcome
    record: Record

    @property
    def refused(self) -> str | None:
        """Return why the file was not taken, or None when it was stored."""
        return self.outcome.reason if isinstance(self.outcome, NotTaken) else None


def sent_name(name: str) -> str:
    """Return a file's name as sent, for showing only: no folders, no control characters."""
    base = PurePath(name.replace("\\", "/")).name
    cleaned = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    return cleaned[:120] or "（无名）"


def kept_files(store: Store) -> Path:
    """Return the folder beside the store that keeps every file as sent."""
    return store.path.with_name(store.path.name + ".files")


def kept_path(store: Store, sha256: str, suffix: str) -> Path:
    """Return where the file with `sha256` is kept."""
    return kept_files(store) / sha256[:2] / f"{sha256}{suffix}"


def keep_file(store: Store, content: bytes, name: str) -> tuple[Path, str]:
    """Keep `content` as sent, named by its SHA-256; return its path and the hash."""
    target, digest, _ = _keep(store, content, name)
    return target, digest


def _keep(store: Store, content: bytes, name: str) -> tuple[Path, str, bool]:
    """Keep `content`; return its path, its hash and whether this call wrote it."""
    if len(content) > MAX_UPLOAD:
        raise TianbiaoError(f"文件太大（超过 {MAX_UPLOAD // (1024 * 1024)} MB），"
                            "请压缩图片或只提交需要填写的表格", code="too_large")
    digest = hashlib.sha256(content).hexdigest()
    suffix = PurePath(name).suffix.lower()
    target = kept_path(store, digest, suffix if suffix in RETURN_SUFFIXES else "")
    if target.is_file():
        return target, digest, False
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(content)
    partial.replace(target)  # a reader never sees half a file
    return target, digest, True


def hand_in(store: Store, campaign: Campaign, row: RosterRow, content: bytes,
            name: str) -> HandIn:
    """Read the file a school sent for `row` and store it as a version of its return."""
    path, digest, written = _keep(store, content, name)
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

    outcome, record = ingest_file(store, str(path), roster_form=campaign.form,
                                  roster=campaign.roster, admit=admit)
    if isinstance(outcome, NotTaken):
        if written:
            path.unlink(missing_ok=True)
    else:
        with store.transaction():
            note_upload(store, campaign, row.key, digest, sent_name(name))
    return HandIn(outcome, record)
