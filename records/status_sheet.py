"""The status list as a workbook the office can print or send on."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from forms.model import FormSpec
from records.status import STATE_WORDS, RowStatus
from records.summary import Column, write_table


def write_status_sheet(spec: FormSpec, rows: list[RowStatus],
                       strays: list[tuple[str, str | None]], out: Path) -> None:
    """Write the status of every roster row (and files matching no row) to `out`."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("报送情况")
    notes: list[str] = []
    columns = [Column("序号"), Column("编号"), Column("学校/单位"), Column("项目"),
               Column("状态"), Column("问题数", "integer"), Column("版本", "integer"),
               Column("收到时间"), Column("文件")]
    values = [[n, r.key, r.school, r.detail or None, STATE_WORDS[r.state], r.problems or None,
               r.version, r.received, r.file] for n, r in enumerate(rows, start=1)]
    write_table(sheet, f"《{spec.title}》报送情况", columns, values, notes)
    if strays:
        extra = book.create_sheet("名单外")
        write_table(extra, "与名单对不上的报送文件", [Column("文件"), Column("所写学校")],
                    [[f, s] for f, s in strays], notes)
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
