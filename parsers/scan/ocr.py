"""The OCR engine: PP-OCR text detection and recognition run with onnxruntime, offline.

The models are the ONNX files inside the installed ``rapidocr`` wheel (its ``models``
folder); nothing of that package's code is imported, so its model downloader never runs,
and onnxruntime only ever opens those local files. One engine is loaded per process, the
first time a page needs it, and kept: a worker reads many pages with one engine.
onnxruntime's own telemetry (its PyPI build would record a device id under the user's cache
folder and upload usage events) is switched off before onnxruntime is first imported.

Detection runs on the page shrunk to ``DETECT_SIDE`` pixels (lines are found as well, at a
tenth of the cost); recognition reads each found line from the page as it is. Each
character comes back with its place on the line and how sure the recogniser was of it.
"""

from __future__ import annotations

import importlib.util
import math
import os
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from forms.errors import UnreadableFileError

# Read by onnxruntime when it loads: no telemetry, no device id written, nothing uploaded.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"

# The wheel that carries the models, and the models in it (PP-OCRv6 small, Chinese).
MODEL_PACKAGE = "rapidocr"
DETECT_MODEL = "PP-OCRv6_det_small.onnx"
RECOGNISE_MODEL = "PP-OCRv6_rec_small.onnx"
ORIENT_MODEL = "ch_ppocr_mobile_v2.0_cls_mobile.onnx"  # a line upright, or on its head
# The longest side of the page as the detector sees it.
DETECT_SIDE = 960
# Detection: a pixel of text is one whose probability is above this; a line is kept when
# its mean probability is above the second; its box grows by the third (DB's "unclip").
_TEXT_PIXEL = 0.3
_LINE_SCORE = 0.5
_UNCLIP = 1.6
_MIN_LINE_SIDE = 3  # pixels of the shrunk page
# Recognition: lines go in batches of about equal width, each scaled to this height. The
# scores of a batch take 4 bytes × 18,710 characters × a frame every 8 pixels of its width:
# a batch is at most this wide in all (about 20 MB of scores).
_LINE_HEIGHT = 48
_BATCH_WIDTH = 2048
# Orientation: the widest lines (this many at most) vote, each cut to this shape; a vote
# counts when this sure, and it takes this many votes to tell.
_ORIENT_SAMPLE = 12
_ORIENT_SHAPE = (48, 192)
_ORIENT_SURE = 0.9
_ORIENT_VOTES = 3
# A character this near (line heights) its box's edge, inside another line's box, is a
# sliver of that line's text.
_SLIVER = 0.3
MODELS_MISSING = "未安装文字识别模型（rapidocr），无法读取扫描件；请重新安装 tianbiao"


@dataclass(frozen=True)
class Glyph:
    """One recognised character: its text, its horizontal centre (page pixels), certainty."""

    text: str
    x: float
    confidence: float


@dataclass(frozen=True)
class TextLine:
    """One line of text found on the page: its box in page pixels and its characters."""

    x0: float
    top: float
    x1: float
    bottom: float
    glyphs: tuple[Glyph, ...]

    @property
    def text(self) -> str:
        """Return the line's characters as one string."""
        return "".join(g.text for g in self.glyphs)


def model_folder() -> Path:
    """Return the folder of the model wheel's ONNX files, without importing that package."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise UnreadableFileError(MODELS_MISSING, code="error")
    folder = Path(next(iter(spec.submodule_search_locations))) / "models"
    if not all((folder / model).is_file()
               for model in (DETECT_MODEL, RECOGNISE_MODEL, ORIENT_MODEL)):
        raise UnreadableFileError(MODELS_MISSING, code="error")
    return folder


class Engine:
    """PP-OCR detection and recognition sessions over the wheel's local model files."""

    def __init__(self, folder: Path) -> None:
        import onnxruntime

        onnxruntime.disable_telemetry_events()
        # OpenCV's threads are left as they are: cv2.setNumThreads in a forked worker whose
        # parent ran OpenCV waits forever on the parent's pool.
        options = onnxruntime.SessionOptions()
        # One thread, no pool: the batch runs a worker per core, and a process holding a
        # pool of threads cannot be forked safely (its copy in the child waits forever).
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        # The arena keeps the largest page's buffers for good: memory would only grow.
        options.enable_cpu_mem_arena = False
        options.log_severity_level = 3
        providers = ["CPUExecutionProvider"]
        self._detector = onnxruntime.InferenceSession(
            str(folder / DETECT_MODEL), options, providers=providers)
        self._recogniser = onnxruntime.InferenceSession(
            str(folder / RECOGNISE_MODEL), options, providers=providers)
        self._orienter = onnxruntime.InferenceSession(
            str(folder / ORIENT_MODEL), options, providers=providers)
        characters = self._recogniser.get_modelmeta().custom_metadata_map["character"]
        # CTC: index 0 is "no character"; the model's last class is the space.
        self._alphabet = ["", *characters.splitlines(), " "]

    def read(self, grey: np.ndarray, boxes: list[tuple[int, int, int, int]] | None = None
             ) -> list[TextLine]:
        """Return the lines of text on the grey page image `grey` (in `boxes`, if found)."""
        if boxes is None:
            boxes = self.find_lines(grey)
        lines = [line for line in self.recognise(grey, boxes) if line.glyphs]
        return [line for line in map(_without_slivers, lines, [lines] * len(lines))
                if line.glyphs]

    def find_lines(self, grey: np.ndarray) -> list[tuple[int, int, int, int]]:
        """Return the boxes (x0, top, x1, bottom; page pixels) of the lines of text on `grey`."""
        height, width = grey.shape
        scale = min(1.0, DETECT_SIDE / max(height, width))
        small_h = max(32, round(height * scale / 32) * 32)
        small_w = max(32, round(width * scale / 32) * 32)
        small = cv2.resize(grey, (small_w, small_h), interpolation=cv2.INTER_AREA)
        tensor = _normalised(small)[np.newaxis]
        (probability,) = self._detector.run(None, {self._detector.get_inputs()[0].name: tensor})
        probability = probability[0, 0]
        mask = (probability > _TEXT_PIXEL).astype(np.uint8)
        mask = cv2.dilate(mask, np.ones((2, 2), np.uint8))
        count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=4)
        sx, sy = width / small_w, height / small_h
        boxes = []
        for index in range(1, count):
            x, y, w, h, _ = stats[index]
            if min(w, h) < _MIN_LINE_SIDE:
                continue
            region = probability[y:y + h, x:x + w][labels[y:y + h, x:x + w] == index]
            if float(region.mean()) < _LINE_SCORE:
                continue
            grow = w * h * _UNCLIP / (2 * (w + h))
            boxes.append((max(0, round((x - grow) * sx)), max(0, round((y - grow) * sy)),
                          min(width, round((x + w + grow) * sx)),
                          min(height, round((y + h + grow) * sy))))
        boxes.sort(key=lambda b: (b[1], b[0]))
        return boxes

    def upside_down(self, grey: np.ndarray, boxes: list[tuple[int, int, int, int]]) -> bool:
        """Tell whether the writing on `grey` stands on its head: the widest lines' vote."""
        wide = sorted((b for b in boxes if b[2] - b[0] >= 2 * (b[3] - b[1])),
                      key=lambda b: b[0] - b[2])[:_ORIENT_SAMPLE]
        if len(wide) < _ORIENT_VOTES:
            return False
        height, width = _ORIENT_SHAPE
        tensor = np.zeros((len(wide), 3, height, width), np.float32)
        for slot, (x0, top, x1, bottom) in enumerate(wide):
            scaled = min(width, max(1, math.ceil(height * (x1 - x0) / (bottom - top))))
            line = cv2.resize(grey[top:bottom, x0:x1], (scaled, height))
            tensor[slot, :, :, :scaled] = _normalised(line)
        (scores,) = self._orienter.run(None, {self._orienter.get_inputs()[0].name: tensor})
        sure = [float(s[1]) for s in scores if float(s.max()) >= _ORIENT_SURE]
        return len(sure) >= _ORIENT_VOTES and sum(s > 0.5 for s in sure) > 0.6 * len(sure)

    def recognise(self, grey: np.ndarray, boxes: list[tuple[int, int, int, int]]
                  ) -> list[TextLine]:
        """Return the text of each line box of `grey`, in the order of `boxes`."""
        crops = [grey[top:bottom, x0:x1] for x0, top, x1, bottom in boxes]
        scaled_widths = [max(1, math.ceil(_LINE_HEIGHT * crop.shape[1] / crop.shape[0]))
                         for crop in crops]
        order = sorted(range(len(crops)), key=lambda i: scaled_widths[i])
        lines: list[TextLine | None] = [None] * len(crops)
        for batch in _batches(order, scaled_widths):
            widths = [scaled_widths[i] for i in batch]
            tensor = np.zeros((len(batch), 3, _LINE_HEIGHT, max(widths)), np.float32)
            for slot, (index, scaled) in enumerate(zip(batch, widths, strict=True)):
                line = cv2.resize(crops[index], (scaled, _LINE_HEIGHT),
                                  interpolation=cv2.INTER_LINEAR)
                tensor[slot, :, :, :scaled] = _normalised(line)
            (scores,) = self._recogniser.run(
                None, {self._recogniser.get_inputs()[0].name: tensor})
            for slot, index in enumerate(batch):
                x0, top, x1, bottom = boxes[index]
                step = tensor.shape[3] / scores.shape[1] * (bottom - top) / _LINE_HEIGHT
                glyphs = self._decode(scores[slot], x0, step)
                lines[index] = TextLine(x0, top, x1, bottom, glyphs)
        return [line for line in lines if line is not None]

    def _decode(self, scores: np.ndarray, x0: float, step: float) -> tuple[Glyph, ...]:
        """Return the characters of one line's CTC scores: repeats merged, blanks dropped."""
        best = scores.argmax(axis=1)
        certainty = scores.max(axis=1)
        glyphs: list[Glyph] = []
        previous = 0
        run_start = 0
        for frame, index in enumerate(best.tolist()):
            if index != previous:
                if previous:
                    glyphs.append(self._glyph(previous, run_start, frame, certainty, x0, step))
                run_start = frame
            previous = index
        if previous:
            glyphs.append(self._glyph(previous, run_start, len(best), certainty, x0, step))
        while glyphs and glyphs[-1].text == " ":
            glyphs.pop()
        while glyphs and glyphs[0].text == " ":
            glyphs.pop(0)
        return tuple(glyphs)

    def _glyph(self, index: int, start: int, end: int, certainty: np.ndarray, x0: float,
               step: float) -> Glyph:
        text = self._alphabet[index] if index < len(self._alphabet) else ""
        return Glyph(text, x0 + (start + end) / 2 * step, float(certainty[start:end].max()))


def sideways(boxes: list[tuple[int, int, int, int]]) -> bool:
    """Tell whether lines found run up the page: a page scanned or photographed on its side."""
    tall = sum(b[3] - b[1] >= 2 * (b[2] - b[0]) for b in boxes)
    wide = sum(b[2] - b[0] >= 2 * (b[3] - b[1]) for b in boxes)
    return tall >= _ORIENT_VOTES and tall > 2 * wide


def _without_slivers(line: TextLine, lines: list[TextLine]) -> TextLine:
    """Return `line` without an end character that is a sliver of a neighbouring line.

    A line's box is grown around its text and may take in the edge of the next group of
    words on the same line, read as a character of its own ("月" from the edge of "用"): a
    character at the very edge of its box, inside another line's box.
    """
    glyphs = list(line.glyphs)
    height = line.bottom - line.top
    level = [other for other in lines if other is not line
             and min(line.bottom, other.bottom) - max(line.top, other.top) >= 0.5 * height]

    def sliver(glyph: Glyph) -> bool:
        at_edge = min(glyph.x - line.x0, line.x1 - glyph.x) < _SLIVER * height
        return at_edge and any(other.x0 <= glyph.x <= other.x1 for other in level)

    while glyphs and (sliver(glyphs[0]) or glyphs[0].text.isspace()):
        glyphs.pop(0)
    while glyphs and (sliver(glyphs[-1]) or glyphs[-1].text.isspace()):
        glyphs.pop()
    return TextLine(line.x0, line.top, line.x1, line.bottom, tuple(glyphs))


def _batches(order: list[int], widths: list[int]) -> list[list[int]]:
    """Return the lines in `order` (narrowest first) in batches no wider than _BATCH_WIDTH."""
    batches: list[list[int]] = []
    for index in order:
        # Lines come narrowest first: the newest line sets the batch's padded width.
        if batches and widths[index] * (len(batches[-1]) + 1) <= _BATCH_WIDTH:
            batches[-1].append(index)
        else:
            batches.append([index])
    return batches


def _normalised(grey: np.ndarray) -> np.ndarray:
    """Return the grey image as the models take it: three equal channels in −1…1."""
    plane = grey.astype(np.float32) / 127.5 - 1.0
    return np.repeat(plane[np.newaxis], 3, axis=0)


_ENGINE: tuple[int, Engine] | None = None


def engine() -> Engine:
    """Return this process's engine, loading it the first time (a forked worker loads anew)."""
    global _ENGINE
    if _ENGINE is None or _ENGINE[0] != os.getpid():
        _ENGINE = (os.getpid(), Engine(model_folder()))
    return _ENGINE[1]

