"""The arrows between packages point one way, and no module imports itself round a circle.

Read from the source (ast), every import counts: at the top, inside a function, or only
for type checking. forms/ knows none of the others; parsers/ reads files without knowing
who asks; rosters/ serves generator/ and records/ and knows neither; records/ never reaches
into generator/; inference/ reads with parsers/ and writes the forms/ format, and nothing
below it knows it; web/ serves records/ (generator/ for copies, inference/ for a new notice's
form) and only cli/ imports it; nothing imports cli/.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("forms", "rosters", "generator", "parsers", "records", "inference", "web", "cli")
NEVER = {
    "forms": {"parsers", "generator", "records", "rosters", "inference", "web", "cli"},
    "parsers": {"generator", "records", "rosters", "inference", "web", "cli"},
    "rosters": {"generator", "records", "inference", "web", "cli"},
    "generator": {"records", "inference", "web", "cli"},
    "records": {"generator", "inference", "web", "cli"},
    "inference": {"generator", "records", "web", "cli"},
    "web": {"cli"},
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}


MODULES = _modules()


def _resolved(name: str) -> str | None:
    """Return the module of ours that importing `name` runs, or None for another library."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _imports(path: Path) -> set[str]:
    """Return the modules of ours that the module at `path` imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            # `from records import summary_sheets` imports the module records.summary_sheets.
            names = [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(m for m in map(_resolved, names) if m is not None)
    return found


GRAPH = {name: _imports(path) - {name} for name, path in MODULES.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the import circles of `graph`: its strongly connected parts of two or more."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(name: str) -> None:
        index[name] = low[name] = len(index)
        stack.append(name)
        on_stack.add(name)
        for other in sorted(graph.get(name, ())):
            if other not in index:
                visit(other)
                low[name] = min(low[name], low[other])
            elif other in on_stack:
                low[name] = min(low[name], index[other])
        if low[name] == index[name]:
            part = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                part.append(top)
                if top == name:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return found


def test_the_graph_sees_the_imports_it_must():
    assert "rosters.roster" in GRAPH["records.status"]
    assert "records.summary_sheets" in GRAPH["records.summary"]  # `from records import …`
    assert "parsers.pdf" in GRAPH["rosters.list_files"]  # imported inside a function


def test_no_module_imports_itself_round_a_circle():
    assert _cycles(GRAPH) == []


def test_a_circle_would_be_found():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("package", sorted(NEVER))
def test_arrows_point_one_way(package):
    wrong = sorted(f"{name} → {other}" for name, imported in GRAPH.items()
                   if name.split(".")[0] == package
                   for other in imported if other.split(".")[0] in NEVER[package])
    assert wrong == []


def test_only_cli_imports_web():
    assert sorted(name for name, imported in GRAPH.items()
                  if name.split(".")[0] not in ("cli", "web")
                  and any(m.startswith("web") for m in imported)) == []
    assert "web.app" in GRAPH["cli.web"]


def test_nothing_imports_cli():
    assert sorted(name for name, imported in GRAPH.items()
                  if not name.startswith("cli") and any(m.startswith("cli") for m in imported)
                  ) == []
