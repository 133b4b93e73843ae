"""Find each blank of a form in a grid by its printed label, not by its position.

A blank's value is the cell to the right of its label cell (or below it, for labels printed
above their blank), or the rest of the label cell when a school wrote "学校：XX" in one cell.
Opinion cells keep their printed leftovers (负责人：…  年  月  日) out of the opinion text;
those lines are read as the opinion's own sub-blanks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from forms.labels import label_key
from forms.model import FieldSpec, FormSpec
from parsers.grid import Cell, Grid, Table

_DATE_LINE = re.compile(
    r"年.*月.*日\s*$|^\s*日期[:：]"
    r"|^\d{4}\s*[./\-－—年]\s*\d{1,2}\s*[./\-－—月]\s*\d{1,2}\s*日?$"
)
_SEAL_LINE = re.compile(r"^[（(]?\s*(盖\s*章|公\s*章|签\s*[字名章])\s*[）)]?\s*[:：]?\s*$")


@dataclass(frozen=True)
class RawValue:
    """The text found for one blank; `found` is False when its label is not in the file."""

    field: FieldSpec
    raw: str
    found: bool = True


def extract_fields(grid: Grid, spec: FormSpec) -> list[RawValue]:
    """Return the raw text of every blank of `spec` found in `grid`, in definition order."""
    finder = _LabelFinder(grid, spec)
    values: list[RawValue] = []
    for field in spec.top_fields():
        located = finder.value_of(field)
        parts = spec.parts_of(field.id)
        if located is None:
            values.append(RawValue(field, "", found=False))
            values.extend(RawValue(p, "", found=False) for p in parts)
            continue
        if not parts:
            values.append(RawValue(field, located))
            continue
        text, part_texts = split_printed_parts(located, parts)
        values.append(RawValue(field, text))
        values.extend(RawValue(p, part_texts.get(p.id, "")) for p in parts)
    return values


def split_printed_parts(text: str, parts: tuple[FieldSpec, ...]) -> tuple[str, dict[str, str]]:
    """Split an opinion cell into its own text and the text of each printed sub-blank."""
    found: dict[str, str] = {}
    kept: list[str] = []
    date_parts = [p for p in parts if p.kind == "date"]
    named = {label_key(p.column or ""): p for p in parts if p.kind != "date" and p.column}
    for line in reversed(text.split("\n")):
        stripped = line.strip()
        part = _named_part(stripped, named)
        if part is not None and part.id not in found:
            found[part.id] = re.split(r"[:：]", stripped, maxsplit=1)[1].strip()
            continue
        if date_parts and date_parts[0].id not in found and _DATE_LINE.search(stripped):
            found[date_parts[0].id] = re.sub(r"^日期[:：]", "", stripped).strip()
            continue
        if _SEAL_LINE.match(stripped):
            continue
        kept.append(line)
    return "\n".join(reversed(kept)).strip(), found


def _named_part(line: str, named: dict[str, FieldSpec]) -> FieldSpec | None:
    head = re.split(r"[:：]", line, maxsplit=1)
    if len(head) == 2:
        return named.get(label_key(head[0]))
    return None


class _LabelFinder:
    def __init__(self, grid: Grid, spec: FormSpec) -> None:
        self.cells: list[tuple[Table, Cell, str]] = [
            (table, cell, label_key(cell.text)) for table, cell in grid.iter_cells()
        ]
        self.label_keys = {label_key(f.label) for f in spec.top_fields()}

    def value_of(self, field: FieldSpec) -> str | None:
        wanted = label_key(field.label)
        for table, cell, key in self.cells:
            if key == wanted:
                return self._neighbour_text(table, cell)
        for _, cell, _key in self.cells:
            inline = _inline_value(cell.text, wanted)
            if inline is not None:
                return inline
        for table, cell, key in self.cells:
            if _extends_label(key, wanted) and key not in self.label_keys:
                return self._neighbour_text(table, cell)
        return None

    def _is_label(self, cell: Cell) -> bool:
        return label_key(cell.text) in self.label_keys

    def _neighbour_text(self, table: Table, cell: Cell) -> str:
        """Return the text right of `cell` up to the next label, or below it in a column form.

        Cells the school's copy did not merge are read together, so a value typed into the
        second of three unmerged cells is still found.
        """
        texts: list[str] = []
        neighbour = table.right_of(cell)
        if neighbour is None:
            below = table.below(cell)
            return "" if below is None or self._is_label(below) else below.text
        while neighbour is not None and not self._is_label(neighbour):
            if neighbour.text.strip():
                texts.append(neighbour.text)
            neighbour = table.right_of(neighbour)
        return "\n".join(texts)


def _extends_label(key: str, wanted: str) -> bool:
    """Return True when a printed label is ours with a short addition ("投入资金（元）")."""
    return key.startswith(wanted) and 0 < len(key) - len(wanted) <= 6


def _inline_value(text: str, wanted: str) -> str | None:
    pieces = re.split(r"[:：]", text, maxsplit=1)
    if len(pieces) == 2 and label_key(pieces[0]) == wanted and pieces[1].strip():
        return pieces[1].strip()
    return None
