"""Tests for parsers.docx: each builds a small .docx by hand and checks what Word shows."""

from __future__ import annotations

import os
import random
import zipfile
from pathlib import Path

import docx
import pytest

from forms.errors import UnreadableFileError
from parsers.docx import read_docx
from parsers.grid import CHECKED, UNCHECKED, Cell, Grid, Paragraph

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'mc:Ignorable="w14"'
)
_CUSTOM_PROPERTIES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="form_id">'
    "<vt:lpwstr>school-report-2024</vt:lpwstr></property>"
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="version">'
    "<vt:i4>3</vt:i4></property>"
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="locked">'
    "<vt:bool>true</vt:bool></property>"
    "</Properties>"
)


def write_docx(
    path: Path,
    body: str,
    *,
    custom_properties: str | None = None,
    document_xml: str | None = None,
) -> Path:
    """Write a minimal .docx whose body is `body` (WordprocessingML) and return its path."""
    if document_xml is None:
        document_xml = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f"<w:document {_NAMESPACES}><w:body>{body}<w:sectPr/></w:body></w:document>"
        )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _ROOT_RELS)
        package.writestr("word/document.xml", document_xml)
        if custom_properties is not None:
            package.writestr("docProps/custom.xml", custom_properties)
    return path


def read_body(tmp_path: Path, body: str) -> Grid:
    """Read a .docx built from `body`."""
    return read_docx(write_docx(tmp_path / "form.docx", body))


def run(text: str, properties: str = "") -> str:
    """Return a run holding `text` with optional run properties."""
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def paragraph(*content: str) -> str:
    """Return a paragraph holding `content`."""
    return f"<w:p>{''.join(content)}</w:p>"


def cell(content: str, properties: str = "") -> str:
    """Return a table cell with one paragraph of `content` (already a run or more)."""
    tcpr = f"<w:tcPr>{properties}</w:tcPr>" if properties else ""
    return f"<w:tc>{tcpr}{paragraph(content)}</w:tc>"


def table(rows: list[str], grid_cols: int) -> str:
    """Return a table with `grid_cols` grid columns and the given `<w:tr>` rows."""
    grid = "".join('<w:gridCol w:w="1000"/>' for _ in range(grid_cols))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def row(*cells: str, properties: str = "") -> str:
    """Return a table row of `cells`."""
    trpr = f"<w:trPr>{properties}</w:trPr>" if properties else ""
    return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"


def checkbox_control(checked: bool) -> str:
    """Return a run-level checkbox content control showing its MS Gothic glyph."""
    value = "1" if checked else "0"
    glyph = run("☒" if checked else "☐", '<w:rFonts w:ascii="MS Gothic"/>')
    return (
        "<w:sdt><w:sdtPr><w14:checkbox>"
        f'<w14:checked w14:val="{value}"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
        "</w14:checkbox></w:sdtPr>"
        f"<w:sdtContent>{glyph}</w:sdtContent></w:sdt>"
    )


def content_control(content: str) -> str:
    """Return a plain content control (run-, cell- or row-level) wrapping `content`."""
    return f"<w:sdt><w:sdtPr/><w:sdtContent>{content}</w:sdtContent></w:sdt>"


def legacy_checkbox(check_box_xml: str) -> str:
    """Return the runs of a FORMCHECKBOX field whose `w:checkBox` content is given."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/>'
        f'<w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>{check_box_xml}'
        "</w:checkBox></w:ffData></w:fldChar></w:r>"
        '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def symbol(font: str, char: str) -> str:
    """Return a run holding one `w:sym` character."""
    return f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'


def test_content_control_text_counts(tmp_path: Path) -> None:
    block_control = (
        '<w:sdt><w:sdtPr><w:alias w:val="学校"/></w:sdtPr>'
        f"<w:sdtContent>{paragraph(run('第一中学'))}</w:sdtContent></w:sdt>"
    )
    run_control = content_control(run("张三"))
    cell_control = content_control(cell(run("13800000000")))
    row_control = content_control(row(cell(run("备注")), cell(run("无"))))
    body = (
        block_control
        + paragraph(run("姓名："), run_control)
        + table([row(cell(run("电话")), cell_control), row_control], grid_cols=2)
    )
    grid = read_body(tmp_path, body)
    assert grid.paragraphs == [Paragraph("第一中学"), Paragraph("姓名：张三")]
    assert grid.tables[0].text_rows() == [["电话", "13800000000"], ["备注", "无"]]


def test_content_control_placeholder_text_does_not_count(tmp_path: Path) -> None:
    placeholder = (
        "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr>"
        f"<w:sdtContent>{run('单击或点击此处输入文字。')}</w:sdtContent></w:sdt>"
    )
    grid = read_body(tmp_path, paragraph(run("校长："), placeholder))
    assert grid.paragraphs[0].text == "校长："


def test_tracked_insertion_counts(tmp_path: Path) -> None:
    inserted = f'<w:ins w:id="1" w:author="学校">{run("十五万元")}</w:ins>'
    grid = read_body(tmp_path, paragraph(run("投入资金："), inserted))
    assert grid.paragraphs[0].text == "投入资金：十五万元"


def test_tracked_deletion_does_not_count(tmp_path: Path) -> None:
    deleted = (
        '<w:del w:id="2" w:author="学校" w:date="2024-05-01T00:00:00Z">'
        '<w:r><w:delText xml:space="preserve">十万元</w:delText></w:r></w:del>'
    )
    moved_away = f'<w:moveFrom w:id="3" w:author="学校">{run("旧位置")}</w:moveFrom>'
    grid = read_body(tmp_path, paragraph(run("投入资金："), deleted, moved_away, run("十五万元")))
    assert grid.paragraphs[0].text == "投入资金：十五万元"


def test_hidden_text_does_not_count(tmp_path: Path) -> None:
    body = paragraph(
        run("联系人："),
        run("（请填写）", "<w:vanish/>"),
        run("李四", '<w:vanish w:val="0"/>'),
    )
    grid = read_body(tmp_path, body)
    assert grid.paragraphs[0].text == "联系人：李四"


def test_struck_through_text_does_not_count(tmp_path: Path) -> None:
    # The options a school did not choose, crossed out: "□是  ~~□否~~".
    body = paragraph(
        run("□是  "),
        run("□否", "<w:strike/>"),
        run("  □不适用", '<w:dstrike w:val="1"/>'),
        run("  备注", '<w:strike w:val="false"/>'),
    )
    grid = read_body(tmp_path, body)
    assert grid.paragraphs[0].text == "□是    备注"


def test_special_characters_become_text(tmp_path: Path) -> None:
    body = paragraph(
        "<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:cr/>"
        "<w:t>010</w:t><w:noBreakHyphen/><w:t>1234</w:t></w:r>"
    )
    grid = read_body(tmp_path, body)
    assert grid.paragraphs[0].text == "甲\t乙\n丙\n010-1234"


def test_grid_span_and_vertical_merge_give_spans(tmp_path: Path) -> None:
    rows = [
        row(cell(run("基本信息"), '<w:gridSpan w:val="2"/>'), cell(run("备注"))),
        row(cell(run("成员"), '<w:vMerge w:val="restart"/>'), cell(run("甲")), cell(run("1"))),
        row(cell("", "<w:vMerge/>"), cell(run("乙")), cell(run("2"))),
        row(cell("", '<w:vMerge w:val="continue"/>'), cell(run("丙")), cell(run("3"))),
    ]
    grid = read_body(tmp_path, table(rows, grid_cols=3))
    (tbl,) = grid.tables
    assert (tbl.n_rows, tbl.n_cols) == (4, 3)
    assert tbl.cells == [
        Cell("基本信息", 0, 0, 1, 2),
        Cell("备注", 0, 2),
        Cell("成员", 1, 0, 3, 1),
        Cell("甲", 1, 1),
        Cell("1", 1, 2),
        Cell("乙", 2, 1),
        Cell("2", 2, 2),
        Cell("丙", 3, 1),
        Cell("3", 3, 2),
    ]
    members = tbl.cells[2]
    assert tbl.cell_at(3, 0) is members
    assert tbl.cell_at(0, 1) is tbl.cells[0]
    assert tbl.right_of(tbl.cells[0]) == Cell("备注", 0, 2)
    assert tbl.right_of(members) == Cell("甲", 1, 1)


def test_deprecated_horizontal_merge_acts_like_grid_span(tmp_path: Path) -> None:
    rows = [
        row(cell(run("标题"), '<w:hMerge w:val="restart"/>'), cell("", "<w:hMerge/>")),
        row(cell(run("A")), cell(run("B"))),
    ]
    grid = read_body(tmp_path, table(rows, grid_cols=2))
    assert grid.tables[0].cells[0] == Cell("标题", 0, 0, 1, 2)
    assert grid.tables[0].cell_at(1, 1) == Cell("B", 1, 1)


def test_grid_before_and_after_skip_columns(tmp_path: Path) -> None:
    rows = [
        row(cell(run("A")), cell(run("B")), cell(run("C"))),
        row(cell(run("D")), cell(run("E")), properties='<w:gridBefore w:val="1"/>'),
        row(cell(run("F")), properties='<w:gridBefore w:val="1"/><w:gridAfter w:val="3"/>'),
    ]
    grid = read_body(tmp_path, table(rows, grid_cols=3))
    (tbl,) = grid.tables
    assert [(c.text, c.row, c.col) for c in tbl.cells] == [
        ("A", 0, 0),
        ("B", 0, 1),
        ("C", 0, 2),
        ("D", 1, 1),
        ("E", 1, 2),
        ("F", 2, 1),
    ]
    assert tbl.cell_at(1, 0) is None
    # gridAfter reaches past the declared grid, so the table is as wide as that row.
    assert tbl.n_cols == 5


def test_short_rows_and_missing_grid_are_fine(tmp_path: Path) -> None:
    rows = [row(cell(run("A")), cell(run("B")), cell(run("C"))), row(cell(run("D")))]
    grid = read_body(tmp_path, table(rows, grid_cols=0))
    (tbl,) = grid.tables
    assert tbl.n_cols == 3
    assert tbl.text_rows() == [["A", "B", "C"], ["D", "", ""]]


def test_deleted_table_row_is_gone(tmp_path: Path) -> None:
    rows = [
        row(cell(run("A"))),
        row(cell(run("删掉的行")), properties='<w:del w:id="9" w:author="x"/>'),
        row(cell(run("B"))),
    ]
    grid = read_body(tmp_path, table(rows, grid_cols=1))
    assert grid.tables[0].text_rows() == [["A"], ["B"]]


def test_checkbox_content_control_checked_and_unchecked(tmp_path: Path) -> None:
    body = paragraph(checkbox_control(True), run("是 "), checkbox_control(False), run("否"))
    grid = read_body(tmp_path, body)
    assert grid.paragraphs[0].text == f"{CHECKED}是 {UNCHECKED}否"


def test_checkbox_content_control_with_true_value(tmp_path: Path) -> None:
    control = checkbox_control(True).replace('w14:val="1"', 'w14:val="true"')
    grid = read_body(tmp_path, paragraph(control))
    assert grid.paragraphs[0].text == CHECKED


def test_legacy_form_checkbox_checked_and_unchecked(tmp_path: Path) -> None:
    body = paragraph(
        legacy_checkbox('<w:default w:val="0"/><w:checked/>'),
        run("是"),
        legacy_checkbox('<w:default w:val="0"/>'),
        run("否"),
        legacy_checkbox('<w:default w:val="1"/>'),
        run("默认勾选"),
        legacy_checkbox('<w:default w:val="1"/><w:checked w:val="0"/>'),
        run("取消勾选"),
    )
    grid = read_body(tmp_path, body)
    expected = f"{CHECKED}是{UNCHECKED}否{CHECKED}默认勾选{UNCHECKED}取消勾选"
    assert grid.paragraphs[0].text == expected


def test_legacy_form_checkbox_shows_one_mark_despite_a_cached_result(tmp_path: Path) -> None:
    field = legacy_checkbox("<w:checked/>").replace(
        '<w:r><w:fldChar w:fldCharType="end"/>', f'{run("☒")}<w:r><w:fldChar w:fldCharType="end"/>'
    )
    grid = read_body(tmp_path, paragraph(field, run("同意")))
    assert grid.paragraphs[0].text == f"{CHECKED}同意"


def test_other_fields_show_their_result(tmp_path: Path) -> None:
    body = paragraph(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> MERGEFIELD 学校 </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        run("第一中学"),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    )
    grid = read_body(tmp_path, body)
    assert grid.paragraphs[0].text == "第一中学"


def test_wingdings_symbol_boxes_become_marks(tmp_path: Path) -> None:
    body = paragraph(
        symbol("Wingdings", "F0FE"),
        run("是"),
        symbol("Wingdings", "F0A8"),
        run("否"),
        symbol("Wingdings 2", "F052"),
        run("甲"),
        symbol("Wingdings 2", "F0A3"),
        run("乙"),
        symbol("Wingdings", "F0FC"),
        run("丙"),
        symbol("Wingdings 2", "F054"),
        run("丁"),
    )
    grid = read_body(tmp_path, body)
    expected = f"{CHECKED}是{UNCHECKED}否{CHECKED}甲{UNCHECKED}乙√丙{CHECKED}丁"
    assert grid.paragraphs[0].text == expected


def test_wingdings_font_text_becomes_marks(tmp_path: Path) -> None:
    # Typing R and £ in Wingdings 2 shows a ticked and an empty box.
    wingdings_2 = '<w:rFonts w:ascii="Wingdings 2" w:hAnsi="Wingdings 2"/>'
    body = paragraph(run("R", wingdings_2), run("男"), run("£", wingdings_2), run("女"))
    grid = read_body(tmp_path, body)
    assert grid.paragraphs[0].text == f"{CHECKED}男{UNCHECKED}女"


def test_ordinary_mark_characters_are_left_alone(tmp_path: Path) -> None:
    grid = read_body(tmp_path, paragraph(run("☑ ☒ ■ √ ✓ ✔ ● □")))
    assert grid.paragraphs[0].text == "☑ ☒ ■ √ ✓ ✔ ● □"


def test_nested_table_text_goes_into_the_cell(tmp_path: Path) -> None:
    nested_rows = [row(cell(run("甲")), cell(run("乙"))), row(cell(run("丙")), cell(run("丁")))]
    nested = table(nested_rows, grid_cols=2)
    outer_cell = f"<w:tc>{paragraph(run('成员'))}{nested}<w:p/></w:tc>"
    grid = read_body(tmp_path, table([row(cell(run("名单")), outer_cell)], grid_cols=2))
    assert len(grid.tables) == 1
    assert grid.tables[0].cell_at(0, 1) == Cell("成员\n甲\t乙\n丙\t丁\n", 0, 1)


def test_alternate_content_text_appears_once(tmp_path: Path) -> None:
    text_box = paragraph(run("文本框内容"))
    drawing = (
        "<mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx><w:txbxContent>{text_box}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox>"
        f"<w:txbxContent>{text_box}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent>"
    )
    grid = read_body(tmp_path, paragraph(run("正文"), f"<w:r>{drawing}</w:r>"))
    assert grid.paragraphs[0].text == "正文\n文本框内容"
    assert grid.all_text().count("文本框内容") == 1


def test_custom_properties_are_read(tmp_path: Path) -> None:
    body = paragraph(run("x"))
    path = write_docx(tmp_path / "f.docx", body, custom_properties=_CUSTOM_PROPERTIES)
    grid = read_docx(path)
    assert grid.properties == {"form_id": "school-report-2024", "version": "3", "locked": "true"}


def test_reads_bytes_as_well_as_paths(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "f.docx", paragraph(run("你好")))
    assert read_docx(path.read_bytes()).paragraphs == [Paragraph("你好")]
    assert read_docx(str(path)).paragraphs == [Paragraph("你好")]


def test_part_with_doctype_is_refused(tmp_path: Path) -> None:
    document_xml = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol">]>'
        f"<w:document {_NAMESPACES}><w:body>{paragraph(run('&lol;'))}</w:body></w:document>"
    )
    path = write_docx(tmp_path / "evil.docx", "", document_xml=document_xml)
    with pytest.raises(UnreadableFileError) as caught:
        read_docx(path)
    assert caught.value.code == "unsafe_xml"
    assert caught.value.file == str(path)


def test_custom_properties_with_doctype_are_refused(tmp_path: Path) -> None:
    doctype = '<!DOCTYPE x SYSTEM "http://example.invalid/x.dtd">'
    evil = _CUSTOM_PROPERTIES.replace("<Properties", f"{doctype}<Properties", 1)
    path = write_docx(tmp_path / "evil.docx", paragraph(run("x")), custom_properties=evil)
    with pytest.raises(UnreadableFileError) as caught:
        read_docx(path)
    assert caught.value.code == "unsafe_xml"


def test_random_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "random.docx"
    path.write_bytes(os.urandom(2048).replace(b"PK", b"pk").replace(b"\xd0\xcf", b"xx") + b"x")
    with pytest.raises(UnreadableFileError) as caught:
        read_docx(path)
    assert caught.value.code == "not_docx"
    assert "不是有效的 Word 文档" in caught.value.message


def test_broken_zip_is_corrupt(tmp_path: Path) -> None:
    good = write_docx(tmp_path / "good.docx", paragraph(run("x"))).read_bytes()
    with pytest.raises(UnreadableFileError) as caught:
        read_docx(good[: len(good) // 2])
    assert caught.value.code == "corrupt"


def test_damaged_bytes_only_ever_raise_unreadable_file_error(tmp_path: Path) -> None:
    body = table([row(cell(run("学校")), cell(run("第一中学")))], grid_cols=2)
    good = write_docx(tmp_path / "good.docx", body, custom_properties=_CUSTOM_PROPERTIES)
    original = good.read_bytes()
    randomness = random.Random(20240501)
    for _ in range(300):
        damaged = bytearray(original)
        for _ in range(randomness.randint(1, 8)):
            damaged[randomness.randrange(len(damaged))] = randomness.randrange(256)
        try:
            read_docx(bytes(damaged))
        except UnreadableFileError as error:
            assert error.code in {"not_docx", "corrupt", "unsafe_xml", "zip_bomb"}


def test_a_bug_in_the_reader_is_not_taken_for_a_damaged_file(tmp_path: Path, monkeypatch) -> None:
    # Only what zipfile raises on a damaged archive means "not a valid Word document"; an
    # error of our own must surface as itself, not as a file the school is asked to resend.
    def broken(package: object) -> None:
        raise ValueError("a bug in the archive check")

    monkeypatch.setattr("parsers.docx.package.check_zip_archive", broken)
    with pytest.raises(ValueError, match="a bug in the archive check"):
        read_body(tmp_path, paragraph(run("x")))


def test_a_damaged_lzma_part_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "lzma.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_LZMA) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("word/document.xml", "".join(f"<w:p>{n}</w:p>" for n in range(3000)))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as package:
        # Into the compressed data, past the part's local header and name.
        start = package.getinfo("word/document.xml").header_offset + 30 + 17 + 20
    data[start : start + 8] = b"\xff" * 8
    with pytest.raises(UnreadableFileError) as caught:
        read_docx(bytes(data))
    assert caught.value.code == "corrupt"
    assert "不是有效的 Word 文档" in caught.value.message


def test_zip_without_document_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "hollow.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _ROOT_RELS)
    with pytest.raises(UnreadableFileError) as caught:
        read_docx(path)
    assert caught.value.code == "corrupt"
    assert "损坏" in caught.value.message


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    with pytest.raises(UnreadableFileError) as caught:
        read_docx(path)
    assert caught.value.code == "empty"
    assert "文件是空的" in caught.value.message
    assert str(caught.value).startswith(str(path))


def test_ole_file_with_encryption_info_is_refused_as_encrypted(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    ole += "EncryptionInfo".encode("utf-16-le") + b"\0" * 100
    path = tmp_path / "locked.docx"
    path.write_bytes(ole)
    with pytest.raises(UnreadableFileError) as caught:
        read_docx(path)
    assert caught.value.code == "encrypted"
    assert caught.value.message == "文件已加密，请学校去掉密码后重新提交"


def test_ole_file_without_encryption_is_an_old_doc(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    ole += "WordDocument".encode("utf-16-le") + b"\0" * 100
    with pytest.raises(UnreadableFileError) as caught:
        read_docx(ole)
    assert caught.value.code == "not_docx"
    assert ".doc" in caught.value.message and "转换" in caught.value.message


def test_python_docx_merged_cells_give_the_grid(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("学校基本情况表")
    tbl = document.add_table(rows=3, cols=4)
    tbl.cell(0, 0).merge(tbl.cell(0, 3)).text = "基本信息"
    tbl.cell(1, 0).merge(tbl.cell(2, 0)).text = "联系人"
    tbl.cell(1, 1).text = "姓名"
    tbl.cell(1, 2).merge(tbl.cell(1, 3)).text = "张三"
    tbl.cell(2, 1).text = "电话"
    tbl.cell(2, 2).text = "13800000000"
    path = tmp_path / "made-by-python-docx.docx"
    document.save(str(path))

    grid = read_docx(path)
    assert grid.paragraphs[0].text == "学校基本情况表"
    (read,) = grid.tables
    assert (read.n_rows, read.n_cols) == (3, 4)
    assert [(c.text, c.row, c.col, c.rowspan, c.colspan) for c in read.cells] == [
        ("基本信息", 0, 0, 1, 4),
        ("联系人", 1, 0, 2, 1),
        ("姓名", 1, 1, 1, 1),
        ("张三", 1, 2, 1, 2),
        ("电话", 2, 1, 1, 1),
        ("13800000000", 2, 2, 1, 1),
        ("", 2, 3, 1, 1),
    ]
    assert read.right_of(read.cell_at(2, 1) or Cell("", 0, 0)) == Cell("13800000000", 2, 2)
