"""The office's pages: the password first, CSRF on every form, the board and its downloads."""

from __future__ import annotations

import io
import re

from openpyxl import load_workbook


def _csrf(page_text):
    return re.search(r'name="csrf" value="([^"]+)"', page_text).group(1)


def _log_in(client, password):
    token = _csrf(client.get("/office/login").text)
    return client.post("/office/login", data={"csrf": token, "password": password},
                       follow_redirects=False)


def test_every_office_page_needs_the_password(client, site):
    for path in ("/office", f"/office/c/{site.campaign}",
                 f"/office/c/{site.campaign}/summary.xlsx",
                 f"/office/c/{site.campaign}/status.xlsx"):
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"] == "/office/login"


def test_a_wrong_password_is_refused(client, site):
    answer = _log_in(client, "not-the-password")
    assert answer.status_code == 401 and "密码不对" in answer.text
    assert client.get("/office", follow_redirects=False).status_code == 303


def test_a_form_posted_without_the_csrf_token_is_refused(client, site):
    client.get("/office/login")
    answer = client.post("/office/login", data={"password": site.password},
                         follow_redirects=False)
    assert answer.status_code == 403 and "页面已过期" in answer.text
    answer = client.post("/office/login", data={"password": site.password, "csrf": "forged"},
                         follow_redirects=False)
    assert answer.status_code == 403
    assert client.get("/office", follow_redirects=False).status_code == 303


def test_the_board_shows_who_returned_what(client, site, filled):
    with open(filled("1-1", leave_empty=("推进措施",)), "rb") as handle:
        client.post(f"/s/{site.tokens['1-1']}/upload", files={"file": ("a.docx", handle.read())})
    with open(filled("2"), "rb") as handle:
        client.post(f"/s/{site.tokens['2']}/upload", files={"file": ("b.docx", handle.read())})
    assert _log_in(client, site.password).status_code == 303
    listing = client.get("/office")
    assert "瑞安市教育信息化应用“回头看”项目建设报告" in listing.text
    board = client.get(f"/office/c/{site.campaign}")
    assert board.status_code == 200
    counts = dict(re.findall(r'class="count-(\w+)">(\d+)<', board.text))
    assert counts == {"returned": "1", "problems": "1", "missing": "58", "overdue": "0"}
    problems = client.get(f"/office/c/{site.campaign}?state=problems").text
    assert "瑞安市陶山镇荆谷学校" in problems and "瑞安市塘下镇中心小学" not in problems

    status = load_workbook(io.BytesIO(client.get(f"/office/c/{site.campaign}/status.xlsx").content))
    states = [row[4] for row in status["报送情况"].iter_rows(values_only=True)]
    assert states.count("已交，合格") == 1 and states.count("已交，有问题") == 1

    summary = client.get(f"/office/c/{site.campaign}/summary.xlsx")
    assert summary.status_code == 200
    cells = {cell for sheet in load_workbook(io.BytesIO(summary.content)).worksheets
             for row in sheet.iter_rows(values_only=True) for cell in row}
    assert "成立应用推进小组，每月一次教师培训。" not in cells  # 1-1 left it empty
    assert "+录播教室纳入教研安排" in cells  # school 2's measures, kept as text


def test_an_overdue_row_is_counted_after_the_campaigns_due_date(client, site):
    import datetime as dt

    from records.campaigns import campaign_status, get_campaign
    from records.store import Store

    with Store(site.db) as store:
        campaign = get_campaign(store, site.campaign)
        before = campaign_status(store, campaign, dt.date(2099, 3, 10))
        after = campaign_status(store, campaign, dt.date(2099, 3, 11))
    assert {r.state for r in before} == {"missing"}
    assert {r.state for r in after} == {"overdue"}


def test_logging_out_needs_the_csrf_token_and_ends_the_session(client, site):
    _log_in(client, site.password)
    assert client.post("/office/logout", data={}).status_code == 403
    assert client.get("/office", follow_redirects=False).status_code == 200
    token = _csrf(client.get("/office").text)
    client.post("/office/logout", data={"csrf": token})
    assert client.get("/office", follow_redirects=False).status_code == 303


def test_a_cookie_kept_from_before_logging_out_or_a_new_password_opens_nothing(client, site):
    from records.campaigns import set_password
    from records.store import Store

    assert _log_in(client, site.password).status_code == 303
    kept = dict(client.cookies)
    client.post("/office/logout", data={"csrf": _csrf(client.get("/office").text)})
    client.cookies.clear()
    client.cookies.update(kept)
    assert client.get("/office", follow_redirects=False).status_code == 303

    assert _log_in(client, site.password).status_code == 303
    assert client.get("/office", follow_redirects=False).status_code == 200
    with Store(site.db) as store:
        set_password(store, "another-password-1")
    answer = client.get("/office", follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (303, "/office/login")


def test_wrong_passwords_one_after_another_make_the_next_try_wait(client, site):
    for _ in range(5):
        assert _log_in(client, "not-the-password").status_code == 401
    answer = _log_in(client, site.password)  # even the right one waits now
    assert answer.status_code == 429 and "密码输错次数太多" in answer.text
