"""Build a FormSpec from a definition data file (YAML), with clear errors for its author.

The format, by example, is in ``forms/definitions/README.md``. Which blank names the school
(``school:``) and which name its project (``project:``) are said by the definition; only
when it says neither are they guessed, as tianbiao always did: the school is the first
pre-filled text blank (else the first text blank of its own, not an item's), the project
the other pre-filled text blanks.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

from forms.errors import DefinitionError
from forms.kinds import KINDS, Kind
from forms.labels import label_key, printed_label
from forms.model import (
    AssessmentSpec,
    BlockSpec,
    CellSpec,
    CheckSpec,
    ColumnSpec,
    DerivedSpec,
    DueDate,
    FieldSpec,
    FormSpec,
    GradeSpec,
    RepeatSpec,
    RowSpec,
    TableSpec,
)

_BLANK_REF = re.compile(r"^\{([a-z][a-z0-9_]*)\}$")
_BLANK_IN_LINE = re.compile(r"\{([a-z][a-z0-9_]*)\}")
_YEARLY_DUE = re.compile(r"^每年(\d{1,2})月(\d{1,2})日$")
_CODE = re.compile(r"^[A-Za-z0-9]+$")
_WIDE_GAP = re.compile(r"\s{2,}|\u3000")
_MERGED_UP = "^"
_TEXT_BLOCKS = ("attachment", "title", "subtitle", "paragraph", "note")
_KINDS_OF_FORM = ("form", "list", "outline")
_HOWS = ("ratio", "percent", "lookup", "bands", "require")


def load_definition(data: Any, origin: str) -> FormSpec:
    """Build a FormSpec from the parsed data file `data`, read from `origin`."""
    if not isinstance(data, dict):
        raise DefinitionError(f"{origin}：定义文件应是一个映射（键: 值）")
    return _Loader(data, origin).build()


@dataclass
class _Blank:
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


class _Loader:
    def __init__(self, data: dict[str, Any], origin: str) -> None:
        self.data = data
        self.origin = origin
        self.form_id = str(data.get("id") or "")
        self.blanks: list[_Blank] = []
        self.repeats: list[RepeatSpec] = []

    def fail(self, message: str) -> DefinitionError:
        return DefinitionError(f"{self.origin}：{message}", form=self.form_id or None)

    def build(self) -> FormSpec:
        for key in ("id", "title", "source", "attachment", "version", "layout"):
            if self.data.get(key) in (None, ""):
                raise self.fail(f"缺少必填项 {key}")
        kind = self.data.get("kind", "form")
        if kind not in _KINDS_OF_FORM:
            raise self.fail(f"kind 应是 {'、'.join(_KINDS_OF_FORM)} 之一，而不是“{kind}”")
        layout = tuple(self._block(b) for b in self.data["layout"])
        fields = self._fields()
        school, project = self._names(fields)
        spec = FormSpec(
            id=self.form_id,
            title=str(self.data["title"]),
            source=str(self.data["source"]),
            issuer=str(self.data.get("issuer") or ""),
            attachment=str(self.data["attachment"]),
            version=int(self.data["version"]),
            filled_per=str(self.data.get("filled_per") or ""),
            kind=kind,
            roster=self.data.get("roster"),
            due=self._due(self.data.get("due")),
            contact=self.data.get("contact"),
            fields=fields,
            repeats=tuple(self.repeats),
            checks=tuple(self._check(c) for c in self.data.get("checks") or ()),
            derived=tuple(self._derived(d) for d in self.data.get("derived") or ()),
            points=self.data.get("points"),
            assessment=self._assessment(self.data.get("assessment")),
            layout=layout,
            origin=self.origin,
            school=school,
            project=project,
        )
        self._validate(spec)
        return spec

    # -- metadata ---------------------------------------------------------------------

    def _due(self, value: Any) -> DueDate | None:
        if value in (None, ""):
            return None
        if isinstance(value, dt.date):
            return DueDate(value.month, value.day, value.year)
        match = _YEARLY_DUE.match(str(value))
        if match:
            return DueDate(int(match[1]), int(match[2]))
        try:
            day = dt.date.fromisoformat(str(value))
        except ValueError:
            raise self.fail(f"无法识别截止日期“{value}”：写成 2021-01-18 或 每年3月10日") from None
        return DueDate(day.month, day.day, day.year)

    def _kind(self, raw: dict[str, Any], field_id: Any) -> Kind:
        """Return the kind a field or column names, its unit and options checked against it."""
        name = str(raw.get("kind", "text"))
        kind = KINDS.get(name)
        if kind is None:
            known = "、".join(sorted(KINDS))
            raise self.fail(f"字段 {field_id} 的种类“{name}”不存在；可用：{known}")
        options = tuple(str(o) for o in raw.get("options") or ())
        problem = kind.definition_problem(raw.get("unit"), options)
        if problem is not None:
            raise self.fail(f"字段 {field_id}：{problem[1]}")
        return kind

    # -- layout -----------------------------------------------------------------------

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
            self.blanks.append(_Blank(segments[index], printed_label(before), locate="line",
                                      after=after if not after.endswith(("：", ":")) else ""))
        return BlockSpec("line", text=text, segments=segments)

    def _section(self, raw: Any) -> BlockSpec:
        if not isinstance(raw, dict) or "id" not in raw or "heading" not in raw:
            raise self.fail(f"提纲的一节应写成 {{id: …, heading: …, guidance: …}}：{raw!r}")
        guidance = tuple(str(line) for line in raw.get("guidance") or ())
        self.blanks.append(_Blank(
            str(raw["id"]), str(raw["heading"]), locate="section", guidance=guidance,
            generated={"id": raw["id"], "kind": "longtext",
                       "required": raw.get("required", True)},
        ))
        return BlockSpec("section", text=str(raw["heading"]), field=str(raw["id"]),
                         segments=guidance)

    def _table(self, raw: Any) -> TableSpec:
        if not isinstance(raw, dict) or "widths" not in raw:
            raise self.fail("表格需要 widths（各列宽度，厘米）")
        widths = tuple(float(w) for w in raw["widths"])
        items = raw.get("items") or {}
        rows = _merge_up(
            [self._row(r) for r in raw.get("rows") or ()], len(widths), self.fail
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
            kind = self._kind(column, column["id"])
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
                self.blanks.append(_Blank(cell.blank, printed_label(label),
                                          column=column or table.scope, locate=locate,
                                          scope=table.scope))

    def _item_blank(self, row: RowSpec, field_id: str, items: dict[str, Any]) -> _Blank:
        code = row.item or ""
        name = field_id.removeprefix(f"{row.item_id or _slug(code)}_")
        template = items.get(name)
        if not isinstance(template, dict):
            raise self.fail(f"项目 {code} 的空格 {{{name}}} 没有在表格的 items 里定义")
        generated = {**template, "id": field_id}
        if template.get("kind") == "score" and row.max_score is not None:
            generated["max"] = row.max_score
        return _Blank(field_id, code, column=printed_label(str(template.get("column", name))),
                      locate="grid", item=code, generated=generated)

    # -- fields -----------------------------------------------------------------------

    def _fields(self) -> tuple[FieldSpec, ...]:
        explicit: dict[str, dict[str, Any]] = {}
        for raw in self.data.get("fields") or ():
            if not isinstance(raw, dict) or "id" not in raw:
                raise self.fail(f"字段应写成 {{id: …, kind: …}}：{raw!r}")
            if str(raw["id"]) in explicit:
                raise self.fail(f"字段 id 重复：{raw['id']}")
            explicit[str(raw["id"])] = raw
        result: list[FieldSpec] = []
        for blank in self.blanks:
            raw = blank.generated or explicit.pop(blank.id, None)
            if raw is None:
                raise self.fail(f"版式里的空格没有字段定义：{blank.id}")
            spec = self._field(raw, blank)
            result.append(spec)
            for part in raw.get("parts") or ():
                result.append(self._field(part, _Blank(
                    str(part.get("id")), spec.label, column=part.get("column"), locate="part",
                ), parent=spec.id))
        if explicit:
            raise self.fail(f"这些字段在版式里没有空格：{'、'.join(explicit)}")
        ids = [f.id for f in result]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise self.fail(f"字段 id 重复：{'、'.join(duplicates)}")
        return tuple(result)

    def _field(self, raw: dict[str, Any], blank: _Blank, *, parent: str | None = None
               ) -> FieldSpec:
        kind = self._kind(raw, raw.get("id"))
        max_score = raw.get("max")
        column = raw.get("column", blank.column)
        label = printed_label(str(raw.get("label") or blank.label))
        if not label:
            raise self.fail(f"字段 {raw.get('id')} 找不到标签：左边或上面没有文字，也没有写 label")
        locate = blank.locate
        if "column" in raw and parent is None and locate == "right":
            locate = "grid"
        return FieldSpec(
            id=str(raw["id"]),
            kind=kind.name,
            label=label,
            column=printed_label(str(column)) if column else None,
            unit=raw.get("unit"),
            required=bool(raw.get("required", False)),
            max_score=float(max_score) if max_score is not None else None,
            options=tuple(str(o) for o in raw.get("options") or ()),
            prefill=raw.get("prefill"),
            parent=parent,
            printed=raw.get("printed"),
            locate=locate,  # type: ignore[arg-type]
            item=blank.item,
            after=blank.after,
            guidance=blank.guidance,
            group=blank.group,
            scope=blank.scope if parent is None else None,
            is_list=bool(raw.get("list", False)),
        )

    def _names(self, fields: tuple[FieldSpec, ...]) -> tuple[str | None, tuple[str, ...]]:
        """Return the blank naming the school and those naming the project (see above)."""
        own = {f.id for f in fields if f.parent is None}
        if "school" not in self.data and "project" not in self.data:
            prefilled = [f.id for f in fields if f.prefill and f.kind == "text"]
            school = next(iter(prefilled), None) or next(
                (f.id for f in fields if f.parent is None and f.kind == "text" and not f.item),
                None)
            return school, tuple(f for f in prefilled if f != school)
        school = self.data.get("school")
        school = None if school is None else str(school)
        raw = self.data.get("project") or []
        project = tuple(str(p) for p in ([raw] if isinstance(raw, str) else raw))
        for key, name in [("school", school), *(("project", p) for p in project)]:
            if name is not None and name not in own:
                raise self.fail(f"{key} 写的 {name} 不是表中空格的 id")
        if school in project:
            raise self.fail(f"{school} 不能既是 school 又在 project 里")
        return school, project

    # -- checks and derived values ---------------------------------------------------

    def _check(self, raw: Any) -> CheckSpec:
        if not isinstance(raw, dict) or "sum" not in raw or "equals" not in raw:
            raise self.fail(f"检查应写成 {{sum: [...], equals: 字段}}：{raw!r}")
        severity = raw.get("severity", "error")
        if severity not in ("error", "warning"):
            raise self.fail(f"检查的 severity 应是 error 或 warning：{severity}")
        terms = raw["sum"]
        if isinstance(terms, dict) and "rows" in terms:
            return CheckSpec(terms=(), equals=str(raw["equals"]), severity=severity,
                             why=str(raw.get("why", "")), rows=str(terms["rows"]),
                             column=str(terms["column"]))
        if isinstance(terms, dict) and "items" in terms:
            suffix = f"_{terms['items']}"
            names = tuple(b.id for b in self.blanks if b.item and b.id.endswith(suffix))
            return CheckSpec(terms=names, equals=str(raw["equals"]), severity=severity,
                             why=str(raw.get("why", "")))
        return CheckSpec(terms=tuple(str(t) for t in terms), equals=str(raw["equals"]),
                         severity=severity, why=str(raw.get("why", "")))

    def _derived(self, raw: Any) -> DerivedSpec:
        if not isinstance(raw, dict) or "id" not in raw or "label" not in raw:
            raise self.fail(f"计算项应写成 {{id: …, label: …, ratio: [a, b]}}：{raw!r}")
        how = next((h for h in _HOWS if h in raw), None)
        if how is None:
            raise self.fail(f"计算项 {raw['id']} 需要 {'、'.join(_HOWS)} 之一")
        spec = raw[how]
        inputs = spec.get("inputs") if isinstance(spec, dict) else spec
        return DerivedSpec(
            id=str(raw["id"]), label=str(raw["label"]), how=how,  # type: ignore[arg-type]
            inputs=tuple(str(i) for i in inputs or ()),
            at_most=raw.get("at_most"), at_least=raw.get("at_least"),
            equals=spec.get("equals") if isinstance(spec, dict) else None,
            compare_to=raw.get("compare_to"), target_text=str(raw.get("target", "")),
            table=tuple(spec.get("table") or ()) if isinstance(spec, dict) else (),
            unit=raw.get("unit"),
        )

    def _assessment(self, raw: Any) -> AssessmentSpec | None:
        if raw is None:
            return None
        if not isinstance(raw, dict) or not raw.get("grades"):
            raise self.fail("assessment 需要 grades（各评估等级）")
        grades = tuple(
            GradeSpec(str(g["grade"]), float(g.get("principal_score", 0)), str(g.get("demand", "")))
            for g in raw["grades"]
        )
        return AssessmentSpec(grades, int(raw.get("years", 1)), str(raw.get("waste", "")))

    def _validate(self, spec: FormSpec) -> None:
        known = {f.id for f in spec.fields} | {d.id for d in spec.derived}
        for check in spec.checks:
            for name in (*check.terms, check.equals):
                if name not in known:
                    raise self.fail(f"检查里的字段 {name} 不存在")
            if check.rows and not any(r.id == check.rows for r in spec.repeats):
                raise self.fail(f"检查里的重复表 {check.rows} 不存在")
        for derived in spec.derived:
            for name in (*derived.inputs, *( [derived.compare_to] if derived.compare_to else [])):
                if name not in known:
                    raise self.fail(f"计算项 {derived.id} 用到的字段 {name} 不存在")
        if spec.points is not None:
            scored = [f for f in spec.fields if f.item and f.kind == "score"]
            for column in dict.fromkeys(f.column for f in scored):
                total = sum(f.max_score or 0 for f in scored if f.column == column)
                if abs(total - float(spec.points)) > 1e-9:
                    raise self.fail(f"“{column}”各项分值合计 {total:g} 分，"
                                    f"与规定的总分 {spec.points} 分不符")
        if spec.kind == "list" and len(spec.repeats) != 1:
            raise self.fail("名单表（kind: list）应恰好有一个重复表 repeat")


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
                    raise fail(f"表格第 {r + 1} 行的“^”上面没有格子可以合并")
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
            raise fail(f"表格第 {r + 1} 行的格子超出了 {n_cols} 列")
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


def item_key(code: str) -> str:
    """Return the key an item's code is matched by at the start of its row's text."""
    return label_key(code)
