"""One school's page for the office: its roster row, every version it handed in, what changed.

Opened from the board. The address names the campaign's number and the roster key, and a
version's file by its version number: never a path. Each version's file is sent as the
school sent it, from the copy the store keeps under its SHA-256 (records/handin.py),
and only when its bytes still have that hash.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from parsers.record import Record
from records.campaigns import Campaign, campaign_status, project_of, school_of, sent_names
from records.handin import is_kept_name, original_content
from records.reviews import current_reviews, with_opinions
from records.status import STATE_WORDS
from records.store import Store, StoredSubmission
from rosters.model import RosterRow
from web.office_access import campaign_or_404, county_of, csrf_token, logged_in, login_redirect
from web.office_grades import grades_view
from web.office_levels import review_view
from web.pages import (
    DOCX,
    download,
    error_page,
    in_thread,
    opened,
    page,
    shown_changes,
)

_MEDIA = {".docx": DOCX, ".pdf": "application/pdf", ".doc": "application/msword"}
_STATUS_WORDS = {"ok": "合格", "incomplete": "有必填项未填", "invalid": "有填写错误",
                 "unreadable": "无法读取"}


def routes() -> list[Route]:
    """Return the routes of one school's office page and its versions' files."""
    return [
        Route("/office/c/{number:int}/r/{key}", school_page, methods=["GET"]),
        Route("/office/c/{number:int}/r/{key}/v/{version:int}", version_download,
              methods=["GET"]),
    ]


def _row_or_404(campaign: Campaign, key: str) -> RosterRow:
    row = campaign.row(key)
    if row is None:
        raise HTTPException(404)
    return row


async def school_page(request: Request) -> Response:
    """Show the office one roster row: the versions it handed in, the latest values, changes."""
    if not logged_in(request):
        return login_redirect()
    number, key = request.path_params["number"], request.path_params["key"]

    def view() -> dict[str, Any]:
        with opened(request) as store:
            return school_view(store, campaign_or_404(store, number, county_of(request)), key)

    context = await in_thread(view)
    context["csrf"] = csrf_token(request)
    return page(request, "office_school.html", context)


def school_view(store: Store, campaign: Campaign, key: str) -> dict[str, Any]:
    """Return what the office's page of roster row `key` shows."""
    row = _row_or_404(campaign, key)
    spec = campaign.spec
    versions = store.versions(campaign.form_id, key)
    names = sent_names(store, campaign, key)
    state = next(s.state for s in campaign_status(store, campaign, dt.date.today())
                 if s.key == key)
    shown = []
    for older, newer in zip([None, *versions], versions, strict=False):
        shown.append({
            "version": newer.version, "received": newer.received.replace("T", " "),
            "name": sent_name(store, newer, names), "state": status_words(newer.status),
            "problems": len(_problems(newer.record)),
            "changes": [] if older is None else shown_changes(spec, older.record, newer.record),
            "fixed": [] if older is None else [
                p for p in _problems(older.record) if p not in _problems(newer.record)],
            "new_problems": [] if older is None else [
                p for p in _problems(newer.record) if p not in _problems(older.record)],
        })
    latest = versions[-1].record if versions else None
    if latest is not None and campaign.has_levels:  # the opinions written on this version
        latest = with_opinions(spec, latest, current_reviews(
            store, campaign, key, versions[-1].version))
    return {
        "campaign": campaign, "spec": spec, "key": key, "school": school_of(spec, row),
        "project": project_of(spec, row), "state": STATE_WORDS[state], "state_code": state,
        "versions": list(reversed(shown)),
        "fields": [] if latest is None else [
            (_label(f.label, f.column), spec.shown_value(f.id, f.value))
            for f in latest.fields],
        "tables": [] if latest is None else _tables(latest),
        "problems": [] if latest is None else _problems(latest),
        "notes": [] if latest is None else [p.message for p in latest.problems if p.is_notice],
        "grades": grades_view(store, campaign, key),
        **review_view(store, campaign, key, versions[-1].version if versions else None),
    }


def status_words(status: str | None) -> str:
    """Return a record's status in the office's words."""
    return _STATUS_WORDS.get(status or "", status or "")


def sent_name(store: Store, submission: StoredSubmission, names: dict[str, str]) -> str:
    """Return the name the version's file was sent under, as far as the store knows it."""
    if submission.sha256 in names:
        return names[submission.sha256]
    if is_kept_name(store, submission.file):
        return "（文件名未记录）"  # kept under its hash by an older version of the page
    return Path(submission.file).name


def _label(label: str, column: str | None) -> str:
    return f"{label}（{column}）" if column else label


def _problems(record: Record) -> list[str]:
    return [p.message for p in record.problems if not p.is_notice]


def _tables(record: Record) -> list[tuple[str, list[str], list[list[str]]]]:
    """Return each repeating table of `record` as (label, headers, rows of text)."""
    tables = []
    for label, rows in record.rows.items():
        headers = list(dict.fromkeys(h for row in rows for h in row))
        body = [["" if row.get(h) is None else str(row.get(h)) for h in headers]
                for row in rows]
        tables.append((label, headers, body))
    return tables


async def version_download(request: Request) -> Response:
    """Send one version's file exactly as the school sent it."""
    if not logged_in(request):
        return login_redirect()
    number, key = request.path_params["number"], request.path_params["key"]
    wanted = request.path_params["version"]

    def fetch() -> tuple[bytes | None, str]:
        with opened(request) as store:
            campaign = campaign_or_404(store, number, county_of(request))
            _row_or_404(campaign, key)
            found = [s for s in store.versions(campaign.form_id, key) if s.version == wanted]
            if not found:
                raise HTTPException(404)
            submission = found[0]
            name = sent_name(store, submission, sent_names(store, campaign, key))
            if name.startswith("（"):
                name = f"{key}_第{wanted}版{Path(submission.file).suffix}"
            return original_content(store, submission), name

    content, name = await in_thread(fetch)
    if content is None:
        return error_page(request, 404, "这一版的文件没有保存在服务器上"
                                        "（可能是用命令行收入的，原文件后来被移走或改动了）")
    media = _MEDIA.get(Path(name).suffix.lower(), "application/octet-stream")
    return download(content, name, media)
