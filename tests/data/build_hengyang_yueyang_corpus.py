"""Build the 衡阳 申请表 and 岳阳 计划任务书 return corpora: bureaus' blanks, filled by schools.

Schools do not send back tidy copies of what tianbiao generated. They fill the ORIGINAL
attachment of the notice, a Word file made by the bureau with its own widths, fonts and
spacing and no tianbiao properties, retype labels and write values every way:

- seed 002 附件2 《2018年衡阳市教育信息化试点项目申请表》: one table as the seed prints it
  (负责人 and 联系人 rows in the same table, an empty 申报类别 cell, three opinion cells each
  holding its label, two empty lines, "负责人：  盖章：" and "年   月   日");
- seed 001 附件2 《岳阳市教育信息化试点项目计划任务书》: a cover with the title on two lines
  ("岳阳市教育信息化试点项目" / "计 划 任 务 书") and letter-spaced labels
  ("单  位  名  称 ："), one plan page the school copies once per year (a diagonal
  "年份/项目" header cell, the year only in the heading "（2021年）" and the plan table), a
  budget table whose 经费总数 label and value span two rows with 上级部门配套经费 and 自筹经费
  values under their headers, three printed detail rows, and the 甲乙丙 signature block as
  plain paragraphs.

Where our definitions print a different layout for engine reasons, the schools here still
have the seed's layout: that is the point of the corpus.

The bureaus and the schools are played by this script, with the corpus kit (tests/corpuskit)
and never with tianbiao's own code. The .json beside each .docx is the record a reader of the
file writes down, the 经费预算明细 of each year under "rows".

    .venv/bin/python tests/data/build_hengyang_yueyang_corpus.py [output folder]
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for the corpus kit
from corpuskit.cells import Block, Cell, Row, Table, label, value
from corpuskit.content import Para, Run, paras
from corpuskit.corpus import check_unique, output_folder, record, write_case
from corpuskit.documents import file_bytes, new_document
from corpuskit.tables import add_blocks
from corpuskit.wordml import Hand, Spacing

HERE = Path(__file__).resolve().parent
HY_FORM = "hengyang-2018-application"
YY_FORM = "yueyang-2020-taskbook"
# The bureaus' Word: Times New Roman for western text beside the Chinese font, 1.25 lines,
# nothing before or after a paragraph.
HAND = Hand(font_slots=("ascii", "hAnsi", "eastAsia"), latin_font="Times New Roman",
            spacing=Spacing(300))


def cont(span: int = 1) -> Cell:
    """The lower part of a vertically merged cell."""
    return Cell([], span=span, vmerge="continue")


def build_docx(blocks: list[Block], *, margins: tuple[float, float, float, float],
               body_font: str, body_size: float, author: str, created: dt.datetime,
               modified: dt.datetime) -> bytes:
    """Return the .docx bytes of `blocks` on A4 with the bureau's margins (top, bottom, l, r)."""
    doc = new_document(body_font, body_size, margins, latin_font="Times New Roman")
    add_blocks(doc, blocks, body_font, body_size, HAND)
    stamp = (modified.year, modified.month, modified.day, modified.hour, modified.minute, 0)
    return file_bytes(doc, stamp=stamp, author=author, created=created, modified=modified,
                      last_printed=created)


@dataclass
class Case:
    """One returned file and the record a person reading it writes down."""

    form: str
    name: str
    blocks: list[Block]
    fields: dict[str, Any]
    rows: dict[str, list[dict[str, Any]]] | None = None
    status: str = "ok"
    problems: list[tuple[str, str]] = field(default_factory=list)
    day: int = 10

    def expected_record(self, field_ids: tuple[str, ...]) -> dict[str, Any]:
        return record(self.form, self.fields, field_ids=field_ids, status=self.status,
                      problems=self.problems, rows=self.rows)


# ================================================================ 衡阳 申请表 (seed 002 附件2)

HY_TITLE = "2018年衡阳市教育信息化试点项目申请表"
HY_FIELDS = (
    "applicant", "category", "project", "leader", "leader_phone", "contact", "contact_phone",
    "plan_points", "unit_opinion", "unit_signer", "unit_date", "county_opinion",
    "county_signer", "county_date", "city_opinion", "city_signer", "city_date",
)
# The bureau's own widths (cm) and fonts, not our definition's (3.0, 4.8, 2.8, 5.0).
HY_WIDTHS = (2.9, 5.1, 2.6, 5.0)
HY_LABEL_FONT, HY_VALUE_FONT, HY_SIZE = "仿宋_GB2312", "仿宋_GB2312", 14
NARROW_SIGNER = "负责人：           盖章："
WIDE_SIGNER = "负责人：" + " " * 43 + "盖章："
NARROW_DATE = " " * 17 + "年   月   日"
WIDE_DATE = " " * 49 + "年   月   日"
HY_LABELS = {
    "applicant": "申报单位：",
    "category": "申报类别： ",
    "project": "项目名称：",
    "leader": "负责人",
    "leader_phone": "手机号码",
    "contact": "联系人",
    "contact_phone": "手机号码",
    "plan_points": "试点实施方案要点（可另附页）：",
    "unit": "单位意见：",
    "county": "县市区教育局意见：",
    "city": "市教育局意见：",
}


@dataclass
class Opinion:
    """An opinion cell as filled: text lines, the signer and date lines (None = as printed)."""

    text: list[str] = field(default_factory=list)
    signer_line: str | None = None
    date_line: str | None = None
    inline: bool = False  # the first text line typed right after the label's colon


def signer(name: str) -> str:
    """The printed signer line with a name typed after 负责人："""
    return f"负责人：{name}" + " " * max(3, 11 - 2 * len(name)) + "盖章："


def opinion_cell(printed: str, op: Opinion, wide: bool, span: int) -> Cell:
    text = list(op.text)
    if op.inline and text:
        first = [Para([printed + text.pop(0)])]
    else:
        first = [Para([printed])]
    body = [Para([line]) for line in text]
    body += paras(*[""] * (1 if op.text else 2))
    printed_signer = WIDE_SIGNER if wide else NARROW_SIGNER
    printed_date = WIDE_DATE if wide else NARROW_DATE
    tail = [Para([op.signer_line or printed_signer]), Para([op.date_line or printed_date])]
    return Cell([*first, *body, *tail], span=span, valign="top")


def hy_blocks(v: dict[str, Any], labels: dict[str, str] | None = None) -> list[Block]:
    """The bureau's attachment: 附件2, the title and one table, filled as `v` says."""
    lb = {**HY_LABELS, **(labels or {})}
    plan = [Para([lb["plan_points"]])] + (
        [Para([line], first_line=0.99) for line in v["plan_points"]]
        if v.get("plan_points") else paras("", "", ""))
    rows = [
        Row([label(lb["applicant"]), value(v.get("applicant"), span=3)], 1.1),
        Row([label(lb["category"]), value(v.get("category"), span=3)], 1.1),
        Row([label(lb["project"]), value(v.get("project"), span=3)], 1.1),
        Row([label(lb["leader"]), value(v.get("leader")), label(lb["leader_phone"]),
             value(v.get("leader_phone"))], 1.1),
        Row([label(lb["contact"]), value(v.get("contact")), label(lb["contact_phone"]),
             value(v.get("contact_phone"))], 1.1),
        Row([Cell(plan, span=4, valign="top")], 5.6),
        Row([opinion_cell(lb["unit"], v.get("unit", Opinion()), False, 2),
             opinion_cell(lb["county"], v.get("county", Opinion()), False, 2)], 4.2),
        Row([opinion_cell(lb["city"], v.get("city", Opinion()), True, 4)], 4.2),
    ]
    return [
        Para(["附件2"], font="黑体", size=16),
        Para([HY_TITLE], align="center", font="方正小标宋简体", size=20, line=360),
        Para([""]),
        Table(HY_WIDTHS, rows, HY_LABEL_FONT, HY_VALUE_FONT, HY_SIZE),
        Para([""]),  # Word always keeps a paragraph after a table that ends the document
    ]


def hy_expected(v: dict[str, Any], category: str | None, leader_phone: str | None,
                contact_phone: str | None, unit: tuple[str | None, str | None, str | None],
                county: tuple[str | None, str | None, str | None] = (None, None, None),
                **more: Any) -> dict[str, Any]:
    out = {
        "applicant": v.get("applicant"),
        "category": category,
        "project": v.get("project"),
        "leader": v.get("leader"),
        "leader_phone": leader_phone,
        "contact": v.get("contact"),
        "contact_phone": contact_phone,
        "plan_points": "\n".join(v["plan_points"]) if v.get("plan_points") else None,
        "unit_opinion": unit[0], "unit_signer": unit[1], "unit_date": unit[2],
        "county_opinion": county[0], "county_signer": county[1], "county_date": county[2],
        "city_opinion": None, "city_signer": None, "city_date": None,
    }
    out.update(more)
    return out


def hengyang_cases() -> list[Case]:
    out: list[Case] = []

    def add(name: str, v: dict[str, Any], expected: dict[str, Any], day: int,
            labels: dict[str, str] | None = None, **kw: Any) -> None:
        out.append(Case(HY_FORM, name, hy_blocks(v, labels), expected, day=day, **kw))

    # 1. The blank as the bureau sent it, filled plainly: the category copied from the
    #    notice with its circled number, the date typed into the printed gaps.
    v = {
        "applicant": "衡阳县演陂镇中心学校",
        "category": "①网络联校创新应用",
        "project": "演陂镇中心学校网络联校“专递课堂”常态化应用",
        "leader": "肖卫东",
        "leader_phone": "13974712358",
        "contact": "彭丽",
        "contact_phone": "13873456781",
        "plan_points": [
            "1．试点目标：以中心学校为主讲学校，带动6个村小教学点开齐开足音乐、美术、英语课程。",
            "2．主要内容：建设主讲课堂1间、听课课堂6间，开展“专递课堂”常态化教学和联片教研。",
            "3．实施步骤：2018年10月完成设备安装调试，11月起全面开课，2019年7月总结验收。",
        ],
        "unit": Opinion(["同意申报。"], date_line=" " * 13 + "2018年 9 月 10 日"),
    }
    add("original-attachment", v,
        hy_expected(v, "网络联校创新应用", "13974712358", "13873456781",
                    ("同意申报。", None, "2018-09-10")), day=10)

    # 2. The school typed the four options of the notice into the cell and ticked one with √.
    v = {
        "applicant": "耒阳市正源学校",
        "category": "①网络联校创新应用  √②区域智慧教育  ③教育网络安全  ④人工数字智能教室",
        "project": "正源学校智慧校园与区域资源共享应用",
        "leader": "资建新",
        "leader_phone": "13786421109",
        "contact": "谷晓玲",
        "contact_phone": "18907345562",
        "plan_points": [
            "一、目标：建成覆盖全校86个教学班的智慧校园平台，接入耒阳市教育资源公共服务平台。",
            "二、内容：智慧课堂、电子班牌、学生综合素质评价三个子系统。",
            "三、期限：2018年10月至2019年12月。",
        ],
        "unit": Opinion(["同意申报，学校配套经费50万元。"], signer_line=signer("伍国强"),
                        date_line=" " * 17 + "2018年9月11日"),
    }
    add("category-ticked-with-check", v,
        hy_expected(v, "区域智慧教育", "13786421109", "18907345562",
                    ("同意申报，学校配套经费50万元。", "伍国强", "2018-09-11")), day=11)

    # 3. The school drew its own boxes, two options a line, and marked one ☑.
    v = {
        "applicant": "常宁市第一中学",
        "category": paras("□①网络联校创新应用      □②区域智慧教育",
                          "☑③教育网络安全          □④人工数字智能教室"),
        "project": "常宁一中校园网络安全等级保护建设",
        "leader": "李卫华",
        "leader_phone": "13907347781",
        "contact": "欧阳明",
        "contact_phone": "15173421906",
        "plan_points": [
            "按网络安全等级保护2.0二级要求，完成校园网边界防护、上网行为管理和日志审计建设；",
            "建立网络安全管理制度和应急预案，每学期开展一次网络安全演练。",
        ],
        "unit": Opinion(["同意。"], date_line=" " * 17 + "2018年9月12日"),
    }
    add("category-boxes-ticked", v,
        hy_expected(v, "教育网络安全", "13907347781", "15173421906",
                    ("同意。", None, "2018-09-12")), day=12)

    # 4. The county's copy listed all four options; the school deleted the others and left
    #    "②区域智慧教育；" with the notice's semicolon.
    v = {
        "applicant": "衡南县教育局",
        "category": "②区域智慧教育；",
        "project": "衡南县区域智慧教育云平台建设与应用",
        "leader": "谢振华",
        "leader_phone": "13607346615",
        "contact": "王小兵",
        "contact_phone": "13975401287",
        "plan_points": [
            "依托衡南县教育城域网，建设县级智慧教育云平台，统一汇聚全县中小学课程资源和教学数据；",
            "2018年在县城6所学校先行试点，2019年推广到全县中心学校。",
        ],
        "unit": Opinion(["同意申报。"], signer_line=signer("谢振华"),
                        date_line=" " * 17 + "2018年9月13日"),
    }
    add("category-by-deleting-others", v,
        hy_expected(v, "区域智慧教育", "13607346615", "13975401287",
                    ("同意申报。", "谢振华", "2018-09-13")), day=13)

    # 5. The category in words, without the circled number.
    v = {
        "applicant": "衡阳市雁峰区教育局",
        "category": "区域智慧教育",
        "project": "雁峰区“智慧课堂”区域推进",
        "leader": "曹丽君",
        "leader_phone": "13873422015",
        "contact": "贺敏",
        "contact_phone": "13327346120",
        "plan_points": [
            "在区属12所中小学推广智慧课堂教学模式，建设区级课堂教学大数据分析平台。",
        ],
        "unit": Opinion(["同意申报。"], date_line=" " * 17 + "2018年9月10日"),
    }
    add("category-in-words", v,
        hy_expected(v, "区域智慧教育", "13873422015", "13327346120",
                    ("同意申报。", None, "2018-09-10")), day=10)

    # 5b. Only the circled number of the notice's list.
    v = {
        "applicant": "祁东县育贤中学",
        "category": "②",
        "project": "育贤中学智慧课堂区域共享应用",
        "leader": "陈国良",
        "leader_phone": "13974792206",
        "contact": "唐小梅",
        "contact_phone": "13787345502",
        "plan_points": [
            "建设智慧课堂教室8间，与祁东县城区4所初中共享优质课堂资源。",
        ],
        "unit": Opinion(["同意申报。"], date_line=" " * 17 + "2018年9月11日"),
    }
    add("category-number-only", v,
        hy_expected(v, "区域智慧教育", "13974792206", "13787345502",
                    ("同意申报。", None, "2018-09-11")), day=11)

    # 6. Phone numbers written as people write them: grouped mobile, landline with area code.
    v = {
        "applicant": "衡山县开云镇中心学校",
        "category": "④人工数字智能教室",
        "project": "开云镇中心学校人工数字智能教室建设",
        "leader": "旷志军",
        "leader_phone": "139 0734 1234",
        "contact": "刘芳",
        "contact_phone": "0734-5822133",
        "plan_points": [
            "建设人工数字智能教室2间，配备智能录播、学情分析和AI助教系统，服务全镇初中部12个班。",
        ],
        "unit": Opinion(["同意申报。"], date_line=" " * 17 + "2018年9月14日"),
    }
    add("phones-written-every-way", v,
        hy_expected(v, "人工数字智能教室", "13907341234", "07345822133",
                    ("同意申报。", None, "2018-09-14")), day=14)

    # 7. Both narrow opinion cells filled: text, signer typed after 负责人：, dates written
    #    in full and in Chinese numerals; the unit's text typed right after its label.
    v = {
        "applicant": "衡阳市蒸湘区实验小学",
        "category": "①网络联校创新应用",
        "project": "蒸湘区实验小学城乡网络联校",
        "leader": "刘志红",
        "leader_phone": "13874756630",
        "contact": "邓丽萍",
        "contact_phone": "13107347789",
        "plan_points": [
            "与雨母山乡3所村小结对，建设同步课堂，开展城乡学校同步教学和集体备课。",
            "试点期限：2018年10月至2020年6月。",
        ],
        "unit": Opinion(["同意申报，学校保障试点所需经费和人员。"], signer_line=signer("刘志红"),
                        date_line=" " * 13 + "2018年9月10日", inline=True),
        "county": Opinion(["经初审，该校具备试点条件，同意推荐。"], signer_line=signer("曹建华"),
                          date_line=" " * 11 + "二〇一八年九月十四日"),
    }
    add("opinions-with-signer-and-date", v,
        hy_expected(v, "网络联校创新应用", "13874756630", "13107347789",
                    ("同意申报，学校保障试点所需经费和人员。", "刘志红", "2018-09-10"),
                    ("经初审，该校具备试点条件，同意推荐。", "曹建华", "2018-09-14")), day=14)

    # 8. Labels retyped with spaces between the characters.
    v = {
        "applicant": "南岳区南岳完全小学",
        "category": "③教育网络安全",
        "project": "南岳完全小学校园网络安全防护",
        "leader": "王建军",
        "leader_phone": "13627348890",
        "contact": "周艳",
        "contact_phone": "13762403315",
        "plan_points": [
            "完成校园网出口防火墙、无线网络实名认证和终端防病毒部署，建立网络安全值班制度。",
        ],
        "unit": Opinion(["同意申报。"], date_line=" " * 17 + "2018年9月12日"),
    }
    add("label-spaced", v,
        hy_expected(v, "教育网络安全", "13627348890", "13762403315",
                    ("同意申报。", None, "2018-09-12")), day=12,
        labels={"applicant": "申 报 单 位：", "category": "申 报 类 别：",
                "project": "项 目 名 称：", "leader": "负 责 人", "leader_phone": "手 机 号 码",
                "contact": "联  系  人", "contact_phone": "手 机 号 码",
                "unit": "单 位 意 见："})

    # 8b. The labels end with a colon, so the school typed each value right after it, in the
    #     label cell, and left the value cell to its right empty.
    v = {
        "applicant": None,
        "category": None,
        "project": None,
        "leader": "刘晓燕",
        "leader_phone": "13975417723",
        "contact": "朱琳",
        "contact_phone": "13017341185",
        "plan_points": [
            "建设人工数字智能教室1间，开展人工智能启蒙课程和编程社团活动，每周不少于6课时。",
        ],
        "unit": Opinion(["同意申报。"], date_line=" " * 17 + "2018年9月12日"),
    }
    typed = {"applicant": "衡阳市珠晖区东阳渡实验小学", "category": "④人工数字智能教室",
             "project": "东阳渡实验小学人工智能启蒙教育"}
    add("label-and-value-in-one-cell", v,
        hy_expected({**v, **typed}, "人工数字智能教室", "13975417723", "13017341185",
                    ("同意申报。", None, "2018-09-12")), day=12,
        labels={key: HY_LABELS[key] + text for key, text in typed.items()})

    # 9. Required blanks left empty: no contact person, no plan points.
    v = {
        "applicant": "衡阳县樟树乡中心学校",
        "category": "①网络联校创新应用",
        "project": "樟树乡中心学校网络联校教学点帮扶",
        "leader": "罗建平",
        "leader_phone": "13574711026",
        "unit": Opinion(["同意申报。"], date_line=" " * 17 + "2018年9月15日"),
    }
    add("empty-required", v,
        hy_expected(v, "网络联校创新应用", "13574711026", None,
                    ("同意申报。", None, "2018-09-15")), day=15,
        status="incomplete",
        problems=[("contact", "required"), ("contact_phone", "required"),
                  ("plan_points", "required")])
    return out


# ================================================================ 岳阳 计划任务书 (seed 001 附件2)

YEARS = (2021, 2022, 2023)
YY_FIELDS = (
    "unit", "project", "leader", "phone",
    *(f"plan_{y}_{part}" for y in YEARS for part in ("content", "results", "measures")),
    *(f"{kind}_{y}" for y in YEARS for kind in ("total", "superior", "own")),
    "party_a", "party_a_signer", "party_a_date", "party_b", "party_b_signer", "party_b_date",
    "party_c_signer", "party_c_date",
)
YY_BODY_FONT, YY_TABLE_FONT, YY_SIZE = "仿宋_GB2312", "仿宋_GB2312", 12
# 公文 margins (top, bottom, left, right) and the bureau's own widths.
YY_MARGINS = (3.7, 3.5, 2.8, 2.6)
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
        Table(PLAN_WIDTHS, plan_rows, YY_TABLE_FONT, YY_TABLE_FONT, YY_SIZE),
        Para([PLAN_NOTE], size=10.5),
        Para([""]),
        Para([f"二、教育信息化试点项目建设经费预算表（{page.year_heading}）"], font="黑体",
             size=14, line=400),
        Table(BUDGET_WIDTHS, budget_rows, YY_TABLE_FONT, YY_TABLE_FONT, YY_SIZE),
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


def standard_pages(plans: dict[int, tuple[list[str], list[str], list[str]]],
                   money: dict[int, tuple[str, str, str, float, float, float]],
                   budgets: dict[int, list[Budget]]) -> list[YearPage]:
    pages = []
    for year in YEARS:
        content, results, measures = plans[year]
        total, superior, own, *expected = money[year]
        pages.append(YearPage(f"{year}年", f"{year}年", content, results, measures,
                              total, superior, own, budgets[year],
                              (expected[0], expected[1], expected[2])))
    return pages


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


def yueyang_cases() -> list[Case]:
    out: list[Case] = []

    def add(name: str, cover_blocks: list[Block], pages: list[YearPage], sig: Signature,
            fields_rows: tuple[dict[str, Any], dict[str, Any]], day: int, **kw: Any) -> None:
        fields, rows = fields_rows
        out.append(Case(YY_FORM, name, yy_blocks(cover_blocks, pages, sig), fields, rows,
                        day=day, **kw))

    # 1. The bureau's attachment as sent: the school typed over the cover's underlines, copied
    #    the plan page three times, wrote each year into the heading and the year cell, and
    #    filled the budget tables; the county signed 乙方, the project leader 丙方.
    unit, project, leader = "汨罗市正则学校", "智慧教育实践与探究", "何发意"
    plans = {
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
    }
    money = {2021: ("30", "20", "10", 30, 20, 10), 2022: ("25", "15", "10", 25, 15, 10),
             2023: ("20", "10", "10", 20, 10, 10)}
    budgets = {
        2021: [Budget("智慧课堂环境建设", "交互式大屏24台、学生平板120台及无线网络改造",
                      "2021年3月-2021年8月", "2021-03/2021-08", "22", 22),
               Budget("校本资源库建设", "资源平台部署、三科同步资源开发", "2021年9月-2021年12月",
                      "2021-09/2021-12", "8", 8)],
        2022: [Budget("智慧课堂推广", "新增交互式大屏24台", "2022年2月-2022年8月",
                      "2022-02/2022-08", "15", 15),
               Budget("综合素质评价系统", "系统采购与数据对接", "2022年9月-2022年12月",
                      "2022-09/2022-12", "6", 6),
               Budget("教师培训", "信息素养提升培训4期", "2022年3月-2022年11月",
                      "2022-03/2022-11", "4", 4)],
        2023: [Budget("成果推广", "结对学校同步课堂设备3套", "2023年3月-2023年9月",
                      "2023-03/2023-09", "15", 15),
               Budget("运行维护", "平台续费与设备维保", "2023年1月-2023年12月",
                      "2023-01/2023-12", "5", 5)],
    }
    pages = standard_pages(plans, money, budgets)
    sig = Signature(party_b="汨罗市教育局", party_b_signer="周文华",
                    party_b_date="2021年1月16日", unit_c="汨罗市正则学校",
                    party_c_signer="何发意", party_c_date="2021年1月15日")
    add("original-attachment", cover(unit_lines(unit), project, leader, "13907301568"),
        pages, sig,
        yy_expected(unit, project, leader, "13907301568", pages, sig,
                    party_b_date="2021-01-16", party_c_date="2021-01-15"), day=16)

    # 2. 万元 blanks written in capital numerals and in 元.
    unit, leader = "湘阴县第四中学", "刘竞波"
    project = "“互联网＋”理念下农村高中教师研训共同体建设和平战融合教学模式的创新与实践"
    plans = generic_plans("教师研训共同体", ("网络研修平台和录播教室1间", "平战融合教学资源库",
                                         "研训共同体运行机制"))
    money = {2021: ("伍拾万元", "贰拾万元", "叁拾万元整", 50, 20, 30),
             2022: ("400000元", "250000元", "150000元", 40, 25, 15),
             2023: ("叁拾万元", "壹拾伍万元", "壹拾伍万元整", 30, 15, 15)}
    budgets = {
        2021: [Budget("录播教室建设", "全自动录播系统1套及教室改造", "2021年3月-2021年7月",
                      "2021-03/2021-07", "叁拾伍万元", 35),
               Budget("网络研修平台", "平台采购与部署", "2021年9月-2021年12月",
                      "2021-09/2021-12", "壹拾伍万元", 15)],
        2022: [Budget("平战融合资源库", "高中九科资源采购与校本资源开发", "2022年3月-2022年12月",
                      "2022-03/2022-12", "300000元", 30),
               Budget("教师研训活动", "联片教研与专家指导", "2022年3月-2022年12月",
                      "2022-03/2022-12", "100000元", 10)],
        2023: [Budget("研训共同体运行", "共同体成员学校研修与成果评选", "2023年2月-2023年12月",
                      "2023-02/2023-12", "贰拾万元", 20),
               Budget("成果推广", "成果汇编与推广会", "2023年9月-2023年12月",
                      "2023-09/2023-12", "拾万元", 10)],
    }
    pages = standard_pages(plans, money, budgets)
    sig = Signature(unit_c="湘阴县第四中学", party_c_signer="刘竞波",
                    party_c_date="2021年1月14日")
    add("budget-in-yuan-words", cover(unit_lines(unit), project, leader, "0730-2221368"),
        pages, sig,
        yy_expected(unit, project, leader, "07302221368", pages, sig,
                    party_c_date="2021-01-14"), day=14)

    # 3. More detail rows than the three printed (Word's "insert row below").
    unit, project, leader = "岳阳市第十八中学", "学校管理信息化系统建设", "陈岳平"
    plans = generic_plans("学校管理信息化系统", ("教务、德育、后勤三个管理子系统",
                                             "家校互通和数据分析模块", "管理信息化系统"))
    money = {2021: ("46", "30", "16", 46, 30, 16), 2022: ("28", "18", "10", 28, 18, 10),
             2023: ("15", "8", "7", 15, 8, 7)}
    budgets = {
        2021: [Budget("数据中心建设", "服务器2台、存储1套、机房改造", "2021年3月-2021年5月",
                      "2021-03/2021-05", "18", 18),
               Budget("教务管理子系统", "排课、选课、成绩管理", "2021年4月-2021年7月",
                      "2021-04/2021-07", "9", 9),
               Budget("德育管理子系统", "班级量化考核、学生操行记录", "2021年6月-2021年9月",
                      "2021-06/2021-09", "7", 7),
               Budget("后勤管理子系统", "资产、报修、食堂管理", "2021年8月-2021年11月",
                      "2021-08/2021-11", "7", 7),
               Budget("统一身份认证", "单点登录与数据中台对接", "2021年10月-2021年12月",
                      "2021-10/2021-12", "5", 5)],
        2022: [Budget("家校互通模块", "通知、请假、成绩推送", "2022年2月-2022年5月",
                      "2022-02/2022-05", "8", 8),
               Budget("数据分析模块", "学业质量与教学过程分析", "2022年4月-2022年9月",
                      "2022-04/2022-09", "12", 12),
               Budget("移动端应用", "教师、家长手机端", "2022年6月-2022年10月",
                      "2022-06/2022-10", "5", 5),
               Budget("培训与推广", "全员培训4次", "2022年3月-2022年12月",
                      "2022-03/2022-12", "3", 3)],
        2023: [Budget("系统完善", "功能迭代与安全等级保护测评", "2023年3月-2023年8月",
                      "2023-03/2023-08", "10", 10),
               Budget("运行维护", "服务器与软件维保", "2023年1月-2023年12月",
                      "2023-01/2023-12", "5", 5)],
    }
    pages = standard_pages(plans, money, budgets)
    sig = Signature(unit_c="岳阳市第十八中学", party_c_signer="陈岳平",
                    party_c_date="2021年1月12日")
    add("budget-rows-added", cover(unit_lines(unit), project, leader, "0730-8223456"),
        pages, sig,
        yy_expected(unit, project, leader, "07308223456", pages, sig,
                    party_c_date="2021-01-12"), day=12)

    # 4. 起止时间 written every way.
    unit, project, leader = "平江县桂花学校", "家校共育共同体建设创新与实践", "黄远来"
    plans = generic_plans("家校共育共同体", ("家校共育平台", "家长学校网络课程",
                                         "家校共育评价机制"))
    money = {2021: ("20", "12", "8", 20, 12, 8), 2022: ("18", "10", "8", 18, 10, 8),
             2023: ("12", "6", "6", 12, 6, 6)}
    budgets = {
        2021: [Budget("家校共育平台", "平台采购、部署与家长注册", "2021年3月-2021年8月",
                      "2021-03/2021-08", "10", 10),
               Budget("家长课堂录制", "录制家庭教育微课40节", "2021.3—2021.8",
                      "2021-03/2021-08", "6", 6),
               Budget("班级家校群建设", "56个班级群规范管理", "2021年9月至12月",
                      "2021-09/2021-12", "4", 4)],
        2022: [Budget("家长学校网络课程", "课程开发与平台上线", "2022.02-2022.06",
                      "2022-02/2022-06", "10", 10),
               Budget("家访信息化", "家访记录与留守儿童档案系统", "2022年3月1日—2022年6月30日",
                      "2022-03-01/2022-06-30", "5", 5),
               Budget("家校活动", "线上家长会与亲子活动", "2022/9-2022/12",
                      "2022-09/2022-12", "3", 3)],
        2023: [Budget("评价机制", "家校共育评价指标与数据采集", "2023年1月～2023年7月",
                      "2023-01/2023-07", "6", 6),
               Budget("成果推广", "经验交流会与成果汇编", "2023.9~2023.12",
                      "2023-09/2023-12", "4", 4),
               Budget("平台维护", "平台续费", "2023年3月到6月", "2023-03/2023-06", "2", 2)],
    }
    pages = standard_pages(plans, money, budgets)
    sig = Signature(unit_c="平江县桂花学校", party_c_signer="黄远来",
                    party_c_date="2021年1月13日")
    add("period-written-every-way", cover(unit_lines(unit), project, leader, "13807409912"),
        pages, sig,
        yy_expected(unit, project, leader, "13807409912", pages, sig,
                    party_c_date="2021-01-13"), day=13)

    # 5. 经费总数 is not 上级配套 + 自筹 in 2021 (60 ≠ 20 + 30).
    unit, project, leader = "君山区许市镇中学", "智能化课堂、平战融合教学模式探索与实践", "李大航"
    plans = generic_plans("智能化课堂", ("智能化课堂教室4间", "平战融合教学资源平台",
                                     "智能化课堂教学评价体系"))
    money = {2021: ("60", "20", "30", 60, 20, 30), 2022: ("30", "20", "10", 30, 20, 10),
             2023: ("15", "10", "5", 15, 10, 5)}
    budgets = {
        2021: [Budget("智能化课堂教室", "智能黑板、学生终端、录播各4套", "2021年3月-2021年8月",
                      "2021-03/2021-08", "40", 40),
               Budget("网络改造", "校园无线网络全覆盖", "2021年7月-2021年8月",
                      "2021-07/2021-08", "10", 10)],
        2022: [Budget("教学资源平台", "平台建设与资源采购", "2022年3月-2022年9月",
                      "2022-03/2022-09", "25", 25),
               Budget("教师培训", "智能化课堂应用培训", "2022年3月-2022年12月",
                      "2022-03/2022-12", "5", 5)],
        2023: [Budget("评价体系", "课堂教学评价系统", "2023年3月-2023年8月",
                      "2023-03/2023-08", "10", 10),
               Budget("总结推广", "成果汇编与展示活动", "2023年9月-2023年12月",
                      "2023-09/2023-12", "5", 5)],
    }
    pages = standard_pages(plans, money, budgets)
    sig = Signature(party_b="君山区教育局", party_b_signer="方志勇",
                    party_b_date="2021年1月15日", unit_c="君山区许市镇中学",
                    party_c_signer="李大航", party_c_date="2021年1月14日")
    add("wrong-total", cover(unit_lines(unit), project, leader, "15907302286"), pages, sig,
        yy_expected(unit, project, leader, "15907302286", pages, sig,
                    party_b_date="2021-01-15", party_c_date="2021-01-14"),
        day=15, status="invalid", problems=[("total_2021", "sum_mismatch")])

    # 6. Cover labels retyped with ideographic spaces, （盖 章） on the unit's line.
    unit, project, leader = "临湘市第六完全小学", "中小学数字校园建设的探索与实践", "何永祥"
    plans = generic_plans("数字校园", ("校园网络和班班通升级", "数字校园应用平台",
                                   "数字校园应用评价"))
    money = {2021: ("25", "15", "10", 25, 15, 10), 2022: ("20", "12", "8", 20, 12, 8),
             2023: ("10", "5", "5", 10, 5, 5)}
    budgets = {
        2021: [Budget("校园网络升级", "千兆到桌面、无线全覆盖", "2021年3月-2021年8月",
                      "2021-03/2021-08", "15", 15),
               Budget("班班通升级", "更换交互式一体机10台", "2021年7月-2021年8月",
                      "2021-07/2021-08", "10", 10)],
        2022: [Budget("数字校园应用平台", "平台采购与部署", "2022年3月-2022年8月",
                      "2022-03/2022-08", "20", 20)],
        2023: [Budget("应用评价", "评价系统与成果汇编", "2023年3月-2023年12月",
                      "2023-03/2023-12", "10", 10)],
    }
    pages = standard_pages(plans, money, budgets)
    sig = Signature(unit_c="临湘市第六完全小学", party_c_signer="何永祥",
                    party_c_date="2021年1月11日")
    spaced = ("单　位　名　称：", "项　目　名　称：", "项目负责人：", "联　系　电　话：")
    unit_line = [Para([spaced[0], Run(f"    {unit}    ", underline=True), "（盖 章）"],
                      size=16, first_line=1.13, line=480)]
    add("cover-spaced-labels",
        cover(unit_line, project, leader, "13762027730", labels=spaced), pages, sig,
        yy_expected(unit, project, leader, "13762027730", pages, sig,
                    party_c_date="2021-01-11"), day=11)

    # 7. Only 2021 filled in: the 2022 and 2023 pages copied with their year and left empty.
    unit, project, leader = "华容县教师进修学校", "数字校园的建设与应用", "李松华"
    plans = generic_plans("数字校园", ("数字校园基础环境", "", ""))
    pages = [
        YearPage("2021年", "2021年", *plans[2021], "18", "10", "8",
                 [Budget("数字校园基础环境", "网络改造与录播教室1间", "2021年3月-2021年9月",
                         "2021-03/2021-09", "18", 18)], (18, 10, 8)),
        YearPage("2022年", "2022年", [], [], [], None, None, None, [], (None, None, None)),
        YearPage("2023年", "2023年", [], [], [], None, None, None, [], (None, None, None)),
    ]
    sig = Signature(unit_c="华容县教师进修学校", party_c_signer="李松华",
                    party_c_date="2021年1月18日")
    empty = [f"plan_{y}_{part}" for y in (2022, 2023)
             for part in ("content", "results", "measures")] + ["total_2022", "total_2023"]
    add("later-years-left-empty", cover(unit_lines(unit), project, leader, "0730-4221576"),
        pages, sig,
        yy_expected(unit, project, leader, "07304221576", pages, sig,
                    party_c_date="2021-01-18"),
        day=18, status="incomplete", problems=[(key, "required") for key in empty])

    # 8. The year written every way in the heading and the year cell.
    unit, leader = "岳阳县城南小学", "毛华冬"
    project = "数字校园环境下学校智慧教育平台综合应用探索与实践"
    plans = generic_plans("智慧教育平台", ("智慧教育平台基础模块", "智慧教育平台教学应用模块",
                                       "智慧教育平台综合应用"))
    money = {2021: ("22", "12", "10", 22, 12, 10), 2022: ("16", "10", "6", 16, 10, 6),
             2023: ("8", "4", "4", 8, 4, 4)}
    budgets = {
        2021: [Budget("平台基础模块", "统一门户、身份认证、数据中心", "2021年3月-2021年8月",
                      "2021-03/2021-08", "22", 22)],
        2022: [Budget("教学应用模块", "备课、作业、学情分析", "2022年3月-2022年8月",
                      "2022-03/2022-08", "16", 16)],
        2023: [Budget("综合应用", "应用推广与运行维护", "2023年3月-2023年12月",
                      "2023-03/2023-12", "8", 8)],
    }
    written = {2021: ("2021年度", "2021"), 2022: ("2022年度", "2022年度"),
               2023: ("二〇二三年", "二〇二三年")}
    pages = []
    for year in YEARS:
        content, results, measures = plans[year]
        total, superior, own, *expected = money[year]
        pages.append(YearPage(*written[year], content, results, measures, total, superior,
                              own, budgets[year], (expected[0], expected[1], expected[2])))
    sig = Signature(unit_c="岳阳县城南小学", party_c_signer="毛华冬",
                    party_c_date="2021年1月15日")
    add("years-written-every-way", cover(unit_lines(unit), project, leader, "18975012263"),
        pages, sig,
        yy_expected(unit, project, leader, "18975012263", pages, sig,
                    party_c_date="2021-01-15"), day=15)
    return out


# ---------------------------------------------------------------- writing the corpus


@dataclass(frozen=True)
class Bureau:
    """The bureau's blank: page margins (top, bottom, left, right), body font, its author."""

    margins: tuple[float, float, float, float]
    body_font: str
    body_size: float
    author: str
    created: dt.datetime


HENGYANG = Bureau((2.54, 2.54, 3.17, 3.17), "仿宋_GB2312", 14, "衡阳市教育局",
                  dt.datetime(2018, 9, 3, 9, 0))
YUEYANG = Bureau(YY_MARGINS, YY_BODY_FONT, 14, "yysjkyxxzx", dt.datetime(2021, 1, 5, 10, 0))


def main(argv: Sequence[str] | None = None) -> None:
    out = output_folder(HERE, argv)
    written = 0
    for form, field_ids, cases, bureau in ((HY_FORM, HY_FIELDS, hengyang_cases(), HENGYANG),
                                           (YY_FORM, YY_FIELDS, yueyang_cases(), YUEYANG)):
        check_unique(case.name for case in cases)
        for case in cases:
            modified = bureau.created.replace(day=case.day, hour=16, minute=20)
            data = build_docx(case.blocks, margins=bureau.margins, body_font=bureau.body_font,
                              body_size=bureau.body_size, author=bureau.author,
                              created=bureau.created, modified=modified)
            write_case(out / form, case.name, data, case.expected_record(field_ids))
            written += 1
        print(f"{len(cases)} cases written to {out / form}")
    print(f"{written} cases in all")


if __name__ == "__main__":
    main()
