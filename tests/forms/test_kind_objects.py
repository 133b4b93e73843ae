"""Each field kind as an object: its failure and round trip, empty text, summary format, words.

Beside tests/forms/test_kinds.py (every way schools write a value, read by kind name), these
hold each Kind object to what the rest of tianbiao asks of it, and a definition to being
checked against its kinds when it is loaded.
"""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from forms.errors import DefinitionError, ValueProblem
from forms.kinds import EMPTY_BOX, KINDS, Blank, kind_named, suggest_kind
from forms.loader import load_definition
from forms.registry import all_forms

GRADES = ("优秀", "良好", "基本达标", "不达标")

# kind: (a value, the blank it is written in, text that cannot be read, code, message)
PAIRS = {
    "money": (150000, Blank("投入资金", "元"), "十五万左右", "bad_money",
              "投入资金：无法识别金额“十五万左右”"),
    "date": ("2022-03-08", Blank("填报日期"), "三月初", "bad_date",
             "填报日期：无法识别日期“三月初”"),
    "period": ("2021-03/2021-08", Blank("起止时间"), "2021年下半年", "bad_period",
               "起止时间：无法识别起止时间“2021年下半年”"),
    "year": (2022, Blank("年度"), "今年", "bad_year", "年度：无法识别年份“今年”"),
    "phone": ("057765812345", Blank("联系电话"), "见附件", "bad_phone",
              "联系电话：无法识别电话号码“见附件”"),
    "email": ("abc@qq.com", Blank("电子邮箱"), "abc qq", "bad_email",
              "电子邮箱：无法识别电子邮箱“abc qq”"),
    "integer": (12, Blank("教室数", "间"), "十几间", "bad_number",
                "教室数：无法识别数字“十几间”"),
    "number": (12.5, Blank("生机比"), "约五比一", "bad_number", "生机比：无法识别数字“约五比一”"),
    "percent": (85, Blank("覆盖率"), "约90%", "bad_percent", "覆盖率：无法识别百分比“约90%”"),
    "score": (8.5, Blank("C1", max_score=10), "12", "score_out_of_range",
              "C1：得分 12 超过该项满分 10"),
    "yesno": (True, Blank("是否建成校园网"), "☑是 ☑否", "ambiguous_mark",
              "是否建成校园网：“☑是 ☑否”勾选了不止一项"),
    "choice": ("良好", Blank("专家评定等级", options=GRADES), "达标", "unknown_option",
               "专家评定等级：“达标”不是可选项，应为：优秀、良好、基本达标、不达标"),
    "text": ("瑞安市第一中学", Blank("学校"), None, None, None),
    "longtext": ("一、完成网络改造。\n二、建成录播教室。", Blank("推进措施"), None, None, None),
}


def test_every_kind_has_its_pair() -> None:
    assert set(PAIRS) == set(KINDS)


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_kind_reads_back_what_it_writes(name: str) -> None:
    kind = KINDS[name]
    value, blank, *_ = PAIRS[name]
    assert kind.parse(kind.render(value, blank), blank) == value


@pytest.mark.parametrize("name", sorted(n for n, pair in PAIRS.items() if pair[2] is not None))
def test_kind_failure_names_the_label_and_quotes_the_text(name: str) -> None:
    kind = KINDS[name]
    _, blank, raw, code, message = PAIRS[name]
    with pytest.raises(ValueProblem) as caught:
        kind.parse(raw, blank)
    assert caught.value.code == code
    assert caught.value.message == message


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_an_empty_blank_renders_as_it_prints_and_reads_as_none(name: str) -> None:
    kind = KINDS[name]
    _, blank, *_ = PAIRS[name]
    empty = kind.empty_text(blank)
    assert kind.render(None, blank) == empty
    assert kind.parse(empty, blank) is None


def test_marks_print_the_official_empty_box() -> None:
    assert EMPTY_BOX == "□"
    assert kind_named("yesno").empty_text(Blank("是否")) == "□是   □否"
    assert kind_named("yesno").empty_text(Blank("有无", options=("有", "无"))) == "□有   □无"
    choice = kind_named("choice").empty_text(Blank("等级", options=GRADES))
    assert choice == "□优秀   □良好   □基本达标   □不达标"
    assert kind_named("money").empty_text(Blank("投入资金", "元")) == ""


def test_every_blank_form_prints_one_empty_box() -> None:
    from forms.layout import build_blank_form

    for spec in all_forms():
        document = build_blank_form(spec)
        texts = [p.text for t in document.tables for r in t.rows for c in r.cells
                 for p in c.paragraphs] + [p.text for p in document.paragraphs]
        assert not any("☐" in text for text in texts), spec.id


@pytest.mark.parametrize(
    ("name", "unit", "expected"),
    [("money", "元", "#,##0"), ("money", None, "#,##0"), ("money", "万元", "#,##0.00##"),
     ("integer", "人", None), ("score", None, None), ("date", None, None)],
)
def test_summary_number_format_is_the_kinds(name: str, unit: str | None, expected: str) -> None:
    assert kind_named(name).number_format(unit) == expected


def test_only_money_sums_in_a_total() -> None:
    assert [name for name, kind in KINDS.items() if kind.sums] == ["money"]


def test_wan_yuan_keeps_the_yuan_and_shows_it() -> None:
    money, blank = kind_named("money"), Blank("经费总数", "万元")
    value = money.parse("150,001元", blank)
    assert value == 15.0001
    assert money.render(value, blank) == "15.0001万元"
    assert money.cell_value(value, "万元") == (15.0001, "#,##0.00##")


def test_a_date_cell_shows_as_much_as_was_written() -> None:
    date = kind_named("date")
    assert date.cell_value("2022-09", None) == (dt.date(2022, 9, 1), 'yyyy"年"m"月"')
    assert date.cell_value("2022-09-01", None) == (dt.date(2022, 9, 1), 'yyyy"年"m"月"d"日"')
    assert date.cell_value("九月", None) == ("九月", None)
    assert kind_named("period").cell_value("2021-03/2021-08", None) == ("2021年3月—2021年8月", None)


def test_money_printed_in_another_unit_is_read_in_it_and_kept_in_the_blanks() -> None:
    money = kind_named("money")
    assert money.printed_unit("（万元）") == "万元"
    assert kind_named("integer").printed_unit("（万元）") is None
    assert money.parse("15", Blank("投入资金", "元"), printed_unit="万元") == 150000
    assert money.parse("150000", Blank("所需经费", "万元"), printed_unit="元") == 15


@pytest.mark.parametrize(
    ("name", "value", "blank", "expected"),
    [
        ("money", 150000, Blank("金额", "元"), "150,000元"),
        ("money", "150000元", Blank("金额", "元"), "150000元"),  # a roster's text stays
        ("yesno", "是", Blank("是否"), "☑是   □否"),
        ("yesno", None, Blank("是否"), "□是   □否"),
        ("choice", "普通高中", Blank("学校类型", options=("小学", "初中", "普通高中")), "普通高中"),
        ("date", dt.date(2022, 3, 8), Blank("日期"), "2022年3月8日"),
    ],
)
def test_prefill_text_from_a_roster_value(name: str, value: object, blank: Blank,
                                          expected: str) -> None:
    assert kind_named(name).prefill_text(value, blank) == expected


def test_a_message_sets_the_money_unit_apart() -> None:
    assert kind_named("money").message_text(283750, Blank("投入资金", "元")) == "283,750 元"
    assert kind_named("text").message_text("智慧校园", Blank("项目名称")) == "智慧校园"


@pytest.mark.parametrize(
    ("label", "printed", "expected"),
    [
        ("投入资金", "", "money"),
        ("所需经费（万元）", "", "money"),
        ("申报建设时间", "", "date"),
        ("起止时间", "", "period"),
        ("联系电话", "", "phone"),
        ("手机", "", "phone"),
        ("学校传真", "", "phone"),
        ("传真号码", "", "phone"),
        ("电子邮箱", "", "email"),
        ("是否建成校园网", "", "yesno"),
        ("网络安全等级保护", "□是 □否", "yesno"),
        ("学生人数", "", "integer"),
        ("计算机（台）", "", "integer"),
        ("交互功能占比（%）", "", "percent"),
        ("覆盖率", "", "percent"),
        ("自评分", "", "score"),
        ("推进措施", "", "longtext"),
        ("学校名称", "", None),
    ],
)
def test_label_words_and_units_suggest_a_kind(label: str, printed: str,
                                              expected: str | None) -> None:
    suggested = suggest_kind(label, printed)
    assert (suggested.name if suggested else None) == expected


def test_a_field_carries_its_kind_object_across_processes() -> None:
    spec = next(s for s in all_forms() if s.id == "ruian-2022-report")
    amount = spec.field("amount")
    assert amount.kind == "money" and amount.value_kind is kind_named("money")
    copy = pickle.loads(pickle.dumps(amount))
    assert copy.value_kind.parse("15万元", copy.blank) == 150000
    for form in all_forms():
        for field in form.fields:
            assert field.value_kind.name == field.kind
        for repeat in form.repeats:
            assert all(c.value_kind.name == c.kind for c in repeat.columns)


def _definition(field: dict[str, object]) -> dict[str, object]:
    return {
        "id": "x", "title": "T", "source": "S", "attachment": "附件1", "version": 1,
        "fields": [{"id": "amount", **field}],
        "layout": [{"table": {"widths": [3, 3], "rows": [{"cells": ["投入资金", "{amount}"]}]}}],
    }


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ({"kind": "money", "unit": "台"},
         "x.yaml：字段 amount：金额的单位应为“元”或“万元”，不是“台”"),
        ({"kind": "date", "unit": "元"}, "x.yaml：字段 amount：日期不带单位，不应写单位“元”"),
        ({"kind": "choice"}, "x.yaml：字段 amount：选择题没有列出选项"),
        ({"kind": "yesno", "options": ["有", "无", "不详"]},
         "x.yaml：字段 amount：是/否 空格应有两个选项，而不是 3 个"),
        ({"kind": "text", "options": ["甲", "乙"]},
         "x.yaml：字段 amount：文字没有选项，不应列出 options"),
        ({"kind": "colour"}, "x.yaml：字段 amount 的种类“colour”不存在；可用："),
    ],
)
def test_a_definition_is_checked_against_its_kinds_when_loaded(field: dict[str, object],
                                                               message: str) -> None:
    with pytest.raises(DefinitionError) as caught:
        load_definition(_definition(field), origin="x.yaml")
    assert caught.value.message.startswith(message)


def test_a_repeat_column_is_checked_too() -> None:
    data = {
        "id": "x", "title": "T", "source": "S", "attachment": "附件1", "version": 1,
        "layout": [{"table": {"widths": [3], "repeat": {
            "id": "budget", "label": "预算",
            "columns": [{"id": "cost", "header": "经费", "kind": "money", "unit": "美元"}]}}}],
    }
    with pytest.raises(DefinitionError, match="字段 cost：金额的单位应为“元”或“万元”，不是“美元”"):
        load_definition(data, origin="x.yaml")
