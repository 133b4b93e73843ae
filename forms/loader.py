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
from typing import Any

from forms.errors import DefinitionError
from forms.labels import printed_label
from forms.loader_compiled import read_compiled_from
from forms.loader_layout import LayoutBlank, LayoutReader, field_kind
from forms.model import (
    AssessmentSpec,
    CheckSpec,
    DerivedSpec,
    DueDate,
    FieldSpec,
    FormSpec,
    GradeSpec,
)

_YEARLY_DUE = re.compile(r"^每年(\d{1,2})月(\d{1,2})日$")
_KINDS_OF_FORM = ("form", "list", "outline")
_HOWS = ("ratio", "percent", "lookup", "bands", "require")


def load_definition(data: Any, origin: str) -> FormSpec:
    """Build a FormSpec from the parsed data file `data`, read from `origin`."""
    if not isinstance(data, dict):
        raise DefinitionError(f"{origin}：定义文件应是一个映射（键: 值）")
    return _Loader(data, origin).build()


class _Loader:
    def __init__(self, data: dict[str, Any], origin: str) -> None:
        self.data = data
        self.origin = origin
        self.form_id = str(data.get("id") or "")
        self.layout = LayoutReader(data, self.fail)

    def fail(self, message: str) -> DefinitionError:
        return DefinitionError(f"{self.origin}：{message}", form=self.form_id or None)

    def build(self) -> FormSpec:
        for key in ("id", "title", "source", "attachment", "version", "layout"):
            if self.data.get(key) in (None, ""):
                raise self.fail(f"缺少必填项 {key}")
        kind = self.data.get("kind", "form")
        if kind not in _KINDS_OF_FORM:
            raise self.fail(f"kind 应是 {'、'.join(_KINDS_OF_FORM)} 之一，而不是“{kind}”")
        layout = self.layout.read()
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
            repeats=tuple(self.layout.repeats),
            checks=tuple(self._check(c) for c in self.data.get("checks") or ()),
            derived=tuple(self._derived(d) for d in self.data.get("derived") or ()),
            points=self.data.get("points"),
            assessment=self._assessment(self.data.get("assessment")),
            layout=layout,
            origin=self.origin,
            school=school,
            project=project,
            compiled_from=read_compiled_from(self.data.get("compiled_from"), self.form_id,
                                             self.layout.repeats, self.fail),
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
        for blank in self.layout.blanks:
            raw = blank.generated or explicit.pop(blank.id, None)
            if raw is None:
                raise self.fail(f"版式里的空格没有字段定义：{blank.id}")
            spec = self._field(raw, blank)
            result.append(spec)
            for part in raw.get("parts") or ():
                result.append(self._field(part, LayoutBlank(
                    str(part.get("id")), spec.label, column=part.get("column"), locate="part",
                ), parent=spec.id))
        if explicit:
            raise self.fail(f"这些字段在版式里没有空格：{'、'.join(explicit)}")
        ids = [f.id for f in result]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise self.fail(f"字段 id 重复：{'、'.join(duplicates)}")
        return tuple(result)

    def _field(self, raw: dict[str, Any], blank: LayoutBlank, *, parent: str | None = None
               ) -> FieldSpec:
        kind = field_kind(raw, raw.get("id"), self.fail)
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
            names = tuple(b.id for b in self.layout.blanks if b.item and b.id.endswith(suffix))
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
                    unscored = [f.item or f.id for f in scored
                                if f.column == column and f.max_score is None]
                    missing = f"（没有写 max 的项：{'、'.join(unscored)}）" if unscored else ""
                    raise self.fail(f"“{column}”各项分值合计 {total:g} 分，"
                                    f"与规定的总分 {spec.points} 分不符{missing}")
        if spec.kind == "list" and len(spec.repeats) != 1:
            raise self.fail("名单表（kind: list）应恰好有一个重复表 repeat")
