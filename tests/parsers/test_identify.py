"""Which form a file is, without the identity a generated copy carries."""

from __future__ import annotations

from forms.layout import build_blank_form, document_bytes
from forms.registry import all_forms, get_form
from parsers.docx_reader import read_docx
from parsers.grid import Grid, Paragraph
from parsers.identify import identify_form


def test_every_blank_form_is_recognised_as_itself():
    for spec in all_forms():
        grid = read_docx(document_bytes(build_blank_form(spec)))
        found = identify_form(grid)
        assert found.form is not None and found.form.id == spec.id, spec.id
        assert found.how == "fingerprint"


def test_a_close_second_is_named():
    k12 = read_docx(document_bytes(build_blank_form(get_form("zhongxian-2021-smart-campus-k12"))))
    # Without its title, a 普通中小学 construction table is nearly the 中职 one: both list
    # items 1–35 under the same columns.
    untitled = Grid([b for b in k12.blocks if not (isinstance(b, Paragraph)
                                                   and "智慧校园建设情况表" in b.text)])
    found = identify_form(untitled)
    assert found.form is not None and found.runner_up is not None
    assert {found.form.id, found.runner_up.id} == {
        "zhongxian-2021-smart-campus-k12", "zhongxian-2021-smart-campus-vocational"}


def test_a_stranger_document_is_no_form():
    assert identify_form(Grid([Paragraph("会议通知"), Paragraph("请各校准时参加。")])).form is None
