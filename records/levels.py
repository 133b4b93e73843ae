"""A city's campaign across its counties: the county column, progress per county, forwarded rows.

The roster column a campaign names (``--county-column 县市区``) says each row's county
office (records/campaigns.py holds every value to an office's name). The city's board
counts each county's rows, returns, problems, missing, reviewed and forwarded; a county's
汇总表 lists its forwarded returns only, each carrying the opinions written on it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from parsers.record import Record
from records.campaigns import Campaign, campaign_status
from records.offices import counties
from records.reviews import COUNTY, current_reviews, reviews_of, row_state, with_opinions
from records.store import Store


@dataclass(frozen=True)
class CountyProgress:
    """One county's progress on a campaign, as the city's board shows it."""

    county: str
    rows: int
    returned: int
    problems: int
    missing: int
    reviewed: int
    forwarded: int


def county_progress(store: Store, campaign: Campaign, today: dt.date) -> list[CountyProgress]:
    """Return every county's progress on `campaign`: in the roster's order, then the others."""
    status = {s.key: s for s in campaign_status(store, campaign, today)}
    reviews = reviews_of(store, campaign)
    names = list(dict.fromkeys([*(campaign.county_of(r) for r in campaign.roster.rows),
                                *(o.name for o in counties(store))]))
    result = []
    for county in names:
        rows = [r for r in campaign.roster.rows if campaign.county_of(r) == county]
        states = [status[r.key] for r in rows]
        review = [row_state(s.version, reviews.get((s.key, COUNTY))) for s in states]
        result.append(CountyProgress(
            county, len(rows), sum(s.version is not None for s in states),
            sum(s.state == "problems" for s in states),
            sum(s.state in ("missing", "overdue") for s in states),
            sum(r in ("reviewed", "forwarded") for r in review),
            sum(r == "forwarded" for r in review)))
    return result


def forwarded_returns(store: Store, campaign: Campaign, county: str | None = None
                      ) -> list[Record]:
    """Return the latest returns the counties forwarded (only `county`'s), with their opinions.

    In the roster's order; a return forwarded and then replaced by a newer version is not
    forwarded any more.
    """
    scoped = campaign.for_county(county) if county else campaign
    latest = {s.roster_key: s for s in store.latest(campaign.form_id) if s.roster_key}
    spec = campaign.spec
    chosen = []
    for row in scoped.roster.rows:
        submission = latest.get(row.key)
        if submission is None:
            continue
        reviews = current_reviews(store, campaign, row.key, submission.version)
        if any(r.level == COUNTY and r.forwarded for r in reviews):
            record = with_opinions(spec, submission.record, reviews)
            record.key = row.key
            chosen.append(record)
    return chosen
