"""衡阳 2018 教育信息化试点项目申报 (seed 002): 汇总表, 申请表 and the 工作方案 outline.

Each test takes the blank official form, fills it with python-docx the way a county clerk
or a school would (tick a category, write phones, sign an opinion, write under the outline's
headings), saves it and reads it back with ``parse_paths``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx.document import Document
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from cli import cli
from forms.layout import build_blank_form
from forms.registry import get_form
from generator.render import generate_copies
from parsers.batch import parse_paths
from parsers.office import WORD_2007, WRITER_PDF, convert_batch
from parsers.record import Record
from rosters.roster import read_roster

SUMMARY = "hengyang-2018-summary"
APPLICATION = "hengyang-2018-application"
OUTLINE = "hengyang-2018-plan-outline"
APPLICANTS = Path(__file__).resolve().parents[2] / "samples" / "hengyang-2018-applicants.csv"
CATEGORIES = ["网络联校创新应用", "区域智慧教育", "教育网络安全", "人工数字智能教室"]
COUNTIES = ["衡阳县", "衡南县", "衡山县", "衡东县", "祁东县", "耒阳市", "常宁市",
            "珠晖区", "雁峰区", "石鼓区", "蒸湘区", "南岳区"]

# What a school writes into its 申请表 (label as printed → text as typed).
SCHOOL = {
    "申报单位：": "衡南县云集镇中心学校",
    "项目名称：": "云集镇中心学校网络联校“同步课堂”",
    "负责人": ("李建国", "139 0734 1001"),
    "联系人": ("王芳", "0734-8523106"),
}
PLAN_POINTS = [
    "一、以中心学校为主讲课堂，带动6个教学点开齐开足课程。",
    "二、2018年10月起分三期实施。",
]


def write(paragraph: Paragraph, text: str) -> None:
    """Replace the text of `paragraph`, keeping its first run's font."""
    runs = paragraph.runs
    if not runs:
        paragraph.add_run(text)
        return
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def write_lines(cell: _Cell, first: Paragraph, lines: list[str]) -> None:
    """Write `lines` into `cell` from paragraph `first` on, one paragraph per line."""
    write(first, lines[0])
    anchor = first
    for line in lines[1:]:
        new = cell.add_paragraph(line)
        anchor._p.addnext(new._p)
        anchor = new


def cells_of_row(document: Document, first_label: str) -> list[_Cell]:
    """Return the distinct cells of the table row whose first cell reads `first_label`."""
    for table in document.tables:
        for row in table.rows:
            if row.cells[0].text.strip() == first_label:
                distinct: list[_Cell] = []
                for cell in row.cells:
                    if not distinct or distinct[-1]._tc is not cell._tc:
                        distinct.append(cell)
                return distinct
    raise AssertionError(f"no row starts with {first_label}")


def labelled_cell(document: Document, label: str) -> _Cell:
    """Return the cell that prints `label` at its top (试点实施方案要点, 单位意见 ...)."""
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.paragraphs[0].text.strip() == label:
                    return cell
    raise AssertionError(f"no cell labelled {label}")


def sign(cell: _Cell, opinion: str, signer: str, date: str) -> None:
    """Write an opinion under the cell's label, the signer after 负责人：, the date."""
    write(cell.paragraphs[1], opinion)
    for paragraph in cell.paragraphs:
        if paragraph.text.startswith("负责人："):
            write(paragraph, paragraph.text.replace("负责人：", f"负责人：{signer}", 1))
        elif paragraph.text.replace(" ", "") == "年月日":
            write(paragraph, date)


def tick(cell: _Cell, *numbers: str) -> None:
    """Tick the printed options with circled `numbers` (□② → ☑②)."""
    paragraph = next(p for p in cell.paragraphs if "□" in p.text)
    text = paragraph.text
    for number in numbers:
        text = text.replace(f"□{number}", f"☑{number}")
    write(paragraph, text)


def filled_application(*, ticks: tuple[str, ...] = ("②",), contact_phone: str | None = None
                       ) -> Document:
    """Return the blank 申请表 filled the way 云集镇中心学校 fills it."""
    document = build_blank_form(get_form(APPLICATION))
    for label in ("申报单位：", "项目名称："):
        write(cells_of_row(document, label)[1].paragraphs[0], SCHOOL[label])
    tick(cells_of_row(document, "申报类别：")[1], *ticks)
    for label in ("负责人", "联系人"):
        name, phone = SCHOOL[label]
        _, name_cell, phone_label, phone_cell = cells_of_row(document, label)
        assert phone_label.text == "手机号码"
        write(name_cell.paragraphs[0], name)
        write(phone_cell.paragraphs[0], phone)
    if contact_phone is not None:
        write(cells_of_row(document, "联系人")[3].paragraphs[0], contact_phone)
    plan = labelled_cell(document, "试点实施方案要点（可另附页）：")
    write_lines(plan, plan.paragraphs[1], PLAN_POINTS)
    sign(labelled_cell(document, "单位意见："), "同意申报，学校配套经费5万元。", "赵国强",
         "2018年9月10日")
    sign(labelled_cell(document, "县市区教育局意见："), "经初审，同意推荐。", "刘红",
         "2018.9.14")
    return document


def parse_one(document: Document, path: Path, form_id: str | None = None) -> Record:
    """Save `document` at `path` and read it back."""
    document.save(str(path))
    (record,) = list(parse_paths([str(path)], form_id))
    return record


def field_of(record: Record, field_id: str) -> tuple[str, str | None]:
    """Return (label, column) a record names blank `field_id` by."""
    found = next(f for f in record.fields if f.id == field_id)
    return found.label, found.column


def codes(record: Record) -> dict[str, str]:
    """Return {field: problem code} of `record`."""
    return {p.field or "": p.code for p in record.problems}


# -- definitions ------------------------------------------------------------------------


def test_the_three_attachments_of_the_notice_are_defined():
    summary, application, outline = (get_form(i) for i in (SUMMARY, APPLICATION, OUTLINE))
    for spec, attachment in ((summary, "附件1"), (application, "附件2"), (outline, "附件3")):
        assert spec.attachment == attachment
        assert spec.source == "关于组织衡阳市2018年教育信息化试点项目申报工作的通知"
        assert spec.issuer == "衡阳市教育局"
        assert str(spec.due) == "2018年9月17日"
        assert spec.contact == "市教育局信息化办，刘阳，0734-8811332"
    assert (summary.kind, summary.filled_per) == ("form", "县市区教育局")
    assert (application.kind, application.filled_per) == ("form", "申报单位")
    assert application.roster == SUMMARY
    assert outline.kind == "outline"


def test_application_prints_the_four_categories_as_the_notice_numbers_them():
    category = get_form(APPLICATION).field("category")
    assert category.kind == "choice"
    assert category.options == ("①网络联校创新应用", "②区域智慧教育", "③教育网络安全",
                                "④人工数字智能教室")
    document = build_blank_form(get_form(APPLICATION))
    printed = cells_of_row(document, "申报类别：")[1].text.split()
    assert printed == ["□①网络联校创新应用", "□②区域智慧教育", "□③教育网络安全",
                       "□④人工数字智能教室"]


def test_summary_rows_carry_what_the_application_asks_of_each_applicant():
    (repeat,) = get_form(SUMMARY).repeats
    assert repeat.label == "申报项目"
    assert [c.header for c in repeat.columns] == [
        "序号", "申报单位", "申报项目名称", "申报类别", "负责人", "手机号码"]
    category = next(c for c in repeat.columns if c.header == "申报类别")
    assert category.options == get_form(APPLICATION).field("category").options


def test_outline_has_six_sections_all_required():
    sections = [f for f in get_form(OUTLINE).fields if f.locate == "section"]
    assert [s.label for s in sections] == [
        "一、概述", "二、试点项目立项必要性及可行性分析", "三、试点工作实施方案",
        "四、试点工作效益及风险分析", "五、结论", "六、佐证材料"]
    assert [len(s.guidance) for s in sections] == [4, 3, 6, 2, 0, 0]
    assert all(s.required for s in sections)
    assert sections[0].guidance[0] == "1．项目名称；"


# -- 申请表 ------------------------------------------------------------------------------


def test_application_gives_back_every_value(tmp_path):
    record = parse_one(filled_application(), tmp_path / "申请表.docx")
    assert record.form == APPLICATION
    assert record.status == "ok", record.problems
    assert {f.id: f.value for f in record.fields} == {
        "applicant": "衡南县云集镇中心学校",
        "category": "区域智慧教育",
        "project": "云集镇中心学校网络联校“同步课堂”",
        "leader": "李建国",
        "leader_phone": "13907341001",
        "contact": "王芳",
        "contact_phone": "07348523106",
        "plan_points": "\n".join(PLAN_POINTS),
        "unit_opinion": "同意申报，学校配套经费5万元。",
        "unit_signer": "赵国强",
        "unit_date": "2018-09-10",
        "county_opinion": "经初审，同意推荐。",
        "county_signer": "刘红",
        "county_date": "2018-09-14",
        "city_opinion": None,
        "city_signer": None,
        "city_date": None,
    }


def test_opinion_cells_name_their_signer_and_date_lines(tmp_path):
    record = parse_one(filled_application(), tmp_path / "申请表.docx")
    assert field_of(record, "unit_opinion") == ("单位意见", None)
    assert field_of(record, "unit_signer") == ("单位意见", "负责人")
    assert field_of(record, "unit_date") == ("单位意见", "日期")
    assert field_of(record, "county_date") == ("县市区教育局意见", "日期")
    assert field_of(record, "city_signer") == ("市教育局意见", "负责人")


def test_the_two_phone_blanks_are_read_from_their_own_rows(tmp_path):
    record = parse_one(filled_application(contact_phone="13807342002"), tmp_path / "a.docx")
    assert record.value("leader_phone") == "13907341001"
    assert record.value("contact_phone") == "13807342002"
    assert record.value("leader") == "李建国"
    assert record.value("contact") == "王芳"
    assert field_of(record, "contact_phone") == ("联系人", "手机号码")


def test_two_categories_ticked_is_ambiguous(tmp_path):
    record = parse_one(filled_application(ticks=("①", "③")), tmp_path / "两项.docx")
    assert codes(record)["category"] == "ambiguous_mark"
    assert record.value("category") is None
    assert record.status == "invalid"


def test_a_phone_number_short_of_a_digit_is_refused(tmp_path):
    record = parse_one(filled_application(contact_phone="1380734200"), tmp_path / "bad.docx")
    assert codes(record) == {"contact_phone": "bad_phone"}
    assert "1380734200" in record.problems[0].message
    assert record.value("leader_phone") == "13907341001"
    assert record.status == "invalid"


def test_application_survives_libreoffice_and_pdf(tmp_path, soffice):
    source = tmp_path / "申请表.docx"
    as_sent = parse_one(filled_application(contact_phone="13807342002"), source)
    expected = {f.id: f.value for f in as_sent.fields}
    assert expected["contact_phone"] == "13807342002"
    assert expected["county_date"] == "2018-09-14"
    for name, target in (("libreoffice", WORD_2007), ("pdf", WRITER_PDF)):
        (converted,) = convert_batch([source], target, tmp_path / name).values()
        assert isinstance(converted, Path), converted
        (record,) = list(parse_paths([str(converted)]))
        assert record.form == APPLICATION
        assert {f.id: f.value for f in record.fields} == expected, name


def test_empty_plan_points_are_required(tmp_path):
    document = filled_application()
    plan = labelled_cell(document, "试点实施方案要点（可另附页）：")
    for paragraph in plan.paragraphs[1:]:
        write(paragraph, "")
    record = parse_one(document, tmp_path / "无要点.docx")
    assert record.value("plan_points") is None
    assert codes(record).get("plan_points") == "required"


def test_no_category_ticked_is_required(tmp_path):
    record = parse_one(filled_application(ticks=()), tmp_path / "未勾选.docx")
    assert record.value("category") is None
    assert codes(record).get("category") == "required"


# -- 汇总表 ------------------------------------------------------------------------------

# One county's applications as its clerk types them: categories by number, by name, ticked.
ROWS = [
    ["1", "衡南县云集镇中心学校", "网络联校“同步课堂”", "①", "李建国", "139 0734 1001"],
    ["2", "衡南县第一中学", "校园网络安全防护", "③教育网络安全", "陈刚", "13807342002"],
    ["3", "衡南县教育局", "衡南县区域智慧教育平台", "区域智慧教育", "周敏", "0734-8811332"],
]


def filled_summary(rows: list[list[str]]) -> Document:
    """Return the blank 汇总表 filled by 衡南县教育局 with `rows`."""
    document = build_blank_form(get_form(SUMMARY))
    line = next(p for p in document.paragraphs if p.text.startswith("县市区教育局名称"))
    bureau, reporter = [run for run in line.runs if run.underline]
    bureau.text, reporter.text = "衡南县教育局", "谭小平"
    (table,) = document.tables
    assert [c.text for c in table.rows[0].cells][:3] == ["序号", "申报单位", "申报项目名称"]
    for row, values in zip(table.rows[1:], rows, strict=False):
        for cell, value in zip(row.cells, values, strict=True):
            write(cell.paragraphs[0], value)
    return document


def test_summary_gives_back_the_bureau_and_every_row(tmp_path):
    record = parse_one(filled_summary(ROWS), tmp_path / "衡南县汇总表.docx")
    assert record.form == SUMMARY
    assert record.status == "ok", record.problems
    assert record.value("bureau") == "衡南县教育局"
    assert record.value("reporter") == "谭小平"
    assert field_of(record, "bureau") == ("县市区教育局名称（盖章）", None)
    assert field_of(record, "reporter") == ("填报负责人", None)
    assert record.rows["申报项目"] == [
        {"序号": 1, "申报单位": "衡南县云集镇中心学校", "申报项目名称": "网络联校“同步课堂”",
         "申报类别": "网络联校创新应用", "负责人": "李建国", "手机号码": "13907341001"},
        {"序号": 2, "申报单位": "衡南县第一中学", "申报项目名称": "校园网络安全防护",
         "申报类别": "教育网络安全", "负责人": "陈刚", "手机号码": "13807342002"},
        {"序号": 3, "申报单位": "衡南县教育局", "申报项目名称": "衡南县区域智慧教育平台",
         "申报类别": "区域智慧教育", "负责人": "周敏", "手机号码": "07348811332"},
    ]


def test_summary_row_with_a_category_not_in_the_notice_is_refused(tmp_path):
    rows = [ROWS[0], ["2", "衡南县第一中学", "智慧校园", "智慧校园", "陈刚", "13807342002"]]
    record = parse_one(filled_summary(rows), tmp_path / "衡南县汇总表.docx")
    assert codes(record) == {"applications.category": "unknown_option"}
    assert record.rows["申报项目"][1]["申报类别"] is None


# -- 工作方案（编写提纲）------------------------------------------------------------------

SECTIONS = {
    "一、概述": ["项目名称：云集镇中心学校网络联校“同步课堂”。",
                "试点期限：2018年10月至2019年12月。"],
    "二、试点项目立项必要性及可行性分析": ["全镇6个教学点缺英语、音乐教师。"],
    "三、试点工作实施方案": ["中心学校主讲，教学点同步听课。"],
    "四、试点工作效益及风险分析": ["网络带宽不足是主要风险。"],
    "五、结论": ["试点可行。"],
    "六、佐证材料": ["教学点名单、设备清单（附后）。"],
}


def filled_outline(*, skip: str | None = None, delete: str | None = None) -> Document:
    """Return the outline with text under each heading; guidance lines stay where printed."""
    document = build_blank_form(get_form(OUTLINE))
    paragraphs = document.paragraphs
    for heading, lines in SECTIONS.items():
        start = next(i for i, p in enumerate(paragraphs) if p.text == heading)
        end = next((i for i, p in enumerate(paragraphs[start + 1:], start + 1)
                    if p.text in SECTIONS), len(paragraphs))
        if heading == delete:
            for paragraph in paragraphs[start:end]:
                paragraph._p.getparent().remove(paragraph._p)
            continue
        if heading == skip:
            continue
        space = next(p for p in paragraphs[start + 1:end] if not p.text.strip())
        anchor = space
        write(space, lines[0])
        for line in lines[1:]:
            new = document.add_paragraph(line)
            anchor._p.addnext(new._p)
            anchor = new
    return document


SECTION_IDS = {
    "一、概述": "overview",
    "二、试点项目立项必要性及可行性分析": "necessity",
    "三、试点工作实施方案": "implementation",
    "四、试点工作效益及风险分析": "benefits_risks",
    "五、结论": "conclusion",
    "六、佐证材料": "evidence",
}


def test_outline_gives_back_each_section_without_its_guidance(tmp_path):
    record = parse_one(filled_outline(), tmp_path / "工作方案.docx", OUTLINE)
    assert record.status == "ok", record.problems
    assert {f.id: f.value for f in record.fields} == {
        SECTION_IDS[heading]: "\n".join(lines) for heading, lines in SECTIONS.items()}
    assert field_of(record, "overview") == ("一、概述", None)


def test_outline_with_a_section_deleted_names_it(tmp_path):
    record = parse_one(filled_outline(delete="四、试点工作效益及风险分析"), tmp_path / "缺节.docx",
                       OUTLINE)
    assert codes(record) == {"benefits_risks": "label_missing"}
    assert "四、试点工作效益及风险分析" in record.problems[0].message
    assert record.value("conclusion") == "试点可行。"
    assert record.status == "incomplete"


@pytest.mark.parametrize("heading", ["三、试点工作实施方案", "六、佐证材料"])
def test_outline_with_a_section_left_empty_is_incomplete(tmp_path, heading):
    record = parse_one(filled_outline(skip=heading), tmp_path / "空节.docx", OUTLINE)
    assert codes(record) == {SECTION_IDS[heading]: "required"}
    assert record.value(SECTION_IDS[heading]) is None
    assert record.status == "incomplete"


def test_outline_is_recognised_without_naming_the_form(tmp_path):
    record = parse_one(filled_outline(), tmp_path / "工作方案.docx")
    assert record.form == OUTLINE


# -- roster and pre-filled copies -------------------------------------------------------


def test_applicants_roster_has_the_summary_columns_and_every_county():
    roster = read_roster(APPLICANTS)
    (repeat,) = get_form(SUMMARY).repeats
    assert roster.headers == [c.header for c in repeat.columns]
    assert len(roster.rows) == 12
    assert [row.key for row in roster.rows] == [str(n) for n in range(1, 13)]
    for county in COUNTIES:
        assert any(county in row.get("申报单位") or county in row.get("申报项目名称")
                   for row in roster.rows), county
    assert {row.get("申报类别") for row in roster.rows} == set(CATEGORIES)


def test_one_prefilled_application_per_applicant(tmp_path):
    roster = read_roster(APPLICANTS, get_form(SUMMARY))
    copies = generate_copies(get_form(APPLICATION), roster, tmp_path)
    assert len(copies) == 12
    by_key = {copy.key: copy.path for copy in copies}
    assert by_key["2"].name.startswith("02_衡南县云集镇中心学校_")
    (record,) = list(parse_paths([str(by_key["2"])]))
    assert record.form == APPLICATION
    assert (record.value("applicant"), record.value("project"), record.value("leader"),
            record.value("leader_phone")) == (
        "衡南县云集镇中心学校", "云集镇中心学校网络联校“同步课堂”", "李建国", "13907340102")
    assert record.status == "incomplete"
    assert {"contact", "contact_phone", "unit_opinion"} <= set(codes(record))


def test_roster_then_generate_then_parse_on_the_command_line(tmp_path):
    runner = CliRunner()
    listed = runner.invoke(cli, ["roster", str(APPLICANTS), "--format", "json"])
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.output)["rows"]
    assert rows[6]["申报单位"] == "常宁市教育局"
    assert rows[6]["申报类别"] == "区域智慧教育"
    out = tmp_path / "申请表"
    made = runner.invoke(cli, ["generate", APPLICATION, "--roster", str(APPLICANTS),
                               "--out", str(out)])
    assert made.exit_code == 0, made.output
    assert len(list(out.glob("*.docx"))) == 12
    parsed = runner.invoke(cli, ["parse", "--format", "jsonl", str(out)])
    records = [json.loads(line) for line in parsed.output.splitlines() if line.startswith("{")]
    assert len(records) == 12
    assert {r["form"] for r in records} == {APPLICATION}
    assert sorted(next(f["value"] for f in r["fields"] if f["id"] == "leader_phone")
                  for r in records) == [f"139073401{n:02d}" for n in range(1, 13)]
