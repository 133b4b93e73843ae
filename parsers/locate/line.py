"""Locate ``line``: after a blank's label on a printed line ("单位名称：____（盖章）").

The value ends at the next such label on the line, at the end of the line, before the words
the form prints after the blank (``FieldSpec.after``) and a seal prompt. A school that put
the line into a small table (学校 | XX) is read as ``right``.
"""

from __future__ import annotations

import re

from forms.model import FieldSpec
from parsers.locate.index import LabelIndex
from parsers.locate.printed import SEAL_TAIL, spaced
from parsers.locate.right import right_value


def line_value(index: LabelIndex, field: FieldSpec) -> str | None:
    """Return what follows `field`'s label on its printed line."""
    pattern = spaced(field.label) + r"\s*[:：]"
    others = [spaced(f.label) + r"\s*[:：]" for f in index.spec.top_fields()
              if f.locate == "line" and f.id != field.id]
    stop = re.compile("|".join(others)) if others else None
    texts = [p.text for p in index.grid.paragraphs] + [c.text for _, c, _ in index.cells]
    for text in texts:
        match = re.search(pattern, text)
        if match is None:
            continue
        rest = text[match.end():]
        end = stop.search(rest) if stop else None
        value = (rest[: end.start()] if end else rest).split("\n")[0]
        if field.after:
            value = re.sub(spaced(field.after) + r"\s*$", "", value.strip())
        return SEAL_TAIL.sub("", value).strip(" _\u3000\t")
    in_sentence = _in_sentence(texts, field)
    if in_sentence is not None:
        return in_sentence
    return right_value(index, field)


def _in_sentence(texts: list[str], field: FieldSpec) -> str | None:
    """Read a blank inside a sentence: between its words and those after it ("共有__人，")."""
    if not field.after:
        return None
    pattern = re.compile(spaced(field.label) + r"(.*?)" + spaced(field.after))
    for text in texts:
        match = pattern.search(text)
        value = match[1].strip(" _＿\u3000\t") if match is not None else ""
        if value:
            return value
    return None  # left empty, or the line is printed another way: read it as `right`
