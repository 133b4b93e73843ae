"""The measurement counts what a clerk would: right values, flagged ones, and silent mistakes.

Held on made-up records (a value right, one wrong and flagged, one wrong and silent, a file
refused), and end to end on the printed PDFs of the CI returns: read through their text
layer, every value of every expectation scores right, so a figure below 100% on the scans is
the scan reader's, not the measurement's.
"""

from __future__ import annotations

import pytest

from scancorpus.measure import measure, targets
from scancorpus.scoring import UNCERTAIN_PREFIX, contract_breaches, same, score_scan

SCAN = {
    "file": "seal/x.pdf", "condition": "seal", "form": "hengyang-2018-application",
    "fields": {"applicant": "常宁市第一中学", "leader_phone": "13907347781",
               "unit_date": "2018-09-12", "contact": "欧阳明", "county_opinion": None},
    "rows": {}, "under_seal": ["unit_date"], "checkboxes": [],
}


def _field(field_id, value, label="", confidence=0.9):
    return {"id": field_id, "label": label, "column": None, "value": value, "raw": str(value),
            "source": "scan", "confidence": confidence}


def _record(fields, problems=(), status="ok"):
    return {"file": "seal/x.pdf", "form": SCAN["form"], "status": status, "fields": fields,
            "rows": {}, "problems": list(problems)}


def test_values_are_compared_as_the_contract_normalises_them():
    assert same(2, 2.0) and same(None, None) and same(True, True)
    assert same("同意。\n学校保障经费", "同意。学校保障 经费")
    assert same("（2）ABC", "(2)ABC")  # NFKC: full-width brackets and letters
    assert not same(True, 1) and not same("1.5", 1.5) and not same(None, "")
    assert not same("13907347781", "13907347787")


def test_a_wrong_value_is_flagged_or_confidently_wrong():
    record = _record(
        [_field("applicant", "常宁市第一中学"), _field("leader_phone", "13907347787"),
         _field("unit_date", "2018-09-17", "单位意见", 0.4), _field("contact", "欧阳明"),
         _field("county_opinion", "专用章")],
        [{"field": "unit_date", "code": "scan_uncertain",
          "message": f"{UNCERTAIN_PREFIX}单位意见（日期）读作“2018年9月17日”"}])
    scores = {s.field: s for s in score_scan(SCAN, record)}
    assert [f for f, s in scores.items() if s.right] == ["applicant", "contact"]
    assert scores["unit_date"].flagged and not scores["unit_date"].confidently_wrong
    assert scores["unit_date"].under_seal and scores["unit_date"].kind == "date"
    assert scores["leader_phone"].confidently_wrong and scores["leader_phone"].kind == "phone"
    assert scores["county_opinion"].confidently_wrong  # the seal's words in an empty blank
    assert contract_breaches(SCAN, record) == []


def test_an_unreadable_scan_counts_every_value_wrong_but_none_confidently():
    record = _record([], [{"field": None, "code": "unreadable", "message": "无法读取"}],
                     status="unreadable")
    scores = score_scan(SCAN, record)
    assert len(scores) == len(SCAN["fields"])
    assert not any(s.right or s.confidently_wrong for s in scores)  # county_opinion too


def test_a_record_breaks_the_scan_contract_without_source_confidence_or_words():
    record = _record(
        [{"id": "applicant", "label": "申报单位", "value": "常宁市第一中学"},
         _field("unit_date", None, "单位意见", 1.5)],
        [{"field": "unit_date", "code": "scan_uncertain", "message": "看不清"}])
    breaches = contract_breaches(SCAN, record)
    assert len(breaches) == 4, breaches  # source, confidence, range, message


def test_the_text_layer_of_each_printed_return_scores_every_value_right(quick_scans):
    out, manifest = quick_scans
    printed = [dict(scan, file=f"print/{scan['source'].split('/')[-2]}--"
                               f"{scan['source'].split('/')[-1][:-5]}.pdf")
               for scan in manifest["scans"]]
    measurement = measure(out, together=True, scans=printed)
    wrong = [(s.file, s.field, s.expected, s.got) for s in measurement.wrong()]
    assert not wrong
    assert {s.kind for s in measurement.scores} >= {"text", "number", "date", "phone", "choice"}
    met = {t.name: t for t in targets(measurement)}
    assert all(t.met and t.count for t in met.values()), met
    # a PDF's values are not read from an image: no "source": "scan", no confidence
    assert measurement.breaches and all("source" in b or "confidence" in b
                                        for b in measurement.breaches)


@pytest.mark.parametrize("value", [0, 0.5, 1])
def test_a_confidence_from_zero_to_one_is_kept(value):
    record = _record([_field("applicant", "常宁市第一中学", confidence=value)])
    assert contract_breaches(SCAN, record) == []
