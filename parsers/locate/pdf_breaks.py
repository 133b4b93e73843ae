"""Text a PDF broke, mended with what only the form knows: its labels and its list blanks.

The PDF reader (parsers/pdf/page_breaks.py) joins a table over a page break and a row the
page broke wherever the page alone tells; these repairs need the form's words, so they live
here, above the grid:
- a label the page broke into two rows ("是否参与重庆市智慧" / "校园建设试点") is the
  form's label only together, and its upper half is a label, not a value;
- a label wrapped over lines in a borderless row, its value beside it ("申报建设时" /
  "2022年10月" / "间：");
- a list of materials whose items a PDF ran together where a line happened to be full:
  only a blank that holds a list (``FieldSpec.is_list``) is split at such joins.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from forms.labels import label_key
from forms.model import FieldSpec
from parsers.grid import Cell, Table

# How the name of a document in a list of materials ends ("…分布图", "…验收报告", "…（3份）").
_DOCUMENT_ENDINGS = (
    "图", "表", "单", "册", "书", "录", "告", "件", "案", "账", "帐", "片", "明", "编", "要",
    "度", "法", "划", "同", "议", "知", "结", "证", "据", "料", "档", "频", "则", "份", "）", ")",
)
_NUMBERED_ITEM = re.compile(r"\d{1,2}[.．、]|[（(]\d{1,2}[)）]|[①-⑳]")
# What a line going on with the item above starts with: "…拓扑图" / "和设备清单", "（12份）".
_GOES_ON = tuple("和及与或并等的之、，。；：（）()》”’")


def split_label_cell(by_initial: Mapping[str, Sequence[tuple[Table, Cell, str]]],
                     wanted: str) -> tuple[Table, Cell] | None:
    """Return a label a page break split over two cells, one above the other, as one.

    A PDF of a row broken by the page may give "是否参与重庆市智慧" at the foot of one page
    and "校园建设试点" at the head of the next as two rows; the label is theirs together.
    `by_initial` holds the file's cells by the first character of their key.
    """
    for table, cell, key in by_initial.get(wanted[:1], ()):
        if not (key and wanted.startswith(key) and len(key) < len(wanted)):
            continue
        below = table.below(cell)
        if below is not None and key + label_key(below.text) == wanted:
            joined = Cell(cell.text + below.text, cell.row, cell.col,
                          cell.rowspan + below.rowspan, cell.colspan)
            return table, joined
    return None


def is_upper_half_of_label(table: Table, cell: Cell, label_keys: Collection[str]) -> bool:
    """Return whether `cell` is the top of a label a page break split ("教育信息化、智慧")."""
    key = label_key(cell.text)
    below = table.below(cell) if key else None
    return below is not None and key + label_key(below.text) in label_keys


def wrapped_label_value(lines: list[str], wanted: str) -> str | None:
    """Read a label wrapped over lines with its value printed beside it.

    A PDF of a borderless row gives "申报建设时" / "2022年10月" / "间：": the label's pieces
    with the value's lines between them, in the order they stand on the page.
    """
    for start, line in enumerate(lines):
        head, _, rest = line.strip().partition(" ")
        key = label_key(head)
        if not key or not wanted.startswith(key) or key == wanted:
            continue
        label, values = key, [rest.strip()] if rest.strip() else []
        for following in lines[start + 1 : start + 6]:
            head, _, rest = following.strip().partition(" ")
            piece = label_key(head)
            if piece and wanted.startswith(label + piece):
                label += piece
                values += [rest.strip()] if rest.strip() else []
                if label == wanted:
                    return "\n".join(values)
            else:
                values.append(following.strip())
    return None


def cell_text(cell: Cell, field: FieldSpec) -> str:
    """Return the text of `cell` as the blank `field` holds it (a list: one item a line)."""
    if field.is_list and cell.soft_joins:
        return split_list_items(cell.text, cell.soft_joins)
    return cell.text


def split_list_items(text: str, soft_joins: tuple[int, ...]) -> str:
    """Break a list's text where a line that was full ended one item and began the next.

    A PDF joins a full line to the next as a wrap; in a list of materials, a short item that
    happens to fill its line ("监控点位分布图" / "电子巡更记录") is an item of its own when it
    ends like a document's name and the next line does not go on with it ("和设备清单").
    """
    numbered = any(_NUMBERED_ITEM.match(line.strip()) for line in text.split("\n"))
    pieces: list[str] = []
    start = 0  # where the text not yet written out begins; also where the current item does
    for offset in soft_joins:
        item_start = max(start, text.rfind("\n", 0, offset) + 1)
        item = text[item_start:offset].strip()
        if numbered:
            # A numbered list: a new item is the next number ("1.数据备份记录" /
            # "2.2021年…"); anything else goes on the item ("1.管理系统登录" / "界面截图").
            following = _next_number(item)
            ends = following is not None and text[offset:].startswith(following)
        else:
            ends = (len(item) >= 2 and item.endswith(_DOCUMENT_ENDINGS)
                    and not text[offset:].startswith(_GOES_ON))
        if ends:
            pieces.append(text[start:offset].rstrip() + "\n")
            start = offset
    pieces.append(text[start:])
    return "".join(pieces)


def _next_number(item: str) -> str | None:
    """Return how the item after `item` would start ("3." after "2.…", "②" after "①…")."""
    number = _NUMBERED_ITEM.match(item)
    if number is None:
        return None
    mark = number[0]
    if "①" <= mark <= "⑲":
        return chr(ord(mark) + 1)
    if mark[0] in "0123456789":
        return f"{int(mark[:-1]) + 1}{mark[-1]}"
    return None
