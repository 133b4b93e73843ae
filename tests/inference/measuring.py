"""How well an inferred definition stands in for a hand-written one: the figures of issue 12.

Two definitions are compared blank by blank, matched by what is printed: the label and
the column (``forms.labels.label_key`` of each), never by id. A return is read with a
definition exactly as ``parse --form`` reads it (``parsers.extract`` then
``parsers.record.build_record``), so one grid gives the hand-written and the inferred
reading side by side. Used by tests/inference and by bench/inference_report.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from forms.labels import label_key
from forms.model import FieldSpec, FormSpec, RepeatSpec
from parsers.extract import extract
from parsers.grid import Grid
from parsers.record import Record, build_record

Key = tuple[str, str]


def key_of(label: str, column: str | None) -> Key:
    """Return the key a blank is matched by: its label and its column, folded."""
    return label_key(label), label_key(column or "")


def field_keys(spec: FormSpec) -> dict[Key, FieldSpec]:
    """Return the blanks of `spec` by key (the first, should two print the same)."""
    keys: dict[Key, FieldSpec] = {}
    for blank in spec.fields:
        keys.setdefault(key_of(blank.label, blank.column), blank)
    return keys


_SAME_TEXT = 6  # an item named by its text: two names of it share at least this much


def same_item(one: str, other: str) -> bool:
    """Tell whether two folded item names name one row: equal, or one the other's beginning.

    An item is named by its code or the first words of its text ("①加强对特色学校建设工作
    的组织领导"); the reader finds its row by that beginning, so a longer or shorter
    beginning of the same text is the same item.
    """
    if one == other:
        return True
    short, long = sorted((one, other), key=len)
    return len(short) >= _SAME_TEXT and long.startswith(short)


def find_blank(spec: FormSpec, blank: FieldSpec) -> FieldSpec | None:
    """Return the blank of `spec` printed where `blank` is: same label and column, or the
    same item row (see `same_item`) under the same column."""
    exact = field_keys(spec).get(key_of(blank.label, blank.column))
    if exact is not None or not blank.item:
        return exact
    label, column = key_of(blank.label, blank.column)
    return next((f for f in spec.fields if f.item and key_of(f.label, f.column)[1] == column
                 and same_item(key_of(f.label, None)[0], label)), None)


def item_rows(spec: FormSpec) -> dict[str, float | None]:
    """Return the item rows of `spec`'s tables: folded code or text → maximum points."""
    return {label_key(row.item): row.max_score for block in spec.layout if block.table
            for row in block.table.rows if row.item}


def repeat_columns(repeat: RepeatSpec) -> tuple[str, ...]:
    """Return the folded column headers of `repeat`, the key a repeat is matched by."""
    return tuple(label_key(c.header_label) for c in repeat.columns)


def matching_repeat(spec: FormSpec, headers: tuple[str, ...]) -> RepeatSpec | None:
    """Return the repeat of `spec` whose headers are `headers` (folded), or None."""
    return next((r for r in spec.repeats if repeat_columns(r) == headers), None)


def unit_of(kind: str, unit: str | None) -> str | None:
    """Return the unit a blank's value is in: money without one is in 元 (DESIGN.md)."""
    return unit or ("元" if kind == "money" else None)


@dataclass
class DefinitionScore:
    """One inferred definition against the hand-written one."""

    form: str
    shape: str
    blanks: int = 0
    found: int = 0
    kinds_right: int = 0
    units_right: int = 0
    items: int = 0
    items_right: int = 0
    repeats: int = 0
    repeats_right: int = 0
    points_right: bool = True
    seconds: float = 0.0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    wrong_kinds: list[str] = field(default_factory=list)
    wrong_units: list[str] = field(default_factory=list)
    wrong_items: list[str] = field(default_factory=list)
    wrong_repeats: list[str] = field(default_factory=list)
    error: str | None = None


def compare_definitions(hand: FormSpec, inferred: FormSpec | None, shape: str,
                        error: str | None = None) -> DefinitionScore:
    """Return how `inferred` (None when inference failed: `error`) matches `hand`."""
    score = DefinitionScore(hand.id, shape, error=error)
    want = field_keys(hand)
    score.blanks = len(want)
    score.items = len(item_rows(hand))
    score.repeats = len(hand.repeats)
    if inferred is None:
        score.points_right = hand.points is None
        score.missed = [_named(k) for k in want]
        return score
    got = field_keys(inferred)
    matched: set[Key] = set()
    for key, blank in want.items():
        other = find_blank(inferred, blank)
        if other is not None:
            matched.add(key_of(other.label, other.column))
        if other is None:
            score.missed.append(_named(key))
            continue
        score.found += 1
        if other.kind == blank.kind:
            score.kinds_right += 1
        else:
            score.wrong_kinds.append(f"{_named(key)}: {other.kind}，应为 {blank.kind}")
        if unit_of(other.kind, other.unit) == unit_of(blank.kind, blank.unit):
            score.units_right += 1
        else:
            score.wrong_units.append(f"{_named(key)}: {other.unit}，应为 {blank.unit}")
    score.extra = [_named(k) for k in got if k not in want and k not in matched]
    inferred_items = item_rows(inferred)
    for item, points in item_rows(hand).items():
        mine = next((k for k in inferred_items if same_item(k, item)), None)
        if mine is not None and inferred_items[mine] == points:
            score.items_right += 1
        else:
            found = ("无此项" if mine is None else f"{inferred_items[mine]} 分")
            score.wrong_items.append(f"{item}（{points} 分）: {found}")
    for repeat in hand.repeats:
        mine = same_repeat(hand, repeat, inferred)
        kinds = [(c.kind, unit_of(c.kind, c.unit)) for c in repeat.columns]
        if mine is not None and [(c.kind, unit_of(c.kind, c.unit)) for c in mine.columns] == kinds:
            score.repeats_right += 1
        else:
            score.wrong_repeats.append(_repeat_difference(repeat, inferred))
    score.points_right = inferred.points == hand.points
    return score


def _repeat_difference(repeat: RepeatSpec, inferred: FormSpec) -> str:
    want = "、".join(f"{c.header_label}（{c.kind}）" for c in repeat.columns)
    mine = matching_repeat(inferred, repeat_columns(repeat))
    if mine is None:
        nearest = "；".join("、".join(c.header_label for c in r.columns)
                           for r in inferred.repeats) or "无"
        return f"{repeat.label}：{want}；推断的表：{nearest}"
    got = "、".join(f"{c.header_label}（{c.kind}{'，' + c.unit if c.unit else ''}）"
                   for c in mine.columns)
    return f"{repeat.label}：{want}；推断为 {got}"


def _named(key: Key) -> str:
    return f"{key[0]}/{key[1]}" if key[1] else key[0]


def read_with(grid: Grid, spec: FormSpec, file: str) -> Record:
    """Return the record of `grid` read with `spec`, as ``parse --form`` builds it."""
    return build_record(file, spec, *extract(grid, spec))


@dataclass
class Accuracy:
    """Values read right out of values expected, with what was read wrong."""

    right: int = 0
    total: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Accuracy) -> None:
        """Add `other`'s counts (and its wrong values) to these."""
        self.right += other.right
        self.total += other.total
        self.wrong += other.wrong

    @property
    def percent(self) -> float:
        """Return the share read right, in percent (100 when nothing was expected)."""
        return 100.0 * self.right / self.total if self.total else 100.0


def corpus_accuracy(record: Record, expected: dict[str, Any], hand: FormSpec,
                    spec: FormSpec) -> tuple[Accuracy, Accuracy]:
    """Return (fields, row cells) of `record` read with `spec` against a corpus expectation.

    The expectation names the hand-written definition's ids; each is looked up in `spec`
    by its printed label and column. Computed values (not a blank of the form) are left out.
    """
    values = {f.id: f.value for f in record.fields}
    fields = Accuracy()
    for field_id, want in expected["fields"].items():
        if not hand.has_field(field_id):
            continue
        blank = hand.field(field_id)
        key = key_of(blank.label, blank.column)
        mine = find_blank(spec, blank)
        got = values.get(mine.id, _MISSING) if mine is not None else _MISSING
        fields.total += 1
        if got == want:
            fields.right += 1
        else:
            fields.wrong.append(f"{field_id}（{_named(key)}）: {_shown(got)}，应为 {want!r}")
    cells = Accuracy()
    for label, rows in expected.get("rows", {}).items():
        repeat = next((r for r in hand.repeats if r.label == label), None)
        if repeat is None:
            continue
        mine = same_repeat(hand, repeat, spec)
        got = record.rows.get(mine.label, []) if mine is not None else None
        cells.add(table_accuracy(got, repeat_columns(repeat), rows, label))
    return fields, cells


def other_notice_accuracy(record: Record, expected: dict[str, Any], spec: FormSpec
                          ) -> tuple[Accuracy, Accuracy]:
    """Return (fields, table cells) of `record`, read with `spec`, against an expectation.

    A table is the repeat of `spec` whose column headers are the expectation's.
    """
    values: dict[Key, Any] = {}
    for value in record.fields:
        values.setdefault(key_of(value.label, value.column), value.value)
    fields = Accuracy()
    for entry in expected["fields"]:
        key = key_of(entry["label"], entry["column"])
        got = values.get(key, _MISSING)
        fields.total += 1
        if got == entry["value"]:
            fields.right += 1
        else:
            fields.wrong.append(f"{_named(key)}: {_shown(got)}，应为 {entry['value']!r}")
    cells = Accuracy()
    for table in expected.get("tables", []):
        headers = tuple(label_key(h) for h in table["headers"])
        mine = matching_repeat(spec, headers)
        got = record.rows.get(mine.label, []) if mine is not None else None
        cells.add(table_accuracy(got, headers, table["rows"], "/".join(table["headers"])))
    return fields, cells


def same_repeat(hand: FormSpec, repeat: RepeatSpec, spec: FormSpec) -> RepeatSpec | None:
    """Return the repeat of `spec` standing for `hand`'s `repeat`: same headers, same place.

    A form may print one table several times (a budget per year): the n-th with these
    headers stands for the n-th.
    """
    headers = repeat_columns(repeat)
    place = [r for r in hand.repeats if repeat_columns(r) == headers].index(repeat)
    mine = [r for r in spec.repeats if repeat_columns(r) == headers]
    return mine[place] if place < len(mine) else None


def table_accuracy(got: list[dict[str, Any]] | None, headers: tuple[str, ...],
                   want: list[dict[str, Any]], name: str) -> Accuracy:
    """Return the cells of rows `got` (None: no such table) read right against `want`."""
    result = Accuracy()
    if got is None:
        got = []
        if want:
            result.wrong.append(f"表 {name}：定义里没有这样的可增减行表")
    for index in range(max(len(want), len(got))):
        wanted = want[index] if index < len(want) else {}
        row = {label_key(k): v for k, v in (got[index] if index < len(got) else {}).items()}
        for header in wanted or {h: None for h in headers}:
            result.total += 1
            value = row.get(label_key(header), _MISSING if index >= len(got) else None)
            if value == wanted.get(header):
                result.right += 1
            else:
                result.wrong.append(f"表 {name} 第 {index + 1} 行 {header}: "
                                    f"{_shown(value)}，应为 {wanted.get(header)!r}")
    return result


class _Missing:
    def __repr__(self) -> str:
        return "（定义里没有这一空）"


_MISSING: Any = _Missing()


def _shown(value: Any) -> str:
    return repr(value)
