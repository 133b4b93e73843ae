"""The store, status, feedback and archive summaries, on a real SQLite file and PostgreSQL."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLE_LIST
from docx import Document
from fill_as_school import fill_document
from openpyxl import load_workbook
from school_returns import ANSWERS

from cli import cli
from parsers.record import Record
from records.store import Store

ROOT = Path(__file__).resolve().parents[2]
FORM = "ruian-2022-report"


def run(*args: str) -> str:
    """Run a command; ingest ends with 1 when a stored file has problems (the untouched 3)."""
    result = CliRunner().invoke(cli, list(args))
    problems = "个文件有问题，需要学校更正或重交" in result.output
    assert result.exit_code == (1 if problems else 0), result.output
    return result.stdout


@pytest.fixture()
def returns(tmp_path, generated_reports):
    """Two schools' filled reports and one untouched pre-filled copy, in a folder."""
    folder = tmp_path / "returns"
    folder.mkdir()
    for key, answers in ANSWERS.items():
        fill_document(generated_reports[key], answers, folder / f"{key}.docx")
    shutil.copy(generated_reports["3"], folder / "3.docx")  # returned without filling in
    return folder


def _count(db: str | Path) -> int:
    import sqlalchemy as sa

    from records.schema import submissions

    with Store(db, create=False) as store, store.connected() as connection:
        return connection.execute(sa.select(sa.func.count()).select_from(submissions)).scalar()


def test_the_same_file_again_changes_nothing(tmp_path, returns, store_db):
    db = str(store_db)
    first = run("ingest", str(returns), "--db", str(db))
    assert first.count("新收") == 3
    again = run("ingest", str(returns), "--db", str(db))
    assert again.count("重复，未改变") == 3
    assert _count(db) == 3


def test_a_corrected_resubmission_is_a_new_version_with_history(tmp_path, returns, store_db):
    db = str(store_db)
    run("ingest", str(returns), "--db", str(db))
    corrected = tmp_path / "corrected" / "1-1.docx"
    fill_document(returns / "1-1.docx", {"效益": "全校 52 名教师每周使用平台。"}, corrected)
    output = run("ingest", str(corrected), "--db", str(db))
    assert "更正（新版本）" in output and "第2版" in output
    history = run("history", "瑞安市陶山镇荆谷学校", "--db", str(db))
    assert "第1版" in history and "第2版" in history
    assert "效益：全校 46 名教师每周使用平台布置作业。 → 全校 52 名教师每周使用平台。" in history
    workbook = tmp_path / "summary.xlsx"
    run("summary", FORM, "--db", str(db), "--out", str(workbook))
    sheet = load_workbook(workbook)["报告正文"]
    texts = [c.value for row in sheet.iter_rows() for c in row]
    assert "全校 52 名教师每周使用平台。" in texts  # the latest version counts
    assert "全校 46 名教师每周使用平台布置作业。" not in texts


def test_a_crash_between_two_files_leaves_nothing_half_stored(tmp_path, returns, store_db):
    db = str(store_db)
    script = textwrap.dedent(f"""
        import os, signal
        from records import ingest as ingest_module
        from records.store import Store
        added = []
        real_add = Store.add
        def add_then_die(self, *args, **kwargs):
            if added:
                os.kill(os.getpid(), signal.SIGKILL)  # the machine dies between two files
            added.append(1)
            return real_add(self, *args, **kwargs)
        Store.add = add_then_die
        with Store({str(db)!r}) as store:
            ingest_module.ingest(store, [{str(returns)!r}])
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=False)
    assert result.returncode == -9
    if isinstance(store_db, Path):
        with sqlite3.connect(db) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _count(db) == 0
    run("ingest", str(returns), "--db", str(db))
    assert _count(db) == 3


def test_status_against_the_roster(tmp_path, returns, store_db):
    db = str(store_db)
    run("ingest", str(returns), "--db", str(db))
    before = json.loads(run("status", FORM, "--roster", str(SAMPLE_LIST), "--db", str(db),
                            "--format", "json", "--today", "2023-03-01"))
    by_key = {row["key"]: row for row in before}
    assert len(before) == 60
    assert by_key["1-1"]["state"] == "returned"
    assert by_key["1-1"]["school"] == "瑞安市陶山镇荆谷学校"
    assert by_key["3"]["state"] == "problems"
    assert by_key["1-2"]["state"] == "missing"
    after = json.loads(run("status", FORM, "--roster", str(SAMPLE_LIST), "--db", str(db),
                           "--format", "json", "--today", "2023-03-11"))
    assert {row["key"]: row["state"] for row in after}["1-2"] == "overdue"
    sheet_path = tmp_path / "status.xlsx"
    run("status", FORM, "--roster", str(SAMPLE_LIST), "--db", str(db), "--out",
        str(sheet_path), "--today", "2023-03-11")
    sheet = load_workbook(sheet_path).active
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    assert ["1-2", "瑞安市陶山镇荆谷学校", "云桌面机房", "逾期未交"] == rows[1][1:5]


def test_feedback_letters_name_each_problem(tmp_path, returns, store_db):
    db = str(store_db)
    run("ingest", str(returns), "--db", str(db))
    out = tmp_path / "letters"
    assert "已写出 1 份退回意见" in run("feedback", FORM, "--db", str(db), "--out", str(out),
                                      "--today", "2023-03-01")
    (letter,) = out.glob("*.docx")
    assert "瑞安市第二中学" in letter.name
    text = "\n".join(p.text for p in Document(str(letter)).paragraphs)
    assert "退回意见" in text and "瑞安市第二中学：" in text
    assert "项目简介：未填写（必填）" in text
    assert "于2023年3月10日前重新报送" in text


def test_summary_from_the_store_in_the_official_list_layout(tmp_path, returns, store_db):
    db = str(store_db)
    run("ingest", str(returns), "--db", str(db))
    run("grade", FORM, "1-1", "优秀", "--year", "2022", "--db", str(db))
    run("grade", FORM, "1-1", "基本达标", "--year", "2023", "--db", str(db))
    run("grade", FORM, "1-1", "基本达标", "--year", "2024", "--db", str(db), "--waste")
    workbook = tmp_path / "summary.xlsx"
    run("summary", FORM, "--db", str(db), "--roster", str(SAMPLE_LIST), "--out", str(workbook))
    book = load_workbook(workbook)
    listing = book["2022年瑞安市教育信息化应用“回头看”项目清单"[:31]]
    merged = {str(r) for r in listing.merged_cells.ranges}
    assert {"A3:A4", "B3:B4", "A9:A11", "B9:B11"} <= merged
    total = next(row for row in listing.iter_rows(min_row=3) if row[0].value == "合计")
    assert total[3].value == 13_893_577
    assert listing["E3"].value == "合格" and listing["E4"].value == "未交"
    assessment = book["评估结果"]
    header = [c.value for c in assessment[2]]
    row = [c.value for c in assessment[3]]
    values = dict(zip(header, row, strict=True))
    assert values["2022年校长考核加减分"] == 5
    assert values["2023年评估结果"] == "基本达标"
    assert "2024年：2023年基本达标，2024年仍未达到优秀或良好" in values["提示"]
    assert "停止两年配备设备资格（2025—2026年）" in values["提示"]


def test_a_grade_not_in_the_notice_is_refused(store_db):
    from records.store import Store

    Store(store_db).close()
    result = CliRunner().invoke(cli, ["grade", FORM, "1-1", "很好", "--year", "2022",
                                      "--db", str(store_db)])
    assert result.exit_code == 1
    assert "评估结果应为 优秀、良好、基本达标、不达标 之一，收到“很好”" in result.output


def test_the_summary_streams_from_the_store_and_matches_the_one_from_the_files(tmp_path,
                                                                                  returns,
                                                                                  store_db):
    from forms.registry import get_form
    from parsers.batch import parse_paths
    from records.store import Store
    from records.summary import write_summary

    db = str(store_db)
    run("ingest", str(returns), "--db", str(db))
    spec = get_form(FORM)
    with Store(db) as store:
        streamed = store.latest_records(FORM)
        assert len(streamed) == 3
        # Read afresh each time it is iterated (once per sheet), in the order asked for.
        assert [r.file for r in streamed] == [r.file for r in streamed]
        backwards = streamed.sorted_by(lambda key, file: [-ord(c) for c in file])
        assert [r.file for r in backwards] == sorted((r.file for r in streamed), reverse=True)
        write_summary(spec, streamed, tmp_path / "from-store.xlsx")
    records = sorted(parse_paths([str(returns)]), key=lambda r: r.file)
    write_summary(spec, records, tmp_path / "from-files.xlsx")

    def cells(path: Path) -> list[tuple[object, ...]]:
        sheet = load_workbook(path)["汇总"]
        rows = sheet.iter_rows(min_row=3, values_only=True)
        # Up to the total row; the file column, last, differs: the store keeps its path.
        return [row[1:-1] for row in rows if row[0] is not None][:4]

    rows = cells(tmp_path / "from-store.xlsx")
    assert rows == cells(tmp_path / "from-files.xlsx")
    *returned, total = rows  # three returns, then the total of the amounts
    assert len(returned) == 3
    assert total[0] is None and total[4] == sum(row[4] for row in returned) == 500_000


def test_history_by_roster_key_is_that_row_only(store_db):
    with Store(store_db) as store, store.transaction():
        store.add(Record("a.docx", FORM, "ok", key="2"), b"a", school="瑞安市塘下镇中心小学")
        store.add(Record("b.docx", FORM, "ok", key="7"), b"b", school="瑞安市第2中学")
    with Store(store_db) as store:
        assert [v.school for v in store.history("2")] == ["瑞安市塘下镇中心小学"]
        assert [v.school for v in store.history("第2中学")] == ["瑞安市第2中学"]
        assert [v.school for v in store.history("塘下镇")] == ["瑞安市塘下镇中心小学"]
