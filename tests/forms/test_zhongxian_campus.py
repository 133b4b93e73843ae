"""忠县智慧校园 forms (seed 003 附件3-1, 3-2, 3-3, 4): the blank forms, filled as a school
would with python-docx, read back with every value, mark and sub-cell where it belongs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx.document import Document
from docx.table import Table, _Cell

from forms.labels import label_key
from forms.layout import LINE_BLANK, build_blank_form, document_bytes
from forms.registry import get_form
from parsers.batch import parse_paths
from parsers.docx import read_docx
from parsers.record import Record

SELF = "zhongxian-2021-smart-campus-self"
K12 = "zhongxian-2021-smart-campus-k12"
VOCATIONAL = "zhongxian-2021-smart-campus-vocational"
ACCEPTANCE = "zhongxian-2021-acceptance"
AWARDS = "教育信息化、智慧校园工作获奖数量（项）"

K12_CATEGORIES = {
    "基本环境": range(1, 7), "资源建设": range(7, 9), "教育教学": range(9, 14),
    "家校共育": range(14, 16), "管理服务": range(16, 19), "数据管理与分析": range(19, 25),
    "制度保障": range(25, 33), "网络安全": range(33, 35), "创新与亮点": range(35, 36),
}
VOCATIONAL_CATEGORIES = {
    "基本环境": range(1, 8), "资源建设": range(8, 10), "教育教学": range(10, 14),
    "管理服务": range(14, 17), "实习实训": range(17, 19), "合作交流": range(19, 21),
    "数据管理与分析": range(21, 27), "制度保障": range(27, 33), "网络安全": range(33, 35),
    "创新与亮点": range(35, 36),
}

# 附件3-1 as one school fills it: field id → (what the school types, what must be read).
SELF_TYPED = {
    "school": ("忠县忠州第一小学", "忠县忠州第一小学"),
    "address": ("忠县忠州街道州屏环路1号", "忠县忠州街道州屏环路1号"),
    "contact_person": ("谭老师", "谭老师"),
    "contact_phone": ("023-5445 1234", "02354451234"),
    "fax": ("无", None),
    "email": ("zzyx@163.com", "zzyx@163.com"),
    "staff": ("126", 126),
    "students": ("2,315人", 2315),
    "it_department_name": ("信息技术中心", "信息技术中心"),
    "it_staff": ("3", 3),
    "investment": ("186.5", 186.5),
    "bandwidth": ("1000M", 1000),
    "wireless_aps": ("64个", 64),
    "terminals_per_100_students": ("12.5", 12.5),
    "terminals_per_100_teachers": ("110", 110),
    "interactive_equipment_rate": ("百分之八十五", 85),
    "smart_classrooms": ("6间", 6),
    "school_course_resources": ("12", 12),
    "teacher_space_rate": ("100%", 100),
    "student_space_rate": ("92.5%", 92.5),
}
SELF_TICKED = {  # yes/no field id → the option ticked
    "has_leading_group": "是", "has_it_department": "是", "has_plan": "是",
    "has_campus_network": "是", "wireless_full_coverage": "否",
    "on_cq_education_network": "是", "has_interaction": "是", "has_smart_push": "否",
    "has_one_stop_service": "否", "has_data_analysis": "是", "uses_iot": "否",
    "uses_cloud": "是", "moe_pilot": "否", "cq_pilot": "否", "cq_smart_campus_pilot": "是",
    "has_emergency_plan": "是", "has_disaster_backup": "是", "holds_security_drills": "是",
    "had_major_incident": "否",
}


# -- filling a blank form the way a school does ------------------------------------------

def _key(text: str) -> str:
    return label_key(text)


def _rows(document: Document) -> list[tuple[Table, list[_Cell]]]:
    return [(table, list(row.cells)) for table in document.tables for row in table.rows]


def _right_of(document: Document, label: str) -> _Cell:
    """Return the first cell right of the cell that prints `label` (merged cells once)."""
    for _, cells in _rows(document):
        for index, cell in enumerate(cells):
            if _key(cell.text) == _key(label):
                return next(c for c in cells[index + 1:] if c._tc is not cell._tc)
    raise AssertionError(f"no cell prints {label}")


def _type(cell: _Cell, text: str) -> None:
    """Type `text` into an empty cell, one paragraph per line."""
    lines = text.split("\n")
    cell.paragraphs[0].add_run(lines[0])
    for line in lines[1:]:
        cell.add_paragraph(line)


def _tick(cell: _Cell, *options: str) -> None:
    """Tick the box printed before each of `options` ("□是" → "☑是")."""
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            for option in options:
                run.text = run.text.replace(f"□{option}", f"☑{option}")


def _item_row(document: Document, code: int) -> list[_Cell]:
    """Return the cells of the row whose content cell starts with item number `code`."""
    pattern = re.compile(rf"^{code}\s*[.．]")
    for _, cells in _rows(document):
        if len(cells) > 1 and pattern.match(cells[1].text):
            return cells
    raise AssertionError(f"no row for item {code}")


def _blank_bytes(form_id: str) -> bytes:
    return document_bytes(build_blank_form(get_form(form_id)))


def _save_and_parse(document: Document, path: Path) -> Record:
    document.save(str(path))
    (record,) = list(parse_paths([str(path)]))
    return record


def _problem_codes(record: Record, field_id: str) -> set[str]:
    return {p.code for p in record.problems if p.field == field_id}


def _filled_self_assessment() -> Document:
    spec = get_form(SELF)
    document = build_blank_form(spec)
    for field_id, (typed, _) in SELF_TYPED.items():
        _type(_right_of(document, spec.field(field_id).label), typed)
    _tick(_right_of(document, "学校类别"), "普通中小学校")
    for field_id, option in SELF_TICKED.items():
        _tick(_right_of(document, spec.field(field_id).label), option)
    _type(_right_of(document, "县级及以上"), "3")
    _type(_right_of(document, "区县级"), "5项")
    return document


# -- the definitions ---------------------------------------------------------------------

@pytest.mark.parametrize("form_id", [SELF, K12, VOCATIONAL, ACCEPTANCE])
def test_definition_loads_with_its_attachment_number(form_id):
    spec = get_form(form_id)
    assert spec.attachment == {SELF: "附件3-1", K12: "附件3-2", VOCATIONAL: "附件3-3",
                               ACCEPTANCE: "附件4"}[form_id]
    assert spec.filled_per == "学校"


def test_self_assessment_prefills_the_school_from_the_roster():
    spec = get_form(SELF)
    assert [f.id for f in spec.fields if f.prefill] == ["school"]
    assert spec.field("school").prefill == "学校名称"
    assert spec.field("school_type").options == ("中职学校", "普通中小学校")


def test_self_assessment_kinds_follow_the_printed_units():
    spec = get_form(SELF)
    yes_no = {f.id for f in spec.fields if f.kind == "yesno"}
    assert yes_no == set(SELF_TICKED)
    assert all(f.label.startswith(("是否", "教学应用是否", "管理系统是否", "近三年是否"))
               for f in spec.fields if f.kind == "yesno")
    assert {f.id for f in spec.fields if f.kind == "percent"} == {
        "interactive_equipment_rate", "teacher_space_rate", "student_space_rate"}
    assert spec.field("investment").kind == "money"
    assert spec.field("investment").unit == "万元"
    assert spec.field("bandwidth").kind == "number"
    assert spec.field("contact_phone").kind == "phone"
    assert spec.field("email").kind == "email"
    for field_id in ("it_staff", "wireless_aps", "smart_classrooms", "school_course_resources",
                     "awards_county_and_above", "awards_district", "staff", "students"):
        assert spec.field(field_id).kind == "integer", field_id


def test_the_award_count_is_one_label_split_in_two_sub_cells():
    spec = get_form(SELF)
    upper, district = spec.field("awards_county_and_above"), spec.field("awards_district")
    assert (upper.label, upper.column) == (AWARDS, "县级及以上")
    assert (district.label, district.column) == (AWARDS, "区县级")


@pytest.mark.parametrize("form_id, categories", [(K12, K12_CATEGORIES),
                                                  (VOCATIONAL, VOCATIONAL_CATEGORIES)])
def test_construction_tables_have_35_items_under_their_printed_categories(form_id, categories):
    spec = get_form(form_id)
    for column in ("建设情况", "支撑材料清单"):
        codes = [f.item for f in spec.fields if f.item and f.column == column]
        assert codes == [str(n) for n in range(1, 36)], column
    grid = read_docx(_blank_bytes(form_id))
    (table,) = grid.tables
    printed = {}
    for n in range(1, 36):
        row = next(c.row for c in table.cells
                   if c.col == 1 and re.match(rf"^{n}\s*[.．]", c.text))
        printed[n] = "".join(table.cell_at(row, 0).text.split())
    expected = {n: name for name, numbers in categories.items() for n in numbers}
    assert printed == expected


def test_item_19_is_data_management_in_k12_and_cooperation_in_vocational():
    grid_k12 = read_docx(_blank_bytes(K12))
    grid_vocational = read_docx(_blank_bytes(VOCATIONAL))
    for grid, category in ((grid_k12, "数据管理与分析"), (grid_vocational, "合作交流")):
        (table,) = grid.tables
        row = next(c.row for c in table.cells if c.col == 1 and c.text.startswith("19."))
        assert "".join(table.cell_at(row, 0).text.split()) == category


# -- 附件3-1 read back --------------------------------------------------------------------

def test_self_assessment_gives_every_value_back(tmp_path):
    record = _save_and_parse(_filled_self_assessment(), tmp_path / "自评表.docx")
    assert record.form == SELF
    assert record.status == "ok", record.problems
    for field_id, (_, expected) in SELF_TYPED.items():
        assert record.value(field_id) == expected, field_id
    assert record.value("school_type") == "普通中小学校"
    for field_id, option in SELF_TICKED.items():
        assert record.value(field_id) is (option == "是"), field_id
    assert record.value("awards_county_and_above") == 3
    assert record.value("awards_district") == 5


def test_award_sub_cells_carry_the_cell_label_and_their_sub_label(tmp_path):
    record = _save_and_parse(_filled_self_assessment(), tmp_path / "自评表.docx")
    fields = {f["id"]: f for f in record.as_json()["fields"]}
    assert fields["awards_county_and_above"] == {
        "id": "awards_county_and_above", "label": AWARDS, "column": "县级及以上",
        "value": 3, "raw": "3"}
    assert fields["awards_district"] == {
        "id": "awards_district", "label": AWARDS, "column": "区县级", "value": 5, "raw": "5项"}
    assert fields["cq_smart_campus_pilot"]["label"] == "是否参与重庆市智慧校园建设试点"
    assert fields["cq_smart_campus_pilot"]["column"] is None
    assert fields["has_plan"]["label"] == "是否制定智慧校园建设规划"


def _untick(cell: _Cell) -> None:
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            run.text = run.text.replace("☑", "□")


def test_unmarked_yes_no_is_null(tmp_path):
    document = _filled_self_assessment()
    _untick(_right_of(document, "是否使用云服务"))
    record = _save_and_parse(document, tmp_path / "漏勾.docx")
    assert record.value("uses_cloud") is None
    record = _save_and_parse(build_blank_form(get_form(SELF)), tmp_path / "空白.docx")
    assert all(record.value(f.id) is None for f in get_form(SELF).fields if f.kind == "yesno")
    assert record.value("awards_district") is None


def test_unmarked_required_yes_no_is_reported(tmp_path):
    document = _filled_self_assessment()
    _untick(_right_of(document, "是否使用云服务"))
    record = _save_and_parse(document, tmp_path / "漏勾.docx")
    assert "required" in _problem_codes(record, "uses_cloud")
    assert record.status == "incomplete"


def test_both_boxes_ticked_is_an_ambiguous_mark(tmp_path):
    document = _filled_self_assessment()
    _tick(_right_of(document, "是否使用云服务"), "是", "否")
    record = _save_and_parse(document, tmp_path / "两个都勾.docx")
    assert record.value("uses_cloud") is None
    assert _problem_codes(record, "uses_cloud") == {"ambiguous_mark"}
    assert record.status == "invalid"


def test_percent_written_in_words_reads_as_a_number(tmp_path):
    record = _save_and_parse(_filled_self_assessment(), tmp_path / "自评表.docx")
    assert record.value("interactive_equipment_rate") == 85
    raw = next(f.raw for f in record.fields if f.id == "interactive_equipment_rate")
    assert raw == "百分之八十五"


# -- 附件3-2 and 附件3-3 read back --------------------------------------------------------

@pytest.mark.parametrize("form_id", [K12, VOCATIONAL])
def test_construction_table_gives_every_item_back(form_id, tmp_path):
    document = build_blank_form(get_form(form_id))
    for n in range(1, 36):
        cells = _item_row(document, n)
        _type(cells[2], f"第{n}项已建成。\n正常使用。")
        if n % 5 == 0:
            _type(cells[3], f"{n}-1.照片\n{n}-2.制度文件")
    record = _save_and_parse(document, tmp_path / f"{form_id}.docx")
    assert record.form == form_id
    assert record.status == "ok", record.problems
    for n in range(1, 36):
        assert record.value(f"n{n}_status") == f"第{n}项已建成。\n正常使用。", n
        expected = f"{n}-1.照片\n{n}-2.制度文件" if n % 5 == 0 else None
        assert record.value(f"n{n}_materials") == expected, n
    fields = {f["id"]: f for f in record.as_json()["fields"]}
    assert (fields["n19_status"]["label"], fields["n19_status"]["column"]) == ("19", "建设情况")
    assert (fields["n35_materials"]["label"], fields["n35_materials"]["column"]) == (
        "35", "支撑材料清单")


def test_a_blank_construction_table_reads_empty_and_incomplete(tmp_path):
    record = _save_and_parse(build_blank_form(get_form(K12)), tmp_path / "空白.docx")
    assert record.form == K12
    assert all(f.value is None for f in record.fields)
    assert record.status == "incomplete"


def test_numbered_material_lists_do_not_hide_items_12_or_34(tmp_path):
    # The official form prints "1. / 2." and "3. / 4." in the first 支撑材料清单 cells; a
    # school that keeps such bare numbers leaves cells whose text reads "12" and "34".
    document = build_blank_form(get_form(K12))
    _type(_item_row(document, 1)[3], "1.\n2.")
    _type(_item_row(document, 2)[3], "3.\n4.")
    _type(_item_row(document, 3)[3], "……")
    for n in (1, 2, 3, 4, 12, 34):
        _type(_item_row(document, n)[2], f"情况{n}")
    record = _save_and_parse(document, tmp_path / "编号.docx")
    for n in (1, 2, 3, 4, 12, 34):
        assert record.value(f"n{n}_status") == f"情况{n}", n
    # Bare list numbers are what the original form prints for a school to write after.
    assert record.value("n1_materials") is None
    assert record.value("n2_materials") is None


def test_a_value_starting_with_a_later_item_number_stays_in_its_row(tmp_path):
    document = build_blank_form(get_form(K12))
    _type(_item_row(document, 2)[2], "3台传感网关，覆盖全校。")
    _type(_item_row(document, 2)[3], "3.网关照片\n4.采购合同")
    _type(_item_row(document, 3)[2], "服务器资源冗余35%。")
    record = _save_and_parse(document, tmp_path / "以数字开头.docx")
    assert record.value("n2_status") == "3台传感网关，覆盖全校。"
    assert record.value("n3_status") == "服务器资源冗余35%。"


# -- 附件4 read back ----------------------------------------------------------------------

def _fill_line(document: Document, values: list[str]) -> None:
    """Type `values` into the underlined blanks of the line above the table, in order."""
    runs = [r for p in document.paragraphs for r in p.runs
            if r.text in (LINE_BLANK, "2021年  月  日")]
    assert len(runs) == len(values)
    for run, value in zip(runs, values, strict=True):
        run.text = value


def test_acceptance_form_gives_every_value_back(tmp_path):
    document = build_blank_form(get_form(ACCEPTANCE))
    _fill_line(document, ["忠县实验中学", "2021年4月8日"])
    _type(_right_of(document, "学校负责人"), "张校长")
    _type(_right_of(document, "项目责任人"), "李主任")
    _type(_right_of(document, "申报验收项目"), "智慧校园创建")
    _type(_right_of(document, "预期效果"), "建成市级智慧校园示范校。")
    _type(_right_of(document, "学校推荐意见"), "同意申报。")
    record = _save_and_parse(document, tmp_path / "申报表.docx")
    assert record.form == ACCEPTANCE
    assert record.status == "ok", record.problems
    assert record.value("school") == "忠县实验中学"
    assert record.value("apply_date") == "2021-04-08"
    assert record.value("principal") == "张校长"
    assert record.value("project_leader") == "李主任"
    assert record.value("project") == "智慧校园创建"
    assert record.value("expected_effect") == "建成市级智慧校园示范校。"
    assert record.value("school_opinion") == "同意申报。"
    assert record.value("bureau_opinion") is None
    # The printed "另附自查报告（3000字以内）" is guidance, not what the school wrote.
    assert record.value("achievements") is None
    labels = {f["id"]: f["label"] for f in record.as_json()["fields"]}
    assert labels["school"] == "申报学校（盖章）"
    assert labels["apply_date"] == "时间"


def test_acceptance_achievements_written_above_the_guidance_are_read(tmp_path):
    document = build_blank_form(get_form(ACCEPTANCE))
    _type(_right_of(document, "取得的成绩或主要做法"), "详见自查报告。")
    record = _save_and_parse(document, tmp_path / "申报表.docx")
    assert record.value("achievements") == "详见自查报告。"
