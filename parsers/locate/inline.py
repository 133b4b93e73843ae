"""Locate ``inline``: what follows a label printed at the top of the blank's own cell.

"推进措施：" heading a tall cell the school writes into; a label alone in its row with the
answer in a row the school added under it; a signature block that a school's copy prints as
plain lines ("主管部门（甲方）：" and its own lines) or on a later line of a cell.
"""

from __future__ import annotations

import re

from forms.labels import label_key
from forms.model import FieldSpec
from parsers.locate.index import LabelIndex
from parsers.locate.printed import strip_printed
from parsers.locate.right import right_value

_LINE_LABEL = re.compile(r"^\s*([^：:\s][^：:]{1,15})[：:]")


def inline_value(index: LabelIndex, field: FieldSpec) -> str | None:
    """Return what follows the label printed at the top of the blank's own cell."""
    wanted = label_key(field.label)
    for table, cell, key in index.cells:
        if key.startswith(wanted):
            first, _, rest = cell.text.partition("\n")
            after = re.split(r"[:：]", first, maxsplit=1)
            head = after[1] if len(after) == 2 else ""
            text = "\n".join(t for t in (head.strip(), rest) if t)
            left_empty = not (strip_printed(text, field.printed) if field.printed else text)
            if left_empty:
                # The label alone in its row, the text typed into a row the school added
                # under it, as wide as it and not another blank's label.
                below = table.below(cell)
                if (below is not None and below.col == cell.col
                        and below.colspan == cell.colspan and not index.starts_label(below)):
                    return below.text
            return text
    found = _paragraphs_after(index, field)
    if found is None:
        found = _line_in_cell(index, wanted)
    return found if found is not None else right_value(index, field)


def _line_in_cell(index: LabelIndex, wanted: str) -> str | None:
    """Read a label printed on a later line of a cell ("…（丙方）：\n项目负责人（签字）：X")."""
    for _, cell, _ in index.cells:
        lines = cell.text.split("\n")
        for number, line in enumerate(lines[1:], start=1):
            if label_key(line).startswith(wanted):
                after = re.split(r"[:：]", line, maxsplit=1)
                head = after[1].strip() if len(after) == 2 else ""
                return "\n".join(t for t in (head, *lines[number + 1 :]) if t.strip())
    return None


def _paragraphs_after(index: LabelIndex, field: FieldSpec) -> str | None:
    """Read a boxed blank the school's copy prints as plain lines (signature blocks).

    "主管部门（甲方）：" then its own lines, up to the next such label.
    """
    wanted = label_key(field.label)
    own = {label_key(p.column or "") for p in index.spec.parts_of(field.id)}
    paragraphs = [p.text for p in index.grid.paragraphs]
    for number, text in enumerate(paragraphs):
        if not label_key(text).startswith(wanted):
            continue
        after = re.split(r"[:：]", text, maxsplit=1)
        lines = [after[1].strip()] if len(after) == 2 and after[1].strip() else []
        for following in paragraphs[number + 1 : number + 6]:
            head = _LINE_LABEL.match(following)
            if head and label_key(head[1]) not in own:
                break  # the next party's label: "试点项目承担单位（丙方）："
            lines.append(following)
        return "\n".join(lines)
    return None
