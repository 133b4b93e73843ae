"""The notice's project list read into roster rows, merged cells undone."""

from __future__ import annotations

import csv

import pytest
from docx import Document
from list_documents import SAMPLES, check_ruian_list

from forms.errors import RosterError
from rosters.roster import read_roster


def test_sample_workbook(sample_roster):
    check_ruian_list(sample_roster)
    assert sample_roster.form.id == "ruian-2022-list"
    assert sample_roster.title == "2022年瑞安市教育信息化应用“回头看”项目清单"
    assert sample_roster.problems == []


def test_sample_workbook_keeps_the_seed_as_it_is():
    from openpyxl import load_workbook

    sheet = load_workbook(SAMPLES / "ruian-2022-list.xlsx").active
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A1:D1", "A3:A4", "B3:B4", "A9:A11", "B9:B11"} <= merged
    names = [c.value for c in sheet["B"] if isinstance(c.value, str)]
    assert "瑞安市飞云中心小学 " in names and "瑞安市云周中心小学 " in names


def test_csv_in_utf8_and_gbk(tmp_path):
    check_ruian_list(read_roster(SAMPLES / "ruian-2022-list.csv"))
    gbk = tmp_path / "list-gbk.csv"
    gbk.write_bytes((SAMPLES / "ruian-2022-list.csv").read_text("utf-8").encode("gb18030"))
    check_ruian_list(read_roster(gbk))


def test_the_notices_own_word_table(tmp_path):
    with (SAMPLES / "ruian-2022-list.csv").open(encoding="utf-8") as handle:
        header, *rows = list(csv.reader(handle))
    document = Document()
    document.add_paragraph("附件1")
    document.add_paragraph("2022年瑞安市教育信息化应用“回头看”项目清单")
    table = document.add_table(rows=1 + len(rows), cols=4)
    for col, text in enumerate(header):
        table.cell(0, col).text = text
    start = 1
    for index, row in enumerate(rows, start=1):
        for col, text in enumerate(row):
            if text:
                table.cell(index, col).text = text
        if index == len(rows) or rows[index][0]:
            if index > start:  # merge 序号 and 学校名称 down, as the notice does
                for col in (0, 1):
                    table.cell(start, col).merge(table.cell(index, col))
            start = index + 1
    path = tmp_path / "附件1.docx"
    document.save(str(path))
    check_ruian_list(read_roster(path))


def test_an_unreadable_amount_is_reported_with_its_row(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("序号,学校名称,项目名称,金额\n1,甲校,机房,十五万左右\n", encoding="utf-8")
    roster = read_roster(path)
    assert roster.rows[0].get("金额") == "十五万左右"
    assert roster.problems == ["第 2 行 金额：无法识别金额“十五万左右”"]


def test_wrong_file_type_says_what_is_accepted(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(RosterError, match=r"\.xlsx、\.csv、\.docx、\.doc 或 \.pdf"):
        read_roster(path)
