"""A roster as read: its rows, each with a stable key, its position and values by column."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from forms.labels import label_key
from forms.model import FormSpec


@dataclass(frozen=True)
class RosterRow:
    """One row of a roster: a stable key, its position, and its values by column header."""

    key: str
    position: int
    values: dict[str, Any]

    def get(self, header: str) -> Any:
        """Return the value under column `header` (spacing ignored), or None."""
        wanted = label_key(header)
        for name, value in self.values.items():
            if label_key(name) == wanted:
                return value
        return None


@dataclass
class Roster:
    """A list table read from a file."""

    source: str
    headers: list[str]
    rows: list[RosterRow]
    title: str = ""
    form: FormSpec | None = None
    problems: list[str] = field(default_factory=list)

    def total(self, header: str) -> float:
        """Return the sum of the numbers under column `header`."""
        values = (row.get(header) for row in self.rows)
        return sum(v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool))

    def as_json(self) -> dict[str, Any]:
        """Return the roster as plain data for ``--format json``."""
        return {
            "source": self.source,
            "form": self.form.id if self.form else None,
            "title": self.title,
            "headers": self.headers,
            "rows": [{"key": r.key, "position": r.position, **r.values} for r in self.rows],
            "problems": self.problems,
        }
