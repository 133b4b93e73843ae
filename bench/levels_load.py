"""Many offices at once: 10 counties × 50 schools upload while 10 county reviewers work.

For each engine (a SQLite file, then a database of a throw-away PostgreSQL server from
tests/pgcluster.py): a store with a city and 10 counties, the 衡阳 application campaign over
500 rows with a 县市区 column, links; a real `tianbiao serve` on loopback; then at the same
moment every school uploads its filled 申请表 (a pool of 50 at once) while each county's
reviewer, logged in with its own password, saves two opinions on each of its rows as the
returns arrive (tests/many_offices.py). Afterwards the store must hold each return once as
version 1, every saved opinion of every county, revisions in order, every row forwarded.

    .venv/bin/python bench/levels_load.py           # this measurement alone (a few minutes)
    .venv/bin/python bench/levels_load.py --quick   # 3 counties × 8 schools
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "tests", ROOT / "tests" / "web"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from bench.report import Target, table  # noqa: E402

if TYPE_CHECKING:
    from many_offices import Load

    from bench.run import Bench


@dataclass(frozen=True)
class Scale:
    """How many counties, schools per county, and uploads at once."""

    counties: int
    schools: int
    uploaders: int


FULL = Scale(counties=10, schools=50, uploaders=50)
QUICK = Scale(counties=3, schools=8, uploaders=8)
ENGINES = ("SQLite", "PostgreSQL")


def run_engine(engine: str, scratch: Path, scale: Scale) -> tuple[Load, list[str]]:
    """Set the offices up on `engine`, serve them, run the load; return it and what is wrong."""
    from browsing import serving
    from many_offices import CITY_PASSWORD, build_offices, check_store, run_load, summary
    from pgcluster import start_cluster

    from records.engine import close_engines

    scratch.mkdir(parents=True)
    cluster = None
    db: Any = scratch / "tianbiao.db"
    if engine == "PostgreSQL":
        cluster = start_cluster(Path(tempfile.mkdtemp(prefix="tianbiao-bench-pg-")))
        db = cluster.create_database("levels_load")
    try:
        offices = build_offices(db, scratch, scale.counties, scale.schools)
        print(f"  {engine}: {len(offices.tokens)} schools' 申请表 filled in, serving",
              flush=True)
        with serving(db, CITY_PASSWORD) as server:
            load = run_load(offices, server.base, scale.uploaders)
        wrong = check_store(offices, load)
        print(f"  {engine}: {summary(load)}", flush=True)
    finally:
        close_engines()
        if cluster is not None:
            cluster.stop()
            shutil.rmtree(cluster.folder, ignore_errors=True)
    return load, wrong


def run_all(scratch: Path, scale: Scale) -> dict[str, tuple[Load, list[str]]]:
    """Run the load on each engine in turn."""
    return {engine: run_engine(engine, scratch / engine, scale) for engine in ENGINES}


def print_table(results: dict[str, tuple[Load, list[str]]]) -> None:
    """Print the engines' figures side by side."""
    rows: list[list[Any]] = [
        ["uploads", *(len(r[0].upload_seconds) for r in results.values())],
        ["uploads/s", *(r[0].uploads_per_second for r in results.values())],
        ["upload p50 s", *(r[0].upload_percentile(0.5) for r in results.values())],
        ["upload p95 s", *(r[0].upload_percentile(0.95) for r in results.values())],
        ["review saves", *(len(r[0].save_seconds) for r in results.values())],
        ["review save p95 s", *(r[0].save_p95 for r in results.values())],
        ["refused with 409", *(r[0].conflicts for r in results.values())],
        ["all done s", *(r[0].wall for r in results.values())],
        ["store checks", *("all right" if not r[1] else "WRONG" for r in results.values())],
    ]
    print(table(["", *results], rows))


def judge(targets: list[Target], results: dict[str, tuple[Load, list[str]]]) -> None:
    """Add one target per engine: every upload once, no review lost, versions in order."""
    for engine, (load, wrong) in results.items():
        targets.append(Target(
            f"many offices at once on {engine}: every upload once, no review lost",
            not wrong, "; ".join(wrong) or f"{len(load.upload_seconds)} uploads, "
            f"{len(load.save_seconds)} review saves, all kept in order"))


def measure(bench: Bench) -> None:
    """Run the load on both engines; print the figures and add the targets."""
    print("\nMany offices at once: schools upload while counties review (SQLite, PostgreSQL)",
          flush=True)
    scale = FULL if bench.sizes.batch >= 1_000 else QUICK
    results = run_all(bench.scratch / "levels", scale)
    print_table(results)
    judge(bench.targets, results)


def main() -> int:
    """Run this measurement alone; print the table and the targets; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 counties × 8 schools")
    scale = QUICK if parser.parse_args().quick else FULL
    with tempfile.TemporaryDirectory(prefix="tianbiao-bench-levels-") as scratch:
        results = run_all(Path(scratch), scale)
    print_table(results)
    targets: list[Target] = []
    judge(targets, results)
    for target in targets:
        print(f"  {'PASS' if target.passed else 'FAIL'}  {target.name}: {target.detail}")
    return 0 if all(t.passed for t in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
