"""Read a .pdf file into the grid model, seeing the text a reader of the printed page sees.

This module owns everything about PDF files: refusing what cannot be read (broken,
encrypted, scanned, far too long), finding ruled tables with pdfplumber and turning their
cell boxes into merged-cell grids, rebuilding text from positioned characters (typed spaces
kept, none invented between Chinese characters, lines wrapped inside a cell joined again,
struck-out text dropped), joining a table that runs on over a page break, and reading
custom keys of the document info. Nothing above it touches pdfplumber or pdfminer objects.

A table row that breaks over a page comes back as one row: its part on the next page is added
to the cells above it, and a cell's text is rejoined over the break like any wrapped line.
Lines outside tables are joined into paragraphs the same way, between the page's margins.
Checkbox marks printed from a symbol font (Wingdings) and Word's legacy checkbox fields,
which LibreOffice draws as small squares, are read as the marks of the grid model.
"""

from __future__ import annotations

import io
import itertools
import os
import re
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
from parsers.grid import CHECKED, UNCHECKED, Block, Cell, Grid, Paragraph, Table, read_with
from parsers.marks import WINGDINGS as _WINGDINGS
from parsers.marks import WINGDINGS_2 as _WINGDINGS_2
from parsers.safety import SCAN_MESSAGE

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
# A wrapped line is joined without a space after these (a dash, a slash, an opening bracket)
# and before these, even between Latin characters: "JY/T1004—2012", "（2021—2023年）".
_NO_SPACE_AFTER = frozenset("-‐‑–—―/([{（《“‘")
_NO_SPACE_BEFORE = frozenset("-‐‑–—―/")
_SENTENCE_END = frozenset("。！？；：.!?;:）)】》」』”’")
# Over a page break, a full line is taken to run on only in a column this wide (in
# characters): in a narrow label column every line is full.
_TELLING_WIDTH = 6.0
# A wrapped line follows the line above at the paragraph's line pitch, whatever the font; a
# line further down than this many pitches has an empty line or a paragraph's spacing above
# it. The pitch is read from the neighbouring lines, as fonts differ in line height.
_PARAGRAPH_GAP = 1.6
_HALF_BRACKETS = str.maketrans("()", "（）")
_BRACKETS = {"（": "）", "(": ")", "“": "”", "‘": "’", "《": "》", "【": "】", "「": "」",
             "『": "』", "〔": "〕", "〈": "〉"}
# A line starting like a numbered item ("2.", "3、", "（4）", "⑤", "三、", "（二）") begins a
# new paragraph even when the line before it is full: list items are typed one a paragraph.
_LIST_ITEM = re.compile(
    r"(\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]|[①-⑳]"
    r"|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])"
)
# An item's number at the start of its cell: "17." or "C17" (then "18." or "C18" follows).
_ITEM_NUMBER = re.compile(
    r"(?P<letter>[A-Z])(?P<number>\d{1,2})(?P<mark>)(?!\d)"
    r"|(?P<letter2>)(?P<number2>\d{1,2})(?P<mark2>[.．、])(?!\d)"
)
# After a sentence ends, a line starting "2.2021年…" is the next numbered item too.
_ITEM_END = frozenset("。；！？;!?")
_NUMBER_THEN_DIGITS = re.compile(r"\d{1,2}[.．、]\d")
# Symbol fonts: Word and LibreOffice write a symbol character as the private-use code point
# U+F000 plus its code in the font; the two Wingdings tables have no code in common, so a
# code printed in a fallback font (the symbol font missing) is still read unambiguously.
_SYMBOL_PAGE = 0xF000
_SYMBOL_CODES = {**_WINGDINGS, **_WINGDINGS_2}
_BOX_MARKS = frozenset({CHECKED, UNCHECKED})
# Word's legacy checkbox fields print as an empty square, crossed when ticked; a square this
# size (points) with no character inside is such a box.
_BOX_SIDE = (5.0, 16.0)
# A one-cell ruled box this small is a drawn checkbox or a decoration, never a table's row.
_LONE_CELL_MIN = (20.0, 10.0)
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
_SCANNED_MESSAGE = SCAN_MESSAGE  # a page that is only a picture: a scan
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
    _join_wrapped_lines(pages)
    return Grid(blocks=_join_pages(pages), properties=_custom_properties(pdf.metadata))


def _join_wrapped_lines(pages: list[_PageContent]) -> None:
    """Join the lines outside tables that wrapped into the paragraphs they are, page by page.

    The text runs from the left margin, where the leftmost body line starts, to as far from
    the right edge of the page (Word's and LibreOffice's margins are the same on both sides).
    """
    body = [
        item.last.printed[0]["x0"] for page in pages for item in page.items
        if isinstance(item, _Line) and item.last is not None and _in_body(item, page)
    ]
    if not body:
        return
    left = min(body)
    for page in pages:
        right = page.width - left
        joined: list[_Line | _Ruled] = []
        run: list[_Line] = []  # the lines printed since the last table or header
        for item in page.items:
            if not isinstance(item, _Line) or item.last is None or not _in_body(item, page):
                joined.append(item)
                run = []
                continue
            previous = joined[-1] if run else None
            if isinstance(previous, _Line) and previous.last is not None and _wraps_on(
                    [line.last.printed for line in (*run, item) if line.last], left, right,
                    previous.text):
                joint = _joint(previous.last, item.last, right)
                joined[-1] = _Line(previous.top, previous.text + joint + item.text, item.last)
            else:
                joined.append(item)
            run.append(item)
        page.items = joined


def _in_body(line: _Line, page: _PageContent) -> bool:
    """Return whether `line` is in the body of `page`, not in its header or footer."""
    return _HEADER_ZONE * page.height < line.top < _FOOTER_ZONE * page.height


def _wraps_on(lines: list[list[dict[str, Any]]], left: float, right: float, paragraph: str
              ) -> bool:
    """Return whether the last but one of `lines` (outside tables) wrapped into the last."""
    before, after = lines[-2], lines[-1]
    if abs(before[-1]["size"] - after[0]["size"]) > 0.1 * before[-1]["size"]:
        return False  # a heading over body text, or the other way round
    return _wraps(lines, len(lines) - 1, left, right, paragraph)


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


class _CellLine(NamedTuple):
    """One printed line in a cell: its characters, spaces included, those printed, its text."""

    chars: list[dict[str, Any]]
    printed: list[dict[str, Any]]
    text: str


class _Box(NamedTuple):
    """A table cell's box on the page (points, y growing downwards), its text and lines."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    lines: tuple[_CellLine, ...] = ()
    soft: tuple[int, ...] = ()  # where full lines were joined to the next (Cell.soft_joins)


@dataclass
class _Line:
    """A line of text outside any table (or, once wrapped lines are joined, a paragraph)."""

    top: float
    text: str
    last: _CellLine | None = None  # its last printed line, to tell whether it wrapped


@dataclass
class _Ruled:
    """A ruled table found on one page, in that page's coordinates.

    A `lone` one is a single ruled box: the last row of a table run over onto this page, or
    else a frame drawn around some paragraphs, which are then read as paragraphs.
    """

    boxes: list[_Box]
    top: float
    bottom: float
    lone: bool = False


@dataclass
class _PageContent:
    """What one page holds, top to bottom: lines of text and ruled tables."""

    height: float
    items: list[_Line | _Ruled]
    has_text: bool
    width: float = 0.0


class _TableDraft:
    """A table being built: its first page's part, then parts from following pages."""

    def __init__(self, first: _Ruled) -> None:
        self.first = first
        self.boxes = list(first.boxes)
        self.bottom = first.bottom

    def append(self, part: _Ruled) -> None:
        """Add the continuation `part` below the boxes so far, dropping a repeated header.

        When `part`'s first row is the rest of a row broken by the page, its cells' text is
        added to the cells above them and the row becomes one again.
        """
        header = _repeated_header_depth(self.first, part)
        kept = [b for b in part.boxes if b.top >= part.top + header - _SNAP]
        if not kept:
            return
        start = min(b.top for b in kept)
        first_row = [b for b in kept if b.top - start <= _SNAP]
        pairs = self._pairs_with_last_row(first_row)
        if pairs is not None and _continues_row([(self.boxes[i], b) for i, b in pairs],
                                                [self._text_above(self.boxes[i])
                                                 for i, _ in pairs]):
            # Shift the part so its first row lies on the last row so far, and merge the two.
            shift = self.bottom - min(b.bottom for b in first_row)
            for above, below in pairs:
                self.boxes[above] = _merged_box(self.boxes[above], below, shift)
            kept = [b for b in kept if b.top - start > _SNAP]
        else:
            # Shift the part so it starts where the table so far ends: no empty row between.
            shift = self.bottom - start
        self.boxes.extend(b._replace(top=b.top + shift, bottom=b.bottom + shift) for b in kept)
        self.bottom = part.bottom + shift

    def _text_above(self, box: _Box) -> str:
        """Return the text of the box right above `box` in its column, "" when there is none."""
        return next((b.text for b in self.boxes if abs(b.bottom - box.top) <= _SNAP
                     and abs(b.x0 - box.x0) <= _SNAP and abs(b.x1 - box.x1) <= _SNAP), "")

    def _pairs_with_last_row(self, row: list[_Box]) -> list[tuple[int, _Box]] | None:
        """Pair each box of `row` with the box ending the table so far at the same columns.

        Return (index of the box above, box) pairs, or None unless every box of the last row
        so far and of `row` has its partner: only then can `row` be that row's remainder.
        """
        last = [i for i, b in enumerate(self.boxes) if abs(b.bottom - self.bottom) <= _SNAP]
        if len(last) != len(row):
            return None
        pairs: list[tuple[int, _Box]] = []
        for box in row:
            above = [i for i in last if abs(self.boxes[i].x0 - box.x0) <= _SNAP
                     and abs(self.boxes[i].x1 - box.x1) <= _SNAP]
            if len(above) != 1:
                return None
            pairs.append((above[0], box))
        return pairs if len({i for i, _ in pairs}) == len(pairs) else None


def _continues_row(pairs: list[tuple[_Box, _Box]], uppers: list[str]) -> bool:
    """Return whether a first row under a page break goes on the row above it.

    `pairs` holds each box of the row above with the box of the first row below it, and
    `uppers` the text of the cell over each box of the row above. The row goes on when a
    cell's text plainly runs on over the break: the line below starts with closing
    punctuation or closes a bracket opened above. It does not when a column numbers its rows
    and the row below starts with the next number ("16." and "17." above the break, "18."
    below it); a list numbered inside each cell ("1.网络拓扑图" / "2.设备清单") numbers no rows.

    Otherwise the cells with text on both sides, in columns wide enough for a full line to
    mean something, weigh in: one whose line above is full (not even a character more would
    fit) and did not end a sentence goes on; one that ended above with room to spare ended
    there, and a row broken by the page is broken in every cell at once. The row goes on
    when some cells go on and no more ended; it does not when its label (its first cell with
    text above the break) ended. Narrow columns (a label column is full after two or three
    characters) count only all together. Last, the row goes on when its item is empty but it
    has text further right: a new row of a form always has its item printed (the item is its
    first cell with text above the break merged neither with rows above or below nor
    written down the side, as the labels of a group of rows are).
    """
    cells = sorted(zip(pairs, uppers, strict=True), key=lambda cell: cell[0][1].x0)
    pairs = [pair for pair, _ in cells]
    labelled = False  # whether a cell left of this one has text above the break
    narrow = narrow_full = 0  # narrow columns with text on both sides, and those full above
    going = ended = 0  # wide cells with text on both sides: going on, or with room to spare
    label_ended = False
    for (above, below), upper in cells:
        first = not labelled  # the row's label: its first cell with text above the break
        labelled = labelled or bool(above.lines)
        if not (above.lines and below.lines):
            continue
        if _written_down(above, below):
            continue  # a category written down the side: says nothing
        lines = [line.printed for line in above.lines + below.lines]
        index = len(above.lines)
        following = _next_item(above.text) if _numbers_rows(upper, above.text) else None
        if following is not None and below.text.startswith(following):
            return False  # "17.…" above the break, "18.…" below it: the next item's row
        paragraph = above.text.rsplit("\n", 1)[-1]
        if _runs_on(paragraph, lines[index]):
            return True
        left, right = _text_edges(lines, below.x0, below.x1)
        before = lines[index - 1]
        em = max(before[-1]["size"], 1.0)
        # Not even a character more would fit; or two, when the line below starts with a
        # character and closing punctuation, which no line may start with ("好。"); or a
        # number or word with closing punctuation right after it, which no line breaks
        # ("完成率" / "100%，").
        after = lines[index]
        kinsoku = len(after) > 1 and _is_wide(after[0]["text"]) and after[1]["text"] in _CLOSING
        word = _first_word_width(lines, index, em)
        full = _room(before, left, right) < (
            word if _latin_then_closing(after) else min(word, em * (2 if kinsoku else 1))
        )
        goes_on = (full and before[-1]["text"] not in _SENTENCE_END
                   and _wraps(lines, index, left, right, paragraph))
        if right - left < _TELLING_WIDTH * em:
            narrow += 1
            narrow_full += goes_on
            continue
        going += goes_on
        ended += not full
        label_ended = label_ended or (first and not full)
    if going and going >= ended:
        return True
    if label_ended:
        return False
    if narrow >= 2 and narrow_full == narrow:
        # One narrow cell may be full by chance; every one of them full at once is a row
        # the page broke ("是否参与教" / "育部第一批…", "B14论文发" / "表（3分）").
        return True
    # The item: the first cell of the row that is merged neither down from the rows above
    # the break nor on into the rows below the first one, and has text above the break
    # (category columns a school left empty and unmerged say nothing).
    # The row's own top is where most of its cells start: a cell merged down from rows
    # above starts higher, one cut in two by a line inside it lower.
    tops = sorted(above.top for above, _ in pairs)
    row_top = tops[len(tops) // 2]
    row_end = min(below.bottom for _, below in pairs)
    item = next((below for above, below in pairs
                 if above.top >= row_top - _SNAP and below.bottom <= row_end + _SNAP
                 and above.text and not _written_down(above, below)), None)
    return item is not None and not item.text and any(below.text for _, below in pairs)


def _written_down(above: _Box, below: _Box) -> bool:
    """Return whether a cell over a break is written down the side, a character or two a
    line: a category over several rows ("基/本/环/境", "网络/安全")."""
    lines = above.lines + below.lines
    return (max(len(above.lines), len(below.lines)) > 1
            and all(len(line.printed) <= 2 for line in lines))


def _numbers_rows(upper: str, text: str) -> bool:
    """Return whether a cell starting `text` under one starting `upper` numbers its row."""
    following = _next_item(upper)
    return following is not None and text.startswith(following)


def _latin_then_closing(line: list[dict[str, Any]]) -> bool:
    """Return whether `line` starts with Latin letters or digits and closing punctuation."""
    for number, char in enumerate(line):
        if _is_wide(char["text"]) or char["text"] in _CLOSING:
            return number > 0 and char["text"] in _CLOSING
    return False


def _next_item(text: str) -> str | None:
    """Return how the next item of a numbered form starts after a cell starting `text`.

    "17.建有…" is followed by "18."; "C17…" by "C18".
    """
    numbered = _ITEM_NUMBER.match(text)
    if numbered is None:
        return None
    if numbered["letter"]:
        return f"{numbered['letter']}{int(numbered['number']) + 1}"
    return f"{int(numbered['number2']) + 1}{numbered['mark2']}"


def _merged_box(above: _Box, below: _Box, shift: float) -> _Box:
    """Return `above` grown over `below` (shifted by `shift`), its text run on into `below`'s."""
    lines = above.lines + below.lines
    text, soft = _join_cell_lines(lines, above.x0, above.x1) if lines else ("", ())
    return above._replace(bottom=max(above.bottom, below.bottom + shift), text=text, lines=lines,
                          soft=soft)


def _read_page(page: Page) -> _PageContent:
    marks, drawn = _drawn_checkboxes(page)
    if drawn:
        # The squares are no ruling: left in, they would cut the cells they stand in.
        page = page.filter(lambda obj: _drawing(obj) not in drawn)
    chars = _mark_struck_out(page.chars, page.horizontal_edges)
    chars = [_decode_symbol(char) for char in chars] + marks
    finder = page.debug_tablefinder(_TABLE_SETTINGS)
    found = [[tuple(c) for c in table.cells] for table in finder.tables]
    lone = _lone_cells(finder.cells, found)
    locators = [_CellLocator(cells) for cells in found + [[cell] for cell in lone]]
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
        _Line(min(c["top"] for c in line.chars), line.text, line) for line in _cell_lines(outside)
    ]
    for number, (locator, cell_chars) in enumerate(zip(locators, in_cells, strict=True)):
        boxes = []
        for (x0, top, x1, bottom), box_chars in zip(locator.boxes, cell_chars, strict=True):
            lines = tuple(_cell_lines(box_chars))
            text, soft = _join_cell_lines(lines, x0, x1) if lines else ("", ())
            boxes.append(_Box(x0, top, x1, bottom, text, lines, soft))
        items.append(_Ruled(boxes, locator.top, locator.bottom, lone=number >= len(found)))
    items.sort(key=lambda item: item.top)
    has_text = any(not char["text"].isspace() for char in page.chars)
    return _PageContent(float(page.height), items, has_text, float(page.width))


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


def _decode_symbol(char: dict[str, Any]) -> dict[str, Any]:
    """Return `char`, a Wingdings checkbox or bullet in it read as the mark it shows."""
    text = char["text"]
    if len(text) != 1:
        return char
    code = ord(text)
    name = re.sub(r"[^a-z0-9]", "", str(char.get("fontname", "")).split("+")[-1].lower())
    table: dict[int, str] | None = None
    if "wingdings3" in name:
        table = {}
    elif "wingdings2" in name:
        table = _WINGDINGS_2
    elif "wingdings" in name:
        table = _WINGDINGS
    if _SYMBOL_PAGE + 0x20 <= code <= _SYMBOL_PAGE + 0xFF:
        mark = (_SYMBOL_CODES if table is None else table).get(code - _SYMBOL_PAGE)
    elif table is not None and code <= 0xFF:
        mark = table.get(code)  # the symbol font itself, its codes read as Latin-1
    else:
        return char
    return {**char, "text": mark} if mark else char


def _fallback_box_marks(line: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return `line` with Wingdings 2 boxes that a fallback font printed as letters read back.

    Where the symbol font is missing, LibreOffice prints a Wingdings 2 box by its code in an
    ordinary font: "R是   £否" for "☑是   ☐否". A pound sign set right before a Chinese
    character is never written, so it shows the line was printed so; then a letter coding a
    box, standing alone right before a Chinese character, is that box too.
    """
    def before_wide(index: int) -> bool:
        following = line[index + 1] if index + 1 < len(line) else None
        return (following is not None and _is_wide(following["text"])
                and following["x0"] - line[index]["x1"] < 0.5 * following["size"])

    if not any(char["text"] == "£" and before_wide(i) for i, char in enumerate(line)):
        return line
    decoded = list(line)
    for index, char in enumerate(line):
        text = char["text"]
        mark = _WINGDINGS_2.get(ord(text)) if len(text) == 1 else None
        if mark not in _BOX_MARKS or not before_wide(index):
            continue
        previous = line[index - 1] if index else None
        if previous is None or previous["text"].isspace() or _is_wide(previous["text"]):
            decoded[index] = {**char, "text": mark}
    return decoded


def _drawn_checkboxes(page: Page) -> tuple[list[dict[str, Any]], set[tuple[Any, ...]]]:
    """Return a checkbox mark for each empty small square drawn on `page`, crossed or not.

    LibreOffice prints Word's legacy checkbox fields as a square outline, with its two
    diagonals when ticked; nothing of them is in the text layer. Also return the squares
    and diagonals (as `_drawing` keys), to be left out of the page's ruling lines.
    """
    chars = page.chars
    marks = []
    drawn: set[tuple[Any, ...]] = set()
    for rect in page.rects:
        x0, top, x1, bottom = rect["x0"], rect["top"], rect["x1"], rect["bottom"]
        side = x1 - x0
        if not rect.get("stroke") or rect.get("fill") or abs((bottom - top) - side) > 1:
            continue
        if not _BOX_SIDE[0] <= side <= _BOX_SIDE[1]:
            continue
        if any(x0 < (c["x0"] + c["x1"]) / 2 < x1 and top < (c["top"] + c["bottom"]) / 2 < bottom
               for c in chars):
            continue  # a box drawn around a character: the character says what it is
        diagonals = [
            line for line in page.lines
            if line["x0"] >= x0 - 1 and line["x1"] <= x1 + 1 and line["top"] >= top - 1
            and line["bottom"] <= bottom + 1 and line["x1"] - line["x0"] > side / 2
            and line["bottom"] - line["top"] > side / 2
        ]
        marks.append({
            "text": CHECKED if len(diagonals) >= 2 else UNCHECKED,
            "x0": x0, "x1": x1, "top": top, "bottom": bottom, "size": bottom - top,
            "fontname": "", "upright": True,
        })
        drawn.update(_drawing(obj) for obj in [rect, *diagonals])
    return marks, drawn


def _drawing(obj: dict[str, Any]) -> tuple[Any, ...]:
    """Return what tells a drawn object of the page from the others: its kind and place."""
    return (obj.get("object_type"), obj.get("x0"), obj.get("top"), obj.get("x1"),
            obj.get("bottom"))


def _lone_cells(cells: Sequence[tuple[float, ...]],
                tables: Sequence[Sequence[tuple[float, ...]]]) -> list[tuple[float, ...]]:
    """Return the ruled boxes of `cells` in no table of `tables` that could be a table's row.

    pdfplumber makes no table of a single box; a table's last row alone on a page is one.
    Boxes inside a table, and small ones (drawn checkboxes), are left out.
    """
    grouped = {cell for table in tables for cell in table}
    areas = [(min(c[0] for c in t), min(c[1] for c in t), max(c[2] for c in t),
              max(c[3] for c in t)) for t in tables]
    lone = []
    for cell in cells:
        x0, top, x1, bottom = cell
        if tuple(cell) in grouped:
            continue
        if x1 - x0 < _LONE_CELL_MIN[0] or bottom - top < _LONE_CELL_MIN[1]:
            continue
        if any(a[0] - _SNAP <= x0 and x1 <= a[2] + _SNAP and a[1] - _SNAP <= top
               and bottom <= a[3] + _SNAP for a in areas):
            continue
        lone.append(tuple(cell))
    return lone


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
    return [_fallback_box_marks(sorted(line, key=lambda c: c["x0"])) for line in lines]


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


def _cell_lines(chars: list[dict[str, Any]]) -> list[_CellLine]:
    """Return the printed lines of a cell's characters, top to bottom, blank ones left out."""
    lines = []
    for line in _lines(chars):
        text = _line_text(line)
        if text:
            lines.append(_CellLine(line, [c for c in line if not c["text"].isspace()], text))
    return lines


def _join_cell_lines(lines: Sequence[_CellLine], x0: float, x1: float
                     ) -> tuple[str, tuple[int, ...]]:
    """Return the text of the cell from `x0` to `x1` holding `lines`, wrapped lines joined.

    Also return where a line was joined only because it was full (nothing in the text says
    it goes on): the offsets in the text where the joined line starts.
    """
    printed = [line.printed for line in lines]
    left, right = _text_edges(printed, x0, x1)
    parts = [lines[0].text]
    paragraph = lines[0].text
    length = len(lines[0].text)
    soft: list[int] = []
    for index in range(1, len(lines)):
        if _wraps(printed, index, left, right, paragraph):
            joint = _joint(lines[index - 1], lines[index], right)
            if not _runs_on(paragraph, printed[index]):
                soft.append(length + len(joint))
            part = joint + lines[index].text
            paragraph += part
        else:
            part = "\n" + lines[index].text
            paragraph = lines[index].text
        parts.append(part)
        length += len(part)
    return "".join(parts), tuple(soft)


def _text_edges(printed: Sequence[list[dict[str, Any]]], x0: float, x1: float
                ) -> tuple[float, float]:
    """Return where text starts and must end in the cell from `x0` to `x1` holding `printed`."""
    padding = min(_CELL_PADDING, min(line[0]["x0"] for line in printed) - x0)
    return x0 + padding, x1 - padding


def _wraps(lines: Sequence[list[dict[str, Any]]], index: int, left: float, right: float,
           paragraph: str) -> bool:
    """Return whether line `index - 1` of `lines` was broken only to go on in line `index`.

    The printed characters of each line are given; text runs from `left` to `right`;
    `paragraph` is the text of the paragraph line `index - 1` ends so far.
    """
    before, after = lines[index - 1], lines[index]
    em = max(before[-1]["size"], 1.0)
    if before[0]["x0"] > left + _INDENT * em:
        return False  # a short line set to the right or centred: it ends where it was typed
    if _set_apart(lines, index):
        return False  # an empty line between: however full the line above, it ended there
    if _runs_on(paragraph, after):
        return True
    head = "".join(c["text"] for c in after[:4])
    if _LIST_ITEM.match(head):
        return False  # the next numbered item: a paragraph of its own
    if before[-1]["text"] in _ITEM_END and _NUMBER_THEN_DIGITS.match(head):
        return False  # "…满足需要。" / "2.2021年新增…": the next item, though digits follow

    needed = _first_word_width(lines, index, em)
    return before[-1]["x1"] + needed > right - _WRAP_SLACK * em


def _set_apart(lines: Sequence[list[dict[str, Any]]], index: int) -> bool:
    """Return whether line `index` of `lines` stands further below the line above it than a
    wrapped line would: more than _PARAGRAPH_GAP times the pitch of the lines next to them.

    Lines on another page (above the line before) and lines in another size say nothing.
    """
    size = lines[index - 1][-1]["size"]

    def pitch(upper: int) -> float | None:
        """Return how far line `upper + 1` is below line `upper`, both of `size`."""
        if upper < 0 or upper + 1 >= len(lines):
            return None
        pair = (lines[upper], lines[upper + 1])
        if any(abs(line[-1]["size"] - size) > 0.1 * size for line in pair):
            return None
        distance = _baseline(pair[1]) - _baseline(pair[0])
        return distance if distance > 0 else None

    gap = pitch(index - 1)
    neighbours = [p for p in (pitch(index - 2), pitch(index)) if p is not None]
    return gap is not None and bool(neighbours) and gap > _PARAGRAPH_GAP * min(neighbours)


def _baseline(line: list[dict[str, Any]]) -> float:
    return max(char["bottom"] for char in line)


def _room(line: list[dict[str, Any]], left: float, right: float) -> float:
    """Return how much wider the printed `line` could have been between `left` and `right`.

    A centred line has its room split on both sides of it.
    """
    room = right - line[-1]["x1"]
    margin = line[0]["x0"] - left
    if margin > 1 and abs(margin - room) < 1.5:
        room += margin
    return room


def _runs_on(paragraph: str, after: list[dict[str, Any]]) -> bool:
    """Return whether line `after` plainly goes on with the text `paragraph` so far.

    It does when it starts with closing punctuation, which no line, let alone a paragraph,
    begins with; or when it first closes a bracket or quotation mark left open in it.
    """
    if after[0]["text"] in _CLOSING:
        return True
    # People mix the widths of a pair ("(2分）"): count both widths as one bracket.
    paragraph = paragraph.translate(_HALF_BRACKETS)
    text = "".join(c["text"] for c in after).translate(_HALF_BRACKETS)
    for opening, closing in _BRACKETS.items():
        if paragraph.count(opening) > paragraph.count(closing) and closing in text:
            if opening not in text or text.index(closing) < text.index(opening):
                return True
    return False


def _first_word_width(lines: Sequence[list[dict[str, Any]]], index: int, em: float) -> float:
    """Return the width of the first word of line `index`: what could not fit on the line above.

    A word is a run of Latin letters or digits, or one Chinese character. An opening bracket
    goes with the word after it ("（13806661234）"), since a line must not end with it.
    Closing punctuation goes with what it follows, since a line must not start with it, and
    so do the letters or digits right after it: LibreOffice breaks no line between "，" and
    "2021". A word that runs to the end of its line goes on into a next line starting with
    closing punctuation: LibreOffice may have broken it there only because it did not fit on
    a line of its own.
    """
    head = lines[index][0]
    previous = head
    width = 0.0
    for number in range(index, len(lines)):
        line = lines[number]
        if number > index and line[0]["text"] not in _CLOSING:
            break
        end = line[0]["x1"]
        ended = False
        for char in line[1:]:
            text = char["text"]
            # No line ends with an opening bracket: it goes with what follows it.
            after_wide = (_is_wide(previous["text"]) and previous["text"] not in _CLOSING
                          and previous["text"] not in _BRACKETS)
            breakable = text not in _CLOSING and (_is_wide(text) or after_wide)
            ended = breakable or char["x0"] - end > _WORD_GAP * em
            if ended:
                break
            previous, end = char, char["x1"]
        width += end - line[0]["x0"]
        if ended:
            break
        previous = line[-1]
    return width + (0 if _is_wide(head["text"]) else _WORD_GAP * em)


def _joint(before: _CellLine, after: _CellLine, right: float) -> str:
    """Return what joins the wrapped line `before` to `after`: a space, or nothing.

    A line broken at a space keeps that space at its end in LibreOffice's text layer, and it
    stays, Chinese or not. Otherwise Chinese is written without spaces, and Latin words are
    still apart unless a dash, slash or bracket stands at the break, or a word too long for
    a line was cut where the line ended (an e-mail address, a long number).
    """
    last, first = before.printed[-1], after.printed[0]
    if any(c["text"].isspace() and c["x0"] >= last["x1"] - 0.5 for c in before.chars):
        return " "  # a space typed where the line broke ("陈立新 " / "13857712345")
    if _is_wide(last["text"]) or _is_wide(first["text"]):
        return ""
    if last["text"] in _NO_SPACE_AFTER or first["text"] in _NO_SPACE_BEFORE:
        return ""
    if first["text"] in _CLOSING:
        return ""
    em = max(last["size"], 1.0)
    one_word = not any(c["text"].isspace() for c in before.chars) and all(
        b["x0"] - a["x1"] <= _WORD_GAP * em
        for a, b in itertools.pairwise(before.printed)
    )
    if one_word and last["x1"] + (first["x1"] - first["x0"]) > right:
        return ""
    return " "


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
            elif item.lone:
                # A box alone that does not go on a table: a frame around some paragraphs.
                drafted.extend(Paragraph(text) for text in item.boxes[0].text.split("\n") if text)
                draft = None
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
            cells.append(Cell(box.text, row, col, rowspan, colspan, box.soft))
    cells.sort(key=lambda c: (c.row, c.col))
    return Table(cells=cells, n_rows=len(ys) - 1, n_cols=len(xs) - 1)
