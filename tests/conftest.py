"""Shared fixtures: the sample campaign, generated once per session, and LibreOffice."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
sys.path.insert(0, str(SAMPLES))  # fill_as_school: the stand-in for a school's clerk

REPORT = "ruian-2022-report"
SAMPLE_LIST = SAMPLES / "ruian-2022-list.xlsx"
SHAPES = ["docx", "libreoffice", "doc", "pdf"]  # as sent, re-saved, Word 97, printed


def read_in_every_shape(cases: list[Path], base: Path) -> dict[tuple[str, Path], object]:
    """Return {(shape, case): record} for filled .docx `cases` in the four shapes schools send.

    LibreOffice converts all cases to a shape in one batch (re-saved .docx, .doc, .pdf, in
    folders under `base`); each shape is then parsed as one batch.
    """
    from parsers.batch import parse_paths
    from parsers.office import WORD_97, WORD_2007, WRITER_PDF, convert_batch

    shapes: dict[str, dict[Path, Path]] = {"docx": {case: case for case in cases}}
    for name, target in (("libreoffice", WORD_2007), ("doc", WORD_97), ("pdf", WRITER_PDF)):
        converted = convert_batch(cases, target, base / name)
        failed = {str(k): v for k, v in converted.items() if not isinstance(v, Path)}
        assert not failed, failed
        shapes[name] = dict(converted)  # type: ignore[arg-type]
    records: dict[tuple[str, Path], object] = {}
    for shape, files in shapes.items():
        for case, record in zip(cases, parse_paths([str(files[c]) for c in cases]), strict=True):
            records[(shape, case)] = record
    return records


@pytest.fixture(scope="session")
def sample_roster():
    """Return the 瑞安 project list read from the sample workbook."""
    from rosters.roster import read_roster

    return read_roster(SAMPLE_LIST)


@pytest.fixture(scope="session")
def generated_reports(tmp_path_factory, sample_roster):
    """Return the 60 pre-filled 项目建设报告 generated from the sample list, by roster key."""
    from forms.registry import get_form
    from generator.render import generate_copies

    out = tmp_path_factory.mktemp("reports")
    copies = generate_copies(get_form(REPORT), sample_roster, out)
    return {copy.key: copy.path for copy in copies}


@pytest.fixture(scope="session")
def soffice():
    """Return LibreOffice's soffice; fail (never skip) when it is missing: CI installs it."""
    from parsers.office import find_soffice

    path = find_soffice()
    if path is None:
        pytest.fail("LibreOffice (soffice) is not installed; run `make test` as root or "
                    "apt-get install libreoffice-writer-nogui")
    return path
