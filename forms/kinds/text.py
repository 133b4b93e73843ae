"""Text: a short text, a long text of paragraphs, a phone number, an e-mail address.

Text is kept as written, trimmed, its paragraphs joined by "\\n"; list numbers printed alone
on their lines for the school to write after ("1.", "②", "……") are not what it wrote.
"""

from __future__ import annotations

import re

from forms.kinds.base import Kind, Written

# A list number printed alone on its line for the school to write after ("1.", "②", "……").
_BARE_NUMBERING = re.compile(r"(?:\d{1,2}\s*[.．、]|[①-⑳]|（\d{1,2}）|\(\d{1,2}\)|…+|\.{3,})")
_PHONE_CHARACTERS = re.compile(r"\+?[0-9()\-—–]+")
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0[12]\d[2-9]\d{7}|0[3-9]\d{2}[2-9]\d{6,7}")
_LOCAL_NUMBER = re.compile(r"[2-9]\d{6,7}")
# "无", "暂无": the school has no such number (most have no fax any more); not a wrong one.
_NO_NUMBER = ("无", "暂无", "没有")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")


class TextKind(Kind):
    """A short text: a name, a title, a place."""

    name, title = "text", "文字"

    def read(self, written: Written) -> str:
        return _written_lines(written.raw)


class LongTextKind(Kind):
    """Paragraphs: a summary, measures, an opinion."""

    name, title = "longtext", "长文字"
    label_words = ("简介", "措施", "意见")
    long_text = True

    def read(self, written: Written) -> str:
        return _written_lines(written.raw)


class PhoneKind(Kind):
    """A phone or fax number as its digits, the country code dropped; "无" is no number."""

    name, title = "phone", "电话号码"
    written_in_figures = True
    label_words = ("电话", "手机", "传真")

    def read(self, written: Written) -> str | None:
        compact = written.compact
        if compact in _NO_NUMBER:
            return None
        digits = re.sub(r"\D", "", compact)
        if _PHONE_CHARACTERS.fullmatch(compact):
            if compact.startswith("+") or digits.startswith("0086"):
                digits = digits.removeprefix("00").removeprefix("86")
                # Abroad one drops the trunk 0 of an area code: +86 577 65812345.
                if digits and not _MOBILE.fullmatch(digits) and not digits.startswith("0"):
                    digits = "0" + digits
            elif len(digits) == 13 and digits.startswith("86"):
                digits = digits[2:]
            if any(p.fullmatch(digits) for p in (_MOBILE, _LANDLINE, _LOCAL_NUMBER)):
                return digits
        raise written.fail("bad_phone", f"无法识别电话号码“{written.quoted}”")


class EmailKind(Kind):
    """An e-mail address, without the spaces a wrapped line or a stray key put in it."""

    name, title = "email", "电子邮箱"
    label_words = ("邮箱",)

    def read(self, written: Written) -> str:
        # A Chinese input method types "。" for the dot in "qq.com".
        address = "".join(written.text.replace("。", ".").split())
        if not _EMAIL.fullmatch(address):
            raise written.fail("bad_email", f"无法识别电子邮箱“{written.quoted}”")
        return address


def _written_lines(raw: str) -> str:
    """Return the lines a school wrote: trimmed, empty ones and bare printed numbers dropped."""
    lines = (line.strip() for line in raw.splitlines())
    return "\n".join(line for line in lines if line and not _BARE_NUMBERING.fullmatch(line))
