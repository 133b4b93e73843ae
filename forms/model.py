"""A loaded form definition: FormSpec and its parts, as every other package reads them.

``forms/loader.py`` builds these from a definition file; nothing else creates them. Labels
are written once, in the layout; each blank's label is taken from the cell to its left (or
above), the text before it on a line, its item's code, or its section heading.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from forms.errors import DefinitionError
from forms.kinds import Blank, Kind, kind_named
from forms.labels import printed_label

BlockKind = Literal[
    "attachment", "title", "subtitle", "paragraph", "note", "table", "line", "section",
    "pagebreak",
]
# How a blank is found in a returned file:
#   right   - the cell right of (or below) its label cell
#   grid    - the row of its label or item code, under the column header `column`
#   part    - a printed line inside its parent's cell (signer, date)
#   line    - after its label on a printed line outside tables ("单位名称：____")
#   section - the paragraphs under its heading in an outline document
#   inline  - the rest of its own cell, after the label printed at its top ("单位意见：")
Locate = Literal["right", "grid", "part", "line", "section", "inline"]


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
    locate: Locate = "right"
    item: str | None = None
    after: str = ""
    guidance: tuple[str, ...] = ()
    group: str | None = None  # an item's first-level indicator ("A1 常规管理（6分）")
    scope: str | None = None  # the table's scope when a form repeats a table ("2021年")
    is_list: bool = False  # a list written one item a line (支撑材料清单)
    # The object of `kind`: how this blank is read, written, printed empty and filed.
    value_kind: Kind = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "value_kind", kind_named(self.kind))

    @property
    def blank(self) -> Blank:
        """Return what the blank's kind reads and writes it by: label, unit, options, max."""
        return Blank(self.display_label, self.unit, self.options, self.max_score)

    @property
    def header(self) -> str:
        """Return the column header a summary uses: label, sub-label and unit."""
        text = f"{self.label}（{self.column}）" if self.column else self.label
        if self.unit and self.unit not in text:
            text = f"{text}（{self.unit}）"
        return text

    @property
    def display_label(self) -> str:
        """Return the label as a message names it: "C1（考核分）", "校长意见（日期）"."""
        return f"{self.label}（{self.column}）" if self.column else self.label


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a repeating table (a list such as 000 附件1, or budget rows)."""

    id: str
    header: str
    kind: str
    unit: str | None = None
    merge_down: bool = False
    total: bool = False
    required: bool = False
    options: tuple[str, ...] = ()
    # The object of `kind`: how this column's cells are read, written and totalled.
    value_kind: Kind = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "value_kind", kind_named(self.kind))

    def blank(self, label: str) -> Blank:
        """Return what a cell of this column is read by, its messages naming it `label`."""
        return Blank(label, self.unit, self.options)

    @property
    def header_label(self) -> str:
        """Return the header as records name the column: "所需经费（万元）"."""
        return printed_label(self.header)


@dataclass(frozen=True)
class RepeatSpec:
    """A table part that holds any number of rows of the same columns."""

    id: str
    label: str
    columns: tuple[ColumnSpec, ...]
    blank_rows: int = 3


NUMBERED = "序号"  # what `compiled_from` writes for a column numbered 1, 2, 3 …


@dataclass(frozen=True)
class CompiledFrom:
    """Where a form's repeating table comes from: one row per return of another form.

    A county's 申报汇总表 lists its applicants' 申请表: each column of the repeat `repeat` is
    filled from one blank of form `form` (`columns`: column id → source blank id), and the
    column `numbered` counts the rows 1, 2, 3 ….
    """

    form: str
    repeat: str
    columns: tuple[tuple[str, str], ...]
    numbered: str | None = None

    def source_of(self, column_id: str) -> str | None:
        """Return the source blank filling column `column_id`, or None."""
        return next((source for column, source in self.columns if column == column_id), None)


@dataclass(frozen=True)
class CellSpec:
    """One printed cell of a layout table: fixed text, a blank, or a blank with its label."""

    text: str = ""
    blank: str | None = None
    colspan: int = 1
    rowspan: int = 1
    label: str = ""


@dataclass(frozen=True)
class RowSpec:
    """One row of a layout table; an item row carries its code and maximum points."""

    cells: tuple[CellSpec, ...]
    height_cm: float | None = None
    borders: bool = True
    header: bool = False
    item: str | None = None
    item_id: str | None = None
    max_score: float | None = None


@dataclass(frozen=True)
class TableSpec:
    """A layout table: column widths, fixed rows, then optionally a repeating part."""

    widths_cm: tuple[float, ...]
    rows: tuple[RowSpec, ...] = ()
    repeat: RepeatSpec | None = None
    scope: str | None = None  # which of several identical tables this is ("2021年")

    def placed(self) -> list[list[tuple[int, CellSpec]]]:
        """Return each row's cells with the grid column each starts at."""
        covered: set[tuple[int, int]] = set()
        placed: list[list[tuple[int, CellSpec]]] = []
        for r, row in enumerate(self.rows):
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


@dataclass(frozen=True)
class BlockSpec:
    """One block of the printed form, top to bottom."""

    kind: BlockKind
    text: str = ""
    table: TableSpec | None = None
    segments: tuple[str, ...] = ()
    field: str | None = None


@dataclass(frozen=True)
class CheckSpec:
    """A rule tying blanks together: a sum that must equal a total."""

    terms: tuple[str, ...]
    equals: str
    severity: Literal["error", "warning"] = "error"
    why: str = ""
    rows: str | None = None
    column: str | None = None


@dataclass(frozen=True)
class DerivedSpec:
    """A value computed from blanks (a ratio, a share, a requirement, a grade band)."""

    id: str
    label: str
    how: Literal["ratio", "percent", "lookup", "bands", "require"]
    inputs: tuple[str, ...]
    at_most: float | None = None
    at_least: float | None = None
    equals: Any = None
    compare_to: str | None = None
    target_text: str = ""
    table: tuple[dict[str, Any], ...] = ()
    unit: str | None = None


@dataclass(frozen=True)
class GradeSpec:
    """One grade of an experts' assessment and what it means for the school."""

    grade: str
    principal_score: float = 0
    demand: str = ""


@dataclass(frozen=True)
class AssessmentSpec:
    """An assessment the office enters after the returns: its grades, years and sanctions."""

    grades: tuple[GradeSpec, ...]
    years: int = 1
    waste: str = ""

    def grade(self, name: str) -> GradeSpec | None:
        """Return the grade called `name`, or None."""
        return next((g for g in self.grades if g.grade == name), None)


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
    kind: Literal["form", "list", "outline"] = "form"
    roster: str | None = None
    due: DueDate | None = None
    contact: str | None = None
    fields: tuple[FieldSpec, ...] = ()
    repeats: tuple[RepeatSpec, ...] = ()
    checks: tuple[CheckSpec, ...] = ()
    derived: tuple[DerivedSpec, ...] = ()
    points: float | None = None
    assessment: AssessmentSpec | None = None
    layout: tuple[BlockSpec, ...] = ()
    origin: str = ""
    own_file: str | None = None  # the file of an office's own definition; None: built-in
    school: str | None = None  # the blank naming the school or unit that fills the form
    project: tuple[str, ...] = ()  # the blanks telling one of its projects from another
    compiled_from: CompiledFrom | None = None  # a repeat filled from another form's returns
    _by_id: dict[str, FieldSpec] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({f.id: f for f in self.fields})

    @property
    def is_list(self) -> bool:
        """Return True for a list form (a roster table), False for a form filled per record."""
        return self.kind == "list"

    @property
    def columns(self) -> tuple[ColumnSpec, ...]:
        """Return the list columns of a list form (its one repeating table)."""
        return self.repeats[0].columns if self.is_list and self.repeats else ()

    def repeat(self, repeat_id: str) -> RepeatSpec:
        """Return the repeating table called `repeat_id`."""
        found = next((r for r in self.repeats if r.id == repeat_id), None)
        if found is None:
            raise DefinitionError(f"表单 {self.id} 没有重复表 {repeat_id}", form=self.id)
        return found

    def field(self, field_id: str) -> FieldSpec:
        """Return the blank called `field_id`."""
        try:
            return self._by_id[field_id]
        except KeyError:
            raise DefinitionError(f"表单 {self.id} 没有字段 {field_id}", form=self.id) from None

    def has_field(self, field_id: str) -> bool:
        """Return True when the form has a blank called `field_id`."""
        return field_id in self._by_id

    def shown_value(self, field_id: str, value: Any) -> str:
        """Return a value as the office reads it: "283,750 元", "2022年9月", "是", "（空）"."""
        if value is None or value == "":
            return "（空）"
        if isinstance(value, bool):
            return "是" if value else "否"
        if field_id in self._by_id:
            field = self._by_id[field_id]
            return str(field.value_kind.message_text(value, field.blank))
        return str(value)

    @property
    def school_field(self) -> FieldSpec | None:
        """Return the blank that names the school or unit filling the form, if any."""
        return self._by_id[self.school] if self.school else None

    @property
    def project_fields(self) -> tuple[FieldSpec, ...]:
        """Return the blanks that name the project: which of a school's rows this copy is."""
        return tuple(self._by_id[field_id] for field_id in self.project)

    def parts_of(self, field_id: str) -> tuple[FieldSpec, ...]:
        """Return the sub-blanks (signer, date lines) printed inside blank `field_id`."""
        return tuple(f for f in self.fields if f.parent == field_id)

    def top_fields(self) -> tuple[FieldSpec, ...]:
        """Return the blanks that have their own cell, line or section, in order."""
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
            "kind": self.kind,
            "filled_per": self.filled_per,
            "due": str(self.due) if self.due else None,
            "contact": self.contact,
            "fields": len(self.fields),
            "tables": [r.label for r in self.repeats],
        }
