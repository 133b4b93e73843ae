"""A new campaign's draft: the attachment and the list a clerk uploaded, kept between steps.

Each draft is a folder beside the store (``<store>.drafts/<id>/``) named by a random id,
never by anything in the request. The files are saved as ``attachment<suffix>`` and
``list<suffix>`` (the suffix one of those accepted), what was read from them in
``draft.json``, the original's pages as ``page-1.png``…. A draft left behind is only files:
nothing in the store points at it, and drafts older than KEEP_DAYS go when the next is made.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from parsers.office import WRITER_PDF, convert_batch
from parsers.safety import office_filter
from parsers.workers import default_workers
from records.engine import beside_store
from records.handin import MAX_UPLOAD
from records.handin import sent_name as shown_name

ATTACHMENT_SUFFIXES = (".docx", ".doc", ".pdf")
LIST_SUFFIXES = (".xlsx", ".csv", ".docx", ".doc", ".pdf")
MAX_FILE = MAX_UPLOAD
KEEP_DAYS = 2
MAX_PAGES = 6  # the original's first pages: enough to check the blanks against
_RESOLUTION = "80"  # dots per inch: a page about 660 pixels wide, legible on a phone
_DRAFT_ID = re.compile(r"[A-Za-z0-9_-]{22}")
_STATE = "draft.json"
_PAGE = re.compile(r"page-(\d+)\.png")
# LibreOffice and pdftoppm on a 2-core machine: as many at once as there are cores.
_RENDERING = threading.BoundedSemaphore(default_workers())


@dataclass(frozen=True)
class Upload:
    """A file as the browser sent it: its bytes and the name it had on the clerk's computer."""

    content: bytes
    name: str


@dataclass
class Draft:
    """One draft's folder and what is known so far (``state``, kept in draft.json)."""

    folder: Path
    state: dict[str, Any]

    @property
    def id(self) -> str:
        """Return the draft's random id."""
        return self.folder.name

    @property
    def attachment(self) -> Path:
        """Return where the attachment is kept."""
        return self.folder / str(self.state["attachment"]["file"])

    @property
    def roster_list(self) -> Path:
        """Return where the list is kept."""
        return self.folder / str(self.state["list"]["file"])

    def save(self) -> None:
        """Write the state, whole: a reader never sees half of it."""
        partial = self.folder / (_STATE + ".part")
        partial.write_text(json.dumps(self.state, ensure_ascii=False, default=str),
                           encoding="utf-8")
        partial.replace(self.folder / _STATE)

    def page(self, number: int) -> Path | None:
        """Return the image of the original's page `number` (from 1), or None."""
        pages = self.state.get("pages") or []
        return self.folder / f"page-{number}.png" if 1 <= number <= len(pages) else None


def drafts_folder(db: str | Path) -> Path:
    """Return the folder beside the store `db` that holds the drafts."""
    return beside_store(db, ".drafts")


def suffix_problem(upload: Upload, accepted: tuple[str, ...], what: str) -> str | None:
    """Return why `upload` is not a file of the types `accepted`, or None."""
    suffix = PurePath(upload.name).suffix.lower()
    if not upload.content:
        return f"{what}“{shown_name(upload.name)}”是空的（0 字节），请重新选择"
    if suffix not in accepted:
        kinds = "、".join(accepted)
        got = f"“{suffix}”" if suffix else "没有扩展名的文件"
        return f"{what}应是 {kinds} 文件，收到的是{got}"
    return None


def new_draft(db: str | Path, attachment: Upload, roster_list: Upload) -> Draft:
    """Keep the two files in a new draft's folder and return the draft."""
    folder = drafts_folder(db)
    remove_old_drafts(folder)
    draft_dir = folder / secrets.token_urlsafe(16)
    draft_dir.mkdir(parents=True)
    state: dict[str, Any] = {"created": dt.datetime.now().isoformat(timespec="seconds")}
    for key, stem, upload in (("attachment", "attachment", attachment),
                              ("list", "list", roster_list)):
        file = stem + PurePath(upload.name).suffix.lower()
        (draft_dir / file).write_bytes(upload.content)
        state[key] = {"file": file, "name": shown_name(upload.name)}
    draft = Draft(draft_dir, state)
    draft.save()
    return draft


def open_draft(db: str | Path, draft_id: str) -> Draft | None:
    """Return the draft with `draft_id`, or None for any other text."""
    if not _DRAFT_ID.fullmatch(draft_id):
        return None
    folder = drafts_folder(db) / draft_id
    try:
        state = json.loads((folder / _STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Draft(folder, state)


def remove_draft(draft: Draft) -> None:
    """Remove the draft's folder and everything in it."""
    shutil.rmtree(draft.folder, ignore_errors=True)


def remove_old_drafts(folder: Path, *, days: int = KEEP_DAYS) -> None:
    """Remove the drafts in `folder` last touched more than `days` days ago."""
    if not folder.is_dir():
        return
    oldest = dt.datetime.now().timestamp() - days * 86400
    for draft_dir in folder.iterdir():
        if _DRAFT_ID.fullmatch(draft_dir.name) and draft_dir.stat().st_mtime < oldest:
            shutil.rmtree(draft_dir, ignore_errors=True)


def render_pages(draft: Draft) -> int:
    """Turn the original's first pages into images in the draft; return how many.

    A Word file goes to PDF through LibreOffice (as ``make forms`` prints the blank forms),
    each PDF page to a PNG through pdftoppm. Without either, there are no images (0).
    """
    source = draft.attachment
    if shutil.which("pdftoppm") is None:
        return 0
    with _RENDERING, tempfile.TemporaryDirectory(prefix="tianbiao-pages-") as scratch:
        pdf: Path | None = source
        if source.suffix != ".pdf":
            _, infilter, refusal = office_filter(source)
            if refusal is not None:
                return 0
            converted = convert_batch([source], WRITER_PDF, Path(scratch),
                                      infilter=infilter, timeout=120)[source]
            pdf = converted if isinstance(converted, Path) else None
        if pdf is None:
            return 0
        try:
            subprocess.run(["pdftoppm", "-png", "-r", _RESOLUTION, "-f", "1",
                            "-l", str(MAX_PAGES), str(pdf), str(Path(scratch) / "page")],
                           check=False, capture_output=True, timeout=120)
        except subprocess.TimeoutExpired:
            return 0
        # pdftoppm pads the page number to the page count's width: page-1 or page-01.
        made = sorted((int(m[1]), p) for p in Path(scratch).iterdir()
                      if (m := _PAGE.fullmatch(p.name)))
        for number, (_, image) in enumerate(made, start=1):
            shutil.move(str(image), draft.folder / f"page-{number}.png")
    return len(made)
