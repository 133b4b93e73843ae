"""Workers reading scans stay bounded, and a process that read a scan can still fork them.

The web server reads an upload in its own process, then a batch forks workers from it: a
worker must not inherit OCR's state in a way that makes it wait forever (a thread pool's
copy in a forked child never answers). Run in a separate process, so a hang fails the
test by its timeout instead of stopping the suite.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from peakmemory import run_measured

ROOT = Path(__file__).resolve().parents[2]
_SCRIPT = """
import sys
from parsers.batch import parse_paths
from parsers.scan import read_image
read_image(sys.argv[1])
records = list(parse_paths(sys.argv[1:], workers=2))
print(" ".join(r.form or "-" for r in records))
"""


def test_workers_forked_after_reading_a_scan_read_scans(scans):
    files = [str(scans.files["application.jpg"]), str(scans.files["application-smudged.jpg"])]
    result = subprocess.run([sys.executable, "-c", _SCRIPT, *files], cwd=ROOT,
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["hengyang-2018-application"] * 2


def test_a_worker_reading_scans_stays_under_a_gigabyte(scans, tmp_path):
    files = [str(scans.files["report-stamped.pdf"]), str(scans.files["application-photo.jpg"])]
    # The peak of this command and its workers only (tests/peakmemory.py says why).
    code, peak = run_measured(
        [sys.executable, "-c", "from cli import main; main()", "parse", "--format", "jsonl",
         *files], ROOT, tmp_path / "out", tmp_path / "err")
    assert code == 0
    assert peak < 1024 * 1024, f"{peak} KB"  # under 1 GB
