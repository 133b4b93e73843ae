"""`forms infer` on small attachments built here: what a clerk reads in the definition it writes.

Each attachment is a python-docx document printed the way bureaus print forms; the tests
check the blanks, kinds, units, options, parts, items and repeating rows the definition
names, that the YAML written loads and survives hostile text, and the command's messages.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from attachments import application_form, put_table
from click.testing import CliRunner
from docx import Document

from cli import cli
from forms.loader import load_definition
from inference import infer
from parsers.batch import read_grid
from parsers.extract import extract
from parsers.record import build_record


@pytest.fixture(scope="module")
def application(tmp_path_factory) -> Path:
    return application_form(tmp_path_factory.mktemp("attachment") / "application.docx")


@pytest.fixture(scope="module")
def inferred(application):
    return infer(application)


def _field(result, label: str, column: str | None = None):
    return next(f for f in result.spec.fields if f.label == label and f.column == column)


def test_title_attachment_due_and_contact_come_from_the_printed_text(inferred):
    spec = inferred.spec
    assert spec.title == "某某市中小学智慧校园示范校申报表"
    assert spec.attachment == "附件3"
    assert str(spec.due) == "2024年5月20日"
    assert "王明" in spec.contact and "0731-1234567" in spec.contact


def test_every_blank_is_found_with_the_kind_its_label_or_print_says(inferred):
    kinds = {(f.label, f.column): f.kind for f in inferred.spec.fields}
    assert kinds == {
        ("申报学校（盖章）", None): "text",
        ("填报日期", None): "date",
        ("学校名称", None): "text",
        ("校长", None): "text",
        ("联系电话", None): "phone",
        ("传真", None): "phone",
        ("电子邮箱", None): "email",
        ("学生人数（人）", None): "integer",
        ("投入资金（万元）", None): "money",
        ("建设起止时间", None): "period",
        ("是否已建校园网", None): "yesno",
        ("办学类型", None): "choice",
        ("建设内容简介（可另附页）", None): "longtext",
        ("学校意见", None): "longtext",
        ("学校意见", "负责人"): "text",
        ("学校意见", "日期"): "date",
    }
    assert _field(inferred, "投入资金（万元）").unit == "万元"
    assert _field(inferred, "办学类型").options == ("小学", "初中", "九年一贯制")
    assert inferred.spec.school == "school"


def test_empty_rows_under_a_header_become_a_repeating_table(inferred):
    (repeat,) = inferred.spec.repeats
    assert repeat.label == "项目经费预算"
    assert [(c.header_label, c.kind, c.unit) for c in repeat.columns] == [
        ("序号", "integer", None), ("支出内容", "longtext", None), ("金额（元）", "money", "元"),
        ("备注", "text", None)]


def test_the_yaml_written_loads_to_the_same_form_and_comments_its_guesses(inferred):
    data = yaml.safe_load(inferred.yaml_text)
    again = load_definition(data, origin="again.yaml")
    assert [(f.id, f.kind, f.label) for f in again.fields] == [
        (f.id, f.kind, f.label) for f in inferred.spec.fields]
    assert "# 猜测：标签“投入资金（万元）”写着单位万元" in inferred.yaml_text


def test_a_return_filled_on_the_original_attachment_reads_with_the_inferred_form(
        application, inferred, tmp_path):
    doc = Document(str(application))
    doc.paragraphs[2].text = "申报学校（盖章）：长沙市实验小学    填报日期：2024年5月8日"
    table = doc.tables[0]
    table.cell(0, 1).text = "长沙市实验小学"
    table.cell(1, 1).text = "0731-8888 6666"
    table.cell(2, 3).text = "1,260人"
    table.cell(3, 1).text = "35.5"
    table.cell(4, 1).text = "□是    ☑否"
    table.cell(6, 1).text = "同意申报。\n\n负责人：李华        （盖章）\n2024年5月9日"
    doc.tables[1].cell(1, 1).text = "录播教室"
    doc.tables[1].cell(1, 2).text = "120,000"
    returned = tmp_path / "return.docx"
    doc.save(str(returned))
    record = build_record(str(returned), inferred.spec,
                          *extract(read_grid(str(returned)), inferred.spec))
    values = {(f.label, f.column): f.value for f in record.fields}
    assert values[("申报学校（盖章）", None)] == "长沙市实验小学"
    assert values[("填报日期", None)] == "2024-05-08"
    assert values[("联系电话", None)] == "073188886666"
    assert values[("学生人数（人）", None)] == 1260
    assert values[("投入资金（万元）", None)] == 35.5
    assert values[("是否已建校园网", None)] is False
    assert values[("学校意见", None)] == "同意申报。"
    assert values[("学校意见", "负责人")] == "李华"
    assert values[("学校意见", "日期")] == "2024-05-09"
    assert record.rows["项目经费预算"][0]["金额（元）"] == 120000


def test_hostile_text_in_the_attachment_stays_text_in_the_yaml(tmp_path):
    doc = Document()
    doc.add_paragraph("附件1")
    doc.add_paragraph("申报表 #{x} !!python/object")
    doc.add_paragraph('说明"}: {x: !!python/object:os.system ls} # 注释')
    doc.add_paragraph("单位{school}：____")
    put_table(doc, [['名称: {evil}', ""], ["备注 #\"'", ""], ["{school}", "附"]])
    path = tmp_path / "hostile.docx"
    doc.save(str(path))
    result = infer(path)
    data = yaml.safe_load(result.yaml_text)
    assert data["title"] == "申报表#{x} !!python/object"
    assert {"paragraph": '说明"}: {x: !!python/object:os.system ls} # 注释'} in data["layout"]
    assert [f.label for f in result.spec.fields] == ["单位｛school｝", "名称: {evil}", "备注#\"'"]
    printed = result.spec.layout[-1].table.rows[2].cells[0]
    assert (printed.text, printed.blank) == ("{school}", None)


def test_the_command_writes_the_definition_and_reports_what_it_guessed(application, tmp_path):
    out = tmp_path / "form.yaml"
    result = CliRunner().invoke(cli, ["forms", "infer", str(application), "--id", "demo-form",
                                      "-o", str(out), "--report"])
    assert result.exit_code == 0, result.output
    assert "已写出表单定义" in result.output and "16 个空格" in result.output
    assert "空格 touruzijin：投入资金（万元） → money，单位 万元" in result.output
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["id"] == "demo-form"
    again = CliRunner().invoke(cli, ["forms", "infer", str(application), "-o", str(out)])
    assert again.exit_code == 2
    assert "已存在" in again.output


def test_a_roster_names_the_columns_that_prefill_blanks(application, tmp_path):
    roster = tmp_path / "名单.csv"
    roster.write_text("序号,学校名称,校长,投入资金（万元）\n1,长沙市实验小学,李华,35\n",
                      encoding="utf-8")
    out = tmp_path / "form.yaml"
    result = CliRunner().invoke(cli, ["forms", "infer", str(application), "--roster", str(roster),
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    spec = load_definition(yaml.safe_load(out.read_text(encoding="utf-8")), origin="form.yaml")
    prefilled = {f.label: f.prefill for f in spec.fields if f.prefill}
    assert prefilled == {"学校名称": "学校名称", "校长": "校长",
                         "投入资金（万元）": "投入资金（万元）"}
    assert spec.school_field.label == "学校名称"  # the blank the list's school column fills


@pytest.mark.parametrize("content, message", [
    (b"not a document at all", "不是有效的 Word 文档"),
    (b"%PDF-1.4\n%%EOF\n", "PDF"),
])
def test_a_file_that_is_no_attachment_gets_a_message_and_exit_code_1(tmp_path, content, message):
    path = tmp_path / ("bad.pdf" if content.startswith(b"%PDF") else "bad.docx")
    path.write_bytes(content)
    result = CliRunner().invoke(cli, ["forms", "infer", str(path), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 1
    assert message in result.output
    assert not (tmp_path / "x.yaml").exists()


def test_the_report_is_json_free_chinese_lines(inferred):
    lines = inferred.report()
    assert lines[0].startswith("空格 school：申报学校（盖章） → text")
    assert any(line.startswith("可增减行的表") for line in lines)
    json.dumps(lines, ensure_ascii=False)


def test_a_notice_without_blanks_is_refused_with_a_word_of_why(tmp_path):
    doc = Document()
    doc.add_paragraph("关于开展教育信息化应用检查的通知")
    doc.add_paragraph("各学校：请认真组织自查，于3月10日前报送。")
    notice = tmp_path / "通知.docx"
    doc.save(str(notice))
    out = tmp_path / "x.yaml"
    result = CliRunner().invoke(cli, ["forms", "infer", str(notice), "-o", str(out)])
    assert result.exit_code == 1
    assert "没有找到要填写的空格" in result.output
    assert not out.exists()
