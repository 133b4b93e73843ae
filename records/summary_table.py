"""One titled, boxed summary table, written row by row and laid out for printing.

The rows are read once to measure (widths, totals, which columns hold anything, merges)
and once to write, into one or more sheets of a write-only workbook: columns that are
empty in every row are left out and named in a note under the table; a table too wide
for a page is cut into column groups (see ``records/print_layout.py``); every row is as
tall as its longest wrapped text; money, dates and periods are shown as a clerk files them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from records.excel import text_width, wrap, wrapped_lines
from records.print_layout import (
    MAX_LINES,
    Orientation,
    orientation_for,
    plan_parts,
    printable_units,
    row_height,
    set_up_page,
)
from records.summary_cells import (
    BOLD,
    BOLD_FONT,
    BOX,
    CENTERED,
    CENTERED_DOWN,
    CENTERED_WRAPPED,
    HEADER_FILL,
    NOTE_ALIGNMENT,
    TITLE_FONT,
    Column,
    Flagged,
    Rows,
    comment,
    copy_cell,
    data_cell,
    fitted_width,
    is_number,
    plain,
    sheet_name,
    shown_value,
    styled,
)

FLAG_NOTES = 10  # differences listed under a table; the rest are counted

__all__ = ["Column", "Flagged", "Rows", "TableLayout", "sheet_name", "write_table"]


@dataclass
class TableLayout:
    """Where a table was written: its sheets, and the sheet and column of each column."""

    sheets: list[Worksheet] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    placed: dict[int, tuple[str, int]] = field(default_factory=dict)
    continued: set[str] = field(default_factory=set)  # sheets with rows continued below
    count: int = 0
    next_row: int = 1  # the first free row of the first sheet
    printed_width: float = 0.0  # of the first sheet, in column width units
    printed_columns: int = 1

    def find(self, header: str) -> tuple[str, int] | None:
        """Return the sheet and 1-based column where the column `header` was written."""
        index = self.headers.index(header) if header in self.headers else -1
        return self.placed.get(index)

    def add_note(self, text: str) -> None:
        """Write a note line under the table on its first sheet."""
        if self.sheets:
            sheet = self.sheets[0]
            self.next_row = _note_row(sheet, text, self.next_row, self.printed_columns,
                                      self.printed_width)
            last = get_column_letter(self.printed_columns)
            sheet.print_area = f"A1:{last}{self.next_row - 1}"


def write_table(book: Workbook, name: str, title: str, columns: Sequence[Column],
                rows: Iterable[Sequence[Any]], notes: list[str], *,
                total_label: str = "合计", merge_down: Sequence[int] = (),
                when_empty: str | None = None) -> TableLayout:
    """Write a table as one sheet `name` or, when too wide, several; return where it went.

    `rows` is read twice: give a list or `Rows`. Runs of equal values down the
    `merge_down` columns (0-based, the first one leading) are merged, as a notice prints
    its list. A table without rows gets no sheet, or, with `when_empty`, a sheet saying so.
    """
    shape = _measure(columns, rows, merge_down)
    kept = [c for c in range(len(columns)) if c in shape.filled]
    if not any(columns[c].printed and not columns[c].key for c in kept):
        # No rows, or rows that name the school and nothing else.
        if when_empty is None:
            return TableLayout()
        return _empty_sheet(book, name, title, when_empty)
    fitted = {c: fitted_width(columns[c], shape.longest[c]) for c in kept}
    widths = {c: width for c, (width, _) in fitted.items()}
    headers = {c: header for c, (_, header) in fitted.items()}
    if shape.totals:
        first = kept[0]
        widths[first] = max(widths[first], text_width(total_label) + 2.0)
    printed = [c for c in kept if columns[c].printed]
    orientation = orientation_for(sum(widths[c] for c in printed))
    plan = plan_parts([widths[c] for c in printed],
                      [i for i, c in enumerate(printed) if columns[c].key],
                      [columns[c].group for c in printed], printable_units(orientation))
    keys = [c for c in printed if columns[c].key]
    layout = TableLayout(headers=[c.header for c in columns], count=shape.count)
    hidden = [c for c in kept if not columns[c].printed]
    parts = _create_parts(book, name, title, [[printed[i] for i in p.columns] for p in plan],
                          [p.label for p in plan], keys, hidden)
    for part in parts:
        for position, column in enumerate(part.all, start=1):
            layout.placed.setdefault(column, (part.sheet.title, position))
        _begin(part, headers, widths, orientation, len(keys), merge_down, shape)
    _write_rows(parts, columns, rows, widths, merge_down, shape, notes)
    for part in parts:
        if any(c in shape.totals for c in part.shown):
            part.sheet.append(_total_cells(part, columns, shape, total_label))
            part.end += 1
        _print_area(part)
        if part.extra_rows:
            layout.continued.add(part.sheet.title)
    layout.sheets = [p.sheet for p in parts]
    layout.printed_columns = len(parts[0].shown)
    layout.printed_width = sum(widths[c] for c in parts[0].shown)
    layout.next_row = parts[0].end
    left_out = [columns[c].header for c in range(len(columns)) if c not in shape.filled]
    if left_out:
        layout.add_note("注：以下栏目各行均为空，未列出：" + "、".join(left_out) + "。")
    flags = sum(shape.flagged.values())
    if flags:  # comments are not printed: the paper says it too
        more = "等" if flags > len(shape.flag_notes) else ""
        layout.add_note(f"注：标色的 {flags} 处，学校所填与名单不一致（各格批注写明两个值）："
                        + "；".join(shape.flag_notes) + f"{more}。")
    _print_area(parts[0], layout.next_row)
    return layout


@dataclass
class _Shape:
    """What writing a table needs to know before its first row."""

    count: int = 0
    longest: dict[int, float] = field(default_factory=dict)
    filled: set[int] = field(default_factory=set)
    totals: dict[int, float] = field(default_factory=dict)
    flagged: dict[int, int] = field(default_factory=dict)  # column → flagged cells
    flag_notes: list[str] = field(default_factory=list)  # the first few, for the print
    runs: list[tuple[int, int]] = field(default_factory=list)  # merged runs: [start, stop)


@dataclass
class _Part:
    sheet: Worksheet
    shown: list[int]
    hidden: list[int]
    title: str
    end: int = 3  # the next row to write
    extra_rows: int = 0  # rows added to continue texts too long for one row

    @property
    def all(self) -> list[int]:
        return self.shown + self.hidden


def _create_parts(book: Workbook, name: str, title: str, bodies: list[list[int]],
                  labels: list[str | None], keys: list[int], hidden: list[int]) -> list[_Part]:
    """Create a sheet per column group: the keys, its columns, and on the first the hidden."""
    parts = []
    for index, (body, label) in enumerate(zip(bodies, labels, strict=True)):
        suffix = None if len(bodies) == 1 else label or (f"续{index}" if index else None)
        sheet = book.create_sheet(_unique_name(book, name, suffix if index else None))
        parts.append(_Part(sheet, keys + sorted(body), hidden if index == 0 else [],
                           f"{title}（{suffix}）" if suffix else title))
    return parts


def _measure(columns: Sequence[Column], rows: Iterable[Sequence[Any]],
             merge_down: Sequence[int]) -> _Shape:
    shape = _Shape(longest={c: 0.0 for c in range(len(columns))})
    run_start, run_value = 0, None
    for index, values in enumerate(rows):
        shape.count += 1
        for col, (column, raw) in enumerate(zip(columns, values, strict=True)):
            value, _ = shown_value(column, raw)
            if (value is None or value == "") and not isinstance(raw, Flagged):
                continue
            shape.filled.add(col)
            shape.longest[col] = max(shape.longest[col], text_width(value))
            if isinstance(raw, Flagged):
                shape.flagged[col] = shape.flagged.get(col, 0) + 1
                if len(shape.flag_notes) < FLAG_NOTES:
                    shape.flag_notes.append(f"{raw.where}，{raw.note}" if raw.where else raw.note)
            if column.total and is_number(value):
                shape.totals[col] = shape.totals.get(col, 0) + value
        if merge_down:
            lead = plain(values[merge_down[0]])
            if index and not (lead == run_value and run_value):
                if index - run_start > 1:
                    shape.runs.append((run_start, index))
                run_start, run_value = index, lead
            elif not index:
                run_value = lead
    if merge_down and shape.count - run_start > 1:
        shape.runs.append((run_start, shape.count))
    for col, total in shape.totals.items():
        shape.longest[col] = max(shape.longest[col], text_width(total))
    return shape


def _begin(part: _Part, headers: dict[int, str], widths: dict[int, float],
           orientation: Orientation, n_keys: int, merge_down: Sequence[int], shape: _Shape) -> None:
    """Set widths, frozen panes and printing, merges, then write the title and header."""
    sheet = part.sheet
    for position, column in enumerate(part.all, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = widths[column]
    if len(part.shown) > n_keys:
        sheet.freeze_panes = f"{get_column_letter(n_keys + 1) if n_keys else 'A'}3"
    set_up_page(sheet, part.title, orientation)
    last = get_column_letter(len(part.shown))
    sheet.merged_cells.add(f"A1:{last}1")
    for position, column in enumerate(part.shown, start=1):
        if column in merge_down:
            letter = get_column_letter(position)
            for start, stop in shape.runs:
                sheet.merged_cells.add(f"{letter}{start + 3}:{letter}{stop + 2}")
    # The title is in 16 points: a narrow table's title wraps rather than being cut off.
    title_lines = wrapped_lines(part.title, sum(widths[c] for c in part.shown) * 11 / 16)
    sheet.row_dimensions[1].height = max(30, 24 * title_lines)
    sheet.append([styled(sheet, part.title, font=TITLE_FONT, alignment=CENTERED_WRAPPED)])
    lines = max(wrapped_lines(headers[c], widths[c]) for c in part.shown)
    sheet.row_dimensions[2].height = row_height(lines)
    sheet.append([styled(sheet, headers[c], font=BOLD_FONT, fill=HEADER_FILL,
                          alignment=CENTERED_WRAPPED, border=BOX) for c in part.all])


def _write_rows(parts: list[_Part], columns: Sequence[Column], rows: Iterable[Sequence[Any]],
                widths: dict[int, float], merge_down: Sequence[int], shape: _Shape,
                notes: list[str]) -> None:
    run_starts = {start for start, _ in shape.runs}
    merged_away = {i for start, stop in shape.runs for i in range(start + 1, stop)}
    for index, values in enumerate(rows):
        for part in parts:
            cells, lines = [], 1
            for position, col in enumerate(part.all, start=1):
                column, raw = columns[col], values[col]
                if index in merged_away and col in merge_down:
                    raw = None  # shown once, in the merged cell's top row
                # A key column is on every part: its removals are noted once.
                noted = notes if part is parts[0] or not column.key else []
                where = f"《{part.sheet.title}》{get_column_letter(position)}{part.end}"
                cell = data_cell(part.sheet, column, raw, noted, where)
                if index in run_starts and col in merge_down:
                    cell.alignment = CENTERED_DOWN
                cells.append(cell)
                if column.printed and not (index in merged_away and col in merge_down):
                    lines = max(lines, wrapped_lines(cell.value, widths[col]))
            if lines > MAX_LINES and not merge_down:
                _append_split(part, cells, columns, widths)
            else:
                _append(part, cells, min(lines, MAX_LINES))


def _append(part: _Part, cells: list[Cell], lines: int) -> None:
    # Every row gets its height: left to the reader, one line of Chinese may be clipped.
    part.sheet.row_dimensions[part.end].height = row_height(lines)
    part.sheet.append(cells)
    # The row is written out: drop its height so memory stays flat.
    part.sheet.row_dimensions.pop(part.end, None)
    part.end += 1


def _append_split(part: _Part, cells: list[Cell], columns: Sequence[Column],
                  widths: dict[int, float]) -> None:
    """Write a row taller than a row may be (409 points) as several, its texts continued."""
    chunks: dict[int, list[str]] = {}
    for position, (col, cell) in enumerate(zip(part.all, cells, strict=True)):
        column = columns[col]
        if column.printed and not column.key and isinstance(cell.value, str):
            shown = wrap(cell.value, widths[col])
            chunks[position] = ["".join(shown[k:k + MAX_LINES]).removesuffix("\n")
                                for k in range(0, len(shown), MAX_LINES)]
    count = max((len(texts) for texts in chunks.values()), default=1)
    for k in range(count):
        row = []
        for position, (col, cell) in enumerate(zip(part.all, cells, strict=True)):
            if k:  # a continuation row: the keys again, the rest of each text
                cell = copy_cell(part.sheet, cell, keep_value=columns[col].key)
                if position == 0 and columns[col].key and cell.value is not None:
                    cell.value = f"{cell.value}（续）"
                    cell.data_type = "s"
            if position in chunks:
                cell.value = chunks[position][k] if k < len(chunks[position]) else None
                cell.data_type = "s"
            row.append(cell)
        lines = max(wrapped_lines(c.value, widths[col])
                    for col, c in zip(part.all, row, strict=True) if columns[col].printed)
        _append(part, row, min(lines, MAX_LINES))
    part.extra_rows += count - 1


def _total_cells(part: _Part, columns: Sequence[Column], shape: _Shape,
                 label: str) -> list[Cell]:
    cells = []
    for position, col in enumerate(part.all, start=1):
        if col in shape.totals:
            cell = styled(part.sheet, shape.totals[col], font=BOLD, border=BOX,
                           number_format=columns[col].number_format)
            if shape.flagged.get(col):
                cell.comment = comment(
                    f"本列有 {shape.flagged[col]} 处标色：学校所填与名单不一致，见各格批注。"
                    "本合计按本表所列数字计算。")
        elif position == 1:
            cell = styled(part.sheet, label, font=BOLD_FONT, border=BOX)
        else:
            cell = styled(part.sheet, None, border=BOX)
        cells.append(cell)
    return cells


def _empty_sheet(book: Workbook, name: str, title: str, message: str) -> TableLayout:
    sheet = book.create_sheet(_unique_name(book, name, None))
    sheet.column_dimensions["A"].width = 90
    set_up_page(sheet, title, "landscape", title_rows=None)
    sheet.row_dimensions[1].height = 30
    sheet.append([styled(sheet, title, font=TITLE_FONT, alignment=CENTERED)])
    sheet.append([message])
    sheet.print_area = "A1:A2"
    return TableLayout([sheet], count=0, next_row=3, printed_width=90)


def _note_row(sheet: Worksheet, text: str, row: int, n_columns: int, width: float) -> int:
    sheet.merged_cells.add(f"A{row}:{get_column_letter(n_columns)}{row}")
    sheet.row_dimensions[row].height = row_height(wrapped_lines(text, width))
    sheet.append([styled(sheet, text, alignment=NOTE_ALIGNMENT)])
    return row + 1


def _print_area(part: _Part, end: int | None = None) -> None:
    part.sheet.print_area = f"A1:{get_column_letter(len(part.shown))}{(end or part.end) - 1}"


def _unique_name(book: Workbook, base: str, suffix: str | None) -> str:
    ending = sheet_name(f"（{suffix}）") if suffix else ""
    name = sheet_name(base)[:31 - len(ending)] + ending
    number = 2
    while name in book.sheetnames:
        name = f"{sheet_name(base)[:29 - len(ending)]}{ending}{number}"
        number += 1
    return name


