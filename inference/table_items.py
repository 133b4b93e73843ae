"""Read an item table (评分表, 自评表, 建设情况表, 统计表 with printed rows) into layout rows.

Such a table opens with header rows of printed text; under them each row prints its item
(a code "C1．…", a text, or a row name such as 小学) and leaves cells empty under some
headers (自评分, 得分, 备注, 人数). Every such row is an item: its code or the first words
of its text name it, its blanks are named by their column's header, and its points — from
a points column (分值, 标准分) or printed at the end of its text ("（2分）") — are the
maximum of its score. Points that add up to a total printed in the table (合计 100,
满分100分) become the form's points.
"""

from __future__ import annotations

import re
from typing import Any

from forms.labels import label_key, printed_label
from inference.cells import is_empty
from inference.found import Inferred
from inference.guess_kind import guess_kind
from inference.layout_rows import blank_entry, layout_cells, widths
from inference.naming import Namer, id_for
from parsers.grid import Cell, Table

_POINTS_WORDS = ("分值", "标准分", "满分", "分数", "配分", "权重", "基准分", "赋分", "应得分")
_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*分?\s*$")
_POINTS_IN_TEXT = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*[。.]?\s*$")
_CODE = re.compile(r"^\s*(?:([A-Za-z]?\d+(?:\.\d+)*|[A-Za-z]\d*)\s*[.．、\s]\s*\S"
                   r"|([A-Za-z]\d+)(?=[\u4e00-\u9fff]))")
_CODE_ONLY = re.compile(r"^\s*([A-Za-z]?\d+(?:\.\d+)*)\s*[.．、]?\s*$")
_CLAUSE = re.compile(r"[，,。；;：:（(]")
_TOTAL = re.compile(r"合\s*计|总\s*分|总\s*计|小\s*计")
_FULL_MARKS = re.compile(r"(?:满分|总分|合计|共)\s*[:：]?\s*(\d+(?:\.\d+)?)\s*分")
_SCORE_HEADER = re.compile(r"分")
_ITEM_TEXT = 24
_ROW_NAME = 16
_LETTER_CODE = re.compile(r"^\s*[A-Za-z]\d")


def item_table(table: Table, found: Inferred) -> dict[str, Any] | None:
    """Return the layout of `table` as an item table, or None when it is not one."""
    header_row = _header_row(table)
    if header_row is None or table.n_cols < 3:
        return None  # label | blank rows under a heading row are a form, not items
    fill_cols = _fill_columns(table, header_row)
    if not fill_cols:
        return None
    first_fill = min(fill_cols)
    item_rows = [r for r in range(header_row + 1, table.n_rows)
                 if _row_blanks(table, r, fill_cols) and _item_texts(table, r, first_fill)
                 and not _is_total(table, r, first_fill)]
    if len(item_rows) < 2:
        return None
    points_col = _points_column(table, header_row)
    headers = {col: _header_of(table, header_row, col) for col in fill_cols}
    names: dict[int, str] = {}
    items: dict[str, dict[str, Any]] = {}
    item_namer = Namer()
    for col in sorted(fill_cols):
        name = item_namer.name(headers[col], fallback="tian")
        names[col] = name
        items[name] = {"kind": _column_kind(headers[col]), "column": headers[col]}
        unit = guess_kind(headers[col]).unit
        if unit and items[name]["kind"] in ("money", "integer", "number"):
            items[name]["unit"] = unit
        found.notes[f"items:{name}"] = [f"每一项“{headers[col]}”一栏要填"]
    rows: list[dict[str, Any]] = []
    maxima: list[float] = []
    printed_total: float | None = None
    total_ids: list[str] = []
    for r in range(table.n_rows):
        row: dict[str, Any] = {}
        blanks: dict[int, str] = {}
        if r <= header_row:
            row["header"] = True
        elif r in item_rows:
            points = _points(table, r, points_col, first_fill)
            code, item_id, text = _item_name(table, r, first_fill)
            row["item"] = code
            prefix = _slug(code)
            if item_id:
                prefix = row["id"] = found.namer.unique(item_id)
            else:
                found.namer.used.add(prefix)
            if points is not None:
                row["max"] = points
                maxima.append(points)
            blanks = {c.col: names[c.col] for c in _row_blanks(table, r, fill_cols)}
            why = f"，分值 {points:g}" if points is not None else ""
            found.notes[f"item:{prefix}"] = [f"一项：{text[:30]}{why}"]
        elif _is_total(table, r, first_fill):
            printed_total = _points(table, r, points_col, first_fill)
            total_ids = _total_fields(table, r, fill_cols, headers, found)
            blanks = dict(zip(sorted(c.col for c in _row_blanks(table, r, fill_cols)),
                              total_ids, strict=False))
        row["cells"] = layout_cells(table, r, {
            c: blank_entry(c, blanks[c.col]) for c in table.row_cells(r)
            if c.row == r and c.col in blanks and is_empty(c.text)})
        rows.append(row)
    _form_points(found, table, maxima, printed_total, items, total_ids)
    return {"widths": widths(table), "items": items, "rows": rows}


def _header_row(table: Table) -> int | None:
    """Return the last of the leading rows that print only text, if the table has them."""
    last = None
    for r in range(min(3, table.n_rows - 2)):
        own = [c for c in table.row_cells(r) if c.row == r]
        if not own or any(is_empty(c.text) for c in own):
            break
        last = r
    if last is None or len(table.row_cells(last)) < 2:
        return None
    return last


def _fill_columns(table: Table, header_row: int) -> set[int]:
    """Return the columns left empty in two or more rows under the header."""
    counts: dict[int, int] = {}
    for r in range(header_row + 1, table.n_rows):
        for cell in table.row_cells(r):
            # An empty cell over several rows is a merged group cut by a PDF's page break.
            if cell.row == r and is_empty(cell.text) and cell.col > 0 and cell.rowspan == 1:
                counts[cell.col] = counts.get(cell.col, 0) + 1
    return {col for col, count in counts.items() if count >= 2}


def _row_blanks(table: Table, row: int, fill_cols: set[int]) -> list[Cell]:
    return [c for c in table.row_cells(row)
            if c.row == row and c.col in fill_cols and is_empty(c.text)]


def _item_texts(table: Table, row: int, first_fill: int) -> list[Cell]:
    return [c for c in table.row_cells(row)
            if c.row == row and c.col < first_fill and not is_empty(c.text)]


def _is_total(table: Table, row: int, first_fill: int) -> bool:
    texts = [c for c in table.row_cells(row) if c.col < first_fill and c.text.strip()]
    return bool(texts) and all(_TOTAL.search(c.text) or len(label_key(c.text)) <= 4
                               for c in texts) and any(_TOTAL.search(c.text) for c in texts)


def _points_column(table: Table, header_row: int) -> int | None:
    for cell in table.row_cells(header_row):
        key = label_key(cell.text)
        if not (any(w in key for w in _POINTS_WORDS) and len(key) <= 8):
            continue
        numbers = sum(1 for r in range(header_row + 1, table.n_rows)
                      if (c := table.cell_at(r, cell.col)) is not None and c.row == r
                      and _NUMBER.match(c.text))
        if numbers >= 2:  # "督查项目与权重" names the groups, its cells hold no points
            return cell.col
    return None


def _points(table: Table, row: int, points_col: int | None, first_fill: int) -> float | None:
    if points_col is not None:
        cell = table.cell_at(row, points_col)
        match = _NUMBER.match(cell.text) if cell is not None and cell.row == row else None
        return float(match[1]) if match else None
    for cell in reversed(_item_texts(table, row, first_fill)):
        match = _POINTS_IN_TEXT.search(cell.text)
        if match and cell.rowspan == 1:
            return float(match[1])
    return None


def _item_name(table: Table, row: int, first_fill: int) -> tuple[str, str | None, str]:
    """Return an item's code, its id when the code is not letters and digits, and its text."""
    texts = [c for c in _item_texts(table, row, first_fill) if c.rowspan == 1] or \
        _item_texts(table, row, first_fill)
    with_points = [c for c in texts if _POINTS_IN_TEXT.search(c.text)]
    with_code = [c for c in texts if _CODE.match(printed_label(c.text))]
    plain = [c for c in texts if c not in with_points and not _CODE_ONLY.match(c.text)]
    if with_points and with_code:
        texts = [next((c for c in reversed(with_points) if c in with_code), with_points[-1])]
    elif with_points and plain:
        texts = plain  # "特色管理（6分）" names the indicator, the text beside it the item
    elif with_points:
        texts = [with_points[-1]]
    elif with_code and not _CODE_ONLY.match(texts[0].text):
        texts = with_code  # "35.学校在…" beside a group name printed in a single row
    elif len(texts) > 1 and (number := _CODE_ONLY.match(texts[0].text)):
        # A 序号 column: the number is the item's code, the text beside it what it is.
        code = number[1]
        text = printed_label(texts[1].text)
        return (code, None, text) if "." not in code else (
            code, "n" + code.lower().replace(".", "_"), text)
    text = printed_label(texts[0].text)
    if (len(text) <= _ROW_NAME and not _CODE_ONLY.match(text)
            and not _POINTS_IN_TEXT.search(text) and not _LETTER_CODE.match(text)):
        return text, id_for(text) or f"item{row}", text  # a row name: "3102.音乐教室", "小学"
    coded = _CODE.match(text)
    code = coded and (coded[1] or coded[2])
    if code and "." not in code:
        return code, None, text
    if code:
        return code, "n" + code.lower().replace(".", "_"), text
    clause = _CLAUSE.split(text, maxsplit=1)[0]
    item = clause if 2 <= len(clause) <= _ITEM_TEXT else text[:_ITEM_TEXT]
    return item, id_for(item) or f"item{row}", text


def _header_of(table: Table, header_row: int, col: int) -> str:
    parts: list[str] = []
    for r in range(header_row + 1):
        cell = table.cell_at(r, col)
        if cell is not None and cell.text.strip() and printed_label(cell.text) not in parts:
            parts.append(printed_label(cell.text))
    return parts[-1] if parts else "填写"


def _column_kind(header: str) -> str:
    guess = guess_kind(header)
    if guess.kind in ("text", "integer") and _SCORE_HEADER.search(header) and \
            not re.search(r"分[类布析配工]", header):
        return "score"
    return guess.kind


def _total_fields(table: Table, row: int, fill_cols: set[int], headers: dict[int, str],
                  found: Inferred) -> list[str]:
    label_cell = next((c for c in table.row_cells(row) if c.row == row and c.text.strip()), None)
    label = printed_label(label_cell.text) if label_cell else "合计"
    names: list[str] = []
    for cell in _row_blanks(table, row, fill_cols):
        header = headers[cell.col]
        field_id = found.namer.name(f"{label}{header}", fallback="total")
        entry = {"id": field_id, "label": label, "kind": _column_kind(header)}
        unit = guess_kind(header).unit
        if unit and entry["kind"] in ("money", "integer", "number"):
            entry["unit"] = unit
        found.add_field(entry, [f"“{label}”一行的“{header}”"], label=label)
        names.append(field_id)
    return names


def _slug(code: str) -> str:
    slug = code.lower()
    return f"n{slug}" if slug[:1].isdigit() else slug


def _form_points(found: Inferred, table: Table, maxima: list[float], printed_total: float | None,
                 items: dict[str, dict[str, Any]], total_ids: list[str]) -> None:
    if not maxima:
        return
    total = sum(maxima)
    marks = [float(m) for c in table.cells for m in _FULL_MARKS.findall(c.text)]
    printed = printed_total if printed_total is not None else max(marks, default=None)
    if printed is not None and abs(printed - total) < 1e-9 and found.points is None:
        found.points = total
    elif printed is None and total == 100 and found.points is None:
        found.points = total  # no total printed, but the items make the usual hundred
        found.notes["points"] = ["表上没印总分；各项分值加起来正好 100 分"]
    score = next((name for name, spec in items.items() if spec["kind"] == "score"), None)
    if score and total_ids:
        found.checks.append({"sum": {"items": score}, "equals": total_ids[0],
                             "severity": "warning", "why": "各项得分之和应等于合计"})
