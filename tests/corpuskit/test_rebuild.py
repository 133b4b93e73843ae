"""The committed corpora are exactly what their builders write: rebuild them and compare.

A builder changed without rebuilding its files, or a corpus file edited by hand, fails here.
Compared byte for byte: word/document.xml of every .docx (the zip around it carries save
times in the outside corpora) and every .json. No LibreOffice is needed.
"""

from __future__ import annotations

import importlib.util
import sys
import zipfile
from pathlib import Path

import pytest

from corpuskit.seeds import seeds_available

TESTS = Path(__file__).resolve().parents[1]
BUILDERS = {
    "data": ("build_hengyang_corpus.py", "build_yueyang_corpus.py", "build_ruian_report_corpus.py",
             "build_zhongxian_campus_corpus.py", "build_zhongxian_inspection_corpus.py"),
    "outside": ("build_outside_corpus.py", "build_outside_corpus_2.py",
                "build_outside_corpus_3.py"),
}


def _build(script: Path, out: Path) -> None:
    """Run the builder `script` as a fresh module, writing its corpus under `out`."""
    name = f"rebuilt_{script.stem}"
    spec = importlib.util.spec_from_file_location(name, script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it runs
    try:
        spec.loader.exec_module(module)
        module.main([str(out)])
    finally:
        del sys.modules[name]


def _corpus_files(folder: Path) -> set[Path]:
    return {path.relative_to(folder) for path in folder.glob("*/*")
            if path.suffix in (".docx", ".json")}


def _content(path: Path) -> bytes:
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as package:
            return package.read("word/document.xml")
    return path.read_bytes()


@pytest.mark.parametrize("corpus", sorted(BUILDERS))
def test_builders_write_the_committed_corpus(corpus: str, tmp_path: Path) -> None:
    assert seeds_available(), "tests/seeds/ must hold the five notices the corpora come from"
    committed = TESTS / corpus
    for script in BUILDERS[corpus]:
        _build(committed / script, tmp_path)
    built, kept = _corpus_files(tmp_path), _corpus_files(committed)
    assert sorted(map(str, kept - built)) == [], "committed, but no builder writes them"
    assert sorted(map(str, built - kept)) == [], "written by a builder, but not committed"
    differ = [str(name) for name in sorted(kept)
              if _content(tmp_path / name) != _content(committed / name)]
    assert differ == [], (
        f"tests/{corpus}: these files are not what the builders write (word/document.xml or "
        f"the .json); run `.venv/bin/python tests/{corpus}/build_….py` and commit the result")
