"""Find each blank of a form in a grid by its printed label, not by its position.

A blank is found the way its definition says (``FieldSpec.locate``):
- right: the cells right of its label cell up to the next label (or below, in a column form),
  or the rest of the label cell when a school wrote "学校：XX" in one cell;
- grid: the row of its label or item code, under its column header ("C1" / "考核分");
- part: a printed line inside its parent's cell (负责人：…, 年 月 日), kept out of the parent;
- line: after its label on a printed line ("单位名称：____（盖章）");
- section: the paragraphs under its heading in an outline document.
Repeating tables are read row by row under their header row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from forms.labels import label_key
from forms.model import FieldSpec, FormSpec, RepeatSpec
from parsers.grid import Cell, Grid, Paragraph, Table

_DATE_LINE = re.compile(
    r"年.*月.*日\s*$|^\s*日期[:：]"
    r"|^\d{4}\s*[./\-－—年]\s*\d{1,2}\s*[./\-－—月]\s*\d{1,2}\s*日?$"
)
_TRAILING_DATE = re.compile(
    r"((?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*[日号]"
    r"|(?<!\d)\d{4}\s*[./\-－]\s*\d{1,2}\s*[./\-－]\s*\d{1,2})\s*$"
)
_BLANK_DATE_TAIL = re.compile(r"\s{2,}(年\s*月\s*日)\s*$")
_SEAL_WORDS = r"盖\s*章|公\s*章|签\s*[字名章]"
_SEAL_LINE = re.compile(rf"^[（(]?\s*({_SEAL_WORDS})\s*[）)]?\s*[:：]?\s*$")
_SEAL_TAIL = re.compile(rf"[（(]?\s*({_SEAL_WORDS})\s*[）)]?\s*[:：]?\s*$")
_ORDINAL = re.compile(r"^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）|^\d+[.．、]")
_TOTAL_WORDS = ("合计", "总计", "小计")
_ITEM_CODE = re.compile(r"[A-Za-z0-9]+")
_LINE_LABEL = re.compile(r"^\s*([^：:\s][^：:]{1,15})[：:]")
# How the name of a document in a list of materials ends ("…分布图", "…验收报告", "…（3份）").
_DOCUMENT_ENDINGS = (
    "图", "表", "单", "册", "书", "录", "告", "件", "案", "账", "帐", "片", "明", "编", "要",
    "度", "法", "划", "同", "议", "知", "结", "证", "据", "料", "档", "频", "则", "份", "）", ")",
)
_NUMBERED_ITEM = re.compile(r"\d{1,2}[.．、]|[（(]\d{1,2}[)）]|[①-⑳]")
# What a line going on with the item above starts with: "…拓扑图" / "和设备清单", "（12份）".
_GOES_ON = tuple("和及与或并等的之、，。；：（）()》”’")


@dataclass(frozen=True)
class RawValue:
    """The text found for one blank; `found` is False when its label is not in the file."""

    field: FieldSpec
    raw: str
    found: bool = True
    unit: str | None = None  # a unit of its kind the school's label prints ("（万元）")


def extract(grid: Grid, spec: FormSpec) -> tuple[list[RawValue], dict[str, list[dict[str, str]]]]:
    """Return the blanks and the repeating tables' rows of `spec` in `grid`, reading it once."""
    finder = _Finder(grid, spec)
    return _fields_of(finder, spec), _rows_of(finder, spec)


def extract_fields(grid: Grid, spec: FormSpec) -> list[RawValue]:
    """Return the raw text of every blank of `spec` found in `grid`, in definition order."""
    return _fields_of(_Finder(grid, spec), spec)


def extract_rows(grid: Grid, spec: FormSpec) -> dict[str, list[dict[str, str]]]:
    """Return the raw rows of every repeating table, by repeat id, column id → text."""
    return _rows_of(_Finder(grid, spec), spec)


def _fields_of(finder: _Finder, spec: FormSpec) -> list[RawValue]:
    values: list[RawValue] = []
    for field in spec.top_fields():
        located = finder.locate(field)
        parts = spec.parts_of(field.id)
        if located is None:
            values.append(RawValue(field, "", found=False))
            values.extend(RawValue(p, "", found=False) for p in parts)
            continue
        if field.printed:
            located = strip_printed(located, field.printed)
        if not parts:
            values.append(RawValue(field, located, unit=finder.units.get(field.id)))
            continue
        text, part_texts = split_printed_parts(located, parts)
        values.append(RawValue(field, text))
        values.extend(RawValue(p, part_texts.get(p.id, "")) for p in parts)
    return values


def _rows_of(finder: _Finder, spec: FormSpec) -> dict[str, list[dict[str, str]]]:
    used: set[tuple[int, int]] = set()
    return {repeat.id: finder.rows_of(repeat, used) for repeat in spec.repeats}


def split_printed_parts(text: str, parts: tuple[FieldSpec, ...]) -> tuple[str, dict[str, str]]:
    """Split an opinion cell into its own text and the text of each printed sub-blank."""
    found: dict[str, str] = {}
    kept: list[str] = []
    date_part = next((p for p in parts if p.kind == "date"), None)
    named = {label_key(p.column or ""): p for p in parts if p.kind != "date" and p.column}
    for line in reversed(text.split("\n")):
        stripped = line.strip()
        segments = _named_segments(stripped, named)
        written = _TRAILING_DATE.search(stripped)
        if segments and date_part is not None and written and not _has_digits(
            found.get(date_part.id)
        ):
            # "负责人：王卫东  盖章：2018年9月10日": a PDF ran the date line on the signer's.
            found[date_part.id] = written[1]
            segments = _named_segments(stripped[: written.start()].rstrip(), named)
        if segments:
            for part, value in segments:
                found.setdefault(part.id, value)
            continue
        blank_date = _BLANK_DATE_TAIL.search(stripped)
        if date_part is not None and blank_date and stripped[: blank_date.start()].strip():
            # "廖小光      年   月   日": a name written before the printed date, left empty.
            if not _has_digits(found.get(date_part.id)):
                found[date_part.id] = blank_date[1]
            line = stripped = stripped[: blank_date.start()].rstrip()
        written = _TRAILING_DATE.search(stripped)
        if date_part is not None and written and not _has_digits(found.get(date_part.id)):
            # "同意上报。2023年3月6日": the date typed at the end of the opinion's last line.
            found[date_part.id] = written[1]
            line = stripped = stripped[: written.start()].rstrip()
            if not stripped:
                continue
        elif date_part is not None and _DATE_LINE.search(stripped):
            # Printed "年  月  日" left as it is: keep looking for a date the school typed.
            if not _has_digits(found.get(date_part.id)):
                found[date_part.id] = re.sub(r"^日期[:：]", "", stripped).strip()
            continue
        if _SEAL_LINE.match(stripped):
            continue
        kept.append(line)
    return "\n".join(reversed(kept)).strip(), found


def strip_printed(text: str, printed: str) -> str:
    """Remove what the form prints inside a blank ("另附自查报告（3000字以内）") from its text.

    A blank whose text is only its printed words, spacing aside ("2021年  月  日"), is empty.
    """
    if label_key(text) == label_key(printed):
        return ""
    pattern = _spaced(printed) + r"\s*[:：,，。]?"
    return re.sub(pattern, "", text, count=1).strip()


def _has_digits(text: str | None) -> bool:
    return bool(text) and any(ch.isdigit() or ch in "〇零一二三四五六七八九十" for ch in text or "")


def _named_segments(line: str, named: dict[str, FieldSpec]) -> list[tuple[FieldSpec, str]]:
    """Read "负责人：张三    盖章：" into [(负责人 part, "张三")]; [] if no sub-label starts it."""
    pieces = re.split(r"\s*([^\s:：]{1,8})\s*[:：]", line)
    # split() gives: text before the first label, label, text, label, text ...
    if len(pieces) < 3 or pieces[0].strip() or label_key(pieces[1]) not in named:
        return []
    segments = []
    for index in range(1, len(pieces), 2):
        part = named.get(label_key(pieces[index]))
        if part is not None:
            segments.append((part, _SEAL_TAIL.sub("", pieces[index + 1]).strip()))
    return segments


class _Finder:
    def __init__(self, grid: Grid, spec: FormSpec) -> None:
        self.grid = grid
        self.spec = spec
        self.cells: list[tuple[Table, Cell, str]] = [
            (table, cell, label_key(cell.text)) for table, cell in grid.iter_cells()
        ]
        # Cells by their whole key, and by the key's first character for item codes: a
        # blank is then found without walking every cell of the file.
        self.by_key: dict[str, list[tuple[Table, Cell]]] = {}
        self.by_initial: dict[str, list[tuple[Table, Cell, str]]] = {}
        for table, cell, key in self.cells:
            self.by_key.setdefault(key, []).append((table, cell))
            if key:
                self.by_initial.setdefault(key[0], []).append((table, cell, key))
        self.label_keys = {label_key(f.label) for f in spec.top_fields()
                           if f.locate in ("right", "inline", "line") or (f.locate == "grid"
                                                                   and not f.item)}
        # Sub-labels printed beside a blank ("手机号码", "县级及以上") end a value too.
        self.label_keys |= {label_key(f.column) for f in spec.top_fields()
                            if f.locate == "grid" and f.column and not f.item}
        self.label_keys |= {label_key(c.header) for r in spec.repeats for c in r.columns}
        self.units: dict[str, str] = {}
        self.item_columns = {label_key(f.column) for f in spec.fields if f.item and f.column}
        self._answers: dict[int, set[int]] = {}

    def locate(self, field: FieldSpec) -> str | None:
        if field.locate == "grid":
            return self._grid_value(field)
        if field.locate == "line":
            return self._line_value(field)
        if field.locate == "section":
            return self._section_value(field)
        if field.locate == "inline":
            return self._inline_cell_value(field)
        return self._right_value(field)

    def _inline_cell_value(self, field: FieldSpec) -> str | None:
        """Return what follows the label printed at the top of the blank's own cell."""
        wanted = label_key(field.label)
        for table, cell, key in self.cells:
            if key.startswith(wanted):
                first, _, rest = cell.text.partition("\n")
                after = re.split(r"[:：]", first, maxsplit=1)
                head = after[1] if len(after) == 2 else ""
                text = "\n".join(t for t in (head.strip(), rest) if t)
                left_empty = not (strip_printed(text, field.printed) if field.printed else text)
                if left_empty:
                    # The label alone in its row, the text typed into a row the school added
                    # under it, as wide as it and not another blank's label.
                    below = table.below(cell)
                    if (below is not None and below.col == cell.col
                            and below.colspan == cell.colspan and not self._starts_label(below)):
                        return below.text
                return text
        found = self._paragraphs_after(field)
        if found is None:
            found = self._line_in_cell(wanted)
        return found if found is not None else self._right_value(field)

    def _line_in_cell(self, wanted: str) -> str | None:
        """Read a label printed on a later line of a cell ("…（丙方）：\n项目负责人（签字）：X")."""
        for _, cell, _ in self.cells:
            lines = cell.text.split("\n")
            for number, line in enumerate(lines[1:], start=1):
                if label_key(line).startswith(wanted):
                    after = re.split(r"[:：]", line, maxsplit=1)
                    head = after[1].strip() if len(after) == 2 else ""
                    return "\n".join(t for t in (head, *lines[number + 1 :]) if t.strip())
        return None

    def _paragraphs_after(self, field: FieldSpec) -> str | None:
        """Read a boxed blank the school's copy prints as plain lines (signature blocks).

        "主管部门（甲方）：" then its own lines, up to the next such label.
        """
        wanted = label_key(field.label)
        own = {label_key(p.column or "") for p in self.spec.parts_of(field.id)}
        paragraphs = [p.text for p in self.grid.paragraphs]
        for index, text in enumerate(paragraphs):
            if not label_key(text).startswith(wanted):
                continue
            after = re.split(r"[:：]", text, maxsplit=1)
            lines = [after[1].strip()] if len(after) == 2 and after[1].strip() else []
            for following in paragraphs[index + 1 : index + 6]:
                head = _LINE_LABEL.match(following)
                if head and label_key(head[1]) not in own:
                    break  # the next party's label: "试点项目承担单位（丙方）："
                lines.append(following)
            return "\n".join(lines)
        return None

    # -- right --------------------------------------------------------------------

    def _right_value(self, field: FieldSpec) -> str | None:
        wanted = label_key(field.label)
        if field.scope:
            table = self._scoped_table(field)
            if table is None:
                return None
            for cell in table.cells:
                if label_key(cell.text) == wanted:
                    return self._neighbour_text(table, cell)
            return None
        for table, cell in self.by_key.get(wanted, [])[:1]:
            return self._neighbour_text(table, cell)
        for text in [c.text for _, c, _ in self.cells] + [p.text for p in self.grid.paragraphs]:
            inline = _inline_value(text, wanted)
            if inline is not None:
                return inline
        for table, cell, key in self.cells:
            if _extends_label(key, wanted) and key not in self.label_keys:
                unit = field.value_kind.printed_unit(key[len(wanted):])
                if unit:
                    self.units[field.id] = unit
                return self._neighbour_text(table, cell)
        split = self._split_label_cell(wanted)
        if split is not None:
            return self._neighbour_text(*split)
        return _wrapped_label_value([p.text for p in self.grid.paragraphs], wanted)

    def _split_label_cell(self, wanted: str) -> tuple[Table, Cell] | None:
        """Return a label a page break split over two cells, one above the other, as one.

        A PDF of a row broken by the page may give "是否参与重庆市智慧" at the foot of one page
        and "校园建设试点" at the head of the next as two rows; the label is theirs together.
        """
        for table, cell, key in self.by_initial.get(wanted[:1], ()):
            if not (key and wanted.startswith(key) and len(key) < len(wanted)):
                continue
            below = table.below(cell)
            if below is not None and key + label_key(below.text) == wanted:
                joined = Cell(cell.text + below.text, cell.row, cell.col,
                              cell.rowspan + below.rowspan, cell.colspan)
                return table, joined
        return None

    def _answer_columns(self, table: Table) -> set[int]:
        """Return the grid columns of `table` under an item blank's header (建设情况…).

        An answer typed there ("3台网关…") must not be taken for the row of item 3.
        """
        cached = self._answers.get(id(table))
        if cached is None:
            cached = set()
            for r in range(min(3, table.n_rows)):
                for cell in table.row_cells(r):
                    if label_key(cell.text) in self.item_columns:
                        cached.update(range(cell.col, cell.last_col + 1))
            self._answers[id(table)] = cached
        return cached

    def _scoped_table(self, field: FieldSpec) -> Table | None:
        """Return the one of several alike tables that `field` belongs to ("2021年").

        The table whose heading (or own text) names the scope wins; otherwise the tables
        holding the label are taken in order, as the form prints its scopes in order.
        """
        wanted = label_key(field.label)
        scope = label_key(field.scope or "")
        holding = [t for t in self.grid.tables
                   if any(label_key(c.text) == wanted for c in t.cells)]
        for table in holding:
            if scope and scope in self._heading_of(table):
                return table
        scopes = list(dict.fromkeys(f.scope for f in self.spec.top_fields()
                                    if f.scope and label_key(f.label) == wanted))
        order = scopes.index(field.scope) if field.scope in scopes else 0
        return holding[order] if order < len(holding) else None

    def _heading_of(self, table: Table) -> str:
        """Return the key of the heading just before `table` and of its first row."""
        index = self.grid.blocks.index(table)
        heading = next((label_key(b.text) for b in reversed(self.grid.blocks[:index])
                        if isinstance(b, Paragraph) and b.text.strip()), "")
        first_row = "".join(label_key(c.text) for c in table.row_cells(0))
        return heading + "|" + first_row

    def _is_label(self, cell: Cell, table: Table | None = None) -> bool:
        key = label_key(cell.text)
        if key in self.label_keys:
            return True
        # The upper half of a label a page break split ("教育信息化、智慧" / "…获奖数量（项）").
        below = table.below(cell) if table is not None and key else None
        return below is not None and key + label_key(below.text) in self.label_keys

    def _starts_label(self, cell: Cell) -> bool:
        key = label_key(cell.text)
        return any(key.startswith(label) for label in self.label_keys if label)

    def _neighbour_text(self, table: Table, cell: Cell) -> str:
        """Return the text right of `cell` up to the next label, or below it in a column form.

        Cells the school's copy did not merge are read together, so a value typed into the
        second of three unmerged cells is still found.
        """
        texts: list[str] = []
        neighbour = table.right_of(cell)
        if neighbour is None or self._is_label(neighbour):
            # Nothing beside the label but the next label: the blank is under it.
            below = table.below(cell)
            return "" if below is None or self._is_label(below) else below.text
        while neighbour is not None and not self._is_label(neighbour, table):
            if neighbour.text.strip():
                texts.append(neighbour.text)
            neighbour = table.right_of(neighbour)
        return "\n".join(texts)

    # -- grid ---------------------------------------------------------------------

    def _grid_value(self, field: FieldSpec) -> str | None:
        column = label_key(field.column or "")
        for table, row_cell in self._row_finders(field):
            # A sub-label printed in the label's own row(s) ("联系人 | 李四 | 手机号码 | …")
            # comes first; otherwise the column is the one under the header ("考核分").
            sub_label = _sub_label_cell(table, row_cell, column)
            if sub_label is not None:
                value = table.right_of(sub_label)
                return "" if value is None or self._is_label(value) else value.text
            header = _header_cell(table, column, above=row_cell.row)
            if header is not None:
                cell = table.cell_at(row_cell.row, header.col)
                return "" if cell is None or cell is row_cell else _cell_text(cell, field)
        return None

    def _row_finders(self, field: FieldSpec) -> list[tuple[Table, Cell]]:
        if field.item:
            code = label_key(field.item)
            # A code (C1, 12) must not match a longer one (C10, 120); a text label may be
            # followed by anything, the next numbered clause included ("…规范；②…").
            is_code = _ITEM_CODE.fullmatch(code) is not None
            for table, cell, key in self.by_initial.get(code[:1], ()):
                if (key.startswith(code) and len(key) > len(code)
                        and not (is_code and key[len(code)].isdigit())
                        and cell.col not in self._answer_columns(table)):
                    return [(table, cell)]
            return []
        wanted = label_key(field.label)
        found = self.by_key.get(wanted, [])
        if not found and (split := self._split_label_cell(wanted)) is not None:
            return [split]
        return found

    # -- lines and sections ---------------------------------------------------------

    def _line_value(self, field: FieldSpec) -> str | None:
        pattern = _spaced(field.label) + r"\s*[:：]"
        others = [_spaced(f.label) + r"\s*[:：]" for f in self.spec.top_fields()
                  if f.locate == "line" and f.id != field.id]
        stop = re.compile("|".join(others)) if others else None
        texts = [p.text for p in self.grid.paragraphs] + [c.text for _, c, _ in self.cells]
        for text in texts:
            match = re.search(pattern, text)
            if match is None:
                continue
            rest = text[match.end():]
            end = stop.search(rest) if stop else None
            value = (rest[: end.start()] if end else rest).split("\n")[0]
            if field.after:
                value = re.sub(_spaced(field.after) + r"\s*$", "", value.strip())
            return _SEAL_TAIL.sub("", value).strip(" _\u3000\t")
        # A school may have put the printed line into a small table: 学校 | XX.
        return self._right_value(field)

    def _section_value(self, field: FieldSpec) -> str | None:
        headings = [f for f in self.spec.top_fields() if f.locate == "section"]
        keys = {f.id: _heading_keys(f.label) for f in headings}
        guidance = {label_key(line) for line in field.guidance}
        collecting = False
        lines: list[str] = []
        for block in self.grid.blocks:
            texts = [block.text] if isinstance(block, Paragraph) else [
                "\t".join(row) for row in block.text_rows()
            ]
            for text in texts:
                key = label_key(text)
                heading = next((f for f in headings if key and key in keys[f.id]), None)
                if heading is not None:
                    if collecting:
                        return "\n".join(_without_guidance(lines, guidance))
                    collecting = heading.id == field.id
                    continue
                if collecting:
                    lines.append(text)
        return "\n".join(_without_guidance(lines, guidance)) if collecting else None

    # -- repeating tables -----------------------------------------------------------

    def rows_of(self, repeat: RepeatSpec, used: set[tuple[int, int]]) -> list[dict[str, str]]:
        wanted = [label_key(c.header) for c in repeat.columns]
        for t_index, table in enumerate(self.grid.tables):
            for r in range(table.n_rows):
                if (t_index, r) in used:
                    continue
                positions = _header_positions(table, r, wanted)
                if positions is None:
                    continue
                used.add((t_index, r))
                return self._rows_below(table, r, repeat, positions)
        return []

    def _rows_below(self, table: Table, header_row: int, repeat: RepeatSpec,
                    positions: list[int | None]) -> list[dict[str, str]]:
        rows: list[dict[str, str]] = []
        for r in range(header_row + 1, table.n_rows):
            cells = table.row_cells(r)
            keys = [label_key(c.text) for c in cells]
            if any(k in self.label_keys for k in keys if k) or any(
                k in _TOTAL_WORDS for k in keys
            ):
                break
            row: dict[str, str] = {}
            for column, col in zip(repeat.columns, positions, strict=True):
                cell = table.cell_at(r, col) if col is not None else None
                row[column.id] = cell.text if cell is not None else ""
            if any(v.strip() for v in row.values()):
                rows.append(row)
        return rows


def _cell_text(cell: Cell, field: FieldSpec) -> str:
    """Return the text of `cell` as the blank `field` holds it (a list: one item a line)."""
    if field.is_list and cell.soft_joins:
        return split_list_items(cell.text, cell.soft_joins)
    return cell.text


def split_list_items(text: str, soft_joins: tuple[int, ...]) -> str:
    """Break a list's text where a line that was full ended one item and began the next.

    A PDF joins a full line to the next as a wrap; in a list of materials, a short item that
    happens to fill its line ("监控点位分布图" / "电子巡更记录") is an item of its own when it
    ends like a document's name and the next line does not go on with it ("和设备清单").
    """
    numbered = any(_NUMBERED_ITEM.match(line.strip()) for line in text.split("\n"))
    pieces: list[str] = []
    start = 0  # where the text not yet written out begins; also where the current item does
    for offset in soft_joins:
        item_start = max(start, text.rfind("\n", 0, offset) + 1)
        item = text[item_start:offset].strip()
        if numbered:
            # A numbered list: a new item is the next number ("1.数据备份记录" /
            # "2.2021年…"); anything else goes on the item ("1.管理系统登录" / "界面截图").
            following = _next_number(item)
            ends = following is not None and text[offset:].startswith(following)
        else:
            ends = (len(item) >= 2 and item.endswith(_DOCUMENT_ENDINGS)
                    and not text[offset:].startswith(_GOES_ON))
        if ends:
            pieces.append(text[start:offset].rstrip() + "\n")
            start = offset
    pieces.append(text[start:])
    return "".join(pieces)


def _next_number(item: str) -> str | None:
    """Return how the item after `item` would start ("3." after "2.…", "②" after "①…")."""
    number = _NUMBERED_ITEM.match(item)
    if number is None:
        return None
    mark = number[0]
    if "①" <= mark <= "⑲":
        return chr(ord(mark) + 1)
    if mark[0] in "0123456789":
        return f"{int(mark[:-1]) + 1}{mark[-1]}"
    return None


def _without_guidance(lines: list[str], guidance: set[str]) -> list[str]:
    """Drop the printed guidance lines, also where a PDF wrapped one over several lines."""
    kept: list[str] = []
    index = 0
    while index < len(lines):
        joined = ""
        for end in range(index, min(index + 6, len(lines))):
            joined += label_key(lines[end])
            if joined in guidance:
                index = end + 1
                break
            if not any(g.startswith(joined) for g in guidance):
                kept.append(lines[index])
                index += 1
                break
        else:
            kept.append(lines[index])
            index += 1
    return kept


def _header_positions(table: Table, row: int, wanted: list[str]) -> list[int | None] | None:
    """Return the grid column of each wanted header on `row`, or None if it is not that row."""
    found: dict[str, int] = {}
    for cell in table.row_cells(row):
        key = label_key(cell.text)
        for header in wanted:
            if header not in found and (key == header or key.startswith(header)):
                found[header] = cell.col
    if len(found) < max(2, (len(wanted) * 2 + 2) // 3):
        return None
    return [found.get(header) for header in wanted]


def _header_cell(table: Table, column: str, *, above: int) -> Cell | None:
    for r in range(0, above):
        for cell in table.row_cells(r):
            if label_key(cell.text) == column:
                return cell
    return None


def _sub_label_cell(table: Table, row_cell: Cell, column: str) -> Cell | None:
    for r in range(row_cell.row, row_cell.last_row + 1):
        for cell in table.row_cells(r):
            if cell.col > row_cell.last_col and label_key(cell.text) == column:
                return cell
    return None


def _heading_keys(heading: str) -> set[str]:
    key = label_key(heading)
    bare = label_key(_ORDINAL.sub("", heading.strip()))
    return {key, bare}


def _spaced(label: str) -> str:
    """Return a pattern for `label` that allows spaces between its characters."""
    return r"\s*".join(re.escape(ch) for ch in label if not ch.isspace())


def _extends_label(key: str, wanted: str) -> bool:
    """Return True when a printed label is ours with a short addition ("投入资金（元）")."""
    return key.startswith(wanted) and 0 < len(key) - len(wanted) <= 6


def _wrapped_label_value(lines: list[str], wanted: str) -> str | None:
    """Read a label wrapped over lines with its value printed beside it.

    A PDF of a borderless row gives "申报建设时" / "2022年10月" / "间：": the label's pieces
    with the value's lines between them, in the order they stand on the page.
    """
    for start, line in enumerate(lines):
        head, _, rest = line.strip().partition(" ")
        key = label_key(head)
        if not key or not wanted.startswith(key) or key == wanted:
            continue
        label, values = key, [rest.strip()] if rest.strip() else []
        for following in lines[start + 1 : start + 6]:
            head, _, rest = following.strip().partition(" ")
            piece = label_key(head)
            if piece and wanted.startswith(label + piece):
                label += piece
                values += [rest.strip()] if rest.strip() else []
                if label == wanted:
                    return "\n".join(values)
            else:
                values.append(following.strip())
    return None


def _inline_value(text: str, wanted: str) -> str | None:
    pieces = re.split(r"[:：]", text, maxsplit=1)
    if len(pieces) == 2 and label_key(pieces[0]) == wanted and pieces[1].strip():
        return pieces[1].strip()
    return None
