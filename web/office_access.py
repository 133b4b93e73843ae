"""Who may open the office's pages, and what they name: the session, CSRF, the campaign.

A signed session cookie says which office has logged in (the city, or the one office of
a store without levels: no name; a county: its name) and carries that office's session
token; every form posted carries the session's CSRF token, compared in constant time, or is
refused. A page names its campaign by number only; a number the store does not have is a
404, and so is, for a county, a campaign without levels; a county's campaign holds its own
roster rows only, so another county's row is a 404 too.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from forms.errors import TianbiaoError
from records.campaigns import Campaign, get_campaign
from records.offices import office_session_of
from records.store import Store
from web.pages import opened


def csrf_token(request: Request) -> str:
    """Return the session's CSRF token, made on first use."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def require_csrf(request: Request, sent: Any) -> None:
    """Refuse (403) unless `sent` is the session's CSRF token."""
    expected = request.session.get("csrf")
    if not isinstance(sent, str):
        sent = ""
    if not isinstance(expected, str) or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise HTTPException(403)


async def checked_form(request: Request) -> dict[str, Any]:
    """Return the posted form (no files), refusing it (403) without the session's CSRF token."""
    async with request.form(max_files=0, max_fields=10) as form:
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
    require_csrf(request, fields.get("csrf", ""))
    return fields


def logged_in(request: Request) -> bool:
    """Return whether this session logged in and has not been logged out since.

    The session carries the store's office-session token; logging out or a new password
    replaces it, so a cookie kept from before opens nothing.
    """
    carried = request.session.get("office")
    if not isinstance(carried, str):
        return False
    try:
        with opened(request) as store:
            current = office_session_of(store, county_of(request))
    except TianbiaoError:  # the county's office is gone
        return False
    return hmac.compare_digest(carried.encode(), current.encode())


def city_logged_in(request: Request) -> bool:
    """Return whether the city (or the one office) is logged in; a county's session is a 404."""
    if not logged_in(request):
        return False
    if county_of(request) is not None:
        raise HTTPException(404)
    return True


def county_of(request: Request) -> str | None:
    """Return the county office this session logged in as (None: the city, or the office)."""
    name = request.session.get("county")
    return name if isinstance(name, str) else None


def login_redirect() -> Response:
    """Return the answer to a request from someone not logged in: the login page."""
    return RedirectResponse("/office/login", status_code=303)


def campaign_or_404(store: Store, number: int, county: str | None = None) -> Campaign:
    """Return campaign `number` as `county` sees it (all of it for the city), or answer 404."""
    try:
        campaign = get_campaign(store, number)
    except TianbiaoError:
        raise HTTPException(404) from None
    if county is None:
        return campaign
    if not campaign.has_levels:
        raise HTTPException(404)
    return campaign.for_county(county)
