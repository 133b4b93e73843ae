"""One PDF page into lines of text and ruled tables, top to bottom.

Drawn checkboxes are taken out of the ruling first, struck-out characters marked, symbol
characters decoded; each character goes to the cell box it falls in, or outside.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from pdfplumber.page import Page

from parsers.pdf.checkboxes import decode_symbol, drawing_key, drawn_checkboxes
from parsers.pdf.model import Box, Line, PageContent, Ruled
from parsers.pdf.paragraphs import join_cell_lines
from parsers.pdf.tables import CellLocator, lone_cells
from parsers.pdf.words import cell_lines

_TABLE_SETTINGS: dict[str, Any] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}
# A strike-through line crosses a character between these heights above the bottom of its
# box (fractions of its size); an underline lies lower, a table's ruling outside the box.
_STRIKE_LOW = 0.2
_STRIKE_HIGH = 0.7


def read_page(page: Page) -> PageContent:
    marks, drawn = drawn_checkboxes(page)
    if drawn:
        # The squares are no ruling: left in, they would cut the cells they stand in.
        page = page.filter(lambda obj: drawing_key(obj) not in drawn)
    chars = _mark_struck_out(page.chars, page.horizontal_edges)
    chars = [decode_symbol(char) for char in chars] + marks
    finder = page.debug_tablefinder(_TABLE_SETTINGS)
    found = [[tuple(c) for c in table.cells] for table in finder.tables]
    lone = lone_cells(finder.cells, found)
    locators = [CellLocator(cells) for cells in found + [[cell] for cell in lone]]
    in_cells: list[list[list[dict[str, Any]]]] = [
        [[] for _ in locator.boxes] for locator in locators
    ]
    outside: list[dict[str, Any]] = []
    for char in chars:
        x = (char["x0"] + char["x1"]) / 2
        y = (char["top"] + char["bottom"]) / 2
        for index, locator in enumerate(locators):
            box = locator.locate(x, y)
            if box is not None:
                in_cells[index][box].append(char)
                break
        else:
            outside.append(char)
    items: list[Line | Ruled] = [
        Line(min(c["top"] for c in line.chars), line.text, line) for line in cell_lines(outside)
    ]
    for number, (locator, cell_chars) in enumerate(zip(locators, in_cells, strict=True)):
        boxes = []
        for (x0, top, x1, bottom), box_chars in zip(locator.boxes, cell_chars, strict=True):
            lines = tuple(cell_lines(box_chars))
            text, soft = join_cell_lines(lines, x0, x1) if lines else ("", ())
            boxes.append(Box(x0, top, x1, bottom, text, lines, soft))
        items.append(Ruled(boxes, locator.top, locator.bottom, lone=number >= len(found)))
    items.sort(key=lambda item: item.top)
    has_text = any(not char["text"].isspace() for char in page.chars)
    return PageContent(float(page.height), items, has_text, float(page.width))


def _mark_struck_out(chars: list[dict[str, Any]], edges: list[dict[str, Any]]
                     ) -> list[dict[str, Any]]:
    """Return `chars`, those a line is drawn through marked "struck": they are deleted text."""
    strokes = sorted((edge["top"], edge["x0"], edge["x1"]) for edge in edges)
    heights = [stroke[0] for stroke in strokes]
    marked: list[dict[str, Any]] = []
    for char in chars:
        em = char["bottom"] - char["top"]
        x = (char["x0"] + char["x1"]) / 2
        lowest, highest = char["bottom"] - _STRIKE_HIGH * em, char["bottom"] - _STRIKE_LOW * em
        index = bisect_left(heights, lowest)
        while index < len(strokes) and strokes[index][0] <= highest:
            if strokes[index][1] <= x <= strokes[index][2]:
                char = {**char, "struck": True}
                break
            index += 1
        marked.append(char)
    return marked
