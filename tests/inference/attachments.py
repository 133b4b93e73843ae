"""Blank attachments built for the inference tests, printed the way bureaus print forms."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document


def put_table(doc: Any, rows: list[list[str]],
              merges: tuple[tuple[int, int, int, int], ...] = ()) -> Any:
    """Add a table of `rows` to `doc`, merging each (r1, c1, r2, c2) of `merges`."""
    table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.style = "Table Grid"  # ruled, as every printed form is
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for r1, c1, r2, c2 in merges:
        merged = table.cell(r1, c1).merge(table.cell(r2, c2))
        merged.text = rows[r1][c1]
    return table


def application_form(path: Path) -> Path:
    """Write an application form at `path` (lines, pairs, boxes, an opinion, budget rows)."""
    doc = Document()
    doc.add_paragraph("附件3")
    doc.add_paragraph("某某市中小学智慧校园示范校申报表")
    doc.add_paragraph("申报学校（盖章）：______________    填报日期：    年   月   日")
    put_table(doc, [
        ["学校名称", "", "校长", ""],
        ["联系电话", "", "传真", ""],
        ["电子邮箱", "", "学生人数（人）", ""],
        ["投入资金（万元）", "", "建设起止时间", ""],
        ["是否已建校园网", "□是    □否", "办学类型", "□小学  □初中  □九年一贯制"],
        ["建设内容简介（可另附页）", "", "", ""],
        ["学校意见", "\n\n负责人：        （盖章）\n年    月    日", "", ""],
    ], merges=((5, 1, 5, 3), (6, 1, 6, 3)))
    doc.add_paragraph("项目经费预算")
    put_table(doc, [["序号", "支出内容", "金额（元）", "备注"], ["", "", "", ""],
                 ["", "", "", ""], ["", "", "", ""]])
    doc.add_paragraph("注：本表请于2024年5月20日前报送市教育局，联系人：王明，电话：0731-1234567。")
    doc.save(str(path))
    return path
