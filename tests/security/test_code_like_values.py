"""Values that look like code or markup stay plain text: generate, parse, store, summary."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from cli import cli

NAMES = ["{{ 7*7 }}", "{% for x in y %}{% endfor %}", "<w:t>x</w:t>", "A & B", "a < b",
         "=1+1", "@SUM(A1)", "+86", "-5", "../../etc/passwd", "C:\\Windows\\x",
         "CON", "长" * 95]


def test_names_survive_the_whole_round_trip(tmp_path):
    roster = tmp_path / "roster.csv"
    with roster.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["序号", "学校名称", "项目名称", "金额"])
        for number, name in enumerate(NAMES, start=1):
            writer.writerow([number, name, "机房", 100000])
    runner = CliRunner()
    out = tmp_path / "copies"
    result = runner.invoke(cli, ["generate", "ruian-2022-report", "--roster", str(roster),
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    copies = sorted(out.iterdir())
    assert len(copies) == len(NAMES)
    assert all(p.parent == out and len(p.name.encode()) < 255 for p in copies)
    assert not any(tmp_path.parent.glob("passwd*"))
    db = tmp_path / "store.db"
    result = runner.invoke(cli, ["ingest", str(out), "--db", str(db)])
    assert result.exit_code == 1, result.output  # stored; the copies are not filled in yet
    assert f"新收 {len(NAMES)}" in result.output
    workbook = tmp_path / "summary.xlsx"
    result = runner.invoke(cli, ["summary", "ruian-2022-report", "--db", str(db), "--out",
                                 str(workbook)])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(workbook)["汇总"]
    headers = [c.value for c in sheet[2]]
    column = headers.index("学校") + 1
    cells = [sheet.cell(row=r, column=column) for r in range(3, 3 + len(NAMES))]
    assert sorted(c.value for c in cells) == sorted(NAMES)
    assert all(c.data_type == "s" for c in cells)  # never a formula


def test_a_copy_shows_the_name_exactly(tmp_path):
    from docx import Document

    roster = tmp_path / "roster.csv"
    roster.write_text('序号,学校名称,项目名称,金额\n1,"{{ 7*7 }} & <b>",机房,1\n',
                      encoding="utf-8")
    out = tmp_path / "copies"
    CliRunner().invoke(cli, ["generate", "ruian-2022-report", "--roster", str(roster),
                             "--out", str(out)])
    (copy,) = out.iterdir()
    text = "\n".join(c.text for t in Document(str(copy)).tables for r in t.rows for c in r.cells)
    assert "{{ 7*7 }} & <b>" in text and "49" not in text
    assert Path(copy).name.startswith("01_")
