"""Batches: one record per file, stable order, bad files explained, the batch goes on."""

from __future__ import annotations

import shutil
import time

from parsers import batch
from parsers.batch import parse_paths


def _folder_of_mixed_files(tmp_path, generated_reports):
    folder = tmp_path / "returns"
    (folder / "乡镇" / "塘下").mkdir(parents=True)
    shutil.copy(generated_reports["1-1"], folder / "a-good.docx")
    shutil.copy(generated_reports["2"], folder / "乡镇" / "塘下" / "b-good.docx")
    (folder / "c-empty.docx").write_bytes(b"")
    (folder / "d-random.docx").write_bytes(bytes(range(256)) * 8)
    (folder / "e-encrypted.docx").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "EncryptionInfo".encode("utf-16-le")
    )
    (folder / "f-notes.txt").write_text("not a form", encoding="utf-8")
    (folder / "~$a-good.docx").write_bytes(b"Word lock file")
    return folder


def test_one_record_per_file_in_order_with_reasons(tmp_path, generated_reports):
    folder = _folder_of_mixed_files(tmp_path, generated_reports)
    records = list(parse_paths([str(folder)]))
    names = [r.file.split("/")[-1] for r in records]
    assert names == ["a-good.docx", "c-empty.docx", "d-random.docx", "e-encrypted.docx",
                     "b-good.docx"]
    by_name = dict(zip(names, records, strict=True))
    assert by_name["a-good.docx"].form == "ruian-2022-report"
    assert by_name["b-good.docx"].value("school") == "瑞安市塘下镇中心小学"
    assert by_name["c-empty.docx"].status == "unreadable"
    assert by_name["c-empty.docx"].problems[0].message == "文件是空的（0 字节），请学校重新提交"
    assert by_name["d-random.docx"].problems[0].code in {"not_docx", "corrupt"}
    encrypted = by_name["e-encrypted.docx"].problems[0]
    assert encrypted.code == "encrypted"
    assert encrypted.message == "文件已加密，请学校去掉密码后重新提交"


def test_a_slow_file_costs_only_itself(tmp_path, generated_reports, monkeypatch):
    shutil.copy(generated_reports["1-1"], tmp_path / "1-slow.docx")
    shutil.copy(generated_reports["2"], tmp_path / "2-fine.docx")
    real_read = batch.read_docx

    def slow_for_one(path):
        if str(path).endswith("1-slow.docx"):
            time.sleep(5)
        return real_read(path)

    monkeypatch.setattr(batch, "read_docx", slow_for_one)
    monkeypatch.setattr(batch, "FILE_TIME_LIMIT", 0.3)
    slow, fine = parse_paths([str(tmp_path)], workers=1)
    assert (slow.status, slow.problems[0].code) == ("unreadable", "timeout")
    assert "秒仍未完成" in slow.problems[0].message
    assert fine.status == "incomplete" and fine.value("amount") == 200000


def test_a_fault_in_tianbiao_is_said_as_one_and_the_batch_goes_on(tmp_path, generated_reports,
                                                                   monkeypatch):
    shutil.copy(generated_reports["1-1"], tmp_path / "1-trips.docx")
    shutil.copy(generated_reports["2"], tmp_path / "2-fine.docx")
    real_read = batch.read_docx

    def trips_on_one(path):
        if str(path).endswith("1-trips.docx"):
            return [][0]  # a bug of the reader's, as an IndexError
        return real_read(path)

    monkeypatch.setattr(batch, "read_docx", trips_on_one)
    tripped, fine = parse_paths([str(tmp_path)], workers=1)
    assert (tripped.status, tripped.problems[0].code) == ("unreadable", "error")
    assert tripped.problems[0].message == (
        "tianbiao 读取此文件时出错（IndexError），已跳过；这不是学校的错，请先手工录入，"
        "并把此文件交给技术人员查看")
    assert (tmp_path / "1-trips.docx").exists()  # the school's file is kept as it was
    assert fine.value("amount") == 200000


def test_progress_is_reported_per_file(tmp_path, generated_reports):
    for key in ("1-1", "1-2", "2"):
        shutil.copy(generated_reports[key], tmp_path / f"{key}.docx")
    seen = []
    list(parse_paths([str(tmp_path)], on_progress=lambda done, total: seen.append((done, total))))
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_many_files_go_through_the_process_pool_in_order(generated_reports):
    files = [str(p) for _, p in sorted(generated_reports.items(), key=lambda kv: str(kv[1]))]
    records = list(parse_paths(files))
    assert [r.file for r in records] == files
    assert sum(r.value("amount") for r in records) == 13_893_577
