"""Printed lines into paragraphs: a line that wrapped is joined to the next, in a cell or not.

A line the writer ended (a short one, one followed by an empty line or by the next numbered
item) stays a line of its own; a wrapped line is joined with a space or nothing, as the
characters at the break ask.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any

from parsers.pdf.model import CellLine, Line, PageContent, Ruled, in_body
from parsers.pdf.typesetting import (
    BRACKETS,
    CLOSING,
    HALF_BRACKETS,
    NO_SPACE_AFTER,
    NO_SPACE_BEFORE,
    WORD_GAP,
    is_wide,
)

# Telling a line that wrapped from a line the writer ended (fractions of the font size but
# the padding): Word and LibreOffice keep about 5.4 pt between a cell's border and its text;
# a first line may be indented by two characters; a wrapped line ends less than the next
# word short of the right edge, give or take half a character of rounding and padding.
_CELL_PADDING = 6.0
_INDENT = 2.5
_WRAP_SLACK = 0.5
# A wrapped line follows the line above at the paragraph's line pitch, whatever the font; a
# line further down than this many pitches has an empty line or a paragraph's spacing above
# it. The pitch is read from the neighbouring lines, as fonts differ in line height.
_PARAGRAPH_GAP = 1.6
# Characters read off a page image are measured by their ink, which stands a little inside
# the box the font sets them in: a line's room is that much (ems) smaller than measured.
_INK_SLACK = 0.15
# A line starting like a numbered item ("2.", "3、", "（4）", "⑤", "三、", "（二）") begins a
# new paragraph even when the line before it is full: list items are typed one a paragraph.
_LIST_ITEM = re.compile(
    r"(\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]|[①-⑳]"
    r"|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])"
)
# After a sentence ends, a line starting "2.2021年…" is the next numbered item too.
_ITEM_END = frozenset("。；！？;!?")
_NUMBER_THEN_DIGITS = re.compile(r"\d{1,2}[.．、]\d")


def join_wrapped_lines(pages: list[PageContent]) -> None:
    """Join the lines outside tables that wrapped into the paragraphs they are, page by page.

    The text runs from the left margin, where the leftmost body line starts, to as far from
    the right edge of the page (Word's and LibreOffice's margins are the same on both sides).
    """
    body = [
        item.last.printed[0]["x0"] for page in pages for item in page.items
        if isinstance(item, Line) and item.last is not None and in_body(item, page)
    ]
    if not body:
        return
    left = min(body)
    for page in pages:
        right = page.width - left
        joined: list[Line | Ruled] = []
        run: list[Line] = []  # the lines printed since the last table or header
        for item in page.items:
            if not isinstance(item, Line) or item.last is None or not in_body(item, page):
                joined.append(item)
                run = []
                continue
            previous = joined[-1] if run else None
            if isinstance(previous, Line) and previous.last is not None and _wraps_on(
                    [line.last.printed for line in (*run, item) if line.last], left, right,
                    previous.text):
                joint = _joint(previous.last, item.last, right)
                joined[-1] = Line(previous.top, previous.text + joint + item.text, item.last)
            else:
                joined.append(item)
            run.append(item)
        page.items = joined


def _wraps_on(lines: list[list[dict[str, Any]]], left: float, right: float, paragraph: str
              ) -> bool:
    """Return whether the last but one of `lines` (outside tables) wrapped into the last."""
    before, after = lines[-2], lines[-1]
    if abs(before[-1]["size"] - after[0]["size"]) > 0.1 * before[-1]["size"]:
        return False  # a heading over body text, or the other way round
    return wraps(lines, len(lines) - 1, left, right, paragraph)


def join_cell_lines(lines: Sequence[CellLine], x0: float, x1: float
                     ) -> tuple[str, tuple[int, ...]]:
    """Return the text of the cell from `x0` to `x1` holding `lines`, wrapped lines joined.

    Also return where a line was joined only because it was full (nothing in the text says
    it goes on): the offsets in the text where the joined line starts.
    """
    printed = [line.printed for line in lines]
    left, right = text_edges(printed, x0, x1)
    parts = [lines[0].text]
    paragraph = lines[0].text
    length = len(lines[0].text)
    soft: list[int] = []
    for index in range(1, len(lines)):
        if wraps(printed, index, left, right, paragraph):
            joint = _joint(lines[index - 1], lines[index], right)
            if not plainly_runs_on(paragraph, printed[index]):
                soft.append(length + len(joint))
            part = joint + lines[index].text
            paragraph += part
        else:
            part = "\n" + lines[index].text
            paragraph = lines[index].text
        parts.append(part)
        length += len(part)
    return "".join(parts), tuple(soft)


def text_edges(printed: Sequence[list[dict[str, Any]]], x0: float, x1: float
                ) -> tuple[float, float]:
    """Return where text starts and must end in the cell from `x0` to `x1` holding `printed`."""
    padding = min(_CELL_PADDING, min(line[0]["x0"] for line in printed) - x0)
    return x0 + padding, x1 - padding


def wraps(lines: Sequence[list[dict[str, Any]]], index: int, left: float, right: float,
           paragraph: str) -> bool:
    """Return whether line `index - 1` of `lines` was broken only to go on in line `index`.

    The printed characters of each line are given; text runs from `left` to `right`;
    `paragraph` is the text of the paragraph line `index - 1` ends so far.
    """
    before, after = lines[index - 1], lines[index]
    em = max(before[-1]["size"], 1.0)
    if before[0]["x0"] > left + _INDENT * em:
        return False  # a short line set to the right or centred: it ends where it was typed
    if _set_apart(lines, index):
        return False  # an empty line between: however full the line above, it ended there
    if plainly_runs_on(paragraph, after):
        return True
    head = "".join(c["text"] for c in after[:4])
    if _LIST_ITEM.match(head):
        return False  # the next numbered item: a paragraph of its own
    if before[-1]["text"] in _ITEM_END and _NUMBER_THEN_DIGITS.match(head):
        return False  # "…满足需要。" / "2.2021年新增…": the next item, though digits follow

    needed = first_word_width(lines, index, em)
    return before[-1]["x1"] + needed > right - _WRAP_SLACK * em


def _set_apart(lines: Sequence[list[dict[str, Any]]], index: int) -> bool:
    """Return whether line `index` of `lines` stands further below the line above it than a
    wrapped line would: more than _PARAGRAPH_GAP times the pitch of the lines next to them.

    Lines on another page (above the line before) and lines in another size say nothing.
    """
    size = lines[index - 1][-1]["size"]

    def pitch(upper: int) -> float | None:
        """Return how far line `upper + 1` is below line `upper`, both of `size`."""
        if upper < 0 or upper + 1 >= len(lines):
            return None
        pair = (lines[upper], lines[upper + 1])
        if any(abs(line[-1]["size"] - size) > 0.1 * size for line in pair):
            return None
        distance = _baseline(pair[1]) - _baseline(pair[0])
        return distance if distance > 0 else None

    gap = pitch(index - 1)
    neighbours = [p for p in (pitch(index - 2), pitch(index)) if p is not None]
    return gap is not None and bool(neighbours) and gap > _PARAGRAPH_GAP * min(neighbours)


def _baseline(line: list[dict[str, Any]]) -> float:
    return max(char["bottom"] for char in line)


def room_to_spare(line: list[dict[str, Any]], left: float, right: float) -> float:
    """Return how much wider the printed `line` could have been between `left` and `right`.

    A centred line has its room split on both sides of it. Characters measured by their ink
    (a scan's, marked "inked") leave a little more room than they had.
    """
    room = right - line[-1]["x1"]
    if line[-1].get("inked"):
        room -= _INK_SLACK * line[-1]["size"]
    margin = line[0]["x0"] - left
    if margin > 1 and abs(margin - room) < 1.5:
        room += margin
    return room


def plainly_runs_on(paragraph: str, after: list[dict[str, Any]]) -> bool:
    """Return whether line `after` plainly goes on with the text `paragraph` so far.

    It does when it starts with closing punctuation, which no line, let alone a paragraph,
    begins with; or when it first closes a bracket or quotation mark left open in it.
    """
    if after[0]["text"] in CLOSING:
        return True
    # People mix the widths of a pair ("(2分）"): count both widths as one bracket.
    paragraph = paragraph.translate(HALF_BRACKETS)
    text = "".join(c["text"] for c in after).translate(HALF_BRACKETS)
    for opening, closing in BRACKETS.items():
        if paragraph.count(opening) > paragraph.count(closing) and closing in text:
            if opening not in text or text.index(closing) < text.index(opening):
                return True
    return False


def first_word_width(lines: Sequence[list[dict[str, Any]]], index: int, em: float) -> float:
    """Return the width of the first word of line `index`: what could not fit on the line above.

    A word is a run of Latin letters or digits, or one Chinese character. An opening bracket
    goes with the word after it ("（13806661234）"), since a line must not end with it.
    Closing punctuation goes with what it follows, since a line must not start with it, and
    so do the letters or digits right after it: LibreOffice breaks no line between "，" and
    "2021". A word that runs to the end of its line goes on into a next line starting with
    closing punctuation: LibreOffice may have broken it there only because it did not fit on
    a line of its own.
    """
    head = lines[index][0]
    previous = head
    width = 0.0
    for number in range(index, len(lines)):
        line = lines[number]
        if number > index and line[0]["text"] not in CLOSING:
            break
        end = line[0]["x1"]
        ended = False
        for char in line[1:]:
            text = char["text"]
            # No line ends with an opening bracket: it goes with what follows it.
            after_wide = (is_wide(previous["text"]) and previous["text"] not in CLOSING
                          and previous["text"] not in BRACKETS)
            breakable = text not in CLOSING and (is_wide(text) or after_wide)
            ended = breakable or char["x0"] - end > WORD_GAP * em
            if ended:
                break
            previous, end = char, char["x1"]
        width += end - line[0]["x0"]
        if ended:
            break
        previous = line[-1]
    return width + (0 if is_wide(head["text"]) else WORD_GAP * em)


def _joint(before: CellLine, after: CellLine, right: float) -> str:
    """Return what joins the wrapped line `before` to `after`: a space, or nothing.

    A line broken at a space keeps that space at its end in LibreOffice's text layer, and it
    stays, Chinese or not. Otherwise Chinese is written without spaces, and Latin words are
    still apart unless a dash, slash or bracket stands at the break, or a word too long for
    a line was cut where the line ended (an e-mail address, a long number).
    """
    last, first = before.printed[-1], after.printed[0]
    if any(c["text"].isspace() and c["x0"] >= last["x1"] - 0.5 for c in before.chars):
        return " "  # a space typed where the line broke ("陈立新 " / "13857712345")
    if is_wide(last["text"]) or is_wide(first["text"]):
        return ""
    if last["text"] in NO_SPACE_AFTER or first["text"] in NO_SPACE_BEFORE:
        return ""
    if first["text"] in CLOSING:
        return ""
    em = max(last["size"], 1.0)
    one_word = not any(c["text"].isspace() for c in before.chars) and all(
        b["x0"] - a["x1"] <= WORD_GAP * em
        for a, b in itertools.pairwise(before.printed)
    )
    if one_word and last["x1"] + (first["x1"] - first["x0"]) > right:
        return ""
    return " "
