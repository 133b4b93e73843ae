"""Field kinds: read the text written in a blank into a normalised value, and write it back.

Each kind accepts the ways schools really write a value (15万元, 壹拾伍万元整, 2022.3.8,
☑是 ☐否...) and fails with a ``ValueProblem`` that names the label and quotes the text
found. The normalised values are those of "Contract: parse output" in DESIGN.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import cn2an
from babel.numbers import format_decimal

from forms.errors import DefinitionError, ValueProblem

__all__ = ["KINDS", "convert_money", "format_value", "parse_value"]

_BAD_CODES = {"money": "bad_money", "date": "bad_date", "period": "bad_period",
              "year": "bad_year", "percent": "bad_percent", "score": "bad_score"}

KINDS: frozenset[str] = frozenset(
    {
        "text", "longtext", "money", "date", "period", "year", "phone", "email",
        "integer", "number", "percent", "score", "yesno", "choice",
    }
)

# Full-width ASCII to half-width and the ideographic space to a plain one. Not NFKC: that
# would also turn ① into 1 and lose which printed option a school meant.
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0xFFE5: 0xA5}
# Traditional forms still typed in 大写 amounts; cn2an knows only the simplified ones.
_SIMPLIFIED_NUMERALS = str.maketrans("萬億圓貳參陸兩", "万亿圆贰叁陆两")

_SEAL_WORDS = re.compile(r"[(\[【]?(?:单位公章|盖公章|盖章|签字|签名|签章|公章|印章)[)\]】]?")
# The prompts Word and WPS show in an empty content control; printed, they mean "left empty".
_WORD_PROMPTS = re.compile(
    r"(?:单击或点击此处输入(?:文字|日期)|单击此处输入(?:文字|日期)|点击或轻按此处输入(?:文字|日期)"
    r"|Clickortaphere(?:to)?enter(?:text|adate)|Clickheretoenter(?:text|adate))[。.]?",
    re.IGNORECASE,
)
# A list number printed alone on its line for the school to write after ("1.", "②", "……").
_BARE_NUMBERING = re.compile(r"(?:\d{1,2}\s*[.．、]|[①-⑳]|（\d{1,2}）|\(\d{1,2}\)|…+|\.{3,})")
_EMPTY_BRACKETS = re.compile(r"\(\)|\[\]|【】")
_DATE_LEFTOVERS = re.compile(r"[年月日号至到—\-~]*")

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

_MONEY_PREFIX = re.compile(r"^(?:人民币|RMB|¥)+", re.IGNORECASE)
_MONEY_LEFTOVERS = re.compile(r"(?:人民币|RMB|¥|万|元|圆|整)*", re.IGNORECASE)
_ARABIC_AMOUNT = re.compile(
    r"(?P<number>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?P<multiplier>千|万|百万|千万|亿)?"
)
_MULTIPLIERS = {"千": 10**3, "万": 10**4, "百万": 10**6, "千万": 10**7, "亿": 10**8}
_CHINESE_AMOUNT = re.compile(rf"[{_CHINESE_NUMERALS}]+")
_MIXED_AMOUNT = re.compile(rf"[0-9{_CHINESE_NUMERALS}]+")
_CENTS_DIGIT = "[0-9零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖]"
_CENTS = re.compile(rf"(?:(?P<jiao>{_CENTS_DIGIT})角)?(?:零?(?P<fen>{_CENTS_DIGIT})分)?")
_AMOUNT_WITH_FIGURES = re.compile(r"(?P<words>.+?)\((?P<figures>.+)\)")

_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_CHINESE_YEAR = "[〇○零一二三四五六七八九]{4}"
_CHINESE_SMALL = "[一二三四五六七八九十]{1,3}"
_BARE_YEAR = re.compile(r"\d{4}")
_SEPARATED_DATE = re.compile(
    r"(?P<first>\d{4}|\d{1,2})(?P<sep>[./-])(?P<second>\d{1,2})(?:(?P=sep)(?P<third>\d{1,2}))?"
)
_LABELLED_DATE = re.compile(
    rf"(?:(?P<year>\d{{4}}|{_CHINESE_YEAR})年)?"
    rf"(?:(?P<month>\d{{1,2}}|{_CHINESE_SMALL})月)?"
    rf"(?:(?P<day>\d{{1,2}}|{_CHINESE_SMALL})(?P<day_sign>[日号])?)?"
)
# "20220308"; "23年3月8日" (the century left out: this century); "元月" is January.
_COMPACT_DATE = re.compile(r"(?P<year>(?:19|20)\d{2})(?P<month>[01]\d)(?P<day>[0-3]\d)")
_SHORT_YEAR = re.compile(r"^(?P<year>\d{2})年(?=.*月)")
_TOTAL_PREFIX = re.compile(r"^(?:共计|共有|总共|合计|总计|共)")
_PERIOD_SEPARATOR = re.compile(r"[—–―−\-~〜至到]+")
_WRITTEN_YEAR = re.compile(rf"(?P<year>\d{{4}}|{_CHINESE_YEAR})(?:年度|年)?")

_PHONE_CHARACTERS = re.compile(r"\+?[0-9()\-—–]+")
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0[12]\d[2-9]\d{7}|0[3-9]\d{2}[2-9]\d{6,7}")
_LOCAL_NUMBER = re.compile(r"[2-9]\d{6,7}")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")

_MARKED = frozenset("☑☒■√✓✔●▣◉✗✘")
_UNMARKED = frozenset("□☐○◯")
_SPACING = frozenset(" \t\r\n\v\f、,;/|。.")
_CIRCLED_NUMBERS = "\u2460-\u2487\u2776-\u277f"
# Brackets around a box ("（√）是") and circled numbers beside a mark ("①☑…") say nothing
# about which option the mark belongs to.
_IGNORED_BESIDE_MARKS = re.compile(rf"[()\[\]【】{_CIRCLED_NUMBERS}]")
_LEADING_CIRCLED_NUMBER = re.compile(rf"^[{_CIRCLED_NUMBERS}]\s*")
_YES_NO = ("是", "否")


@dataclass(frozen=True)
class _Blank:
    """The text found in one blank, with what the definition says about the blank."""

    raw: str
    label: str
    unit: str | None
    options: tuple[str, ...]
    max_score: float | None

    @property
    def text(self) -> str:
        """Return the raw text in half-width characters, trimmed."""
        return _half_width(self.raw).strip()

    @property
    def compact(self) -> str:
        """Return the raw text in half-width characters with every space removed."""
        return "".join(self.text.split())

    @property
    def quoted(self) -> str:
        """Return the raw text on one line, shortened, for quoting in a message."""
        line = " ".join(self.raw.split())
        return line if len(line) <= 40 else line[:39] + "…"

    def fail(self, code: str, problem: str) -> ValueProblem:
        """Return the error for this blank: the label, then what is wrong with its text."""
        return ValueProblem(f"{self.label}：{problem}", code=code)


def parse_value(
    kind: str,
    raw: str | None,
    *,
    label: str,
    unit: str | None = None,
    options: Sequence[str] = (),
    max_score: float | None = None,
) -> object | None:
    """Turn the text found in a blank of `kind` into its normalised value, None if empty."""
    parser = _PARSERS.get(kind)
    if parser is None:
        raise ValueProblem(f"{label}：未知的字段种类“{kind}”", code="unknown_kind")
    if raw is None or _is_left_empty(raw):
        return None
    blank = _Blank(raw, label, unit, tuple(options), max_score)
    try:
        value = parser(blank)
    except ArithmeticError:
        # Digits beyond any real amount or count (a hundred septillion) overflow the arithmetic.
        raise blank.fail(_BAD_CODES.get(kind, "bad_number"),
                         f"数值“{blank.quoted}”超出合理范围，无法识别") from None
    # Text that is only a printed list ("1.\n\n2.", "……") was left empty.
    return None if value == "" else value


def format_value(
    kind: str, value: object, *, unit: str | None = None, options: Sequence[str] = ()
) -> str:
    """Write `value` of `kind` as a Chinese reader expects it in the blank; None gives ""."""
    formatter = _FORMATTERS.get(kind)
    if formatter is None:
        raise ValueProblem(f"未知的字段种类“{kind}”", code="unknown_kind")
    if value is None and kind not in ("yesno", "choice"):
        return ""
    return formatter(value, unit, tuple(options))


def _half_width(text: str) -> str:
    return text.translate(_HALF_WIDTH)


def _is_left_empty(raw: str) -> bool:
    """Tell whether a blank holds only spaces or what the form itself prints in it."""
    compact = "".join(_half_width(raw).split())
    compact = _WORD_PROMPTS.sub("", compact)
    compact = _SEAL_WORDS.sub("", compact).replace("_", "").replace("…", "")
    compact = _EMPTY_BRACKETS.sub("", compact)
    if not compact:
        return True
    # "年  月  日" and "年 月 至 年 月" are printed; a lone dash is something a school wrote.
    return _DATE_LEFTOVERS.fullmatch(compact) is not None and any(c in compact for c in "年月日")


def _as_plain_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _read_number(text: str) -> Decimal | None:
    """Read an Arabic or Chinese numeral standing alone, e.g. "1,234.5" or "十二点五"."""
    text = text.translate(_SIMPLIFIED_NUMERALS)
    if _ARABIC_NUMBER.fullmatch(text):
        return Decimal(text.replace(",", ""))
    if _CHINESE_NUMBER.fullmatch(text) and not _DIGITS_SIDE_BY_SIDE.search(text):
        value = _chinese_numeral(text, "normal")
        return None if value is None else Decimal(str(value))
    return None


def _chinese_numeral(text: str, mode: str) -> float | int | None:
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


def _read_counted_number(blank: _Blank, extra_units: Sequence[str]) -> Decimal | None:
    """Read a number that may be followed by the blank's unit or a measure word ("12个")."""
    compact = blank.compact
    if _DIGIT_SPACE_DIGIT.search(blank.text):
        return None
    units = (*extra_units, *([blank.unit] if blank.unit else []))
    # "共86人", "合计12间": a total says its number plainly. "约90%" stays a problem: a
    # guess is not a figure to file.
    compact = _TOTAL_PREFIX.sub("", compact)
    return _read_number(_strip_unit(compact, units))


def _only_unit(blank: _Blank, units: Sequence[str]) -> bool:
    return blank.compact in {*units, *([blank.unit] if blank.unit else [])}


def _parse_text(blank: _Blank) -> str:
    # Paragraphs joined by "\n", empty ones dropped, as the contract reads a value.
    return _written_lines(blank.raw)


def _parse_longtext(blank: _Blank) -> str:
    return _written_lines(blank.raw)


def _written_lines(raw: str) -> str:
    """Return the lines a school wrote: trimmed, empty ones and bare printed numbers dropped."""
    lines = (line.strip() for line in raw.splitlines())
    return "\n".join(line for line in lines if line and not _BARE_NUMBERING.fullmatch(line))


def _parse_money(blank: _Blank) -> int | float | None:
    if blank.unit not in (None, "元", "万元"):
        raise DefinitionError(
            f"{blank.label}：金额的单位应为“元”或“万元”，不是“{blank.unit}”", code="bad_unit"
        )
    compact = blank.compact.translate(_SIMPLIFIED_NUMERALS)
    if _MONEY_LEFTOVERS.fullmatch(compact):
        return None
    bare_number_scale = 10**4 if blank.unit == "万元" else 1
    in_yuan = None if _DIGIT_SPACE_DIGIT.search(blank.text) else _read_amount(
        compact, bare_number_scale
    )
    if in_yuan is None:
        raise blank.fail("bad_money", f"无法识别金额“{blank.quoted}”")
    if blank.unit == "万元":
        # Four places in 万元 keep the amount to the yuan.
        return _as_plain_number((in_yuan / 10**4).quantize(Decimal("0.0001"), ROUND_HALF_UP))
    return _as_plain_number(in_yuan.quantize(Decimal("0.01"), ROUND_HALF_UP))


def convert_money(value: object, from_unit: str, to_unit: str) -> int | float | None:
    """Return the amount `value` in `from_unit` (元 or 万元) expressed in `to_unit`."""
    if value is None or from_unit == to_unit:
        return value  # type: ignore[return-value]
    amount = Decimal(str(value))
    if from_unit == "万元" and to_unit == "元":
        return _as_plain_number((amount * 10**4).quantize(Decimal("0.01"), ROUND_HALF_UP))
    if from_unit == "元" and to_unit == "万元":
        return _as_plain_number((amount / 10**4).quantize(Decimal("0.0001"), ROUND_HALF_UP))
    raise DefinitionError(f"无法在“{from_unit}”和“{to_unit}”之间换算金额", code="bad_unit")


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
    jiao = _read_number(match["jiao"]) if match["jiao"] else Decimal(0)
    fen = _read_number(match["fen"]) if match["fen"] else Decimal(0)
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
        words = _read_number(text)
        return None if words is None else (words, names_its_scale)
    if _MIXED_AMOUNT.fullmatch(text):
        # "15万3千": cn2an's smart mode reads Arabic digits mixed with Chinese units.
        value = _chinese_numeral(text, "smart")
        return None if value is None else (Decimal(str(value)), names_its_scale)
    return None


def _small_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    value = _chinese_numeral(text, "strict")
    if value is None:
        raise ValueError(text)
    return int(value)


_DateParts = tuple[int | None, int | None, int | None]


def _written_date(compact: str) -> str:
    """Return a date as written, without what goes around it, in a form `_date_parts` reads.

    A seal prompt left beside it ("（盖章）") and a closing full stop go; "20220308" gets
    its dots, "23年" its century, "元月" its number.
    """
    text = _SEAL_WORDS.sub("", compact).rstrip(".。")
    whole = _COMPACT_DATE.fullmatch(text)
    if whole:
        return f"{whole['year']}.{whole['month']}.{whole['day']}"
    text = text.replace("元月", "1月")
    return _SHORT_YEAR.sub(lambda m: f"20{m['year']}年", text)


def _date_parts(text: str) -> _DateParts | None:
    """Split a written date into year, month and day; parts not written are None."""
    if _BARE_YEAR.fullmatch(text):
        return int(text), None, None
    separated = _SEPARATED_DATE.fullmatch(text)
    if separated:
        first, second, third = separated["first"], separated["second"], separated["third"]
        if len(first) == 4:
            return int(first), int(second), int(third) if third else None
        # "8.31" without a year only ends a period ("2021.3.1-8.31").
        return (None, int(first), int(second)) if third is None else None
    labelled = _LABELLED_DATE.fullmatch(text)
    if labelled is None or not any(labelled.group("year", "month", "day")):
        return None
    if labelled["day"] and not labelled["month"] and not labelled["day_sign"]:
        return None
    try:
        year = int(labelled["year"].translate(_YEAR_DIGITS)) if labelled["year"] else None
        month = _small_number(labelled["month"]) if labelled["month"] else None
        day = _small_number(labelled["day"]) if labelled["day"] else None
    except ValueError:
        return None
    return year, month, day


def _iso_text(parts: _DateParts) -> str | None:
    """Write complete parts as "YYYY-MM-DD", "YYYY-MM" or "YYYY"; None if no such date."""
    year, month, day = parts
    if year is None or (month is None and day is not None):
        return None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


def _parse_date(blank: _Blank) -> str:
    parts = _date_parts(_written_date(blank.compact))
    if parts is None or parts[0] is None or parts[1] is None:
        raise blank.fail("bad_date", f"无法识别日期“{blank.quoted}”")
    iso = _iso_text(parts)
    if iso is None:
        raise blank.fail("bad_date", f"日期“{blank.quoted}”不存在")
    return iso


def _parse_period(blank: _Blank) -> str:
    compact = blank.compact
    readings = set()
    for separator in _PERIOD_SEPARATOR.finditer(compact):
        ends = _period_ends(compact[: separator.start()], compact[separator.end() :])
        if ends is not None:
            readings.add(ends)
    if len(readings) != 1:
        raise blank.fail("bad_period", f"无法识别起止时间“{blank.quoted}”")
    ((start, end),) = readings
    start_text, end_text = _iso_text(start), _iso_text(end)
    if start_text is None or end_text is None:
        raise blank.fail("bad_period", f"起止时间“{blank.quoted}”中的日期不存在")
    if end_text < start_text:
        raise blank.fail("bad_period", f"起止时间“{blank.quoted}”的结束早于开始")
    return f"{start_text}/{end_text}"


def _period_ends(start_text: str, end_text: str) -> tuple[_DateParts, _DateParts] | None:
    """Read both ends of a period; the end inherits the year (and month) it leaves out."""
    start, end = _date_parts(start_text), _date_parts(end_text)
    if start is None or end is None or start[0] is None:
        return None
    end_year, end_month, end_day = end
    if end_year is None:
        end_year = start[0]
        if end_month is None:
            end_month = start[1]
    end = (end_year, end_month, end_day)
    same_precision = all((a is None) == (b is None) for a, b in zip(start, end, strict=True))
    return (start, end) if same_precision else None


def _parse_year(blank: _Blank) -> int:
    written = _WRITTEN_YEAR.fullmatch(blank.compact)
    year = int(written["year"].translate(_YEAR_DIGITS)) if written else 0
    if not 1900 <= year <= 2100:
        raise blank.fail("bad_year", f"无法识别年份“{blank.quoted}”")
    return year


def _parse_phone(blank: _Blank) -> str:
    compact = blank.compact
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
    raise blank.fail("bad_phone", f"无法识别电话号码“{blank.quoted}”")


def _parse_email(blank: _Blank) -> str:
    # A Chinese input method types "。" for the dot in "qq.com".
    # An address has no spaces; one seen there is a line wrapped in a PDF or a stray key.
    address = "".join(blank.text.replace("。", ".").split())
    if not _EMAIL.fullmatch(address):
        raise blank.fail("bad_email", f"无法识别电子邮箱“{blank.quoted}”")
    return address


def _parse_integer(blank: _Blank) -> int | None:
    if _only_unit(blank, _MEASURE_WORDS):
        return None
    number = _read_counted_number(blank, _MEASURE_WORDS)
    if number is None:
        raise blank.fail("bad_number", f"无法识别数字“{blank.quoted}”")
    if number != number.to_integral_value():
        raise blank.fail("bad_number", f"“{blank.quoted}”不是整数")
    return int(number)


def _parse_number(blank: _Blank) -> int | float | None:
    if _only_unit(blank, _MEASURE_WORDS):
        return None
    number = _read_counted_number(blank, _MEASURE_WORDS)
    if number is None:
        raise blank.fail("bad_number", f"无法识别数字“{blank.quoted}”")
    return _as_plain_number(number)


def _parse_percent(blank: _Blank) -> int | float | None:
    if _only_unit(blank, ("%",)):
        return None
    compact = blank.compact
    if compact.startswith("百分之"):
        number = _read_number(compact.removeprefix("百分之"))
    else:
        number = _read_counted_number(blank, ("%",))
    if number is None:
        raise blank.fail("bad_percent", f"无法识别百分比“{blank.quoted}”")
    return _as_plain_number(number)


def _parse_score(blank: _Blank) -> int | float | None:
    if _only_unit(blank, ("分",)):
        return None
    number = _read_counted_number(blank, ("分",))
    if number is None:
        raise blank.fail("bad_score", f"无法识别得分“{blank.quoted}”")
    score = _as_plain_number(number)
    if score < 0:
        raise blank.fail("score_out_of_range", f"得分 {score} 不能小于 0")
    if blank.max_score is not None and score > blank.max_score:
        most = _as_plain_number(Decimal(str(blank.max_score)))
        raise blank.fail("score_out_of_range", f"得分 {score} 超过该项满分 {most}")
    return score


def _bare_option(option: str) -> str:
    """Return an option as printed without its circled number: "②区域智慧教育" → "区域智慧教育"."""
    return _LEADING_CIRCLED_NUMBER.sub("", option.strip())


def _chosen_option(blank: _Blank, options: tuple[str, ...]) -> int | None:
    """Return which printed option the text marks or leaves standing; None if none is marked."""
    text = blank.text
    spans = _locate_options(text, options)
    gaps = _gaps_between(text, spans)
    if not spans or any(
        c not in _MARKED and c not in _UNMARKED and c not in _SPACING
        for gap in gaps
        for c in gap
    ):
        listed = "、".join(_bare_option(option) for option in options)
        raise blank.fail("unknown_option", f"“{blank.quoted}”不是可选项，应为：{listed}")
    marked = _marked_options(blank, gaps, [option for _, _, option in spans])
    if len(marked) > 1:
        raise blank.fail("ambiguous_mark", f"“{blank.quoted}”勾选了不止一项")
    if marked:
        return marked.pop()
    standing = {option for _, _, option in spans}
    if len(standing) == len(options):
        return None
    if len(standing) > 1:
        raise blank.fail("ambiguous_mark", f"“{blank.quoted}”保留了不止一项，无法确定选的是哪一项")
    return standing.pop()


def _locate_options(text: str, options: tuple[str, ...]) -> list[tuple[int, int, int]]:
    """Find each option in the text as (start, end, option index), longest options first."""
    taken = [False] * len(text)
    spans: list[tuple[int, int, int]] = []

    def take(pattern: str, option: int) -> bool:
        found = False
        for match in re.finditer(pattern, text):
            if not any(taken[match.start() : match.end()]):
                taken[match.start() : match.end()] = [True] * (match.end() - match.start())
                spans.append((match.start(), match.end(), option))
                found = True
        return found

    by_length = sorted(range(len(options)), key=lambda i: -len(_bare_option(options[i])))
    found = set()
    for index in by_length:
        option = options[index].strip()
        bare = _bare_option(option)
        number = option[: len(option) - len(bare)].strip()
        words = r"\s*".join(re.escape(c) for c in "".join(bare.split()))
        number_first = rf"(?:{re.escape(number)}\s*)?" if number else ""
        if words and take(number_first + words, index):
            found.add(index)
    for index, option in enumerate(options):
        number = option.strip()[:1]
        # The circled number written alone ("②") chooses its option.
        if index not in found and _LEADING_CIRCLED_NUMBER.match(option.strip()):
            take(re.escape(number), index)
    return sorted(spans)


def _gaps_between(text: str, spans: list[tuple[int, int, int]]) -> list[str]:
    """Return the text before, between and after the options found (len(spans) + 1 parts)."""
    edges = [0, *(edge for start, end, _ in spans for edge in (start, end)), len(text)]
    gaps = [text[edges[i] : edges[i + 1]] for i in range(0, len(edges), 2)]
    return [_IGNORED_BESIDE_MARKS.sub("", gap) for gap in gaps]


def _marked_options(blank: _Blank, gaps: list[str], options_in_order: list[int]) -> set[int]:
    """Return the options marked, judged by the side boxes stand on, else by spacing."""
    boxes = _MARKED | _UNMARKED
    leading, trailing = gaps[0], gaps[-1]
    boxes_lead = any(c in boxes for c in leading) and not any(c in boxes for c in trailing)
    boxes_trail = any(c in boxes for c in trailing) and not any(c in boxes for c in leading)
    marked = set()
    if any(c in _MARKED for c in leading):
        marked.add(options_in_order[0])
    if any(c in _MARKED for c in trailing):
        marked.add(options_in_order[-1])
    for between, gap in enumerate(gaps[1:-1]):
        before, after = options_in_order[between], options_in_order[between + 1]
        for position, character in enumerate(gap):
            if character not in _MARKED:
                continue
            space_before = any(c in _SPACING for c in gap[:position])
            space_after = any(c in _SPACING for c in gap[position + 1 :])
            next_box = any(c in _UNMARKED for c in gap[position + 1 :])
            if not space_before and space_after and next_box:
                # "□是✓   □否": the tick touches 是, and 否 still has its own empty box.
                marked.add(before)
            elif boxes_lead or (space_before and not space_after and not boxes_trail):
                marked.add(after)
            elif boxes_trail or (space_after and not space_before):
                marked.add(before)
            else:
                raise blank.fail("ambiguous_mark", f"无法确定“{blank.quoted}”勾选的是哪一项")
    return marked


def _yes_no_options(options: tuple[str, ...]) -> tuple[str, ...]:
    if not options:
        return _YES_NO
    if len(options) != 2:
        raise DefinitionError(
            f"是/否 空格应有两个选项，而不是 {len(options)} 个", code="bad_options"
        )
    return options


def _parse_yesno(blank: _Blank) -> bool | None:
    chosen = _chosen_option(blank, _yes_no_options(blank.options))
    return None if chosen is None else chosen == 0


def _parse_choice(blank: _Blank) -> str | None:
    if not blank.options:
        raise DefinitionError(f"{blank.label}：选择题没有列出选项", code="bad_options")
    chosen = _chosen_option(blank, blank.options)
    return None if chosen is None else _bare_option(blank.options[chosen])


_PARSERS: dict[str, Callable[[_Blank], object]] = {
    "text": _parse_text,
    "longtext": _parse_longtext,
    "money": _parse_money,
    "date": _parse_date,
    "period": _parse_period,
    "year": _parse_year,
    "phone": _parse_phone,
    "email": _parse_email,
    "integer": _parse_integer,
    "number": _parse_number,
    "percent": _parse_percent,
    "score": _parse_score,
    "yesno": _parse_yesno,
    "choice": _parse_choice,
}


def _format_plain(value: object, unit: str | None, options: tuple[str, ...]) -> str:
    if isinstance(value, float | Decimal):
        return str(_as_plain_number(Decimal(str(value))))
    return str(value)


def _format_money(value: object, unit: str | None, options: tuple[str, ...]) -> str:
    if not isinstance(value, int | float | Decimal) or isinstance(value, bool):
        raise ValueProblem(f"无法识别金额“{value}”", code="bad_money")
    unit = unit or "元"
    pattern = "#,##0.####" if unit == "万元" else "#,##0.##"
    return format_decimal(Decimal(str(value)), format=pattern, locale="zh_CN") + unit


def _chinese_date(iso: str) -> str:
    names = ("年", "月", "日")
    return "".join(f"{int(part)}{name}" for part, name in zip(iso.split("-"), names, strict=False))


def _format_date(value: object, unit: str | None, options: tuple[str, ...]) -> str:
    iso = value.isoformat() if isinstance(value, dt.date) else str(value)
    if not re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", iso):
        raise ValueProblem(f"无法识别日期“{value}”", code="bad_date")
    return _chinese_date(iso)


def _format_period(value: object, unit: str | None, options: tuple[str, ...]) -> str:
    ends = str(value).split("/")
    iso_end = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
    if len(ends) != 2 or not all(re.fullmatch(iso_end, end) for end in ends):
        raise ValueProblem(f"无法识别起止时间“{value}”", code="bad_period")
    return "—".join(_chinese_date(end) for end in ends)


def _boxes(options: tuple[str, ...], chosen: int | None) -> str:
    return " ".join(("☑" if i == chosen else "☐") + option for i, option in enumerate(options))


def _format_yesno(value: object, unit: str | None, options: tuple[str, ...]) -> str:
    chosen = None if value is None else (0 if value else 1)
    return _boxes(_yes_no_options(options), chosen)


def _format_choice(value: object, unit: str | None, options: tuple[str, ...]) -> str:
    if not options:
        return "" if value is None else str(value)
    bare = [_bare_option(option) for option in options]
    if value is not None and value not in bare:
        listed = "、".join(bare)
        raise ValueProblem(f"“{value}”不是可选项，应为：{listed}", code="unknown_option")
    return _boxes(tuple(o.strip() for o in options), None if value is None else bare.index(value))


_FORMATTERS: dict[str, Callable[[object, str | None, tuple[str, ...]], str]] = {
    **{kind: _format_plain for kind in KINDS},
    "money": _format_money,
    "date": _format_date,
    "period": _format_period,
    "yesno": _format_yesno,
    "choice": _format_choice,
}
