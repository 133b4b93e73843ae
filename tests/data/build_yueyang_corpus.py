"""Build the 岳阳 计划任务书 return corpus: the bureau's blank (seed 001 附件2), filled by schools.

Schools do not send back tidy copies of what tianbiao generated. They fill the ORIGINAL
attachment, a Word file made by the bureau with its own widths, fonts and spacing and no
tianbiao properties: a cover with the title on two lines ("岳阳市教育信息化试点项目" /
"计 划 任 务 书") and letter-spaced labels ("单  位  名  称 ："), one plan page the school
copies once per year (a diagonal "年份/项目" header cell, the year only in the heading
"（2021年）" and the plan table), a budget table whose 经费总数 label and value span two rows
with 上级部门配套经费 and 自筹经费 values under their headers, three printed detail rows, and
the 甲乙丙 signature block as plain paragraphs. Where our definition prints a different layout
for engine reasons, the schools here still have the seed's layout: that is the point.

The cases are tables below, one row a school (or a school's year, or a budget row). The
corpus kit (tests/corpuskit) writes each ``yueyang-2020-taskbook/<case>.docx`` and the record a
reader writes down beside it, the 经费预算明细 of each year under "rows"; tianbiao's own code
is not used.

    .venv/bin/python tests/data/build_yueyang_corpus.py [output folder]
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for the corpus kit
from corpuskit.cells import Block, Cell, Row, Table, label, value
from corpuskit.content import Para, Run, paras
from corpuskit.corpus import record, write_corpus
from corpuskit.documents import Blank
from corpuskit.tables import filled
from corpuskit.wordml import Hand, Spacing

FORM = "yueyang-2020-taskbook"
YEARS = (2021, 2022, 2023)
FIELD_IDS = (
    "unit", "project", "leader", "phone",
    *(f"plan_{y}_{part}" for y in YEARS for part in ("content", "results", "measures")),
    *(f"{kind}_{y}" for y in YEARS for kind in ("total", "superior", "own")),
    "party_a", "party_a_signer", "party_a_date", "party_b", "party_b_signer", "party_b_date",
    "party_c_signer", "party_c_date",
)
# The bureau's Word: Times New Roman beside the Chinese font, 1.25 lines, no space around
# paragraphs; 公文 margins (top, bottom, left, right) and its own table widths.
HAND = Hand(font_slots=("ascii", "hAnsi", "eastAsia"), latin_font="Times New Roman",
            spacing=Spacing(300))
BLANK = Blank("仿宋_GB2312", 14, (3.7, 3.5, 2.8, 2.6), author="yysjkyxxzx",
              created=dt.datetime(2021, 1, 5, 10, 0))
TABLE_FONT, TABLE_SIZE = "仿宋_GB2312", 12
PLAN_WIDTHS = (3.1, 12.5)
BUDGET_WIDTHS = (3.9, 4.9, 3.9, 2.9)
ROW_HEADERS = ("试点重点建设内容", "重点建设内容分解", "起止时间", "所需经费（万元）")
PLAN_NOTE = "注：年份从2021年至2023年分年度填写，每个年份一个页面。填写内容应简明扼要，突出重点。"
BUDGET_NOTE = ("注：重点建设内容分解必须明确具体，应写明项目实施路线图、时间节点安排、"
               "配套费用明细等内容。")
CLAUSES = [
    "三、责任、义务及违约处理",
    "(一)主管部门：",
    "1.各县市区教育行政管理部门和学校要切实承担本区域（本学校）试点工作的组织领导、监督检查工作，"
    "并提供必要政策措施等方面的支持，切实担负本区域（本学校）承担的试点项目归口管理责任，跟踪管理"
    "项目进展，及时总结和推广试点单位的典型案例和成功经验。",
    "2.各县市区教育行政管理部门和学校要积极给予试点项目以配套经费，尽可能科学合理地分配到试点项目上。",
    "3.各县市区教育行政管理部门要加强对试点项目实施的指导和管理，采取有效措施重点培养项目直接负责人"
    "和项目参与人员，对试点项目承担单位进行年度检查和中期评估，并依据检查评估结果对试点项目实行动态"
    "管理。",
    "(二)试点项目承担单位：",
    "1.定期检查督促、并向本地教育行政管理部门报告项目执行情况。",
    "2.必须在规定年限内完成项目任务书中的各项任务。如未能完成任务，市局将视情况作出限期整改或终止试点"
    "的决定。",
    "3.积极筹措保证试点项目实施的经费。",
    "四、项目任务书签定",
    "1.县市区教育行政管理部门、市直学校只需签署“试点项目承担单位”一栏，报送《计划任务书》到市局一式"
    "三份。",
    "2.其它项目承担单位签署“试点项目承担单位”一栏后，交由县市区教育行政管理部门签署“责任部门”一栏，"
    "由各县市区汇总后，报送《计划任务书》到市局一式三份。",
]


@dataclass
class Budget:
    """One detail row: what the school wrote and what a reader records."""

    content: str
    breakdown: str
    period: str
    period_value: str | None
    cost: str
    cost_value: float | None


@dataclass
class YearPage:
    """One copied plan-and-budget page."""

    year_heading: str  # what the school wrote into "（     年）"
    year_cell: str  # what the school wrote into the plan table's year cell
    content: list[str]
    results: list[str]
    measures: list[str]
    total: str | None
    superior: str | None
    own: str | None
    rows: list[Budget]
    expected_money: tuple[float | None, float | None, float | None]


@dataclass
class Signature:
    """The 甲乙丙 block as filled: None leaves a line as printed."""

    party_a: str | None = None
    party_a_signer: str | None = None
    party_a_date: str | None = None
    party_b: str | None = None
    party_b_signer: str | None = None
    party_b_date: str | None = None
    unit_c: str | None = None  # the unit's name typed after 试点项目承担单位（丙方）：
    party_c_signer: str | None = None
    party_c_date: str | None = None


def cont(span: int = 1) -> Cell:
    """The lower part of a vertically merged cell (left as python-docx leaves it)."""
    return Cell([], span=span, vmerge="continue")


def cover(unit_line: list[Para], project: str, leader: str, phone: str,
          labels: tuple[str, str, str, str] = ("单  位  名  称 ：", "项  目  名  称：",
                                                "项 目 负 责 人：", "联  系  电  话："),
          ) -> list[Block]:
    """The cover as the seed prints it; the school typed over the underlined blanks."""

    def blank_line(label: str, value: str) -> Para:
        return Para([label, Run(f"  {value}" + " " * 8, underline=True)], size=16,
                    first_line=1.13, line=480)

    return [
        Para(["附件2"], font="黑体", size=16),
        Para([""], size=16),
        Para(["岳阳市教育信息化试点项目"], align="center", font="方正小标宋简体", size=26,
             line=480),
        Para(["计 划 任 务 书"], align="center", font="方正小标宋简体", size=26, line=480),
        Para([""], size=16),
        Para([""], size=16),
        *unit_line,
        blank_line(labels[1], project),
        Para([""], size=16),
        blank_line(labels[2], leader),
        Para([""], size=16),
        blank_line(labels[3], phone),
        Para([""], size=16),
        Para([""], size=16),
        Para(["     "], size=16),
        Para(["岳阳市教育体育局"], align="center", font="楷体_GB2312", size=16),
        Para(["2021年1月"], align="center", font="楷体_GB2312", size=16, page_break=True),
    ]


def unit_lines(unit: str) -> list[Para]:
    """单  位  名  称 ：<unit> on the printed underline, （盖 章） on the next line."""
    return [
        Para(["单  位  名  称 ：", Run(f"  {unit}" + " " * 8, underline=True)], size=16,
             first_line=1.13, line=480),
        Para(["       （盖 章）"], size=16, first_line=1.13, line=480),
    ]


def year_page(page: YearPage) -> list[Block]:
    """一、 plan table and 二、 budget table for one year, as the school copied the page."""
    plan_rows = [
        Row([Cell([Para(["           年份"], align="right"), Para(["项目"], align="left")],
                  label=True, diagonal=True),
             value([Para([page.year_cell], align="center")])], 1.2),
        Row([label("试点工作内容"), value(paras(*page.content), valign="top")], 2.9),
        Row([label("预期试点成果"), value(paras(*page.results), valign="top")], 2.9),
        Row([label("工作措施与\n保障手段"), value(paras(*page.measures), valign="top")], 2.9),
    ]
    money = [Para([page.total or ""], align="center")]
    budget_rows = [
        Row([label("经费总数\n（万元）", vmerge="restart"), value(money, vmerge="restart"),
             label("上级部门配套经费\n（万元）"), label("自筹经费\n（万元）")], 0.9),
        Row([cont(), cont(), value([Para([page.superior or ""], align="center")]),
             value([Para([page.own or ""], align="center")])], 0.9),
        Row([label(ROW_HEADERS[0]), label(ROW_HEADERS[1]), label(ROW_HEADERS[2]),
             label("所需经费\n（万元）")], 0.9),
    ]
    for row in page.rows:
        budget_rows.append(Row([value(row.content), value(row.breakdown),
                                value([Para([row.period], align="center")]),
                                value([Para([row.cost], align="center")])], 1.2))
    for _ in range(3 - len(page.rows)):
        budget_rows.append(Row([value(None), value(None), value(None), value(None)], 1.2))
    return [
        Para([f"一、教育信息化试点项目建设年度计划（{page.year_heading}）"], font="黑体", size=14,
             line=400),
        Table(PLAN_WIDTHS, plan_rows, TABLE_FONT, TABLE_FONT, TABLE_SIZE),
        Para([PLAN_NOTE], size=10.5),
        Para([""]),
        Para([f"二、教育信息化试点项目建设经费预算表（{page.year_heading}）"], font="黑体",
             size=14, line=400),
        Table(BUDGET_WIDTHS, budget_rows, TABLE_FONT, TABLE_FONT, TABLE_SIZE),
        Para([BUDGET_NOTE], size=10.5, page_break=True),
    ]


def signature_block(sig: Signature) -> list[Block]:
    """The 甲乙丙 signature lines as the seed prints them (paragraphs, no table)."""

    def signer_line(name: str | None) -> str:
        if not name:
            return "负责人（签字）：                     （公章）"
        return f"负责人（签字）：{name}" + " " * 15 + "（公章）"

    def date_line(indent: int, date: str | None) -> str:
        return " " * indent + (date or "年    月    日")

    c_signer = "项目负责人（签字）："
    c_signer += (f"{sig.party_c_signer}" + " " * 8) if sig.party_c_signer else " " * 14
    c_signer += sig.party_c_date or "年    月    日"
    return [
        Para([""]),
        Para([""]),
        Para([f"主管部门（甲方）：{sig.party_a or ''}"], size=14),
        Para([signer_line(sig.party_a_signer)], size=14),
        Para([date_line(38, sig.party_a_date)], size=14),
        Para([""]),
        Para([""]),
        Para([f"责任部门（乙方）：{sig.party_b or ''}"], size=14),
        Para([signer_line(sig.party_b_signer)], size=14),
        Para([date_line(30, sig.party_b_date)], size=14),
        Para([""]),
        Para([""]),
        Para([f"试点项目承担单位（丙方）：{sig.unit_c or ''}" + " " * (0 if sig.unit_c else 11)
              + "（公章）"], size=14),
        Para([c_signer], size=14),
    ]


def yy_blocks(cover_blocks: list[Block], pages: list[YearPage], sig: Signature) -> list[Block]:
    blocks: list[Block] = [*cover_blocks]
    for page in pages:
        blocks += year_page(page)
    blocks += [Para([text], first_line=0.85 if text[0].isdigit() else None, size=14, line=360)
               for text in CLAUSES]
    blocks += signature_block(sig)
    return blocks


def yy_expected(unit: str, project: str, leader: str, phone: str, pages: list[YearPage],
                sig: Signature, **more: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return (fields, rows) a reader records; `more` overrides fields."""
    fields: dict[str, Any] = {"unit": unit, "project": project, "leader": leader,
                              "phone": phone}
    rows: dict[str, Any] = {}
    for year, page in zip(YEARS, pages, strict=True):
        for part in ("content", "results", "measures"):
            lines = getattr(page, part)
            fields[f"plan_{year}_{part}"] = "\n".join(lines) if lines else None
        for kind, amount in zip(("total", "superior", "own"), page.expected_money, strict=True):
            fields[f"{kind}_{year}"] = amount
        rows[f"经费预算明细（{year}年）"] = [
            dict(zip(ROW_HEADERS, (r.content, r.breakdown, r.period_value, r.cost_value),
                     strict=True))
            for r in page.rows
        ]
    for key in ("party_a", "party_a_signer", "party_b", "party_b_signer", "party_c_signer"):
        fields[key] = getattr(sig, key)
    fields.update(more)
    return fields, rows


def generic_plans(theme: str, items: tuple[str, str, str]
                  ) -> dict[int, tuple[list[str], list[str], list[str]]]:
    """Plan texts of a school that wrote three short pages around its own project."""
    measures = [
        "1.成立以校长为组长的试点工作领导小组，信息中心具体实施，教务处、教科室协同推进。",
        "2.试点经费纳入学校年度预算，专款专用；建立月报告、学期总结制度。",
    ]
    return {
        2021: ([f"1.完成{theme}需求调研和总体方案设计。", f"2.建设{items[0]}。",
                "3.组织骨干教师开展首轮应用培训。"],
               [f"1.形成{theme}实施方案1份。", f"2.{items[0]}建成并投入使用。",
                "3.骨干教师应用课例不少于10节。"],
               measures),
        2022: ([f"1.建设{items[1]}。", "2.在全校各学科推广应用，开展应用评比活动。"],
               [f"1.{items[1]}投入使用，教师应用覆盖率达到80%。",
                "2.形成优秀应用案例集1册。"],
               measures),
        2023: ([f"1.完善{items[2]}。", "2.总结试点经验，开展成果推广和结题验收。"],
               [f"1.{items[2]}常态化运行。", "2.完成试点总结报告，形成可推广的经验做法。"],
               measures),
    }



# case: the day the school saved the file, the unit, the project leader, the phone typed on
# the cover, the day of January 2021 the leader signed as 丙方
TASKBOOKS = {
    "original-attachment": (16, "汨罗市正则学校", "何发意", "13907301568", 15),
    "budget-in-yuan-words": (14, "湘阴县第四中学", "刘竞波", "0730-2221368", 14),
    "budget-rows-added": (12, "岳阳市第十八中学", "陈岳平", "0730-8223456", 12),
    "period-written-every-way": (13, "平江县桂花学校", "黄远来", "13807409912", 13),
    "wrong-total": (15, "君山区许市镇中学", "李大航", "15907302286", 14),
    "cover-spaced-labels": (11, "临湘市第六完全小学", "何永祥", "13762027730", 11),
    "later-years-left-empty": (18, "华容县教师进修学校", "李松华", "0730-4221576", 18),
    "years-written-every-way": (15, "岳阳县城南小学", "毛华冬", "18975012263", 15),
}

PROJECTS = {
    "original-attachment": "智慧教育实践与探究",
    "budget-in-yuan-words":
        "“互联网＋”理念下农村高中教师研训共同体建设和平战融合教学模式的创新与实践",
    "budget-rows-added": "学校管理信息化系统建设",
    "period-written-every-way": "家校共育共同体建设创新与实践",
    "wrong-total": "智能化课堂、平战融合教学模式探索与实践",
    "cover-spaced-labels": "中小学数字校园建设的探索与实践",
    "later-years-left-empty": "数字校园的建设与应用",
    "years-written-every-way": "数字校园环境下学校智慧教育平台综合应用探索与实践",
}

# What the schools that wrote their plan pages around their project wrote them around: the
# theme, and what they build in 2021, 2022 and 2023 (separated by "；").
THEMES = {
    "budget-in-yuan-words": "教师研训共同体",
    "budget-rows-added": "学校管理信息化系统",
    "period-written-every-way": "家校共育共同体",
    "wrong-total": "智能化课堂",
    "cover-spaced-labels": "数字校园",
    "later-years-left-empty": "数字校园",
    "years-written-every-way": "智慧教育平台",
}
BUILDS = {
    "budget-in-yuan-words":
        "网络研修平台和录播教室1间；平战融合教学资源库；研训共同体运行机制",
    "budget-rows-added":
        "教务、德育、后勤三个管理子系统；家校互通和数据分析模块；管理信息化系统",
    "period-written-every-way":
        "家校共育平台；家长学校网络课程；家校共育评价机制",
    "wrong-total":
        "智能化课堂教室4间；平战融合教学资源平台；智能化课堂教学评价体系",
    "cover-spaced-labels":
        "校园网络和班班通升级；数字校园应用平台；数字校园应用评价",
    "later-years-left-empty":
        "数字校园基础环境；；",
    "years-written-every-way":
        "智慧教育平台基础模块；智慧教育平台教学应用模块；智慧教育平台综合应用",
}
# The school that wrote its own plans, a year at a time:
# (试点工作内容, 预期试点成果, 工作措施与保障手段).
OWN_PLANS = {
    "original-attachment": {
        2021: (["1.建成覆盖全校48个教学班的智慧课堂环境，更新教师终端和学生平板。",
                "2.搭建校本资源库，完成语文、数学、英语三科同步资源建设。"],
               ["1.智慧课堂在七、八年级常态化使用。", "2.形成校本资源包3套，优秀课例20节。"],
               ["1.成立智慧教育试点工作领导小组，校长任组长。",
                "2.每月开展一次智慧课堂教研活动，纳入教师绩效考核。"]),
        2022: (["1.智慧课堂推广到全部年级，开展基于学情数据的精准教学。",
                "2.建设学生综合素质评价系统。"],
               ["1.全校教师智慧课堂应用率达到90%。", "2.形成精准教学典型案例10个。"],
               ["1.与湖南师范大学合作开展教师信息素养提升培训。",
                "2.设立智慧教育专项奖励。"]),
        2023: (["1.总结智慧教育实践经验，形成“正则模式”。", "2.向汨罗市农村学校辐射推广。"],
               ["1.完成试点总结报告和成果汇编。", "2.结对帮扶农村学校3所。"],
               ["1.建立试点成果推广机制。", "2.学校继续安排专项经费保障系统运行维护。"]),
    },
}

# (case, year, 经费总数, 上级部门配套经费, 自筹经费 as typed in 万元 blanks, then as recorded)
Amount = str | None
Recorded = float | None
MONEY: list[tuple[str, int, Amount, Amount, Amount, Recorded, Recorded, Recorded]] = [
    ("original-attachment", 2021, "30", "20", "10", 30, 20, 10),
    ("original-attachment", 2022, "25", "15", "10", 25, 15, 10),
    ("original-attachment", 2023, "20", "10", "10", 20, 10, 10),
    ("budget-in-yuan-words", 2021, "伍拾万元", "贰拾万元", "叁拾万元整", 50, 20, 30),
    ("budget-in-yuan-words", 2022, "400000元", "250000元", "150000元", 40, 25, 15),
    ("budget-in-yuan-words", 2023, "叁拾万元", "壹拾伍万元", "壹拾伍万元整", 30, 15, 15),
    ("budget-rows-added", 2021, "46", "30", "16", 46, 30, 16),
    ("budget-rows-added", 2022, "28", "18", "10", 28, 18, 10),
    ("budget-rows-added", 2023, "15", "8", "7", 15, 8, 7),
    ("period-written-every-way", 2021, "20", "12", "8", 20, 12, 8),
    ("period-written-every-way", 2022, "18", "10", "8", 18, 10, 8),
    ("period-written-every-way", 2023, "12", "6", "6", 12, 6, 6),
    ("wrong-total", 2021, "60", "20", "30", 60, 20, 30),
    ("wrong-total", 2022, "30", "20", "10", 30, 20, 10),
    ("wrong-total", 2023, "15", "10", "5", 15, 10, 5),
    ("cover-spaced-labels", 2021, "25", "15", "10", 25, 15, 10),
    ("cover-spaced-labels", 2022, "20", "12", "8", 20, 12, 8),
    ("cover-spaced-labels", 2023, "10", "5", "5", 10, 5, 5),
    ("later-years-left-empty", 2021, "18", "10", "8", 18, 10, 8),
    ("later-years-left-empty", 2022, None, None, None, None, None, None),
    ("later-years-left-empty", 2023, None, None, None, None, None, None),
    ("years-written-every-way", 2021, "22", "12", "10", 22, 12, 10),
    ("years-written-every-way", 2022, "16", "10", "6", 16, 10, 6),
    ("years-written-every-way", 2023, "8", "4", "4", 8, 4, 4),
]

# The detail rows under each budget table: ((case, year), (试点重点建设内容, 重点建设内容分解),
# (起止时间 as typed, as recorded, 所需经费 as typed, as recorded))
BUDGETS: list[tuple[tuple[str, int], tuple[str, str], tuple[str, str, str, float]]] = [
    (("original-attachment", 2021),
     ("智慧课堂环境建设", "交互式大屏24台、学生平板120台及无线网络改造"),
     ("2021年3月-2021年8月", "2021-03/2021-08", "22", 22)),
    (("original-attachment", 2021),
     ("校本资源库建设", "资源平台部署、三科同步资源开发"),
     ("2021年9月-2021年12月", "2021-09/2021-12", "8", 8)),
    (("original-attachment", 2022),
     ("智慧课堂推广", "新增交互式大屏24台"),
     ("2022年2月-2022年8月", "2022-02/2022-08", "15", 15)),
    (("original-attachment", 2022),
     ("综合素质评价系统", "系统采购与数据对接"),
     ("2022年9月-2022年12月", "2022-09/2022-12", "6", 6)),
    (("original-attachment", 2022),
     ("教师培训", "信息素养提升培训4期"),
     ("2022年3月-2022年11月", "2022-03/2022-11", "4", 4)),
    (("original-attachment", 2023),
     ("成果推广", "结对学校同步课堂设备3套"),
     ("2023年3月-2023年9月", "2023-03/2023-09", "15", 15)),
    (("original-attachment", 2023),
     ("运行维护", "平台续费与设备维保"),
     ("2023年1月-2023年12月", "2023-01/2023-12", "5", 5)),
    (("budget-in-yuan-words", 2021),
     ("录播教室建设", "全自动录播系统1套及教室改造"),
     ("2021年3月-2021年7月", "2021-03/2021-07", "叁拾伍万元", 35)),
    (("budget-in-yuan-words", 2021),
     ("网络研修平台", "平台采购与部署"),
     ("2021年9月-2021年12月", "2021-09/2021-12", "壹拾伍万元", 15)),
    (("budget-in-yuan-words", 2022),
     ("平战融合资源库", "高中九科资源采购与校本资源开发"),
     ("2022年3月-2022年12月", "2022-03/2022-12", "300000元", 30)),
    (("budget-in-yuan-words", 2022),
     ("教师研训活动", "联片教研与专家指导"),
     ("2022年3月-2022年12月", "2022-03/2022-12", "100000元", 10)),
    (("budget-in-yuan-words", 2023),
     ("研训共同体运行", "共同体成员学校研修与成果评选"),
     ("2023年2月-2023年12月", "2023-02/2023-12", "贰拾万元", 20)),
    (("budget-in-yuan-words", 2023),
     ("成果推广", "成果汇编与推广会"),
     ("2023年9月-2023年12月", "2023-09/2023-12", "拾万元", 10)),
    (("budget-rows-added", 2021),
     ("数据中心建设", "服务器2台、存储1套、机房改造"),
     ("2021年3月-2021年5月", "2021-03/2021-05", "18", 18)),
    (("budget-rows-added", 2021),
     ("教务管理子系统", "排课、选课、成绩管理"),
     ("2021年4月-2021年7月", "2021-04/2021-07", "9", 9)),
    (("budget-rows-added", 2021),
     ("德育管理子系统", "班级量化考核、学生操行记录"),
     ("2021年6月-2021年9月", "2021-06/2021-09", "7", 7)),
    (("budget-rows-added", 2021),
     ("后勤管理子系统", "资产、报修、食堂管理"),
     ("2021年8月-2021年11月", "2021-08/2021-11", "7", 7)),
    (("budget-rows-added", 2021),
     ("统一身份认证", "单点登录与数据中台对接"),
     ("2021年10月-2021年12月", "2021-10/2021-12", "5", 5)),
    (("budget-rows-added", 2022),
     ("家校互通模块", "通知、请假、成绩推送"),
     ("2022年2月-2022年5月", "2022-02/2022-05", "8", 8)),
    (("budget-rows-added", 2022),
     ("数据分析模块", "学业质量与教学过程分析"),
     ("2022年4月-2022年9月", "2022-04/2022-09", "12", 12)),
    (("budget-rows-added", 2022),
     ("移动端应用", "教师、家长手机端"),
     ("2022年6月-2022年10月", "2022-06/2022-10", "5", 5)),
    (("budget-rows-added", 2022),
     ("培训与推广", "全员培训4次"),
     ("2022年3月-2022年12月", "2022-03/2022-12", "3", 3)),
    (("budget-rows-added", 2023),
     ("系统完善", "功能迭代与安全等级保护测评"),
     ("2023年3月-2023年8月", "2023-03/2023-08", "10", 10)),
    (("budget-rows-added", 2023),
     ("运行维护", "服务器与软件维保"),
     ("2023年1月-2023年12月", "2023-01/2023-12", "5", 5)),
    (("period-written-every-way", 2021),
     ("家校共育平台", "平台采购、部署与家长注册"),
     ("2021年3月-2021年8月", "2021-03/2021-08", "10", 10)),
    (("period-written-every-way", 2021),
     ("家长课堂录制", "录制家庭教育微课40节"),
     ("2021.3—2021.8", "2021-03/2021-08", "6", 6)),
    (("period-written-every-way", 2021),
     ("班级家校群建设", "56个班级群规范管理"),
     ("2021年9月至12月", "2021-09/2021-12", "4", 4)),
    (("period-written-every-way", 2022),
     ("家长学校网络课程", "课程开发与平台上线"),
     ("2022.02-2022.06", "2022-02/2022-06", "10", 10)),
    (("period-written-every-way", 2022),
     ("家访信息化", "家访记录与留守儿童档案系统"),
     ("2022年3月1日—2022年6月30日", "2022-03-01/2022-06-30", "5", 5)),
    (("period-written-every-way", 2022),
     ("家校活动", "线上家长会与亲子活动"),
     ("2022/9-2022/12", "2022-09/2022-12", "3", 3)),
    (("period-written-every-way", 2023),
     ("评价机制", "家校共育评价指标与数据采集"),
     ("2023年1月～2023年7月", "2023-01/2023-07", "6", 6)),
    (("period-written-every-way", 2023),
     ("成果推广", "经验交流会与成果汇编"),
     ("2023.9~2023.12", "2023-09/2023-12", "4", 4)),
    (("period-written-every-way", 2023),
     ("平台维护", "平台续费"),
     ("2023年3月到6月", "2023-03/2023-06", "2", 2)),
    (("wrong-total", 2021),
     ("智能化课堂教室", "智能黑板、学生终端、录播各4套"),
     ("2021年3月-2021年8月", "2021-03/2021-08", "40", 40)),
    (("wrong-total", 2021),
     ("网络改造", "校园无线网络全覆盖"),
     ("2021年7月-2021年8月", "2021-07/2021-08", "10", 10)),
    (("wrong-total", 2022),
     ("教学资源平台", "平台建设与资源采购"),
     ("2022年3月-2022年9月", "2022-03/2022-09", "25", 25)),
    (("wrong-total", 2022),
     ("教师培训", "智能化课堂应用培训"),
     ("2022年3月-2022年12月", "2022-03/2022-12", "5", 5)),
    (("wrong-total", 2023),
     ("评价体系", "课堂教学评价系统"),
     ("2023年3月-2023年8月", "2023-03/2023-08", "10", 10)),
    (("wrong-total", 2023),
     ("总结推广", "成果汇编与展示活动"),
     ("2023年9月-2023年12月", "2023-09/2023-12", "5", 5)),
    (("cover-spaced-labels", 2021),
     ("校园网络升级", "千兆到桌面、无线全覆盖"),
     ("2021年3月-2021年8月", "2021-03/2021-08", "15", 15)),
    (("cover-spaced-labels", 2021),
     ("班班通升级", "更换交互式一体机10台"),
     ("2021年7月-2021年8月", "2021-07/2021-08", "10", 10)),
    (("cover-spaced-labels", 2022),
     ("数字校园应用平台", "平台采购与部署"),
     ("2022年3月-2022年8月", "2022-03/2022-08", "20", 20)),
    (("cover-spaced-labels", 2023),
     ("应用评价", "评价系统与成果汇编"),
     ("2023年3月-2023年12月", "2023-03/2023-12", "10", 10)),
    (("later-years-left-empty", 2021),
     ("数字校园基础环境", "网络改造与录播教室1间"),
     ("2021年3月-2021年9月", "2021-03/2021-09", "18", 18)),
    (("years-written-every-way", 2021),
     ("平台基础模块", "统一门户、身份认证、数据中心"),
     ("2021年3月-2021年8月", "2021-03/2021-08", "22", 22)),
    (("years-written-every-way", 2022),
     ("教学应用模块", "备课、作业、学情分析"),
     ("2022年3月-2022年8月", "2022-03/2022-08", "16", 16)),
    (("years-written-every-way", 2023),
     ("综合应用", "应用推广与运行维护"),
     ("2023年3月-2023年12月", "2023-03/2023-12", "8", 8)),
]

# The county's 乙方 signature: (department, signer, day of January 2021).
PARTY_B = {"original-attachment": ("汨罗市教育局", "周文华", 16),
           "wrong-total": ("君山区教育局", "方志勇", 15)}
# Cover labels retyped with ideographic spaces, （盖 章） on the unit's line.
SPACED_LABELS = {"cover-spaced-labels": ("单　位　名　称：", "项　目　名　称：", "项目负责人：",
                                         "联　系　电　话：")}
# The year as written in each page's heading and in its year cell, where not "2021年".
WRITTEN_YEARS = {"years-written-every-way": {2021: ("2021年度", "2021"),
                                             2022: ("2022年度", "2022年度"),
                                             2023: ("二〇二三年", "二〇二三年")}}
# Pages copied with their year and left empty.
LEFT_EMPTY = {"later-years-left-empty": (2022, 2023)}
# 经费总数 is not 上级配套 + 自筹 in 2021 (60 ≠ 20 + 30).
INVALID = {"wrong-total": [("total_2021", "sum_mismatch")]}


def year_pages(name: str) -> list[YearPage]:
    """The school's three plan-and-budget pages, as the tables above fill them."""
    if name in OWN_PLANS:
        plans = OWN_PLANS[name]
    else:
        first, second, third = BUILDS[name].split("；")
        plans = generic_plans(THEMES[name], (first, second, third))
    money = {row[1]: row[2:] for row in MONEY if row[0] == name}
    pages = []
    for year in YEARS:
        heading, cell = WRITTEN_YEARS.get(name, {}).get(year, (f"{year}年", f"{year}年"))
        content, results, measures = (
            ([], [], []) if year in LEFT_EMPTY.get(name, ()) else plans[year])
        total, superior, own, *recorded = money[year]
        rows = [Budget(content, breakdown, period, period_value, cost, cost_value)
                for key, (content, breakdown), (period, period_value, cost, cost_value)
                in BUDGETS if key == (name, year)]
        pages.append(YearPage(heading, cell, content, results, measures, total, superior, own,
                              rows, (recorded[0], recorded[1], recorded[2])))
    return pages


def taskbook(name: str) -> tuple[str, str, bytes, dict[str, Any]]:
    """Return one school's return: (form, name, the .docx, the record a reader writes down)."""
    day, unit, leader, phone, signed = TASKBOOKS[name]
    project = PROJECTS[name]
    if name in SPACED_LABELS:
        labels = SPACED_LABELS[name]
        unit_line = [Para([labels[0], Run(f"    {unit}    ", underline=True), "（盖 章）"],
                          size=16, first_line=1.13, line=480)]
        cover_blocks = cover(unit_line, project, leader, phone, labels=labels)
    else:
        cover_blocks = cover(unit_lines(unit), project, leader, phone)
    party_b, party_b_signer, party_b_day = PARTY_B.get(name, (None, None, None))
    sig = Signature(party_b=party_b, party_b_signer=party_b_signer,
                    party_b_date=f"2021年1月{party_b_day}日" if party_b_day else None,
                    unit_c=unit, party_c_signer=leader, party_c_date=f"2021年1月{signed}日")
    pages = year_pages(name)
    fields, rows = yy_expected(unit, project, leader, re.sub(r"\D", "", phone), pages, sig,
                               party_c_date=f"2021-01-{signed:02d}")
    if party_b_day:
        fields["party_b_date"] = f"2021-01-{party_b_day:02d}"
    empty = [f"plan_{year}_{part}" for year in LEFT_EMPTY.get(name, ())
             for part in ("content", "results", "measures")]
    empty += [f"total_{year}" for year in LEFT_EMPTY.get(name, ())]
    problems = INVALID.get(name, []) + [(key, "required") for key in empty]
    status = "invalid" if name in INVALID else "incomplete" if empty else "ok"
    expected = record(FORM, fields, field_ids=FIELD_IDS, status=status, problems=problems,
                      rows=rows)
    modified = BLANK.created.replace(day=day, hour=16, minute=20)
    return FORM, name, filled(BLANK, yy_blocks(cover_blocks, pages, sig), HAND, modified), expected


def main(argv: Sequence[str] | None = None) -> None:
    write_corpus(Path(__file__).resolve().parent, map(taskbook, TASKBOOKS), argv)


if __name__ == "__main__":
    main()
