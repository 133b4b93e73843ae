"""One problem type and one list of codes: every code the code writes is listed, with a meaning."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from forms.problems import CODES, NOTICES, Problem, record_status

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("forms", "rosters", "generator", "parsers", "records", "cli")
# Calls whose code ends up in a record's problems: (name called, position of the code);
# a kind's ``fail(code, message)`` and not the loader's ``fail(message)``.
_CODE_AT = {"Problem": 1, "unreadable_record": 1, "fail": 0}
_ARGUMENTS_AT_LEAST = {"fail": 2}
_CODE_KEYWORD_IN = {"ValueProblem", "UnreadableFileError", "OfficeError", "Problem"}


def _called(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _code_literals(node: ast.AST) -> list[str]:
    """Return the codes `node` writes: in a call above, or assigned to a name ``code``."""
    values: list[ast.expr] = []
    if isinstance(node, ast.Call):
        name = _called(node)
        at = _CODE_AT.get(name)
        if at is not None and len(node.args) > max(at, _ARGUMENTS_AT_LEAST.get(name, 0) - 1):
            values.append(node.args[at])
        if name in _CODE_KEYWORD_IN:
            values += [k.value for k in node.keywords if k.arg == "code"]
    elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "code" for t in node.targets):
        values.append(node.value)
    literals = []
    for value in values:
        branches = [value.body, value.orelse] if isinstance(value, ast.IfExp) else [value]
        literals += [b.value for b in branches
                     if isinstance(b, ast.Constant) and isinstance(b.value, str)]
    return literals


def _codes_written() -> dict[str, str]:
    """Return every problem code written as a literal in the packages, with where."""
    found: dict[str, str] = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                for literal in _code_literals(node):
                    found[literal] = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
    return found


def test_every_code_written_is_listed_with_its_meaning():
    written = _codes_written()
    assert len(written) >= 20  # the scan sees the readers, the kinds and the checks
    unlisted = {code: where for code, where in written.items() if code not in CODES}
    assert unlisted == {}
    assert all(meaning.strip() for meaning in CODES.values())


def test_the_notices_are_the_three_that_only_inform():
    assert sorted(NOTICES) == ["below_target", "form_uncertain", "sum_warning"]


@pytest.mark.parametrize("codes, status", [
    ([], "ok"),
    (["form_uncertain", "sum_warning"], "ok"),
    (["required", "below_target"], "incomplete"),
    (["label_missing"], "incomplete"),
    (["required", "bad_money"], "invalid"),
    (["prefill_changed"], "invalid"),
])
def test_a_records_status_follows_its_codes(codes, status):
    assert record_status([Problem("x", code, "…") for code in codes]) == status


def test_a_problem_reads_back_what_it_wrote():
    problem = Problem("amount", "bad_money", "投入资金：无法识别金额“十五万左右”")
    assert Problem.from_json(problem.as_json()) == problem
    assert problem.as_json() == {"field": "amount", "code": "bad_money",
                                 "message": "投入资金：无法识别金额“十五万左右”"}
