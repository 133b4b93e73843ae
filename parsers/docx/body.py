"""The body of a .docx as blocks: paragraphs, and tables with their merged cells.

Walks the body once in reading order, into content controls and custom XML, past alternate
content's second branch; a table row deleted with tracked changes is gone, text typed into a
merged-away cell is kept, a table inside a cell becomes lines of that cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from parsers.docx.controls import checkbox_mark, checkbox_state, is_showing_placeholder
from parsers.docx.names import (
    CUSTOM_XML,
    DEL,
    GRID_AFTER,
    GRID_BEFORE,
    GRID_COL,
    GRID_SPAN,
    H_MERGE,
    MC_ALTERNATE,
    SDT,
    SDT_CONTENT,
    SDT_PR,
    TBL,
    TBL_GRID,
    TC,
    TCPR,
    TR,
    TRPR,
    V_MERGE,
    VAL,
    P,
    chosen_branch,
)
from parsers.docx.repeats import repaired_inputs, repaired_lines
from parsers.docx.runs import InlineText, paragraph_inline
from parsers.grid import Block, Cell, Paragraph, Table

# Word allows at most 63 columns; larger spans only come from broken or hostile files and
# would make the grid huge.
_MAX_GRID_COLUMNS = 63


def read_body(body: etree._Element) -> list[Block]:
    blocks: list[Block] = []
    for element in _block_elements(body):
        if element.tag == P:
            blocks.append(Paragraph(_inline_text(paragraph_inline(element))))
        elif element.tag == TBL:
            blocks.append(_read_table(element))
        else:
            blocks.append(Paragraph(checkbox_mark(element)))
    return blocks


def _block_elements(container: etree._Element) -> Iterator[etree._Element]:
    """Yield the paragraphs, tables and checkbox controls of `container` in reading order."""
    for child in container:
        tag = child.tag
        if tag == P or tag == TBL:
            yield child
        elif tag == SDT:
            sdt_pr = child.find(SDT_PR)
            if checkbox_state(sdt_pr) is not None:
                yield child
            elif not is_showing_placeholder(sdt_pr):
                content = child.find(SDT_CONTENT)
                if content is not None:
                    yield from _block_elements(content)
        elif tag == CUSTOM_XML:
            yield from _block_elements(child)
        elif tag == MC_ALTERNATE:
            branch = chosen_branch(child)
            if branch is not None:
                yield from _block_elements(branch)


def _cell_lines(container: etree._Element) -> list[str]:
    lines: list[str] = []
    with_inputs: list[bool] = []
    for element in _block_elements(container):
        if element.tag == P:
            inline = paragraph_inline(element)
            lines.append(_inline_text(inline))
            with_inputs.append(inline.has_input)
        elif element.tag == TBL:
            nested = _nested_table_lines(element)
            lines.extend(nested)
            with_inputs.extend(False for _ in nested)
        else:
            lines.append(checkbox_mark(element))
            with_inputs.append(False)
    return repaired_lines(lines, with_inputs) if any(with_inputs) else lines


def _inline_text(inline: InlineText) -> str:
    """Return the text of the gathered paragraph `inline`, its text boxes after it."""
    text = repaired_inputs(inline.parts, inline.inputs) or "".join(inline.parts)
    boxes = [box for box in ("\n".join(_cell_lines(e)) for e in inline.text_boxes) if box]
    # Text boxes float beside the paragraph they are anchored in; put them after it.
    return "\n".join([text, *boxes]) if text else "\n".join(boxes)


def _nested_table_lines(table: etree._Element) -> list[str]:
    # A table inside a cell is part of that cell's text: one line per row, cells split by
    # tabs, each cell's own line breaks flattened so the row stays on one line.
    return [
        "\t".join(" ".join(_cell_lines(cell)) for cell in _row_cells(row))
        for row in _table_rows(table)
        if not _is_deleted_row(row)
    ]


class _Draft:
    """A cell while its table is being read; rowspan grows as continued cells are met."""

    __slots__ = ("col", "colspan", "row", "rowspan", "text")

    def __init__(self, text: str, row: int, col: int, colspan: int) -> None:
        self.text, self.row, self.col, self.rowspan, self.colspan = text, row, col, 1, colspan

    def absorb(self, text: str) -> None:
        # Text typed into a merged-away cell is kept rather than silently lost.
        if text:
            self.text = f"{self.text}\n{text}" if self.text else text


def _read_table(table: etree._Element) -> Table:
    grid = table.find(TBL_GRID)
    grid_cols = sum(1 for col in grid if col.tag == GRID_COL) if grid is not None else 0
    drafts: list[_Draft] = []
    above: dict[int, _Draft] = {}
    n_rows = widest = 0
    for row in _table_rows(table):
        if _is_deleted_row(row):
            continue
        before, after = _row_skips(row)
        col = before
        in_this_row: dict[int, _Draft] = {}
        previous: _Draft | None = None
        for cell in _row_cells(row):
            colspan, v_merge, h_merge = _cell_merge(cell)
            text = "\n".join(_cell_lines(cell))
            if h_merge == "continue" and previous is not None:
                previous.colspan += colspan
                previous.absorb(text)
            elif v_merge == "continue" and col in above:
                previous = above[col]
                previous.rowspan += 1
                previous.absorb(text)
                in_this_row[col] = previous
            else:
                previous = _Draft(text, n_rows, col, colspan)
                drafts.append(previous)
                in_this_row[col] = previous
            col += colspan
        widest = max(widest, col + after)
        above = in_this_row
        n_rows += 1
    cells = [Cell(d.text, d.row, d.col, d.rowspan, d.colspan) for d in drafts]
    return Table(cells=cells, n_rows=n_rows, n_cols=max(grid_cols, widest))


def _table_rows(table: etree._Element) -> Iterator[etree._Element]:
    for child in table:
        if child.tag == TR:
            yield child
        elif child.tag == SDT or child.tag == CUSTOM_XML:
            yield from _table_rows(_wrapped_content(child))


def _row_cells(row: etree._Element) -> Iterator[etree._Element]:
    for child in row:
        if child.tag == TC:
            yield child
        elif child.tag == SDT or child.tag == CUSTOM_XML:
            yield from _row_cells(_wrapped_content(child))


def _wrapped_content(wrapper: etree._Element) -> etree._Element:
    if wrapper.tag == SDT:
        content = wrapper.find(SDT_CONTENT)
        return content if content is not None else etree.Element(SDT_CONTENT)
    return wrapper


def _is_deleted_row(row: etree._Element) -> bool:
    # A row removed with tracks changes on is gone from the document Word shows.
    properties = row.find(TRPR)
    return properties is not None and properties.find(DEL) is not None


def _row_skips(row: etree._Element) -> tuple[int, int]:
    before = after = 0
    properties = row.find(TRPR)
    if properties is not None:
        for child in properties:
            if child.tag == GRID_BEFORE:
                before = _grid_count(child, 0)
            elif child.tag == GRID_AFTER:
                after = _grid_count(child, 0)
    return before, after


def _cell_merge(cell: etree._Element) -> tuple[int, str | None, str | None]:
    """Return the cell's column span and its vertical and horizontal merge kinds."""
    colspan, v_merge, h_merge = 1, None, None
    properties = cell.find(TCPR)
    if properties is not None:
        for child in properties:
            if child.tag == GRID_SPAN:
                colspan = max(1, _grid_count(child, 1))
            elif child.tag == V_MERGE:
                v_merge = child.get(VAL) or "continue"
            elif child.tag == H_MERGE:
                h_merge = child.get(VAL) or "continue"
    return colspan, v_merge, h_merge


def _grid_count(element: etree._Element, default: int) -> int:
    try:
        value = int(element.get(VAL, default))
    except ValueError:
        return default
    return min(max(value, 0), _MAX_GRID_COLUMNS)

