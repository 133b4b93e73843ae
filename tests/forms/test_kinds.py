"""Field kinds: every way schools write a value, every failure with its code and message."""

from __future__ import annotations

import pytest

from forms.errors import DefinitionError, ValueProblem
from forms.kinds import KINDS, format_value, parse_value

APPLICATION_CATEGORIES = [
    "①网络联校创新应用", "②区域智慧教育", "③教育网络安全", "④人工数字智能教室",
]
GRADES = ["优秀", "良好", "基本达标", "不达标"]


def _same(value: object, expected: object) -> bool:
    """Tell whether two values are equal and of the same type (15 is not 15.0, 1 is not True)."""
    return value == expected and type(value) is type(expected)


def _assert_problem(kind: str, raw: str, code: str, **definition: object) -> ValueProblem:
    with pytest.raises(ValueProblem) as caught:
        parse_value(kind, raw, label="投入资金", **definition)  # type: ignore[arg-type]
    problem = caught.value
    assert problem.code == code
    assert problem.message.startswith("投入资金：")
    assert f"“{' '.join(raw.split())}”" in problem.message
    return problem


def test_kinds_are_the_ones_definitions_may_name() -> None:
    assert set(KINDS) == {
        "text", "longtext", "money", "date", "period", "year", "phone", "email",
        "integer", "number", "percent", "score", "yesno", "choice",
    }


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("text", None),
        ("text", ""),
        ("text", "   "),
        ("text", "\u3000\u3000"),
        ("text", "____"),
        ("text", "＿＿＿＿"),
        ("text", "（盖章）"),
        ("text", "(签字)"),
        ("longtext", " \n \n"),
        ("longtext", "（单位公章）\n   年   月   日"),
        ("date", "年  月  日"),
        ("date", "    年    月    日"),
        ("period", "年 月 至 年 月"),
        ("period", "  年  月—  年  月"),
        ("money", "元"),
        ("money", "      万元"),
        ("money", "￥        元"),
        ("money", "人民币      元"),
        ("integer", "个"),
        ("integer", "台"),
        ("number", "   "),
        ("percent", "%"),
        ("percent", "  ％"),
        ("score", "分"),
        ("phone", "（    ）"),
        ("yesno", "☐是 ☐否"),
        ("yesno", "□是  □否"),
        ("yesno", "○是 ○否"),
        ("yesno", "是  否"),
        ("choice", "□①网络联校创新应用 □②区域智慧教育 □③教育网络安全 □④人工数字智能教室"),
    ],
)
def test_blank_left_empty_reads_as_none(kind: str, raw: str | None) -> None:
    options = APPLICATION_CATEGORIES if kind == "choice" else ()
    assert parse_value(kind, raw, label="空格", options=options) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("瑞安市第一中学", "瑞安市第一中学"),
        ("  瑞安市第一中学\u3000", "瑞安市第一中学"),
        ("张三，李四", "张三，李四"),  # Chinese punctuation in free text is kept as written
        ("—", "—"),  # a dash is something the school wrote, not a printed leftover
    ],
)
def test_text_is_trimmed(raw: str, expected: str) -> None:
    assert parse_value("text", raw, label="学校") == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "  一、完成网络改造。\n\n\u3000\u3000二、建成录播教室。  ",
            "一、完成网络改造。\n二、建成录播教室。",
        ),
        ("第一段\r\n\r\n第二段\n", "第一段\n第二段"),
        ("只有一行", "只有一行"),
    ],
)
def test_longtext_trims_lines_and_drops_empty_ones(raw: str, expected: str) -> None:
    assert parse_value("longtext", raw, label="项目建设总结") == expected


@pytest.mark.parametrize(
    ("raw", "unit", "expected"),
    [
        ("15万元", None, 150000),
        ("15万元", "元", 150000),
        ("150,000元", "元", 150000),
        ("150000", "元", 150000),
        ("150000.00", "元", 150000),
        ("￥150,000", "元", 150000),
        ("¥150,000.00", "元", 150000),
        ("壹拾伍万元整", "元", 150000),
        ("壹拾伍万圆正", "元", 150000),
        ("壹拾伍萬元整", "元", 150000),
        ("十五万元", "元", 150000),
        ("两万元", "元", 20000),
        ("15.5万", "元", 155000),
        ("1.5亿", "元", 150000000),
        ("150,000 元", "元", 150000),
        ("人民币15万元", "元", 150000),
        ("RMB 150000", "元", 150000),
        ("１５万元", "元", 150000),
        ("１５０，０００元", "元", 150000),
        ("13,893,577", "元", 13893577),
        ("150000.5", "元", 150000.5),
        ("1234.567元", "元", 1234.57),
        ("壹拾伍万元伍角贰分", "元", 150000.52),
        ("15万3千元", "元", 153000),
        ("人民币壹拾伍万元整（￥150,000.00）", "元", 150000),
        ("0", "元", 0),
        ("150,000元", "万元", 15),
        ("150000元", "万元", 15),
        ("15", "万元", 15),
        ("15.5", "万元", 15.5),
        ("15万元", "万元", 15),
        ("15万", "万元", 15),
        ("十五万元", "万元", 15),
        ("1.5亿", "万元", 15000),
        ("150,001元", "万元", 15.0001),
        ("1389.3577万元", "万元", 1389.3577),
    ],
)
def test_money_reads_into_the_blank_unit(raw: str, unit: str | None, expected: object) -> None:
    assert _same(parse_value("money", raw, label="投入资金", unit=unit), expected)


@pytest.mark.parametrize(
    "raw",
    [
        "十五万左右",
        "约15万",
        "五六万元",
        "待定",
        "15万元以上",
        "15万元（自筹）",
        "150 000",
        "15,5",
        "1,5000",
        "-5000",
        "无",
        "—",
        "人民币壹拾伍万元整（￥150,001.00）",  # words and figures disagree
        "壹拾伍万元伍角贰",
    ],
)
def test_money_that_cannot_be_read_with_certainty_fails(raw: str) -> None:
    problem = _assert_problem("money", raw, "bad_money")
    assert problem.message == f"投入资金：无法识别金额“{' '.join(raw.split())}”"


def test_money_unit_other_than_yuan_is_a_definition_error() -> None:
    with pytest.raises(DefinitionError):
        parse_value("money", "15", label="投入资金", unit="台")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2022年3月8日", "2022-03-08"),
        ("2022.3.8", "2022-03-08"),
        ("2022-03-08", "2022-03-08"),
        ("2022/3/8", "2022-03-08"),
        ("2022．3．8", "2022-03-08"),
        ("２０２２年３月８日", "2022-03-08"),
        ("二〇二二年三月八日", "2022-03-08"),
        ("二零二二年三月八号", "2022-03-08"),
        ("二○二二年十二月三十一日", "2022-12-31"),
        ("2022年03月08日", "2022-03-08"),
        ("2022 年 3 月 8 日", "2022-03-08"),
        ("2022年3月8号", "2022-03-08"),
        ("2024年2月29日", "2024-02-29"),
        ("2022年3月", "2022-03"),
        ("2022.3", "2022-03"),
        ("2022-03", "2022-03"),
        ("二〇二二年十月", "2022-10"),
        # The century left out, a compact date, 元月, a seal prompt or full stop beside it.
        ("23年3月8日", "2023-03-08"),
        ("20220308", "2022-03-08"),
        ("2022年元月8日", "2022-01-08"),
        ("2022年3月8日（盖章）", "2022-03-08"),
        ("2022.03.08.", "2022-03-08"),
        ("2022年3月8日。", "2022-03-08"),
    ],
)
def test_date_reads_as_iso(raw: str, expected: str) -> None:
    assert parse_value("date", raw, label="填报日期") == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("2022-02-30", "填报日期：日期“2022-02-30”不存在"),
        ("2023年2月29日", "填报日期：日期“2023年2月29日”不存在"),
        ("2022.13", "填报日期：日期“2022.13”不存在"),
        ("2022年", "填报日期：无法识别日期“2022年”"),
        ("3月8日", "填报日期：无法识别日期“3月8日”"),
        ("2022年  月  日", "填报日期：无法识别日期“2022年 月 日”"),
        ("22.3.8", "填报日期：无法识别日期“22.3.8”"),
        ("三月初", "填报日期：无法识别日期“三月初”"),
        ("2022.3-8", "填报日期：无法识别日期“2022.3-8”"),
        ("20221308", "填报日期：日期“20221308”不存在"),
        ("2022年3月上旬", "填报日期：无法识别日期“2022年3月上旬”"),
    ],
)
def test_bad_date_fails(raw: str, message: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_value("date", raw, label="填报日期")
    assert caught.value.code == "bad_date"
    assert caught.value.message == message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2021.3—2021.8", "2021-03/2021-08"),
        ("2021年3月-2021年8月", "2021-03/2021-08"),
        ("2021.3～2021.8", "2021-03/2021-08"),
        ("2021.3~2021.8", "2021-03/2021-08"),
        ("2021年3月至8月", "2021-03/2021-08"),
        ("2021年3月至2022年1月", "2021-03/2022-01"),
        ("2021年3月——2021年8月", "2021-03/2021-08"),
        ("2021-03-2021-08", "2021-03/2021-08"),
        ("2021.3.1-2021.8.31", "2021-03-01/2021-08-31"),
        ("2021.3.1-8.31", "2021-03-01/2021-08-31"),
        ("2021年3月1日至8月31日", "2021-03-01/2021-08-31"),
        ("2021年3月1日至31日", "2021-03-01/2021-03-31"),
        ("二〇二一年三月至八月", "2021-03/2021-08"),
        ("2021年-2023年", "2021/2023"),
    ],
)
def test_period_reads_as_two_iso_ends(raw: str, expected: str) -> None:
    assert parse_value("period", raw, label="实施时间") == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("2021.3", "实施时间：无法识别起止时间“2021.3”"),
        ("2021年3月至今", "实施时间：无法识别起止时间“2021年3月至今”"),
        ("2021年3月1日至8月", "实施时间：无法识别起止时间“2021年3月1日至8月”"),
        ("2021.8-2021.3", "实施时间：起止时间“2021.8-2021.3”的结束早于开始"),
        ("2021.2.1-2021.2.30", "实施时间：起止时间“2021.2.1-2021.2.30”中的日期不存在"),
    ],
)
def test_bad_period_fails(raw: str, message: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_value("period", raw, label="实施时间")
    assert caught.value.code == "bad_period"
    assert caught.value.message == message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2022", 2022),
        ("2022年", 2022),
        ("二〇二二年", 2022),
        ("２０２２", 2022),
        ("2022年度", 2022),
    ],
)
def test_year_reads_as_int(raw: str, expected: int) -> None:
    assert _same(parse_value("year", raw, label="年度"), expected)


@pytest.mark.parametrize("raw", ["22", "2022年3月", "1800", "今年"])
def test_bad_year_fails(raw: str) -> None:
    _assert_problem("year", raw, "bad_year")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13800001234", "13800001234"),
        ("138 0000 1234", "13800001234"),
        ("138-0000-1234", "13800001234"),
        ("+86 13800001234", "13800001234"),
        ("+86-138-0000-1234", "13800001234"),
        ("008613800001234", "13800001234"),
        ("１３８００００１２３４", "13800001234"),
        ("0577-65812345", "057765812345"),
        ("(0577)65812345", "057765812345"),
        ("（0577）65812345", "057765812345"),
        ("0734-8811332", "07348811332"),
        ("010-62345678", "01062345678"),
        ("8805708", "8805708"),
        ("65812345", "65812345"),
    ],
)
def test_phone_reads_as_digits(raw: str, expected: str) -> None:
    assert parse_value("phone", raw, label="联系电话") == expected


@pytest.mark.parametrize("raw", ["无", "暂无", " 无 "])
def test_a_phone_written_none_is_no_number(raw: str) -> None:
    # Most schools have no fax any more and write 无: no number, not a wrong one.
    assert parse_value("phone", raw, label="学校传真") is None


@pytest.mark.parametrize(
    "raw",
    [
        "1380000123",
        "138000012345",
        "abc",
        "0577-6581234a",
        "电话13800001234",
        "13800001234/0577-65812345",
        "0577-65812345转8001",
        "123456",
        "23800001234",
    ],
)
def test_bad_phone_fails(raw: str) -> None:
    _assert_problem("phone", raw, "bad_phone")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ra_school@163.com", "ra_school@163.com"),
        ("  abc@qq.com\u3000", "abc@qq.com"),
        ("abc＠qq.com", "abc@qq.com"),
        ("ａｂｃ＠ｑｑ．ｃｏｍ", "abc@qq.com"),
        ("abc@qq。com", "abc@qq.com"),
        ("li.hua@ra.edu.cn", "li.hua@ra.edu.cn"),
    ],
)
def test_email_is_trimmed_and_half_width(raw: str, expected: str) -> None:
    assert parse_value("email", raw, label="电子邮箱") == expected


@pytest.mark.parametrize("raw", ["abc@qq", "abc", "abc@@qq.com", "邮箱abc@qq.com"])
def test_bad_email_fails(raw: str) -> None:
    _assert_problem("email", raw, "bad_email")


@pytest.mark.parametrize(
    ("raw", "unit", "expected"),
    [
        ("12", None, 12),
        ("12个", None, 12),
        ("共86人", None, 86),
        ("合计12间", None, 12),
        ("12 个", None, 12),
        ("十二", None, 12),
        ("十二个", None, 12),
        ("１２", None, 12),
        ("1,200", None, 1200),
        ("12.0", None, 12),
        ("36台", "台", 36),
        ("36块", "块屏", 36),
        ("36块屏", "块屏", 36),
    ],
)
def test_integer_reads_as_int(raw: str, unit: str | None, expected: int) -> None:
    assert _same(parse_value("integer", raw, label="教室数", unit=unit), expected)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("12.5", "投入资金：“12.5”不是整数"),
        ("约12个", "投入资金：无法识别数字“约12个”"),
        ("12左右", "投入资金：无法识别数字“12左右”"),
        ("十多个", "投入资金：无法识别数字“十多个”"),
        ("1 2", "投入资金：无法识别数字“1 2”"),
    ],
)
def test_bad_integer_fails(raw: str, message: str) -> None:
    problem = _assert_problem("integer", raw, "bad_number")
    assert problem.message == message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("12", 12), ("12.5", 12.5), ("-3", -3), ("十二点五", 12.5), ("1,234.5", 1234.5), ("5台", 5)],
)
def test_number_reads_as_int_or_float(raw: str, expected: object) -> None:
    assert _same(parse_value("number", raw, label="数量"), expected)


@pytest.mark.parametrize("raw", ["abc", "12.5.1", "五六个"])
def test_bad_number_fails(raw: str) -> None:
    _assert_problem("number", raw, "bad_number")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("85%", 85),
        ("85 %", 85),
        ("85％", 85),
        ("８５％", 85),
        ("百分之八十五", 85),
        ("百分之八十五点五", 85.5),
        ("85.5%", 85.5),
        ("85", 85),
        ("0.85", 0.85),
        ("120%", 120),
    ],
)
def test_percent_reads_as_number_of_percent(raw: str, expected: object) -> None:
    assert _same(parse_value("percent", raw, label="覆盖率"), expected)


@pytest.mark.parametrize("raw", ["八五折", "85%以上", "约85%", "百分之", "高"])
def test_bad_percent_fails(raw: str) -> None:
    _assert_problem("percent", raw, "bad_percent")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("8", 8), ("8分", 8), ("8 分", 8), ("8.5", 8.5), ("八分", 8), ("0", 0), ("10", 10)],
)
def test_score_reads_as_number(raw: str, expected: object) -> None:
    assert _same(parse_value("score", raw, label="C1", max_score=10), expected)


def test_score_without_max_is_not_capped() -> None:
    assert parse_value("score", "95", label="得分合计") == 95


@pytest.mark.parametrize(
    ("raw", "max_score", "message"),
    [
        ("12", 10, "C1：得分 12 超过该项满分 10"),
        ("12分", 10.0, "C1：得分 12 超过该项满分 10"),
        ("2.5", 2.0, "C1：得分 2.5 超过该项满分 2"),
        ("1.5", 1.25, "C1：得分 1.5 超过该项满分 1.25"),
        ("-1", 10, "C1：得分 -1 不能小于 0"),
    ],
)
def test_score_out_of_range_fails(raw: str, max_score: float, message: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_value("score", raw, label="C1", max_score=max_score)
    assert caught.value.code == "score_out_of_range"
    assert caught.value.message == message


@pytest.mark.parametrize("raw", ["满分", "8分左右", "A"])
def test_bad_score_fails(raw: str) -> None:
    _assert_problem("score", raw, "bad_score", max_score=10)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("☑是 ☐否", True),
        ("☐是 ☑否", False),
        ("■是 □否", True),
        ("□是 ■否", False),
        ("√是 否", True),
        ("是 √否", False),
        ("是√ 否", True),
        ("是 否√", False),
        ("✓是", True),
        ("✔否", False),
        ("☒是 ☐否", True),
        ("✗否", False),
        ("●是 ○否", True),
        ("▣是 □否", True),
        ("◉否", False),
        ("是", True),
        ("否", False),
        ("☐否", False),  # "□是" deleted: the option left standing is the answer
        ("（√）是 （ ）否", True),
        ("是 ☑  否 ☐", True),  # boxes written after their options
        ("□是\n■否", False),
        ("☑ 是   ☐ 否", True),
        ("☑是、☐否", True),
    ],
)
def test_yesno_reads_the_marked_option(raw: str, expected: bool) -> None:
    assert parse_value("yesno", raw, label="是否建成") is expected


def test_yesno_reads_other_printed_pair() -> None:
    assert parse_value("yesno", "□有 ☑无", label="有无专职人员", options=["有", "无"]) is False


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("☑是 ☑否", "ambiguous_mark"),
        ("√是 √否", "ambiguous_mark"),
        ("■是■否", "ambiguous_mark"),
        ("是√否", "ambiguous_mark"),  # the tick stands between both with nothing to tell
        ("是 √ 否", "ambiguous_mark"),
        ("不确定", "unknown_option"),
        ("√", "unknown_option"),
        ("是，已建成", "unknown_option"),
        ("有", "unknown_option"),
    ],
)
def test_bad_yesno_fails(raw: str, code: str) -> None:
    _assert_problem("yesno", raw, code)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("☑①网络联校创新应用 ☐②区域智慧教育 ☐③教育网络安全 ☐④人工数字智能教室", "网络联校创新应用"),
        ("□①网络联校创新应用 ■②区域智慧教育 □③教育网络安全 □④人工数字智能教室", "区域智慧教育"),
        ("①网络联校创新应用 ②区域智慧教育 √③教育网络安全 ④人工数字智能教室", "教育网络安全"),
        ("①☑网络联校创新应用 ②☐区域智慧教育", "网络联校创新应用"),
        ("□①网络联校创新应用\n☑②区域智慧教育\n□③教育网络安全\n□④人工数字智能教室", "区域智慧教育"),
        ("④人工数字智能教室", "人工数字智能教室"),  # the other options deleted
        ("☑②区域智慧教育", "区域智慧教育"),
        ("区域智慧教育", "区域智慧教育"),
        ("区域 智慧 教育", "区域智慧教育"),
        ("②", "区域智慧教育"),
        ("√②", "区域智慧教育"),
        ("③", "教育网络安全"),
    ],
)
def test_choice_reads_the_chosen_printed_option(raw: str, expected: str) -> None:
    assert parse_value("choice", raw, label="申报类别", options=APPLICATION_CATEGORIES) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("良好", "良好"),
        ("不达标", "不达标"),
        ("基本达标", "基本达标"),
        ("□优秀 ☑良好 □基本达标 □不达标", "良好"),
        ("□优秀 □良好 □基本达标 ■不达标", "不达标"),
    ],
)
def test_choice_reads_options_without_numbers(raw: str, expected: str) -> None:
    assert parse_value("choice", raw, label="专家评定等级", options=GRADES) == expected


@pytest.mark.parametrize(
    ("raw", "options", "code"),
    [
        ("☑①网络联校创新应用 ☑②区域智慧教育", APPLICATION_CATEGORIES, "ambiguous_mark"),
        ("①网络联校创新应用 ②区域智慧教育", APPLICATION_CATEGORIES, "ambiguous_mark"),
        ("☑优秀 ☑良好 □基本达标 □不达标", GRADES, "ambiguous_mark"),
        ("智慧校园", APPLICATION_CATEGORIES, "unknown_option"),
        ("⑤", APPLICATION_CATEGORIES, "unknown_option"),
        ("达标", GRADES, "unknown_option"),
        ("良好（专家意见）", GRADES, "unknown_option"),
        ("A", GRADES, "unknown_option"),
    ],
)
def test_bad_choice_fails(raw: str, options: list[str], code: str) -> None:
    _assert_problem("choice", raw, code, options=options)


def test_unknown_option_message_lists_the_options() -> None:
    problem = _assert_problem("choice", "达标", "unknown_option", options=GRADES)
    assert problem.message == "投入资金：“达标”不是可选项，应为：优秀、良好、基本达标、不达标"


def test_choice_without_options_is_a_definition_error() -> None:
    with pytest.raises(DefinitionError):
        parse_value("choice", "良好", label="专家评定等级")


@pytest.mark.parametrize("raw", ["12", None])
def test_unknown_kind_fails(raw: str | None) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_value("money_in_dollars", raw, label="投入资金")
    assert caught.value.code == "unknown_kind"
    assert caught.value.message == "投入资金：未知的字段种类“money_in_dollars”"


@pytest.mark.parametrize(
    ("kind", "value", "unit", "options", "expected"),
    [
        ("money", 150000, "元", (), "150,000元"),
        ("money", 150000, None, (), "150,000元"),
        ("money", 13893577, "元", (), "13,893,577元"),
        ("money", 150000.52, "元", (), "150,000.52元"),
        ("money", 15.5, "万元", (), "15.5万元"),
        ("money", 1389.3577, "万元", (), "1,389.3577万元"),
        ("date", "2022-03-08", None, (), "2022年3月8日"),
        ("date", "2022-03", None, (), "2022年3月"),
        ("period", "2021-03/2021-08", None, (), "2021年3月—2021年8月"),
        ("period", "2021-03-01/2021-08-31", None, (), "2021年3月1日—2021年8月31日"),
        ("period", "2021/2023", None, (), "2021年—2023年"),
        # Boxes as the blank form prints them: the empty box "□", three spaces between.
        ("yesno", True, None, (), "☑是   □否"),
        ("yesno", False, None, (), "□是   ☑否"),
        ("yesno", None, None, (), "□是   □否"),
        ("choice", "区域智慧教育", None, APPLICATION_CATEGORIES,
         "□①网络联校创新应用   ☑②区域智慧教育   □③教育网络安全   □④人工数字智能教室"),
        ("choice", "良好", None, GRADES, "□优秀   ☑良好   □基本达标   □不达标"),
        ("choice", None, None, GRADES, "□优秀   □良好   □基本达标   □不达标"),
        ("text", "瑞安市第一中学", None, (), "瑞安市第一中学"),
        ("longtext", "第一段\n第二段", None, (), "第一段\n第二段"),
        ("year", 2022, None, (), "2022"),
        ("phone", "057765812345", None, (), "057765812345"),
        ("email", "abc@qq.com", None, (), "abc@qq.com"),
        ("integer", 12, None, (), "12"),
        ("number", 12.5, None, (), "12.5"),
        ("percent", 85, None, (), "85"),
        ("score", 8.0, None, (), "8"),
        ("text", None, None, (), ""),
        ("money", None, "元", (), ""),
    ],
)
def test_format_value_writes_for_a_chinese_reader(
    kind: str, value: object, unit: str | None, options: list[str], expected: str
) -> None:
    assert format_value(kind, value, unit=unit, options=options) == expected


@pytest.mark.parametrize(
    ("kind", "value", "unit", "options"),
    [
        ("money", 150000, "元", ()),
        ("money", 15.5, "万元", ()),
        ("money", 150000.52, "元", ()),
        ("date", "2022-03-08", None, ()),
        ("date", "2022-03", None, ()),
        ("period", "2021-03/2021-08", None, ()),
        ("period", "2021-03-01/2021-08-31", None, ()),
        ("yesno", True, None, ()),
        ("yesno", False, None, ()),
        ("yesno", None, None, ()),
        ("choice", "教育网络安全", None, APPLICATION_CATEGORIES),
        ("choice", "基本达标", None, GRADES),
        ("choice", None, None, GRADES),
        ("integer", 12, None, ()),
        ("score", 8.5, None, ()),
    ],
)
def test_formatted_value_reads_back_to_itself(
    kind: str, value: object, unit: str | None, options: list[str]
) -> None:
    written = format_value(kind, value, unit=unit, options=options)
    assert parse_value(kind, written, label="往返", unit=unit, options=options) == value


@pytest.mark.parametrize(
    ("kind", "value", "options", "code"),
    [
        ("choice", "优", GRADES, "unknown_option"),
        ("date", "2022年3月8日", (), "bad_date"),
        ("period", "2021-03", (), "bad_period"),
        ("money", "十五万", (), "bad_money"),
        ("currency", 1, (), "unknown_kind"),
    ],
)
def test_format_value_refuses_what_it_cannot_write(
    kind: str, value: object, options: list[str], code: str
) -> None:
    with pytest.raises(ValueProblem) as caught:
        format_value(kind, value, options=options)
    assert caught.value.code == code


@pytest.mark.parametrize("raw", ["单击或点击此处输入文字。", "单击此处输入日期。",
                                 "Click or tap here to enter text."])
def test_word_content_control_prompts_read_as_empty(raw):
    assert parse_value("text", raw, label="专家验收意见") is None
    assert parse_value("date", raw, label="日期") is None


@pytest.mark.parametrize("raw", ["1.\n\n2.", "3.\n4.", "……", "①\n②", "1."])
def test_printed_list_numbers_alone_read_as_empty(raw):
    assert parse_value("longtext", raw, label="支撑材料清单") is None


def test_a_printed_number_left_after_the_written_ones_is_dropped():
    value = parse_value("longtext", "1.校园网络拓扑图\n2.", label="支撑材料清单")
    assert value == "1.校园网络拓扑图"


def test_an_email_wrapped_in_a_pdf_reads_whole():
    assert parse_value("email", "zxzx_xxzx@163.co m", label="电子邮箱") == "zxzx_xxzx@163.com"


def test_a_tick_written_after_its_option_before_the_next_box():
    assert parse_value("yesno", "□是✓   □否", label="是否建成校园网") is True
