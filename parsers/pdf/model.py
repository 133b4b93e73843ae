"""What the PDF reader builds from a page before the grid: lines, ruled boxes, tables.

Coordinates are points with y growing downwards, as pdfplumber gives them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

# Where page headers and footers sit, as a fraction of the page height: lines there do not
# stop a table from running on over the page break.
HEADER_ZONE = 0.07
FOOTER_ZONE = 0.92


class CellLine(NamedTuple):
    """One printed line in a cell: its characters, spaces included, those printed, its text."""

    chars: list[dict[str, Any]]
    printed: list[dict[str, Any]]
    text: str


class Box(NamedTuple):
    """A table cell's box on the page (points, y growing downwards), its text and lines."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    lines: tuple[CellLine, ...] = ()
    soft: tuple[int, ...] = ()  # where full lines were joined to the next (Cell.soft_joins)


@dataclass
class Line:
    """A line of text outside any table (or, once wrapped lines are joined, a paragraph)."""

    top: float
    text: str
    last: CellLine | None = None  # its last printed line, to tell whether it wrapped


@dataclass
class Ruled:
    """A ruled table found on one page, in that page's coordinates.

    A `lone` one is a single ruled box: the last row of a table run over onto this page, or
    else a frame drawn around some paragraphs, which are then read as paragraphs.
    """

    boxes: list[Box]
    top: float
    bottom: float
    lone: bool = False


@dataclass
class PageContent:
    """What one page holds, top to bottom: lines of text and ruled tables."""

    height: float
    items: list[Line | Ruled]
    has_text: bool
    width: float = 0.0


def in_body(line: Line, page: PageContent) -> bool:
    """Return whether `line` is in the body of `page`, not in its header or footer."""
    return HEADER_ZONE * page.height < line.top < FOOTER_ZONE * page.height
