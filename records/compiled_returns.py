"""Choose the returns a compiled form lists: the latest of each, those asked for, in order.

A county's 申报汇总表 lists its applicants' 申请表 (``generator/compiled.py`` writes it). Which
returns it lists is the store's to say: the latest version of each, those whose blank or
roster column equals (``=``) or contains (``~``) what the office asks (``县市区=衡南县``,
``申报单位~衡南县``), in the roster's order (then as received). A return with problems is
left out unless asked for — the office forwards what is complete — and each one left out is
named with why. The roster is the one given, else the one the store keeps for the form's
campaign; a return not matched to a roster row has no roster columns. When that campaign is
a city's across its counties (records/levels.py), only the returns a county forwarded are
listed, each carrying the opinions written on it; the others are named as not forwarded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from forms.errors import TianbiaoError
from forms.labels import label_key
from forms.model import FieldSpec, FormSpec
from parsers.record import Record
from records.store import Store
from records.summary_columns import STATUS_WORDS
from rosters.roster import Roster, RosterRow

_CONDITION = re.compile(r"^\s*([^=~]+?)\s*([=~])\s*(.*?)\s*$")
_LATER = 10**9  # the place of a return matched to no roster row: after the roster's


@dataclass(frozen=True)
class Condition:
    """One `--where`: a blank or roster column, and the text it equals or contains."""

    name: str
    value: str
    contains: bool = False

    def __str__(self) -> str:
        return f"{self.name}{'~' if self.contains else '='}{self.value}"


def parse_condition(text: str) -> Condition:
    """Return the condition `text`: "县市区=衡南县" (equals), "申报单位~衡南县" (contains)."""
    found = _CONDITION.match(text)
    if found is None or not found[3]:
        raise TianbiaoError(f"条件“{text}”看不懂：写成 栏目=值（等于）或 栏目~值（包含），"
                            "如 县市区=衡南县", code="bad_condition")
    return Condition(found[1], found[3], found[2] == "~")


@dataclass
class ChosenReturns:
    """The returns a compiled form lists, in order, and those left out with why."""

    returns: list[Record] = field(default_factory=list)
    left_out: list[tuple[Record, str]] = field(default_factory=list)
    roster: Roster | None = None
    with_problems: int = 0  # returns listed although they have problems


class ReturnValues:
    """What a return says under a name: a blank of its form, or a column of its roster row."""

    def __init__(self, source: FormSpec, roster: Roster | None) -> None:
        self.source = source
        self.roster = roster
        self.rows: dict[str, RosterRow] = {r.key: r for r in roster.rows} if roster else {}

    def getter(self, name: str) -> Callable[[Record], str | None]:
        """Return how to read `name` (a blank's id or label, or a roster column) off a return."""
        blank = self._blank(name)
        if blank is not None:
            return lambda record: _as_text(blank, record.value(blank.id))
        header = self._column(name)
        if header is None:
            blanks = "、".join(f.display_label for f in self.source.top_fields() if not f.item)
            columns = (f"；名单的列有：{'、'.join(self.roster.headers)}" if self.roster else
                       "；名单里的列要给出名单（--roster），或先为这张表建立征集")
            raise TianbiaoError(f"“{name}”既不是《{self.source.title}》的空格，也不是名单的列。"
                                f"空格有：{blanks}{columns}", code="unknown_name")

        def from_roster(record: Record) -> str | None:
            row = self.rows.get(record.key or "")
            value = row.get(header) if row is not None else None
            return None if value in (None, "") else str(value)

        return from_roster

    def is_roster_column(self, name: str) -> bool:
        """Return True when `name` is read off the roster, not off the return's blanks."""
        return self._blank(name) is None and self._column(name) is not None

    def on_roster(self, record: Record) -> bool:
        """Return True when `record` is matched to a row of the roster."""
        return (record.key or "") in self.rows

    def place(self, record: Record) -> int:
        """Return where `record`'s roster row stands in the roster (later when it has none)."""
        row = self.rows.get(record.key or "")
        return row.position if row is not None else _LATER

    def _column(self, name: str) -> str | None:
        wanted = label_key(name)
        headers = self.roster.headers if self.roster else []
        return next((h for h in headers if label_key(h) == wanted), None)

    def _blank(self, name: str) -> FieldSpec | None:
        blanks = self.source.fields
        wanted = label_key(name)
        return next((f for f in blanks if f.id == name), None) or next(
            (f for f in blanks if wanted in (label_key(f.label), label_key(f.display_label))),
            None)


def choose_returns(store: Store, source: FormSpec, *, where: Sequence[Condition] = (),
                   roster: Roster | None = None, with_problems: bool = False
                   ) -> ChosenReturns:
    """Return the latest returns of `source` in `store` meeting every condition of `where`."""
    latest = store.latest(source.id)
    if not latest:
        raise TianbiaoError(
            f"数据文件 {store.path} 里还没有《{source.title}》（{source.id}）的任何报送，"
            "无从汇总；请先用 tianbiao ingest 收入各单位交来的文件", code="no_returns")
    roster = roster or campaign_roster(store, source)
    values = ReturnValues(source, roster)
    ordered = sorted(latest, key=lambda s: (values.place(s.record), s.received, s.id))
    records = [s.record for s in ordered]
    chosen = ChosenReturns(roster=roster)
    records = _forwarded_only(store, source, records, chosen)
    if any(values.is_roster_column(c.name) for c in where):
        # Only a return matched to a roster row has the roster's columns: name the others.
        chosen.left_out += [(r, "没有对上名单上的哪一行，无法按名单的列挑选")
                            for r in records if not values.on_roster(r)]
        records = [r for r in records if values.on_roster(r)]
    for condition in where:
        records = _meeting(records, condition, values.getter(condition.name))
    for record in records:
        if record.status == "ok" or (with_problems and record.status != "unreadable"):
            chosen.returns.append(record)
            chosen.with_problems += record.status != "ok"
        else:
            chosen.left_out.append((record, _why(record)))
    return chosen


def campaign_roster(store: Store, source: FormSpec) -> Roster | None:
    """Return the roster the store keeps for `source`'s campaign, if it has one."""
    from records.campaigns import campaigns

    return next((c.roster for c in campaigns(store) if c.form_id == source.id), None)


def _forwarded_only(store: Store, source: FormSpec, records: list[Record],
                    chosen: ChosenReturns) -> list[Record]:
    """Keep the forwarded returns (with their opinions) when the campaign has levels."""
    from records.campaigns import campaigns
    from records.levels import forwarded_returns

    campaign = next((c for c in campaigns(store) if c.form_id == source.id), None)
    if campaign is None or not campaign.has_levels:
        return records
    forwarded = {r.key: r for r in forwarded_returns(store, campaign)}
    chosen.left_out += [(r, "县市区教育局尚未审核转报") for r in records if r.key not in forwarded]
    return [forwarded[r.key] for r in records if r.key in forwarded]


def return_name(source: FormSpec, record: Record) -> str:
    """Return how a message names a return: its school's name, else its file."""
    school = source.school_field
    value = record.value(school.id) if school is not None else None
    return str(value) if value else record.file


def _meeting(records: list[Record], condition: Condition,
             value_of: Callable[[Record], str | None]) -> list[Record]:
    wanted = label_key(condition.value)
    found = [value_of(r) for r in records]
    kept = [r for r, v in zip(records, found, strict=True)
            if v is not None and (wanted in label_key(v) if condition.contains
                                  else label_key(v) == wanted)]
    if not kept:
        seen = "、".join(dict.fromkeys(v for v in found if v)) or "（都没有填写）"
        raise TianbiaoError(f"没有符合 {condition} 的报送；“{condition.name}”有：{seen}",
                            code="none_chosen")
    return kept


def _why(record: Record) -> str:
    state = STATUS_WORDS.get(record.status, record.status)
    problems = "；".join(p.message for p in record.problems[:3])
    more = f"等 {len(record.problems)} 处" if len(record.problems) > 3 else ""
    return f"{state}：{problems}{more}" if problems else state


def _as_text(blank: FieldSpec, value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else blank.value_kind.message_text(value, blank.blank)
