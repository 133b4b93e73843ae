"""Read scanned and photographed returns (page images) into the grid model.

This package owns everything about pictures of forms; above it, a scan is a grid like any
other, with what OCR read and how surely kept beside it (Grid.scan). One module a job:

- ``images``: image files and image-only PDF pages into pixels, bombs refused unread;
- ``quality``: pages too small, dark or blurred to read, said so;
- ``straighten``: seal ink removed, photos unwarped, light evened, pages deskewed;
- ``ruling``: the ruled tables' cells, by line morphology;
- ``ocr``: the offline OCR engine, one per process, models from the installed wheel;
- ``checkboxes``: boxes read by the ink inside them;
- ``page``: one page into the PDF reader's page content;
- ``reader``: files and pages into one grid.

The two entry points load OCR's libraries (OpenCV, onnxruntime) only when first called,
after letting a worker's memory cap make room for them: a batch of Word files never pays
for them.
"""

from __future__ import annotations

import os

from parsers.grid import Grid
from parsers.workers import SCAN_MEMORY_LIMIT, widen_memory_limit

__all__ = ["read_image", "read_scanned_pdf"]


def read_image(source: str | os.PathLike[str] | bytes) -> Grid:
    """Read the picture file (JPEG, PNG, TIFF…) at path `source`, or its bytes, into a grid."""
    widen_memory_limit(SCAN_MEMORY_LIMIT)
    from parsers.scan import reader

    return reader.read_image(source)


def read_scanned_pdf(data: bytes) -> Grid:
    """Read the PDF `data`, whose pages are pictures with no text layer, into a grid."""
    widen_memory_limit(SCAN_MEMORY_LIMIT)
    from parsers.scan import reader

    return reader.read_scanned_pdf(data)
