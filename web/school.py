"""A school's page, opened by its link: its copy to download, its upload, what was read.

The token in the link is the only thing that names the school's row: an unknown token, a
token of a row that is gone, anything that is not a token gets the same 404 page. An upload
is read at once (records/handin.py) and answered with the values and every problem in the
words of the 退回意见 letter.
"""

from __future__ import annotations

import itertools
import re
import threading
import time
from collections import deque
from pathlib import Path
from typing import Any

import anyio
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from forms.errors import TianbiaoError
from forms.model import FormSpec
from generator.render import CopyRenderer
from parsers.workers import default_workers
from records.campaigns import Campaign, find_link, project_of, school_of, sent_names
from records.handin import MAX_UPLOAD, HandIn, hand_in
from records.store import Store, StoredSubmission
from rosters.model import RosterRow
from web.pages import (
    DOCX,
    download,
    error_page,
    in_thread,
    limited_body,
    opened,
    page,
    shown_changes,
)

_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")
STATE_WORDS = {None: "未交", "ok": "已交，合格"}
PROBLEM_STATE = "已交，有问题"
_OUTCOME_WORDS = {"new": "已收到", "version": "已收到更正", "unchanged": "与上次交的文件相同"}


def routes() -> list[Route]:
    """Return the routes of the schools' pages."""
    return [
        Route("/s/{token}", school_page, methods=["GET"]),
        Route("/s/{token}/copy.docx", copy_download, methods=["GET"]),
        Route("/s/{token}/upload", upload, methods=["POST"]),
        Route("/s/{token}/record.json", record_json, methods=["GET"]),
    ]


def _link(store: Store, token: str) -> tuple[Campaign, RosterRow]:
    """Return the campaign and row `token` opens; anything else is a 404 with no hint."""
    found = find_link(store, token) if _TOKEN.fullmatch(token) else None
    if found is None:
        raise HTTPException(404)
    return found


def _versions(store: Store, campaign: Campaign, row: RosterRow) -> list[StoredSubmission]:
    return store.versions(campaign.form_id, row.key)


def _view(store: Store, token: str, handed: HandIn | None = None) -> dict[str, Any]:
    """Return what the school page shows for `token`."""
    campaign, row = _link(store, token)
    spec = campaign.spec
    versions = _versions(store, campaign, row)
    names = sent_names(store, campaign, row.key)
    latest = versions[-1] if versions else None
    shown = []
    for older, newer in zip([None, *versions], versions, strict=False):
        changes = shown_changes(spec, older.record, newer.record) if older is not None else []
        shown.append({"version": newer.version, "received": newer.received.replace("T", " "),
                      "state": _state(newer), "name": names.get(newer.sha256, "（由办公室收入）"),
                      "changes": changes})
    return {
        "campaign": campaign, "spec": spec, "token": token,
        "school": school_of(spec, row), "project": project_of(spec, row),
        "due": _due_text(campaign, spec), "state": _state(latest),
        "ok": latest is not None and latest.status == "ok",
        "fields": [] if latest is None else [
            {"label": f"{f.label}（{f.column}）" if f.column else f.label,
             "value": spec.shown_value(f.id, f.value)}
            for f in latest.record.fields],
        "problems": [] if latest is None else [
            p.message for p in latest.record.problems if not p.is_notice],
        "notes": [] if latest is None else [
            p.message for p in latest.record.problems if p.is_notice],
        "versions": list(reversed(shown)),
        "handed": None if handed is None else _OUTCOME_WORDS.get(handed.outcome.outcome),
        "max_mb": MAX_UPLOAD // (1024 * 1024),
    }


def _state(submission: StoredSubmission | None) -> str:
    if submission is None:
        return STATE_WORDS[None]
    return STATE_WORDS.get(submission.status, PROBLEM_STATE)


def _due_text(campaign: Campaign, spec: FormSpec) -> str:
    if campaign.due is not None:
        return f"{campaign.due.year}年{campaign.due.month}月{campaign.due.day}日"
    return str(spec.due) if spec.due else "未规定"


def _text(value: Any) -> str:
    if value is None:
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


async def school_page(request: Request) -> Response:
    """Show the school its row, its copy, the upload form and what was read last."""
    token = request.path_params["token"]

    def view() -> dict[str, Any]:
        with opened(request) as store:
            return _view(store, token)

    return page(request, "school.html", await in_thread(view))


_RENDERERS: dict[tuple[str, str], CopyRenderer] = {}
# Parsing runs in worker processes: as many at once as there are cores. The rest wait for a
# slot without holding a thread (the pages stay quick), for at most WAIT_FOR_SLOT seconds,
# then hear the server is busy; and one link has one upload in reading at a time.
_PARSING = threading.BoundedSemaphore(default_workers())
WAIT_FOR_SLOT = 120.0
_READING: set[str] = set()  # the tokens whose upload is being read now
_TICKETS = itertools.count()
_WAITING: deque[int] = deque()  # the uploads waiting for a slot, in the order they came
_BUSY = "现在同时交表的学校很多，这份文件还没有读：请过一两分钟再上传一次"
_ALREADY = "本校上一份文件还在读取中：请等页面显示结果后，再上传下一份"


def _renderer(spec: FormSpec) -> CopyRenderer:
    """Return the form's copy renderer, its template compiled once per form."""
    key = (spec.id, str(spec.version))
    if key not in _RENDERERS:
        _RENDERERS[key] = CopyRenderer(spec)
    return _RENDERERS[key]


async def copy_download(request: Request) -> Response:
    """Send the school its pre-filled copy, made now from the campaign's roster row."""
    token = request.path_params["token"]

    def render() -> tuple[bytes, str]:
        with opened(request) as store:
            campaign, row = _link(store, token)
        spec = campaign.spec
        parts = [school_of(spec, row), project_of(spec, row), spec.title]
        name = "_".join(p for p in parts if p).replace("/", "-") + ".docx"
        return _renderer(spec).render(row), name

    content, name = await in_thread(render)
    return download(content, name, DOCX)


async def upload(request: Request) -> Response:
    """Read the school's file at once; answer with the values and problems, or why not."""
    token = request.path_params["token"]
    with opened(request) as store:
        _link(store, token)  # an unknown token learns nothing, not even the size limit
    if token in _READING:
        return error_page(request, 429, _ALREADY)
    _READING.add(token)
    try:
        return await _read_upload(request, token)
    finally:
        _READING.discard(token)


async def _read_upload(request: Request, token: str) -> Response:
    too_big = f"文件超过 {MAX_UPLOAD // (1024 * 1024)} MB"
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_UPLOAD + 65536:
        return error_page(request, 413, too_big)
    try:
        async with limited_body(request, MAX_UPLOAD + 65536).form(
                max_files=1, max_fields=5, max_part_size=MAX_UPLOAD + 1) as form:
            sent = form.get("file")
            if sent is None or isinstance(sent, str):
                return error_page(request, 400, "没有收到文件：请选择要上传的文件再提交")
            content = await sent.read(MAX_UPLOAD + 1)
            name = sent.filename or ""
    except HTTPException as error:
        if error.status_code == 413:
            return error_page(request, 413, too_big)
        return error_page(request, 400, "上传的内容不完整，请重新选择文件提交")
    if len(content) > MAX_UPLOAD:
        return error_page(request, 413, too_big)
    if not content:
        return error_page(request, 400, "上传的文件是空的（0 字节），请重新选择文件")

    def take() -> tuple[HandIn | None, str | None, dict[str, Any] | None]:
        try:
            with opened(request) as store:
                campaign, row = _link(store, token)
                try:
                    handed = hand_in(store, campaign, row, content, name)
                except TianbiaoError as error:
                    return None, error.message, None
                if handed.refused is not None:
                    return handed, handed.refused, None
                return handed, None, _view(store, token, handed)
        finally:
            _PARSING.release()

    if not await _parsing_slot():
        return error_page(request, 503, _BUSY)
    _, refusal, view = await in_thread(take)
    if refusal is not None or view is None:
        return page(request, "refused.html", {"reason": refusal, "token": token,
                                              "name": Path(name).name}, status_code=422)
    return page(request, "school.html", view)


async def _parsing_slot() -> bool:
    """Take a parsing slot in turn, waiting without a thread; False if none came in time.

    Uploads are served first come, first served: only the longest-waiting one may take a
    slot that frees, so none keeps losing its turn to later ones.
    """
    ticket = next(_TICKETS)
    _WAITING.append(ticket)
    deadline = time.monotonic() + WAIT_FOR_SLOT
    try:
        while not (_WAITING[0] == ticket and _PARSING.acquire(blocking=False)):
            if time.monotonic() > deadline:
                return False
            await anyio.sleep(0.02)
        return True
    finally:
        _WAITING.remove(ticket)


async def record_json(request: Request) -> Response:
    """Return the latest record of the school's row in the ``parse`` contract."""
    token = request.path_params["token"]

    def latest() -> dict[str, Any] | None:
        with opened(request) as store:
            campaign, row = _link(store, token)
            versions = _versions(store, campaign, row)
            if not versions:
                return None
            names = sent_names(store, campaign, row.key)
            data = versions[-1].record.as_json()
        # The contract's "file" is the name the school sent, never where the office keeps it.
        data["file"] = names.get(versions[-1].sha256, Path(versions[-1].file).name)
        data["key"] = row.key
        return data

    data = await in_thread(latest)
    if data is None:
        return JSONResponse({"error": "尚未交表"}, status_code=404)
    return JSONResponse(data)
