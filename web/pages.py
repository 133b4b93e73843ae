"""What every page shares: the templates, the error pages in words, the store per request."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.templating import Jinja2Templates
from starlette.types import Message

from forms.model import FormSpec
from parsers.record import Record
from records.store import Store, changed_fields

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))

Result = TypeVar("Result")

ERRORS = {
    400: ("请求有误", "请返回上一页重试。"),
    403: ("无法提交", "页面已过期或来自别处，请返回、刷新页面后再提交。"),
    404: ("找不到这个页面", "请检查链接是否完整；链接请向教育局办公室索取。"),
    405: ("请求有误", "请返回上一页重试。"),
    409: ("没有保存", "别人刚刚保存过：请刷新页面，看过最新的内容后再保存。"),
    413: ("文件太大", "请压缩图片或只提交需要填写的表格。"),
    429: ("请稍候", "文件没有收下，请稍后再上传。"),
    503: ("请稍后再试", "文件没有收下，请过一两分钟再上传。"),
    500: ("出错了", "服务器处理时出错，请稍后再试；如一再出现，请联系教育局办公室。"),
}


def page(request: Request, template: str, context: dict[str, Any],
         status_code: int = 200) -> HTMLResponse:
    """Render `template` with `context` into a page."""
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status_code)


def error_page(request: Request, status_code: int, detail: str | None = None) -> Response:
    """Return the page for an error: what happened and what to do, never a trace."""
    title, advice = ERRORS.get(status_code, ERRORS[400])
    return page(request, "error.html", {"title": title, "detail": detail, "advice": advice},
                status_code=status_code)


@contextmanager
def opened(request: Request) -> Iterator[Store]:
    """Open the app's store for one request."""
    with Store(request.app.state.db, create=False) as store:
        yield store


async def in_thread(function: Callable[..., Result], *args: Any) -> Result:
    """Run `function` off the event loop: the store and the readers block."""
    return await run_in_threadpool(function, *args)


def download(content: bytes, name: str, media_type: str) -> Response:
    """Return `content` as a file download named `name` (any characters, safely quoted)."""
    disposition = f"attachment; filename=\"download\"; filename*=UTF-8''{quote(name)}"
    return Response(content, media_type=media_type,
                    headers={"content-disposition": disposition})


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def shown_changes(spec: FormSpec, older: Record, newer: Record) -> list[tuple[str, str, str]]:
    """Return (label, old value, new value) in the office's words for each changed blank."""
    ids = {f"{f.label}（{f.column}）" if f.column else f.label: f.id for f in newer.fields}
    return [(label, spec.shown_value(ids.get(label, ""), old),
             spec.shown_value(ids.get(label, ""), new))
            for label, old, new in changed_fields(older, newer)]


def limited_body(request: Request, limit: int) -> Request:
    """Return `request` whose body is refused (413) once it grows past `limit` bytes.

    Counted as it arrives, so a body sent in chunks without a declared length is stopped
    there, before it is spooled to disk whole.
    """
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await request.receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise HTTPException(413)
        return message

    return Request(request.scope, counted)
