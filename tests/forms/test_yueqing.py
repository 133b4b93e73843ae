"""乐清 教育技术装备规范管理自查表 (seed 004): the plan's own targets, checked on filled copies.

Each test fills the blank official form with python-docx the way a school would, saves
it, and reads it back with ``parse_paths``: the derived ratios, the staffing lookup and
the grade come from the definition, and a missed target is a "below_target" notice.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from forms.checks import compute_derived
from forms.layout import build_blank_form
from forms.registry import get_form
from generator.render import generate_copies
from parsers.batch import parse_paths
from parsers.record import Record
from rosters.roster import read_roster

FORM = "yueqing-2018-equipment-selfcheck"
SCHOOLS = Path(__file__).resolve().parents[2] / "samples" / "yueqing-2018-schools.csv"

# A 30-class high school that meets every target the plan states.
MODEL_SCHOOL = {
    "学校名称": "乐清市第二中学",
    "学校类型": "普通高中",
    "班级数（个）": "30",
    "在校学生数（人）": "1200",
    "专任教师数（人）": "100",
    "学生用计算机（台）": "300",
    "教师用计算机（台）": "110",
    "新配多媒体（台/套）": "20",
    "其中具有交互功能（台/套）": "19",
    "有线网络和无线网络双覆盖": "是",
    "智能广播，网络监控无盲点": "是",
    "应配功能室（间）": "12",
    "已建功能室（间）": "11",
    "专职实验教师（人）": "4",
    "生均公用经费总额（万元）": "200",
    "装备运行维护等支出（万元）": "50",
    "自评总分": "92",
    "填表人": "陈老师",
    "联系电话": "0577-61234567",
    "填表日期": "2018年9月14日",
}


@pytest.fixture(scope="module")
def spec():
    return get_form(FORM)


def fill(spec, answers: dict[str, str], path: Path) -> Path:
    """Write `answers` (label → text as typed) into the blank form and save it at `path`."""
    document = build_blank_form(spec)
    (table,) = document.tables
    written = set()
    for row in table.rows:
        label, value = row.cells[1], row.cells[2]
        text = answers.get(label.text)
        if text is None:
            continue
        printed = value.text
        if "□" in printed:  # yes/no and choice blanks: tick the option
            text = printed.replace(f"□{text}", f"☑{text}", 1)
        value.paragraphs[0].text = text
        written.add(label.text)
    assert written == set(answers), set(answers) - written
    document.save(str(path))
    return path


def parse_one(path: Path) -> Record:
    (record,) = list(parse_paths([str(path)]))
    return record


def codes(record: Record) -> list[str]:
    return [p.code for p in record.problems]


def test_definition_loads(spec):
    assert spec.title == "乐清市教育技术装备规范管理自查表"
    assert spec.issuer == "乐清市教育局"
    assert spec.filled_per == "学校"
    assert "自拟" in spec.attachment
    assert str(spec.due) == "2018年9月15日"
    assert spec.field("school").prefill == "学校名称"
    assert spec.field("school_type").options == ("小学", "初中", "普通高中")
    assert spec.field("self_score").max_score == 100
    assert spec.field("public_funds").unit == "万元"
    assert [d.id for d in spec.derived] == [
        "students_per_computer", "teachers_per_computer", "interactive_share",
        "room_coverage", "lab_teachers_required", "upkeep_share", "dual_network_met",
        "broadcast_monitoring_met", "grade",
    ]


def test_school_meeting_every_target_is_ok(spec, tmp_path):
    record = parse_one(fill(spec, MODEL_SCHOOL, tmp_path / "model.docx"))
    assert record.form == FORM
    assert record.status == "ok", record.problems
    assert "below_target" not in codes(record)
    assert record.value("school") == "乐清市第二中学"
    assert record.value("school_type") == "普通高中"
    assert record.value("dual_network") is True
    assert record.value("public_funds") == 200
    assert record.value("phone") == "057761234567"
    assert record.value("fill_date") == "2018-09-14"
    assert record.value("students_per_computer") == 4.0
    assert record.value("teachers_per_computer") == 0.91
    assert record.value("interactive_share") == 95.0
    assert record.value("room_coverage") == 91.67
    assert record.value("lab_teachers_required") == 4
    assert record.value("upkeep_share") == 25.0
    assert record.value("grade") == "示范"


def test_each_missed_target_is_one_notice_naming_the_target(spec, tmp_path):
    lagging = {
        **MODEL_SCHOOL,
        "学校名称": "乐清市城南中学",
        "学校类型": "初中",
        "班级数（个）": "25",              # 24个班以上初中配3人
        "学生用计算机（台）": "200",       # 1200 ÷ 200 = 6
        "教师用计算机（台）": "80",        # 100 ÷ 80 = 1.25
        "其中具有交互功能（台/套）": "15",  # 15 ÷ 20 = 75%
        "已建功能室（间）": "9",           # 9 ÷ 12 = 75%
        "专职实验教师（人）": "2",
        "装备运行维护等支出（万元）": "30",  # 30 ÷ 200 = 15%
        "自评总分": "85",
    }
    record = parse_one(fill(spec, lagging, tmp_path / "lagging.docx"))
    assert record.status == "ok", record.problems
    notices = {p.field: p.message for p in record.problems if p.code == "below_target"}
    assert len(notices) == len([p for p in record.problems if p.code == "below_target"])
    assert set(notices) == {
        "students_per_computer", "teachers_per_computer", "interactive_share",
        "room_coverage", "lab_teachers_required", "upkeep_share",
    }
    assert "6" in notices["students_per_computer"] and "5:1" in notices["students_per_computer"]
    assert "1:1" in notices["teachers_per_computer"]
    assert "90%以上" in notices["interactive_share"]
    assert "85%以上" in notices["room_coverage"]
    assert "应配 3，实有 2" in notices["lab_teachers_required"]
    assert "不低于20%" in notices["upkeep_share"]
    assert record.value("grade") == "达标"


@pytest.mark.parametrize(("school_type", "classes", "required"), [
    ("普通高中", 30, 4),
    ("普通高中", 24, 4),
    ("初中", 24, 3),
    ("初中", 15, 2),
    ("初中", 6, 1),
    ("小学", 36, 2),
    ("小学", 25, 1),
    ("小学", 10, 0),   # 其他小学：1位兼职实验教师，不要求专职
    ("普通高中", 20, None),  # 方案未规定
    ("初中", 4, None),       # 方案未规定
])
def test_lab_teacher_staffing_follows_the_plan(spec, school_type, classes, required):
    values = {"school_type": school_type, "classes": classes, "lab_teachers": 0}
    derived, findings = compute_derived(spec, values)
    staffing = next(d for d in derived if d.id == "lab_teachers_required")
    assert staffing.value == required
    missed = [f for f in findings if f.field == "lab_teachers_required"]
    assert len(missed) == (1 if required else 0)


def test_a_small_primary_school_without_lab_teachers_meets_the_plan(spec, tmp_path):
    small = {**MODEL_SCHOOL, "学校类型": "小学", "班级数（个）": "10", "专职实验教师（人）": "0"}
    record = parse_one(fill(spec, small, tmp_path / "small.docx"))
    assert record.value("lab_teachers_required") == 0
    assert "below_target" not in codes(record)
    explanation = next(f.raw for f in record.fields if f.id == "lab_teachers_required")
    assert "兼职" in explanation


@pytest.mark.parametrize(("score", "grade"), [
    (92, "示范"), (90, "示范"), (85, "达标"), (80, "达标"), (70, "未达标"),
])
def test_grade_from_self_score(spec, score, grade):
    derived, _ = compute_derived(spec, {"self_score": score})
    assert next(d.value for d in derived if d.id == "grade") == grade


def test_self_score_above_100_is_out_of_range(spec, tmp_path):
    record = parse_one(fill(spec, {**MODEL_SCHOOL, "自评总分": "120"}, tmp_path / "120.docx"))
    problem = next(p for p in record.problems if p.field == "self_score")
    assert problem.code == "score_out_of_range"
    assert "120" in problem.message
    assert record.status == "invalid"
    assert record.value("grade") is None


def test_sample_schools_are_prefilled_and_read_back(spec, tmp_path):
    roster = read_roster(SCHOOLS)
    copies = generate_copies(spec, roster, tmp_path)
    assert len(copies) == len(roster.rows) >= 10
    records = list(parse_paths([str(c.path) for c in copies]))
    got = [(r.value("school"), r.value("school_type")) for r in records]
    assert got == [(row.values["学校名称"], row.values["学校类型"]) for row in roster.rows]


def test_a_missing_network_condition_is_noted(spec, tmp_path):
    school = {**MODEL_SCHOOL}
    school_key = next(k for k in school if "双覆盖" in k)
    school[school_key] = "否"  # the helper ticks the option named
    record = parse_one(fill(spec, school, tmp_path / "no-wifi.docx"))
    notes = [p.message for p in record.problems if p.code == "below_target"]
    assert notes == ["有线无线双覆盖：未达到“学校有线网络和无线网络双覆盖”的要求"]
    assert record.status == "ok"
