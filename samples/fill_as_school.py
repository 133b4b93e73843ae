"""Fill pre-filled copies the way a school clerk does in Word: type into the blank cells.

Only python-docx is used, never tianbiao: this stands in for the school. Answers are keyed
by the printed label; an opinion cell takes its text in the first paragraph and its date
typed over the printed "年   月   日" line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docx import Document
from docx.table import _Cell


def _key(text: str) -> str:
    return re.sub(r"[\s:：]+", "", text)


def _set_paragraph_text(paragraph: Any, text: str) -> None:
    runs = paragraph.runs
    if runs:
        runs[0].text = text
        for run in runs[1:]:
            run.text = ""
    else:
        paragraph.add_run(text)


def _write_cell(cell: _Cell, answer: Any) -> None:
    if isinstance(answer, dict):
        _set_paragraph_text(cell.paragraphs[0], str(answer.get("text", "")))
        date_line = next((p for p in cell.paragraphs if "年" in p.text and "日" in p.text), None)
        if date_line is not None and "日期" in answer:
            _set_paragraph_text(date_line, str(answer["日期"]))
        return
    lines = str(answer).rstrip("\n").split("\n")
    _set_paragraph_text(cell.paragraphs[0], lines[0])
    for extra in cell.paragraphs[1:]:
        extra._element.getparent().remove(extra._element)
    for line in lines[1:]:
        cell.add_paragraph(line)


def fill_document(source: Path, answers: dict[str, Any], target: Path) -> None:
    """Type `answers` (printed label → text) into the copy at `source`; save as `target`."""
    document = Document(str(source))
    wanted = {_key(label): answer for label, answer in answers.items()}
    for table in document.tables:
        for row in table.rows:
            cells = row.cells
            for index, cell in enumerate(cells[:-1]):
                answer = wanted.pop(_key(cell.text), None)
                if answer is None:
                    continue
                neighbour = next((c for c in cells[index + 1:] if c._tc is not cell._tc), None)
                if neighbour is not None:
                    _write_cell(neighbour, answer)
    if wanted:
        raise KeyError(f"labels not found in {source.name}: {', '.join(wanted)}")
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
