"""`tianbiao compile --by`: the city counts the applications by county and 申报类别."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hengyang_applications import (
    APPLICANTS,
    SUMMARY,
    CityStore,
    build_city,
)
from openpyxl import load_workbook

from cli import cli

CATEGORIES = ["网络联校创新应用", "区域智慧教育", "教育网络安全", "人工数字智能教室"]
PIVOT = "按县市区和申报类别统计"


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> CityStore:
    """Return a city's store of 衡阳 applications from three counties."""
    return build_city(tmp_path_factory.mktemp("city"))


def counted(city, out: Path, *more: str) -> Result:
    return CliRunner().invoke(cli, ["compile", SUMMARY, "--db", str(city.db), "--roster",
                                    str(city.roster_file), "--by", "县市区", "--out", str(out),
                                    *more])


def rows_of(sheet) -> list[list[object]]:
    return [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_the_city_counts_applications_by_county_and_category(city, tmp_path):
    out = tmp_path / "全市申报统计.xlsx"
    result = counted(city, out)
    assert result.exit_code == 0, result.output
    assert f"已写出统计表（6 份，按县市区，3 组）：{out}" in result.output
    sheet = load_workbook(out)[PIVOT]
    assert sheet["A1"].value == "2018年衡阳市教育信息化试点项目申报汇总表（按县市区和申报类别统计）"
    assert rows_of(sheet) == [
        ["县市区", *CATEGORIES, "合计"],
        ["衡南县", 1, 1, 1, 0, 3],  # counties in the order the list first names them
        ["衡阳县", 1, 1, 0, 0, 2],
        ["耒阳市", 0, 0, 0, 1, 1],
        ["合计", 2, 2, 1, 1, 6],
    ]


def test_the_applications_are_listed_under_their_county_for_the_archive(city, tmp_path):
    out = tmp_path / "全市申报统计.xlsx"
    assert counted(city, out).exit_code == 0
    sheet = load_workbook(out)["申报项目"]
    rows = rows_of(sheet)
    assert rows[0] == ["序号", "县市区", "申报单位", "申报项目名称", "申报类别", "负责人",
                       "手机号码", "状态"]
    by_county = sorted(APPLICANTS, key=lambda a: ["衡南县", "衡阳县", "耒阳市"].index(a.county))
    assert [(r[0], r[2], r[4], r[6]) for r in rows[1:]] == [
        (n, a.unit, a.category_words, a.phone) for n, a in enumerate(by_county, start=1)]
    # A county's cells are merged down its rows, as an official list prints them.
    assert {str(r) for r in sheet.merged_cells.ranges} >= {"B3:B5", "B6:B7"}


def test_the_count_pages_print_on_a4_with_the_header_repeated(city, tmp_path):
    out = tmp_path / "全市申报统计.xlsx"
    assert counted(city, out).exit_code == 0
    for sheet in load_workbook(out).worksheets:
        assert int(sheet.page_setup.paperSize) == 9  # A4
        assert sheet.page_setup.fitToWidth == 1
        assert sheet.print_title_rows == "$2:$2"
        assert sheet.oddFooter.center.text == "第 &P 页，共 &N 页"


def test_applications_with_problems_are_counted_only_when_asked(city, tmp_path):
    out = tmp_path / "全市申报统计.xlsx"
    result = counted(city, out, "--with-problems")
    assert result.exit_code == 0, result.output
    rows = rows_of(load_workbook(out)[PIVOT])
    assert rows[1] == ["衡南县", 1, 1, 1, 1, 4]
    assert rows[-1] == ["合计", 2, 2, 1, 2, 7]


def test_counting_by_a_name_that_is_nowhere_is_refused(city, tmp_path):
    result = CliRunner().invoke(cli, ["compile", SUMMARY, "--db", str(city.db), "--roster",
                                      str(city.roster_file), "--by", "地区",
                                      "--out", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 1
    assert ("“地区”既不是《2018年衡阳市教育信息化试点项目申请表》的空格，也不是名单的列"
            in result.output)
