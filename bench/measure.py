"""Run one measurement in this fresh process and print its times and peak memory as JSON.

``python -m bench.measure '{"task": "generate", ...}'``: run.py starts one of these per
measurement, so each peak is that measurement's alone. The peak of this process is its
VmHWM; the peak of its children (pool workers, LibreOffice) is the largest of them.
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

RESULT_MARK = "BENCH-RESULT "


def main() -> None:
    """Run the measurement described by the JSON in the first argument."""
    job = json.loads(sys.argv[1])
    task = _TASKS[job["task"]]
    result = task(job)
    result.update(_peaks())
    result["cpu"] = _CPU_SECONDS
    print(RESULT_MARK + json.dumps(result), flush=True)


def _generate(job: dict[str, Any]) -> dict[str, Any]:
    from bench.generation import METHODS, template_bytes
    from forms.registry import get_form
    from rosters.roster import read_roster

    spec = get_form(job["form"])
    roster = read_roster(job["roster"])
    template = template_bytes(spec)
    method = METHODS[job["method"]]
    scratch = Path(job["scratch"])
    runs = job["runs"]
    keep = job.get("keep")
    counts: list[int] = []

    def run(index: int) -> None:
        out = Path(keep) if keep and index == runs - 1 else scratch / f"run{index}"
        counts.append(len(method(spec, roster, out, template)))

    def clean(index: int) -> None:
        if not (keep and index == runs - 1):
            shutil.rmtree(scratch / f"run{index}", ignore_errors=True)

    times = _timed(runs, run, clean)
    return {"times": times, "files": counts[-1]}


def _parse(job: dict[str, Any]) -> dict[str, Any]:
    from bench.parsing import METHODS, files_in

    files = files_in(job["folder"], job.get("limit"))
    method = METHODS[job["method"]]
    outcome: dict[str, int] = {}

    def run(_: int) -> None:
        outcome.clear()
        outcome.update(method(files))

    return {"times": _timed(job["runs"], run), "files": len(files), "outcome": outcome}


def _office(job: dict[str, Any]) -> dict[str, Any]:
    from bench import conversion

    files = job["files"]
    outcome: dict[str, int] = {}
    action: Callable[[], dict[str, int]]
    if job["how"] == "batched":
        def action() -> dict[str, int]:
            return conversion.convert_batched(files, job["target"], job["out"],
                                              job.get("infilter"))
    elif job["how"] == "one-by-one":
        def action() -> dict[str, int]:
            return conversion.convert_one_by_one(files, job["out"])
    elif job["how"] == "parse":
        def action() -> dict[str, int]:
            return conversion.parse_with_pool(files)
    else:
        def action() -> dict[str, int]:
            return conversion.read_pdfs(files)

    def run(_: int) -> None:
        outcome.clear()
        outcome.update(action())

    times = _timed(job.get("runs", 1), run)
    return {"times": times, "files": len(files), "outcome": outcome}


def _ingest(job: dict[str, Any]) -> dict[str, Any]:
    from bench.parsing import files_in
    from bench.storage import ingest_folder

    files = files_in(job["folder"], job.get("limit"))
    outcome: dict[str, int] = {}

    def run(_: int) -> None:
        outcome.update(ingest_folder(files, job["database"]))

    return {"times": _timed(1, run), "files": len(files), "outcome": outcome}


def _summary(job: dict[str, Any]) -> dict[str, Any]:
    from bench.storage import summarise

    outcome: dict[str, float] = {}

    def run(_: int) -> None:
        outcome.update(summarise(job["form"], job["database"], job["out"]))

    return {"times": _timed(1, run), "files": int(outcome.get("rows", 0)) or None,
            "outcome": outcome}


def _infer(job: dict[str, Any]) -> dict[str, Any]:
    from bench.inference_speed import time_inference

    return time_inference(job["files"], whole=job.get("whole", False))


_CPU_SECONDS: list[float] = []


def _timed(runs: int, run: Callable[[int], None],
           clean: Callable[[int], None] | None = None) -> list[float]:
    """Return the wall-clock time of each run; note the CPU time (own + children) of each."""
    times = []
    for index in range(runs):
        cpu_before = _cpu_seconds()
        started = time.perf_counter()
        run(index)
        times.append(time.perf_counter() - started)
        _CPU_SECONDS.append(_cpu_seconds() - cpu_before)
        if runs > 1:
            print(f"      run {index + 1}/{runs}: {times[-1]:.2f} s"
                  f" (CPU {_CPU_SECONDS[-1]:.2f} s)", file=sys.stderr, flush=True)
        if clean is not None:
            clean(index)
    return times


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _peaks() -> dict[str, float]:
    own = 0.0
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                own = int(line.split()[1]) / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_mb": round(own, 1), "children_peak_mb": round(children, 1)}


_TASKS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "generate": _generate,
    "parse": _parse,
    "office": _office,
    "ingest": _ingest,
    "summary": _summary,
    "infer": _infer,
}

if __name__ == "__main__":
    main()
