"""A summary as the archive files it: reopened with openpyxl, checked as a clerk checks a print.

Money in one format per column, dates as dates, no empty signature columns, rows tall
enough for their text, a wide form cut into pages that repeat the school, A4 print
settings, no header-only pages; and one workbook printed through LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import math
import subprocess

import pdfplumber
import pytest
from openpyxl import Workbook, load_workbook
from summary_records import LONG_PLAN, built_record, taskbook_records

from forms.registry import get_form
from records.print_layout import LINE_HEIGHT, MAX_ROW_HEIGHT, printable_units
from records.status import RowStatus
from records.status_sheet import write_status_sheet
from records.summary import write_summary
from records.summary_table import Column, Rows, write_table

TASKBOOK = "yueyang-2020-taskbook"
KEYS = ["序号", "清单编号", "单位名称"]


@pytest.fixture(scope="module")
def taskbook(tmp_path_factory):
    spec = get_form(TASKBOOK)
    out = tmp_path_factory.mktemp("taskbook") / "summary.xlsx"
    result = write_summary(spec, taskbook_records(spec), out)
    return out, result


def _headers(sheet) -> list[str]:
    return [str(c.value).replace("\n", "") for c in sheet[2] if c.value is not None]


def _column(sheet, header: str) -> list:
    index = _headers(sheet).index(header)
    return [row[index] for row in sheet.iter_rows(min_row=3)
            if row[0].value is not None and not str(row[0].value).startswith("注")]


def test_wide_form_is_cut_into_pages_that_repeat_the_school(taskbook):
    path, result = taskbook
    book = load_workbook(path)
    parts = [name for name in result.sheets if name.startswith("汇总")]
    assert len(parts) >= 2, parts  # 26 columns do not fit one A4 page at a readable size
    seen: list[str] = []
    for name in parts:
        sheet = book[name]
        headers = _headers(sheet)
        assert headers[:3] == KEYS
        assert sheet.freeze_panes == "D3"
        printed = sheet.print_area.split("!")[1].replace("$", "")
        last = printed.split(":")[1].rstrip("0123456789")
        widths = [sheet.column_dimensions[chr(ord("A") + i)].width
                  for i in range(ord(last) - ord("A") + 1)]
        assert sum(widths) <= printable_units("landscape")  # readable: scale >= 65 %
        seen += headers[3:]
    assert len(seen) == len(set(seen))  # every other column on exactly one page
    assert "经费总数（万元）（2023年）" not in seen  # nobody filled 2023: left out


def test_every_sheet_prints_on_a4_with_title_and_page_numbers(taskbook):
    path, _ = taskbook
    book = load_workbook(path)
    for sheet in book.worksheets:
        assert int(sheet.page_setup.paperSize) == 9  # A4
        assert sheet.page_setup.fitToWidth == 1
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.oddFooter.center.text == "第 &P 页，共 &N 页"
        assert sheet.oddHeader.center.text.startswith("岳阳市教育信息化试点项目计划任务书")
        assert sheet.page_margins.left >= 0.5 and sheet.page_margins.top >= 0.5
        if sheet.title != "图表":
            assert sheet.print_title_rows == "$2:$2"  # the header on every page
            assert sheet.page_setup.fitToHeight == 0  # as many pages down as it needs
    assert book["汇总"].page_setup.orientation == "landscape"


def test_money_has_one_format_per_column(taskbook):
    path, _ = taskbook
    sheet = load_workbook(path)["汇总"]
    cells = _column(sheet, "经费总数（万元）（2021年）")
    assert [c.value for c in cells] == [50, 46.5, 46.5, 143]  # three returns, the total
    # 50 too: 50.00 万元; up to four places, as kept (150,001 元 is 15.0001 万元).
    assert {c.number_format for c in cells} == {"#,##0.00##"}


def test_yuan_amounts_are_whole_with_thousands_separators(tmp_path):
    spec = get_form("ruian-2022-report")
    records = [built_record(spec, "1-1", {"school": "瑞安市陶山镇荆谷学校", "amount": 150000}),
               built_record(spec, "1-2", {"school": "瑞安市陶山镇荆谷学校", "amount": 155651.5})]
    write_summary(spec, records, tmp_path / "s.xlsx")
    cells = _column(load_workbook(tmp_path / "s.xlsx")["汇总"], "投入资金（元）")
    assert [c.value for c in cells] == [150000, 155651.5, 305651.5]
    assert {c.number_format for c in cells} == {"#,##0"}


def test_dates_are_dates_with_a_chinese_format(tmp_path):
    spec = get_form("ruian-2022-report")
    values = {"school": "瑞安市陶山镇荆谷学校", "report_date": "2022-09",
              "principal_date": "2023-03-06"}
    records = [built_record(spec, "1-1", values)]
    write_summary(spec, records, tmp_path / "s.xlsx")
    sheet = load_workbook(tmp_path / "s.xlsx")["汇总"]
    signed = _column(sheet, "校长意见（日期）")[0]
    assert signed.value == dt.datetime(2023, 3, 6) and signed.is_date
    assert signed.number_format == 'yyyy"年"m"月"d"日"'
    month = _column(sheet, "申报建设时间")[0]  # written without a day: no day is printed
    assert month.value == dt.datetime(2022, 9, 1) and month.number_format == 'yyyy"年"m"月"'


def test_signature_columns_nobody_signed_are_left_out_and_named(taskbook):
    path, _ = taskbook
    book = load_workbook(path)
    headers = [h for name in book.sheetnames if name.startswith("汇总") for h in
               _headers(book[name])]
    assert "主管部门（甲方）（负责人（签字））" not in headers
    assert "责任部门（乙方）（日期）" not in headers
    assert "项目负责人（签字）（日期）" in headers  # one unit dated its signature
    notes = [c.value for row in book["汇总"].iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("注：以下栏目")]
    assert len(notes) == 1 and "主管部门（甲方）（负责人（签字））" in notes[0]


def test_a_long_text_row_is_tall_enough_for_every_line(taskbook):
    path, _ = taskbook
    sheet = load_workbook(path)["报告正文"]
    cell = _column(sheet, "试点工作内容（2021年）")[0]
    assert cell.value == LONG_PLAN
    width = sheet.column_dimensions[cell.column_letter].width
    per_line = math.floor(width / 2)  # a Chinese character is about two width units
    lines = sum(math.ceil(len(p) / per_line) for p in LONG_PLAN.split("\n"))
    assert lines > 5
    assert sheet.row_dimensions[cell.row].height >= lines * LINE_HEIGHT


def test_a_text_longer_than_a_row_may_be_continues_below(tmp_path):
    spec = get_form("ruian-2022-report")
    essay = "学校建成覆盖全校的智慧校园平台，教师每周使用平台布置作业、开展教研。" * 40
    records = [built_record(spec, "1-1", {"school": "瑞安市陶山镇荆谷学校", "summary": essay})]
    write_summary(spec, records, tmp_path / "s.xlsx")
    sheet = load_workbook(tmp_path / "s.xlsx")["报告正文"]
    cells = _column(sheet, "项目简介")
    assert len(cells) > 1 and "".join(c.value for c in cells) == essay
    assert all(sheet.row_dimensions[c.row].height <= MAX_ROW_HEIGHT for c in cells)
    assert [c.value for c in _column(sheet, "学校")] == ["瑞安市陶山镇荆谷学校"] * len(cells)
    assert [c.value for c in _column(sheet, "序号")] == [1] + ["1（续）"] * (len(cells) - 1)


def test_the_file_path_is_last_and_outside_the_printed_area(taskbook):
    path, _ = taskbook
    sheet = load_workbook(path)["汇总"]
    headers = _headers(sheet)
    assert headers[-1] == "文件"
    last_printed = sheet.print_area.split(":")[1].replace("$", "").rstrip("0123456789")
    assert ord(last_printed) - ord("A") + 1 == len(headers) - 1


def test_a_table_nobody_filled_gets_no_page_but_a_line(taskbook):
    path, result = taskbook
    book = load_workbook(path)
    assert "经费预算明细（2021年）" in book.sheetnames
    assert "经费预算明细（2022年）" not in book.sheetnames
    assert "经费预算明细（2023年）" not in book.sheetnames
    lines = [c.value for row in book["汇总"].iter_rows() for c in row if c.value]
    assert "注：“经费预算明细（2023年）”各份均未填写，未单列一表。" in lines
    assert "“经费预算明细（2023年）”各份均未填写，未单列一表" in result.notes
    budget = book["经费预算明细（2021年）"]
    assert _column(budget, "起止时间")[0].value == "2021年3月—2021年7月"


def test_the_chart_prints_on_one_page(taskbook):
    path, _ = taskbook
    sheet = load_workbook(path)["图表"]
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 1
    assert sheet.page_setup.orientation == "landscape"


def test_rows_are_written_out_and_forgotten(tmp_path):
    book = Workbook(write_only=True)
    rows = Rows(lambda: ([n, "第一行\n第二行"] for n in range(2000)))
    layout = write_table(book, "表", "标题", [Column("序号", "integer"), Column("说明")], rows, [])
    assert len(layout.sheets[0].row_dimensions) <= 3  # not one per row: memory stays flat
    book.save(tmp_path / "t.xlsx")
    sheet = load_workbook(tmp_path / "t.xlsx")["表"]
    assert sheet.row_dimensions[2002].height >= 2 * LINE_HEIGHT


def test_the_status_list_prints_times_as_times_without_the_file(tmp_path):
    rows = [RowStatus("1-1", "瑞安市陶山镇荆谷学校", "智慧校园", "returned", 1, 0,
                      "/returns/very/long/path/01_瑞安市陶山镇荆谷学校_智慧校园.docx",
                      "2023-03-08T10:15:00"),
            RowStatus("1-2", "瑞安市陶山镇荆谷学校", "云桌面机房", "missing", None, 0, None, None)]
    write_status_sheet(get_form("ruian-2022-report"), rows, [], tmp_path / "status.xlsx")
    sheet = load_workbook(tmp_path / "status.xlsx")["报送情况"]
    received = _column(sheet, "收到时间")[0]
    assert received.value == dt.datetime(2023, 3, 8, 10, 15) and "年" in received.number_format
    assert _headers(sheet)[-1] == "文件"
    assert sheet.print_area.split(":")[1].startswith("$" + chr(ord("A") + len(_headers(sheet)) - 2))


def test_libreoffice_prints_the_summary_on_sensible_pages(taskbook, soffice, tmp_path):
    path, result = taskbook
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   capture_output=True, timeout=180, check=False)
    pdf = tmp_path / "summary.pdf"
    assert pdf.is_file()
    with pdfplumber.open(pdf) as document:
        pages = document.pages
        assert len(result.sheets) <= len(pages) <= 3 * len(result.sheets)
        for page in pages:
            assert (page.width, page.height) == pytest.approx((842, 595), abs=2)  # A4 across
            text = page.extract_text() or ""
            assert "岳阳市教育信息化试点项目计划任务书" in text
            assert "共" in text and "页" in text
            assert min(c["size"] for c in page.chars) >= 5.5  # never shrunk to nothing
