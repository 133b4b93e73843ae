"""What a school's name is made of, spelled one way: places, the school itself, its kind.

Names are brought to one canonical spelling (width, spacing, punctuation, the usual
abbreviations, Chinese numerals in 第N) and split into leading places (瑞安市, 塘下镇 ...) and
the school. Two names are compared through gates that edit distance alone cannot see: the
same school kind (小学 / 中学 ...), the same numbers (第二中学 is not 第五中学), no other
designation (中心小学 is not 实验小学) and a similar distinctive name (新华 is not 海安).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product

import cn2an
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

# A written name of four or more characters found whole inside a roster name ("中心小学",
# "第2中学") is close, but only wins alone: several such roster names make it ambiguous.
CONTAINED_SCORE = 90.0
# Names whose places contradict (平阳县 vs 瑞安市塘下镇, 马屿镇 vs 塘下镇) are often two
# schools sharing a common name (新华小学); the penalty keeps them below the score a match is
# accepted at (rosters/matching.py), so they are offered to the clerk but never chosen alone.
PLACE_CONFLICT_PENALTY = 20.0
# Shorter names are never taken as contained in another (小学 is in every school's name).
MIN_CONTAINED_CHARS = 4
_MIN_NAME_SIMILARITY = 0.5
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
class Place:
    """One leading place of a name: 塘下镇 is full, 塘下 bare, 镇 its suffix."""

    full: str
    bare: str
    suffix: str

    @property
    def identity(self) -> tuple[str, str]:
        """The place whatever suffix it carries this year: (瑞安, 市), (塘下, 镇)."""
        return self.bare, _SUFFIX_GROUPS[self.suffix]


@dataclass(frozen=True)
class SchoolName:
    """A school name in canonical spelling, split into its leading places and the school."""

    full: str
    places: tuple[Place, ...]
    core: str
    stem: str
    kind: str | None
    numbers: tuple[int, ...]
    designations: frozenset[str]

    @property
    def bare(self) -> str:
        """The name with its places' suffixes left out: 瑞安塘下罗凤第2小学."""
        return "".join(p.bare for p in self.places) + self.core

    @property
    def named(self) -> str:
        """The part that tells this school from its neighbours: 飞云 in 飞云中心小学."""
        if self.stem or not self.places:
            return self.stem
        return self.places[-1].bare

    @property
    def key_core(self) -> str:
        """The school with the innermost place when the school alone says too little."""
        if self.stem or not self.places:
            return self.core
        return self.places[-1].bare + self.core


def parse_school_name(text: str) -> SchoolName:
    """Return `text` in canonical spelling, split into leading places and the school itself."""
    full = canonical_school_name(text)
    places: list[Place] = []
    position = 0
    while found := _PLACE.match(full, position):
        if found.end() >= len(full):
            break
        places.append(Place(found.group(0), found.group(1), found.group(2)))
        position = found.end()
    core = full[position:]
    kinds = _KIND.findall(core)
    return SchoolName(
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


def name_variants(name: SchoolName) -> Iterator[tuple[str, bool]]:
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


def name_similarity(wanted: SchoolName, known: SchoolName) -> float | None:
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
    return len(shorter) >= MIN_CONTAINED_CHARS and shorter in longer


def _places_conflict(ours: tuple[Place, ...], theirs: tuple[Place, ...]) -> bool:
    """Return whether each side names a place the other lacks (马屿镇 vs 塘下镇)."""
    our_places = {p.identity for p in ours}
    their_places = {p.identity for p in theirs}
    return bool(our_places - their_places) and bool(their_places - our_places)


def places_within(short: tuple[Place, ...], long: tuple[Place, ...]) -> bool:
    """Return whether the places `short` all stand in `long`, in the same order."""
    places = iter(p.identity for p in long)
    return all(any(p.identity == q for q in places) for p in short)
