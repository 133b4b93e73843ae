"""Walk a blank attachment top to bottom into a definition's data: text blocks, lines, tables.

The first short line "附件2" is the attachment line, the first title-like line after it the
title (two short lines joined when the second ends the name: "…试点项目" + "计划任务书"), a
bracketed line under it the subtitle; lines starting 注/说明/填表说明 or asking for the form by
a date are notes (the due date and contact are read from them); a line with blanks on it is a
line; everything else is printed as a paragraph. Tables go to ``inference.tables``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from forms.labels import label_key, printed_label
from inference.found import Inferred
from inference.guess_kind import guess_kind
from inference.lines import line_blanks
from inference.tables import table_layouts
from parsers.grid import Grid, Paragraph, Table

_ATTACHMENT = re.compile(
    r"^附\s*[件表]\s*[0-9０-９一二三四五六七八九十]+(?:[-－—][0-9]+)?\s*[:：]?$")
_TITLE_ENDINGS = ("表", "书", "单", "细则", "标准", "清单", "目录", "报告", "方案", "提纲",
                  "汇总", "名单", "登记", "台账", "指标", "体系", "办法", "情况")
_NOTE = re.compile(r"^\s*(?:注|备注|说明|填表说明|填报说明|附注)\s*[0-9１-９]?\s*[:：.．、]|"
                   r"(?:请于|务必于|并于).{0,30}前|(?:报送|上报|发送|报).{0,12}(?:邮箱|@)")
_SUBTITLE = re.compile(r"^[（(].{1,40}[)）]$")
_DUE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:前|之前|以前)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CONTACT = re.compile(r"联\s*系\s*人\s*[:：]?\s*([^，,。；;\s]{2,6})")
_PHONE = re.compile(r"(?:电话|手机)\s*[:：]?\s*([0-9\-－（）() ]{7,20})")
_BRACES = str.maketrans("{}", "｛｝")
_UNIT_LINE = re.compile(r"单\s*位\s*[:：]")
_SCOPE = re.compile(r"[（(]\s*(\d{4}\s*年度?)\s*[)）]|(\d{4}\s*年度?)")


def walk(grid: Grid, found: Inferred) -> dict[str, Any]:
    """Fill `found` from `grid`; return the metadata read (title, attachment, due, contact)."""
    meta: dict[str, Any] = {}
    blocks = [b for b in grid.blocks if not (isinstance(b, Paragraph) and not b.text.strip())]
    scopes = _scopes(grid)
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if isinstance(block, Table):
            if block.n_rows == 0 or block.n_cols == 0:
                continue
            heading = next((b.text for b in reversed(blocks[:index - 1])
                            if isinstance(b, Paragraph) and not _UNIT_LINE.search(b.text)),
                           "") if index > 1 else ""
            found.layout.extend({"table": entry} for entry in table_layouts(
                block, found, heading=heading, scope=scopes.get(id(block))))
            continue
        text = block.text.strip()
        if "attachment" not in meta and "title" not in meta and _ATTACHMENT.match(text):
            meta["attachment"] = printed_label(text).rstrip("：:")
            found.layout.append({"attachment": meta["attachment"]})
            continue
        if "title" not in meta and _title_like(text):
            following = blocks[index] if index < len(blocks) else None
            if (isinstance(following, Paragraph) and not text.endswith(_TITLE_ENDINGS)
                    and _title_like(following.text.strip())
                    and printed_label(following.text).endswith(_TITLE_ENDINGS)):
                text = printed_label(text) + printed_label(following.text)
                index += 1
            meta["title"] = printed_label(text)
            found.layout.append({"title": meta["title"]})
            continue
        if "title" in meta and "subtitle" not in meta and _SUBTITLE.match(text) and \
                len(found.layout) and "title" in found.layout[-1]:
            meta["subtitle"] = text
            found.layout.append({"subtitle": text})
            continue
        if _NOTE.search(text):
            _read_note(text, meta)
            found.layout.append({"note": text})
            continue
        line = line_blanks(block.text)
        if line is not None:
            found.layout.append({"line": _line(line, found)})
            continue
        found.layout.append({"paragraph": text})
    return meta


_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+\s*、")


def as_outline(found: Inferred) -> bool:
    """Turn a form of headings and their guidance, with no blanks, into an outline's sections.

    A 编写提纲 prints "一、概述" and what to write under it ("1．项目名称；"); a school writes
    its text under each heading, which is each section's blank.
    """
    if found.fields or any("table" in block for block in found.layout):
        return False
    headings = [b for b in found.layout if _HEADING.match(b.get("paragraph", ""))]
    if len(headings) < 2:
        return False
    layout: list[Any] = []
    section: dict[str, Any] | None = None
    for block in found.layout:
        text = block.get("paragraph") or block.get("note")
        if text is not None and _HEADING.match(text):
            section_id = found.namer.name(_HEADING.sub("", text), fallback="section")
            section = {"id": section_id, "heading": text, "guidance": []}
            layout.append({"section": section})
            found.notes[section_id] = ["提纲的一节：学校在标题下面写"]
        elif section is not None and text is not None:
            section["guidance"].append(text)
        else:
            layout.append(block)
    found.layout[:] = layout
    return True


def _title_like(text: str) -> bool:
    label = printed_label(text)
    return 4 <= len(label) <= 45 and not re.search(r"[：:。；]", label[:-1]) and \
        not _ATTACHMENT.match(label) and line_blanks(text) is None


def _line(line: tuple[str, list[Any]], found: Inferred) -> str:
    template, blanks = line
    # Braces printed on the line must not read as blanks: they become full-width ones.
    template = template.replace("{}", "\0").translate(_BRACES).replace("\0", "{}")
    ids: list[str] = []
    for blank in blanks:
        if blank.unit == "年":
            guess = guess_kind("年份")
        else:
            guess = guess_kind(f"{blank.label}（{blank.unit}）" if blank.unit else blank.label,
                               blank.printed)
        field_id = found.namer.name(blank.label)
        entry: dict[str, Any] = {"id": field_id, "kind": guess.kind}
        if blank.in_sentence:
            entry["label"] = blank.label  # the words before it, not the whole clause
        if guess.unit and guess.kind in ("money", "integer", "number"):
            entry["unit"] = guess.unit
        if blank.printed:
            entry["printed"] = blank.printed
        found.add_field(entry, ["印在一行文字里的空格", *guess.why], label=blank.label)
        ids.append(field_id)
    parts = template.split("{}")
    text = parts[0]
    for field_id, following in zip(ids, parts[1:], strict=True):
        gap = "  " if following.strip() and not following.startswith(("（", "(")) and \
            following.lstrip()[:1] not in "年月日元个人台间所项名次件班平万%％" else ""
        text += f"{{{field_id}}}{gap}{following}"
    return text


def _read_note(text: str, meta: dict[str, Any]) -> None:
    due = _DUE.search(text)
    if due and "due" not in meta:
        year, month, day = due.groups()
        if year:
            try:
                meta["due"] = dt.date(int(year), int(month), int(day)).isoformat()
            except ValueError:
                pass
        elif "每年" in text[: due.start()]:
            meta["due"] = f"每年{int(month)}月{int(day)}日"
    contact = []
    for pattern in (_CONTACT, _PHONE, _EMAIL):
        match = pattern.search(text)
        if match:
            contact.append(match[1] if match.groups() else match[0])
    if contact and "contact" not in meta:
        meta["contact"] = "，".join(c.strip() for c in contact)


def _scopes(grid: Grid) -> dict[int, str]:
    """Return, for tables printed more than once alike, what tells each apart ("2021年")."""
    shapes: dict[tuple[Any, ...], list[Table]] = {}
    for table in grid.tables:
        shape = tuple((c.row, c.col, c.rowspan, c.colspan, label_key(_SCOPE.sub("", c.text)))
                      for c in table.cells)
        shapes.setdefault(shape, []).append(table)
    scopes: dict[int, str] = {}
    for tables in shapes.values():
        if len(tables) < 2:
            continue
        for table in tables:
            scope = _scope_of(grid, table)
            if scope:
                scopes[id(table)] = scope
    return scopes


def _scope_of(grid: Grid, table: Table) -> str | None:
    for cell in table.cells:
        found = _SCOPE.search(cell.text)
        if found:
            return printed_label(found[1] or found[2])
    index = next(i for i, b in enumerate(grid.blocks) if b is table)
    for block in reversed(grid.blocks[:index]):
        if isinstance(block, Paragraph) and block.text.strip():
            found = _SCOPE.search(block.text)
            return printed_label(found[1] or found[2]) if found else None
    return None
