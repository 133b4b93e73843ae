"""A school that changed a pre-filled value: the summary says so wherever either value shows.

The 汇总 sheet shows what the school wrote, the notice's own list what the roster holds;
both cells are filled and carry a comment quoting the two, and so do the totals they make.
"""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from summary_records import built_record

from forms.problems import Problem
from forms.registry import get_form
from records.summary import write_summary

REPORT = "ruian-2022-report"
AMOUNT_CHANGED = "投入资金与名单不一致：名单 150,000 元，学校填写 140,000 元"
NAME_CHANGED = "项目名称与名单不一致：名单“智慧校园”，学校填写“智慧校园二期”"


@pytest.fixture(scope="module")
def book(tmp_path_factory, sample_roster):
    spec = get_form(REPORT)
    changed = built_record(
        spec, "1-1",
        {"school": "瑞安市陶山镇荆谷学校", "project": "智慧校园二期", "amount": 140000,
         "summary": "建成覆盖全校的智慧校园平台。"},
        problems=[Problem("amount", "prefill_changed", AMOUNT_CHANGED),
                  Problem("project", "prefill_changed", NAME_CHANGED)], status="invalid")
    unchanged = built_record(spec, "2", {"school": "瑞安市塘下镇中心小学", "project": "智慧校园",
                                         "amount": 200000, "summary": "智慧校园平台上线。"})
    out = tmp_path_factory.mktemp("prefill") / "summary.xlsx"
    write_summary(spec, [changed, unchanged], out, roster=sample_roster,
                  grades={"1-1": {2023: ("良好", False)}})
    return load_workbook(out)


def _by_key(sheet, key_header: str) -> dict[str, dict[str, object]]:
    headers = [str(c.value).replace("\n", "") for c in sheet[2]]
    rows = {}
    for row in sheet.iter_rows(min_row=3):
        key = row[headers.index(key_header)].value
        if key is not None:
            rows.setdefault(str(key), dict(zip(headers, row, strict=False)))
    return rows


def _marked(cell, *quotes: str) -> bool:
    return (cell.fill.fgColor.rgb.endswith("FCE4D6") and cell.comment is not None
            and all(q in cell.comment.text for q in quotes))


def test_the_schools_amount_is_marked_with_both_values(book):
    rows = _by_key(book["汇总"], "清单编号")
    cell = rows["1-1"]["投入资金（元）"]
    assert cell.value == 140000
    assert _marked(cell, "150,000", "140,000")
    other = rows["2"]["投入资金（元）"]
    assert other.comment is None and other.fill.fgColor.rgb in (None, "00000000")


def test_the_rosters_amount_is_marked_on_the_official_list(book):
    listing = book["2022年瑞安市教育信息化应用“回头看”项目清单"[:31]]
    headers = [c.value for c in listing[2]]
    first, second = listing[3], listing[4]  # 1-1 and 1-2, under one merged 序号
    amount = headers.index("金额（元）")
    assert first[amount].value == 150000 and _marked(first[amount], "150,000", "140,000")
    assert second[amount].comment is None
    project = headers.index("项目名称")
    assert first[project].value == "智慧校园" and _marked(first[project], "智慧校园二期")


def test_totals_say_that_they_differ(book):
    summary_total = next(row for row in book["汇总"].iter_rows(min_row=3)
                         if row[0].value == "合计")
    marked = [c for c in summary_total if c.comment is not None]
    assert len(marked) == 1 and "1 处" in marked[0].comment.text
    assert marked[0].value == 340000
    listing = book["2022年瑞安市教育信息化应用“回头看”项目清单"[:31]]
    list_total = next(row for row in listing.iter_rows(min_row=3) if row[0].value == "合计")
    assert any(c.value == 13_893_577 and c.comment is not None for c in list_total)


def test_names_changed_are_marked_beside_the_texts_and_grades(book):
    texts = _by_key(book["报告正文"], "清单编号")
    assert texts["1-1"]["项目名称"].value == "智慧校园二期"
    assert _marked(texts["1-1"]["项目名称"], "智慧校园二期", "名单“智慧校园”")
    grades = _by_key(book["评估结果"], "编号")
    assert _marked(grades["1-1"]["项目"], "智慧校园二期")


def test_the_printed_page_says_it_too(book):
    """Comments are not printed: a line under each table names the differences."""
    listing = book["2022年瑞安市教育信息化应用“回头看”项目清单"[:31]]
    for sheet, count in ((book["汇总"], 2), (listing, 2)):
        notes = [c.value for row in sheet.iter_rows() for c in row
                 if isinstance(c.value, str) and c.value.startswith("注：标色")]
        assert len(notes) == 1
        assert f"标色的 {count} 处" in notes[0]
        assert f"1-1，{AMOUNT_CHANGED}" in notes[0] and f"1-1，{NAME_CHANGED}" in notes[0]
        row = next(r for r in sheet.iter_rows() if r[0].value == notes[0])
        assert row[0].row <= int(sheet.print_area.split("$")[-1])  # inside the print
