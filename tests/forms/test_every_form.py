"""Every form in forms/definitions, round trip: blank form → filled → re-saved → read back.

For each form the blank official form is built, every blank (and two rows of each table)
is filled with python-docx, and the file is read back as sent (.docx), re-saved by
LibreOffice, saved as Word 97 (.doc) and printed to PDF. LibreOffice runs once per shape
for all forms together.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from filling import fill_every_blank

from forms.labels import label_key
from forms.layout import build_blank_form
from forms.registry import all_forms
from parsers.batch import parse_paths
from parsers.office import WORD_97, WORD_2007, WRITER_PDF, convert_batch
from parsers.pdf import read_pdf

FORMS = [f.id for f in all_forms()]
VARIANTS = ["docx", "libreoffice", "doc", "pdf"]


@pytest.fixture(scope="session")
def filled_forms(tmp_path_factory, soffice):
    """Return {form id: (expected, {variant: path})} for every form, converted in batches."""
    base = tmp_path_factory.mktemp("every-form")
    expected, sources = {}, []
    for spec in all_forms():
        filled = fill_every_blank(spec)
        path = base / "docx" / f"{spec.id}.docx"
        path.parent.mkdir(exist_ok=True)
        filled.document.save(str(path))
        expected[spec.id] = filled
        sources.append(path)
    paths = {spec_id: {"docx": base / "docx" / f"{spec_id}.docx"} for spec_id in expected}
    for name, target in (("libreoffice", WORD_2007), ("doc", WORD_97), ("pdf", WRITER_PDF)):
        for source, result in convert_batch(sources, target, base / name).items():
            assert isinstance(result, Path), result
            paths[source.stem][name] = result
    return {spec_id: (expected[spec_id], paths[spec_id]) for spec_id in expected}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("form_id", FORMS)
def test_every_value_comes_back(filled_forms, form_id, variant):
    filled, paths = filled_forms[form_id]
    (record,) = list(parse_paths([str(paths[variant])]))
    assert record.form == form_id, record.problems
    got = {f.id: f.value for f in record.fields}
    wrong = {k: (v, got.get(k)) for k, v in filled.values.items() if got.get(k) != v}
    assert not wrong
    for label, rows in filled.rows.items():
        assert record.rows[label] == rows


@pytest.fixture(scope="session")
def blank_pdfs(tmp_path_factory, soffice):
    """Return {form id: PDF of its blank form}, all converted in one LibreOffice batch."""
    base = tmp_path_factory.mktemp("blank-forms")
    sources = []
    for spec in all_forms():
        path = base / f"{spec.id}.docx"
        build_blank_form(spec).save(str(path))
        sources.append(path)
    converted = convert_batch(sources, WRITER_PDF, base / "pdf")
    assert all(isinstance(r, Path) for r in converted.values()), converted
    return {source.stem: result for source, result in converted.items()}


@pytest.mark.parametrize("form_id", FORMS)
def test_blank_form_prints_its_title_and_every_label(blank_pdfs, form_id):
    spec = next(f for f in all_forms() if f.id == form_id)
    text = label_key(read_pdf(blank_pdfs[form_id]).all_text().replace("\n", ""))
    assert label_key(spec.title) in text
    assert label_key(spec.attachment) in text
    for field in spec.top_fields():
        assert label_key(field.label) in text, field.label
    for repeat in spec.repeats:
        for column in repeat.columns:
            assert label_key(column.header) in text, column.header
