"""Four ways to read returned .docx files.

- tianbiao-pool: ``parse_paths`` as ``tianbiao parse`` runs it: identify, extract, normalise,
  check, over a process pool with one worker per core; records consumed as they stream out;
- tianbiao-single: ``parse_file`` per file, in this one process;
- python-docx: open each file and walk tables → rows → cells → ``.text`` (one process);
- floor: zipfile + lxml, every ``w:t`` text of document.xml (one process).
"""

from __future__ import annotations

import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import docx
from lxml import etree

from parsers.batch import parse_file, parse_paths

_TEXT = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


def with_pool(files: list[str]) -> dict[str, int]:
    """Parse `files` with tianbiao's pool; return how many records have each status."""
    return dict(Counter(record.status for record in parse_paths(files)))


def with_parse_file(files: list[str]) -> dict[str, int]:
    """Parse `files` one by one with `parse_file`; return the count of each status."""
    return dict(Counter(parse_file(file).status for file in files))


def with_python_docx(files: list[str]) -> dict[str, int]:
    """Read every table cell's text of `files` with python-docx; return characters read."""
    characters = 0
    for file in files:
        for table in docx.Document(file).tables:
            for row in table.rows:
                for cell in row.cells:
                    characters += len(cell.text)
    return {"characters": characters}


def with_floor(files: list[str]) -> dict[str, int]:
    """Read every ``w:t`` text of `files` with zipfile and lxml; return characters read."""
    characters = 0
    for file in files:
        with zipfile.ZipFile(file) as archive:
            root = etree.fromstring(archive.read("word/document.xml"))
        characters += sum(len(node.text or "") for node in root.iter(_TEXT))
    return {"characters": characters}


METHODS: dict[str, Callable[[list[str]], dict[str, int]]] = {
    "tianbiao-pool": with_pool,
    "tianbiao-single": with_parse_file,
    "python-docx": with_python_docx,
    "floor": with_floor,
}


def files_in(folder: str, limit: int | None = None) -> list[str]:
    """Return the .docx, .doc and .pdf files in `folder`, sorted, the first `limit` of them."""
    files = sorted(str(p) for p in Path(folder).iterdir()
                   if p.suffix.lower() in (".docx", ".doc", ".pdf"))
    return files[:limit] if limit else files
