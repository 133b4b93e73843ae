"""Field kinds: each kind one object that reads, writes, prints and files its blanks.

A kind (money, date, yes/no, ...) reads the text written in a blank into a normalised value
and writes a value back; it says what an empty blank prints, which Excel number format its
summary column has and whether the column is totalled, and which label words and units
suggest it. One module per family: ``numbers`` (integer, number, percent, score, money),
``dates`` (date, period, year), ``marks`` (yes/no, choice), ``text`` (text, long text,
phone, e-mail); ``registry`` finds a kind by its name. A definition's blanks carry their
kind object (``FieldSpec.value_kind``), resolved and checked when the definition is loaded.
"""

from forms.kinds.base import Blank, Kind
from forms.kinds.marks import EMPTY_BOX, TICKED_BOX
from forms.kinds.registry import KINDS, format_value, kind_named, parse_value, suggest_kind

__all__ = [
    "EMPTY_BOX",
    "KINDS",
    "TICKED_BOX",
    "Blank",
    "Kind",
    "format_value",
    "kind_named",
    "parse_value",
    "suggest_kind",
]
