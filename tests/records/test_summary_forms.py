"""Summaries of the other campaigns: score rankings with subtotals, counts by category."""

from __future__ import annotations

from filling import fill_every_blank
from openpyxl import load_workbook

from forms.registry import get_form
from parsers.batch import parse_paths
from records.summary import write_summary


def _records(tmp_path, form_id, count, tweak=None):
    paths = []
    for n in range(count):
        filled = fill_every_blank(get_form(form_id))
        if tweak:
            tweak(filled.document, n)
        path = tmp_path / f"{form_id}-{n}.docx"
        filled.document.save(str(path))
        paths.append(str(path))
    return list(parse_paths(paths, form_id, workers=1))


def test_score_form_ranks_schools_with_subtotals(tmp_path):
    def lower_c1(document, n):
        cell = next(c for row in document.tables[0].rows for c in row.cells
                    if c.text.startswith("C1"))
        score = document.tables[0].rows[[r._tr for r in document.tables[0].rows].index(
            cell._tc.getparent())].cells[-2]
        score.paragraphs[0].runs[0].text = str(2 - n)  # 2, 1, 0 points on C1

    records = _records(tmp_path, "zhongxian-2021-inspection", 3, lower_c1)
    out = tmp_path / "summary.xlsx"
    result = write_summary(get_form("zhongxian-2021-inspection"), records, out)
    assert "考核分排名" in result.sheets and "图表" in result.sheets
    sheet = load_workbook(out)["考核分排名"]
    header = [c.value for c in sheet[2]]
    assert header[:3] == ["名次", "学校/单位", "总分"]
    assert any(str(h).startswith("A1") for h in header)
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3, max_row=5)]
    assert [r[0] for r in rows] == [1, 2, 3]
    assert [r[2] for r in rows] == [100, 99, 98]
    a1 = header.index(next(h for h in header if str(h).startswith("A1")))
    assert [r[a1] for r in rows] == [6, 5, 4]


def test_hengyang_city_summary_counts_by_county_and_category(tmp_path):
    records = _records(tmp_path, "hengyang-2018-summary", 2)
    out = tmp_path / "summary.xlsx"
    result = write_summary(get_form("hengyang-2018-summary"), records, out)
    pivot = next(s for s in result.sheets if s.startswith("按申报类别"))
    sheet = load_workbook(out)[pivot]
    header = [c.value for c in sheet[2]]
    assert header[1:5] == ["网络联校创新应用", "区域智慧教育", "教育网络安全", "人工数字智能教室"]
    total = next(row for row in sheet.iter_rows(min_row=3) if row[0].value == "合计")
    assert total[-1].value == 4  # two counties' returns, two application rows each
