"""A city and three counties on the web page: own rows, review, forward, the city's board."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from levels_city import CITY, CITY_PASSWORD, COUNTIES, LevelsCity, build_levels_city
from levels_city import county_password as password_of
from openpyxl import load_workbook

# The store behind the pages: a SQLite file, and a PostgreSQL database.
pytestmark = pytest.mark.parametrize("site_db", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture()
def city(site_db, tmp_path) -> LevelsCity:
    """Return the city's store, links made, every school's 申请表 uploaded through its link."""
    from starlette.testclient import TestClient

    from records.campaigns import get_campaign, make_links
    from records.store import Store
    from web.app import create_app

    built = build_levels_city(site_db, tmp_path)
    with Store(site_db) as store:
        links = {link.key: link.token for link in make_links(store, get_campaign(
            store, built.campaign))}
    with TestClient(create_app(site_db), raise_server_exceptions=False) as school:
        for key, path in built.returns.items():
            answer = school.post(f"/s/{links[key]}/upload",
                                 files={"file": (path.name, path.read_bytes())})
            assert answer.status_code == 200, answer.text
    return built


def _client(city: LevelsCity, office: str | None):
    """Return a client logged in as `office` (a county's name; None: the city)."""
    from starlette.testclient import TestClient

    from web.app import create_app

    client = TestClient(create_app(city.db), raise_server_exceptions=False)
    page = client.get("/office/login").text
    assert re.search(f'<option value=""[^>]*>{CITY}</option>', page)
    assert all(f'<option value="{c}">{c}</option>' in page for c in COUNTIES)
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    answer = client.post("/office/login", data={
        "csrf": token, "office": office or "",
        "password": password_of(office) if office else CITY_PASSWORD}, follow_redirects=False)
    assert answer.status_code == 303
    return client


def _csrf(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def _opinion(client, city, key, text, *, forward="1", revision=None):
    path = f"/office/c/{city.campaign}/r/{key}"
    page = client.get(path).text
    seen = re.search(r'name="revision" value="(\d+)"', page).group(1)
    return client.post(f"{path}/review", data={
        "csrf": _csrf(page), "revision": seen if revision is None else revision,
        "opinion": text, "signer": "周科长", "signed": "2018-09-12", "forward": forward},
        follow_redirects=False)


def test_a_county_with_the_wrong_password_is_refused(city):
    from starlette.testclient import TestClient

    from web.app import create_app

    with TestClient(create_app(city.db)) as client:
        token = _csrf(client.get("/office/login").text)
        answer = client.post("/office/login", data={
            "csrf": token, "office": "衡南县", "password": password_of("衡阳县")})
    assert answer.status_code == 401 and "单位或密码不对" in answer.text


def test_each_county_sees_only_its_own_rows(city):
    for county in COUNTIES:
        with _client(city, county) as client:
            board = client.get(f"/office/c/{city.campaign}").text
            mine = city.keys_of(county)
            others = [k for k in city.applicants if k not in mine]
            for key in mine:
                assert city.applicants[key].unit in board
            for key in others:
                assert city.applicants[key].unit not in board
                assert client.get(f"/office/c/{city.campaign}/r/{key}").status_code == 404
                assert client.get(f"/office/c/{city.campaign}/r/{key}/v/1").status_code == 404
            assert client.get("/office/new").status_code == 404
            letters = client.get(f"/office/c/{city.campaign}/status.xlsx")
            assert letters.status_code == 200


def test_a_county_reviews_and_forwards_and_the_city_sees_it(city):
    hengnan = city.keys_of("衡南县")
    with _client(city, "衡南县") as county:
        answer = _opinion(county, city, hengnan[0], "同意上报，材料齐全。")
        assert answer.status_code == 303
        page = county.get(f"/office/c/{city.campaign}/r/{hengnan[0]}").text
        assert "已转报市教育局" in page and "同意上报，材料齐全。" in page
        summary = county.get(f"/office/c/{city.campaign}/compiled.docx")
        assert summary.status_code == 200
        (table,) = Document(io.BytesIO(summary.content)).tables
        units = [row.cells[1].text for row in table.rows[1:] if row.cells[1].text]
        assert units == [city.applicants[hengnan[0]].unit]
    with _client(city, None) as office:
        board = office.get(f"/office/c/{city.campaign}").text
        row = re.search(r'<tr class="county"><td>衡南县</td>(.*?)</tr>', board).group(1)
        assert re.findall(r"<td>(\d+)</td>", row) == ["2", "2", "0", "0", "1", "1"]
        page = office.get(f"/office/c/{city.campaign}/r/{hengnan[1]}").text
        assert "县市区教育局转报后，市教育局才能在这里写意见" in page
        answer = _opinion(office, city, hengnan[0], "同意立项。", forward="0")
        assert answer.status_code == 303
        page = office.get(f"/office/c/{city.campaign}/r/{hengnan[0]}").text
        # The opinions as the record's own blanks, the form's opinion blocks.
        for label, value in (("县市区教育局意见", "同意上报，材料齐全。"),
                             ("县市区教育局意见（负责人）", "周科长"),
                             ("县市区教育局意见（日期）", "2018年9月12日"),
                             ("市教育局意见", "同意立项。")):
            assert f'<tr><td>{label}</td><td class="value">{value}</td></tr>' in page
        workbook = load_workbook(io.BytesIO(office.get(
            f"/office/c/{city.campaign}/summary.xlsx").content))
        cells = {str(c.value) for sheet in workbook for row in sheet.iter_rows() for c in row}
        assert {"同意立项。", "同意上报，材料齐全。"} <= cells


def test_a_newer_version_after_the_review_is_back_to_review_on_the_page(city, tmp_path):
    from records.campaigns import find_link, get_campaign, make_links
    from records.store import Store

    key = city.keys_of("衡阳县")[0]
    with _client(city, "衡阳县") as county:
        assert _opinion(county, city, key, "同意上报。").status_code == 303
        with Store(city.db) as store:
            token = next(link.token for link in make_links(store, get_campaign(
                store, city.campaign)) if link.key == key)
            assert find_link(store, token) is not None
        changed = tmp_path / "changed.docx"
        document = Document(str(city.returns[key]))
        document.tables[0].rows[4].cells[1].paragraphs[0].runs[0].text = "张敏"
        document.save(str(changed))
        county.post(f"/s/{token}/upload", files={"file": ("改.docx", changed.read_bytes())})
        page = county.get(f"/office/c/{city.campaign}/r/{key}").text
        assert "学校在审核之后又交了新版本" in page and "待审核" in page


def test_two_opinions_saved_at_once_one_is_refused_in_words(city):
    key = city.keys_of("耒阳市")[0]
    with _client(city, "耒阳市") as first, _client(city, "耒阳市") as second:
        page_one = first.get(f"/office/c/{city.campaign}/r/{key}").text
        page_two = second.get(f"/office/c/{city.campaign}/r/{key}").text
        sent = [client.post(f"/office/c/{city.campaign}/r/{key}/review", data={
            "csrf": _csrf(page), "revision": "0", "opinion": text, "signer": "资科长",
            "signed": "2018-09-12", "forward": "0"}, follow_redirects=False)
            for client, page, text in ((first, page_one, "同意。"), (second, page_two, "再议。"))]
        assert sent[0].status_code == 303
        assert sent[1].status_code == 409
        assert "已被耒阳市修改" in sent[1].text and "请刷新" in sent[1].text
        assert "同意。" in first.get(f"/office/c/{city.campaign}/r/{key}").text


def test_logging_out_a_county_ends_its_sessions_only(city):
    with _client(city, "衡阳县") as one, _client(city, "衡阳县") as two, \
            _client(city, "衡南县") as other:
        page = one.get("/office").text
        one.post("/office/logout", data={"csrf": _csrf(page)})
        assert two.get("/office", follow_redirects=False).status_code == 303
        assert other.get("/office", follow_redirects=False).status_code == 200


def test_the_city_makes_a_county_campaign_on_the_new_campaign_page(site_db, tmp_path):
    from levels_city import APPLICATION, write_county_list

    from forms.layout import build_blank_form
    from forms.registry import get_form
    from records.offices import add_office, set_office_password
    from records.store import Store

    with Store(site_db) as store:
        add_office(store, CITY, "city")
        set_office_password(store, None, CITY_PASSWORD)
        for county in COUNTIES:
            add_office(store, county, "county")
            set_office_password(store, county, password_of(county))
    blank = tmp_path / "申请表.docx"
    build_blank_form(get_form(APPLICATION)).save(str(blank))
    listed = write_county_list(tmp_path / "名单.csv")
    city = LevelsCity(site_db, listed, 1, {}, {})
    with _client(city, None) as office:
        answer = office.post("/office/new", data={"csrf": _csrf(office.get("/office/new").text)},
                             files={"attachment": (blank.name, blank.read_bytes()),
                                    "list": (listed.name, listed.read_bytes())},
                             follow_redirects=False)
        address = answer.headers["location"]
        draft = office.get(address).text
        assert 'name="county_column"' in draft
        values = dict(re.findall(r'<input type="(?:hidden|text|date)" name="([^"]+)" '
                                 r'value="([^"]*)"', draft))
        wrong = office.post(address, data=values | {
            "due": "2099-09-17", "county_column": "申报单位", "action": "create"})
        assert wrong.status_code == 422 and "不是已建立的县市区单位" in wrong.text
        made = office.post(address, data=values | {
            "due": "2099-09-17", "county_column": "县市区", "action": "create"},
            follow_redirects=False)
        assert made.status_code == 303
    with _client(city, "衡南县") as county:
        board = county.get("/office/c/1").text
        assert "衡南县云集镇中心学校" in board and "衡阳县教育局" not in board


def test_a_county_batch_takes_its_own_schools_and_refuses_another_countys(site_db, tmp_path):
    import time

    built = build_levels_city(site_db, tmp_path)
    mine, other = built.keys_of("衡南县"), built.keys_of("衡阳县")[0]
    sent = [built.returns[key] for key in [*mine, other]]
    with _client(built, "衡南县") as county:
        board = county.get(f"/office/c/{built.campaign}").text
        answer = county.post(f"/office/c/{built.campaign}/batch", data={"csrf": _csrf(board)},
                             files=[("files", (p.name, p.read_bytes())) for p in sent],
                             follow_redirects=False)
        assert answer.status_code == 303, answer.text
        address = answer.headers["location"]
        deadline = time.monotonic() + 180
        while 'http-equiv="refresh"' in (text := county.get(address).text):
            assert time.monotonic() < deadline, "batch not finished"
            time.sleep(0.3)
        assert text.count("已收入第1版") == 2
        assert "对不上衡南县名单上的学校，未收入" in text
        board = county.get(f"/office/c/{built.campaign}").text
    assert board.count("待审核") == 2
    with _client(built, "衡阳县") as neighbour:
        assert neighbour.get(address).status_code == 404  # another county's batch
