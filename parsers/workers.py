"""Run per-file work in worker processes, each with a memory ceiling, in a stable order.

A hostile file (a PDF that decompresses to gigabytes, a page tree that loops) must cost
that file only: each worker runs under an address-space limit, a file that makes its worker
die is retried alone in a fresh worker, and if it kills that one too it is reported while
the batch goes on. A worker that fails in any other way (the interpreter itself failing
under memory pressure) is treated the same: its files are retried alone. Results come back
in the order of the jobs, a window at a time, so memory stays flat however long the batch.
Jobs travel to the workers in small chunks: a form that reads in a millisecond would
otherwise spend more time in the round trip than in the work.
"""

from __future__ import annotations

import os
import resource
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")

# What one file may add to a worker: two workers on a 2-core machine stay under 1 GB
# together; a form needs about 60 MB.
WORKER_MEMORY_LIMIT = 480 * 1024 * 1024
# What reading a scan may add instead: the OCR libraries map about 500 MB of address space
# when loaded (little of it is touched), the engine and a page about 500 MB more.
SCAN_MEMORY_LIMIT = 1536 * 1024 * 1024
_CHUNKS_PER_WORKER = 4  # chunks in flight per worker: enough to keep every core busy
_LARGEST_CHUNK = 16
_PARENT_CHECK_SECONDS = 0.5


def default_workers() -> int:
    """Return how many worker processes to run: one per core."""
    return max(1, os.cpu_count() or 1)


def run_in_workers(
    function: Callable[[Job], Result],
    jobs: Iterable[Job],
    *,
    workers: int | None = None,
    when_worker_dies: Callable[[Job], Result],
) -> Iterator[Result]:
    """Yield `function(job)` for each job, in order, computed in limited worker processes.

    Call it after loading what every job needs (form definitions): workers are forked from
    this process and start with it.
    """
    pending = deque(jobs)
    count = max(1, min(workers or default_workers(), len(pending) or 1))
    size = chunk_size(len(pending), count)
    while pending:
        broken: list[Job] = []
        with ProcessPoolExecutor(max_workers=count, initializer=_start_worker,
                                 initargs=(os.getpid(),)) as pool:
            window: deque[tuple[list[Job], Future[list[Result]]]] = deque()
            while pending or window:
                try:
                    while pending and len(window) < count * _CHUNKS_PER_WORKER:
                        chunk = [pending.popleft() for _ in range(min(size, len(pending)))]
                        try:
                            window.append((chunk, pool.submit(_each, function, chunk)))
                        except BrokenProcessPool:
                            # A worker died while chunks were still being handed out.
                            pending.extendleft(reversed(chunk))
                            raise
                    if not window:
                        break
                    chunk, future = window[0]
                    try:
                        results = future.result()
                    except BrokenProcessPool:
                        raise
                    except Exception:  # the worker failed, not the file's reading
                        window.popleft()
                        for job in chunk:  # each alone, in its place in the order
                            yield from _alone(function, job, when_worker_dies)
                        continue
                    window.popleft()
                except BrokenProcessPool:
                    for other, _ in window:
                        broken.extend(other)
                    window.clear()
                    break
                yield from results
        for job in broken:
            # Alone in a fresh worker: either it was an innocent bystander, or the culprit.
            yield from _alone(function, job, when_worker_dies)


def chunk_size(jobs: int, workers: int) -> int:
    """Return how many jobs to send a worker at once: small batches stay spread over cores."""
    return max(1, min(_LARGEST_CHUNK, jobs // (workers * _CHUNKS_PER_WORKER)))


def _each(function: Callable[[Job], Result], chunk: list[Job]) -> list[Result]:
    return [function(job) for job in chunk]


def _alone(function: Callable[[Job], Result], job: Job,
           when_worker_dies: Callable[[Job], Result]) -> Iterator[Result]:
    with ProcessPoolExecutor(max_workers=1, initializer=limit_memory) as pool:
        try:
            result = pool.submit(function, job).result()
        except Exception:  # the worker died or failed: the file is reported
            result = when_worker_dies(job)
        yield result


def _start_worker(parent: int) -> None:
    """Set up a worker: its memory ceiling, and an end when the process that started it ends.

    A tianbiao killed in the middle of a batch (the clerk closes the window, the machine
    shuts the program down) must not leave its workers waiting for work forever.
    """
    limit_memory()
    threading.Thread(target=_end_with, args=(parent,), daemon=True).start()


def _end_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(1)


_started_with: int | None = None  # this worker's address space when its cap was set


def limit_memory(limit: int = WORKER_MEMORY_LIMIT) -> None:
    """Cap this process's address space so a runaway file raises MemoryError here.

    The cap is `limit` above what the worker already holds: a forked worker starts with its
    parent's address space, which in a long-lived process (a test session, a web server)
    can alone exceed any fixed ceiling and kill every worker before it reads a byte.
    """
    global _started_with
    _started_with = _address_space()
    _set_cap(limit + _started_with)


def widen_memory_limit(limit: int) -> None:
    """Let this worker's address space reach `limit` above its start, if it is capped lower.

    Called by a reader whose libraries need more (OCR); a process never capped stays so.
    """
    if _started_with is None:
        return
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft != resource.RLIM_INFINITY and soft < limit + _started_with:
        _set_cap(limit + _started_with)


def _set_cap(limit: int) -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _address_space() -> int:
    """Return the bytes of address space this process holds (0 where it cannot be read)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * resource.getpagesize()
