"""A document that is none of the forms is never taken for one (issue "Step 7", item 9).

The corpus beside this file (built by build_notforms_corpus.py, by another hand than the
readers) holds English statistics tables with numbered rows, Chinese documents that share
words with the forms, and near misses made from our own forms; expected.json says per file
what a clerk expects. All files are parsed in one batch, then ingested into a throw-away store:
the store must hold none of them as a return of a form, except the near misses a clerk would
take for the real form.

Known failures are strict: each one turns green when identification stops taking it for a
form, and the suite then asks for its mark to be removed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

HERE = Path(__file__).resolve().parent
EXPECTED: list[dict] = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
BY_FILE = {entry["file"]: entry for entry in EXPECTED}
READABLE = (".docx", ".doc", ".pdf")
SIZE_LIMIT = 100_000
CJK = re.compile(r"[\u4e00-\u9fff]")

_NUMBERS_ALONE = ("taken for 普通中小学智慧校园建设情况表 (incomplete): item numbers 1–35 "
                  "in a table's first column alone carry the fingerprint")
KNOWN_FAILURES = {
    **{name: _NUMBERS_ALONE for name in (
        "en-nics-checks-by-state-1-35.docx", "en-nics-checks-by-state-1-35.pdf",
        "en-nics-checks-by-state-1-55.pdf", "en-warn-layoff-notices-1-60.docx",
        "en-warn-layoff-notices-1-60.pdf", "en-readiness-checklist-1-35.pdf",
        "meeting-sign-in.docx", "score-sheet-grade7.docx", "score-sheet-grade7.pdf",
        "score-sheet-grade7.doc", "school-safety-score-table-1-35.docx",
        "school-safety-score-table-1-35.pdf", "school-safety-score-table-1-35.doc",
        "teacher-questionnaire-yes-no-1-35.docx")},
    "nearmiss-application-table-under-taskbook-title.doc":
        "taken for 岳阳市教育信息化试点项目计划任务书 (incomplete) on its title alone, though "
        "none of the task book's cover, plan or budget labels is there",
    "nearmiss-report-title-and-two-labels.pdf":
        "taken for 瑞安市教育信息化应用“回头看”项目建设报告 (incomplete) on its title and two "
        "of its ten labels",
}
TAKEN_FOR_A_RETURN = (
    "ingest stores these as returns: " + ", ".join(sorted(KNOWN_FAILURES)))

pytestmark = pytest.mark.office


def _known(name: str) -> list[pytest.MarkDecorator]:
    if name in KNOWN_FAILURES:
        return [pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[name])]
    return []


@pytest.fixture(scope="module")
def records(soffice):
    """Return the record of every corpus file, parsed in one batch, by file name."""
    from parsers.batch import parse_paths

    read = list(parse_paths([str(HERE / entry["file"]) for entry in EXPECTED]))
    return {Path(record.file).name: record for record in read}


@pytest.fixture(scope="module")
def stored(soffice, tmp_path_factory):
    """Return {form id: names of the files held as its latest returns} after `ingest`."""
    from cli import cli
    from records.store import Store

    runner = CliRunner()
    listing = runner.invoke(cli, ["forms", "list", "--format", "json"])
    assert listing.exit_code == 0, listing.output
    form_ids = [form["id"] for form in json.loads(listing.output)]
    db = tmp_path_factory.mktemp("notforms-store") / "tianbiao.db"
    result = runner.invoke(cli, ["ingest", str(HERE), "--db", str(db)])
    assert result.exit_code in (0, 1), result.output
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit), result.exception
    with Store(db) as store:
        return {form: {Path(s.file).name for s in store.latest(form)} for form in form_ids}


def test_corpus_matches_its_expectations():
    """Every document in the folder has an expectation, exists and stays under 100 KB."""
    documents = sorted(p.name for p in HERE.iterdir() if p.suffix in READABLE)
    assert documents == sorted(BY_FILE)
    assert 25 <= len(documents) <= 35
    assert all((HERE / name).stat().st_size < SIZE_LIMIT for name in documents)
    assert all(entry["why"] for entry in EXPECTED)


@pytest.mark.parametrize(
    "name", [pytest.param(e["file"], marks=_known(e["file"])) for e in EXPECTED])
def test_file_is_read_as_a_clerk_expects(records, name):
    """The form and status are what the clerk expects; not-a-form says so in Chinese."""
    expected, record = BY_FILE[name], records[name]
    assert (record.form, record.status) == (expected["form"], expected["status"]), \
        f"{name}: {expected['why']}; problems: {[p.message for p in record.problems][:3]}"
    if expected["form"] is None:
        # Not one of the forms: said as such, not as a damaged, encrypted or scanned file.
        assert [p.code for p in record.problems] == ["unknown_form"]
        message = record.problems[0].message
        assert CJK.search(message), message
        assert not re.search(r"损坏|加密|扫描", message), message


@pytest.mark.xfail(strict=True, reason=TAKEN_FOR_A_RETURN)
def test_ingest_stores_no_document_as_a_return_of_a_form_it_is_not(stored):
    """The store holds none of the files as a return of any form, but the real near misses."""
    wrong = {form: sorted(name for name in names if BY_FILE[name]["form"] != form)
             for form, names in stored.items()}
    assert {form: names for form, names in wrong.items() if names} == {}


def test_ingest_keeps_the_near_misses_a_clerk_takes_for_the_form(stored):
    """A near miss that really is the form is stored as a return of it."""
    for entry in EXPECTED:
        if entry["form"] is not None:
            assert entry["file"] in stored[entry["form"]], entry["why"]
