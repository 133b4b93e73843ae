"""How long ``forms infer`` takes on one blank attachment: .docx, .doc and .pdf (issue 12).

The blanks are the built-in forms' blank templates and tests/othernotices' blanks; LibreOffice
makes their .doc and .pdf (not timed). A .doc is timed twice: inference alone on what
LibreOffice reads it as, and the whole ``infer`` of one .doc with its own LibreOffice call.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.report import Target, table

if TYPE_CHECKING:
    from bench.run import Bench

LIMITS = {"docx": 1.0, "doc": 1.0, "pdf": 3.0}
ROOT = Path(__file__).resolve().parent.parent


def build_blanks(folder: Path) -> dict[str, list[str]]:
    """Write the blanks as .docx, .pdf and .doc, and the .doc read back as .docx, by shape."""
    from forms.layout import build_blank_form
    from forms.registry import all_forms
    from parsers.office import WORD_97, WORD_2007, WRITER_PDF, convert_on_all_cores

    docx = folder / "docx"
    docx.mkdir(parents=True, exist_ok=True)
    files = []
    for spec in all_forms():
        build_blank_form(spec).save(docx / f"{spec.id}.docx")
        files.append(docx / f"{spec.id}.docx")
    for blank in sorted((ROOT / "tests" / "othernotices").glob("*/blank.docx")):
        copy = docx / f"{blank.parent.name}.docx"
        copy.write_bytes(blank.read_bytes())
        files.append(copy)
    pdf = convert_on_all_cores(files, WRITER_PDF, folder / "pdf")
    doc = convert_on_all_cores(files, WORD_97, folder / "doc")
    docs = [p for p in doc.values() if isinstance(p, Path)]
    read = convert_on_all_cores(docs, WORD_2007, folder / "doc-read", infilter="MS Word 97")
    return {
        "docx": [str(f) for f in files],
        "pdf": sorted(str(p) for p in pdf.values() if isinstance(p, Path)),
        "doc": sorted(str(p) for p in read.values() if isinstance(p, Path)),
        "doc-whole": [str(p) for p in docs[:2]],
    }


def time_inference(files: list[str], *, whole: bool = False) -> dict[str, Any]:
    """Return the seconds ``infer`` takes on each of `files` (`whole`: as the CLI does)."""
    from inference import infer, infer_grid
    from parsers.batch import read_grid

    seconds: dict[str, float] = {}
    for file in files:
        started = time.perf_counter()
        if whole:
            infer(Path(file))
        else:
            infer_grid(read_grid(file), name=Path(file).name)
        seconds[Path(file).stem] = time.perf_counter() - started
    return {"times": [sum(seconds.values())], "files": len(files), "outcome": seconds}


def measure(bench: Bench) -> None:
    """Time inference per shape in fresh children; add the speed targets of issue 12."""
    print("\nforms infer: one blank attachment at a time", flush=True)
    shapes = build_blanks(bench.scratch / "infer")
    for shape, files in shapes.items():
        bench.measure(("infer", shape), f"infer {len(files)} blank {shape} files", {
            "task": "infer", "files": files, "whole": shape == "doc-whole"})
    rows = []
    for shape in ("docx", "doc", "pdf", "doc-whole"):
        result = bench.results.get(("infer", shape))
        if result is None:
            continue
        each = list(result.outcome.values())
        slowest = max(result.outcome, key=result.outcome.get)
        rows.append([shape, len(each), statistics.median(each), max(each), slowest])
        if shape in LIMITS:
            bench.targets.append(Target(
                f"forms infer on a blank {shape} under {LIMITS[shape]:g} s"
                + (" (LibreOffice's conversion not counted)" if shape == "doc" else ""),
                max(each) < LIMITS[shape],
                f"median {statistics.median(each):.2f} s, slowest {max(each):.2f} s ({slowest})"))
    print(table(["shape", "files", "median s", "slowest s", "slowest file"], rows))
