"""Tables of the model: cells with their spans and merges, rows, tables, body blocks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from corpuskit.content import Content, Para, paras

CONTINUE = "^"  # in a Row's cells: the cell above continues down (a vertical merge)


@dataclass
class Cell:
    """A table cell: its content, the grid columns it spans, how it is styled.

    `vmerge` is "restart" on the top of a vertical merge and "continue" below it. A label
    cell takes the table's label font, a value cell its value font; `font`, `size` and
    `bold` override both. `diagonal` draws the corner-to-corner line of a "年份/项目" cell.
    """

    content: Content
    span: int = 1
    vmerge: str = ""
    label: bool = False
    font: str | None = None
    size: float | None = None
    bold: bool | None = None
    valign: str = "center"
    diagonal: bool = False


@dataclass
class Row:
    """A table row; `header` repeats it on every page, `borderless` drops its top and sides."""

    cells: Sequence[Cell | str]
    height: float | None = None
    header: bool = False
    borderless: bool = False


@dataclass
class Table:
    """A table on the grid `widths` (cm) with its label and value fonts and font size."""

    widths: tuple[float, ...]
    rows: list[Row]
    label_font: str = "宋体"
    value_font: str = "宋体"
    size: float = 10.5


Block = Para | Table


def label(text: str, span: int = 1, align: str = "center", **more: Any) -> Cell:
    """Return a printed label cell; "\\n" separates its paragraphs."""
    return Cell(paras(*text.split("\n"), align=align), span=span, label=True, **more)


def value(content: Content | str | None, span: int = 1, **more: Any) -> Cell:
    """Return a value cell as filled; None leaves it as printed (one empty paragraph).

    A string is split into paragraphs at "\\n".
    """
    if content is None:
        content = paras("")
    elif isinstance(content, str):
        content = paras(*content.split("\n"))
    return Cell(content, span=span, **more)
