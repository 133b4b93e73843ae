"""Build the not-a-form corpus: documents that are none of tianbiao's forms, and near misses.

Each case (not_forms.py, near_misses.py) writes one document with python-docx, or with
openpyxl for a spreadsheet printout, and is saved into ``tests/notforms/`` in the shapes it
lists: the .docx as written, and .pdf / .doc made from it by LibreOffice (``soffice
--headless --convert-to``, one call per target, with a profile of its own).

``expected.json`` beside them says, per file, what a clerk expects ``parse`` to answer:
``form`` (null: not one of our forms), ``status``, ``why``, and for the reader of the
expectation ``nearest``: the form it is most likely to be taken for, where there is one.
The expectations are written by hand from what each builder puts in the document, never
taken from tianbiao's output.

Rebuild (overwrites the corpus files and expected.json)::

    .venv/bin/python tests/notforms/build_notforms_corpus.py [OUTDIR]

The seed notices are read from tests/seeds/.
This script does not import tianbiao.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import near_misses  # noqa: F401  (registers its cases)
import not_forms  # noqa: F401  (registers its cases)
from corpus_cases import CASES, HERE, Case
from notforms_docx import end_with_paragraph

TARGETS = {"pdf": "pdf", "doc": "doc:MS Word 97"}
SIZE_LIMIT = 100_000


def _convert(sources: list[Path], target: str, outdir: Path, profile: Path) -> None:
    """Convert `sources` to `target` in one soffice call, writing into `outdir`."""
    if not sources:
        return
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", TARGETS[target], "--outdir", str(outdir),
                    *map(str, sources)], check=True, capture_output=True, timeout=600)


def _expectation(item: Case, shape: str) -> dict[str, object]:
    entry: dict[str, object] = {"file": f"{item.stem}.{shape}", "form": item.form,
                                "status": item.status, "why": item.why}
    if item.nearest:
        entry["nearest"] = item.nearest
    return entry


def build(out: Path) -> list[dict[str, object]]:
    """Write every case into `out` in its shapes and return the expectations, file by file."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="notforms-") as scratch_name:
        scratch = Path(scratch_name)
        pending: dict[str, list[Path]] = {target: [] for target in TARGETS}
        for item in CASES:
            document = item.build()
            suffix = ".xlsx" if type(document).__name__ == "Workbook" else ".docx"
            if suffix == ".docx":
                end_with_paragraph(document)  # type: ignore[arg-type]
            source = scratch / f"{item.stem}{suffix}"
            document.save(source)  # type: ignore[attr-defined]
            if "docx" in item.shapes:
                shutil.copyfile(source, out / source.name)
            for target in TARGETS:
                if target in item.shapes:
                    pending[target].append(source)
        for target, sources in pending.items():
            _convert(sources, target, out, scratch / "profile")
    listed = sorted(CASES, key=lambda item: item.stem.startswith("nearmiss"))  # look-alikes first
    expected = [_expectation(item, shape) for item in listed for shape in item.shapes]
    for entry in expected:
        size = (out / str(entry["file"])).stat().st_size
        assert size < SIZE_LIMIT, f"{entry['file']}: {size} bytes"
    (out / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return expected


if __name__ == "__main__":
    written = build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
    print(f"{len(written)} files")
