"""Who has returned what: each roster row against the store and the form's due date."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from forms.model import FormSpec
from records.store import Store
from rosters.roster import Roster

STATES = ("returned", "problems", "missing", "overdue")
STATE_WORDS = {"returned": "已交，合格", "problems": "已交，有问题", "missing": "未交",
               "overdue": "逾期未交"}


@dataclass(frozen=True)
class RowStatus:
    """One roster row's state for a form."""

    key: str
    school: str
    detail: str
    state: str
    version: int | None
    problems: int
    file: str | None
    received: str | None

    def as_json(self) -> dict[str, Any]:
        """Return the row as plain data."""
        return asdict(self)


def roster_status(spec: FormSpec, roster: Roster, store: Store, *, today: dt.date,
                  year: int | None = None) -> list[RowStatus]:
    """Return the state of every roster row for `spec` on `today`."""
    latest = {s.roster_key: s for s in store.latest(spec.id) if s.roster_key}
    due = spec.due.on(year or today.year) if spec.due else None
    name_field, others = spec.school_field, spec.project_fields
    name_header = name_field.prefill if name_field and name_field.prefill else "学校名称"
    result = []
    for row in roster.rows:
        submission = latest.get(row.key)
        detail = "，".join(str(row.get(f.prefill)) for f in others
                          if f.prefill and row.get(f.prefill) is not None)
        school = str(row.get(name_header) or "")
        if submission is None:
            state = "overdue" if due is not None and today > due else "missing"
            result.append(RowStatus(row.key, school, detail, state, None, 0, None, None))
            continue
        problems = [p for p in submission.record.problems if not p.is_notice]
        state = "returned" if submission.status == "ok" else "problems"
        result.append(RowStatus(row.key, school, detail, state, submission.version,
                                len(problems), submission.file, submission.received))
    return result


def unattributed(spec: FormSpec, store: Store) -> list[tuple[str, str | None]]:
    """Return (file, school written) of stored submissions tied to no roster row."""
    return [(s.file, s.school) for s in store.latest(spec.id) if not s.roster_key]
