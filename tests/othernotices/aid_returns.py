"""The returns of 附表1 家庭经济困难学生认定申请表 (see `aid_application`): four families and
their schools, and what a person reading each return writes down."""

from __future__ import annotations

import datetime as dt
from typing import Any

from aid_application import BLANKS, FAMILY, LEVELS, QUESTIONS, SOURCES, TITLE, layout
from attachment_parts import Case, Form
from corpuskit.marks import choice_line, yes_no


def _family(rows: list[tuple[Any, ...]]) -> tuple[list[list[str | None]], list[dict[str, Any]]]:
    """Return the family rows as typed and as read: (typed text, value) per cell."""
    typed = [[None if c is None else c[0] for c in row] for row in rows]
    read = [
        {h: None if c is None else c[1] for h, c in zip(FAMILY, row, strict=True)} for row in rows
    ]
    return typed, read


def _same(*cells: Any) -> tuple[Any, ...]:
    """Cells typed as they are read (text), or (typed, read) pairs as given."""
    return tuple(c if c is None or isinstance(c, tuple) else (str(c), c) for c in cells)


FAMILY_A = [
    _same(
        "李国强",
        ("45", 45),
        "父亲",
        "务农",
        ("13826541234", "13826541234"),
        ("12000", 12000),
        "健康",
    ),
    _same("王秀英", ("43", 43), "母亲", "务农", None, ("8000", 8000), "大病（或重残）"),
    _same("李小雨", ("10", 10), "妹妹", "东坑镇中心小学", None, ("0", 0), "健康"),
]
FAMILY_C = [
    _same("陈阿福", ("72", 72), "祖父", "无", None, ("3,600元", 3600), "小病（或轻残）"),
    _same("林桂香", ("70", 70), "祖母", "无", None, None, "健康"),
    _same(
        "陈建华",
        ("46", 46),
        "父亲",
        "深圳某电子厂",
        ("0755-2661 8899", "075526618899"),
        ("42,000元", 42000),
        "健康",
    ),
    _same(
        "黄丽",
        ("44", 44),
        "母亲",
        "个体（早餐店）",
        ("135-1234-5678", "13512345678"),
        ("1.8万元", 18000),
        "健康",
    ),
    _same("陈思琪", ("17", 17), "姐姐", "梅州市高级中学", None, None, "健康"),
    _same("陈思远", ("9", 9), "弟弟", "本校三年级", None, None, "健康"),
]

REASON_A = "母亲患病多年需长期服药，家庭收入主要靠父亲务农，难以负担两个孩子的学习生活费用。"
REASON_B = (
    "2024年6月家中房屋受洪水损毁，父亲外出务工收入不稳定。\n本人在校表现良好，恳请学校给予资助。"
)
_A_FAMILY, _A_ROWS = _family(FAMILY_A)
_C_FAMILY, _C_ROWS = _family(FAMILY_C)

CASES = (
    Case(
        "ticked-squares-three-members",
        {
            "school": "东莞市东坑中学",
            "grade": "初二",
            "class": "3班",
            "number": "G441900201001015527",
            "name": "李明",
            "sex": "男",
            "ethnic": "汉",
            "birth": "2010年3月",
            "id_number": "441900201003151234",
            "hukou": choice_line(("城镇", "农村"), "农村", "☑", "      "),
            "people": "4",
            "studying": "2",
            "supported": "0",
            **{key: yes_no(key in ("poor",), "☑") for _, key in QUESTIONS},
            "address": "广东省东莞市东坑镇角社村二巷5号",
            "phone": "13826541234",
            "postcode": "523450",
            "income": "5000",
            "family": _A_FAMILY,
            "source": (SOURCES[4], "☑"),
            "disaster": yes_no(False, "☑"),
            "level": ["☑A 特别困难    □B 比较困难    □C 一般困难"],
            "reason": REASON_A,
            "promise_signer": "李国强",
            "promise_date": "2024年9月10日",
            "verdict": "经年级评议小组评议、公示5个工作日无异议，认定为特别困难。",
            "verdict_signer": "何志坚",
            "verdict_date": "2024年9月20日",
        },
        {
            ("学校", None): "东莞市东坑中学",
            ("年级", None): "初二",
            ("班别", None): "3班",
            ("学（籍）号", None): "G441900201001015527",
            ("姓名", None): "李明",
            ("性别", None): "男",
            ("民族", None): "汉",
            ("出生年月", None): "2010-03",
            ("身份证号", None): "441900201003151234",
            ("户口性质", None): "农村",
            ("家庭人口数", None): 4,
            ("家庭成员在学人数", None): 2,
            ("赡养人数", None): 0,
            **{(text, None): key == "poor" for text, key in QUESTIONS},
            ("户籍地址", None): "广东省东莞市东坑镇角社村二巷5号",
            ("联系电话", None): "13826541234",
            ("邮政编码", None): "523450",
            ("家庭人均年收入（元）", None): 5000,
            ("家庭主要收入来源类型（只能勾选其中一项）", None): SOURCES[4],
            ("家庭遭受自然灾害", None): False,
            ("申请认定档次", None): "特别困难",
            (
                "学生陈述申请认定理由",
                None,
            ): "母亲患病多年需长期服药，家庭收入主要靠父亲务农，难以负担两个孩子的学习生活费用。",
            ("学生本人（或监护人）承诺", "签字"): "李国强",
            ("学生本人（或监护人）承诺", "日期"): "2024-09-10",
            ("学校认定意见", None): "经年级评议小组评议、公示5个工作日无异议，认定为特别困难。",
            ("学校认定意见", "负责人"): "何志坚",
            ("学校认定意见", "日期"): "2024-09-20",
        },
        {0: _A_ROWS},
        saved=dt.datetime(2024, 9, 20, 17, 0),
        how="☑ over every chosen box, bare numbers, three of five family rows filled",
    ),
    Case(
        "wingdings-marks-commas-wan",
        {
            "school": "梅县区松口中学",
            "grade": "七年级",
            "class": "(2)班",
            "number": "",
            "name": "钟晓婷",
            "sex": "女",
            "ethnic": "客家（汉）",
            "birth": "2011.11",
            "id_number": "441403201111200046",
            "hukou": choice_line(("城镇", "农村"), "城镇", "wingdings", "      "),
            "people": "3人",
            "studying": "1人",
            "supported": "1人",
            **{key: yes_no(key == "dibao", "wingdings") for _, key in QUESTIONS},
            "address": "广东省梅州市梅县区松口镇新街18号",
            "phone": "0753-2781234",
            "postcode": "514755",
            "income": "6,850.50元",
            "source": (SOURCES[0], "wingdings"),
            "disaster": yes_no(True, "wingdings"),
            "loss": "1.2",
            "level": choice_line(LEVELS, LEVELS[1], "wingdings-text", "    "),
            "reason": REASON_B,
            "promise_signer": "钟伟",
            "promise_date": "2024.9.9",
        },
        {
            ("学校", None): "梅县区松口中学",
            ("年级", None): "七年级",
            ("班别", None): "(2)班",
            ("姓名", None): "钟晓婷",
            ("性别", None): "女",
            ("民族", None): "客家（汉）",
            ("出生年月", None): "2011-11",
            ("身份证号", None): "441403201111200046",
            ("户口性质", None): "城镇",
            ("家庭人口数", None): 3,
            ("家庭成员在学人数", None): 1,
            ("赡养人数", None): 1,
            **{(text, None): key == "dibao" for text, key in QUESTIONS},
            ("户籍地址", None): "广东省梅州市梅县区松口镇新街18号",
            ("联系电话", None): "07532781234",
            ("邮政编码", None): "514755",
            ("家庭人均年收入（元）", None): 6850.5,
            ("家庭主要收入来源类型（只能勾选其中一项）", None): SOURCES[0],
            ("家庭遭受自然灾害", None): True,
            ("经济损失", None): 1.2,
            ("申请认定档次", None): "比较困难",
            ("学生陈述申请认定理由", None): REASON_B,
            ("学生本人（或监护人）承诺", "签字"): "钟伟",
            ("学生本人（或监护人）承诺", "日期"): "2024-09-09",
        },
        {},
        saved=dt.datetime(2024, 9, 9, 21, 30),
        how="Insert > Symbol Wingdings ☑ for every mark, 档次 ticked with the pasted Wingdings "
        "character, income 6,850.50元, loss 1.2 typed before the printed 万元, family table "
        "left empty, the school's opinion not yet written",
    ),
    Case(
        "six-members-row-added-check-marks",
        {
            "school": "五华县安流中学",
            "grade": "九年级",
            "class": "5班",
            "number": "G441424200904120031",
            "name": "陈思涵",
            "sex": "女",
            "ethnic": "汉族",
            "birth": "2009-04",
            "id_number": "441424200904120031",
            "hukou": choice_line(("城镇", "农村"), "农村", "√", "      "),
            "people": "7",
            "studying": "3",
            "supported": "2",
            **{key: yes_no(False, "√") for _, key in QUESTIONS},
            "address": "广东省梅州市五华县安流镇福岭村",
            "phone": "135-1234-5678",
            "postcode": "514471",
            "income": "9428",
            "family": _C_FAMILY,
            "source": (SOURCES[0], "√"),
            "disaster": yes_no(False, "√"),
            "level": choice_line(LEVELS, LEVELS[2], "√", "    "),
            "reason": "家中人口多，祖父母年迈多病，三个孩子同时在读，仅靠父母打工维持生活。",
            "promise_signer": "陈建华",
            "promise_date": "2024-09-12",
            "verdict": "同意认定为一般困难。",
            "verdict_signer": "曾志强",
            "verdict_date": "2024-09-23",
        },
        {
            ("学校", None): "五华县安流中学",
            ("年级", None): "九年级",
            ("班别", None): "5班",
            ("学（籍）号", None): "G441424200904120031",
            ("姓名", None): "陈思涵",
            ("性别", None): "女",
            ("民族", None): "汉族",
            ("出生年月", None): "2009-04",
            ("身份证号", None): "441424200904120031",
            ("户口性质", None): "农村",
            ("家庭人口数", None): 7,
            ("家庭成员在学人数", None): 3,
            ("赡养人数", None): 2,
            **{(text, None): False for text, _ in QUESTIONS},
            ("户籍地址", None): "广东省梅州市五华县安流镇福岭村",
            ("联系电话", None): "13512345678",
            ("邮政编码", None): "514471",
            ("家庭人均年收入（元）", None): 9428,
            ("家庭主要收入来源类型（只能勾选其中一项）", None): SOURCES[0],
            ("家庭遭受自然灾害", None): False,
            ("申请认定档次", None): "一般困难",
            (
                "学生陈述申请认定理由",
                None,
            ): "家中人口多，祖父母年迈多病，三个孩子同时在读，仅靠父母打工维持生活。",
            ("学生本人（或监护人）承诺", "签字"): "陈建华",
            ("学生本人（或监护人）承诺", "日期"): "2024-09-12",
            ("学校认定意见", None): "同意认定为一般困难。",
            ("学校认定意见", "负责人"): "曾志强",
            ("学校认定意见", "日期"): "2024-09-23",
        },
        {0: _C_ROWS},
        saved=dt.datetime(2024, 9, 23, 9, 45),
        how="six family members: a sixth row added below the five printed; √ over the boxes; "
        "phones with dashes and a space; incomes 3,600元 / 1.8万元 in a column printed in 元",
    ),
    Case(
        "answers-kept-boxes-deleted-reason-empty",
        {
            "school": "揭西县河婆中学",
            "grade": "高一",
            "class": "12班",
            "name": "黄嘉豪",
            "sex": "男",
            "ethnic": "汉",
            "hukou": ["农村"],
            "people": "5",
            "studying": "2",
            "supported": "1",
            **{key: yes_no(key == "orphan", "bare") for _, key in QUESTIONS[:4]},
            "address": "广东省揭阳市揭西县河婆街道",
            "phone": "0663-5512345",
            "family": [
                ["黄伟明", "40", "叔叔（监护人）", "河婆镇农贸市场", "13902561234", "30000", "健康"]
            ],
            "source": (SOURCES[6], "☑-other-box-deleted"),
            "disaster": yes_no(False, "bare"),
            "level": ["A 特别困难"],
            "promise_signer": "黄伟明",
        },
        {
            ("学校", None): "揭西县河婆中学",
            ("年级", None): "高一",
            ("班别", None): "12班",
            ("姓名", None): "黄嘉豪",
            ("性别", None): "男",
            ("民族", None): "汉",
            ("户口性质", None): "农村",
            ("家庭人口数", None): 5,
            ("家庭成员在学人数", None): 2,
            ("赡养人数", None): 1,
            **{(text, None): key == "orphan" for text, key in QUESTIONS[:4]},
            ("户籍地址", None): "广东省揭阳市揭西县河婆街道",
            ("联系电话", None): "06635512345",
            ("家庭主要收入来源类型（只能勾选其中一项）", None): SOURCES[6],
            ("家庭遭受自然灾害", None): False,
            ("申请认定档次", None): "特别困难",
            ("学生本人（或监护人）承诺", "签字"): "黄伟明",
        },
        {
            0: [
                {
                    "姓名": "黄伟明",
                    "年龄": 40,
                    "与学生关系": "叔叔（监护人）",
                    "工作（学习）单位": "河婆镇农贸市场",
                    "联系电话": "13902561234",
                    "年收入（元）": 30000,
                    "健康状况": "健康",
                }
            ]
        },
        saved=dt.datetime(2024, 9, 11, 8, 20),
        how="answers kept, the other option and boxes deleted (是 / 否 / 农村 / A 特别困难); the "
        "health questions, 出生年月, 身份证号, 邮编, income and the reason (required-looking) "
        "left empty, the promise signed but not dated",
    ),
)

FORM = Form("aid-application", TITLE, __doc__ or "", layout, BLANKS, (FAMILY,), CASES)
