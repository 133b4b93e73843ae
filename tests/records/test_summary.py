"""The summary workbook, reopened as the office would and checked cell by cell."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from forms.registry import get_form
from parsers.batch import parse_paths
from parsers.record import Record
from records.summary import write_summary

CSV_UTF8 = "csv:Text - txt - csv (StarCalc):44,34,76"  # comma, quote, UTF-8


@pytest.fixture(scope="module")
def workbook(tmp_path_factory, generated_reports):
    from fill_as_school import fill_document
    from school_returns import ANSWERS

    folder = tmp_path_factory.mktemp("summary-input")
    for key, answers in ANSWERS.items():
        fill_document(generated_reports[key], answers, folder / f"{key}.docx")
    records = list(parse_paths([str(folder)]))
    records.append(Record(file="bad\x07name.docx", form="ruian-2022-report", status="invalid"))
    out = tmp_path_factory.mktemp("summary") / "summary.xlsx"
    result = write_summary(get_form("ruian-2022-report"), records, out)
    return out, result


def _rows(sheet):
    headers = [str(c.value).replace("\n", "") for c in sheet[2]]  # headers break before （
    rows = []
    for row in sheet.iter_rows(min_row=3):
        values = dict(zip(headers, (c for c in row), strict=False))
        rows.append(values)
    return headers, rows


def test_title_header_and_frozen_panes(workbook):
    path, result = workbook
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "瑞安市教育信息化应用“回头看”项目建设报告汇总表"
    headers, _ = _rows(sheet)
    assert headers[:4] == ["序号", "清单编号", "学校", "申报建设时间"]  # the keys first
    assert "投入资金（元）" in headers and "校长意见（日期）" in headers
    assert sheet.freeze_panes == "D3"
    assert sheet.page_setup.orientation == "landscape"
    assert result.rows == 3


def test_money_is_a_number_with_a_format_and_totals(workbook):
    path, _ = workbook
    sheet = load_workbook(path).active
    _, rows = _rows(sheet)
    by_key = {r["清单编号"].value: r for r in rows if r["清单编号"].value}
    amount = by_key["1-1"]["投入资金（元）"]
    assert amount.value == 150000 and amount.number_format == "#,##0"
    total = next(r for r in rows if r["序号"].value == "合计")
    assert total["投入资金（元）"].value == 350000


def test_long_texts_have_their_own_sheet(workbook):
    from school_returns import ANSWERS

    path, _ = workbook
    book = load_workbook(path)
    assert book.sheetnames[0] == "汇总"
    assert "图表" in book.sheetnames  # amounts by return
    # Five long texts are too wide for one page: two sheets, each with the school again.
    headers, rows = _rows(book["报告正文"])
    assert headers == ["序号", "清单编号", "学校", "项目名称", "项目简介", "推进措施", "效益"]
    more, _ = _rows(book["报告正文（续1）"])
    assert more == ["序号", "清单编号", "学校", "项目名称", "与计划的达成度", "校长意见"]
    first = next(r for r in rows if r["清单编号"].value == "1-1")
    assert first["项目简介"].value == ANSWERS["1-1"]["项目简介"]
    assert book["报告正文"].row_dimensions[first["序号"].row].height >= 30


def test_formula_looking_text_is_stored_as_text(workbook):
    path, _ = workbook
    book = load_workbook(path)
    _, rows = _rows(book["报告正文"])
    _, more = _rows(book["报告正文（续1）"])
    row = next(r for r in rows if r["清单编号"].value == "2")
    row |= next(r for r in more if r["清单编号"].value == "2")
    assert row["项目简介"].value == '=HYPERLINK("http://example.invalid","点此查看")'
    assert row["项目简介"].data_type == "s"
    for header, text in (("推进措施", "+录播教室纳入教研安排"), ("效益", "-"),
                         ("与计划的达成度", "@达成")):
        assert row[header].value == text and row[header].data_type == "s"


def test_forbidden_control_characters_are_removed_and_noted(workbook):
    path, result = workbook
    _, rows = _rows(load_workbook(path).active)
    assert any("控制字符" in note for note in result.notes)
    files = [r["文件"].value for r in rows]
    assert "badname.docx" in files


def test_chinese_columns_are_wide_enough(workbook):
    path, _ = workbook
    sheet = load_workbook(path).active
    headers, _ = _rows(sheet)
    school = sheet.column_dimensions[chr(ord("A") + headers.index("学校"))]
    assert school.width >= len("瑞安市陶山镇荆谷学校") * 2


def test_libreoffice_calc_opens_the_summary(workbook, soffice, tmp_path):
    path, _ = workbook
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", CSV_UTF8, "--outdir", str(tmp_path), str(path)],
        capture_output=True, timeout=180, check=False,
    )
    converted = Path(tmp_path) / "summary.csv"
    assert converted.is_file(), result.stderr
    text = converted.read_text(encoding="utf-8", errors="replace")
    assert "瑞安市陶山镇荆谷学校" in text
