"""Blanks printed on lines outside the tables: "单位名称：______（盖章）", "共有____人".

A blank on a line is a run of underscores, or the gap after a label's colon up to the end of
the line, a seal word in brackets or the next label. What is printed inside the gap — a date
to fill ("    年  月  日") — belongs to the blank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from forms.labels import ORDINAL, SEAL_WORDS, printed_label

_UNDERSCORES = re.compile(r"[_＿]{2,}")
_LABEL_COLON = re.compile(r"([^\s:：_＿]{1,20}?)\s*[:：]")
_GAP = r"[\s\u3000_＿]"
_DATE_IN_GAP = re.compile(rf"^{_GAP}*((?:\d{{4}}|20{_GAP}*)?{_GAP}*年{_GAP}*月{_GAP}*日){_GAP}*")
_SEAL = re.compile(rf"^[（(]\s*(?:{SEAL_WORDS})\s*[）)]")
_UNIT_AFTER = re.compile(r"\s*(万元|元|平方米|㎡|人次|人|个|台|套|间|所|项|名|次|件|班|年|%|％)")
_SPACE_RUN = re.compile(rf"{_GAP}{{2,}}")


@dataclass
class LineBlank:
    """One blank found on a printed line."""

    label: str
    printed: str = ""  # a date printed inside the gap
    unit: str = ""  # the measure word printed right after a blank in a sentence ("____人")
    in_sentence: bool = False  # no colon before it: its label is the words before it


def line_blanks(text: str) -> tuple[str, list[LineBlank]] | None:
    """Return `text` with each blank as "{}" and the blanks, or None when it has none.

    "单位名称：      （盖 章）" → ("单位名称：{}（盖 章）", [LineBlank("单位名称")]).
    """
    if not text.strip() or "\n" in text.strip() or len(text) > 120:
        return None
    if ORDINAL.match(text) and not _UNDERSCORES.search(text):
        return None  # a heading "（一）主管部门：", its text on the lines under it
    out: list[str] = []
    blanks: list[LineBlank] = []
    position = 0
    while position < len(text):
        underscores = _UNDERSCORES.search(text, position)
        colon = _LABEL_COLON.search(text, position)
        if colon is not None and (underscores is None or colon.end() <= underscores.start()):
            gap_end = _gap_after_colon(text, colon.end())
            if gap_end is None:
                out.append(text[position:colon.end()])
                position = colon.end()
                continue
            end, printed = gap_end
            out.append(text[position:colon.end()] + "{}")
            blanks.append(LineBlank(printed_label(colon[1]), printed))
            position = end
            continue
        if underscores is not None:
            before = text[position:underscores.start()]
            label = _label_before(text[:underscores.start()])
            if not label:
                return None
            out.append(before + "{}")
            unit = _UNIT_AFTER.match(text, underscores.end())
            blanks.append(LineBlank(label, unit=unit[1] if unit else "", in_sentence=True))
            position = underscores.end()
            continue
        out.append(text[position:])
        break
    if not blanks:
        return None
    return "".join(out).rstrip(), blanks


def _gap_after_colon(text: str, start: int) -> tuple[int, str] | None:
    """Return where the blank after a colon ends and any date printed in it, or None."""
    rest = text[start:]
    date = _DATE_IN_GAP.match(rest)
    if date and _SPACE_RUN.search(rest[: date.end()]):
        return start + date.end(), printed_label(date[1])
    fill = re.match(rf"{_GAP}*", rest)
    length = fill.end() if fill else 0
    after = rest[length:]
    if not after:
        return start + length, ""
    if length >= 2 and (_SEAL.match(after) or _LABEL_COLON.match(after)):
        return start + length, ""
    return None


def _label_before(text: str) -> str:
    pieces = _SPACE_RUN.split(text.strip())
    last = pieces[-1] if pieces else ""
    last = re.split(r"[，,。；;]", last)[-1]
    return printed_label(last)
