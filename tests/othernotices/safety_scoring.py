"""附件1 平安校园创建考核评估细则: numbered items under merged 项目 cells, printed points per item
(标准分) that add up to the printed 合计, and blank 自评分 / 评估分 / 备注 columns.

Based on: 广元市平安校园创建考核评估细则 (项目 / 内容 / 标准分 / 评估分 / 备注; 组织领导10分,
items 1–4 with their 查看文件… deductions), http://m.boteman.cn/p-69594655.html; the 基础建设
items follow “平安校园”考评细则 (校园全封闭管理 1分, 门卫治安室 4分, 视频监控 3分, 危房 2分,
消防 2分), https://360docs.net/doc/287474279.html. Item 4's end, the 考核办法 of items 5–12,
the 安全教育 section and the 自评分 column are modelled on such 细则 (the pages cut off there);
the printed total is the sum of the items printed here (30), not the original's 96.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from attachment_parts import Case, Form, Slot, Typed, cell, line
from corpuskit.cells import CONTINUE, Block, Row, Table, label
from corpuskit.content import Para

TITLE = "广元市平安校园创建考核评估细则"
SECTIONS = (
    (
        "组织领导\n（10分）",
        (
            (
                "成立学校由校长任组长的平安校园创建工作领导小组，配备专兼职人员负责综治维稳信访安全工作，"
                "建立健全安全保卫组织机构。",
                2,
                "查看文件，没有领导小组及安全保卫组织机构，扣1分；无专人负责，扣1分。",
            ),
            (
                "制定学校平安校园创建实施方案，列入学校工作议事日程，有专人负责，做到有规划、有工作部署、"
                "有具体措施、有经费保障、有工作总结。",
                3,
                "查看文件资料。无专人、无实施方案、无工作部署记录及工作总结分别扣1分。",
            ),
            (
                "学校定期研究安全稳定工作，制定有针对性的具体措施，切实解决学校安全稳定工作方面存在的突出"
                "问题，每年不少于4次。",
                3,
                "查看会议记录及相关资料，不合要求扣完此项分数。",
            ),
            (
                "学校各处室、年级创建责任明确，层层签订安全目标责任书。",
                2,
                "查看责任书，未签订的扣2分。",
            ),
        ),
    ),
    (
        "基础建设\n（12分）",
        (
            ("校园能够实行全封闭管理。", 1, "实地查看，未实行扣1分。"),
            (
                "大门旁有专门的门卫治安室，配备钢叉、警棍、巡逻手电等物防设施和必要的消防设施，室内设立"
                "报警电话，门卫治安室制度齐全。",
                4,
                "实地查看，每缺一项扣1分。",
            ),
            (
                "大门、校园周边、走廊、通道、宿舍、食堂等重点部位安装视频监控探头，视频监控器设在门卫治安室。",
                3,
                "实地查看，重点部位未覆盖的每处扣1分。",
            ),
            (
                "无D级危房。B、C级危房要有加固措施和安全警示标志。",
                2,
                "有D级危房不得分；无警示标志扣1分。",
            ),
            (
                "消防、防盗、防雷电设施和预警设施配备齐全、到位、完好。",
                2,
                "实地查看，缺损一项扣1分。",
            ),
        ),
    ),
    (
        "安全教育\n（8分）",
        (
            (
                "每学期集中开展安全教育不少于2次，并把安全教育渗透到相关学科教学和各种活动之中。",
                3,
                "查看记录，少一次扣1分。",
            ),
            (
                "每学期组织一次以上应急疏散演练，有方案、有记录、有总结。",
                3,
                "查看资料，未演练不得分。",
            ),
            (
                "建立家校联系制度，利用家长会、致家长一封信等形式开展安全宣传。",
                2,
                "查看资料，无记录扣2分。",
            ),
        ),
    ),
)
ITEMS = [
    (str(number), points)
    for number, (_, points, _) in enumerate(
        (item for _, items in SECTIONS for item in items), start=1
    )
]
TOTAL = sum(points for _, points in ITEMS)
COLUMNS = ("自评分", "评估分", "备注")
WIDTHS = (1.6, 0.9, 6.0, 3.4, 1.1, 1.1, 1.1, 1.2)


def layout(typed: Typed) -> list[Block]:
    """Return the attachment with what the school typed."""
    rows = [
        Row(
            [*map(label, ("项目", "序号", "内容", "考核办法", "标准分")), *map(label, COLUMNS)],
            header=True,
            height=0.9,
        )
    ]
    number = 0
    for heading, items in SECTIONS:
        for i, (text, points, how) in enumerate(items):
            number += 1
            rows.append(
                Row(
                    [
                        label(heading) if i == 0 else CONTINUE,
                        label(str(number)),
                        label(text, align="left"),
                        label(how, align="left"),
                        label(str(points)),
                        *[cell(typed, f"{number}|{c}") for c in COLUMNS],
                    ]
                )
            )
    rows.append(
        Row(
            [
                label("合计", span=4),
                label(str(TOTAL)),
                *[cell(typed, f"合计|{c}") for c in COLUMNS],
            ],
            height=0.9,
        )
    )
    return [
        Para(["附件1"], font="黑体", size=14),
        Para([TITLE], align="center", font="方正小标宋简体", size=18),
        line(
            typed,
            "学校名称（盖章）：",
            Slot("school", "____________________"),
            "    自评人：",
            Slot("rater", "__________"),
            "    自评时间：",
            Slot("date", "     年   月   日"),
        ),
        Table(WIDTHS, rows, size=9),
        Para(["说明：自评分由学校填写，评估分由考核组填写；扣分以本项标准分为限。"], size=9),
    ]


BLANKS: tuple[tuple[str, str | None], ...] = (
    ("学校名称（盖章）", None),
    ("自评人", None),
    ("自评时间", None),
    *[(code, c) for code, _ in ITEMS for c in COLUMNS],
    *[("合计", c) for c in COLUMNS],
)


def _case(
    name: str,
    head: tuple[str, str, str, str],
    scores: list[Any],
    total: Any,
    write: str = "{}",
    notes: dict[str, str] | None = None,
    how: str = "",
) -> Case:
    """A school's self-scores: `scores` per item (None: left empty), the total it wrote."""
    school, rater, date_typed, date = head
    typed: Typed = {"school": school, "rater": rater, "date": date_typed}
    fields: dict[tuple[str, str | None], Any] = {
        ("学校名称（盖章）", None): school,
        ("自评人", None): rater,
        ("自评时间", None): date,
    }
    for (code, _), score in zip(ITEMS, scores, strict=True):
        if score is not None:
            typed[f"{code}|自评分"] = write.format(score)
            fields[(code, "自评分")] = score
    for code, note in (notes or {}).items():
        typed[f"{code}|备注"] = note
        fields[(code, "备注")] = note
    if total is not None:
        typed["合计|自评分"] = write.format(total)
        fields[("合计", "自评分")] = total
    return Case(name, typed, fields, saved=dt.datetime(2024, 5, 20, 11, 5), how=how)


CASES = (
    _case(
        "whole-points",
        ("广元市利州区东坝小学", "王磊", "2024年5月20日", "2024-05-20"),
        [2, 3, 3, 2, 1, 4, 2, 2, 2, 3, 3, 2],
        29,
        notes={"7": "操场东侧监控待安装"},
        how="whole points in every 自评分, a note in 备注, 评估分 left to the assessors",
    ),
    _case(
        "half-points-with-fen",
        ("苍溪县城郊中学", "李华", "2024.5.18", "2024-05-18"),
        [2, 2.5, 3, 2, 1, 3.5, 3, 2, 1.5, 3, 2, 2],
        27.5,
        write="{}分",
        how="half points, each typed with 分 (2.5分); total 27.5分",
    ),
    _case(
        "total-left-empty",
        ("剑阁县普安小学", "赵小燕", "2024-05-21", "2024-05-21"),
        [2, 3, 3, None, 1, 4, 3, 2, 2, None, 3, 2],
        None,
        how="items 4 and 10 and the 合计 (required-looking) left empty",
    ),
    _case(
        "total-does-not-add-up",
        ("旺苍县东河小学", "张建", "2024年5月19日", "2024-05-19"),
        [2, 3, 2, 2, 1, 3, 3, 2, 2, 3, 3, 2],
        30,
        how="the school wrote 30 as its 合计 though its items add up to 28: recorded as written",
    ),
)

FORM = Form("safety-scoring", TITLE, __doc__ or "", layout, BLANKS, (), CASES)
