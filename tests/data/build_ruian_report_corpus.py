"""Build the 瑞安 附件2 return corpus: the bureau's own blank, filled by schools every way.

Schools do not send back tidy copies of what tianbiao generated. They fill the ORIGINAL blank
attachment of the notice (seed 000, 附件2 《瑞安市教育信息化应用“回头看”项目建设报告》): a Word
file made by the bureau, with its own column widths and fonts and no tianbiao properties. They
retype labels, merge and split cells, add and delete rows, and write values every way.

Built with the corpus kit (tests/corpuskit), not with tianbiao: ``ruian-2022-report/<case>.json``
is what a person reading ``<case>.docx`` records.

    .venv/bin/python tests/data/build_ruian_report_corpus.py [output folder]
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.shared import RGBColor

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for the corpus kit
from corpuskit.cells import Cell, Row, Table, label, value
from corpuskit.content import BlockControl, Content, Control, Para, Run, paras
from corpuskit.corpus import record, write_corpus
from corpuskit.documents import Blank, typed_paragraph
from corpuskit.tables import add_table
from corpuskit.wordml import Hand, Spacing

FORM = "ruian-2022-report"
TITLE = "瑞安市教育信息化应用“回头看”项目建设报告"
NOTE = "本表请于每年3月10日前上报radhjy@163.com。"
PRINTED_DATE = "年   月   日"
FIELD_IDS = (
    "report_date", "school", "project", "amount", "leader", "summary", "measures", "benefits",
    "achievement", "principal_opinion", "principal_date", "expert_opinion", "expert_date",
)
# The bureau's blank: its own widths (cm), not the ones in our definition.
BUREAU_WIDTHS = (2.35, 5.3, 3.15, 4.95)
LABEL_FONT, VALUE_FONT = "宋体", "仿宋"
BLANK = Blank("宋体", 10.5, (2.54, 2.54, 3.17, 3.17), author="dhjy",
              created=dt.datetime(2022, 12, 5, 8, 30), last_printed=dt.datetime(2022, 12, 5, 9, 0),
              revision=3, stamp=(2023, 3, 10, 8, 0, 0))
# The bureau's Word: 1.5 lines, right-aligned dates indented 480 twips; element ids counted
# on from one file to the next; the 教务处 tracked the changes.
HAND = Hand(spacing=Spacing(360, before_after=False), right_indent=480, author="教务处",
            date="2023-03-07T09:12:00Z")


def opinion(text: str | None, date_line: str = PRINTED_DATE, blank_between: bool = True
            ) -> Content:
    """An opinion cell: the text in the first paragraph, then the (printed) date line."""
    body: list[Para | BlockControl] = list(paras(text or ""))
    if blank_between:
        body += paras("")
    return [*body, Para([date_line], align="right")]


def _aligned(rows: list[Row]) -> list[Row]:
    """Label cells and cells of short rows centred vertically, long value cells at the top."""
    out = []
    for row in rows:
        short = row.height is not None and row.height <= 1.2
        cells: list[Cell | str] = [
            replace(cell, valign="center" if cell.label or short else "top")
            for cell in row.cells if isinstance(cell, Cell)]
        out.append(replace(row, cells=cells))
    return out


def build_docx(rows: list[Row], widths: tuple[float, ...], modified: dt.datetime) -> bytes:
    """The bureau's blank attachment, filled as `rows` say; returns the .docx bytes."""
    doc = BLANK.new()
    if "Placeholder Text" not in [s.name for s in doc.styles]:
        placeholder = doc.styles.add_style("Placeholder Text", WD_STYLE_TYPE.CHARACTER)
        placeholder.font.color.rgb = RGBColor(0x80, 0x80, 0x80)
    typed_paragraph(doc, "附件2", "黑体", 16, bold=False)
    typed_paragraph(doc, TITLE, "方正小标宋简体", 18, bold=False, center=True)
    typed_paragraph(doc, "", "宋体", 12, bold=False)
    add_table(doc, Table(widths, _aligned(rows), LABEL_FONT, VALUE_FONT, 12), HAND)
    typed_paragraph(doc, NOTE, "仿宋", 12, bold=False)
    return BLANK.saved(doc, modified)


# ---------------------------------------------------------------- the standard layout

LABELS = {
    "report_date": "申报建设时间：",
    "school": "学校",
    "project": "项目名称",
    "amount": "投入资金",
    "leader": "项目负责人\n及联系方式",
    "summary": "项目简介",
    "measures": "推进措施",
    "benefits": "效益",
    "achievement": "与计划的达成度",
    "principal_opinion": "校长意见",
    "expert_opinion": "专家验收意见",
}
LONG_ROWS = (("summary", 3.6), ("measures", 3.6), ("benefits", 3.0), ("achievement", 3.0))


def standard_rows(v: dict[str, Any], labels: dict[str, Any] | None = None) -> list[Row]:
    """The bureau's table: `v` maps field id → value cell content; `labels` overrides labels.

    A label given as a C is used as the cell itself (e.g. with a line break inside).
    """
    lb = {**LABELS, **(labels or {})}

    def label_cell(key: str) -> Cell:
        text = lb[key]
        return text if isinstance(text, Cell) else label(text)

    rows = [
        Row([value(None), value(None), label_cell("report_date"), value(v.get("report_date"))],
            height=0.9, borderless=True),
        Row([label_cell("school"), value(v.get("school")), label_cell("project"),
             value(v.get("project"))], height=1.2),
        Row([label_cell("amount"), value(v.get("amount")), label_cell("leader"),
             value(v.get("leader"))], height=1.2),
    ]
    for key, height in LONG_ROWS:
        rows.append(Row([label_cell(key), value(v.get(key), span=3)], height=height))
    rows.append(Row([label_cell("principal_opinion"),
                     value(v.get("principal_opinion", opinion(None)), span=3)], height=2.4))
    rows.append(Row([label_cell("expert_opinion"),
                     value(v.get("expert_opinion", opinion(None)), span=3)], height=2.4))
    return rows


# ---------------------------------------------------------------- the returns

TEXT_IDS = ("summary", "measures", "benefits", "achievement")


@dataclass
class Return:
    """One school's return: what it typed into the bureau's blanks, and the day it saved it.

    `amount` and `built` (申报建设时间) are (as typed, as recorded), `opinion` is the 校长意见
    with its date as typed and as recorded. The tables below add the long answers, the labels
    and cells a school typed otherwise, its own table layout and what a reader flags.
    """

    name: str
    day: int
    school: str
    project: str
    leader: str
    amount: tuple[str, float | None]
    built: tuple[str, str | None]
    opinion: tuple[str, str, str | None]

    def texts(self) -> tuple[str, str, str, str]:
        """Return the four long answers as recorded."""
        return TEXTS.get(self.name) or plain_texts(self.project, self.built[0])

    def value_cells(self) -> dict[str, Any]:
        """Return field id → value cell content (a string: one paragraph)."""
        v: dict[str, Any] = {
            "report_date": self.built[0], "school": self.school, "project": self.project,
            "amount": self.amount[0], "leader": self.leader,
            "principal_opinion": opinion(self.opinion[0], self.opinion[1]),
        }
        for key, text in zip(TEXT_IDS, self.texts(), strict=True):
            v[key] = paras(*text.split("\n"))
        v.update(TYPED_CELLS.get(self.name, {}))
        return v

    def rows(self) -> list[Row]:
        """Return the table as the school left it."""
        if self.name in LAYOUTS:
            return LAYOUTS[self.name][0](self)
        return standard_rows(self.value_cells(), RETYPED_LABELS.get(self.name))

    def widths(self) -> tuple[float, ...]:
        """Return the table's grid (cm)."""
        return LAYOUTS[self.name][1] if self.name in LAYOUTS else BUREAU_WIDTHS

    def expected_record(self) -> dict[str, Any]:
        """Return the record a person reading the file writes down."""
        fields: dict[str, Any] = {
            "report_date": self.built[1], "school": self.school, "project": self.project,
            "amount": self.amount[1], "leader": self.leader,
            **{key: text or None for key, text in zip(TEXT_IDS, self.texts(), strict=True)},
            "principal_opinion": self.opinion[0], "principal_date": self.opinion[2],
        }
        status, problems = PROBLEMS.get(self.name, ("ok", []))
        return record(FORM, fields, field_ids=FIELD_IDS, status=status, problems=problems)


def plain_texts(project: str, built: str) -> tuple[str, str, str, str]:
    """The short long answers of a school that wrote little."""
    return (f"{project}项目于{built}完成建设并通过学校验收，设备运行正常。",
            "学校制定设备管理制度，明确专人管理，定期开展教师应用培训。",
            "满足日常教学需要，师生信息技术应用水平明显提高。", "基本达到计划目标。")


# One row a school: the case, the day it saved the file, 学校, 项目名称, 项目负责人及联系方式;
# 投入资金 and 申报建设时间 as typed, as recorded; 校长意见, its date as typed, as recorded.
RETURNS = [
    Return("original-attachment", 6,
           "瑞安市实验小学", "智慧校园", "郑晓燕 13706778812",
           ("260000元", 260000), ("2022年10月", "2022-10"),
           ("同意上报。", "2023年 3 月 6 日", "2023-03-06")),
    Return("label-spaced", 7,
           "瑞安市安阳实验中学", "教育装备更新", "林海波 0577-65871234",
           ("300000元", 300000), ("2022年5月", "2022-05"),
           ("同意。", "2023年3月7日", "2023-03-07")),
    Return("label-colons", 2,
           "瑞安市塘下镇鲍田中学", "新建校舍配套经费", "陈国平 13958876543",
           ("300000元", 300000), ("2022年3月", "2022-03"),
           ("同意上报。", "2023年3月2日", "2023-03-02")),
    Return("label-and-value-in-one-cell", 3,
           "瑞安市第二中学", "LED设备", "吴建新 13806655321",
           ("150000元", 150000), ("2022年4月", "2022-04"),
           ("同意上报。", "2023年3月3日", "2023-03-03")),
    Return("merges-differ", 8,
           "瑞安市第五中学", "新建校舍配套经费", "许文斌 0577-65659988",
           ("3000000元", 3000000), ("2022年2月", "2022-02"),
           ("同意上报。", "2023年3月8日", "2023-03-08")),
    Return("extra-and-deleted-rows", 9,
           "瑞安市塘下镇罗凤第三小学", "智慧校园", "蔡丽娜 13676788899",
           ("190000元", 190000), ("2022年6月", "2022-06"),
           ("同意上报。", "2023年3月9日", "2023-03-09")),
    Return("paragraphs-in-cell", 6,
           "瑞安市罗凤中学", "云桌面", "周晓峰 13858867712",
           ("177804元", 177804), ("2022年7月", "2022-07"),
           ("同意上报。", "2023年3月6日", "2023-03-06")),
    Return("opinion-leftovers", 6,
           "瑞安市林垟学校", "云桌面", "金永强 13968851234",
           ("210232元", 210232), ("2022年9月", "2022-09"),
           ("情况属实，同意上报。", "", "2023-03-06")),
    Return("amount-daxie", 1,
           "瑞安市高楼镇中学", "学生机房", "潘志勇 13587799012",
           ("壹拾伍万元整", 150000), ("2022年8月", "2022-08"),
           ("同意上报。", "2023年3月1日", "2023-03-01")),
    Return("amount-wan", 2,
           "瑞安市陶山镇荆谷学校", "云桌面机房", "叶春燕 13705779876",
           ("15.5万元", 155000), ("2022年7月", "2022-07"),
           ("同意上报。", "2023年3月2日", "2023-03-02")),
    Return("amount-commas", 3,
           "瑞安市广场实验小学", "学生机房", "胡玲玲 0577-65812233",
           ("150,000元", 150000), ("2022年8月", "2022-08"),
           ("同意上报。", "2023年3月3日", "2023-03-03")),
    Return("amount-yen", 6,
           "瑞安市塘下镇中心小学", "智慧校园", "陈立群 13805771234",
           ("￥200000.00", 200000), ("2022年9月", "2022-09"),
           ("同意上报。", "2023年3月6日", "2023-03-06")),
    Return("dates-written-every-way", 8,
           "瑞安市安阳实验小学", "交互式一体机", "戴晓红 13867701122",
           ("170250元", 170250), ("二〇二二年九月", "2022-09"),
           ("同意上报，请专家组验收。", "2023.3.8", "2023-03-08")),
    Return("content-controls", 7,
           "瑞安市第四中学", "交互式一体机", "黄志远 13587712266",
           ("", 178500), ("", "2022-11"),
           ("同意上报。", "", "2023-03-07")),
    Return("empty-required", 9,
           "瑞安市农技校", "交互式一体机", "孙伟 13906775588",
           ("283750元", 283750), ("2022年10月", "2022-10"),
           ("同意上报。", "2023年3月9日", "2023-03-09")),
    Return("bad-amount", 3,
           "瑞安市莘塍中心小学", "学生机房", "王海鸥 13758873321",
           ("十五万左右", None), ("2022年8月", "2022-08"),
           ("同意上报。", "2023年3月3日", "2023-03-03")),
    Return("grid-six-columns", 8,
           "浙江省瑞安中学", "学生机房", "李明远 0577-65822345",
           ("157420元", 157420), ("2022年7月", "2022-07"),
           ("同意上报。", "2023年3月8日", "2023-03-08")),
    Return("single-column-layout", 7,
           "瑞安市解放路小学", "学生机房", "张雪芬 13819971234",
           ("169663元", 169663), ("2022年8月", "2022-08"),
           ("同意上报。", "2023年3月7日", "2023-03-07")),
    Return("placeholder-controls", 8,
           "瑞安市外国语小学", "云桌面机房", "郑海燕 13957796655",
           ("", 186251), ("", None),
           ("同意上报。", "", "2023-03-08")),
]

# The four long answers as recorded (项目简介, 推进措施, 效益, 与计划的达成度), typed one
# paragraph a line ("": left empty); returns not listed have plain ones (`plain_texts`).
TEXTS = {
    "original-attachment": (
        "建设校园统一数据平台，接入电子班牌32块、智慧门禁4套、家校通知系统1套，"
        "覆盖全校32个教学班。\n"
        "平台于2022年10月正式上线运行。",
        "成立以分管副校长为组长的智慧校园应用小组；每月开展一次平台操作培训，"
        "每学期组织一次电子班牌应用评比。",
        "教师通知、请假、调课全部在平台办理，家校通知送达时间由半天缩短到10分钟以内。",
        "已完成计划建设内容的100%，平台日均登录教师85人次，达到预期目标。",
    ),
    "label-spaced": (
        "更新理化生实验室数字化探究设备3套、录播教室1间，配套交互式大屏12台。",
        "实验员与学科教师结对，每周安排数字化实验课不少于6节。",
        "学生分组实验开出率由78%提高到96%，录播课例入选温州市优课2节。",
        "设备全部到位并投入使用，达到计划要求。",
    ),
    "label-colons": (
        "新校舍配套建设班级多媒体38套、计算机教室1间（52台）、校园广播系统1套。",
        "新校舍启用前完成全部设备安装调试，开学首月对全体教师开展设备使用培训。",
        "新校区38个班级全部实现多媒体教学，计算机教室满足信息技术课开设需要。",
        "按计划完成建设，达成度约95%，广播系统分区功能待完善。",
    ),
    "label-and-value-in-one-cell": (
        "在学校报告厅和田径场主席台各安装LED全彩显示屏1块，共计42平方米。",
        "由信息中心专人负责显示屏播控，制定《LED显示屏使用管理制度》。",
        "承担校级大型活动、升旗仪式和校园文化宣传，每周使用约15小时。",
        "按计划完成安装并投入使用，达成度100%。",
    ),
    "merges-differ": (
        "新校舍配套建设智慧教室24间、创客空间1间、校园网络及安防监控系统。",
        "分年级推进智慧教室应用，每学期举行一次智慧课堂展示周。",
        "新校区教学设备配置达到温州市现代化学校标准，师生反响良好。",
        "主体建设已完成，达成度约90%，创客空间课程仍在建设中。",
    ),
    "extra-and-deleted-rows": (
        "建设智慧校园管理平台，包括智慧课堂、电子班牌18块和校园安防系统。",
        "信息技术教师分包年级，逐班指导教师使用智慧课堂互动功能。",
        "全校教师常态化使用平台备课授课，学生作业数据实现自动统计分析。",
        "已完成计划的90%，安防系统联网调试中。",
    ),
    "paragraphs-in-cell": (
        "学校于2022年8月建成云桌面教室1间，配置云终端56台、服务器2台。\n"
        "系统支持一键还原和统一推送教学软件。\n"
        "云桌面教室同时用于信息技术课和教师培训。",
        "制定云桌面教室使用与维护制度，专人管理。\n"
        "信息技术组每学期开展云桌面应用培训2次。\n"
        "将云桌面教室纳入全校功能室排课系统。",
        "云桌面教室周课时由8节增加到26节，设备故障报修明显减少。",
        "达到计划要求，达成度100%。",
    ),
    "opinion-leftovers": (
        "建设云桌面教室1间，云终端50台，配套教师机1台和管理服务器。",
        "信息技术组负责日常管理，建立使用登记和巡检制度。",
        "解决原机房设备老化问题，维护工作量减少约七成。",
        "按计划完成，达成度100%。",
    ),
    "dates-written-every-way": (
        "为全校30个教室配备86英寸交互式一体机，替换原投影设备。",
        "开展“一体机应用能手”评比，组织学科组交流课件制作经验。",
        "教师课堂互动明显增加，投影灯泡更换等维护费用每年节省约2万元。",
        "30台设备全部安装到位并常态化使用，达成度100%。",
    ),
    "content-controls": (
        "学校为24个教室更换交互式一体机。\n"
        "同步建设一体机集中管控平台。",
        "组织全体教师每周二下午开展交互式一体机应用培训。",
        "全校教师已能熟练使用一体机开展互动教学。",
        "基本达到计划要求。",
    ),
    "empty-required": (
        "为实训楼28个教室配备交互式一体机，满足专业课多媒体教学需要。",
        "",
        "",
        "设备已安装到位，应用情况待下学期统计。",
    ),
    "bad-amount": (
        "建成学生计算机教室1间，配置学生机50台、教师机1台及多媒体教学系统。",
        "按课表开放机房，课后服务时段开设编程兴趣班。",
        "信息技术课开课率达到100%，编程兴趣班每周服务学生80人次。",
        "达到计划要求。",
    ),
    "grid-six-columns": (
        "更新学生机房2间，共计学生机100台，配套电子教室管理软件。",
        "机房向学科教师开放预约，信息组每周巡检一次设备。",
        "满足高中信息技术必修与选修课程教学，支持学考模拟训练。",
        "按计划完成，达成度100%。",
    ),
    "single-column-layout": (
        "建设学生机房1间，配置学生机48台，更新机房网络与空调。",
        "机房实行课表化管理，午间向学生社团开放。",
        "信息科技课程全部在机房开设，学生上机时间每周增加2课时。",
        "达到计划要求。",
    ),
    "placeholder-controls": (
        "建成云桌面机房1间，云终端52台，实现桌面统一部署与还原。",
        "制定机房管理制度，信息技术教师轮流值班管理。",
        "机房维护时间由每周4小时减少到1小时，课堂开机等待时间明显缩短。",
        "达到计划要求，达成度100%。",
    ),
}

# Printed labels retyped: with spaces, with colons, with the value typed after them (a Cell
# is the retyped cell itself).
RETYPED_LABELS: dict[str, dict[str, Any]] = {
    "label-spaced": {
        "school": "学  校", "project": "项 目 名 称", "amount": "投 入 资 金",
        "leader": Cell([Para(["项目负责\n人及联系方式"], align="center")], label=True),
        "benefits": "效　　益", "principal_opinion": "校 长 意 见"},
    "label-colons": {
        "report_date": "申报建设时间:", "school": "学校：", "project": "项目名称:",
        "amount": "投入资金：", "summary": "项目简介：", "principal_opinion": "校长意见："},
    "label-and-value-in-one-cell": {
        "school": Cell(paras("学校：瑞安市第二中学"), label=True),
        "project": Cell(paras("项目名称：LED设备"), label=True)},
}
# Value cells typed otherwise than one paragraph a line (None: left empty).
TYPED_CELLS: dict[str, dict[str, Any]] = {
    "label-and-value-in-one-cell": {"school": None, "project": None},
    # an indent, leading and trailing spaces, an empty paragraph
    "paragraphs-in-cell": {
        "summary": paras(
            "　　学校于2022年8月建成云桌面教室1间，配置云终端56台、服务器2台。", "",
            "  系统支持一键还原和统一推送教学软件。  ",
            "云桌面教室同时用于信息技术课和教师培训。 "),
        "measures": paras(
            "  制定云桌面教室使用与维护制度，专人管理。",
            "信息技术组每学期开展云桌面应用培训2次。   ", "",
            "　　将云桌面教室纳入全校功能室排课系统。"),
    },
    # 校长意见 text, an empty line, the school's own date line
    "opinion-leftovers": {
        "principal_opinion": [*paras("情况属实，同意上报。", ""), Para(["2023年3月6日"])]},
    "dates-written-every-way": {
        "principal_opinion": paras("同意上报，请专家组验收。", "2023.3.8")},
    # content controls, a tracked change over the amount, a hidden draft note
    "content-controls": {
        "report_date": [Para([Control("2022年11月", "申报建设时间")])],
        "school": [Para([Control("瑞安市第四中学", "学校")])],
        "project": [Para([Control("交互式一体机", "项目名称")])],
        "amount": [Para([Run("181600元", revision="del"), Run("178500元", revision="ins")])],
        "leader": [Para([Control("黄志远 13587712266", "项目负责人")])],
        "summary": [BlockControl(paras("学校为24个教室更换交互式一体机。",
                                       "同步建设一体机集中管控平台。"), "项目简介")],
        "measures": [Para(["组织全体教师", Run("每周二下午", revision="ins"),
                           "开展交互式一体机应用培训。"])],
        "benefits": [Para(["全校", Run("部分", revision="del"),
                           "教师已能熟练使用一体机开展互动教学。"])],
        "achievement": [Para(["基本达到计划要求。", Run("（草稿：此处数据待核实）", hidden=True)])],
        "principal_opinion": [
            *paras("同意上报。", ""),
            Para([Control("2023年3月7日", "校长意见日期", full_date="2023-03-07")], align="right")],
    },
    # content controls left showing their placeholder text: nothing was written there
    "placeholder-controls": {
        "report_date": [Para([Control("单击或点击此处输入日期。", "申报建设时间", placeholder=True,
                                      full_date="")])],
        "school": [Para([Control("瑞安市外国语小学", "学校")])],
        "project": [Para([Control("云桌面机房", "项目名称")])],
        "amount": [Para([Control("186251元", "投入资金")])],
        "leader": [Para([Control("郑海燕 13957796655", "项目负责人")])],
        **{key: [BlockControl(paras(text), LABELS[key])]
           for key, text in zip(TEXT_IDS, TEXTS["placeholder-controls"], strict=True)},
        "principal_opinion": [
            BlockControl(paras("同意上报。"), "校长意见"),
            Para([Control("2023年3月8日", "校长意见日期", full_date="2023-03-08")], align="right")],
        "expert_opinion": [
            BlockControl(paras("单击或点击此处输入文字。"), "专家验收意见", placeholder=True),
            Para([PRINTED_DATE], align="right")],
    },
}


def merges_differ(ret: Return) -> list[Row]:
    """Five grid columns: 学校 spans two, a stray empty cell after 投入资金, long rows unmerged."""
    v = ret.value_cells()
    rows = [
        Row([value(None, span=2), value(None), label(LABELS["report_date"]),
             value(v["report_date"])], height=0.9, borderless=True),
        Row([label("学校"), value(ret.school, span=2), label("项目名称"), value(ret.project)],
            height=1.2),
        Row([label("投入资金"), value(v["amount"]), value(None), label(LABELS["leader"]),
             value(ret.leader)], height=1.2),
    ]
    for key, height in LONG_ROWS:
        rows.append(Row([label(LABELS[key]), value(v[key], span=2), value(None), value(None)],
                        height=height))
    rows.append(Row([label("校长意见"), value(v["principal_opinion"], span=4)], height=2.4))
    rows.append(Row([label("专家验收意见"), value(opinion(None), span=4)], height=2.4))
    return rows


def row_added_and_deleted(ret: Return) -> list[Row]:
    """A 附件材料 row added after 效益; the 专家验收意见 row deleted."""
    rows = standard_rows(ret.value_cells())
    benefits_at = 3 + [key for key, _ in LONG_ROWS].index("benefits")
    rows.insert(benefits_at + 1, Row([label("附件材料"), value("照片3张", span=3)], height=1.2))
    rows.pop()
    return rows


def six_grid_columns(ret: Return) -> list[Row]:
    """Misaligned cell borders: Word's grid has six columns, each row spans them its way."""
    v = ret.value_cells()
    rows = [
        Row([value(None, span=3), label(LABELS["report_date"], span=2), value(v["report_date"])],
            height=0.9, borderless=True),
        Row([label("学校", span=2), value(ret.school), label("项目名称", span=2),
             value(ret.project)], height=1.2),
        Row([label("投入资金"), value(v["amount"], span=2), label(LABELS["leader"], span=2),
             value(ret.leader)], height=1.2),
    ]
    for key, height in LONG_ROWS:
        rows.append(Row([label(LABELS[key], span=2), value(v[key], span=4)], height=height))
    rows.append(Row([label("校长意见"), value(v["principal_opinion"], span=5)], height=2.4))
    rows.append(Row([label("专家验收意见"), value(opinion(None), span=5)], height=2.4))
    return rows


def one_column(ret: Return) -> list[Row]:
    """The form retyped in one column (as on a phone): each label cell above its value."""
    v = ret.value_cells()
    pairs = [("申报建设时间", "report_date"), ("学校", "school"), ("项目名称", "project"),
             ("投入资金", "amount"), ("项目负责人及联系方式", "leader"), ("项目简介", "summary"),
             ("推进措施", "measures"), ("效益", "benefits"), ("与计划的达成度", "achievement"),
             ("校长意见", "principal_opinion")]
    rows = []
    for printed, key in [*pairs, ("专家验收意见", "")]:
        content = v[key] if key else opinion(None)
        rows.append(Row([Cell(paras(printed), label=True)], height=0.8))
        rows.append(Row([value(content)], height=1.2))
    return rows


# Tables laid out the school's own way: (rows, grid widths in cm).
LAYOUTS: dict[str, tuple[Callable[[Return], list[Row]], tuple[float, ...]]] = {
    "merges-differ": (merges_differ, (2.35, 3.1, 2.2, 3.15, 4.95)),
    "extra-and-deleted-rows": (row_added_and_deleted, BUREAU_WIDTHS),
    "grid-six-columns": (six_grid_columns, (2.2, 0.35, 4.9, 0.25, 3.2, 4.75)),
    "single-column-layout": (one_column, (15.6,)),
}
# What a reader flags: (status, problems).
PROBLEMS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "extra-and-deleted-rows": ("incomplete", [("expert_opinion", "label_missing")]),
    "empty-required": ("incomplete", [("measures", "required"), ("benefits", "required")]),
    "bad-amount": ("invalid", [("amount", "bad_money")]),
}


def cases() -> Iterator[tuple[str, str, bytes, dict[str, Any]]]:
    """Every case: (form, name, the .docx, the expected record)."""
    for ret in RETURNS:
        data = build_docx(ret.rows(), ret.widths(), dt.datetime(2023, 3, ret.day, 16, 20))
        yield FORM, ret.name, data, ret.expected_record()


def main(argv: Sequence[str] | None = None) -> None:
    write_corpus(Path(__file__).resolve().parent, cases(), argv)


if __name__ == "__main__":
    main()
