"""Tell which form a returned file is: its embedded identity, else its title and printed words.

A form is known by what it prints: its title, the text of its labels, its column headers,
the text of its items. Bare item codes and numbers ("1", "A1", "C12") say nothing on their
own: any numbered table has them. A file that shows too little of any form is no form, and
the form it came closest to is named, so the office can tell a near miss from a stranger.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from forms.errors import UnknownFormError
from forms.labels import label_key
from forms.model import FormSpec, RepeatSpec
from forms.registry import all_forms, get_form
from parsers.grid import Grid

PROPERTY_FORM = "tianbiao.form"
PROPERTY_KEY = "tianbiao.key"
CLOSE_MARGIN = 0.1
# However much of a form a file shows, at least this many of its words (or half, if fewer):
# a title and two labels ("学校", "项目名称") are a cover sheet, not a returned report.
WORDS_NEEDED = 3
# With its title, a file must still show a fair part of the form's words: a notice that
# names the form in its list of attachments is not the form; its first page alone is.
SHARE_WITH_TITLE = 0.2
# Without it, most of what the form prints, item codes included, and a good part of it in
# words: item numbers 1–35 and a header row are any numbered table.
SHARE_WITHOUT_TITLE = 0.6
WORD_SHARE_WITHOUT_TITLE = 0.3
# What a printed title adds to a near miss's nearness, next to the share of words shown.
TITLE_NEARNESS = 0.15
# An item's text is compared by its beginning: long texts wrap, break over pages, and a
# school's copy may differ at the end ("……等。" / "……等").
ITEM_TEXT_LENGTH = 10
# A title is a heading: the line holding it may add a year, a school or an attachment number,
# not a sentence ("请于9月15日前将……表报送……").
TITLE_ADDITION = 24

_LINE_PARTS = re.compile(r"[:：]|\s{2,}|\u3000")
# What is left of a key without its numbers, codes and dates must be words: "C12", "（三）",
# "2021年", "第3项" are not.
_NOT_WORDS = re.compile(r"[A-Za-z]{0,3}\d+|[一二三四五六七八九十（）年月日第项]")


@dataclass(frozen=True)
class Fingerprint:
    """How much of one form a file shows: its title, its printed words, its item codes.

    `title` is whether the title counts: printed, and no other form's words are shown more
    (a school that copied one form's title over another form's table sent the table).
    """

    form: FormSpec
    words: int
    total: int
    codes: int = 0
    code_total: int = 0
    title_printed: bool = False
    title: bool = False

    @property
    def share(self) -> float:
        """Return the share of the form's printed words the file shows."""
        return self.words / self.total if self.total else 0.0

    @property
    def share_with_codes(self) -> float:
        """Return the share of the form's printed words and item codes the file shows."""
        whole = self.total + self.code_total
        return (self.words + self.codes) / whole if whole else 0.0

    @property
    def score(self) -> float:
        """Return 0–1 for ranking the forms a file could be."""
        return 0.6 * self.share + 0.4 * (1.0 if self.title else 0.0)

    @property
    def closeness(self) -> float:
        """Return how near the file came to the form, when it is taken for none.

        Its words weigh most: under one form's title, half of another form's table is nearer
        to that other form. A printed title still names the form a notice is about.
        """
        return self.share + (TITLE_NEARNESS if self.title_printed else 0.0)

    @property
    def enough(self) -> bool:
        """Return True when the file shows enough of the form to be taken for it."""
        if self.words < min(WORDS_NEEDED, -(-self.total // 2)):
            return False
        if self.title:
            return self.share >= SHARE_WITH_TITLE or not self.total
        return (self.share >= WORD_SHARE_WITHOUT_TITLE
                and self.share_with_codes >= SHARE_WITHOUT_TITLE)


@dataclass(frozen=True)
class Identification:
    """The form a file is, how we know, the runner-up when it was close, the nearest miss."""

    form: FormSpec | None
    how: str
    score: float = 0.0
    runner_up: FormSpec | None = None
    closest: Fingerprint | None = None


def identify_form(grid: Grid, forms: tuple[FormSpec, ...] | None = None) -> Identification:
    """Return which form `grid` is, from custom properties or else title and printed words."""
    embedded = grid.properties.get(PROPERTY_FORM)
    if embedded:
        try:
            return Identification(get_form(embedded), "properties", 1.0)
        except UnknownFormError:
            pass
    candidates = [f for f in (forms or all_forms()) if f.fields or f.repeats]
    seen = _Seen(grid)
    prints = _weigh_titles([seen.fingerprint(f) for f in candidates])
    prints.sort(key=lambda p: -p.score)
    taken = [p for p in prints if p.enough]
    if not taken:
        near = [p for p in prints if p.words or p.title_printed]
        closest = max(near, key=lambda p: p.closeness, default=None)
        return Identification(None, "none", prints[0].score if prints else 0.0,
                              closest=closest)
    best = taken[0]
    runner_up = None
    if len(taken) > 1 and best.score - taken[1].score < CLOSE_MARGIN:
        runner_up = taken[1].form
    return Identification(best.form, "fingerprint", best.score, runner_up, best)


def fingerprint_score(grid: Grid, spec: FormSpec) -> float:
    """Return 0–1: how much of `spec`'s title and printed words `grid` shows."""
    found = _Seen(grid).fingerprint(spec)
    return replace(found, title=found.title_printed).score


def _weigh_titles(prints: list[Fingerprint]) -> list[Fingerprint]:
    """Return `prints` with each printed title counted unless another form's words show more."""
    weighed = []
    for found in prints:
        outdone = any(other.share > found.share for other in prints if other is not found)
        weighed.append(replace(found, title=found.title_printed and not outdone))
    return weighed


@dataclass(frozen=True)
class _ItemText:
    """An item's printed text, known by its beginning, with or without its code before it."""

    code: str
    text: str


class _Seen:
    """The keys of what a file prints, computed once and compared with every candidate form."""

    def __init__(self, grid: Grid) -> None:
        keys = {label_key(cell.text) for _, cell in grid.iter_cells()}
        keys |= {label_key(p.text) for p in grid.paragraphs}  # printed lines, headings
        # Blanks side by side on one line ("县市区教育局名称（盖章）：____  填报负责人：____").
        keys |= {label_key(part) for p in grid.paragraphs if "：" in p.text or ":" in p.text
                 for part in _LINE_PARTS.split(p.text)}
        keys.discard("")
        self.keys = keys
        # Keys by first character: "label printed with an addition" is a prefix test.
        self.by_initial: dict[str, list[str]] = {}
        for key in keys:
            self.by_initial.setdefault(key[0], []).append(key)
        # A title printed over two lines ("岳阳市教育信息化试点项目" / "计 划 任 务 书").
        lines = [label_key(p.text) for p in grid.paragraphs if p.text.strip()]
        self.headings = keys | {a + b for a, b in itertools.pairwise(lines)}
        # The first rows of each table, as sets of keys, for header rows of repeats.
        self.rows = [
            {label_key(c.text) for c in table.row_cells(row)}
            for table in grid.tables for row in range(min(table.n_rows, 40))
        ]

    def fingerprint(self, spec: FormSpec) -> Fingerprint:
        """Return how much of `spec` this file shows."""
        labels, items, codes = _printed_words_of(spec)
        hits = sum(1 for label in labels if self._shows(label))
        hits += sum(1 for item in items if self._shows_item(item))
        # A table's headers count only together, as one header row: "单位名称", "项目名称",
        # "项目负责人" printed on a cover page do not make a list of units.
        hits += sum(1 for repeat in spec.repeats if self._has_header_row(repeat))
        total = len(labels) + len(items) + len(spec.repeats)
        codes_shown = sum(1 for code in codes if self._shows_code(code))
        return Fingerprint(spec, hits, total, codes_shown, len(codes),
                           title_printed=self._has_title(label_key(spec.title)))

    def _has_title(self, title: str) -> bool:
        for key in self.headings:
            at = key.find(title)
            if at < 0 or len(key) - len(title) > TITLE_ADDITION:
                continue
            if not key[:at].endswith(("《", "“", "‘")):  # named in a sentence, not a heading
                return True
        return False

    def _shows(self, label: str) -> bool:
        if label in self.keys:
            return True
        return any(k.startswith(label) for k in self.by_initial.get(label[:1], ()))

    def _shows_code(self, code: str) -> bool:
        """Return True when a cell or line is `code` or starts with it ("C1" not as "C10")."""
        return any(k.startswith(code) and not k[len(code):len(code) + 1].isdigit()
                   for k in self.by_initial.get(code[:1], ()))

    def _shows_item(self, item: _ItemText) -> bool:
        coded = item.code + item.text
        return any(k.startswith(coded) for k in self.by_initial.get(coded[:1], ())) or any(
            k.startswith(item.text) for k in self.by_initial.get(item.text[:1], ()))

    def _has_header_row(self, repeat: RepeatSpec) -> bool:
        wanted = {label_key(c.header) for c in repeat.columns}
        needed = max(2, -(-2 * len(wanted) // 3))
        return any(len(wanted & keys) >= needed for keys in self.rows)


# What each form prints, worked out once per loaded form rather than once per file: by the
# form object's id, the form kept beside it so a new object under a reused id is not mistaken.
_PRINTED: dict[int, tuple[FormSpec, tuple[set[str], set[_ItemText], set[str]]]] = {}
_PRINTED_LIMIT = 1024


def _printed_words_of(spec: FormSpec) -> tuple[set[str], set[_ItemText], set[str]]:
    """Return `_printed_words` of `spec`, from the cache when the same form was seen."""
    cached = _PRINTED.get(id(spec))
    if cached is None or cached[0] is not spec:
        if len(_PRINTED) >= _PRINTED_LIMIT:
            _PRINTED.clear()  # forms loaded again and again (definition files): start afresh
        cached = (spec, _printed_words(spec))
        _PRINTED[id(spec)] = cached
    return cached[1]


def _printed_words(spec: FormSpec) -> tuple[set[str], set[_ItemText], set[str]]:
    """Return the label and header keys `spec` prints, its items' texts, its bare item codes."""
    labels: set[str] = set()
    coded: set[str] = set()
    for blank in spec.top_fields():
        key = label_key(blank.label)
        if _is_words(key):
            labels.add(key)
        elif key:
            coded.add(key)
        # An item table's column headers ("考核分", "建设情况"); a scope ("2021年") is not one.
        if blank.locate == "grid" and blank.column and _is_words(label_key(blank.column)):
            labels.add(label_key(blank.column))
    items = {item for item in _item_texts(spec) if item.code in coded}
    return labels, items, coded


def _item_texts(spec: FormSpec) -> Iterator[_ItemText]:
    """Yield the printed text of each item row whose code stands before its text."""
    for block in spec.layout:
        if block.table is None:
            continue
        for row in block.table.rows:
            if not row.item:
                continue
            code = label_key(row.item)
            for cell in row.cells:
                key = label_key(cell.text)
                if cell.blank is None and key.startswith(code) and len(key) > len(code):
                    yield _ItemText(code, key[len(code):][:ITEM_TEXT_LENGTH])


def _is_words(key: str) -> bool:
    return len(_NOT_WORDS.sub("", key)) >= 2
