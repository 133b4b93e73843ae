"""Open a PDF, refuse what cannot be read, and read its pages into the grid model.

Refuses broken, encrypted, text-less and far too long files (parsers.safety words the
refusals), hands a PDF of page pictures with no text layer (a scan) to parsers.scan, lays
out each page (parsers.pdf.page), joins wrapped lines into paragraphs and tables over page
breaks, and reads the custom keys of the document info.
"""

from __future__ import annotations

import io
import itertools
import os
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.pdfpage import PDFPage
from pdfminer.psexceptions import PSException
from pdfplumber.pdf import PDF
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from forms.errors import UnreadableFileError
from parsers.grid import Grid, read_with
from parsers.pdf.model import PageContent
from parsers.pdf.page import read_page
from parsers.pdf.page_breaks import join_pages
from parsers.pdf.paragraphs import join_wrapped_lines
from parsers.safety import (
    EMPTY_MESSAGE,
    ENCRYPTED_MESSAGE,
    MAX_PDF_PAGES,
    NO_TEXT_MESSAGE,
    NOT_PDF_MESSAGE,
    TOO_MANY_PAGES_MESSAGE,
)

_STANDARD_INFO_KEYS = frozenset(
    {"Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate",
     "ModDate", "Trapped"}
)

# What a damaged, truncated or hostile file makes the PDF libraries raise around a read:
# pdfplumber wraps whatever pdfminer raises while it opens the document, walks the pages and
# lays a page out in PdfminerException; pdfminer's own errors (PSException, under which
# PDFException, PDFSyntaxError, PDFEncryptionError, PDFTypeError, PSEOF...) escape where
# pdfplumber calls pdfminer unwrapped; pdfplumber raises MalformedPDFException for a page
# box that is not four numbers. Nothing else is taken for a damaged file: a TypeError or
# AttributeError out of our own code is a bug and must be seen as one.
_DAMAGED_PDF_ERRORS = (PdfminerException, MalformedPDFException, PSException)
# The page-tree walk counted below is pdfminer's, unwrapped. A /Pages or /Kids entry that
# is a name or a number instead of a reference makes it raise AttributeError (it reads
# `.objid` of what it finds); a page tree nested a thousand levels deep, RecursionError
# (it walks the tree recursively). Both are caught around that walk only.
_DAMAGED_PAGE_TREE_ERRORS = (AttributeError, RecursionError)


def read_pdf(source: str | os.PathLike[str] | bytes) -> Grid:
    """Read the .pdf at path `source` (or its bytes) into paragraphs, tables and properties."""
    return read_with(_read_pdf_bytes, source)


def _read_pdf_bytes(data: bytes) -> Grid:
    if not data:
        raise UnreadableFileError(EMPTY_MESSAGE, code="empty")
    # Readers accept junk before the header, but not a file without one.
    if b"%PDF-" not in data[:1024]:
        raise UnreadableFileError(NOT_PDF_MESSAGE, code="corrupt")
    try:
        # Not closed through `with`: PDF.close() visits every page, even of a file refused
        # as too long, and the stream it would close is ours and only in memory.
        return _read_document(pdfplumber.open(io.BytesIO(data)))
    except _Scanned:
        # Pages of pictures and no text: a scan, read by OCR. Imported here: the scan reader
        # builds on this package's layout rules, and OCR's libraries load only when needed.
        from parsers.scan import read_scanned_pdf

        return read_scanned_pdf(data)
    except _DAMAGED_PDF_ERRORS as error:
        if _needs_password(error):
            raise UnreadableFileError(ENCRYPTED_MESSAGE, code="encrypted") from error
        raise UnreadableFileError(NOT_PDF_MESSAGE, code="corrupt") from error


class _Scanned(Exception):
    """Raised when every page of the PDF is a picture with no text layer."""


def _needs_password(error: BaseException) -> bool:
    # pdfplumber wraps pdfminer's errors in PdfminerException(original). A wrong (empty)
    # password and an encryption pdfminer cannot undo both leave the text locked away.
    causes = [error, *error.args, error.__cause__, error.__context__]
    return any(isinstance(cause, PDFEncryptionError) for cause in causes)


def _read_document(pdf: PDF) -> Grid:
    if _count_pages(pdf, MAX_PDF_PAGES + 1) > MAX_PDF_PAGES:
        raise UnreadableFileError(TOO_MANY_PAGES_MESSAGE, code="too_large")
    pages: list[PageContent] = []
    has_images = False
    for page in pdf.pages:
        pages.append(read_page(page))
        has_images = has_images or bool(page.images)
        page.close()  # drop the page's cached layout so memory stays flat over long files
    if not any(content.has_text for content in pages):
        if has_images:
            raise _Scanned()
        raise UnreadableFileError(NO_TEXT_MESSAGE, code="empty")
    join_wrapped_lines(pages)
    return Grid(blocks=join_pages(pages), properties=_custom_properties(pdf.metadata))


def _count_pages(pdf: PDF, limit: int) -> int:
    """Return how many pages the page tree of `pdf` holds, counting no further than `limit`.

    Counted before any page is laid out, so that a huge file costs nothing.
    """
    try:
        return sum(1 for _ in itertools.islice(PDFPage.create_pages(pdf.doc), limit))
    except _DAMAGED_PAGE_TREE_ERRORS as error:
        raise PdfminerException(error) from error


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
