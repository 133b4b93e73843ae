"""What a phone photo does to a page, and the rules that read it anyway.

Each test draws the trouble a photographed return brings (a hairline rule faded beside
text, a page on a light wooden desk, sheets photographed a little larger or smaller than
each other, lines of a cell blurred close together, a small mark outside the box of its
line) and checks what a clerk would get: the cells of the table, the lines of a cell, the
mark read.
"""

from __future__ import annotations

import io
import itertools

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from parsers.pdf.model import Box, PageContent, Ruled
from parsers.pdf.paragraphs import room_to_spare
from parsers.scan.glyphs import characters, fitted
from parsers.scan.images import Picture
from parsers.scan.ocr import Glyph, TextLine
from parsers.scan.page import _same_lines
from parsers.scan.pages import line_up
from parsers.scan.reader import read_image
from parsers.scan.ruling import find_rules, ink_of
from parsers.scan.straighten import straightened

_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"


def _table_page(inner_rule: int) -> np.ndarray:
    """Return a grey page: a two-column, three-row table whose middle row rules are
    `inner_rule` grey and a pixel thin, with text set right under them."""
    page = Image.new("L", (1200, 700), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(_FONT, 30)
    left, right, middle = 100, 1100, 500
    rows = [100, 260, 420, 580]
    draw.rectangle((left, rows[0], right, rows[-1]), outline=0, width=3)
    draw.line((middle, rows[0], middle, rows[-1]), fill=0, width=3)
    for y in rows[1:-1]:
        draw.line((left, y, right, y), fill=inner_rule, width=1)
    for top in rows[:-1]:
        for x in (left + 20, middle + 20):
            # Two lines of text filling the cell, the first a pixel under the rule above.
            draw.text((x, top + 4), "教育信息化职能部门", fill=0, font=font)
            draw.text((x, top + 44), "名称与数量", fill=0, font=font)
    return np.asarray(page.filter(ImageFilter.GaussianBlur(1.2)))


def test_a_faint_hairline_rule_beside_text_still_divides_the_rows():
    grey = _table_page(inner_rule=205)
    rules = find_rules(ink_of(grey), grey)
    assert len(rules.tables) == 1
    assert len(rules.tables[0]) == 6  # three rows of two cells, none merged


def test_without_the_hairline_the_rows_are_one_cell():
    grey = _table_page(inner_rule=255)
    rules = find_rules(ink_of(grey), grey)
    assert len(rules.tables[0]) == 2


def _broken_rule_page() -> tuple[np.ndarray, np.ndarray]:
    """Return a grey page whose middle row rule a shrunk JPEG broke every 20 pixels, and the
    mask of its lines of text."""
    grey = _table_page(inner_rule=255).copy()
    text = np.zeros_like(grey)
    for y in (260, 420):
        for x in range(100, 1100, 24):
            grey[y, x:x + 20] = np.minimum(grey[y, x:x + 20], 200)
    for top in (100, 260, 420):
        for x in (120, 520):  # where the two lines of each cell stand (see _table_page)
            text[top + 8:top + 80, x:x + 300] = 255
    return grey, text


def test_a_hairline_a_photo_broke_here_and_there_divides_the_rows_beside_read_text():
    grey, text = _broken_rule_page()
    assert len(find_rules(ink_of(grey), grey).tables[0]) == 2  # without the text: no rule
    assert len(find_rules(ink_of(grey), grey, text).tables[0]) == 6


def test_shading_is_not_a_rule():
    page = np.full((600, 1000), 255, np.uint8)
    cv2.rectangle(page, (100, 100), (900, 500), 0, 3)
    page[103:200, 103:898] = 200  # a shaded header row, no rule under it
    rules = find_rules(ink_of(page), page)
    assert len(rules.tables[0]) == 1


def test_a_page_photographed_on_a_light_wooden_desk_is_found_and_flattened():
    page = Image.new("RGB", (1240, 1754), (250, 250, 248))
    draw = ImageDraw.Draw(page)
    draw.rectangle((150, 300, 1090, 1400), outline=(0, 0, 0), width=4)
    draw.line((150, 850, 1090, 850), fill=(0, 0, 0), width=4)
    photo = np.zeros((2200, 1700, 3), np.uint8)
    photo[:] = (214, 178, 128)  # light wood: as light as the paper in the red channel
    corners = np.float32([[0, 0], [1239, 0], [1239, 1753], [0, 1753]])
    placed = np.float32([[260, 180], [1480, 240], [1530, 2000], [190, 1960]])
    matrix = cv2.getPerspectiveTransform(corners, placed)
    cv2.warpPerspective(np.asarray(page), matrix, (1700, 2200), photo,
                        borderMode=cv2.BORDER_TRANSPARENT)
    flat = straightened(Picture(photo))
    table = find_rules(ink_of(flat), flat).tables
    assert len(table) == 1 and len(table[0]) == 2
    top, bottom = table[0]
    # The frame stands square again: both cells as wide as each other, their sides level.
    assert abs((top.x1 - top.x0) - (bottom.x1 - bottom.x0)) <= 8
    assert abs(top.x0 - bottom.x0) <= 8
    # The page fills the flattened picture: the desk is cut away.
    assert flat.shape[1] < 1400


def _part(columns: list[float], top: float, texts: list[str]) -> Ruled:
    boxes = [Box(x0, top, x1, top + 20, text, (), ())
             for (x0, x1), text in zip(itertools.pairwise(columns), texts, strict=True)]
    return Ruled(boxes, top, top + 20)


def test_a_sheet_photographed_a_little_larger_lines_up_with_the_one_before():
    columns = [60.0, 160.0, 360.0, 540.0]
    before = PageContent(842, [_part(columns, 700, ["1", "甲", "乙"])], True, 595)
    larger = [60.0 + (x - 60.0) * 1.025 + 3 for x in columns]  # 2.5% larger, 3 pt aside
    after = PageContent(842, [_part(larger, 60, ["2", "丙", "丁"])], True, 595)
    line_up([before, after])
    lined = after.items[0]
    assert isinstance(lined, Ruled)
    assert [(round(b.x0), round(b.x1)) for b in lined.boxes] == [(60, 160), (160, 360),
                                                                 (360, 540)]


def _piece(text: str, x0: float, top: float, number: int) -> list[dict]:
    return [{"text": ch, "x0": x0 + 12 * i, "x1": x0 + 12 * i + 11, "top": top,
             "bottom": top + 12, "size": 12, "piece": number} for i, ch in enumerate(text)]


def test_two_lines_blurred_close_together_stay_two_lines():
    first = _piece("开通教师学生家长", 100, 300, 0)
    second = _piece("空间有效运用", 100, 306, 1)  # half a line lower: the blur closed the gap
    lines = _same_lines([first, second])
    assert ["".join(c["text"] for c in line) for line in lines] == ["开通教师学生家长",
                                                                   "空间有效运用"]


def test_pieces_of_one_line_side_by_side_are_one_line():
    lines = _same_lines([_piece("☑是", 100, 300, 0), _piece("☐否", 160, 302, 1)])
    assert ["".join(c["text"] for c in line) for line in lines] == ["☑是☐否"]


def test_a_line_box_is_fitted_to_its_writing_and_takes_in_a_mark_beside_it():
    ink = np.zeros((200, 600), np.uint8)
    ink[40:52, 100:400] = 255  # the foot of the line above
    ink[60:90, 100:400] = 255  # this line's writing
    ink[82:88, 84:90] = 255  # a 、 wrapped to the head of the line, left of the box
    ink[60:90, 500:560] = 255  # the next cell's text, beyond a rule
    rules = np.zeros_like(ink)
    rules[:, 470:473] = 255
    (x0, top, x1, bottom), = fitted([(96, 38, 430, 96)], ink, rules)
    assert 52 < top <= 60 and 90 <= bottom <= 96  # the line above is left out
    assert x0 <= 84  # the mark is in
    assert x1 < 470  # never over the rule into the next cell


def test_a_scanned_line_short_of_the_edge_by_its_ink_alone_is_full():
    def line(inked: bool) -> list[dict]:
        chars = [{"text": "教", "x0": 100 + 10.4 * i, "x1": 109.6 + 10.4 * i, "size": 10.4}
                 for i in range(9)]
        if inked:
            for char in chars:
                char["inked"] = True
        return chars

    right = 109.6 + 10.4 * 8 + 10.9  # a character's ink and a little more to the edge
    assert room_to_spare(line(inked=True), 100, right) < 10.4
    assert room_to_spare(line(inked=False), 100, right) > 10.4


def test_words_written_down_the_side_are_read_as_words():
    page = Image.new("L", (1654, 1100), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(_FONT, 30)
    left, side, right = 150, 260, 1500
    rows = [150, 450, 750, 900]
    draw.rectangle((left, rows[0], right, rows[-1]), outline=0, width=3)
    draw.line((side, rows[0], side, rows[-2]), fill=0, width=3)
    for y in rows[1:-1]:
        draw.line((side if y != rows[-2] else left, y, right, y), fill=0, width=3)
    for number, char in enumerate("数据管理与分析"):  # one group of two rows, down the side
        draw.text((190, 200 + 70 * number), char, fill=0, font=font)
    draw.text((side + 20, 280), "23.提供基于教师个体的教学质量评价。", fill=0, font=font)
    draw.text((side + 20, 580), "24.提供家庭教育相关影响因素分析。", fill=0, font=font)
    draw.text((left + 20, 800), "附注：以上为自评。", fill=0, font=font)
    buffer = io.BytesIO()
    page.save(buffer, "PNG", dpi=(200, 200))
    table = read_image(buffer.getvalue()).tables[0]
    texts = ["".join(cell.text.split()) for cell in table.cells]
    assert texts[0] == "数据管理与分析"
    numbered = [text for text in texts if text.startswith("24")]
    assert numbered == ["24.提供家庭教育相关影响因素分析。"]


def _read_line(texts_and_starts: list[tuple[str, int]]) -> list[dict]:
    """Return the characters of a line of 30-pixel characters starting where given."""
    ink = np.zeros((100, 800), np.uint8)
    glyphs = []
    for text, start in texts_and_starts:
        ink[35:65, start + 2:start + 28] = 255
        glyphs.append(Glyph(text, start + 15, 0.99))
    return characters(TextLine(0, 30, 800, 70, tuple(glyphs)), ink)


def test_a_mark_ocr_missed_between_two_characters_makes_the_reading_unsure():
    # "教学楼、实验楼" with the 、 too faint to read: a character's width of nothing between.
    missed = _read_line([("楼", 100), ("实", 160), ("验", 190)])
    assert "".join(c["text"] for c in missed) == "楼 实验"
    assert [c["confidence"] for c in missed if c["text"] == "实"] == [0.5]
    # Characters set close, as Chinese is set, are read as surely as OCR read them.
    close = _read_line([("楼", 100), ("实", 130), ("验", 160)])
    assert [c["confidence"] for c in close] == [0.99, 0.99, 0.99]
