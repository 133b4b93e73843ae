"""Forms of the office's own: a definition file given by path, or found in TIANBIAO_FORMS.

The office's form here is the 瑞安 report copied under a new id and title, as an office
would start its own from a built-in one. It must work by path and by id in every command,
be listed and identified beside the built-in forms, and be refused when its id is taken.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPORT, SAMPLE_LIST, SAMPLES

from cli import cli
from forms.registry import DEFINITIONS, get_form
from parsers.batch import parse_file

OWN_ID = "office-2024-report"
OWN_TITLE = "本区教育信息化项目建设报告"


def write_own_form(folder: Path, name: str = "report.yaml", form_id: str = OWN_ID) -> Path:
    """Write the 瑞安 report's definition under `form_id` and a new title into `folder`."""
    text = (DEFINITIONS / f"{REPORT}.yaml").read_text(encoding="utf-8")
    text = text.replace(f"id: {REPORT}", f"id: {form_id}", 1)
    text = text.replace("瑞安市教育信息化应用“回头看”项目建设报告", OWN_TITLE)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str | Path, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


@pytest.fixture(scope="module")
def campaign(tmp_path_factory):
    """The own form's definition, 60 copies generated from it by path, two of them returned."""
    from fill_as_school import fill_document

    base = tmp_path_factory.mktemp("own")
    definition = write_own_form(base / "forms")
    result = run("generate", definition, "--roster", SAMPLE_LIST, "--out", base / "copies")
    assert result.exit_code == 0, result.output
    assert f"已生成 60 份《{OWN_TITLE}》" in result.output
    answers = yaml.safe_load((SAMPLES / "ruian-2022-answers.yaml").read_text(encoding="utf-8"))
    returned = base / "returned"
    returned.mkdir()
    copies = sorted((base / "copies").glob("*.docx"))
    fill_document(copies[0], answers["1-1"], returned / "1-1.docx")  # filled in full
    (returned / "1-2.docx").write_bytes(copies[1].read_bytes())  # sent back untouched
    return {"definition": definition, "folder": base / "forms", "returned": returned,
            "base": base}


def test_generated_copies_carry_the_own_form(campaign):
    record = parse_file(str(campaign["returned"] / "1-1.docx"), str(campaign["definition"]))
    assert record.form == OWN_ID
    assert record.status == "ok"
    values = {f.id: f.value for f in record.fields}
    assert values["amount"] == 150000
    assert values["school"] == "瑞安市陶山镇荆谷学校"


def test_parse_with_the_path_as_form(campaign):
    result = run("parse", "--form", campaign["definition"], campaign["returned"] / "1-1.docx")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert record["form"] == OWN_ID
    assert record["status"] == "ok"


def test_stored_by_path_found_again_by_path_and_by_id(campaign, tmp_path):
    db = tmp_path / "t.db"
    result = run("ingest", campaign["returned"], "--form", campaign["definition"], "--roster",
                 SAMPLE_LIST, "--db", db)
    assert result.exit_code == 1  # the untouched copy is incomplete
    assert "新收 2" in result.output
    by_path = run("status", campaign["definition"], "--roster", SAMPLE_LIST, "--db", db,
                  "--format", "json")
    assert by_path.exit_code == 0, by_path.output
    states = {row["key"]: row["state"] for row in json.loads(by_path.stdout)}
    assert states["1-1"] == "returned"
    assert states["1-2"] == "problems"
    by_id = run("status", OWN_ID, "--roster", SAMPLE_LIST, "--db", db, "--format", "json",
                env={"TIANBIAO_FORMS": str(campaign["folder"])})
    assert by_id.exit_code == 0, by_id.output
    assert json.loads(by_id.stdout) == json.loads(by_path.stdout)
    letters = run("feedback", campaign["definition"], "--db", db, "--out", tmp_path / "letters")
    assert letters.exit_code == 0, letters.output
    assert "已写出 1 份退回意见" in letters.output
    history = run("history", "1-1", "--form", campaign["definition"], "--db", db)
    assert history.exit_code == 0, history.output
    assert history.output.startswith(f"{OWN_ID}  瑞安市陶山镇荆谷学校  第1版")


def test_summary_by_path_and_by_id(campaign, tmp_path):
    from openpyxl import load_workbook

    db = tmp_path / "t.db"
    run("ingest", campaign["returned"] / "1-1.docx", "--form", campaign["definition"],
        "--db", db)
    by_path = tmp_path / "by-path.xlsx"
    result = run("summary", campaign["definition"], "--db", db, "--out", by_path)
    assert result.exit_code == 0, result.output
    assert "已写出汇总表（1 份）" in result.output
    texts = {c.value for row in load_workbook(by_path).worksheets[0].iter_rows() for c in row}
    assert "瑞安市陶山镇荆谷学校" in texts
    by_id = tmp_path / "by-id.xlsx"
    result = run("summary", OWN_ID, campaign["returned"] / "1-1.docx", "--out", by_id,
                 env={"TIANBIAO_FORMS": str(campaign["folder"])})
    assert result.exit_code == 0, result.output
    assert "已写出汇总表（1 份）" in result.output


def test_forms_list_shows_the_office_own_forms(campaign):
    env = {"TIANBIAO_FORMS": os.pathsep.join([str(campaign["folder"]), ""])}
    listed = json.loads(run("forms", "list", "--format", "json", env=env).output)
    own = next(f for f in listed if f["id"] == OWN_ID)
    assert own["title"] == OWN_TITLE
    assert own["own_file"] == str(campaign["definition"])
    assert next(f for f in listed if f["id"] == REPORT)["own_file"] is None
    table = run("forms", "list", env=env)
    assert table.exit_code == 0
    assert "本单位" in table.output and "内置" in table.output
    plain = json.loads(run("forms", "list", "--format", "json").output)
    assert OWN_ID not in [f["id"] for f in plain]


def test_forms_template_by_path(campaign, tmp_path):
    from parsers.docx import read_docx

    out = tmp_path / "blank.docx"
    result = run("forms", "template", campaign["definition"], "-o", out)
    assert result.exit_code == 0, result.output
    assert OWN_TITLE in read_docx(out).all_text()


def test_parse_without_form_identifies_an_own_form(campaign, tmp_path, monkeypatch):
    """A return with no identity inside is known by its title and labels, as built-ins are."""
    from filling import fill_every_blank

    spec = get_form(str(campaign["definition"]))
    blank_return = tmp_path / "filled-on-the-attachment.docx"
    fill_every_blank(spec).document.save(str(blank_return))
    monkeypatch.setenv("TIANBIAO_FORMS", str(campaign["folder"]))
    assert parse_file(str(blank_return)).form == OWN_ID
    result = run("parse", blank_return)
    assert json.loads(result.stdout.splitlines()[0])["form"] == OWN_ID
    # The list follows the variable: no list kept from the call before.
    monkeypatch.setenv("TIANBIAO_FORMS", "")
    assert parse_file(str(blank_return)).form == REPORT


def test_a_copy_generated_by_path_is_known_by_id_with_the_folder_set(campaign, monkeypatch):
    copy = next((campaign["base"] / "copies").glob("03_*.docx"))
    monkeypatch.setenv("TIANBIAO_FORMS", str(campaign["folder"]))
    record = parse_file(str(copy))
    assert (record.form, record.identified_by) == (OWN_ID, "properties")


def test_a_missing_definition_file_is_wrong_usage(tmp_path):
    missing = tmp_path / "没有这个.yaml"
    for args in (["generate", missing, "--roster", SAMPLE_LIST, "--out", tmp_path / "o"],
                 ["parse", "--form", missing, SAMPLE_LIST],
                 ["forms", "template", missing, "-o", tmp_path / "x.docx"]):
        result = run(*args)
        assert result.exit_code == 2, result.output
        assert f"找不到表单定义文件 {missing}" in result.output


def test_a_broken_definition_says_where(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\ntitle: 表: 标题\n", encoding="utf-8")
    result = run("forms", "template", broken, "-o", tmp_path / "x.docx")
    assert result.exit_code == 1
    assert (f"错误：{broken}：不是有效的 YAML：第 2 行第 9 列，这里不能有“键: 值”"
            in result.output)
    missing_field = tmp_path / "no-leader.yaml"
    text = (DEFINITIONS / f"{REPORT}.yaml").read_text(encoding="utf-8")
    missing_field.write_text(text.replace("  - {id: leader, kind: text, required: true}\n", ""),
                             encoding="utf-8")
    result = run("forms", "template", missing_field, "-o", tmp_path / "x.docx")
    assert result.exit_code == 1
    assert f"错误：{missing_field}：版式里的空格没有字段定义：leader" in result.output


def test_a_folder_that_does_not_exist_is_refused(tmp_path):
    result = run("forms", "list", env={"TIANBIAO_FORMS": str(tmp_path / "nowhere")})
    assert result.exit_code == 1
    assert (f"环境变量 TIANBIAO_FORMS 里的文件夹 {tmp_path / 'nowhere'} 不存在"
            in result.output)


def test_an_id_taken_by_a_built_in_form_is_refused_naming_both(tmp_path):
    taken = write_own_form(tmp_path / "forms", form_id=REPORT)
    result = run("forms", "list", env={"TIANBIAO_FORMS": str(tmp_path / "forms")})
    assert result.exit_code == 1
    assert (f"表单 id“{REPORT}”重复：内置定义 forms/definitions/{REPORT}.yaml 与 {taken}"
            in result.output)
    by_path = run("forms", "template", taken, "-o", tmp_path / "x.docx")
    assert by_path.exit_code == 1
    assert f"内置定义 forms/definitions/{REPORT}.yaml 与 {taken}" in by_path.output


def test_two_own_files_with_one_id_are_refused_naming_both(tmp_path):
    first = write_own_form(tmp_path / "a")
    second = write_own_form(tmp_path / "b", name="copy.yml")
    env = {"TIANBIAO_FORMS": os.pathsep.join([str(tmp_path / "a"), str(tmp_path / "b")])}
    result = run("forms", "list", env=env)
    assert result.exit_code == 1
    assert f"表单 id“{OWN_ID}”重复：{first} 与 {second}" in result.output


def test_the_built_in_file_by_path_is_the_built_in_form(tmp_path):
    assert get_form(str(DEFINITIONS / f"{REPORT}.yaml")) is get_form(REPORT)
