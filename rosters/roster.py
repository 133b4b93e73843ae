"""Read a list table (the notice's 附件1, or the office's own sheet) into roster rows.

Sources: .xlsx and .csv sheets, the notice's own attachment as .docx, .doc or .pdf (see
rosters/list_files.py). Merged cells are undone: a school with three projects gives three
rows, each carrying the school's name and number. When the list's form is known, its columns
say which cells merge down and how each value is read. A list read for a form that schools
fill must fit it (rosters/fit.py): a header row, the columns the form needs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from forms.errors import RosterError, ValueProblem
from forms.labels import label_key, printed_label
from forms.model import ColumnSpec, FormSpec
from forms.registry import all_forms, get_form
from rosters.fit import (
    check_fit,
    columns_needed,
    list_columns,
    mismatch,
    refuse_data_as_header,
)
from rosters.list_files import ListTable, read_list_table
from rosters.model import Roster, RosterRow

__all__ = ["Roster", "RosterRow", "list_columns", "read_roster", "read_roster_for",
           "roster_from_matrix"]

_TOTAL_WORDS = ("合计", "总计", "小计")
_NUMBER_HEADER = label_key("序号")


def read_roster(path: str | Path, form: FormSpec | None = None) -> Roster:
    """Read the list table in `path` (.xlsx, .csv, .docx, .doc or .pdf) into a Roster.

    With `form` (a list form) given, the list must be that form's: its header row must
    name the form's required columns.
    """
    path = Path(path)
    return _build_roster(read_list_table(path), source=str(path), form=form)


def read_roster_for(path: str | Path, spec: FormSpec) -> Roster:
    """Read the list in `path` that pre-fills form `spec`; refuse a list that does not fit.

    `spec` is a form schools fill: its ``roster`` names its list form (tried first when the
    header row is looked for) and its blanks' ``prefill`` the columns it takes from the list.
    A list without a header row, or without the school's name or a column that pre-fills a
    required blank, raises RosterError; a missing column the form can do without is noted in
    the roster's problems. A list form as `spec` is read as `read_roster(path, spec)` does.
    """
    if spec.is_list:
        return read_roster(path, spec)
    path = Path(path)
    list_form = get_form(spec.roster) if spec.roster else None
    needed, optional = columns_needed(spec)
    expected = ([c.header for c in list_columns(list_form)] if list_form else [])
    expected += [h for h in (*needed, *optional) if h not in expected]
    candidates = [list_form] if list_form else []
    candidates += [f for f in _list_forms() if list_form is None or f.id != list_form.id]
    roster = _build_roster(read_list_table(path), source=str(path), candidates=candidates,
                           expected=expected or None)
    check_fit(roster, spec, list_form)
    return roster


def roster_from_matrix(
    matrix: Sequence[Sequence[str]], *, source: str, form: FormSpec | None = None
) -> Roster:
    """Turn a text matrix (merged cells already repeated) into a Roster."""
    return _build_roster(ListTable([list(row) for row in matrix]), source=source, form=form)


def _list_forms() -> list[FormSpec]:
    # List forms first: on a tie, the notice's own list wins over a form's table.
    return sorted((f for f in all_forms() if f.repeats), key=lambda f: not f.is_list)


def _build_roster(
    table: ListTable,
    *,
    source: str,
    form: FormSpec | None = None,
    candidates: Sequence[FormSpec] | None = None,
    expected: Sequence[str] | None = None,
) -> Roster:
    """Find `table`'s header row (and its form among `candidates`), then read its rows.

    `form`, when given, is the only candidate and the list must have its required columns.
    `expected` are the column titles a header row is checked against when no form's header
    is found (by default `form`'s columns, else every shipped form's).
    """
    matrix = table.rows
    if form is not None:
        candidates = [form]
        expected = [c.header for c in list_columns(form)] or None
    header_at, found = _find_header(matrix, candidates or _list_forms(), source)
    headers = [printed_label(h) for h in matrix[header_at]]
    if found is None:
        refuse_data_as_header(matrix[header_at], header_at + 1, expected, source=source)
    if found is None and form is not None and list_columns(form):
        have = {label_key(h) for h in headers}
        needed = [c.header for c in list_columns(form) if c.required]
        if any(label_key(h) not in have for h in needed):
            raise mismatch(form.title, needed, [h for h in headers if h], source=source,
                           form=form.id)
        found = form
    title = table.title or " ".join(
        printed_label(" ".join(dict.fromkeys(c for c in row if c.strip())))
        for row in matrix[:header_at]
        if any(c.strip() for c in row)
    )
    columns = _columns_by_position(headers, found)
    roster = Roster(source=source, headers=[h for h in headers if h], rows=[], title=title,
                    form=found)
    header_keys = [label_key(h) for h in headers]
    lines: list[tuple[int, list[str]]] = []
    for line, cells in enumerate(matrix[header_at + 1:], start=header_at + 2):
        texts = [c.strip() for c in cells] + [""] * (len(headers) - len(cells))
        if not any(texts) or any(t in _TOTAL_WORDS for t in texts[:2]):
            continue
        if [label_key(t) for t in texts[:len(headers)]] == header_keys:
            continue  # the header printed again at the top of a page
        lines.append((line, texts))
    merged = [i for i, column in columns.items() if column.merge_down]
    raw_rows: list[tuple[int, dict[str, Any]]] = []
    for line, texts in _merges_undone(lines, merged):
        values = {header: _read_value(texts[index], header, columns.get(index), line, roster)
                  for index, header in enumerate(headers) if header}
        raw_rows.append((line, values))
    roster.rows = _keyed(raw_rows, headers)
    if not roster.rows:
        raise RosterError("名单表头下面没有任何数据行", file=source)
    return roster


def _merges_undone(
    lines: list[tuple[int, list[str]]], merged: list[int]
) -> list[tuple[int, list[str]]]:
    """Give each row of a group of rows the text of its merged cells (columns `merged`).

    A group begins where a merged column shows a text other than the group's. Its merged
    cell's text may stand in any row of the group, not only the first: a page break cuts a
    merged cell in two, and the text prints on the page where the cell's middle falls.
    """
    groups: list[list[tuple[int, list[str]]]] = []
    shown: dict[int, str] = {}
    for line, texts in lines:
        if not groups or any(texts[i] and shown.get(i, texts[i]) != texts[i] for i in merged):
            groups.append([])
            shown = {}
        groups[-1].append((line, texts))
        shown.update({i: texts[i] for i in merged if texts[i]})
    for group in groups:
        for index in merged:
            text = next((texts[index] for _, texts in group if texts[index]), "")
            for _, texts in group:
                texts[index] = texts[index] or text
    return [row for group in groups for row in group]


def _read_value(
    text: str, header: str, column: ColumnSpec | None, line: int, roster: Roster
) -> Any:
    if column is None:
        return text or None
    if not text and column.required:
        roster.problems.append(f"第 {line} 行 {header}：未填写（必填）")
        return None
    try:
        return column.value_kind.parse(text, column.blank(header))
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
    matrix: Sequence[Sequence[str]], candidates: Sequence[FormSpec], source: str
) -> tuple[int, FormSpec | None]:
    best: tuple[int, int, FormSpec | None] = (0, -1, None)
    for index, row in enumerate(matrix[:30]):
        keys = {label_key(c) for c in row if c.strip()}
        for form in candidates:
            columns = list_columns(form)
            hits = sum(label_key(c.header) in keys for c in columns)
            # Most of the list's own headers must be there: 序号 and 学校名称 alone are in
            # every school list and do not make it this one.
            needed = max(2, -(-3 * len(columns) // 4))
            if hits >= needed and hits > best[0]:
                best = (hits, index, form)
    if best[2] is not None:
        return best[1], best[2]
    # A title merged over the whole width repeats one text in every cell: not a header.
    for index, row in enumerate(matrix[:30]):
        if len({c.strip() for c in row if c.strip()}) >= 2:
            return index, None
    raise RosterError("名单里找不到表头行（至少两列有标题，如“序号  学校名称”）", file=source)


def _columns_by_position(headers: list[str], form: FormSpec | None) -> dict[int, ColumnSpec]:
    if form is None:
        return {}
    by_key = {label_key(c.header): c for c in list_columns(form)}
    return {i: by_key[label_key(h)] for i, h in enumerate(headers) if label_key(h) in by_key}
