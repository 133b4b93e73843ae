"""The cells of a summary table: columns, what a value shows as, styles, marks.

A column's field kind decides what its cells hold and their number format (money as
numbers with the column's one format, dates as dates with a 年月日 format, periods as
"2021年3月—2021年8月": see ``forms/kinds``). A `Flagged` value, one a school changed from
the roster's, is filled and carries a comment quoting both values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from copy import copy
from dataclasses import dataclass
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from forms.kinds import KINDS, Kind
from records.excel import DATETIME_FORMAT, excel_datetime, text_width, wrapped_lines, write_value

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
FLAG_FILL = PatternFill("solid", fgColor="FCE4D6")
TITLE_FONT = Font(name="宋体", size=16, bold=True)
BOLD_FONT = Font(name="宋体", bold=True)
BOLD = Font(bold=True)
CENTERED = Alignment(horizontal="center", vertical="center")
CENTERED_WRAPPED = Alignment(horizontal="center", vertical="center", wrap_text=True)
CENTERED_DOWN = Alignment(vertical="center", wrap_text=True)
TOP_WRAPPED = Alignment(vertical="top", wrap_text=True)
TOP = Alignment(vertical="top")
RIGHT_TOP = Alignment(horizontal="right", vertical="top")
CENTER_TOP = Alignment(horizontal="center", vertical="top")
NOTE_ALIGNMENT = Alignment(vertical="top", wrap_text=True)
MIN_WIDTH = 6.0
UNPRINTED_WIDTH = 60.0
SHORT_HEADER = 18.0  # a header up to this wide stays on one line
AUTHOR = "tianbiao"


@dataclass(frozen=True)
class Column:
    """A column of a summary table: its header, what it holds, and how it prints."""

    header: str
    kind: str = "text"  # a field kind's name, or "datetime" (a time stamp of ours)
    width: float | None = None  # fixed; else fitted to the longest value
    total: bool = False
    unit: str | None = None  # the unit of its blanks (money: 元 or 万元)
    key: bool = False  # repeated on every printed column group (序号, 编号, the school)
    printed: bool = True  # False: kept beside the table, outside the print area
    group: str | None = None  # the year or indicator it belongs to; kept together
    max_width: float = 30.0

    @property
    def value_kind(self) -> Kind | None:
        """Return the field kind of the column's values; None for a time stamp."""
        return KINDS.get(self.kind)

    @property
    def number_format(self) -> str:
        """Return the number format of the column's numbers, and of its total."""
        kind = self.value_kind
        return (kind.number_format(self.unit) if kind else None) or "General"


@dataclass(frozen=True)
class Flagged:
    """A value shown with a fill and a comment: a school's value the roster has otherwise."""

    value: Any
    note: str  # quotes both values
    where: str = ""  # which row, for the note printed under the table: "1-1"


def flagged(value: Any, note: str | None, where: str | None = None) -> Any:
    """Return `value` flagged with `note` when there is one, else `value` itself."""
    return Flagged(value, note, where or "") if note else value


class Rows:
    """Rows of a table made afresh each time they are read (a table is read twice)."""

    def __init__(self, make: Callable[[], Iterable[Sequence[Any]]]) -> None:
        self.make = make

    def __iter__(self) -> Iterator[Sequence[Any]]:
        return iter(self.make())


def fitted_width(column: Column, longest: float) -> tuple[float, str]:
    """Return a column's width and its header as printed, broken before its （units）."""
    header = column.header
    if column.width:
        return column.width, header
    if not column.printed:  # seen on screen only, never wrapped
        return min(UNPRINTED_WIDTH, max(MIN_WIDTH, longest + 2)), header
    data = max(MIN_WIDTH, longest + 2)
    if text_width(header) + 1 <= max(SHORT_HEADER, data):
        return min(column.max_width, max(data, text_width(header) + 1)), header
    parts = _bracketed_parts(header)
    if len(parts) > 1 and max(text_width(p) for p in parts) + 1 <= column.max_width:
        width = max(data, max(text_width(p) for p in parts) + 1)
        lines = [parts[0]]
        for part in parts[1:]:
            if text_width(lines[-1] + part) + 1 <= width:
                lines[-1] += part
            else:
                lines.append(part)
        return min(column.max_width, width), "\n".join(lines)
    width = MIN_WIDTH  # a long header wraps, onto three lines at most
    while wrapped_lines(header, width) > (2 if text_width(header) <= 2 * SHORT_HEADER else 3):
        width += 1
    return min(column.max_width, max(data, width)), header


def _bracketed_parts(header: str) -> list[str]:
    """Split "经费总数（万元）（2021年）" before each outermost "（"."""
    parts, depth = [""], 0
    for character in header:
        if character in "（(" and depth == 0 and parts[-1]:
            parts.append("")
        depth += 1 if character in "（(" else -1 if character in "）)" and depth else 0
        parts[-1] += character
    return parts


def shown_value(column: Column, value: Any) -> tuple[Any, str | None]:
    """Return what a cell of `column` holds for `value`, and its number format."""
    value = plain(value)
    if value is None:
        return None, None
    if column.kind == "datetime":
        stamp = excel_datetime(value)
        return (stamp, DATETIME_FORMAT) if stamp is not None else (value, None)
    kind = column.value_kind
    return kind.cell_value(value, column.unit) if kind else (value, None)


def data_cell(sheet: Worksheet, column: Column, raw: Any, notes: list[str],
              where: str) -> Cell:
    """Return the boxed, formatted cell of `column` for `raw`, flagged if it is `Flagged`."""
    value, number_format = shown_value(column, raw)
    cell = WriteOnlyCell(sheet)
    write_value(cell, value, notes, where=where)
    cell.border = BOX
    cell.alignment = TOP_WRAPPED if column.printed else TOP
    if number_format:
        cell.number_format = number_format
    kind = column.value_kind
    if is_number(value) and kind is not None and kind.figures:
        cell.alignment = RIGHT_TOP
    elif column.key and column.kind == "integer":
        cell.alignment = CENTER_TOP
    if isinstance(raw, Flagged):
        cell.fill = FLAG_FILL
        cell.comment = comment(raw.note)
    return cell


def styled(sheet: Worksheet, value: Any, **style: Any) -> Cell:
    """Return a write-only cell holding `value` with the `style` attributes set."""
    cell = WriteOnlyCell(sheet, value=value)
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def copy_cell(sheet: Worksheet, cell: Cell, *, keep_value: bool) -> Cell:
    """Return a new cell styled as `cell`, with its value or empty."""
    value: Any = cell.value if keep_value else None
    new = WriteOnlyCell(sheet, value=value)
    for name in ("font", "border", "fill", "number_format", "alignment", "protection"):
        setattr(new, name, copy(getattr(cell, name)))
    if keep_value:
        new.data_type = cell.data_type
    return new


def comment(text: str) -> Comment:
    """Return a cell comment of `text`, large enough to read without resizing."""
    return Comment(text, AUTHOR, width=240, height=90)


def sheet_name(text: str) -> str:
    """Return a legal, short sheet name (Excel allows 31 characters, no []:*?/\\)."""
    return re.sub(r"[\[\]:*?/\\]", "", text)[:31] or "表"


def plain(value: Any) -> Any:
    """Return the value itself of a `Flagged` value; any other value as it is."""
    return value.value if isinstance(value, Flagged) else value


def is_number(value: Any) -> bool:
    """Return True for an int or float that is not a bool."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)
