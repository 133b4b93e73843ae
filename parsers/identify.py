"""Tell which form a returned file is: its embedded identity, else its title and labels."""

from __future__ import annotations

from dataclasses import dataclass

from forms.errors import UnknownFormError
from forms.labels import label_key
from forms.model import FormSpec
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
    scored = sorted(
        ((fingerprint_score(grid, f), f) for f in candidates), key=lambda s: -s[0]
    )
    if not scored or scored[0][0] < MIN_SCORE:
        return Identification(None, "none", scored[0][0] if scored else 0.0)
    best_score, best = scored[0]
    runner_up = None
    if len(scored) > 1 and best_score - scored[1][0] < CLOSE_MARGIN:
        runner_up = scored[1][1]
    return Identification(best, "fingerprint", best_score, runner_up)


def fingerprint_score(grid: Grid, spec: FormSpec) -> float:
    """Return 0–1: how much of `spec`'s title and labels `grid` shows."""
    cell_keys = {label_key(cell.text) for _, cell in grid.iter_cells()}
    cell_keys |= {label_key(p.text) for p in grid.paragraphs}  # printed lines, headings
    texts = list(cell_keys)
    labels = {label_key(f.label) for f in spec.top_fields()}
    labels |= {label_key(c.header) for r in spec.repeats for c in r.columns}
    hits = sum(
        1 for label in labels
        if label in cell_keys or any(k.startswith(label) for k in cell_keys)
    )
    title = label_key(spec.title)
    title_hit = any(title in t for t in texts)
    label_share = hits / len(labels) if labels else 0.0
    return 0.6 * label_share + 0.4 * (1.0 if title_hit else 0.0)
