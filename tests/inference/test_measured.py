"""Issue 12's figures, held in CI: what ``forms infer`` finds and how well it then reads.

The blank templates of the built-in forms and the blanks of tests/othernotices are inferred
as .docx, .doc and .pdf; returns are read with the inferred definitions. Each test holds a
target of the issue where it is met, and the figure measured on the day it was written
where it is not (RECORDED): a figure that drops fails. docs/inference.md has the full run
(``make inference-report``) and explains each gap. Two returns a form of tests/data and
tests/outside stand for those corpora here; their re-saved, .doc and .pdf copies are the
corpus tests' own (conftest.read_in_every_shape converts them once a session).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import read_in_every_shape
from measured import (
    corpus_scores,
    definition_scores,
    filled_copies,
    infer_blank,
    infer_blanks,
    other_notice_scores,
    round_trip_scores,
    total,
)
from measuring import Accuracy
from shapes import (
    BLANK_SHAPES,
    DATA,
    OUTSIDE,
    RETURN_SHAPES,
    convert_shapes,
    corpus_cases,
    other_notice_forms,
    other_notice_returns,
    write_blanks,
)

from forms.registry import all_forms

# The targets of issue 12.
BLANKS_FOUND = 98.0
KINDS_RIGHT = 95.0
WITHIN_POINTS = 2.0
OTHER_NOTICES = 95.0
# What was measured where a target is not met yet (percent; for the corpora, the points
# the inferred definition reads below the hand-written one). Raise these as inference
# improves; docs/inference.md explains each gap.
RECORDED: dict[str, dict[str, float]] = {
    # Measured 2026-12-05 on this subset; where a target is met the target is what holds.
    "blanks found": {"docx": 99.0, "doc": 99.0, "pdf": 99.0},
    "kinds right": {"docx": 100.0, "doc": 100.0, "pdf": 100.0},
    "points below hand-written": {"docx": 0.0, "libreoffice": 0.0, "doc": 0.0, "pdf": 1.4},
    "other notices": {"docx": 97.0, "doc": 97.0, "pdf": 96.9},
    # tianbiao's own copy of an inferred definition, every blank filled, read back with it
    "round trip": {"docx": 100.0, "libreoffice": 100.0, "doc": 100.0, "pdf": 99.1},
}
OTHER_SHAPES = ("docx", "doc", "pdf")


@pytest.fixture(scope="session")
def measured(tmp_path_factory, soffice, font_configs):
    """Return every figure: definitions, corpus, other notices, round trips."""
    folder = tmp_path_factory.mktemp("inference")
    given = {}
    for cases in (sorted(DATA.glob("*/*.docx")), sorted(OUTSIDE.glob("*/*.docx"))):
        records = read_in_every_shape(cases, tmp_path_factory.mktemp("corpus"), font_configs)
        given.update({key: record.file for key, record in records.items()})
    given = {(shape, case): Path(file) for (shape, case), file in given.items()
             if shape in RETURN_SHAPES}
    blanks = write_blanks(all_forms(), folder / "blanks")
    others = other_notice_forms()
    other_blanks = {form.name: form / "blank.docx" for form in others}
    other_returns = [r for form in others for r in other_notice_returns(form)]
    cases = corpus_cases(subset=True)
    # Tianbiao's own copy of each other notice's inferred definition, filled.
    from_docx = {name: infer_blank(path, name, "docx").spec
                 for name, path in other_blanks.items()}
    copies, unfilled = filled_copies(from_docx, folder / "filled")
    filled = [path for path, _ in copies.values()]
    shapes = convert_shapes([*blanks.values(), *other_blanks.values()],
                            cases + other_returns + filled, folder, given=given,
                            pdf_fonts=font_configs["pdf"], resaved=filled)
    assert not shapes.failures, shapes.failures
    inferred = infer_blanks(blanks, shapes)
    other_inferred = infer_blanks(other_blanks, shapes)
    built_in = {name: one.spec for (name, shape), one in inferred.items() if shape == "docx"}
    return {
        "inferred": {**inferred, **other_inferred},
        "definitions": definition_scores(inferred),
        "corpus": corpus_scores(cases, shapes, RETURN_SHAPES, built_in),
        "other": other_notice_scores(others, shapes, OTHER_SHAPES, other_inferred),
        "round trip": round_trip_scores(copies, shapes, RETURN_SHAPES, from_docx),
        "unfilled": unfilled,
    }


def at_least(figure: float, target: float, recorded: float, what: str) -> None:
    """Assert `figure` meets `target`, or where it does not yet, the `recorded` figure."""
    floor = min(target, recorded)
    assert figure >= floor - 1e-9, (
        f"{what}: {figure:.1f}%, below {'the target' if floor == target else 'the recorded'}"
        f" {floor:.1f}% (target {target:g}%)")


def test_every_blank_attachment_gives_a_definition(measured):
    failed = {key: one.error for key, one in measured["inferred"].items() if one.error}
    assert not failed


def test_every_inferred_definition_but_one_gives_a_copy_to_fill(measured):
    # facility-survey: tests/filling.py stops on the inferred table (zip() argument 2 is
    # longer than argument 1: a row with more cells than the filler places). Listed so that
    # the day it fills, the test says so.
    assert set(measured["unfilled"]) == {"facility-survey"}


@pytest.mark.parametrize("shape", BLANK_SHAPES)
def test_blanks_found(measured, shape):
    scores = [s for s in measured["definitions"] if s.shape == shape]
    found = 100.0 * sum(s.found for s in scores) / sum(s.blanks for s in scores)
    at_least(found, BLANKS_FOUND, RECORDED["blanks found"][shape], f"blanks found ({shape})")


@pytest.mark.parametrize("shape", BLANK_SHAPES)
def test_kinds_right(measured, shape):
    scores = [s for s in measured["definitions"] if s.shape == shape]
    right = 100.0 * sum(s.kinds_right for s in scores) / sum(s.found for s in scores)
    at_least(right, KINDS_RIGHT, RECORDED["kinds right"][shape], f"kinds right ({shape})")


@pytest.mark.parametrize("shape", RETURN_SHAPES)
def test_returns_read_with_the_inferred_definition_nearly_as_well(measured, shape):
    scores = [s for s in measured["corpus"] if s.shape == shape]
    hand, inferred = total(scores, "hand_fields"), total(scores, "fields")
    below = hand.percent - inferred.percent
    allowed = max(WITHIN_POINTS, RECORDED["points below hand-written"][shape])
    assert below <= allowed + 1e-9, (
        f"{shape}: inferred {inferred.percent:.1f}% vs hand-written {hand.percent:.1f}%",
        inferred.wrong[:20])


@pytest.mark.parametrize("shape", OTHER_SHAPES)
def test_other_notices_read_with_the_definition_inferred_from_their_blank(measured, shape):
    scores = [s for s in measured["other"] if s.shape == f"docx→{shape}"]
    values = Accuracy()
    for score in scores:
        values.add(score.fields)
        values.add(score.cells)
    at_least(values.percent, OTHER_NOTICES, RECORDED["other notices"][shape],
             f"other notices ({shape})")


@pytest.mark.parametrize("shape", RETURN_SHAPES)
def test_a_copy_made_from_the_inferred_definition_reads_back_with_it(measured, shape):
    scores = [s for s in measured["round trip"] if s.shape == shape]
    values = total(scores, "fields")
    at_least(values.percent, 100.0, RECORDED["round trip"][shape], f"round trip ({shape})")
