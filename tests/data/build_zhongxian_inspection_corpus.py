"""Build the 忠县 return corpus: 附件1 督查评分表 and 附件4 创建验收项目申报表, filled every way.

Schools (and the county's inspectors) do not send back tidy copies of what tianbiao generated.
They fill the ORIGINAL attachments of the notice (seed 003): the bureau's own Word file with its
own column widths and fonts, the A/B cells of the score table merged down, the leftover
full-width spaces in the 考核分 and 备注 cells, the line "学校：   督查人员：   督查时间："
printed above the table, the printed prompt "另附自查报告（3000字以内）" in the 附件4 cell,
"时间：2021年  月  日" with its gaps. No tianbiao custom properties.

Each ``<form id>/<case>.json`` holds what the inspector's or the school's reader records from
the .docx beside it; the corpus kit (tests/corpuskit) writes both, tianbiao is not imported.

    .venv/bin/python tests/data/build_zhongxian_inspection_corpus.py [output folder]
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for the corpus kit
from corpuskit.cells import Block, Cell, Row, Table
from corpuskit.content import Para, Run, paras
from corpuskit.corpus import record, write_corpus
from corpuskit.documents import Blank, append_block
from corpuskit.paragraphs import paragraph
from corpuskit.tables import add_table
from corpuskit.wordml import Hand, Spacing

INSPECTION = "zhongxian-2021-inspection"
ACCEPTANCE = "zhongxian-2021-acceptance"
IDEO = "\u3000"  # the ideographic space the bureau's blank leaves in many cells
# The bureau's Word: table cells at an exact 1.35 lines, the lines above and below the
# table at 1.5 lines.
CELL_HAND = Hand(spacing=Spacing(rule="exact", per_point=27))
LINE_HAND = Hand(spacing=Spacing(360))


def build_docx(attachment: str, title: str, blocks: list[Block], modified: dt.datetime,
               margins: tuple[float, float]) -> bytes:
    """The bureau's attachment as filled: `blocks` are lines (in 仿宋) and tables."""
    top, side = margins
    blank = Blank("宋体", 10.5, (top, top, side, side), author="忠县教委技装站",
                  created=dt.datetime(2021, 5, 20, 9, 0),
                  last_printed=dt.datetime(2021, 5, 20, 10, 0), stamp=(2021, 6, 15, 8, 0, 0))
    doc = blank.new()
    append_block(doc, paragraph(Para([attachment]), "黑体", 16, LINE_HAND))
    append_block(doc, paragraph(Para([title], align="center"), "方正小标宋简体", 18, LINE_HAND))
    for block in blocks:
        if isinstance(block, Table):
            add_table(doc, block, CELL_HAND)
        else:
            append_block(doc, paragraph(block, "仿宋", 12, LINE_HAND))
    append_block(doc, paragraph(Para([""]), "仿宋", 12, LINE_HAND))
    return blank.saved(doc, modified)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _text(texts: list[str]) -> str | None:
    """The value a reader records for a text cell: paragraphs trimmed, empty ones dropped."""
    lines = [line.strip(" " + IDEO) for text in texts for line in text.split("\n")]
    kept = [line for line in lines if line]
    return "\n".join(kept) if kept else None


# ================================================================ 附件1 督查评分表

INSPECTION_TITLE = "忠县中小学教育信息技术与装备专项督查评分表"
# The bureau's widths (cm): not the definition's.
INSPECTION_WIDTHS = (1.55, 2.05, 5.3, 4.6, 1.6, 1.9)


@dataclass
class Item:
    """One C row as the seed prints it; `a`/`b` None continue the merge above."""

    code: str
    max: float
    a: list[str] | None
    b: list[str] | None
    text: list[str]
    rule: str
    score_left: list[str] = field(default_factory=lambda: [""])
    note_left: list[str] = field(default_factory=lambda: [""])


# Each C item's full marks.
POINTS = {
    "C1": 2, "C2": 2, "C3": 2, "C4": 3, "C5": 2, "C6": 2, "C7": 3, "C8": 2, "C9": 2, "C10": 4,
    "C11": 2, "C12": 1, "C13": 2, "C14": 4, "C15": 4, "C16": 5, "C17": 2, "C18": 6, "C19": 4,
    "C20": 3, "C21": 3, "C22": 3, "C23": 3, "C24": 3, "C25": 3, "C26": 2, "C27": 3, "C28": 4,
    "C29": 2, "C30": 2, "C31": 4, "C32": 3, "C33": 2, "C34": 3, "C35": 3,
}
# The A and B cells as printed, where each starts (merged down to the next one).
A_CELLS = {
    "C1": ["A1                       常规管理                (6分)"],
    "C4": ["A2             硬软件管理    (27分)"],
    "C15": ["A3 ", "使用效益                                                  (52分)"],
    "C31": ["A4                社会实践及科技活动（7分）"],
    "C33": ["A5", "科研活动（8分）"],
}
B_CELLS = {
    "C1": ["B1 组织体系（2分）                            "],
    "C2": ["B2 落实人员（ 2分 ）                       "],
    "C3": ["B3日常管理（ 2 分）                     "],
    "C4": ["B4功能室管理（ 14分）            "],
    "C10": ["B5资料记载（ 13分）                            "],
    "C15": ["B6教育信息化（17分）", "                "],
    "C19": ["B7网络安全（7分）"],
    "C21": ["B8 实验教学（11分）                      "],
    "C24": ["B9 图书效益（8分）                       "],
    "C27": [" B10六大功能室（11分）                       "],
    "C31": ["B11 社会实践活动 （4分）                    "],
    "C32": ["B12科技活动（3分）"],
    "C33": ["B13 课题研究（2分） "],
    "C34": ["B14论文发表（3分）", "", ""],
    "C35": ["B15 各类大赛（3分）             "],
}
# 督查内容 as printed, a string a paragraph.
CONTENTS = {
    "C1": [
        "C1．学校建立健全教育信息技术与装备工作领导小组,领导小组有明确的人员分工和管理职责。(2分)",
    ],
    "C2": [
        "C2．按要求落实各类教育信息技术与装备功能室的管理人员及相关职责。（2分）",
    ],
    "C3": [
        "C3．将教育信息技术与装备工作纳入学校工作计划和工作总结，并将技装工作管理人员的工作量、"
        "工作业绩纳入学校绩效考核，实行目标管理。（2分）",
    ],
    "C4": [
        "C4．学校按相应类别设置各类功能室。（3分）",
    ],
    "C5": [
        "C5.间数、面积、采光、设施达标。(2分)",
    ],
    "C6": [
        "C6.文化氛围。各室注重文化氛围创设、门牌标识、制度职责齐全，挂放合理；安全设施到位、"
        "卫生良好。（2分）",
    ],
    "C7": [
        "C7.设备、器材、仪器、图书、教学资源应及时登记上账、上架、编目、贴签；物品存放有序，"
        "账物相符。（3分）",
    ],
    "C8": [
        "C8.器材设备运行、维修、维护经费，自制教具落实；自制教具有使用推广价值的小学2件以上、"
        "中学3件以上。（2分）",
    ],
    "C9": [
        "C9.危险化学药品的存放、管理规范。按时填报“重庆市危险化学品安全风险信息系统”、"
        "“重庆市易制爆危险化学品流通管理信息系统”（2分）",
    ],
    "C10": [
        "C10． 教学设备管理平台仪器设备登记入库、实验登记、数据年度上报，"
        "全国教育信息化工作进展信息系统，图书管理系统平台数据逐项录入完整。（4分）",
    ],
    "C11": [
        "C11.学校积极参与国家、市、县级平台应用培训。(2分）",
    ],
    "C12": [
        "C12.学校每期开展一次以上教育信息技术与装备的管理与应用培训。（1分）",
    ],
    "C13": [
        "C13.各班使用班班通的纸质资料记载齐全、准确、规范。(2分）",
    ],
    "C14": [
        "C14实验室“三表两簿一报告”，仪器保管室“四簿”，六大功能室和计算机教室“三表六簿”，"
        "图书室“两表一书目”等资料齐全、准确、规范。（4分）",
    ],
    "C15": [
        "C15.教育信息化设施设备及优质资源教师学科应用率达100%。（4分）",
    ],
    "C16": [
        "C16.学校每期开展一次以上运用信息技术优质资源举办的教学研究、示范课和校本培训。（5分）",
    ],
    "C17": [
        "C17.参与中小学教师信息技术能力提升工程2.0培训。（2分）",
    ],
    "C18": [
        "C18.落实信息技术教育课程；学校积极利用教育信息化手段组织开展微课大赛、讲课赛、"
        "“一师一优课，一课一名师”等活动。（6分）",
    ],
    "C19": [
        "C19.学校要加强网络安全的宣传、教育与管理，开展好网络安全宣传周活动。（4分）",
    ],
    "C20": [
        "C20.学校应做好视频监控联网工作，确保无网络安全事故发生。（3分）",
    ],
    "C21": [
        "C21．以课堂实验教学为主阵地，中小学实验开出率（演示实验、分组实验）达95%。（3分）",
    ],
    "C22": [
        "C22.开展了实验操作考试，资料完整。（3分）",
    ],
    "C23": [
        "C23.积极运用教学仪器设备开展实验教学研究活动，积极开展教师实验操作技能等大赛。（3分）",
    ],
    "C24": [
        "C24.图书借出率达85%以上。（3分）",
    ],
    "C25": [
        "C25．“数字图书馆”平台使用效益好，学生阅读量大，点击量全年达小学生均3.8次，"
        "中学生均6.38次 。 （3分）",
    ],
    "C26": [
        "C26.图书室对学生开放，组织演讲会、故事会、读后感、手抄报等丰富多彩的活动。（2分）",
    ],
    "C27": [
        "C27． 按部颁教学计划开齐课程，利用六大功能室设备开展课程辅助活动。（3分）",
    ],
    "C28": [
        "C28．充分利用各功能室开展教学活动，各室设备设施使用率达95%以上。（4分）",
    ],
    "C29": [
        "C29.每年举办展艺术节活动、体育运动会。（2分）",
    ],
    "C30": [
        "C30.参加县级及以上部门组织开展的各类活动，按时上交活动资料及作品。（2分）",
    ],
    "C31": [
        "C31认真组织开展社会实践活动，有方案、图片、成果展示。（4分）",
    ],
    "C32": [
        "C32.认真组织开展科技活动。（3分）",
    ],
    "C33": [
        "C33．学校开展两个及以上教育信息技术与装备课题，且研究效果好。",
        "（2分）",
    ],
    "C34": [
        "C34．有教育信息技术与装备论文发表获奖。（3分）",
    ],
    "C35": [
        "C35．学校参加有关教育信息技术与装备各类大赛活动获奖。（3分）",
    ],
}
# 评分说明 as printed.
RULES = {
    "C1":
        "每缺一项扣1分，扣完为止。",
    "C2":
        "各类教育信息技术与装备功能室无管理人姓名和联系电话，扣1分；无人员岗位职责扣1分。",
    "C3":
        "学校工作计划、工作总结无教育信息技术与装备工作内容扣1分；未实行绩效考核和目标管理的扣1分"
        "。",
    "C4":
        " 学校按相应类别设有计算机网络教室、实验室、实验仪器保管室；图书、阅览室；音、体、美、"
        "卫、劳技、科技室和村小多功能室，数量达标。每缺1室扣0.5分，扣完为止。",
    "C5":
        "功能室间数或面积有1项不达标扣0.5分，扣完为止；创客实验室、录播室、"
        "云课堂教室被挤占扣1分。",
    "C6":
        "文化氛围创设、门牌标识、制度职责挂放、安全设施、卫生等符合要求。有一项不达标，"
        "室内有杂物扣0.5分，扣完为止。",
    "C7":
        "有一项未达到规范要求扣1分，扣完为止。",
    "C8":
        "未落实器材设备运行、维修、维护经费扣1分；自制教具差一件扣0.5分，扣完为止。",
    "C9":
        "未按规定存放、管理，扣1分；未按时更新数据扣1分。",
    "C10":
        "数据填报不全扣0.5分；有一项不及时填报扣0.5 分，扣完为止；审核有一项未按时或未通过扣3分。",
    "C11":
        " 每缺一次扣 0.5 分，扣完为止。",
    "C12":
        "缺1次扣0.5分。",
    "C13":
        "有一个班记载不符合要求扣0.5分，扣完为止。",
    "C14":
        "缺一项扣1分，扣完为止。",
    "C15":
        "设备闲置扣1分；各类资源应用面每差10%扣1分。",
    "C16":
        "缺一项扣1分，扣完为止；未开展活动扣6分。",
    "C17":
        "网络培训每1人次不合格扣0.5分；集中培训缺1人扣0.5分，扣完为止。",
    "C18":
        "信息技术教育课程未落实扣2分；各类大赛学校教师开展面不达100%扣1分；"
        "未按要求报送材料和作品的每次扣1分。",
    "C19":
        "学校无网络安全管理机构、无网络安全事件应急预案、无网络安全宣传周活动方案、"
        "无相关图片和总结等材料扣2分，未按时上报有关资料扣1分； 未开展网络安全宣传周活动扣3分。",
    "C20":
        "学校校园视频监控系统未连入县教委平台扣1分；师生未签订网络安全责任书，"
        "发生一起网络安全事故发生扣2分。",
    "C21":
        " 中小学实验开出率（查看平台）每少5%扣0.5分，扣完为止。",
    "C22":
        "未按时上交考试资料扣1分，资料不完整扣0.5分，未开展实验操作考试扣3分。",
    "C23":
        "未开展技能大赛及相关赛事活动扣1分，未开展研究活动扣1分,扣完为止。",
    "C24":
        "每少5%扣0.5分，扣完为止。",
    "C25":
        "每低于生均标准0.5次扣0.5分，扣完为止。",
    "C26":
        "未开展活动扣2分。",
    "C27":
        "课表不落实，未认真开展活动，器材无使用痕迹，多数器材未拆封。有一项扣1分，扣完为止。",
    "C28":
        "每少5%扣0.5分，扣完为止。",
    "C29":
        "未举办艺术节活动扣1分；未举办体育运动会扣1分。",
    "C30":
        "有一次未参加活动扣0.5分，有一次不交资料或作品扣0.5分，扣完为止。",
    "C31":
        "资料不完善扣2分，研学旅行报批程序不规范扣2分，学校未开展社会实践活动扣4分。",
    "C32":
        "未举办科技节活动扣1.5分；积极参加县级及以上科技大赛，无县级以上获奖扣0.5分。",
    "C33":
        "每差1个扣0.5分。",
    "C34":
        "按国家级1.5分、市级1分、县级0.5分累积计分，但最高不超过3分。",
    "C35":
        "按国家级每个1.5分、市级1分、县级0.5分累积计分，但最高不超过3分。",
}
# What the blank leaves in the 考核分 and 备注 cells (a string a paragraph) where not empty.
LEFTOVERS = {
    "C1": ([" "], [IDEO, IDEO]),
    "C2": ([IDEO], [IDEO]),
    "C3": ([""], [IDEO, IDEO, IDEO]),
    "C4": ([IDEO], [IDEO]),
    "C10": ([" "], [IDEO, IDEO]),
    "C15": ([" "], [IDEO, IDEO]),
    "C21": ([" "], [IDEO]),
    "C24": ([IDEO], [IDEO, IDEO]),
    "C27": ([IDEO, IDEO], [IDEO, IDEO]),
    "C31": ([" "], [IDEO, IDEO, IDEO]),
}
ITEMS = [Item(code, points, A_CELLS.get(code), B_CELLS.get(code), CONTENTS[code], RULES[code],
              *LEFTOVERS.get(code, ([""], [""]))) for code, points in POINTS.items()]
TOTAL_LEFT = [IDEO]


def _typed(leftover: list[str], value: str | list[str]) -> list[str]:
    """What the cell holds after someone clicks into it and types `value` (leftovers stay)."""
    if isinstance(value, str):
        value = [value]
    return [leftover[0] + value[0], *value[1:], *leftover[1:]]


def score_rows(scores: dict[str, list[str]], notes: dict[str, list[str]],
               total: list[str], merged: bool = True) -> list[Row]:
    """The bureau's score table with the cells as filled; `merged` False repeats A/B texts."""
    heads = [Cell(paras(text, align="center"), span=span, font="黑体")
             for text, span in (("督查项目与权重", 2), ("督查内容", 1), ("评分说明", 1),
                                ("考核分", 1), ("备注", 1))]
    rows = [Row(heads, height=0.9, header=True)]
    a_text: list[str] = []
    b_text: list[str] = []
    for item in ITEMS:
        cells = []
        for own, kept in ((item.a, a_text), (item.b, b_text)):
            if own is not None:
                kept[:] = own
                cells.append(Cell(paras(*own, align="center"), vmerge="restart" if merged else ""))
            elif merged:
                cells.append(Cell(paras(""), vmerge="continue"))
            else:
                cells.append(Cell(paras(*kept, align="center")))
        cells.append(Cell(paras(*item.text), valign="center"))
        cells.append(Cell(paras(item.rule), size=9))
        cells.append(Cell(paras(*scores.get(item.code, item.score_left), align="center")))
        cells.append(Cell(paras(*notes.get(item.code, item.note_left)), size=9))
        rows.append(Row(cells, height=1.1))
    rows.append(Row([Cell(paras("得分合计", align="center"), span=4, bold=True),
                     Cell(paras(*total, align="center")), Cell(paras(*TOTAL_LEFT))], height=1.0))
    return rows


def header_line(school: str, inspector: str, when: str, gap: str = "    ") -> Para:
    """The line printed above the table, the blanks typed into the gaps (school's own font)."""
    return Para(["学校：", Run(school, font="宋体"), gap, "督查人员：", Run(inspector, font="宋体"),
                 gap, "督查时间：", Run(when, font="宋体")])


def header_table(school: str, inspector: str, when: str) -> Table:
    """The header line retyped by a school as a one-row table of label and value cells."""
    cells = [Cell(paras("学校", align="center"), bold=True), Cell(paras(school)),
             Cell(paras("督查人员", align="center"), bold=True), Cell(paras(inspector)),
             Cell(paras("督查时间", align="center"), bold=True), Cell(paras(when))]
    return Table((1.6, 4.4, 2.0, 3.6, 2.0, 3.4), [Row(cells, height=0.9)])


FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


@dataclass
class InspectionCase:
    name: str
    school: str
    inspector: str
    when: str                       # as written
    date: str | None                # as recorded
    deductions: dict[str, float]    # points off each item's max
    day: int
    style: str = "plain"            # how the numbers are written: plain, fen, fullwidth
    blank: tuple[str, ...] = ()     # score cells left as printed
    over: dict[str, float] = field(default_factory=dict)   # scores written above the max
    notes: dict[str, list[str]] = field(default_factory=dict)
    total_written: float | None = None   # None: the right sum
    merged: bool = True
    header: str = "line"            # line | table
    status: str = "ok"
    problems: list[tuple[str, str]] = field(default_factory=list)

    def scores(self) -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        for item in ITEMS:
            if item.code in self.blank:
                out[item.code] = None
            elif item.code in self.over:
                out[item.code] = self.over[item.code]
            else:
                out[item.code] = item.max - self.deductions.get(item.code, 0)
        return out

    def total(self) -> float:
        if self.total_written is not None:
            return self.total_written
        return sum(v for v in self.scores().values() if v is not None)

    def write(self, value: float) -> str:
        text = str(_number(value))
        if self.style == "fen":
            return text + "分"
        if self.style == "fullwidth":
            return text.translate(FULL_WIDTH)
        return text

    def blocks(self) -> list[Block]:
        by_code = {item.code: item for item in ITEMS}
        scores = {code: _typed(by_code[code].score_left, self.write(value))
                  for code, value in self.scores().items() if value is not None}
        notes = {code: _typed(by_code[code].note_left, lines) if lines[0].strip(IDEO)
                 else lines for code, lines in self.notes.items()}
        rows = score_rows(scores, notes, _typed(TOTAL_LEFT, self.write(self.total())),
                          self.merged)
        when = self.when.translate(FULL_WIDTH) if self.style == "fullwidth" else self.when
        if self.header == "table":
            return [Para([""]), header_table(self.school, self.inspector, when),
                    Table(INSPECTION_WIDTHS, rows)]
        return [header_line(self.school, self.inspector, when), Table(INSPECTION_WIDTHS, rows)]

    def expected_record(self) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "school": self.school, "inspector": self.inspector, "inspect_date": self.date,
        }
        for code, value in self.scores().items():
            fields[f"{code.lower()}_score"] = None if value is None else _number(value)
            fields[f"{code.lower()}_note"] = _text(self.notes.get(code, [""]))
        fields["total_score"] = _number(self.total())
        return record(INSPECTION, fields, status=self.status, problems=self.problems)


def inspection_cases() -> list[InspectionCase]:
    return [
        # The bureau's blank filled the ordinary way: every score, a few notes, total right.
        InspectionCase(
            "original-attachment", "忠县忠州中学", "谭明、刘芳", "2021年6月8日", "2021-06-08",
            {"C5": 0.5, "C10": 0.5, "C17": 0.5, "C21": 0.5, "C25": 1, "C34": 1.5}, day=8,
            notes={"C5": ["录播室被挤占作教师办公室"], "C10": ["图书管理系统数据未录完"],
                   "C34": ["县级获奖1篇"]},
        ),
        # Scores with their unit: "2分", "1.5分", total "94.5分".
        InspectionCase(
            "scores-with-fen", "忠县拔山中学", "周建华", "2021年6月9日", "2021-06-09",
            {"C8": 0.5, "C13": 0.5, "C18": 1, "C24": 0.5, "C29": 1, "C33": 0.5, "C35": 1.5},
            day=9, style="fen", notes={"C29": ["本年度未举办艺术节"]},
        ),
        # C4 given 5 where the item is worth 3; the total adds what was written.
        InspectionCase(
            "score-over-max", "忠县花桥中学", "冉光明", "2021年6月9日", "2021-06-09",
            {"C9": 1, "C16": 1, "C22": 0.5, "C26": 1, "C32": 1.5}, day=9, over={"C4": 5},
            status="invalid", problems=[("c4_score", "score_out_of_range")],
        ),
        # An adding slip: the items sum to 94.5, the total says 95.5.
        InspectionCase(
            "wrong-total", "忠县实验中学", "谭明、刘芳", "2021年6月10日", "2021-06-10",
            {"C6": 0.5, "C11": 0.5, "C14": 1, "C19": 1, "C28": 0.5, "C31": 2}, day=10,
            total_written=95.5, status="invalid", problems=[("total_score", "sum_mismatch")],
        ),
        # Three score cells left as printed (C27 keeps its two full-width spaces); the total
        # adds the others.
        InspectionCase(
            "some-items-blank", "忠县实验小学", "周建华", "2021年6月10日", "2021-06-10",
            {"C3": 1, "C20": 1}, day=10, blank=("C17", "C27", "C34"),
            notes={"C17": ["提升工程2.0培训数据待核实"]},
            status="incomplete",
            problems=[("c17_score", "required"), ("c27_score", "required"),
                      ("c34_score", "required")],
        ),
        # Notes over several paragraphs: indents, an empty paragraph, a line break, leftovers.
        InspectionCase(
            "notes-multi-paragraph", "忠县忠州第一小学", "冉光明、谭晓燕", "2021年6月11日",
            "2021-06-11", {"C2": 1, "C7": 1, "C13": 0.5, "C15": 1, "C30": 0.5}, day=11,
            notes={
                "C1": [IDEO, "领导小组文件齐全，分工明确。", IDEO],
                "C2": ["科学室、音乐室无管理人联系电话；", "无人员岗位职责。"],
                "C7": ["　　图书未全部贴签，", "", "仪器账物不符2件。  "],
                "C15": ["设备闲置：", "录播室本学期仅使用3次。"],
                "C30": ["有1次未交作品\n（县科技创新大赛）"],
            },
        ),
        # A school's retyped table: A and B cells not merged, their texts in every row.
        InspectionCase(
            "merges-differ", "忠县白公路小学", "周建华", "2021年6月11日", "2021-06-11",
            {"C4": 0.5, "C12": 0.5, "C23": 1, "C27": 1}, day=11, merged=False,
            notes={"C27": ["美术室器材未拆封"]},
        ),
        # 学校/督查人员/督查时间 put into a small table instead of the printed line.
        InspectionCase(
            "header-in-table", "忠县石宝镇中心小学", "冉光明、谭晓燕", "2021.6.10",
            "2021-06-10", {"C9": 0.5, "C18": 2, "C31": 1}, day=12, header="table",
        ),
        # Full-width digits everywhere: "２", "１．５", "９６．５", "２０２１年６月１１日".
        InspectionCase(
            "fullwidth-digits", "忠县乌杨镇中心小学", "谭明、刘芳", "2021年6月11日",
            "2021-06-11", {"C5": 0.5, "C16": 1, "C21": 1, "C35": 1}, day=12,
            style="fullwidth",
        ),
    ]


# ================================================================ 附件4 创建验收项目申报表

ACCEPTANCE_TITLE = "忠县中小学“创建验收”项目申报表"
ACCEPTANCE_WIDTHS = (2.9, 4.5, 2.8, 4.4)
PROMPT = "另附自查报告（3000字以内）"
PRINTED_WHEN = "2021年  月  日"
ACCEPTANCE_IDS = ("school", "apply_date", "principal", "project_leader", "project",
                  "achievements", "expected_effect", "school_opinion", "bureau_opinion")
ACCEPTANCE_LABELS = {
    "principal": "学校负责人", "project_leader": "项目责任人", "project": "申报验收项目",
    "achievements": "取得的成绩或主要做法", "expected_effect": "预期效果",
    "school_opinion": "学校推荐意见", "bureau_opinion": "教育行政主管部门意见",
}


# case: the day saved, 申报学校, 学校负责人, 项目责任人 ("": left empty)
ACCEPTANCES = {
    # the bureau's blank, filled the ordinary way; the 成绩 cell left with its printed prompt
    # (the school attaches the 自查报告), the date typed into the printed gaps
    "original-attachment": (8, "忠县实验小学", "王永红", "陈静"),
    # the prompt kept, the school's own text added after it in new paragraphs
    "achievements-after-prompt": (9, "忠县忠州中学", "刘德明", "谭小军"),
    # the school typed straight on after the prompt, in the same paragraph
    "achievements-same-paragraph": (9, "忠县花桥中学", "黄志强", "熊英"),
    # opinions and the expected effect in several paragraphs, indents and an empty line
    "opinions-multi-paragraph": (10, "忠县拔山中学", "向东", "秦小梅"),
    # the printed "2021年  月  日" replaced by a dotted date
    "date-dotted": (8, "忠县实验中学", "杨国华", "冉红"),
    # labels retyped with spaces, ideographic spaces and line breaks; a date with spaces left
    "label-spaced": (10, "忠县忠州第一小学", "邓丽", "周涛"),
    # two required blanks left empty; the printed date left as printed (so no date)
    "empty-required": (11, "忠县白公路小学", "孙建", ""),
}
# case: 申报验收项目, what stands after 时间：, the date a reader records
PROJECTS = {
    "original-attachment": ("智慧校园", "2021年 6 月 8 日", "2021-06-08"),
    "achievements-after-prompt": ("智慧校园示范学校", "2021年6月9日", "2021-06-09"),
    "achievements-same-paragraph": ("数字化实验室", "2021年6月9日", "2021-06-09"),
    "opinions-multi-paragraph": ("智慧校园", "2021年6月10日", "2021-06-10"),
    "date-dotted": ("创客教育实验室", "2021.6.8", "2021-06-08"),
    "label-spaced": ("智慧校园", "2021年 6月 10日", "2021-06-10"),
    "empty-required": ("录播教室", PRINTED_WHEN, None),
}
# case: the paragraphs typed under 预期效果
EFFECTS = {
    "original-attachment": [
        "建成覆盖全校的无线网络和智慧教室4间，教师常态化使用网络学习空间开展教学。"],
    "achievements-after-prompt": ["建成市级智慧校园示范学校，辐射带动全县高中学校信息化应用。"],
    "achievements-same-paragraph": ["理化生分组实验全部使用数字化传感器，实验开出率达到100%。"],
    "opinions-multi-paragraph": [
        "　　1.全校42个教学班实现交互式多媒体教学全覆盖；",
        "　　2.教师网络学习空间开通率达到100%，学生空间开通率达到90%以上；",
        "",
        "　　3.形成可在全县农村初中推广的“双师课堂”应用模式。",
    ],
    "date-dotted": ["开设创客课程4门，每学年组织学生参加县级以上科技创新大赛。"],
    "label-spaced": ["建成智慧校园管理平台，实现家校互动、电子班牌和教师网络研修全覆盖。"],
}
# case: the paragraphs typed under 学校推荐意见
SCHOOL_OPINIONS = {
    "original-attachment": ["同意申报。"],
    "achievements-after-prompt": ["该校智慧校园建设成效明显，同意推荐。"],
    "achievements-same-paragraph": ["同意申报。"],
    "opinions-multi-paragraph": [
        "　　拔山中学近三年累计投入教育信息化经费386万元，智慧校园建设规划完整，",
        "应用成效明显，师生满意度高。",
        "",
        "　　经校长办公会研究，同意推荐申报。  ",
    ],
    "date-dotted": ["同意申报。"],
    "label-spaced": ["同意推荐。"],
    "empty-required": ["同意申报。"],
}
# case: the paragraphs in the 取得的成绩或主要做法 cell where the school typed there (the
# others left the printed prompt); a reader records them without the prompt
ACHIEVEMENTS = {
    "achievements-after-prompt": [
        PROMPT,
        "一、建成万兆主干、千兆到桌面的校园网，无线网络覆盖全部教学区。",
        "二、建设智慧教室6间、录播教室2间，开展“一师一优课”晒课182节。",
        "三、3项教育信息化课题获县级以上立项。",
    ],
    "achievements-same-paragraph": [
        PROMPT + "：见附件《忠县花桥中学数字化实验室创建自查报告》。"],
}
ACHIEVED = {"achievements-same-paragraph": "见附件《忠县花桥中学数字化实验室创建自查报告》。"}
# Labels retyped (field id → paragraphs), and the line above the table retyped.
RETYPED = {"label-spaced": ({
    "principal": ["学 校 负 责 人"], "project_leader": ["项目", "责任人"],
    "project": ["申 报 验 收 项 目"], "achievements": ["取得的成绩", "或主要做法"],
    "expected_effect": ["预　期　效　果"], "school_opinion": ["学校推荐", "意　　见"],
    "bureau_opinion": ["教育行政主管", "部门意见"],
}, ("申报学校（盖章）:", "时  间："))}
ACCEPTANCE_PROBLEMS = {
    "empty-required": ("incomplete", [("project_leader", "required"),
                                      ("expected_effect", "required")]),
}


def acceptance_blocks(school: str, when: str, cells: dict[str, list[str]],
                      labels: dict[str, list[str]], line_labels: tuple[str, str]) -> list[Block]:
    """The 附件4 table as filled (`cells`: field id → paragraphs) and the line above it."""

    def printed(key: str) -> Cell:
        text = labels.get(key, [ACCEPTANCE_LABELS[key]])
        return Cell(paras(*text, align="center"), font="宋体", size=12)

    def typed(key: str, span: int = 1, valign: str = "top") -> Cell:
        return Cell(paras(*cells.get(key, [""])), span=span, font="仿宋", size=12, valign=valign)

    rows = [Row([printed("principal"), typed("principal", valign="center"),
                 printed("project_leader"), typed("project_leader", valign="center")],
                height=1.3),
            Row([printed("project"), typed("project", 3)], height=1.6)]
    achievements = typed("achievements", 3)
    if "achievements" not in cells:
        achievements.content = paras(PROMPT)
    rows.append(Row([printed("achievements"), achievements], height=4.2))
    for key, height in (("expected_effect", 4.2), ("school_opinion", 3.6),
                        ("bureau_opinion", 3.6)):
        rows.append(Row([printed(key), typed(key, 3)], height=height))
    line = Para([line_labels[0], Run(school, font="宋体"), "          ", line_labels[1],
                 Run(when, font="宋体")])
    return [line, Table(ACCEPTANCE_WIDTHS, rows)]


def acceptance(name: str) -> tuple[str, str, bytes, dict[str, Any]]:
    """One school's 附件4: (form, name, the .docx, the record a reader writes down)."""
    day, school, principal, leader = ACCEPTANCES[name]
    project, when, date = PROJECTS[name]
    cells = {"principal": [principal], "project_leader": [leader], "project": [project],
             "expected_effect": EFFECTS.get(name, []), "school_opinion": SCHOOL_OPINIONS[name]}
    if name in ACHIEVEMENTS:
        cells["achievements"] = ACHIEVEMENTS[name]
    achieved = ACHIEVED.get(name) or _text(
        [text for text in ACHIEVEMENTS.get(name, []) if text != PROMPT])
    fields = {"school": school, "apply_date": date, "principal": principal,
              "project_leader": leader or None, "project": project, "achievements": achieved,
              "expected_effect": _text(cells["expected_effect"]),
              "school_opinion": _text(cells["school_opinion"])}
    labels, line_labels = RETYPED.get(name, ({}, ("申报学校（盖章）：", "时间：")))
    status, problems = ACCEPTANCE_PROBLEMS.get(name, ("ok", []))
    data = build_docx("附件4", ACCEPTANCE_TITLE,
                      acceptance_blocks(school, when, cells, labels, line_labels),
                      dt.datetime(2021, 6, day, 16, 10), margins=(2.54, 3.17))
    return ACCEPTANCE, name, data, record(ACCEPTANCE, fields, field_ids=ACCEPTANCE_IDS,
                                          status=status, problems=problems)


# ---------------------------------------------------------------- main


def cases() -> Iterator[tuple[str, str, bytes, dict[str, Any]]]:
    """Every case: (form, name, the .docx, the expected record)."""
    for case in inspection_cases():
        data = build_docx("附件1", INSPECTION_TITLE, case.blocks(),
                          dt.datetime(2021, 6, case.day, 17, 30), margins=(2.2, 2.0))
        yield INSPECTION, case.name, data, case.expected_record()
    yield from map(acceptance, ACCEPTANCES)


def main(argv: Sequence[str] | None = None) -> None:
    write_corpus(Path(__file__).resolve().parent, cases(), argv)


if __name__ == "__main__":
    main()
