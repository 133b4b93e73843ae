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
        if SEAL_LINE.match(stripped):
            continue
        kept.append(line)
    return "\n".join(reversed(kept)).strip(), found


def _has_digits(text: str | None) -> bool:
    return bool(text) and any(ch.isdigit() or ch in "〇零一二三四五六七八九十" for ch in text or "")


def _named_segments(line: str, named: dict[str, FieldSpec]) -> list[tuple[FieldSpec, str]]:
    """Read "负责人：张三    盖章：" into [(负责人 part, "张三")]; [] if no sub-label starts it."""
    pieces = re.split(r"\s*([^\s:：]{1,8})\s*[:：]", line)
    # split() gives: text before the first label, label, text, label, text ...
    if len(pieces) < 3 or pieces[0].strip() or label_key(pieces[1]) not in named:
        return []
    segments = []
    for number in range(1, len(pieces), 2):
        part = named.get(label_key(pieces[number]))
        if part is not None:
            segments.append((part, SEAL_TAIL.sub("", pieces[number + 1]).strip()))
    return segments
