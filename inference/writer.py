"""Write an inferred definition as YAML a clerk can read and correct, guesses commented.

Layout and fields come out in the hand-written definitions' style (one blank a line, table
rows as flow lists). Every string is written double-quoted with JSON's escapes, which YAML
reads the same: whatever the attachment printed (colons, braces, quotes, "#") stays text.
"""

from __future__ import annotations

import json
from typing import Any

_TOP_KEYS = ("id", "kind", "title", "source", "issuer", "attachment", "version", "filled_per",
             "roster", "school", "project", "due", "contact", "points")


def to_yaml(data: dict[str, Any], notes: dict[str, list[str]], header: list[str]) -> str:
    """Return the YAML text of definition `data`, `notes` as comments above what they explain."""
    lines = [f"# {line}" for line in header]
    for key in _TOP_KEYS:
        if key in data and data[key] not in (None, "", []):
            lines += _comments(notes.get(key), "")
            lines.append(f"{key}: {scalar(data[key])}")
    if data.get("fields"):
        lines += ["", "# 每个空格：id（程序用）、种类 kind、单位 unit、选项 options、"
                      "是否必填 required。", "fields:"]
        for entry in data["fields"]:
            lines += _comments(notes.get(entry["id"]), "  ")
            lines += _field(entry)
    lines += ["", "# 版式：自上而下。文字格照印，{id} 是空格，span 横向合并，\"^\" 与上格合并。",
              "layout:"]
    for block in data["layout"]:
        lines += _block(block, notes)
    for key in ("checks",):
        if data.get(key):
            lines += ["", f"{key}:"]
            lines += [f"  - {scalar(entry)}" for entry in data[key]]
    return "\n".join(lines) + "\n"


def scalar(value: Any) -> str:
    """Return `value` as a YAML flow scalar, list or mapping."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in value.items()) + "}"
    if value is None:
        return "null"
    raise TypeError(f"cannot write {value!r}")


def _comments(notes: list[str] | None, indent: str) -> list[str]:
    if not notes:
        return []
    return [f"{indent}# 猜测：{'；'.join(notes)}"]


def _field(entry: dict[str, Any]) -> list[str]:
    if "parts" not in entry:
        return [f"  - {scalar(entry)}"]
    head = {k: v for k, v in entry.items() if k != "parts"}
    first, *rest = [f"{k}: {scalar(v)}" for k, v in head.items()]
    lines = [f"  - {first}", *(f"    {line}" for line in rest), "    parts:"]
    lines += [f"      - {scalar(part)}" for part in entry["parts"]]
    return lines


def _block(block: dict[str, Any] | str, notes: dict[str, list[str]]) -> list[str]:
    if isinstance(block, str):
        return [f"  - {block}"]
    ((kind, value),) = block.items()
    if kind == "section":
        lines = _comments(notes.get(value["id"]), "  ")
        lines += ["  - section:", f"      id: {scalar(value['id'])}",
                  f"      heading: {scalar(value['heading'])}"]
        if value["guidance"]:
            lines.append("      guidance:")
            lines += [f"        - {scalar(line)}" for line in value["guidance"]]
        return lines
    if kind != "table":
        return [f"  - {kind}: {scalar(value)}"]
    lines = ["  - table:", f"      widths: {scalar(value['widths'])}"]
    if value.get("scope"):
        lines.append(f"      scope: {scalar(value['scope'])}")
    if value.get("items"):
        lines.append("      items:")
        for name, item in value["items"].items():
            lines += _comments(notes.get(f"items:{name}"), "        ")
            lines.append(f"        {name}: {scalar(item)}")
    if value.get("rows"):
        lines.append("      rows:")
        for row in value["rows"]:
            key = row.get("id") or (row.get("item") and _slug(str(row["item"])))
            lines += _comments(notes.get(f"item:{key}") if key else None, "        ")
            lines.append(f"        - {scalar(row)}")
    if value.get("repeat"):
        repeat = value["repeat"]
        lines += _comments(notes.get(repeat["id"]), "      ")
        lines.append("      repeat:")
        for key in ("id", "label", "blank_rows"):
            lines.append(f"        {key}: {scalar(repeat[key])}")
        lines.append("        columns:")
        lines += [f"          - {scalar(c)}" for c in repeat["columns"]]
    return lines


def _slug(code: str) -> str:
    slug = code.lower()
    return f"n{slug}" if slug[:1].isdigit() else slug
