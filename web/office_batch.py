"""The office hands in a batch of returns (by mail or chat): a zip or many files at once.

The post is received whole (at most `MAX_BATCH` bytes, counted as they arrive), every zip
in it is judged before any member is read (records/returns_archive.py), and every file is
kept as sent and listed in the store before the answer goes back (records/batches.py). The
files are then read and stored in a thread of their own, one batch at a time, while the
clerk watches a page that reloads itself (a meta refresh: the pages run no scripts) until
every file has its line. A batch left unfinished by a stopped server goes on when its page
is opened again.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from forms.errors import TianbiaoError
from records.batches import (
    Arrival,
    Batch,
    BatchLine,
    batch_office,
    get_batch,
    give_up,
    receive_batch,
    run_batch,
)
from records.campaigns import get_campaign
from records.handin import MAX_UPLOAD, keep_file
from records.returns_archive import unpack_returns
from records.store import Store
from web.office_access import (
    campaign_or_404,
    county_of,
    csrf_token,
    logged_in,
    login_redirect,
    require_csrf,
)
from web.office_school import status_words
from web.pages import error_page, in_thread, limited_body, opened, page

MAX_BATCH = 300 * 1024 * 1024  # one post: a county's returns by mail, photos and all
MAX_FORM_FILES = 1000
REFRESH_SECONDS = 2
_LOG = logging.getLogger(__name__)
_RUNNING: set[tuple[str, int]] = set()
_RUNNING_GUARD = threading.Lock()
# One batch reads at a time: its worker processes take every core already.
_ONE_BATCH_AT_A_TIME = threading.Lock()
_FAILED = "读取这个文件时服务器出错，没有读完；请单独重新上传这个文件"


def routes() -> list[Route]:
    """Return the routes of the batch upload and its progress page."""
    return [
        Route("/office/c/{number:int}/batch", batch_upload, methods=["POST"]),
        Route("/office/c/{number:int}/batch/{batch:int}", batch_page, methods=["GET"]),
    ]


def _too_much() -> str:
    return f"一次上传的文件合计超过 {MAX_BATCH // (1024 * 1024)} MB，请分几次上传"


async def batch_upload(request: Request) -> Response:
    """Receive the clerk's files, keep and list them, and start reading them."""
    if not logged_in(request):
        return login_redirect()
    number = request.path_params["number"]
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BATCH:
        return error_page(request, 413, _too_much())
    limited = limited_body(request, MAX_BATCH)
    try:
        async with limited.form(max_files=MAX_FORM_FILES, max_fields=5,
                                max_part_size=4096) as form:
            require_csrf(request, form.get("csrf"))
            parts = [v for v in form.getlist("files") if isinstance(v, UploadFile)]
            if not parts:
                return error_page(request, 400, "没有收到文件：请选择要上传的文件"
                                  "（可以多选，也可以是一个 zip 压缩包）再提交")
            received = await in_thread(_receive, request, number, parts)
    except HTTPException as error:
        if error.status_code == 413:
            return error_page(request, 413, _too_much())
        if error.status_code in (403, 404):
            raise
        if "Too many files" in str(error.detail):
            return error_page(request, 400, f"一次最多选 {MAX_FORM_FILES} 个文件；"
                              "请把文件打成 zip 压缩包上传，或分几次上传")
        return error_page(request, 400, "上传的内容不完整，请重新选择文件提交")
    if isinstance(received, str):
        return page(request, "office_batch.html", {
            "refused": received, "number": number, "csrf": csrf_token(request)},
            status_code=422)
    _start(request.app.state.db, number, received)
    return RedirectResponse(f"/office/c/{number}/batch/{received}", status_code=303)


def _receive(request: Request, number: int, parts: list[UploadFile]) -> int | str:
    """Keep every file sent and list the batch; return its number, or why all is refused."""
    with opened(request) as store:
        campaign = campaign_or_404(store, number, county_of(request))
        opened_parts = []
        try:
            for part in parts:
                name = _sent_name(part.filename)
                zipped = name.lower().endswith(".zip")
                opened_parts.append((part, name, unpack_returns(part.file, name)
                                     if zipped else None))
        except TianbiaoError as error:
            return error.message
        arrivals = []
        for part, name, members in opened_parts:
            if members is None:
                part.file.seek(0)
                arrivals.append(_arrival(store, name, part.file.read(MAX_UPLOAD + 1)))
                continue
            for member in members:
                listed = f"{name}/{member.name}"
                arrivals.append(Arrival(listed, refused=member.refused)
                                if member.content is None
                                else _arrival(store, listed, member.content))
        if not arrivals:
            return "压缩包里没有任何文件"
        return receive_batch(store, campaign, arrivals)


def _sent_name(filename: str | None) -> str:
    """Return the file's own name as the browser sent it (some send the whole path)."""
    return (filename or "").replace("\\", "/").rsplit("/", 1)[-1] or "（无名文件）"


def _arrival(store: Store, name: str, content: bytes) -> Arrival:
    if len(content) > MAX_UPLOAD:
        return Arrival(name, refused=f"文件太大（超过 {MAX_UPLOAD // (1024 * 1024)} MB），"
                                     "请压缩图片或只提交需要填写的表格")
    kept = keep_file(store, content, name)
    return Arrival(name, kept.sha256, kept.suffix)


def _start(db: Path, campaign: int, batch: int) -> None:
    """Read batch `batch` in a thread of its own, unless one is reading it already."""
    key = (str(db), batch)
    with _RUNNING_GUARD:
        if key in _RUNNING:
            return
        _RUNNING.add(key)
    threading.Thread(target=_read, args=(db, campaign, batch, key), daemon=True,
                     name=f"tianbiao-batch-{batch}").start()


def _read(db: Path, campaign: int, batch: int, key: tuple[str, int]) -> None:
    try:
        with _ONE_BATCH_AT_A_TIME, Store(db, create=False) as store:
            county = batch_office(store, batch)  # a county's batch: its rows only
            found = get_campaign(store, campaign)
            run_batch(store, found.for_county(county) if county else found, batch)
    except Exception:
        # A bug of ours, not the file's: say so on each file left, never leave it waiting.
        _LOG.exception("batch %s failed", batch)
        with Store(db, create=False) as store:
            give_up(store, batch, _FAILED)
    finally:
        with _RUNNING_GUARD:
            _RUNNING.discard(key)


async def batch_page(request: Request) -> Response:
    """Show how far the batch is, reloading itself until every file has its line."""
    if not logged_in(request):
        return login_redirect()
    number, wanted = request.path_params["number"], request.path_params["batch"]

    def load() -> Batch:
        with opened(request) as store:
            found = get_batch(store, campaign_or_404(store, number, county_of(request)), wanted)
        if found is None:
            raise HTTPException(404)
        return found

    batch = await in_thread(load)
    if not batch.finished:
        _start(request.app.state.db, number, batch.id)
    lines = [line_words(line) for line in batch.lines]
    counts = {kind: sum(1 for line in lines if line["kind"] == kind)
              for kind in ("good", "bad", "same", "refused")}
    return page(request, "office_batch.html", {
        "batch": batch, "number": number, "lines": lines, "counts": counts,
        "refresh": None if batch.finished else REFRESH_SECONDS, "csrf": csrf_token(request)})


def line_words(line: BatchLine) -> dict[str, Any]:
    """Return one file's line in the clerk's words: who, what became of it, what is wrong."""
    school = line.school or ""
    if line.key:
        school = f"{school}（编号 {line.key}）"
    words: dict[str, Any] = {"name": line.name, "school": school, "problems": [],
                             "key": line.key}
    if not line.done:
        return {**words, "kind": "waiting", "result": "等待读取"}
    if line.outcome == "not_taken":
        return {**words, "kind": "refused", "result": f"未收下：{line.message or '无法读取'}"}
    if line.outcome == "unchanged":
        return {**words, "kind": "same",
                "result": f"与已收到的第{line.version}版相同，未改变"}
    result = f"已收入第{line.version}版，{status_words(line.status)}"
    if not line.key:
        result += "；但与名单对不上，未计入报送情况"
    problems = (line.message or "").split("\n") if line.status != "ok" else []
    return {**words, "kind": "good" if line.status == "ok" and line.key else "bad",
            "result": result, "problems": [p for p in problems if p]}
