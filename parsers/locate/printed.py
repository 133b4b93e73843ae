"""What the form itself prints around or inside a blank, and how it is told from an answer.

A blank may print words the school writes after ("另附自查报告（3000字以内）"), a seal or
signature prompt beside it ("（盖章）", "签字："); a school may retype its label's hint at the
start of its answer ("（可另附页）：…"); a label is matched with the spaces a layout puts
between its characters ("单 位 名 称").
"""

from __future__ import annotations

import re

from forms.labels import SEAL_WORDS, label_key

# A line that is only a seal or signature prompt: "（盖章）", "签字：".
SEAL_LINE = re.compile(rf"^[（(]?\s*({SEAL_WORDS})\s*[）)]?\s*[:：]?\s*$")
# The same prompt left at the end of a value: "王卫东  （签字）".
SEAL_TAIL = re.compile(rf"[（(]?\s*({SEAL_WORDS})\s*[）)]?\s*[:：]?\s*$")
# A part of a label in brackets: a hint or a unit after its words ("（可另附页）", "（万元）").
_BRACKETED = re.compile(r"[（(]([^（）()]+)[)）]")


def strip_printed(text: str, printed: str) -> str:
    """Remove what the form prints inside a blank ("另附自查报告（3000字以内）") from its text.

    A blank whose text is only its printed words, spacing aside ("2021年  月  日"), is empty.
    """
    if label_key(text) == label_key(printed):
        return ""
    pattern = spaced(printed) + r"\s*[:：,，。]?"
    return re.sub(pattern, "", text, count=1).strip()


def strip_retyped_hint(text: str, label: str) -> str:
    """Remove a bracketed part of `label` a school retyped at the start of its answer.

    Label "主要事迹（可另附页）", answer "（可另附页）：我校……": the hint is the form's, the
    answer begins after it. A bracket opening the label ("（一）…") is its number, not a hint.
    """
    hints = [re.compile(rf"\s*[（(]\s*{spaced(m[1])}\s*[)）]\s*[:：]?")
             for m in _BRACKETED.finditer(label) if m.start() > 0 and m[1].strip()]
    rest = text
    while hints:
        retyped = next((m for hint in hints if (m := hint.match(rest))), None)
        if retyped is None:
            break
        rest = rest[retyped.end():]
    return text if rest is text else rest.strip()


def spaced(label: str) -> str:
    """Return a pattern for `label` that allows spaces between its characters."""
    return r"\s*".join(re.escape(ch) for ch in label if not ch.isspace())
