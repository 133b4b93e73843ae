"""School names written in returned files matched to roster rows: the 瑞安 and 岳阳 lists."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from rosters.matching import SchoolMatcher
from rosters.roster import Roster, RosterRow, read_roster
from rosters.school_names import canonical_school_name

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

# The unit list of seed 001 (岳阳, 附件1), one trailing space kept as the notice has it.
YUEYANG_LIST = """单位名称,项目名称,项目负责人
汨罗市正则学校,智慧教育实践与探究,何发意
湘阴县第四中学,研训共同体建设和平战融合教学模式的创新与实践,刘竞波
平江县桂花学校,家校共育共同体建设创新与实践,黄远来
岳阳市第十八中学,学校管理信息化系统建设,陈岳平
君山区许市镇中学,智能化课堂、平战融合教学模式探索与实践,李大航
临湘市第六完全小学 ,中小学数字校园建设的探索与实践,何永祥
华容县教师进修学校,数字校园的建设与应用,李松华
岳阳县城南小学,数字校园环境下学校智慧教育平台综合应用探索与实践,毛华冬
岳阳市网络工程职业技术学校,基于网络工作坊的中职教师研训共同体建设创新与实践,李健
岳阳市第十四中学,依托智慧校园实现精细教学的应用研究,廖小光
"""


@pytest.fixture(scope="module")
def ruian():
    """Return a matcher over the 瑞安 project list (60 rows, some schools with 2–3 projects)."""
    return SchoolMatcher(read_roster(SAMPLES / "ruian-2022-list.csv"),
                         extra_headers=["项目名称"])


@pytest.fixture(scope="module")
def yueyang(tmp_path_factory):
    """Return a matcher over the 岳阳 unit list, whose name column is 单位名称."""
    path = tmp_path_factory.mktemp("lists") / "yueyang.csv"
    path.write_text(YUEYANG_LIST, encoding="utf-8")
    return SchoolMatcher(read_roster(path), name_header="单位名称")


def _matcher(tmp_path, *names: str) -> SchoolMatcher:
    path = tmp_path / "list.csv"
    path.write_text("序号,学校名称\n" + "".join(f"{i},{n}\n" for i, n in enumerate(names, 1)),
                    encoding="utf-8")
    return SchoolMatcher(read_roster(path))


def _school(match) -> str | None:
    return match.row.get("学校名称") if match.row else None


def _candidate_names(match) -> set[str]:
    return {row.get("学校名称") for row in match.candidates}


@pytest.mark.parametrize("written, expected", [
    ("瑞安市第二中学", "瑞安市第2中学"),
    ("瑞安市二中", "瑞安市第2中学"),
    ("瑞安一中", "瑞安第1中学"),
    ("岳阳市十八中", "岳阳市第18中学"),
    ("瑞安市塘下镇罗凤二小", "瑞安市塘下镇罗凤第2小学"),
    ("罗凤第二小学", "罗凤第2小学"),
    ("临湘市六完小", "临湘市第6完全小学"),
    ("瑞安市莘塍三实小", "瑞安市莘塍第3实验小学"),
    ("瑞安实小", "瑞安实验小学"),
    ("云周中心校", "云周中心小学"),
    ("云周中心学校", "云周中心小学"),
    ("瑞安市职中", "瑞安市职业中学"),
    ("瑞安市职业中等学校", "瑞安市职业中学"),
    ("瑞安市职高", "瑞安市职业中学"),
    ("飞云九年一贯制学校", "飞云学校"),
    ("瑞安市鲍七小学", "瑞安市鲍七小学"),  # 鲍七 is a place, not a seventh school
    ("求实小学", "求实小学"),  # 实小 inside 求实小学 is no abbreviation
    ("瑞安市 第２中学（盖章）", "瑞安市第2中学"),
    ("学校名称：瑞安市解放路小学", "瑞安市解放路小学"),
])
def test_canonical_spelling(written, expected):
    assert canonical_school_name(written) == expected


def test_exact_name_matches_its_row(ruian):
    match = ruian.match("瑞安市解放路小学")
    assert (_school(match), match.row.key, match.score, match.problem) == (
        "瑞安市解放路小学", "24", 100.0, None)


@pytest.mark.parametrize("written", [
    "瑞安市飞云中心小学", "瑞安市飞云中心小学 ", " 瑞安市飞云中心小学　", "瑞安市 飞云中心小学",
])
def test_trailing_and_ideographic_spaces_are_ignored(ruian, written):
    # The list itself has "瑞安市飞云中心小学 " (row 40) with a trailing space.
    assert ruian.match(written).row.key == "40"


@pytest.mark.parametrize("written, key", [
    ("瑞安市塘下镇第一中学", "33"),
    ("塘下镇第一中学", "33"),
    ("塘下第一中学", "33"),
    ("瑞安市海安学校", "34"),  # 塘下镇 left out
    ("海安学校", "34"),
    ("瑞安中学", "19"),  # the list says 浙江省瑞安中学
    ("浙江省温州市瑞安市塘下镇新华小学", "37"),  # the file says more than the list
    ("林川中学", "49"),  # 瑞安市林川镇中学: the town is the school's name
])
def test_place_prefixes_one_side_leaves_out(ruian, written, key):
    match = ruian.match(written)
    assert (match.row.key if match.row else None, match.problem) == (key, None)


@pytest.mark.parametrize("written", ["罗凤第二小学", "瑞安市塘下镇罗凤第二小学", "罗凤二小"])
def test_er_xiao_in_the_list_matches_di_er_xiao_xue(ruian, written):
    assert _school(ruian.match(written)) == "瑞安市塘下镇罗凤二小"


@pytest.mark.parametrize("written, school", [
    ("上望五小", "瑞安市上望第五小学"),
    ("汀田三小", "瑞安市汀田第三小学"),
    ("汀田三中", "瑞安市汀田第三中学"),
    ("塘下一中", "瑞安市塘下镇第一中学"),
    ("汀田一中", "瑞安市汀田第一中学"),
    ("瑞安市莘塍三实小", "瑞安市莘塍第三实验小学"),
    ("瑞安市云周中心校", "瑞安市云周中心小学"),
    ("瑞安市职中", "瑞安市职业中等学校"),
])
def test_abbreviations_match_the_full_names_in_the_list(ruian, written, school):
    assert _school(ruian.match(written)) == school


def test_yi_zhong_and_di_yi_zhong_xue_both_ways(tmp_path):
    matcher = _matcher(tmp_path, "瑞安市第一中学", "瑞安市塘下二中")
    assert _school(matcher.match("瑞安一中")) == "瑞安市第一中学"
    assert _school(matcher.match("瑞安市塘下第二中学")) == "瑞安市塘下二中"


def test_a_town_first_school_is_not_the_city_first_school(ruian):
    # 瑞安一中 is the city's; the list only has 塘下镇第一中学 and 汀田第一中学.
    match = ruian.match("瑞安一中")
    assert (match.row, match.problem) == (None, "unmatched")


@pytest.mark.parametrize("written", [
    "瑞安市第２中学", "瑞安市第2中学", "瑞安市第二中学（盖章）", "瑞安市第二中学(盖章)",
    "瑞安市　第二中学", "瑞安市第二中学【公章】",
])
def test_full_width_and_half_width_are_one_spelling(ruian, written):
    match = ruian.match(written, extra={"项目名称": "LED设备"})
    assert (_school(match), match.row.key) == ("瑞安市第二中学", "3")


def test_generic_name_shared_by_several_schools_is_ambiguous(ruian):
    match = ruian.match("中心小学")
    assert (match.row, match.problem) == (None, "ambiguous")
    assert {"瑞安市塘下镇中心小学", "瑞安市飞云中心小学", "瑞安市马屿镇中心小学"} <= (
        _candidate_names(match))
    assert match.message.startswith("学校“中心小学”与名单中多所学校相近：")
    assert "瑞安市塘下镇中心小学" in match.message and match.message.endswith("，请核对")


def test_name_written_two_ways_in_the_list_is_ambiguous(ruian):
    # 瑞安市罗凤中学 (row 9) and 瑞安市塘下镇罗凤中学 (row 36) are both 罗凤中学.
    match = ruian.match("罗凤中学")
    assert match.problem == "ambiguous"
    assert _candidate_names(match) == {"瑞安市罗凤中学", "瑞安市塘下镇罗凤中学"}
    assert ruian.match("瑞安市罗凤中学").row.key == "9"


def test_every_place_written_beats_a_place_left_out(ruian):
    # 瑞安罗凤中学 names all the places of 瑞安市罗凤中学 but leaves out 塘下镇 of row 36.
    assert ruian.match("瑞安罗凤中学").row.key == "9"


def test_project_name_settles_which_of_two_schools(ruian):
    match = ruian.match("罗凤中学", extra={"项目名称": "学生机房"})
    assert (match.row.key, match.problem) == ("36", None)


@pytest.mark.parametrize("written", ["杭州市学军小学", "瑞安市第七中学", "瑞安市中心小学", "小学"])
def test_name_not_in_the_list_is_unmatched(ruian, written):
    match = ruian.match(written)
    assert (match.row, match.candidates, match.problem) == (None, (), "unmatched")
    assert match.message == f"学校“{written}”在名单里找不到相近的名称"


@pytest.mark.parametrize("written", [None, "", "  ", "（盖章）"])
def test_missing_name_is_unmatched(ruian, written):
    match = ruian.match(written)
    assert (match.row, match.problem) == (None, "unmatched")
    assert "没有填写学校名称" in match.message


@pytest.mark.parametrize("project, key", [
    ("智慧校园", "6-1"), ("云桌面", "6-2"), ("云桌面机房", "6-3"), ("云桌面 机房", "6-3"),
])
def test_same_school_several_projects_picked_by_project_name(ruian, project, key):
    match = ruian.match("瑞安市实验小学", extra={"项目名称": project})
    assert (match.row.key, match.problem) == (key, None)


def test_same_school_several_projects_without_project_is_ambiguous(ruian):
    match = ruian.match("瑞安市实验小学")
    assert (match.row, match.problem) == (None, "ambiguous")
    assert [row.key for row in match.candidates] == ["6-1", "6-2", "6-3"]
    assert match.message == (
        "学校“瑞安市实验小学”在名单中有3行：智慧校园、云桌面、云桌面机房，请注明项目名称")


def test_same_school_under_several_numbers_is_one_school(ruian):
    # 瑞安市第二中学 is listed under 3, 14 and 20, one project each.
    assert ruian.match("瑞安二中", extra={"项目名称": "学生机房"}).row.key == "20"
    match = ruian.match("瑞安二中", extra={"项目名称": "围棋教室"})
    assert match.problem == "ambiguous"
    assert {row.key for row in match.candidates} == {"3", "14", "20"}
    assert "项目名称“围棋教室”与其中任何一行都对不上" in match.message


def test_extra_under_a_header_not_named_is_ignored(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("序号,学校名称,项目名称\n1,瑞安市实验小学,智慧校园\n,,云桌面\n",
                    encoding="utf-8")
    matcher = SchoolMatcher(read_roster(path))
    match = matcher.match("瑞安市实验小学", extra={"项目名称": "云桌面"})
    assert (match.row, match.problem) == (None, "ambiguous")
    assert match.message.endswith("，请核对")


@pytest.mark.parametrize("written, other", [
    ("瑞安市第二中学", "瑞安市第五中学"),
    ("瑞安市汀田第三小学", "瑞安市汀田第三中学"),
    ("瑞安市塘下镇新华小学", "瑞安市塘下镇新华中学"),
    ("瑞安市塘下镇新华小学", "瑞安市塘下镇海安小学"),
    ("瑞安市塘下镇中心小学", "瑞安市马屿镇中心小学"),
    ("瑞安市安阳实验小学", "瑞安市实验小学"),
    ("岳阳市城南小学", "岳阳县城南小学"),
])
def test_different_school_with_a_similar_name_is_not_matched(tmp_path, written, other):
    match = _matcher(tmp_path, other).match(written)
    assert match.row is None


def test_similar_names_each_find_their_own(ruian):
    assert ruian.match("瑞安市第五中学", extra={"项目名称": "云桌面"}).row.key == "12-1"
    assert ruian.match("瑞安市第二中学", extra={"项目名称": "LED设备"}).row.key == "3"
    assert _school(ruian.match("汀田第三小学")) == "瑞安市汀田第三小学"
    assert _school(ruian.match("汀田第三中学")) == "瑞安市汀田第三中学"


@pytest.mark.parametrize("written, project, key", [
    ("第二中学", "LED设备", "3"),  # the only 第二中学 in the list
    ("瑞安市安阳实验小学教育集团", "学生机房", "26"),
])
def test_one_name_inside_the_other_is_close(ruian, written, project, key):
    match = ruian.match(written, extra={"项目名称": project})
    assert (match.row.key if match.row else None, match.problem) == (key, None)


def test_slip_of_the_pen_in_a_full_name_is_forgiven(ruian):
    match = ruian.match("瑞安市塘下镇罗风中学")
    assert (_school(match), match.problem) == ("瑞安市塘下镇罗凤中学", None)
    assert 85 <= match.score < 100


def test_same_name_in_another_county_is_only_offered(tmp_path):
    match = _matcher(tmp_path, "瑞安市塘下镇新华小学", "瑞安市飞云中学").match("平阳县新华小学")
    assert (match.row, match.problem) == (None, "ambiguous")
    assert _candidate_names(match) == {"瑞安市塘下镇新华小学"}
    assert match.message == (
        "学校“平阳县新华小学”与名单中的“瑞安市塘下镇新华小学”相近但不一致，请核对")


@pytest.mark.parametrize("written, unit", [
    ("湘阴四中", "湘阴县第四中学"),
    ("临湘六完小", "临湘市第六完全小学"),
    ("临湘市第六完全小学", "临湘市第六完全小学"),
    ("岳阳十八中", "岳阳市第十八中学"),
    ("岳阳市十四中", "岳阳市第十四中学"),
    ("许市中学", "君山区许市镇中学"),
    ("君山区许市中学", "君山区许市镇中学"),
    ("正则学校", "汨罗市正则学校"),
    ("城南小学", "岳阳县城南小学"),
])
def test_yueyang_units(yueyang, written, unit):
    match = yueyang.match(written)
    assert (match.row.get("单位名称") if match.row else None, match.problem) == (unit, None)


def test_yueyang_city_is_not_yueyang_county(yueyang):
    assert yueyang.match("岳阳市城南小学").row is None
    assert yueyang.match("岳阳市第十中学").problem == "unmatched"


def test_known_spellings_are_found_without_fuzzy_scoring(ruian, monkeypatch):
    def no_fuzzy(*args, **kwargs):
        raise AssertionError("fuzzy scoring ran for a name the index knows")

    monkeypatch.setattr("rosters.matching.process.extract", no_fuzzy)
    for written in ["瑞安市飞云中心小学 ", "塘下中心小学", "罗凤第二小学", "海安学校", "林川中学",
                    "浙江省温州市瑞安市塘下镇新华小学", "罗凤中学"]:
        assert ruian.match(written).score == 100.0


def test_province_sized_roster_is_fast_and_right():
    rng = random.Random(7)
    letters = "安平阳泰顺文成永嘉乐清洞头鹿城龙湾瓯海苍南塘下马屿飞云仙降莘塍汀田上望东山新华罗凤陶"
    kinds = ["中心小学", "小学", "中学", "学校", "实验小学", "第一小学", "第三中学", "幼儿园"]

    def word() -> str:
        return rng.choice(letters) + rng.choice(letters)

    counties = [word() + rng.choice("市县") for _ in range(80)]
    names: set[str] = set()
    while len(names) < 10_000:
        kind = rng.choice(kinds)
        school = "" if kind == "中心小学" else word()
        names.add(rng.choice(counties) + word() + rng.choice(["镇", "乡", "街道"]) + school + kind)
    ordered = sorted(names)
    rows = [RosterRow(str(i), i, {"学校名称": n}) for i, n in enumerate(ordered, 1)]
    started = time.perf_counter()
    matcher = SchoolMatcher(Roster("province.csv", ["学校名称"], rows))
    sample = rng.sample(ordered, 2_000)
    written = [n if i % 2 else n[3:] for i, n in enumerate(sample)]  # half without county
    slips = [n[:-3] + "萧" + n[-2:] if n.endswith("学校") else n for n in sample[:300]]
    matches = [matcher.match(w) for w in written + slips]
    elapsed = time.perf_counter() - started
    # A quadratic loop of Python-level scoring takes minutes here; the index takes seconds.
    assert elapsed < 30, elapsed
    wrong = [(w, _school(m)) for w, m, n in zip(written + slips, matches, sample + sample[:300],
                                                 strict=True) if m.row and _school(m) != n]
    assert wrong == []
    assert sum(m.row is not None for m in matches[:2_000]) > 1_900
