"""The clerk's new campaign, in the browser: upload, check the form and the list, create.

Behind the office's login, every form posted carrying the session's CSRF token:
1. ``/office/new``: the notice's attachment and its list go into a draft
   (web/clerk_draft.py); the attachment is recognised or inferred (web/clerk_form.py).
2. ``/office/new/<draft>``: the form (an inferred one as the original's pages beside its
   guessed blanks, each kind and required flag correctable), the list as read for it
   (web/clerk_list.py), the due date and the name; "创建" stores the campaign, an inferred
   form's definition written beside the store under a name made from its content.
3. ``/office/c/<n>/links`` (web/clerk_links.py): the schools' links, made and downloaded.
Reading, inferring and converting run off the request's thread.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from pathlib import Path
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from forms.errors import TianbiaoError
from forms.model import FormSpec
from records.campaigns import add_campaign, campaigns
from records.engine import beside_store
from records.store import Store
from web import clerk_links
from web.clerk_draft import (
    ATTACHMENT_SUFFIXES,
    LIST_SUFFIXES,
    MAX_FILE,
    Draft,
    Upload,
    new_draft,
    open_draft,
    remove_draft,
    render_pages,
    suffix_problem,
)
from web.clerk_form import KIND_CHOICES, blank_rows, correct, examine, form_of, repeat_lines
from web.clerk_guard import check_csrf, to_login
from web.clerk_list import preview, read_list
from web.office import csrf_token
from web.office_access import city_logged_in
from web.pages import error_page, in_thread, limited_body, opened, page

_MB = 1024 * 1024
# Drafts are corrected and campaigns created one at a time: a double click creates one.
_ONE_AT_A_TIME = threading.Lock()


def routes() -> list[Route]:
    """Return the routes of the clerk's new-campaign pages and the links page."""
    return [
        Route("/office/new", new_page, methods=["GET"]),
        Route("/office/new", upload, methods=["POST"]),
        Route("/office/new/{draft}", draft_page, methods=["GET"]),
        Route("/office/new/{draft}", draft_post, methods=["POST"]),
        Route("/office/new/{draft}/page-{number:int}.png", page_image, methods=["GET"]),
        *clerk_links.routes(),
    ]


async def new_page(request: Request) -> Response:
    """Show the form that uploads the notice's attachment and its list."""
    if not city_logged_in(request):
        return to_login()
    return page(request, "new_campaign.html", {
        "csrf": csrf_token(request), "max_mb": MAX_FILE // _MB,
        "attachment_types": ",".join(ATTACHMENT_SUFFIXES), "list_types": ",".join(LIST_SUFFIXES)})


def _refused(request: Request, reason: str, status_code: int = 422) -> Response:
    return page(request, "new_campaign_refused.html", {"reason": reason},
                status_code=status_code)


async def upload(request: Request) -> Response:
    """Keep the two files in a new draft, tell or infer the form, and show the draft."""
    if not city_logged_in(request):
        return to_login()
    too_big = f"每个文件不超过 {MAX_FILE // _MB} MB"
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > 2 * MAX_FILE + 65536:
        return error_page(request, 413, too_big)
    sent: dict[str, Upload] = {}
    try:
        async with limited_body(request, 2 * MAX_FILE + 65536).form(
                max_files=2, max_fields=5, max_part_size=65536) as form:
            check_csrf(request, {k: v for k, v in form.items() if isinstance(v, str)})
            for key in ("attachment", "list"):
                item = form.get(key)
                if item is not None and not isinstance(item, str) and item.filename:
                    sent[key] = Upload(await item.read(MAX_FILE + 1), item.filename)
    except HTTPException as error:
        if error.status_code == 403:
            raise
        if error.status_code == 413:
            return error_page(request, 413, too_big)
        return error_page(request, 400, "上传的内容不完整，请重新选择文件提交")
    if len(sent) < 2:
        return _refused(request, "请选择两个文件：通知的附件（要学校填的表）和名单", 400)
    if any(len(upload.content) > MAX_FILE for upload in sent.values()):
        return error_page(request, 413, too_big)
    problem = (suffix_problem(sent["attachment"], ATTACHMENT_SUFFIXES, "附件")
               or suffix_problem(sent["list"], LIST_SUFFIXES, "名单"))
    if problem is not None:
        return _refused(request, problem)
    db = request.app.state.db

    def start() -> tuple[str | None, str | None]:
        draft = new_draft(db, sent["attachment"], sent["list"])
        try:
            examine(draft)
            spec, _ = form_of(draft.state)
            draft.state["preview"] = preview(draft, spec)
            if draft.state.get("inferred"):
                draft.state["pages"] = list(range(1, render_pages(draft) + 1))
            draft.save()
        except TianbiaoError as error:
            remove_draft(draft)
            return None, error.message
        except Exception:
            remove_draft(draft)
            raise
        return draft.id, None

    draft_id, refusal = await in_thread(start)
    if refusal is not None or draft_id is None:
        return _refused(request, refusal or "")
    return RedirectResponse(f"/office/new/{draft_id}", status_code=303)


def _draft(request: Request) -> Draft:
    draft = open_draft(request.app.state.db, request.path_params["draft"])
    if draft is None:
        raise HTTPException(404)
    return draft


def _view(request: Request, draft: Draft, state: dict[str, Any],
          problems: list[str]) -> dict[str, Any]:
    """Return what the draft page shows: `state` as the clerk last set it, and `problems`."""
    spec, _ = form_of(draft.state)  # the last definition that loaded: labels never change
    inferred = state.get("inferred")
    return {
        "csrf": csrf_token(request), "draft": draft.id, "problems": problems,
        "attachment": state["attachment"]["name"], "list": state["list"]["name"],
        "known": None if inferred else spec, "spec": spec,
        "title": inferred["data"]["title"] if inferred else spec.title,
        "form_id": inferred["data"]["id"] if inferred else spec.id,
        "blanks": blank_rows(spec, state) if inferred else [],
        "repeats": repeat_lines(spec), "kinds": KIND_CHOICES,
        "pages": state.get("pages") or [], "preview": state.get("preview") or {},
        "due": state.get("due") or "", "form_due": str(spec.due) if spec.due else "",
        "name": state.get("name") or "",
        "due_past": bool(state.get("due")) and _is_past(str(state["due"])),
        "county_column": state.get("county_column") or "", "has_counties": _has_counties(request),
    }


def _has_counties(request: Request) -> bool:
    """Return whether the store has county offices (the page then asks for the county column)."""
    from records.offices import counties

    with opened(request) as store:
        return bool(counties(store))


def _is_past(day: str) -> bool:
    try:
        return dt.date.fromisoformat(day) < dt.date.today()
    except ValueError:
        return False


async def draft_page(request: Request) -> Response:
    """Show a draft: the form, the list as read for it, the due date and the name."""
    if not city_logged_in(request):
        return to_login()
    draft = _draft(request)
    view = await in_thread(_view, request, draft, draft.state, [])
    return page(request, "new_campaign_draft.html", view)


async def draft_post(request: Request) -> Response:
    """Apply the clerk's corrections; check the list again, or create the campaign."""
    if not city_logged_in(request):
        return to_login()
    draft = _draft(request)
    blanks = len((draft.state.get("inferred") or {}).get("guessed") or {})
    async with request.form(max_files=0, max_fields=20 + 2 * blanks) as form:
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
    check_csrf(request, fields)

    def apply() -> tuple[int | None, dict[str, Any] | None]:
        with _ONE_AT_A_TIME:
            latest = open_draft(request.app.state.db, draft.id)
            if latest is None:
                return 0, None  # a second click on 创建: the first one made the campaign
            return _apply(request, latest, fields)

    number, view = await in_thread(apply)
    if view is not None:
        return page(request, "new_campaign_draft.html", view, status_code=422)
    if number is None:
        return RedirectResponse(f"/office/new/{draft.id}", status_code=303)
    return RedirectResponse(f"/office/c/{number}/links" if number else "/office",
                            status_code=303)


def _apply(request: Request, draft: Draft, fields: dict[str, str]
           ) -> tuple[int | None, dict[str, Any] | None]:
    """Apply the corrections posted; create the campaign when asked.

    Return the campaign's number, or the page with what is wrong, or (None, None) when the
    corrections were only checked and kept.
    """
    state, problems = correct(draft.state, fields)
    if problems:
        return None, _view(request, draft, state, problems)
    draft.state = state
    spec, text = form_of(state)
    draft.state["preview"] = preview(draft, spec)
    draft.save()
    if fields.get("action") != "create":
        return None, None
    try:
        return _create(request.app.state.db, draft, spec, text), None
    except TianbiaoError as error:
        return None, _view(request, draft, draft.state, [error.message])


def _create(db: str | Path, draft: Draft, spec: FormSpec, text: str | None) -> int:
    """Store the campaign of the draft (its definition written first when inferred)."""
    roster = read_list(draft, spec)
    due = dt.date.fromisoformat(draft.state["due"]) if draft.state.get("due") else None
    with Store(db, create=False) as store:
        taken = next((c for c in campaigns(store) if c.form_id == spec.id), None)
        if taken is not None:
            again = ("若这是另一张表，请改一个表单 id" if text is not None
                     else "同一张表的新一轮征集需另用一个数据文件")
            raise TianbiaoError(f"已有《{taken.spec.title}》的征集（编号 {taken.id}，"
                                f"表单 id {spec.id}）；{again}")
        form = spec.id if text is None else str(_write_definition(db, text))
        campaign = add_campaign(store, form, roster, due=due, name=draft.state.get("name"),
                                county_column=draft.state.get("county_column") or None)
    remove_draft(draft)
    return campaign.id


def _write_definition(db: str | Path, text: str) -> Path:
    """Write an inferred definition beside the store, named by its content; return its path."""
    folder = beside_store(db, ".forms").resolve()
    target = folder / f"{hashlib.sha256(text.encode('utf-8')).hexdigest()}.yaml"
    if not target.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
    return target


async def page_image(request: Request) -> Response:
    """Send one page of a draft's original attachment as an image."""
    if not city_logged_in(request):
        return to_login()
    image = _draft(request).page(request.path_params["number"])
    if image is None or not image.is_file():
        raise HTTPException(404)
    return Response(await in_thread(image.read_bytes), media_type="image/png")
