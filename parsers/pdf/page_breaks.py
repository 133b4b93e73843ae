"""Tables that run on over a page break, joined again; a row broken by the page made whole.

A table's part on the next page is added below it when it has the same columns, a header
row Word repeated is dropped, and when the part's first row is the rest of a row broken by
the page its cells' text is joined to the cells above, like any wrapped line.
"""

from __future__ import annotations

import re
from typing import Any

from parsers.grid import Block, Paragraph
from parsers.pdf.model import FOOTER_ZONE, HEADER_ZONE, Box, Line, PageContent, Ruled
from parsers.pdf.paragraphs import (
    first_word_width,
    join_cell_lines,
    plainly_runs_on,
    room_to_spare,
    text_edges,
    wraps,
)
from parsers.pdf.tables import SNAP, build_table, snap
from parsers.pdf.typesetting import CLOSING, SENTENCE_END, is_wide

# Over a page break, a full line is taken to run on only in a column this wide (in
# characters): in a narrow label column every line is full.
_TELLING_WIDTH = 6.0
# An item's number at the start of its cell: "17." or "C17" (then "18." or "C18" follows).
_ITEM_NUMBER = re.compile(
    r"(?P<letter>[A-Z])(?P<number>\d{1,2})(?P<mark>)(?!\d)"
    r"|(?P<letter2>)(?P<number2>\d{1,2})(?P<mark2>[.．、])(?!\d)"
)
# Word and LibreOffice break a table only when the page is full, so a table that stops
# higher up than this (a fraction of the page height) ends there; a page break follows it.
_RUNS_ON_BELOW = 0.75


class _TableDraft:
    """A table being built: its first page's part, then parts from following pages."""

    def __init__(self, first: Ruled) -> None:
        self.first = first
        self.boxes = list(first.boxes)
        self.bottom = first.bottom

    def append(self, part: Ruled) -> None:
        """Add the continuation `part` below the boxes so far, dropping a repeated header.

        When `part`'s first row is the rest of a row broken by the page, its cells' text is
        added to the cells above them and the row becomes one again.
        """
        header = _repeated_header_depth(self.first, part)
        kept = [b for b in part.boxes if b.top >= part.top + header - SNAP]
        if not kept:
            return
        start = min(b.top for b in kept)
        first_row = [b for b in kept if b.top - start <= SNAP]
        pairs = self._pairs_with_last_row(first_row)
        if pairs is not None and _continues_row([(self.boxes[i], b) for i, b in pairs],
                                                [self._text_above(self.boxes[i])
                                                 for i, _ in pairs]):
            # Shift the part so its first row lies on the last row so far, and merge the two.
            shift = self.bottom - min(b.bottom for b in first_row)
            for above, below in pairs:
                self.boxes[above] = _merged_box(self.boxes[above], below, shift)
            kept = [b for b in kept if b.top - start > SNAP]
        else:
            # Shift the part so it starts where the table so far ends: no empty row between.
            shift = self.bottom - start
        self.boxes.extend(b._replace(top=b.top + shift, bottom=b.bottom + shift) for b in kept)
        self.bottom = part.bottom + shift

    def _text_above(self, box: Box) -> str:
        """Return the text of the box right above `box` in its column, "" when there is none."""
        return next((b.text for b in self.boxes if abs(b.bottom - box.top) <= SNAP
                     and abs(b.x0 - box.x0) <= SNAP and abs(b.x1 - box.x1) <= SNAP), "")

    def _pairs_with_last_row(self, row: list[Box]) -> list[tuple[int, Box]] | None:
        """Pair each box of `row` with the box ending the table so far at the same columns.

        Return (index of the box above, box) pairs, or None unless every box of the last row
        so far and of `row` has its partner: only then can `row` be that row's remainder.
        """
        last = [i for i, b in enumerate(self.boxes) if abs(b.bottom - self.bottom) <= SNAP]
        if len(last) != len(row):
            return None
        pairs: list[tuple[int, Box]] = []
        for box in row:
            above = [i for i in last if abs(self.boxes[i].x0 - box.x0) <= SNAP
                     and abs(self.boxes[i].x1 - box.x1) <= SNAP]
            if len(above) != 1:
                return None
            pairs.append((above[0], box))
        return pairs if len({i for i, _ in pairs}) == len(pairs) else None


def _continues_row(pairs: list[tuple[Box, Box]], uppers: list[str]) -> bool:
    """Return whether a first row under a page break goes on the row above it.

    `pairs` holds each box of the row above with the box of the first row below it, and
    `uppers` the text of the cell over each box of the row above. The row goes on when a
    cell's text plainly runs on over the break: the line below starts with closing
    punctuation or closes a bracket opened above. It does not when a column numbers its rows
    and the row below starts with the next number ("16." and "17." above the break, "18."
    below it); a list numbered inside each cell ("1.网络拓扑图" / "2.设备清单") numbers no rows.

    Otherwise the cells with text on both sides, in columns wide enough for a full line to
    mean something, weigh in: one whose line above is full (not even a character more would
    fit) and did not end a sentence goes on; one that ended above with room to spare ended
    there, and a row broken by the page is broken in every cell at once. The row goes on
    when some cells go on and no more ended; it does not when its label (its first cell with
    text above the break) ended. Narrow columns (a label column is full after two or three
    characters) count only all together. Last, the row goes on when its item is empty but it
    has text further right: a new row of a form always has its item printed (the item is its
    first cell with text above the break merged neither with rows above or below nor
    written down the side, as the labels of a group of rows are).
    """
    cells = sorted(zip(pairs, uppers, strict=True), key=lambda cell: cell[0][1].x0)
    pairs = [pair for pair, _ in cells]
    labelled = False  # whether a cell left of this one has text above the break
    narrow = narrow_full = 0  # narrow columns with text on both sides, and those full above
    going = ended = 0  # wide cells with text on both sides: going on, or with room to spare
    label_ended = False
    for (above, below), upper in cells:
        first = not labelled  # the row's label: its first cell with text above the break
        labelled = labelled or bool(above.lines)
        if not (above.lines and below.lines):
            continue
        if _written_down(above, below):
            continue  # a category written down the side: says nothing
        lines = [line.printed for line in above.lines + below.lines]
        index = len(above.lines)
        following = _next_item(above.text) if _numbers_rows(upper, above.text) else None
        if following is not None and below.text.startswith(following):
            return False  # "17.…" above the break, "18.…" below it: the next item's row
        paragraph = above.text.rsplit("\n", 1)[-1]
        if plainly_runs_on(paragraph, lines[index]):
            return True
        left, right = text_edges(lines, below.x0, below.x1)
        before = lines[index - 1]
        em = max(before[-1]["size"], 1.0)
        # Not even a character more would fit; or two, when the line below starts with a
        # character and closing punctuation, which no line may start with ("好。"); or a
        # number or word with closing punctuation right after it, which no line breaks
        # ("完成率" / "100%，").
        after = lines[index]
        kinsoku = len(after) > 1 and is_wide(after[0]["text"]) and after[1]["text"] in CLOSING
        word = first_word_width(lines, index, em)
        full = room_to_spare(before, left, right) < (
            word if _latin_then_closing(after) else min(word, em * (2 if kinsoku else 1))
        )
        goes_on = (full and before[-1]["text"] not in SENTENCE_END
                   and wraps(lines, index, left, right, paragraph))
        if right - left < _TELLING_WIDTH * em:
            narrow += 1
            narrow_full += goes_on
            continue
        going += goes_on
        ended += not full
        label_ended = label_ended or (first and not full)
    if going and going >= ended:
        return True
    if label_ended:
        return False
    if narrow >= 2 and narrow_full == narrow:
        # One narrow cell may be full by chance; every one of them full at once is a row
        # the page broke ("是否参与教" / "育部第一批…", "B14论文发" / "表（3分）").
        return True
    # The item: the first cell of the row that is merged neither down from the rows above
    # the break nor on into the rows below the first one, and has text above the break
    # (category columns a school left empty and unmerged say nothing).
    # The row's own top is where most of its cells start: a cell merged down from rows
    # above starts higher, one cut in two by a line inside it lower.
    tops = sorted(above.top for above, _ in pairs)
    row_top = tops[len(tops) // 2]
    row_end = min(below.bottom for _, below in pairs)
    item = next((below for above, below in pairs
                 if above.top >= row_top - SNAP and below.bottom <= row_end + SNAP
                 and above.text and not _written_down(above, below)), None)
    return item is not None and not item.text and any(below.text for _, below in pairs)


def _written_down(above: Box, below: Box) -> bool:
    """Return whether a cell over a break is written down the side, a character or two a
    line: a category over several rows ("基/本/环/境", "网络/安全")."""
    lines = above.lines + below.lines
    return (max(len(above.lines), len(below.lines)) > 1
            and all(len(line.printed) <= 2 for line in lines))


def _numbers_rows(upper: str, text: str) -> bool:
    """Return whether a cell starting `text` under one starting `upper` numbers its row."""
    following = _next_item(upper)
    return following is not None and text.startswith(following)


def _latin_then_closing(line: list[dict[str, Any]]) -> bool:
    """Return whether `line` starts with Latin letters or digits and closing punctuation."""
    for number, char in enumerate(line):
        if is_wide(char["text"]) or char["text"] in CLOSING:
            return number > 0 and char["text"] in CLOSING
    return False


def _next_item(text: str) -> str | None:
    """Return how the next item of a numbered form starts after a cell starting `text`.

    "17.建有…" is followed by "18."; "C17…" by "C18".
    """
    numbered = _ITEM_NUMBER.match(text)
    if numbered is None:
        return None
    if numbered["letter"]:
        return f"{numbered['letter']}{int(numbered['number']) + 1}"
    return f"{int(numbered['number2']) + 1}{numbered['mark2']}"


def _merged_box(above: Box, below: Box, shift: float) -> Box:
    """Return `above` grown over `below` (shifted by `shift`), its text run on into `below`'s."""
    lines = above.lines + below.lines
    text, soft = join_cell_lines(lines, above.x0, above.x1) if lines else ("", ())
    return above._replace(bottom=max(above.bottom, below.bottom + shift), text=text, lines=lines,
                          soft=soft)


def join_pages(pages: list[PageContent]) -> list[Block]:
    drafted: list[Paragraph | _TableDraft] = []
    running_on: _TableDraft | None = None
    for page in pages:
        first_body, last_body = _first_body_item(page), _last_body_item(page)
        draft: _TableDraft | None = None
        for item in page.items:
            if isinstance(item, Line):
                drafted.append(Paragraph(item.text))
                continue
            if item is first_body and running_on is not None and _same_columns(running_on, item):
                draft = running_on
                draft.append(item)
            elif item.lone:
                # A box alone that does not go on a table: a frame around some paragraphs.
                drafted.extend(Paragraph(text) for text in item.boxes[0].text.split("\n") if text)
                draft = None
            else:
                draft = _TableDraft(item)
                drafted.append(draft)
        # Only a table that fills the page's body to its end can run on onto the next page.
        runs_on = isinstance(last_body, Ruled) and last_body.bottom >= _RUNS_ON_BELOW * (
            page.height
        )
        running_on = draft if runs_on else None
    return [build_table(d.boxes) if isinstance(d, _TableDraft) else d for d in drafted]


def _first_body_item(page: PageContent) -> Line | Ruled | None:
    limit = HEADER_ZONE * page.height
    return next(
        (item for item in page.items if isinstance(item, Ruled) or item.top > limit), None
    )


def _last_body_item(page: PageContent) -> Line | Ruled | None:
    limit = FOOTER_ZONE * page.height
    return next(
        (item for item in reversed(page.items) if isinstance(item, Ruled) or item.top < limit),
        None,
    )


def _same_columns(draft: _TableDraft, part: Ruled) -> bool:
    """Return whether `part` has the column lines of `draft` (or a subset, or a superset)."""
    ours = snap(v for b in draft.boxes for v in (b.x0, b.x1))
    theirs = snap(v for b in part.boxes for v in (b.x0, b.x1))
    if abs(ours[0] - theirs[0]) > SNAP or abs(ours[-1] - theirs[-1]) > SNAP:
        return False
    fewer, more = sorted((ours, theirs), key=len)
    return all(any(abs(x - y) <= SNAP for y in more) for x in fewer)


def _repeated_header_depth(first: Ruled, part: Ruled) -> float:
    """Return how far down `part` repeats the top rows of `first` (Word's repeated header)."""
    depth = 0.0
    for boundary in snap(b.bottom - first.top for b in first.boxes):
        ours, theirs = _rows_above(first, boundary), _rows_above(part, boundary)
        if ours is None or theirs is None or not any(b.text for b in ours):
            break
        if len(ours) != len(theirs) or not all(map(_same_box, ours, theirs)):
            break
        depth = boundary
    return depth


def _rows_above(table: Ruled, depth: float) -> list[Box] | None:
    """Return the boxes in the top `depth` of `table` from its top; None if one crosses it."""
    found: list[Box] = []
    for box in table.boxes:
        top, bottom = box.top - table.top, box.bottom - table.top
        if bottom <= depth + SNAP:
            found.append(box._replace(top=top, bottom=bottom))
        elif top < depth - SNAP:
            return None
    return sorted(found, key=lambda b: (round(b.top), round(b.x0)))


def _same_box(ours: Box, theirs: Box) -> bool:
    return ours.text == theirs.text and all(
        abs(a - b) <= SNAP for a, b in zip(ours[:4], theirs[:4], strict=True)
    )
