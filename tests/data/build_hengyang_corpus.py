"""Build the 衡阳 申请表 return corpus: the bureau's blank (seed 002 附件2), filled by schools.

Schools do not send back tidy copies of what tianbiao generated. They fill the ORIGINAL
attachment, a Word file made by the bureau with its own widths, fonts and spacing and no
tianbiao properties: one table as the seed prints it (负责人 and 联系人 rows in the same table,
an empty 申报类别 cell, three opinion cells each holding its label, two empty lines,
"负责人：  盖章：" and "年   月   日"). They retype labels and write values every way. Where
our definition prints a different layout for engine reasons, the schools here still have the
seed's layout: that is the point of the corpus.

The cases are the tables below, one row a school; the corpus kit (tests/corpuskit) writes
``hengyang-2018-application/<case>.docx`` and, beside it, the record its reader writes down.
tianbiao's own code is not used.

    .venv/bin/python tests/data/build_hengyang_corpus.py [output folder]
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for the corpus kit
from corpuskit.cells import Block, Cell, Row, Table, label, value
from corpuskit.content import Para, paras
from corpuskit.corpus import record, write_corpus
from corpuskit.documents import Blank
from corpuskit.tables import filled
from corpuskit.wordml import Hand, Spacing

# The bureau's Word: Times New Roman beside the Chinese font, 1.25 lines, no space around
# paragraphs.
HAND = Hand(font_slots=("ascii", "hAnsi", "eastAsia"), latin_font="Times New Roman",
            spacing=Spacing(300))
BLANK = Blank("仿宋_GB2312", 14, (2.54, 2.54, 3.17, 3.17), author="衡阳市教育局",
              created=dt.datetime(2018, 9, 3, 9, 0))

FORM = "hengyang-2018-application"
TITLE = "2018年衡阳市教育信息化试点项目申请表"
FIELD_IDS = (
    "applicant", "category", "project", "leader", "leader_phone", "contact", "contact_phone",
    "plan_points", "unit_opinion", "unit_signer", "unit_date", "county_opinion",
    "county_signer", "county_date", "city_opinion", "city_signer", "city_date",
)
# The bureau's own widths (cm) and fonts, not our definition's (3.0, 4.8, 2.8, 5.0).
WIDTHS = (2.9, 5.1, 2.6, 5.0)
LABEL_FONT, VALUE_FONT, SIZE = "仿宋_GB2312", "仿宋_GB2312", 14
NARROW_SIGNER = "负责人：           盖章："
WIDE_SIGNER = "负责人：" + " " * 43 + "盖章："
NARROW_DATE = " " * 17 + "年   月   日"
WIDE_DATE = " " * 49 + "年   月   日"
LABELS = {
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
    lb = {**LABELS, **(labels or {})}
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
        Para([TITLE], align="center", font="方正小标宋简体", size=20, line=360),
        Para([""]),
        Table(WIDTHS, rows, LABEL_FONT, VALUE_FONT, SIZE),
        Para([""]),  # Word always keeps a paragraph after a table that ends the document
    ]



# case: the day the school saved the file, 申报单位, the 申报类别 a reader records
APPLICANTS = {
    "original-attachment": (10, "衡阳县演陂镇中心学校", "网络联校创新应用"),
    "category-ticked-with-check": (11, "耒阳市正源学校", "区域智慧教育"),
    "category-boxes-ticked": (12, "常宁市第一中学", "教育网络安全"),
    "category-by-deleting-others": (13, "衡南县教育局", "区域智慧教育"),
    "category-in-words": (10, "衡阳市雁峰区教育局", "区域智慧教育"),
    "category-number-only": (11, "祁东县育贤中学", "区域智慧教育"),
    "phones-written-every-way": (14, "衡山县开云镇中心学校", "人工数字智能教室"),
    "opinions-with-signer-and-date": (14, "衡阳市蒸湘区实验小学", "网络联校创新应用"),
    "label-spaced": (12, "南岳区南岳完全小学", "教育网络安全"),
    "label-and-value-in-one-cell": (12, "衡阳市珠晖区东阳渡实验小学", "人工数字智能教室"),
    "empty-required": (15, "衡阳县樟树乡中心学校", "网络联校创新应用"),
}
# case: 项目名称
PROJECTS = {
    "original-attachment": "演陂镇中心学校网络联校“专递课堂”常态化应用",
    "category-ticked-with-check": "正源学校智慧校园与区域资源共享应用",
    "category-boxes-ticked": "常宁一中校园网络安全等级保护建设",
    "category-by-deleting-others": "衡南县区域智慧教育云平台建设与应用",
    "category-in-words": "雁峰区“智慧课堂”区域推进",
    "category-number-only": "育贤中学智慧课堂区域共享应用",
    "phones-written-every-way": "开云镇中心学校人工数字智能教室建设",
    "opinions-with-signer-and-date": "蒸湘区实验小学城乡网络联校",
    "label-spaced": "南岳完全小学校园网络安全防护",
    "label-and-value-in-one-cell": "东阳渡实验小学人工智能启蒙教育",
    "empty-required": "樟树乡中心学校网络联校教学点帮扶",
}
# case: 申报类别 as typed ("\n" between paragraphs)
CATEGORIES = {
    "original-attachment": "①网络联校创新应用",
    # the four options of the notice typed into the cell, one ticked with √
    "category-ticked-with-check":
        "①网络联校创新应用  √②区域智慧教育  ③教育网络安全  ④人工数字智能教室",
    # the school drew its own boxes, two options a line, and marked one ☑
    "category-boxes-ticked": ("□①网络联校创新应用      □②区域智慧教育\n"
                              "☑③教育网络安全          □④人工数字智能教室"),
    "category-by-deleting-others": "②区域智慧教育；",
    "category-in-words": "区域智慧教育",
    "category-number-only": "②",
    "phones-written-every-way": "④人工数字智能教室",
    "opinions-with-signer-and-date": "①网络联校创新应用",
    "label-spaced": "③教育网络安全",
    "label-and-value-in-one-cell": "④人工数字智能教室",
    "empty-required": "①网络联校创新应用",
}
# case: 负责人, 手机号码, 联系人, 手机号码 as typed (a reader records the phones' digits)
PEOPLE = {
    "original-attachment": ("肖卫东", "13974712358", "彭丽", "13873456781"),
    "category-ticked-with-check": ("资建新", "13786421109", "谷晓玲", "18907345562"),
    "category-boxes-ticked": ("李卫华", "13907347781", "欧阳明", "15173421906"),
    "category-by-deleting-others": ("谢振华", "13607346615", "王小兵", "13975401287"),
    "category-in-words": ("曹丽君", "13873422015", "贺敏", "13327346120"),
    "category-number-only": ("陈国良", "13974792206", "唐小梅", "13787345502"),
    "phones-written-every-way": ("旷志军", "139 0734 1234", "刘芳", "0734-5822133"),
    "opinions-with-signer-and-date": ("刘志红", "13874756630", "邓丽萍", "13107347789"),
    "label-spaced": ("王建军", "13627348890", "周艳", "13762403315"),
    "label-and-value-in-one-cell": ("刘晓燕", "13975417723", "朱琳", "13017341185"),
    "empty-required": ("罗建平", "13574711026", None, None),
}
# case: the lines typed under 试点实施方案要点（可另附页）：
PLANS = {
    "original-attachment": [
        "1．试点目标：以中心学校为主讲学校，带动6个村小教学点开齐开足音乐、美术、英语课程。",
        "2．主要内容：建设主讲课堂1间、听课课堂6间，开展“专递课堂”常态化教学和联片教研。",
        "3．实施步骤：2018年10月完成设备安装调试，11月起全面开课，2019年7月总结验收。",
    ],
    "category-ticked-with-check": [
        "一、目标：建成覆盖全校86个教学班的智慧校园平台，接入耒阳市教育资源公共服务平台。",
        "二、内容：智慧课堂、电子班牌、学生综合素质评价三个子系统。",
        "三、期限：2018年10月至2019年12月。",
    ],
    "category-boxes-ticked": [
        "按网络安全等级保护2.0二级要求，完成校园网边界防护、上网行为管理和日志审计建设；",
        "建立网络安全管理制度和应急预案，每学期开展一次网络安全演练。",
    ],
    "category-by-deleting-others": [
        "依托衡南县教育城域网，建设县级智慧教育云平台，统一汇聚全县中小学课程资源和教学数据；",
        "2018年在县城6所学校先行试点，2019年推广到全县中心学校。",
    ],
    "category-in-words": [
        "在区属12所中小学推广智慧课堂教学模式，建设区级课堂教学大数据分析平台。",
    ],
    "category-number-only": [
        "建设智慧课堂教室8间，与祁东县城区4所初中共享优质课堂资源。",
    ],
    "phones-written-every-way": [
        "建设人工数字智能教室2间，配备智能录播、学情分析和AI助教系统，服务全镇初中部12个班。",
    ],
    "opinions-with-signer-and-date": [
        "与雨母山乡3所村小结对，建设同步课堂，开展城乡学校同步教学和集体备课。",
        "试点期限：2018年10月至2020年6月。",
    ],
    "label-spaced": [
        "完成校园网出口防火墙、无线网络实名认证和终端防病毒部署，建立网络安全值班制度。",
    ],
    "label-and-value-in-one-cell": [
        "建设人工数字智能教室1间，开展人工智能启蒙课程和编程社团活动，每周不少于6课时。",
    ],
}
# case: what the unit typed under 单位意见：
OPINIONS = {
    "original-attachment": "同意申报。",
    "category-ticked-with-check": "同意申报，学校配套经费50万元。",
    "category-boxes-ticked": "同意。",
    "category-by-deleting-others": "同意申报。",
    "category-in-words": "同意申报。",
    "category-number-only": "同意申报。",
    "phones-written-every-way": "同意申报。",
    "opinions-with-signer-and-date": "同意申报，学校保障试点所需经费和人员。",
    "label-spaced": "同意申报。",
    "label-and-value-in-one-cell": "同意申报。",
    "empty-required": "同意申报。",
}
# case: the unit's date line as typed, the date as recorded
DATES = {
    "original-attachment": (" " * 13 + "2018年 9 月 10 日", "2018-09-10"),
    "category-ticked-with-check": (" " * 17 + "2018年9月11日", "2018-09-11"),
    "category-boxes-ticked": (" " * 17 + "2018年9月12日", "2018-09-12"),
    "category-by-deleting-others": (" " * 17 + "2018年9月13日", "2018-09-13"),
    "category-in-words": (" " * 17 + "2018年9月10日", "2018-09-10"),
    "category-number-only": (" " * 17 + "2018年9月11日", "2018-09-11"),
    "phones-written-every-way": (" " * 17 + "2018年9月14日", "2018-09-14"),
    "opinions-with-signer-and-date": (" " * 13 + "2018年9月10日", "2018-09-10"),
    "label-spaced": (" " * 17 + "2018年9月12日", "2018-09-12"),
    "label-and-value-in-one-cell": (" " * 17 + "2018年9月12日", "2018-09-12"),
    "empty-required": (" " * 17 + "2018年9月15日", "2018-09-15"),
}

# The unit's signer typed after 负责人： (the others left the printed line).
UNIT_SIGNERS = {"category-ticked-with-check": "伍国强", "category-by-deleting-others": "谢振华",
                "opinions-with-signer-and-date": "刘志红"}
# The unit's text typed right after its label's colon.
INLINE = {"opinions-with-signer-and-date"}
# The county's opinion cell filled: (text, signer, date line as typed, as recorded).
COUNTY = {"opinions-with-signer-and-date": ("经初审，该校具备试点条件，同意推荐。", "曹建华",
                                            " " * 11 + "二〇一八年九月十四日", "2018-09-14")}
# Labels retyped with spaces between the characters.
RETYPED_LABELS = {"label-spaced": {
    "applicant": "申 报 单 位：", "category": "申 报 类 别：", "project": "项 目 名 称：",
    "leader": "负 责 人", "leader_phone": "手 机 号 码", "contact": "联  系  人",
    "contact_phone": "手 机 号 码", "unit": "单 位 意 见："}}
# The labels end with a colon, so the school typed 申报单位, 申报类别 and 项目名称 right after
# them, in the label cell, and left the value cells to their right empty.
TYPED_IN_LABELS = {"label-and-value-in-one-cell"}
# Required blanks left empty.
LEFT_EMPTY = {"empty-required": ("contact", "contact_phone", "plan_points")}


def application(name: str) -> tuple[str, str, bytes, dict[str, Any]]:
    """Return one school's return: (form, name, the .docx, the record a reader writes down)."""
    day, applicant, category_value = APPLICANTS[name]
    category = CATEGORIES[name]
    leader, leader_phone, contact, contact_phone = PEOPLE[name]
    plan = PLANS.get(name)
    date_line, date_value = DATES[name]
    unit_signer = UNIT_SIGNERS.get(name)
    v: dict[str, Any] = {
        "applicant": applicant, "category": category, "project": PROJECTS[name],
        "leader": leader, "leader_phone": leader_phone, "contact": contact,
        "contact_phone": contact_phone, "plan_points": plan,
        "unit": Opinion([OPINIONS[name]], signer(unit_signer) if unit_signer else None,
                        date_line, inline=name in INLINE),
    }
    labels = RETYPED_LABELS.get(name, {})
    if name in TYPED_IN_LABELS:
        labels = {key: LABELS[key] + v[key] for key in ("applicant", "category", "project")}
        v.update(applicant=None, category=None, project=None)
    county = COUNTY.get(name)
    if county:
        v["county"] = Opinion([county[0]], signer(county[1]), county[2])
    fields = {
        "applicant": applicant, "category": category_value, "project": PROJECTS[name],
        "leader": leader, "leader_phone": _digits(leader_phone), "contact": contact,
        "contact_phone": _digits(contact_phone), "plan_points": "\n".join(plan) if plan else None,
        "unit_opinion": OPINIONS[name], "unit_signer": unit_signer, "unit_date": date_value,
    }
    if county:
        fields.update(county_opinion=county[0], county_signer=county[1], county_date=county[3])
    missing = LEFT_EMPTY.get(name, ())
    expected = record(FORM, fields, field_ids=FIELD_IDS,
                      status="incomplete" if missing else "ok",
                      problems=[(key, "required") for key in missing])
    modified = BLANK.created.replace(day=day, hour=16, minute=20)
    return FORM, name, filled(BLANK, hy_blocks(v, labels), HAND, modified), expected


def _digits(phone: str | None) -> str | None:
    return re.sub(r"\D", "", phone) if phone else None


def main(argv: Sequence[str] | None = None) -> None:
    write_corpus(Path(__file__).resolve().parent, map(application, APPLICANTS), argv)


if __name__ == "__main__":
    main()
