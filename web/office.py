"""The office's pages under /office, behind the office password: campaigns and their board.

The login, the campaigns and the board live here; one school's page, the downloads of
copies and letters and the batch upload live in their own modules, registered here. The
session and CSRF rules are in web/office_access.py.
"""

from __future__ import annotations

import datetime as dt
import math
import tempfile
import time
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
    end_office_sessions,
    get_campaign,
    has_password,
    office_session,
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

    client = request.client.host if request.client else ""
    failures = _failures(request)
    wait = failures.wait(client)
    if wait:
        return error_page(request, 429, f"密码输错次数太多，请 {wait} 秒后再试")
    password_set, correct = await in_thread(right)
    if not correct:
        failures.failed(client)
        return page(request, "login.html", {"csrf": csrf_token(request), "wrong": password_set,
                                            "no_password": not password_set}, status_code=401)
    failures.forget(client)

    def session() -> str:
        with opened(request) as store:
            return office_session(store)

    request.session.clear()
    request.session["office"] = await in_thread(session)
    csrf_token(request)
    return RedirectResponse("/office", status_code=303)


async def logout(request: Request) -> Response:
    """End the office's session, and every other one (a cookie kept from before opens nothing)."""
    await checked_form(request)

    def end() -> None:
        with opened(request) as store:
            end_office_sessions(store)

    if logged_in(request):
        await in_thread(end)
    request.session.clear()
    return login_redirect()


class _Failures:
    """Wrong passwords by address: after FREE of them, each try waits twice as long."""

    FREE, LONGEST = 5, 300

    def __init__(self) -> None:
        self.by_client: dict[str, tuple[int, float]] = {}

    def wait(self, client: str) -> int:
        """Return the seconds `client` must still wait before trying again (0: none)."""
        count, last = self.by_client.get(client, (0, 0.0))
        if count < self.FREE:
            return 0
        due = last + min(self.LONGEST, 2 ** (count - self.FREE))
        return max(0, math.ceil(due - time.monotonic()))

    def failed(self, client: str) -> None:
        """Count one wrong password from `client`."""
        count, _ = self.by_client.get(client, (0, 0.0))
        self.by_client[client] = (count + 1, time.monotonic())

    def forget(self, client: str) -> None:
        """Forget `client`'s wrong passwords (it has logged in)."""
        self.by_client.pop(client, None)


def _failures(request: Request) -> _Failures:
    """Return the app's count of wrong passwords (one per running app)."""
    if not hasattr(request.app.state, "login_failures"):
        request.app.state.login_failures = _Failures()
    failures: _Failures = request.app.state.login_failures
    return failures


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
