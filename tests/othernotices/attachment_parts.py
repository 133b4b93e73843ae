"""The parts every attachment here is made of: the page, printed lines with blanks, opinion
cells, and a form's list of blanks with the record a reader writes for each return.

A form module writes its layout once, as a function of what a school typed (`Typed`): with
nothing typed it is the bureau's blank attachment, with a case's values it is that school's
return, so a return is always the blank with text typed into it.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for the corpus kit
from corpuskit.cells import Block, Cell, label, value
from corpuskit.content import Inline, Para, Run
from corpuskit.documents import Blank
from corpuskit.tables import filled
from corpuskit.wordml import Hand, Spacing

Typed = dict[str, Any]  # blank key -> str, inline items, paragraphs; missing: left as printed
PAGE = Blank(
    "宋体",
    10.5,
    (2.54, 2.54, 2.8, 2.8),
    author="jyj",
    created=dt.datetime(2024, 2, 26, 9, 0),
    revision=2,
)
BLANK_SAVED = dt.datetime(2024, 2, 26, 16, 30)
DATE_PRINTED = "年    月    日"


@dataclass(frozen=True)
class Slot:
    """A blank on a printed line: the underscores (or spaces) printed for it."""

    key: str
    printed: str = "______________"


def _inline(typed: Any) -> list[Inline]:
    if isinstance(typed, str):
        return [typed]
    return list(typed)


def line(
    typed: Typed,
    *parts: Inline | Slot,
    align: str = "",
    size: float | None = None,
    bold: bool | None = None,
) -> Para:
    """Return a printed line: text, and blanks holding what was typed or their underscores."""
    runs: list[Inline] = []
    for part in parts:
        if isinstance(part, Slot):
            got = typed.get(part.key)
            runs.extend([part.printed] if got is None else _inline(got))
        else:
            runs.append(part)
    return Para(runs, align=align, size=size, bold=bold)


def cell(typed: Typed, key: str, span: int = 1, **more: Any) -> Cell:
    """Return a value cell holding what was typed for `key` (empty as printed)."""
    got = typed.get(key)
    if got is None or isinstance(got, str):
        return value(got, span=span, **more)
    items = list(got)
    if items and all(isinstance(item, Para) for item in items):
        return value(items, span=span, **more)
    return value([Para(items)], span=span, **more)


def boxes(typed: Typed, key: str, printed: str) -> list[Inline]:
    """Return a printed "□是   □否" (or options line) as printed, or as the school marked it."""
    got = typed.get(key)
    return [printed] if got is None else _inline(got)


def opinion(
    typed: Typed,
    key: str,
    span: int,
    *,
    signer: str = "负责人：",
    seal: str = "（盖章）",
    tall: int = 2,
) -> Cell:
    """Return an opinion cell: the opinion, then the signer, the seal and the date lines.

    Keys: `key` the opinion, `key`_signer the name after the signer label, `key`_date the
    date typed over (or beside) the printed 年 月 日.
    """
    body: list[Para] = []
    text = typed.get(key)
    if text is None:
        body += [Para([""]) for _ in range(tall)]
    else:
        body += [Para([piece]) for piece in text.split("\n")]
    signed = typed.get(f"{key}_signer")
    body.append(
        Para(
            [signer, *([] if signed is None else _inline(signed)), "        ", seal], align="right"
        )
    )
    date = typed.get(f"{key}_date")
    body.append(Para([DATE_PRINTED] if date is None else _inline(date), align="right"))
    return Cell(body, span=span, valign="top")


def labels(*texts: str, span: int = 1) -> list[Cell]:
    """Return printed label cells."""
    return [label(text, span=span) for text in texts]


def underlined(text: str, pad: str = "____") -> list[Inline]:
    """Return `text` typed between the printed underscores, underlined as Word shows it."""
    return [pad, Run(text, underline=True), pad]


@dataclass
class Case:
    """One school's return: what it typed, when it saved, and what a reader writes down.

    `fields` maps (label, column) to the normalised value; blanks not named are null.
    `rows` maps a repeating table's index in the form's `tables` to its filled rows.
    """

    name: str
    typed: Typed
    fields: dict[tuple[str, str | None], Any]
    rows: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    saved: dt.datetime = dt.datetime(2024, 3, 8, 10, 0)
    how: str = ""


@dataclass
class Form:
    """An attachment: its folder, the notice it is based on, its layout and its returns.

    `blanks` are the (label, column) of every blank outside repeating tables, in reading
    order; `tables` the printed headers of each repeating table.
    """

    folder: str
    title: str
    source: str
    layout: Callable[[Typed], list[Block]]
    blanks: Sequence[tuple[str, str | None]]
    tables: Sequence[Sequence[str]] = ()
    cases: Sequence[Case] = ()

    def document(self, typed: Typed, saved: dt.datetime) -> bytes:
        """Return the attachment holding `typed`, saved at `saved`: same bytes every run."""
        hand = Hand(
            spacing=Spacing(300, before_after=False), author="学校", date="2024-03-06T09:00:00Z"
        )
        return filled(PAGE, self.layout(typed), hand, saved)

    def expected(self, case: Case) -> dict[str, Any]:
        """Return what a person reading `case` writes down, every blank in order."""
        unknown = set(case.fields) - set(self.blanks)
        if unknown:
            raise KeyError(f"{self.folder}/{case.name}: not blanks of the form: {sorted(unknown)}")
        fields = [
            {"label": name, "column": column, "value": case.fields.get((name, column))}
            for name, column in self.blanks
        ]
        tables = []
        for number, headers in enumerate(self.tables):
            rows = case.rows.get(number, [])
            for row in rows:
                if set(row) - set(headers):
                    raise KeyError(f"{self.folder}/{case.name}: row names {sorted(row)}")
            tables.append(
                {
                    "headers": list(headers),
                    "rows": [{h: row.get(h) for h in headers} for row in rows],
                }
            )
        return {"attachment": "blank.docx", "fields": fields, "tables": tables}
