"""What one table cell of a blank attachment is: printed label, blank, or a blank with its label.

A cell is a blank when nothing is printed in it, or only what a blank prints (boxes to tick,
"年  月  日", a unit, a hint such as "（可另附页）"). A cell whose first line is a label ending
in a colon and whose other lines are empty, signer lines or a date ("单位意见：\\n\\n负责人：
盖章：\\n年 月 日") is a blank with its label inside, the lines under it its parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from forms.labels import SEAL_WORDS, printed_label
from inference.guess_kind import boxed_options, circled_options, guess_kind, is_date_printed

_FILL = re.compile(r"[\s_＿\u3000]+")
_SEAL_ONLY = re.compile(rf"^[（(]?\s*(?:{SEAL_WORDS}|印\s*章)\s*[）)]?\s*[:：]?$")
_SEAL_WORDS = re.compile(SEAL_WORDS)
_SUB_LABEL = re.compile(r"^\s*([^：:\s][^：:]{0,11}?)\s*[:：]")
_HEAD_LABEL = re.compile(r"^\s*([^：:\s][^：:]{0,29}?)\s*[:：]")
_DATE_LABEL = re.compile(r"^\s*日\s*期\s*[:：]")
_YEAR_MONTH = r"(?:\d{4})?年(?:\d{1,2})?月(?:\d{1,2}日)?"
_PERIOD = re.compile(rf"^{_YEAR_MONTH}(?:至|到|—|－|-|~|～){_YEAR_MONTH}$")
_UNITS_ALONE = ("万元", "元", "%", "％", "人", "台", "间", "个", "所", "套", "项", "名", "㎡")
_HINT = re.compile(r"^[（(][^（）()]*(?:另附|附页|字以内|不超过|限)[^（）()]*[)）]$|^另附")


@dataclass
class Part:
    """A line printed inside an opinion cell: a signer line or the date."""

    column: str
    kind: str
    printed: str


@dataclass
class CellRead:
    """What a cell is: "label" (printed text), "blank" or "inline" (a blank with its label)."""

    role: str
    text: str = ""  # the label's text; or what is printed inside the blank
    label: str = ""  # an inline blank's label, as printed at the top of its cell
    parts: list[Part] = field(default_factory=list)


def is_empty(text: str) -> bool:
    """Tell whether `text` has nothing printed but spacing and underscores."""
    return not _FILL.sub("", text)


def read_cell(text: str, *, alone: bool, labelled: bool = True) -> CellRead:
    """Return what the cell holding `text` is.

    `alone`: no blank cell beside or under it (it may hold its own blank under its label);
    `labelled`: a printed cell left of it may be its label (it may be only signer lines).
    """
    if is_empty(text):
        return CellRead("blank")
    lines = [line.strip() for line in text.split("\n")]
    parts = _parts(lines)
    first = next((line for line in lines if line), "")
    if labelled and parts and (not lines[0] or _SEAL_WORDS.search(first)
                               or _is_date_line(first)):
        # Only signer, seal and date lines: an opinion left to write, labelled beside it.
        return CellRead("blank", parts=parts)
    signed = _signed_statement(lines)
    if signed is not None:
        return signed
    compact = _FILL.sub("", text)
    if _printed_in_blank(text, compact):
        return CellRead("blank", text=text.strip())
    boxed = _options_with_label(text)
    if boxed is not None:
        return boxed
    if alone:
        inline = _inline(text)
        if inline is not None:
            return inline
    return CellRead("label", text=text)


def _printed_in_blank(text: str, compact: str) -> bool:
    if compact in _UNITS_ALONE or is_date_printed(text) or _HINT.match(compact) or \
            _PERIOD.match(compact):
        return True
    options = boxed_options(text)
    if len(options) >= 2 and text.lstrip()[:1] in "□☐":
        return True
    return len(circled_options(text)) >= 2 and text.lstrip()[:1] in "①" and "\n" not in text.strip()


def _options_with_label(text: str) -> CellRead | None:
    """Read "是否参加：□是 □否" as a blank labelled 是否参加 holding its boxes."""
    index = min((text.find(b) for b in "□☐" if b in text), default=-1)
    if index <= 0 or len(boxed_options(text[index:])) < 2:
        return None
    label = text[:index].strip()
    if not label or "\n" in label or len(printed_label(label)) > 20:
        return None
    if re.search(r"[:：]|[_＿]{2,}", text[index:]):
        return None  # another blank printed after the boxes ("；经济损失：____万元")
    return CellRead("inline", text=text[index:].strip(), label=label)


def _inline(text: str) -> CellRead | None:
    lines = text.split("\n")
    first = lines[0].strip()
    head = _HEAD_LABEL.match(first)
    if head is None:
        return None
    after_colon = first[head.end():]
    if after_colon.strip() and not _SEAL_ONLY.match(_FILL.sub("", after_colon)):
        return None
    if len(lines) == 1 and not after_colon.strip() and not first.endswith(("：", ":")):
        return None
    parts = _parts([line.strip() for line in lines[1:]])
    if parts is None:
        return None
    label = first[: head.end()].strip()
    seal = after_colon.strip()
    return CellRead("inline", text=seal, label=label, parts=parts)


def _parts(lines: list[str]) -> list[Part] | None:
    """Return the signer and date lines among `lines`; None when another text is printed."""
    parts: list[Part] = []
    for stripped in lines:
        if not stripped or _SEAL_ONLY.match(_FILL.sub("", stripped)):
            continue
        if _is_date_line(stripped) or (is_date_printed(_tail_date(stripped))
                                          and _SEAL_WORDS.search(stripped)):
            parts.append(Part("日期", "date", stripped))
            continue
        sub = _SUB_LABEL.match(stripped)
        if sub is None or not _only_fill_after(stripped[sub.end():]):
            return None
        column = printed_label(sub[1])
        if _SEAL_ONLY.match(column):
            continue
        parts.append(Part(column, guess_kind(column).kind, stripped))
    return parts


def _signed_statement(lines: list[str]) -> CellRead | None:
    """Read a printed promise followed by its signer and date lines (承诺…, 签字：, 年 月 日)."""
    for start in range(1, len(lines)):
        head = [line for line in lines[:start] if line]
        parts = _parts(lines[start:])
        if parts and head and not head[-1].endswith(("：", ":")) and any(
                p.kind != "date" for p in parts):
            return CellRead("blank", text="\n".join(head), parts=parts)
    return None


def _only_fill_after(text: str) -> bool:
    """Tell whether a signer line prints nothing after its label but gaps and seal words."""
    rest = _SEAL_WORDS.sub("", re.sub(r"[（()）:：]", "", text))
    return is_empty(rest)


def _is_date_line(line: str) -> bool:
    """Tell whether `line` is a printed date to fill, "日期：" before it or not."""
    return is_date_printed(_DATE_LABEL.sub("", line))


def _tail_date(line: str) -> str:
    found = re.search(r"(\S*\s*年\s*月\s*日)\s*$", line)
    return found[1] if found else ""
