"""Who may open the office's pages, and what they name: the session, CSRF, the campaign.

A signed session cookie says the office has logged in; every form posted carries the
session's CSRF token, compared in constant time, or is refused. A page names its campaign
by number only; a number the store does not have is a 404.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from forms.errors import TianbiaoError
from records.campaigns import Campaign, get_campaign, office_session
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
    with opened(request) as store:
        current = office_session(store)
    return hmac.compare_digest(carried.encode(), current.encode())


def login_redirect() -> Response:
    """Return the answer to a request from someone not logged in: the login page."""
    return RedirectResponse("/office/login", status_code=303)


def campaign_or_404(store: Store, number: int) -> Campaign:
    """Return campaign `number`, or answer 404 when the store has none of that number."""
    try:
        return get_campaign(store, number)
    except TianbiaoError:
        raise HTTPException(404) from None
