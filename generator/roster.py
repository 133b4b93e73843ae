"""Read a list table (the notice's 附件1, or the office's own sheet) into roster rows.

Sources: .xlsx (merged cells honoured), .csv (UTF-8 or GB18030, as Chinese Excel saves it)
and .docx (the notice's own attachment). Merged cells are undone: a school with three
projects gives three rows, each carrying the school's name and number. When the list's
form is known, its columns say which cells merge down and how each value is read.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from forms.errors import RosterError, UnreadableFileError, ValueProblem
from forms.kinds import parse_value
from forms.labels import label_key, printed_label
from forms.model import ColumnSpec, FormSpec
from forms.registry import all_forms

_TOTAL_WORDS = ("合计", "总计", "小计")
_NUMBER_HEADER = label_key("序号")


@dataclass(frozen=True)
class RosterRow:
    """One row of a roster: a stable key, its position, and its values by column header."""

    key: str
    position: int
    values: dict[str, Any]

    def get(self, header: str) -> Any:
        """Return the value under column `header` (spacing ignored), or None."""
        wanted = label_key(header)
        for name, value in self.values.items():
            if label_key(name) == wanted:
                return value
        return None


@dataclass
class Roster:
    """A list table read from a file."""

    source: str
    headers: list[str]
    rows: list[RosterRow]
    title: str = ""
    form: FormSpec | None = None
    problems: list[str] = field(default_factory=list)

    def total(self, header: str) -> float:
        """Return the sum of the numbers under column `header`."""
        values = (row.get(header) for row in self.rows)
        return sum(v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool))

    def as_json(self) -> dict[str, Any]:
        """Return the roster as plain data for ``--format json``."""
        return {
            "source": self.source,
            "form": self.form.id if self.form else None,
            "title": self.title,
            "headers": self.headers,
            "rows": [{"key": r.key, "position": r.position, **r.values} for r in self.rows],
            "problems": self.problems,
        }


def read_roster(path: str | Path, form: FormSpec | None = None) -> Roster:
    """Read the list table in `path` (.xlsx, .csv or .docx) into a Roster."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise RosterError(f"找不到名单文件：{path}", file=str(path))
    if suffix == ".xlsx":
        matrix = _xlsx_matrix(path)
    elif suffix == ".csv":
        matrix = _csv_matrix(path)
    elif suffix == ".docx":
        matrix = _docx_matrix(path)
    else:
        raise RosterError(
            f"名单文件应是 .xlsx、.csv 或 .docx，收到的是“{suffix or '无扩展名'}”", file=str(path)
        )
    return roster_from_matrix(matrix, source=str(path), form=form)


def roster_from_matrix(
    matrix: Sequence[Sequence[str]], *, source: str, form: FormSpec | None = None
) -> Roster:
    """Turn a text matrix (merged cells already repeated) into a Roster."""
    # List forms first: on a tie, the notice's own list wins over a form's table.
    candidates = [form] if form else sorted(
        (f for f in all_forms() if f.repeats), key=lambda f: not f.is_list
    )
    header_at, form = _find_header(matrix, candidates)
    headers = [printed_label(h) for h in matrix[header_at]]
    title = " ".join(
        printed_label(" ".join(dict.fromkeys(c for c in row if c.strip())))
        for row in matrix[:header_at]
        if any(c.strip() for c in row)
    )
    columns = _columns_by_position(headers, form)
    roster = Roster(source=source, headers=[h for h in headers if h], rows=[], title=title,
                    form=form)
    previous: dict[int, str] = {}
    raw_rows: list[tuple[int, dict[str, Any]]] = []
    for line, cells in enumerate(matrix[header_at + 1:], start=header_at + 2):
        texts = [c.strip() for c in cells] + [""] * (len(headers) - len(cells))
        if not any(texts) or any(t in _TOTAL_WORDS for t in texts[:2]):
            continue
        values: dict[str, Any] = {}
        for index, header in enumerate(headers):
            if not header:
                continue
            text = texts[index]
            column = columns.get(index)
            if not text and column is not None and column.merge_down:
                text = previous.get(index, "")
            previous[index] = text
            values[header] = _read_value(text, header, column, line, roster)
        raw_rows.append((line, values))
    roster.rows = _keyed(raw_rows, headers)
    if not roster.rows:
        raise RosterError("名单表头下面没有任何数据行", file=source)
    return roster


def _read_value(
    text: str, header: str, column: ColumnSpec | None, line: int, roster: Roster
) -> Any:
    if column is None:
        return text or None
    try:
        return parse_value(column.kind, text, label=header, unit=column.unit,
                           options=column.options)
    except ValueProblem as problem:
        roster.problems.append(f"第 {line} 行 {problem.message}")
        return text


def _keyed(raw_rows: list[tuple[int, dict[str, Any]]], headers: list[str]) -> list[RosterRow]:
    number_header = next((h for h in headers if label_key(h) == _NUMBER_HEADER), None)
    if number_header is None:
        return [RosterRow(str(i), i, values) for i, (_, values) in enumerate(raw_rows, start=1)]
    numbers = [str(values.get(number_header) or "") for _, values in raw_rows]
    group_sizes = Counter(numbers)
    seen: Counter[str] = Counter()
    rows = []
    for position, ((_, values), number) in enumerate(zip(raw_rows, numbers, strict=False), start=1):
        seen[number] += 1
        if not number:
            key = f"行{position}"
        elif group_sizes[number] == 1:
            key = number
        else:
            key = f"{number}-{seen[number]}"
        rows.append(RosterRow(key, position, values))
    return rows


def _find_header(
    matrix: Sequence[Sequence[str]], candidates: Sequence[FormSpec | None]
) -> tuple[int, FormSpec | None]:
    best: tuple[int, int, FormSpec | None] = (0, -1, None)
    for index, row in enumerate(matrix[:30]):
        keys = {label_key(c) for c in row if c.strip()}
        for form in candidates:
            if form is None:
                continue
            columns = list_columns(form)
            hits = sum(label_key(c.header) in keys for c in columns)
            # Most of the list's own headers must be there: 序号 and 学校名称 alone are in
            # every school list and do not make it this one.
            needed = max(2, -(-3 * len(columns) // 4))
            if hits >= needed and hits > best[0]:
                best = (hits, index, form)
    if best[2] is not None:
        return best[1], best[2]
    for index, row in enumerate(matrix[:30]):
        if sum(1 for c in row if c.strip()) >= 2:
            return index, None
    raise RosterError("名单里找不到表头行（至少两列有标题，如“序号  学校名称”）")


def _columns_by_position(headers: list[str], form: FormSpec | None) -> dict[int, ColumnSpec]:
    if form is None:
        return {}
    by_key = {label_key(c.header): c for c in list_columns(form)}
    return {i: by_key[label_key(h)] for i, h in enumerate(headers) if label_key(h) in by_key}


def list_columns(form: FormSpec) -> tuple[ColumnSpec, ...]:
    """Return the columns a roster of `form` has: its list, or its first repeating table."""
    return form.repeats[0].columns if form.repeats else ()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_matrix(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    from parsers.safety import check_xlsx

    try:
        check_xlsx(path)
    except UnreadableFileError as error:
        raise RosterError(error.message, file=str(path)) from error
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


def _csv_matrix(path: Path) -> list[list[str]]:
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


def _docx_matrix(path: Path) -> list[list[str]]:
    from parsers.docx_reader import read_docx
    from parsers.grid import Paragraph

    grid = read_docx(path)
    if not grid.tables:
        raise RosterError("Word 文件里没有表格", file=str(path))
    table = max(grid.tables, key=lambda t: t.n_rows)
    before = grid.blocks[: grid.blocks.index(table)]
    title = [[b.text] for b in before if isinstance(b, Paragraph) and b.text.strip()]
    return title[-1:] + table.text_rows()
