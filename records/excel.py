"""Write cells into archive-ready workbooks safely: text stays text, widths fit Chinese."""

from __future__ import annotations

import unicodedata
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.worksheet.worksheet import Worksheet

# Text starting with one of these would be taken by Excel as a formula or a command.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MONEY_FORMAT = "#,##0"
MONEY_FORMAT_DECIMAL = "#,##0.00"


def write_value(cell: Cell, value: Any, notes: list[str]) -> None:
    """Put `value` into `cell`: numbers as numbers, every string as plain text.

    Characters Excel forbids are removed, and the removal is added to `notes`.
    """
    if isinstance(value, bool):
        cell.value = "是" if value else "否"
        return
    if value is None or isinstance(value, (int, float)):
        cell.value = value
        return
    text = str(value)
    cleaned = ILLEGAL_CHARACTERS_RE.sub("", text)
    if cleaned != text:
        notes.append(f"{cell.coordinate}：已去掉 Excel 不允许的控制字符")
    cell.value = cleaned
    # Whatever a school wrote is stored as text, never as a formula.
    cell.data_type = "s"
    if cleaned.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def display_width(text: str) -> int:
    """Return how many Latin character widths `text` takes (Chinese characters count two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit_column_widths(sheet: Worksheet, *, first_row: int, minimum: int = 6,
                      maximum: int = 60) -> None:
    """Set each column's width to fit its longest line from `first_row` down."""
    widths: dict[str, int] = {}
    for row in sheet.iter_rows(min_row=first_row):
        for cell in row:
            if cell.value is None:
                continue
            text = format(cell.value, ",") if isinstance(cell.value, (int, float)) else str(
                cell.value
            )
            longest = max(display_width(line) for line in text.split("\n"))
            letter = cell.column_letter
            widths[letter] = max(widths.get(letter, 0), longest)
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = max(minimum, min(maximum, width + 2))


def fit_row_heights(sheet: Worksheet, *, first_row: int, line_height: float = 15.0) -> None:
    """Set each row's height to show all its wrapped lines (Excel and Calc don't on open)."""
    widths = {
        letter: dimension.width or 8.43 for letter, dimension in sheet.column_dimensions.items()
    }
    for number, row in enumerate(sheet.iter_rows(min_row=first_row), start=first_row):
        lines = 1
        for cell in row:
            if not isinstance(cell.value, str) or not cell.value:
                continue
            width = max(1.0, widths.get(cell.column_letter, 8.43) - 1)
            wrapped = sum(
                max(1, -(-display_width(line) // int(width))) for line in cell.value.split("\n")
            )
            lines = max(lines, wrapped)
        if lines > 1:
            sheet.row_dimensions[number].height = line_height * lines
