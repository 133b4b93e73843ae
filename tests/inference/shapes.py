"""The files inference is measured on, in every shape, converted by LibreOffice in batches.

Three sets: the blank template of each built-in form (``forms.layout.build_blank_form``);
returns of the built-in forms (tests/data, tests/outside); the other notices' corpus
(tests/othernotices: ``blank.docx`` and its returns). Each file is read as sent (.docx), as
LibreOffice re-saved it, as Word 97 (.doc, read as ``forms infer`` and ``parse`` read one:
through LibreOffice back to .docx) and printed to PDF. Every target is ONE LibreOffice
batch over all the files that need it (on every core), never one call per file.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from forms.layout import build_blank_form
from forms.model import FormSpec
from parsers.office import WORD_97, WORD_2007, WRITER_PDF, convert_on_all_cores

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
OUTSIDE = ROOT / "tests" / "outside"
OTHER = ROOT / "tests" / "othernotices"
# A blank is inferred from these; a return is read in all four.
BLANK_SHAPES = ("docx", "doc", "pdf")
RETURN_SHAPES = ("docx", "libreoffice", "doc", "pdf")


@dataclass
class Shapes:
    """Where each source file is readable in each shape: (shape, source) → a .docx or .pdf."""

    paths: dict[tuple[str, Path], Path] = field(default_factory=dict)
    word97: dict[Path, Path] = field(default_factory=dict)  # source → its .doc
    failures: dict[str, str] = field(default_factory=dict)

    def of(self, shape: str, source: Path) -> Path | None:
        """Return the readable file of `source` in `shape`, or None when it could not be made."""
        return self.paths.get((shape, source))


def write_blanks(specs: Iterable[FormSpec], folder: Path) -> dict[str, Path]:
    """Write the blank template of each of `specs` as ``<id>.docx`` in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    blanks = {}
    for spec in specs:
        path = folder / f"{spec.id}.docx"
        build_blank_form(spec).save(path)
        blanks[spec.id] = path
    return blanks


def other_notice_forms() -> list[Path]:
    """Return the folders of the other notices' corpus, one per form."""
    return sorted(p.parent for p in OTHER.glob("*/blank.docx"))


def other_notice_returns(form: Path) -> list[Path]:
    """Return the returns of the other notice's `form` (each with its ``.json`` beside it)."""
    return sorted(p for p in form.glob("*.docx") if p.stem != "blank"
                  and p.with_suffix(".json").is_file())


def corpus_cases(*, subset: bool) -> list[Path]:
    """Return the returns of tests/data and tests/outside; `subset`: two per form and corpus.

    The subset keeps, per form, the return filled on the original attachment (or the first)
    and the last one by name: one plain return and one of the harder cases.
    """
    cases = sorted(DATA.glob("*/*.docx")) + sorted(OUTSIDE.glob("*/*.docx"))
    cases = [c for c in cases if c.with_suffix(".json").is_file()]
    if not subset:
        return cases
    chosen: list[Path] = []
    for folder in sorted({c.parent for c in cases}):
        mine = [c for c in cases if c.parent == folder]
        first = next((c for c in mine if "original" in c.stem), mine[0])
        chosen += [first] + ([mine[-1]] if mine[-1] != first else [])
    return chosen


def convert_shapes(blanks: Iterable[Path], returns: Iterable[Path], folder: Path, *,
                   given: Mapping[tuple[str, Path], Path] | None = None,
                   pdf_fonts: Path | None = None,
                   resaved: Iterable[Path] | None = None) -> Shapes:
    """Make every blank readable in BLANK_SHAPES and every return in RETURN_SHAPES.

    `given` holds shapes already made elsewhere (the corpus tests' re-saved, .doc and .pdf
    copies): those are not converted again, a given .doc only read back through LibreOffice.
    `pdf_fonts` is the fontconfig file the PDFs are printed with (tests/fontsetups.py).
    `resaved` are the returns also re-saved by LibreOffice (all of them when None).
    """
    given = dict(given or {})
    blank_list, return_list = list(blanks), list(returns)
    shapes = Shapes()
    for source in blank_list + return_list:
        shapes.paths[("docx", source)] = source
    # Unique names, so that each target stays one batch (LibreOffice writes <stem>.<ext>).
    named = {source: _unique_copy(source, folder / "sources", index)
             for index, source in enumerate(blank_list + return_list)}
    wanted = {
        "pdf": [s for s in blank_list + return_list if ("pdf", s) not in given],
        "doc": [s for s in blank_list + return_list if ("doc", s) not in given],
        "libreoffice": [s for s in (return_list if resaved is None else resaved)
                        if ("libreoffice", s) not in given],
    }
    targets = {"pdf": WRITER_PDF, "doc": WORD_97, "libreoffice": WORD_2007}
    made: dict[tuple[str, Path], Path] = {k: v for k, v in given.items()
                                          if k[0] in targets and k[1] in named}
    for shape, sources in wanted.items():
        if not sources:
            continue
        fonts = _fonts_of(pdf_fonts) if shape == "pdf" else nullcontext()
        with fonts:
            converted = convert_on_all_cores([named[s] for s in sources], targets[shape],
                                             folder / shape)
        for source in sources:
            result = converted[named[source]]
            if isinstance(result, Path):
                made[(shape, source)] = result
            else:
                shapes.failures[f"{shape} {source.name}"] = result.message
    for key, path in made.items():
        if key[0] != "doc":
            shapes.paths[key] = path
    # A .doc is read as the readers read it: LibreOffice turns it back into a .docx.
    docs = {source: _unique_copy(path, folder / "doc-sources", index)
            for index, ((shape, source), path) in enumerate(sorted(made.items()))
            if shape == "doc"}
    if docs:
        back = convert_on_all_cores(list(docs.values()), WORD_2007, folder / "doc-read",
                                    infilter="MS Word 97")
        for source, copy in docs.items():
            shapes.word97[source] = copy
            result = back[copy]
            if isinstance(result, Path):
                shapes.paths[("doc", source)] = result
            else:
                shapes.failures[f"doc {source.name}"] = result.message
    return shapes


def _unique_copy(source: Path, folder: Path, index: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / f"{index:03d}-{source.parent.name}-{source.name}"
    shutil.copyfile(source, copy)
    return copy


def _fonts_of(config: Path | None):  # type: ignore[no-untyped-def]
    from fontsetups import fonts_of

    return fonts_of(config)
