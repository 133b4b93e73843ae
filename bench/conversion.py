"""LibreOffice and pdfplumber: batched against one call per file, and a watch on soffice.

Every office measurement runs with a ``soffice`` stand-in first on PATH that logs each call
(how many files it was given) and then runs the real LibreOffice, so the benchmark can show
how many times tianbiao started LibreOffice for a batch.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pdfplumber

from parsers.batch import parse_paths
from parsers.office import WORD_2007, convert_batch, convert_on_all_cores
from parsers.pdf import read_pdf

LOG_VARIABLE = "TIANBIAO_BENCH_SOFFICE_LOG"
_DOCUMENT_SUFFIXES = (".doc", ".docx", ".pdf")


def install_soffice_watch(folder: Path, log: Path) -> dict[str, str]:
    """Write the logging ``soffice`` into `folder`; return the environment that uses it."""
    real = shutil.which("soffice") or shutil.which("libreoffice")
    if real is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "soffice"
    script.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$*" >> "${LOG_VARIABLE}"\n'
        f'exec "{real}" "$@"\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return {"PATH": f"{folder}{os.pathsep}{os.environ.get('PATH', '')}",
            LOG_VARIABLE: str(log)}


def soffice_calls(log: Path) -> list[int]:
    """Return, for each logged soffice call, how many documents it was given."""
    if not log.exists():
        return []
    return [sum(1 for word in line.split() if word.lower().endswith(_DOCUMENT_SUFFIXES))
            for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]


def convert_batched(files: list[str], target: str, out_dir: str,
                    infilter: str | None) -> dict[str, int]:
    """Convert `files` with one soffice per core; return how many converted."""
    results = convert_on_all_cores([Path(f) for f in files], target, Path(out_dir),
                                   infilter=infilter)
    return {"converted": sum(isinstance(r, Path) for r in results.values())}


def convert_one_by_one(files: list[str], out_dir: str) -> dict[str, int]:
    """Convert each .doc in `files` to .docx with its own soffice call."""
    converted = 0
    for index, file in enumerate(files):
        result = convert_batch([Path(file)], WORD_2007, Path(out_dir) / str(index),
                               infilter="MS Word 97")
        converted += sum(isinstance(r, Path) for r in result.values())
    return {"converted": converted}


def parse_with_pool(files: list[str]) -> dict[str, int]:
    """Parse `files` with tianbiao's `parse_paths`; return the count of each status."""
    counts: dict[str, int] = {}
    for record in parse_paths(files):
        counts[record.status] = counts.get(record.status, 0) + 1
    return counts


def read_pdfs(files: list[str]) -> dict[str, int]:
    """Read each PDF in `files` with tianbiao's pdfplumber reader; return tables found."""
    return {"tables": sum(len(read_pdf(file).tables) for file in files)}


def count_pages(files: list[str]) -> int:
    """Return the number of pages in the PDFs `files`."""
    pages = 0
    for file in files:
        with pdfplumber.open(file) as pdf:
            pages += len(pdf.pages)
    return pages
