"""What every field kind is: the Kind object, the blank it reads, and what a blank leaves empty.

A kind reads the text written in a blank into a normalised value (``parse``), writes a value
back as a Chinese reader expects it (``render``), says what an empty blank prints, how a
summary files its values (number format, totals) and which label words and units suggest it.
A failure names the label and quotes the text found: ``投入资金：无法识别金额“十五万左右”``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, ClassVar

from forms.errors import DefinitionError, ValueProblem

# Full-width ASCII to half-width and the ideographic space to a plain one. Not NFKC: that
# would also turn ① into 1 and lose which printed option a school meant.
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0xFFE5: 0xA5}

SEAL_WORDS = re.compile(r"[(\[【]?(?:单位公章|盖公章|盖章|签字|签名|签章|公章|印章)[)\]】]?")
# The prompts Word and WPS show in an empty content control; printed, they mean "left empty".
_WORD_PROMPTS = re.compile(
    r"(?:单击或点击此处输入(?:文字|日期)|单击此处输入(?:文字|日期)|点击或轻按此处输入(?:文字|日期)"
    r"|Clickortaphere(?:to)?enter(?:text|adate)|Clickheretoenter(?:text|adate))[。.]?",
    re.IGNORECASE,
)
_EMPTY_BRACKETS = re.compile(r"\(\)|\[\]|【】")
# Letters OCR reads for digits in print; a run of figures holding one of them, with a real
# digit in it and no other letter beside it ("2O23", "l38 O577"), means the digits.
_DIGIT_LOOKALIKES = str.maketrans("OoDlI|ZSB", "000111258")
_FIGURE_RUN = re.compile(r"(?<![A-Za-z])[0-9OoDlI|ZSB]+(?:[.,:\-/][0-9OoDlI|ZSB]+)*(?![A-Za-z])")
# A space OCR sees between two digits is the gap of figures set wide ("９６．５"), not a
# space anyone typed in a figure.
_SPACED_DIGITS = re.compile(r"(?<=\d) (?=\d)")
_DATE_LEFTOVERS = re.compile(r"[年月日号至到—\-~]*")


@dataclass(frozen=True)
class Blank:
    """What a definition says about one blank: the label a message names, unit, options, max."""

    label: str
    unit: str | None = None
    options: tuple[str, ...] = ()
    max_score: float | None = None


@dataclass(frozen=True)
class Written:
    """The text found in one blank, with what the definition says about the blank."""

    raw: str
    blank: Blank

    @property
    def text(self) -> str:
        """Return the raw text in half-width characters, trimmed."""
        return half_width(self.raw).strip()

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
        return ValueProblem(f"{self.blank.label}：{problem}", code=code)


class Kind:
    """A field kind: how its blanks are read, written, printed empty and filed in a summary.

    A subclass sets the class attributes and implements ``read`` (and ``write`` where a
    value is not written as plain text).
    """

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""  # what a message calls it: "金额", "日期"
    # The units a definition may give its blanks; None: any measure word ("人", "台").
    units: ClassVar[tuple[str, ...] | None] = ()
    takes_options: ClassVar[bool] = False
    # What suggests this kind for a blank: words in its label, units printed beside it.
    label_words: ClassVar[tuple[str, ...]] = ()
    unit_words: ClassVar[tuple[str, ...]] = ()
    # What a figure of this kind may end with as written ("元", "万", "%"): a list cell so
    # ending is data, never a column title.
    written_endings: ClassVar[tuple[str, ...]] = ()
    sums: ClassVar[bool] = False  # a summary adds its column up in a total row
    figures: ClassVar[bool] = False  # a summary sets its numbers flush right
    long_text: ClassVar[bool] = False  # paragraphs: a summary files them beside the table
    # Known by its look, without a sub-label: a date on the last lines of an opinion cell.
    known_by_look: ClassVar[bool] = False
    overflow_code: ClassVar[str] = "bad_number"
    # Written in figures (numbers, dates, phones): letters read off a scan for digits are
    # digits (``digits_from_image``).
    written_in_figures: ClassVar[bool] = False

    def __repr__(self) -> str:
        return f"<kind {self.name}>"

    # -- reading ----------------------------------------------------------------------

    def parse(self, raw: str | None, blank: Blank, *, printed_unit: str | None = None,
              from_image: bool = False) -> Any:
        """Return the normalised value of the text in `blank`, None when it was left empty.

        `printed_unit` is a unit the school's copy prints beside the label instead of the
        definition's (a money kind reads the amount in it). `from_image` says the text was
        read by OCR off a scan: a kind written in figures then reads look-alike letters in
        its figures as the digits they stand for.
        """
        if raw is None or is_left_empty(raw):
            return None
        if from_image and self.written_in_figures:
            raw = digits_from_image(raw)
        self.check_definition(blank)
        written = Written(raw, blank)
        try:
            value = self.read(written)
        except ArithmeticError:
            # Digits beyond any real amount or count (a hundred septillion) overflow.
            raise written.fail(self.overflow_code,
                               f"数值“{written.quoted}”超出合理范围，无法识别") from None
        # Text that is only a printed list ("1.\n\n2.", "……") was left empty.
        return None if value == "" else value

    def read(self, written: Written) -> Any:
        """Return the value of text that is not empty; raise ValueProblem when unreadable."""
        raise NotImplementedError

    def printed_unit(self, label_tail: str) -> str | None:
        """Return a unit of this kind printed after a school's label ("（万元）"), else None."""
        return None

    # -- known by its look (``known_by_look``): found on a line without a label ----------

    def written_at_end(self, line: str) -> tuple[int, str] | None:
        """Return where a value of this kind written at the end of `line` starts, and it."""
        return None

    def left_empty_at_end(self, line: str) -> tuple[int, str] | None:
        """Return where this kind's printed blank, left empty, ends `line` after a gap, and it."""
        return None

    def printed_line(self, line: str) -> str | None:
        """Return `line` as this kind's printed blank line, filled or not, else None."""
        return None

    # -- the definition ---------------------------------------------------------------

    def definition_problem(self, unit: str | None, options: Sequence[str]
                           ) -> tuple[str, str] | None:
        """Return (code, message) when a definition gives a unit or options this kind refuses."""
        if unit and self.units is not None and unit not in self.units:
            if not self.units:
                return "bad_unit", f"{self.title}不带单位，不应写单位“{unit}”"
            allowed = "或".join(f"“{u}”" for u in self.units)
            return "bad_unit", f"{self.title}的单位应为{allowed}，不是“{unit}”"
        if options and not self.takes_options:
            return "bad_options", f"{self.title}没有选项，不应列出 options"
        return None

    def check_definition(self, blank: Blank) -> None:
        """Raise DefinitionError when `blank`'s unit or options do not suit this kind."""
        problem = self.definition_problem(blank.unit, blank.options)
        if problem is not None:
            code, message = problem
            raise DefinitionError(f"{blank.label}：{message}", code=code)

    # -- writing ----------------------------------------------------------------------

    def render(self, value: Any, blank: Blank) -> str:
        """Return `value` as the blank shows it to a Chinese reader; None gives the empty text."""
        if value is None:
            return self.empty_text(blank)
        return self.write(value, blank)

    def write(self, value: Any, blank: Blank) -> str:
        """Return a value that is not None as text (plain numbers without a trailing .0)."""
        if isinstance(value, float | Decimal):
            return str(as_plain_number(value))
        return str(value)

    def empty_text(self, blank: Blank) -> str:
        """Return what the blank prints before anyone writes in it ("" for most kinds)."""
        return ""

    def prefill_text(self, value: Any, blank: Blank) -> str:
        """Return what a pre-filled copy shows for a roster's `value`; text stays as written."""
        if value is None:
            return self.empty_text(blank)
        if isinstance(value, str):
            return value.strip()
        return self.render(value, blank)

    def message_text(self, value: Any, blank: Blank) -> str:
        """Return `value` as a message to the office quotes it: "283,750 元", "智慧校园"."""
        try:
            text = self.render(value, blank)
        except ValueProblem:
            text = str(value)
        return text or str(value)

    # -- summaries --------------------------------------------------------------------

    def number_format(self, unit: str | None) -> str | None:
        """Return the Excel number format of a summary column of this kind, None for General."""
        return None

    def cell_value(self, value: Any, unit: str | None) -> tuple[Any, str | None]:
        """Return what a summary cell holds for `value`, and its number format."""
        return value, None


def with_unit(blank: Blank, unit: str) -> Blank:
    """Return `blank` as if its definition gave it `unit`."""
    return replace(blank, unit=unit)


def half_width(text: str) -> str:
    """Return `text` with full-width ASCII and the ideographic space made half-width."""
    return text.translate(_HALF_WIDTH)


def digits_from_image(text: str) -> str:
    """Return `text` with letters OCR read for digits in its runs of figures made digits.

    "2O23年" → "2023年", "l38 O577 l234" → "13805771234" (a space between two digits goes:
    OCR cannot tell it from the gap of wide-set figures); a run with no real digit, or
    with another letter beside it ("RMBX150", "ISO"), is left as it is.
    """
    def repaired(match: re.Match[str]) -> str:
        run = match.group(0)
        return run.translate(_DIGIT_LOOKALIKES) if any(c.isdigit() for c in run) else run

    return _SPACED_DIGITS.sub("", _FIGURE_RUN.sub(repaired, text))


def is_left_empty(raw: str) -> bool:
    """Tell whether a blank holds only spaces or what the form itself prints in it."""
    compact = "".join(half_width(raw).split())
    compact = _WORD_PROMPTS.sub("", compact)
    compact = SEAL_WORDS.sub("", compact).replace("_", "").replace("…", "")
    compact = _EMPTY_BRACKETS.sub("", compact)
    if not compact:
        return True
    # "年  月  日" and "年 月 至 年 月" are printed; a lone dash is something a school wrote.
    return _DATE_LEFTOVERS.fullmatch(compact) is not None and any(c in compact for c in "年月日")


def as_plain_number(value: Any) -> int | float:
    """Return a whole number as int, any other as float: 15.0 → 15, 15.5 → 15.5."""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    return int(number) if number == number.to_integral_value() else float(number)
