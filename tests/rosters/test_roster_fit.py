"""A list that does not fit its form is refused, not used: no header row, another campaign's."""

from __future__ import annotations

import dataclasses

import pytest
from list_documents import SAMPLES, TOTAL, check_ruian_list

from forms.errors import RosterError
from forms.registry import get_form
from rosters.roster import read_roster, read_roster_for

REPORT = get_form("ruian-2022-report")
TASKBOOK = get_form("yueyang-2020-taskbook")
RUIAN_LIST = get_form("ruian-2022-list")


def _without_header(tmp_path, sample):
    path = tmp_path / f"no-header-{sample}"
    lines = (SAMPLES / sample).read_text("utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[1:]), encoding="utf-8")
    return path


def _csv(tmp_path, text):
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_list_for_each_form_fits_it():
    roster = read_roster_for(SAMPLES / "ruian-2022-list.xlsx", REPORT)
    check_ruian_list(roster)
    assert roster.problems == []
    roster = read_roster_for(SAMPLES / "yueyang-2020-list.xlsx", TASKBOOK)
    assert [r.get("单位名称") for r in roster.rows][:2] == ["汨罗市正则学校", "湘阴县第四中学"]
    assert len(roster.rows) == 10 and roster.problems == []


@pytest.mark.parametrize(("sample", "form_id"), [
    ("hengyang-2018-applicants.csv", "hengyang-2018-application"),
    ("yueqing-2018-schools.csv", "yueqing-2018-equipment-selfcheck"),
    ("zhongxian-2021-schools.csv", "zhongxian-2021-inspection"),
])
def test_the_other_campaigns_lists_fit_their_forms(sample, form_id):
    roster = read_roster_for(SAMPLES / sample, get_form(form_id))
    assert roster.rows and roster.problems == []


def test_a_list_without_a_header_row_is_refused(tmp_path):
    path = _without_header(tmp_path, "ruian-2022-list.csv")
    expected = ("名单第 1 行不像表头：“1”“瑞安市陶山镇荆谷学校”“智慧校园”“150000”是数据，"
                "不是列标题；请在数据上方加一行列标题，如：序号、学校名称、项目名称、金额")
    for read in (lambda: read_roster_for(path, REPORT), lambda: read_roster(path, RUIAN_LIST)):
        with pytest.raises(RosterError) as refused:
            read()
        assert refused.value.message == expected


def test_a_list_without_a_header_row_is_refused_even_with_no_form_named(tmp_path):
    with pytest.raises(RosterError) as refused:
        read_roster(_without_header(tmp_path, "ruian-2022-list.csv"))
    assert refused.value.message == (
        "名单第 1 行不像表头：“1”“瑞安市陶山镇荆谷学校”“智慧校园”“150000”是数据，"
        "不是列标题；请在数据上方加一行列标题，如：序号、学校名称")


def test_a_unit_list_without_a_header_row_is_refused(tmp_path):
    with pytest.raises(RosterError) as refused:
        read_roster_for(_without_header(tmp_path, "yueyang-2020-list.csv"), TASKBOOK)
    assert refused.value.message == (
        "名单第 1 行不像表头：“汨罗市正则学校”“智慧教育实践与探究”“何发意”是数据，不是列标题；"
        "请在数据上方加一行列标题，如：单位名称、项目名称、项目负责人")


def test_a_header_row_in_unusual_words_is_not_taken_for_data(tmp_path):
    roster = read_roster(_csv(tmp_path, "编号,评估结果\n1-1,优秀\n2,良好\n"))
    assert roster.headers == ["编号", "评估结果"]
    assert [r.get("评估结果") for r in roster.rows] == ["优秀", "良好"]


def test_another_campaigns_list_is_refused():
    with pytest.raises(RosterError) as refused:
        read_roster_for(SAMPLES / "yueyang-2020-list.xlsx", REPORT)
    assert refused.value.message == (
        "名单与《瑞安市教育信息化应用“回头看”项目建设报告》不符："
        "需要的列 学校名称、项目名称、金额，"
        "文件里的列 单位名称、项目名称、项目负责人；"
        "这份名单像是《2020年度岳阳市教育信息化试点项目单位名单》")
    assert refused.value.form == "ruian-2022-report"
    with pytest.raises(RosterError) as refused:
        read_roster_for(SAMPLES / "ruian-2022-list.csv", TASKBOOK)
    assert refused.value.message.startswith(
        "名单与《岳阳市教育信息化试点项目计划任务书》不符："
        "需要的列 单位名称、项目名称、项目负责人，"
        "文件里的列 序号、学校名称、项目名称、金额")


def test_a_list_read_as_another_list_is_refused():
    with pytest.raises(RosterError) as refused:
        read_roster(SAMPLES / "yueyang-2020-list.xlsx", RUIAN_LIST)
    assert refused.value.message == (
        "名单与《2022年瑞安市教育信息化应用“回头看”项目清单》不符："
        "需要的列 学校名称、项目名称、金额，"
        "文件里的列 单位名称、项目名称、项目负责人")


def test_an_office_sheet_with_the_needed_columns_fits(tmp_path):
    # No 序号 and an extra column: the report needs only the school, project and amount.
    path = _csv(tmp_path, "学校名称,项目名称,金额,联系人\n"
                          "瑞安市第二中学,LED设备,150000,王老师\n"
                          "瑞安市第二中学,交互式一体机,227000,王老师\n")
    roster = read_roster_for(path, REPORT)
    assert [(r.key, r.get("学校名称"), r.get("金额")) for r in roster.rows] == [
        ("1", "瑞安市第二中学", 150000), ("2", "瑞安市第二中学", 227000)]
    assert roster.problems == ["名单没有《2022年瑞安市教育信息化应用“回头看”项目清单》的“序号”列"]


def test_a_list_without_the_amount_column_is_refused(tmp_path):
    path = _csv(tmp_path, "序号,学校名称,项目名称\n1,瑞安市第二中学,LED设备\n")
    with pytest.raises(RosterError) as refused:
        read_roster_for(path, REPORT)
    assert refused.value.message == (
        "名单与《瑞安市教育信息化应用“回头看”项目建设报告》不符："
        "需要的列 学校名称、项目名称、金额，"
        "文件里的列 序号、学校名称、项目名称")


def test_a_column_for_a_blank_that_may_stay_empty_only_warns(tmp_path):
    optional_amount = dataclasses.replace(REPORT, fields=tuple(
        dataclasses.replace(f, required=False) if f.id == "amount" else f
        for f in REPORT.fields))
    path = _csv(tmp_path, "序号,学校名称,项目名称\n1,瑞安市第二中学,LED设备\n")
    roster = read_roster_for(path, optional_amount)
    assert roster.rows[0].get("学校名称") == "瑞安市第二中学"
    assert roster.problems == [
        "名单没有“金额”列：《瑞安市教育信息化应用“回头看”项目建设报告》的这一栏将留空"]


def test_rows_without_a_school_name_are_noted(tmp_path):
    selfcheck = get_form("yueqing-2018-equipment-selfcheck")
    path = _csv(tmp_path, "序号,学校名称,学校类型\n1,乐清市实验小学,小学\n2,,初中\n")
    roster = read_roster_for(path, selfcheck)
    assert roster.problems == ["编号 2：没有填写学校名称"]
    # The notice's own list says so for the line: its 学校名称 is a required column.
    path = _csv(tmp_path, "序号,学校名称,项目名称,金额\n1,,LED设备,150000\n")
    with pytest.raises(RosterError) as refused:
        read_roster_for(path, REPORT)
    assert refused.value.message == "名单的“学校名称”列是空的，无法为各单位生成表格"
    path = _csv(tmp_path, "序号,学校名称,项目名称,金额\n1,,LED设备,150000\n"
                          "2,瑞安市第二中学,机房,2000\n")
    assert read_roster_for(path, REPORT).problems == ["第 2 行 学校名称：未填写（必填）"]


def test_a_list_form_is_read_as_itself():
    roster = read_roster_for(SAMPLES / "ruian-2022-list.xlsx", RUIAN_LIST)
    assert roster.form is RUIAN_LIST and roster.total("金额") == TOTAL
