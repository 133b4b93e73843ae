"""Ingest stores returns of forms only: a file that is no form is listed as not taken, not kept."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

from click.testing import CliRunner

from cli import cli
from records.ingest import NotTaken, ingest
from records.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "parsers"))
from test_identify_not_forms import _background_checks, _k12_with_three_items


def _folder(tmp_path: Path, generated_reports: dict[str, Path]) -> Path:
    folder = tmp_path / "returns"
    folder.mkdir()
    shutil.copy(generated_reports["1-1"], folder / "a-report.docx")
    (folder / "b-statistics.docx").write_bytes(_background_checks())
    (folder / "c-near-miss.docx").write_bytes(_k12_with_three_items())
    (folder / "d-empty.docx").write_bytes(b"")
    return folder


def _stored(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT form, file FROM submissions").fetchall()


def test_only_the_form_is_stored_the_rest_listed_with_the_reason(tmp_path, generated_reports):
    folder = _folder(tmp_path, generated_reports)
    db = tmp_path / "campaign.db"
    with Store(db) as store:
        outcomes = ingest(store, [str(folder)])
    by_name = {Path(o.file).name: o for o in outcomes}
    assert by_name["a-report.docx"].outcome == "new"
    for name in ("b-statistics.docx", "c-near-miss.docx", "d-empty.docx"):
        outcome = by_name[name]
        assert isinstance(outcome, NotTaken), name
        assert (outcome.outcome, outcome.status) == ("not_taken", "unreadable")
    assert by_name["b-statistics.docx"].reason.startswith("不是已知的表单")
    assert "最接近：《普通中小学智慧校园建设情况表》，只对上了 5 个标签" in (
        by_name["c-near-miss.docx"].reason)
    assert by_name["d-empty.docx"].reason == "文件是空的（0 字节），请学校重新提交"
    assert _stored(db) == [("ruian-2022-report", str(folder / "a-report.docx"))]


def test_the_command_lists_what_it_did_not_take(tmp_path, generated_reports):
    folder = _folder(tmp_path, generated_reports)
    db = tmp_path / "campaign.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1, result.output  # files not taken: the data has problems
    lines = result.stdout.splitlines()
    near_miss = next(i for i, line in enumerate(lines) if line.endswith("c-near-miss.docx"))
    assert lines[near_miss].split()[:2] == ["未收入", "unreadable"]
    assert "最接近：《普通中小学智慧校园建设情况表》" in lines[near_miss + 1]
    assert "新收 1，更正 0，重复 0，未收入 3" in result.stderr
    assert len(_stored(db)) == 1
