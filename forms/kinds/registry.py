"""Every field kind by the name a definition gives it, and what a label suggests.

``KINDS`` maps a kind's name ("money") to its one object. ``parse_value`` and
``format_value`` read and write by name, for callers that hold a name rather than a loaded
definition (tests, a fuzzer).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

from forms.errors import DefinitionError, ValueProblem
from forms.kinds.base import Blank, Kind
from forms.kinds.dates import DateKind, PeriodKind, YearKind
from forms.kinds.marks import ChoiceKind, YesNoKind
from forms.kinds.numbers import IntegerKind, MoneyKind, NumberKind, PercentKind, ScoreKind
from forms.kinds.text import EmailKind, LongTextKind, PhoneKind, TextKind

KINDS: Mapping[str, Kind] = MappingProxyType({
    kind.name: kind
    for kind in (
        TextKind(), LongTextKind(), MoneyKind(), DateKind(), PeriodKind(), YearKind(),
        PhoneKind(), EmailKind(), IntegerKind(), NumberKind(), PercentKind(), ScoreKind(),
        YesNoKind(), ChoiceKind(),
    )
})
_BRACKETED = re.compile(r"[（(]([^（）()]*)[)）]")
_SPACES = re.compile(r"\s+")


def kind_named(name: str) -> Kind:
    """Return the kind called `name` ("money"); DefinitionError when there is none."""
    try:
        return KINDS[name]
    except KeyError:
        raise DefinitionError(f"未知的字段种类“{name}”", code="unknown_kind") from None


def parse_value(
    kind: str,
    raw: str | None,
    *,
    label: str,
    unit: str | None = None,
    options: Sequence[str] = (),
    max_score: float | None = None,
) -> Any:
    """Turn the text found in a blank of kind `kind` into its normalised value, None if empty."""
    found = KINDS.get(kind)
    if found is None:
        raise ValueProblem(f"{label}：未知的字段种类“{kind}”", code="unknown_kind")
    return found.parse(raw, Blank(label, unit, tuple(options), max_score))


def format_value(
    kind: str, value: object, *, unit: str | None = None, options: Sequence[str] = ()
) -> str:
    """Write `value` of kind `kind` as a Chinese reader expects it in the blank."""
    found = KINDS.get(kind)
    if found is None:
        raise ValueProblem(f"未知的字段种类“{kind}”", code="unknown_kind")
    return found.render(value, Blank("", unit, tuple(options)))


def suggest_kind(label: str, printed: str = "") -> Kind | None:
    """Return the kind a blank's label (and the text printed in it) suggests; None: text.

    A unit in brackets ("（万元）", "（台）") or printed in the blank ("□是 □否", "%") names
    its kind outright; else the longest label word of any kind decides ("起止时间" is a
    period, not a date).
    """
    units = [_SPACES.sub("", u) for u in _BRACKETED.findall(label)]
    units.append(_SPACES.sub("", printed))
    for unit in units:
        for kind in KINDS.values():
            if unit and unit in kind.unit_words:
                return kind
    words = _BRACKETED.sub("", label)
    best: tuple[int, Kind] | None = None
    for kind in KINDS.values():
        for word in kind.label_words:
            if word in words and (best is None or len(word) > best[0]):
                best = (len(word), kind)
    return None if best is None else best[1]
