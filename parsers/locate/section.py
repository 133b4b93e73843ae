"""Locate ``section``: the paragraphs under a blank's heading in an outline document.

A section runs to the next heading of the form; the guidance the outline prints under a
heading ("（主要包括……）") is not the school's text, also where a PDF wrapped it.
"""

from __future__ import annotations

from forms.labels import ORDINAL, label_key
from forms.model import FieldSpec
from parsers.grid import Paragraph
from parsers.locate.index import LabelIndex


def section_value(index: LabelIndex, field: FieldSpec) -> str | None:
    """Return the lines under `field`'s heading, None when the heading is not in the file."""
    headings = [f for f in index.spec.top_fields() if f.locate == "section"]
    keys = {f.id: _heading_keys(f.label) for f in headings}
    guidance = {label_key(line) for line in field.guidance}
    collecting = False
    lines: list[str] = []
    for block in index.grid.blocks:
        texts = [block.text] if isinstance(block, Paragraph) else [
            "\t".join(row) for row in block.text_rows()
        ]
        for text in texts:
            key = label_key(text)
            heading = next((f for f in headings if key and key in keys[f.id]), None)
            if heading is not None:
                if collecting:
                    return "\n".join(_without_guidance(lines, guidance))
                collecting = heading.id == field.id
                continue
            if collecting:
                lines.append(text)
    return "\n".join(_without_guidance(lines, guidance)) if collecting else None


def _heading_keys(heading: str) -> set[str]:
    """Return the keys a heading is known by: as printed, and without its ordinal ("一、")."""
    key = label_key(heading)
    bare = label_key(ORDINAL.sub("", heading.strip()))
    return {key, bare}


def _without_guidance(lines: list[str], guidance: set[str]) -> list[str]:
    """Drop the printed guidance lines, also where a PDF wrapped one over several lines."""
    kept: list[str] = []
    index = 0
    while index < len(lines):
        joined = ""
        for end in range(index, min(index + 6, len(lines))):
            joined += label_key(lines[end])
            if joined in guidance:
                index = end + 1
                break
            if not any(g.startswith(joined) for g in guidance):
                kept.append(lines[index])
                index += 1
                break
        else:
            kept.append(lines[index])
            index += 1
    return kept
