"""The committed "other notices" corpus is what its builder writes, and every case names only
what its blank attachment prints (read with python-docx, not with tianbiao's readers)."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
from docx import Document

HERE = Path(__file__).resolve().parent
FORMS = sorted(path.parent.name for path in HERE.glob("*/blank.docx"))


def _builder():
    spec = importlib.util.spec_from_file_location(
        "build_othernotices_rebuilt", HERE / "build_othernotices.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it runs
    spec.loader.exec_module(module)
    return module


def _printed(docx: Path) -> str:
    """Return every text of `docx` (body paragraphs and table cells), whitespace removed."""
    doc = Document(str(docx))
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return re.sub(r"\s+", "", "\n".join(texts))


def test_rebuild_gives_the_same_bytes(tmp_path: Path) -> None:
    _builder().build(tmp_path)
    built = sorted(p.relative_to(tmp_path) for p in tmp_path.glob("*/*"))
    kept = sorted(p.relative_to(HERE) for p in HERE.glob("*/*") if p.suffix in (".docx", ".json"))
    assert built == kept
    differ = [
        str(name) for name in built if (tmp_path / name).read_bytes() != (HERE / name).read_bytes()
    ]
    assert differ == [], "run .venv/bin/python tests/othernotices/build_othernotices.py"


def test_six_forms_with_three_to_five_returns_each() -> None:
    assert len(FORMS) == 6
    for form in FORMS:
        assert 3 <= len(list((HERE / form).glob("*.json"))) <= 5, form


@pytest.mark.parametrize("form", FORMS)
def test_cases_name_only_what_the_blank_prints(form: str) -> None:
    printed = _printed(HERE / form / "blank.docx")
    for case in sorted((HERE / form).glob("*.json")):
        record = json.loads(case.read_text(encoding="utf-8"))
        assert record["attachment"] == "blank.docx"
        names = {f["label"] for f in record["fields"]}
        names |= {f["column"] for f in record["fields"] if f["column"] not in (None, "日期")}
        names |= {h for table in record["tables"] for h in table["headers"]}
        missing = sorted(n for n in names if re.sub(r"\s+", "", n) not in printed)
        assert missing == [], f"{case.name}: not printed in blank.docx"
        for table in record["tables"]:
            for row in table["rows"]:
                assert list(row) == table["headers"], case.name
