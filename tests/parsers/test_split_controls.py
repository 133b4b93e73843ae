"""Content controls LibreOffice 7.4 split and repeated on saving are read as typed, once.

The corpus (tests/data/ruian-2022-report/content-controls, placeholder-controls) goes
through the real LibreOffice; these tests pin the shapes it writes and the look-alikes a
school's own document may have, which must be read as they are.
"""

from __future__ import annotations

from pathlib import Path

from test_docx_reader import cell, paragraph, read_body, row, run, table


def named_control(name: str, text: str, *, id_: int) -> str:
    return (f'<w:sdt><w:sdtPr><w:id w:val="{id_}"/><w:alias w:val="{name}"/><w:text/></w:sdtPr>'
            f"<w:sdtContent>{run(text)}</w:sdtContent></w:sdt>")


def text_field_begin(name: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData>'
            f'<w:name w:val="{name}"/><w:enabled/><w:textInput/></w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')


FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def text_field(name: str, text: str) -> str:
    return text_field_begin(name) + run(text) + FIELD_END


def one_cell(tmp_path: Path, *paragraphs: str) -> str:
    body = table([row(cell(run("项目名称")), "<w:tc>" + "".join(paragraphs) + "</w:tc>")], 2)
    return read_body(tmp_path, body).tables[0].text_rows()[0][1]


def test_a_control_split_per_run_and_repeated_reads_once(tmp_path):
    whole = "2022年11月"
    controls = [named_control("申报建设时间", text, id_=i) for i, text in enumerate(
        [whole, "年" + whole, "11" + whole, "月" + whole, whole])]
    assert one_cell(tmp_path, paragraph(*controls)) == whole


def test_a_one_run_control_split_and_repeated_reads_once(tmp_path):
    whole = "瑞安市第四中学"
    controls = [named_control("学校", t, id_=i) for i, t in enumerate([whole, whole * 2, whole])]
    assert one_cell(tmp_path, paragraph(*controls)) == whole


def test_text_fields_split_and_repeated_in_one_paragraph_read_once(tmp_path):
    whole = "黄志远 13587712266"
    content = (text_field("Unnamed Copy 11", whole) + run("黄志远 ")
               + text_field("Unnamed Copy 12", whole) + run("13587712266")
               + text_field("Unnamed Copy 13", whole))
    assert one_cell(tmp_path, paragraph(run("负责人："), content)) == "负责人：" + whole


def test_text_fields_split_and_repeated_over_paragraphs_read_once(tmp_path):
    whole = "同意上报。"
    paragraphs = [
        paragraph(text_field_begin("Unnamed Copy 19"), run(whole)),
        paragraph(FIELD_END, run(whole), text_field_begin("Unnamed Copy 20"), run(whole)),
        paragraph(FIELD_END),
        paragraph(text_field("Unnamed Copy 21", whole)),
        paragraph(run("另：请尽快拨付经费。")),
    ]
    assert one_cell(tmp_path, *paragraphs) == "同意上报。\n另：请尽快拨付经费。"


def test_controls_of_one_name_a_school_filled_are_read_as_they_are(tmp_path):
    # Two answers of the same name, the second ending like the first: not LibreOffice's shape.
    same = [named_control("是否", "是", id_=1), named_control("是否", "是", id_=2)]
    assert one_cell(tmp_path, paragraph(*same)) == "是是"
    ending = [named_control("金额", "12", id_=1), named_control("金额", "312", id_=2)]
    assert one_cell(tmp_path, paragraph(*ending)) == "12312"
    other_names = [named_control("学校", "一中", id_=1), named_control("校长", "一中", id_=2)]
    assert one_cell(tmp_path, paragraph(*other_names)) == "一中一中"


def test_paragraphs_repeating_a_line_without_text_fields_are_read_as_they_are(tmp_path):
    lines = [paragraph(run("好")), paragraph(run("好好")), paragraph(run("好"))]
    assert one_cell(tmp_path, *lines) == "好\n好好\n好"
