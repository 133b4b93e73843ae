"""Writing a corpus: each case's .docx beside the .json a person reading it writes down."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any


def output_folder(default: Path, argv: Sequence[str] | None = None) -> Path:
    """Return the folder named on the command line, or `default` (the committed corpus)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) > 1 or (args and args[0].startswith("-")):
        sys.exit(f"usage: {Path(sys.argv[0]).name} [output folder, default {default}]")
    return Path(args[0]) if args else default


def record(form: str, fields: dict[str, Any], *, field_ids: Sequence[str] | None = None,
           status: str = "ok", problems: Iterable[tuple[str, str]] = (),
           rows: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return the record DESIGN.md's parse contract gives, as a person reading the file would.

    With `field_ids` the fields come in that order, the missing ones None, and a field not
    in the list is an error in the case.
    """
    if field_ids is not None:
        unknown = set(fields) - set(field_ids)
        if unknown:
            raise KeyError(f"{form}: unknown fields {sorted(unknown)}")
        fields = {key: fields.get(key) for key in field_ids}
    out: dict[str, Any] = {"form": form, "status": status, "fields": fields}
    if rows is not None:
        out["rows"] = rows
    out["problems"] = [{"field": name, "code": code} for name, code in problems]
    return out


def write_case(folder: Path, name: str, document: bytes | Any, expected: dict[str, Any]) -> None:
    """Write `<name>.docx` (bytes, or a python-docx document) and `<name>.json` in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(document, bytes):
        (folder / f"{name}.docx").write_bytes(document)
    else:
        document.save(folder / f"{name}.docx")
    text = json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    (folder / f"{name}.json").write_text(text, encoding="utf-8")


def write_corpus(default: Path, cases: Iterable[tuple[str, str, bytes | Any, dict[str, Any]]],
                 argv: Sequence[str] | None = None) -> None:
    """Write each (form, name, document, expected record) under the folder the command line
    names (or `default`); nothing is written when two cases have the same name."""
    out = output_folder(default, argv)
    built = list(cases)  # in order: element ids may count on from one file to the next
    names = [(form, name) for form, name, _, _ in built]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise ValueError(f"two cases of the same name: {twice}")
    for form, name, document, expected in built:
        write_case(out / form, name, document, expected)
    print(f"{len(built)} cases written under {out}")
