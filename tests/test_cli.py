"""The command line as a clerk and a script use it: help, output formats, plain errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cli import cli
from forms.registry import all_forms

COMMANDS = [[], ["forms"], ["forms", "list"], ["forms", "template"], ["forms", "check"], ["roster"],
            ["generate"], ["parse"], ["summary"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "tianbiao")
def test_every_command_has_help(command):
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "用法：" in result.output


def test_forms_list_json_names_every_form():
    result = CliRunner().invoke(cli, ["forms", "list", "--format", "json"])
    assert result.exit_code == 0
    listed = json.loads(result.output)
    assert [f["id"] for f in listed] == [f.id for f in all_forms()]
    report = next(f for f in listed if f["id"] == "ruian-2022-report")
    assert report["title"] == "瑞安市教育信息化应用“回头看”项目建设报告"
    assert report["attachment"] == "附件2"
    assert report["source"].startswith("关于开展2022年教育信息化项目应用")


def test_forms_template_writes_the_blank_form(tmp_path):
    out = tmp_path / "blank.docx"
    result = CliRunner().invoke(cli, ["forms", "template", "ruian-2022-report", "-o", str(out)])
    assert result.exit_code == 0
    from parsers.docx import read_docx

    assert "瑞安市教育信息化应用“回头看”项目建设报告" in read_docx(out).all_text()


def test_roster_json_and_table(sample_roster):
    from conftest import SAMPLE_LIST

    result = CliRunner().invoke(cli, ["roster", str(SAMPLE_LIST), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert len(data["rows"]) == 60
    assert data["rows"][1] == {"key": "1-2", "position": 2, "序号": 1,
                               "学校名称": "瑞安市陶山镇荆谷学校", "项目名称": "云桌面机房",
                               "金额": 155651}
    table = CliRunner().invoke(cli, ["roster", str(SAMPLE_LIST)])
    assert table.exit_code == 0
    assert "共 60 行，金额合计 13,893,577 元" in table.output


def test_unknown_form_is_a_plain_error():
    result = CliRunner().invoke(cli, ["forms", "template", "nope", "-o", "x.docx"])
    assert result.exit_code == 1
    assert "错误：没有表单“nope”" in result.output
    assert "Traceback" not in result.output


def test_generate_then_summary_through_the_commands(tmp_path):
    from conftest import SAMPLE_LIST

    runner = CliRunner()
    out = tmp_path / "reports"
    result = runner.invoke(cli, ["generate", "ruian-2022-report", "--roster", str(SAMPLE_LIST),
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.docx"))) == 60
    workbook = tmp_path / "summary.xlsx"
    result = runner.invoke(cli, ["summary", "ruian-2022-report", str(out), "--out",
                                 str(workbook)])
    assert result.exit_code == 0, result.output
    from openpyxl import load_workbook

    sheet = load_workbook(workbook).active
    total = next(r for r in sheet.iter_rows(min_row=3) if r[0].value == "合计")
    headers = [c.value for c in sheet[2]]
    assert total[headers.index("投入资金（元）")].value == 13_893_577
