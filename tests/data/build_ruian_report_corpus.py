"""Build the 瑞安 附件2 return corpus: the bureau's own blank, filled by schools every way.

Schools do not send back tidy copies of what tianbiao generated. They fill the ORIGINAL blank
attachment of the notice (seed 000, 附件2 《瑞安市教育信息化应用“回头看”项目建设报告》): a Word
file made by the bureau, with its own column widths and fonts and no tianbiao properties. They
retype labels, merge and split cells, add and delete rows, and write values every way.

This script stands in for the bureau and the schools. It uses python-docx and lxml only and
never tianbiao's own code (forms/, generator/, parsers/, records/ are not imported). Each case
becomes ``ruian-2022-report/<case>.docx`` beside ``<case>.json``, the record a person reading
the file would write down, normalised as DESIGN.md's parse contract says::

    {"form": ..., "status": ..., "fields": {id: value}, "problems": [{"field", "code"}]}

Re-running gives byte-identical files: fixed core-property dates, fixed zip entry times.

    .venv/bin/python tests/data/build_ruian_report_corpus.py
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parent / "ruian-2022-report"
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
ZIP_TIME = (2023, 3, 10, 8, 0, 0)


# ---------------------------------------------------------------- content model


@dataclass
class R:
    """A run. mark: "" plain, "ins" tracked insertion, "del" tracked deletion, "vanish" hidden."""

    text: str
    mark: str = ""


@dataclass
class Sdt:
    """A run-level plain text content control (date picker when `full_date` is set)."""

    text: str
    alias: str
    placeholder: bool = False
    full_date: str | None = None


@dataclass
class P:
    """A paragraph; "\\n" inside a plain string run becomes a line break (w:br)."""

    runs: list[R | Sdt | str]
    align: str = ""


@dataclass
class BlockSdt:
    """A block-level (rich text) content control holding whole paragraphs."""

    paras: list[P]
    alias: str
    placeholder: bool = False


Content = list[P | BlockSdt]


@dataclass
class C:
    """A table cell: its content, how many grid columns it spans, label or value styling."""

    content: Content
    span: int = 1
    label: bool = False


@dataclass
class Row:
    cells: list[C]
    height: float | None = None
    borderless: bool = False


def paras(*texts: str, align: str = "") -> Content:
    """Paragraphs from plain strings (one paragraph each)."""
    return [P([text], align=align) for text in texts]


def lab(text: str, span: int = 1) -> C:
    """A label cell as the bureau (or the school retyping it) wrote it; "\\n" = new paragraph."""
    return C(paras(*text.split("\n"), align="center"), span=span, label=True)


def val(content: Content | str | None, span: int = 1) -> C:
    if content is None:
        content = paras("")
    elif isinstance(content, str):
        content = paras(content)
    return C(content, span=span)


def opinion(text: str | None, date_line: str = PRINTED_DATE, blank_between: bool = True) -> Content:
    """An opinion cell: the text in the first paragraph, then the (printed) date line."""
    body = paras(text or "")
    if blank_between:
        body += paras("")
    return [*body, P([date_line], align="right")]


# ---------------------------------------------------------------- XML helpers

_ids = iter(range(1, 1_000_000))


def _rpr(font: str, size: float, *, bold: bool = False, vanish: bool = False,
         style: str | None = None) -> Any:
    rpr = OxmlElement("w:rPr")
    if style:
        rstyle = OxmlElement("w:rStyle")
        rstyle.set(qn("w:val"), style)
        rpr.append(rstyle)
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)
    fonts.set(qn("w:hint"), "eastAsia")
    rpr.append(fonts)
    if bold:
        rpr.append(OxmlElement("w:b"))
    if vanish:
        rpr.append(OxmlElement("w:vanish"))
    for tag in ("w:sz", "w:szCs"):
        sz = OxmlElement(tag)
        sz.set(qn("w:val"), str(int(size * 2)))
        rpr.append(sz)
    return rpr


def _run(text: str, font: str, size: float, *, deleted: bool = False, vanish: bool = False,
         style: str | None = None) -> Any:
    run = OxmlElement("w:r")
    run.append(_rpr(font, size, vanish=vanish, style=style))
    for i, piece in enumerate(text.split("\n")):
        if i:
            run.append(OxmlElement("w:br"))
        if piece:
            t = OxmlElement("w:delText" if deleted else "w:t")
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = piece
            run.append(t)
    return run


def _revision(tag: str, child: Any) -> Any:
    rev = OxmlElement(tag)
    rev.set(qn("w:id"), str(next(_ids)))
    rev.set(qn("w:author"), "教务处")
    rev.set(qn("w:date"), "2023-03-07T09:12:00Z")
    rev.append(child)
    return rev


def _sdt_pr(alias: str, placeholder: bool, font: str, size: float) -> Any:
    pr = OxmlElement("w:sdtPr")
    pr.append(_rpr(font, size))
    for tag, value in (("w:alias", alias), ("w:tag", alias), ("w:id", str(next(_ids)))):
        el = OxmlElement(tag)
        el.set(qn("w:val"), value)
        pr.append(el)
    if placeholder:
        pr.append(OxmlElement("w:showingPlcHdr"))
    return pr


def _inline_sdt(sdt: Sdt, font: str, size: float) -> Any:
    el = OxmlElement("w:sdt")
    pr = _sdt_pr(sdt.alias, sdt.placeholder, font, size)
    if sdt.full_date is not None:
        date = OxmlElement("w:date")
        if not sdt.placeholder:
            date.set(qn("w:fullDate"), f"{sdt.full_date}T00:00:00Z")
        for tag, value in (("w:dateFormat", "yyyy'年'M'月'd'日'"), ("w:lid", "zh-CN"),
                           ("w:storeMappedDataAs", "dateTime"), ("w:calendar", "gregorian")):
            sub = OxmlElement(tag)
            sub.set(qn("w:val"), value)
            date.append(sub)
        pr.append(date)
    else:
        pr.append(OxmlElement("w:text"))
    el.append(pr)
    content = OxmlElement("w:sdtContent")
    style = "PlaceholderText" if sdt.placeholder else None
    content.append(_run(sdt.text, font, size, style=style))
    el.append(content)
    return el


def _paragraph(p: P, font: str, size: float, placeholder: bool = False) -> Any:
    el = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:line"), "360")
    spacing.set(qn("w:lineRule"), "auto")
    ppr.append(spacing)
    if p.align == "right":
        ind = OxmlElement("w:ind")
        ind.set(qn("w:right"), "480")
        ppr.append(ind)
    if p.align:
        jc = OxmlElement("w:jc")
        jc.set(qn("w:val"), p.align)
        ppr.append(jc)
    ppr.append(_rpr(font, size))
    el.append(ppr)
    style = "PlaceholderText" if placeholder else None
    for item in p.runs:
        if isinstance(item, Sdt):
            el.append(_inline_sdt(item, font, size))
        elif isinstance(item, str):
            if item:
                el.append(_run(item, font, size, style=style))
        elif item.mark == "ins":
            el.append(_revision("w:ins", _run(item.text, font, size)))
        elif item.mark == "del":
            el.append(_revision("w:del", _run(item.text, font, size, deleted=True)))
        elif item.mark == "vanish":
            el.append(_run(item.text, font, size, vanish=True))
        else:
            el.append(_run(item.text, font, size))
    return el


def _block_sdt(block: BlockSdt, font: str, size: float) -> Any:
    el = OxmlElement("w:sdt")
    el.append(_sdt_pr(block.alias, block.placeholder, font, size))
    content = OxmlElement("w:sdtContent")
    for p in block.paras:
        content.append(_paragraph(p, font, size, placeholder=block.placeholder))
    el.append(content)
    return el


def _fill_tc(tc: Any, content: Content, font: str, size: float) -> None:
    for old in tc.findall(qn("w:p")):
        tc.remove(old)
    for item in content:
        if isinstance(item, BlockSdt):
            tc.append(_block_sdt(item, font, size))
        else:
            tc.append(_paragraph(item, font, size))


def _no_borders(tc: Any) -> None:
    tcpr = tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "right"):
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), "nil")
        borders.append(b)
    tcpr.append(borders)


# ---------------------------------------------------------------- the document


def _fonted(run: Any, font: str, size: float, bold: bool = False) -> None:
    run.font.name = font
    run.font.size = Pt(size)
    run.font.bold = bold
    rfonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), font)


def _text_paragraph(doc: Any, text: str, font: str, size: float, align: Any = None,
                    bold: bool = False) -> None:
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    if text:
        _fonted(p.add_run(text), font, size, bold)


def _add_table(doc: Any, widths: tuple[float, ...], rows: list[Row]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(widths))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_col.w = Cm(width)
    for r_index, row in enumerate(rows):
        spans = [cell.span for cell in row.cells]
        if sum(spans) != len(widths):
            raise ValueError(f"row {r_index}: spans {spans} do not fill {len(widths)} columns")
        start = 0
        for span in spans:
            if span > 1:
                table.cell(r_index, start).merge(table.cell(r_index, start + span - 1))
            start += span
        tr = table.rows[r_index]
        if row.height:
            tr.height = Cm(row.height)
            tr.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        start = 0
        for spec, tc in zip(row.cells, tr._tr.tc_lst, strict=True):
            width = sum(widths[start:start + spec.span])
            start += spec.span
            tc.width = Cm(width)
            if row.borderless:
                _no_borders(tc)
            valign = OxmlElement("w:vAlign")  # after tcW, gridSpan, tcBorders: schema order
            short = row.height is not None and row.height <= 1.2
            valign.set(qn("w:val"), "center" if spec.label or short else "top")
            tc.get_or_add_tcPr().append(valign)
            _fill_tc(tc, spec.content, LABEL_FONT if spec.label else VALUE_FONT, 12)


def build_docx(rows: list[Row], widths: tuple[float, ...], modified: dt.datetime,
               before_table: Callable[[Any], None] | None = None) -> bytes:
    """The bureau's blank attachment, filled as `rows` say; returns the .docx bytes."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.54)
    section.left_margin = section.right_margin = Cm(3.17)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    if "Placeholder Text" not in [s.name for s in doc.styles]:
        ph = doc.styles.add_style("Placeholder Text", WD_STYLE_TYPE.CHARACTER)
        ph.font.color.rgb = RGBColor(0x80, 0x80, 0x80)
    # The template's opening empty paragraph is replaced by the 附件2 line.
    body = doc.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    _text_paragraph(doc, "附件2", "黑体", 16)
    _text_paragraph(doc, TITLE, "方正小标宋简体", 18, WD_ALIGN_PARAGRAPH.CENTER)
    _text_paragraph(doc, "", "宋体", 12)
    if before_table is not None:
        before_table(doc)
    _add_table(doc, widths, rows)
    _text_paragraph(doc, NOTE, "仿宋", 12)

    core = doc.core_properties
    core.author = "dhjy"
    core.title = ""
    core.subject = ""
    core.keywords = ""
    core.comments = ""
    core.category = ""
    core.last_modified_by = "Administrator"
    core.revision = 3
    core.created = dt.datetime(2022, 12, 5, 8, 30)
    core.modified = modified
    core.last_printed = dt.datetime(2022, 12, 5, 9, 0)

    raw = io.BytesIO()
    doc.save(raw)
    return _fixed_zip(raw.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed entry times so that every run gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


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

    def label_cell(key: str) -> C:
        text = lb[key]
        return text if isinstance(text, C) else lab(text)

    rows = [
        Row([val(None), val(None), label_cell("report_date"), val(v.get("report_date"))],
            height=0.9, borderless=True),
        Row([label_cell("school"), val(v.get("school")), label_cell("project"),
             val(v.get("project"))], height=1.2),
        Row([label_cell("amount"), val(v.get("amount")), label_cell("leader"),
             val(v.get("leader"))], height=1.2),
    ]
    for key, height in LONG_ROWS:
        rows.append(Row([label_cell(key), val(v.get(key), span=3)], height=height))
    rows.append(Row([label_cell("principal_opinion"),
                     val(v.get("principal_opinion", opinion(None)), span=3)], height=2.4))
    rows.append(Row([label_cell("expert_opinion"),
                     val(v.get("expert_opinion", opinion(None)), span=3)], height=2.4))
    return rows


# ---------------------------------------------------------------- the cases


@dataclass
class Case:
    name: str
    rows: list[Row]
    expected: dict[str, Any]
    status: str = "ok"
    problems: list[tuple[str, str]] = field(default_factory=list)
    widths: tuple[float, ...] = BUREAU_WIDTHS
    day: int = 6
    before_table: Callable[[Any], None] | None = None

    def expected_record(self) -> dict[str, Any]:
        fields = {key: None for key in FIELD_IDS}
        unknown = set(self.expected) - set(FIELD_IDS)
        if unknown:
            raise KeyError(f"{self.name}: unknown fields {sorted(unknown)}")
        fields.update(self.expected)
        return {
            "form": FORM,
            "status": self.status,
            "fields": fields,
            "problems": [{"field": f, "code": c} for f, c in self.problems],
        }


def _common(school: str, project: str, amount_raw: str, leader: str, texts: dict[str, str],
            report_raw: str, principal: tuple[str, str]) -> dict[str, Any]:
    """Value cells of an ordinarily typed return: one paragraph per line of each text."""
    v: dict[str, Any] = {
        "report_date": report_raw,
        "school": school,
        "project": project,
        "amount": amount_raw,
        "leader": leader,
        "principal_opinion": opinion(principal[0], principal[1]),
    }
    for key, text in texts.items():
        v[key] = paras(*text.split("\n"))
    return v


def _expected(school: str, project: str, amount: float | None, leader: str,
              texts: dict[str, str], report: str | None, principal: tuple[str, str | None],
              **more: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "report_date": report, "school": school, "project": project, "amount": amount,
        "leader": leader, **texts,
        "principal_opinion": principal[0], "principal_date": principal[1],
        "expert_opinion": None, "expert_date": None,
    }
    out.update(more)
    return out


def cases() -> list[Case]:
    out: list[Case] = []

    # 1. The plain blank attachment, filled the ordinary way: the date typed into the gaps.
    texts = {
        "summary": "建设校园统一数据平台，接入电子班牌32块、智慧门禁4套、家校通知系统1套，"
                   "覆盖全校32个教学班。\n平台于2022年10月正式上线运行。",
        "measures": "成立以分管副校长为组长的智慧校园应用小组；每月开展一次平台操作培训，"
                    "每学期组织一次电子班牌应用评比。",
        "benefits": "教师通知、请假、调课全部在平台办理，家校通知送达时间由半天缩短到10分钟以内。",
        "achievement": "已完成计划建设内容的100%，平台日均登录教师85人次，达到预期目标。",
    }
    school, project, leader = "瑞安市实验小学", "智慧校园", "郑晓燕 13706778812"
    out.append(Case(
        "original-attachment",
        standard_rows(_common(school, project, "260000元", leader, texts, "2022年10月",
                              ("同意上报。", "2023年 3 月 6 日"))),
        _expected(school, project, 260000, leader, texts, "2022-10", ("同意上报。", "2023-03-06")),
        day=6,
    ))

    # 2. Labels retyped with spaces, ideographic spaces and a different line break.
    texts = {
        "summary": "更新理化生实验室数字化探究设备3套、录播教室1间，配套交互式大屏12台。",
        "measures": "实验员与学科教师结对，每周安排数字化实验课不少于6节。",
        "benefits": "学生分组实验开出率由78%提高到96%，录播课例入选温州市优课2节。",
        "achievement": "设备全部到位并投入使用，达到计划要求。",
    }
    school, project, leader = "瑞安市安阳实验中学", "教育装备更新", "林海波 0577-65871234"
    leader_cell = C([P(["项目负责\n人及联系方式"], align="center")], label=True)
    out.append(Case(
        "label-spaced",
        standard_rows(
            _common(school, project, "300000元", leader, texts, "2022年5月",
                    ("同意。", "2023年3月7日")),
            {"school": "学  校", "project": "项 目 名 称", "amount": "投 入 资 金",
             "leader": leader_cell, "benefits": "效　　益", "principal_opinion": "校 长 意 见"},
        ),
        _expected(school, project, 300000, leader, texts, "2022-05", ("同意。", "2023-03-07")),
        day=7,
    ))

    # 3. Labels with full- and half-width colons.
    texts = {
        "summary": "新校舍配套建设班级多媒体38套、计算机教室1间（52台）、校园广播系统1套。",
        "measures": "新校舍启用前完成全部设备安装调试，开学首月对全体教师开展设备使用培训。",
        "benefits": "新校区38个班级全部实现多媒体教学，计算机教室满足信息技术课开设需要。",
        "achievement": "按计划完成建设，达成度约95%，广播系统分区功能待完善。",
    }
    school, project, leader = "瑞安市塘下镇鲍田中学", "新建校舍配套经费", "陈国平 13958876543"
    out.append(Case(
        "label-colons",
        standard_rows(
            _common(school, project, "300000元", leader, texts, "2022年3月",
                    ("同意上报。", "2023年3月2日")),
            {"report_date": "申报建设时间:", "school": "学校：", "project": "项目名称:",
             "amount": "投入资金：", "summary": "项目简介：", "principal_opinion": "校长意见："},
        ),
        _expected(school, project, 300000, leader, texts, "2022-03", ("同意上报。", "2023-03-02")),
        day=2,
    ))

    # 4. The school typed label and value into the label cell and left the value cell empty.
    texts = {
        "summary": "在学校报告厅和田径场主席台各安装LED全彩显示屏1块，共计42平方米。",
        "measures": "由信息中心专人负责显示屏播控，制定《LED显示屏使用管理制度》。",
        "benefits": "承担校级大型活动、升旗仪式和校园文化宣传，每周使用约15小时。",
        "achievement": "按计划完成安装并投入使用，达成度100%。",
    }
    school, project, leader = "瑞安市第二中学", "LED设备", "吴建新 13806655321"
    v = _common(school, project, "150000元", leader, texts, "2022年4月",
                ("同意上报。", "2023年3月3日"))
    v["school"] = None
    v["project"] = None
    out.append(Case(
        "label-and-value-in-one-cell",
        standard_rows(v, {"school": C(paras("学校：瑞安市第二中学"), label=True),
                          "project": C(paras("项目名称：LED设备"), label=True)}),
        _expected(school, project, 150000, leader, texts, "2022-04", ("同意上报。", "2023-03-03")),
        day=3,
    ))

    # 5. Merges differ: five grid columns; the 学校 value cell spans two of them, the 投入资金
    #    value has a stray empty cell to its right; long-text value cells are not merged.
    texts = {
        "summary": "新校舍配套建设智慧教室24间、创客空间1间、校园网络及安防监控系统。",
        "measures": "分年级推进智慧教室应用，每学期举行一次智慧课堂展示周。",
        "benefits": "新校区教学设备配置达到温州市现代化学校标准，师生反响良好。",
        "achievement": "主体建设已完成，达成度约90%，创客空间课程仍在建设中。",
    }
    school, project, leader = "瑞安市第五中学", "新建校舍配套经费", "许文斌 0577-65659988"
    v = _common(school, project, "3000000元", leader, texts, "2022年2月",
                ("同意上报。", "2023年3月8日"))
    rows = [
        Row([val(None, span=2), val(None), lab(LABELS["report_date"]), val(v["report_date"])],
            height=0.9, borderless=True),
        Row([lab("学校"), val(school, span=2), lab("项目名称"), val(project)], height=1.2),
        Row([lab("投入资金"), val(v["amount"]), val(None), lab(LABELS["leader"]), val(leader)],
            height=1.2),
    ]
    for key, height in LONG_ROWS:
        rows.append(Row([lab(LABELS[key]), val(v[key], span=2), val(None), val(None)],
                        height=height))
    rows.append(Row([lab("校长意见"), val(v["principal_opinion"], span=4)], height=2.4))
    rows.append(Row([lab("专家验收意见"), val(opinion(None), span=4)], height=2.4))
    out.append(Case(
        "merges-differ", rows,
        _expected(school, project, 3000000, leader, texts, "2022-02", ("同意上报。", "2023-03-08")),
        widths=(2.35, 3.1, 2.2, 3.15, 4.95), day=8,
    ))

    # 6. A row added (附件材料) between 效益 and 与计划的达成度; the 专家验收意见 row deleted.
    texts = {
        "summary": "建设智慧校园管理平台，包括智慧课堂、电子班牌18块和校园安防系统。",
        "measures": "信息技术教师分包年级，逐班指导教师使用智慧课堂互动功能。",
        "benefits": "全校教师常态化使用平台备课授课，学生作业数据实现自动统计分析。",
        "achievement": "已完成计划的90%，安防系统联网调试中。",
    }
    school, project, leader = "瑞安市塘下镇罗凤第三小学", "智慧校园", "蔡丽娜 13676788899"
    rows = standard_rows(_common(school, project, "190000元", leader, texts, "2022年6月",
                                 ("同意上报。", "2023年3月9日")))
    extra = Row([lab("附件材料"), val("照片3张", span=3)], height=1.2)
    benefits_at = next(i for i, r in enumerate(rows) if r.cells[0].content[0].runs == ["效益"])
    rows.insert(benefits_at + 1, extra)
    rows.pop()  # 专家验收意见
    out.append(Case(
        "extra-and-deleted-rows", rows,
        _expected(school, project, 190000, leader, texts, "2022-06", ("同意上报。", "2023-03-09")),
        status="incomplete", problems=[("expert_opinion", "label_missing")], day=9,
    ))

    # 7. Several paragraphs in a cell: an indent, leading/trailing spaces, an empty paragraph.
    school, project, leader = "瑞安市罗凤中学", "云桌面", "周晓峰 13858867712"
    summary_cell = paras(
        "　　学校于2022年8月建成云桌面教室1间，配置云终端56台、服务器2台。",
        "",
        "  系统支持一键还原和统一推送教学软件。  ",
        "云桌面教室同时用于信息技术课和教师培训。 ",
    )
    measures_cell = paras(
        "  制定云桌面教室使用与维护制度，专人管理。",
        "信息技术组每学期开展云桌面应用培训2次。   ",
        "",
        "　　将云桌面教室纳入全校功能室排课系统。",
    )
    texts = {
        "benefits": "云桌面教室周课时由8节增加到26节，设备故障报修明显减少。",
        "achievement": "达到计划要求，达成度100%。",
    }
    v = _common(school, project, "177804元", leader, texts, "2022年7月",
                ("同意上报。", "2023年3月6日"))
    v["summary"], v["measures"] = summary_cell, measures_cell
    out.append(Case(
        "paragraphs-in-cell", standard_rows(v),
        _expected(
            school, project, 177804, leader, texts, "2022-07", ("同意上报。", "2023-03-06"),
            summary="学校于2022年8月建成云桌面教室1间，配置云终端56台、服务器2台。\n"
                    "系统支持一键还原和统一推送教学软件。\n"
                    "云桌面教室同时用于信息技术课和教师培训。",
            measures="制定云桌面教室使用与维护制度，专人管理。\n"
                     "信息技术组每学期开展云桌面应用培训2次。\n"
                     "将云桌面教室纳入全校功能室排课系统。",
        ),
        day=6,
    ))

    # 8. Opinion leftovers: 校长意见 text, empty line, own date line; 专家验收意见 as printed.
    texts = {
        "summary": "建设云桌面教室1间，云终端50台，配套教师机1台和管理服务器。",
        "measures": "信息技术组负责日常管理，建立使用登记和巡检制度。",
        "benefits": "解决原机房设备老化问题，维护工作量减少约七成。",
        "achievement": "按计划完成，达成度100%。",
    }
    school, project, leader = "瑞安市林垟学校", "云桌面", "金永强 13968851234"
    v = _common(school, project, "210232元", leader, texts, "2022年9月", ("", ""))
    v["principal_opinion"] = [*paras("情况属实，同意上报。", ""), P(["2023年3月6日"])]
    out.append(Case(
        "opinion-leftovers", standard_rows(v),
        _expected(school, project, 210232, leader, texts, "2022-09",
                  ("情况属实，同意上报。", "2023-03-06")),
        day=6,
    ))

    # 9–12. 投入资金 written every way.
    amount_cases = [
        ("amount-daxie", "瑞安市高楼镇中学", "学生机房", "壹拾伍万元整", 150000,
         "潘志勇 13587799012", "2022年8月", "2023年3月1日", "2023-03-01"),
        ("amount-wan", "瑞安市陶山镇荆谷学校", "云桌面机房", "15.5万元", 155000,
         "叶春燕 13705779876", "2022年7月", "2023年3月2日", "2023-03-02"),
        ("amount-commas", "瑞安市广场实验小学", "学生机房", "150,000元", 150000,
         "胡玲玲 0577-65812233", "2022年8月", "2023年3月3日", "2023-03-03"),
        ("amount-yen", "瑞安市塘下镇中心小学", "智慧校园", "￥200000.00", 200000,
         "陈立群 13805771234", "2022年9月", "2023年3月6日", "2023-03-06"),
    ]
    for name, school, project, raw, amount, leader, report, pdate, pdate_n in amount_cases:
        texts = {
            "summary": f"{project}项目于{report}完成建设并通过学校验收，设备运行正常。",
            "measures": "学校制定设备管理制度，明确专人管理，定期开展教师应用培训。",
            "benefits": "满足日常教学需要，师生信息技术应用水平明显提高。",
            "achievement": "基本达到计划目标。",
        }
        year, month = report.removesuffix("月").split("年")
        out.append(Case(
            name,
            standard_rows(_common(school, project, raw, leader, texts, report,
                                  ("同意上报。", pdate))),
            _expected(school, project, amount, leader, texts, f"{year}-{int(month):02d}",
                      ("同意上报。", pdate_n)),
            day=int(pdate_n[-2:]),
        ))

    # 13. Dates written every way.
    texts = {
        "summary": "为全校30个教室配备86英寸交互式一体机，替换原投影设备。",
        "measures": "开展“一体机应用能手”评比，组织学科组交流课件制作经验。",
        "benefits": "教师课堂互动明显增加，投影灯泡更换等维护费用每年节省约2万元。",
        "achievement": "30台设备全部安装到位并常态化使用，达成度100%。",
    }
    school, project, leader = "瑞安市安阳实验小学", "交互式一体机", "戴晓红 13867701122"
    v = _common(school, project, "170250元", leader, texts, "二〇二二年九月", ("", ""))
    v["principal_opinion"] = paras("同意上报，请专家组验收。", "2023.3.8")
    out.append(Case(
        "dates-written-every-way", standard_rows(v),
        _expected(school, project, 170250, leader, texts, "2022-09",
                  ("同意上报，请专家组验收。", "2023-03-08")),
        day=8,
    ))

    # 14. Content controls, a tracked change over the amount, a hidden draft note.
    school, project, leader = "瑞安市第四中学", "交互式一体机", "黄志远 13587712266"
    v = {
        "report_date": [P([Sdt("2022年11月", "申报建设时间")])],
        "school": [P([Sdt(school, "学校")])],
        "project": [P([Sdt(project, "项目名称")])],
        "amount": [P([R("181600元", "del"), R("178500元", "ins")])],
        "leader": [P([Sdt(leader, "项目负责人")])],
        "summary": [BlockSdt(paras("学校为24个教室更换交互式一体机。",
                                   "同步建设一体机集中管控平台。"), "项目简介")],
        "measures": [P([R("组织全体教师"), R("每周二下午", "ins"),
                        R("开展交互式一体机应用培训。")])],
        "benefits": [P([R("全校"), R("部分", "del"), R("教师已能熟练使用一体机开展互动教学。")])],
        "achievement": [P([R("基本达到计划要求。"), R("（草稿：此处数据待核实）", "vanish")])],
        "principal_opinion": [*paras("同意上报。", ""),
                              P([Sdt("2023年3月7日", "校长意见日期", full_date="2023-03-07")],
                                align="right")],
    }
    out.append(Case(
        "content-controls", standard_rows(v),
        _expected(
            school, project, 178500, leader,
            {"summary": "学校为24个教室更换交互式一体机。\n同步建设一体机集中管控平台。",
             "measures": "组织全体教师每周二下午开展交互式一体机应用培训。",
             "benefits": "全校教师已能熟练使用一体机开展互动教学。",
             "achievement": "基本达到计划要求。"},
            "2022-11", ("同意上报。", "2023-03-07"),
        ),
        day=7,
    ))

    # 15. Two required long texts left empty.
    texts = {
        "summary": "为实训楼28个教室配备交互式一体机，满足专业课多媒体教学需要。",
        "achievement": "设备已安装到位，应用情况待下学期统计。",
    }
    school, project, leader = "瑞安市农技校", "交互式一体机", "孙伟 13906775588"
    out.append(Case(
        "empty-required",
        standard_rows(_common(school, project, "283750元", leader, texts, "2022年10月",
                              ("同意上报。", "2023年3月9日"))),
        _expected(school, project, 283750, leader, texts, "2022-10",
                  ("同意上报。", "2023-03-09"), measures=None, benefits=None),
        status="incomplete", problems=[("measures", "required"), ("benefits", "required")],
        day=9,
    ))

    # 16. An amount nobody can record as a number.
    texts = {
        "summary": "建成学生计算机教室1间，配置学生机50台、教师机1台及多媒体教学系统。",
        "measures": "按课表开放机房，课后服务时段开设编程兴趣班。",
        "benefits": "信息技术课开课率达到100%，编程兴趣班每周服务学生80人次。",
        "achievement": "达到计划要求。",
    }
    school, project, leader = "瑞安市莘塍中心小学", "学生机房", "王海鸥 13758873321"
    out.append(Case(
        "bad-amount",
        standard_rows(_common(school, project, "十五万左右", leader, texts, "2022年8月",
                              ("同意上报。", "2023年3月3日"))),
        _expected(school, project, None, leader, texts, "2022-08", ("同意上报。", "2023-03-03")),
        status="invalid", problems=[("amount", "bad_money")], day=3,
    ))

    # 17. Misaligned cell borders: Word's grid has six columns, every row spans them its way.
    texts = {
        "summary": "更新学生机房2间，共计学生机100台，配套电子教室管理软件。",
        "measures": "机房向学科教师开放预约，信息组每周巡检一次设备。",
        "benefits": "满足高中信息技术必修与选修课程教学，支持学考模拟训练。",
        "achievement": "按计划完成，达成度100%。",
    }
    school, project, leader = "浙江省瑞安中学", "学生机房", "李明远 0577-65822345"
    v = _common(school, project, "157420元", leader, texts, "2022年7月",
                ("同意上报。", "2023年3月8日"))
    rows = [
        Row([val(None, span=3), lab(LABELS["report_date"], span=2), val(v["report_date"])],
            height=0.9, borderless=True),
        Row([lab("学校", span=2), val(school), lab("项目名称", span=2), val(project)], height=1.2),
        Row([lab("投入资金"), val(v["amount"], span=2), lab(LABELS["leader"], span=2),
             val(leader)], height=1.2),
    ]
    for key, height in LONG_ROWS:
        rows.append(Row([lab(LABELS[key], span=2), val(v[key], span=4)], height=height))
    rows.append(Row([lab("校长意见"), val(v["principal_opinion"], span=5)], height=2.4))
    rows.append(Row([lab("专家验收意见"), val(opinion(None), span=5)], height=2.4))
    out.append(Case(
        "grid-six-columns", rows,
        _expected(school, project, 157420, leader, texts, "2022-07", ("同意上报。", "2023-03-08")),
        widths=(2.2, 0.35, 4.9, 0.25, 3.2, 4.75), day=8,
    ))

    # 18. The form retyped in one column (as on a phone): each label cell above its value.
    texts = {
        "summary": "建设学生机房1间，配置学生机48台，更新机房网络与空调。",
        "measures": "机房实行课表化管理，午间向学生社团开放。",
        "benefits": "信息科技课程全部在机房开设，学生上机时间每周增加2课时。",
        "achievement": "达到计划要求。",
    }
    school, project, leader = "瑞安市解放路小学", "学生机房", "张雪芬 13819971234"
    pairs: list[tuple[str, Content]] = [
        ("申报建设时间", paras("2022年8月")),
        ("学校", paras(school)),
        ("项目名称", paras(project)),
        ("投入资金", paras("169663元")),
        ("项目负责人及联系方式", paras(leader)),
        ("项目简介", paras(texts["summary"])),
        ("推进措施", paras(texts["measures"])),
        ("效益", paras(texts["benefits"])),
        ("与计划的达成度", paras(texts["achievement"])),
        ("校长意见", opinion("同意上报。", "2023年3月7日")),
        ("专家验收意见", opinion(None)),
    ]
    rows = []
    for label, content in pairs:
        rows.append(Row([C(paras(label), label=True)], height=0.8))
        rows.append(Row([val(content)], height=1.2))
    out.append(Case(
        "single-column-layout", rows,
        _expected(school, project, 169663, leader, texts, "2022-08", ("同意上报。", "2023-03-07")),
        widths=(15.6,), day=7,
    ))

    # 19. Content controls left showing their placeholder text: nothing was written there.
    texts = {
        "summary": "建成云桌面机房1间，云终端52台，实现桌面统一部署与还原。",
        "measures": "制定机房管理制度，信息技术教师轮流值班管理。",
        "benefits": "机房维护时间由每周4小时减少到1小时，课堂开机等待时间明显缩短。",
        "achievement": "达到计划要求，达成度100%。",
    }
    school, project, leader = "瑞安市外国语小学", "云桌面机房", "郑海燕 13957796655"
    v = {
        "report_date": [P([Sdt("单击或点击此处输入日期。", "申报建设时间", placeholder=True,
                               full_date="")])],
        "school": [P([Sdt(school, "学校")])],
        "project": [P([Sdt(project, "项目名称")])],
        "amount": [P([Sdt("186251元", "投入资金")])],
        "leader": [P([Sdt(leader, "项目负责人")])],
        **{key: [BlockSdt(paras(text), LABELS[key])] for key, text in texts.items()},
        "principal_opinion": [BlockSdt(paras("同意上报。"), "校长意见"),
                              P([Sdt("2023年3月8日", "校长意见日期", full_date="2023-03-08")],
                                align="right")],
        "expert_opinion": [BlockSdt(paras("单击或点击此处输入文字。"), "专家验收意见",
                                    placeholder=True),
                           P([PRINTED_DATE], align="right")],
    }
    out.append(Case(
        "placeholder-controls", standard_rows(v),
        _expected(school, project, 186251, leader, texts, None, ("同意上报。", "2023-03-08")),
        day=8,
    ))
    return out


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    all_cases = cases()
    names = [case.name for case in all_cases]
    if len(set(names)) != len(names):
        raise ValueError("duplicate case names")
    for case in all_cases:
        data = build_docx(case.rows, case.widths, dt.datetime(2023, 3, case.day, 16, 20),
                          case.before_table)
        (OUT / f"{case.name}.docx").write_bytes(data)
        text = json.dumps(case.expected_record(), ensure_ascii=False, indent=2) + "\n"
        (OUT / f"{case.name}.json").write_text(text, encoding="utf-8")
    print(f"{len(all_cases)} cases written to {OUT}")


if __name__ == "__main__":
    main()
