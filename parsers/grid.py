"""The grid model: what every reader (.docx, .doc, .pdf) produces and everything above reads.

A document is a sequence of blocks, paragraphs and tables, in reading order. A table is a
rectangular grid of rows and columns; each visible cell sits at its top-left grid position
and spans ``rowspan`` rows and ``colspan`` columns, so merged cells appear once. Cell text is
what a reader of the document sees: paragraphs joined by "\\n", checkbox marks written as
"☑" (ticked) or "☐" (empty) where they stand.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from forms.errors import UnreadableFileError

CHECKED = "☑"
UNCHECKED = "☐"


@dataclass(frozen=True)
class Cell:
    """One visible table cell, possibly merged over several grid rows and columns."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    # Where in `text` a reader joined a line that was full to the line under it (a PDF):
    # a wrap, or a short paragraph that happened to fill its line. Only the form can tell.
    soft_joins: tuple[int, ...] = ()

    @property
    def last_row(self) -> int:
        """Return the index of the last grid row this cell covers."""
        return self.row + self.rowspan - 1

    @property
    def last_col(self) -> int:
        """Return the index of the last grid column this cell covers."""
        return self.col + self.colspan - 1


@dataclass
class Table:
    """A table as a grid of merged cells."""

    cells: list[Cell]
    n_rows: int
    n_cols: int
    _slots: dict[tuple[int, int], Cell] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    self._slots.setdefault((r, c), cell)

    def cell_at(self, row: int, col: int) -> Cell | None:
        """Return the cell covering grid position (`row`, `col`), or None."""
        return self._slots.get((row, col))

    def row_cells(self, row: int) -> list[Cell]:
        """Return the distinct cells that cover grid row `row`, left to right."""
        seen: list[Cell] = []
        for col in range(self.n_cols):
            cell = self._slots.get((row, col))
            if cell is not None and (not seen or seen[-1] is not cell):
                seen.append(cell)
        return seen

    def right_of(self, cell: Cell) -> Cell | None:
        """Return the next distinct cell to the right of `cell` on its top row."""
        for col in range(cell.last_col + 1, self.n_cols):
            other = self._slots.get((cell.row, col))
            if other is not None and other is not cell:
                return other
        return None

    def below(self, cell: Cell) -> Cell | None:
        """Return the cell directly under `cell`'s top-left corner."""
        return self._slots.get((cell.last_row + 1, cell.col))

    def text_rows(self) -> list[list[str]]:
        """Return the table as a plain matrix of text, merged cells repeated in each slot."""
        return [
            [(c.text if (c := self._slots.get((r, col))) else "") for col in range(self.n_cols)]
            for r in range(self.n_rows)
        ]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph outside any table."""

    text: str


Block = Paragraph | Table


@dataclass(frozen=True)
class ScanReading:
    """What a scan reader read off page images: texts and how sure it was of each character.

    `texts` holds (text, confidence of each character) for every table cell and every line
    outside the tables as read; the grid's texts are made of these.
    """

    texts: tuple[tuple[str, tuple[float, ...]], ...]

    def confidence_of(self, text: str) -> float | None:
        """Return how sure the reading of `text` (a value found in the grid) is, 0–1.

        The least certain character of `text` counts, where it was read: the cells reading
        exactly `text`, else the texts holding it, else the texts it runs over (a value
        wrapped over a page break). None when `text` has no character read from the image.
        """
        wanted = "".join(text.split())
        if not wanted:
            return None
        pieces = []
        for piece, confidence in self.texts:
            pairs = [(ch, c) for ch, c in zip(piece, confidence, strict=True) if not ch.isspace()]
            pieces.append(("".join(ch for ch, _ in pairs), [c for _, c in pairs]))
        exact = [min(c) for compact, c in pieces if compact == wanted]
        if exact:
            return min(exact)
        holding = [min(c[start:start + len(wanted)]) for compact, c in pieces
                   if (start := compact.find(wanted)) >= 0]
        if holding:
            return min(holding)
        found: list[float] = []
        for compact, c in pieces:
            if compact and compact in wanted:
                found.extend(c)
                continue
            tail = _overlap(compact, wanted)  # the text ends with the value's start
            head = _overlap(wanted, compact)  # the text starts with the value's end
            found.extend(c[len(c) - tail:] if tail else [])
            found.extend(c[:head])
        return min(found) if found else None


def _overlap(before: str, after: str, least: int = 3) -> int:
    """Return the length of the longest end of `before` that starts `after` (at least `least`)."""
    for length in range(min(len(before), len(after)) - 1, least - 1, -1):
        if before.endswith(after[:length]):
            return length
    return 0


def read_with(reader: Callable[[bytes], Grid], source: str | os.PathLike[str] | bytes) -> Grid:
    """Run `reader` on the bytes of `source` (a path or bytes), naming the file in its errors."""
    if isinstance(source, bytes):
        data, file_name = source, None
    else:
        file_name = os.fspath(source)
        with open(file_name, "rb") as handle:
            data = handle.read()
    try:
        return reader(data)
    except UnreadableFileError as error:
        error.file = file_name
        raise


@dataclass
class Grid:
    """A whole document as readers see it: blocks in order plus custom properties.

    A grid read off page images (a scan) also keeps what OCR read and how surely.
    """

    blocks: list[Block]
    properties: dict[str, str] = field(default_factory=dict)
    scan: ScanReading | None = None

    @property
    def tables(self) -> list[Table]:
        """Return the tables in document order."""
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        """Return the paragraphs outside tables in document order."""
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def iter_cells(self) -> Iterator[tuple[Table, Cell]]:
        """Yield every visible cell of every table with its table."""
        for table in self.tables:
            for cell in table.cells:
                yield table, cell

    def all_text(self) -> str:
        """Return every paragraph and cell text, one per line, in reading order."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                lines.append(block.text)
            else:
                lines.extend(cell.text for cell in block.cells)
        return "\n".join(lines)
