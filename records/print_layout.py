"""How a summary table prints: A4 pages, which columns share a page, row heights.

A table wider than an A4 landscape page at a readable scale is cut into column groups,
each printed as its own sheet with the key columns (序号, 编号, the school) repeated;
columns are kept together by the year or indicator they belong to where that fits. Every
sheet prints fitted to the page width, its header row on every page, the title in the page
header and "第 N 页，共 M 页" in the footer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

# A4 in points, and the margins in inches as openpyxl writes them.
A4_POINTS = (595.3, 841.9)
MARGINS = PageMargins(left=0.7, right=0.5, top=0.8, bottom=0.7, header=0.3, footer=0.3)
# The smallest scale a page may be shrunk to, and what one column width unit takes on
# paper at full size: about 5.5 points in Excel (Calibri), 7.4 points in LibreOffice on a
# machine without Calibri. Planning with the larger keeps both readable.
MIN_SCALE = 0.65
POINTS_PER_UNIT = 7.4
# A portrait page is used while the table fits it at this scale; wider tables turn.
PORTRAIT_SCALE = 0.9
LINE_HEIGHT = 16.0  # points a line of 11-point Chinese text takes, CJK fonts' leading
ROW_PADDING = 3.0
MAX_ROW_HEIGHT = 409.0  # Excel's limit: a taller text continues in the row below
MAX_LINES = int((MAX_ROW_HEIGHT - ROW_PADDING) // LINE_HEIGHT)
FOOTER = "第 &P 页，共 &N 页"


def printable_units(orientation: Orientation, scale: float = MIN_SCALE) -> float:
    """Return how many column width units fit across an A4 page at `scale`."""
    width = A4_POINTS[1] if orientation == "landscape" else A4_POINTS[0]
    width -= (MARGINS.left + MARGINS.right) * 72
    return width / (POINTS_PER_UNIT * scale)


Orientation = Literal["portrait", "landscape"]


def orientation_for(total_width: float) -> Orientation:
    """Return "portrait" for a table that fits a portrait page well, else "landscape"."""
    fits = total_width <= printable_units("portrait", PORTRAIT_SCALE)
    return "portrait" if fits else "landscape"


def row_height(lines: int) -> float:
    """Return the height in points of a row showing `lines` lines of text."""
    return LINE_HEIGHT * max(1, lines) + ROW_PADDING


@dataclass(frozen=True)
class Part:
    """One printed column group: the body columns it holds (0-based, keys excluded)."""

    columns: tuple[int, ...]
    label: str | None = None  # the year or indicator all its columns belong to


def plan_parts(widths: Sequence[float], keys: Sequence[int], groups: Sequence[str | None],
               capacity: float) -> list[Part]:
    """Cut the columns that are not `keys` into groups that fit `capacity` beside the keys.

    `widths` and `groups` are given per column; a run of columns with one group label
    (a year, an indicator) moves whole to the next group when it does not fit, and is cut
    only when it is wider than a page on its own.
    """
    room = max(capacity - sum(widths[k] for k in keys), capacity / 3)
    body = [c for c in range(len(widths)) if c not in keys]
    runs: list[list[int]] = []
    for column in body:
        if runs and groups[column] is not None and groups[runs[-1][-1]] == groups[column]:
            runs[-1].append(column)
        else:
            runs.append([column])
    parts: list[list[int]] = [[]]
    for run in runs:
        run_width = sum(widths[c] for c in run)
        used = sum(widths[c] for c in parts[-1])
        if parts[-1] and used + run_width > room and run_width <= room:
            parts.append([])
        for column in run:
            if parts[-1] and sum(widths[c] for c in parts[-1]) + widths[column] > room:
                parts.append([])
            parts[-1].append(column)
    return [Part(tuple(p), _common_label([groups[c] for c in p])) for p in parts if p]


def _common_label(labels: list[str | None]) -> str | None:
    return labels[0] if labels and labels[0] and all(lb == labels[0] for lb in labels) else None


def set_up_page(sheet: Worksheet, title: str, orientation: Orientation, *,
                title_rows: str | None = "2:2") -> None:
    """Print `sheet` on A4 fitted to the page width, titled, numbered, header repeated."""
    sheet.page_setup.orientation = orientation
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is None:
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = MARGINS
    sheet.print_options.horizontalCentered = True
    if title_rows:
        sheet.print_title_rows = title_rows
    for item, text in ((sheet.oddHeader, title.replace("&", "&&")), (sheet.oddFooter, FOOTER)):
        if item is not None:
            item.center.text, item.center.size = text, 9
