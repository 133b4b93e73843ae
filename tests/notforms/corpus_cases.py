"""What a case of the not-a-form corpus is, the register of cases, and made-up but plausible data.

A case is one document builder, the shapes it is written in and what a clerk expects of it.
The builder modules register their cases by decorating their builders with ``case``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from notforms_docx import heading, new_document, paragraph

HERE = Path(__file__).resolve().parent
# The notices the project was built from, copied into tests/seeds/.
SEEDS = HERE.parent / "seeds"
RANDOM = random.Random(20230301)


@dataclass(frozen=True)
class Case:
    """One document, the shapes it is written in, and what a clerk expects of it."""

    stem: str
    build: Callable[[], object]
    shapes: tuple[str, ...]
    why: str
    form: str | None = None
    status: str = "unreadable"
    nearest: str | None = None


CASES: list[Case] = []


def case(stem: str, shapes: tuple[str, ...], why: str,
         **expect: str) -> Callable[[Callable[[], object]], Callable[[], object]]:
    """Register the decorated builder as a case written as `stem` in `shapes`."""
    def register(build: Callable[[], object]) -> Callable[[], object]:
        assert all(c.stem != stem for c in CASES), stem
        CASES.append(Case(stem, build, shapes, why, **expect))
        return build
    return register


def seed_lines(name: str) -> list[str]:
    """Return the lines of the seed notice whose file name starts with `name`."""
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return path.read_text(encoding="utf-8").split("\n")


def lines_before(lines: list[str], marker: str) -> list[str]:
    """Return the lines before the first one that reads `marker` (the attachments start)."""
    return lines[: next(i for i, line in enumerate(lines) if line.strip() == marker)]


def notice_document(lines: list[str], font: str = "仿宋") -> object:
    """Return a document of a notice's text: its title lines centred, the rest as paragraphs."""
    document = new_document(font, 14)
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if text.startswith(("关于", "乐清市创建", "示范市实施方案")) or text.endswith("的通知"):
            heading(document, text, 18, "黑体")
        else:
            paragraph(document, text, indent=not text.startswith("附件"))
    return document


def numbers(count: int, low: int, high: int) -> list[int]:
    """Return `count` deterministic integers in [low, high]."""
    return [RANDOM.randint(low, high) for _ in range(count)]


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰文博宇浩然思雨佳怡子涵"


def person() -> str:
    """Return a plausible Chinese name."""
    given = "".join(RANDOM.choice(GIVEN) for _ in range(RANDOM.choice((1, 2))))
    return RANDOM.choice(SURNAMES) + given


def phone() -> str:
    """Return a plausible mobile number."""
    return "1" + RANDOM.choice("3589") + "".join(RANDOM.choice("0123456789") for _ in range(9))
