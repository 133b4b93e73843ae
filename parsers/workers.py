"""Run per-file work in worker processes, each with a memory ceiling, in a stable order.

A hostile file (a PDF that decompresses to gigabytes, a page tree that loops) must cost
that file only: each worker runs under an address-space limit, a file that makes its worker
die is retried alone in a fresh worker, and if it kills that one too it is reported while
the batch goes on. Results come back in the order of the jobs, a window at a time, so memory
stays flat however long the batch.
"""

from __future__ import annotations

import os
import resource
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")

# Two workers on a 2-core machine stay under 1 GB together; a form needs about 60 MB.
WORKER_MEMORY_LIMIT = 480 * 1024 * 1024
_WINDOW_PER_WORKER = 8


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
    """Yield `function(job)` for each job, in order, computed in limited worker processes."""
    pending = deque(jobs)
    count = max(1, min(workers or default_workers(), len(pending) or 1))
    while pending:
        broken: list[Job] = []
        with ProcessPoolExecutor(max_workers=count, initializer=limit_memory) as pool:
            window: deque[tuple[Job, Future[Result]]] = deque()
            while pending or window:
                while pending and len(window) < count * _WINDOW_PER_WORKER and not broken:
                    job = pending.popleft()
                    window.append((job, pool.submit(function, job)))
                if not window:
                    break
                job, future = window.popleft()
                try:
                    result = future.result()
                except BrokenProcessPool:
                    broken.append(job)
                    broken.extend(j for j, _ in window)
                    window.clear()
                    break
                yield result
        for job in broken:
            # Alone in a fresh worker: either it was an innocent bystander, or the culprit.
            yield from _alone(function, job, when_worker_dies)
        if broken:
            continue


def _alone(function: Callable[[Job], Result], job: Job,
           when_worker_dies: Callable[[Job], Result]) -> Iterator[Result]:
    with ProcessPoolExecutor(max_workers=1, initializer=limit_memory) as pool:
        try:
            yield pool.submit(function, job).result()
        except BrokenProcessPool:
            yield when_worker_dies(job)


def limit_memory(limit: int = WORKER_MEMORY_LIMIT) -> None:
    """Cap this process's address space so a runaway file raises MemoryError here."""
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
