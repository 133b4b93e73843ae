"""How printed labels are written in records and compared when reading a returned form."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’（）"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_SPACES = re.compile(r"\s+")
_TRAILING_COLON = re.compile(r"[:：]+$")
_KEY_DROP = re.compile(r"[\s:：*＊_＿·•、,，.。;；]+")


def printed_label(text: str) -> str:
    """Return `text` as the record shows a label: whitespace collapsed, no trailing colon.

    Whitespace next to Chinese characters disappears ("项 目 名 称" → "项目名称",
    "项目负责人\\n及联系方式" → "项目负责人及联系方式"); elsewhere runs become one space.
    """
    text = _SPACE_BETWEEN_CJK.sub("", text.strip())
    text = _SPACES.sub(" ", text)
    return _TRAILING_COLON.sub("", text).strip()


def label_key(text: str) -> str:
    """Return the key two labels are compared by: width, spacing and punctuation folded.

    Short texts (labels, codes, headers) are cached: a form's printed labels are keyed again
    for every blank of every file. Long ones (a school's answers) are not worth holding.
    """
    return _short_key(text) if len(text) <= _CACHED_LENGTH else _key(text)


_CACHED_LENGTH = 80


@lru_cache(maxsize=4096)
def _short_key(text: str) -> str:
    return _key(text)


def _key(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    folded = folded.replace("(", "（").replace(")", "）")
    return _KEY_DROP.sub("", folded)


# How a printed heading or list item is numbered: "一、", "（二）", "(3)", "4．".
ORDINAL = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])\s*"
)

# The seal and signature prompts a form prints beside a blank: "（盖 章）", "公章", "签字".
SEAL_WORDS = r"盖\s*章|公\s*章|签\s*[字名章]"
