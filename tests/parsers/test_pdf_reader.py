"""Tests for parsers.pdf: Word files printed to PDF by LibreOffice, and hand-made PDFs."""

from __future__ import annotations

import hashlib
import io
import random
import zlib
from collections.abc import Callable
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table as DocxTable
from docx.table import _Cell as DocxCell
from docx.table import _Row as DocxRow
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from forms.errors import UnreadableFileError
from parsers.grid import Cell, Grid, Paragraph, Table
from parsers.office import WRITER_PDF, convert_batch
from parsers.pdf import read_pdf

LONG_ROWS = 60


def _grid_table(document: Document, rows: list[list[str]]) -> DocxTable:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text
    return table


def _simple(document: Document) -> None:
    _grid_table(document, [["姓名", "张三"], ["联系电话", "13800138000"]])


def _merged_across(document: Document) -> None:
    table = _grid_table(
        document,
        [["项目名称", "", "", ""], ["甲1", "甲2", "甲3", "甲4"], ["乙1", "乙2", "乙3", "乙4"]],
    )
    table.cell(0, 1).merge(table.cell(0, 3)).text = "智慧校园建设"


def _merged_down(document: Document) -> None:
    table = _grid_table(
        document,
        [["类别", "指标", "得分"], ["", "生机比", "5"], ["", "师机比", "3"], ["", "功能室", "2"]],
    )
    table.cell(1, 0).merge(table.cell(3, 0)).text = "环境"


def _text_around(document: Document) -> None:
    document.add_paragraph("附件2")
    document.add_paragraph("项目建设报告 2024 版")
    table = _grid_table(
        document,
        [
            ["单位意见", ""],
            ["版本", "Version 3 共 12 页"],
            ["是否达标", "☑是 ☐否"],
            ["合计", "共12页，合计150,000元"],
        ],
    )
    opinion = table.cell(0, 1)
    opinion.text = "同意申报"
    signer = opinion.add_paragraph("负责人：")
    signer.add_run("李四").font.underline = True  # filled in on the printed blank line
    document.add_paragraph("填表说明：如实填写。")
    document.add_paragraph("Smart Campus 2024")


SUMMARY = (
    "学生机房项目于2022年8月完成建设并通过学校验收，设备运行正常，师生信息技术应用水平明显提高。"
)
SUMMARY_EN = "The computer room was finished in August and passed the school acceptance check."


def _wrapped_cells(document: Document) -> None:
    table = _grid_table(
        document,
        [["项目简介", SUMMARY], ["Summary", SUMMARY_EN], ["推进措施", ""], ["校长意见", ""]],
    )
    measures = table.cell(2, 1)
    measures.text = "一、完成机房建设；"
    measures.add_paragraph("二、开展教师培训。")
    opinion = table.cell(3, 1)
    opinion.text = "同意上报。"
    struck = opinion.paragraphs[0].add_run("（不同意）")
    struck.font.strike = True  # crossed out, the way forms ask to strike what does not apply
    for line in ("签名：王五", "2023年3月3日"):
        opinion.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _long_table(document: Document, *, repeat_header: bool) -> None:
    document.add_paragraph("项目清单")
    rows = [["序号", "学校名称", "投入资金"]]
    rows += [[str(i), f"第{i}学校", str(i * 100)] for i in range(1, LONG_ROWS + 1)]
    table = _grid_table(document, rows)
    if repeat_header:
        row_properties = table.rows[0]._tr.get_or_add_trPr()
        row_properties.append(OxmlElement("w:tblHeader"))
    document.add_paragraph("表格结束")


def _page_break_between(document: Document) -> None:
    _grid_table(document, [["甲", "乙", "丙"], ["1", "2", "3"]])
    document.add_page_break()
    _grid_table(document, [["丁", "戊", "己"], ["4", "5", "6"]])


def _double_borders(document: Document) -> None:
    table = _grid_table(document, [["甲", "乙"], ["丙", "丁"]])
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{edge}")
        # Word's own double line: two half-point lines, the kind official forms use.
        for name, value in (("val", "double"), ("sz", "4"), ("space", "0"), ("color", "000000")):
            border.set(qn(f"w:{name}"), value)
        borders.append(border)
    table._tbl.tblPr.append(borders)


def _borderless(document: Document) -> None:
    table = document.add_table(rows=2, cols=2)  # the default table style draws no lines
    for r, texts in enumerate([["甲", "乙"], ["丙", "丁"]]):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text


# Forms as the bureaus print them: fixed column widths (points), 10.5 pt 仿宋, narrow padding.
K12_WIDTHS = (36.85, 209.8, 110.55, 90.7)  # 附件3-2: 名称 | 内容 | 建设情况 | 支撑材料清单
FORM_SIZE = 10.5


def _form_table(document: Document, widths: tuple[float, ...], rows: list[list[str]]
                ) -> DocxTable:
    """Add a ruled table with fixed `widths`; a "\n" in a cell's text starts a paragraph."""
    table = _grid_table(document, [["" for _ in widths] for _ in rows])
    properties = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "85")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.append(margins)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Pt(width)
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, width, text in zip(row.cells, widths, texts, strict=True):
            cell.width = Pt(width)
            for number, paragraph_text in enumerate(text.split("\n")):
                paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
                _form_run(paragraph.add_run(paragraph_text))
    return table


def _form_run(run: Run) -> Run:
    run.font.size = Pt(FORM_SIZE)
    run.font.name = "仿宋"
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋")
    return run


# 附件3-2 items whose status runs over several lines; with enough of them the table runs over
# two pages and rows break at the page ends.
BROKEN_ROWS = [
    (
        "基本环境",
        "1.具备支持智慧校园，满足学校教育教学带宽要求的有线和无线网络，有线网络"
        "信息点数量不低于师生总数的1.2倍，校园网骨干网带宽达到万兆，出口带宽满"
        "足应用需要。",
        "学校建成千兆到桌面的有线网络，有线信息点1460个，为师生总数的1.3倍"
        "；校园网骨干带宽万兆，出口总带宽1000M；无线网络覆盖全部教学区。",
        "校园网络拓扑图",
    ),
    (
        "基本环境",
        "2.有满足设施设备位置、状态信息传输要求的接入网关、传感网关和传输网络。",
        "在教学楼、实验楼部署物联网接入网关3台、传感网关2台，设施设备状态信息通"
        "过校园网传输到管理平台。",
        "物联网网关设备清单",
    ),
    (
        "基本环境",
        "3.提供满足学校信息化应用要求的计算能力和存储能力，服务器资源冗余不低于"
        "30%。",
        "中心机房有服务器4台，资源冗余约35%，总存储容量20TB，人均存储容量"
        "约6.8GB。",
        "服务器及存储配置清单",
    ),
    (
        "资源建设",
        "4.依托“一师一优课、一课一名师”等活动，建设具有学校特色的校本教育资源"
        "，满足学生自主、泛在和个性化学习。",
        "组织教师参加“一师一优课、一课一名师”活动，累计上传优课126节，建成校"
        "本课程数字资源12门。",
        "优课获奖证书",
    ),
    (
        "资源建设",
        "5.提供满足学生学习及创新发展的实验资源。",
        "建有数字化探究实验室2间，接入国家中小学智慧教育平台实验资源，各学科常态"
        "化开展混合式教学。",
        "实验资源目录",
    ),
    (
        "教育教学",
        "6.开通教师、学生、家长、班级网络学习空间，有效运用网络学习空间开展教学"
        "活动。",
        "教师、学生、家长、班级空间开通率分别为100%、96%、92%、100%"
        "，教师利用空间布置作业、答疑。",
        "空间开通统计表",
    ),
    (
        "教育教学",
        "7.实现校内、校际间教研资源的共享，支持教师开展网络研修、在线交流、协同"
        "工作。",
        "参与县域教研共同体，通过网络教研平台与片区学校开展集体备课和网络研修，每"
        "学期不少于8次。",
        "网络教研活动记录",
    ),
    (
        "管理服务",
        "8.建有涵盖办公、教学、教研、人事、财务、资产、学生事务、后勤等业务的综"
        "合管理系统，支持单点登录、柔性流程和跨部门网上协同办公。",
        "建有智慧校园综合管理平台，涵盖办公、教务、人事、财务、资产、学生事务、后"
        "勤等模块，支持统一身份认证和单点登录。",
        "管理平台功能截图",
    ),
    (
        "管理服务",
        "9.通过电子学生证、电子借书证、一卡通等，提供门禁通行、上课考勤、图书借"
        "阅、校园消费等服务。",
        "全校师生使用校园一卡通，实现门禁通行、课堂考勤、图书借阅和食堂消费，家长"
        "可在线查询消费记录并充值。",
        "一卡通系统使用记录",
    ),
    (
        "数据管理",
        "10.遵循《教育管理信息 普通中小学校管理信息》（JY/T1004—20"
        "12）、《重庆市教育信息系统基础数据标准》，实现身份认证、业务数据、共享"
        "交换数据的统一。",
        "按照JY/T1004—2012和重庆市基础数据标准对师生、课程、资产等数"
        "据统一编码。",
        "数据编码规范",
    ),
    (
        "数据管理",
        "11.对学生、教师、设施设备的相关基础数据、状态数据和行为数据进行了收集"
        "，形成了数据库。",
        "建成学生、教师、设施设备基础数据库，采集考勤、借阅、消费等行为数据，按学"
        "期生成分析报告。",
        "数据库表结构说明",
    ),
    (
        "制度保障",
        "12.学校制定有教育信息化或智慧校园建设规划和实施方案，统筹推进学校教育"
        "信息化或智慧校园建设。",
        "制定《学校智慧校园建设三年规划（2021—2023年）》和年度实施方案，"
        "每学期检查落实情况。",
        "建设规划",
    ),
    (
        "制度保障",
        "13.学校每年组织开展不少于2次智慧教育新理念、新知识、新技术等专题培训"
        "。",
        "2021年组织智慧教育专题培训4次，参训教师共520人次，培训内容涵盖智"
        "慧课堂、数据应用和网络安全。",
        "培训通知及签到表",
    ),
    (
        "网络安全",
        "14.学校制定有网络安全管理办法、网络安全应急预案等，有重要时期24小时"
        "网络安全值班值守记录。",
        "制定网络安全管理办法和网络安全应急预案，重要时期实行24小时值班并有值守"
        "记录。",
        "网络安全应急预案",
    ),
]


def _rows_broken_by_pages(document: Document) -> None:
    rows = [["名称", "内  容", "建设情况", "支撑材料清单"]]
    rows += [list(row) for row in BROKEN_ROWS * 2]
    _form_table(document, K12_WIDTHS, rows)


# Cells as schools fill them, where LibreOffice breaks lines in ways a plain "the next word
# did not fit" rule misreads.
WRAPPING = [
    # Short paragraphs, and numbered ones filling the line: new paragraphs, not wrapped lines.
    ("1.监控点位图\n2.巡更记录", "1.监控点位图\n2.巡更记录"),
    ("1.优课获奖证书（12份）\n2.校本资源目录\n3.资源平台截图",
     "1.优课获奖证书（12份）\n2.校本资源目录\n3.资源平台截图"),
    # LibreOffice breaks no line between "、" and digits: "分别为" is left alone on a line.
    ("教师、学生、家长、班级空间开通率分别为100%、96%、92%、100%，教师利用空间布置作业、答疑。",
     None),
    ("2次专题培训/学期，2021年参训教师共520人次。", None),
    # Wrapped after a dash or inside a bracket: no space put in.
    ("按照JY/T1004—2012和重庆市基础数据标准对师生、课程、资产等数据统一编码。", None),
    ("制定《学校智慧校园建设三年规划（2021—2023年）》和年度实施方案。", None),
]
EMAIL = "zxzx_xxzx@163.com"  # longer than its cell is wide: cut where the line ends


def _wrapping_in_form_cells(document: Document) -> None:
    rows = [["", "", text, ""] for text, _ in WRAPPING[2:]]
    rows += [["", "", "", text] for text, _ in WRAPPING[:2]]
    _form_table(document, K12_WIDTHS, rows)
    document.add_paragraph()
    _form_table(document, (100.0, 113.5), [["电子邮箱", EMAIL]])


def _symbol(paragraph: DocxParagraph, font: str, code: str) -> None:
    symbol = OxmlElement("w:sym")
    symbol.set(qn("w:font"), font)
    symbol.set(qn("w:char"), code)
    _form_run(paragraph.add_run())._element.append(symbol)


def _legacy_checkbox(paragraph: DocxParagraph, checked: bool) -> None:
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    data = OxmlElement("w:ffData")
    box = OxmlElement("w:checkBox")
    box.append(OxmlElement("w:sizeAuto"))
    default = OxmlElement("w:default")
    default.set(qn("w:val"), "1" if checked else "0")
    box.append(default)
    data.append(box)
    begin.append(data)
    _form_run(paragraph.add_run())._element.append(begin)
    _form_run(paragraph.add_run())._element.append(OxmlElement("w:instrText"))
    paragraph.runs[-1]._element[-1].text = " FORMCHECKBOX "
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    _form_run(paragraph.add_run())._element.append(end)


def _ticked(cell: DocxCell, mark: Callable[[DocxParagraph, bool], None]
            ) -> None:
    paragraph = cell.paragraphs[0]
    mark(paragraph, True)
    _form_run(paragraph.add_run("是   "))
    mark(paragraph, False)
    _form_run(paragraph.add_run("否"))


def _symbol_checkboxes(document: Document) -> None:
    table = _form_table(document, (150.0, 150.0), [["Wingdings", ""], ["Wingdings 2", ""],
                                                    ["复选框", ""]])
    _ticked(table.cell(0, 1), lambda p, on: _symbol(p, "Wingdings", "F0FE" if on else "F06F"))
    _ticked(table.cell(1, 1), lambda p, on: _symbol(p, "Wingdings 2", "F052" if on else "F0A3"))
    _ticked(table.cell(2, 1), _legacy_checkbox)


MERGED_ROWS = 60


def _merged_labels_over_a_page(document: Document) -> None:
    # An inspection sheet: a weight merged down all rows, groups of items merged down theirs.
    rows = [["A1使用效益", f"B{i // 30 + 1}资料记载", f"C{i + 1}.第{i + 1}项督查内容", str(i % 4)]
            for i in range(MERGED_ROWS)]
    table = _form_table(document, (60.0, 80.0, 200.0, 60.0), rows)
    for column, size in ((0, MERGED_ROWS), (1, 30)):
        for start in range(0, MERGED_ROWS, size):
            text = rows[start][column]
            merged = table.cell(start, column).merge(table.cell(start + size - 1, column))
            for paragraph in merged.paragraphs:
                paragraph._element.getparent().remove(paragraph._element)
            _form_run(merged.add_paragraph().add_run(text))


def _last_row_alone(document: Document) -> None:
    rows = [[f"第{i}项", f"内容{i}"] for i in range(1, 16)]
    table = _form_table(document, (100.0, 300.0), [*rows, ["市教育局意见：", ""]])
    for row in table.rows[:-1]:
        _row_height(row, 800)
    last = table.rows[-1]
    merged = last.cells[0].merge(last.cells[1])
    for paragraph in merged.paragraphs[1:]:
        paragraph._element.getparent().remove(paragraph._element)
    _form_run(merged.add_paragraph().add_run("负责人：          盖章："))
    _row_height(last, 2400)
    last._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _row_height(row: DocxRow, twips: int) -> None:
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(twips))
    height.set(qn("w:hRule"), "atLeast")
    row._tr.get_or_add_trPr().append(height)


NOTICE = (
    "各县市区教育行政管理部门和学校要切实承担本区域（本学校）试点工作的组织领导、监督检查工作，"
    "并提供必要政策措施等方面的支持，及时总结和推广试点单位的典型案例和成功经验。"
)


def _wrapped_paragraphs(document: Document) -> None:
    document.add_paragraph("三、责任、义务及违约处理")
    document.add_paragraph(NOTICE)
    document.add_paragraph("(二)试点项目承担单位：")
    document.add_paragraph("1.定期检查督促。")
    document.add_paragraph("签名：王五").alignment = WD_ALIGN_PARAGRAPH.RIGHT


_BUILDERS = {
    "simple-2x2": _simple,
    "merged-across-3-columns": _merged_across,
    "merged-down-3-rows": _merged_down,
    "text-around-table": _text_around,
    "wrapped-cells": _wrapped_cells,
    "long-table": lambda d: _long_table(d, repeat_header=False),
    "long-table-repeated-header": lambda d: _long_table(d, repeat_header=True),
    "page-break-between-tables": _page_break_between,
    "double-borders": _double_borders,
    "borderless-table": _borderless,
    "rows-broken-by-pages": _rows_broken_by_pages,
    "wrapping-in-form-cells": _wrapping_in_form_cells,
    "symbol-checkboxes": _symbol_checkboxes,
    "last-row-alone": _last_row_alone,
    "merged-labels-over-a-page": _merged_labels_over_a_page,
    "wrapped-paragraphs": _wrapped_paragraphs,
}


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory: pytest.TempPathFactory, soffice: str) -> dict[str, Path]:
    """Return every test document printed to PDF by LibreOffice, by name, in one batch."""
    base = tmp_path_factory.mktemp("pdf-reader")
    sources = []
    for name, build in _BUILDERS.items():
        document = docx.Document()
        build(document)
        path = base / f"{name}.docx"
        document.save(str(path))
        sources.append(path)
    # One soffice for the whole batch: about 0.4 s a file against 2.4 s one at a time.
    results = convert_batch(sources, WRITER_PDF, base / "pdf")
    printed = {s.stem: r for s, r in results.items() if isinstance(r, Path)}
    failed = {s.name: str(r) for s, r in results.items() if not isinstance(r, Path)}
    if failed:
        pytest.fail(f"LibreOffice could not print the test documents to PDF: {failed}")
    return printed


def _only_table(grid: Grid) -> Table:
    assert len(grid.tables) == 1, grid.blocks
    return grid.tables[0]


def _at(table: Table, row: int, col: int) -> Cell:
    cell = table.cell_at(row, col)
    assert cell is not None, (row, col, table.cells)
    return cell


def test_simple_table_has_its_cells_and_neighbours(pdfs: dict[str, Path]) -> None:
    table = _only_table(read_pdf(pdfs["simple-2x2"]))
    assert (table.n_rows, table.n_cols) == (2, 2)
    assert table.text_rows() == [["姓名", "张三"], ["联系电话", "13800138000"]]
    name = _at(table, 0, 0)
    assert table.right_of(name) == Cell("张三", 0, 1)
    assert table.below(name) == Cell("联系电话", 1, 0)
    assert table.right_of(_at(table, 1, 1)) is None


def test_cell_merged_across_three_columns_spans_them(pdfs: dict[str, Path]) -> None:
    table = _only_table(read_pdf(pdfs["merged-across-3-columns"]))
    assert (table.n_rows, table.n_cols) == (3, 4)
    label = _at(table, 0, 0)
    merged = table.right_of(label)
    assert merged == Cell("智慧校园建设", 0, 1, rowspan=1, colspan=3)
    assert table.right_of(merged) is None
    assert table.below(merged) == Cell("甲2", 1, 1)
    assert [c.text for c in table.row_cells(0)] == ["项目名称", "智慧校园建设"]
    assert [c.text for c in table.row_cells(2)] == ["乙1", "乙2", "乙3", "乙4"]


def test_cell_merged_down_three_rows_spans_them(pdfs: dict[str, Path]) -> None:
    table = _only_table(read_pdf(pdfs["merged-down-3-rows"]))
    assert (table.n_rows, table.n_cols) == (4, 3)
    merged = table.below(_at(table, 0, 0))
    assert merged == Cell("环境", 1, 0, rowspan=3, colspan=1)
    assert table.right_of(merged) == Cell("生机比", 1, 1)
    assert table.below(merged) is None
    assert [c.text for c in table.row_cells(3)] == ["环境", "功能室", "2"]
    assert table.text_rows()[2] == ["环境", "师机比", "3"]


def test_cell_with_two_paragraphs_keeps_them_as_lines(pdfs: dict[str, Path]) -> None:
    table = _only_table(read_pdf(pdfs["text-around-table"]))
    assert table.right_of(_at(table, 0, 0)) == Cell("同意申报\n负责人：李四", 0, 1)


def test_paragraphs_and_table_come_in_reading_order(pdfs: dict[str, Path]) -> None:
    grid = read_pdf(pdfs["text-around-table"])
    kinds = [b.text if isinstance(b, Paragraph) else "<table>" for b in grid.blocks]
    assert kinds == [
        "附件2", "项目建设报告 2024 版", "<table>", "填表说明：如实填写。", "Smart Campus 2024",
    ]


def test_typed_spaces_are_kept_and_none_are_added(pdfs: dict[str, Path]) -> None:
    table = _only_table(read_pdf(pdfs["text-around-table"]))
    assert _at(table, 1, 1).text == "Version 3 共 12 页"
    # LibreOffice prints a small gap between Chinese characters and digits; it is no space.
    assert _at(table, 3, 1).text == "共12页，合计150,000元"


def test_lines_wrapped_in_a_cell_are_joined_again(pdfs: dict[str, Path]) -> None:
    table = _only_table(read_pdf(pdfs["wrapped-cells"]))
    assert _at(table, 0, 1).text == SUMMARY
    assert _at(table, 1, 1).text == SUMMARY_EN


def test_lines_ended_by_the_writer_stay_apart(pdfs: dict[str, Path]) -> None:
    table = _only_table(read_pdf(pdfs["wrapped-cells"]))
    assert _at(table, 2, 1).text == "一、完成机房建设；\n二、开展教师培训。"
    assert _at(table, 3, 1).text == "同意上报。\n签名：王五\n2023年3月3日"


@pytest.mark.parametrize("name", ["long-table", "long-table-repeated-header"])
def test_table_running_over_a_page_break_is_one_table(pdfs: dict[str, Path], name: str) -> None:
    with pdfplumber.open(pdfs[name]) as pdf:
        assert len(pdf.pages) >= 2, "the long table must cross a page for this test"
    grid = read_pdf(pdfs[name])
    table = _only_table(grid)
    assert (table.n_rows, table.n_cols) == (LONG_ROWS + 1, 3)
    expected = [["序号", "学校名称", "投入资金"]]
    expected += [[str(i), f"第{i}学校", str(i * 100)] for i in range(1, LONG_ROWS + 1)]
    assert table.text_rows() == expected
    assert table.below(_at(table, LONG_ROWS - 1, 1)) == Cell(f"第{LONG_ROWS}学校", LONG_ROWS, 1)
    assert [p.text for p in grid.paragraphs] == ["项目清单", "表格结束"]


def test_checkbox_marks_are_kept(pdfs: dict[str, Path]) -> None:
    table = _only_table(read_pdf(pdfs["text-around-table"]))
    assert table.right_of(_at(table, 2, 0)) == Cell("☑是 ☐否", 2, 1)


def test_double_ruling_lines_still_make_one_grid(pdfs: dict[str, Path]) -> None:
    table = _only_table(read_pdf(pdfs["double-borders"]))
    assert table.text_rows() == [["甲", "乙"], ["丙", "丁"]]


def test_tables_apart_across_a_page_break_stay_apart(pdfs: dict[str, Path]) -> None:
    grid = read_pdf(pdfs["page-break-between-tables"])
    assert [t.text_rows() for t in grid.tables] == [
        [["甲", "乙", "丙"], ["1", "2", "3"]],
        [["丁", "戊", "己"], ["4", "5", "6"]],
    ]


def test_table_without_ruling_lines_is_read_as_lines(pdfs: dict[str, Path]) -> None:
    grid = read_pdf(pdfs["borderless-table"])
    assert grid.tables == []
    # The wide gap between two cells on one line is kept as one space.
    assert [p.text for p in grid.paragraphs] == ["甲 乙", "丙 丁"]


def test_row_broken_by_a_page_is_one_row_again(pdfs: dict[str, Path]) -> None:
    with pdfplumber.open(pdfs["rows-broken-by-pages"]) as pdf:
        first_items = [page.find_tables()[0].extract()[0][1] for page in pdf.pages[1:]]
    assert "" in first_items or None in first_items, "a row must break over a page"
    table = _only_table(read_pdf(pdfs["rows-broken-by-pages"]))
    expected = [["名称", "内  容", "建设情况", "支撑材料清单"]]
    expected += [list(row) for row in BROKEN_ROWS * 2]
    assert (table.n_rows, table.n_cols) == (len(expected), 4)
    # Every item, status and material whole, on its own row: none cut at a page's end.
    assert [row[1:] for row in table.text_rows()] == [row[1:] for row in expected]


def test_rows_apart_at_a_page_break_stay_apart(pdfs: dict[str, Path]) -> None:
    # The last page of this table starts with a new row (item 14): nothing merges into it.
    with pdfplumber.open(pdfs["rows-broken-by-pages"]) as pdf:
        last_first_row = pdf.pages[-1].find_tables()[0].extract()[0]
    assert last_first_row[1].startswith("14."), "the last page must start with a whole row"
    table = _only_table(read_pdf(pdfs["rows-broken-by-pages"]))
    assert [c.text for c in table.row_cells(table.n_rows - 1)] == list(BROKEN_ROWS[-1])
    assert table.text_rows()[-2][1:] == list(BROKEN_ROWS[-2][1:])


def test_new_row_under_merged_labels_is_not_taken_for_a_broken_one(
        pdfs: dict[str, Path]) -> None:
    # The row starting the second page has empty label cells (merged down from above) and
    # its item: a row of its own, though its first cells are empty.
    with pdfplumber.open(pdfs["merged-labels-over-a-page"]) as pdf:
        first = pdf.pages[1].find_tables()[0].extract()[0]
    assert not first[0] and not first[1] and first[2], "labels must run on over the page"
    table = _only_table(read_pdf(pdfs["merged-labels-over-a-page"]))
    assert table.n_rows == MERGED_ROWS
    assert [row[2:] for row in table.text_rows()] == [
        [f"C{i + 1}.第{i + 1}项督查内容", str(i % 4)] for i in range(MERGED_ROWS)
    ]


def test_last_row_alone_on_the_next_page_stays_in_its_table(pdfs: dict[str, Path]) -> None:
    with pdfplumber.open(pdfs["last-row-alone"]) as pdf:
        assert len(pdf.pages) == 2 and not pdf.pages[1].find_tables(), (
            "the last row must stand alone on the second page, a box pdfplumber sees no table in"
        )
    grid = read_pdf(pdfs["last-row-alone"])
    table = _only_table(grid)
    assert table.n_rows == 16
    assert table.row_cells(15) == [Cell("市教育局意见：\n负责人：          盖章：", 15, 0, 1, 2)]
    assert grid.paragraphs == []


def test_paragraphs_in_a_cell_are_not_taken_for_wrapped_lines(pdfs: dict[str, Path]) -> None:
    table = _only_table_of(read_pdf(pdfs["wrapping-in-form-cells"]), 0)
    materials = [row[3] for row in table.text_rows() if row[3]]
    # Short lines, and numbered items even when the one above fills its line.
    assert materials == [expected for _, expected in WRAPPING[:2]]


def test_lines_broken_early_by_libreoffice_are_joined(pdfs: dict[str, Path]) -> None:
    table = _only_table_of(read_pdf(pdfs["wrapping-in-form-cells"]), 0)
    statuses = [row[2] for row in table.text_rows() if row[2]]
    # "分别为" / "100%" / "、96%…": no line may start with "、", and none breaks after it.
    assert statuses[:2] == [text for text, _ in WRAPPING[2:4]]


def test_no_space_is_put_where_a_line_wraps_at_a_dash_or_inside_a_word(
        pdfs: dict[str, Path]) -> None:
    grid = read_pdf(pdfs["wrapping-in-form-cells"])
    statuses = [row[2] for row in _only_table_of(grid, 0).text_rows() if row[2]]
    assert statuses[2:] == [text for text, _ in WRAPPING[4:]]
    assert _only_table_of(grid, 1).text_rows() == [["电子邮箱", EMAIL]]
    with pdfplumber.open(pdfs["wrapping-in-form-cells"]) as pdf:
        assert EMAIL not in pdf.pages[0].extract_text(), "the address must wrap in its cell"


def test_symbol_font_and_legacy_checkboxes_read_as_marks(pdfs: dict[str, Path]) -> None:
    table = _only_table(read_pdf(pdfs["symbol-checkboxes"]))
    assert table.text_rows() == [
        ["Wingdings", "☑是   ☐否"], ["Wingdings 2", "☑是   ☐否"], ["复选框", "☑是   ☐否"],
    ]


def test_lines_wrapped_outside_tables_are_joined_again(pdfs: dict[str, Path]) -> None:
    grid = read_pdf(pdfs["wrapped-paragraphs"])
    assert [p.text for p in grid.paragraphs] == [
        "三、责任、义务及违约处理", NOTICE, "(二)试点项目承担单位：", "1.定期检查督促。",
        "签名：王五",
    ]


def _only_table_of(grid: Grid, index: int) -> Table:
    assert len(grid.tables) > index, grid.blocks
    return grid.tables[index]


def test_bytes_read_like_the_file(pdfs: dict[str, Path]) -> None:
    path = pdfs["merged-down-3-rows"]
    assert read_pdf(path.read_bytes()) == read_pdf(str(path))


def test_libreoffice_pdf_has_no_custom_properties(pdfs: dict[str, Path]) -> None:
    # Its info holds only standard keys (Creator, Producer...), which are not properties.
    assert read_pdf(pdfs["simple-2x2"]).properties == {}


# Hand-made PDFs: a few objects, a cross-reference table and a trailer.

_PAGE_SIZE = b"/MediaBox [0 0 595 842]"


def _pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """Return a PDF whose object n is `objects[n - 1]`, object 1 being the catalog."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\n" % (len(objects) + 1, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _stream(data: bytes, dictionary: bytes = b"") -> bytes:
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (dictionary, len(data), data)


def _one_page_pdf(resources: bytes, content: bytes, extra: list[bytes], trailer: bytes = b""
                  ) -> bytes:
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R %s /Resources %s /Contents 4 0 R >>"
            % (_PAGE_SIZE, resources),
            _stream(content),
            *extra,
        ],
        trailer,
    )


def _blank_pages_pdf(count: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(count))
    pages = [b"<< /Type /Page /Parent 2 0 R %s >>" % _PAGE_SIZE for _ in range(count)]
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
            *pages,
        ]
    )


def _utf16(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def test_custom_info_keys_become_properties() -> None:
    data = _one_page_pdf(
        b"<< /Font << /F1 5 0 R >> >>",
        b"BT /F1 12 Tf 72 760 Td (School report) Tj ET",
        [
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Title (Report) /Producer (LibreOffice 7.4) /CreationDate (D:20240310) "
            b"/tianbiao.form (ruian-2022-report) /tianbiao.key " + _utf16("学校-1") + b" >>",
        ],
        b"/Info 6 0 R",
    )
    grid = read_pdf(data)
    assert grid.properties == {"tianbiao.form": "ruian-2022-report", "tianbiao.key": "学校-1"}
    assert grid.blocks == [Paragraph("School report")]


def test_text_printed_twice_for_bold_is_read_once() -> None:
    # Some producers fake bold by printing each line again a fraction of a point aside.
    line = b"BT /F1 12 Tf %s 760 Td (Bold text) Tj ET "
    data = _one_page_pdf(
        b"<< /Font << /F1 5 0 R >> >>",
        line % b"72" + line % b"72.4",
        [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"],
    )
    assert read_pdf(data).blocks == [Paragraph("Bold text")]


def test_pdf_of_a_scanned_image_is_refused_as_scanned() -> None:
    pixels = bytes(random.Random(1).randrange(256) for _ in range(64 * 64))
    data = _one_page_pdf(
        b"<< /XObject << /Im1 5 0 R >> >>",
        b"q 400 0 0 400 100 300 cm /Im1 Do Q",
        [
            _stream(
                zlib.compress(pixels),
                b"/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /FlateDecode",
            )
        ],
    )
    with pytest.raises(UnreadableFileError) as raised:
        read_pdf(data)
    assert raised.value.code == "scanned"
    assert "扫描" in raised.value.message


def test_pdf_with_blank_pages_is_refused_as_empty() -> None:
    with pytest.raises(UnreadableFileError) as raised:
        read_pdf(_blank_pages_pdf(2))
    assert raised.value.code == "empty"


# The standard security handler, revision 2 (40-bit RC4), as the PDF reference describes it.
_PASSWORD_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def _encrypted_pdf(user_password: bytes, owner_password: bytes) -> bytes:
    file_id = hashlib.md5(b"tianbiao").digest()
    permissions = -44
    owner_key = hashlib.md5((owner_password + _PASSWORD_PAD)[:32]).digest()[:5]
    owner_entry = _rc4(owner_key, (user_password + _PASSWORD_PAD)[:32])
    file_key = hashlib.md5(
        (user_password + _PASSWORD_PAD)[:32]
        + owner_entry
        + permissions.to_bytes(4, "little", signed=True)
        + file_id
    ).digest()[:5]
    user_entry = _rc4(file_key, _PASSWORD_PAD)
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R %s >>" % _PAGE_SIZE,
            b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
            % (owner_entry.hex().encode(), user_entry.hex().encode(), permissions),
        ],
        b"/Encrypt 4 0 R /ID [<%s> <%s>]" % (file_id.hex().encode(), file_id.hex().encode()),
    )


def test_pdf_needing_a_password_is_refused_as_encrypted() -> None:
    data = _encrypted_pdf(b"secret", b"owner")
    with pdfplumber.open(io.BytesIO(data), password="secret") as pdf:
        assert len(pdf.pages) == 1, "the test file must open with its password"
    with pytest.raises(UnreadableFileError) as raised:
        read_pdf(data)
    assert raised.value.code == "encrypted"
    assert "加密" in raised.value.message


def test_pdf_with_only_an_owner_password_is_read() -> None:
    # Permission-only protection opens without a password; it must not be refused.
    with pytest.raises(UnreadableFileError) as raised:
        read_pdf(_encrypted_pdf(b"", b"owner"))
    assert raised.value.code == "empty"  # its one page is blank: read, not refused


def _deep_page_tree(depth: int) -> bytes:
    """Return a PDF whose one page sits `depth` levels down a chain of page-tree nodes."""
    nodes = [f"<< /Type /Pages /Kids [{n + 1} 0 R] /Count 1 >>".encode()
             for n in range(2, 2 + depth)]
    page = b"<< /Type /Page /MediaBox [0 0 595 842] >>"
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", *nodes, page])


@pytest.mark.parametrize(
    "data",
    [
        bytes(random.Random(7).randrange(256) for _ in range(4096)),
        b"%PDF-1.7\n" + bytes(random.Random(8).randrange(256) for _ in range(4096)),
        b"PK\x03\x04 a Word file renamed to .pdf",
        _blank_pages_pdf(1)[:60],
        _pdf([b"<< /Type /Catalog /Pages /Pages >>"]),
        _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [/X] /Count 1 >>"]),
        _deep_page_tree(3000),
    ],
    ids=["random-bytes", "pdf-header-then-garbage", "not-a-pdf", "truncated",
         "pages-a-name", "kids-a-name", "page-tree-3000-deep"],
)
def test_broken_file_is_refused_as_corrupt(data: bytes) -> None:
    with pytest.raises(UnreadableFileError) as raised:
        read_pdf(data)
    assert raised.value.code == "corrupt"
    assert raised.value.message == "文件不是有效的 PDF，可能已损坏"


def test_a_bug_in_the_reader_is_not_taken_for_a_damaged_file(monkeypatch) -> None:
    # Only what the PDF libraries raise on damaged input means "not a valid PDF"; an error
    # of our own must surface as itself, not as a file the school is asked to send again.
    def broken(page: object) -> None:
        raise TypeError("a bug in the page reader")

    monkeypatch.setattr("parsers.pdf.document.read_page", broken)
    with pytest.raises(TypeError, match="a bug in the page reader"):
        read_pdf(_blank_pages_pdf(1))


def test_empty_file_is_refused_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(UnreadableFileError) as raised:
        read_pdf(path)
    assert raised.value.code == "empty"
    assert raised.value.file == str(path)


def test_more_than_200_pages_are_refused_before_reading_them() -> None:
    with pytest.raises(UnreadableFileError) as raised:
        read_pdf(_blank_pages_pdf(201))
    assert raised.value.code == "too_large"
    assert "200" in raised.value.message
    with pytest.raises(UnreadableFileError) as raised:
        read_pdf(_blank_pages_pdf(200))
    assert raised.value.code == "empty"  # 200 pages are read; these happen to be blank
