"""The notice's list as a bureau publishes it: the list form's own blank, its rows written in.

A school with several projects prints its 序号 and 学校名称 once, in cells merged down over
its rows, and the header row repeats at the top of every printed page, as in the notice.
The session fixtures here build the lists once and convert them in LibreOffice batches:
every list printed to PDF in one run, every Word list saved as Word 97 in another. A test
module imports the fixtures it uses.
"""

from __future__ import annotations

import copy
import csv
from pathlib import Path

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from forms.layout import CELL_STYLE, add_text, build_blank_form
from forms.registry import get_form

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TOTAL = 13_893_577


def check_ruian_list(roster) -> None:
    """Assert `roster` is the 瑞安 project list: 60 rows, merged cells undone, its total."""
    assert len(roster.rows) == 60
    assert roster.total("金额") == TOTAL
    numbers = {row.get("序号") for row in roster.rows}
    assert len(numbers) == 56
    assert 42 not in numbers and 51 not in numbers
    first, second = roster.rows[0], roster.rows[1]
    assert (first.key, first.get("学校名称"), first.get("项目名称"), first.get("金额")) == (
        "1-1", "瑞安市陶山镇荆谷学校", "智慧校园", 150000)
    assert (second.key, second.get("序号"), second.get("学校名称")) == (
        "1-2", 1, "瑞安市陶山镇荆谷学校")
    three = [r for r in roster.rows if r.get("序号") == 6]
    assert [r.key for r in three] == ["6-1", "6-2", "6-3"]
    assert {r.get("学校名称") for r in three} == {"瑞安市实验小学"}
    by_key = {r.key: r for r in roster.rows}
    assert by_key["40"].get("学校名称") == "瑞安市飞云中心小学"  # trailing space dropped
    assert by_key["58"].get("金额") == 179651


def read_csv_list(path: Path) -> tuple[list[str], list[list[str]]]:
    """Return the header and the rows of the list transcribed in the CSV file `path`."""
    with path.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    return header, rows


def write_list_docx(form_id: str, rows: list[list[str]], path: Path) -> Path:
    """Write the blank of list form `form_id` with `rows` in it; an empty first cell merges."""
    document = build_blank_form(get_form(form_id))
    table = document.tables[-1]
    header_row = table.rows[0]
    header_row._tr.get_or_add_trPr().append(_on("w:tblHeader"))
    blank = copy.deepcopy(table.rows[-1]._tr)
    for extra in table.rows[1:]:
        table._tbl.remove(extra._tr)
    for _ in rows:
        table._tbl.append(copy.deepcopy(blank))
    for index, row in enumerate(rows, start=1):
        cells = table.rows[index].cells
        for col, text in enumerate(row):
            if text:
                for line_no, line in enumerate(text.split("\n")):
                    paragraph = (cells[col].paragraphs[0] if line_no == 0
                                 else cells[col].add_paragraph())
                    add_text(paragraph, line.strip(), CELL_STYLE)
    merged = [c for c, name in enumerate(get_form(form_id).columns) if name.merge_down]
    start = 1
    for index in range(1, len(rows) + 1):
        if index == len(rows) or rows[index][0]:
            if index > start:
                for col in merged:
                    table.cell(start, col).merge(table.cell(index, col))
            start = index + 1
    document.save(str(path))
    return path


def _on(tag: str) -> OxmlElement:
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    return element


def three_projects_each(schools: int) -> list[list[str]]:
    """Return list rows of `schools` schools with three projects each, numbered 1, 2, 3…."""
    rows = []
    for number in range(1, schools + 1):
        for index, project in enumerate(("智慧校园", "云桌面", "学生机房")):
            first = index == 0
            rows.append([str(number) if first else "", f"瑞安市第{number}实验学校" if first else "",
                         project, str(100_000 + 10 * number + index)])
    return rows


@pytest.fixture(scope="session", name="notice_lists")
def notice_lists_fixture(tmp_path_factory) -> dict[str, Path]:
    """Return the 瑞安 and 岳阳 lists as the notices attach them (.docx), by name."""
    folder = tmp_path_factory.mktemp("notice-lists")
    _, ruian = read_csv_list(SAMPLES / "ruian-2022-list.csv")
    _, yueyang = read_csv_list(SAMPLES / "yueyang-2020-list.csv")
    return {
        "ruian": write_list_docx("ruian-2022-list", ruian, folder / "ruian-notice.docx"),
        "yueyang": write_list_docx("yueyang-2020-list", yueyang, folder / "yueyang-notice.docx"),
        # Forty schools of three projects: the page breaks fall inside schools' merged cells.
        "three": write_list_docx("ruian-2022-list", three_projects_each(40),
                                 folder / "three-projects.docx"),
    }


@pytest.fixture(scope="session", name="printed_lists")
def printed_lists_fixture(tmp_path_factory, notice_lists, soffice) -> dict[str, Path]:
    """Return the Word lists and the 瑞安 workbook printed to PDF by LibreOffice, by name."""
    from parsers.office import convert_batch

    folder = tmp_path_factory.mktemp("printed")
    sources = {**notice_lists, "workbook": SAMPLES / "ruian-2022-list.xlsx",
               "wide-workbook": _widened(SAMPLES / "ruian-2022-list.xlsx",
                                         folder / "wide" / "ruian-wide.xlsx")}
    converted = convert_batch(list(sources.values()), "pdf", folder)
    return {name: _converted(converted, path) for name, path in sources.items()}


@pytest.fixture(scope="session", name="word97_lists")
def word97_lists_fixture(tmp_path_factory, notice_lists, soffice) -> dict[str, Path]:
    """Return the Word lists saved as Word 97 (.doc) by LibreOffice, by name."""
    from parsers.office import WORD_97, convert_batch

    converted = convert_batch(list(notice_lists.values()), WORD_97,
                              tmp_path_factory.mktemp("word97"))
    return {name: _converted(converted, path) for name, path in notice_lists.items()}


def _widened(source: Path, target: Path) -> Path:
    """Copy the workbook with columns too wide for any page, whatever fonts print it.

    How many columns fit on a page depends on the default font's digit width (Calibri,
    Carlito, DejaVu…), so column strips are made certain by width, not by font.
    """
    from openpyxl import load_workbook

    book = load_workbook(source)
    sheet = book.worksheets[0]
    # 序号 to 项目名称 fit a page in any font (68 units); with 金额 (60 more) none does.
    for column, width in zip("ABCD", (8, 30, 30, 60), strict=True):
        sheet.column_dimensions[column].width = width
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)
    return target


def _converted(converted: dict[Path, object], source: Path) -> Path:
    result = converted[source]
    assert isinstance(result, Path), result
    return result
