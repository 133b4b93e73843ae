"""A city and its counties in the store: offices, county rows, reviews, forwarded 汇总表."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from docx import Document
from levels_city import (
    APPLICATION,
    CITY,
    COUNTIES,
    SUMMARY,
    LevelsCity,
    build_levels_city,
    county_password,
    write_county_list,
)

from cli import cli
from forms.errors import TianbiaoError
from forms.registry import get_form
from records.campaigns import add_campaign, get_campaign
from records.ingest import ingest
from records.levels import county_progress
from records.offices import (
    add_office,
    check_office_password,
    end_sessions_of,
    office_session_of,
)
from records.reviews import (
    COUNTY,
    ReviewConflict,
    opinion_blocks,
    reviews_of,
    row_state,
    save_review,
)
from records.store import Store
from rosters.roster import read_roster_for

TODAY = dt.date(2018, 9, 10)


@pytest.fixture()
def city(store_db, tmp_path) -> LevelsCity:
    """Return the city's store with every school's 申请表 received."""
    built = build_levels_city(store_db, tmp_path)
    with Store(store_db) as store:
        campaign = get_campaign(store, built.campaign)
        outcomes = ingest(store, [str(p) for p in built.returns.values()],
                          form_id=APPLICATION, roster=campaign.roster)
    assert [o.status for o in outcomes] == ["ok"] * 6
    return built


def _review(store, city, key, county, text, *, forward=True, seen=0, level=COUNTY):
    campaign = get_campaign(store, city.campaign)
    return save_review(store, campaign, key, level, county, opinion=text, signer="周科长",
                       signed=TODAY, forward=forward, seen_revision=seen)


def test_the_opinion_blocks_are_chosen_by_the_words_of_their_labels():
    blocks = opinion_blocks(get_form(APPLICATION))
    assert {level: (b.opinion.id, b.signer.id, b.date.id) for level, b in blocks.items()} == {
        "county": ("county_opinion", "county_signer", "county_date"),
        "city": ("city_opinion", "city_signer", "city_date")}


def test_each_county_has_its_own_password_and_sessions(city):
    with Store(city.db) as store:
        assert check_office_password(store, "衡南县", county_password("衡南县"))
        assert not check_office_password(store, "衡南县", county_password("衡阳县"))
        assert not check_office_password(store, "没有的县", county_password("衡南县"))
        hengnan, hengyang = office_session_of(store, "衡南县"), office_session_of(store, "衡阳县")
        city_token = office_session_of(store, None)
        end_sessions_of(store, "衡南县")
        assert office_session_of(store, "衡南县") != hengnan
        assert office_session_of(store, "衡阳县") == hengyang
        assert office_session_of(store, None) == city_token


def test_a_roster_naming_a_county_that_is_no_office_is_refused_in_words(store_db, tmp_path):
    listed = write_county_list(tmp_path / "list.csv")
    with Store(store_db) as store:
        add_office(store, CITY, "city")
        add_office(store, "衡阳县", "county")
        with pytest.raises(TianbiaoError) as refused:
            add_campaign(store, APPLICATION, read_roster_for(listed, get_form(APPLICATION)),
                         county_column="县市区")
    message = refused.value.message
    assert "第 2 行“衡南县”" in message and "第 5 行“耒阳市”" in message
    assert "已建立的有：衡阳县" in message


def test_each_county_sees_its_own_rows_and_the_city_counts_them_by_county(city):
    with Store(city.db) as store:
        campaign = get_campaign(store, city.campaign)
        for county in COUNTIES:
            assert [r.key for r in campaign.for_county(county).roster.rows] == city.keys_of(
                county)
        first = city.keys_of("衡南县")[0]
        _review(store, city, first, "衡南县", "同意上报。")
        progress = county_progress(store, campaign, TODAY)
    assert [(p.county, p.rows, p.returned, p.problems, p.missing, p.reviewed, p.forwarded)
            for p in progress] == [("衡阳县", 2, 2, 0, 0, 0, 0), ("衡南县", 2, 2, 0, 0, 1, 1),
                                   ("耒阳市", 2, 2, 0, 0, 0, 0)]


def test_a_second_save_on_the_same_revision_is_refused_not_lost(city):
    key = city.keys_of("衡阳县")[0]
    with Store(city.db) as store:
        _review(store, city, key, "衡阳县", "同意。", forward=False, seen=0)
        with pytest.raises(ReviewConflict) as refused:
            _review(store, city, key, "衡阳县", "不同意。", forward=False, seen=0)
        saved = reviews_of(store, get_campaign(store, city.campaign), key)[(key, COUNTY)]
    assert "已被衡阳县修改" in refused.value.message and "请刷新" in refused.value.message
    assert (saved.revision, saved.opinion) == (1, "同意。")


def test_a_newer_version_after_the_review_puts_the_row_back_to_review(city, tmp_path):
    key = city.keys_of("耒阳市")[0]
    with Store(city.db) as store:
        _review(store, city, key, "耒阳市", "同意。")
        campaign = get_campaign(store, city.campaign)
        changed = tmp_path / "changed.docx"
        document = Document(str(city.returns[key]))
        document.tables[0].rows[4].cells[1].paragraphs[0].runs[0].text = "张敏"
        document.save(str(changed))
        (outcome,) = ingest(store, [str(changed)], form_id=APPLICATION, roster=campaign.roster)
        assert outcome.outcome == "version"
        review = reviews_of(store, campaign, key)[(key, COUNTY)]
    assert row_state(2, review) == "to_review"


def test_the_city_writes_only_on_forwarded_rows(city):
    kept, forwarded = city.keys_of("衡南县")
    with Store(city.db) as store:
        _review(store, city, forwarded, "衡南县", "同意上报。")
        with pytest.raises(TianbiaoError, match="还没有转报"):
            _review(store, city, kept, CITY, "同意。", level="city")
        _review(store, city, forwarded, CITY, "同意立项。", level="city")


def test_the_county_summary_lists_exactly_its_forwarded_applications(city, tmp_path):
    one, other = city.keys_of("衡南县")
    with Store(city.db) as store:
        _review(store, city, one, "衡南县", "同意上报。")
        _review(store, city, other, "衡南县", "材料不全。", forward=False)
        _review(store, city, city.keys_of("衡阳县")[0], "衡阳县", "同意上报。")
    out = tmp_path / "衡南县汇总表.docx"
    result = CliRunner().invoke(cli, ["compile", SUMMARY, "--db", str(city.db), "--where",
                                      "县市区=衡南县", "--out", str(out)])
    assert result.exit_code == 0, result.output
    (table,) = Document(str(out)).tables
    units = [row.cells[1].text for row in table.rows[1:] if row.cells[1].text]
    assert units == [city.applicants[one].unit]
    assert f"未列入：{city.applicants[other].unit}（县市区教育局尚未审核转报）" in result.output


def test_the_commands_make_offices_passwords_a_county_campaign_and_county_links(tmp_path):
    from openpyxl import load_workbook

    db = str(tmp_path / "city.db")
    runner = CliRunner()

    def run(*arguments: str, given: str | None = None):
        return runner.invoke(cli, [*arguments, "--db", db], input=given)

    assert run("office", "add", CITY, "--level", "city").exit_code == 0
    refused = run("office", "add", "衡南县", "--level", "county", "--parent", "长沙市")
    assert refused.exit_code == 1 and "县市区的上级只能是本市“衡阳市教育局”" in refused.output
    for county in COUNTIES:
        assert run("office", "add", county, "--level", "county").exit_code == 0
        answer = run("passwd", "--office", county, given=county_password(county) + "\n")
        assert answer.exit_code == 0 and f"已设置{county}的密码" in answer.output
    assert run("passwd", given="city-pass-2018\n").exit_code == 0
    listed = write_county_list(tmp_path / "list.csv")
    made = run("campaign", "add", APPLICATION, "--roster", str(listed), "--county-column",
               "县市区", "--format", "json")
    assert made.exit_code == 0, made.output
    links = run("links", "1", "--base-url", "http://10.0.0.1:8000", "--by-county",
                str(tmp_path / "links"))
    assert links.exit_code == 0, links.output
    with Store(db) as store:
        assert check_office_password(store, "衡南县", county_password("衡南县"))
        assert check_office_password(store, None, "city-pass-2018")
    sheet = load_workbook(tmp_path / "links" / "衡南县_链接.xlsx").active
    schools = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert schools == ["衡南县云集镇中心学校", "衡东县第一中学"]
