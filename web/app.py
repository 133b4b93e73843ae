"""The web app: the schools' pages under /s/<token>, the office's under /office.

Server-rendered Chinese pages (Jinja2), no scripts. Every response carries the security
headers; every error is a page in words, never a stack trace. The store is opened per
request in a worker thread (SQLite in WAL mode, or PostgreSQL's pooled connections; each
write a short transaction).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from records.campaigns import session_secret
from records.engine import is_database_url
from records.store import Store
from web import clerk, office, school
from web.pages import STATIC, error_page

SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]


class SecurityHeaders:
    """Add the security headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (name, value) for name, value in SECURITY_HEADERS if name not in names]
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(db: str | Path) -> Starlette:
    """Return the web app over the store in `db` (a file that must exist, or a database URL)."""
    db = db if is_database_url(db) else Path(db)
    with Store(db, create=False) as store:
        secret = session_secret(store)
    routes = [
        Route("/", lambda request: error_page(request, 404), methods=["GET"]),
        Route("/static/site.css", _stylesheet, methods=["GET"]),
        *school.routes(),
        *office.routes(),
        *clerk.routes(),
    ]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(SessionMiddleware, secret_key=secret, session_cookie="tianbiao_office",
                       same_site="strict", https_only=False, max_age=12 * 3600),
        ],
        exception_handlers={HTTPException: _http_error, Exception: _server_error},
    )
    app.state.db = db
    return app


async def _stylesheet(request: Request) -> Response:
    return Response((STATIC / "site.css").read_text(encoding="utf-8"), media_type="text/css")


async def _http_error(request: Request, exc: Any) -> Response:
    return error_page(request, exc.status_code)


async def _server_error(request: Request, exc: Exception) -> Response:
    # Sent from outside every middleware: the headers are added here.
    response = error_page(request, 500)
    for name, value in SECURITY_HEADERS:
        response.headers[name.decode()] = value.decode()
    return response
