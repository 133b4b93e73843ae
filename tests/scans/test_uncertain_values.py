"""A value read unsurely off a scan is flagged, never passed on silently; digits are digits.

A phone number rubbed pale and stained on the page is read, but not surely: the record
keeps what was read, with its low confidence, and a problem asks the office to check it;
the feedback letter carries that problem like any other. Figures a kind reads (dates,
money, phones) turn the letters OCR sees for digits into digits.
"""

from __future__ import annotations

import zipfile

from click.testing import CliRunner

from cli import cli
from forms.kinds import kind_named
from forms.kinds.base import Blank, digits_from_image
from parsers.record import SCAN_CERTAINTY, SCAN_UNCERTAIN


def test_a_smudged_value_is_flagged_with_what_was_read(scan_records):
    record = scan_records["application-smudged.jpg"]
    phone = next(f for f in record.fields if f.id == "contact_phone")
    assert phone.source == "scan"
    assert phone.confidence < SCAN_CERTAINTY
    (problem,) = [p for p in record.problems if p.code == SCAN_UNCERTAIN]
    assert problem.field == "contact_phone"
    read = " ".join(phone.raw.split())
    assert problem.message == f"扫描件此处识别不确定，请核对：联系人（手机号码）（识别为“{read}”）"
    assert record.status == "invalid"


def test_the_values_read_surely_are_not_flagged(scan_records):
    record = scan_records["application-smudged.jpg"]
    assert {p.field for p in record.problems} == {"contact_phone"}
    leader = next(f for f in record.fields if f.id == "leader_phone")
    assert leader.value == "13907347781" and leader.confidence >= SCAN_CERTAINTY


def test_the_feedback_letter_asks_to_check_the_value(scans, tmp_path):
    db = tmp_path / "tianbiao.db"
    ingested = CliRunner().invoke(cli, ["ingest", str(scans.files["application-smudged.jpg"]),
                                        "--db", str(db)])
    assert ingested.exit_code == 1, ingested.output  # stored, with a problem
    written = CliRunner().invoke(cli, ["feedback", "hengyang-2018-application", "--db",
                                       str(db), "--out", str(tmp_path / "letters")])
    assert written.exit_code in (0, 1), written.output
    (letter,) = (tmp_path / "letters").glob("*.docx")
    with zipfile.ZipFile(letter) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "扫描件此处识别不确定，请核对：联系人（手机号码）" in body


def test_letters_read_for_digits_become_digits():
    assert digits_from_image("2O23年3月6日") == "2023年3月6日"
    assert digits_from_image("l39 O734 778l") == "13907347781"
    assert digits_from_image("9 6.5") == "96.5"  # figures set wide, read apart
    assert digits_from_image("RMB150,OOO") == "RMB150,000"
    assert digits_from_image("ISO") == "ISO"  # no digit in the run: a word
    assert digits_from_image("二O二三年") == "二O二三年"


def test_a_kind_in_figures_repairs_only_text_from_a_scan():
    date, phone, text = kind_named("date"), kind_named("phone"), kind_named("text")
    assert date.parse("2O23年3月6日", Blank("日期"), from_image=True) == "2023-03-06"
    assert phone.parse("l39 O734 7781", Blank("手机号码"), from_image=True) == "13907347781"
    assert text.parse("Office 2O16", Blank("备注"), from_image=True) == "Office 2O16"
    money = kind_named("money")
    assert money.parse("15O,OOO元", Blank("投入资金", unit="元"), from_image=True) == 150000
