"""A school's link: its page, its copy, an upload read at once, its record; nobody else's."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from docx import Document

from parsers.batch import parse_paths

# The store behind the pages: a SQLite file, and a PostgreSQL database.
pytestmark = pytest.mark.parametrize("site_db", ["sqlite", "postgresql"], indirect=True)


SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _upload(client, token, path, name=None):
    with open(path, "rb") as handle:
        content = handle.read()
    return client.post(f"/s/{token}/upload", files={"file": (name or path.name, content)})


def test_the_school_page_names_the_school_project_and_due_date(client, site):
    page = client.get(f"/s/{site.tokens['1-2']}")
    assert page.status_code == 200
    assert "瑞安市陶山镇荆谷学校" in page.text
    assert "云桌面机房" in page.text
    assert "2099年3月10日" in page.text
    assert "未交" in page.text
    assert f'action="/s/{site.tokens["1-2"]}/upload"' in page.text


def test_the_copy_downloaded_is_pre_filled_for_the_school(client, site):
    answer = client.get(f"/s/{site.tokens['6-2']}/copy.docx")
    assert answer.status_code == 200
    text = "\n".join(cell.text for table in Document(io.BytesIO(answer.content)).tables
                     for row in table.rows for cell in row.cells)
    from rosters.roster import read_roster

    row = next(r for r in read_roster(SAMPLES / "ruian-2022-list.xlsx").rows if r.key == "6-2")
    assert row.get("学校名称") in text and row.get("项目名称") in text
    assert str(row.get("学校名称")) in _disposition_name(answer.headers["content-disposition"])


def _disposition_name(header):
    from urllib.parse import unquote

    return unquote(header.split("filename*=UTF-8''")[1])


@pytest.mark.parametrize("token", [
    "guessed-token-aaaaaaaaaaaaaaaaaaaa",  # well formed, but no link has it
    "x",  # not even a token
    "../../etc/passwd",
])
def test_an_unknown_token_is_a_404_with_no_hint(client, token):
    for path in (f"/s/{token}", f"/s/{token}/record.json", f"/s/{token}/copy.docx"):
        answer = client.get(path)
        assert answer.status_code == 404
        assert "瑞安" not in answer.text and "Traceback" not in answer.text


def test_a_token_of_another_campaign_sees_only_its_own_row(client, site):
    page = client.get(f"/s/{site.other_tokens[next(iter(site.other_tokens))]}")
    assert page.status_code == 200
    assert "计划任务书" in page.text and "瑞安" not in page.text


def test_a_blank_left_empty_is_named_then_the_corrected_file_is_a_new_version(
        client, site, filled):
    token = site.tokens["1-1"]
    first = _upload(client, token, filled("1-1", leave_empty=("推进措施",)))
    assert first.status_code == 200
    assert "推进措施：未填写（必填）" in first.text
    assert "已交，有问题" in first.text
    record = client.get(f"/s/{token}/record.json").json()
    assert record["status"] == "incomplete"
    assert [p["field"] for p in record["problems"]] == ["measures"]

    second = _upload(client, token, filled("1-1"))
    assert second.status_code == 200
    assert "已交，合格" in second.text
    assert "推进措施：未填写（必填）" not in second.text
    assert "第2版" in second.text and "第1版" in second.text
    assert "成立应用推进小组，每月一次教师培训。" in second.text
    record = client.get(f"/s/{token}/record.json").json()
    assert record["status"] == "ok" and record["problems"] == []


def test_record_json_is_the_parse_contract_of_the_file_sent(client, site, filled):
    path = filled("1-1")
    _upload(client, site.tokens["1-1"], path, name="荆谷学校报告.docx")
    record = client.get(f"/s/{site.tokens['1-1']}/record.json").json()
    parsed = next(parse_paths([str(path)])).as_json()
    assert record["file"] == "荆谷学校报告.docx"
    assert {k: record[k] for k in ("form", "status", "fields", "rows", "problems")} == {
        k: parsed[k] for k in ("form", "status", "fields", "rows", "problems")}
    assert record["key"] == "1-1"
    kept_in = str(site.db.parent) if isinstance(site.db, Path) else "kept_files"
    assert json.dumps(record, ensure_ascii=False).count(kept_in) == 0


def test_another_schools_copy_is_refused_and_stored_for_nobody(client, site, filled):
    answer = _upload(client, site.tokens["2"], filled("1-1"))
    assert answer.status_code == 422
    assert "上传的文件不是瑞安市塘下镇中心小学的表" in answer.text
    assert "瑞安市陶山镇荆谷学校" not in answer.text
    from records.handin import all_kept
    from records.store import Store

    with Store(site.db) as store:
        assert all_kept(store) == []  # a refused file's bytes are not kept
    assert client.get(f"/s/{site.tokens['1-1']}/record.json").status_code == 404
    assert client.get(f"/s/{site.tokens['2']}/record.json").status_code == 404
    assert "未交" in client.get(f"/s/{site.tokens['1-1']}").text


def test_a_file_of_another_form_and_an_unreadable_file_get_a_page_in_words(
        client, site, tmp_path):
    from forms.layout import build_template, document_bytes
    from forms.registry import get_form

    other = tmp_path / "任务书.docx"
    other.write_bytes(document_bytes(build_template(get_form("yueyang-2020-taskbook"))))
    answer = _upload(client, site.tokens["2"], other)
    assert answer.status_code == 422
    assert "这不是本次要交的《瑞安市教育信息化应用“回头看”项目建设报告》" in answer.text

    broken = tmp_path / "坏文件.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    answer = _upload(client, site.tokens["2"], broken)
    assert answer.status_code == 422
    assert "Word" in answer.text and "Traceback" not in answer.text


def test_a_file_too_big_is_refused_before_reading(client, site, monkeypatch):
    import records.handin
    import web.school

    monkeypatch.setattr(records.handin, "MAX_UPLOAD", 1000)
    monkeypatch.setattr(web.school, "MAX_UPLOAD", 1000)
    answer = client.post(f"/s/{site.tokens['2']}/upload",
                         files={"file": ("big.docx", b"x" * 5000, "application/octet-stream")})
    assert answer.status_code == 413
    assert "文件太大" in answer.text


def test_every_page_carries_the_security_headers(client, site):
    for path in (f"/s/{site.tokens['2']}", "/s/unknown-token-bbbbbbbbbbbbbbbbbbbb",
                 "/office/login"):
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_a_failure_inside_is_a_page_in_words_never_a_trace(client, site, monkeypatch):
    import web.school

    def broken(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(web.school, "_view", broken)
    answer = client.get(f"/s/{site.tokens['2']}")
    assert answer.status_code == 500
    assert "服务器处理时出错" in answer.text
    assert "secret internal detail" not in answer.text and "Traceback" not in answer.text
    assert answer.headers["x-content-type-options"] == "nosniff"


def test_a_body_sent_in_chunks_is_stopped_at_the_limit_not_spooled_whole(client, site):
    import threading

    import anyio
    from starlette.exceptions import HTTPException
    from starlette.requests import Request

    from web.pages import limited_body

    chunk = b"0" * (1024 * 1024)
    pulled = 0

    async def receive():
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def read_all():
        request = limited_body(Request({"type": "http", "method": "POST", "headers": []},
                                       receive), 20 * len(chunk))
        async for _ in request.stream():
            pass

    raised: list[BaseException] = []

    def run() -> None:  # in a thread of its own: the browser tests keep a loop in this one
        try:
            anyio.run(read_all)
        except BaseException as error:
            raised.append(error)

    reader = threading.Thread(target=run)
    reader.start()
    reader.join(30)
    assert len(raised) == 1 and isinstance(raised[0], HTTPException), raised
    assert raised[0].status_code == 413
    assert pulled == 21  # stopped at the chunk that passed the limit

    def body():
        yield (b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.docx"\r\n'
               b"Content-Type: application/octet-stream\r\n\r\n")
        for _ in range(40):  # 40 MB, no declared length
            yield chunk
        yield b"\r\n--b--\r\n"

    answer = client.post(f"/s/{site.tokens['1-1']}/upload", content=body(),
                         headers={"content-type": "multipart/form-data; boundary=b"})
    assert answer.status_code == 413 and "文件超过 20 MB" in answer.text


def test_one_link_reads_one_upload_at_a_time_and_a_busy_server_says_so(
        client, site, filled, monkeypatch):
    from web import school

    copy = filled("1-1")
    school._READING.add(site.tokens["1-1"])
    try:
        answer = _upload(client, site.tokens["1-1"], copy)
    finally:
        school._READING.discard(site.tokens["1-1"])
    assert answer.status_code == 429 and "本校上一份文件还在读取中" in answer.text

    monkeypatch.setattr(school, "WAIT_FOR_SLOT", 0.2)
    taken = 0
    while school._PARSING.acquire(blocking=False):
        taken += 1
    try:
        answer = _upload(client, site.tokens["1-1"], copy)
    finally:
        for _ in range(taken):
            school._PARSING.release()
    assert answer.status_code == 503 and "这份文件还没有读" in answer.text
    assert "已交，合格" in _upload(client, site.tokens["1-1"], copy).text
