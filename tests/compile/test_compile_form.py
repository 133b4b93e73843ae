"""`tianbiao compile`: a county's 申报汇总表 written from the 申请表 in the store, not retyped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from docx import Document
from hengyang_applications import (
    APPLICANTS,
    APPLICATION,
    INCOMPLETE,
    SUMMARY,
    Applicant,
    CityStore,
    build_city,
    fill_application,
)

from cli import cli
from forms.layout import build_blank_form
from forms.registry import get_form
from generator.compiled import compile_form
from parsers.batch import parse_paths
from records.campaigns import add_campaign
from records.ingest import ingest
from records.store import Store
from rosters.roster import read_roster_for

HENGNAN = [a for a in APPLICANTS if a.county == "衡南县"]
BLANK_ROWS = 12  # the rows the official 汇总表 prints


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> CityStore:
    """Return a city's store of 衡阳 applications from three counties."""
    return build_city(tmp_path_factory.mktemp("city"))


def run(*arguments: str) -> Result:
    return CliRunner().invoke(cli, ["compile", *arguments])


def compiled(city, out: Path, *more: str) -> Result:
    result = run(SUMMARY, "--db", str(city.db), "--roster", str(city.roster_file),
                 "--out", str(out), *more)
    return result


def table_rows(path: Path) -> list[list[str]]:
    """Return the texts of the 汇总表's table, one list per row, merged cells once."""
    (table,) = Document(str(path)).tables
    return [[cell.text for cell in row.cells] for row in table.rows]


def printed_row(number: int, a: Applicant) -> list[str]:
    return [str(number), a.unit, a.project, a.category, a.leader, a.phone]


def read_row(number: int, a: Applicant) -> dict[str, object]:
    return {"序号": number, "申报单位": a.unit, "申报项目名称": a.project,
            "申报类别": a.category_words, "负责人": a.leader, "手机号码": a.phone}


def test_a_county_summary_lists_its_applications_in_the_list_order(city, tmp_path):
    out = tmp_path / "衡南县汇总表.docx"
    result = compiled(city, out, "--where", "县市区=衡南县",
                      "--value", "县市区教育局名称=衡南县教育局", "--value", "填报负责人=谭小平")
    assert result.exit_code == 0, result.output
    assert "已写出《2018年衡阳市教育信息化试点项目申报汇总表》（3 行，来自 3 份" in result.output
    rows = table_rows(out)
    assert rows[0] == ["序号", "申报单位", "申报项目名称", "申报类别", "负责人", "手机号码"]
    assert rows[1:4] == [printed_row(n, a) for n, a in enumerate(HENGNAN, start=1)]
    assert len(rows) == 1 + BLANK_ROWS  # the printed blank rows stay, empty
    assert all(cell == "" for row in rows[4:] for cell in row)
    line = next(p.text for p in Document(str(out)).paragraphs if p.text.startswith("县市区"))
    assert "衡南县教育局" in line and "谭小平" in line
    # The incomplete return is named on the terminal with why it is not listed.
    assert ("未列入：衡南县三塘镇中心学校（未填完：联系人：未填写（必填）；"
            "联系人（手机号码）：未填写（必填））") in result.output


def test_the_written_summary_reads_back_as_the_applications(city, tmp_path):
    out = tmp_path / "衡南县汇总表.docx"
    assert compiled(city, out, "--where", "县市区=衡南县",
                    "--value", "bureau=衡南县教育局", "--value", "reporter=谭小平").exit_code == 0
    (record,) = list(parse_paths([str(out)]))
    assert record.form == SUMMARY
    assert record.status == "ok", record.problems
    assert (record.value("bureau"), record.value("reporter")) == ("衡南县教育局", "谭小平")
    assert record.rows["申报项目"] == [read_row(n, a) for n, a in enumerate(HENGNAN, start=1)]


def test_blanks_not_given_are_left_for_the_bureau_to_write(city, tmp_path):
    out = tmp_path / "汇总表.docx"
    result = compiled(city, out, "--where", "县市区=耒阳市")
    assert result.exit_code == 0, result.output
    assert "留空待填：县市区教育局名称（盖章）、填报负责人（可用 --value 填写）" in result.output
    (record,) = list(parse_paths([str(out)]))
    assert record.value("bureau") is None
    assert {p.field for p in record.problems} == {"bureau", "reporter"}  # the bureau writes them
    assert record.rows["申报项目"] == [read_row(1, APPLICANTS[3])]


def test_more_applications_than_printed_rows_grow_the_table(city, tmp_path):
    with Store(city.db, create=False) as store:
        records = [s.record for s in store.latest(APPLICATION) if s.status == "ok"]
    many = records * 3  # 18 rows, beyond the 12 the form prints
    out = tmp_path / "全市.docx"
    out.write_bytes(compile_form(get_form(SUMMARY), many).content)
    assert len(table_rows(out)) == 1 + 18
    (record,) = list(parse_paths([str(out)]))
    rows = record.rows["申报项目"]
    assert [r["序号"] for r in rows] == list(range(1, 19))
    assert [r["申报单位"] for r in rows] == [r.value("applicant") for r in many]


def test_without_where_every_county_is_listed_and_with_problems_adds_the_incomplete(
        city, tmp_path):
    out = tmp_path / "全市.docx"
    assert compiled(city, out).exit_code == 0
    assert [row[1] for row in table_rows(out)[1:7]] == [a.unit for a in APPLICANTS]
    result = compiled(city, out, "--where", "县市区=衡南县", "--with-problems")
    assert result.exit_code == 0, result.output
    assert "注意：其中 1 份有问题，照所填列入" in result.output
    assert [row[1] for row in table_rows(out)[1:5]] == [a.unit for a in [*HENGNAN, INCOMPLETE]]


def test_nothing_to_list_but_returns_with_problems_is_refused_with_why(city, tmp_path):
    result = compiled(city, tmp_path / "x.docx", "--where", "申报单位~三塘镇")
    assert result.exit_code == 1
    assert "未列入：衡南县三塘镇中心学校（未填完：" in result.output
    assert ("符合条件的 1 份《2018年衡阳市教育信息化试点项目申请表》都未能列入（原因见上）；"
            "请学校更正重交，或用 --with-problems 把有问题的一并列入") in result.output
    assert not (tmp_path / "x.docx").exists()


def test_where_may_ask_that_a_blank_contains_a_name(city, tmp_path):
    out = tmp_path / "衡阳县.docx"
    result = compiled(city, out, "--where", "申报单位~衡阳县")
    assert result.exit_code == 0, result.output
    assert [row[1] for row in table_rows(out)[1:3]] == ["衡阳县教育局", "衡阳县演陂镇中心学校"]
    assert table_rows(out)[3][1] == ""


def test_where_matching_nothing_names_the_values_there_are(city, tmp_path):
    result = compiled(city, tmp_path / "x.docx", "--where", "县市区=祁东县")
    assert result.exit_code == 1
    assert "没有符合 县市区=祁东县 的报送；“县市区”有：衡南县、衡阳县、耒阳市" in result.output


def test_where_naming_neither_a_blank_nor_a_column_says_what_there_is(city, tmp_path):
    result = compiled(city, tmp_path / "x.docx", "--where", "区县=衡南县")
    assert result.exit_code == 1
    assert ("“区县”既不是《2018年衡阳市教育信息化试点项目申请表》的空格，也不是名单的列"
            in result.output)
    assert ("名单的列有：序号、申报单位、申报项目名称、申报类别、负责人、手机号码、县市区"
            in result.output)


def test_the_campaign_list_in_the_store_serves_when_no_list_is_given(city, tmp_path):
    db = tmp_path / "tianbiao.db"
    shutil.copy(city.db, db)
    without = run(SUMMARY, "--db", str(db), "--where", "县市区=衡南县", "--out",
                  str(tmp_path / "a.docx"))
    assert without.exit_code == 1
    assert "名单里的列要给出名单（--roster），或先为这张表建立征集" in without.output
    with Store(db) as store:
        add_campaign(store, APPLICATION, read_roster_for(city.roster_file, get_form(APPLICATION)))
    out = tmp_path / "b.docx"
    result = run(SUMMARY, "--db", str(db), "--where", "县市区=衡南县", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert [row[1] for row in table_rows(out)[1:4]] == [a.unit for a in HENGNAN]


def test_a_return_not_on_the_list_is_named_when_choosing_by_a_list_column(city, tmp_path):
    db = tmp_path / "tianbiao.db"
    shutil.copy(city.db, db)
    blank = tmp_path / "申请表.docx"
    build_blank_form(get_form(APPLICATION)).save(str(blank))
    stranger = Applicant("祁东县育贤中学", "育贤中学智慧课堂区域共享应用", "②区域智慧教育",
                         "陈国良", "13974792206", "祁东县")
    fill_application(blank, stranger, tmp_path / "returned" / "育贤中学.docx", names=True)
    with Store(db) as store:  # taken in without the list: a return of no list row
        (outcome,) = ingest(store, [str(tmp_path / "returned")], form_id=APPLICATION)
    assert outcome.status == "ok"
    result = run(SUMMARY, "--db", str(db), "--roster", str(city.roster_file), "--where",
                 "县市区=衡南县", "--out", str(tmp_path / "衡南县.docx"))
    assert result.exit_code == 0, result.output
    assert "未列入：祁东县育贤中学（没有对上名单上的哪一行，无法按名单的列挑选）" in result.output
    # Chosen by a blank of its own, it is listed.
    result = run(SUMMARY, "--db", str(db), "--where", "申报单位~祁东县", "--out",
                 str(tmp_path / "祁东县.docx"))
    assert result.exit_code == 0, result.output
    assert table_rows(tmp_path / "祁东县.docx")[1][1:3] == [stranger.unit, stranger.project]


def test_a_form_not_compiled_from_returns_is_refused(city, tmp_path):
    result = run(APPLICATION, "--db", str(city.db), "--out", str(tmp_path / "x.docx"))
    assert result.exit_code == 1
    assert ("《2018年衡阳市教育信息化试点项目申请表》（hengyang-2018-application）的定义没有写 "
            "compiled_from，不知道从哪张表的报送汇总") in result.output


def test_a_store_without_the_source_form_says_so(tmp_path):
    db = tmp_path / "tianbiao.db"
    Store(db).close()
    result = run(SUMMARY, "--db", str(db), "--out", str(tmp_path / "x.docx"))
    assert result.exit_code == 1
    assert ("里还没有《2018年衡阳市教育信息化试点项目申请表》（hengyang-2018-application）的任何"
            "报送，无从汇总") in result.output


def test_an_unknown_blank_in_value_lists_the_blanks(city, tmp_path):
    result = compiled(city, tmp_path / "x.docx", "--value", "单位名称=衡南县教育局")
    assert result.exit_code == 1
    assert ("没有空格“单位名称”；可以填写的空格有：bureau（县市区教育局名称（盖章））、"
            "reporter（填报负责人）") in result.output


@pytest.mark.parametrize(("arguments", "words"), [
    (["--out", "x.xlsx"], "--out 应是 .docx 文件"),
    (["--out", "x.docx", "--by", "县市区"], "--out 应是 .xlsx 文件（统计表）"),
    (["--out", "x.docx", "--value", "bureau"], "应写成 空格=文字"),
    (["--out", "x.docx", "--where", "县市区"], "条件“县市区”看不懂"),
])
def test_wrong_usage_is_said_in_chinese(city, tmp_path, arguments, words):
    result = run(SUMMARY, "--db", str(city.db), *arguments)
    assert result.exit_code in (1, 2)
    assert words in result.output
