"""Marks: yes/no (□是 □否, or another printed pair) and choice (one of the printed options).

A school ticks a box (☑ ■ √ ✓ ● ...), writes a tick beside an option, deletes the options
it does not mean or writes the option alone; a circled number ("②") chooses its option.
An empty blank prints each option after an empty box, "□是   □否", the box the official
attachments print; a filled one ticks the chosen box, "☑是   □否".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from forms.errors import ValueProblem
from forms.kinds.base import Blank, Kind, Written, half_width

EMPTY_BOX = "□"
TICKED_BOX = "☑"
_BETWEEN_OPTIONS = "   "
_MARKED = frozenset("☑☒■√✓✔●▣◉✗✘")
_UNMARKED = frozenset("□☐○◯")
_SPACING = frozenset(" \t\r\n\v\f、,;/|。.；，\u3000")
_CIRCLED_NUMBERS = "\u2460-\u2487\u2776-\u277f"
# Brackets around a box ("（√）是") and circled numbers beside a mark ("①☑…") say nothing
# about which option the mark belongs to.
_IGNORED_BESIDE_MARKS = re.compile(rf"[()\[\]【】{_CIRCLED_NUMBERS}]")
_LEADING_CIRCLED_NUMBER = re.compile(rf"^[{_CIRCLED_NUMBERS}]\s*")
# What numbers an option as printed: "②", "A ", "B．", "3."; the record keeps the words only.
_LEADING_OPTION_NUMBER = re.compile(
    rf"^(?:[{_CIRCLED_NUMBERS}]\s*|[A-Za-z](?:\s+|[.．、)）]\s*)|\d{{1,2}}[.．、)）]\s*)(?=\S)")
_YES_NO = ("是", "否")


class _MarkKind(Kind):
    """A blank answered by marking one of its printed options."""

    takes_options = True

    def options_of(self, blank: Blank) -> tuple[str, ...]:
        """Return the options the blank prints."""
        return blank.options

    def empty_text(self, blank: Blank) -> str:
        """Return every printed option after an empty box: "□是   □否"."""
        return _boxes(self.options_of(blank), None)

    def prefill_text(self, value: Any, blank: Blank) -> str:
        """Return a roster's answer ("是", "普通高中") as the blank shows it."""
        if isinstance(value, str):
            try:
                value = self.parse(value, blank)
            except ValueProblem:
                pass
        return super().prefill_text(value, blank)


class YesNoKind(_MarkKind):
    """Yes or no: True, False, or None when neither is marked."""

    name, title = "yesno", "是/否"
    label_words = ("是否",)
    unit_words = ("□是□否",)

    def definition_problem(self, unit: str | None, options: Sequence[str]
                           ) -> tuple[str, str] | None:
        if options and len(options) != 2:
            return "bad_options", f"是/否 空格应有两个选项，而不是 {len(options)} 个"
        return super().definition_problem(unit, options)

    def options_of(self, blank: Blank) -> tuple[str, ...]:
        """Return the printed pair: 是/否 unless the definition prints another (有/无)."""
        return blank.options or _YES_NO

    def read(self, written: Written) -> bool | None:
        chosen = _chosen_option(written, self.options_of(written.blank))
        return None if chosen is None else chosen == 0

    def write(self, value: Any, blank: Blank) -> str:
        return _boxes(self.options_of(blank), 0 if value else 1)


class ChoiceKind(_MarkKind):
    """One of the printed options, as its text without its number (①, A, 1.)."""

    name, title = "choice", "选择题"

    def definition_problem(self, unit: str | None, options: Sequence[str]
                           ) -> tuple[str, str] | None:
        if not options:
            return "bad_options", "选择题没有列出选项"
        return super().definition_problem(unit, options)

    def read(self, written: Written) -> str | None:
        options = written.blank.options
        chosen = _chosen_option(written, options)
        return None if chosen is None else bare_option(options[chosen])

    def write(self, value: Any, blank: Blank) -> str:
        if not blank.options:
            return str(value)
        bare = [bare_option(option) for option in blank.options]
        if value not in bare:
            listed = "、".join(bare)
            raise ValueProblem(f"“{value}”不是可选项，应为：{listed}", code="unknown_option")
        return _boxes(blank.options, bare.index(value))

    def render(self, value: Any, blank: Blank) -> str:
        """Return the options with the chosen one ticked; a choice never defined prints as is."""
        if not blank.options:
            return "" if value is None else str(value)
        return super().render(value, blank)


def bare_option(option: str) -> str:
    """Return an option as printed without its number: "②区域智慧教育", "A 特别困难" → the words."""
    return _LEADING_OPTION_NUMBER.sub("", option.strip())


def _boxes(options: Sequence[str], chosen: int | None) -> str:
    return _BETWEEN_OPTIONS.join((TICKED_BOX if i == chosen else EMPTY_BOX) + option.strip()
                                 for i, option in enumerate(options))


def _chosen_option(written: Written, options: tuple[str, ...]) -> int | None:
    """Return which printed option the text marks or leaves standing; None if none is marked."""
    text = written.text
    spans = _locate_options(text, options)
    gaps = _gaps_between(text, spans)
    if not spans or any(
        c not in _MARKED and c not in _UNMARKED and c not in _SPACING
        for gap in gaps
        for c in gap
    ):
        listed = "、".join(bare_option(option) for option in options)
        raise written.fail("unknown_option", f"“{written.quoted}”不是可选项，应为：{listed}")
    marked = _marked_options(written, gaps, [option for _, _, option in spans])
    if len(marked) > 1:
        raise written.fail("ambiguous_mark", f"“{written.quoted}”勾选了不止一项")
    if marked:
        return marked.pop()
    standing = {option for _, _, option in spans}
    if len(standing) == len(options):
        return None
    if len(standing) > 1:
        raise written.fail("ambiguous_mark",
                           f"“{written.quoted}”保留了不止一项，无法确定选的是哪一项")
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

    by_length = sorted(range(len(options)), key=lambda i: -len(bare_option(options[i])))
    found = set()
    for index in by_length:
        option = half_width(options[index]).strip()  # as the text it is looked for in
        bare = bare_option(option)
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


def _marked_options(written: Written, gaps: list[str], options_in_order: list[int]) -> set[int]:
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
                raise written.fail("ambiguous_mark", f"无法确定“{written.quoted}”勾选的是哪一项")
    return marked
