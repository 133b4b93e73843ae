"""附件2 乡村新优质学校创建自评表 (cover and 基本情况): blanks on printed lines outside any table
(学校名称（公章）：____, 填表日期：  年  月  日, 填报人：____ 联系电话：____) and blanks inside
sentences (“我校始建于____年，现有教学班____个…”).

Based on: 乡村新优质学校创建自评表 (附件2; 学校名称（公章）： 学校地址： 校长姓名： 联系方式：
填表日期： 教育局印制; 填写说明 一至七), https://001doc.com/doc/1111160.html. Its 一、学校基本情况
is a table there; here it is printed as the sentence-with-blanks paragraph such 自评表 also use
(modelled, with the figures that table asks for), followed by the 填报人 line.
"""

from __future__ import annotations

import datetime as dt

from attachment_parts import Case, Form, Slot, Typed, line, underlined
from corpuskit.cells import Block
from corpuskit.content import Para

TITLE = "乡村新优质学校创建自评表"
SHORT = "______"
NOTES = (
    "一、本表是年度考核的基本材料，应如实填写所有信息与数据。",
    "二、页面规格统一为A4纸，字号、字体一般用5号宋体；电子文本一律用word文件制作。",
    "三、信息与数据截止日期应为每学期末；如无特殊说明，一般填写近三学年的数据。",
    "四、所有表格中涉及到的名称应填写全称，不要简写或缩写；相关栏目填写不下，可自行增加篇幅。",
)


def layout(typed: Typed) -> list[Block]:
    """Return the attachment with what the school typed."""
    cover = [
        line(typed, text, Slot(key, "_________________________"), size=15)
        for text, key in (
            ("学校名称（公章）：", "school"),
            ("学校地址：", "address"),
            ("校长姓名：", "head"),
            ("联系方式：", "contact"),
        )
    ]
    return [
        Para(["附件2"], font="黑体", size=14),
        Para([""]),
        Para([""]),
        Para([TITLE], align="center", font="方正小标宋简体", size=22),
        Para([""]),
        Para([""]),
        *cover,
        line(typed, "填表日期：", Slot("date", "        年      月      日"), size=15),
        Para([""]),
        Para(["宿城区教育局印制"], align="center", size=15, page_break=True),
        Para(["填写说明"], align="center", font="黑体", size=14),
        *[Para([note], first_line=0.74) for note in NOTES],
        Para(["一、学校基本情况"], font="黑体", size=12),
        line(
            typed,
            "我校始建于",
            Slot("founded", SHORT),
            "年，现有教学班",
            Slot("classes", SHORT),
            "个，在校学生",
            Slot("pupils", SHORT),
            "人；在编教职工",
            Slot("staff", SHORT),
            "人，其中专任教师",
            Slot("teachers", SHORT),
            "人，代课及其他人员",
            Slot("others", SHORT),
            "人。学校占地面积",
            Slot("land", SHORT),
            "平方米，上年度生均公用经费",
            Slot("funds", SHORT),
            "元。",
        ),
        Para([""]),
        line(
            typed,
            "填报人：",
            Slot("filler", "__________"),
            "    联系电话：",
            Slot("phone", "_______________"),
            "    电子邮箱：",
            Slot("email", "_______________"),
        ),
    ]


SENTENCE = (
    ("我校始建于", "founded"),
    ("现有教学班", "classes"),
    ("在校学生", "pupils"),
    ("在编教职工", "staff"),
    ("其中专任教师", "teachers"),
    ("代课及其他人员", "others"),
    ("学校占地面积", "land"),
    ("上年度生均公用经费", "funds"),
)
BLANKS: tuple[tuple[str, str | None], ...] = (
    ("学校名称（公章）", None),
    ("学校地址", None),
    ("校长姓名", None),
    ("联系方式", None),
    ("填表日期", None),
    *[(text, None) for text, _ in SENTENCE],
    ("填报人", None),
    ("联系电话", None),
    ("电子邮箱", None),
)


def _sentence(
    numbers: tuple[object, ...], typed: tuple[object, ...] | None = None
) -> tuple[Typed, dict[tuple[str, str | None], object]]:
    """The figures of the 基本情况 sentence: as typed (default: as read) and as read."""
    shown = typed or tuple(None if n is None else str(n) for n in numbers)
    keyed = {key: got for (_, key), got in zip(SENTENCE, shown, strict=True) if got is not None}
    read = {
        (text, None): n for (text, _), n in zip(SENTENCE, numbers, strict=True) if n is not None
    }
    return keyed, read


_A_TYPED, _A_READ = _sentence((1958, 6, 212, 23, 21, 2, 15600, 860))
_B_TYPED, _B_READ = _sentence(
    (1972, 9, 365, 31, 29, 3, 21340.5, 1150),
    tuple(underlined(t, "__") for t in ("1972", "9", "365", "31", "29", "3", "21340.5", "1150")),
)
_C_TYPED, _C_READ = _sentence(
    (2003, 12, 540, None, None, None, 28000, 960),
    ("2003", "12", "540", None, None, None, "2.8万", "960"),
)
_C_READ[("学校占地面积", None)] = 28000

CASES = (
    Case(
        "underscores-replaced",
        {
            "school": "宿城区耿车镇中心小学",
            "address": "宿迁市宿城区耿车镇人民路18号",
            "head": "张立新",
            "contact": "0527-84561234",
            "date": "2024年3月5日",
            **_A_TYPED,
            "filler": "周琳",
            "phone": "13951561234",
            "email": "gczx_xxb@163.com",
        },
        {
            ("学校名称（公章）", None): "宿城区耿车镇中心小学",
            ("学校地址", None): "宿迁市宿城区耿车镇人民路18号",
            ("校长姓名", None): "张立新",
            ("联系方式", None): "052784561234",
            ("填表日期", None): "2024-03-05",
            **_A_READ,
            ("填报人", None): "周琳",
            ("联系电话", None): "13951561234",
            ("电子邮箱", None): "gczx_xxb@163.com",
        },
        saved=dt.datetime(2024, 3, 5, 15, 20),
        how="every blank typed over its underscores; date 2024年3月5日 over the printed line",
    ),
    Case(
        "underscores-kept-text-underlined",
        {
            "school": underlined("宿城区蔡集镇中心小学"),
            "address": underlined("宿迁市宿城区蔡集镇"),
            "head": underlined("刘海波"),
            "contact": underlined("138-5246-7788"),
            "date": ["   2024 年   3  月  6  日"],
            **_B_TYPED,
            "filler": ["__________王  敏"],
            "phone": underlined("0527-84321567"),
        },
        {
            ("学校名称（公章）", None): "宿城区蔡集镇中心小学",
            ("学校地址", None): "宿迁市宿城区蔡集镇",
            ("校长姓名", None): "刘海波",
            ("联系方式", None): "13852467788",
            ("填表日期", None): "2024-03-06",
            **_B_READ,
            ("填报人", None): "王敏",
            ("联系电话", None): "052784321567",
        },
        saved=dt.datetime(2024, 3, 6, 9, 10),
        how="text typed between the printed underscores and underlined; the filler's name typed "
        "after the underscores; digits typed into the gaps of 年 月 日; e-mail left empty",
    ),
    Case(
        "staff-figures-left-empty",
        {
            "school": "宿城区罗圩乡中心小学",
            "address": "宿迁市宿城区罗圩乡",
            "head": "陈刚",
            "date": "2024.3.4",
            **_C_TYPED,
            "filler": "陈刚",
            "phone": "0527-8498 1234",
            "email": "lwxx@sina.com",
        },
        {
            ("学校名称（公章）", None): "宿城区罗圩乡中心小学",
            ("学校地址", None): "宿迁市宿城区罗圩乡",
            ("校长姓名", None): "陈刚",
            ("填表日期", None): "2024-03-04",
            **_C_READ,
            ("填报人", None): "陈刚",
            ("联系电话", None): "052784981234",
            ("电子邮箱", None): "lwxx@sina.com",
        },
        saved=dt.datetime(2024, 3, 4, 17, 55),
        how="the three staff figures (required-looking) and 联系方式 left as printed; the area "
        "written 2.8万 (square metres); date 2024.3.4",
    ),
)

FORM = Form("self-evaluation", TITLE, __doc__ or "", layout, BLANKS, (), CASES)
