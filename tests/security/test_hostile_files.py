"""A folder of broken and hostile files among good ones: every file gets its record or its
reason, memory stays bounded, nothing is fetched, executed or written outside."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile import (
    billion_laughs,
    external_entity,
    looping_page_tree,
    many_pages,
    pdf_decompression_bomb,
    scanned_pdf,
    xlsx_with_entity,
    zip_bomb,
)
from peakmemory import run_measured

from cli import cli
from parsers.office import WORD_97, convert_batch

ROOT = Path(__file__).resolve().parents[2]
EXPECTED_CODES = {
    "zip-bomb.docx": {"zip_bomb"},
    "billion-laughs.docx": {"unsafe_xml"},
    "external-entity.docx": {"unsafe_xml"},
    "truncated.docx": {"corrupt", "not_docx"},
    "encrypted.docx": {"encrypted"},
    "empty.docx": {"empty"},
    "picture.docx": {"image"},
    "random-bytes.docx": {"not_docx", "corrupt"},
    "webpage.doc": {"not_word"},
    "scan.pdf": {"scanned"},
    "pdf-bomb.pdf": {"too_large", "timeout", "corrupt"},
    "looping-pages.pdf": {"corrupt", "empty"},
    "five-thousand-pages.pdf": {"too_large"},
}


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory, generated_reports, soffice):
    """Return a folder of returns: two good reports, a .doc named .docx, and every bad case."""
    base = tmp_path_factory.mktemp("hostile")
    folder = base / "returns"
    folder.mkdir()
    good = generated_reports["1-1"].read_bytes()
    shutil.copy(generated_reports["1-1"], folder / "good-1.docx")
    shutil.copy(generated_reports["2"], folder / "good-2.docx")
    (doc,) = convert_batch([generated_reports["3"]], WORD_97, base / "doc").values()
    assert isinstance(doc, Path)
    shutil.copy(doc, folder / "word97-named.docx")
    zip_bomb(folder / "zip-bomb.docx")
    billion_laughs(folder / "billion-laughs.docx")
    external_entity(folder / "external-entity.docx", (base / "secret.txt").as_uri())
    (base / "secret.txt").write_text("不可泄露", encoding="utf-8")
    (folder / "truncated.docx").write_bytes(good[: len(good) // 2])
    (folder / "encrypted.docx").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024) + "EncryptionInfo".encode("utf-16-le"))
    (folder / "empty.docx").write_bytes(b"")
    (folder / "picture.docx").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(2048))
    (folder / "random-bytes.docx").write_bytes(bytes((i * 7919) % 251 for i in range(8192)))
    (folder / "webpage.doc").write_text(
        '<html><body><img src="http://127.0.0.1:9/track.png">学校</body></html>',
        encoding="utf-8")
    scanned_pdf(folder / "scan.pdf")
    pdf_decompression_bomb(folder / "pdf-bomb.pdf")
    looping_page_tree(folder / "looping-pages.pdf")
    many_pages(folder / "five-thousand-pages.pdf")
    return folder


@pytest.fixture(scope="module")
def parsed(hostile_folder, tmp_path_factory):
    """Parse the folder in a separate process, as the office would; return records and RSS."""
    before = _snapshot(hostile_folder.parent)
    output = tmp_path_factory.mktemp("parsed")
    # The peak of this command and its workers only (tests/peakmemory.py says why).
    code, peak = run_measured(
        [sys.executable, "-c", "from cli import main; main()", "parse", "--format", "jsonl",
         str(hostile_folder)], ROOT, output / "out", output / "err")
    out = (output / "out").read_text(encoding="utf-8")
    err = (output / "err").read_text(encoding="utf-8")
    assert code == 1, err  # 1: the data has problems, nothing crashed
    assert "Traceback" not in err
    records = {Path(r["file"]).name: r for r in map(json.loads, out.splitlines())}
    return records, peak, before, _snapshot(hostile_folder.parent)


def _snapshot(folder: Path) -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for p in folder.rglob("*")}


def test_every_file_gets_one_record(parsed, hostile_folder):
    records, _, _, _ = parsed
    assert set(records) == {p.name for p in hostile_folder.iterdir()}


def test_good_files_are_read_whatever_their_neighbours(parsed):
    records, _, _, _ = parsed
    assert records["good-1.docx"]["form"] == "ruian-2022-report"
    assert {f["id"]: f["value"] for f in records["good-2.docx"]["fields"]}["amount"] == 200000
    word97 = {f["id"]: f["value"] for f in records["word97-named.docx"]["fields"]}
    assert word97["school"] == "瑞安市第二中学"  # a .doc named .docx is converted, not refused


@pytest.mark.parametrize("name", sorted(EXPECTED_CODES))
def test_each_bad_file_says_why_in_plain_words(parsed, name):
    records, _, _, _ = parsed
    record = records[name]
    assert record["status"] == "unreadable"
    (problem,) = record["problems"]
    assert problem["code"] in EXPECTED_CODES[name]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in problem["message"])  # Chinese for the clerk


def test_a_broken_picture_asks_for_a_new_scan(parsed):
    records, _, _, _ = parsed
    (problem,) = records["picture.docx"]["problems"]
    assert problem["message"] == "图片已损坏或格式无法识别，请学校重新扫描后提交"


def test_a_scan_too_small_to_read_says_so(parsed):
    records, _, _, _ = parsed
    (problem,) = records["scan.pdf"]["problems"]
    assert problem["message"].startswith("图片太小（96×135 像素），看不清表格里的字")


def test_no_entity_was_resolved(parsed):
    records, _, _, _ = parsed
    assert "不可泄露" not in json.dumps(records, ensure_ascii=False)


def test_memory_stays_under_one_gigabyte(parsed):
    _, peak_kb, _, _ = parsed
    assert peak_kb < 1024 * 1024, f"{peak_kb} KB"


def test_nothing_outside_changes(parsed):
    _, _, before, after = parsed
    assert before == after


def test_a_bomb_or_entity_in_a_roster_workbook_is_refused(tmp_path):
    runner = CliRunner()
    bomb = zip_bomb(tmp_path / "bomb.xlsx", member="xl/worksheets/sheet1.xml")
    result = runner.invoke(cli, ["roster", str(bomb)])
    assert result.exit_code == 1 and "压缩炸弹" in result.output
    entity = xlsx_with_entity(tmp_path / "entity.xlsx", (tmp_path / "x").as_uri())
    result = runner.invoke(cli, ["roster", str(entity)])
    assert result.exit_code == 1 and "DOCTYPE" in result.output
