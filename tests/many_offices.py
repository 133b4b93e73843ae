"""Many offices at once: counties' schools upload while each county reviews, on one store.

Shared by the CI test (tests/web/test_many_offices.py) and the benchmark
(bench/levels_load.py). A city and `counties` county offices (衡阳's own), the 衡阳
application campaign over a list of counties × schools with a 县市区 column, each school's
申请表 filled as a school does; then, against a real server, every school uploads its
return (a pool of `uploaders` at once) while each county's reviewer, logged in with its own
password, opens its schools' pages as returns arrive and saves two opinions on each (初审,
then 同意上报 and forward). A save refused with 409 (someone saved since) is opened again and
retried; a silent overwrite would show in the store as a lost opinion.
"""

from __future__ import annotations

import csv
import math
import re
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "compile"))

from hengyang_applications import Applicant, fill_application  # noqa: E402

APPLICATION = "hengyang-2018-application"
CITY = "衡阳市教育局"
CITY_PASSWORD = "city-load-2018"
COUNTY_NAMES = ["衡阳县", "衡南县", "衡山县", "衡东县", "祁东县", "耒阳市", "常宁市", "雁峰区",
                "珠晖区", "石鼓区"]
CATEGORIES = ["网络联校创新应用", "区域智慧教育", "教育网络安全", "人工数字智能教室"]
OPINIONS = (("初审：材料基本齐全", "0"), ("同意上报", "1"))


def county_password(county: str) -> str:
    """Return the load test's password of `county`'s office."""
    return f"{county}-load-2018"


@dataclass(frozen=True)
class Offices:
    """The store, the campaign, the counties, each row's county, link token and filled file."""

    db: Path | str
    campaign: int
    form: str
    counties: list[str]
    county_of: dict[str, str]
    tokens: dict[str, str]
    returns: dict[str, Path]

    def keys_of(self, county: str) -> list[str]:
        """Return the roster keys of `county`'s rows."""
        return [key for key, c in self.county_of.items() if c == county]


def build_offices(db: Path | str, folder: Path, counties: int, schools: int) -> Offices:
    """Make the offices, passwords, campaign and links in `db`; fill every school's 申请表."""
    from forms.registry import get_form
    from generator.render import generate_copies
    from records.campaigns import add_campaign, make_links
    from records.offices import add_office, set_office_password
    from records.store import Store
    from rosters.roster import read_roster_for

    names = COUNTY_NAMES[:counties]
    listed = folder / "衡阳市申报名单.csv"
    with listed.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["序号", "申报单位", "申报项目名称", "申报类别", "负责人", "手机号码",
                         "县市区"])
        for number in range(1, counties * schools + 1):
            county = names[(number - 1) % counties]
            writer.writerow([number, f"{county}第{number}中学", f"第{number}中学网络联校建设",
                             CATEGORIES[number % len(CATEGORIES)], f"李老师{number}",
                             f"139{number:08d}", county])
    spec = get_form(APPLICATION)
    roster = read_roster_for(listed, spec)
    with Store(db) as store:
        add_office(store, CITY, "city")
        set_office_password(store, None, CITY_PASSWORD)
        for county in names:
            add_office(store, county, "county")
            set_office_password(store, county, county_password(county))
        campaign = add_campaign(store, APPLICATION, roster, county_column="县市区")
        tokens = {link.key: link.token for link in make_links(store, campaign)}
    numbered = {option[1:]: option for option in spec.field("category").options}
    county_of, returns = {}, {}
    for copy, row in zip(generate_copies(spec, roster, folder / "copies"), roster.rows,
                         strict=True):
        applicant = Applicant(str(row.get("申报单位")), str(row.get("申报项目名称")),
                              numbered[str(row.get("申报类别"))], str(row.get("负责人")),
                              str(row.get("手机号码")), str(row.get("县市区")))
        county_of[row.key] = applicant.county
        returns[row.key] = folder / "returned" / copy.path.name
        fill_application(copy.path, applicant, returns[row.key])
    return Offices(db, campaign.id, campaign.form_id, names, county_of, tokens, returns)


@dataclass
class Load:
    """What the run gave: each upload's latency and status, each county's saved opinions."""

    upload_seconds: list[float] = field(default_factory=list)
    upload_status: dict[str, int] = field(default_factory=dict)
    upload_wall: float = 0.0
    save_seconds: list[float] = field(default_factory=list)
    saved: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # county: (key, text)
    conflicts: int = 0
    failures: list[str] = field(default_factory=list)
    wall: float = 0.0

    def upload_percentile(self, share: float) -> float:
        """Return the upload latency at `share` (nearest rank), in seconds."""
        return _percentile(self.upload_seconds, share)

    @property
    def uploads_per_second(self) -> float:
        """Return the uploads answered per second of the upload phase."""
        return len(self.upload_seconds) / self.upload_wall

    @property
    def save_p95(self) -> float:
        """Return the 95th percentile of a review save's latency, in seconds."""
        return _percentile(self.save_seconds, 0.95)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)] if ordered else float("nan")


def run_load(offices: Offices, base: str, uploaders: int, *, reviewers: int = 1,
             timeout: float = 900) -> Load:
    """Upload every school's return and review them all at the same moment against `base`.

    Each county has `reviewers` reviewers, each with its own login, saving its own two
    opinions on every row of the county: with more than one, saves on a row cross.
    """
    load = Load()
    start = threading.Event()
    lock = threading.Lock()
    uploads_done = threading.Event()

    def upload(key: str) -> None:
        import httpx

        content = offices.returns[key].read_bytes()
        start.wait()
        began = time.perf_counter()
        answer = httpx.post(f"{base}/s/{offices.tokens[key]}/upload", timeout=300,
                            files={"file": (offices.returns[key].name, content)})
        with lock:
            load.upload_seconds.append(time.perf_counter() - began)
            load.upload_status[key] = answer.status_code

    def uploads() -> None:
        began = time.perf_counter()
        with ThreadPoolExecutor(max_workers=uploaders) as pool:
            list(pool.map(upload, list(offices.tokens)))
        load.upload_wall = time.perf_counter() - began
        uploads_done.set()

    reviewing = [threading.Thread(target=_review_county, args=(
        offices, base, county, f"{number}号", load, lock, start, uploads_done,
        time.monotonic() + timeout))
        for county in offices.counties for number in range(1, reviewers + 1)]
    uploading = threading.Thread(target=uploads)
    for thread in [uploading, *reviewing]:
        thread.start()
    began = time.perf_counter()
    start.set()
    for thread in [uploading, *reviewing]:
        thread.join()
    load.wall = time.perf_counter() - began
    return load


def _review_county(offices: Offices, base: str, county: str, reviewer: str, load: Load,
                   lock: threading.Lock, start: threading.Event,
                   uploads_done: threading.Event, deadline: float) -> None:
    """Be `county`'s reviewer: log in, then save both opinions on each row as it arrives."""
    import httpx

    with httpx.Client(base_url=base, timeout=300) as client:
        page = client.get("/office/login").text
        answer = client.post("/office/login", data={
            "csrf": _csrf(page), "office": county, "password": county_password(county)})
        if answer.status_code not in (200, 303):
            with lock:
                load.failures.append(f"{county} login → {answer.status_code}")
            return
        start.wait()
        pending = {key: 0 for key in offices.keys_of(county)}  # key → opinions saved
        while pending and time.monotonic() < deadline:
            finished_uploads = uploads_done.is_set()
            progressed = False
            for key in list(pending):
                while key in pending:
                    step = _save_next(client, offices, county, reviewer, key, pending[key], load,
                                      lock)
                    if step is None:
                        break
                    progressed = True
                    pending[key] += step
                    if pending[key] == len(OPINIONS):
                        del pending[key]
            if not progressed and finished_uploads:
                with lock:
                    load.failures.append(f"{county}: {len(pending)} rows never reviewable")
                return
            if not progressed:
                time.sleep(0.2)
        if pending:
            with lock:
                load.failures.append(f"{county}: {len(pending)} rows not reviewed in time")


def _save_next(client: object, offices: Offices, county: str, reviewer: str, key: str,
               done: int, load: Load, lock: threading.Lock) -> int | None:
    """Open row `key`'s page and save its next opinion; return 1 saved, 0 refused, None
    when the row has no return yet."""
    import httpx

    assert isinstance(client, httpx.Client)
    path = f"/office/c/{offices.campaign}/r/{key}"
    page = client.get(path).text
    seen = re.search(r'name="revision" value="(\d+)"', page)
    if seen is None:
        return None
    words, forward = OPINIONS[done]
    text = f"{county}{reviewer}{words}（第{key}行）"
    began = time.perf_counter()
    answer = client.post(f"{path}/review", data={
        "csrf": _csrf(page), "revision": seen.group(1), "opinion": text, "signer": "周科长",
        "signed": "2018-09-12", "forward": forward})
    seconds = time.perf_counter() - began
    with lock:
        load.save_seconds.append(seconds)
        if answer.status_code == 303:
            load.saved.setdefault(county, []).append((key, text))
            return 1
        if answer.status_code == 409 and "请刷新" in answer.text:
            load.conflicts += 1
            return 0
        load.failures.append(f"{county} {path}/review → {answer.status_code}: "
                             f"{answer.text[:200]}")
    raise RuntimeError(f"{county}'s save on row {key} failed: {answer.status_code}")


def _csrf(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    if found is None:
        raise RuntimeError("no csrf field on the page")
    return found.group(1)


def check_store(offices: Offices, load: Load) -> list[str]:
    """Return what is wrong in the store after the load: empty when all is as it should be."""
    import sqlalchemy as sa

    from records.schema import reviews, submissions, uploads
    from records.store import Store

    wrong = list(load.failures)
    bad = {k: s for k, s in load.upload_status.items() if s != 200}
    if bad or len(load.upload_status) != len(offices.tokens):
        wrong.append(f"uploads answered {len(load.upload_status)}, not 200: {bad}")
    with Store(offices.db) as store, store.connected() as connection:
        stored = connection.execute(sa.select(submissions.c.roster_key, submissions.c.version)
                                    .where(submissions.c.form == offices.form)).all()
        noted = connection.execute(sa.select(sa.func.count()).select_from(uploads).where(
            uploads.c.campaign == offices.campaign)).scalar_one()
        saved = connection.execute(
            sa.select(reviews.c.roster_key, reviews.c.revision, reviews.c.office,
                      reviews.c.opinion, reviews.c.forwarded, reviews.c.version)
            .where(reviews.c.campaign == offices.campaign).order_by(reviews.c.id)).all()
    if sorted(stored) != sorted((key, 1) for key in offices.tokens):
        wrong.append(f"{len(stored)} versions stored for {len(offices.tokens)} schools, "
                     "not one version 1 each")
    if noted != len(offices.tokens):
        wrong.append(f"{noted} uploads noted for {len(offices.tokens)} schools")
    by_row: dict[str, list[int]] = {}
    for row in saved:
        by_row.setdefault(row.roster_key, []).append(row.revision)
        if row.office != offices.county_of[row.roster_key]:
            wrong.append(f"row {row.roster_key} reviewed by {row.office}")
    disorder = [k for k, revs in by_row.items() if revs != list(range(1, len(revs) + 1))]
    if disorder:
        wrong.append(f"review revisions out of order on rows {disorder[:5]}")
    for county in offices.counties:
        kept = sorted((r.roster_key, r.opinion) for r in saved if r.office == county)
        if kept != sorted(load.saved.get(county, [])):
            wrong.append(f"{county}: {len(load.saved.get(county, []))} opinions saved, "
                         f"{len(kept)} kept")
    forwarded = {r.roster_key for r in saved if r.forwarded}
    if forwarded != set(offices.tokens):
        wrong.append(f"{len(forwarded)} of {len(offices.tokens)} rows forwarded")
    return wrong


def summary(load: Load) -> str:
    """Return the run's figures in one line."""
    return (f"{len(load.upload_seconds)} uploads in {load.upload_wall:.1f} s "
            f"({load.uploads_per_second:.1f}/s), p50 {load.upload_percentile(0.5):.2f} s, "
            f"p95 {load.upload_percentile(0.95):.2f} s; {len(load.save_seconds)} review saves "
            f"(p95 {load.save_p95:.2f} s, median "
            f"{statistics.median(load.save_seconds) if load.save_seconds else 0:.2f} s), "
            f"{load.conflicts} refused with 409; all done in {load.wall:.1f} s")
