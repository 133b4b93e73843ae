"""The experts' grades in the office's pages: entered on a school's page, shown with what follows.

For a form whose notice sets an assessment (瑞安's 优秀 / 良好 / 基本达标 / 不达标), one
school's page shows each year's grade, the principal's score and what the notice demands
next, and a short form records the grade of a year — as `tianbiao grade` does, checked the
same way (records/grading.py). The summary workbook on the board then carries them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from forms.errors import TianbiaoError
from records.campaigns import Campaign
from records.grading import assess, validate_grade
from records.store import Store
from web.office_access import (
    campaign_or_404,
    checked_form,
    county_of,
    logged_in,
    login_redirect,
)
from web.pages import error_page, in_thread, opened

FIRST_YEAR, LAST_YEAR = 2000, 2100


def routes() -> list[Route]:
    """Return the route that records a grade."""
    return [Route("/office/c/{number:int}/r/{key}/grade", grade_post, methods=["POST"])]


def grades_view(store: Store, campaign: Campaign, key: str) -> dict[str, Any] | None:
    """Return what the school's page shows of its grades, or None if the form has none."""
    spec = campaign.spec
    if spec.assessment is None:
        return None
    outcomes = assess(spec, store.grades(campaign.form_id).get(key, {}))
    return {
        "choices": [grade.grade for grade in spec.assessment.grades],
        "year": dt.date.today().year,
        "waste_rule": spec.assessment.waste,
        "outcomes": [{"year": o.year, "grade": o.grade, "score": f"{o.principal_score:+g}",
                      "flags": list(o.flags)} for o in reversed(outcomes)],
    }


async def grade_post(request: Request) -> Response:
    """Record the grade posted for one roster row, then show its page again."""
    if not logged_in(request):
        return login_redirect()
    fields = await checked_form(request)
    number, key = request.path_params["number"], request.path_params["key"]
    grade = fields.get("grade", "").strip()
    waste = fields.get("waste") == "yes"
    year_text = fields.get("year", "").strip()
    plain_year = year_text.isascii() and year_text.isdigit()
    if not plain_year or not FIRST_YEAR <= int(year_text) <= LAST_YEAR:
        return error_page(request, 400, f"评估年份应是 {FIRST_YEAR}—{LAST_YEAR} 之间的年份，"
                                        f"收到“{year_text}”")

    def record() -> str | None:
        with opened(request) as store:
            campaign = campaign_or_404(store, number, county_of(request))
            if campaign.row(key) is None:
                return f"编号 {key} 不在这个征集的名单上"
            try:
                validate_grade(campaign.spec, key, grade)
            except TianbiaoError as error:
                return str(error)
            with store.transaction():
                store.set_grade(campaign.form_id, key, int(year_text), grade, waste=waste)
            return None

    refusal = await in_thread(record)
    if refusal is not None:
        return error_page(request, 400, refusal)
    return RedirectResponse(f"/office/c/{number}/r/{quote(key, safe='')}#grades",
                            status_code=303)
