"""Locate ``part``: the printed lines inside an opinion cell, kept out of the opinion.

An opinion cell prints its signer and date lines under the text ("负责人：____  盖章：",
"年  月  日"); each is a sub-blank of the cell's blank (its parts), found by its sub-label,
and the date by its look. What is left, seal prompts aside, is the opinion itself.
"""

from __future__ import annotations

import re

from forms.labels import label_key
from forms.model import FieldSpec
from parsers.locate.printed import SEAL_LINE, SEAL_TAIL


def split_printed_parts(text: str, parts: tuple[FieldSpec, ...]) -> tuple[str, dict[str, str]]:
    """Split an opinion cell into its own text and the text of each printed sub-blank."""
    found: dict[str, str] = {}
    kept: list[str] = []
    # The part known by its look (the date) is found without its sub-label, by its kind.
    looked = next((p for p in parts if p.value_kind.known_by_look), None)
    named = {label_key(p.column or ""): p for p in parts if p is not looked and p.column}

    def still_open() -> bool:
        # Whether a date with figures is still to be found: one typed wins over the printed
        # "年 月 日", which may stand on a line below it.
        return looked is not None and not _has_digits(found.get(looked.id))

    for line in reversed(text.split("\n")):
        stripped = line.strip()
        segments = _named_segments(stripped, named)
        written = looked.value_kind.written_at_end(stripped) if looked else None
        if segments and looked is not None and written and still_open():
            # "负责人：王卫东  盖章：2018年9月10日": a PDF ran the date line on the signer's.
            found[looked.id] = written[1]
            segments = _named_segments(stripped[: written[0]].rstrip(), named)
        if segments:
            for part, value in segments:
                found.setdefault(part.id, value)
            continue
        if looked is None:
            if not SEAL_LINE.match(stripped):
                kept.append(line)
            continue
        kind = looked.value_kind
        left_empty = kind.left_empty_at_end(stripped)
        if left_empty and stripped[: left_empty[0]].strip():
            # "廖小光      年   月   日": a name written before the printed date, left empty.
            if still_open():
                found[looked.id] = left_empty[1]
            line = stripped = stripped[: left_empty[0]].rstrip()
        written = kind.written_at_end(stripped)
        printed = kind.printed_line(stripped)
        if written and still_open():
            # "同意上报。2023年3月6日": the date typed at the end of the opinion's last line.
            found[looked.id] = written[1]
            line = stripped = stripped[: written[0]].rstrip()
            if not stripped:
                continue
        elif printed is not None:
            # Printed "年  月  日" left as it is: keep looking for a date the school typed.
            if still_open():
                found[looked.id] = printed
            continue
        if SEAL_LINE.match(stripped):
            continue
        kept.append(line)
    return "\n".join(reversed(kept)).strip(), found


def _has_digits(text: str | None) -> bool:
    """Return whether `text` holds a figure, Arabic or Chinese."""
    return bool(text) and any(ch.isdigit() or ch in "〇零一二三四五六七八九十" for ch in text or "")


def _named_segments(line: str, named: dict[str, FieldSpec]) -> list[tuple[FieldSpec, str]]:
    """Read "负责人：张三    盖章：" into [(负责人 part, "张三")]; [] if no sub-label starts it."""
    pieces = re.split(r"\s*([^\s:：]{1,16})\s*[:：]", line)
    # split() gives: text before the first label, label, text, label, text ...
    if len(pieces) < 3 or pieces[0].strip() or _named(pieces[1], named) is None:
        return []
    segments = []
    for number in range(1, len(pieces), 2):
        part = _named(pieces[number], named)
        if part is not None:
            segments.append((part, SEAL_TAIL.sub("", pieces[number + 1]).strip()))
    return segments


def _named(sub_label: str, named: dict[str, FieldSpec]) -> FieldSpec | None:
    """Return the part a printed sub-label names: its column, or ending in it (…监护人）签字)."""
    key = label_key(sub_label)
    found = named.get(key)
    if found is None:
        found = next((part for column, part in named.items()
                      if len(column) >= 2 and key.endswith(column)), None)
    return found
