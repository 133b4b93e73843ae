"""Whether a page picture can be read at all: too small, too dark, too blurred, or empty.

A clerk is told what is wrong with the picture, so the school can scan it again, instead of
a reading that cannot be trusted.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

from forms.errors import UnreadableFileError
from parsers.scan.images import Picture
from parsers.scan.ocr import TextLine

# A page needs this many pixels on its shorter and longer side (about 100 dpi on A4).
_SMALL = (800, 1100)
# The paper of a page this dark (mean brightness, 0–255) is no longer white.
_DARK = 80
# Fewer lines than this read from a page with ink on it: nothing could be read.
_FEWEST_LINES = 2
# The sharpness (variance of the Laplacian on the text) of a page too blurred to read.
_BLURRED = 150.0

TOO_SMALL_MESSAGE = (
    "图片太小（{width}×{height} 像素），看不清表格里的字；"
    "请学校用 200 dpi 以上重新扫描，或拍照时让表格占满画面")
TOO_DARK_MESSAGE = "扫描件太暗，无法识别；请学校在光线充足处重新扫描或拍照"
BLURRED_MESSAGE = "扫描件太模糊，无法识别；请学校重新扫描，或拍照时对准焦距、拿稳手机"
NOTHING_READ_MESSAGE = "扫描件里识别不出文字，无法读取；请学校提交清晰的扫描件或 Word 文档"


class PageUnreadable(UnreadableFileError):
    """A page picture that cannot be read; the reader gives it its file's code."""


def check_before_reading(picture: Picture) -> None:
    """Refuse a page too small or too dark to read, before any work is spent on it."""
    height, width = picture.pixels.shape[:2]
    if min(width, height) < _SMALL[0] or max(width, height) < _SMALL[1]:
        raise PageUnreadable(TOO_SMALL_MESSAGE.format(width=width, height=height))
    sample = picture.pixels[::4, ::4]
    if float(sample.mean()) < _DARK:
        raise PageUnreadable(TOO_DARK_MESSAGE)


def check_after_reading(grey: np.ndarray, lines: Sequence[TextLine]) -> None:
    """Refuse a page with ink on it from which OCR could read (almost) nothing."""
    if len([line for line in lines if line.text.strip()]) >= _FEWEST_LINES:
        return
    if sharpness(grey) < _BLURRED:
        raise PageUnreadable(BLURRED_MESSAGE)
    raise PageUnreadable(NOTHING_READ_MESSAGE)


def sharpness(grey: np.ndarray) -> float:
    """Return how sharp the edges of the page's writing are (variance of the Laplacian)."""
    return float(cv2.Laplacian(grey, cv2.CV_64F).var())
