"""Pre-filled copies: the right values in the right cells, identity inside, names safe."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from forms.registry import get_form
from generator.render import generate_copies
from parsers.batch import parse_paths
from parsers.docx import read_docx
from rosters.naming import clean_name_part
from rosters.roster import read_roster

HOSTILE_NAMES = ["{{ 7*7 }}", "A&B<c>", "../x", "/etc/x", "{% for x in y %}", "CON", "a:b*c?"]


def _cell_right_of(document, label):
    for table in document.tables:
        for row in table.rows:
            cells = row.cells
            for index, cell in enumerate(cells[:-1]):
                if cell.text.strip() == label:
                    return next(c for c in cells[index + 1:] if c._tc is not cell._tc).text
    raise AssertionError(f"label {label} not found")


def test_sixty_copies_one_per_project(generated_reports):
    assert len(generated_reports) == 60
    assert len({p.parent for p in generated_reports.values()}) == 1
    names = sorted(p.name for p in generated_reports.values())
    assert names[0] == "01_瑞安市陶山镇荆谷学校_智慧校园.docx"
    assert names[1] == "02_瑞安市陶山镇荆谷学校_云桌面机房.docx"


def test_row_one_holds_school_project_and_amount(generated_reports):
    document = Document(str(generated_reports["1-1"]))
    assert _cell_right_of(document, "学校") == "瑞安市陶山镇荆谷学校"
    assert _cell_right_of(document, "项目名称") == "智慧校园"
    assert _cell_right_of(document, "投入资金") == "150,000元"
    assert _cell_right_of(document, "项目负责人\n及联系方式") == ""
    (record,) = list(parse_paths([str(generated_reports["1-1"])]))
    assert (record.value("school"), record.value("project"), record.value("amount")) == (
        "瑞安市陶山镇荆谷学校", "智慧校园", 150000)
    assert record.status == "incomplete"


def test_each_copy_carries_form_version_and_key(generated_reports):
    grid = read_docx(generated_reports["6-3"])
    assert grid.properties == {
        "tianbiao.form": "ruian-2022-report", "tianbiao.version": "1", "tianbiao.key": "6-3",
    }


def test_hostile_school_names_stay_data_and_files_stay_inside(tmp_path):
    roster_file = tmp_path / "roster.csv"
    lines = ["序号,学校名称,项目名称,金额"]
    lines += [f'{i},"{name}",机房,100000' for i, name in enumerate(HOSTILE_NAMES, start=1)]
    roster_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "deep" / "out"
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    copies = generate_copies(get_form("ruian-2022-report"), read_roster(roster_file), out)
    after = sorted(str(p) for p in tmp_path.rglob("*"))
    created = set(after) - set(before)
    assert all(Path(p).parent == out or Path(p) in (out, out.parent) for p in map(Path, created))
    assert len(copies) == len(HOSTILE_NAMES)
    assert not Path("/etc/x.docx").exists()
    records = list(parse_paths([str(c.path) for c in copies]))
    assert [r.value("school") for r in records] == HOSTILE_NAMES


def test_cleaned_names_are_legal_on_windows_and_linux():
    assert clean_name_part("../x") == "x"
    assert clean_name_part("/etc/x") == "etc_x"
    assert clean_name_part("CON") == "_CON"
    assert clean_name_part("nul.txt") == "_nul.txt"
    assert clean_name_part("a\x00b:c") == "a_b_c"
    assert len(clean_name_part("长" * 95)) == 60


def test_the_forms_own_printed_text_is_never_evaluated_as_a_template(tmp_path):
    # A form inferred from an attachment from outside prints whatever the attachment printed:
    # template syntax in its title or a label is text in every copy, never run.
    import yaml

    from forms.loader import load_definition
    from generator.render import CopyRenderer

    source = Path(__file__).resolve().parents[2] / "forms/definitions/ruian-2022-report.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    title = "{{7*7}}报告{% for i in range(2) %}T{% endfor %}{# x #}"
    data["layout"][1] = {"title": title}
    data["layout"][2]["table"]["rows"][1]["cells"][0] = "学校{{ ''.__class__ }}{%"
    spec = load_definition(data, origin="outside.yaml")
    roster = read_roster(Path(__file__).resolve().parents[2] / "samples/ruian-2022-list.csv")
    copy = tmp_path / "copy.docx"
    copy.write_bytes(CopyRenderer(spec).render(roster.rows[0]))
    document = Document(str(copy))
    texts = [p.text for p in document.paragraphs]
    assert title in texts
    assert _cell_right_of(document, "学校{{ ''.__class__ }}{%") == "瑞安市陶山镇荆谷学校"
