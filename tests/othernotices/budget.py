"""附件4 教育科研课题经费预算表: label|blank pairs (电话, 传真, 电子邮箱, 研究起止时间 printed
“  年  月至  年  月” in its cell, 万元 amounts), a repeating 经费支出预算 table (header above empty
rows, schools add rows) with a 合计 row in 元, and a signature line under the table.

Based on: 横向科研项目经费预算表（2020版） (一、项目概况 项目名称 项目负责人 项目编号 项目总经费;
二、本次到账经费支出预算（元） 序号 支出内容 预算金额 备注 … 合计; 项目负责人签字 … 制表日期),
https://m.zixin.com.cn/doc/3028646.html, and 课题研究经费预算表 (金额单位:元; 计算依据 column;
预算编制人（签名）), https://360docs.net/doc/138740806.html. Adapted to a school's 教育科研课题 as a
bureau's 课题 notice prints it: the 传真/电子邮箱/起止时间 cells and 数量/单价 columns are modelled.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from attachment_parts import Case, Form, Slot, Typed, cell, line
from corpuskit.cells import Block, Cell, Row, Table, label
from corpuskit.content import Para

TITLE = "教育科研课题经费预算表"
COLUMNS = ("序号", "支出内容", "数量", "单价（元）", "预算金额（元）", "测算依据")
BLANK_ROWS = 5
PERIOD = "      年    月至      年    月"


def layout(typed: Typed) -> list[Block]:
    """Return the attachment with what the school typed."""
    period = typed.get("period")
    overview = [
        Row([label("课题名称"), cell(typed, "title", span=3)], height=0.9),
        Row(
            [label("课题负责人"), cell(typed, "leader"), label("所在单位"), cell(typed, "unit")],
            height=0.9,
        ),
        Row(
            [label("联系电话"), cell(typed, "phone"), label("传真"), cell(typed, "fax")], height=0.9
        ),
        Row(
            [
                label("电子邮箱"),
                cell(typed, "email"),
                label("研究起止时间"),
                Cell([Para([PERIOD if period is None else period])]),
            ],
            height=0.9,
        ),
        Row(
            [
                label("课题总经费（万元）"),
                cell(typed, "total_funds"),
                label("其中自筹（万元）"),
                cell(typed, "own_funds"),
            ],
            height=0.9,
        ),
    ]
    spending: list[Row] = [Row([label(h) for h in COLUMNS], header=True, height=0.9)]
    rows = typed.get("rows", [])
    for number in range(max(BLANK_ROWS, len(rows))):
        got = rows[number] if number < len(rows) else [None] * len(COLUMNS)
        spending.append(Row([cell({"v": v}, "v") for v in got], height=0.8))
    spending.append(
        Row([label("合计", span=4), cell(typed, "sum"), cell(typed, "sum_note")], height=0.9)
    )
    return [
        Para(["附件4"], font="黑体", size=14),
        Para([TITLE], align="center", font="方正小标宋简体", size=18),
        Para(["一、课题概况"], font="黑体", size=12),
        Table((3.4, 4.3, 3.2, 4.5), overview),
        Para(["二、经费支出预算"], font="黑体", size=12),
        Para(["金额单位：元"], align="right", size=9),
        Table((1.2, 3.6, 1.3, 2.2, 2.6, 4.5), spending),
        Para([""]),
        line(
            typed,
            "课题负责人（签名）：",
            Slot("signer", "__________"),
            "    所在单位（章）：",
            "            ",
            "制表日期：",
            Slot("date", "     年   月   日"),
        ),
    ]


BLANKS: tuple[tuple[str, str | None], ...] = (
    ("课题名称", None),
    ("课题负责人", None),
    ("所在单位", None),
    ("联系电话", None),
    ("传真", None),
    ("电子邮箱", None),
    ("研究起止时间", None),
    ("课题总经费（万元）", None),
    ("其中自筹（万元）", None),
    ("合计", "预算金额（元）"),
    ("合计", "测算依据"),
    ("课题负责人（签名）", None),
    ("制表日期", None),
)

Spend = tuple[str, Any]  # (as typed, as read)


def _rows(*rows: tuple[Spend | None, ...]) -> tuple[list[list[str | None]], list[dict[str, Any]]]:
    typed = [[None if c is None else c[0] for c in row] for row in rows]
    read = [
        {h: None if c is None else c[1] for h, c in zip(COLUMNS, row, strict=True)} for row in rows
    ]
    return typed, read


def _n(value: Any) -> Spend:
    return (f"{value:,}" if isinstance(value, int) and value >= 10000 else str(value), value)


def _t(text: str) -> Spend:
    return (text, text)


_A = _rows(
    (_n(1), _t("资料费"), _n(20), _n(60), _n(1200), _t("购买专业书籍20册")),
    (_n(2), _t("调研差旅费"), _n(6), _n(500), _n(3000), _t("赴外地学校调研6人次")),
    (_n(3), _t("专家咨询费"), _n(4), _n(800), _n(3200), _t("开题、结题各请专家2人")),
)
_B = _rows(
    *[
        (
            _n(i),
            _t(what),
            None if n is None else _n(n),
            None if p is None else _n(p),
            _n(total),
            _t(basis) if basis else None,
        )
        for i, (what, n, p, total, basis) in enumerate(
            (
                ("图书资料费", 30, 50, 1500, "专业书籍、期刊"),
                ("问卷印刷费", 1200, 2, 2400, "问卷1200份"),
                ("调研差旅费", 10, 600, 6000, "10人次"),
                ("会议费", 2, 1500, 3000, "开题会、中期报告会"),
                ("专家咨询费", 6, 800, 4800, "每次2人，共3次"),
                ("成果印刷费", None, None, 5000, "结题报告汇编200册"),
                ("数据处理费", None, None, 2300, ""),
                ("其他", None, None, 1000, "办公用品"),
            ),
            start=1,
        )
    ]
)
_C = _rows(
    (_t("1"), _t("调研、交流差旅费"), None, None, ("0.6万元", 6000), _t("按实际发生")),
    (_t("2"), _t("资料、印刷费"), None, None, ("4,000.00", 4000), None),
)

CASES = (
    Case(
        "three-rows-wan-and-fax",
        {
            "title": "农村小学“双减”背景下作业设计的实践研究",
            "leader": "吴晓燕",
            "unit": "溧水区晶桥中心小学",
            "phone": "025-57221234",
            "fax": "025-57221235",
            "email": "wuxy@lsjy.edu.cn",
            "period": "2024年3月至2025年12月",
            "total_funds": "1",
            "own_funds": "0.2",
            "rows": _A[0],
            "sum": "7400",
            "signer": "吴晓燕",
            "date": "2024年3月15日",
        },
        {
            ("课题名称", None): "农村小学“双减”背景下作业设计的实践研究",
            ("课题负责人", None): "吴晓燕",
            ("所在单位", None): "溧水区晶桥中心小学",
            ("联系电话", None): "02557221234",
            ("传真", None): "02557221235",
            ("电子邮箱", None): "wuxy@lsjy.edu.cn",
            ("研究起止时间", None): "2024-03/2025-12",
            ("课题总经费（万元）", None): 1,
            ("其中自筹（万元）", None): 0.2,
            ("合计", "预算金额（元）"): 7400,
            ("课题负责人（签名）", None): "吴晓燕",
            ("制表日期", None): "2024-03-15",
        },
        {0: _A[1]},
        saved=dt.datetime(2024, 3, 15, 10, 30),
        how="three of the five printed rows filled; the period typed over the printed one; "
        "phone and fax with dashes",
    ),
    Case(
        "eight-rows-three-added",
        {
            "title": "初中数学项目式学习的校本实施研究",
            "leader": "孙鹏",
            "unit": "高淳区淳溪中学",
            "phone": "13770651234",
            "email": "sunpeng1985@126.com",
            "period": "2024.04—2026.06",
            "total_funds": "2.6万",
            "own_funds": "0.6万",
            "rows": _B[0],
            "sum": "26,000",
            "sum_note": "与课题总经费一致",
            "signer": "孙  鹏",
            "date": "2024-04-02",
        },
        {
            ("课题名称", None): "初中数学项目式学习的校本实施研究",
            ("课题负责人", None): "孙鹏",
            ("所在单位", None): "高淳区淳溪中学",
            ("联系电话", None): "13770651234",
            ("电子邮箱", None): "sunpeng1985@126.com",
            ("研究起止时间", None): "2024-04/2026-06",
            ("课题总经费（万元）", None): 2.6,
            ("其中自筹（万元）", None): 0.6,
            ("合计", "预算金额（元）"): 26000,
            ("合计", "测算依据"): "与课题总经费一致",
            ("课题负责人（签名）", None): "孙鹏",
            ("制表日期", None): "2024-04-02",
        },
        {0: _B[1]},
        saved=dt.datetime(2024, 4, 2, 16, 0),
        how="eight spending rows: three added below the five printed; fax left empty; "
        "amounts with thousands commas; 万 typed in the 万元 cells",
    ),
    Case(
        "sum-left-empty-wan-in-yuan-column",
        {
            "title": "小学劳动教育课程资源开发研究",
            "leader": "钱芳",
            "unit": "江宁区铜山中心小学",
            "phone": "(025)52781234",
            "fax": "(025)52781234",
            "period": "2024年9月—2025年8月",
            "total_funds": "1.0",
            "rows": _C[0],
            "signer": "钱芳",
            "date": "2024.9.3",
        },
        {
            ("课题名称", None): "小学劳动教育课程资源开发研究",
            ("课题负责人", None): "钱芳",
            ("所在单位", None): "江宁区铜山中心小学",
            ("联系电话", None): "02552781234",
            ("传真", None): "02552781234",
            ("研究起止时间", None): "2024-09/2025-08",
            ("课题总经费（万元）", None): 1,
            ("课题负责人（签名）", None): "钱芳",
            ("制表日期", None): "2024-09-03",
        },
        {0: _C[1]},
        saved=dt.datetime(2024, 9, 3, 11, 45),
        how="合计 (required-looking), 自筹 and e-mail left empty; one amount written 0.6万元 in "
        "the 元 column (read as 6000 元), another 4,000.00; 数量 and 单价 left empty",
    ),
)

FORM = Form("research-budget", TITLE, __doc__ or "", layout, BLANKS, (COLUMNS,), CASES)
