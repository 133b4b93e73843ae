"""A campaign's links page: make a link per roster row, as ``tianbiao links`` does, and download.

The links are made at the address the clerk's browser reached this page by, and sent at
once as links.xlsx (the sheet ``tianbiao links --out`` writes): only the tokens' hashes are
stored, so the links exist nowhere else. Making them again voids every earlier link, so it
needs the clerk's explicit confirmation.
"""

from __future__ import annotations

import io
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from forms.errors import TianbiaoError
from records.campaigns import get_campaign, has_links, make_links
from records.links_sheet import link_rows, write_links_sheet
from web.clerk_guard import check_csrf, to_login
from web.office import csrf_token
from web.office_access import city_logged_in
from web.pages import XLSX, download, in_thread, opened, page

RENEW = "yes"


def routes() -> list[Route]:
    """Return the routes of the links page."""
    return [
        Route("/office/c/{number:int}/links", links_page, methods=["GET"]),
        Route("/office/c/{number:int}/links", make_links_post, methods=["POST"]),
    ]


def _campaign_view(request: Request, refusal: str | None = None) -> dict[str, Any]:
    with opened(request) as store:
        try:
            campaign = get_campaign(store, request.path_params["number"])
        except TianbiaoError:
            raise HTTPException(404) from None
        made = has_links(store, campaign)
    return {"campaign": campaign, "rows": len(campaign.roster.rows), "made": made,
            "base": _base_url(request), "csrf": csrf_token(request), "refusal": refusal}


def _base_url(request: Request) -> str:
    """Return the address the schools open: the one the clerk's browser used for this page."""
    return str(request.base_url).rstrip("/")


async def links_page(request: Request) -> Response:
    """Offer to make the campaign's links (again, with a confirmation, when made before)."""
    if not city_logged_in(request):
        return to_login()
    view = await in_thread(_campaign_view, request)
    return page(request, "new_campaign_links.html", view)


async def make_links_post(request: Request) -> Response:
    """Make a link per roster row and send them as links.xlsx."""
    if not city_logged_in(request):
        return to_login()
    async with request.form(max_files=0, max_fields=5) as form:
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
    check_csrf(request, fields)
    base = _base_url(request)

    def make() -> tuple[bytes | None, str]:
        with opened(request) as store:
            try:
                campaign = get_campaign(store, request.path_params["number"])
            except TianbiaoError:
                raise HTTPException(404) from None
            if has_links(store, campaign) and fields.get("renew") != RENEW:
                return None, (f"征集 {campaign.id} 已经生成过链接（只在生成时显示一次）；"
                              "确要作废旧链接、重新生成时，请勾选“作废旧链接，重新生成”")
            links = make_links(store, campaign)
        sheet = io.BytesIO()
        write_links_sheet(sheet, campaign.name, link_rows(links, base))
        return sheet.getvalue(), campaign.name

    content, name = await in_thread(make)
    if content is None:
        view = await in_thread(_campaign_view, request, name)
        return page(request, "new_campaign_links.html", view, status_code=409)
    return download(content, f"{name}_链接.xlsx", XLSX)
