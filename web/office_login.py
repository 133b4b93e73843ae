"""The office's login and logout: which office (the city or a county), and its password.

A store without offices has one login, exactly as before: the password alone. Once a city
and its counties are offices (records/offices.py), the login page asks which office too;
the city keeps the store's office password. The session remembers the office: a county's
name, or none for the city. Logging out ends every session of that office only. Wrong
passwords make the next try from that address wait, longer and longer.
"""

from __future__ import annotations

import math
import time
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from forms.errors import TianbiaoError
from records.campaigns import has_password
from records.offices import (
    check_office_password,
    end_sessions_of,
    get_office,
    office_session_of,
    offices,
)
from web.office_access import checked_form, county_of, csrf_token, logged_in, login_redirect
from web.pages import error_page, in_thread, opened, page


def routes() -> list[Route]:
    """Return the routes of the login and the logout."""
    return [
        Route("/office/login", login_page, methods=["GET"]),
        Route("/office/login", login, methods=["POST"]),
        Route("/office/logout", logout, methods=["POST"]),
    ]


def _choices(request: Request) -> dict[str, Any]:
    """Return what the login page shows: the offices to choose from, whether a password is set."""
    with opened(request) as store:
        found = offices(store)
        return {"offices": [(o.name if o.is_county else "", o.name) for o in found],
                "no_password": not has_password(store)}


async def login_page(request: Request) -> Response:
    """Show the password form (and the offices to choose from, when there are levels)."""
    context = await in_thread(_choices, request)
    return page(request, "login.html", {**context, "csrf": csrf_token(request), "wrong": False,
                                        "chosen": ""})


async def login(request: Request) -> Response:
    """Let the office in when the password is right for the office chosen."""
    fields = await checked_form(request)
    chosen = fields.get("office", "").strip()

    def right() -> tuple[dict[str, Any], bool, str | None]:
        with opened(request) as store:
            county = None
            if chosen:
                try:
                    office = get_office(store, chosen)
                except TianbiaoError:
                    return _choices(request), False, None
                county = office.name if office.is_county else None
            return (_choices(request),
                    check_office_password(store, county, fields.get("password", "")), county)

    client = request.client.host if request.client else ""
    failures = _failures(request)
    wait = failures.wait(client)
    if wait:
        return error_page(request, 429, f"密码输错次数太多，请 {wait} 秒后再试")
    context, correct, county = await in_thread(right)
    if not correct:
        failures.failed(client)
        return page(request, "login.html", {
            **context, "csrf": csrf_token(request), "chosen": chosen,
            "wrong": not context["no_password"] or bool(chosen)}, status_code=401)
    failures.forget(client)

    def session() -> str:
        with opened(request) as store:
            return office_session_of(store, county)

    request.session.clear()
    request.session["office"] = await in_thread(session)
    if county is not None:
        request.session["county"] = county
    csrf_token(request)
    return RedirectResponse("/office", status_code=303)


async def logout(request: Request) -> Response:
    """End this office's session, and every other one of the same office."""
    await checked_form(request)
    county = county_of(request)

    def end() -> None:
        with opened(request) as store:
            end_sessions_of(store, county)

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


