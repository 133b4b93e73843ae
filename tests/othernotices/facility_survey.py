"""附件3 完全小学场室设备统计调查表: printed rows (room names, the 18-class standard printed),
blank numeric columns with units in the headers (间（个）数, 面积小计（㎡）, 设备（台）,
投入金额（万元）, 人, 比例（%）) and 合计 rows; the school's name, contact and phone
on a line above.

Based on: 完全小学场室设备统计调查表 (完全小学名称(盖章): 联系人: 联系电话:; 项目 / 间(个)数 /
面积小计㎡ per class size; 3101.普通教室(含机动教室) … 3111.计算机准备室),
https://mdjjksjc.com/html/2017/0108/81528753.shtm; the second table (班数, 学生数, 住宿生) follows
荥阳市义务教育阶段学校办学条件专项调研项目表 表一 (本校人数, 住宿生人数),
https://max.book118.com/html/2017/0321/96316396.shtm. The 设备 and 投入金额 columns and the
比例 column are added as such 调查表 print them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from attachment_parts import Case, Form, Slot, Typed, cell, line
from corpuskit.cells import CONTINUE, Block, Row, Table, label
from corpuskit.content import Para

TITLE = "完全小学场室设备统计调查表"
ROOMS = (  # row as printed, the 18-class standard: rooms, area (㎡)
    ("3101.普通教室（含机动教室）", 20, 1080),
    ("3102.音乐教室", 1, 80),
    ("3103.音乐准备室", 1, 25),
    ("3104.美术教室", 1, 80),
    ("3106.科学教室", 1, 80),
    ("3107.科学准备室", 1, 39),
    ("3110.计算机教室", 1, 80),
    ("3111.计算机准备室", 1, 25),
)
ROOM_TOTAL = ("合计", sum(r[1] for r in ROOMS), sum(r[2] for r in ROOMS))
ROOM_COLUMNS = ("间（个）数", "面积小计（㎡）", "设备（台）", "投入金额（万元）", "备注")
GRADES = ("一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "合计")
GRADE_COLUMNS = ("班数（个）", "学生数（人）", "其中住宿生（人）", "住宿生比例（%）")


def layout(typed: Typed) -> list[Block]:
    """Return the attachment with what the school typed."""
    rooms = [
        Row(
            [
                label("项目"),
                label("配备标准（18班）", span=2),
                label("本校现状", span=4),
                label("备注"),
            ],
            header=True,
        ),
        Row(
            [
                CONTINUE,
                label("间（个）数"),
                label("面积小计（㎡）"),
                *map(label, ROOM_COLUMNS[:4]),
                CONTINUE,
            ],
            header=True,
        ),
    ]
    for name, count, area in (*ROOMS, ROOM_TOTAL):
        rooms.append(
            Row(
                [
                    label(name, align="left"),
                    label(str(count)),
                    label(str(area)),
                    *[cell(typed, f"{name}|{c}") for c in ROOM_COLUMNS],
                ],
                height=0.8,
            )
        )
    grades = [Row([label("年级"), *map(label, GRADE_COLUMNS)], header=True)]
    for grade in GRADES:
        grades.append(
            Row([label(grade), *[cell(typed, f"{grade}|{c}") for c in GRADE_COLUMNS]], height=0.7)
        )
    return [
        Para(["附件3"], font="黑体", size=14),
        Para([TITLE], align="center", font="方正小标宋简体", size=18),
        line(
            typed,
            "完全小学名称（盖章）：",
            Slot("school", "________________"),
            "  联系人：",
            Slot("contact", "________"),
            "  联系电话：",
            Slot("phone", "______________"),
        ),
        Para(["一、功能室配备情况"], bold=True),
        Table((3.9, 1.3, 1.5, 1.5, 1.6, 1.4, 1.8, 1.6), rooms, size=9),
        Para([""]),
        Para(["二、学生及住宿情况（截至本学年初9月1日）"], bold=True),
        Table((2.6, 3.0, 3.0, 3.0, 3.0), grades),
        line(typed, "填表时间：", Slot("date", "      年    月    日"), align="right"),
    ]


BLANKS: tuple[tuple[str, str | None], ...] = (
    ("完全小学名称（盖章）", None),
    ("联系人", None),
    ("联系电话", None),
    *[(name, c) for name, _, _ in (*ROOMS, ROOM_TOTAL) for c in ROOM_COLUMNS],
    *[(grade, c) for grade in GRADES for c in GRADE_COLUMNS],
    ("填表时间", None),
)

# What each school counted: rooms, area, devices, money (万元), note per room row; classes,
# pupils, boarders, share (%) per grade. None: left empty.
Counts = dict[str, tuple[Any, ...]]


def _case(
    name: str,
    head: dict[str, Any],
    rooms: Counts,
    grades: Counts,
    write: Callable[[str, Any], str],
    how: str,
    date: tuple[str, str],
) -> Case:
    typed: Typed = {
        key: got
        for key, got in (
            ("school", head["school"]),
            ("contact", head["contact"]),
            ("phone", head["phone_typed"]),
            ("date", date[0]),
        )
        if got is not None
    }
    fields: dict[tuple[str, str | None], Any] = {
        ("完全小学名称（盖章）", None): head["school"],
        ("联系人", None): head["contact"],
        ("联系电话", None): head["phone"],
        ("填表时间", None): date[1],
    }
    for table, columns in ((rooms, ROOM_COLUMNS), (grades, GRADE_COLUMNS)):
        for row, values in table.items():
            for column, got in zip(columns, values, strict=True):
                if got is not None:
                    typed[f"{row}|{column}"] = write(column, got)
                    fields[(row, column)] = got
    return Case(name, typed, fields, saved=dt.datetime(2024, 3, 12, 16, 40), how=how)


def _plain(column: str, got: Any) -> str:
    return str(got)


def _with_units(column: str, got: Any) -> str:
    if isinstance(got, str):
        return got
    if "㎡" in column:
        return f"{got:,}㎡" if got >= 1000 else f"{got}㎡"
    unit = {
        "间（个）数": "间",
        "设备（台）": "台",
        "投入金额（万元）": "万元",
        "班数（个）": "个",
        "住宿生比例（%）": "%",
    }.get(column, "人")
    return f"{got:,}{unit}"


PLAIN_ROOMS: Counts = {
    "3101.普通教室（含机动教室）": (18, 972, 18, 36.0, None),
    "3102.音乐教室": (1, 86, 2, 3.5, None),
    "3103.音乐准备室": (1, 24, 0, 0, None),
    "3104.美术教室": (1, 82, 1, 1.2, None),
    "3106.科学教室": (1, 90, 2, 6.8, None),
    "3107.科学准备室": (1, 40, 0, 0, None),
    "3110.计算机教室": (1, 96, 46, 21.5, "含教师机1台"),
    "3111.计算机准备室": (1, 25, 1, 0.4, None),
    "合计": (25, 1415, 70, 69.4, None),
}
PLAIN_GRADES: Counts = {
    "一年级": (3, 132, 20, 15.2),
    "二年级": (3, 128, 22, 17.2),
    "三年级": (3, 135, 30, 22.2),
    "四年级": (3, 130, 41, 31.5),
    "五年级": (3, 126, 45, 35.7),
    "六年级": (3, 124, 52, 41.9),
    "合计": (18, 775, 210, 27.1),
}
UNIT_ROOMS: Counts = {
    "3101.普通教室（含机动教室）": (24, 1296, 24, 48, None),
    "3102.音乐教室": (2, 160, 2, 4.2, None),
    "3103.音乐准备室": (1, 25, 0, 0, None),
    "3104.美术教室": (1, 80, 0, 0.5, None),
    "3106.科学教室": (2, 160, 4, 12.6, None),
    "3107.科学准备室": (1, 39, 0, 0, None),
    "3110.计算机教室": (2, 160, 92, 45.8, None),
    "3111.计算机准备室": (1, 25, 2, 0.8, None),
    "合计": (34, 1945, 124, 111.9, None),
}
UNIT_GRADES: Counts = {
    "一年级": (4, 180, 0, 0),
    "二年级": (4, 176, 0, 0),
    "三年级": (4, 181, 0, 0),
    "四年级": (4, 178, 0, 0),
    "五年级": (4, 175, 0, 0),
    "六年级": (4, 172, 0, 0),
    "合计": (24, 1062, 0, 0),
}
SMALL_ROOMS: Counts = {
    "3101.普通教室（含机动教室）": (6, 324, 6, 9.0, None),
    "3104.美术教室": (1, 60, None, None, "与音乐教室合用"),
    "3106.科学教室": (1, 72, 1, 2.5, None),
    "3110.计算机教室": (1, 80, 31, 14.2, None),
}
SMALL_GRADES: Counts = {
    "一年级": (1, 28, None, None),
    "二年级": (1, 31, None, None),
    "三年级": (1, 30, None, None),
    "四年级": (1, 33, None, None),
    "五年级": (1, 29, None, None),
    "六年级": (1, 35, None, None),
}

CASES = (
    _case(
        "numbers-plain",
        {
            "school": "孝南区书院小学",
            "contact": "胡敏",
            "phone": "07122853316",
            "phone_typed": "0712-2853316",
        },
        PLAIN_ROOMS,
        PLAIN_GRADES,
        _plain,
        "bare numbers in every cell, a note in one 备注, the date typed over the printed line",
        ("2024年3月12日", "2024-03-12"),
    ),
    _case(
        "units-and-commas-typed",
        {
            "school": "云梦县实验小学",
            "contact": "杨光",
            "phone": "13872081122",
            "phone_typed": "138 7208 1122",
        },
        UNIT_ROOMS,
        UNIT_GRADES,
        _with_units,
        "units typed after the numbers (20间, 1,296㎡, 48万元, 0%), thousands with commas",
        ("2024-03-11", "2024-03-11"),
    ),
    _case(
        "small-school-rows-and-totals-empty",
        {"school": "大悟县吕王镇中心小学", "contact": None, "phone": None, "phone_typed": None},
        SMALL_ROOMS,
        SMALL_GRADES,
        _plain,
        "a six-class school: rooms it lacks left empty, boarders not filled, both 合计 rows "
        "and 联系人 and 联系电话 left empty (the 合计 look required)",
        ("2024.3.9", "2024-03-09"),
    ),
)

FORM = Form("facility-survey", TITLE, __doc__ or "", layout, BLANKS, (), CASES)
