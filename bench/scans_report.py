"""Measure how tianbiao reads stamped scans and phone photos; rewrite the tables of docs/scans.md.

Builds the scans of every chosen return of tests/data under every condition
(tests/scancorpus: 150/200 dpi, grey, tilt, a red seal, JPEG, a phone photo), reads them
with one `tianbiao parse --format jsonl` per condition and scores every value against the
return's expected record. Prints every figure and every value read wrong; ``--write`` puts
the tables into docs/scans.md between its markers.

    .venv/bin/python bench/scans_report.py --write     # the full set (a few hundred pages)
    .venv/bin/python bench/scans_report.py --quick     # the ten pages CI reads
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fontsetups import NOTO, build_config  # noqa: E402
from scancorpus.build import build, load_manifest  # noqa: E402
from scancorpus.cases import CONDITIONS, FULL, QUICK  # noqa: E402
from scancorpus.measure import (  # noqa: E402
    Measurement,
    condition_table,
    kind_table,
    measure,
    report,
    target_table,
    targets,
)

DOC = ROOT / "docs" / "scans.md"
BEGIN = "<!-- measured: begin (bench/scans_report.py writes what follows) -->"
END = "<!-- measured: end -->"


def scanned_table(manifest: dict) -> list[str]:
    """Return the markdown table of the returns scanned: form, case, pages, values."""
    lines = ["| form | return | pages | values | ticked boxes |", "| --- | --- | --- | --- | --- |"]
    seen = set()
    for scan in manifest["scans"]:
        if scan["source"] in seen:
            continue
        seen.add(scan["source"])
        values = len(scan["fields"]) + sum(len(row) for rows in scan["rows"].values()
                                           for row in rows)
        case = Path(scan["source"]).stem
        lines.append(f"| {scan['form']} | {case} | {scan['pages']} | {values} "
                     f"| {len(scan['checkboxes'])} |")
    return lines


def conditions_table(manifest: dict) -> list[str]:
    """Return the markdown table of the conditions, with the files each made."""
    lines = ["| condition | what | scans | pages | values under a seal |",
             "| --- | --- | --- | --- | --- |"]
    for condition in CONDITIONS:
        scans = [s for s in manifest["scans"] if s["condition"] == condition.name]
        if scans:
            lines.append(f"| {condition.name} | {condition.what} | {len(scans)} "
                         f"| {sum(s['pages'] for s in scans)} "
                         f"| {sum(len(s['under_seal']) for s in scans)} |")
    return lines


def measured_section(manifest: dict, measurement: Measurement, seconds_building: float | None,
                     quick: bool) -> str:
    """Return the generated part of docs/scans.md."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                            capture_output=True, check=False).stdout.strip() or "?"
    refused = [entry for entries in measurement.unreadable.values() for entry in entries]
    found = targets(measurement)
    lines = [
        BEGIN,
        f"Measured {dt.date.today().isoformat()} at commit {commit} on {os.cpu_count()} cores"
        f"{' (the CI set only)' if quick else ''}: "
        f"{len(manifest['scans'])} scans, {sum(s['pages'] for s in manifest['scans'])} pages, "
        f"{len(measurement.scores)} values; "
        + (f"building them took {seconds_building:.0f} s." if seconds_building is not None
           else "built by an earlier run."),
        "",
        f"Targets met: {sum(t.met for t in found)} of {len(found)}. "
        f"Scans read as unreadable: {len(refused)}."
        + (" While scans come back unreadable, the confident-but-wrong rate and the time per "
           "page say nothing (an unreadable file is never confidently wrong)." if refused else ""),
        "",
        "### Targets", "", *target_table(found, measurement.seconds_per_page()), "",
        "### Per condition", "", *condition_table(measurement), "",
        "### Per kind (values right)", "", *kind_table(measurement), "",
        "### What was scanned", "", *scanned_table(manifest), "",
        "### Conditions", "", *conditions_table(manifest), "",
    ]
    if refused:
        lines += ["### Unreadable scans (first ten)", "",
                  *(f"- {entry}" for entry in refused[:10]), ""]
    lines.append(END)
    return "\n".join(lines)


def write_doc(section: str) -> None:
    """Put `section` between the markers of docs/scans.md."""
    text = DOC.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    DOC.write_text(text[:start] + section + text[end:], encoding="utf-8")


def main() -> int:
    """Build, measure, print; with --write rewrite docs/scans.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "scancorpus")
    parser.add_argument("--quick", action="store_true", help="only the ten pages CI reads")
    parser.add_argument("--reuse", action="store_true", help="read the scans already built")
    parser.add_argument("--write", action="store_true", help="rewrite docs/scans.md")
    arguments = parser.parse_args()
    started = time.perf_counter()
    if arguments.reuse:
        manifest = load_manifest(arguments.out)
    else:
        fontconfig = build_config(NOTO, arguments.out / "fonts")
        manifest = build(arguments.out, QUICK if arguments.quick else FULL,
                         fontconfig=fontconfig)
    seconds_building = None if arguments.reuse else time.perf_counter() - started
    if manifest["docx_disagrees"]:
        print("the .docx reads otherwise than its expectation:", manifest["docx_disagrees"])
        return 1
    measurement = measure(arguments.out, scans=manifest["scans"])
    print(report(measurement))
    section = measured_section(manifest, measurement, seconds_building, arguments.quick)
    if arguments.write:
        write_doc(section)
        print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
