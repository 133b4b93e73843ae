"""What inference has found so far in an attachment: layout, fields, repeats, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from forms.labels import printed_label
from inference.naming import Namer


@dataclass
class Inferred:
    """What inference found so far: layout blocks, field entries and why it guessed them."""

    layout: list[Any] = field(default_factory=list)
    fields: list[dict[str, Any]] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)
    repeats: list[dict[str, Any]] = field(default_factory=list)
    checks: list[dict[str, Any]] = field(default_factory=list)
    points: float | None = None
    namer: Namer = field(default_factory=Namer)
    labels: dict[str, str] = field(default_factory=dict)

    def add_field(self, entry: dict[str, Any], why: list[str], *, label: str) -> None:
        """Note a blank's field entry, its printed label and the reasons for its guess."""
        self.fields.append(entry)
        self.labels[entry["id"]] = printed_label(label)
        if why:
            self.notes[entry["id"]] = why
