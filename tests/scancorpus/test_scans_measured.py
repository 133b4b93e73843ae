"""Issue 14's targets, held in CI on a few scanned and photographed pages.

Twelve pages (scancorpus.cases.QUICK: every condition and file kind, a checkbox form twice,
the 35-row score table once) are read by `tianbiao parse --format jsonl` in one call, as any
tool would; nothing here imports the reader. Targets, on the issue's conditions (a photo
forwarded by a chat app and one taken in a hurry are harder than it asks: read here for the
contract, measured in docs/scans.md): ≥ 95% of fields right on clean scans, ≥ 90% under a
seal and on phone photos, checkboxes ≥ 98%, confident-but-wrong ≤ 0.5%; every
value read from an image says so ("source": "scan", a confidence), and an uncertain value
is a ``scan_uncertain`` problem naming its field. docs/scans.md has the full run
(bench/scans_report.py). Where a target is not met yet, the level measured is held instead
(RECORDED): a figure that gets worse fails, and docs/scans.md explains the gap.
"""

from __future__ import annotations

import pytest

from scancorpus.measure import Measurement, measure, report, target_names, targets

pytestmark = pytest.mark.office

# Targets not met yet on these pages, each held at the level measured: none now.
RECORDED: dict[str, float] = {}


@pytest.fixture(scope="module")
def measured(quick_scans) -> Measurement:
    """Return the CI scans read and scored."""
    out, manifest = quick_scans
    return measure(out, together=True, scans=manifest["scans"])


def _require_the_reader(measurement: Measurement) -> None:
    """Fail, saying why, when the scans come back unreadable: there is no scan reader yet."""
    refused = [file for files in measurement.unreadable.values() for file in files]
    scans = len({score.file for score in measurement.scores})
    if refused:
        pytest.fail(f"{len(refused)} of the {scans} CI scans came back unreadable: a stamped "
                    "scan or a phone photo must be read (issue 14, the scan reader). "
                    f"First: {refused[0]}", pytrace=False)


def test_every_scan_is_read(measured):
    _require_the_reader(measured)


@pytest.mark.parametrize("name", target_names())
def test_target(measured, name):
    _require_the_reader(measured)
    found = {t.name: t for t in targets(measured)}[name]
    assert found.count, f"no value in the CI scans counts for {name}"
    sign = "≤" if found.at_most else "≥"
    if found.met:
        return
    held = RECORDED.get(name)
    assert held is not None, (f"{name}: {found.measured:.1f} over {found.count} values, "
                              f"the target is {sign} {found.target:g}\n{report(measured)}")
    kept = found.measured <= held if found.at_most else found.measured >= held
    assert kept, (f"{name}: {found.measured:.1f} over {found.count} values, worse than the "
                  f"{held:g} recorded (target {sign} {found.target:g})\n{report(measured)}")


def test_values_read_from_an_image_say_so(measured):
    _require_the_reader(measured)
    assert not measured.breaches, "\n".join(measured.breaches[:30])
