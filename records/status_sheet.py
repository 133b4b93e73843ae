"""The status list as a workbook the office can print or send on."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from forms.model import FormSpec
from records.status import STATE_WORDS, RowStatus
from records.summary_table import Column, write_table


def write_status_sheet(spec: FormSpec, rows: list[RowStatus],
                       strays: list[tuple[str, str | None]], out: Path) -> None:
    """Write the status of every roster row (and files matching no row) to `out`."""
    book = Workbook(write_only=True)
    notes: list[str] = []
    columns = [Column("序号", "integer", key=True), Column("编号", key=True),
               Column("学校/单位", key=True), Column("项目"), Column("状态"),
               Column("问题数", "integer"), Column("版本", "integer"),
               Column("收到时间", "datetime"), Column("文件", printed=False)]
    values = [[n, r.key, r.school, r.detail or None, STATE_WORDS[r.state], r.problems or None,
               r.version, r.received, r.file] for n, r in enumerate(rows, start=1)]
    write_table(book, "报送情况", f"《{spec.title}》报送情况", columns, values, notes,
                when_empty="名单为空。")
    if strays:
        write_table(book, "名单外", "与名单对不上的报送文件",
                    [Column("文件"), Column("所写学校")], [[f, s] for f, s in strays], notes)
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
