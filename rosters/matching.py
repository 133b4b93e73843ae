"""Match the school or unit name written in a returned file to a row of the roster.

Names are compared in their canonical spelling (``rosters/school_names.py``): looked up
exactly first, allowing place prefixes (瑞安市, 塘下镇 ...) that one side leaves out; only
what is still unmatched goes through rapidfuzz, and a fuzzy match must clear the name gates
(same kind, same numbers, no other designation, a similar distinctive name).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from forms.labels import label_key
from rosters.roster import Roster, RosterRow
from rosters.school_names import (
    MIN_CONTAINED_CHARS,
    SchoolName,
    name_similarity,
    name_variants,
    parse_school_name,
    places_within,
)

# Scores are 0–100 (rapidfuzz's normalised Indel similarity). A one-character slip in a
# full name such as 瑞安市塘下镇罗风中学 scores about 90, while two different schools of
# one town that differ in a two-character name (新华 / 海安) score about 80 before the
# gates; 85 accepts the first and, with the gates, never the second.
ACCEPT_SCORE = 85.0
# Below this a roster name is not worth showing as a candidate at all.
CLOSE_SCORE = 70.0
# The best must lead the runner-up by this much, or the clerk is asked to choose.
MARGIN = 8.0
MAX_CANDIDATES = 8

_FUZZY_POOL = 20
_CONTAINED_POOL = 200
_EXTRA_ACCEPT = 75.0
_EXTRA_MARGIN = 10.0


@dataclass(frozen=True)
class Match:
    """What a written school name matched in the roster, or why it did not."""

    row: RosterRow | None
    score: float
    candidates: tuple[RosterRow, ...] = ()
    problem: str | None = None
    message: str | None = None


@dataclass
class _School:
    written: str
    name: SchoolName
    rows: list[RosterRow] = field(default_factory=list)


class SchoolMatcher:
    """Find the roster row a returned file belongs to from the school name written in it."""

    def __init__(
        self,
        roster: Roster,
        *,
        name_header: str = "学校名称",
        extra_headers: Sequence[str] = (),
    ) -> None:
        self.name_header = name_header
        self.extra_headers = tuple(extra_headers)
        self._schools: list[_School] = []
        by_full: dict[str, int] = {}
        for row in roster.rows:
            written = _text(row.get(name_header))
            name = parse_school_name(written)
            if not name.full:
                continue
            index = by_full.get(name.full)
            if index is None:
                index = by_full[name.full] = len(self._schools)
                self._schools.append(_School(written, name))
            self._schools[index].rows.append(row)
        self._by_full = by_full
        self._by_variant: dict[str, list[int]] = {}
        self._by_shortened: dict[str, list[int]] = {}
        for index, school in enumerate(self._schools):
            for variant, dropped in name_variants(school.name):
                table = self._by_shortened if dropped else self._by_variant
                hits = table.setdefault(variant, [])
                if not hits or hits[-1] != index:
                    hits.append(index)
        self._fulls = [s.name.full for s in self._schools]
        self._bares = [s.name.bare for s in self._schools]
        self._key_cores = [s.name.key_core for s in self._schools]
        self._full_text, self._full_starts = _joined(self._fulls)
        self._bare_text, self._bare_starts = _joined(self._bares)

    def match(self, name: str | None, *, extra: Mapping[str, str] | None = None) -> Match:
        """Return the roster row school `name` refers to, using `extra` to pick among its rows."""
        written = _text(name)
        wanted = parse_school_name(written)
        if not wanted.full:
            return Match(None, 0.0, problem="unmatched",
                         message="没有填写学校名称，无法与名单对应")
        scored = self._exact(wanted) or self._fuzzy(wanted)
        scored.sort(key=lambda pair: -pair[1])
        if not scored or scored[0][1] < CLOSE_SCORE:
            best = scored[0][1] if scored else 0.0
            return Match(None, best, problem="unmatched",
                         message=f"学校“{written}”在名单里找不到相近的名称")
        best = scored[0][1]
        # Below ACCEPT_SCORE nothing is chosen, so every close name is worth showing.
        floor = best - MARGIN if best >= ACCEPT_SCORE else CLOSE_SCORE
        close = [i for i, score in scored if score >= max(CLOSE_SCORE, floor)]
        close = close[:MAX_CANDIDATES]
        values = self._extra_values(extra)
        if best >= ACCEPT_SCORE and len(close) == 1:
            return self._within_school(written, self._schools[close[0]], best, values)
        if best >= ACCEPT_SCORE and values:
            rows = [row for i in close for row in self._schools[i].rows]
            chosen = _pick_by_extra(rows, values)
            if chosen is not None:
                return Match(chosen, best)
        candidates = tuple(row for i in close for row in self._schools[i].rows)
        names = "、".join(self._schools[i].written for i in close)
        if len(close) == 1:
            message = f"学校“{written}”与名单中的“{names}”相近但不一致，请核对"
        else:
            message = f"学校“{written}”与名单中多所学校相近：{names}，请核对"
        return Match(None, best, candidates, "ambiguous", message)

    def _exact(self, wanted: SchoolName) -> list[tuple[int, float]]:
        index = self._by_full.get(wanted.full)
        if index is not None:
            return [(index, 100.0)]
        # The written name may carry outer places the roster leaves out (浙江省温州市...);
        # drop them one by one, but a generic name (中心小学, 第一中学) keeps its innermost
        # place, since that place is what tells it apart.
        droppable = len(wanted.places) - (0 if wanted.stem else 1)
        for dropped in range(max(droppable, 0) + 1):
            kept = wanted.places[dropped:]
            text = "".join(p.full for p in kept) + wanted.core
            for table in (self._by_variant, self._by_shortened):
                hits = table.get(text, [])
                if dropped:
                    hits = [i for i in hits
                            if places_within(self._schools[i].name.places, wanted.places)]
                if hits:
                    return [(i, 100.0) for i in hits]
        return []

    def _fuzzy(self, wanted: SchoolName) -> list[tuple[int, float]]:
        pool: set[int] = set()
        for query, choices in ((wanted.full, self._fulls), (wanted.bare, self._bares),
                               (wanted.key_core, self._key_cores)):
            for _, _, index in process.extract(query, choices, scorer=fuzz.ratio,
                                               limit=_FUZZY_POOL, score_cutoff=CLOSE_SCORE):
                pool.add(index)
        pool.update(_containing(wanted.full, self._full_text, self._full_starts))
        pool.update(_containing(wanted.bare, self._bare_text, self._bare_starts))
        scored = []
        for index in pool:
            score = name_similarity(wanted, self._schools[index].name)
            if score is not None:
                scored.append((index, score))
        return scored

    def _within_school(
        self, written: str, school: _School, score: float, values: dict[str, str]
    ) -> Match:
        if len(school.rows) == 1:
            return Match(school.rows[0], score)
        if values:
            chosen = _pick_by_extra(school.rows, values)
            if chosen is not None:
                return Match(chosen, score)
        rows = "、".join(self._describe(row) for row in school.rows)
        who = (f"学校“{written}”" if written == school.written
               else f"学校“{written}”对应名单中的“{school.written}”，该校")
        if values:
            given = "、".join(f"{header}“{value}”" for header, value in values.items())
            ask = f"{given}与其中任何一行都对不上，请核对"
        elif self.extra_headers:
            ask = f"请注明{'、'.join(self.extra_headers)}"
        else:
            ask = "请核对"
        message = f"{who}在名单中有{len(school.rows)}行：{rows}，{ask}"
        return Match(None, score, tuple(school.rows), "ambiguous", message)

    def _describe(self, row: RosterRow) -> str:
        values = [_text(row.get(header)) for header in self.extra_headers]
        values = [v for v in values if v]
        return "/".join(values) if values else f"名单第{row.position}行"

    def _extra_values(self, extra: Mapping[str, str] | None) -> dict[str, str]:
        if not extra:
            return {}
        wanted = {label_key(h): h for h in self.extra_headers}
        return {wanted[label_key(k)]: _text(v) for k, v in extra.items()
                if label_key(k) in wanted and _text(v)}



def _joined(texts: list[str]) -> tuple[str, list[int]]:
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + 1
    return "\n".join(texts), starts


def _containing(text: str, joined: str, starts: list[int]) -> set[int]:
    """Return the indexes of the names in `joined` that contain `text` whole."""
    found: set[int] = set()
    if len(text) < MIN_CONTAINED_CHARS:
        return found
    position = joined.find(text)
    while position >= 0 and len(found) < _CONTAINED_POOL:
        found.add(bisect_right(starts, position) - 1)
        position = joined.find(text, position + 1)
    return found


def _pick_by_extra(rows: Sequence[RosterRow], values: dict[str, str]) -> RosterRow | None:
    """Return the one row whose `values` columns agree with what the file says, if any."""
    scored = []
    for row in rows:
        total = 0.0
        for header, value in values.items():
            total += fuzz.ratio(_plain(value), _plain(_text(row.get(header))))
        scored.append((total / len(values), row))
    scored.sort(key=lambda pair: -pair[0])
    best = scored[0][0] if scored else 0.0
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    if best >= _EXTRA_ACCEPT and best - runner_up >= _EXTRA_MARGIN:
        return scored[0][1]
    return None


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PSZC")


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()
