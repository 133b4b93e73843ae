"""A pre-filled report, typed into as a school would, re-saved by LibreOffice, read back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fill_as_school import fill_document
from school_returns import ANSWERS, EXPECTED

from cli import cli
from parsers.batch import parse_paths
from parsers.office import WORD_97, convert_batch, resave_as_docx

CONTRACT_KEYS = {"file", "form", "status", "fields", "rows", "problems"}
FIELD_KEYS = {"id", "label", "column", "value", "raw"}


@pytest.fixture(scope="session")
def returned(tmp_path_factory, generated_reports, soffice):
    """Return the schools' files by variant: as typed, re-saved by LibreOffice, and as .doc."""
    base = tmp_path_factory.mktemp("returned")
    typed = []
    for key, answers in ANSWERS.items():
        target = base / "typed" / f"{key}.docx"
        fill_document(generated_reports[key], answers, target)
        typed.append(target)
    resaved = resave_as_docx(typed, base / "libreoffice")
    as_doc = convert_batch(typed, WORD_97, base / "doc")
    variants = {"python-docx": {p.stem: p for p in typed}}
    for name, results in (("libreoffice", resaved), ("doc", as_doc)):
        assert all(isinstance(r, Path) for r in results.values()), results
        variants[name] = {source.stem: result for source, result in results.items()}
    return variants


@pytest.mark.parametrize("variant", ["python-docx", "libreoffice", "doc"])
@pytest.mark.parametrize("key", list(EXPECTED))
def test_every_value_comes_back(returned, variant, key):
    path = returned[variant][key]
    (record,) = list(parse_paths([str(path)]))
    assert record.form == "ruian-2022-report"
    values = {f.id: f.value for f in record.fields}
    for field_id, expected in EXPECTED[key].items():
        assert values[field_id] == expected, field_id


def test_complete_report_is_ok_and_identified_by_its_properties(returned):
    (record,) = list(parse_paths([str(returned["libreoffice"]["1-1"])]))
    assert record.status == "ok", record.problems
    assert record.key == "1-1"
    assert record.identified_by == "properties"


def test_copy_without_properties_is_identified_by_title_and_labels(returned, tmp_path):
    copy = tmp_path / "no-properties.docx"
    _copy_without_custom_properties(returned["libreoffice"]["1-1"], copy)
    (record,) = list(parse_paths([str(copy)]))
    assert record.identified_by == "fingerprint"
    assert record.form == "ruian-2022-report"
    assert record.value("principal_date") == "2023-03-06"


def test_parse_command_prints_the_contract(returned):
    folder = str(returned["libreoffice"]["1-1"].parent)
    result = CliRunner().invoke(cli, ["parse", "--format", "jsonl", folder])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(ANSWERS)
    for line in lines:
        assert set(line) == CONTRACT_KEYS
        assert line["status"] in {"ok", "incomplete", "invalid", "unreadable"}
        assert line["rows"] == {}
        for entry in line["fields"]:
            assert set(entry) == FIELD_KEYS
    first = next(line for line in lines if line["file"].endswith("1-1.docx"))
    by_label = {(f["label"], f["column"]): f for f in first["fields"]}
    assert by_label[("投入资金", None)]["value"] == 150000
    assert by_label[("投入资金", None)]["raw"] == "150,000元"
    assert by_label[("校长意见", "日期")]["value"] == "2023-03-06"
    assert by_label[("校长意见", None)]["value"] == "同意上报。"
    assert by_label[("专家验收意见", "日期")]["value"] is None


def _copy_without_custom_properties(source: Path, target: Path) -> None:
    import zipfile

    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        assert "docProps/custom.xml" in original.namelist()
        for name in original.namelist():
            if name != "docProps/custom.xml":
                copy.writestr(name, original.read(name))
