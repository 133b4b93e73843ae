"""The seed notices the outside testers copied their forms from.

A copy of the five notices sits in tests/seeds/ (the notices the project was built from, as
published), so the corpora rebuild from the repository alone.
"""

from __future__ import annotations

import functools
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seeds_available() -> bool:
    """Return whether the seed notices can be read."""
    return any(SEEDS.glob("0*.txt"))


@functools.cache
def seed_lines(number: str) -> list[str]:
    """Return the lines of seed notice `number` ("001", "003", …)."""
    path = next(SEEDS.glob(f"{number}_*.txt"))
    return path.read_text(encoding="utf-8").split("\n")


def seed_between(number: str, first: str, stop: str) -> list[str]:
    """Return the lines of seed notice `number` from the one starting with `first` up to the
    next one starting with `stop`."""
    lines = seed_lines(number)
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    end = next(i for i, line in enumerate(lines) if i > start and line.startswith(stop))
    return lines[start:end]
