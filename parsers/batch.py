"""Parse files and folders: one record per file, in a stable order, never stopping the batch.

.docx and .pdf files are read directly; .doc, .wps, .odt and .rtf files (and .docx that are
really Word 97 files) are first converted by LibreOffice, one batch per core. A file that
cannot be read becomes an "unreadable" record with a message for the office; the rest of the
batch goes on. A folder walk takes what can be a return and says why it skipped the rest.
"""

from __future__ import annotations

import signal
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from forms.errors import TianbiaoError, UnreadableFileError
from forms.model import FormSpec
from forms.problems import Problem
from forms.registry import all_forms, get_form
from parsers.docx import read_docx
from parsers.extract import extract
from parsers.grid import Grid, Table
from parsers.identify import PROPERTY_KEY, Fingerprint, identify_form
from parsers.office import WORD_2007, convert_on_all_cores
from parsers.pdf import read_pdf
from parsers.record import (
    Record,
    build_record,
    unknown_form_record,
    unreadable_record,
)
from parsers.safety import HEIF_MESSAGE, is_heif, is_image, office_filter, skip_reason
from parsers.word97 import read_if_ending_in_table
from parsers.workers import run_in_workers

FILE_TIME_LIMIT = 60.0


class _FileTimeout(Exception):
    """Raised inside a worker when one file takes longer than its time limit."""


def collect_files(paths: Iterable[str],
                  on_skipped: Callable[[str, str], None] | None = None) -> list[str]:
    """Return the files named in `paths`, folders walked recursively, in order.

    A file named on its own is always taken; in a folder, files that cannot be a return
    (a .txt, a spreadsheet, Word's ~$ lock files) are passed to `on_skipped` with the reason.
    """
    found: list[str] = []
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            found.append(given)
            continue
        for member in sorted(path.rglob("*")):
            if not member.is_file():
                continue
            reason = skip_reason(member)
            if reason is None:
                found.append(str(member))
            elif on_skipped is not None:
                on_skipped(str(member), reason)
    return found


def parse_file(file: str, form_id: str | None = None, *, read_as: str | None = None) -> Record:
    """Read one returned `file` into a record; `read_as` is a converted copy to read instead."""
    try:
        grid = read_grid(read_as or file)
        if read_as is not None:
            grid = _with_lost_tables(grid, file)
    except UnreadableFileError as error:
        return unreadable_record(file, error.code, error.message)
    except OSError as error:
        return unreadable_record(file, "io_error", f"无法读取文件：{error.strerror}")
    runner_up: FormSpec | None = None
    closest: Fingerprint | None = None
    if form_id:
        spec: FormSpec | None = get_form(form_id)
        how = "forced"
    else:
        identification = identify_form(grid)
        spec, how, runner_up = identification.form, identification.how, identification.runner_up
        closest = identification.closest
    if spec is None:
        return unknown_form_record(file, closest)
    record = build_record(file, spec, *extract(grid, spec), scan=grid.scan)
    record.key = grid.properties.get(PROPERTY_KEY)
    record.identified_by = how
    if runner_up is not None:
        # A notice, not an error: the status stays what the values make it.
        record.problems.append(Problem(
            None, "form_uncertain",
            f"按标题和栏目认定为《{spec.title}》，但与《{runner_up.title}》也很接近；"
            f"如认错了，请用 --form {runner_up.id} 指定",
        ))
    return record


def _with_lost_tables(grid: Grid, word97: str) -> Grid:
    """Return `grid` (a .doc as LibreOffice read it), or the .doc read from its own streams.

    LibreOffice may show a .doc whose text ends inside a table without that table; the file
    still holds it (see parsers/word97.py). LibreOffice's reading stands whenever it has
    every table row, and for the tables it has: it knows more (checkbox fields, revisions,
    hidden text) than the streams give here.
    """
    blocks = read_if_ending_in_table(word97)
    if blocks is None:
        return grid
    rows = sum(b.n_rows for b in blocks if isinstance(b, Table))
    if rows <= sum(t.n_rows for t in grid.tables):
        return grid
    # Keep LibreOffice's reading up to its last table (tracked changes, hidden text and
    # checkbox fields decoded); what follows comes from the streams, the lost table with it.
    kept = [i for i, b in enumerate(grid.blocks) if isinstance(b, Table)]
    ours = [i for i, b in enumerate(blocks) if isinstance(b, Table)]
    if not kept:
        return Grid(blocks, grid.properties)
    if len(ours) <= len(kept):
        return grid
    return Grid(grid.blocks[: kept[-1] + 1] + blocks[ours[len(kept) - 1] + 1 :],
                grid.properties)


def read_grid(path: str) -> Grid:
    """Read `path` with the reader its first bytes call for (.pdf, a picture, or .docx)."""
    with open(path, "rb") as handle:
        head = handle.read(12)
    if head.startswith(b"%PDF") or (not head and path.lower().endswith(".pdf")):
        return read_pdf(path)
    if is_image(head):
        from parsers.scan import read_image  # OCR's libraries load only when a picture comes

        return read_image(path)
    if is_heif(head):
        raise UnreadableFileError(HEIF_MESSAGE, code="image")
    return read_docx(path)


def parse_paths(
    paths: Iterable[str],
    form_id: str | None = None,
    *,
    workers: int | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    on_skipped: Callable[[str, str], None] | None = None,
) -> Iterator[Record]:
    """Yield one record per file under `paths`, in order, using a process pool for many.

    Files a folder walk passes over are reported to `on_skipped` (file, reason) instead.
    """
    if form_id:
        get_form(form_id)  # fail once, before the batch, on an unknown form
    all_forms()  # loaded once here: the workers start with them
    files = collect_files(paths, on_skipped)
    with tempfile.TemporaryDirectory(prefix="tianbiao-parse-") as scratch:
        converted = _convert_through_office(files, Path(scratch))
        jobs = [(f, form_id, converted.get(f)) for f in files]
        total = len(jobs)
        results: Iterable[Record]
        if workers == 1:
            results = (_parse_job(job) for job in jobs)  # in this process: for tests, debugging
        else:
            results = run_in_workers(_parse_job, jobs, workers=workers,
                                     when_worker_dies=_worker_died)
        yield from _with_progress(results, total, on_progress)


def _worker_died(job: tuple[str, str | None, str | Record | None]) -> Record:
    return unreadable_record(
        job[0], "too_large",
        "读取此文件时占用的内存或资源超出限制，已跳过；文件可能已损坏或异常巨大",
    )


def _parse_job(job: tuple[str, str | None, str | Record | None]) -> Record:
    file, form_id, converted = job
    if isinstance(converted, Record):
        return converted
    try:
        with _TimeLimit(FILE_TIME_LIMIT):
            return parse_file(file, form_id, read_as=converted)
    except TianbiaoError as error:
        return unreadable_record(file, error.code, error.message)
    except MemoryError:
        return _worker_died(job)
    except _FileTimeout:
        return unreadable_record(
            file, "timeout",
            f"读取超过 {FILE_TIME_LIMIT:.0f} 秒仍未完成，已跳过；文件可能过大或已损坏",
        )
    except Exception as error:  # a fault of tianbiao's, not of the file: say so, go on
        return unreadable_record(
            file, "error",
            f"tianbiao 读取此文件时出错（{type(error).__name__}），已跳过；这不是学校的错，"
            "请先手工录入，并把此文件交给技术人员查看",
        )


class _TimeLimit:
    """Interrupt the work inside after `seconds` (main thread only; elsewhere a no-op)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.active = threading.current_thread() is threading.main_thread()
        self.previous: object = None

    def __enter__(self) -> None:
        if self.active:
            self.previous = signal.signal(signal.SIGALRM, self._expire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *_: object) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)  # type: ignore[arg-type]

    @staticmethod
    def _expire(*_: object) -> None:
        raise _FileTimeout()


def _with_progress(
    records: Iterable[Record], total: int, on_progress: Callable[[int, int], None] | None
) -> Iterator[Record]:
    for done, record in enumerate(records, start=1):
        if on_progress:
            on_progress(done, total)
        yield record


def _convert_through_office(files: list[str], scratch: Path) -> dict[str, str | Record]:
    """Convert the .doc/.wps/.odt/.rtf among `files` to .docx; map each to its copy or error."""
    by_filter: dict[str | None, dict[Path, str]] = {}
    outcome: dict[str, str | Record] = {}
    for file in files:
        try:
            needed, infilter, refusal = office_filter(Path(file))
        except OSError as error:
            outcome[file] = unreadable_record(file, "io_error", f"无法读取文件：{error.strerror}")
            continue
        if refusal is not None:
            outcome[file] = unreadable_record(file, refusal.code, refusal.message)
        elif needed:
            by_filter.setdefault(infilter, {})[Path(file)] = file
    for index, (infilter, sources) in enumerate(by_filter.items()):
        converted = convert_on_all_cores(list(sources), WORD_2007, scratch / f"filter{index}",
                                         infilter=infilter)
        for source, result in converted.items():
            file = sources[source]
            if isinstance(result, Path):
                outcome[file] = str(result)
            else:
                outcome[file] = unreadable_record(file, result.code, result.message)
    return outcome


def read_converted(converted: str, original: str) -> Grid:
    """Read `converted`, LibreOffice's .docx of the Word 97 file `original`, tables restored."""
    return _with_lost_tables(read_grid(converted), original)
