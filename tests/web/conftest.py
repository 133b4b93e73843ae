"""The web page's fixtures: a store with the 瑞安 campaign and a 岳阳 one, links, a client."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from fill_as_school import fill_document
from school_returns import ANSWERS

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
REPORT = "ruian-2022-report"
SAMPLE_LIST = SAMPLES / "ruian-2022-list.xlsx"
PASSWORD = "office-pass-2023"
YUEYANG = "yueyang-2020-taskbook"
YUEYANG_LIST = SAMPLES / "yueyang-2020-list.xlsx"


@dataclass
class Site:
    """A store with campaigns and links, and the tokens by roster key."""

    db: Path | str  # a SQLite file, or a PostgreSQL database's URL
    campaign: int
    tokens: dict[str, str]
    other_campaign: int
    other_tokens: dict[str, str]
    password: str = PASSWORD


@pytest.fixture()
def site_db(request, tmp_path) -> Path | str:
    """Return where the site's store goes: a SQLite file; a module that parametrizes this
    fixture indirectly with "postgresql" gets a fresh PostgreSQL database as well."""
    from store_locations import new_store_location

    return new_store_location(getattr(request, "param", "sqlite"), tmp_path, request, "web.db")


@pytest.fixture()
def site(site_db) -> Site:
    """Return a fresh store: 瑞安's report over its 60 rows, 岳阳's task book, the password."""
    import datetime as dt

    from forms.registry import get_form
    from records.campaigns import add_campaign, make_links, set_password
    from records.store import Store
    from rosters.roster import read_roster_for

    db = site_db
    with Store(db) as store:
        ruian = add_campaign(store, REPORT, read_roster_for(SAMPLE_LIST, get_form(REPORT)),
                             due=dt.date(2099, 3, 10))
        yueyang = add_campaign(store, YUEYANG,
                               read_roster_for(YUEYANG_LIST, get_form(YUEYANG)))
        tokens = {link.key: link.token for link in make_links(store, ruian)}
        other = {link.key: link.token for link in make_links(store, yueyang)}
        set_password(store, PASSWORD)
    return Site(db, ruian.id, tokens, yueyang.id, other)


@pytest.fixture()
def client(site):
    """Return a test client of the web app over the site's store."""
    from starlette.testclient import TestClient

    from web.app import create_app

    with TestClient(create_app(site.db), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture()
def filled(tmp_path, generated_reports):
    """Return a function writing 瑞安 row `key`'s copy filled as the school would."""
    def fill(key: str = "1-1", *, leave_empty: tuple[str, ...] = ()) -> Path:
        answers = {k: v for k, v in ANSWERS[key].items() if k not in leave_empty}
        answers.update(dict.fromkeys(leave_empty, ""))
        target = tmp_path / "filled" / f"{key}-{'-'.join(leave_empty) or 'all'}.docx"
        fill_document(generated_reports[key], answers, target)
        return target

    return fill


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """Return a real `tianbiao serve` on loopback over a new store with the office password."""
    from browsing import serving

    with serving(tmp_path_factory.mktemp("served") / "tianbiao.db", PASSWORD) as server:
        yield server


@pytest.fixture(scope="session")
def chromium():
    """Return Debian's chromium, headless, fresh profile; fail (never skip) when it is missing."""
    from browsing import BrowserMissing, chromium

    try:
        with chromium() as context:
            yield context
    except BrowserMissing as error:
        pytest.fail(str(error))


@pytest.fixture()
def page(chromium):
    """Return a new browser tab, closed after the test."""
    tab = chromium.new_page()
    yield tab
    tab.close()


@pytest.fixture()
def office(client, site):
    """Return the test client logged in as the office."""
    import re

    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/office/login").text).group(1)
    answer = client.post("/office/login", data={"csrf": token, "password": site.password},
                         follow_redirects=False)
    assert answer.status_code == 303
    return client
