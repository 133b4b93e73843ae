"""Measure how `tianbiao parse` reads the scans: accuracy per condition and kind, honesty, time.

    .venv/bin/python tests/scancorpus/measure.py --out out/scancorpus

reads the scans a build wrote under ``--out`` (tests/scancorpus/build.py) with one
`tianbiao parse --format jsonl` per condition (or one for all, ``--together``), scores
every value (scancorpus.scoring) and prints the tables and the issue's targets.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script
    sys.path[:0] = [str(Path(__file__).resolve().parents[1]),
                    str(Path(__file__).resolve().parents[2])]

from scancorpus.build import load_manifest
from scancorpus.cases import CONDITION_NAMED, TESTS
from scancorpus.command import parse_files
from scancorpus.scoring import GROUPS, Score, contract_breaches, score_scan

# The targets of issue 14.
CLEAN_RIGHT = 95.0
SEALED_RIGHT = 90.0
PHOTO_RIGHT = 90.0
CHECKBOXES_RIGHT = 98.0
CONFIDENTLY_WRONG = 0.5
SECONDS_PER_PAGE = 3.0


@dataclass
class Tally:
    """How many values, how many right, flagged, confidently wrong."""

    values: int = 0
    right: int = 0
    flagged: int = 0
    confidently_wrong: int = 0
    filled: int = 0
    filled_right: int = 0

    def add(self, score: Score) -> None:
        """Count `score`."""
        self.values += 1
        self.right += score.right
        self.flagged += score.flagged
        self.confidently_wrong += score.confidently_wrong
        if score.expected is not None:
            self.filled += 1
            self.filled_right += score.right

    @staticmethod
    def percent(part: int, whole: int) -> float:
        """Return `part` of `whole` in percent (0 of nothing is 0)."""
        return 100.0 * part / whole if whole else 0.0

    @property
    def right_percent(self) -> float:
        """Return the share of values read right."""
        return self.percent(self.right, self.values)


@dataclass
class Measurement:
    """Everything measured on one set of scans."""

    scores: list[Score]
    pages: dict[str, int]  # condition → pages read
    seconds: dict[str, float]  # condition → seconds parse took (or "all")
    unreadable: dict[str, list[str]]  # condition → "file: why" of each unreadable scan
    breaches: list[str] = field(default_factory=list)

    def tally(self, keep: Callable[[Score], bool] | None = None, *,
              condition: str | None = None, kind: str | None = None) -> Tally:
        """Return the tally of the scores `keep` accepts, of `condition` and `kind` if named."""
        tally = Tally()
        for score in self.scores:
            if (keep is None or keep(score)) and condition in (None, score.condition) \
                    and kind in (None, score.kind):
                tally.add(score)
        return tally

    def seconds_per_page(self) -> float:
        """Return the seconds parse took per page over every scan."""
        return sum(self.seconds.values()) / max(1, sum(self.pages.values()))

    def wrong(self) -> list[Score]:
        """Return every value read wrong."""
        return [score for score in self.scores if not score.right]


@dataclass(frozen=True)
class Target:
    """One target of the issue and what was measured against it."""

    name: str
    measured: float
    target: float
    at_most: bool = False  # the figure must not exceed the target
    count: int = 0

    @property
    def met(self) -> bool:
        """Return whether the measured figure meets the target."""
        return self.measured <= self.target if self.at_most else self.measured >= self.target


def measure(out: Path, *, together: bool = False, scans: Iterable[dict[str, Any]] | None = None
            ) -> Measurement:
    """Parse the scans under `out` and score them; one parse call per condition, or one."""
    chosen = list(scans if scans is not None else load_manifest(out)["scans"])
    batches: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for scan in chosen:
        batches["all" if together else scan["condition"]].append(scan)
    measurement = Measurement([], defaultdict(int), {}, defaultdict(list))
    for batch, members in batches.items():
        records, seconds = parse_files([out / scan["file"] for scan in members])
        measurement.seconds[batch] = seconds
        for scan, record in zip(members, records, strict=True):
            measurement.pages[scan["condition"]] += scan["pages"]
            if record.get("status") == "unreadable":
                why = "; ".join(p.get("message", "") for p in record.get("problems", []))
                measurement.unreadable[scan["condition"]].append(f"{scan['file']}: {why}")
            measurement.scores.extend(score_scan(scan, record))
            measurement.breaches.extend(contract_breaches(scan, record))
    return measurement


def is_clean(score: Score) -> bool:
    """Return whether the value comes from a clean scan (colour, straight, no seal, no loss)."""
    return CONDITION_NAMED[score.condition].clean


def in_issue(score: Score) -> bool:
    """Return whether the value comes from a condition issue 14 sets its targets for."""
    return not CONDITION_NAMED[score.condition].beyond_issue


def targets(measurement: Measurement) -> list[Target]:
    """Return the issue's targets with what `measurement` found on the issue's conditions."""
    clean = measurement.tally(is_clean)
    sealed = measurement.tally(lambda s: s.under_seal and in_issue(s))
    photo = measurement.tally(condition="photo")
    boxes = measurement.tally(lambda s: s.checkbox and in_issue(s))
    every = measurement.tally(in_issue)
    return [
        Target("fields right on clean scans (%)", clean.right_percent, CLEAN_RIGHT,
               count=clean.values),
        Target("fields right under a seal (%)", sealed.right_percent, SEALED_RIGHT,
               count=sealed.values),
        Target("fields right on phone photos (%)", photo.right_percent, PHOTO_RIGHT,
               count=photo.values),
        Target("checkboxes right (%)", boxes.right_percent, CHECKBOXES_RIGHT, count=boxes.values),
        Target("confident-but-wrong (%)", Tally.percent(every.confidently_wrong, every.values),
               CONFIDENTLY_WRONG, at_most=True, count=every.values),
    ]


def target_names() -> list[str]:
    """Return the names of the issue's targets, in order."""
    return [target.name for target in targets(Measurement([], {}, {}, {}))]


def condition_table(measurement: Measurement) -> list[str]:
    """Return the markdown table of accuracy, honesty and time per condition."""
    lines = ["| condition | scans unreadable | pages | values | right | filled values right "
             "| flagged | confident-but-wrong | s/page |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name in CONDITION_NAMED:
        tally = measurement.tally(condition=name)
        if not tally.values:
            continue
        pages = measurement.pages[name]
        seconds = measurement.seconds.get(name)
        per_page = f"{seconds / pages:.1f}" if seconds is not None and pages else "—"
        lines.append(
            f"| {name} | {len(measurement.unreadable.get(name, []))} | {pages} | {tally.values} "
            f"| {tally.right_percent:.1f}% | {_share(tally.filled_right, tally.filled)} "
            f"| {_share(tally.flagged, tally.values)} "
            f"| {_share(tally.confidently_wrong, tally.values)} | {per_page} |")
    return lines


def kind_table(measurement: Measurement) -> list[str]:
    """Return the markdown table of values right per kind (rows) and condition (columns)."""
    conditions = [name for name in CONDITION_NAMED if measurement.tally(condition=name).values]
    lines = ["| kind | " + " | ".join(conditions) + " | all | confident-but-wrong |",
             "| --- |" + " --- |" * (len(conditions) + 2)]
    for kind in GROUPS:
        every = measurement.tally(kind=kind)
        if not every.values:
            continue
        cells = []
        for name in conditions:
            tally = measurement.tally(condition=name, kind=kind)
            cells.append(_share(tally.right, tally.values))
        lines.append(f"| {kind} | " + " | ".join(cells)
                     + f" | {_share(every.right, every.values)} "
                       f"| {_share(every.confidently_wrong, every.values)} |")
    return lines


def target_table(found: list[Target], seconds_per_page: float) -> list[str]:
    """Return the markdown table of the issue's targets, measured."""
    lines = ["| target | measured | values | met |", "| --- | --- | --- | --- |"]
    for target in found:
        sign = "≤" if target.at_most else "≥"
        lines.append(f"| {target.name} {sign} {target.target:g} | {target.measured:.1f} "
                     f"| {target.count} | {'yes' if target.met else 'no'} |")
    met = seconds_per_page <= SECONDS_PER_PAGE
    lines.append(f"| seconds per page ≤ {SECONDS_PER_PAGE:g} | {seconds_per_page:.1f} | — "
                 f"| {'yes' if met else 'no'} |")
    return lines


def _share(part: int, whole: int) -> str:
    """Return "12.3% (n)" for a share, "—" for nothing."""
    return f"{Tally.percent(part, whole):.1f}% ({whole})" if whole else "—"


def report(measurement: Measurement) -> str:
    """Return every table, the wrong values and the contract breaches as text."""
    lines = ["## Per condition", *condition_table(measurement), "", "## Per kind",
             *kind_table(measurement), "", "## Targets",
             *target_table(targets(measurement), measurement.seconds_per_page()), ""]
    wrong = measurement.wrong()
    lines.append(f"## Values read wrong ({len(wrong)})")
    lines += [f"- {s.file} {s.field}: expected {s.expected!r}, read {s.got!r}"
              f"{' (flagged)' if s.flagged else ''}{' (under seal)' if s.under_seal else ''}"
              for s in wrong[:200]]
    if measurement.breaches:
        lines += ["", f"## Contract breaches ({len(measurement.breaches)})",
                  *(f"- {b}" for b in measurement.breaches[:50])]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure the scans under --out and print the report; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TESTS.parent / "out" / "scancorpus")
    parser.add_argument("--together", action="store_true", help="one parse call for all")
    arguments = parser.parse_args(argv)
    measurement = measure(arguments.out, together=arguments.together)
    print(report(measurement))
    return 0 if all(t.met for t in targets(measurement)) else 1


if __name__ == "__main__":
    sys.exit(main())
