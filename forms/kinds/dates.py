"""Dates and periods: date ("YYYY-MM-DD" or "YYYY-MM"), period ("start/end"), year.

Schools write 2022年3月8日, 2022.3.8, 20220308, 二〇二二年三月八日, 23年3月8日, 元月; a period
as 2021年3月—8月 or 2021.3.1-8.31, the end taking the year (and month) it leaves out. A
summary files a date as a real date whose format shows as much as was written.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from forms.errors import ValueProblem
from forms.kinds.base import SEAL_WORDS, Blank, Kind, Written
from forms.kinds.numbers import chinese_numeral

_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_CHINESE_YEAR = "[〇○零一二三四五六七八九]{4}"
_SMALL_NUMERALS = "一二三四五六七八九十"
_CHINESE_SMALL = f"[{_SMALL_NUMERALS}]{{1,3}}"
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
_PERIOD_SEPARATOR = re.compile(r"[—–―−\-~〜至到]+")
_WRITTEN_YEAR = re.compile(rf"(?P<year>\d{{4}}|{_CHINESE_YEAR})(?:年度|年)?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")
_ISO_END = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_ISO_PARTS = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
# A date written at the end of a line: "同意上报。2023年3月6日", "王卫东  2018.9.10".
_DATE_AT_END = re.compile(
    rf"((?:\d{{4}}|{_CHINESE_YEAR})\s*年\s*[\d{_SMALL_NUMERALS}]{{1,3}}\s*月"
    rf"\s*[\d{_SMALL_NUMERALS}]{{1,3}}\s*[日号]"
    r"|(?<!\d)\d{4}\s*[./\-－]\s*\d{1,2}\s*[./\-－]\s*\d{1,2})\s*$"
)
# The printed "年  月  日" left empty after a name: "廖小光      年   月   日".
_EMPTY_DATE_AT_END = re.compile(r"\s{2,}(年\s*月\s*日)\s*$")
# A date line as printed or filled: "年  月  日", "日期：", "2023.3.6".
_DATE_LINE = re.compile(
    r"年.*月.*日\s*$|^\s*日期[:：]"
    r"|^\d{4}\s*[./\-－—年]\s*\d{1,2}\s*[./\-－—月]\s*\d{1,2}\s*日?$"
)
_DATE_LABEL = re.compile(r"^日期[:：]")
# A summary shows a date as written: a month written without its day is never the 1st.
_EXCEL_DATE_FORMATS = {3: 'yyyy"年"m"月"d"日"', 2: 'yyyy"年"m"月"', 1: 'yyyy"年"'}

_DateParts = tuple[int | None, int | None, int | None]


class DateKind(Kind):
    """A day or a month: "YYYY-MM-DD" or "YYYY-MM"."""

    name, title = "date", "日期"
    written_in_figures = True
    label_words = ("日期", "时间")
    overflow_code = "bad_date"
    known_by_look = True

    def written_at_end(self, line: str) -> tuple[int, str] | None:
        found = _DATE_AT_END.search(line)
        return (found.start(), found[1]) if found else None

    def left_empty_at_end(self, line: str) -> tuple[int, str] | None:
        found = _EMPTY_DATE_AT_END.search(line)
        return (found.start(), found[1]) if found else None

    def printed_line(self, line: str) -> str | None:
        if not _DATE_LINE.search(line):
            return None
        return _DATE_LABEL.sub("", line).strip()

    def read(self, written: Written) -> str:
        parts = _date_parts(_written_date(written.compact))
        if parts is None or parts[0] is None or parts[1] is None:
            raise written.fail("bad_date", f"无法识别日期“{written.quoted}”")
        iso = _iso_text(parts)
        if iso is None:
            raise written.fail("bad_date", f"日期“{written.quoted}”不存在")
        return iso

    def write(self, value: Any, blank: Blank) -> str:
        iso = value.isoformat() if isinstance(value, dt.date) else str(value)
        if not _ISO_DATE.fullmatch(iso):
            raise ValueProblem(f"无法识别日期“{value}”", code="bad_date")
        return _chinese_date(iso)

    def cell_value(self, value: Any, unit: str | None) -> tuple[Any, str | None]:
        """Return the date as a real date with a format showing as much as was written."""
        if isinstance(value, dt.date):
            return value, _EXCEL_DATE_FORMATS[3]
        match = _ISO_PARTS.fullmatch(str(value))
        if match is None:
            return value, None
        parts = [int(p) for p in match.groups() if p]
        try:
            day = dt.date(parts[0], *[*parts[1:], 1, 1][:2])
        except ValueError:
            return value, None
        return day, _EXCEL_DATE_FORMATS[len(parts)]


class PeriodKind(Kind):
    """From a start to an end: "YYYY-MM/YYYY-MM", or with days where written."""

    name, title = "period", "起止时间"
    written_in_figures = True
    label_words = ("起止时间",)
    overflow_code = "bad_period"

    def read(self, written: Written) -> str:
        compact = written.compact
        readings = set()
        for separator in _PERIOD_SEPARATOR.finditer(compact):
            ends = _period_ends(compact[: separator.start()], compact[separator.end() :])
            if ends is not None:
                readings.add(ends)
        if len(readings) != 1:
            raise written.fail("bad_period", f"无法识别起止时间“{written.quoted}”")
        ((start, end),) = readings
        start_text, end_text = _iso_text(start), _iso_text(end)
        if start_text is None or end_text is None:
            raise written.fail("bad_period", f"起止时间“{written.quoted}”中的日期不存在")
        if end_text < start_text:
            raise written.fail("bad_period", f"起止时间“{written.quoted}”的结束早于开始")
        return f"{start_text}/{end_text}"

    def write(self, value: Any, blank: Blank) -> str:
        ends = str(value).split("/")
        if len(ends) != 2 or not all(_ISO_END.fullmatch(end) for end in ends):
            raise ValueProblem(f"无法识别起止时间“{value}”", code="bad_period")
        return "—".join(_chinese_date(end) for end in ends)

    def cell_value(self, value: Any, unit: str | None) -> tuple[Any, str | None]:
        """Return the period as it reads: "2021年3月—2021年8月"."""
        try:
            return self.render(value, Blank("")), None
        except ValueProblem:
            return value, None


class YearKind(Kind):
    """A year as its number: "2022年", "二〇二二年度" are 2022."""

    name, title = "year", "年份"
    written_in_figures = True
    figures = True
    overflow_code = "bad_year"

    def read(self, written: Written) -> int:
        match = _WRITTEN_YEAR.fullmatch(written.compact)
        year = int(match["year"].translate(_YEAR_DIGITS)) if match else 0
        if not 1900 <= year <= 2100:
            raise written.fail("bad_year", f"无法识别年份“{written.quoted}”")
        return year


def _chinese_date(iso: str) -> str:
    names = ("年", "月", "日")
    return "".join(f"{int(part)}{name}" for part, name in zip(iso.split("-"), names, strict=False))


def _small_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    value = chinese_numeral(text, "strict")
    if value is None:
        raise ValueError(text)
    return int(value)


def _written_date(compact: str) -> str:
    """Return a date as written, without what goes around it, in a form `_date_parts` reads.

    A seal prompt left beside it ("（盖章）") and a closing full stop go; "20220308" gets
    its dots, "23年" its century, "元月" its number.
    """
    text = SEAL_WORDS.sub("", compact).rstrip(".。")
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
