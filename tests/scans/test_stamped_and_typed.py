"""A stamped scan and the .docx of the same return both arrive: both kept, compared."""

from __future__ import annotations

import json

from click.testing import CliRunner
from docx import Document

from cli import cli
from scans.conftest import REPORT


def _run(*args: object) -> str:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code in (0, 1), result.output
    return result.output


def _with_amount(target, amount: str):
    document = Document(str(REPORT))
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.text.strip() == "150,000元":
                    cell.paragraphs[0].runs[0].text = amount
                    for run in cell.paragraphs[0].runs[1:]:
                        run.text = ""
    document.save(str(target))
    return target


def test_numbers_changed_after_stamping_are_flagged_and_both_versions_kept(scans, tmp_path):
    db = tmp_path / "store.db"
    _run("ingest", scans.files["report-stamped.pdf"], "--db", db)
    _run("ingest", _with_amount(tmp_path / "报告-改过.docx", "180,000元"), "--db", db)
    records = [json.loads(line) for line in _run(
        "parse", "--format", "jsonl", tmp_path / "报告-改过.docx").splitlines()
        if line.startswith("{")]
    assert records[0]["status"] == "ok"  # on its own the changed file reads fine
    from records.store import Store

    with Store(db, create=False) as store:
        latest = store.latest("ruian-2022-report")
    assert len(latest) == 1 and latest[0].version == 2
    messages = [p.message for p in latest[0].record.problems]
    assert any(m.startswith("盖章扫描件与电子版不一致") and "投入资金：扫描件 150,000 元，电子版 "
               "180,000 元" in m for m in messages), messages
    assert latest[0].status == "invalid"


def test_the_same_values_stamped_and_typed_agree(scans, tmp_path):
    db = tmp_path / "store.db"
    _run("ingest", REPORT, "--db", db)
    _run("ingest", scans.files["report-stamped.pdf"], "--db", db)
    from records.store import Store

    with Store(db, create=False) as store:
        latest = store.latest("ruian-2022-report")
    assert latest[0].version == 2
    assert not [p for p in latest[0].record.problems if p.code == "stamped_differs"]
