"""Shared fixtures: the sample campaign, generated once per session, and LibreOffice."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from fontsetups import LIBERATION_WQY, NOTO, FontSetup, MissingFontsError, build_config, fonts_of

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
sys.path.insert(0, str(SAMPLES))  # fill_as_school: the stand-in for a school's clerk

REPORT = "ruian-2022-report"
SAMPLE_LIST = SAMPLES / "ruian-2022-list.xlsx"
# As sent, re-saved, Word 97, and printed to PDF on two machines with other fonts.
SHAPES = ["docx", "libreoffice", "doc", "pdf", "pdf-liberation-wqy"]
# The printed shapes and the fonts of the machine each is printed on. The first is pinned
# too, so the two differ whatever fonts this machine has installed.
PRINTED: dict[str, FontSetup] = {"pdf": NOTO, "pdf-liberation-wqy": LIBERATION_WQY}


def expected_as(shape: str) -> str:
    """Return the shape whose ``known_failures`` hold for `shape`: a PDF's for every PDF."""
    return "pdf" if shape in PRINTED else shape


def read_in_every_shape(cases: list[Path], base: Path, font_configs: dict[str, Path]
                        ) -> dict[tuple[str, Path], object]:
    """Return {(shape, case): record} for filled .docx `cases` in every shape of SHAPES.

    LibreOffice converts all cases to a shape in one batch (re-saved .docx, .doc, and a .pdf
    for each font setup in `font_configs`, in folders under `base`); each shape is then
    parsed as one batch. The same cases are converted once a session, whoever asks first
    (the corpus tests, tests/inference).
    """
    if tuple(cases) in _READ_IN_EVERY_SHAPE:
        return _READ_IN_EVERY_SHAPE[tuple(cases)]
    from parsers.batch import parse_paths
    from parsers.office import WORD_97, WORD_2007, WRITER_PDF, convert_batch

    targets = {"libreoffice": WORD_2007, "doc": WORD_97}
    targets.update(dict.fromkeys(PRINTED, WRITER_PDF))
    shapes: dict[str, dict[Path, Path]] = {"docx": {case: case for case in cases}}
    for name, target in targets.items():
        with fonts_of(font_configs.get(name)):
            converted = convert_batch(cases, target, base / name)
        failed = {str(k): v for k, v in converted.items() if not isinstance(v, Path)}
        assert not failed, failed
        shapes[name] = dict(converted)  # type: ignore[arg-type]
    records: dict[tuple[str, Path], object] = {}
    for shape, files in shapes.items():
        for case, record in zip(cases, parse_paths([str(files[c]) for c in cases]), strict=True):
            records[(shape, case)] = record
    _READ_IN_EVERY_SHAPE[tuple(cases)] = records
    return records


_READ_IN_EVERY_SHAPE: dict[tuple[Path, ...], dict[tuple[str, Path], object]] = {}


@pytest.fixture(scope="session")
def font_configs(tmp_path_factory) -> dict[str, Path]:
    """Return the fontconfig file of each printed shape; fail (never skip) without the fonts."""
    folder = tmp_path_factory.mktemp("fonts")
    try:
        return {shape: build_config(setup, folder / setup.name)
                for shape, setup in PRINTED.items()}
    except MissingFontsError as error:
        pytest.fail(str(error))


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


@pytest.fixture(scope="session")
def postgres():
    """Return a throw-away PostgreSQL server for the session (tests/pgcluster.py), stopped at
    its end; fail (never skip) when PostgreSQL's programs are missing."""
    from pgcluster import start_cluster

    folder = Path(tempfile.mkdtemp(prefix="tianbiao-pg-"))
    try:
        cluster = start_cluster(folder)
    except RuntimeError as error:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"{error}\n`make test` installs the Debian package postgresql (as root)")
    yield cluster
    from records.engine import close_engines

    close_engines()
    cluster.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_db(request, tmp_path) -> str | Path:
    """Return a new store's location, once a SQLite file and once a PostgreSQL database."""
    from store_locations import new_store_location

    return new_store_location(request.param, tmp_path, request)
