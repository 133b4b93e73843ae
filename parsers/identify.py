"""Tell which form a returned file is: its embedded identity, else its title and labels."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from forms.errors import UnknownFormError
from forms.labels import label_key
from forms.model import FormSpec, RepeatSpec
from forms.registry import all_forms, get_form
from parsers.grid import Grid

PROPERTY_FORM = "tianbiao.form"
PROPERTY_KEY = "tianbiao.key"
MIN_SCORE = 0.5
CLOSE_MARGIN = 0.1


@dataclass(frozen=True)
class Identification:
    """The form a file is, how we know, and the runner-up when it was close."""

    form: FormSpec | None
    how: str
    score: float = 0.0
    runner_up: FormSpec | None = None


def identify_form(grid: Grid, forms: tuple[FormSpec, ...] | None = None) -> Identification:
    """Return which form `grid` is, from custom properties or else title and labels."""
    embedded = grid.properties.get(PROPERTY_FORM)
    if embedded:
        try:
            return Identification(get_form(embedded), "properties", 1.0)
        except UnknownFormError:
            pass
    candidates = [f for f in (forms or all_forms()) if f.fields or f.repeats]
    seen = _Seen(grid)
    scored = sorted(((seen.score(f), f) for f in candidates), key=lambda s: -s[0])
    if not scored or scored[0][0] < MIN_SCORE:
        return Identification(None, "none", scored[0][0] if scored else 0.0)
    best_score, best = scored[0]
    runner_up = None
    if len(scored) > 1 and best_score - scored[1][0] < CLOSE_MARGIN:
        runner_up = scored[1][1]
    return Identification(best, "fingerprint", best_score, runner_up)


def fingerprint_score(grid: Grid, spec: FormSpec) -> float:
    """Return 0–1: how much of `spec`'s title and labels `grid` shows."""
    return _Seen(grid).score(spec)


class _Seen:
    """The keys of what a file prints, computed once and compared with every candidate form."""

    def __init__(self, grid: Grid) -> None:
        keys = {label_key(cell.text) for _, cell in grid.iter_cells()}
        keys |= {label_key(p.text) for p in grid.paragraphs}  # printed lines, headings
        self.keys = keys
        # Keys by first character: "label printed with an addition" is a prefix test.
        self.by_initial: dict[str, list[str]] = {}
        for key in keys:
            if key:
                self.by_initial.setdefault(key[0], []).append(key)
        # A title printed over two lines ("岳阳市教育信息化试点项目" / "计 划 任 务 书").
        lines = [label_key(p.text) for p in grid.paragraphs if p.text.strip()]
        self.joined_lines = {a + b for a, b in itertools.pairwise(lines)}
        # The first rows of each table, as sets of keys, for header rows of repeats.
        self.rows = [
            {label_key(c.text) for c in table.row_cells(row)}
            for table in grid.tables for row in range(min(table.n_rows, 40))
        ]

    def score(self, spec: FormSpec) -> float:
        labels = {label_key(f.label) for f in spec.top_fields()}
        hits = sum(1 for label in labels if self._shows(label))
        # A table's headers count only together, as one header row: "单位名称", "项目名称",
        # "项目负责人" printed on a cover page do not make a list of units.
        hits += sum(1 for repeat in spec.repeats if self._has_header_row(repeat))
        total = len(labels) + len(spec.repeats)
        title = label_key(spec.title)
        title_hit = title in self.joined_lines or any(title in k for k in self.keys)
        label_share = hits / total if total else 0.0
        return 0.6 * label_share + 0.4 * (1.0 if title_hit else 0.0)

    def _shows(self, label: str) -> bool:
        if label in self.keys:
            return True
        return any(k.startswith(label) for k in self.by_initial.get(label[:1], ()))

    def _has_header_row(self, repeat: RepeatSpec) -> bool:
        wanted = {label_key(c.header) for c in repeat.columns}
        needed = max(2, -(-2 * len(wanted) // 3))
        return any(len(wanted & keys) >= needed for keys in self.rows)
