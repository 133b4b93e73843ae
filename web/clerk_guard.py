"""The office's door for the clerk's pages: the same login and CSRF check as web/office.py.

The login there lets the clerk in here, and the token its pages carry is the one every form
posted here must carry; the checks themselves live in web/office_access.py.
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.requests import Request
from starlette.responses import Response

from web.office_access import login_redirect, require_csrf


def to_login() -> Response:
    """Return the answer to a request made without logging in: the login page."""
    return login_redirect()


def check_csrf(request: Request, fields: Mapping[str, object]) -> None:
    """Refuse (403) a posted form without the session's CSRF token, compared in constant time."""
    require_csrf(request, fields.get("csrf"))
