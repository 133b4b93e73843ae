"""Rebuild the tables of a Word 97 .doc that LibreOffice opens without them.

A .docx whose body ends with a table (python-docx writes them so; Word never does) loses that
table when LibreOffice saves it as .doc: the file holds the cells' text, their end marks and
the table's properties, but no paragraph after the table, and LibreOffice opening such a .doc
shows every cell run together as plain lines. This module reads the file's own streams
(olefile for the OLE container, then [MS-DOC]'s FIB, piece table and paragraph properties):
the main text with its cell (\\x07) and paragraph (\\r) marks, which paragraphs are in a table
and which end a row, each row's cell boundaries, and which characters are deleted, struck
through or hidden, and gives the grid back.

Only the structure the reader needs is decoded; anything unexpected gives None and the
LibreOffice reading stands.
"""

from __future__ import annotations

import bisect
import struct
from dataclasses import dataclass

import olefile

from parsers.grid import Block, Cell, Paragraph, Table
from parsers.marks import ANY_SYMBOL_FONT, SYMBOL_PAGE

_CELL_MARK = "\x07"
_PARAGRAPH_MARK = "\r"
_MAX_CHARACTERS = 5_000_000  # a form is a few thousand; beyond this the file is not one
# FIB offsets ([MS-DOC] 2.5.1): flags of FibBase, ccpText in FibRgLw97, fcClx/lcbClx and
# fcPlcfBtePapx/lcbPlcfBtePapx in FibRgFcLcb97.
_FIB_FLAGS, _FIB_CCP_TEXT = 0x0A, 0x4C
_FIB_CLX, _FIB_PAPX_BINS, _FIB_CHPX_BINS = 0x1A2, 0x102, 0xFA
_WHICH_TABLE_STREAM = 0x0200
_SPRM_IN_TABLE, _SPRM_TTP, _SPRM_DEF_TABLE = 0x2416, 0x2417, 0xD608
# A paragraph whose properties are too long for its page (a table row's, with borders and
# shading per cell) keeps them in the Data stream: the operand is where (PrcData: a 2-byte
# size, then the sprms).
_SPRM_HUGE_PAPX = 0x6646
_SPRM_VARIABLE = {_SPRM_DEF_TABLE, 0xC615}  # sprms whose operand size takes two bytes
# Character properties that take text out of what a reader sees: deleted with revisions on,
# struck through (crossed out), hidden. Their operand is 1 (on) or 0x81 (opposite of the
# style's, which for these is off).
_SPRMS_NOT_SHOWN = {0x0800, 0x0837, 0x2A53, 0x083C}
_ON = (1, 0x81)
_VERT_MERGE, _VERT_RESTART = 0x0020, 0x0040  # TC80 flags of a vertically merged cell
# Text that is not what a reader sees: field codes between \x13 and \x14, the marks
# themselves, and special characters (pictures, footnote marks) with no text.
_FIELD_BEGIN, _FIELD_SEPARATE, _FIELD_END = "\x13", "\x14", "\x15"
_DROPPED = dict.fromkeys(map(ord, "\x01\x02\x03\x04\x05\x08\x13\x14\x15\x1f"))
_SHOWN = {ord("\x0b"): "\n", ord("\x1e"): "-", ord("\x0c"): "\n", ord("\t"): "\t"}
# A symbol font's character (a Wingdings ☑ inserted as a symbol) is its code in the font at
# U+F0xx; the font's name is not decoded here, and the two Wingdings tables share no code.
_SHOWN.update({SYMBOL_PAGE + code: mark for code, mark in ANY_SYMBOL_FONT.items()})


@dataclass(frozen=True)
class _Properties:
    in_table: bool = False
    row_end: bool = False
    boundaries: tuple[int, ...] = ()  # a row's cell edges (twips), on its row-end paragraph
    merged_down: tuple[bool, ...] = ()  # per cell: continues the cell above it


def ends_in_table(path: str) -> bool:
    """Return whether the .doc's main text ends inside a table (no paragraph after it)."""
    try:
        with olefile.OleFileIO(path) as ole:
            return _Document(ole).ends_in_table
    except _READ_ERRORS:
        return False


def read_word97(path: str) -> list[Block] | None:
    """Return the .doc's paragraphs and tables, or None if its streams cannot be read."""
    try:
        with olefile.OleFileIO(path) as ole:
            return _Document(ole).blocks()
    except _READ_ERRORS:
        return None


def read_if_ending_in_table(path: str) -> list[Block] | None:
    """Return the .doc read from its streams if its text ends inside a table, else None.

    The file is opened once; a .doc that ends with a paragraph costs only its text.
    """
    try:
        with olefile.OleFileIO(path) as ole:
            document = _Document(ole)
            return document.blocks() if document.ends_in_table else None
    except _READ_ERRORS:
        return None


_READ_ERRORS = (OSError, ValueError, struct.error, IndexError, KeyError, UnicodeError,
                AssertionError, ZeroDivisionError)


class _Document:
    def __init__(self, ole: olefile.OleFileIO) -> None:
        self.word = ole.openstream("WordDocument").read()
        flags = struct.unpack_from("<H", self.word, _FIB_FLAGS)[0]
        table_name = "1Table" if flags & _WHICH_TABLE_STREAM else "0Table"
        self.table = ole.openstream(table_name).read()
        self.data = ole.openstream("Data").read() if ole.exists("Data") else b""
        ccp_text = struct.unpack_from("<i", self.word, _FIB_CCP_TEXT)[0]
        if not 0 <= ccp_text <= _MAX_CHARACTERS:
            raise ValueError("text length")
        self.text, self.fcs = self._main_text(ccp_text)

    @property
    def ends_in_table(self) -> bool:
        return self.text.rstrip(_PARAGRAPH_MARK).endswith(_CELL_MARK)

    def _main_text(self, ccp_text: int) -> tuple[str, list[int]]:
        """Return the main document's text and each character's offset in the stream."""
        fc_clx, lcb_clx = struct.unpack_from("<II", self.word, _FIB_CLX)
        clx = self.table[fc_clx : fc_clx + lcb_clx]
        index = 0
        while clx[index] == 1:  # Prc: formatting of pieces, not needed here
            index += 3 + struct.unpack_from("<H", clx, index + 1)[0]
        if clx[index] != 2:
            raise ValueError("piece table")
        size = struct.unpack_from("<I", clx, index + 1)[0]
        plc = clx[index + 5 : index + 5 + size]
        count = (size - 4) // 12
        cps = struct.unpack_from(f"<{count + 1}i", plc, 0)
        chars: list[str] = []
        fcs: list[int] = []
        for number in range(count):
            if cps[number] >= ccp_text:
                break
            fc = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * number + 2)[0]
            length = min(cps[number + 1], ccp_text) - cps[number]
            if fc & 0x40000000:  # 8-bit text, one byte a character
                start = (fc & 0x3FFFFFFF) // 2
                chars.extend(self.word[start : start + length].decode("cp1252", "replace"))
                fcs.extend(range(start, start + length))
            else:
                chars.extend(self.word[fc : fc + 2 * length].decode("utf-16-le", "replace"))
                fcs.extend(range(fc, fc + 2 * length, 2))
        return "".join(chars), fcs

    def _paragraph_runs(self) -> tuple[list[int], list[bytes]]:
        """Return where each paragraph-properties run starts (stream offset) and its sprms."""
        fc, lcb = struct.unpack_from("<II", self.word, _FIB_PAPX_BINS)
        plc = self.table[fc : fc + lcb]
        count = (lcb - 4) // 8
        pages = struct.unpack_from(f"<{count}I", plc, 4 * (count + 1))
        starts: list[int] = []
        sprms: list[bytes] = []
        for page_number in pages:
            page = self.word[page_number * 512 : (page_number + 1) * 512]
            runs = page[511]
            edges = struct.unpack_from(f"<{runs + 1}I", page, 0)
            for run in range(runs):
                offset = page[4 * (runs + 1) + 13 * run] * 2
                data = b""
                if offset:
                    size = page[offset]
                    if size:
                        data = page[offset + 1 : offset + 2 * size]
                    else:
                        data = page[offset + 2 : offset + 2 + 2 * page[offset + 1]]
                starts.append(edges[run])
                sprms.append(self._huge_sprms(data[2:]))  # after the style index
        order = sorted(range(len(starts)), key=starts.__getitem__)
        return [starts[i] for i in order], [sprms[i] for i in order]

    def _huge_sprms(self, sprms: bytes) -> bytes:
        """Return `sprms` with a reference to the Data stream replaced by what it holds."""
        if len(sprms) < 6 or struct.unpack_from("<H", sprms, 0)[0] != _SPRM_HUGE_PAPX:
            return sprms
        at = struct.unpack_from("<I", sprms, 2)[0]
        size = struct.unpack_from("<h", self.data, at)[0]
        if size < 0:
            raise ValueError("huge paragraph properties")
        return self.data[at + 2 : at + 2 + size] + sprms[6:]

    def _shown_characters(self) -> list[bool]:
        """Return, per character of the text, whether a reader sees it (see _SPRMS_NOT_SHOWN)."""
        fc, lcb = struct.unpack_from("<II", self.word, _FIB_CHPX_BINS)
        plc = self.table[fc : fc + lcb]
        count = (lcb - 4) // 8
        pages = struct.unpack_from(f"<{count}I", plc, 4 * (count + 1))
        hidden: list[tuple[int, int]] = []  # [start, end) stream offsets of unseen runs
        for page_number in pages:
            page = self.word[page_number * 512 : (page_number + 1) * 512]
            runs = page[511]
            edges = struct.unpack_from(f"<{runs + 1}I", page, 0)
            for run in range(runs):
                offset = page[4 * (runs + 1) + run] * 2
                if offset and _not_shown(page[offset + 1 : offset + 1 + page[offset]]):
                    hidden.append((edges[run], edges[run + 1]))
        hidden.sort()
        starts = [start for start, _ in hidden]
        shown = []
        for fc_of_char in self.fcs:
            run = bisect.bisect_right(starts, fc_of_char) - 1
            shown.append(run < 0 or fc_of_char >= hidden[run][1])
        return shown

    def blocks(self) -> list[Block]:
        runs, run_sprms = self._paragraph_runs()
        shown = self._shown_characters()

        def properties_at(fc: int) -> _Properties:
            run = bisect.bisect_right(runs, fc) - 1
            return _decode(run_sprms[run]) if run >= 0 else _Properties()

        blocks: list[Block] = []
        rows: list[tuple[list[str], _Properties]] = []
        cells: list[str] = []
        lines: list[str] = []
        start = 0
        for index, char in enumerate(self.text):
            if char not in (_PARAGRAPH_MARK, _CELL_MARK):
                continue
            line = _shown("".join(c for k, c in enumerate(self.text[start:index], start)
                                  if shown[k]))
            start = index + 1
            properties = properties_at(self.fcs[index])
            if properties.row_end:
                rows.append((cells, properties))
                cells, lines = [], []
            elif properties.in_table:
                lines.append(line)
                if char == _CELL_MARK:
                    cells.append("\n".join(lines).strip("\n"))
                    lines = []
            else:
                if rows:
                    blocks.append(_table(rows))
                    rows = []
                blocks.append(Paragraph(line))
        if rows:
            blocks.append(_table(rows))
        return blocks


def _decode(sprms: bytes) -> _Properties:
    in_table = row_end = False
    boundaries: tuple[int, ...] = ()
    merged: tuple[bool, ...] = ()
    index = 0
    while index + 2 <= len(sprms):
        sprm = struct.unpack_from("<H", sprms, index)[0]
        index += 2
        size = _operand_size(sprm, sprms, index)
        operand = sprms[index : index + size]
        if sprm == _SPRM_IN_TABLE:
            in_table = bool(operand[:1] and operand[0])
        elif sprm == _SPRM_TTP:
            row_end = bool(operand[:1] and operand[0])
        elif sprm == _SPRM_DEF_TABLE:
            columns = operand[2]
            boundaries = struct.unpack_from(f"<{columns + 1}h", operand, 3)
            cells_at = 3 + 2 * (columns + 1)
            merged = tuple(
                _merged_down(operand, cells_at + 20 * cell) for cell in range(columns)
            )
        index += size
    return _Properties(in_table, row_end, boundaries, merged)


def _not_shown(sprms: bytes) -> bool:
    index = 0
    while index + 2 <= len(sprms):
        sprm = struct.unpack_from("<H", sprms, index)[0]
        index += 2
        size = _operand_size(sprm, sprms, index)
        if sprm in _SPRMS_NOT_SHOWN and sprms[index : index + 1] and sprms[index] in _ON:
            return True
        index += size
    return False


def _operand_size(sprm: int, sprms: bytes, index: int) -> int:
    kind = sprm >> 13
    if kind in (0, 1):
        return 1
    if kind in (2, 4, 5):
        return 2
    if kind == 3:
        return 4
    if kind == 7:
        return 3
    if sprm in _SPRM_VARIABLE:
        return struct.unpack_from("<H", sprms, index)[0] + 1
    return sprms[index] + 1


def _merged_down(operand: bytes, at: int) -> bool:
    if at + 2 > len(operand):
        return False
    flags = struct.unpack_from("<H", operand, at)[0]
    return bool(flags & _VERT_MERGE) and not flags & _VERT_RESTART


def _shown(text: str) -> str:
    """Return a paragraph's text as a reader sees it: field results, not field codes."""
    shown: list[str] = []
    fields: list[bool] = []  # per open field: whether its result (not its code) is running
    for char in text:
        if char == _FIELD_BEGIN:
            fields.append(False)
        elif char == _FIELD_SEPARATE and fields:
            fields[-1] = True
        elif char == _FIELD_END and fields:
            fields.pop()
        elif all(fields):
            shown.append(char)
    return "".join(shown).translate(_DROPPED).translate(_SHOWN)


def _table(rows: list[tuple[list[str], _Properties]]) -> Table:
    """Lay the rows on one grid of the cell edges all rows share; merge cells down."""
    edges = sorted({edge for _, props in rows for edge in props.boundaries})
    cells: list[Cell] = []
    above: dict[int, Cell] = {}
    for row_number, (texts, props) in enumerate(rows):
        bounds = props.boundaries if len(props.boundaries) == len(texts) + 1 else ()
        here: dict[int, Cell] = {}
        for number, text in enumerate(texts):
            if bounds:
                col = bisect.bisect_left(edges, bounds[number])
                span = max(1, bisect.bisect_left(edges, bounds[number + 1]) - col)
            else:
                col, span = number, 1
            merged = number < len(props.merged_down) and props.merged_down[number]
            if merged and col in above:
                top = above[col]
                grown = Cell(_joined(top.text, text), top.row, top.col, top.rowspan + 1,
                             top.colspan)
                cells[cells.index(top)] = grown
                here[col] = grown
                continue
            cell = Cell(text, row_number, col, 1, span)
            cells.append(cell)
            here[col] = cell
        above = here
    n_cols = max([len(edges) - 1, *(c.col + c.colspan for c in cells)], default=0)
    return Table(cells=cells, n_rows=len(rows), n_cols=n_cols)


def _joined(top: str, more: str) -> str:
    return f"{top}\n{more}" if top and more else top or more
