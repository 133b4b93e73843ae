"""The list of a new campaign, previewed: its rows as read, the columns the form needs, totals.

The list is read for the form exactly as ``tianbiao campaign add`` reads it
(``read_roster_for``): merged cells undone, the same refusals (a list without a header row,
another campaign's list) in the same words, the totals as ``tianbiao roster`` prints them.
"""

from __future__ import annotations

from typing import Any

from forms.errors import TianbiaoError
from forms.labels import label_key
from forms.model import FormSpec
from rosters.fit import columns_needed
from rosters.roster import Roster, read_roster, read_roster_for
from rosters.totals import roster_totals
from web.clerk_draft import Draft

MAX_SHOWN = 300  # rows shown on the page; a province's list is summed, not scrolled


def read_list(draft: Draft, spec: FormSpec) -> Roster:
    """Return the draft's list read for `spec`; TianbiaoError in the CLI's words, named as sent."""
    try:
        return read_roster_for(draft.roster_list, spec)
    except TianbiaoError as error:
        # The CLI names the file as given; here that is the name it had on the clerk's computer.
        raise TianbiaoError(f"{draft.state['list']['name']}：{error.message}",
                            code=error.code) from None


def preview(draft: Draft, spec: FormSpec) -> dict[str, Any]:
    """Return what the page shows of the draft's list read for `spec` (plain data, for JSON)."""
    needed, optional = columns_needed(spec)
    try:
        roster = read_list(draft, spec)
    except TianbiaoError as error:
        found = _headers_anyway(draft)
        return {"refusal": error.message, "headers": found or [],
                "needed": [[h, _has(found, h)] for h in needed],
                "optional": [[h, _has(found, h)] for h in optional]}
    have = {label_key(h) for h in roster.headers}
    return {
        "refusal": None,
        "title": roster.title,
        "headers": roster.headers,
        "rows": [[row.key, *(_text(v) for v in row.values.values())]
                 for row in roster.rows[:MAX_SHOWN]],
        "hidden": max(0, len(roster.rows) - MAX_SHOWN),
        "count": len(roster.rows),
        "totals": roster_totals(roster),
        "problems": list(roster.problems),
        "needed": [[h, label_key(h) in have] for h in needed],
        "optional": [[h, label_key(h) in have] for h in optional],
    }


def _headers_anyway(draft: Draft) -> list[str] | None:
    """Return the columns of a list refused for its form, read as a list of no form, or None."""
    try:
        return read_roster(draft.roster_list).headers
    except TianbiaoError:
        return None


def _has(headers: list[str] | None, header: str) -> bool | None:
    if headers is None:
        return None
    return label_key(header) in {label_key(h) for h in headers}


def _text(value: Any) -> str:
    return "" if value is None else str(value)
