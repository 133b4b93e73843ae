"""Profile where tianbiao spends its time on one form, with cProfile, in this one process.

    .venv/bin/python -m bench.profile parse --form zhongxian-2021-inspection --files 300
    .venv/bin/python -m bench.profile generate --form ruian-2022-report --files 1000
    .venv/bin/python -m bench.profile parse --form zhongxian-2021-inspection --blank
    .venv/bin/python -m bench.profile pool --form ruian-2022-report --files 1000

``parse`` runs ``parse_file`` per file; ``generate`` runs ``generate_copies`` (template built
inside). ``pool`` is not profiled (forked workers would inherit the profiler): it times
``parse_paths`` twice, as shipped (each worker loads the definitions) and with the definitions
loaded before the workers start, printing wall-clock and CPU time of the main process and the
workers for each.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.inputs import REPORT_FORM, ReturnedFiles, write_roster  # noqa: E402
from forms.model import FormSpec  # noqa: E402
from forms.registry import all_forms, clear_cache, get_form  # noqa: E402
from generator.render import generate_copies  # noqa: E402
from parsers.batch import parse_file, parse_paths  # noqa: E402
from rosters.roster import read_roster  # noqa: E402


def main() -> None:
    """Profile the step named on the command line and print the busiest functions."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=("parse", "generate", "pool"))
    parser.add_argument("--form", default=REPORT_FORM)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--blank", action="store_true",
                        help="parse files without tianbiao's identity inside (the form is"
                             " found by title and labels)")
    args = parser.parse_args()
    spec = get_form(args.form)
    if args.step == "pool":
        _time_pool(spec, args.files)
        return
    with tempfile.TemporaryDirectory(prefix="tianbiao-profile-") as scratch:
        folder = Path(scratch)
        profiler = cProfile.Profile()
        if args.step == "generate":
            roster = read_roster(write_roster(args.form, args.files, folder / "roster.csv"))
            started = time.perf_counter()
            profiler.runcall(generate_copies, spec, roster, folder / "out")
        else:
            returned = ReturnedFiles(spec, identity=not args.blank)
            files = [str(p) for p in returned.write(folder / "in", args.files)]
            started = time.perf_counter()
            profiler.runcall(lambda: [parse_file(f) for f in files])
        wall = time.perf_counter() - started
        print(f"{args.step} {args.form}, {args.files} files: {wall:.2f} s under the profiler"
              f" ({wall / args.files * 1000:.2f} ms a file)\n")
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top)


def _time_pool(spec: FormSpec, count: int) -> None:
    with tempfile.TemporaryDirectory(prefix="tianbiao-profile-") as scratch:
        files = [str(p) for p in ReturnedFiles(spec).write(Path(scratch), count)]
        clear_cache()
        for label in ("as shipped", "as shipped", "definitions loaded before the workers start"):
            if label.startswith("definitions"):
                all_forms()
            before = _cpu()
            started = time.perf_counter()
            parsed = sum(1 for _ in parse_paths(files))
            wall = time.perf_counter() - started
            own, workers = (a - b for a, b in zip(_cpu(), before, strict=True))
            print(f"parse_paths {spec.id}, {parsed} files, {label}: {wall:.2f} s;"
                  f" CPU main {own:.2f} s, workers {workers:.2f} s", flush=True)


def _cpu() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime)


if __name__ == "__main__":
    main()
