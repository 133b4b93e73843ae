"""An inferred form does the whole round trip: pre-filled copies out, returns in every shape back.

The definition is inferred with a list; a copy generated from it and the original
attachment are each filled as a school fills them, then read as sent, re-saved by
LibreOffice, as Word 97 (.doc) and printed to PDF — the same values every time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from attachments import application_form
from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from cli import cli
from forms.registry import form_at
from generator.render import generate_copies
from inference import infer
from parsers.batch import parse_paths
from parsers.office import WORD_97, WORD_2007, WRITER_PDF, convert_batch
from rosters.roster import read_roster

pytestmark = pytest.mark.office

SHAPES = {"libreoffice": WORD_2007, "doc": WORD_97, "pdf": WRITER_PDF}
ROSTER = ("序号,学校名称,校长,投入资金（万元）\n"
          "1,长沙市实验小学,李华,35.5\n2,长沙市育才学校,周敏,12\n")
OPINION = "同意申报。\n\n负责人：李华        （盖章）\n2024年5月9日"


def _right_of(doc, label: str):
    """Return the cell right of the first cell reading `label` in any table of `doc`."""
    for table in doc.tables:
        for row in table.rows:
            cells = row.cells
            for index, cell in enumerate(cells[:-1]):
                if cell.text.strip() == label:
                    return next(c for c in cells[index + 1:] if c._tc is not cell._tc)
    raise AssertionError(f"no cell {label}")


def _fill(doc) -> None:
    """Type a school's answers into the blanks beside their labels."""
    _right_of(doc, "联系电话").text = "0731-8888 6666"
    _right_of(doc, "学生人数（人）").text = "1,260人"
    _right_of(doc, "是否已建校园网").text = "□是    ☑否"
    _right_of(doc, "学校意见").text = OPINION


@pytest.fixture(scope="module")
def returns(tmp_path_factory, soffice) -> tuple[Path, dict[tuple[str, str], Path]]:
    """Infer with a list, generate, fill a copy and the original, convert every shape once."""
    base = tmp_path_factory.mktemp("round-trip")
    attachment = application_form(base / "申报表.docx")
    roster_file = base / "名单.csv"
    roster_file.write_text(ROSTER, encoding="utf-8")
    roster = read_roster(roster_file)
    definition = base / "shenbaobiao.yaml"
    definition.write_text(infer(attachment, form_id="changsha-2024-smart",
                                roster=roster).yaml_text, encoding="utf-8")
    copies = generate_copies(form_at(definition), roster, base / "copies")
    copy = Document(str(copies[0].path))
    _fill(copy)
    filled_copy = base / "copy-filled.docx"
    copy.save(str(filled_copy))
    original = Document(str(attachment))
    _fill(original)
    _right_of(original, "学校名称").text = "长沙市实验小学"
    _right_of(original, "投入资金（万元）").text = "35.5万元"
    filled_original = base / "original-filled.docx"
    original.save(str(filled_original))
    files = {("docx", "copy"): filled_copy, ("docx", "original"): filled_original}
    for shape, target in SHAPES.items():
        converted = convert_batch([filled_copy, filled_original], target, base / shape)
        assert all(isinstance(p, Path) for p in converted.values()), converted
        files[(shape, "copy")] = converted[filled_copy]  # type: ignore[assignment]
        files[(shape, "original")] = converted[filled_original]  # type: ignore[assignment]
    return definition, files


@pytest.mark.parametrize("shape", ["docx", *SHAPES])
@pytest.mark.parametrize("made", ["copy", "original"])
def test_a_return_reads_the_same_in_every_shape(returns, shape, made):
    definition, files = returns
    (record,) = parse_paths([str(files[(shape, made)])], str(definition))
    values = {(f.label, f.column): f.value for f in record.fields}
    assert record.form == "changsha-2024-smart"
    assert values[("学校名称", None)] == "长沙市实验小学"
    assert values[("投入资金（万元）", None)] == 35.5
    assert values[("联系电话", None)] == "073188886666"
    assert values[("学生人数（人）", None)] == 1260
    assert values[("是否已建校园网", None)] is False
    assert values[("学校意见", None)] == "同意申报。"
    assert values[("学校意见", "负责人")] == "李华"
    assert values[("学校意见", "日期")] == "2024-05-09"


def test_the_copy_carries_the_list_row_it_was_made_for(returns):
    definition, files = returns
    (record,) = parse_paths([str(files[("docx", "copy")])], str(definition))
    assert record.key == "1"
    values = {f.label: f.value for f in record.fields}
    assert values["校长"] == "李华"  # pre-filled from the list's 校长 column


def test_the_office_commands_take_the_inferred_form_as_they_take_a_built_in_one(
        returns, tmp_path):
    definition, files = returns
    roster = definition.parent / "名单.csv"
    db = tmp_path / "campaign.db"
    runner = CliRunner()
    ingested = runner.invoke(cli, ["ingest", str(files[("pdf", "copy")]), "--form",
                                   str(definition), "--roster", str(roster), "--db", str(db)])
    assert ingested.exit_code == 0, ingested.output
    status = runner.invoke(cli, ["status", str(definition), "--roster", str(roster),
                                 "--db", str(db), "--format", "json", "--today", "2024-05-10"])
    assert status.exit_code == 0, status.output
    states = {row["key"]: row["state"] for row in json.loads(status.output)}
    assert states["1"] == "returned" and states["2"] in ("missing", "overdue")
    workbook = tmp_path / "summary.xlsx"
    summary = runner.invoke(cli, ["summary", str(definition), "--db", str(db),
                                  "--out", str(workbook)])
    assert summary.exit_code == 0, summary.output
    cells = [c.value for sheet in load_workbook(workbook) for row in sheet.iter_rows()
             for c in row]
    assert "长沙市实验小学" in cells and "073188886666" in cells and 35.5 in cells
