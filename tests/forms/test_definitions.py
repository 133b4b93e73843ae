"""Every definition loads, and its blank form and template hold to it."""

from __future__ import annotations

import io

import pytest
import yaml
from docxtpl import DocxTemplate

from forms.errors import DefinitionError, UnknownFormError
from forms.labels import label_key
from forms.layout import build_blank_form, build_template, document_bytes
from forms.loader import load_definition
from forms.registry import DEFINITIONS, all_forms, get_form
from parsers.docx import read_docx

FORMS = [f.id for f in all_forms()]


def test_the_first_campaign_is_defined():
    assert {"ruian-2022-list", "ruian-2022-report"} <= set(FORMS)
    report = get_form("ruian-2022-report")
    assert report.attachment == "附件2"
    assert str(report.due) == "每年3月10日"
    assert report.contact == "radhjy@163.com"
    assert report.field("amount").unit == "元"
    assert report.field("leader").label == "项目负责人及联系方式"
    assert report.field("principal_date").label == "校长意见"
    assert report.field("principal_date").column == "日期"


@pytest.mark.parametrize("form_id", FORMS)
def test_blank_form_prints_title_and_every_label(form_id):
    spec = get_form(form_id)
    grid = read_docx(document_bytes(build_blank_form(spec)))
    paragraphs = [p.text for p in grid.paragraphs]
    assert spec.attachment in paragraphs
    assert spec.title in paragraphs
    everything = label_key(grid.all_text().replace("\n", ""))
    for field in spec.top_fields():
        assert label_key(field.label) in everything, field.label
    for repeat in spec.repeats:
        for column in repeat.columns:
            assert label_key(column.header) in everything, column.header


@pytest.mark.parametrize("form_id", FORMS)
def test_template_asks_exactly_for_the_prefilled_blanks(form_id):
    spec = get_form(form_id)
    template = DocxTemplate(io.BytesIO(document_bytes(build_template(spec))))
    wanted = {f.id for f in spec.fields if f.prefill}
    assert template.get_undeclared_template_variables() == wanted


@pytest.mark.parametrize("form_id", FORMS)
def test_blank_form_is_a4_with_east_asian_fonts_on_every_run(form_id):
    document = build_blank_form(get_form(form_id))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    runs = document.element.body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r"
    )
    for run in runs:
        fonts = run.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts")
        assert fonts is not None
        assert fonts.get(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
        ) in {"宋体", "仿宋", "黑体", "楷体"}


def test_unknown_form_names_the_known_ones():
    with pytest.raises(UnknownFormError, match="ruian-2022-report"):
        get_form("no-such-form")


def test_a_blank_without_a_field_definition_is_refused():
    data = {
        "id": "x", "title": "T", "source": "S", "attachment": "附件1", "version": 1,
        "layout": [{"table": {"widths": [3, 3], "rows": [{"cells": ["学校", "{school}"]}]}}],
    }
    with pytest.raises(DefinitionError, match="school"):
        load_definition(data, origin="x.yaml")


def test_an_unknown_kind_is_refused_by_name():
    data = {
        "id": "x", "title": "T", "source": "S", "attachment": "附件1", "version": 1,
        "fields": [{"id": "school", "kind": "colour"}],
        "layout": [{"table": {"widths": [3, 3], "rows": [{"cells": ["学校", "{school}"]}]}}],
    }
    with pytest.raises(DefinitionError, match="colour"):
        load_definition(data, origin="x.yaml")


def _two_names(**top):
    """Return a definition whose table has a school, a project and a leader blank."""
    return {
        "id": "x", "title": "T", "source": "S", "attachment": "附件1", "version": 1, **top,
        "fields": [{"id": "unit", "kind": "text", "prefill": "单位名称"},
                   {"id": "project", "kind": "text", "prefill": "项目名称"},
                   {"id": "leader", "kind": "text"}],
        "layout": [{"table": {"widths": [3, 3], "rows": [
            {"cells": ["单位", "{unit}"]}, {"cells": ["项目", "{project}"]},
            {"cells": ["负责人", "{leader}"]}]}}],
    }


def test_the_definition_says_which_blanks_name_the_school_and_the_project():
    spec = load_definition(_two_names(school="project", project=["leader"]), origin="x.yaml")
    assert (spec.school_field.label, [f.label for f in spec.project_fields]) == (
        "项目", ["负责人"])


def test_a_definition_that_says_neither_gets_the_first_prefilled_text_as_the_school():
    spec = load_definition(_two_names(), origin="x.yaml")
    assert (spec.school, spec.project) == ("unit", ("project",))


def test_a_definition_naming_only_the_school_has_no_project():
    spec = load_definition(_two_names(school="unit"), origin="x.yaml")
    assert (spec.school, spec.project) == ("unit", ())


@pytest.mark.parametrize("top, message", [
    ({"school": "name"}, "school 写的 name 不是表中空格的 id"),
    ({"school": "unit", "project": ["unit"]}, "unit 不能既是 school 又在 project 里"),
    ({"school": "unit", "project": ["budget"]}, "project 写的 budget 不是表中空格的 id"),
])
def test_school_and_project_must_name_blanks_of_the_form(top, message):
    with pytest.raises(DefinitionError, match=message):
        load_definition(_two_names(**top), origin="x.yaml")


@pytest.mark.parametrize("form_id, school, project", [
    ("ruian-2022-report", "学校", ["项目名称"]),
    ("yueyang-2020-taskbook", "单位名称", ["项目名称", "项目负责人"]),
    ("hengyang-2018-application", "申报单位", ["项目名称", "负责人"]),
    ("hengyang-2018-summary", "县市区教育局名称（盖章）", []),
    ("zhongxian-2021-inspection", "学校", []),
])
def test_shipped_forms_name_their_school_and_project(form_id, school, project):
    spec = get_form(form_id)
    assert (spec.school_field.label, [f.label for f in spec.project_fields]) == (
        school, project)


@pytest.mark.parametrize("path", sorted(DEFINITIONS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_shipped_form_with_a_name_blank_says_which_it_is(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    guessed = load_definition({k: v for k, v in data.items() if k not in ("school", "project")},
                              origin=str(path))
    if guessed.school is not None:
        assert "school" in data, f"{path.name} 没有写 school:"
