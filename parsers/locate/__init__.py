"""Find each blank of a form in a grid by its printed label, not by its position.

A blank is found the way its definition says (``FieldSpec.locate``), one module a way:
- ``right``: right of its label up to the next label, or below it in a column form;
- ``grid``: the row of its label or item code, under its column header ("C1" / "考核分");
- ``part``: a printed line inside its parent's cell (负责人：…, 年 月 日);
- ``line``: after its label on a printed line ("单位名称：____（盖章）");
- ``section``: the paragraphs under its heading in an outline document;
- ``inline``: after the label printed at the top of its own cell.
``index`` holds a file's cells by label key for all of them, ``rows`` reads repeating
tables, ``printed`` tells what the form prints from what a school wrote, and
``pdf_breaks`` mends text a PDF broke where only the form's labels can tell.
"""

from __future__ import annotations

from collections.abc import Callable

from forms.model import FieldSpec
from parsers.locate.grid import grid_value
from parsers.locate.index import LabelIndex
from parsers.locate.inline import inline_value
from parsers.locate.line import line_value
from parsers.locate.part import split_printed_parts
from parsers.locate.printed import strip_printed, strip_retyped_hint
from parsers.locate.right import right_value
from parsers.locate.rows import repeat_rows
from parsers.locate.section import section_value

_WAYS: dict[str, Callable[[LabelIndex, FieldSpec], str | None]] = {
    "right": right_value,
    "grid": grid_value,
    "line": line_value,
    "section": section_value,
    "inline": inline_value,
}


def locate(index: LabelIndex, field: FieldSpec) -> str | None:
    """Return the raw text of top-level blank `field`, None when its label is not found."""
    return _WAYS.get(field.locate, right_value)(index, field)


__all__ = [
    "LabelIndex",
    "locate",
    "repeat_rows",
    "split_printed_parts",
    "strip_printed",
    "strip_retyped_hint",
]
