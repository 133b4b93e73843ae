"""The experts' grades entered in the office's pages, shown with what follows, summarised."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

# The store behind the pages: a SQLite file, and a PostgreSQL database.
pytestmark = pytest.mark.parametrize("site_db", ["sqlite", "postgresql"], indirect=True)



def _csrf(text: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', text)
    assert found is not None
    return found.group(1)


def _grade(office, site, key, year, grade, *, waste=False, csrf=None):
    page = office.get(f"/office/c/{site.campaign}/r/{key}")
    data = {"csrf": csrf if csrf is not None else _csrf(page.text), "year": str(year),
            "grade": grade}
    if waste:
        data["waste"] = "yes"
    return office.post(f"/office/c/{site.campaign}/r/{key}/grade", data=data,
                       follow_redirects=False)


def test_a_grade_entered_on_a_school_page_shows_what_follows_and_reaches_the_summary(
        office, site, filled):
    copy = filled("1-1")
    handed = office.post(f"/s/{site.tokens['1-1']}/upload",
                         files={"file": (copy.name, copy.read_bytes())})
    assert "已交，合格" in handed.text
    assert _grade(office, site, "1-1", 2022, "基本达标").status_code == 303
    answer = _grade(office, site, "1-1", 2023, "基本达标", waste=True)
    assert answer.status_code == 303
    page = office.get(answer.headers["location"]).text
    assert "2023年" in page and "2022年基本达标，2023年仍未达到优秀或良好" in page
    assert "资金浪费" in page
    grades = re.findall(r'<td class="grade">([^<]+)</td>', page)
    assert grades == ["基本达标", "基本达标"]

    summary = office.get(f"/office/c/{site.campaign}/summary.xlsx")
    assert summary.status_code == 200
    sheet = load_workbook(io.BytesIO(summary.content))["评估结果"]
    rows = [row for row in sheet.iter_rows(values_only=True) if "瑞安市陶山镇荆谷学校" in row]
    assert len(rows) == 1 and rows[0].count("基本达标") == 2


def test_a_grade_entered_again_for_the_same_year_replaces_it(office, site):
    _grade(office, site, "17", 2022, "不达标")
    page = office.get(_grade(office, site, "17", 2022, "优秀").headers["location"]).text
    assert re.findall(r'<td class="grade">([^<]+)</td>', page) == ["优秀"]


def test_a_grade_not_in_the_notice_or_a_row_not_on_the_list_is_refused_in_words(office, site):
    answer = _grade(office, site, "17", 2022, "很好")
    assert answer.status_code == 400
    assert "评估结果应为 优秀、良好、基本达标、不达标 之一，收到“很好”" in answer.text
    page = office.get(f"/office/c/{site.campaign}/r/17").text
    answer = office.post(f"/office/c/{site.campaign}/r/999/grade",
                         data={"csrf": _csrf(page), "year": "2022", "grade": "优秀"})
    assert answer.status_code == 400 and "编号 999 不在这个征集的名单上" in answer.text
    answer = _grade(office, site, "17", "二〇二二", "优秀")
    assert answer.status_code == 400 and "评估年份" in answer.text
    assert "还没有登记评估结果" in office.get(f"/office/c/{site.campaign}/r/17").text


def test_a_grade_needs_the_login_and_the_form_token(client, office, site):
    answer = _grade(office, site, "17", 2022, "优秀", csrf="forged")
    assert answer.status_code == 403
    office.post("/office/logout", data={"csrf": _csrf(office.get("/office").text)})
    answer = client.post(f"/office/c/{site.campaign}/r/17/grade",
                         data={"year": "2022", "grade": "优秀"}, follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (303, "/office/login")
