"""The city's count of a compiled form's rows: by a grouping (county) and each printed choice.

When the counties' returns sit in one store, the city need not wait for each county's
汇总表: the rows those forms would list (``forms/compiling.py``) are counted straight from the
returns. The workbook is filed like the other summaries (``records/summary_table.py``): a
pivot per choice column of the compiled table — one row per group in the order met, one
column per printed option, 合计 across and down — then every row listed under its group,
the group's cells merged, ready for the archive.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from forms.compiling import compiled_from, compiled_repeat, compiled_row
from forms.kinds.marks import bare_option
from forms.model import FormSpec
from parsers.record import Record
from records.summary import SummaryResult
from records.summary_columns import STATUS_WORDS
from records.summary_table import Column, write_table

NOT_GIVEN = "（未填）"


def write_counts(spec: FormSpec, returns: Sequence[Record], groups: Sequence[str | None],
                 group_label: str, out: Path) -> SummaryResult:
    """Write the counts of `spec`'s rows from `returns` by `groups` (one per return) to `out`."""
    rows = [compiled_row(spec, number, record.value)
            for number, record in enumerate(returns, start=1)]
    named = [group or NOT_GIVEN for group in groups]
    book = Workbook(write_only=True)
    notes: list[str] = []
    _pivots(book, spec, rows, named, group_label, notes)
    _listing(book, spec, returns, rows, named, group_label, notes)
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return SummaryResult(out, len(rows), book.sheetnames, notes)


def _pivots(book: Workbook, spec: FormSpec, rows: list[dict[str, Any]], groups: list[str],
            group_label: str, notes: list[str]) -> None:
    """Write one pivot per choice column; a count per group when the table has none."""
    order = list(dict.fromkeys(groups))
    choices = [c for c in compiled_repeat(spec).columns if c.kind == "choice"]
    if not choices:
        tally = Counter(groups)
        write_table(book, f"按{group_label}统计", f"{spec.title}（按{group_label}统计）",
                    [Column(group_label, key=True), Column("份数", "integer", total=True)],
                    [[group, tally[group]] for group in order], notes)
        return
    for choice in choices:
        options = [bare_option(o) for o in choice.options]
        counts: dict[str, Counter[str]] = {group: Counter() for group in order}
        for group, row in zip(groups, rows, strict=True):
            value = row[choice.id]
            counts[group][str(value) if value in options else NOT_GIVEN] += 1
        shown = options + ([NOT_GIVEN] if any(c[NOT_GIVEN] for c in counts.values()) else [])
        columns = [Column(group_label, key=True),
                   *(Column(option, "integer", total=True) for option in shown),
                   Column("合计", "integer", total=True)]
        table = [[group, *(counts[group][o] for o in shown), sum(counts[group].values())]
                 for group in order]
        header = choice.header_label
        write_table(book, f"按{group_label}和{header}统计",
                    f"{spec.title}（按{group_label}和{header}统计）", columns, table, notes)


def _listing(book: Workbook, spec: FormSpec, returns: Sequence[Record],
             rows: list[dict[str, Any]], groups: list[str], group_label: str,
             notes: list[str]) -> None:
    """Write every row under its group (groups in the order met), the group's cells merged."""
    repeat = compiled_repeat(spec)
    numbered = compiled_from(spec).numbered
    shown = [c for c in repeat.columns if c.id != numbered]
    columns = [Column("序号", "integer", key=True), Column(group_label, key=True),
               *(Column(c.header_label, c.kind, unit=c.unit, total=c.value_kind.sums)
                 for c in shown), Column("状态")]
    order = {group: place for place, group in enumerate(dict.fromkeys(groups))}
    by_group = sorted(range(len(rows)), key=lambda i: (order[groups[i]], i))
    table = [[number, groups[i], *(rows[i][c.id] for c in shown),
              STATUS_WORDS.get(returns[i].status, returns[i].status)]
             for number, i in enumerate(by_group, start=1)]
    write_table(book, repeat.label, f"{spec.title}（按{group_label}）", columns, table, notes,
                merge_down=[1])
