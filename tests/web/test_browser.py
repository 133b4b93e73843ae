"""End to end in Debian's chromium: a school hands in through its link, the office sees it.

A real `tianbiao serve` on loopback, the real browser headless (tests/web/browsing.py): the
clerk starts the campaign in the office's pages and downloads the links; the school downloads
its copy, fills it in Word's stead (python-docx), uploads it through the
page; the office logs in through the login form and downloads the summary workbook.
"""

from __future__ import annotations

from browsing import clerk_starts_campaign, download, fill_copy, office_logs_in, upload
from openpyxl import load_workbook
from playwright.sync_api import expect
from school_returns import ANSWERS

SCHOOL_KEY = "1-1"
SCHOOL = "瑞安市陶山镇荆谷学校"
MEASURES = ANSWERS[SCHOOL_KEY]["推进措施"]
LEADER = ANSWERS[SCHOOL_KEY]["项目负责人及联系方式"]


def test_a_school_hands_in_through_its_link_and_the_office_sees_it(
        served, page, tmp_path):
    # The clerk starts the campaign in the office's pages: attachment and list uploaded, the
    # form recognised, the due date set, the links made and downloaded as links.xlsx.
    recognised, made = clerk_starts_campaign(page, served, tmp_path / "clerk")
    assert "瑞安市教育信息化应用“回头看”项目建设报告" in recognised
    assert "60" in recognised
    links = {link["key"]: link for link in made}
    assert len(links) == 60 and all(link["url"].startswith(served.base) for link in made)
    mine = links[SCHOOL_KEY]
    assert mine["school"] == SCHOOL

    # The school opens its link, sees its name and downloads its pre-filled copy.
    page.goto(mine["url"])
    expect(page.locator("h1")).to_have_text(SCHOOL)
    expect(page.locator(".state")).to_have_text("未交")
    copy = download(page, "下载预填表（Word）", tmp_path / "downloads")
    assert copy.suffix == ".docx" and SCHOOL in copy.name

    # It fills everything but one required blank and uploads: the page names the problem.
    answers = ANSWERS[SCHOOL_KEY]
    upload(page, fill_copy(copy, answers, tmp_path / "first.docx", leave_empty=("推进措施",)))
    expect(page.locator(".state")).to_have_text("已交，有问题")
    expect(page.locator("ol.problems li")).to_have_text(["推进措施：未填写（必填）"])
    expect(page.locator("ul.versions > li")).to_have_count(1)

    # It fills the missing blank and uploads again: accepted, two versions.
    upload(page, fill_copy(copy, answers, tmp_path / "second.docx"))
    expect(page.locator(".state")).to_have_text("已交，合格")
    expect(page.locator("ol.problems")).to_have_count(0)
    expect(page.locator("ul.versions > li")).to_have_count(2)
    expect(page.locator("ul.versions > li").first).to_contain_text("第2版")
    expect(page.locator("td.value", has_text=MEASURES)).to_have_count(1)

    # Another school's link shows nothing of this school; a changed token is the 404 page.
    page.goto(links["2"]["url"])
    expect(page.locator("h1")).to_have_text(links["2"]["school"])
    assert SCHOOL not in page.content() and MEASURES not in page.content()
    answer = page.goto(mine["url"][:-4] + "AAAA")
    assert answer is not None and answer.status == 404
    expect(page.locator("h1")).to_have_text("找不到这个页面")
    assert SCHOOL not in page.content()

    # The office logs in through the form; the board shows the school returned, and counts.
    page.context.clear_cookies()
    office_logs_in(page, served)
    page.get_by_role("link", name="瑞安市教育信息化应用“回头看”项目建设报告").click()
    row = page.locator("table.board tr", has_text=SCHOOL).filter(has_text="智慧校园")
    expect(row.locator("td").nth(3)).to_have_text("已交，合格")
    expect(row.locator("td").nth(5)).to_have_text("2")
    expect(page.locator(".count-returned")).to_have_text("1")
    expect(page.locator(".count-problems")).to_have_text("0")
    expect(page.locator(".count-missing")).to_have_text("59")

    # The summary workbook downloads through the browser and holds the school's values.
    summary = download(page, "下载汇总表", tmp_path / "downloads")
    book = load_workbook(summary, read_only=True)
    main = [row for row in book["汇总"].iter_rows(values_only=True) if SCHOOL in row]
    assert len(main) == 1 and "智慧校园" in main[0] and 150000 in main[0] and LEADER in main[0]
    texts = [row for row in book["报告正文"].iter_rows(values_only=True) if SCHOOL in row]
    assert len(texts) == 1 and MEASURES in texts[0]
