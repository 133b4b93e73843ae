"""Safe, readable file names for generated copies that always stay inside the output folder."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from forms.errors import TianbiaoError

_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_SPACES = re.compile(r"\s+")
_WINDOWS_RESERVED = {
    "CON", "PRN", "AUX", "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
MAX_NAME_CHARS = 60


def clean_name_part(text: str, *, max_chars: int = MAX_NAME_CHARS) -> str:
    """Return `text` made safe as part of a file name on Linux and Windows."""
    text = unicodedata.normalize("NFC", str(text))
    text = _FORBIDDEN.sub("_", text)
    text = _SPACES.sub(" ", text).strip(" ._")
    if text.split(".")[0].upper() in _WINDOWS_RESERVED:
        text = f"_{text}"
    return text[:max_chars].rstrip(" .")


def file_name(number: int, width: int, parts: Iterable[str], suffix: str) -> str:
    """Return a file name from a row `number` (zero-padded to `width`) and name `parts`."""
    cleaned = [c for c in (clean_name_part(p) for p in parts) if c]
    stem = "_".join([str(number).zfill(width), *cleaned])
    return f"{clean_name_part(stem, max_chars=MAX_NAME_CHARS * 2)}{suffix}"


def path_inside(folder: Path, name: str) -> Path:
    """Return `folder`/`name`, refusing any name that would land outside `folder`."""
    root = folder.resolve()
    target = (root / name).resolve()
    if target.parent != root:
        raise TianbiaoError(f"文件名“{name}”会写到输出文件夹之外，已拒绝")
    return target
