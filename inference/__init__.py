"""A blank official attachment becomes a form definition, without code: ``forms infer``.

The attachment is read as a returned file is (``inference.source``), walked top to bottom
(``inference.document``: title, notes, lines; ``inference.tables`` and
``inference.table_items``: form tables, grids, item tables, repeating rows), each blank's
kind guessed from its label, unit and what is printed in it (``inference.guess_kind``), and
the result written in the definitions' YAML format with every guess commented
(``inference.writer``). The definition is loaded before it is handed back, so what is
written is a form the rest of tianbiao can use.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from forms.labels import label_key
from forms.loader import load_definition
from forms.model import FormSpec
from inference.document import as_outline, walk
from inference.found import Inferred
from inference.naming import id_for
from inference.source import read_attachment
from inference.writer import to_yaml
from parsers.grid import Grid

__all__ = ["Inference", "infer", "infer_grid"]

_SCHOOL_LABELS = ("学校名称", "单位名称", "申报单位", "申报学校", "学校", "单位", "填报单位",
                  "推荐单位", "填报学校", "学校（盖章）", "单位（盖章）", "申报单位名称")
_BRACKETED = re.compile(r"[（(][^（）()]*[)）]")
_PROJECT_LABELS = ("项目名称", "课题名称", "申报项目", "申报项目名称")


@dataclass
class Inference:
    """An inferred definition: its data, its YAML text, and what was guessed, blank by blank."""

    data: dict[str, Any]
    yaml_text: str
    spec: FormSpec
    notes: dict[str, list[str]] = field(default_factory=dict)
    prefilled: dict[str, str] = field(default_factory=dict)

    def report(self) -> list[str]:
        """Return one line per blank, item table and repeating table: what was guessed."""
        lines: list[str] = []
        for spec in self.spec.fields:
            where = f"{spec.label}（{spec.column}）" if spec.column else spec.label
            kind = spec.kind + (f"，单位 {spec.unit}" if spec.unit else "")
            if spec.options:
                kind += "，选项 " + "、".join(spec.options)
            if spec.max_score is not None:
                kind += f"，满分 {spec.max_score:g}"
            why = "；".join(self.notes.get(spec.id, []))
            fill = f"，由名单“{spec.prefill}”列预填" if spec.prefill else ""
            lines.append(f"空格 {spec.id}：{where} → {kind}{fill}" + (f"（{why}）" if why else ""))
        for repeat in self.spec.repeats:
            columns = "、".join(f"{c.header_label}（{c.kind}）" for c in repeat.columns)
            lines.append(f"可增减行的表 {repeat.id}：{repeat.label}，列：{columns}")
        if self.spec.points is not None:
            lines.append(f"总分 {self.spec.points:g}：各项分值之和与表上印的合计相符")
        return lines


def infer(path: Path, *, form_id: str | None = None, roster: Any = None) -> Inference:
    """Infer the definition of the blank attachment at `path`; `roster` pre-fills blanks."""
    grid = read_attachment(path)
    return infer_grid(grid, name=path.name, form_id=form_id, roster=roster)


def infer_grid(grid: Grid, *, name: str, form_id: str | None = None, roster: Any = None
               ) -> Inference:
    """Infer a definition from the `grid` of a blank attachment called `name`."""
    found = Inferred()
    meta = walk(grid, found)
    title = meta.get("title") or Path(name).stem
    data: dict[str, Any] = {
        "id": form_id or _form_id(title, name),
        "title": title,
        "source": f"（请填写通知名称；本定义由 {name} 推断）",
        "attachment": meta.get("attachment") or "附件",
        "version": 1,
    }
    if _is_list(found):
        data["kind"] = "list"
    elif as_outline(found):
        data["kind"] = "outline"
    for key in ("due", "contact"):
        if meta.get(key):
            data[key] = meta[key]
    if found.points is not None:
        data["points"] = found.points
    prefilled = _prefill(found, roster) if roster is not None else {}
    school, project = _names(found, prefilled)
    if school:
        data["school"] = school
    data["project"] = project
    for entry in found.fields:
        if entry["id"] == school or entry["id"] in project:
            entry["required"] = True  # what names the return: a copy without it is no one's
    if "attachment" not in meta:
        found.layout.insert(0, {"attachment": data["attachment"]})
    data["fields"] = found.fields
    data["layout"] = found.layout
    if found.checks:
        data["checks"] = found.checks
    header = [
        f"{title}（由 tianbiao forms infer 从 {name} 推断，{dt.date.today().isoformat()}）",
        "标“猜测”的地方请对照原表核对：标签、种类（kind）、单位、选项、必填（required）。",
        "改完用 tianbiao forms check 检查，用 tianbiao forms template 看生成的空白表。",
    ]
    text = to_yaml(data, found.notes, header)
    spec = load_definition(yaml.safe_load(text), origin=f"{data['id']}.yaml")
    return Inference(data, text, spec, found.notes, prefilled)


def _form_id(title: str, name: str) -> str:
    """Return an id from the title: "2018年衡阳市…申请表" → "hengyangshijiao-2018"."""
    year = re.search(r"(?:19|20)\d{2}", title)
    words = id_for(re.sub(r"(?:19|20)\d{2}\s*年?度?", "", title)) or id_for(Path(name).stem)
    base = "-".join(p for p in ((words or "form").replace("_", "-"), year[0] if year else "") if p)
    return base[:40].strip("-") or "form"


def _is_list(found: Inferred) -> bool:
    tables = [b for b in found.layout if "table" in b]
    return (len(tables) == 1 and not found.fields and len(found.repeats) == 1)


def _names(found: Inferred, prefilled: dict[str, str]) -> tuple[str | None, list[str]]:
    """Return the blank naming the school (by its label) and those naming the project.

    With a roster, the blank its school column pre-fills is the school's, before any other.
    """
    labels = {entry["id"]: _BRACKETED.sub("", _label_of(entry, found)) for entry in found.fields}
    keys = {label_key(w) for w in _SCHOOL_LABELS}
    named = [i for i, label in labels.items() if label_key(label) in keys
             and _kind(found, i) == "text"]
    school = next((i for i in named if label_key(_BRACKETED.sub("", prefilled.get(i, "")))
                   in keys), None) or next(iter(named), None)
    project_keys = {label_key(w) for w in _PROJECT_LABELS}
    project = [i for i, label in labels.items() if label_key(label) in project_keys
               and i != school]
    return school, project


def _kind(found: Inferred, field_id: str) -> str:
    return next(str(e.get("kind")) for e in found.fields if e["id"] == field_id)


def _label_of(entry: dict[str, Any], found: Inferred) -> str:
    return found.labels.get(entry["id"], "")


def _prefill(found: Inferred, roster: Any) -> dict[str, str]:
    """Set `prefill` on each blank whose label is a column of `roster`; return blank → column."""
    headers = {label_key(h): h for h in roster.headers}
    chosen: dict[str, str] = {}
    for entry in found.fields:
        if entry.get("kind") in ("longtext",) or entry.get("column"):
            continue
        key = label_key(_label_of(entry, found))
        header = headers.get(key) or next(
            (h for k, h in headers.items() if len(k) >= 2 and (k in key or key in k)), None)
        if header is not None and header not in chosen.values():
            entry["prefill"] = header
            chosen[entry["id"]] = header
            found.notes.setdefault(entry["id"], []).append(f"名单的“{header}”列预填")
    return chosen
