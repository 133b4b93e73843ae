"""A record's JSON (the ``parse`` contract) read back gives the same record and the same bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parsers.batch import parse_file
from parsers.record import Record

CORPUS = Path(__file__).resolve().parents[1] / "data" / "ruian-2022-report"


@pytest.mark.parametrize("name", ["amount-wan.docx", "bad-amount.docx"])
def test_a_parsed_record_reads_back_from_its_json(name):
    record = parse_file(str(CORPUS / name))
    text = json.dumps(record.as_json(), ensure_ascii=False)
    again = Record.from_json(json.loads(text))
    assert json.dumps(again.as_json(), ensure_ascii=False) == text
    assert (again.fields, again.rows, again.problems) == (
        record.fields, record.rows, record.problems)


def test_the_json_has_exactly_the_contract_keys():
    record = parse_file(str(CORPUS / "bad-amount.docx"))
    data = record.as_json()
    assert list(data) == ["file", "form", "status", "fields", "rows", "problems"]
    assert list(data["fields"][0]) == ["id", "label", "column", "value", "raw"]
    assert list(data["problems"][0]) == ["field", "code", "message"]
