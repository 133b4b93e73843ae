"""Scanned and photographed returns into the grid model: image files and image-only PDFs.

Each page picture is read on its own (parsers.scan.page); the pages are then put together by
the PDF reader's rules, so a table scanned over two pages is one table again, and the grid
keeps every line OCR read with its certainty (Grid.scan).
"""

from __future__ import annotations

import os

from forms.errors import UnreadableFileError
from parsers.grid import Grid, ScanReading, read_with
from parsers.pdf.page_breaks import join_pages
from parsers.pdf.paragraphs import join_wrapped_lines
from parsers.scan.images import Picture, pictures_in_image, pictures_in_pdf
from parsers.scan.ocr import engine
from parsers.scan.page import ScannedPage, read_page
from parsers.scan.pages import line_up
from parsers.scan.quality import PageUnreadable

BLANK_MESSAGE = "扫描件是空白页，没有可读的内容；请学校重新扫描填好的表格"


def read_image(source: str | os.PathLike[str] | bytes) -> Grid:
    """Read the picture file (JPEG, PNG, TIFF…) at path `source`, or its bytes, into a grid."""
    return read_with(lambda data: read_pictures(pictures_in_image(data), code="image"), source)


def read_scanned_pdf(data: bytes) -> Grid:
    """Read the PDF `data`, whose pages are images with no text layer, into a grid."""
    return read_pictures(pictures_in_pdf(data), code="scanned")


def read_pictures(pictures: list[Picture], *, code: str) -> Grid:
    """Read page `pictures` in order into one grid; refuse them with `code` if unreadable."""
    pages: list[ScannedPage] = []
    for number, picture in enumerate(pictures, start=1):
        try:
            page = read_page(picture, engine())
        except PageUnreadable as error:
            message = error.message if len(pictures) == 1 else f"第 {number} 页：{error.message}"
            raise UnreadableFileError(message, code=code) from error
        if page is not None:
            pages.append(page)
    if not pages:
        raise UnreadableFileError(BLANK_MESSAGE, code=code)
    contents = [page.content for page in pages]
    line_up(contents)
    join_wrapped_lines(contents)
    reading = ScanReading(tuple((text.text, text.confidence) for page in pages
                                for text in page.texts))
    return Grid(blocks=join_pages(contents), scan=reading)
