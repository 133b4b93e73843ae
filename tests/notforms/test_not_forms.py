"""A document that is none of the forms is never taken for one (issue "Step 7", item 9).

The corpus beside this file (built by build_notforms_corpus.py, by another hand than the
readers) holds English statistics tables with numbered rows, Chinese documents that share
words with the forms, and near misses made from our own forms; expected.json says per file
what a clerk expects. All files are parsed in one batch, then ingested into a throw-away store:
the store must hold none of them as a return of a form, except the near misses a clerk would
take for the real form.

No file is a known failure: a form is known by its title or its own printed words, never by
item numbers alone (parsers/identify.py).
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

pytestmark = pytest.mark.office


@pytest.fixture(scope="module")
def records(soffice):
    """Return the record of every corpus file, parsed in one batch, by file name."""
    from parsers.batch import parse_paths

    read = list(parse_paths([str(HERE / entry["file"]) for entry in EXPECTED]))
    return {Path(record.file).name: record for record in read}


@pytest.fixture(scope="module")
def ingested(soffice, tmp_path_factory):
    """Return `ingest`'s listing of the folder and {form id: names of its stored returns}."""
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
        assert set(store.forms()) <= set(form_ids)  # nothing kept under no form at all
        stored = {form: {Path(s.file).name for s in store.latest(form)} for form in form_ids}
    return result.stdout, stored


@pytest.fixture(scope="module")
def stored(ingested):
    """Return {form id: names of the files held as its latest returns} after `ingest`."""
    return ingested[1]


def test_corpus_matches_its_expectations():
    """Every document in the folder has an expectation, exists and stays under 100 KB."""
    documents = sorted(p.name for p in HERE.iterdir() if p.suffix in READABLE)
    assert documents == sorted(BY_FILE)
    assert 25 <= len(documents) <= 35
    assert all((HERE / name).stat().st_size < SIZE_LIMIT for name in documents)
    assert all(entry["why"] for entry in EXPECTED)


@pytest.mark.parametrize(
    "name", [e["file"] for e in EXPECTED])
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


def test_ingest_lists_each_document_it_did_not_take_with_the_reason(ingested):
    """The office sees every file left out, as not taken, with the words of its record."""
    lines = ingested[0].splitlines()
    for entry in EXPECTED:
        if entry["form"] is None:
            at = next(i for i, line in enumerate(lines) if line.endswith(entry["file"]))
            assert lines[at].split()[:2] == ["未收入", "unreadable"], lines[at]
            assert lines[at + 1].strip().startswith("不是已知的表单"), lines[at + 1]
