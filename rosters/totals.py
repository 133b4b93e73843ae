"""What a roster adds up to, in the words ``tianbiao roster`` prints under its table."""

from __future__ import annotations

from rosters.fit import list_columns
from rosters.model import Roster


def roster_totals(roster: Roster) -> str:
    """Return "共 60 行，金额合计 13,893,577 元": the rows, then each summed column's total."""
    columns = list_columns(roster.form) if roster.form else ()
    summed = [c for c in columns if c.total or c.value_kind.sums]
    # Each total as its kind writes it: "金额合计 13,893,577 元", a 万元 column to its places.
    totals = "，".join(
        f"{c.header}合计 {c.value_kind.message_text(roster.total(c.header), c.blank(c.header))}"
        for c in summed
    )
    return f"共 {len(roster.rows)} 行" + (f"，{totals}" if totals else "")
