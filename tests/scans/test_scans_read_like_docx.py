"""A scan of a return is read like the .docx it was printed from, or its doubt is said.

Every value read off a scan must equal the .docx's reading (spaces aside: a scan cannot
tell a typed space from the gap Word leaves between Chinese and figures), unless it is
flagged as uncertain; nothing may be silently wrong.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from parsers.record import SCAN_UNCERTAIN

SCANS = ["report-stamped.pdf", "report-grey.tif", "application.jpg", "application-photo.jpg",
         "application-upside-down.jpg", "application-sideways.png",
         "application-stamped-photo.jpg"]


def _plain(value: object) -> object:
    """Return `value` as compared: text without spaces, in its NFKC form."""
    if isinstance(value, str):
        return unicodedata.normalize("NFKC", "".join(value.split()))
    return value


def _doubted(record) -> set[str]:
    return {p.field for p in record.problems if p.code == SCAN_UNCERTAIN}


@pytest.mark.parametrize("name", SCANS)
def test_a_scan_is_the_same_form_as_its_docx(scan_records, scans, name):
    record = scan_records[name]
    original = scan_records[scans.originals[name].name]
    assert record.form == original.form
    assert record.status != "unreadable", record.problems


@pytest.mark.parametrize("name", SCANS)
def test_every_value_is_the_docx_value_or_flagged(scan_records, scans, name):
    record = scan_records[name]
    original = scan_records[scans.originals[name].name]
    expected = {f.id: f.value for f in original.fields}
    wrong = {f.id: (f.value, expected[f.id]) for f in record.fields
             if _plain(f.value) != _plain(expected[f.id]) and f.id not in _doubted(record)}
    assert wrong == {}
    assert len(_doubted(record)) <= 1, record.problems  # the stamped value, at most


@pytest.mark.parametrize("name", SCANS)
def test_no_other_problem_than_the_docx_has(scan_records, scans, name):
    record = scan_records[name]
    original = scan_records[scans.originals[name].name]
    codes = sorted(p.code for p in record.problems if p.code != SCAN_UNCERTAIN)
    assert codes == sorted(p.code for p in original.problems)


def test_the_date_under_the_seal_is_right_or_flagged(scan_records):
    record = scan_records["report-stamped.pdf"]
    date = next(f for f in record.fields if f.id == "principal_date")
    assert date.value == "2023-03-03" or "principal_date" in _doubted(record)


def test_a_two_page_scan_is_one_form(scan_records):
    # The expert's opinion is printed on the second page: found, not "not made out".
    for name in ("report-stamped.pdf", "report-grey.tif"):
        unseen = [p.message for p in scan_records[name].problems if "没有认出" in p.message]
        assert unseen == [], name


def test_the_ticked_box_is_read_by_its_ink(scan_records):
    for name in ("application.jpg", "application-photo.jpg"):
        record = scan_records[name]
        category = next(f for f in record.fields if f.id == "category")
        assert category.value == scan_records["category-boxes-ticked.docx"].value("category")
        assert "category" not in _doubted(record)


def test_scanned_fields_say_source_and_confidence(scan_records):
    data = scan_records["application.jpg"].as_json()
    amounts = [f for f in data["fields"]]
    assert all(f["source"] == "scan" and 0.0 <= f["confidence"] <= 1.0 for f in amounts)
    assert set(data) == {"file", "form", "status", "fields", "rows", "problems"}
    docx = scan_records["category-boxes-ticked.docx"].as_json()
    assert all(set(f) == {"id", "label", "column", "value", "raw"} for f in docx["fields"])
    json.dumps(data, ensure_ascii=False)


def test_a_folder_walk_takes_every_picture(scans):
    from parsers.batch import collect_files

    taken = {Path(f).name for f in collect_files([str(scans.folder)])}
    assert set(scans.files) <= taken


def test_a_picture_named_doc_is_read_as_the_picture_it_is(scans, tmp_path):
    from parsers.batch import parse_paths

    named = tmp_path / "申请表.doc"
    named.write_bytes(scans.files["application.jpg"].read_bytes())
    (record,) = parse_paths([str(named)], workers=1)
    assert record.form == "hengyang-2018-application"
    assert record.value("leader_phone") == "13907347781"
