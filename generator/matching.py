"""Match the school or unit name written in a returned file to a row of the roster.

Names are first brought to one canonical spelling (width, spacing, punctuation, the usual
abbreviations, Chinese numerals in 第N), then looked up exactly, allowing place prefixes
(瑞安市, 塘下镇 ...) that one side leaves out; only what is still unmatched goes through
rapidfuzz. A fuzzy match must clear gates that edit distance alone cannot see: the same
school kind (小学 / 中学 ...), the same numbers (第二中学 is not 第五中学), no other
designation (中心小学 is not 实验小学) and a similar distinctive name (新华 is not 海安).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import product

import cn2an
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from forms.labels import label_key
from generator.roster import Roster, RosterRow

# Scores are 0–100 (rapidfuzz's normalised Indel similarity). A one-character slip in a
# full name such as 瑞安市塘下镇罗风中学 scores about 90, while two different schools of
# one town that differ in a two-character name (新华 / 海安) score about 80 before the
# gates; 85 accepts the first and, with the gates, never the second.
ACCEPT_SCORE = 85.0
# Below this a roster name is not worth showing as a candidate at all.
CLOSE_SCORE = 70.0
# The best must lead the runner-up by this much, or the clerk is asked to choose.
MARGIN = 8.0
# A written name of four or more characters found whole inside a roster name ("中心小学",
# "第2中学") is close, but only wins alone: several such roster names make it ambiguous.
CONTAINED_SCORE = 90.0
# Names whose places contradict (平阳县 vs 瑞安市塘下镇, 马屿镇 vs 塘下镇) are often two
# schools sharing a common name (新华小学); the penalty keeps them below ACCEPT_SCORE, so
# they are offered to the clerk but never chosen alone.
PLACE_CONFLICT_PENALTY = 20.0
MAX_CANDIDATES = 8

_FUZZY_POOL = 20
_CONTAINED_POOL = 200
_MIN_CONTAINED_CHARS = 4
_MIN_NAME_SIMILARITY = 0.5
_EXTRA_ACCEPT = 75.0
_EXTRA_MARGIN = 10.0
# Beyond this many places only the innermost ones vary; keeps variants per name bounded.
_VARIED_PLACES = 4

_LABEL = re.compile(r"^(?:学校|单位|填报单位|申报单位|项目单位|项目学校)(?:名称)?[:：]")
_SEAL_NOTE = re.compile(r"[(\[【][^()\[\]【】]*[章印][^()\[\]【】]*[)\]】]|(?:盖章|公章|签章)$")
_NUMERALS = "零〇一二三四五六七八九十百"
_ONE_DIGIT_NUMERALS = "一二三四五六七八九十"
_ABBREVIATED_NUMBERED = re.compile(
    rf"第?([{_NUMERALS}]{{1,4}}|\d{{1,3}})(完小|实小|职中|中|小|幼)(?=$|分校|校区)"
)
_NUMBERED_EXPANSIONS = {
    "完小": "完全小学", "实小": "实验小学", "职中": "职业中学",
    "中": "中学", "小": "小学", "幼": "幼儿园",
}
_THROUGH_TRAIN = re.compile(r"(?:九年|十二年)?一贯制")
_WORD_FOLDS = [
    (re.compile(r"职业中等专业学校|职业中等学校|中等职业学校|职业高级中学|职业高中|职高|职中"),
     "职业中学"),
    (re.compile(r"完小"), "完全小学"),
    (re.compile(r"完中"), "完全中学"),
    (re.compile(r"实小(?!学)"), "实验小学"),
    (re.compile(r"附小(?!学)"), "附属小学"),
    (re.compile(r"附中(?![学心])"), "附属中学"),
    (re.compile(r"中心学校|中心校(?!区)"), "中心小学"),
    (re.compile(r"高级中学"), "高中"),
    (re.compile(r"初级中学"), "初中"),
]
_ORDINAL = re.compile(rf"第([{_NUMERALS}]+)")
_NUMBER = re.compile(r"\d+")
# A leading place: a name of two to six characters and an administrative suffix not
# itself followed by one (许市镇 is one place, not 许市 + 镇). A name holding 学, 校 or 园
# is the school itself (实验小学城区分校 names no place).
_PLACE = re.compile(
    r"([^学校园]{2,6}?)(自治区|自治州|自治县|街道|省|市|县|区|镇|乡)(?![省市县区镇乡])"
)
# Suffixes one place may carry over the years (乡 → 镇 → 街道, 县 → 区); 市 stands alone,
# since 岳阳市 and 岳阳县 are two different places.
_SUFFIX_GROUPS = {"省": "省", "自治区": "省", "市": "市", "自治州": "州", "县": "县", "区": "县",
                  "自治县": "县", "镇": "镇", "乡": "镇", "街道": "镇"}
_KIND = re.compile(r"幼儿园|职业中学|小学|中学|初中|高中|学校")
_KIND_GROUP = {"幼儿园": "幼儿园", "职业中学": "职业中学", "小学": "小学", "中学": "中学",
               "初中": "中学", "高中": "中学", "学校": None}
_DESIGNATION = re.compile(r"中心|实验|附属")
_GENERIC_WORDS = re.compile(r"第\d+|中心|实验|完全|附属|幼儿园|职业中学|小学|中学|初中|高中|学校")


@dataclass(frozen=True)
class Match:
    """What a written school name matched in the roster, or why it did not."""

    row: RosterRow | None
    score: float
    candidates: tuple[RosterRow, ...] = ()
    problem: str | None = None
    message: str | None = None


@dataclass(frozen=True)
class _Place:
    full: str
    bare: str
    suffix: str

    @property
    def identity(self) -> tuple[str, str]:
        return self.bare, _SUFFIX_GROUPS[self.suffix]


@dataclass(frozen=True)
class _Name:
    full: str
    places: tuple[_Place, ...]
    core: str
    stem: str
    kind: str | None
    numbers: tuple[int, ...]
    designations: frozenset[str]

    @property
    def bare(self) -> str:
        return "".join(p.bare for p in self.places) + self.core

    @property
    def named(self) -> str:
        """The part that tells this school from its neighbours: 飞云 in 飞云中心小学."""
        if self.stem or not self.places:
            return self.stem
        return self.places[-1].bare

    @property
    def key_core(self) -> str:
        if self.stem or not self.places:
            return self.core
        return self.places[-1].bare + self.core


@dataclass
class _School:
    written: str
    name: _Name
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
            name = _parse_name(written)
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
            for variant, dropped in _variants(school.name):
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
        wanted = _parse_name(written)
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

    def _exact(self, wanted: _Name) -> list[tuple[int, float]]:
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
                            if _is_subsequence(self._schools[i].name.places, wanted.places)]
                if hits:
                    return [(i, 100.0) for i in hits]
        return []

    def _fuzzy(self, wanted: _Name) -> list[tuple[int, float]]:
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
            score = _similarity(wanted, self._schools[index].name)
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


def _parse_name(text: str) -> _Name:
    """Return `text` in canonical spelling, split into leading places and the school itself."""
    full = canonical_school_name(text)
    places: list[_Place] = []
    position = 0
    while found := _PLACE.match(full, position):
        if found.end() >= len(full):
            break
        places.append(_Place(found.group(0), found.group(1), found.group(2)))
        position = found.end()
    core = full[position:]
    kinds = _KIND.findall(core)
    return _Name(
        full=full,
        places=tuple(places),
        core=core,
        stem=_GENERIC_WORDS.sub("", core),
        kind=_KIND_GROUP[kinds[-1]] if kinds else None,
        numbers=tuple(sorted(int(n) for n in _NUMBER.findall(full))),
        designations=frozenset(_DESIGNATION.findall(core)),
    )


def canonical_school_name(text: str) -> str:
    """Return school name `text` with width, spacing, punctuation and abbreviations folded."""
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    text = _LABEL.sub("", text)
    text = _SEAL_NOTE.sub("", text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PSZC")
    text = _THROUGH_TRAIN.sub("", text)  # its 九 and 一 must not read as school numbers
    text = _ABBREVIATED_NUMBERED.sub(_expand_numbered, text)
    for pattern, replacement in _WORD_FOLDS:
        text = pattern.sub(replacement, text)
    return _ORDINAL.sub(lambda m: f"第{_number(m.group(1))}", text)


def _expand_numbered(found: re.Match[str]) -> str:
    numeral, short = found.group(1), found.group(2)
    if not found.group(0).startswith("第") and not numeral.isdigit():
        # Without 第, only a plain 一…十 run reads as a number (二小, 十一中), not 百 or 零.
        if any(ch not in _ONE_DIGIT_NUMERALS for ch in numeral):
            return found.group(0)
    return f"第{_number(numeral)}{_NUMBERED_EXPANSIONS[short]}"


def _number(numeral: str) -> str:
    if numeral.isdigit():
        return str(int(numeral))
    try:
        return str(cn2an.cn2an(numeral, "smart"))
    except ValueError:
        return numeral


def _variants(name: _Name) -> Iterator[tuple[str, bool]]:
    """Yield the ways `name` may be written with its places in full, bare or left out."""
    places = name.places
    outer, varied = places[:-_VARIED_PLACES], places[-_VARIED_PLACES:]
    options: list[list[str]] = []
    if outer:
        options.append(["".join(p.full for p in outer), ""])
    for position, place in enumerate(varied):
        innermost = position == len(varied) - 1
        # 塘下镇中心小学 may not become 中心小学: the place is the name.
        keep_innermost = innermost and not name.stem
        options.append([place.full, place.bare] if keep_innermost
                       else [place.full, place.bare, ""])
    for choice in product(*options):
        yield "".join(choice) + name.core, "" in choice


def _similarity(wanted: _Name, known: _Name) -> float | None:
    """Return how alike two names are, or None when they cannot be the same school."""
    if wanted.kind and known.kind and wanted.kind != known.kind:
        return None
    if wanted.numbers != known.numbers:
        return None
    # 中心小学 and 实验小学 of one town are two schools; a name with neither may be short.
    if wanted.designations and known.designations and wanted.designations != known.designations:
        return None
    if wanted.named and known.named and not _names_alike(wanted.named, known.named):
        return None
    score = max(fuzz.ratio(wanted.full, known.full), fuzz.ratio(wanted.bare, known.bare),
                fuzz.ratio(wanted.key_core, known.key_core))
    if _contains(wanted.full, known.full) or _contains(wanted.bare, known.bare):
        score = max(score, CONTAINED_SCORE)
    if _places_conflict(wanted.places, known.places):
        score -= PLACE_CONFLICT_PENALTY
    return score


def _names_alike(one: str, other: str) -> bool:
    if one in other or other in one:  # 安阳 / 安阳教育集团
        return True
    # Levenshtein, not Indel: 罗风/罗凤 is one slip (0.5), 乐华/莘乐 two (0.0).
    return Levenshtein.normalized_similarity(one, other) >= _MIN_NAME_SIMILARITY


def _contains(one: str, other: str) -> bool:
    shorter, longer = sorted((one, other), key=len)
    return len(shorter) >= _MIN_CONTAINED_CHARS and shorter in longer


def _places_conflict(ours: tuple[_Place, ...], theirs: tuple[_Place, ...]) -> bool:
    """Return whether each side names a place the other lacks (马屿镇 vs 塘下镇)."""
    our_places = {p.identity for p in ours}
    their_places = {p.identity for p in theirs}
    return bool(our_places - their_places) and bool(their_places - our_places)


def _is_subsequence(short: tuple[_Place, ...], long: tuple[_Place, ...]) -> bool:
    places = iter(p.identity for p in long)
    return all(any(p.identity == q for q in places) for p in short)


def _joined(texts: list[str]) -> tuple[str, list[int]]:
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + 1
    return "\n".join(texts), starts


def _containing(text: str, joined: str, starts: list[int]) -> set[int]:
    """Return the indexes of the names in `joined` that contain `text` whole."""
    found: set[int] = set()
    if len(text) < _MIN_CONTAINED_CHARS:
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
