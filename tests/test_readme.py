"""The README is a working session: every command it shows exists with the options shown."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from cli import cli

README = Path(__file__).resolve().parents[1] / "README.md"
COMMANDS = [
    shlex.split(line.split("$ .venv/bin/tianbiao ", 1)[1])
    for line in README.read_text(encoding="utf-8").splitlines()
    if "$ .venv/bin/tianbiao " in line
]


def test_the_readme_shows_the_two_commands_and_a_tour():
    text = README.read_text(encoding="utf-8")
    assert "make demo" in text and "make test" in text
    assert len(COMMANDS) >= 8


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_readme_command_exists_with_its_options(args):
    command: click.Command = cli
    words = list(args)
    while isinstance(command, click.Group) and words and not words[0].startswith("-"):
        command = command.commands[words.pop(0)]
    known = {option for param in command.params for option in getattr(param, "opts", [])}
    used = {w.split("=")[0] for w in words if re.match(r"--?[a-z]", w)}
    assert used <= known, used - known
    arguments = [p for p in command.params if isinstance(p, click.Argument)]
    positional = [w for i, w in enumerate(words) if not w.startswith("-")
                  and not (i > 0 and words[i - 1] in known - {"-h", "--help"}
                           and words[i - 1] not in {"--waste"})]
    required = [p for p in arguments if p.required]
    assert len(positional) >= len(required)
