"""Read the layout of a definition: its blocks, tables and the blanks they hold.

Part of loading a definition (``forms/loader.py``): the layout is walked top to bottom into
BlockSpecs; "^" cells become row spans; every blank met is noted with the label printed
beside it (the cell to its left or above, the text before it on a line, its item's code, its
section heading), and every repeating table with its columns, their kinds checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from forms.errors import DefinitionError
from forms.kinds import KINDS, Kind
from forms.labels import printed_label
from forms.model import BlockSpec, CellSpec, ColumnSpec, RepeatSpec, RowSpec, TableSpec

_BLANK_REF = re.compile(r"^\{([a-z][a-z0-9_]*)\}$")
_BLANK_IN_LINE = re.compile(r"\{([a-z][a-z0-9_]*)\}")
_CODE = re.compile(r"^[A-Za-z0-9]+$")
_WIDE_GAP = re.compile(r"\s{2,}|\u3000")
_MERGED_UP = "^"
_TEXT_BLOCKS = ("attachment", "title", "subtitle", "paragraph", "note")


@dataclass
class LayoutBlank:
    """A blank met while walking the layout, before its FieldSpec is final."""

    id: str
    label: str
    column: str | None = None
    locate: str = "right"
    item: str | None = None
    after: str = ""
    generated: dict[str, Any] | None = None
    guidance: tuple[str, ...] = ()
    group: str | None = None
    scope: str | None = None


def field_kind(raw: dict[str, Any], field_id: Any, fail: Callable[[str], DefinitionError]) -> Kind:
    """Return the kind a field or column names, its unit and options checked against it."""
    name = str(raw.get("kind", "text"))
    kind = KINDS.get(name)
    if kind is None:
        known = "、".join(sorted(KINDS))
        raise fail(f"字段 {field_id} 的种类“{name}”不存在；可用：{known}")
    options = tuple(str(o) for o in raw.get("options") or ())
    problem = kind.definition_problem(raw.get("unit"), options)
    if problem is not None:
        raise fail(f"字段 {field_id}：{problem[1]}")
    return kind


class LayoutReader:
    """Walk a definition's layout, noting the blanks and repeating tables it holds."""

    def __init__(self, data: dict[str, Any], fail: Callable[[str], DefinitionError]) -> None:
        self.data = data
        self.fail = fail
        self.blanks: list[LayoutBlank] = []
        self.repeats: list[RepeatSpec] = []
        self.tables = 0  # tables met so far: messages say which one ("第 2 个表格第 3 行")

    def read(self) -> tuple[BlockSpec, ...]:
        """Return the layout's blocks, top to bottom."""
        return tuple(self._block(b) for b in self.data["layout"])

    def _block(self, raw: Any) -> BlockSpec:
        if raw == "pagebreak":
            return BlockSpec("pagebreak")
        if not isinstance(raw, dict) or len(raw) != 1:
            raise self.fail(f"版式的每一块应只有一个键（如 title: …）：{raw!r}")
        ((kind, value),) = raw.items()
        if kind in _TEXT_BLOCKS:
            return BlockSpec(kind, text=str(value))
        if kind == "line":
            return self._line(str(value))
        if kind == "table":
            return BlockSpec("table", table=self._table(value))
        if kind == "section":
            return self._section(value)
        known = "、".join((*_TEXT_BLOCKS, "line", "table", "section", "pagebreak"))
        raise self.fail(f"版式块“{kind}”不存在；可用：{known}")

    def _line(self, text: str) -> BlockSpec:
        segments = tuple(_BLANK_IN_LINE.split(text))
        # split() alternates printed text and blank ids: text, id, text, id, text...
        for index in range(1, len(segments), 2):
            before = _WIDE_GAP.split(segments[index - 1].strip())[-1]
            after = _WIDE_GAP.split(segments[index + 1].strip())[0] if segments[index + 1] else ""
            if "{" in after or not before.strip():
                raise self.fail(f"行“{text}”中的空格 {segments[index]} 前面没有标签")
            self.blanks.append(LayoutBlank(segments[index], printed_label(before), locate="line",
                                      after=after if not after.endswith(("：", ":")) else ""))
        return BlockSpec("line", text=text, segments=segments)

    def _section(self, raw: Any) -> BlockSpec:
        if not isinstance(raw, dict) or "id" not in raw or "heading" not in raw:
            raise self.fail(f"提纲的一节应写成 {{id: …, heading: …, guidance: …}}：{raw!r}")
        guidance = tuple(str(line) for line in raw.get("guidance") or ())
        self.blanks.append(LayoutBlank(
            str(raw["id"]), str(raw["heading"]), locate="section", guidance=guidance,
            generated={"id": raw["id"], "kind": "longtext",
                       "required": raw.get("required", True)},
        ))
        return BlockSpec("section", text=str(raw["heading"]), field=str(raw["id"]),
                         segments=guidance)

    def _table(self, raw: Any) -> TableSpec:
        if not isinstance(raw, dict) or "widths" not in raw:
            raise self.fail("表格需要 widths（各列宽度，厘米）")
        self.tables += 1
        widths = tuple(float(w) for w in raw["widths"])
        items = raw.get("items") or {}
        rows = _merge_up(
            [self._row(r) for r in raw.get("rows") or ()], len(widths),
            lambda message: self.fail(f"第 {self.tables} 个表格{message}"),
        )
        # An item row's "{score}" names its blank in `items`; its field is "c1_score".
        rows = [
            replace(row, cells=tuple(
                replace(c, blank=_item_field_id(row, c.blank)) if c.blank else c
                for c in row.cells
            )) if row.item else row
            for row in rows
        ]
        table = TableSpec(widths_cm=widths, rows=tuple(rows),
                          repeat=self._repeat(raw["repeat"]) if "repeat" in raw else None,
                          scope=str(raw["scope"]) if raw.get("scope") else None)
        self._blanks_of_table(table, items)
        return table

    def _row(self, raw: Any) -> RowSpec:
        if not isinstance(raw, dict) or "cells" not in raw:
            raise self.fail(f"表格行应写成 {{cells: [...]}}：{raw!r}")
        cells = tuple(self._cell(c) for c in raw["cells"])
        height = raw.get("height")
        item = raw.get("item")
        if item is not None and raw.get("id") is None and not _CODE.match(str(item)):
            raise self.fail(f"项目“{item}”不是字母数字编号，请给这一行写 id")
        max_score = raw.get("max")
        return RowSpec(
            cells=cells,
            height_cm=float(height) if height is not None else None,
            borders=raw.get("borders", "all") != "none",
            header=bool(raw.get("header", False)),
            item=None if item is None else str(item),
            item_id=str(raw["id"]) if raw.get("id") else None,
            max_score=float(max_score) if max_score is not None else None,
        )

    def _cell(self, raw: Any) -> CellSpec:
        if raw is None:
            return CellSpec()
        if isinstance(raw, (int, float)):
            raw = str(raw)
        if isinstance(raw, str):
            if raw.strip() == _MERGED_UP:
                return CellSpec(text=_MERGED_UP)
            match = _BLANK_REF.match(raw.strip())
            return CellSpec(blank=match[1]) if match else CellSpec(text=raw)
        if isinstance(raw, dict):
            return CellSpec(
                text=str(raw.get("text", "")),
                blank=raw.get("blank"),
                colspan=int(raw.get("span", 1)),
                rowspan=int(raw.get("rowspan", 1)),
                label=str(raw.get("label", "")),
            )
        raise self.fail(f"无法识别的表格格子：{raw!r}")

    def _repeat(self, raw: Any) -> RepeatSpec:
        if not isinstance(raw, dict) or "id" not in raw or "columns" not in raw:
            raise self.fail("重复表 repeat 需要 id、label 和 columns")
        columns = []
        for column in raw["columns"]:
            if not isinstance(column, dict) or "id" not in column or "header" not in column:
                raise self.fail(f"列应写成 {{id: …, header: …, kind: …}}：{column!r}")
            kind = field_kind(column, column["id"], self.fail)
            columns.append(ColumnSpec(
                id=str(column["id"]), header=str(column["header"]), kind=kind.name,
                unit=column.get("unit"), merge_down=bool(column.get("merge_down", False)),
                total=bool(column.get("total", False)),
                required=bool(column.get("required", False)),
                options=tuple(str(o) for o in column.get("options") or ()),
            ))
        repeat = RepeatSpec(
            id=str(raw["id"]),
            label=printed_label(str(raw.get("label") or self.data.get("title") or raw["id"])),
            columns=tuple(columns),
            blank_rows=int(raw.get("blank_rows", 3)),
        )
        if any(r.id == repeat.id for r in self.repeats):
            raise self.fail(f"重复表 id 重复：{repeat.id}")
        self.repeats.append(repeat)
        return repeat

    def _blanks_of_table(self, table: TableSpec, items: dict[str, Any]) -> None:
        placed = table.placed()
        has_items = any(row.item for row in table.rows)
        headers = _header_texts(table, placed)
        for r, (row, cells) in enumerate(zip(table.rows, placed, strict=True)):
            for i, (col, cell) in enumerate(cells):
                if cell.blank is None:
                    continue
                if row.item:
                    blank = self._item_blank(row, cell.blank, items)
                    blank.group = _group_of(table, placed, r)
                    self.blanks.append(blank)
                    continue
                label = cell.label or next(
                    (c.text for _, c in reversed(cells[:i]) if c.text.strip()), ""
                ) or _label_above(placed, r, col)
                column = headers.get(col) if has_items else None
                locate = "inline" if cell.label else "grid" if column else "right"
                self.blanks.append(LayoutBlank(cell.blank, printed_label(label),
                                          column=column or table.scope, locate=locate,
                                          scope=table.scope))

    def _item_blank(self, row: RowSpec, field_id: str, items: dict[str, Any]) -> LayoutBlank:
        code = row.item or ""
        name = field_id.removeprefix(f"{row.item_id or _slug(code)}_")
        template = items.get(name)
        if not isinstance(template, dict):
            raise self.fail(f"项目 {code} 的空格 {{{name}}} 没有在表格的 items 里定义")
        generated = {**template, "id": field_id}
        if template.get("kind") == "score" and row.max_score is not None:
            generated["max"] = row.max_score
        return LayoutBlank(field_id, code, column=printed_label(str(template.get("column", name))),
                      locate="grid", item=code, generated=generated)


def _merge_up(rows: list[RowSpec], n_cols: int, fail: Any) -> list[RowSpec]:
    """Turn "^" cells (same as the cell above) into row spans of the cell above."""
    cells = [list(row.cells) for row in rows]
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(cells):
        col = 0
        kept: list[CellSpec] = []
        for cell in row:
            while (r, col) in owner and owner[(r, col)][0] != r:
                col += 1
            if cell.text == _MERGED_UP:
                if (r - 1, col) not in owner:
                    raise fail(f"第 {r + 1} 行的“^”上面没有格子可以合并")
                above_r, above_i = owner[(r - 1, col)]
                above = cells[above_r][above_i]
                cells[above_r][above_i] = replace(above, rowspan=above.rowspan + 1)
                for dc in range(above.colspan):
                    owner[(r, col + dc)] = (above_r, above_i)
                col += above.colspan
                continue
            kept_index = len(kept)
            kept.append(cell)
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    owner[(r + dr, col + dc)] = (r, kept_index)
            col += cell.colspan
        if col > n_cols:
            raise fail(f"第 {r + 1} 行的格子超出了 widths 写的 {n_cols} 列")
        cells[r] = kept
    return [replace(row, cells=tuple(c)) for row, c in zip(rows, cells, strict=True)]


def _header_texts(table: TableSpec, placed: list[list[tuple[int, CellSpec]]]) -> dict[int, str]:
    headers: dict[int, str] = {}
    for row, cells in zip(table.rows, placed, strict=True):
        if not row.header:
            continue
        for col, cell in cells:
            for c in range(col, col + cell.colspan):
                headers[c] = printed_label(cell.text)
    return headers


def _group_of(table: TableSpec, placed: list[list[tuple[int, CellSpec]]], row: int) -> str | None:
    """Return the text of the first-column cell covering item `row` (its first-level group)."""
    for r in range(row, -1, -1):
        for col, cell in placed[r]:
            if col == 0 and r + cell.rowspan > row and not table.rows[r].header:
                return printed_label(cell.text) or None
    return None


def _label_above(placed: list[list[tuple[int, CellSpec]]], row: int, col: int) -> str:
    for r in range(row - 1, -1, -1):
        for start, cell in placed[r]:
            if start <= col < start + cell.colspan and cell.text.strip():
                return cell.text
    return ""


def _item_field_id(row: RowSpec, name: str) -> str:
    return f"{row.item_id or _slug(row.item or '')}_{name}"


def _slug(code: str) -> str:
    slug = code.lower()
    return f"n{slug}" if slug[:1].isdigit() else slug
