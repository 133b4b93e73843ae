"""Write cells into archive-ready workbooks safely: text stays text, widths fit Chinese."""

from __future__ import annotations

import unicodedata
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

# Text starting with one of these would be taken by Excel as a formula or a command.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MONEY_FORMAT = "#,##0"
MONEY_FORMAT_DECIMAL = "#,##0.00"


def write_value(cell: Cell, value: Any, notes: list[str], *, where: str | None = None) -> None:
    """Put `value` into `cell`: numbers as numbers, every string as plain text.

    Characters Excel forbids are removed, and the removal is added to `notes`, naming the
    cell `where` it is (or will be, for a cell of a write-only sheet).
    """
    if isinstance(value, bool):
        cell.value = "是" if value else "否"
        return
    if value is None or isinstance(value, (int, float)):
        cell.value = value
        return
    cleaned = clean_text(value)
    if cleaned != str(value):
        notes.append(f"{where or cell.coordinate}：已去掉 Excel 不允许的控制字符")
    cell.value = cleaned
    # Whatever a school wrote is stored as text, never as a formula.
    cell.data_type = "s"
    if cleaned.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def clean_text(value: Any) -> str:
    """Return `value` as text without the control characters Excel forbids."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def shown_text(value: Any) -> str:
    """Return what a cell holding `value` shows: 是/否, 1,234.5, or the cleaned text."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return format(value, ",")
    return "" if value is None else clean_text(value)


def display_width(text: str) -> int:
    """Return how many Latin character widths `text` takes (Chinese characters count two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def text_width(value: Any) -> int:
    """Return the width of the longest line a cell holding `value` shows."""
    return max(display_width(line) for line in shown_text(value).split("\n"))


def wrapped_lines(value: Any, column_width: float) -> int:
    """Return how many lines text `value` takes wrapped in a column `column_width` wide."""
    if not isinstance(value, str) or not value:
        return 1
    width = int(max(1.0, column_width - 1))
    return sum(max(1, -(-display_width(line) // width)) for line in shown_text(value).split("\n"))
