"""Give every inferred blank an id a clerk can read: the pinyin of its label.

Definitions name blanks with ASCII ids ("school", "amount"); an inferred one takes the
pinyin of the first Chinese words of its label (申报单位 → shenbaodanwei), so the YAML
still says which blank is which to anyone who reads Chinese. pypinyin does this well and
keeps its own dictionary of readings; writing one here would be worse.
"""

from __future__ import annotations

import re

from pypinyin import lazy_pinyin

from forms.labels import printed_label

_BRACKETED = re.compile(r"[（(][^（）()]*[)）]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NOT_ID = re.compile(r"[^a-z0-9]+")
_MAX_SYLLABLES = 4
# Roles every form has, named in English as the built-in definitions name them.
_KNOWN = {
    "学校名称": "school", "学校": "school", "单位名称": "unit", "申报单位": "applicant",
    "申报学校": "school", "项目名称": "project", "邮箱": "email", "电子邮箱": "email",
}


class Namer:
    """Hand out ids, each used once in a definition."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def name(self, label: str, *, prefix: str = "", fallback: str = "blank") -> str:
        """Return a new id for a blank labelled `label` ("负责人" → "fuzeren")."""
        base = prefix + (id_for(label) or fallback)
        return self.unique(base)

    def unique(self, base: str) -> str:
        """Return `base`, or `base_2`, `base_3`… whichever is still free."""
        candidate, number = base, 2
        while candidate in self.used:
            candidate = f"{base}_{number}"
            number += 1
        self.used.add(candidate)
        return candidate


def id_for(label: str) -> str:
    """Return the id a label reads as, or "" when it has nothing to read."""
    text = printed_label(_BRACKETED.sub("", label)) or printed_label(label)
    if text in _KNOWN:
        return _KNOWN[text]
    han = "".join(_HAN.findall(text))
    if han:
        syllables = lazy_pinyin(han[:_MAX_SYLLABLES])
        word = "".join(syllables)
    else:
        word = text.lower()
    word = _NOT_ID.sub("_", word.lower()).strip("_")
    if not word:
        return ""
    return word if word[0].isalpha() else f"n{word}"
