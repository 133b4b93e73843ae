"""The office's pages under /office, behind the office password: campaigns and their board.

The campaigns and the board live here; the login, one school's page, the downloads of
copies and letters, the batch upload and the levels' reviews live in their own modules,
registered here. The session and CSRF rules are in web/office_access.py. A county logged in
sees the campaigns with levels only, each holding its own rows.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from forms.errors import TianbiaoError
from records.batches import recent_batches
from records.campaigns import campaign_status, campaigns
from records.status import STATE_WORDS, STATES, unattributed
from records.status_sheet import write_status_sheet
from records.summary import write_summary
from web import (
    office_batch,
    office_files,
    office_grades,
    office_levels,
    office_login,
    office_school,
)
from web.office_access import campaign_or_404, county_of, csrf_token, logged_in, login_redirect
from web.pages import XLSX, download, error_page, in_thread, opened, page


def routes() -> list[Route]:
    """Return the routes of the office's pages."""
    return [
        Route("/office", campaigns_page, methods=["GET"]),
        *office_login.routes(),
        Route("/office/c/{number:int}", board, methods=["GET"]),
        Route("/office/c/{number:int}/summary.xlsx", summary_download, methods=["GET"]),
        Route("/office/c/{number:int}/status.xlsx", status_download, methods=["GET"]),
        *office_school.routes(),
        *office_files.routes(),
        *office_batch.routes(),
        *office_grades.routes(),
        *office_levels.routes(),
    ]


async def campaigns_page(request: Request) -> Response:
    """List the campaigns in the store."""
    if not logged_in(request):
        return login_redirect()

    county = county_of(request)

    def found() -> list[Any]:
        with opened(request) as store:
            return [c if county is None else c.for_county(county)
                    for c in campaigns(store) if county is None or c.has_levels]

    return page(request, "campaigns.html", {"campaigns": await in_thread(found),
                                            "csrf": csrf_token(request), "county": county})


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

    def rows() -> tuple[Any, list[Any], list[Any], dict[str, Any]]:
        with opened(request) as store:
            campaign = campaign_or_404(store, number, county_of(request))
            return (campaign, campaign_status(store, campaign, _today(request)),
                    recent_batches(store, campaign),
                    office_levels.board_levels(store, campaign, _today(request)))

    campaign, status, batches, levels = await in_thread(rows)
    counts = {state: sum(1 for r in status if r.state == state) for state in STATES}
    shown = [r for r in status if wanted is None or r.state == wanted]
    return page(request, "board.html", {
        "campaign": campaign, "rows": shown, "counts": counts, "words": STATE_WORDS,
        "wanted": wanted, "total": len(status), "batches": batches,
        "csrf": csrf_token(request), **levels})


async def summary_download(request: Request) -> Response:
    """Send the campaign's summary workbook, written from the latest returns."""
    if not logged_in(request):
        return login_redirect()
    number = request.path_params["number"]

    def write() -> tuple[bytes | None, str]:
        with opened(request) as store, tempfile.TemporaryDirectory() as scratch:
            campaign = campaign_or_404(store, number, county_of(request))
            spec = campaign.spec
            records = (office_levels.reviewed_records(store, campaign) if campaign.has_levels
                       else store.latest_records(spec.id))
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
            campaign = campaign_or_404(store, number, county_of(request))
            rows = campaign_status(store, campaign, _today(request))
            out = Path(scratch) / "status.xlsx"
            others = [] if campaign.county else unattributed(campaign.spec, store)
            write_status_sheet(campaign.spec, rows, others, out)
            return out.read_bytes(), campaign.name

    try:
        content, name = await in_thread(write)
    except TianbiaoError:
        raise HTTPException(404) from None
    return download(content, f"{name}_报送情况.xlsx", XLSX)
