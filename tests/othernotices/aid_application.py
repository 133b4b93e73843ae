"""附表1 家庭经济困难学生认定申请表: label|blank pairs, □是 □否 questions, a □城镇 □农村 choice,
an eight-option 收入来源 choice (one a line), a □A □B □C 档次 choice, money in 元 and in 万元,
a family-members table (header row above empty rows), the student's promise and the school's
opinion with signer and date.

Based on: 广东省家庭经济困难学生认定申请表 (学校 年级 班别 学(籍)号; 户口性质 □城镇 □农村;
家庭人口数, 家庭成员在学人数, 赡养人数; 建档立卡贫困户成员 □是□否 …; 本人残疾, 患重大疾病;
户籍地址, 邮政编码, 联系电话, 家庭人均年收入(人民币元); 家庭成员情况 姓名 年龄 与学生关系
工作(学习)单位 联系电话 … 年收入(元) 健康状况; 家庭主要收入来源类型(只能勾选其中一项) □1…□8;
家庭遭受自然灾害 □是□否), https://zsb.gzhsvc.edu.cn/info/1020/1027.htm. The 损失 amount in
万元, the 档次 line and the promise wording (本人承诺以上所填写资料真实…) follow the 新疆 义务教育
阶段 申请表 at http://biz.doczj.com/doc/0b7229331.html; the 院系/专业 cells (高校 only) are
left out.
"""

from __future__ import annotations

from attachment_parts import (
    DATE_PRINTED,
    Slot,
    Typed,
    boxes,
    cell,
    line,
    opinion,
)
from corpuskit.cells import CONTINUE, Block, Cell, Row, Table, label
from corpuskit.content import Inline, Para
from corpuskit.marks import MARKS

TITLE = "广东省家庭经济困难学生认定申请表"
YES_NO = "□是   □否"
QUESTIONS = (
    ("1.建档立卡贫困户成员", "poor"),
    ("2.最低生活保障家庭成员", "dibao"),
    ("3.孤儿", "orphan"),
    ("4.特困职工子女", "worker"),
    ("本人残疾", "disabled"),
    ("本人患重大疾病", "ill"),
)
SOURCES = (
    "工资、奖金、津贴、补贴和其他劳动收入",
    "离退休金、基本养老金、基本生活费、失业保险金",
    "继承、接受赠予、出租或出售家庭财产获得的收入",
    "存款及利息，有价证券及红利、股票等收入",
    "经商、办厂以及从事种植业、养殖业、加工业扣除必要成本后的收入",
    "赡养费、抚（扶）养费",
    "自谋职业收入",
    "其他应当计入家庭的收入",
)
LEVELS = ("A 特别困难", "B 比较困难", "C 一般困难")
FAMILY = ("姓名", "年龄", "与学生关系", "工作（学习）单位", "联系电话", "年收入（元）", "健康状况")
FAMILY_ROWS = 5
PROMISE = "本人承诺以上所填写资料真实，如有虚假，愿承担相应责任。"


def _yes_no_cell(typed: Typed, key: str, span: int) -> Cell:
    return Cell([Para(boxes(typed, key, YES_NO))], span=span)


def _sources(typed: Typed) -> Cell:
    chosen = typed.get("source")  # (option, mark style) or None
    out = []
    for number, text in enumerate(SOURCES, start=1):
        option = f"{number}.{text}；"
        if chosen is None:
            items: list[Inline] = [f"□{option}"]
        else:
            items = MARKS[chosen[1]](text == chosen[0], option)
        out.append(Para(items))
    return Cell(out, span=6)


def _promise(typed: Typed) -> Cell:
    signed = typed.get("promise_signer")
    date = typed.get("promise_date")
    return Cell(
        [
            Para([PROMISE]),
            Para(
                ["学生本人（或监护人）签字：", *([] if signed is None else [signed])], align="right"
            ),
            Para([DATE_PRINTED if date is None else date], align="right"),
        ],
        span=6,
    )


def layout(typed: Typed) -> list[Block]:
    """Return the attachment with what the family and the school typed."""
    head = [
        Row(
            [
                label("学生基本情况"),
                label("姓名"),
                cell(typed, "name"),
                label("性别"),
                cell(typed, "sex"),
                label("民族"),
                cell(typed, "ethnic"),
            ],
            height=0.9,
        ),
        Row(
            [
                CONTINUE,
                label("出生年月"),
                cell(typed, "birth"),
                label("身份证号"),
                cell(typed, "id_number", span=3),
            ],
            height=0.9,
        ),
        Row(
            [
                CONTINUE,
                label("户口性质"),
                Cell([Para(boxes(typed, "hukou", "□城镇      □农村"))], span=5),
            ],
            height=0.9,
        ),
        Row(
            [
                label("家庭情况"),
                label("家庭人口数"),
                cell(typed, "people"),
                label("家庭成员在学人数"),
                cell(typed, "studying"),
                label("赡养人数"),
                cell(typed, "supported"),
            ],
            height=0.9,
        ),
    ]
    pairs = [QUESTIONS[i : i + 2] for i in range(0, len(QUESTIONS), 2)]
    for i, pair in enumerate(pairs):
        row: list[Cell | str] = [label("健康状况") if i == 2 else CONTINUE]
        for text, key in pair:
            row += [label(text), _yes_no_cell(typed, key, 2)]
        head.append(Row(row, height=0.8))
    head += [
        Row([label("家庭信息"), label("户籍地址"), cell(typed, "address", span=5)], height=0.9),
        Row(
            [
                CONTINUE,
                label("联系电话"),
                cell(typed, "phone"),
                label("邮政编码"),
                cell(typed, "postcode"),
                label("家庭人均年收入（元）"),
                cell(typed, "income"),
            ],
            height=0.9,
        ),
    ]
    members = typed.get("family", [])
    family = [
        Row([label("家庭成员情况（直系亲属，含祖父母）", span=7)]),
        Row([label(h) for h in FAMILY], header=True),
    ]
    for number in range(max(FAMILY_ROWS, len(members))):
        got = members[number] if number < len(members) else [None] * len(FAMILY)
        family.append(Row([cell({"v": v}, "v") for v in got], height=0.8))
    loss = line(
        typed,
        "家庭遭受自然灾害：",
        *(boxes(typed, "disaster", YES_NO)),
        "；经济损失：",
        Slot("loss", "________"),
        "万元",
    )
    rest = [
        Row([label("家庭主要收入来源类型（只能勾选其中一项）"), _sources(typed)]),
        Row([label("突发事件"), Cell([loss], span=6)], height=0.9),
        Row(
            [
                label("申请认定档次"),
                Cell(
                    [Para(boxes(typed, "level", "□A 特别困难    □B 比较困难    □C 一般困难"))],
                    span=6,
                ),
            ],
            height=0.9,
        ),
        Row(
            [label("学生陈述申请认定理由"), cell(typed, "reason", span=6, valign="top")], height=3.5
        ),
        Row([label("学生本人（或监护人）承诺"), _promise(typed)]),
        Row([label("学校认定意见"), opinion(typed, "verdict", 6)], height=2.8),
    ]
    return [
        Para(["附表1"], font="黑体", size=14),
        Para([TITLE], align="center", font="方正小标宋简体", size=18),
        line(
            typed,
            "学校：",
            Slot("school", "______________"),
            "  年级：",
            Slot("grade", "______"),
            "  班别：",
            Slot("class", "______"),
            "  学（籍）号：",
            Slot("number", "____________"),
        ),
        Table((2.0, 2.3, 2.4, 2.3, 2.2, 2.0, 2.2), head),
        Table((1.8, 1.2, 1.9, 3.6, 2.6, 2.2, 2.1), family),
        Table((2.0, 2.3, 2.4, 2.3, 2.2, 2.0, 2.2), rest),
    ]


BLANKS: tuple[tuple[str, str | None], ...] = (
    ("学校", None),
    ("年级", None),
    ("班别", None),
    ("学（籍）号", None),
    ("姓名", None),
    ("性别", None),
    ("民族", None),
    ("出生年月", None),
    ("身份证号", None),
    ("户口性质", None),
    ("家庭人口数", None),
    ("家庭成员在学人数", None),
    ("赡养人数", None),
    *[(text, None) for text, _ in QUESTIONS],
    ("户籍地址", None),
    ("联系电话", None),
    ("邮政编码", None),
    ("家庭人均年收入（元）", None),
    ("家庭主要收入来源类型（只能勾选其中一项）", None),
    ("家庭遭受自然灾害", None),
    ("经济损失", None),
    ("申请认定档次", None),
    ("学生陈述申请认定理由", None),
    ("学生本人（或监护人）承诺", "签字"),
    ("学生本人（或监护人）承诺", "日期"),
    ("学校认定意见", None),
    ("学校认定意见", "负责人"),
    ("学校认定意见", "日期"),
)
