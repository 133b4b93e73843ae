"""Documents that are none of the forms are never taken for one, as .docx and as printed PDF.

A form is known by its title or by its own printed words; numbered rows ("1"–"35", "C12")
are in every statistics table and prove nothing. A file that comes close is reported with
the form it came closest to, never read as a return of it.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from forms.layout import build_blank_form, document_bytes
from forms.registry import get_form
from parsers.batch import parse_paths
from parsers.grid import Cell, Grid, Paragraph, Table
from parsers.identify import identify_form
from parsers.office import WRITER_PDF, convert_batch

K12 = "zhongxian-2021-smart-campus-k12"
STATES = ["Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
          "Delaware", "District of Columbia", "Florida", "Georgia", "Guam", "Hawaii", "Idaho",
          "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
          "Mariana Islands", "Maryland", "Massachusetts", "Michigan", "Minnesota",
          "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
          "New Jersey", "New Mexico", "New York"]


def _document(lines: list[str], header: list[str], rows: list[list[str]]) -> bytes:
    """Return a .docx of `lines` above one table of `header` and `rows`, as python-docx saves it."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    for r, cells in enumerate([header, *rows]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _background_checks() -> bytes:
    """Return an English statistics table: 35 numbered states, counts from 1 to 35 among them."""
    header = ["No.", "State", "Permit", "Handgun", "Long Gun", "Other", "Multiple", "Totals"]
    rows = [[str(n), state, str(n * 37 % 500), str(n), str(36 - n), "0", str(n % 7),
             str(n * 37 % 500 + 36 + n % 7)] for n, state in enumerate(STATES, start=1)]
    return _document(["NICS Firearm Checks: Month/Year by State", "November 2015"],
                     header, rows)


def _layoff_notices() -> bytes:
    """Return an English list of layoff notices, numbered rows and dates."""
    header = ["#", "Company", "City", "Notice Date", "Effective Date", "No. of Employees"]
    rows = [[str(n), f"Company {n} Inc.", "Sacramento", f"7/{n % 28 + 1}/2015",
             f"9/{n % 28 + 1}/2015", str(n * 3)] for n in range(1, 41)]
    return _document(["WARN Report for 7/1/2015 to 03/25/2016"], header, rows)


def _broadband_list() -> bytes:
    """Return a Chinese school list numbered 1–35 sharing two labels (学校名称, 联系电话)."""
    header = ["序号", "学校名称", "宽带接入（M）", "联系电话"]
    rows = [[str(n), f"第{n}中学", str(100 * n), f"0234-55{n:04d}"] for n in range(1, 36)]
    return _document(["2021年全县学校宽带接入情况统计表"], header, rows)


def _notice() -> bytes:
    """Return a notice that names the forms: in sentences, and in its list of attachments."""
    lines = [
        "关于开展2021年智慧校园建设情况自查的通知",
        "各中小学校：",
        "请各校对照《普通中小学智慧校园建设情况表》逐项自查，于10月15日前报送。",
        "1.学校要高度重视，明确专人负责。",
        "2.建设情况要如实填写，支撑材料清单另附。",
        "附件：1.普通中小学智慧校园建设情况表",
        "2.中职学校智慧校园建设情况表",
    ]
    return _document(lines, ["序号", "学校名称", "联系人", "联系电话"],
                     [[str(n), "", "", ""] for n in range(1, 4)])


def _k12_with_three_items() -> bytes:
    """Return the 普通中小学 construction table cut down to three items, its title gone."""
    spec = get_form(K12)
    document = build_blank_form(spec)
    for paragraph in document.paragraphs:
        if spec.title in paragraph.text:
            paragraph.text = "学校信息化工作摘要"
    table = document.tables[0]
    for row in table.rows[4:]:
        row._tr.getparent().remove(row._tr)
    return document_bytes(document)


STRANGERS = {
    "background-checks": (_background_checks, None),
    "layoff-notices": (_layoff_notices, None),
    "broadband-list": (_broadband_list, "乐清市教育技术装备规范管理自查表"),
    "notice-naming-the-forms": (_notice, "普通中小学智慧校园建设情况表"),
    "k12-three-items-untitled": (_k12_with_three_items, "普通中小学智慧校园建设情况表"),
}


@pytest.fixture(scope="module")
def stranger_records(tmp_path_factory, soffice):
    """Return {(shape, name): record} for every stranger as .docx and as a printed PDF."""
    folder = tmp_path_factory.mktemp("strangers")
    files = []
    for name, (build, _) in STRANGERS.items():
        path = folder / f"{name}.docx"
        path.write_bytes(build())
        files.append(path)
    printed = convert_batch(files, WRITER_PDF, folder / "pdf")
    shapes = {"docx": files, "pdf": [printed[f] for f in files]}
    records = {}
    for shape, paths in shapes.items():
        assert all(isinstance(p, Path) for p in paths), paths
        for path, record in zip(paths, parse_paths([str(p) for p in paths]), strict=True):
            records[(shape, Path(path).stem)] = record
    return records


@pytest.mark.parametrize("shape", ["docx", "pdf"])
@pytest.mark.parametrize("name", list(STRANGERS))
def test_a_stranger_is_reported_not_read_as_a_form(stranger_records, shape, name):
    record = stranger_records[(shape, name)]
    assert (record.form, record.status, record.fields) == (None, "unreadable", [])
    [problem] = record.problems
    assert problem.code == "unknown_form"
    assert problem.message.startswith("不是已知的表单")
    closest = STRANGERS[name][1]
    if closest is None:
        assert "最接近" not in problem.message
    else:
        assert f"最接近：《{closest}》" in problem.message


def test_a_near_miss_says_how_near(stranger_records):
    message = stranger_records[("docx", "k12-three-items-untitled")].problems[0].message
    # The two column headers and three items' texts: 5 of the form's 37 printed words.
    assert message == ("不是已知的表单（最接近：《普通中小学智慧校园建设情况表》，只对上了 5 个"
                       "标签）；如确是这张表，可用 --form zhongxian-2021-smart-campus-k12 指定")


def test_a_notice_naming_a_form_in_its_attachments_is_not_the_form(stranger_records):
    message = stranger_records[("docx", "notice-naming-the-forms")].problems[0].message
    assert "只有标题对上了，栏目一个也对不上" in message


def test_numbered_rows_alone_are_no_fingerprint():
    numbers = [Cell(str(n * (c + 1)), n - 1, c) for n in range(1, 41) for c in range(3)]
    codes = Table(numbers, n_rows=40, n_cols=3)
    found = identify_form(Grid([Paragraph("Monthly totals"), codes]))
    assert found.form is None and found.closest is None
