"""A loaded form definition: FormSpec and its parts, built from one data file.

The data file (YAML, see ``forms/definitions/``) is the single source of truth for a form.
Labels are written once, in the layout; each blank takes its label from the nearest text
cell to its left (or above), so the parser, the records and the summaries use exactly the
words printed on the form.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from forms.errors import DefinitionError
from forms.kinds import KINDS
from forms.labels import printed_label

BlockKind = Literal["attachment", "title", "subtitle", "paragraph", "note", "table"]
_BLOCK_KINDS: tuple[BlockKind, ...] = (
    "attachment", "title", "subtitle", "paragraph", "note", "table"
)
_BLANK_REF = re.compile(r"^\{([a-z][a-z0-9_]*)\}$")
_YEARLY_DUE = re.compile(r"^每年(\d{1,2})月(\d{1,2})日$")


@dataclass(frozen=True)
class FieldSpec:
    """One blank of a form: what it is called, what it holds, where its value comes from."""

    id: str
    kind: str
    label: str = ""
    column: str | None = None
    unit: str | None = None
    required: bool = False
    max_score: float | None = None
    options: tuple[str, ...] = ()
    prefill: str | None = None
    parent: str | None = None
    printed: str | None = None

    @property
    def header(self) -> str:
        """Return the column header a summary uses: label, sub-label and unit."""
        text = f"{self.label}（{self.column}）" if self.column else self.label
        return f"{text}（{self.unit}）" if self.unit else text


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a list table (a roster such as 000 附件1)."""

    id: str
    header: str
    kind: str
    unit: str | None = None
    merge_down: bool = False
    total: bool = False


@dataclass(frozen=True)
class CellSpec:
    """One printed cell of a layout table: fixed text or a blank."""

    text: str = ""
    blank: str | None = None
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class RowSpec:
    """One row of a layout table."""

    cells: tuple[CellSpec, ...]
    height_cm: float | None = None
    borders: bool = True


@dataclass(frozen=True)
class TableSpec:
    """A layout table: column widths and rows, or a list table built from the columns."""

    widths_cm: tuple[float, ...]
    rows: tuple[RowSpec, ...] = ()
    is_list: bool = False
    blank_rows: int = 0


@dataclass(frozen=True)
class BlockSpec:
    """One block of the printed form, top to bottom."""

    kind: BlockKind
    text: str = ""
    table: TableSpec | None = None


@dataclass(frozen=True)
class DueDate:
    """A due date: once (a fixed day) or every year on the same day."""

    month: int
    day: int
    year: int | None = None

    def on(self, year: int) -> dt.date:
        """Return the due day for the campaign of `year` (the fixed day if there is one)."""
        return dt.date(self.year or year, self.month, self.day)

    def __str__(self) -> str:
        if self.year is None:
            return f"每年{self.month}月{self.day}日"
        return f"{self.year}年{self.month}月{self.day}日"


@dataclass(frozen=True)
class FormSpec:
    """A whole form definition as every part of tianbiao reads it."""

    id: str
    title: str
    source: str
    attachment: str
    version: int
    issuer: str = ""
    filled_per: str = ""
    roster: str | None = None
    due: DueDate | None = None
    contact: str | None = None
    fields: tuple[FieldSpec, ...] = ()
    columns: tuple[ColumnSpec, ...] = ()
    layout: tuple[BlockSpec, ...] = ()
    origin: str = ""
    _by_id: dict[str, FieldSpec] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({f.id: f for f in self.fields})

    @property
    def is_list(self) -> bool:
        """Return True for a list form (a roster table), False for a form filled per record."""
        return bool(self.columns)

    def field(self, field_id: str) -> FieldSpec:
        """Return the blank called `field_id`."""
        try:
            return self._by_id[field_id]
        except KeyError:
            raise DefinitionError(f"表单 {self.id} 没有字段 {field_id}", form=self.id) from None

    def parts_of(self, field_id: str) -> tuple[FieldSpec, ...]:
        """Return the sub-blanks (signer, date lines) printed inside blank `field_id`."""
        return tuple(f for f in self.fields if f.parent == field_id)

    def top_fields(self) -> tuple[FieldSpec, ...]:
        """Return the blanks that have their own cell, in order."""
        return tuple(f for f in self.fields if f.parent is None)

    def summary(self) -> dict[str, Any]:
        """Return the form's identity and metadata as plain data."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "issuer": self.issuer,
            "attachment": self.attachment,
            "version": self.version,
            "filled_per": self.filled_per,
            "due": str(self.due) if self.due else None,
            "contact": self.contact,
            "kind": "list" if self.is_list else "form",
            "fields": len(self.columns) if self.is_list else len(self.fields),
        }


def load_definition(data: Any, origin: str) -> FormSpec:
    """Build a FormSpec from the parsed data file `data`, read from `origin`."""
    if not isinstance(data, dict):
        raise DefinitionError(f"{origin}：定义文件应是一个映射（键: 值）")
    loader = _Loader(data, origin)
    return loader.build()


class _Loader:
    def __init__(self, data: dict[str, Any], origin: str) -> None:
        self.data = data
        self.origin = origin
        self.form_id = str(data.get("id") or "")

    def fail(self, message: str) -> DefinitionError:
        return DefinitionError(f"{self.origin}：{message}", form=self.form_id or None)

    def require(self, key: str) -> Any:
        if key not in self.data or self.data[key] in (None, ""):
            raise self.fail(f"缺少必填项 {key}")
        return self.data[key]

    def build(self) -> FormSpec:
        for key in ("id", "title", "source", "attachment", "version", "layout"):
            self.require(key)
        layout = tuple(self._block(b) for b in self.data["layout"])
        columns = tuple(self._column(c) for c in self.data.get("columns") or ())
        fields = self._fields(layout)
        return FormSpec(
            id=self.form_id,
            title=str(self.data["title"]),
            source=str(self.data["source"]),
            issuer=str(self.data.get("issuer") or ""),
            attachment=str(self.data["attachment"]),
            version=int(self.data["version"]),
            filled_per=str(self.data.get("filled_per") or ""),
            roster=self.data.get("roster"),
            due=self._due(self.data.get("due")),
            contact=self.data.get("contact"),
            fields=fields,
            columns=columns,
            layout=layout,
            origin=self.origin,
        )

    def _due(self, value: Any) -> DueDate | None:
        if value in (None, ""):
            return None
        if isinstance(value, dt.date):
            return DueDate(value.month, value.day, value.year)
        match = _YEARLY_DUE.match(str(value))
        if match:
            return DueDate(int(match[1]), int(match[2]))
        try:
            day = dt.date.fromisoformat(str(value))
        except ValueError:
            raise self.fail(f"无法识别截止日期“{value}”：写成 2021-01-18 或 每年3月10日") from None
        return DueDate(day.month, day.day, day.year)

    def _column(self, raw: Any) -> ColumnSpec:
        if not isinstance(raw, dict) or "id" not in raw or "header" not in raw:
            raise self.fail(f"名单列应写成 {{id: …, header: …, kind: …}}：{raw!r}")
        kind = str(raw.get("kind", "text"))
        self._check_kind(kind, raw["id"])
        return ColumnSpec(
            id=str(raw["id"]),
            header=str(raw["header"]),
            kind=kind,
            unit=raw.get("unit"),
            merge_down=bool(raw.get("merge_down", False)),
            total=bool(raw.get("total", False)),
        )

    def _check_kind(self, kind: str, field_id: Any) -> None:
        if kind not in KINDS:
            known = "、".join(sorted(KINDS))
            raise self.fail(f"字段 {field_id} 的种类“{kind}”不存在；可用：{known}")

    def _block(self, raw: Any) -> BlockSpec:
        if not isinstance(raw, dict) or len(raw) != 1:
            raise self.fail(f"版式的每一块应只有一个键（如 title: …）：{raw!r}")
        ((kind, value),) = raw.items()
        if kind not in _BLOCK_KINDS:
            raise self.fail(f"版式块“{kind}”不存在；可用：{'、'.join(_BLOCK_KINDS)}")
        if kind == "table":
            return BlockSpec("table", table=self._table(value))
        return BlockSpec(kind, text=str(value))

    def _table(self, raw: Any) -> TableSpec:
        if not isinstance(raw, dict) or "widths" not in raw:
            raise self.fail("表格需要 widths（各列宽度，厘米）")
        widths = tuple(float(w) for w in raw["widths"])
        rows = tuple(self._row(r, len(widths)) for r in raw.get("rows") or ())
        table = TableSpec(
            widths_cm=widths,
            rows=rows,
            is_list=bool(raw.get("list", False)),
            blank_rows=int(raw.get("blank_rows", 0)),
        )
        _check_grid(table, self.fail)
        return table

    def _row(self, raw: Any, n_cols: int) -> RowSpec:
        if not isinstance(raw, dict) or "cells" not in raw:
            raise self.fail(f"表格行应写成 {{cells: [...]}}：{raw!r}")
        cells = tuple(self._cell(c) for c in raw["cells"])
        height = raw.get("height")
        return RowSpec(
            cells=cells,
            height_cm=float(height) if height is not None else None,
            borders=raw.get("borders", "all") != "none",
        )

    def _cell(self, raw: Any) -> CellSpec:
        if raw is None:
            return CellSpec()
        if isinstance(raw, str):
            match = _BLANK_REF.match(raw.strip())
            return CellSpec(blank=match[1]) if match else CellSpec(text=raw)
        if isinstance(raw, dict):
            return CellSpec(
                text=str(raw.get("text", "")),
                blank=raw.get("blank"),
                colspan=int(raw.get("span", 1)),
                rowspan=int(raw.get("rowspan", 1)),
            )
        raise self.fail(f"无法识别的表格格子：{raw!r}")

    def _fields(self, layout: tuple[BlockSpec, ...]) -> tuple[FieldSpec, ...]:
        labels = _labels_from_layout(layout)
        result: list[FieldSpec] = []
        seen: set[str] = set()
        for raw in self.data.get("fields") or ():
            if not isinstance(raw, dict) or "id" not in raw:
                raise self.fail(f"字段应写成 {{id: …, kind: …}}：{raw!r}")
            field_id = str(raw["id"])
            label = raw.get("label") or labels.get(field_id)
            if not label:
                raise self.fail(f"字段 {field_id} 在版式里没有空格，也没有写 label")
            result.append(self._field(raw, label=printed_label(label)))
            for part in raw.get("parts") or ():
                result.append(self._field(part, label=result[-1].label, parent=field_id))
        for spec in result:
            if spec.id in seen:
                raise self.fail(f"字段 id 重复：{spec.id}")
            seen.add(spec.id)
        missing = set(labels) - seen
        if missing:
            raise self.fail(f"版式里的空格没有字段定义：{'、'.join(sorted(missing))}")
        return tuple(result)

    def _field(self, raw: dict[str, Any], *, label: str, parent: str | None = None) -> FieldSpec:
        kind = str(raw.get("kind", "text"))
        self._check_kind(kind, raw.get("id"))
        max_score = raw.get("max")
        return FieldSpec(
            id=str(raw["id"]),
            kind=kind,
            label=label,
            column=raw.get("column"),
            unit=raw.get("unit"),
            required=bool(raw.get("required", False)),
            max_score=float(max_score) if max_score is not None else None,
            options=tuple(str(o) for o in raw.get("options") or ()),
            prefill=raw.get("prefill"),
            parent=parent,
            printed=raw.get("printed"),
        )


def grid_positions(table: TableSpec) -> list[list[tuple[int, CellSpec]]]:
    """Return each layout row's cells with the grid column each starts at."""
    covered: set[tuple[int, int]] = set()
    placed: list[list[tuple[int, CellSpec]]] = []
    for r, row in enumerate(table.rows):
        col = 0
        placed_row: list[tuple[int, CellSpec]] = []
        for cell in row.cells:
            while (r, col) in covered:
                col += 1
            placed_row.append((col, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    covered.add((r + dr, col + dc))
            col += cell.colspan
        placed.append(placed_row)
    return placed


def _check_grid(table: TableSpec, fail: Any) -> None:
    n_cols = len(table.widths_cm)
    for r, row in enumerate(grid_positions(table)):
        if row and row[-1][0] + row[-1][1].colspan > n_cols:
            raise fail(f"表格第 {r + 1} 行的格子超出了 {n_cols} 列")


def _labels_from_layout(layout: tuple[BlockSpec, ...]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for block in layout:
        if block.table is None:
            continue
        placed = grid_positions(block.table)
        for r, row in enumerate(placed):
            for i, (_, cell) in enumerate(row):
                if cell.blank is None:
                    continue
                label = next((c.text for _, c in reversed(row[:i]) if c.text.strip()), "")
                if not label:
                    label = _label_above(placed, r, row[i][0])
                labels[cell.blank] = label
    return labels


def _label_above(placed: list[list[tuple[int, CellSpec]]], row: int, col: int) -> str:
    for r in range(row - 1, -1, -1):
        for start, cell in placed[r]:
            if start <= col < start + cell.colspan and cell.text.strip():
                return cell.text
    return ""
