"""The office's pages under /office, behind the office password: campaigns and their board.

The login, the campaigns and the board live here; one school's page, the downloads of
copies and letters and the batch upload live in their own modules, registered here. The
session and CSRF rules are in web/office_access.py.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from forms.errors import TianbiaoError
from records.batches import recent_batches
from records.campaigns import (
    campaign_status,
    campaigns,
    check_password,
    get_campaign,
    has_password,
)
from records.status import STATE_WORDS, STATES, unattributed
from records.status_sheet import write_status_sheet
from records.summary import write_summary
from web import office_batch, office_files, office_grades, office_school
from web.office_access import checked_form, csrf_token, logged_in, login_redirect
from web.pages import XLSX, download, error_page, in_thread, opened, page


def routes() -> list[Route]:
    """Return the routes of the office's pages."""
    return [
        Route("/office", campaigns_page, methods=["GET"]),
        Route("/office/login", login_page, methods=["GET"]),
        Route("/office/login", login, methods=["POST"]),
        Route("/office/logout", logout, methods=["POST"]),
        Route("/office/c/{number:int}", board, methods=["GET"]),
        Route("/office/c/{number:int}/summary.xlsx", summary_download, methods=["GET"]),
        Route("/office/c/{number:int}/status.xlsx", status_download, methods=["GET"]),
        *office_school.routes(),
        *office_files.routes(),
        *office_batch.routes(),
        *office_grades.routes(),
    ]


async def login_page(request: Request) -> Response:
    """Show the password form."""
    def password_set() -> bool:
        with opened(request) as store:
            return has_password(store)

    return page(request, "login.html", {"csrf": csrf_token(request), "wrong": False,
                                        "no_password": not await in_thread(password_set)})


async def login(request: Request) -> Response:
    """Let the office in when the password is right."""
    fields = await checked_form(request)

    def right() -> tuple[bool, bool]:
        with opened(request) as store:
            return has_password(store), check_password(store, fields.get("password", ""))

    password_set, correct = await in_thread(right)
    if not correct:
        return page(request, "login.html", {"csrf": csrf_token(request), "wrong": password_set,
                                            "no_password": not password_set}, status_code=401)
    request.session.clear()
    request.session["office"] = True
    csrf_token(request)
    return RedirectResponse("/office", status_code=303)


async def logout(request: Request) -> Response:
    """End the office's session."""
    await checked_form(request)
    request.session.clear()
    return login_redirect()


async def campaigns_page(request: Request) -> Response:
    """List the campaigns in the store."""
    if not logged_in(request):
        return login_redirect()

    def found() -> list[Any]:
        with opened(request) as store:
            return campaigns(store)

    return page(request, "campaigns.html", {"campaigns": await in_thread(found),
                                            "csrf": csrf_token(request)})


def _today(request: Request) -> dt.date:
    return dt.date.today()


async def board(request: Request) -> Response:
    """Show the live status board of one campaign, filtered by state."""
    if not logged_in(request):
        return login_redirect()
    number = request.path_params["number"]
    wanted = request.query_params.get("state")
    if wanted not in STATES:
        wanted = None

    def rows() -> tuple[Any, list[Any], list[Any]]:
        with opened(request) as store:
            campaign = get_campaign(store, number)
            return (campaign, campaign_status(store, campaign, _today(request)),
                    recent_batches(store, campaign))

    try:
        campaign, status, batches = await in_thread(rows)
    except TianbiaoError:
        raise HTTPException(404) from None
    counts = {state: sum(1 for r in status if r.state == state) for state in STATES}
    shown = [r for r in status if wanted is None or r.state == wanted]
    return page(request, "board.html", {
        "campaign": campaign, "rows": shown, "counts": counts, "words": STATE_WORDS,
        "wanted": wanted, "total": len(status), "batches": batches,
        "csrf": csrf_token(request)})


async def summary_download(request: Request) -> Response:
    """Send the campaign's summary workbook, written from the latest returns."""
    if not logged_in(request):
        return login_redirect()
    number = request.path_params["number"]

    def write() -> tuple[bytes | None, str]:
        with opened(request) as store, tempfile.TemporaryDirectory() as scratch:
            campaign = get_campaign(store, number)
            spec = campaign.spec
            records = store.latest_records(spec.id)
            if not records:
                return None, campaign.name
            out = Path(scratch) / "summary.xlsx"
            write_summary(spec, records, out, roster=campaign.roster,
                          grades=store.grades(spec.id))
            return out.read_bytes(), campaign.name

    try:
        content, name = await in_thread(write)
    except TianbiaoError:
        raise HTTPException(404) from None
    if content is None:
        return error_page(request, 400, "还没有任何学校交表，汇总表无内容可写")
    return download(content, f"{name}_汇总表.xlsx", XLSX)


async def status_download(request: Request) -> Response:
    """Send the campaign's status list as a workbook."""
    if not logged_in(request):
        return login_redirect()
    number = request.path_params["number"]

    def write() -> tuple[bytes, str]:
        with opened(request) as store, tempfile.TemporaryDirectory() as scratch:
            campaign = get_campaign(store, number)
            rows = campaign_status(store, campaign, _today(request))
            out = Path(scratch) / "status.xlsx"
            write_status_sheet(campaign.spec, rows, unattributed(campaign.spec, store), out)
            return out.read_bytes(), campaign.name

    try:
        content, name = await in_thread(write)
    except TianbiaoError:
        raise HTTPException(404) from None
    return download(content, f"{name}_报送情况.xlsx", XLSX)
