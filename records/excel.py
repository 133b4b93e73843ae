"""Write cells into archive-ready workbooks safely: text stays text, widths fit Chinese.

Also what a cell shows once printed (a time stamp with its 年月日 format, a value as text)
and how many lines a text takes wrapped in its column. What a field kind's cells hold and
their number formats are the kind's own (``forms/kinds``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

# Text starting with one of these would be taken by Excel as a formula or a command.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATETIME_FORMAT = 'yyyy"年"m"月"d"日" hh:mm'
# A Chinese character is about 15 pixels wide at 11 points, a column width unit 7 pixels
# (Excel's Calibri digit); Latin letters, digits and spaces take about one unit each.
WIDE_CHARACTER = 2.15
PADDING = 0.6  # a cell's own margins, in column units
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?")
_WORD = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\s|.")


def write_value(cell: Cell, value: Any, notes: list[str], *, where: str | None = None) -> None:
    """Put `value` into `cell`: numbers and dates as such, every string as plain text.

    Characters Excel forbids are removed, and the removal is added to `notes`, naming the
    cell `where` it is (or will be, for a cell of a write-only sheet).
    """
    if isinstance(value, bool):
        cell.value = "是" if value else "否"
        return
    if value is None or isinstance(value, (int, float, dt.date)):
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


def excel_datetime(value: Any) -> dt.datetime | None:
    """Return an ISO time stamp ("2024-03-08T10:15:00") as a datetime, else None."""
    if isinstance(value, str) and _ISO_DATETIME.fullmatch(value):
        return dt.datetime.fromisoformat(value)
    return None


def clean_text(value: Any) -> str:
    """Return `value` as text without the control characters Excel forbids."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def shown_text(value: Any) -> str:
    """Return what a cell holding `value` shows: 是/否, 1,234.5, 2022年3月8日, or the text."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return format(value, ",")
    if isinstance(value, dt.datetime):
        return f"{value.year}年{value.month}月{value.day}日 {value:%H:%M}"
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return "" if value is None else clean_text(value)


def display_width(text: str) -> int:
    """Return how many Latin character widths `text` takes (Chinese characters count two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def text_width(value: Any) -> float:
    """Return the width in column units of the longest line a cell holding `value` shows."""
    return max(_width_of(line) for line in shown_text(value).split("\n"))


def _width_of(text: str) -> float:
    return sum(WIDE_CHARACTER if unicodedata.east_asian_width(ch) in "WF" else 1.0
               for ch in text)


def wrapped_lines(value: Any, column_width: float) -> int:
    """Return how many lines `value` takes wrapped in a column `column_width` units wide.

    Chinese text breaks after any character; a run of Latin letters or digits moves whole
    to the next line unless it is longer than a line.
    """
    return max(1, len(wrap(shown_text(value), column_width)))


def wrap(text: str, column_width: float) -> list[str]:
    """Return `text` cut into the lines a column `column_width` units wide shows.

    A line that ends a paragraph ends in "\n", so joining the lines gives `text` back.
    """
    room = max(1.0, column_width - PADDING)  # the cell's own padding
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += _wrapped(paragraph, room)
        lines[-1] += "\n"
    if lines:
        lines[-1] = lines[-1][:-1]
    return lines if text else []


def _wrapped(paragraph: str, room: float) -> list[str]:
    lines, used = [""], 0.0
    for word in _WORD.findall(paragraph):
        width = _width_of(word)
        if used + width <= room or (word.isspace() and used):
            lines[-1] += word
            used += width
            continue
        if used:
            lines.append("")
            used = 0.0
        for character in word:  # a word longer than the line is cut where the line ends
            step = _width_of(character)
            if used + step > room and used:
                lines.append("")
                used = 0.0
            lines[-1] += character
            used += step
    return lines
