"""The levels on the office's pages: a county's review and forwarding, the city's opinion.

On one school's page of a campaign with levels, a county writes the form's own county
opinion block (text, 负责人, date) and forwards it to the city (转报市教育局); the city
writes its opinion the same way on forwarded rows. The page carries the revision it showed:
a save made after someone else's is refused in words (已被…修改，请刷新), never lost. The
city's board counts each county's progress; a county's board offers its 汇总表 (.docx),
written from its forwarded returns in the official layout of the form compiled from them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from forms.errors import TianbiaoError
from forms.model import FormSpec
from forms.registry import all_forms
from parsers.record import Record
from records.campaigns import Campaign
from records.levels import county_progress, forwarded_returns
from records.reviews import (
    CITY,
    COUNTY,
    STATE_WORDS,
    ReviewConflict,
    current_reviews,
    opinion_blocks,
    reviews_of,
    row_state,
    save_review,
    with_opinions,
)
from records.store import Store
from web.office_access import campaign_or_404, checked_form, county_of, logged_in, login_redirect
from web.pages import DOCX, download, error_page, in_thread, opened

_LEVEL_WORDS = {COUNTY: "县市区教育局", CITY: "市教育局"}


def routes() -> list[Route]:
    """Return the routes of a review's save and a county's 汇总表."""
    return [
        Route("/office/c/{number:int}/r/{key}/review", review_post, methods=["POST"]),
        Route("/office/c/{number:int}/compiled.docx", compiled_download, methods=["GET"]),
    ]


def board_levels(store: Store, campaign: Campaign, today: dt.date) -> dict[str, Any]:
    """Return what a board shows of the levels: review states, per-county progress, 汇总表."""
    if not campaign.has_levels:
        return {"levels": False}
    latest = {s.roster_key: s.version for s in store.latest(campaign.form_id) if s.roster_key}
    reviews = reviews_of(store, campaign)
    states = {row.key: STATE_WORDS[row_state(latest.get(row.key),
                                             reviews.get((row.key, COUNTY)))]
              for row in campaign.roster.rows}
    return {"levels": True, "county": campaign.county, "review_states": states,
            "progress": [] if campaign.county else county_progress(store, campaign, today),
            "compiled": campaign.county is not None and compiled_form(campaign) is not None}


def reviewed_records(store: Store, campaign: Campaign) -> list[Record]:
    """Return the latest return of each of the campaign's rows, carrying its current opinions."""
    keys = {row.key for row in campaign.roster.rows}
    result = []
    for submission in store.latest(campaign.form_id):
        if submission.roster_key not in keys:
            continue
        record = with_opinions(campaign.spec, submission.record, current_reviews(
            store, campaign, submission.roster_key, submission.version))
        record.key = submission.roster_key
        result.append(record)
    return result


def review_view(store: Store, campaign: Campaign, key: str, version: int | None
                ) -> dict[str, Any]:
    """Return what one school's page shows of its review, for the office looking at it."""
    if not campaign.has_levels or version is None:
        return {"review": None}
    blocks = opinion_blocks(campaign.spec)
    found = reviews_of(store, campaign, key)
    county, city = found.get((key, COUNTY)), found.get((key, CITY))
    level = COUNTY if campaign.county else CITY
    state = row_state(version, county)
    mine = county if level == COUNTY else city
    may_write = level in blocks and (level == COUNTY or state == "forwarded")
    return {"review": {
        "state": STATE_WORDS[state], "level_words": _LEVEL_WORDS[level],
        "label": blocks[level].opinion.label if level in blocks else "",
        "newer": county is not None and county.version != version,
        "reviews": [(_LEVEL_WORDS[r.level], r) for r in (county, city) if r is not None],
        "revision": mine.revision if mine else 0, "may_write": may_write,
        "is_county": level == COUNTY,
        "opinion": mine.opinion if mine else "", "signer": mine.signer if mine else "",
        "signed": (mine.signed if mine else None) or dt.date.today().isoformat()}}


async def review_post(request: Request) -> Response:
    """Save this office's opinion on one row (and forward it, for a county)."""
    if not logged_in(request):
        return login_redirect()
    fields = await checked_form(request)
    number, key = request.path_params["number"], request.path_params["key"]
    county = county_of(request)
    try:
        signed = dt.date.fromisoformat(fields.get("signed", "")) if fields.get("signed") else None
        seen = int(fields.get("revision", ""))
    except ValueError:
        return error_page(request, 400, "日期或页面内容不对，请刷新页面后重新填写")

    def save() -> None:
        with opened(request) as store:
            campaign = campaign_or_404(store, number, county)
            if campaign.row(key) is None or not campaign.has_levels:
                raise HTTPException(404)
            office = county or _city_name(store)
            save_review(store, campaign, key, COUNTY if county else CITY, office,
                        opinion=fields.get("opinion", ""), signer=fields.get("signer", ""),
                        signed=signed, forward=fields.get("forward") == "1",
                        seen_revision=seen)

    try:
        await in_thread(save)
    except ReviewConflict as conflict:
        return error_page(request, 409, conflict.message)
    except TianbiaoError as error:
        return error_page(request, 400, error.message)
    return RedirectResponse(f"/office/c/{number}/r/{key}", status_code=303)


def compiled_form(campaign: Campaign) -> FormSpec | None:
    """Return the form compiled from this campaign's returns (衡阳's 申报汇总表), if any."""
    return next((f for f in all_forms() if f.compiled_from is not None
                 and f.compiled_from.form == campaign.form_id), None)


async def compiled_download(request: Request) -> Response:
    """Send the county's 汇总表 (.docx): one row per forwarded return, in the official layout."""
    if not logged_in(request):
        return login_redirect()
    number, county = request.path_params["number"], county_of(request)
    if county is None:
        raise HTTPException(404)

    def write() -> tuple[bytes | None, str]:
        from generator.compiled import compile_form

        with opened(request) as store:
            campaign = campaign_or_404(store, number, county)
            spec = compiled_form(campaign)
            if spec is None:
                raise HTTPException(404)
            returns = forwarded_returns(store, campaign, county)
            if not returns:
                return None, spec.title
            own = spec.school_field
            values = {own.id: county} if own is not None else {}
            return compile_form(spec, returns, values).content, spec.title

    content, title = await in_thread(write)
    if content is None:
        return error_page(request, 400, "还没有转报市教育局的申报，汇总表无内容可写："
                                        "请先在各校的页面写好意见并转报")
    return download(content, f"{county}_{title}.docx", DOCX)


def _city_name(store: Store) -> str:
    from records.offices import city

    found = city(store)
    return found.name if found is not None else "市教育局"
