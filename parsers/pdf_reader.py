"""Read a .pdf file into the grid model, seeing the text a reader of the printed page sees.

This module owns everything about PDF files: refusing what cannot be read (broken,
encrypted, scanned, far too long), finding ruled tables with pdfplumber and turning their
cell boxes into merged-cell grids, rebuilding text from positioned characters (typed spaces
kept, none invented between Chinese characters, lines wrapped inside a cell joined again,
struck-out text dropped), joining a table that runs on over a page break, and reading
custom keys of the document info. Nothing above it touches pdfplumber or pdfminer objects.
"""

from __future__ import annotations

import io
import itertools
import os
import struct
import unicodedata
import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.pdfexceptions import PDFException
from pdfminer.pdfpage import PDFPage
from pdfminer.psexceptions import PSException
from pdfplumber.page import Page
from pdfplumber.pdf import PDF
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from forms.errors import UnreadableFileError
from parsers.grid import Block, Cell, Grid, Paragraph, Table, read_with

# A school form is a few pages; hundreds of pages is a wrong file or a hostile one, and every
# page costs tens of milliseconds to lay out.
_MAX_PAGES = 200
# Ruling lines closer than this (points) are one line: borders drawn twice, or a hair apart.
_SNAP = 2.0
_TABLE_SETTINGS: dict[str, Any] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}
# Gaps between characters, as a fraction of the font size. Latin words are split by a space
# about a quarter of an em wide, kerning is far less; a gap of a whole em or more is a
# visible hole in the line (a blank between two sub-labels, columns of a borderless table).
_WORD_GAP = 0.2
_WIDE_GAP = 1.0
# The same character again within this distance is printed over itself, not written twice.
_OVERPRINT = 0.1
# Telling a line that wrapped from a line the writer ended (fractions of the font size but
# the padding): Word and LibreOffice keep about 5.4 pt between a cell's border and its text;
# a first line may be indented by two characters; a wrapped line ends less than the next
# word short of the right edge, give or take half a character of rounding and padding.
_CELL_PADDING = 6.0
_INDENT = 2.5
_WRAP_SLACK = 0.5
# A strike-through line crosses a character between these heights above the bottom of its
# box (fractions of its size); an underline lies lower, a table's ruling outside the box.
_STRIKE_LOW = 0.2
_STRIKE_HIGH = 0.7
_CLOSING = frozenset("，。、；：？！）》」』】〕〉”’…,.;:?!)]}%")
# Where page headers and footers sit, as a fraction of the page height: lines there do not
# stop a table from running on over the page break.
_HEADER_ZONE = 0.07
_FOOTER_ZONE = 0.92
# Word and LibreOffice break a table only when the page is full, so a table that stops
# higher up than this (a fraction of the page height) ends there; a page break follows it.
_RUNS_ON_BELOW = 0.75
_STANDARD_INFO_KEYS = frozenset(
    {"Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate",
     "ModDate", "Trapped"}
)

# What pdfminer raises, directly or wrapped by pdfplumber, on damaged or truncated files:
# besides its own exceptions it lets plain Python errors escape from broken object streams.
_DAMAGED_PDF_ERRORS = (
    PdfminerException,
    MalformedPDFException,
    PDFException,
    PSException,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    struct.error,
    zlib.error,
    EOFError,
    RecursionError,
    OverflowError,
    AssertionError,
)

_EMPTY_MESSAGE = "文件是空的（0 字节），请学校重新提交"
_CORRUPT_MESSAGE = "文件不是有效的 PDF，可能已损坏"
_ENCRYPTED_MESSAGE = "文件已加密，请学校去掉密码后重新提交"
_SCANNED_MESSAGE = (
    "PDF 是扫描图片，没有文字，无法读取；请学校提交 Word 文件或可复制文字的 PDF"
)
_NO_TEXT_MESSAGE = "PDF 里没有任何文字，无法读取；请学校提交填好的 Word 文件或 PDF"
_TOO_LARGE_MESSAGE = (
    f"PDF 超过 {_MAX_PAGES} 页，不像是一份学校填报的表格，已拒绝读取；"
    "请学校只提交需要填写的表格"
)


def read_pdf(source: str | os.PathLike[str] | bytes) -> Grid:
    """Read the .pdf at path `source` (or its bytes) into paragraphs, tables and properties."""
    return read_with(_read_pdf_bytes, source)


def _read_pdf_bytes(data: bytes) -> Grid:
    if not data:
        raise UnreadableFileError(_EMPTY_MESSAGE, code="empty")
    # Readers accept junk before the header, but not a file without one.
    if b"%PDF-" not in data[:1024]:
        raise UnreadableFileError(_CORRUPT_MESSAGE, code="corrupt")
    try:
        # Not closed through `with`: PDF.close() visits every page, even of a file refused
        # as too long, and the stream it would close is ours and only in memory.
        return _read_document(pdfplumber.open(io.BytesIO(data)))
    except _DAMAGED_PDF_ERRORS as error:
        if _needs_password(error):
            raise UnreadableFileError(_ENCRYPTED_MESSAGE, code="encrypted") from error
        raise UnreadableFileError(_CORRUPT_MESSAGE, code="corrupt") from error


def _needs_password(error: BaseException) -> bool:
    # pdfplumber wraps pdfminer's errors in PdfminerException(original). A wrong (empty)
    # password and an encryption pdfminer cannot undo both leave the text locked away.
    causes = [error, *error.args, error.__cause__, error.__context__]
    return any(isinstance(cause, PDFEncryptionError) for cause in causes)


def _read_document(pdf: PDF) -> Grid:
    # Count through the page tree before laying out any page, so a huge file costs nothing.
    counted = itertools.islice(PDFPage.create_pages(pdf.doc), _MAX_PAGES + 1)
    if sum(1 for _ in counted) > _MAX_PAGES:
        raise UnreadableFileError(_TOO_LARGE_MESSAGE, code="too_large")
    pages: list[_PageContent] = []
    has_images = False
    for page in pdf.pages:
        pages.append(_read_page(page))
        has_images = has_images or bool(page.images)
        page.close()  # drop the page's cached layout so memory stays flat over long files
    if not any(content.has_text for content in pages):
        if has_images:
            raise UnreadableFileError(_SCANNED_MESSAGE, code="scanned")
        raise UnreadableFileError(_NO_TEXT_MESSAGE, code="empty")
    return Grid(blocks=_join_pages(pages), properties=_custom_properties(pdf.metadata))


def _custom_properties(metadata: dict[str, Any]) -> dict[str, str]:
    properties: dict[str, str] = {}
    for key, value in metadata.items():
        if key in _STANDARD_INFO_KEYS:
            continue
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if isinstance(value, str | int | float):
            properties[str(key)] = str(value)
    return properties


class _Box(NamedTuple):
    """A table cell's box on the page (points, y growing downwards) and its text."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str


@dataclass
class _Line:
    """A line of text outside any table."""

    top: float
    text: str


@dataclass
class _Ruled:
    """A ruled table found on one page, in that page's coordinates."""

    boxes: list[_Box]
    top: float
    bottom: float


@dataclass
class _PageContent:
    """What one page holds, top to bottom: lines of text and ruled tables."""

    height: float
    items: list[_Line | _Ruled]
    has_text: bool


class _TableDraft:
    """A table being built: its first page's part, then parts from following pages."""

    def __init__(self, first: _Ruled) -> None:
        self.first = first
        self.boxes = list(first.boxes)
        self.bottom = first.bottom

    def append(self, part: _Ruled) -> None:
        """Add the continuation `part` below the boxes so far, dropping a repeated header."""
        header = _repeated_header_depth(self.first, part)
        kept = [b for b in part.boxes if b.top >= part.top + header - _SNAP]
        if not kept:
            return
        start = min(b.top for b in kept)
        # Shift the part so it starts where the table so far ends: no empty row between.
        shift = self.bottom - start
        self.boxes.extend(b._replace(top=b.top + shift, bottom=b.bottom + shift) for b in kept)
        self.bottom = part.bottom + shift


def _read_page(page: Page) -> _PageContent:
    chars = _mark_struck_out(page.chars, page.horizontal_edges)
    found = page.find_tables(_TABLE_SETTINGS)
    locators = [_CellLocator([tuple(c) for c in table.cells]) for table in found]
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
    items: list[_Line | _Ruled] = [
        _Line(min(c["top"] for c in line), text)
        for line in _lines(outside)
        if (text := _line_text(line))
    ]
    for locator, cell_chars in zip(locators, in_cells, strict=True):
        boxes = [
            _Box(x0, top, x1, bottom, _cell_text(box_chars, x0, x1))
            for (x0, top, x1, bottom), box_chars in zip(locator.boxes, cell_chars, strict=True)
        ]
        items.append(_Ruled(boxes, locator.top, locator.bottom))
    items.sort(key=lambda item: item.top)
    has_text = any(not char["text"].isspace() for char in page.chars)
    return _PageContent(float(page.height), items, has_text)


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


class _CellLocator:
    """Find which cell box of one table a point on the page falls in."""

    def __init__(self, boxes: list[tuple[float, ...]]) -> None:
        self.boxes = boxes
        self.xs = _snap(v for b in boxes for v in (b[0], b[2]))
        self.ys = _snap(v for b in boxes for v in (b[1], b[3]))
        self.left, self.right = self.xs[0], self.xs[-1]
        self.top, self.bottom = self.ys[0], self.ys[-1]
        self._slots: dict[tuple[int, int], int] = {}
        for index, (x0, top, x1, bottom) in enumerate(boxes):
            for row in range(_position(self.ys, top), _position(self.ys, bottom)):
                for col in range(_position(self.xs, x0), _position(self.xs, x1)):
                    self._slots.setdefault((row, col), index)

    def locate(self, x: float, y: float) -> int | None:
        """Return the index of the box holding point (`x`, `y`), or None."""
        if not (self.left <= x < self.right and self.top <= y < self.bottom):
            return None
        return self._slots.get((_position(self.ys, y), _position(self.xs, x)))


def _snap(values: Iterable[float]) -> list[float]:
    """Return the distinct positions in `values`, each standing for those within _SNAP above it."""
    positions: list[float] = []
    for value in sorted(values):
        if not positions or value - positions[-1] > _SNAP:
            positions.append(value)
    return positions


def _position(positions: Sequence[float], value: float) -> int:
    """Return the index of the snapped position `value` belongs to."""
    return max(bisect_right(positions, value + 1e-6) - 1, 0)


def _lines(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Return `chars` grouped into printed lines, top to bottom, each left to right."""
    lines: list[list[dict[str, Any]]] = []
    line_top = line_bottom = 0.0
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        height = char["bottom"] - char["top"]
        overlap = min(line_bottom, char["bottom"]) - max(line_top, char["top"])
        if lines and overlap >= 0.5 * min(height, line_bottom - line_top):
            lines[-1].append(char)
            line_bottom = max(line_bottom, char["bottom"])
        else:
            lines.append([char])
            line_top, line_bottom = char["top"], char["bottom"]
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]


def _line_text(line: list[dict[str, Any]]) -> str:
    """Join the characters of one line as printed, spaces where spaces or gaps are seen."""
    parts: list[str] = []
    previous: dict[str, Any] | None = None
    spaces: list[tuple[float, float]] = []  # the space characters since `previous`
    reach = 0.0  # the right end of the last character, struck out or not
    for char in line:
        text = char["text"]
        if char.get("struck"):
            # Deleted text leaves no gap behind: what stood around it was written together.
            reach, spaces = max(reach, char["x1"]), []
            continue
        if text.isspace():
            if previous is not None and not any(abs(char["x0"] - x) < 1 for x, _ in spaces):
                spaces.append((char["x0"], char["x1"]))
            continue
        if previous is not None:
            em = max(min(char["size"], previous["size"]), 1.0)
            if text == previous["text"] and abs(char["x0"] - previous["x0"]) < _OVERPRINT * em:
                continue  # the same glyph printed again a hair aside: a fake bold
            gap = char["x0"] - max(previous["x1"], reach)
            latin = not _is_wide(previous["text"]) and not _is_wide(text)
            typed = _typed_spaces(spaces, max(previous["x1"], reach), char["x0"])
            if typed:
                parts.append(" " * typed)  # typed spaces, as many as were typed
            elif gap >= _WIDE_GAP * em or (latin and gap > _WORD_GAP * em):
                parts.append(" ")  # a gap with no space character: words placed apart
        parts.append(text)
        previous, spaces, reach = char, [], char["x1"]
    return "".join(parts)


def _typed_spaces(spaces: list[tuple[float, float]], left: float, right: float) -> int:
    """Return how many of the space glyphs between two characters are spaces someone typed.

    LibreOffice draws underlines with space glyphs laid over the text and over the small gap
    it puts between Chinese and Latin characters; a typed space is one that stands in the
    gap and the gap is as wide as the space.
    """
    between = [(x0, x1) for x0, x1 in spaces if left - 0.5 <= (x0 + x1) / 2 <= right + 0.5]
    if not between:
        return 0
    width = max(x1 - x0 for x0, x1 in between) or 1.0
    return min(len(between), int((right - left) / width + 0.2))


def _cell_text(chars: list[dict[str, Any]], x0: float, x1: float) -> str:
    """Return the text of the cell from `x0` to `x1`: its lines, those wrapped joined again."""
    lines = [(line, text) for line in _lines(chars) if (text := _line_text(line))]
    if not lines:
        return ""
    printed = [[c for c in line if not c["text"].isspace()] for line, _ in lines]
    padding = min(_CELL_PADDING, min(line[0]["x0"] for line in printed) - x0)
    left, right = x0 + padding, x1 - padding
    parts = [lines[0][1]]
    for before, after, (_, text) in zip(printed, printed[1:], lines[1:], strict=False):
        if _wraps(before, after, left, right):
            glued = _is_wide(before[-1]["text"]) or _is_wide(after[0]["text"])
            parts.append(text if glued or before[-1]["text"] == "-" else " " + text)
        else:
            parts.append("\n" + text)
    return "".join(parts)


def _wraps(before: list[dict[str, Any]], after: list[dict[str, Any]], left: float,
           right: float) -> bool:
    """Return whether line `before` was broken only because `after`'s first word did not fit."""
    em = max(before[-1]["size"], 1.0)
    if before[0]["x0"] > left + _INDENT * em:
        return False  # a short line set to the right or centred: it ends where it was typed
    first = after[0]
    end = first["x1"]
    for char in after[1:]:
        # A word is a run of Latin letters or digits, or one Chinese character; closing
        # punctuation goes with what it follows, since a line must not start with it.
        if char["text"] not in _CLOSING and (_is_wide(first["text"]) or _is_wide(char["text"])):
            break
        if char["x0"] - end > _WORD_GAP * em:
            break
        end = char["x1"]
    needed = end - first["x0"] + (0 if _is_wide(first["text"]) else _WORD_GAP * em)
    return before[-1]["x1"] + needed > right - _WRAP_SLACK * em


def _is_wide(text: str) -> bool:
    # Chinese characters and full-width punctuation are written without spaces between them.
    return any(unicodedata.east_asian_width(ch) in ("W", "F") for ch in text)


def _join_pages(pages: list[_PageContent]) -> list[Block]:
    drafted: list[Paragraph | _TableDraft] = []
    running_on: _TableDraft | None = None
    for page in pages:
        first_body, last_body = _first_body_item(page), _last_body_item(page)
        draft: _TableDraft | None = None
        for item in page.items:
            if isinstance(item, _Line):
                drafted.append(Paragraph(item.text))
                continue
            if item is first_body and running_on is not None and _same_columns(running_on, item):
                draft = running_on
                draft.append(item)
            else:
                draft = _TableDraft(item)
                drafted.append(draft)
        # Only a table that fills the page's body to its end can run on onto the next page.
        runs_on = isinstance(last_body, _Ruled) and last_body.bottom >= _RUNS_ON_BELOW * (
            page.height
        )
        running_on = draft if runs_on else None
    return [_build_table(d.boxes) if isinstance(d, _TableDraft) else d for d in drafted]


def _first_body_item(page: _PageContent) -> _Line | _Ruled | None:
    limit = _HEADER_ZONE * page.height
    return next(
        (item for item in page.items if isinstance(item, _Ruled) or item.top > limit), None
    )


def _last_body_item(page: _PageContent) -> _Line | _Ruled | None:
    limit = _FOOTER_ZONE * page.height
    return next(
        (item for item in reversed(page.items) if isinstance(item, _Ruled) or item.top < limit),
        None,
    )


def _same_columns(draft: _TableDraft, part: _Ruled) -> bool:
    """Return whether `part` has the column lines of `draft` (or a subset, or a superset)."""
    ours = _snap(v for b in draft.boxes for v in (b.x0, b.x1))
    theirs = _snap(v for b in part.boxes for v in (b.x0, b.x1))
    if abs(ours[0] - theirs[0]) > _SNAP or abs(ours[-1] - theirs[-1]) > _SNAP:
        return False
    fewer, more = sorted((ours, theirs), key=len)
    return all(any(abs(x - y) <= _SNAP for y in more) for x in fewer)


def _repeated_header_depth(first: _Ruled, part: _Ruled) -> float:
    """Return how far down `part` repeats the top rows of `first` (Word's repeated header)."""
    depth = 0.0
    for boundary in _snap(b.bottom - first.top for b in first.boxes):
        ours, theirs = _rows_above(first, boundary), _rows_above(part, boundary)
        if ours is None or theirs is None or not any(b.text for b in ours):
            break
        if len(ours) != len(theirs) or not all(map(_same_box, ours, theirs)):
            break
        depth = boundary
    return depth


def _rows_above(table: _Ruled, depth: float) -> list[_Box] | None:
    """Return the boxes in the top `depth` of `table` from its top; None if one crosses it."""
    found: list[_Box] = []
    for box in table.boxes:
        top, bottom = box.top - table.top, box.bottom - table.top
        if bottom <= depth + _SNAP:
            found.append(box._replace(top=top, bottom=bottom))
        elif top < depth - _SNAP:
            return None
    return sorted(found, key=lambda b: (round(b.top), round(b.x0)))


def _same_box(ours: _Box, theirs: _Box) -> bool:
    return ours.text == theirs.text and all(
        abs(a - b) <= _SNAP for a, b in zip(ours[:4], theirs[:4], strict=True)
    )


def _build_table(boxes: list[_Box]) -> Table:
    """Turn cell boxes into a grid: one row or column per distinct ruling line position."""
    xs = _snap(v for b in boxes for v in (b.x0, b.x1))
    ys = _snap(v for b in boxes for v in (b.top, b.bottom))
    cells: list[Cell] = []
    for box in boxes:
        row, col = _position(ys, box.top), _position(xs, box.x0)
        rowspan, colspan = _position(ys, box.bottom) - row, _position(xs, box.x1) - col
        # The sliver between the two strokes of a double line snaps to nothing: not a cell.
        if rowspan > 0 and colspan > 0:
            cells.append(Cell(box.text, row, col, rowspan, colspan))
    cells.sort(key=lambda c: (c.row, c.col))
    return Table(cells=cells, n_rows=len(ys) - 1, n_cols=len(xs) - 1)
