"""Which form a file is, without the identity a generated copy carries."""

from __future__ import annotations

from forms.layout import build_blank_form, document_bytes
from forms.registry import all_forms, get_form
from parsers.docx import read_docx
from parsers.grid import Grid, Paragraph
from parsers.identify import identify_form

K12 = "zhongxian-2021-smart-campus-k12"
VOCATIONAL = "zhongxian-2021-smart-campus-vocational"


def test_every_blank_form_is_recognised_as_itself():
    for spec in all_forms():
        grid = read_docx(document_bytes(build_blank_form(spec)))
        found = identify_form(grid)
        assert found.form is not None and found.form.id == spec.id, spec.id
        assert found.how == "fingerprint"


def _untitled(form_id: str) -> Grid:
    """Return the blank form `form_id` as read back, its title line cut off."""
    spec = get_form(form_id)
    grid = read_docx(document_bytes(build_blank_form(spec)))
    return Grid([b for b in grid.blocks if not (isinstance(b, Paragraph) and spec.title in b.text)])


def test_a_form_without_its_title_is_known_by_its_own_words():
    # Item numbers 1–35 are the same in both construction tables; the items' texts are not.
    found = identify_form(_untitled(K12))
    assert found.form is not None and found.form.id == K12
    assert found.runner_up is None


def test_a_file_holding_two_forms_names_the_second():
    found = identify_form(Grid(_untitled(K12).blocks + _untitled(VOCATIONAL).blocks))
    assert found.form is not None and found.runner_up is not None
    assert {found.form.id, found.runner_up.id} == {K12, VOCATIONAL}


def test_a_stranger_document_is_no_form():
    assert identify_form(Grid([Paragraph("会议通知"), Paragraph("请各校准时参加。")])).form is None
