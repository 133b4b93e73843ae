"""忠县 score forms (seed 003): 附件1 专项督查评分表 and 附件2 特色学校评估自评表.

The structure is checked against the printed attachment; the blank forms are filled with
python-docx the way an inspector or a school would, and read back as the office reads them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document

from forms.layout import LINE_BLANK, build_blank_form
from forms.model import FormSpec, TableSpec
from forms.registry import get_form
from generator.render import generate_copies
from parsers.batch import parse_paths
from rosters.roster import read_roster

INSPECTION = "zhongxian-2021-inspection"
FEATURE_SCHOOL = "zhongxian-2021-feature-school"
ROSTER = Path(__file__).resolve().parents[2] / "samples" / "zhongxian-2021-schools.csv"

# 附件1 as printed: first-level items with their points, second-level items with theirs and
# the C items under each.
PRINTED_A = {"A1": 6, "A2": 27, "A3": 52, "A4": 7, "A5": 8}
PRINTED_B = {
    "B1": (2, [1]), "B2": (2, [2]), "B3": (2, [3]), "B4": (14, range(4, 10)),
    "B5": (13, range(10, 15)), "B6": (17, range(15, 19)), "B7": (7, [19, 20]),
    "B8": (11, [21, 22, 23]), "B9": (8, [24, 25, 26]), "B10": (11, range(27, 31)),
    "B11": (4, [31]), "B12": (3, [32]), "B13": (2, [33]), "B14": (3, [34]), "B15": (3, [35]),
}
# 附件2 as printed: 一级 and 二级 indicators with their points, and how many 细则 rows each has.
PRINTED_LEVEL_ONE = {"特色定位": 20, "特色实践": 35, "特色资源": 20, "特色成果": 25}
PRINTED_LEVEL_TWO = {
    "办学理念": (10, 3), "特色规划": (10, 2), "特色管理": (6, 1), "特色课程": (12, 1),
    "特色教学": (12, 1), "特色科研": (5, 1), "特色师资": (7, 1), "特色环境": (7, 1),
    "特色设施": (6, 1), "学校发展": (8, 1), "学生发展": (10, 1), "教师发展": (7, 1),
}
_POINTS = re.compile(r"[（(]\s*(\d+)\s*分\s*[）)]")


@pytest.fixture(scope="module")
def inspection() -> FormSpec:
    return get_form(INSPECTION)


@pytest.fixture(scope="module")
def feature_school() -> FormSpec:
    return get_form(FEATURE_SCHOOL)


def _score_table(spec: FormSpec) -> TableSpec:
    return next(b.table for b in spec.layout if b.table is not None)


def _covering_text(table: TableSpec, row: int, col: int) -> str:
    """Return the printed text of the cell at grid column `col` that covers `row`."""
    placed = table.placed()
    for r in range(row, -1, -1):
        for start, cell in placed[r]:
            if start == col and r + cell.rowspan > row:
                return cell.text
    raise AssertionError(f"no cell covers row {row}, column {col}")


def _items_under(table: TableSpec, col: int) -> dict[str, list[tuple[str, float | None]]]:
    """Return the item rows under each printed cell of column `col`, by the cell's text."""
    groups: dict[str, list[tuple[str, float | None]]] = {}
    for r, row in enumerate(table.rows):
        if row.item:
            text = " ".join(_covering_text(table, r, col).split())
            groups.setdefault(text, []).append((row.item, row.max_score))
    return groups


def _printed_points(text: str) -> int:
    match = _POINTS.search(text)
    assert match, text
    return int(match[1])


def _indicator_name(text: str) -> str:
    """Return "特色定位" from the printed "特色定位 （20分）"."""
    return text.split("（")[0].strip()


def _parse_one(path: Path):
    (record,) = list(parse_paths([str(path)]))
    return record


def _problem_codes(record, field_id: str) -> set[str]:
    return {p.code for p in record.problems if p.field == field_id}


# -- 附件1 专项督查评分表 ---------------------------------------------------------------


def test_definitions_load(inspection, feature_school):
    assert inspection.title == "忠县中小学教育信息技术与装备专项督查评分表"
    assert inspection.attachment == "附件1"
    assert feature_school.title == "“忠义忠州●现代教育”特色（示范）学校评估自评表"
    assert feature_school.attachment == "附件2"
    assert inspection.due is None and inspection.contact is None


def test_inspection_has_35_items_worth_100_points(inspection):
    scores = [f for f in inspection.fields if f.item and f.column == "考核分"]
    assert [f.item for f in scores] == [f"C{n}" for n in range(1, 36)]
    assert [f.id for f in scores] == [f"c{n}_score" for n in range(1, 36)]
    assert all(f.kind == "score" and f.max_score for f in scores)
    assert sum(f.max_score for f in scores) == 100
    assert inspection.points == 100
    notes = [f for f in inspection.fields if f.item and f.column == "备注"]
    assert [f.id for f in notes] == [f"c{n}_note" for n in range(1, 36)]


def test_each_item_max_is_the_points_printed_in_its_text(inspection):
    table = _score_table(inspection)
    for row in table.rows:
        if row.item:
            text = row.cells[-4].text  # 督查内容; the A and B cells merge down over it
            assert text.startswith(row.item), text
            assert _printed_points(text) == row.max_score, row.item


def test_first_level_items_are_printed_with_their_points(inspection):
    groups = _items_under(_score_table(inspection), col=0)
    assert [g.split()[0] for g in groups] == list(PRINTED_A)
    for text, items in groups.items():
        code = text.split()[0]
        assert _printed_points(text) == PRINTED_A[code]
        assert sum(m for _, m in items) == PRINTED_A[code], code


def test_second_level_items_are_printed_as_in_the_seed(inspection):
    groups = _items_under(_score_table(inspection), col=1)
    by_code = {re.match(r"B\d+", text)[0]: (text, items) for text, items in groups.items()}
    assert list(by_code) == list(PRINTED_B)
    for code, (points, numbers) in PRINTED_B.items():
        text, items = by_code[code]
        assert _printed_points(text) == points, code
        assert [item for item, _ in items] == [f"C{n}" for n in numbers], code
        printed_sum = sum(m for _, m in items)
        if code == "B8":
            # The seed prints B8 实验教学（11分） over C21–C23 worth 3 points each.
            assert printed_sum == 9
        else:
            assert printed_sum == points, code


def test_total_row_sums_the_item_scores(inspection):
    total = inspection.field("total_score")
    assert (total.label, total.column, total.kind) == ("得分合计", "考核分", "score")
    (check,) = inspection.checks
    assert check.equals == "total_score" and check.severity == "error"
    assert check.terms == tuple(f"c{n}_score" for n in range(1, 36))


def _score_for(max_score: float) -> float:
    """Return a score an inspector might give: half a point off where there is room."""
    return max_score - 0.5 if max_score >= 2 else max_score


def _fill_inspection(spec: FormSpec, path: Path, *, scores: dict[str, str] | None = None,
                     total: str | None = None) -> dict[str, object]:
    """Fill the blank 评分表 with python-docx; return the values it must read back as."""
    document = build_blank_form(spec)
    expected: dict[str, object] = {}
    lines = [p for p in document.paragraphs if p.text.startswith(("学校：", "督查人员："))]
    blanks = [run for line in lines for run in line.runs if run.text == LINE_BLANK]
    for run, (field_id, typed, value) in zip(blanks, [
        ("school", "忠县拔山中学", "忠县拔山中学"),
        ("inspector", "谭明 刘芳", "谭明 刘芳"),
        ("inspect_date", "2021年6月8日", "2021-06-08"),
    ], strict=True):
        run.text = typed
        expected[field_id] = value
    (table,) = document.tables
    running_total = 0.0
    for row in table.rows:
        code = re.match(r"C\d+", row.cells[2].text)
        if code:
            number = int(code[0][1:])
            score = _score_for(spec.field(f"c{number}_score").max_score)
            typed = (scores or {}).get(f"c{number}_score", f"{score:g}")
            row.cells[4].paragraphs[0].add_run(typed)
            row.cells[5].paragraphs[0].add_run(f"现场查看{number}")
            expected[f"c{number}_score"] = score
            expected[f"c{number}_note"] = f"现场查看{number}"
            running_total += score
        elif row.cells[0].text == "得分合计":
            row.cells[4].paragraphs[0].add_run(total or f"{running_total:g}")
            expected["total_score"] = running_total
    document.save(str(path))
    return expected


def test_filled_inspection_form_reads_back_every_value(inspection, tmp_path):
    path = tmp_path / "inspection-filled.docx"
    expected = _fill_inspection(inspection, path)
    assert expected["total_score"] == 83  # 34 items half a point off, C12 full
    record = _parse_one(path)
    assert record.form == INSPECTION
    assert record.status == "ok", record.problems
    assert {k: record.value(k) for k in expected} == expected
    assert record.value("c1_score") == 1.5
    assert record.value("c12_score") == 1
    assert record.value("c35_note") == "现场查看35"


def test_json_contract_names_items_by_code_and_column(inspection, tmp_path):
    path = tmp_path / "inspection-contract.docx"
    _fill_inspection(inspection, path)
    fields = {f["id"]: f for f in _parse_one(path).as_json()["fields"]}
    assert fields["c1_score"] == {"id": "c1_score", "label": "C1", "column": "考核分",
                                  "value": 1.5, "raw": "1.5"}
    assert (fields["c1_note"]["label"], fields["c1_note"]["column"]) == ("C1", "备注")
    assert (fields["c10_score"]["label"], fields["c10_score"]["value"]) == ("C10", 3.5)
    assert (fields["total_score"]["label"], fields["total_score"]["column"]) == (
        "得分合计", "考核分")
    assert (fields["school"]["label"], fields["school"]["column"]) == ("学校", None)


def test_score_above_the_item_maximum_is_invalid(inspection, tmp_path):
    path = tmp_path / "inspection-over-max.docx"
    _fill_inspection(inspection, path, scores={"c4_score": "5"})  # C4 is worth 3 points
    record = _parse_one(path)
    assert "score_out_of_range" in _problem_codes(record, "c4_score")
    assert record.status == "invalid"


def test_wrong_total_is_a_sum_mismatch(inspection, tmp_path):
    path = tmp_path / "inspection-wrong-total.docx"
    _fill_inspection(inspection, path, total="98")
    record = _parse_one(path)
    assert record.value("total_score") == 98
    assert _problem_codes(record, "total_score") == {"sum_mismatch"}
    assert "为 83" in next(p.message for p in record.problems if p.code == "sum_mismatch")
    assert record.status == "invalid"


def test_generate_prefills_the_school_on_the_printed_line(inspection, tmp_path):
    roster = read_roster(ROSTER)
    assert len(roster.rows) == 10
    copies = generate_copies(inspection, roster, tmp_path)
    assert len(copies) == 10
    first = Document(str(copies[0].path))
    printed = [p.text for p in first.paragraphs]
    assert "学校：忠县忠州中学" in printed
    assert any(t.startswith("督查人员：") and "督查时间：" in t for t in printed)
    records = list(parse_paths([str(c.path) for c in copies]))
    assert [r.value("school") for r in records] == [row.get("学校名称") for row in roster.rows]
    assert records[0].key == "1"
    # Nothing scored yet: the copy is incomplete, not wrong.
    assert records[0].status == "incomplete"


# -- 附件2 特色学校评估自评表 -------------------------------------------------------


def test_feature_school_indicators_are_printed_with_their_points(feature_school):
    table = _score_table(feature_school)
    level_one = _items_under(table, col=0)
    assert [_indicator_name(t) for t in level_one] == list(PRINTED_LEVEL_ONE)
    for text in level_one:
        assert _printed_points(text) == PRINTED_LEVEL_ONE[_indicator_name(text)]
    level_two = _items_under(table, col=1)
    assert [_indicator_name(t) for t in level_two] == list(PRINTED_LEVEL_TWO)
    for text, items in level_two.items():
        points, n_rows = PRINTED_LEVEL_TWO[_indicator_name(text)]
        assert _printed_points(text) == points
        assert len(items) == n_rows
        # The indicator's points stand on its first 细则 row; the seed does not split them.
        assert [m for _, m in items] == [points] + [None] * (n_rows - 1)
    assert sum(PRINTED_LEVEL_ONE.values()) == 100
    assert sum(p for p, _ in PRINTED_LEVEL_TWO.values()) == 100


def test_feature_school_rows_are_found_by_the_start_of_their_text(feature_school):
    table = _score_table(feature_school)
    rows = [row for row in table.rows if row.item]
    assert len(rows) == 15
    texts = [row.cells[-3].text for row in rows]  # 评估细则
    for row, text in zip(rows, texts, strict=True):
        assert text.startswith(row.item)
        assert [t for t in texts if t.startswith(row.item)] == [text]
    columns = {f.column for f in feature_school.fields}
    assert columns == {"自评得分", "考评分"}
    assert not feature_school.checks  # the seed prints no total row


def _fill_feature_school(spec: FormSpec, path: Path, *, over: str | None = None
                         ) -> dict[str, object]:
    document = build_blank_form(spec)
    (table,) = document.tables
    prefixes = {f.item: f.id.removesuffix("_self_score") for f in spec.fields
                if f.column == "自评得分"}
    expected: dict[str, object] = {}
    for row in table.rows[1:]:
        text = row.cells[2].text
        prefix = next(p for item, p in prefixes.items() if text.startswith(item))
        self_field = spec.field(f"{prefix}_self_score")
        top = self_field.max_score or 3
        self_score, review = top - 1, top - 1.5
        row.cells[3].paragraphs[0].add_run(
            over if over and prefix == "idea1" else f"{self_score:g}分")
        row.cells[4].paragraphs[0].add_run(f"{review:g}")
        expected[f"{prefix}_self_score"] = self_score
        expected[f"{prefix}_review_score"] = review
    document.save(str(path))
    return expected


def test_filled_feature_school_form_reads_back_every_value(feature_school, tmp_path):
    path = tmp_path / "feature-school-filled.docx"
    expected = _fill_feature_school(feature_school, path)
    assert len(expected) == 30
    record = _parse_one(path)
    assert record.form == FEATURE_SCHOOL
    assert record.status == "ok", record.problems
    assert {k: record.value(k) for k in expected} == expected
    fields = {f["id"]: f for f in record.as_json()["fields"]}
    assert (fields["idea1_self_score"]["label"], fields["idea1_self_score"]["column"]) == (
        "学校以“忠义忠州·现代教育”为遵循", "自评得分")
    assert (fields["teacher_growth_review_score"]["label"],
            fields["teacher_growth_review_score"]["column"]) == (
        "①近三年，获得县级赛课二等奖以上的教师人次", "考评分")


def test_feature_school_score_above_its_indicator_is_invalid(feature_school, tmp_path):
    path = tmp_path / "feature-school-over.docx"
    _fill_feature_school(feature_school, path, over="12")  # 办学理念 is worth 10 points
    record = _parse_one(path)
    assert "score_out_of_range" in _problem_codes(record, "idea1_self_score")
    assert record.status == "invalid"


def test_feature_school_copies_carry_the_roster_key(feature_school, tmp_path):
    # The printed form has no place for the school's name: the embedded key says who it is.
    copies = generate_copies(feature_school, read_roster(ROSTER), tmp_path)
    records = list(parse_paths([str(copies[3].path)]))
    assert (records[0].form, records[0].key) == (FEATURE_SCHOOL, "4")
