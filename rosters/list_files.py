"""Open a list file of any type a bureau sends and give back its list table as text.

Sheets (.xlsx, .csv; .xls, .et and .ods through LibreOffice) give their first sheet's rows,
title rows included. Documents (.docx; .doc and .odt through LibreOffice; .pdf through the
PDF reader) give their longest table, the paragraph printed above it as the title. In every
case a merged cell's text stands in each row it covers. A PDF table the reader could not
join over a page break is joined here: a part that repeats the header goes under the table,
and the column strips of a sheet printed wider than the page go beside it.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from forms.errors import OfficeError, RosterError, UnreadableFileError
from forms.labels import label_key

ACCEPTED = "名单文件应是 .xlsx、.csv、.docx、.doc 或 .pdf"
_SAVE_AS = "请用 Excel 或 WPS 打开后另存为 .xlsx 再试"
_OLE_SUFFIXES = (".xls", ".et")  # sheets kept in an OLE2 container, as Word 97 files are
_SHEET_SUFFIXES = (*_OLE_SUFFIXES, ".ods")
_CALC_2007 = "xlsx:Calc MS Excel 2007 XML"


@dataclass
class ListTable:
    """A list's rows as text (merged cells repeated) and the title printed above them."""

    rows: list[list[str]]
    title: str = ""


def read_list_table(path: Path) -> ListTable:
    """Return the list table in the file at `path`, whatever type of file it is."""
    if not path.is_file():
        raise RosterError(f"找不到名单文件：{path}", file=str(path))
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            return ListTable(_xlsx_rows(path))
        if suffix == ".csv":
            return ListTable(_csv_rows(path))
        if suffix in (".docx", ".doc"):
            return _word_table(path)
        if suffix == ".pdf":
            from parsers.pdf import read_pdf

            return _document_table(read_pdf(path), path)
        if suffix in _SHEET_SUFFIXES:
            return _sheet_through_office(path)
        if suffix == ".odt":
            return _odt_table(path)
    except UnreadableFileError as error:
        raise RosterError(error.message, file=str(path)) from error
    received = f"收到的是“{suffix}”" if suffix else "收到的文件没有扩展名"
    raise RosterError(f"{ACCEPTED}，{received}；{_SAVE_AS}", file=str(path))


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    from parsers.safety import check_xlsx

    check_xlsx(path)
    try:
        book = load_workbook(path, data_only=True)
    except Exception as error:  # openpyxl raises many unrelated types for a bad file
        raise RosterError(f"无法打开 Excel 文件：{error}", file=str(path)) from error
    sheet = book.worksheets[0]
    matrix = [[_cell_text(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    for merged in sheet.merged_cells.ranges:
        top = matrix[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, merged.max_row):
            for c in range(merged.min_col - 1, merged.max_col):
                matrix[r][c] = top
    return matrix


def _csv_rows(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise RosterError("CSV 文件的编码无法识别（应为 UTF-8 或 GBK）", file=str(path))
    # newline="": a name with a line break inside its quotes stays one cell.
    return list(csv.reader(io.StringIO(text, newline="")))


def _word_table(path: Path) -> ListTable:
    """Read a .docx, or a Word 97 file (named .doc or .docx) through LibreOffice."""
    from parsers.docx import read_docx
    from parsers.safety import OLE_MAGIC, word97_problem

    head = _head(path)
    if head.startswith(b"PK"):  # a .docx, even when named .doc
        return _document_table(read_docx(path), path)
    if path.suffix.lower() == ".docx" and not head.startswith(OLE_MAGIC):
        return _document_table(read_docx(path), path)  # the reader says what is wrong
    refusal = word97_problem(path)
    if refusal is not None:
        raise refusal
    infilter = "MS Word 97" if head.startswith(OLE_MAGIC) else None
    with _converted(path, "docx:MS Word 2007 XML", infilter) as docx:
        grid = read_docx(docx)
    return _with_lost_table(_document_table(grid, path, missing_ok=True), path)


def _with_lost_table(found: ListTable, path: Path) -> ListTable:
    """Return `found`, or the table LibreOffice lost from a .doc ending in one, read anew.

    LibreOffice opens a .doc whose text ends inside a table without that table
    (see parsers/word97.py); the file's own streams still hold it.
    """
    from parsers.grid import Grid
    from parsers.word97 import read_if_ending_in_table

    blocks = read_if_ending_in_table(str(path))
    if blocks is not None:
        ours = _document_table(Grid(blocks), path, missing_ok=True)
        if len(ours.rows) > len(found.rows):
            return ours
    if not found.rows:
        raise RosterError("Word 文件里没有表格", file=str(path))
    return found


def _odt_table(path: Path) -> ListTable:
    from parsers.docx import read_docx

    _check_zip(path, "OpenDocument 文本（.odt）")
    with _converted(path, "docx:MS Word 2007 XML", None) as docx:
        return _document_table(read_docx(docx), path)


def _sheet_through_office(path: Path) -> ListTable:
    """Read an .xls, .et or .ods sheet by letting LibreOffice save it as .xlsx."""
    from parsers.safety import OLE_MAGIC

    suffix = path.suffix.lower()
    if suffix in _OLE_SUFFIXES:
        head = _head(path)
        if not head.startswith(OLE_MAGIC):
            what = "网页（HTML）" if b"<" in head[:512] else "别的文件"
            raise RosterError(f"文件扩展名是 {suffix}，但内容是{what}，不是 Excel 表格；{_SAVE_AS}",
                              file=str(path))
    else:
        _check_zip(path, "OpenDocument 表格（.ods）")
    with _converted(path, _CALC_2007, None) as xlsx:
        return ListTable(_xlsx_rows(xlsx))


def _check_zip(path: Path, what: str) -> None:
    import zipfile

    from parsers.safety import check_xml_parts, check_zip_archive

    try:
        with zipfile.ZipFile(path) as package:
            check_zip_archive(package, file=str(path))
            check_xml_parts(package, file=str(path))
    except zipfile.BadZipFile as error:
        raise RosterError(f"文件不是有效的{what}，可能已损坏", file=str(path)) from error


@contextmanager
def _converted(path: Path, target: str, infilter: str | None) -> Iterator[Path]:
    """Yield `path` converted by LibreOffice to `target`, in a folder removed afterwards."""
    from parsers.office import FILE_TIMEOUT, convert_batch

    with tempfile.TemporaryDirectory(prefix="tianbiao-roster-") as scratch:
        result = convert_batch([path], target, Path(scratch), infilter=infilter,
                               timeout=FILE_TIMEOUT)[path]
        if isinstance(result, OfficeError):
            raise RosterError(f"{result.message}；{_SAVE_AS}", file=str(path)) from result
        yield result


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(4096)


def _document_table(grid: Any, path: Path, *, missing_ok: bool = False) -> ListTable:
    """Return the longest table of `grid`, parts a page break left apart joined again."""
    from parsers.grid import Paragraph, Table

    blocks = grid.blocks
    tables = [i for i, b in enumerate(blocks) if isinstance(b, Table)]
    if not tables:
        if missing_ok:
            return ListTable([])
        raise RosterError("文件里没有表格", file=str(path))
    start = max(tables, key=lambda i: (blocks[i].n_rows, -i))
    rows = blocks[start].text_rows()
    title = next((b.text.strip() for b in reversed(blocks[:start])
                  if isinstance(b, Paragraph) and b.text.strip()), "")
    for block in blocks[start + 1:]:
        if isinstance(block, Paragraph):
            continue  # page headers and footers, a title printed again over a strip
        more = block.text_rows()
        if _repeats_header(rows, more):
            rows += more[1:]
        elif _is_column_strip(rows, more):
            rows = [ours + theirs for ours, theirs in zip(rows, more, strict=True)]
        else:
            break
    return ListTable(rows, title)


def _repeats_header(rows: list[list[str]], more: list[list[str]]) -> bool:
    """Return whether table `more` goes on under `rows`: same columns, header printed again."""
    return bool(rows and more) and [label_key(c) for c in more[0]] == [
        label_key(c) for c in rows[0]]


def _is_column_strip(rows: list[list[str]], more: list[list[str]]) -> bool:
    """Return whether `more` is the next columns of `rows`: a sheet printed too wide.

    Such a strip has exactly as many rows, and a header of its own in its first row.
    """
    return len(more) == len(rows) and bool(more) and all(c.strip() for c in more[0])
