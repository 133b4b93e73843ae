"""`compiled_from:` in a definition: loaded, refused with where and why, held to its source."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hengyang_applications import CityStore, build_city

from cli import cli
from forms.errors import DefinitionError
from forms.lint import check_definition
from forms.registry import DEFINITIONS, get_form, load_file
from parsers.batch import parse_paths

# An office's own 汇总表 of the 衡阳 申请表: who applied, the category, the contact's phone.
OWN = """\
id: office-2018-summary
title: 本区试点项目申报汇总表
source: 关于申报试点项目的通知
attachment: 附件1
version: 1
fields:
  - {id: bureau, kind: text}
layout:
  - title: 本区试点项目申报汇总表
  - line: "填报单位：{bureau}"
  - table:
      widths: [1.5, 5, 3, 3, 3]
      repeat:
        id: rows
        label: 申报项目
        columns:
          - {id: number, header: 序号, kind: integer}
          - {id: unit, header: 申报单位, kind: text, required: true}
          - {id: category, header: 类别, kind: choice,
             options: [①网络联校创新应用, ②区域智慧教育, ③教育网络安全, ④人工数字智能教室]}
          - {id: phone, header: 联系电话, kind: phone}
          - {id: seal, header: 审核意见, kind: text, required: true}
compiled_from:
  form: hengyang-2018-application
  columns:
    number: 序号
    unit: applicant
    category: category
    phone: contact_phone
"""


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> CityStore:
    """Return a city's store of 衡阳 applications from three counties."""
    return build_city(tmp_path_factory.mktemp("city"))


def written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "office-2018-summary.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_hengyang_summary_is_compiled_from_the_applications():
    how = get_form("hengyang-2018-summary").compiled_from
    assert how is not None
    assert (how.form, how.repeat, how.numbered) == ("hengyang-2018-application",
                                                    "applications", "number")
    assert dict(how.columns) == {"applicant": "applicant", "project": "project",
                                 "category": "category", "leader": "leader",
                                 "phone": "leader_phone"}
    result = check_definition(DEFINITIONS / "hengyang-2018-summary.yaml")
    assert result.ok and not result.findings


def test_an_office_definition_checks_with_a_note_on_the_column_left_to_fill(tmp_path):
    result = check_definition(written(tmp_path, OWN))
    assert result.ok, [str(f) for f in result.findings]
    assert [str(f) for f in result.findings] == [
        "compiled_from 的列 seal（审核意见）：不从《2018年衡阳市教育信息化试点项目申请表》取值，"
        "生成的表里这一列留空，由填表单位自己填写"]
    assert not result.findings[0].error


@pytest.mark.parametrize(("change", "message"), [
    (("    unit: applicant", "    unit: applicant_name"),
     "compiled_from 的列 unit（申报单位）：《2018年衡阳市教育信息化试点项目申请表》没有空格 "
     "applicant_name；是不是：applicant？"),
    (("    phone: contact_phone", "    phone: contact"),
     "compiled_from 的列 phone（联系电话）：这一列是电话号码，而来源空格 contact（联系人）是文字，"
     "写不进去（把列改成 text，或换一个空格）"),
    (("③教育网络安全, ④人工数字智能教室]", "③教育网络安全]"),
     "compiled_from 的列 category（类别）：来源空格 category（申报类别）的选项④人工数字智能教室"
     "不在这一列的选项里"),
    (("  form: hengyang-2018-application", "  form: hengyang-2018-applications"),
     "compiled_from：来源表单：没有表单“hengyang-2018-applications”。是不是："),
])
def test_forms_check_finds_what_the_source_form_cannot_fill(tmp_path, change, message):
    result = check_definition(written(tmp_path, OWN.replace(*change)))
    assert not result.ok
    assert any(str(f).startswith(message) for f in result.findings), [
        str(f) for f in result.findings]


@pytest.mark.parametrize(("change", "message"), [
    (("    unit: applicant", "    applicant: applicant"),
     "compiled_from 的列 applicant 不在重复表 rows 里；"
     "它的列有：number、unit、category、phone、seal"),
    (("    unit: applicant", "    unit: 申报单位"),
     "compiled_from 的列 unit 写的“申报单位”既不是来源表单 hengyang-2018-application "
     "里空格的 id"),
    (("    unit: applicant", "    unit: 序号"),
     "compiled_from 里有两列写了“序号”：number、unit"),
    (("  form: hengyang-2018-application", "  form: office-2018-summary"),
     "compiled_from 的 form 不能是这张表自己"),
    (("  form: hengyang-2018-application",
      "  repeat: budget\n  form: hengyang-2018-application"),
     "compiled_from 的 repeat 写的 budget 不是版式里重复表的 id；有：rows"),
    (("application\n  columns:", "application\n  rows:"),
     "compiled_from 应写成（每列从来源表单的哪个空格取）"),
])
def test_loading_refuses_a_block_that_cannot_mean_anything(tmp_path, change, message):
    with pytest.raises(DefinitionError) as refused:
        load_file(written(tmp_path, OWN.replace(*change)))
    assert message in str(refused.value)


def test_forms_check_on_the_command_line_says_where(tmp_path):
    path = written(tmp_path, OWN.replace("    unit: applicant", "    unit: applicant_name"))
    result = CliRunner().invoke(cli, ["forms", "check", str(path)])
    assert result.exit_code == 1
    assert "compiled_from 的列 unit（申报单位）" in result.output
    assert "定义有 1 处错误" in result.output


def test_an_office_form_compiles_from_the_store(city, tmp_path):
    out = tmp_path / "本区汇总表.docx"
    result = CliRunner().invoke(cli, [
        "compile", str(written(tmp_path, OWN)), "--db", str(city.db), "--roster",
        str(city.roster_file), "--where", "县市区=耒阳市", "--value", "填报单位=耒阳市教育局",
        "--out", str(out)])
    assert result.exit_code == 0, result.output
    (record,) = list(parse_paths([str(out)], str(tmp_path / "office-2018-summary.yaml")))
    assert record.value("bureau") == "耒阳市教育局"
    assert record.rows["申报项目"] == [{"序号": 1, "申报单位": "耒阳市实验中学",
                                    "类别": "人工数字智能教室", "联系电话": "07348523106",
                                    "审核意见": None}]
