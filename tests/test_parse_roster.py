"""`tianbiao parse --roster`: each returned file tied to its row of the bureau's list."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from conftest import SAMPLE_LIST

from cli import cli

CORPUS = Path(__file__).resolve().parent / "data" / "ruian-2022-report"


def _parse_with_roster(*paths):
    result = CliRunner().invoke(cli, ["parse", "--format", "jsonl", "--roster", str(SAMPLE_LIST),
                                      *map(str, paths)])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    # Exit code 1 exactly when some file has problems for the office to send back.
    assert result.exit_code == (0 if all(r["status"] == "ok" for r in records) else 1), \
        result.output
    return records


def test_original_attachments_are_matched_by_school_and_project():
    records = _parse_with_roster(CORPUS / "original-attachment.docx",
                                 CORPUS / "label-spaced.docx")
    # 瑞安市实验小学 has three projects (6-1 智慧校园, 6-2 云桌面, 6-3 云桌面机房).
    assert [r["key"] for r in records] == ["6-1", "4"]


def test_a_pre_filled_copy_keeps_its_own_key(generated_reports):
    (record,) = _parse_with_roster(generated_reports["12-2"])
    assert record["key"] == "12-2"


def test_a_school_not_in_the_list_is_a_problem(tmp_path, generated_reports):
    from fill_as_school import fill_document

    from parsers.docx import read_docx

    copy = tmp_path / "stranger.docx"
    fill_document(CORPUS / "original-attachment.docx", {"学校": "平阳县昆阳镇第一小学"}, copy)
    assert "平阳县" in read_docx(copy).all_text()
    (record,) = _parse_with_roster(copy)
    assert record["key"] is None
    problem = next(p for p in record["problems"] if p["code"] == "roster_unmatched")
    assert "平阳县昆阳镇第一小学" in problem["message"]
