"""A clerk's first day: typos in paths and ids, a full output folder, a wrong --db, a grade for
a key that is not there, returns saved by WPS or LibreOffice, a folder with other files, and a
school that changed a pre-filled amount. Each mistake gets a plain Chinese answer and the
documented exit code (0 done, 1 problems in the data, 2 wrong usage)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLE_LIST

from cli import cli
from parsers.scan.images import BROKEN_MESSAGE

REPORT = "ruian-2022-report"
YUEYANG_LIST = Path(__file__).resolve().parent.parent / "samples" / "yueyang-2020-list.xlsx"


def _run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def _no_english(output: str) -> None:
    for english in ("Usage:", "Error:", "Invalid value", "does not exist", "Options",
                    "Show this message", "Missing", "Try '"):
        assert english not in output, output


# -- usage errors: exit 2, in Chinese ------------------------------------------------------

def test_a_mistyped_roster_path_is_a_usage_error_in_chinese(tmp_path):
    result = _run("parse", "--roster", tmp_path / "名单.xlsx", tmp_path)
    assert result.exit_code == 2
    assert "'--roster' 的值不对：文件" in result.output
    assert "名单.xlsx" in result.output and "不存在（请检查路径是否写错）" in result.output
    _no_english(result.output)


@pytest.mark.parametrize("args, words", [
    (["generate", REPORT], "缺少选项 '--roster'"),
    (["parse", "--format", "xml", "x"], "'xml' 不在可选值"),
    (["parse", "--nope", "x"], "没有选项 '--nope'"),
    (["pars", "x"], "没有子命令 'pars'"),
    (["forms", "template", REPORT, "-o"], "后面要跟一个值"),
])
def test_usage_mistakes_exit_2_in_chinese(args, words):
    result = _run(*args)
    assert result.exit_code == 2, result.output
    assert words in result.output
    assert "错误：" in result.output
    _no_english(result.output)


COMMANDS = [[], ["forms"], ["forms", "list"], ["forms", "template"], ["roster"], ["generate"],
            ["parse"], ["ingest"], ["status"], ["feedback"], ["history"], ["grade"],
            ["summary"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "tianbiao")
def test_every_help_page_is_chinese_and_names_the_exit_codes(command):
    result = _run(*command, "--help")
    assert result.exit_code == 0
    assert result.output.startswith("用法：")
    assert "显示本帮助并退出" in result.output
    assert "退出码：0 完成；1 数据有问题" in result.output
    _no_english(result.output)


def test_a_form_id_typo_suggests_the_nearest_ids():
    result = _run("generate", "ruian-2022-reprot", "--roster", SAMPLE_LIST, "--out", "x")
    assert result.exit_code == 1
    assert "错误：没有表单“ruian-2022-reprot”。是不是：ruian-2022-report" in result.output


# -- nothing a school sent is overwritten ---------------------------------------------------

def test_generate_refuses_a_folder_that_holds_files(tmp_path):
    out = tmp_path / "returns"
    out.mkdir()
    school_file = out / "01_瑞安市陶山镇荆谷学校_智慧校园.docx"
    school_file.write_bytes(b"what the school sent")
    result = _run("generate", REPORT, "--roster", SAMPLE_LIST, "--out", out)
    assert result.exit_code == 1
    assert "里已有 1 个文件" in result.output and "--force" in result.output
    assert school_file.read_bytes() == b"what the school sent"
    assert len(list(out.iterdir())) == 1

    forced = _run("generate", REPORT, "--roster", SAMPLE_LIST, "--out", out, "--force")
    assert forced.exit_code == 0, forced.output
    kept = [p for p in out.iterdir() if p.read_bytes() == b"what the school sent"]
    assert len(kept) == 1 and ".旧" in kept[0].name
    assert len(list(out.glob("*.docx"))) == 61


@pytest.mark.parametrize("command", [
    ["status", REPORT, "--roster", str(SAMPLE_LIST)],
    ["feedback", REPORT, "--out", "letters"],
    ["summary", REPORT, "--out", "s.xlsx"],
    ["grade", REPORT, "1-1", "优秀", "--year", "2023"],
    ["history", "1-1"],
])
def test_a_mistyped_db_is_an_error_not_a_new_store(tmp_path, command):
    db = tmp_path / "tianbao.db"
    result = _run(*command, "--db", db)
    assert result.exit_code == 2
    assert "'--db' 的值不对" in result.output and "不存在" in result.output
    assert not db.exists()


def test_a_file_that_is_not_a_store_is_named(tmp_path):
    db = tmp_path / "名单.xlsx"
    shutil.copy(SAMPLE_LIST, db)
    result = _run("status", REPORT, "--roster", SAMPLE_LIST, "--db", db)
    assert result.exit_code == 1
    assert "不是 tianbiao 的数据文件" in result.output
    assert db.read_bytes() == SAMPLE_LIST.read_bytes()


@pytest.fixture()
def store_with_one_return(tmp_path, generated_reports):
    """Return a store holding report 1-1 filled completely, as the demo's school fills it."""
    import yaml
    from fill_as_school import fill_document

    answers = yaml.safe_load((SAMPLE_LIST.parent / "ruian-2022-answers.yaml").read_text("utf-8"))
    db = tmp_path / "store.db"
    returns = tmp_path / "returned"
    returns.mkdir()
    fill_document(generated_reports["1-1"], answers["1-1"], returns / "1-1.docx")
    parsed = _run("parse", returns)
    assert parsed.exit_code == 0, parsed.output  # every file ok: exit code 0
    result = _run("ingest", returns, "--roster", SAMPLE_LIST, "--db", db)
    assert result.exit_code == 0, result.output
    return db


def test_summary_of_an_empty_store_says_so(tmp_path, store_with_one_return):
    result = _run("summary", "zhongxian-2021-inspection", "--db", store_with_one_return,
                  "--out", tmp_path / "s.xlsx")
    assert result.exit_code == 1
    assert "里还没有《忠县中小学教育信息技术与装备专项督查评分表》的任何报送" in result.output
    assert not (tmp_path / "s.xlsx").exists()


def test_a_grade_for_a_key_not_on_the_roster_is_refused(store_with_one_return):
    db = store_with_one_return
    on_roster = _run("grade", REPORT, "6-9", "优秀", "--year", "2023", "--roster", SAMPLE_LIST,
                     "--db", db)
    assert on_roster.exit_code == 1
    assert "编号“6-9”不在名单 ruian-2022-list.xlsx 里；是不是：" in on_roster.output
    received = _run("grade", REPORT, "2", "良好", "--year", "2023", "--db", db)
    assert received.exit_code == 1
    assert "编号“2”不在数据文件" in received.output
    good = _run("grade", REPORT, "1-1", "优秀", "--year", "2023", "--db", db)
    assert good.exit_code == 0, good.output
    assert "已记录 1 个评估结果（2023年）" in good.output


# -- returns in every format an office suite saves; other files named ----------------------

@pytest.fixture(scope="module")
def returns_in_other_formats(tmp_path_factory, generated_reports, soffice):
    """Return a folder with one report as .odt, .rtf and WPS .wps, plus a .txt and a .jpg."""
    from fill_as_school import fill_document

    from parsers.office import WORD_97, convert_batch

    base = tmp_path_factory.mktemp("formats")
    filled = base / "filled.docx"
    fill_document(generated_reports["2"], {"申报建设时间": "2022年9月", "推进措施": "分步推进。"},
                  filled)
    folder = base / "returns"
    folder.mkdir()
    for target, suffix in (("odt:writer8", ".odt"), ("rtf:Rich Text Format", ".rtf"),
                           (WORD_97, ".wps")):
        (converted,) = convert_batch([filled], target, base / suffix.strip(".")).values()
        assert isinstance(converted, Path), converted
        shutil.copy(converted, folder / f"塘下镇中心小学{suffix}")
    (folder / "说明.txt").write_text("附件请查收", encoding="utf-8")
    (folder / "盖章页.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(1024))
    (folder / "~$塘下镇中心小学.docx").write_bytes(b"lock")
    return folder


def test_odt_rtf_and_wps_returns_are_read_like_a_doc(returns_in_other_formats):
    result = _run("parse", returns_in_other_formats)
    assert result.exit_code == 1, result.output  # the picture is unreadable
    records = {Path(r["file"]).suffix: r for r in map(json.loads, result.stdout.splitlines())}
    for suffix in (".odt", ".rtf", ".wps"):
        record = records[suffix]
        assert record["form"] == REPORT, (suffix, record["problems"])
        values = {f["id"]: f["value"] for f in record["fields"]}
        assert values["school"] == "瑞安市塘下镇中心小学"
        assert values["amount"] == 200000
        assert values["measures"] == "分步推进。"


def test_parse_names_every_file_it_skipped_and_why(returns_in_other_formats):
    result = _run("parse", returns_in_other_formats)
    files = [json.loads(line)["file"] for line in result.stdout.splitlines()]
    assert sorted(Path(f).suffix for f in files) == [".jpg", ".odt", ".rtf", ".wps"]
    assert "跳过 2 个不是表格的文件" in result.stderr
    assert "说明.txt：不是表格文件（.txt）" in result.stderr
    assert "~$塘下镇中心小学.docx：Word 打开文件时留下的临时文件" in result.stderr


def test_a_broken_picture_asks_for_a_new_scan(returns_in_other_formats):
    # Pictures are read (tests/scans); this one is a JPEG header and nothing else.
    result = _run("parse", returns_in_other_formats / "盖章页.jpg")
    (record,) = map(json.loads, result.stdout.splitlines())
    assert record["status"] == "unreadable"
    assert record["problems"][0]["message"] == BROKEN_MESSAGE


# -- a changed pre-filled value is flagged everywhere ---------------------------------------

@pytest.fixture(scope="module")
def changed_amount(tmp_path_factory, generated_reports):
    """Return a folder with report 1-1 (150,000 元 on the list) returned with 280,000 元."""
    from fill_as_school import fill_document

    folder = tmp_path_factory.mktemp("changed") / "returned"
    folder.mkdir()
    fill_document(generated_reports["1-1"],
                  {"投入资金": "280,000元", "申报建设时间": "2022年9月",
                   "推进措施": "分步推进。", "项目名称": "智慧校园二期"},
                  folder / "荆谷学校.docx")
    return folder


CHANGED = "投入资金与名单不一致：名单 150,000 元，学校填写 280,000 元"


def test_parse_flags_a_changed_amount_and_project(changed_amount):
    result = _run("parse", "--roster", SAMPLE_LIST, changed_amount)
    (record,) = map(json.loads, result.stdout.splitlines())
    assert record["key"] == "1-1"
    messages = [p["message"] for p in record["problems"] if p["code"] == "prefill_changed"]
    assert CHANGED in messages
    assert "项目名称与名单不一致：名单 智慧校园，学校填写 智慧校园二期" in messages


def test_status_and_feedback_show_the_changed_amount(tmp_path, changed_amount):
    db = tmp_path / "store.db"
    assert _run("ingest", changed_amount, "--roster", SAMPLE_LIST, "--db", db).exit_code == 1
    status = _run("status", REPORT, "--roster", SAMPLE_LIST, "--db", db, "--format", "json")
    row = next(r for r in json.loads(status.output) if r["key"] == "1-1")
    assert row["state"] == "problems" and row["problems"] >= 2
    letters = tmp_path / "letters"
    assert _run("feedback", REPORT, "--db", db, "--out", letters).exit_code == 0
    from parsers.docx import read_docx

    (letter,) = letters.glob("*.docx")
    assert CHANGED in read_docx(letter).all_text()


def test_table_output_shows_the_matched_key(changed_amount):
    result = _run("parse", "--format", "table", "--roster", SAMPLE_LIST, changed_amount)
    assert result.exit_code == 1  # the data has problems
    assert result.stdout.split()[1] == "1-1"


def test_ingest_finds_the_form_from_the_list_like_parse(tmp_path, changed_amount):
    db = tmp_path / "store.db"
    result = _run("ingest", changed_amount, "--roster", SAMPLE_LIST, "--db", db)
    assert result.exit_code == 1, result.output  # stored, and its problems reported
    assert "新收" in result.output and "其中 1 个文件有问题" in result.output


def test_another_campaigns_list_is_refused_for_the_report(tmp_path):
    result = _run("generate", REPORT, "--roster", YUEYANG_LIST, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "名单与《瑞安市教育信息化应用“回头看”项目建设报告》不符" in result.output
    assert "需要的列 学校名称、项目名称、金额" in result.output
    assert not (tmp_path / "out").exists()
    status = _run("status", REPORT, "--roster", YUEYANG_LIST, "--db", _empty_store(tmp_path))
    assert status.exit_code == 1 and "逾期未交" not in status.output


def _empty_store(folder: Path) -> Path:
    from records.store import Store

    Store(folder / "store.db").close()
    return folder / "store.db"
