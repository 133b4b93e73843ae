"""The notice's list read as bureaus publish it: printed to PDF, saved as Word 97, as .xls."""

from __future__ import annotations

import shutil

import pytest
from list_documents import (  # noqa: F401  (the session fixtures this module uses)
    SAMPLES,
    TOTAL,
    check_ruian_list,
    notice_lists_fixture,
    printed_lists_fixture,
    word97_lists_fixture,
)

from forms.errors import RosterError
from parsers.pdf import read_pdf
from rosters.roster import read_roster


def test_the_notice_printed_to_pdf(printed_lists):
    pdf = printed_lists["ruian"]
    # Three pages, the header printed again at the top of each: one list all the same.
    first_rows = [t.text_rows()[0] for t in _pages_tables(pdf)]
    assert len(first_rows) == 3
    assert all(row == ["序号", "学校名称", "项目名称", "金额"] for row in first_rows)
    roster = read_roster(pdf)
    check_ruian_list(roster)
    assert roster.form.id == "ruian-2022-list"
    assert roster.title == "2022年瑞安市教育信息化应用“回头看”项目清单"
    assert roster.problems == []


def test_the_notice_saved_as_word97(word97_lists):
    roster = read_roster(word97_lists["ruian"])
    check_ruian_list(roster)
    assert roster.title == "2022年瑞安市教育信息化应用“回头看”项目清单"
    assert roster.problems == []


@pytest.mark.parametrize("name", ["workbook", "wide-workbook"])
def test_the_workbook_printed_to_pdf_whole_or_in_column_strips(printed_lists, name):
    roster = read_roster(printed_lists[name])
    check_ruian_list(roster)
    assert roster.headers == ["序号", "学校名称", "项目名称", "金额"]
    assert roster.problems == []


def test_a_workbook_wider_than_a_page_prints_in_column_strips(printed_lists):
    # Wider than A4: Calc prints the first columns on pages of their own and the rest after.
    widths = [len(t.text_rows()[0]) for t in _pages_tables(printed_lists["wide-workbook"])]
    assert set(widths) == {3, 1}, widths  # how many pages each strip takes depends on fonts


def test_schools_whose_merged_cells_a_page_break_cuts(printed_lists, word97_lists):
    # A school's 序号 and 学校名称 print on the page where its rows begin; rows that go on
    # over the page break show those cells empty. Each row still carries them.
    grid = read_pdf(printed_lists["three"])
    (table,) = grid.tables
    assert any(row[0] == "" for row in table.text_rows()), "no school split by a page break"
    for roster in (read_roster(printed_lists["three"]), read_roster(word97_lists["three"])):
        assert len(roster.rows) == 120
        assert [r.key for r in roster.rows[:4]] == ["1-1", "1-2", "1-3", "2-1"]
        for row in roster.rows:
            number = int(row.key.split("-")[0])
            assert row.get("序号") == number
            assert row.get("学校名称") == f"瑞安市第{number}实验学校"
        assert roster.total("金额") == sum(100_000 + 10 * n + i for n in range(1, 41)
                                          for i in range(3))
        assert roster.problems == []


@pytest.mark.parametrize("shape", ["pdf", "doc"])
def test_the_yueyang_unit_list(shape, printed_lists, word97_lists):
    path = (printed_lists if shape == "pdf" else word97_lists)["yueyang"]
    roster = read_roster(path)
    assert roster.form.id == "yueyang-2020-list"
    assert roster.title == "2020年度岳阳市教育信息化试点项目单位名单"
    assert [r.key for r in roster.rows] == [str(n) for n in range(1, 11)]
    by_unit = {r.get("单位名称"): r for r in roster.rows}
    assert by_unit["临湘市第六完全小学"].get("项目负责人") == "何永祥"
    assert by_unit["岳阳县城南小学"].get("项目名称") == (
        "数字校园环境下学校智慧教育平台\n综合应用探索与实践")
    assert by_unit["湘阴县第四中学"].get("项目名称") == (
        "“互联网＋”理念下农村高中教师研训共同体建设和平战融合教学模式的创新与实践")
    assert roster.problems == []


def test_a_docx_named_doc_is_read_as_what_it_is(notice_lists, tmp_path):
    misnamed = tmp_path / "附件1.doc"
    shutil.copy(notice_lists["ruian"], misnamed)
    check_ruian_list(read_roster(misnamed))


def test_an_xls_workbook_goes_through_libreoffice(tmp_path, soffice):
    from parsers.office import convert_batch

    converted = convert_batch([SAMPLES / "ruian-2022-list.xlsx"], "xls:MS Excel 97", tmp_path)
    xls = converted[SAMPLES / "ruian-2022-list.xlsx"]
    # WPS saves its .et sheets in the same Excel 97 container.
    et = shutil.copy(xls, tmp_path / "名单.et")
    for path in (xls, et):
        roster = read_roster(path)
        check_ruian_list(roster)
        assert roster.total("金额") == TOTAL and roster.problems == []


def test_a_web_page_named_xls_is_refused(tmp_path):
    page = tmp_path / "名单.xls"
    page.write_text("<html><body><table><tr><td>序号</td></tr></table></body></html>",
                    encoding="utf-8")
    with pytest.raises(RosterError) as refused:
        read_roster(page)
    assert refused.value.message == (
        "文件扩展名是 .xls，但内容是网页（HTML），不是 Excel 表格；"
        "请用 Excel 或 WPS 打开后另存为 .xlsx 再试")


def test_a_web_page_named_doc_is_refused(tmp_path):
    page = tmp_path / "附件1.doc"
    page.write_text("<html><body><p>附件1</p></body></html>", encoding="utf-8")
    with pytest.raises(RosterError, match="内容是网页（HTML），不是 Word 文档"):
        read_roster(page)


@pytest.mark.parametrize("suffix", [".wps", ".txt", ""])
def test_other_files_are_refused_naming_what_is_accepted(tmp_path, suffix):
    path = tmp_path / f"名单{suffix}"
    path.write_bytes(b"x")
    received = f"收到的是“{suffix}”" if suffix else "收到的文件没有扩展名"
    with pytest.raises(RosterError) as refused:
        read_roster(path)
    assert refused.value.message == (
        f"名单文件应是 .xlsx、.csv、.docx、.doc 或 .pdf，{received}；"
        "请用 Excel 或 WPS 打开后另存为 .xlsx 再试")


def test_a_scanned_or_broken_pdf_says_why(tmp_path):
    broken = tmp_path / "附件1.pdf"
    broken.write_bytes(b"%PDF-1.7\n garbage")
    with pytest.raises(RosterError, match="文件不是有效的 PDF，可能已损坏"):
        read_roster(broken)


def _pages_tables(pdf):
    """Return the list's table on each page of `pdf`, read page by page."""
    import pdfplumber

    from parsers.grid import Table

    tables = []
    with pdfplumber.open(pdf) as document:
        for number in range(len(document.pages)):
            single = pdf.parent / f"{pdf.stem}-page{number + 1}.pdf"
            if not single.exists():
                _write_page(pdf, number, single)
            tables += [b for b in read_pdf(single).blocks if isinstance(b, Table)]
    return tables


def _write_page(pdf, number, out):
    import pypdfium2

    source = pypdfium2.PdfDocument(str(pdf))
    target = pypdfium2.PdfDocument.new()
    target.import_pages(source, [number])
    target.save(str(out))
