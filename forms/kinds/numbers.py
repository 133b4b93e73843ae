"""Numbers and money: integer, number, percent, score (with its maximum), money (元 or 万元).

Schools write figures in Arabic or Chinese numerals, with thousands separators, measure
words and units ("12个", "85%", "壹拾伍万元整", "15万3千元"). Money is kept in the unit the
form prints for the blank: 元 to the fen, 万元 to four places (the yuan), so nothing a
school wrote is lost; a summary shows 元 whole and 万元 with two to four places.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import cn2an
from babel.numbers import format_decimal

from forms.errors import DefinitionError, ValueProblem
from forms.kinds.base import Blank, Kind, Written, as_plain_number, with_unit

# Traditional forms still typed in 大写 amounts; cn2an knows only the simplified ones.
_SIMPLIFIED_NUMERALS = str.maketrans("萬億圓貳參陸兩", "万亿圆贰叁陆两")
_DIGIT_SPACE_DIGIT = re.compile(r"\d\s+\d")
_ARABIC_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_CHINESE_NUMERALS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_CHINESE_NUMBER = re.compile(rf"负?[{_CHINESE_NUMERALS}]+(?:点[零〇一二三四五六七八九]+)?")
# "五六个", "五六万": two digits side by side in words mean "five or six", not 56.
_DIGITS_SIDE_BY_SIDE = re.compile(r"[一二两三四五六七八九壹贰叁肆伍陆柒捌玖]{2}")
_MEASURE_WORDS = (
    "个", "人", "名", "位", "台", "套", "间", "所", "项", "次", "件", "门", "节", "班",
    "块", "本", "册", "篇", "部", "张", "天", "周", "课时", "学时", "小时",
)
# "共86人", "合计12间": a total says its number plainly.
_TOTAL_PREFIX = re.compile(r"^(?:共计|共有|总共|合计|总计|共)")

_MONEY_UNITS = ("元", "万元")
_MONEY_PREFIX = re.compile(r"^(?:人民币|RMB|¥)+", re.IGNORECASE)
_MONEY_LEFTOVERS = re.compile(r"(?:人民币|RMB|¥|万|元|圆|整)*", re.IGNORECASE)
_MONEY_UNIT_PRINTED = re.compile(r"（(万元|元)）")
_ARABIC_AMOUNT = re.compile(
    r"(?P<number>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?P<multiplier>千|万|百万|千万|亿)?"
)
_MULTIPLIERS = {"千": 10**3, "万": 10**4, "百万": 10**6, "千万": 10**7, "亿": 10**8}
_CHINESE_AMOUNT = re.compile(rf"[{_CHINESE_NUMERALS}]+")
_MIXED_AMOUNT = re.compile(rf"[0-9{_CHINESE_NUMERALS}]+")
_CENTS_DIGIT = "[0-9零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖]"
_CENTS = re.compile(rf"(?:(?P<jiao>{_CENTS_DIGIT})角)?(?:零?(?P<fen>{_CENTS_DIGIT})分)?")
_AMOUNT_WITH_FIGURES = re.compile(r"(?P<words>.+?)\((?P<figures>.+)\)")
# Kept: 元 to the fen, 万元 to the yuan. Written and shown: up to as many places as kept.
_KEPT_PLACES = {"元": Decimal("0.01"), "万元": Decimal("0.0001")}
_WRITTEN_PATTERN = {"元": "#,##0.##", "万元": "#,##0.####"}
_EXCEL_FORMAT = {"元": "#,##0", "万元": "#,##0.00##"}


def read_number(text: str) -> Decimal | None:
    """Read an Arabic or Chinese numeral standing alone, e.g. "1,234.5" or "十二点五"."""
    text = text.translate(_SIMPLIFIED_NUMERALS)
    if _ARABIC_NUMBER.fullmatch(text):
        return Decimal(text.replace(",", ""))
    if _CHINESE_NUMBER.fullmatch(text) and not _DIGITS_SIDE_BY_SIDE.search(text):
        value = chinese_numeral(text, "normal")
        return None if value is None else Decimal(str(value))
    return None


def chinese_numeral(text: str, mode: str) -> float | int | None:
    """Return cn2an's reading of `text`, or None where it cannot read it.

    cn2an fails on odd input with ValueError, and on some (e.g. "0拾0") with KeyError or
    IndexError from inside its tables; every one of them means "not a number".
    """
    try:
        return cn2an.cn2an(text, mode)
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def _strip_unit(text: str, units: Sequence[str]) -> str:
    for unit in sorted(units, key=len, reverse=True):
        if unit and text.endswith(unit):
            return text[: -len(unit)]
    return text


def _blank_units(written: Written, extra_units: Sequence[str]) -> tuple[str, ...]:
    unit = written.blank.unit
    return (*extra_units, *([unit] if unit else []))


def _read_counted_number(written: Written, extra_units: Sequence[str]) -> Decimal | None:
    """Read a number that may be followed by the blank's unit or a measure word ("12个")."""
    if _DIGIT_SPACE_DIGIT.search(written.text):
        return None
    # "约90%" stays a problem: a guess is not a figure to file.
    compact = _TOTAL_PREFIX.sub("", written.compact)
    return read_number(_strip_unit(compact, _blank_units(written, extra_units)))


def _only_unit(written: Written, units: Sequence[str]) -> bool:
    return written.compact in _blank_units(written, units)


class IntegerKind(Kind):
    """A count: "12", "12个", "十二", "共86人"."""

    name, title = "integer", "整数"
    written_in_figures = True
    units = None
    label_words = ("人数", "数量")
    unit_words = ("人", "台", "间", "个", "所")

    def read(self, written: Written) -> int | None:
        if _only_unit(written, _MEASURE_WORDS):
            return None
        number = _read_counted_number(written, _MEASURE_WORDS)
        if number is None:
            raise written.fail("bad_number", f"无法识别数字“{written.quoted}”")
        if number != number.to_integral_value():
            raise written.fail("bad_number", f"“{written.quoted}”不是整数")
        return int(number)


class NumberKind(Kind):
    """A figure that may have decimals: "12.5", "12.5台"."""

    name, title = "number", "数字"
    written_in_figures = True
    units = None
    figures = True

    def read(self, written: Written) -> int | float | None:
        if _only_unit(written, _MEASURE_WORDS):
            return None
        number = _read_counted_number(written, _MEASURE_WORDS)
        if number is None:
            number = _read_in_wan(written)
        if number is None:
            raise written.fail("bad_number", f"无法识别数字“{written.quoted}”")
        return as_plain_number(number)


def _read_in_wan(written: Written) -> Decimal | None:
    """Read a figure written in 万 ("2.8万平方米" is 28000), as areas and volumes often are."""
    compact = _strip_unit(written.compact, _blank_units(written, _MEASURE_WORDS))
    if not compact.endswith("万"):
        return None
    number = read_number(compact[:-1])
    return None if number is None else number * 10_000


class PercentKind(Kind):
    """A percentage as its number: "85%" and "百分之八十五" are 85."""

    name, title = "percent", "百分比"
    written_in_figures = True
    units = ("%",)
    label_words = ("比例", "率")
    unit_words = ("%",)
    written_endings = ("%",)
    figures = True
    overflow_code = "bad_percent"

    def read(self, written: Written) -> int | float | None:
        if _only_unit(written, ("%",)):
            return None
        compact = written.compact
        if compact.startswith("百分之"):
            number = read_number(compact.removeprefix("百分之"))
        else:
            number = _read_counted_number(written, ("%",))
        if number is None:
            raise written.fail("bad_percent", f"无法识别百分比“{written.quoted}”")
        return as_plain_number(number)


class ScoreKind(Kind):
    """Points given for an item, never below 0 nor above the item's maximum."""

    name, title = "score", "得分"
    written_in_figures = True
    units = ("分",)
    label_words = ("得分", "考核分", "自评分")
    unit_words = ("分",)
    figures = True
    overflow_code = "bad_score"

    def read(self, written: Written) -> int | float | None:
        if _only_unit(written, ("分",)):
            return None
        number = _read_counted_number(written, ("分",))
        if number is None:
            raise written.fail("bad_score", f"无法识别得分“{written.quoted}”")
        score = as_plain_number(number)
        if score < 0:
            raise written.fail("score_out_of_range", f"得分 {score} 不能小于 0")
        most = written.blank.max_score
        if most is not None and score > most:
            raise written.fail("score_out_of_range",
                               f"得分 {score} 超过该项满分 {as_plain_number(most)}")
        return score


class MoneyKind(Kind):
    """An amount in the unit the form prints for the blank: 元 (the default) or 万元."""

    name, title = "money", "金额"
    written_in_figures = True
    units = _MONEY_UNITS
    label_words = ("金额", "经费", "资金")
    unit_words = _MONEY_UNITS
    written_endings = (*_MONEY_UNITS, *_MULTIPLIERS)  # "150000元", "15.5万", "2亿"
    sums = True
    figures = True
    overflow_code = "bad_money"

    def parse(self, raw: str | None, blank: Blank, *, printed_unit: str | None = None,
              from_image: bool = False) -> Any:
        """Return the amount in the blank's unit; one in `printed_unit` is converted to it."""
        if printed_unit and blank.unit and printed_unit != blank.unit:
            # The school's copy prints another unit beside the label ("投入资金（万元）").
            value = super().parse(raw, with_unit(blank, printed_unit), from_image=from_image)
            return self.convert(value, printed_unit, blank.unit)
        return super().parse(raw, blank, from_image=from_image)

    def read(self, written: Written) -> int | float | None:
        compact = written.compact.translate(_SIMPLIFIED_NUMERALS)
        if _MONEY_LEFTOVERS.fullmatch(compact):
            return None
        unit = written.blank.unit or "元"
        bare_number_scale = 10**4 if unit == "万元" else 1
        in_yuan = None if _DIGIT_SPACE_DIGIT.search(written.text) else _read_amount(
            compact, bare_number_scale
        )
        if in_yuan is None:
            raise written.fail("bad_money", f"无法识别金额“{written.quoted}”")
        return _kept(in_yuan / 10**4 if unit == "万元" else in_yuan, unit)

    def convert(self, value: Any, from_unit: str, to_unit: str) -> int | float | None:
        """Return the amount `value` in `from_unit` (元 or 万元) expressed in `to_unit`."""
        if value is None or from_unit == to_unit:
            return value
        amount = Decimal(str(value))
        if from_unit == "万元" and to_unit == "元":
            return _kept(amount * 10**4, to_unit)
        if from_unit == "元" and to_unit == "万元":
            return _kept(amount / 10**4, to_unit)
        raise DefinitionError(f"无法在“{from_unit}”和“{to_unit}”之间换算金额", code="bad_unit")

    def printed_unit(self, label_tail: str) -> str | None:
        """Return "万元" or "元" printed in brackets after a school's label."""
        found = _MONEY_UNIT_PRINTED.search(label_tail)
        return found[1] if found else None

    def write(self, value: Any, blank: Blank) -> str:
        if not isinstance(value, int | float | Decimal) or isinstance(value, bool):
            raise ValueProblem(f"无法识别金额“{value}”", code="bad_money")
        unit = blank.unit or "元"
        pattern = _WRITTEN_PATTERN[unit]
        return format_decimal(Decimal(str(value)), format=pattern, locale="zh_CN") + unit

    def message_text(self, value: Any, blank: Blank) -> str:
        """Return the amount with its unit set apart: "283,750 元"."""
        text = super().message_text(value, blank)
        unit = blank.unit or ""
        if unit and text.endswith(unit):
            return f"{text[: -len(unit)]} {unit}"
        return text

    def number_format(self, unit: str | None) -> str | None:
        """Return the one format of a money column: 元 whole, 万元 with two to four places."""
        return _EXCEL_FORMAT[unit or "元"]

    def cell_value(self, value: Any, unit: str | None) -> tuple[Any, str | None]:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value, self.number_format(unit)
        return value, None


def _kept(amount: Decimal, unit: str) -> int | float:
    """Return an amount rounded to the places kept in `unit`: 元 the fen, 万元 the yuan."""
    return as_plain_number(amount.quantize(_KEPT_PLACES[unit], ROUND_HALF_UP))


def _read_amount(text: str, bare_number_scale: int) -> Decimal | None:
    """Return the amount in 元; a bare number counts in the blank's own unit."""
    both = _AMOUNT_WITH_FIGURES.fullmatch(text)
    if both:
        # "壹拾伍万元整（¥150,000.00）": words and figures must agree to be certain.
        in_words = _read_amount(both["words"], bare_number_scale)
        in_figures = _read_amount(both["figures"], bare_number_scale)
        return in_words if in_words is not None and in_words == in_figures else None
    text = _MONEY_PREFIX.sub("", text).removesuffix("整").removesuffix("正")
    parts = re.split(r"(元|圆)", text, maxsplit=1)
    whole, yuan_sign, after_yuan = parts if len(parts) == 3 else (text, "", "")
    cents = _read_cents(after_yuan)
    if cents is None:
        return None
    read = _read_whole_amount(whole)
    if read is None:
        return None
    amount, names_its_scale = read
    if yuan_sign or names_its_scale:
        return amount + cents
    return amount * bare_number_scale


def _read_cents(text: str) -> Decimal | None:
    if not text:
        return Decimal(0)
    match = _CENTS.fullmatch(text)
    if match is None:
        return None
    jiao = read_number(match["jiao"]) if match["jiao"] else Decimal(0)
    fen = read_number(match["fen"]) if match["fen"] else Decimal(0)
    if jiao is None or fen is None:
        return None
    return jiao / 10 + fen / 100


def _read_whole_amount(text: str) -> tuple[Decimal, bool] | None:
    """Read the part before 元; also tell whether it names its own scale (万, 亿...)."""
    arabic = _ARABIC_AMOUNT.fullmatch(text)
    if arabic:
        figures = Decimal(arabic["number"].replace(",", ""))
        multiplier = arabic["multiplier"]
        return (figures * _MULTIPLIERS[multiplier], True) if multiplier else (figures, False)
    names_its_scale = "万" in text or "亿" in text
    if _CHINESE_AMOUNT.fullmatch(text):
        words = read_number(text)
        return None if words is None else (words, names_its_scale)
    if _MIXED_AMOUNT.fullmatch(text):
        # "15万3千": cn2an's smart mode reads Arabic digits mixed with Chinese units.
        value = chinese_numeral(text, "smart")
        return None if value is None else (Decimal(str(value)), names_its_scale)
    return None
