"""岳阳 试点项目 (seed 001): the unit list as a roster, and the 计划任务书 filled and read back.

The task book has one plan page per year 2021–2023, each with a plan table and a budget
table; the tables of the three years print the same labels and are told apart by the year
printed in them. Each test fills the blank official form with python-docx the way a unit
would, saves it, and reads it back with ``parse_paths``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from docx.document import Document
from docx.table import Table

from cli import cli
from forms.layout import LINE_BLANK, build_blank_form
from forms.registry import get_form
from parsers.batch import parse_paths
from parsers.record import Record

LIST = "yueyang-2020-list"
TASKBOOK = "yueyang-2020-taskbook"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
UNITS_XLSX = SAMPLES / "yueyang-2020-list.xlsx"
UNITS_CSV = SAMPLES / "yueyang-2020-list.csv"

# 附件1 as printed: ten units, in the notice's order.
UNITS = [
    ("汨罗市正则学校", "智慧教育实践与探究", "何发意"),
    ("湘阴县第四中学",
     "“互联网＋”理念下农村高中教师研训共同体建设和平战融合教学模式的创新与实践", "刘竞波"),
    ("平江县桂花学校", "家校共育共同体建设创新与实践", "黄远来"),
    ("岳阳市第十八中学", "学校管理信息化系统建设", "陈岳平"),
    ("君山区许市镇中学", "智能化课堂、平战融合教学模式探索与实践", "李大航"),
    ("临湘市第六完全小学", "中小学数字校园建设的探索与实践", "何永祥"),
    ("华容县教师进修学校", "数字校园的建设与应用", "李松华"),
    ("岳阳县城南小学", "数字校园环境下学校智慧教育平台\n综合应用探索与实践", "毛华冬"),
    ("岳阳市网络工程职业技术学校", "基于网络工作坊的中职教师研训共同体建设创新与实践", "李健"),
    ("岳阳市第十四中学", "依托智慧校园实现\n精细教学的应用研究", "廖小光"),
]

YEARS = (2021, 2022, 2023)

# What a unit writes on each year's page: plan texts, the three totals, the budget rows.
PLANS = {
    year: {
        "content": f"{year}年建设智慧课堂。\n完成教师全员培训。",
        "results": f"形成{year}年度应用案例集。",
        "measures": f"成立{year}年度项目工作组。\n专款专用，按月督查。",
    }
    for year in YEARS
}
TOTALS = {  # year: (经费总数, 上级部门配套经费, 自筹经费) as typed
    2021: ("50", "30", "20"),
    2022: ("40", "25", "15"),
    2023: ("30.5", "10.5", "20"),
}
BUDGET_ROWS = {  # year: [(试点重点建设内容, 重点建设内容分解, 起止时间, 所需经费)]
    2021: [
        ("智慧课堂", "采购交互式一体机10台", "2021.3—2021.8", "20"),
        ("教师研训平台", "平台部署与账号开通", "2021年9月至2021年12月", "30"),
    ],
    2022: [
        ("校本资源库", "录制微课200节", "2022.01-2022.06", "10"),
        ("平台运维", "服务器与网络维护", "2022.01-2022.12", "15"),
        ("教师培训", "信息化能力提升培训4期", "2022.03-2022.11", "15"),
    ],
    2023: [
        ("成果推广", "举办全市现场会", "2023.04-2023.06", "12.5"),
        ("评估总结", "第三方评估与结题", "2023.07-2023.12", "18"),
    ],
}
ROWS_READ = {  # the same rows as tianbiao must read them
    2021: [
        {"试点重点建设内容": "智慧课堂", "重点建设内容分解": "采购交互式一体机10台",
         "起止时间": "2021-03/2021-08", "所需经费（万元）": 20},
        {"试点重点建设内容": "教师研训平台", "重点建设内容分解": "平台部署与账号开通",
         "起止时间": "2021-09/2021-12", "所需经费（万元）": 30},
    ],
    2022: [
        {"试点重点建设内容": "校本资源库", "重点建设内容分解": "录制微课200节",
         "起止时间": "2022-01/2022-06", "所需经费（万元）": 10},
        {"试点重点建设内容": "平台运维", "重点建设内容分解": "服务器与网络维护",
         "起止时间": "2022-01/2022-12", "所需经费（万元）": 15},
        {"试点重点建设内容": "教师培训", "重点建设内容分解": "信息化能力提升培训4期",
         "起止时间": "2022-03/2022-11", "所需经费（万元）": 15},
    ],
    2023: [
        {"试点重点建设内容": "成果推广", "重点建设内容分解": "举办全市现场会",
         "起止时间": "2023-04/2023-06", "所需经费（万元）": 12.5},
        {"试点重点建设内容": "评估总结", "重点建设内容分解": "第三方评估与结题",
         "起止时间": "2023-07/2023-12", "所需经费（万元）": 18},
    ],
}
COVER = {"单位名称": "汨罗市正则学校", "项目名称": "智慧教育实践与探究",
         "项目负责人": "何发意", "联系电话": "0730-8805708"}


@pytest.fixture(scope="module")
def taskbook():
    return get_form(TASKBOOK)


def write_cell(cell: Any, text: str) -> None:
    """Replace what a cell shows with `text`, one paragraph per line."""
    first, *more = text.split("\n")
    cell.paragraphs[0].text = first
    for line in more:
        cell.add_paragraph(line)


def table_with(document: Document, row: int, col: int, text: str) -> Table:
    """Return the table whose cell (`row`, `col`) reads `text`."""
    return next(t for t in document.tables
                if len(t.rows) > row and t.cell(row, col).text == text)


def fill_taskbook(spec, path: Path, *, cover: dict[str, str] = COVER,
                  totals: dict[int, tuple[str, str, str]] = TOTALS,
                  budget_rows: dict[int, list[tuple[str, ...]]] = BUDGET_ROWS) -> Path:
    """Fill the blank task book as a unit would and save it at `path`."""
    document = build_blank_form(spec)
    for paragraph in document.paragraphs:
        label = paragraph.text.partition("：")[0]
        if label in cover:
            blank = next(r for r in paragraph.runs if r.text == LINE_BLANK)
            blank.text = cover[label]
    for year in YEARS:
        plan = table_with(document, 0, 1, f"{year}年")
        labels = {"试点工作内容": "content", "预期试点成果": "results",
                  "工作措施与\n保障手段": "measures"}
        for row in plan.rows[1:]:
            write_cell(row.cells[1], PLANS[year][labels[row.cells[0].text]])
        budget = [t for t in document.tables
                  if t.cell(0, 0).text == "经费总数\n（万元）"][YEARS.index(year)]
        total, superior, own = totals[year]
        write_cell(budget.cell(0, 1), total)  # beside its label, over two rows
        write_cell(budget.cell(1, 2), superior)  # under its label
        write_cell(budget.cell(1, 3), own)
        assert budget.cell(2, 0).text == "试点重点建设内容"
        for r, values in enumerate(budget_rows[year], start=3):
            if r == len(budget.rows):  # more items than printed rows: add one, as Word does
                budget.add_row()
            for col, text in enumerate(values):
                write_cell(budget.cell(r, col), text)
    document.save(str(path))
    return path


def parse_one(path: Path) -> Record:
    (record,) = list(parse_paths([str(path)]))
    return record


def codes(record: Record) -> list[str]:
    return [p.code for p in record.problems]


# -- the definitions ------------------------------------------------------------------


def test_definitions_load():
    units = get_form(LIST)
    assert units.is_list
    assert units.attachment == "附件1"
    assert units.title == "2020年度岳阳市教育信息化试点项目单位名单"
    assert [c.header for c in units.columns] == ["单位名称", "项目名称", "项目负责人"]

    book = get_form(TASKBOOK)
    assert book.attachment == "附件2"
    assert book.issuer == "岳阳市教育体育局"
    assert book.roster == LIST
    assert str(book.due) == "2021年1月18日"
    assert book.contact == "陈育军，8805708，yysyj@126.com"
    assert {f.id: f.prefill for f in book.fields if f.prefill} == {
        "unit": "单位名称", "project": "项目名称", "leader": "项目负责人",
    }
    assert book.field("phone").kind == "phone"
    content = book.field("plan_2022_content")
    assert (content.label, content.column) == ("试点工作内容", "2022年")
    total = book.field("total_2023")
    assert (total.label, total.column, total.unit) == ("经费总数（万元）", "2023年", "万元")
    assert [r.label for r in book.repeats] == [
        "经费预算明细（2021年）", "经费预算明细（2022年）", "经费预算明细（2023年）",
    ]
    assert not any(f.required for f in book.fields if f.id.startswith("party_"))
    assert [c.severity for c in book.checks] == ["error"] * 3 + ["warning"] * 3


# -- the list -------------------------------------------------------------------------


def test_roster_from_the_sample_workbook_has_the_ten_units():
    result = CliRunner().invoke(cli, ["roster", str(UNITS_XLSX), "--format", "json"])
    assert result.exit_code == 0, result.output
    roster = json.loads(result.output)
    assert roster["form"] == LIST
    assert roster["title"] == "2020年度岳阳市教育信息化试点项目单位名单"
    assert roster["problems"] == []
    assert [(r["单位名称"], r["项目名称"], r["项目负责人"]) for r in roster["rows"]] == UNITS


def test_roster_from_the_sample_csv_matches_the_workbook():
    result = CliRunner().invoke(cli, ["roster", str(UNITS_CSV), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["rows"]
    assert [(r["单位名称"], r["项目名称"], r["项目负责人"]) for r in rows] == UNITS


# -- generating copies ----------------------------------------------------------------


def test_generate_prefills_the_cover_of_each_copy(tmp_path):
    out = tmp_path / "copies"
    result = CliRunner().invoke(
        cli, ["generate", TASKBOOK, "--roster", str(UNITS_XLSX), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    copies = sorted(out.glob("*.docx"))
    assert len(copies) == 10
    for path, (unit, project, leader) in zip(copies, UNITS, strict=True):
        cover = [p.text for p in docx.Document(str(path)).paragraphs]
        assert f"单位名称：{unit}（盖 章）" in cover
        # A line break inside a project name becomes a space on the one-line blank.
        assert f"项目名称：{project.replace(chr(10), ' ')}" in cover
        assert f"项目负责人：{leader}" in cover
    record = parse_one(copies[7])
    assert record.form == TASKBOOK
    assert record.value("unit") == "岳阳县城南小学"
    assert record.value("project") == "数字校园环境下学校智慧教育平台 综合应用探索与实践"
    assert record.value("leader") == "毛华冬"
    assert record.value("phone") is None
    assert "required" in codes(record)


# -- reading a filled task book back -------------------------------------------------


def test_filled_task_book_gives_back_every_value(taskbook, tmp_path):
    record = parse_one(fill_taskbook(taskbook, tmp_path / "filled.docx"))
    assert record.form == TASKBOOK
    assert record.status == "ok", record.problems
    assert record.problems == []
    assert record.value("unit") == "汨罗市正则学校"
    assert record.value("project") == "智慧教育实践与探究"
    assert record.value("leader") == "何发意"
    assert record.value("phone") == "07308805708"
    for year in YEARS:
        for name, text in PLANS[year].items():
            assert record.value(f"plan_{year}_{name}") == text
        total, superior, own = (float(t) for t in TOTALS[year])
        assert record.value(f"total_{year}") == total
        assert record.value(f"superior_{year}") == superior
        assert record.value(f"own_{year}") == own
        assert record.rows[f"经费预算明细（{year}年）"] == ROWS_READ[year]
    # Signatures and dates are recognised, never required: left empty they read as None.
    for party in ("party_a", "party_a_signer", "party_a_date", "party_c_signer", "party_c_date"):
        assert record.value(party) is None


def test_record_names_each_year_by_the_year_printed_in_its_table(taskbook, tmp_path):
    record = parse_one(fill_taskbook(taskbook, tmp_path / "filled.docx"))
    fields = {f.id: f for f in record.fields}
    assert (fields["plan_2023_measures"].label, fields["plan_2023_measures"].column) == (
        "工作措施与保障手段", "2023年")
    assert (fields["superior_2022"].label, fields["superior_2022"].column) == (
        "上级部门配套经费（万元）", "2022年")


def test_total_not_equal_to_its_two_sources_is_invalid(taskbook, tmp_path):
    totals = {**TOTALS, 2022: ("45", "25", "15")}
    extra = ("备用", "不可预见费", "2022.12-2022.12", "5")  # a fourth row, added by the unit
    rows = {**BUDGET_ROWS, 2022: [*BUDGET_ROWS[2022], extra]}
    record = parse_one(fill_taskbook(taskbook, tmp_path / "wrong-total.docx",
                                     totals=totals, budget_rows=rows))
    assert len(record.rows["经费预算明细（2022年）"]) == 4
    assert record.status == "invalid"
    (problem,) = record.problems
    assert (problem.code, problem.field) == ("sum_mismatch", "total_2022")
    assert "45" in problem.message and "40" in problem.message


def test_budget_rows_not_adding_up_are_a_warning_only(taskbook, tmp_path):
    rows = {**BUDGET_ROWS, 2021: BUDGET_ROWS[2021][:1]}  # only 20 of the 50 listed
    record = parse_one(fill_taskbook(taskbook, tmp_path / "rows-short.docx", budget_rows=rows))
    assert record.status == "ok"
    (problem,) = record.problems
    assert (problem.code, problem.field) == ("sum_warning", "total_2021")
    assert "50" in problem.message and "20" in problem.message


def test_bad_phone_is_named(taskbook, tmp_path):
    cover = {**COVER, "联系电话": "880570"}
    record = parse_one(fill_taskbook(taskbook, tmp_path / "bad-phone.docx", cover=cover))
    problem = next(p for p in record.problems if p.field == "phone")
    assert problem.code == "bad_phone"
    assert "880570" in problem.message
    assert record.status == "invalid"
