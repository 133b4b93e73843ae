"""What a draft's attachment is: a form tianbiao knows, or one inferred and corrected.

A known form (built-in, or the office's own) is recognised as a returned file is
(parsers/identify.py). Anything else is inferred (inference/, as ``forms infer`` does): the
definition's data and the reason for each guess are kept in the draft, the clerk's
corrections (title, id, each blank's kind and whether it is required) are applied to that
data, and the definition is written and loaded again exactly as ``forms infer`` writes it.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import re
from typing import Any

import yaml

from forms.errors import TianbiaoError
from forms.kinds import KINDS
from forms.loader import load_definition
from forms.model import FormSpec
from forms.registry import all_forms, get_form
from inference import infer_grid
from inference.source import read_attachment
from inference.writer import to_yaml
from parsers.identify import identify_form
from rosters.roster import read_roster
from web.clerk_draft import Draft

KIND_CHOICES = [(name, f"{kind.title}（{name}）") for name, kind in KINDS.items()]
_FORM_ID = re.compile(r"[a-z][a-z0-9-]{0,59}")
_MAX_TITLE = 200


def examine(draft: Draft) -> None:
    """Tell which form the draft's attachment is, or infer it; TianbiaoError says why not."""
    name = draft.state["attachment"]["name"]
    try:
        grid = read_attachment(draft.attachment)
    except TianbiaoError as error:  # worded for the file as sent, never where it is kept
        raise TianbiaoError(f"{name}：{error.message}", code=error.code) from None
    known = identify_form(grid).form
    if known is not None:
        if known.is_list:
            raise TianbiaoError(f"{name}：这是名单《{known.title}》，不是要学校填写的表；"
                                "“附件”一栏请选要学校填的那张表，名单放在“名单”一栏")
        draft.state["form"] = known.id
        draft.state["due"] = _due_default(known.due)
        return
    try:
        roster = read_roster(draft.roster_list)
    except TianbiaoError:
        roster = None  # the list's own refusal is shown with the list, in the CLI's words
    result = infer_grid(grid, name=name, roster=roster)
    if not result.spec.fields and not result.spec.repeats:
        raise TianbiaoError(
            f"{name}：没有找到要填写的空格（表格里的空白格、“名称：____”一类的横线），"
            "无法建立表单。请确认这是空白的表格附件，而不是通知正文或已填好的表")
    lines = result.yaml_text.splitlines()
    header = [line[2:] for line in itertools.takewhile(lambda t: t.startswith("# "), lines)]
    draft.state["inferred"] = {
        "data": result.data, "notes": result.notes, "header": header,
        "guessed": {f.id: f.kind for f in result.spec.fields}, "changed": [],
    }
    draft.state["due"] = _due_default(result.spec.due)


def _due_default(due: Any) -> str:
    """Return the date a campaign's due date starts as: the form's own fixed day, or none."""
    return due.on(due.year).isoformat() if due is not None and due.year else ""


def form_of(state: dict[str, Any]) -> tuple[FormSpec, str | None]:
    """Return the draft's form and, for an inferred one, its definition's YAML text."""
    if state.get("form"):
        return get_form(state["form"]), None
    inferred = state["inferred"]
    text = to_yaml(inferred["data"], inferred["notes"], inferred["header"])
    spec = load_definition(yaml.safe_load(text), origin=f"{inferred['data']['id']}.yaml")
    return spec, text


def correct(state: dict[str, Any], posted: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """Return the draft's state with the clerk's corrections applied, and what is wrong."""
    state = copy.deepcopy(state)
    problems: list[str] = []
    due = posted.get("due", "").strip()
    if due:
        try:
            dt.date.fromisoformat(due)
        except ValueError:
            problems.append(f"截止日期“{due}”看不懂：请写成 2024-03-10 的样子")
    state["due"] = due
    state["name"] = " ".join(posted.get("name", "").split())[:100]
    state["county_column"] = posted.get("county_column", "").strip()[:100]
    if not state.get("inferred") or posted.get("corrections") != "1":
        return state, problems
    inferred = state["inferred"]
    data = inferred["data"]
    problems += _correct_title_and_id(data, posted)
    changed = set(inferred["changed"])
    for entry in _entries(data["fields"]):
        field_id = str(entry["id"])
        kind = posted.get(f"kind:{field_id}", entry.get("kind", "text"))
        if kind != entry.get("kind", "text"):
            problems += _set_kind(entry, kind, field_id)
            inferred["notes"].pop(field_id, None)  # the guess's reason no longer holds
            changed.add(field_id)
        if posted.get(f"required:{field_id}") == "1":
            entry["required"] = True
        else:
            entry.pop("required", None)
    inferred["changed"] = sorted(changed)
    if not problems:
        try:
            form_of(state)
        except TianbiaoError as error:
            problems.append(f"改过的定义有误：{error.message}")
    return state, problems


def _correct_title_and_id(data: dict[str, Any], posted: dict[str, str]) -> list[str]:
    problems = []
    title = " ".join(posted.get("title", data["title"]).split())
    if not title or len(title) > _MAX_TITLE:
        problems.append(f"表名不能为空，也不要超过 {_MAX_TITLE} 个字")
    elif title != data["title"]:
        for block in data["layout"]:  # the title as printed is the one corrected
            if isinstance(block, dict) and block.get("title") == data["title"]:
                block["title"] = title
        data["title"] = title
    form_id = posted.get("form_id", data["id"]).strip()
    if not _FORM_ID.fullmatch(form_id):
        problems.append(f"表单 id“{form_id}”只能用英文小写字母、数字和“-”，以字母开头，"
                        "不超过 60 个字符")
    else:
        taken = next((f for f in all_forms() if f.id == form_id), None)
        if taken is not None:
            problems.append(f"表单 id“{form_id}”已是《{taken.title}》的 id，请换一个")
        data["id"] = form_id
    return problems


def _entries(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return every field entry of a definition, the parts of an opinion cell included."""
    found = []
    for entry in fields:
        found.append(entry)
        found.extend(entry.get("parts") or ())
    return found


def _set_kind(entry: dict[str, Any], name: str, field_id: str) -> list[str]:
    """Give field `entry` kind `name`, dropping a unit, options or maximum it cannot have."""
    kind = KINDS.get(name)
    if kind is None:
        return [f"空格 {field_id}：没有“{name}”这种种类"]
    if kind.takes_options and name == "choice" and not entry.get("options"):
        return [f"空格 {field_id}：表上没有印出选项（□…），不能选“{kind.title}”；请选别的种类"]
    entry["kind"] = name
    if entry.get("unit") and kind.definition_problem(str(entry["unit"]), ()) is not None:
        entry.pop("unit")
    if not kind.takes_options:
        entry.pop("options", None)
    if name != "score":
        entry.pop("max", None)
    return []


def blank_rows(spec: FormSpec, state: dict[str, Any]) -> list[dict[str, Any]]:
    """Return a row per blank for the clerk to check: label, kind, required, why guessed."""
    inferred = state["inferred"]
    entries = {str(e["id"]): e for e in _entries(inferred["data"]["fields"])}
    notes = inferred["notes"]
    changed = set(inferred["changed"])
    rows = []
    for field in spec.fields:
        entry = entries.get(field.id)
        why = "；".join(notes.get(field.id, []))
        if field.id in changed:
            guessed = KINDS[inferred["guessed"].get(field.id, field.kind)].title
            why = f"已改（原来猜的是{guessed}）"
        rows.append({
            "id": field.id, "label": field.label, "column": field.column,
            "kind": entry.get("kind", "text") if entry else field.kind,
            "kind_title": KINDS[field.kind].title,
            "required": bool(entry.get("required")) if entry else field.required,
            "editable": entry is not None, "why": why, "prefill": field.prefill,
            "options": "、".join(field.options), "unit": field.unit or "",
        })
    return rows


def repeat_lines(spec: FormSpec) -> list[str]:
    """Return a line per table of any number of rows: its label and its columns' kinds."""
    return [f"可增减行的表“{r.label}”，列：" + "、".join(
        f"{c.header_label}（{KINDS[c.kind].title}）" for c in r.columns) for r in spec.repeats]
