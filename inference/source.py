"""Read a blank attachment (.docx, .doc/.wps/.odt/.rtf, or a PDF with text) into the grid model.

The attachment is read exactly as a returned file is (``parsers/``), so what inference sees
is what the reader will see later; a Word 97 file goes through LibreOffice first.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from forms.errors import UnreadableFileError
from parsers.batch import read_converted, read_grid
from parsers.grid import Grid
from parsers.office import WORD_2007, convert_batch
from parsers.safety import office_filter


def read_attachment(path: Path) -> Grid:
    """Return the grid of the blank attachment at `path`; UnreadableFileError says why not."""
    if not path.is_file():
        raise UnreadableFileError(f"找不到文件：{path}", file=str(path), code="missing")
    needed, infilter, refusal = office_filter(path)
    if refusal is not None:
        raise refusal
    if not needed:
        return _read(path, str(path))
    with tempfile.TemporaryDirectory(prefix="tianbiao-infer-") as scratch:
        converted = convert_batch([path], WORD_2007, Path(scratch), infilter=infilter)[path]
        if not isinstance(converted, Path):
            raise UnreadableFileError(converted.message, file=str(path), code=converted.code)
        return _read(converted, str(path), word97=infilter == "MS Word 97")


def _read(path: Path, named: str, *, word97: bool = False) -> Grid:
    try:
        grid = read_converted(str(path), named) if word97 else read_grid(str(path))
    except UnreadableFileError as error:
        error.file = named
        raise
    if not grid.tables and not any(p.text.strip() for p in grid.paragraphs):
        raise UnreadableFileError(
            "文件里没有文字：是图片或扫描件吗？请用 Word 文档或由电脑导出的 PDF",
            file=named, code="empty")
    return grid
