"""The worker pool: every job answered in order, a job that kills its worker costs only itself."""

from __future__ import annotations

import mmap
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from parsers.workers import chunk_size, run_in_workers

ROOT = Path(__file__).resolve().parents[2]


def _square_or_die(job: int) -> int:
    if job == 17:
        os._exit(3)  # a worker dying as a hostile file would make it
    return job * job


def _reported_dead(job: int) -> int:
    return -job


def _pid_after_a_while(_: int) -> int:
    time.sleep(0.005)  # as a real file takes time: one worker cannot finish before the other starts
    return os.getpid()


def test_results_come_back_in_job_order_across_chunks():
    results = list(run_in_workers(_square_or_die, range(100, 200), workers=2,
                                  when_worker_dies=_reported_dead))
    assert results == [job * job for job in range(100, 200)]


def test_a_job_that_kills_its_worker_is_reported_and_the_rest_are_answered():
    results = list(run_in_workers(_square_or_die, range(60), workers=2,
                                  when_worker_dies=_reported_dead))
    assert len(results) == 60
    assert results[17] == -17
    assert results[:17] == [j * j for j in range(17)]
    assert results[18:] == [j * j for j in range(18, 60)]


def test_work_is_spread_over_the_workers():
    pids = set(run_in_workers(_pid_after_a_while, range(200), workers=2,
                              when_worker_dies=_reported_dead))
    assert os.getpid() not in pids
    assert len(pids) == 2


def test_chunks_stay_small_for_small_batches_and_bounded_for_large_ones():
    assert chunk_size(3, 2) == 1
    assert chunk_size(80, 2) == 10
    assert chunk_size(10_000, 2) == 16


def _allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def test_a_parent_holding_much_memory_still_has_working_workers():
    # A long-lived parent (a test session, a web server) may hold more address space than
    # the per-file ceiling; its forked workers must still have the ceiling to spend.
    # More address space than the per-file ceiling, held by the parent; reserved, not touched,
    # so no memory is really used (and later tests' peak-memory readings stay true).
    with mmap.mmap(-1, 700 * 1024 * 1024) as held:
        results = list(run_in_workers(_allocate, [50, 50], workers=2,
                                      when_worker_dies=_reported_dead))
        assert len(held) == 700 * 1024 * 1024
    assert results == [50 * 1024 * 1024] * 2



def test_workers_end_when_the_process_that_started_them_is_killed(tmp_path):
    pids = tmp_path / "pids"
    script = textwrap.dedent(f"""
        import os, signal, time
        from parsers.workers import run_in_workers
        def note_and_wait(job):
            with open({str(pids)!r}, "a") as out:
                out.write(f"{{os.getpid()}}\\n")
            if job == 0:
                os.kill(os.getppid(), signal.SIGKILL)  # the program is killed mid-batch
            time.sleep(60)
        list(run_in_workers(note_and_wait, range(2), workers=2, when_worker_dies=str))
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=False, timeout=60)
    assert result.returncode == -9
    workers = [int(line) for line in pids.read_text().split()]
    assert workers
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not [pid for pid in workers if _alive(pid)]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def _square_or_fail(job: int) -> int:
    if job == 23:
        raise SystemError("the worker's interpreter failed")  # not the file: the worker
    return job * job


def test_a_worker_failing_otherwise_costs_only_its_files_and_keeps_the_order():
    results = list(run_in_workers(_square_or_fail, range(60), workers=2,
                                  when_worker_dies=_reported_dead))
    assert results[23] == -23
    assert results[:23] == [j * j for j in range(23)]
    assert results[24:] == [j * j for j in range(24, 60)]
