"""Rules that tie blanks together (sums, totals) and values computed from blanks.

Both come from the definition: a check says which sum must equal which total and whether
a mismatch is an error or a warning; a derived value says how it is computed (a ratio, a
share in percent, a requirement looked up in a table, a grade band) and what target it must
meet. Nothing here evaluates text from a definition or a returned file as code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeGuard

from forms.model import CheckSpec, DerivedSpec, FormSpec
from forms.problems import Problem

_TOLERANCE = 0.005


@dataclass(frozen=True)
class DerivedValue:
    """A value computed from the blanks, with how it was computed in words."""

    id: str
    label: str
    value: Any
    explanation: str


def run_checks(spec: FormSpec, values: dict[str, Any],
               rows: dict[str, list[dict[str, Any]]]) -> list[Problem]:
    """Return the problems every check of `spec` finds on a record's `values` and `rows`."""
    findings = []
    for check in spec.checks:
        finding = _sum_check(spec, check, values, rows)
        if finding is not None:
            findings.append(finding)
    return findings


def _sum_check(spec: FormSpec, check: CheckSpec, values: dict[str, Any],
               rows: dict[str, list[dict[str, Any]]]) -> Problem | None:
    total = values.get(check.equals)
    if not _is_number(total):
        return None
    if check.rows:
        numbers = [row.get(check.column or "") for row in rows.get(check.rows, [])]
        repeat = next(r for r in spec.repeats if r.id == check.rows)
        column = next((c.header_label for c in repeat.columns if c.id == check.column), "")
        what = f"{repeat.label}中各行“{column}”之和"
    else:
        numbers = [values.get(term) for term in check.terms]
        names = [spec.field(t).display_label for t in check.terms]
        what = "、".join(names[:3]) + ("等各项" if len(names) > 3 else "") + "之和"
    present: list[float] = [n for n in numbers if _is_number(n)]
    if not present:
        return None
    found = sum(present)
    if abs(found - total) <= _TOLERANCE:
        return None
    target = spec.field(check.equals).display_label
    message = f"{target}：填写 {_number(total)}，但{what}为 {_number(found)}"
    if check.why:
        message += f"（{check.why}）"
    # A warning is a notice: the office reads it, the record stays as its values make it.
    code = "sum_mismatch" if check.severity == "error" else "sum_warning"
    return Problem(check.equals, code, message)


def compute_derived(spec: FormSpec, values: dict[str, Any]
                    ) -> tuple[list[DerivedValue], list[Problem]]:
    """Return the derived values of `spec` from `values`, and the targets they miss."""
    known = dict(values)
    results: list[DerivedValue] = []
    findings: list[Problem] = []
    for derived in spec.derived:
        value, explanation = _compute(spec, derived, known)
        known[derived.id] = value
        results.append(DerivedValue(derived.id, derived.label, value, explanation))
        finding = _target(derived, value, known)
        if finding is not None:
            findings.append(finding)
    return results, findings


def _compute(spec: FormSpec, derived: DerivedSpec, known: dict[str, Any]
             ) -> tuple[Any, str]:
    inputs = [known.get(name) for name in derived.inputs]
    names = [_name(spec, n) for n in derived.inputs]
    if derived.how in ("ratio", "percent"):
        top, bottom = inputs[0], inputs[1]
        if not (_is_number(top) and _is_number(bottom)) or bottom == 0:
            return None, f"{names[0]} ÷ {names[1]}：缺少数据"
        value = top / bottom * (100 if derived.how == "percent" else 1)
        return round(value, 2), f"{names[0]} {_number(top)} ÷ {names[1]} {_number(bottom)}"
    if derived.how == "lookup":
        return _lookup(derived, inputs, names)
    if derived.how == "require":
        written = inputs[0]
        return (None if written is None else written == derived.equals), f"{names[0]}：{written}"
    return _band(derived, inputs[0], names[0])


def _lookup(derived: DerivedSpec, inputs: list[Any], names: list[str]) -> tuple[Any, str]:
    """Find the first table row whose conditions the inputs meet: {when: {...}, value: n}."""
    by_name = dict(zip(derived.inputs, inputs, strict=True))
    for row in derived.table:
        conditions = row.get("when", {})
        if all(_meets(by_name.get(name), condition) for name, condition in conditions.items()):
            shown = "，".join(f"{n} {by_name.get(i)}" for n, i in zip(
                names, derived.inputs, strict=True))
            return row.get("value"), f"{shown}：{row.get('rule', '')}".rstrip("：")
    return None, "无法确定（缺少数据或不在规定范围内）"


def _meets(value: Any, condition: Any) -> bool:
    if isinstance(condition, dict):
        if not _is_number(value):
            return False
        low, high = condition.get("min"), condition.get("max")
        return (low is None or value >= low) and (high is None or value <= high)
    if isinstance(condition, list):
        return value in condition
    return bool(value == condition)


def _band(derived: DerivedSpec, value: Any, name: str) -> tuple[Any, str]:
    if not _is_number(value):
        return None, f"{name}：未填写"
    for row in derived.table:
        if value >= row.get("min", float("-inf")):
            return row.get("value"), f"{name} {_number(value)} 分"
    return None, f"{name} {_number(value)} 分"


def _target(derived: DerivedSpec, value: Any, known: dict[str, Any]) -> Problem | None:
    if derived.how == "require":
        if value is False:
            return Problem(derived.id, "below_target",
                           f"{derived.label}：未达到“{derived.target_text}”的要求")
        return None
    if not _is_number(value):
        return None
    limit_text = derived.target_text
    if derived.compare_to is not None:
        actual = known.get(derived.compare_to)
        if _is_number(actual) and actual < value:
            return Problem(derived.id, "below_target",
                           f"{derived.label}：应配 {_number(value)}，实有 {_number(actual)}"
                           + (f"（{limit_text}）" if limit_text else ""))
        return None
    missed = (derived.at_most is not None and value > derived.at_most + _TOLERANCE) or (
        derived.at_least is not None and value < derived.at_least - _TOLERANCE
    )
    if not missed:
        return None
    target = limit_text or _number(derived.at_most if derived.at_most is not None
                                   else derived.at_least or 0)
    shown = f"{_number(value)}:1" if derived.how == "ratio" else _number(value)
    return Problem(derived.id, "below_target",
                   f"{derived.label}：{shown}，未达到“{target}”的要求")


def _name(spec: FormSpec, name: str) -> str:
    if spec.has_field(name):
        return spec.field(name).display_label
    return next((d.label for d in spec.derived if d.id == name), name)


def _is_number(value: Any) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
