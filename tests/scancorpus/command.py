"""Run `tianbiao parse --format jsonl` on files and return its records, as another tool would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


class ParseCommandError(RuntimeError):
    """`tianbiao parse` ended in an error, or wrote no record for some file."""


def tianbiao() -> str:
    """Return the tianbiao command beside this Python, else the one on the PATH."""
    beside = Path(sys.executable).with_name("tianbiao")
    found = str(beside) if beside.is_file() else shutil.which("tianbiao")
    if found is None:
        raise ParseCommandError("the tianbiao command is not installed: make .venv/.installed")
    return found


def parse_files(files: list[Path], *, timeout: float = 3600.0
                ) -> tuple[list[dict[str, Any]], float]:
    """Return the record of each file (in the order given) and the seconds the command took."""
    with tempfile.TemporaryDirectory(prefix="scancorpus-parse-") as folder:
        out = Path(folder) / "records.jsonl"
        command = [tianbiao(), "parse", "--format", "jsonl", "--out", str(out),
                   *(str(file) for file in files)]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              check=False)
        seconds = time.perf_counter() - started
        if done.returncode not in (0, 1) or not out.is_file():
            raise ParseCommandError(f"tianbiao parse exited {done.returncode}: "
                                    f"{done.stderr.strip()[-2000:]}")
        lines = out.read_text(encoding="utf-8").splitlines()
    by_file = {}
    for line in lines:
        if line.strip():
            record = json.loads(line)
            by_file[record["file"]] = record
    missing = [str(file) for file in files if str(file) not in by_file]
    if missing:
        raise ParseCommandError(f"tianbiao parse wrote no record for {missing[:5]}")
    return [by_file[str(file)] for file in files], seconds
