"""Run the measurements of issue 12 over files made by ``shapes``: infer, compare, read.

Each file is read into its grid once; every definition (hand-written, inferred from each
shape of the blank) is applied to that one grid.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from measuring import (
    Accuracy,
    DefinitionScore,
    compare_definitions,
    corpus_accuracy,
    other_notice_accuracy,
    read_with,
)
from shapes import BLANK_SHAPES, Shapes, other_notice_returns

from forms.errors import TianbiaoError
from forms.model import FormSpec
from forms.registry import get_form
from inference import Inference, infer_grid
from parsers.batch import _with_lost_tables, read_grid
from parsers.grid import Grid


@dataclass
class Inferred:
    """The definition inferred from one shape of one blank, how long it took, or why not."""

    name: str
    shape: str
    inference: Inference | None
    seconds: float
    error: str | None = None

    @property
    def spec(self) -> FormSpec | None:
        """Return the inferred definition, or None when inference failed."""
        return self.inference.spec if self.inference else None


def infer_blank(path: Path, name: str, shape: str, word97: Path | None = None) -> Inferred:
    """Infer the definition of the blank read from `path` (already a .docx or .pdf).

    `word97` is the .doc `path` was converted from: a table LibreOffice lost is read from it,
    as `forms infer` does with a .doc.
    """
    started = time.perf_counter()
    try:
        grid = read_grid(str(path))
        if word97 is not None:
            grid = _with_lost_tables(grid, str(word97))
        inference = infer_grid(grid, name=f"{name}.{shape}")
    except Exception as error:
        return Inferred(name, shape, None, time.perf_counter() - started,
                        f"{type(error).__name__}: {error}")
    return Inferred(name, shape, inference, time.perf_counter() - started)


def infer_blanks(blanks: Mapping[str, Path], shapes: Shapes) -> dict[tuple[str, str], Inferred]:
    """Infer each blank (name → source .docx) in each of BLANK_SHAPES."""
    inferred = {}
    for name, source in blanks.items():
        for shape in BLANK_SHAPES:
            path = shapes.of(shape, source)
            if path is None:
                inferred[(name, shape)] = Inferred(name, shape, None, 0.0,
                                                   "LibreOffice 未能转换")
            else:
                word97 = shapes.word97[source] if shape == "doc" else None
                inferred[(name, shape)] = infer_blank(path, name, shape, word97)
    return inferred


def definition_scores(inferred: Mapping[tuple[str, str], Inferred]) -> list[DefinitionScore]:
    """Compare each definition inferred from a built-in form's blank with the hand-written."""
    scores = []
    for (name, shape), one in inferred.items():
        score = compare_definitions(get_form(name), one.spec, shape, one.error)
        score.seconds = one.seconds
        scores.append(score)
    return scores


@dataclass
class ReadScore:
    """Values read right in one form's returns of one shape, by one definition and another."""

    form: str
    shape: str
    files: int = 0
    hand_fields: Accuracy = field(default_factory=Accuracy)
    hand_cells: Accuracy = field(default_factory=Accuracy)
    fields: Accuracy = field(default_factory=Accuracy)
    cells: Accuracy = field(default_factory=Accuracy)


def return_grid(shapes: Shapes, shape: str, source: Path) -> Grid | None:
    """Return the grid of return `source` in `shape` as ``parse`` reads it, or None."""
    path = shapes.of(shape, source)
    if path is None:
        return None
    try:
        grid = read_grid(str(path))
    except TianbiaoError:
        return None
    if shape == "doc":
        # What parse_file does with a .doc: a table LibreOffice lost is read from the file.
        grid = _with_lost_tables(grid, str(shapes.word97[source]))
    return grid


def corpus_scores(cases: Iterable[Path], shapes: Shapes, return_shapes: Iterable[str],
                  inferred: Mapping[str, FormSpec | None]) -> list[ReadScore]:
    """Read the corpus `cases` with the hand-written and the `inferred` definitions (by form)."""
    scores: dict[tuple[str, str], ReadScore] = {}
    for case in cases:
        expected = json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))
        hand = get_form(expected["form"])
        spec = inferred.get(hand.id)
        for shape in return_shapes:
            score = scores.setdefault((hand.id, shape), ReadScore(hand.id, shape))
            score.files += 1
            grid = return_grid(shapes, shape, case)
            where = f"{case.parent.name}/{case.stem} {shape}"
            if grid is None:
                _count_unread(score, expected, hand, where)
                continue
            fields, cells = corpus_accuracy(read_with(grid, hand, str(case)), expected, hand,
                                            hand)
            score.hand_fields.add(_located(fields, where))
            score.hand_cells.add(_located(cells, where))
            if spec is None:
                _count_unread(score, expected, hand, where, hand_too=False)
                continue
            fields, cells = corpus_accuracy(read_with(grid, spec, str(case)), expected, hand,
                                            spec)
            score.fields.add(_located(fields, where))
            score.cells.add(_located(cells, where))
    return list(scores.values())


def _count_unread(score: ReadScore, expected: dict, hand: FormSpec, where: str, *,
                  hand_too: bool = True) -> None:
    total = sum(1 for f in expected["fields"] if hand.has_field(f))
    missed = Accuracy(0, total, [f"{where}: 未能读取或推断"])
    if hand_too:
        score.hand_fields.add(missed)
    score.fields.add(Accuracy(0, total, list(missed.wrong)))


def _located(accuracy: Accuracy, where: str) -> Accuracy:
    accuracy.wrong = [f"{where}: {w}" for w in accuracy.wrong]
    return accuracy


def other_notice_scores(forms: Iterable[Path], shapes: Shapes, return_shapes: Iterable[str],
                        inferred: Mapping[tuple[str, str], Inferred]) -> list[ReadScore]:
    """Read each other notice's returns with the definitions inferred from its blank.

    One score per form, blank shape and return shape: ``shape`` is "<blank>→<return>".
    """
    scores: list[ReadScore] = []
    for form in forms:
        returns = other_notice_returns(form)
        grids = {(shape, case): return_grid(shapes, shape, case)
                 for case in returns for shape in return_shapes}
        for blank_shape in BLANK_SHAPES:
            spec = inferred[(form.name, blank_shape)].spec
            for shape in return_shapes:
                score = ReadScore(form.name, f"{blank_shape}→{shape}")
                for case in returns:
                    score.files += 1
                    expected = json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))
                    grid = grids[(shape, case)]
                    where = f"{form.name}/{case.stem} {shape}"
                    if grid is None or spec is None:
                        score.fields.add(Accuracy(0, len(expected["fields"]),
                                                  [f"{where}: 未能读取或推断"]))
                        score.cells.add(Accuracy(0, sum(len(t["rows"]) * len(t["headers"])
                                                        for t in expected.get("tables", []))))
                        continue
                    fields, cells = other_notice_accuracy(read_with(grid, spec, str(case)),
                                                          expected, spec)
                    score.fields.add(_located(fields, where))
                    score.cells.add(_located(cells, where))
                scores.append(score)
    return scores


def total(scores: Iterable[ReadScore], which: str) -> Accuracy:
    """Return the sum of the `which` accuracy ("fields", "hand_fields", ...) of `scores`."""
    summed = Accuracy()
    for score in scores:
        summed.add(getattr(score, which))
    return summed


def filled_copies(inferred: Mapping[str, FormSpec | None], folder: Path
                  ) -> tuple[dict[str, tuple[Path, dict[str, Any]]], dict[str, str]]:
    """Write tianbiao's own copy of each inferred definition with every blank filled.

    Return, by name, the copy and the value each blank must read back as (by inferred id),
    and the definitions whose copy could not be filled, with why.
    """
    from filling import fill_every_blank

    folder.mkdir(parents=True, exist_ok=True)
    copies = {}
    failures = {}
    for name, spec in inferred.items():
        if spec is None or not spec.fields:
            continue
        try:
            filled = fill_every_blank(spec)
        except Exception as error:
            failures[name] = f"{type(error).__name__}: {error}"
            continue
        path = folder / f"{name}-filled.docx"
        filled.document.save(path)
        copies[name] = (path, filled.values)
    return copies, failures


def round_trip_scores(copies: Mapping[str, tuple[Path, dict[str, Any]]], shapes: Shapes,
                      return_shapes: Iterable[str], inferred: Mapping[str, FormSpec | None]
                      ) -> list[ReadScore]:
    """Read each filled copy back, in each shape, with the definition it was made from."""
    scores = []
    for name, (path, values) in copies.items():
        spec = inferred[name]
        assert spec is not None
        for shape in return_shapes:
            score = ReadScore(name, shape, 1)
            grid = return_grid(shapes, shape, path)
            got = ({} if grid is None else
                   {f.id: f.value for f in read_with(grid, spec, str(path)).fields})
            for field_id, want in values.items():
                score.fields.total += 1
                if got.get(field_id, _ABSENT) == want:
                    score.fields.right += 1
                else:
                    score.fields.wrong.append(f"{name} {shape} {field_id}: "
                                              f"{got.get(field_id, _ABSENT)!r}，应为 {want!r}")
            scores.append(score)
    return scores


_ABSENT = "（未读到）"
