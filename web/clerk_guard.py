"""The office's door for the clerk's pages: logged in first, the session's CSRF token on posts.

The same session and token as web/office.py: the login there lets the clerk in here, and the
token its pages carry is the one every form posted here must carry.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response


def to_login() -> Response:
    """Return the answer to a request made without logging in: the login page."""
    return RedirectResponse("/office/login", status_code=303)


def check_csrf(request: Request, fields: Mapping[str, object]) -> None:
    """Refuse (403) a posted form without the session's CSRF token, compared in constant time."""
    expected = request.session.get("csrf")
    sent = fields.get("csrf")
    if not isinstance(expected, str) or not isinstance(sent, str) or not hmac.compare_digest(
            sent.encode(), expected.encode()):
        raise HTTPException(403)
