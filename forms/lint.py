"""Check a definition file before it is used: what loading refuses, and what it lets through.

Loading (``forms/loader.py``) refuses a definition it cannot build, at its first fault; that
refusal is the first finding here. What it lets through but a reader or a clerk would trip
over is found below, each finding with where it is: two blanks a returned file cannot tell
apart (same label and column), a blank with no label, one roster column pre-filling two
blanks, ``school:`` naming no blank, a table row narrower than the table, a score form whose
item maxima do not add up to ``points``, a key written twice, an id another file has, a
``roster:`` that is no list form, a ``compiled_from:`` whose source form or blanks do not
exist or cannot be written in their columns.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from forms.compiling import compiled_findings
from forms.errors import DefinitionError, UnknownFormError
from forms.labels import label_key
from forms.loader import load_definition
from forms.model import FieldSpec, FormSpec, TableSpec
from forms.registry import all_forms, definition_file, get_form, read_definition_data


@dataclass(frozen=True)
class Finding:
    """One thing wrong (`error`) or worth a look in a definition, and where it is."""

    where: str
    message: str
    error: bool = True

    def __str__(self) -> str:
        return f"{self.where}：{self.message}" if self.where else self.message


@dataclass(frozen=True)
class CheckResult:
    """What checking one definition file found; `spec` is None when it does not load."""

    path: Path
    spec: FormSpec | None
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        """Return True when nothing found is an error."""
        return self.spec is not None and not any(f.error for f in self.findings)

    def summary(self) -> str:
        """Return the closing line: what the definition holds, or how many errors it has."""
        errors = sum(1 for f in self.findings if f.error)
        if self.spec is None or errors:
            return f"定义有 {max(errors, 1)} 处错误：{self.path}"
        spec = self.spec
        parts = [f"{len(spec.fields)} 个空格"]
        if spec.repeats:
            parts.append(f"{len(spec.repeats)} 个重复表")
        items = {f.item for f in spec.fields if f.item}
        if items:
            parts.append(f"{len(items)} 个评分或检查项")
        if spec.points is not None:
            parts.append(f"总分 {spec.points:g} 分")
        notes = sum(1 for f in self.findings if not f.error)
        tail = f"；另有 {notes} 处请留意" if notes else ""
        return f"定义无误：{'，'.join(parts)}（{spec.id}《{spec.title}》）{tail}"


def check_definition(path: Path) -> CheckResult:
    """Check the definition file at `path`: loading it, then what loading lets through."""
    where = str(path)
    try:
        data = read_definition_data(path, where)
        spec = load_definition(data, origin=where)
    except DefinitionError as error:
        return CheckResult(path, None, (*_keys_twice(path), Finding("", str(error))))
    findings = [
        *_keys_twice(path),
        *_same_label_and_column(spec),
        *_empty_labels(spec),
        *_prefill_twice(spec),
        *_school_named(data, spec),
        *_row_widths(spec),
        *_points(spec),
        *_id_taken(spec, path),
    ]
    findings.extend(_roster_named(spec))
    findings.extend(_compiled_from(spec))
    return CheckResult(path, spec, tuple(findings))


def _same_label_and_column(spec: FormSpec) -> Iterator[Finding]:
    by_place: dict[tuple[str, str, str], list[FieldSpec]] = {}
    for blank in spec.fields:
        key = (label_key(blank.label), label_key(blank.column or ""), blank.scope or "")
        by_place.setdefault(key, []).append(blank)
    for blanks in by_place.values():
        if len(blanks) > 1 and label_key(blanks[0].label):
            column = f"，栏目都是“{blanks[0].column}”" if blanks[0].column else ""
            yield Finding(_fields(blanks),
                          f"标签都是“{blanks[0].label}”{column}，读回时分不清是哪一个"
                          "（改动其中一个的标签，或用 column: 区分）")


def _empty_labels(spec: FormSpec) -> Iterator[Finding]:
    for blank in spec.fields:
        if not label_key(blank.label):
            yield Finding(f"字段 {blank.id}", f"标签“{blank.label}”没有文字，读回时找不到它"
                          "（在它左边或上面的格子写上标签，或写 label:）")
    for repeat in spec.repeats:
        for column in repeat.columns:
            if not label_key(column.header):
                yield Finding(f"重复表 {repeat.id} 的列 {column.id}",
                              "表头没有文字，读回时找不到这一列")


def _prefill_twice(spec: FormSpec) -> Iterator[Finding]:
    by_column: dict[str, list[FieldSpec]] = {}
    for blank in spec.fields:
        if blank.prefill:
            by_column.setdefault(label_key(blank.prefill), []).append(blank)
    for blanks in by_column.values():
        if len(blanks) > 1:
            yield Finding(_fields(blanks), f"都由名单的“{blanks[0].prefill}”列预填；"
                          "一列只能预填一个空格，请核对 prefill")


def _school_named(data: dict[str, Any], spec: FormSpec) -> Iterator[Finding]:
    if "school" in data and data["school"] in (None, ""):
        yield Finding("school", "没有写是哪个空格；写学校名称那个空格的 id（如 school: school）")
        return
    school = spec.school_field
    if school is not None and (school.parent or school.item):
        yield Finding("school", f"写的 {school.id} 是表格里的一项或意见栏里的一行，"
                      "不是写学校名称的空格")
    elif school is not None and school.kind != "text":
        yield Finding("school", f"写的 {school.id} 是“{school.kind}”类空格，"
                      "写学校名称的空格应是 text")
    elif school is None and spec.kind == "form" and spec.roster:
        yield Finding("school", "没有哪个空格写学校名称：交回的表对不上名单（写 school: 空格 id）",
                      error=False)


def _row_widths(spec: FormSpec) -> Iterator[Finding]:
    tables = [b.table for b in spec.layout if b.table is not None]
    for number, table in enumerate(tables, start=1):
        columns = len(table.widths_cm)
        for row, covered in enumerate(_columns_covered(table), start=1):
            if covered < columns:
                yield Finding(f"第 {number} 个表格第 {row} 行",
                              f"只占 {covered} 列，而 widths 写了 {columns} 列"
                              "（补上格子，或用 span 合并）")
        if table.repeat is not None and len(table.repeat.columns) > columns:
            yield Finding(f"第 {number} 个表格的重复表 {table.repeat.id}",
                          f"有 {len(table.repeat.columns)} 列，而 widths 只写了 {columns} 列")


def _columns_covered(table: TableSpec) -> list[int]:
    """Return how many grid columns each row covers, cells merged from above included."""
    covered: set[tuple[int, int]] = set()
    for r, cells in enumerate(table.placed()):
        for col, cell in cells:
            covered.update((r + dr, col + dc)
                           for dr in range(cell.rowspan) for dc in range(cell.colspan))
    return [sum(1 for (row, _) in covered if row == r) for r in range(len(table.rows))]


def _points(spec: FormSpec) -> Iterator[Finding]:
    scored = [f for f in spec.fields if f.item and f.kind == "score"]
    total = sum(f.max_score or 0 for f in scored if f.column == (scored[0].column
                                                                  if scored else None))
    if spec.points is not None and not scored:
        yield Finding("points", f"写了总分 {spec.points:g} 分，但表格里没有带分值（max）的评分项")
    elif spec.points is None and total:
        yield Finding("points", f"各项分值合计 {total:g} 分，但没有写 points（总分）："
                      f"写上 points: {total:g} 才会核对各项分值", error=False)


def _id_taken(spec: FormSpec, path: Path) -> Iterator[Finding]:
    try:
        known = all_forms()
    except DefinitionError as error:
        yield Finding("TIANBIAO_FORMS", str(error))
        return
    for form in known:
        other = definition_file(form)
        if form.id == spec.id and other.resolve() != path.resolve():
            yield Finding("id", f"“{spec.id}”已是 {other} 的 id；"
                          "一个 id 只能有一个定义文件，请换一个 id")


def _roster_named(spec: FormSpec) -> Iterator[Finding]:
    if not spec.roster:
        return
    try:
        lists = {f.id: f for f in all_forms()}
    except DefinitionError:
        return  # said once already, by _id_taken
    found = lists.get(spec.roster)
    if found is None:
        yield Finding("roster", f"写的 {spec.roster} 不是已有的表单；"
                      "写名单表的 id（tianbiao forms list 可查看），或删去这一行")
    elif not found.repeats:
        yield Finding("roster", f"写的 {spec.roster} 没有可作名单的表格"
                      "（应是名单表 kind: list，或带重复表 repeat 的汇总表）")


def _compiled_from(spec: FormSpec) -> Iterator[Finding]:
    if spec.compiled_from is None:
        return
    try:
        source = get_form(spec.compiled_from.form)
    except UnknownFormError as error:
        yield Finding("compiled_from", f"来源表单：{error}")
        return
    except DefinitionError:
        return  # said once already, by _id_taken
    for found in compiled_findings(spec, source):
        yield Finding(found.where, found.message, error=found.error)


def _keys_twice(path: Path) -> Iterator[Finding]:
    """Yield each mapping key written twice: YAML keeps the last and drops the first."""
    twice: list[tuple[int, str]] = []

    class _Watching(yaml.SafeLoader):
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                if key is not None and key in seen:
                    twice.append((key_node.start_mark.line + 1, str(key)))
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    try:
        yaml.load(path.read_text(encoding="utf-8"), Loader=_Watching)
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        return  # loading the definition says what is wrong with the file
    for line, key in twice:
        yield Finding(f"第 {line} 行", f"键“{key}”在同一处写了两次，只有后写的一个有效")


def _fields(blanks: list[FieldSpec]) -> str:
    return "字段 " + "、".join(b.id for b in blanks)
