"""The peak memory of one command and its workers, measured from a small launcher.

Measured straight from the test session, a child's peak would start at the session's own
size: Python starts a child with vfork, and until the child runs the command it shares the
session's memory, which a long test session (OCR models loaded, corpora read) makes large.
A fresh, small launcher starts the command instead and reports the peak of that command and
its workers only (wait4: the largest of them).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

_LAUNCHER = """
import json, os, subprocess, sys
command, cwd, out, err = json.loads(sys.argv[1])
with open(out, "w") as stdout, open(err, "w") as stderr:
    process = subprocess.Popen(command, cwd=cwd, stdout=stdout, stderr=stderr)
    _, status, usage = os.wait4(process.pid, 0)
print(json.dumps([os.waitstatus_to_exitcode(status), usage.ru_maxrss]))
"""


def run_measured(command: Sequence[str], cwd: Path, out: Path, err: Path) -> tuple[int, int]:
    """Run `command` writing to `out` and `err`; return its exit code and peak RSS (KB)."""
    done = subprocess.run([sys.executable, "-c", _LAUNCHER,
                           json.dumps([list(command), str(cwd), str(out), str(err)])],
                          capture_output=True, text=True, check=True)
    code, peak = json.loads(done.stdout)
    return int(code), int(peak)
