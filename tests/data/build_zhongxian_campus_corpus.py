"""Build the 忠县 附件3-1/3-2/3-3 return corpus: the bureau's own Word files, filled by schools.

Schools do not send back tidy copies of what tianbiao generated. They fill the ORIGINAL
attachments of seed 003 — 附件3-1 《忠县智慧校园建设创建自评表》, 附件3-2 《普通中小学智慧校园
建设情况表》 and 附件3-3 《中职学校智慧校园建设情况表》 — Word files made by the bureau, with
their own column widths and fonts and no tianbiao properties, and they tick the printed
"□是   □否" with whatever they find: ☑ ■ √ ✓ typed over or beside the box, the other answer
deleted, Word check-box content controls, Wingdings symbols, legacy FORMCHECKBOX fields.

Neither tianbiao's code nor its form definitions are used: the printed texts below are
copied from the seed, and the corpus kit (tests/corpuskit) writes the files and the records a
reader writes down. Element ids (controls, bookmarks, revisions) count from 1 in each file.

    .venv/bin/python tests/data/build_zhongxian_campus_corpus.py [output folder]
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.shared import Pt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for the corpus kit
from corpuskit.cells import CONTINUE, Cell, Row, Table, label, value
from corpuskit.content import Content, Para, paras
from corpuskit.corpus import record, write_corpus
from corpuskit.documents import Blank, append_block, typed_paragraph
from corpuskit.marks import Answer, choice_line, yes_no
from corpuskit.tables import table_element
from corpuskit.wordml import Hand, Spacing

SELF = "zhongxian-2021-smart-campus-self"
K12 = "zhongxian-2021-smart-campus-k12"
VOCATIONAL = "zhongxian-2021-smart-campus-vocational"
LABEL_FONT, VALUE_FONT = "宋体", "仿宋"
# The bureau's Word: single spacing, nothing before or after; tracked changes by the 办公室;
# element ids (controls, bookmarks, revisions) counted from 1 in each document.
HAND = Hand(spacing=Spacing(240), author="办公室", date="2021-06-15T10:20:00Z")


def category(name: str) -> Cell:
    """A tall category cell printing one character per paragraph (基/本/环/境)."""
    return Cell(paras(*name, align="center"), label=True)


# ---------------------------------------------------------------- the document


@dataclass
class Sheet:
    """One attachment as the bureau sent it: its 附件 line, title, table and file metadata."""

    attachment: str
    title: str
    widths: tuple[float, ...]
    size: float
    author: str
    margins: tuple[float, float] = (2.54, 2.6)  # top/bottom, left/right (cm)

    def blank(self) -> Blank:
        """The bureau's Word file behind the attachment."""
        top, side = self.margins
        return Blank("宋体", 10.5, (top, top, side, side), author=self.author,
                     created=dt.datetime(2021, 5, 20, 15, 10),
                     last_printed=dt.datetime(2021, 5, 20, 16, 0), stamp=(2021, 6, 18, 9, 0, 0))


def build_docx(sheet: Sheet, rows: list[Row], modified: dt.datetime, editor: str) -> bytes:
    """Return the .docx bytes of `sheet` holding `rows`, saved by `editor` at `modified`."""
    HAND.ids.reset()
    blank = sheet.blank()
    doc = blank.new()
    normal = doc.styles["Normal"]
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    typed_paragraph(doc, sheet.attachment, "黑体", 16, bold=False)
    title = typed_paragraph(doc, sheet.title, "方正小标宋简体", 20, bold=False, center=True)
    title.paragraph_format.space_before = Pt(12)
    title.paragraph_format.space_after = Pt(12)
    table = Table(sheet.widths, rows, LABEL_FONT, VALUE_FONT, sheet.size)
    append_block(doc, table_element(table, HAND))
    doc.add_paragraph()  # Word keeps a paragraph after a table that ends the document
    return blank.saved(doc, modified, editor)


@dataclass
class Case:
    """One returned file: its rows, the record a reader writes down, and who saved it when."""

    form: str
    name: str
    rows: list[Row]
    fields: dict[str, Any]
    status: str = "ok"
    problems: list[tuple[str, str]] = field(default_factory=list)
    day: int = 15
    editor: str = "Administrator"
    field_ids: tuple[str, ...] | None = None

    def expected_record(self) -> dict[str, Any]:
        return record(self.form, self.fields, field_ids=self.field_ids, status=self.status,
                      problems=self.problems)


# ---------------------------------------------------------------- 附件3-1 自评表

SELF_SHEET = Sheet("附件3-1", "忠县智慧校园建设创建自评表",
                   widths=(1.3, 4.3, 2.8, 4.2, 1.6, 2.4), size=10.5, author="忠县教委电教站",
                   margins=(2.3, 2.2))
SELF_IDS = (
    "school", "school_type", "address", "contact_person", "contact_phone", "fax", "email",
    "staff", "students", "has_leading_group", "has_it_department", "it_department_name",
    "it_staff", "has_plan", "investment", "has_campus_network", "bandwidth", "wireless_aps",
    "wireless_full_coverage", "on_cq_education_network", "terminals_per_100_students",
    "terminals_per_100_teachers", "interactive_equipment_rate", "smart_classrooms",
    "school_course_resources", "has_interaction", "teacher_space_rate", "has_smart_push",
    "student_space_rate", "has_one_stop_service", "has_data_analysis", "uses_iot", "uses_cloud",
    "moe_pilot", "cq_pilot", "cq_smart_campus_pilot", "awards_county_and_above",
    "awards_district", "has_emergency_plan", "has_disaster_backup", "holds_security_drills",
    "had_major_incident",
)
YESNO_IDS = (
    "has_leading_group", "has_it_department", "has_plan", "has_campus_network",
    "wireless_full_coverage", "on_cq_education_network", "has_interaction", "has_smart_push",
    "has_one_stop_service", "has_data_analysis", "uses_iot", "uses_cloud", "moe_pilot",
    "cq_pilot", "cq_smart_campus_pilot", "has_emergency_plan", "has_disaster_backup",
    "holds_security_drills", "had_major_incident",
)
SCHOOL_TYPES = ("中职学校", "普通中小学校")
CHOICE_INDENT, CHOICE_GAP = " " * 13, " " * 7  # as printed: "             □中职学校       □…"

def yes_no_cell(style: str, answer: Answer) -> Content:
    """The printed "□是   □否" as the school left it (centred once the school typed in it)."""
    runs = yes_no(answer, style)
    return [Para(runs, align="center" if answer is not None and style != "bare" else "")]


def school_type(style: str, option: str | None) -> Content:
    """The printed 学校类别 line, the chosen option marked `style`-wise (None: untouched)."""
    return [Para([CHOICE_INDENT, *choice_line(SCHOOL_TYPES, option, style, CHOICE_GAP)])]


# 附件3-1's printed labels, by the field whose blank they head.
SELF_LABELS = {
    "school": "学校名称", "school_type": "学校类别", "address": "学校地址",
    "contact_person": "学校联系人", "contact_phone": "联系电话", "fax": "学校传真",
    "email": "电子邮箱", "staff": "在编教职工总数", "students": "在籍学生总数",
    "has_leading_group": "是否成立网信或智慧校园建设领导机构",
    "has_it_department": "是否明确教育信息化职能部门",
    "it_department_name": "教育信息化职能部门名称", "it_staff": "教育信息化专职人员数量（人）",
    "has_plan": "是否制定智慧校园\n建设规划",
    "investment": "近三年教育信息化累计投入经费（万元）",
    "has_campus_network": "是否建成校园网", "bandwidth": "互联网出口带宽（M）",
    "wireless_aps": "无线网络AP数量（个）",
    "wireless_full_coverage": "是否实现校园\n无线网络全覆盖",
    "on_cq_education_network": "是否接入\n重庆教育宽带网",
    "terminals_per_100_students": "百名学生拥有终端数（台）",
    "terminals_per_100_teachers": "百名教师拥有终端数(台)",
    "interactive_equipment_rate": "普通教室互动多媒体教学设备配备率（%）",
    "smart_classrooms": "智慧教室数量（间）",
    "school_course_resources": "校本课程数字资源\n数量（门）",
    "has_interaction": "教学应用是否具备\n师生交流互动功能",
    "teacher_space_rate": "教师网络学习空间\n开通率（%）",
    "has_smart_push": "教学应用是否具备\n智能推送功能",
    "student_space_rate": "学生网络学习空间开通率（小学三年级以上）（%）",
    "has_one_stop_service": "管理系统是否具备“一站式服务”能力",
    "has_data_analysis": "是否开展数据分析\n应用", "uses_iot": "是否应用物联网技术",
    "uses_cloud": "是否使用云服务", "moe_pilot": "是否参与教育部第一批教育信息化试点",
    "cq_pilot": "是否参加重庆市教育信息化试点",
    "cq_smart_campus_pilot": "是否参与重庆市智慧\n校园建设试点",
    "has_emergency_plan": "是否制定网络安全\n应急预案",
    "has_disaster_backup": "是否有数据容灾\n备份措施",
    "holds_security_drills": "是否定期开展网络安全应急演练",
    "had_major_incident": "近三年是否发生过重大网络安全事故",
}
# 附件3-1's rows: the category cell that starts there ("" below it), then the row's field
# alone across the row, or its two fields side by side ("awards": the award cell, two rows high).
SELF_GRID = [
    ("学校概况", "school"), ("", "school_type"), ("", "address"),
    ("", "contact_person", "contact_phone"), ("", "fax", "email"), ("", "staff", "students"),
    ("体制机制", "has_leading_group", "has_it_department"),
    ("", "it_department_name", "it_staff"), ("", "has_plan", "investment"),
    ("基本条件", "has_campus_network", "bandwidth"),
    ("", "wireless_aps", "wireless_full_coverage"),
    ("", "on_cq_education_network", "terminals_per_100_students"),
    ("", "terminals_per_100_teachers", "interactive_equipment_rate"),
    ("智慧应用", "smart_classrooms", "school_course_resources"),
    ("", "has_interaction", "teacher_space_rate"), ("", "has_smart_push", "student_space_rate"),
    ("", "has_one_stop_service", "has_data_analysis"), ("", "uses_iot", "uses_cloud"),
    ("试点示范", "moe_pilot", "cq_pilot"), ("", "cq_smart_campus_pilot", "awards"),
    ("网络安全", "has_emergency_plan", "has_disaster_backup"),
    ("", "holds_security_drills", "had_major_incident"),
]


def self_rows(v: dict[str, Content]) -> list[Row]:
    """The bureau's 附件3-1 table; `v` maps field id → the value cell's content."""
    rows = []
    for category, *ids in SELF_GRID:
        first: Cell | str = label(category) if category else CONTINUE
        across = 4 if len(ids) == 1 else 1  # a field alone spans the row
        cells = [first, label(SELF_LABELS[ids[0]]), value(v.get(ids[0]), span=across)]
        if ids[1:] == ["awards"]:
            # The award cell stands two rows high, split into 县级及以上 / 区县级 sub-cells; the
            # 重庆市智慧校园建设试点 pair beside it stands as high.
            rows.append(Row([*cells, label("教育信息化、智慧\n校园工作获奖数量（项）"),
                             label("县级及以上"), value(v.get("awards_county_and_above"))], 0.7))
            rows.append(Row([CONTINUE, CONTINUE, CONTINUE, CONTINUE, label("区县级"),
                             value(v.get("awards_district"))], 0.7))
        else:
            if ids[1:]:
                cells += [label(SELF_LABELS[ids[1]]), value(v.get(ids[1]), span=2)]
            rows.append(Row(cells, 0.75))
    return rows


# The blanks of 附件3-1 a school types into, in the order of TYPED below.
TYPED_IDS = (
    "school", "address", "contact_person", "contact_phone", "fax", "email", "staff", "students",
    "it_department_name", "it_staff", "investment", "bandwidth", "wireless_aps",
    "terminals_per_100_students", "terminals_per_100_teachers", "interactive_equipment_rate",
    "smart_classrooms", "school_course_resources", "teacher_space_rate", "student_space_rate",
    "awards_county_and_above", "awards_district",
)
TEXT_IDS = ("school", "address", "contact_person", "email", "it_department_name")
PHONE_IDS = ("contact_phone", "fax")  # digits only; "无" (no fax) is no number
CHOICE = {"是": True, "否": False, "空": None, "双": "both"}

# case: the day saved, who saved it, how the boxes were ticked (a style of corpuskit.marks),
# how 学校类别 was ticked, and which 学校类别 (None: neither)
SELF_CASES = {
    # the bureau's blank filled the ordinary way: ☑ typed over the chosen box
    "original-attachment": (11, "谭明华", "☑", "☑", "普通中小学校"),
    # every yes/no ticked a different way (EVERY_WAY), 学校类别 by a check-box control
    "ticks-every-way": (14, "冉小军", "☑", "control", "中职学校"),
    # both boxes ticked on two required yes/no items: nobody can tell which is meant
    "both-ticked": (16, "Administrator", "☑", "☑", "普通中小学校"),
    # nothing ticked for a required yes/no and for 学校类别; optional blanks left empty
    "none-ticked": (17, "Administrator", "☑", "☑", None),
    # percentages written three ways; the 万元 investment written in 元
    "percent-every-way": (18, "Administrator", "√", "√", "普通中小学校"),
    # percentages as a bare number and with a full-width ％; the 万元 amount with 万元
    "percent-bare-and-fullwidth": (18, "Administrator", "■", "■", "普通中小学校"),
    # numbers written with their units, as people do even when the label gives the unit
    "numbers-with-units": (19, "Administrator", "☑", "☑", "普通中小学校"),
    # every box rebuilt as a Word check-box control, its checked glyph set to ☑ (values typed
    # plainly: LibreOffice 7.4 repeats the text of plain-text content controls when it saves
    # them, which ruian-2022-report/content-controls already records)
    "checkbox-controls": (21, "黄晓燕", "control☑", "control☑", "普通中小学校"),
    # every box a legacy FORMCHECKBOX field (the form retyped in old Word's forms toolbar)
    "legacy-formcheckbox": (22, "Administrator", "formcheckbox", "formcheckbox", "普通中小学校"),
    # ticks inserted with Insert > Symbol: Wingdings 0xFE (☑) over the chosen box
    "symbol-wingdings": (23, "Administrator", "wingdings", "wingdings", "普通中小学校"),
    # both boxes retyped as "R" (☑) and "£" (☐) in Wingdings 2, a trick passed round offices
    "symbol-wingdings2": (24, "Administrator", "wingdings2", "wingdings2", "普通中小学校"),
}
# case: what the school typed into each blank of TYPED_IDS ("": left empty). A reader records
# text as typed, a phone's digits and the number a figure starts with, unless RECORDED says
# otherwise.
TYPED = {
    "original-attachment": (
        "重庆市忠县中学校", "重庆市忠县忠州街道州屏环路88号", "谭明华",
        "023-54232158", "023-54232159", "zxzx_xxzx@163.com",
        "186", "2860", "信息技术中心", "4", "286.5", "1000", "96", "15.2", "112",
        "100%", "6", "12", "100%", "95%", "3", "5"),
    "ticks-every-way": (
        "重庆市忠县职业教育中心", "重庆市忠县忠州街道白公路15号", "冉小军",
        "13896512345", "无", "zxzj2021@126.com",
        "312", "5120", "信息中心", "5", "420", "2000", "152", "18.6", "120",
        "100%", "14", "28", "100%", "98%", "6", "9"),
    "both-ticked": (
        "忠县忠州第一小学校", "重庆市忠县忠州街道巴王路21号", "陈静",
        "023-54452316", "023-54452316", "zzyx_office@163.com",
        "142", "2630", "教导处信息组", "2", "96.8", "500", "48", "8.5", "105",
        "100%", "3", "6", "100%", "90%", "2", "4"),
    "none-ticked": (
        "忠县拔山中学校", "重庆市忠县拔山镇拔山街128号", "向东",
        "15923628810", "", "bszx@163.com",
        "98", "1320", "", "", "45", "300", "32", "9", "102",
        "92%", "1", "3", "100%", "86%", "1", "2"),
    "percent-every-way": (
        "忠县白石镇中心小学校", "重庆市忠县白石镇白石街56号", "李红梅",
        "023-54650018", "023-54650018", "bszxxx@qq.com",
        "64", "980", "教务处", "1", "125000元", "200", "18", "6.5", "100",
        "85%", "1", "2", "85 %", "百分之八十五", "1", "3"),
    "percent-bare-and-fullwidth": (
        "忠县乌杨初级中学校", "重庆市忠县乌杨街道将军村", "秦国庆",
        "023-54761120", "", "wyzx_jwc@163.com",
        "76", "1045", "电教处", "2", "12.5万元", "300", "26", "10.4", "101.3",
        "85", "2", "4", "92.5％", "100", "0", "2"),
    "numbers-with-units": (
        "忠县石宝中学校", "重庆市忠县石宝镇石宝寨路3号", "周永",
        "139 8340 6627", "无", "sbzx2010@163.com",
        "128人", "1650人", "信息技术处", "3人", "12.5万", "500M", "46个", "12.5台", "108台",
        "96%", "3间", "5门", "100%", "93%", "2项", "4项"),
    "checkbox-controls": (
        "忠县实验中学", "重庆市忠县忠州街道东坡路66号", "黄晓燕",
        "023-54239876", "023-54239870", "zxsyzx@163.com",
        "154", "2210", "现代教育技术中心", "3", "168", "1000", "72", "14", "110",
        "100%", "4", "9", "100%", "97%", "4", "6"),
    "legacy-formcheckbox": (
        "忠县忠州第二小学校", "重庆市忠县忠州街道新华路10号", "马丽",
        "023-54221043", "023-54221043", "zzexx@163.com",
        "118", "2140", "信息中心", "2", "78.6", "500", "40", "7.8", "103",
        "100%", "2", "5", "100%", "88%", "1", "3"),
    "symbol-wingdings": (
        "忠县新生中学校", "重庆市忠县新生街道新生街2号", "王平",
        "18623372219", "无", "xszx_jwc@126.com",
        "87", "1186", "教务处信息组", "2", "52.3", "300", "30", "9.6", "100",
        "100%", "1", "3", "100%", "91%", "1", "2"),
    "symbol-wingdings2": (
        "忠县花桥镇中心小学校", "重庆市忠县花桥镇花桥街19号", "谭芳",
        "023-54580036", "无", "hqzx@163.com",
        "58", "830", "教导处", "1", "36", "200", "16", "7.2", "100",
        "100%", "1", "2", "100%", "89%", "0", "1"),
}
RECORDED = {"percent-every-way": {"investment": 12.5, "student_space_rate": 85}}
# case: the yes/no answers in the order of YESNO_IDS: 是, 否, 空 (neither ticked), 双 (both).
ANSWERS = {
    "original-attachment": "是是是是是是是否是是否是否否是是是是否",
    "ticks-every-way": "是是是是是否是否是是是否否否否是是是否",
    "both-ticked": "是双双是是是是否是是否是否否否是是是否",
    "none-ticked": "是否是是是是是否是否空是否否否是是是否",
    "percent-every-way": "是是是是是是是否否否否是否否否是是是否",
    "percent-bare-and-fullwidth": "是是是是是是是否是是否是否否否是是是否",
    "numbers-with-units": "是是是是是是是否是是是是否否否是是是否",
    "checkbox-controls": "是是是是是是是否是是否是否否是是是是否",
    "legacy-formcheckbox": "是是是是是是是否是否否是否否否是是是否",
    "symbol-wingdings": "是是是是是是是否是是否否否否否是是是否",
    "symbol-wingdings2": "是是是是是是是否是否否是否否否是是是否",
}
# The one school that ticked every yes/no its own way: item → style of corpuskit.marks.
EVERY_WAY = {
    "ticks-every-way": {
        "has_leading_group": "☑", "has_it_department": "■", "has_plan": "√",
        "has_campus_network": "after✓", "wireless_full_coverage": "bare",
        "on_cq_education_network": "bare", "has_interaction": "control",
        "has_smart_push": "control", "has_one_stop_service": "wingdings",
        "has_data_analysis": "wingdings2", "uses_iot": "formcheckbox",
        "uses_cloud": "formcheckbox", "moe_pilot": "✔", "cq_pilot": "☑",
        "cq_smart_campus_pilot": "after✓", "has_emergency_plan": "☑-other-box-deleted",
        "has_disaster_backup": "wingdings-text", "holds_security_drills": "box√",
        "had_major_incident": "■",
    },
    "both-ticked": {"has_plan": "√"},
}
SELF_PROBLEMS = {
    "both-ticked": ("invalid", [("has_it_department", "ambiguous_mark"),
                                ("has_plan", "ambiguous_mark")]),
    "none-ticked": ("incomplete", [("school_type", "required"), ("uses_iot", "required")]),
}


def read_as_typed(key: str, typed: str) -> Any:
    """What a reader records from a blank typed `typed` (see TYPED)."""
    if not typed:
        return None
    if key in TEXT_IDS:
        return typed
    if key in PHONE_IDS:
        return None if typed == "无" else re.sub(r"\D", "", typed)
    figure = re.match(r"\d+(\.\d+)?", typed)
    if figure is None:
        raise ValueError(f"say in RECORDED what a reader records from {typed!r}")
    number = float(figure.group())
    return int(number) if number.is_integer() else number


def self_case(name: str) -> Case:
    """One school's 附件3-1 as filled, and the record a reader writes down."""
    day, editor, mark, type_mark, school_type_chosen = SELF_CASES[name]
    answers = dict(zip(YESNO_IDS, (CHOICE[c] for c in ANSWERS[name]), strict=True))
    marks = EVERY_WAY.get(name, {})
    v: dict[str, Content] = {key: value(typed).content
                             for key, typed in zip(TYPED_IDS, TYPED[name], strict=True)}
    v.update({key: yes_no_cell(marks.get(key, mark), answers[key]) for key in YESNO_IDS})
    v["school_type"] = school_type(type_mark, school_type_chosen)
    recorded = RECORDED.get(name, {})
    fields: dict[str, Any] = {
        key: recorded[key] if key in recorded else read_as_typed(key, typed)
        for key, typed in zip(TYPED_IDS, TYPED[name], strict=True)}
    fields.update({key: answer if isinstance(answer, bool) else None
                   for key, answer in answers.items()})
    fields["school_type"] = school_type_chosen
    status, problems = SELF_PROBLEMS.get(name, ("ok", []))
    return Case(SELF, name, self_rows(v), fields, status, problems, day, editor, SELF_IDS)


# ---------------------------------------------------------------- 附件3-2 / 3-3 建设情况表

K12_SHEET = Sheet("附件3-2", "普通中小学智慧校园建设情况表", widths=(1.3, 7.4, 3.9, 3.2),
                  size=10.5, author="忠县教委电教站")
VOCATIONAL_SHEET = Sheet("附件3-3", "中职学校智慧校园建设情况表", widths=(1.2, 7.6, 3.8, 3.2),
                         size=10.5, author="忠县教委电教站")
HEADER = ("名称", "内  容", "建设情况", "支撑材料清单")
K12_CATEGORIES = (("基本环境", 1), ("资源建设", 7), ("教育教学", 9), ("家校共育", 14),
                  ("管理服务", 16), ("数据管理与分析", 19), ("制度保障", 25), ("网络安全", 33),
                  ("创新与亮点", 35))
VOCATIONAL_CATEGORIES = (("基本环境", 1), ("资源建设", 8), ("教育教学", 10), ("管理服务", 14),
                         ("实习实训", 17), ("合作交流", 19), ("数据管理与分析", 21),
                         ("制度保障", 27), ("网络安全", 33), ("创新与亮点", 35))
# The bureau printed a hint in the first three 支撑材料清单 cells: number the materials on.
GUIDANCE = {1: ("1.", "2."), 2: ("3.", "4."), 3: ("……",)}

# The item texts as the seed prints them, small slips included (k12 "5. 配备", "16．", the
# space after item 29; vocational "20. 运用", the space after item 12).
K12_ITEMS = (
    "1.具备支持智慧校园，满足学校教育教学带宽要求的有线和无线网络，有线网络信息点数"
    "量不低于师生总数的1.2倍，校园网骨干网带宽不低于万兆，校内桌面带宽不低于百兆，"
    "出口总带宽不低于人均512Kbps（以在校师生总人数为基数），每个无线接入终端带"
    "宽不低于4Mbps，每个AP接入终端数量满足学习、生活需要。",
    "2.有满足设施设备位置、状态信息传输要求的接入网关、传感网关和传输网络。",
    "3.提供满足学校信息化应用要求的计算能力和存储能力，服务器资源冗余不低于30%，"
    "人均存储容量不低于5GB。",
    "4.建有满足学校智慧教育要求的多媒体教室、智慧教室和学科教室。多媒体教室数量不低"
    "于教室总数的80%，配备多点触控一体机或投影仪+多点触控互动白板、云终端、扩音设"
    "备等，50人以下教室显示设备尺寸不低于80英寸，多媒体教室的日常使用率不低于50"
    "%；智慧教室数量不低于教室总数的10%，配套互动教学软件应同时支持主流移动操作系"
    "统，WiFi同时接入能力不少于该教室座位数120%，教室间互传视频达到1080P"
    "高清视频质量，录播系统达到1080P高清视频质量，日常使用率不低于50%；学科教"
    "室配备相应的数字化学习资料，配备学科开展实践或实验活动的工具以及与学科相适应的教"
    "室环境。",
    "5. 配备相应的传感器，对设施设备位置及状态，危险品位置和数量，人员和车辆进出、"
    "教学、图书借阅、消费等信息进行采集。",
    "6.对学校重点区域多角度监控与电子巡更，学生活动区、生活区和重点监控区域有喊话警"
    "示与应急报警，实现外来人员电子识别和登记等，监控摄像头数量满足监控需要，断电能正"
    "常工作8小时以上，视频清晰度应达到1080P，存储时间满足规定要求。",
    "7.依托“一师一优课、一课一名师”等活动，建设具有学校特色的校本教育资源，满足学"
    "生自主、泛在和个性化学习。",
    "8.提供满足学生学习及创新发展的实验资源。",
    "9.运用市级、区县等提供的基础教育资源平台，开展在线自主、合作、探究学习，提供在"
    "线练习、测试、考试等服务，创新教学应用模式。",
    "10.提供教育部《网络学习空间建设与应用指南》中描述的“网络学习空间人人通”服务"
    "。",
    "11.开通教师、学生、家长、班级网络学习空间，有效运用网络学习空间开展教学活动。",
    "12.开展真实环境与虚拟环境互补的实验教学。",
    "13.实现校内、校际间教研资源的共享，支持教师开展网络研修、在线交流、协同工作。",
    "14.实现学校与家庭在线互动交流，为监护人提供学生在校情况查询以及家庭教育引导。",
    "15.为学生课外学习、科学实践、社区活动、研学旅行等提供在线服务支持。",
    "16．建有涵盖办公、教学、教研、人事、财务、资产、学生事务、后勤等业务的综合管理"
    "系统，支持单点登录、柔性流程和跨部门网上综合服务。",
    "17.为师生提供校内支付通道和在线统一收费管理。",
    "18.通过电子学生证、电子借书证、一卡通等，提供门禁通行、上课考勤、图书借阅、校"
    "园消费等服务。",
    "19.遵循《教育管理信息 普通中小学校管理信息》（JY/T1004—2012）、"
    "《重庆市教育信息系统基础数据标准》，实现身份认证、业务数据、共享交换数据的统一编"
    "码。",
    "20.对学生、教师、设施设备的相关基础数据、状态数据和行为数据进行了收集，形成了"
    "数据库。",
    "21.建有具备数据采集、数据清洗、数据交换等功能的管理平台，实现对数据的有效管理"
    "。",
    "22.提供基于学生健康、学习行为、生活行为等相关分析。",
    "23.提供基于教师个体或团体的教学质量评价和影响因素分析。",
    "24.提供家庭教育、校外教育等相关影响因素分析。",
    "25.学校设有教育信息化或智慧校园建设领导小组，负责组织智慧校园建设、应用工作的"
    "推进。",
    "26.学校设有教育信息化牵头部门，各学科有明确的信息化执行小组。配齐配足学校信息"
    "技术人员，按每1000名师生配置1人及以上。",
    "27.学校制定有教育信息化或智慧校园建设规划和实施方案，统筹推进学校教育信息化或"
    "智慧校园建设。",
    "28.学校制定有教育信息化项目建设、信息系统运行维护等管理制度。",
    "29.学校教育信息化领导小组每年至少召开2次会议，研究、部署和推进教育信息化工作"
    "，不定期召开专题会，研究解决教育信息化问题。 ",
    "30.学校将教育信息化或智慧校园建设与应用经费纳入年度预算，予以保障。",
    "31.学校建有考核激励机制，促进信息化在教育教学中广泛应用和深度融合。",
    "32.学校每年组织开展不少于2次智慧教育新理念、新知识、新技术等专题培训。",
    "33.学校制定有网络安全管理办法、网络安全应急预案等，有重要时期24小时网络安全"
    "值班值守记录。",
    "34.学校严格规范信息数据的使用范围，保护个人隐私，有数据容灾备份措施。",
    "35.学校在智慧校园建设、应用或推进机制等方面的创新、特色与亮点。",
)

VOCATIONAL_ITEMS = (
    "1.具备覆盖全校的有线网络，校园网骨干网带宽不低于万兆，校内桌面带宽不低于百兆，"
    "出口总带宽不低于人均512Kbps（以在校师生总人数为基数，有线网络信息点数量不"
    "低于师生总数的1.2倍）；建有满足教学互动和移动学习需要的无线网络，每个无线接入"
    "终端带宽不低于4Mbps，每个AP接入终端数量满足学习、生活需要。",
    "2.有满足设施设备位置、状态信息传输要求的接入网关、传感网关和传输网络。",
    "3.提供满足学校信息化应用要求的计算能力和存储能力，服务器资源冗余不低于30%，"
    "人均存储容量不低于10GB。",
    "4.建有多媒体教室和智慧教室。多媒体教室，数量不低于教室总数的80%，采用多点触"
    "控技术或其它先进技术，50人以下教室显示屏幕尺寸不低于80英寸，多媒体教室的日常"
    "使用率不低于50%；智慧教室采用多点触控技术或其它先进技术，能提供线上教学资源服"
    "务，能够对教学过程进行数据采集和记录，WiFi同时接入能力不少于该教室座位数12"
    "0%，智慧教室数量不低于教室总数的15%，日常使用率不低于50%。智能学习终端配"
    "置满足教学活动需要。",
    "5.配备各类传感器，实现对设施设备位置及状态，危险品位置及数量，人员和车辆进出、"
    "教学活动、图书借阅、校内消费等信息采集。",
    "6.实现对学校重点区域多角度监控与电子巡更，学生活动区、生活区和重点监控区域喊话"
    "警示与应急报警，外来人员电子识别和登记等，摄像头数量满足监控需要，视频清晰度应达"
    "1080P，断电能正常工作6小时以上，监控录像存储时间满足规定要求。",
    "7.具备针对全校、年级、班级等的智能广播系统、校园电视接收终端。",
    "8.建有学校特色校本教育资源，满足学生自主、泛在和个性化学习。",
    "9.提供创新创业项目等素质拓展资源，电子图书、电子期刊、论文数据库等数字文献资源"
    "以及国内外标准、专利等参考资料。",
    "10.运用重庆市职业教育资源公共服务平台等，开展在线自主、合作、探究学习，提供在"
    "线练习、测试、考试等服务，创新教学应用模式。",
    "11.课堂教学具备同步实录能力，建有集成各类教学资源的课堂备授课系统，支持教师与"
    "学生互动。",
    "12.提供教育部《网络学习空间建设与应用指南》中描述的“网络学习空间人人通”服务"
    "，开通教师、学生、家长、班级网络学习空间，具备交流互动、资源智能推送等功能。 ",
    "13.开设丰富的创客课程，配备3D打印、机器人、无人机等设施设备，打造多形态的创"
    "客空间。",
    "14.支持多种认证机制，实现用户角色、组织机构统一的权限管理以及校内信息系统跨域"
    "单点登录。",
    "15.建有涵盖办公、教学、教研、人事、财务、资产、学生事务、后勤等业务的综合管理"
    "系统，支持单点登录、柔性流程和跨部门网上综合服务。",
    "16.通过电子学生证、电子借书证、一卡通、移动支付等，提供门禁通行、上课考勤、图"
    "书借阅、校园消费等服务，提供校内支付通道和在线统一收费管理。",
    "17.建有各专业的数字化技能教室、虚拟仿真实训室，并常态化使用。",
    "18.建有实习实训管理系统，实现实习实训人员、设备、物资、场地、教学资源、环境、"
    "实训教学过程的智能化管理。",
    "19.建有校企合作系统,提供合作企业信息管理、就业管理、多方互动，多角色管理、监"
    "控、跟踪及评价等功能。",
    "20. 运用信息化手段，管理合作交流活动、项目，支持交流成果展示、分析及评价。",
    "21.遵循《教育管理信息 中职学校管理信息》（JY/T 1005—2012）、《"
    "重庆市教育信息系统基础数据标准》，实现身份认证、业务数据、共享交换数据的统一编码"
    "。",
    "22.建有覆盖学校教学、管理和服务的基础数据库，存储大部分教学、管理和服务等活动"
    "中的过程数据及结果数据。",
    "23.建有具备数据采集、数据清洗、数据交换等功能的管理平台。",
    "24.提供决策分析和最优化决策支持，为学校决策提供数据支撑和主因素分析服务。",
    "25.开展审核评估、提供年度质量报告、专业评估、课程评估、教学质量评价等。",
    "26.开展面向学生的学习、德育、生活、健康等综合素质评价。",
    "27.学校设有教育信息化或智慧校园建设领导小组，负责组织推进智慧校园建设工作，每"
    "年至少召开两次会议研究解决智慧校园建设重大事项。",
    "28.设立校教育信息化专家委员会，为智慧校园建设提供决策支持。",
    "29.学校设有推进教育信息化工作的职能部门，配齐配足工作人员，每1000名师生配"
    "置1人及以上，但不少于4人。",
    "30.学校制定有教育信息化管理办法、教育信息化项目建设管理办法、信息数据管理办法"
    "等管理制度，建立有教育信息化考核激励机制。",
    "31.学校制定有智慧校园建设规划和实施方案，统筹推进学校教育信息化或智慧校园建设"
    "。",
    "32.将教育信息化经费纳入年度预算。",
    "33.学校制定有网络安全管理办法、网络安全事件应急预案等，有网络安全监控平台，有"
    "重要时期24小时值守记录。",
    "34.学校制定有数据使用管理办法，严格规范数据的使用范围，保护个人隐私，有数据容"
    "灾备份措施。",
    "35.学校在智慧校园建设、应用或推进机制等方面创新、特色与亮点。",
)

# What schools typically wrote: 建设情况 per item and the 支撑材料清单 lines (one paragraph each).
K12_STATUS = (
    "学校建成千兆到桌面的有线网络，有线信息点1460个，为师生总数的1.3倍；校园网骨干带宽万兆，"
    "出口总带宽1000M；无线AP 86个，覆盖全部教学区和生活区。",
    "在教学楼、实验楼部署物联网接入网关3台、传感网关2台，设施设备状态信息通过校园网传输到"
    "管理平台。",
    "中心机房有服务器4台，资源冗余约35%，总存储容量20TB，人均存储容量约6.8GB。",
    "全校48个教室全部配备86英寸交互式一体机，多媒体教室占比100%，日常使用率约90%；建有智慧"
    "教室6间，占教室总数的12.5%；理化生学科教室9间。",
    "在实验室、危化品室、食堂、图书馆安装温湿度、烟感、门磁等传感器120个，人员和车辆进出由"
    "门禁和道闸系统采集。",
    "校园安装高清摄像头168个，重点区域多角度覆盖，配备电子巡更和一键报警；监控系统配UPS，"
    "断电可工作8小时，录像保存30天以上。",
    "组织教师参加“一师一优课、一课一名师”活动，累计上传优课126节，建成校本课程数字资源12门。",
    "建有数字化探究实验室2间，接入国家中小学智慧教育平台实验资源。",
    "使用重庆市智慧教育平台和国家中小学智慧教育平台开展在线学习、练习和测试，各学科常态化开展"
    "混合式教学。",
    "依托重庆市教育资源公共服务平台开通“网络学习空间人人通”服务。",
    "教师、学生、家长、班级空间开通率分别为100%、96%、92%、100%，教师利用空间布置作业、答疑。",
    "物理、化学、生物学科使用虚拟实验软件开展实验教学，与真实实验互补。",
    "参与县域教研共同体，通过网络教研平台与片区学校开展集体备课和网络研修，每学期不少于8次。",
    "通过家校互动平台向家长推送学生作业、考勤和成绩，每月推送家庭教育指导文章。",
    "利用研学管理平台组织研学旅行报名、行程发布和成果展示。",
    "建有智慧校园综合管理平台，涵盖办公、教务、人事、财务、资产、学生事务、后勤等模块，支持"
    "统一身份认证和单点登录。",
    "开通校园一卡通在线充值和微信缴费，学生费用统一在线收取。",
    "全校师生使用校园一卡通，实现门禁通行、课堂考勤、图书借阅和食堂消费。",
    "按照JY/T1004—2012和重庆市基础数据标准对师生、课程、资产等数据统一编码。",
    "建成学生、教师、设施设备基础数据库，采集考勤、借阅、消费等行为数据。",
    "数据中台具备数据采集、清洗、交换功能，各业务系统数据统一汇聚管理。",
    "利用体质健康监测系统和学习平台数据，按学期生成学生健康与学业分析报告。",
    "利用课堂分析系统对教师授课进行质量分析，按教研组形成分析报告。",
    "结合家长问卷和学生成长档案数据，分析家庭教育对学业的影响。",
    "成立以校长为组长的智慧校园建设领导小组，负责统筹推进建设与应用。",
    "设立信息技术中心为牵头部门，各学科组设信息化执行小组；现有信息技术专职人员4人。",
    "制定《学校智慧校园建设三年规划（2021—2023年）》和年度实施方案。",
    "制定信息化项目建设管理、机房管理、信息系统运行维护等制度8项。",
    "领导小组2021年召开专题会议3次，研究部署智慧校园建设工作。",
    "信息化建设与应用经费纳入学校年度预算，2021年预算86万元。",
    "将信息技术应用纳入教师年度考核，每年评选“智慧课堂之星”。",
    "2021年组织智慧教育专题培训4次，参训教师共520人次。",
    "制定网络安全管理办法和网络安全应急预案，重要时期实行24小时值班并有值守记录。",
    "制定数据使用管理规定，核心数据每日异地备份，学生个人信息严格授权访问。",
    "建成“AI+课堂”教学分析系统，在全县推广智慧作业应用经验。",
)
K12_MATERIALS = (
    ("1.校园网络拓扑图", "2.网络设备采购合同及验收单"),
    ("3.物联网网关设备清单", "4.传感网络验收报告"),
    ("5.服务器及存储配置清单",),
    ("教室多媒体设备台账", "智慧教室使用登记表"),
    ("传感器安装点位图",),
    ("监控点位分布图", "电子巡更记录"),
    ("优课获奖证书", "校本资源目录"),
    ("实验资源目录",),
    ("平台应用截图",),
    ("人人通开通统计表",),
    ("空间开通统计表",),
    ("虚拟实验课教案",),
    ("网络教研活动记录",),
    ("家校平台推送记录",),
    ("研学活动方案",),
    ("管理平台功能截图",),
    ("收费平台截图",),
    ("一卡通系统使用记录",),
    ("数据编码规范",),
    ("数据库表结构说明",),
    ("数据中台功能说明",),
    ("学生健康分析报告",),
    ("教学质量分析报告",),
    ("家庭教育分析报告",),
    ("领导小组成立文件",),
    ("部门设置文件", "人员名册"),
    ("建设规划", "实施方案"),
    ("管理制度汇编",),
    ("会议纪要3份",),
    ("年度预算表",),
    ("考核激励办法",),
    ("培训通知及签到表",),
    ("网络安全应急预案", "值班记录"),
    ("数据备份记录",),
    ("创新案例材料",),
)
VOCATIONAL_STATUS = (
    "建成覆盖全校的千兆有线网络，骨干万兆，出口带宽2000M，有线信息点2300个，为师生总数的1.4倍；"
    "无线AP 152个，覆盖教学、实训和生活区域。",
    "实训楼、宿舍楼部署物联网接入网关4台、传感网关2台，设备状态数据实时上传。",
    "中心机房服务器6台，资源冗余约40%，总存储60TB，人均存储容量约12GB。",
    "多媒体教室86间，占教室总数的100%，均为86英寸多点触控一体机；智慧教室14间，占16%，日常"
    "使用率约75%。",
    "在实训室、危化品库、宿舍和食堂安装各类传感器260个，门禁和道闸采集人员车辆进出信息。",
    "全校高清摄像头312个，重点区域多角度监控，配备电子巡更和喊话报警，断电可工作6小时以上，"
    "录像保存90天。",
    "建有覆盖全校、年级、班级的智能广播系统，各教室配备校园电视接收终端。",
    "建成专业核心课程校本资源28门，覆盖学校全部骨干专业。",
    "购买电子图书、电子期刊和论文数据库，提供标准、专利检索服务，建有创新创业项目资源库。",
    "使用重庆市职业教育资源公共服务平台开展在线学习、练习和考试，专业课混合式教学覆盖率80%。",
    "建有常态化录播教室4间，课堂备授课系统集成各类教学资源，支持师生互动。",
    "开通教师、学生、家长、班级网络学习空间，空间具备交流互动和资源智能推送功能。",
    "开设3D打印、机器人、无人机等创客课程6门，建有创客空间2个。",
    "统一身份认证平台支持账号密码、短信、扫码等认证方式，校内系统实现跨域单点登录。",
    "建有综合管理平台，涵盖办公、教学、教研、人事、财务、资产、学生事务、后勤等业务。",
    "使用电子学生证和一卡通，支持移动支付，实现门禁、考勤、借阅、消费和在线统一收费。",
    "建有数字化技能教室18间、虚拟仿真实训室6间，按课表常态化使用。",
    "实习实训管理系统对实训人员、设备、耗材、场地和实训过程进行智能化管理。",
    "建有校企合作管理系统，管理合作企业信息、学生就业和多方评价。",
    "利用校企合作平台管理合作项目和交流活动，展示和评价合作成果。",
    "按照JY/T 1005—2012和重庆市基础数据标准对师生、专业、课程、资产数据统一编码。",
    "建成覆盖教学、管理和服务的基础数据库，存储过程数据和结果数据。",
    "数据管理平台具备采集、清洗、交换功能，对接各业务系统。",
    "利用数据驾驶舱为学校决策提供招生、就业、教学运行等数据分析。",
    "依托平台数据完成年度质量报告、专业评估和课程评估。",
    "建有学生综合素质评价系统，记录学习、德育、生活和健康表现。",
    "成立由校长任组长的智慧校园建设领导小组，2021年召开专题会议2次。",
    "成立校教育信息化专家委员会，聘请校内外专家7人。",
    "设立信息中心为职能部门，配备专职人员5人。",
    "制定信息化管理办法、项目建设管理办法、信息数据管理办法和考核激励办法。",
    "制定《智慧校园建设规划（2021—2025年）》和年度实施方案。",
    "教育信息化经费纳入年度预算，2021年预算210万元。",
    "制定网络安全管理办法和应急预案，建有网络安全态势感知平台，重要时期24小时值守。",
    "制定数据使用管理办法，重要数据每日备份并异地容灾。",
    "建成汽修专业虚拟仿真实训中心，获评市级示范项目。",
)
VOCATIONAL_MATERIALS = (
    ("1.校园网络拓扑图", "2.出口带宽合同"),
    ("3.物联网网关清单", "4.传感网络验收报告"),
    ("5.服务器配置清单",),
    ("多媒体教室设备台账", "智慧教室使用记录"),
    ("传感器点位图",),
    ("监控点位图", "巡更记录"),
    ("广播系统验收报告",),
    ("校本资源目录",),
    ("数字文献资源采购合同",),
    ("平台应用数据截图",),
    ("录播教室使用记录",),
    ("空间开通统计表",),
    ("创客课程安排表",),
    ("统一认证平台截图",),
    ("综合管理平台截图",),
    ("一卡通使用记录",),
    ("实训室使用登记表",),
    ("实训管理系统截图",),
    ("校企合作系统截图",),
    ("合作项目台账",),
    ("数据编码规范",),
    ("数据库说明",),
    ("数据平台说明",),
    ("决策分析报告",),
    ("年度质量报告",),
    ("综合素质评价报告",),
    ("领导小组文件", "会议纪要"),
    ("专家委员会名单",),
    ("部门设置文件",),
    ("管理制度汇编",),
    ("建设规划", "实施方案"),
    ("年度预算表",),
    ("应急预案", "值守记录"),
    ("数据备份记录",),
    ("示范项目批文",),
)


def _lines(content: Content) -> str | None:
    """What a reader records for a cell: its non-empty lines, trimmed, joined by "\\n"."""
    lines: list[str] = []
    for p in content:
        assert isinstance(p, Para)
        text = "".join(r for r in p.runs if isinstance(r, str))
        lines.extend(line.strip(" \u3000\t") for line in text.split("\n"))
    kept = [line for line in lines if line]
    return "\n".join(kept) if kept else None


@dataclass
class ItemsReturn:
    """A filled 建设情况表: per item the 建设情况 and 支撑材料清单 cells as the school left them.

    What a reader records is the cell's typed lines; `expected` overrides that where the cell
    still holds the bureau's printed hint ("1." "2." "……"), which nobody records as material.
    """

    status: dict[int, Content]
    materials: dict[int, Content]
    expected: dict[str, Any] = field(default_factory=dict)

    def record(self) -> dict[str, Any]:
        want: dict[str, Any] = {}
        for n in range(1, 36):
            want[f"n{n}_status"] = _lines(self.status.get(n, []))
            want[f"n{n}_materials"] = _lines(self.materials.get(n, []))
        unknown = set(self.expected) - set(want)
        if unknown:
            raise KeyError(f"unknown fields {sorted(unknown)}")
        want.update(self.expected)
        return want


def items_rows(items: tuple[str, ...], categories: tuple[tuple[str, int], ...],
               filled: ItemsReturn, repeat_header: bool = False) -> list[Row]:
    """The bureau's 建设情况表: header, then one row per item under its category cell."""
    starts = {first: name for name, first in categories}
    rows = [Row([label(text) for text in HEADER], 0.9, header=repeat_header)]
    for n, text in enumerate(items, start=1):
        first: Cell | str = category(starts[n]) if n in starts else CONTINUE
        rows.append(Row([
            first,
            Cell(paras(text), label=True),  # printed in the label font, left-aligned
            value(filled.status.get(n) or None),
            value(filled.materials.get(n) or None),
        ]))
    return rows


def _cells(texts: tuple[str, ...]) -> dict[int, Content]:
    return {n: paras(text) for n, text in enumerate(texts, start=1)}


def _cell_lists(lists: tuple[tuple[str, ...], ...]) -> dict[int, Content]:
    return {n: paras(*lines) for n, lines in enumerate(lists, start=1)}


def _guidance(n: int) -> Content:
    return paras(*GUIDANCE[n])


def items_cases(form: str, sheet_items: tuple[str, ...],
                categories: tuple[tuple[str, int], ...], status_texts: tuple[str, ...],
                material_lists: tuple[tuple[str, ...], ...], numbered: dict[int, str],
                repeat_header: bool) -> list[Case]:
    """The five returns of one 建设情况表 (3-2 or 3-3); `numbered` holds number-led texts."""
    out: list[Case] = []

    def add(name: str, filled: ItemsReturn, *, status: str = "ok",
            problems: tuple[tuple[str, str], ...] = (), day: int = 15,
            editor: str = "Administrator") -> None:
        rows = items_rows(sheet_items, categories, filled, repeat_header)
        out.append(Case(form, name, rows, filled.record(), status, list(problems), day, editor))

    # 1. Every item filled the ordinary way; the first three materials numbered on from the
    #    printed hint ("1. 2." / "3. 4." / "……" overwritten).
    add("original-attachment",
        ItemsReturn(_cells(status_texts), _cell_lists(material_lists)), day=12)

    # 2. The printed hint left untouched in the first three 支撑材料清单 cells: nothing written.
    materials = _cell_lists(material_lists)
    for n in GUIDANCE:
        materials[n] = _guidance(n)
    add("guidance-left-in-place",
        ItemsReturn(_cells(status_texts), materials,
                    expected={f"n{n}_materials": None for n in GUIDANCE}), day=13)

    # 3. 建设情况 texts that start with a number ("3台网关…", "35间教室…"), and materials
    #    that start with one too.
    status = _cells(status_texts)
    for n, text in numbered.items():
        status[n] = paras(text)
    materials = _cell_lists(material_lists)
    materials[4] = paras("48张教室照片", "2021年设备验收报告")
    materials[29] = paras("3份会议纪要")
    add("status-starts-with-number", ItemsReturn(status, materials), day=16)

    # 4. Materials lists over several paragraphs: an empty paragraph between, line breaks
    #    inside one paragraph, indents and trailing spaces, a printed "2." left after the
    #    school's "1." line, empty paragraphs at the end; one 建设情况 in two paragraphs.
    status = _cells(status_texts)
    status[16] = paras(status_texts[15], "2021年9月起全校统一使用。")
    materials = _cell_lists(material_lists)
    first = material_lists[0][0]
    materials[1] = paras(first, "2.")
    materials[2] = paras(*material_lists[1], "5.网关配置说明")
    materials[3] = paras("6.服务器配置清单", "", "7.存储扩容验收单")
    materials[4] = paras("\n".join(material_lists[3] + ("录播系统使用记录",)))
    materials[6] = paras(f"\u3000\u3000{material_lists[5][0]}", f"{material_lists[5][1]}  ",
                         "报警系统测试记录")
    materials[7] = paras("1.优课获奖证书（12份）", "2.校本资源目录", "3.资源平台截图")
    materials[26] = paras(*material_lists[25], "", "")
    materials[33] = paras("（1）网络安全管理办法", "（2）网络安全应急预案", "（3）值班值守记录")
    add("multi-paragraph-materials",
        ItemsReturn(status, materials,
                    expected={"n1_materials": first}),  # the printed "2." is no material
        day=19, editor="信息中心")

    # 5. Some items left empty (建设情况 is required), one with materials but no 建设情况;
    #    the "……" hint in row 3 left in place.
    status = _cells(status_texts)
    materials = _cell_lists(material_lists)
    for n in (12, 24, 35):
        status[n] = paras("")
        materials[n] = paras("")
    status[15] = paras("")
    materials[3] = _guidance(3)
    add("items-left-empty",
        ItemsReturn(status, materials, expected={"n3_materials": None}),
        status="incomplete",
        problems=tuple((f"n{n}_status", "required") for n in (12, 15, 24, 35)), day=20)
    return out


K12_NUMBERED = {
    1: "1460个有线信息点，为师生总数的1.3倍；骨干万兆，出口带宽1000M，无线AP 86个全覆盖。",
    2: "3台接入网关、2台传感网关已部署，设施设备状态信息经校园网传输到管理平台。",
    3: "4台服务器，资源冗余约35%，人均存储容量约6.8GB。",
    4: "35间教室配备86英寸交互式一体机，占教室总数的100%；智慧教室5间，占14%。",
    5: "120个传感器覆盖实验室、危化品室和食堂，人员车辆进出由道闸采集。",
    6: "168个高清摄像头，断电可工作8小时，录像保存30天。",
    26: "4名专职信息技术人员，各学科组设信息化执行小组。",
    32: "2次专题培训/学期，2021年参训教师共520人次。",
    33: "24小时值班值守记录完整，网络安全应急预案已印发。",
}
VOCATIONAL_NUMBERED = {
    1: "2300个有线信息点，为师生总数的1.4倍；骨干万兆，出口带宽2000M，无线AP 152个。",
    2: "4台接入网关、2台传感网关已部署，设备状态数据实时上传。",
    3: "6台服务器，资源冗余约40%，人均存储容量约12GB。",
    4: "35间教室为智慧教室，多媒体教室86间，占教室总数的100%。",
    6: "312个高清摄像头，断电可工作6小时以上，录像保存90天。",
    13: "6门创客课程，建有创客空间2个。",
    17: "18间数字化技能教室、6间虚拟仿真实训室，常态化使用。",
    29: "5名专职人员，信息中心为职能部门。",
    33: "24小时值守，建有网络安全态势感知平台。",
}


def all_cases() -> list[Case]:
    return [
        *map(self_case, SELF_CASES),
        *items_cases(K12, K12_ITEMS, K12_CATEGORIES, K12_STATUS, K12_MATERIALS, K12_NUMBERED,
                     repeat_header=False),
        *items_cases(VOCATIONAL, VOCATIONAL_ITEMS, VOCATIONAL_CATEGORIES, VOCATIONAL_STATUS,
                     VOCATIONAL_MATERIALS, VOCATIONAL_NUMBERED, repeat_header=True),
    ]


SHEETS = {SELF: SELF_SHEET, K12: K12_SHEET, VOCATIONAL: VOCATIONAL_SHEET}


def cases() -> Iterator[tuple[str, str, bytes, dict[str, Any]]]:
    """Every case: (form, name, the .docx, the expected record)."""
    for case in all_cases():
        data = build_docx(SHEETS[case.form], case.rows, dt.datetime(2021, 6, case.day, 16, 40),
                          case.editor)
        yield case.form, case.name, data, case.expected_record()


def main(argv: Sequence[str] | None = None) -> None:
    write_corpus(Path(__file__).resolve().parent, cases(), argv)


if __name__ == "__main__":
    main()
