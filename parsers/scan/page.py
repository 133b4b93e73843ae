"""One page image into the PDF reader's page content: lines of text and ruled tables.

The page is straightened (parsers.scan.straighten), turned upright if it lies on its side
or its head, its rules found and erased, its text read once by OCR, its checkboxes read by
their ink. Each recognised character becomes a
character as the PDF reader knows them (a box in points, a size, its text, how sure OCR
was), goes to the cell holding its centre, and the PDF reader's own rules make lines,
paragraphs and tables of them: what a scan shows is read as what a printed PDF shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from parsers.pdf.model import Box, CellLine, Line, PageContent, Ruled
from parsers.pdf.paragraphs import join_cell_lines
from parsers.pdf.tables import CellLocator
from parsers.scan.checkboxes import find_squares, with_fallback_marks, with_marks
from parsers.scan.glyphs import characters, fitted, space_between, writing_height
from parsers.scan.images import Picture
from parsers.scan.ocr import Engine, TextLine, sideways
from parsers.scan.quality import check_after_reading, check_before_reading
from parsers.scan.ruling import CellBox, Rules, find_rules, ink_of
from parsers.scan.straighten import straightened
from parsers.scan.vertical import split_columns

# A page of unknown resolution is taken to be A4 (points), portrait or landscape; a
# resolution is believed when it makes the page about as wide as that.
_A4 = (595.0, 842.0)
_A4_SLACK = 0.25
# Pieces of one line overlap across the page by at most this share of the shorter one.
_SIDE_BY_SIDE = 0.3
# Rules are erased a pixel wider than found; a line's writing stands this share of its box's
# height inside the box.
_GROW = np.ones((3, 3), np.uint8)
_CORE = 0.2
# A page whose shorter side has fewer pixels than this (an A4 page at about 190 dpi) by
# more than _ENLARGE_ABOVE times is enlarged to it.
_FEWEST_PIXELS = 1560
_ENLARGE_ABOVE = 1.25
# Lines measured within this share of the page's usual size are set in that size.
_SAME_SIZE = 0.2


@dataclass(frozen=True)
class ReadText:
    """A cell's or a line's text as read from a page image, with how sure OCR was of each
    character."""

    text: str
    confidence: tuple[float, ...]


@dataclass
class ScannedPage:
    """A page read from an image: its content for the PDF rules and every text it read."""

    content: PageContent
    texts: list[ReadText]


def read_page(picture: Picture, engine: Engine) -> ScannedPage | None:
    """Return the content of the page in `picture`, or None for a blank page."""
    check_before_reading(picture)
    grey, enlarged = _enlarged(straightened(picture))
    ink, rules, wide_rules, clean = _prepared(grey)
    if float((ink > 0).mean()) < 0.001:
        return None  # a blank page: the back of a sheet
    boxes = engine.find_lines(clean)
    # A sheet fed on its side or on its head is turned upright first.
    for turned, turn in ((sideways(boxes), cv2.ROTATE_90_CLOCKWISE),
                         (None, cv2.ROTATE_180)):
        if turned is None:
            turned = engine.upside_down(clean, boxes)
        if turned:
            grey = cv2.rotate(grey, turn)
            ink, rules, wide_rules, clean = _prepared(grey)
            boxes = engine.find_lines(clean)
    text_ink = cv2.bitwise_and(ink, cv2.bitwise_not(wide_rules))
    lines = engine.read(clean, fitted(split_columns(boxes, text_ink), text_ink, wide_rules))
    check_after_reading(grey, lines)
    # Rules a photo broke here and there are looked for again, outside the lines read.
    rules = find_rules(ink, grey, _text_mask(lines, grey.shape))
    text_ink = cv2.bitwise_and(ink, cv2.bitwise_not(cv2.dilate(rules.mask, _GROW)))
    em = float(np.median([writing_height(line, text_ink) for line in lines]))
    squares = find_squares(text_ink, em)
    lines = with_fallback_marks(with_marks(lines, squares))
    height, width = grey.shape
    scale = _points_per_pixel(picture, width / enlarged, height / enlarged) / enlarged
    return _lay_out(lines, rules.tables, text_ink, scale, width, height)


def _text_mask(lines: list[TextLine], shape: tuple[int, ...]) -> np.ndarray:
    """Return the mask of where the writing of `lines` stands (their boxes' cores)."""
    mask = np.zeros(shape[:2], np.uint8)
    for line in lines:
        inset = _CORE * (line.bottom - line.top)
        x0, x1 = round(line.x0 + inset), round(line.x1 - inset)
        top, bottom = round(line.top + inset), round(line.bottom - inset)
        if x1 > x0 and bottom > top:
            mask[max(0, top):bottom, max(0, x0):x1] = 255
    return mask


def _enlarged(grey: np.ndarray) -> tuple[np.ndarray, float]:
    """Return a page of few pixels enlarged to a scanner's resolution, and by how much.

    A photo forwarded by a chat app is shrunk to 1280 pixels or so: a page about 95 dpi,
    its hairline rules a pixel of grey and its characters a dozen pixels high. Enlarged
    smoothly, its rules and characters are found and read by the rules made for a scan.
    """
    short_side = min(grey.shape)
    if short_side >= _FEWEST_PIXELS / _ENLARGE_ABOVE:
        return grey, 1.0
    factor = _FEWEST_PIXELS / short_side
    return cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC), factor


def _prepared(grey: np.ndarray) -> tuple[np.ndarray, Rules, np.ndarray, np.ndarray]:
    """Return the ink of `grey`, its rules, their pixels grown a little, and `grey` without them.

    OCR reads the page with the rules erased: a rule beside a character is read as 1 or 丨.
    """
    ink = ink_of(grey)
    rules = find_rules(ink, grey)
    wide_rules = cv2.dilate(rules.mask, _GROW)
    clean = grey.copy()
    clean[wide_rules > 0] = 255
    return ink, rules, wide_rules, clean


def _points_per_pixel(picture: Picture, width: int, height: int) -> float:
    """Return the page's points per pixel: by its resolution, if that makes a page's width.

    A phone writes 72 dpi into every photo, and an unwarped photo has no resolution at
    all: a page is then taken to be as wide as A4.
    """
    a4_width = _A4[0] if height >= width else _A4[1]
    if picture.dpi and abs(width * 72.0 / picture.dpi - a4_width) <= _A4_SLACK * a4_width:
        return 72.0 / picture.dpi
    return a4_width / width


def _lay_out(lines: list[TextLine], tables: list[list[CellBox]], ink: np.ndarray,
             scale: float, width: int, height: int) -> ScannedPage:
    """Return the page content of the read `lines` and ruled `tables` (pixels × `scale`)."""
    locators = [CellLocator([(c.x0 * scale, c.top * scale, c.x1 * scale, c.bottom * scale)
                             for c in cells]) for cells in tables]
    in_cells: list[list[list[list[dict[str, Any]]]]] = [
        [[] for _ in locator.boxes] for locator in locators]
    outside: list[list[dict[str, Any]]] = []
    measured = [characters(line, ink) for line in lines]
    body = _page_size([chars[0]["size"] * scale for chars in measured if chars])
    for number, line_chars in enumerate(measured):
        if not line_chars:
            continue
        size = _size_of(line_chars[0]["size"] * scale, body)
        pieces: dict[tuple[int, int] | None, list[dict[str, Any]]] = {}
        for char in _in_points(line_chars, scale, size):
            char["piece"] = number
            x = (char["x0"] + char["x1"]) / 2
            y = (char["top"] + char["bottom"]) / 2
            place = None
            for number, locator in enumerate(locators):
                box = locator.locate(x, y)
                if box is not None:
                    place = (number, box)
                    break
            pieces.setdefault(place, []).append(char)
        for place, chars in pieces.items():
            if place is None:
                outside.append(chars)
            else:
                in_cells[place[0]][place[1]].append(chars)
    read: list[ReadText] = []
    items: list[Line | Ruled] = []
    for chars in _same_lines(outside):
        cell_line = _cell_line(chars)
        if not cell_line.printed:
            continue
        read.append(_reading(cell_line))
        items.append(Line(min(c["top"] for c in chars), cell_line.text, cell_line))
    for locator, cells in zip(locators, in_cells, strict=True):
        boxes = []
        for (x0, top, x1, bottom), pieces_in_cell in zip(locator.boxes, cells, strict=True):
            # A space read between two cells' words may fall in a cell of its own: no line.
            cell_lines = [line for line in map(_cell_line, _same_lines(pieces_in_cell))
                          if line.printed]
            text, soft = join_cell_lines(cell_lines, x0, x1) if cell_lines else ("", ())
            if cell_lines:
                read.append(_cell_reading(text, cell_lines))
            boxes.append(Box(x0, top, x1, bottom, text, tuple(cell_lines), soft))
        items.append(Ruled(boxes, locator.top, locator.bottom))
    items.sort(key=lambda item: item.top)
    content = PageContent(height * scale, items, bool(read), width * scale)
    return ScannedPage(content, read)


def _in_points(chars: list[dict[str, Any]], scale: float, size: float) -> list[dict[str, Any]]:
    """Return `chars` (page pixels) in points, set in the font size `size` (points)."""
    return [{**char, "x0": char["x0"] * scale, "x1": char["x1"] * scale,
             "top": char["top"] * scale, "bottom": char["bottom"] * scale, "size": size}
            for char in chars]


def _page_size(sizes: list[float]) -> float:
    """Return the font size most lines of a page are set in (the median of `sizes`)."""
    return float(np.median(sizes)) if sizes else 10.5


def _size_of(size: float, body: float) -> float:
    """Return a line's measured `size` as the page's body size when it is about the same.

    Measured sizes scatter a little (figures are shorter than characters); lines of one
    paragraph must have one size, or the PDF rules would not join them.
    """
    return body if abs(size - body) <= _SAME_SIZE * body else size


def _same_lines(pieces: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    """Return the pieces of read lines joined where they stand level, top to bottom.

    Pieces of one printed line stand side by side: two that lie one over the other are two
    lines, however close (a photo's blur can close the gap between lines of a cell).
    """
    lines: list[list[dict[str, Any]]] = []
    spans: list[list[tuple[float, float]]] = []
    for piece in sorted(pieces, key=lambda p: (p[0]["top"], p[0]["x0"])):
        top, bottom = piece[0]["top"], piece[0]["bottom"]
        span = (min(c["x0"] for c in piece), max(c["x1"] for c in piece))
        for line, taken in zip(lines, spans, strict=True):
            line_top, line_bottom = line[0]["top"], line[0]["bottom"]
            overlap = min(bottom, line_bottom) - max(top, line_top)
            if overlap >= 0.5 * min(bottom - top, line_bottom - line_top) \
                    and not any(_side_by_side_overlap(span, other) for other in taken):
                line.extend(piece)
                taken.append(span)
                break
        else:
            lines.append(list(piece))
            spans.append([span])
    for line in lines:
        line.sort(key=lambda c: c["x0"])
    return sorted(lines, key=lambda line: min(c["top"] for c in line))


def _side_by_side_overlap(span: tuple[float, float], other: tuple[float, float]) -> bool:
    """Tell whether two pieces' spans across the page overlap by more than a sliver."""
    overlap = min(span[1], other[1]) - max(span[0], other[0])
    return overlap > _SIDE_BY_SIDE * min(span[1] - span[0], other[1] - other[0])


def _cell_line(chars: list[dict[str, Any]]) -> CellLine:
    """Return one printed line of read characters; pieces read apart joined as their gap says."""
    kept: list[dict[str, Any]] = []
    for char in chars:
        previous = kept[-1] if kept else None
        if previous is not None and not previous["text"].isspace() \
                and not char["text"].isspace() and char.get("piece") != previous.get("piece"):
            em = max(min(char["size"], previous["size"]), 1.0)
            spaces = space_between(previous["text"], char["text"],
                                   (char["x0"] - previous["x1"]) / em)
            if spaces:
                kept.append({**char, "text": " " * spaces, "confidence": 1.0})
        kept.append(char)
    while kept and kept[-1]["text"].isspace():
        kept.pop()
    while kept and kept[0]["text"].isspace():
        kept.pop(0)
    printed = [c for c in kept if not c["text"].isspace()]
    return CellLine(kept, printed, "".join(c["text"] for c in kept))


def _cell_reading(text: str, lines: list[CellLine]) -> ReadText:
    """Return the reading of a cell's `text`, made of `lines` and what joins them."""
    confidence: list[float] = []
    for reading in map(_reading, lines):
        start = text.find(reading.text, len(confidence))
        if start < 0:
            continue
        confidence.extend([1.0] * (start - len(confidence)))  # a joint: a space or newline
        confidence.extend(reading.confidence)
    confidence.extend([1.0] * (len(text) - len(confidence)))
    return ReadText(text, tuple(confidence))


def _reading(line: CellLine) -> ReadText:
    confidence = tuple(float(c.get("confidence", 1.0)) for c in line.chars for _ in c["text"])
    return ReadText(line.text, confidence)
