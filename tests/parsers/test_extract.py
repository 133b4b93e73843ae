"""Finding blanks by their labels where a school's layout differs from the form's."""

from __future__ import annotations

from forms.loader import load_definition
from forms.model import FormSpec
from forms.registry import get_form
from parsers.extract import extract, split_printed_parts
from parsers.grid import Cell, Grid, Table
from parsers.record import build_record

HENGYANG = get_form("hengyang-2018-application")


def test_a_date_run_on_the_signer_line_is_the_date():
    parts = HENGYANG.parts_of("unit_opinion")
    text, found = split_printed_parts("同意申报。\n负责人：王卫东    盖章：2018年9月10日", parts)
    assert text == "同意申报。"
    assert found == {"unit_signer": "王卫东", "unit_date": "2018年9月10日"}
    # Without the seal prompt between them, the date still is not the signer's name.
    _, found = split_printed_parts("同意。\n负责人：王卫东 2018年9月10日", parts)
    assert found == {"unit_signer": "王卫东", "unit_date": "2018年9月10日"}


def test_a_date_on_its_own_line_is_not_replaced_by_the_signer_line():
    parts = HENGYANG.parts_of("unit_opinion")
    text = "同意。\n负责人：王卫东 盖章：2018年9月1日\n2018年9月10日"
    _, found = split_printed_parts(text, parts)
    assert found["unit_date"] == "2018年9月10日"


def _plan_grid(*rows: list[Cell]) -> Grid:
    cells = [cell for row in rows for cell in row]
    return Grid([Table(cells, n_rows=len(rows), n_cols=4)])


def _found(grid: Grid) -> dict[str, str]:
    values, _ = extract(grid, HENGYANG)
    return {v.field.id: v.raw for v in values if v.found}


def test_text_typed_in_a_row_added_under_a_label_alone_in_its_row():
    plan = "1.建设人工智能创客教室2间。\n2.开发校本人工智能课程一套。"
    grid = _plan_grid(
        [Cell("试点实施方案要点（可另附页）：", 0, 0, colspan=4)],
        [Cell(plan, 1, 0, colspan=4)],
        [Cell("单位意见：\n同意申报。", 2, 0, colspan=2),
         Cell("县市区教育局意见：", 2, 2, colspan=2)],
    )
    assert _found(grid)["plan_points"] == plan


def test_an_empty_blank_does_not_take_the_next_blank_under_it():
    grid = _plan_grid(
        [Cell("试点实施方案要点（可另附页）：", 0, 0, colspan=4)],
        [Cell("单位意见：\n同意申报。", 1, 0, colspan=4)],
    )
    found = _found(grid)
    assert found["plan_points"] == ""
    assert found["unit_opinion"] == "同意申报。"


def test_a_signer_line_inside_a_partys_cell_is_the_signer():
    spec = get_form("yueyang-2020-taskbook")
    cell = Cell("试点项目承担单位（丙方）：           （公章）\n"
                "项目负责人（签字）：廖小光              年   月   日", 0, 0)
    values, _ = extract(Grid([Table([cell], n_rows=1, n_cols=1)]), spec)
    found = {v.field.id: v.raw for v in values if v.found}
    assert found["party_c_signer"] == "廖小光"
    assert found["party_c_date"] == "年   月   日"  # printed, left empty


SELF = get_form("zhongxian-2021-smart-campus-self")


def test_a_label_a_page_break_split_over_two_rows_is_found():
    # "是否参与重庆市智慧" at the foot of a page, "校园建设试点" at the head of the next; the
    # awards label beside it split the same way must not be read as the answer.
    cells = [
        Cell("是否参与重庆市智慧", 0, 0, rowspan=2), Cell("□是   ☑否", 0, 1, rowspan=2),
        Cell("教育信息化、智慧", 0, 2, rowspan=2), Cell("县级及以上", 0, 3), Cell("2", 0, 4),
        Cell("区县级", 1, 3), Cell("0", 1, 4),
        Cell("校园建设试点", 2, 0), Cell("", 2, 1), Cell("校园工作获奖数量（项）", 2, 2),
        Cell("", 2, 3), Cell("", 2, 4),
    ]
    values, _ = extract(Grid([Table(cells, n_rows=3, n_cols=5)]), SELF)
    found = {v.field.id: v.raw for v in values if v.found}
    assert found["cq_smart_campus_pilot"] == "□是   ☑否"
    assert found["awards_county_and_above"] == "2"
    assert found["awards_district"] == "0"


def _deeds_form() -> FormSpec:
    return load_definition({
        "id": "deeds", "title": "先进集体推荐表", "source": "S", "attachment": "附件1",
        "version": 1,
        "fields": [{"id": "school", "kind": "text"}, {"id": "deeds", "kind": "longtext"},
                   {"id": "computers", "kind": "integer", "unit": "台"}],
        "layout": [{"table": {"widths": [3, 9], "rows": [
            {"cells": ["学校", "{school}"]},
            {"cells": ["主要事迹（可另附页）", "{deeds}"]},
            {"cells": ["学生用计算机（台）", "{computers}"]},
        ]}}],
    }, origin="deeds.yaml")


def _read(spec: FormSpec, grid: Grid) -> dict[str, object]:
    values, rows = extract(grid, spec)
    return {f.id: f.value for f in build_record("x.docx", spec, values, rows).fields}


def test_a_label_hint_the_school_retyped_is_not_its_answer():
    spec = _deeds_form()
    grid = Grid([Table([
        Cell("学校", 0, 0), Cell("第一中学", 0, 1),
        Cell("主要事迹（可另附页）", 1, 0), Cell("（可另附页）：我校坚持……\n成效显著。", 1, 1),
        Cell("学生用计算机（台）", 2, 0), Cell("( 台 ) 120", 2, 1),
    ], n_rows=3, n_cols=2)])
    values = _read(spec, grid)
    assert values["deeds"] == "我校坚持……\n成效显著。"
    assert values["computers"] == 120
    assert values["school"] == "第一中学"


def test_a_hint_retyped_alone_leaves_the_blank_empty_and_one_inside_the_answer_stays():
    spec = _deeds_form()
    grid = Grid([Table([
        Cell("主要事迹（可另附页）", 0, 0), Cell("（可另附页）：", 0, 1),
        Cell("学生用计算机（台）", 1, 0), Cell("共120台", 1, 1),
    ], n_rows=2, n_cols=2)])
    assert _read(spec, grid)["deeds"] is None
    grid = Grid([Table([
        Cell("主要事迹（可另附页）", 0, 0), Cell("我校事迹较多（可另附页），见附页。", 0, 1),
    ], n_rows=1, n_cols=2)])
    assert _read(spec, grid)["deeds"] == "我校事迹较多（可另附页），见附页。"


def test_a_hint_retyped_in_the_row_added_under_an_inline_label():
    plan = "1.建设人工智能创客教室2间。"
    grid = _plan_grid(
        [Cell("试点实施方案要点（可另附页）：", 0, 0, colspan=4)],
        [Cell("（可另附页）：" + plan, 1, 0, colspan=4)],
    )
    assert _read(HENGYANG, grid)["plan_points"] == plan
