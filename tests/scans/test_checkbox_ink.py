"""A checkbox is read by the ink inside its frame: empty, crossed, ticked, or touching text.

Drawn at 200 dpi as Word and LibreOffice print them: a 4 mm square, crossed when ticked (a
legacy form field), or ticked by a pen; a box set right against the character after it is
still a box.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from parsers.grid import CHECKED, UNCHECKED
from parsers.scan.checkboxes import find_squares
from parsers.scan.ruling import ink_of

_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
EM = 33  # 12 pt at 200 dpi


def _ink(mark: str, *, touching: bool = False) -> np.ndarray:
    page = Image.new("L", (240, 120), 255)
    draw = ImageDraw.Draw(page)
    x0, y0, side = 60, 40, 32
    draw.rectangle((x0, y0, x0 + side, y0 + side), outline=0, width=2)
    if mark == "cross":
        draw.line((x0, y0, x0 + side, y0 + side), fill=0, width=2)
        draw.line((x0, y0 + side, x0 + side, y0), fill=0, width=2)
    elif mark == "tick":
        draw.line((x0 + 6, y0 + 16, x0 + 13, y0 + 26, x0 + 27, y0 + 5), fill=0, width=4)
    font = ImageFont.truetype(_FONT, EM)
    draw.text((x0 + side + (0 if touching else 8), y0 - 6), "是", fill=0, font=font)
    return ink_of(np.asarray(page))


@pytest.mark.parametrize(("mark", "expected"),
                         [("none", UNCHECKED), ("cross", CHECKED), ("tick", CHECKED)])
@pytest.mark.parametrize("touching", [False, True])
def test_a_box_is_read_by_its_ink(mark, expected, touching):
    boxes = find_squares(_ink(mark, touching=touching), EM)
    assert [box.mark for box in boxes if 55 <= box.x0 <= 65] == [expected]
