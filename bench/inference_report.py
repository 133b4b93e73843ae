"""`make inference-report`: measure ``forms infer`` and rewrite the tables of docs/inference.md.

Infers a definition from the blank template of each built-in form and from each blank of
tests/othernotices, as .docx, .doc and .pdf; compares the first with the hand-written
definitions; reads every return of tests/data, tests/outside and tests/othernotices in four
shapes with the inferred definitions (and the built-in ones with the hand-written too).
LibreOffice runs once per target for all files. Prints every figure and every value read
wrong; ``--write`` puts the tables into docs/inference.md between its markers.

    .venv/bin/python bench/inference_report.py --write        # all returns (a few minutes)
    .venv/bin/python bench/inference_report.py --quick        # two returns a form
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "inference")]

from fontsetups import NOTO, build_config  # noqa: E402
from measured import (  # noqa: E402
    ReadScore,
    corpus_scores,
    definition_scores,
    filled_copies,
    infer_blank,
    infer_blanks,
    other_notice_scores,
    round_trip_scores,
    total,
)
from measuring import Accuracy, DefinitionScore  # noqa: E402
from shapes import (  # noqa: E402
    BLANK_SHAPES,
    RETURN_SHAPES,
    convert_shapes,
    corpus_cases,
    other_notice_forms,
    other_notice_returns,
    write_blanks,
)

from forms.registry import all_forms  # noqa: E402

DOC = ROOT / "docs" / "inference.md"
BEGIN = "<!-- measured: begin (bench/inference_report.py writes what follows) -->"
END = "<!-- measured: end -->"
# The targets of issue 12.
BLANKS_FOUND = 98.0
KINDS_RIGHT = 95.0
WITHIN_POINTS = 2.0
OTHER_NOTICES = 95.0
INFER_SECONDS = {"docx": 1.0, "doc": 1.0, "pdf": 3.0}


def main() -> int:
    """Measure, print, and with --write rewrite docs/inference.md's tables."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="two returns a form")
    parser.add_argument("--write", action="store_true", help="rewrite docs/inference.md")
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tianbiao-infer-report-") as scratch:
        folder = Path(scratch)
        specs = [s for s in all_forms()]
        blanks = write_blanks(specs, folder / "blanks")
        others = other_notice_forms()
        other_blanks = {form.name: form / "blank.docx" for form in others}
        cases = corpus_cases(subset=args.quick)
        from_docx_blank = {name: infer_blank(path, name, "docx").spec
                           for name, path in other_blanks.items()}
        copies, unfilled = filled_copies(from_docx_blank, folder / "filled")
        returns = cases + [r for form in others for r in other_notice_returns(form)]
        returns += [path for path, _ in copies.values()]
        print(f"LibreOffice: {len(blanks) + len(others)} blanks, {len(returns)} returns ...",
              flush=True)
        shapes = convert_shapes([*blanks.values(), *other_blanks.values()], returns, folder,
                                pdf_fonts=build_config(NOTO, folder / "fonts"))
        for what, why in shapes.failures.items():
            print(f"  not converted: {what}: {why}")
        print(f"  [{time.perf_counter() - started:.0f} s] inferring ...", flush=True)
        inferred = infer_blanks(blanks, shapes)
        other_inferred = infer_blanks(other_blanks, shapes)
        definitions = definition_scores(inferred)
        print(f"  [{time.perf_counter() - started:.0f} s] reading returns ...", flush=True)
        from_docx = {name: one.spec for (name, shape), one in inferred.items()
                     if shape == "docx"}
        corpus = corpus_scores(cases, shapes, RETURN_SHAPES, from_docx)
        other = other_notice_scores(others, shapes, RETURN_SHAPES, other_inferred)
        trips = round_trip_scores(copies, shapes, RETURN_SHAPES, from_docx_blank)
    seconds = {shape: [one.seconds for (_, s), one in {**inferred, **other_inferred}.items()
                       if s == shape and one.inference] for shape in BLANK_SHAPES}
    text = render(definitions, corpus, other, seconds, quick=args.quick)
    text += "\n" + render_round_trips(trips, unfilled)
    print(text)
    print(details(definitions, corpus, other))
    for trip in trips:
        for entry in trip.fields.wrong:
            print(f"round trip: {entry}")
    if args.write:
        write_into_doc(text)
        print(f"wrote {DOC.relative_to(ROOT)}")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


def render(definitions: list[DefinitionScore], corpus: list[ReadScore],
           other: list[ReadScore], seconds: dict[str, list[float]], *, quick: bool) -> str:
    """Return the measured figures as Markdown tables, the targets first."""
    lines = [f"Measured {time.strftime('%Y-%m-%d')}"
             + ("（--quick：每表只读两份回执）" if quick else "") + "."]
    lines += ["", "### Targets", "", *targets(definitions, corpus, other, seconds)]
    lines += ["", "### Definitions inferred from the 14 blank templates", "",
              "| form | shape | blanks found | missed | extra | kinds right | units right |"
              " items right | repeats right | points | s |",
              "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |"]
    for score in definitions:
        lines.append(
            f"| {score.form} | {score.shape} | {score.found}/{score.blanks} |"
            f" {len(score.missed)} | {len(score.extra)} | {score.kinds_right}/{score.found} |"
            f" {score.units_right}/{score.found} | {score.items_right}/{score.items} |"
            f" {score.repeats_right}/{score.repeats} | {'✓' if score.points_right else '✗'} |"
            f" {score.seconds:.2f} |")
    for shape in BLANK_SHAPES:
        mine = [s for s in definitions if s.shape == shape]
        lines.append(f"| **all** | {shape} | {_share(mine, 'found', 'blanks')} |"
                     f" {sum(len(s.missed) for s in mine)} | {sum(len(s.extra) for s in mine)}"
                     f" | {_share(mine, 'kinds_right', 'found')} |"
                     f" {_share(mine, 'units_right', 'found')} |"
                     f" {_share(mine, 'items_right', 'items')} |"
                     f" {_share(mine, 'repeats_right', 'repeats')} |"
                     f" {sum(s.points_right for s in mine)}/{len(mine)} | |")
    lines += ["", "### Returns of the built-in forms read with the inferred definition",
              "", "The definition inferred from the blank .docx, beside the hand-written one,"
              " on the same files (tests/data and tests/outside).", "",
              "| form | shape | files | fields, hand-written | fields, inferred | difference |"
              " row cells, hand-written | row cells, inferred |",
              "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for score in corpus:
        lines.append(_read_row(score))
    for shape in RETURN_SHAPES:
        lines.append(_read_row(_summed([s for s in corpus if s.shape == shape], "**all**",
                                       shape)))
    lines += ["", "### The other notices (tests/othernotices)", "",
              "Inferred from blank.docx; every return read in four shapes.", "",
              "| form | shape | files | fields | table cells | all values |",
              "| --- | --- | ---: | ---: | ---: | ---: |"]
    for score in other:
        if score.shape.startswith("docx→"):
            lines.append(_other_row(score, score.shape.split("→")[1]))
    lines += ["", "All forms together, by the shape the blank was inferred from (rows) and"
              " the shape of the returns (columns): all values read right.", "",
              "| blank \\ return | " + " | ".join(RETURN_SHAPES) + " |",
              "| --- |" + " ---: |" * len(RETURN_SHAPES)]
    for blank in BLANK_SHAPES:
        cells = []
        for shape in RETURN_SHAPES:
            mine = [s for s in other if s.shape == f"{blank}→{shape}"]
            cells.append(_percent(_values(mine)))
        lines.append(f"| {blank} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def render_round_trips(trips: list[ReadScore], unfilled: dict[str, str]) -> str:
    """Return the table of tianbiao's own copies of the inferred definitions, read back."""
    lines = ["", "### A copy made from the inferred definition, read back with it", "",
             "tianbiao's blank form of each other notice's inferred definition (from"
             " blank.docx), every blank filled (tests/filling.py), read in four shapes.", "",
             "| form | " + " | ".join(RETURN_SHAPES) + " |",
             "| --- |" + " ---: |" * len(RETURN_SHAPES)]
    for form in dict.fromkeys(t.form for t in trips):
        cells = [_percent(next(t.fields for t in trips if t.form == form and t.shape == shape))
                 for shape in RETURN_SHAPES]
        lines.append(f"| {form} | " + " | ".join(cells) + " |")
    for form, why in unfilled.items():
        lines.append(f"| {form} | not filled: {why} |" + " |" * (len(RETURN_SHAPES) - 1))
    return "\n".join(lines)


def targets(definitions: list[DefinitionScore], corpus: list[ReadScore],
            other: list[ReadScore], seconds: dict[str, list[float]]) -> list[str]:
    """Return the targets of issue 12 as a Markdown table: the figure and whether it is met."""
    rows = ["| target | figure | met |", "| --- | --- | --- |"]

    def add(name: str, figure: str, met: bool) -> None:
        rows.append(f"| {name} | {figure} | {'yes' if met else '**no**'} |")

    for shape in BLANK_SHAPES:
        mine = [s for s in definitions if s.shape == shape]
        found = _ratio(mine, "found", "blanks")
        kinds = _ratio(mine, "kinds_right", "found")
        add(f"blanks found ≥ {BLANKS_FOUND:g}% ({shape})", f"{found:.1f}%", found >= BLANKS_FOUND)
        add(f"kinds right ≥ {KINDS_RIGHT:g}% ({shape})", f"{kinds:.1f}%", kinds >= KINDS_RIGHT)
    for shape in RETURN_SHAPES:
        mine = [s for s in corpus if s.shape == shape]
        hand, inferred = total(mine, "hand_fields"), total(mine, "fields")
        gap = hand.percent - inferred.percent
        add(f"fields read with the inferred definition within {WITHIN_POINTS:g} points of the"
            f" hand-written ({shape})",
            f"{inferred.percent:.1f}% vs {hand.percent:.1f}% ({-gap:+.1f})",
            gap <= WITHIN_POINTS)
    for shape in RETURN_SHAPES:
        values = _values([s for s in other if s.shape == f"docx→{shape}"])
        add(f"other notices ≥ {OTHER_NOTICES:g}% ({shape})", _percent(values),
            values.percent >= OTHER_NOTICES)
    for shape, limit in INFER_SECONDS.items():
        times = seconds.get(shape) or [0.0]
        note = "，不含 LibreOffice 转换" if shape == "doc" else ""
        add(f"inferring a form under {limit:g} s ({shape})",
            f"median {statistics.median(times):.2f} s, slowest {max(times):.2f} s{note}",
            max(times) < limit)
    return rows


def details(definitions: list[DefinitionScore], corpus: list[ReadScore],
            other: list[ReadScore]) -> str:
    """Return every blank missed, extra or guessed wrong and every value read wrong."""
    lines = ["", "===== What inference got wrong ====="]
    for score in definitions:
        parts = [("missed", score.missed), ("extra", score.extra),
                 ("kind", score.wrong_kinds), ("unit", score.wrong_units),
                 ("item", score.wrong_items), ("repeat", score.wrong_repeats)]
        if score.error:
            lines.append(f"{score.form} {score.shape}: FAILED {score.error}")
        for name, found in parts:
            for entry in found:
                lines.append(f"{score.form} {score.shape} {name}: {entry}")
        if not score.points_right:
            lines.append(f"{score.form} {score.shape} points: wrong")
    lines += ["", "===== Values read wrong (inferred definition) ====="]
    for score in corpus + [s for s in other if s.shape.startswith("docx→")]:
        for entry in score.fields.wrong + score.cells.wrong:
            lines.append(f"{score.form} {score.shape}: {entry}")
    return "\n".join(lines)


def write_into_doc(text: str) -> None:
    """Replace what stands between the markers of docs/inference.md with `text`."""
    doc = DOC.read_text(encoding="utf-8")
    head, _, rest = doc.partition(BEGIN)
    _, _, tail = rest.partition(END)
    if not rest:
        raise SystemExit(f"{DOC} has no line {BEGIN!r}")
    DOC.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")


def _ratio(scores: list[DefinitionScore], part: str, whole: str) -> float:
    top = sum(getattr(s, part) for s in scores)
    bottom = sum(getattr(s, whole) for s in scores)
    return 100.0 * top / bottom if bottom else 100.0


def _share(scores: list[DefinitionScore], part: str, whole: str) -> str:
    top = sum(getattr(s, part) for s in scores)
    bottom = sum(getattr(s, whole) for s in scores)
    return f"{top}/{bottom} ({_ratio(scores, part, whole):.1f}%)"


def _percent(accuracy: Accuracy) -> str:
    return f"{accuracy.percent:.1f}% ({accuracy.right}/{accuracy.total})"


def _values(scores: list[ReadScore]) -> Accuracy:
    summed = total(scores, "fields")
    summed.add(total(scores, "cells"))
    return summed


def _summed(scores: list[ReadScore], form: str, shape: str) -> ReadScore:
    summed = ReadScore(form, shape, sum(s.files for s in scores))
    for name in ("hand_fields", "hand_cells", "fields", "cells"):
        setattr(summed, name, total(scores, name))
    return summed


def _read_row(score: ReadScore) -> str:
    gap = score.fields.percent - score.hand_fields.percent
    cells = (f"{_percent(score.hand_cells)} | {_percent(score.cells)}"
             if score.hand_cells.total else "– | –")
    return (f"| {score.form} | {score.shape} | {score.files} | {_percent(score.hand_fields)} |"
            f" {_percent(score.fields)} | {gap:+.1f} | {cells} |")


def _other_row(score: ReadScore, shape: str) -> str:
    cells = _percent(score.cells) if score.cells.total else "–"
    return (f"| {score.form} | {shape} | {score.files} | {_percent(score.fields)} | {cells} |"
            f" {_percent(_values([score]))} |")


if __name__ == "__main__":
    sys.exit(main())
