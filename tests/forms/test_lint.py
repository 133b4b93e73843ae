"""`tianbiao forms check`: what a definition gets wrong or leaves ambiguous, and where."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from forms.lint import check_definition
from forms.registry import DEFINITIONS

GOOD = """\
id: office-check
title: 本区项目申报表
source: 关于申报项目的通知
attachment: 附件1
version: 1
school: school
roster: ruian-2022-list
fields:
  - {id: school, kind: text, required: true, prefill: 学校名称}
  - {id: amount, kind: money, unit: 元, prefill: 金额}
  - {id: phone, kind: phone}
layout:
  - title: 本区项目申报表
  - table:
      widths: [3, 5, 3, 5]
      rows:
        - cells: [学校, "{school}", 投入资金, "{amount}"]
        - cells: [联系电话, {blank: phone, span: 3}]
"""

SCORED = """\
id: office-score
title: 本区督查评分表
source: 关于督查的通知
attachment: 附件1
version: 1
points: 10
layout:
  - title: 本区督查评分表
  - table:
      widths: [2, 8, 2]
      items:
        score: {kind: score, column: 考核分}
      rows:
        - cells: [项目, 内容, 考核分]
          header: true
        - {item: A1, max: 5, cells: [A1, 制度健全, "{score}"]}
        - {item: A2, max: 3, cells: [A2, 人员到位, "{score}"]}
"""


def write(tmp_path: Path, text: str, name: str = "form.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(path: Path) -> list[str]:
    return [str(f) for f in check_definition(path).findings]


def test_a_good_definition_passes_with_a_summary(tmp_path):
    path = write(tmp_path, GOOD)
    result = CliRunner().invoke(cli, ["forms", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output == "定义无误：3 个空格（office-check《本区项目申报表》）\n"


@pytest.mark.parametrize("path", sorted(DEFINITIONS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_built_in_definition_passes(path):
    result = check_definition(path)
    assert result.ok, [str(f) for f in result.findings]


def test_two_blanks_with_one_label_are_ambiguous(tmp_path):
    text = GOOD.replace("[学校, \"{school}\", 投入资金, \"{amount}\"]",
                        "[学校, \"{school}\", 学校, \"{amount}\"]")
    assert messages(write(tmp_path, text)) == [
        "字段 school、amount：标签都是“学校”，读回时分不清是哪一个"
        "（改动其中一个的标签，或用 column: 区分）"]


def test_a_blank_whose_label_has_no_words(tmp_path):
    text = GOOD.replace("[联系电话, {blank: phone, span: 3}]", "[＊, {blank: phone, span: 3}]")
    assert messages(write(tmp_path, text)) == [
        "字段 phone：标签“＊”没有文字，读回时找不到它（在它左边或上面的格子写上标签，或写 label:）"]


def test_one_roster_column_prefilling_two_blanks(tmp_path):
    text = GOOD.replace("prefill: 金额", "prefill: 学校名称")
    assert messages(write(tmp_path, text)) == [
        "字段 school、amount：都由名单的“学校名称”列预填；一列只能预填一个空格，请核对 prefill"]


def test_school_naming_no_blank(tmp_path):
    assert messages(write(tmp_path, GOOD.replace("school: school\n", "school:\n"))) == [
        "school：没有写是哪个空格；写学校名称那个空格的 id（如 school: school）"]
    wrong = write(tmp_path, GOOD.replace("school: school\n", "school: unit\n"), "wrong.yaml")
    assert messages(wrong) == [f"{wrong}：school 写的 unit 不是表中空格的 id"]
    money = write(tmp_path, GOOD.replace("school: school\n", "school: amount\n"), "money.yaml")
    assert messages(money) == ["school：写的 amount 是“money”类空格，写学校名称的空格应是 text"]


def test_a_row_narrower_than_its_table(tmp_path):
    text = GOOD.replace("{blank: phone, span: 3}", "{blank: phone, span: 2}")
    result = CliRunner().invoke(cli, ["forms", "check", str(write(tmp_path, text))])
    assert result.exit_code == 1
    assert result.stdout == (
        "错误：第 1 个表格第 2 行：只占 3 列，而 widths 写了 4 列（补上格子，或用 span 合并）\n")
    assert f"定义有 1 处错误：{tmp_path / 'form.yaml'}" in result.output


def test_a_row_wider_than_its_table_names_the_table(tmp_path):
    path = write(tmp_path, GOOD.replace("span: 3", "span: 4"))
    assert messages(path) == [f"{path}：第 1 个表格第 2 行的格子超出了 widths 写的 4 列"]


def test_item_maxima_that_do_not_add_up_to_points(tmp_path):
    path = write(tmp_path, SCORED)
    assert messages(path) == [f"{path}：“考核分”各项分值合计 8 分，与规定的总分 10 分不符"]
    unscored = write(tmp_path, SCORED.replace("max: 3, ", ""), "unscored.yaml")
    assert messages(unscored) == [
        f"{unscored}：“考核分”各项分值合计 5 分，与规定的总分 10 分不符（没有写 max 的项：A2）"]
    assert check_definition(write(tmp_path, SCORED.replace("max: 3", "max: 5"), "ok.yaml")).ok


def test_points_without_scored_items_and_items_without_points(tmp_path):
    no_items = write(tmp_path, GOOD.replace("version: 1\n", "version: 1\npoints: 100\n"))
    assert messages(no_items) == [
        "points：写了总分 100 分，但表格里没有带分值（max）的评分项"]
    no_points = write(tmp_path, SCORED.replace("points: 10\n", ""), "no-points.yaml")
    result = check_definition(no_points)
    assert result.ok  # a note, not an error
    assert [str(f) for f in result.findings] == [
        "points：各项分值合计 8 分，但没有写 points（总分）：写上 points: 8 才会核对各项分值"]


def test_a_key_written_twice(tmp_path):
    path = write(tmp_path, GOOD.replace("version: 1\n", "version: 1\ntitle: 另一个标题\n"))
    assert messages(path) == ["第 6 行：键“title”在同一处写了两次，只有后写的一个有效"]


def test_an_id_another_file_has(tmp_path):
    path = write(tmp_path, GOOD.replace("id: office-check", "id: ruian-2022-report"))
    assert messages(path) == [
        f"id：“ruian-2022-report”已是 {DEFINITIONS / 'ruian-2022-report.yaml'} 的 id；"
        "一个 id 只能有一个定义文件，请换一个 id"]


def test_a_roster_that_is_no_list(tmp_path):
    unknown = write(tmp_path, GOOD.replace("roster: ruian-2022-list", "roster: nowhere-list"))
    assert messages(unknown) == [
        "roster：写的 nowhere-list 不是已有的表单；写名单表的 id（tianbiao forms list 可查看），"
        "或删去这一行"]
    report = write(tmp_path, GOOD.replace("roster: ruian-2022-list", "roster: ruian-2022-report"),
                   "report.yaml")
    assert messages(report) == ["roster：写的 ruian-2022-report 没有可作名单的表格"
                                "（应是名单表 kind: list，或带重复表 repeat 的汇总表）"]


def test_broken_yaml_says_the_line(tmp_path):
    path = write(tmp_path, GOOD.replace("version: 1", "version: 1\n\tdue: 2024-01-01"))
    result = CliRunner().invoke(cli, ["forms", "check", str(path)])
    assert result.exit_code == 1
    assert result.stdout == (f"错误：{path}：不是有效的 YAML：第 6 行第 1 列，"
                             "有不能出现的字符（如 Tab 制表符：请用空格缩进）\n")


def test_check_a_form_by_id():
    result = CliRunner().invoke(cli, ["forms", "check", "zhongxian-2021-inspection"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("定义无误：74 个空格，35 个评分或检查项，总分 100 分")
