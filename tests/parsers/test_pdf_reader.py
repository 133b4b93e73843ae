"""Tests for parsers.pdf_reader: Word files printed to PDF by LibreOffice, and hand-made PDFs."""

from __future__ import annotations

import hashlib
import io
import random
import zlib
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table as DocxTable

from forms.errors import UnreadableFileError
from parsers.grid import Cell, Grid, Paragraph, Table
from parsers.office import WRITER_PDF, convert_batch
from parsers.pdf_reader import read_pdf

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


@pytest.mark.parametrize(
    "data",
    [
        bytes(random.Random(7).randrange(256) for _ in range(4096)),
        b"%PDF-1.7\n" + bytes(random.Random(8).randrange(256) for _ in range(4096)),
        b"PK\x03\x04 a Word file renamed to .pdf",
        _blank_pages_pdf(1)[:60],
    ],
    ids=["random-bytes", "pdf-header-then-garbage", "not-a-pdf", "truncated"],
)
def test_broken_file_is_refused_as_corrupt(data: bytes) -> None:
    with pytest.raises(UnreadableFileError) as raised:
        read_pdf(data)
    assert raised.value.code == "corrupt"
    assert raised.value.message == "文件不是有效的 PDF，可能已损坏"


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
