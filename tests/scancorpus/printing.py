"""Print the filled returns as a school does, render the pages, and find where each value is.

LibreOffice prints every .docx to PDF in one call with its own profile; pdftoppm renders
each page at a scanner's resolution. The PDF's text layer says where each value was
printed: a field is found by the text read from the .docx (its ``raw``), and where that text
is printed more than once, by the occurrence after the field's label (in the column its
header names, for an item table). The seal is stamped over a value found this way, and the
fields it covers are listed in the scan's expectation.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
from PIL import Image

from scancorpus.cases import Source

POINTS_PER_INCH = 72.0
# Marks printed in a box; a field's text is also looked for without them, since LibreOffice
# prints a ticked content control with a glyph other than the one saved in the .docx.
BOX_MARKS = frozenset("□☐☑☒■▪√✓✔✗✘×╳⊠⬜◻")
# A value in an item table lies under its column's header: within this many points of it.
COLUMN_REACH = 30.0


class PrintingError(RuntimeError):
    """LibreOffice or pdftoppm did not give the pages they should."""


@dataclass(frozen=True)
class Glyph:
    """One printed character (whitespace dropped) and its box in points from the page top."""

    text: str
    page: int  # from 0
    x0: float
    top: float
    x1: float
    bottom: float
    index: int  # place in the document's text stream

    @property
    def centre(self) -> tuple[float, float]:
        """Return the centre of the box."""
        return (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2


@dataclass(frozen=True)
class Printed:
    """A printed PDF: its pages' sizes in points and its characters in stream order."""

    pdf: Path
    sizes: tuple[tuple[float, float], ...]
    glyphs: tuple[Glyph, ...]


def normalised(text: str) -> str:
    """Return `text` as values are compared: NFKC, no whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def print_to_pdf(sources: list[Source], folder: Path, *, fontconfig: Path | None = None,
                 timeout: float = 600.0) -> dict[Source, Path]:
    """Print every source's .docx to ``folder/<name>.pdf`` in one LibreOffice call."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise PrintingError("LibreOffice (soffice) is not installed: "
                            "apt-get install libreoffice-writer-nogui")
    staged = folder / "docx"
    staged.mkdir(parents=True, exist_ok=True)
    for source in sources:  # unique names: every form has its original-attachment.docx
        shutil.copyfile(source.docx, staged / f"{source.name}.docx")
    environment = dict(os.environ)
    if fontconfig is not None:
        environment["FONTCONFIG_FILE"] = str(fontconfig)
    profile = (folder / "profile").resolve().as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(folder),
               *(str(staged / f"{source.name}.docx") for source in sources)]
    subprocess.run(command, check=False, capture_output=True, timeout=timeout, env=environment)
    printed = {source: folder / f"{source.name}.pdf" for source in sources}
    missing = [str(pdf) for pdf in printed.values() if not pdf.is_file()]
    if missing:
        raise PrintingError(f"LibreOffice printed no PDF for {missing}")
    return printed


def render_pages(pdf: Path, dpi: int, folder: Path) -> list[Image.Image]:
    """Render every page of `pdf` at `dpi` in colour with pdftoppm (cached in `folder`)."""
    prefix = folder / f"{pdf.stem}-{dpi}"
    pages = sorted(folder.glob(f"{prefix.name}-*.png"), key=_page_number)
    if not pages:
        folder.mkdir(parents=True, exist_ok=True)
        command = ["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)]
        subprocess.run(command, check=True, capture_output=True, timeout=300)
        pages = sorted(folder.glob(f"{prefix.name}-*.png"), key=_page_number)
    if not pages:
        raise PrintingError(f"pdftoppm rendered no page of {pdf}")
    images = []
    for page in pages:
        with Image.open(page) as image:
            images.append(image.convert("RGB"))
    return images


def _page_number(path: Path) -> int:
    """Return the page number pdftoppm put at the end of a file name."""
    return int(path.stem.rsplit("-", 1)[1])


def read_printed(pdf: Path) -> Printed:
    """Return the page sizes and printed characters of `pdf`, in stream order."""
    glyphs: list[Glyph] = []
    sizes = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages):
            sizes.append((float(page.width), float(page.height)))
            for char in page.chars:
                for piece in normalised(char["text"]):
                    glyphs.append(Glyph(piece, number, float(char["x0"]), float(char["top"]),
                                        float(char["x1"]), float(char["bottom"]), len(glyphs)))
    return Printed(pdf, tuple(sizes), tuple(glyphs))


def locate(printed: Printed, field: dict[str, Any]) -> list[Glyph]:
    """Return the glyphs printing `field` (a record's field: raw, label, column), or []."""
    raw = field.get("raw") or ""
    if field.get("value") is None or not normalised(raw):
        return []
    wanted = [normalised(raw), "".join(c for c in normalised(raw) if c not in BOX_MARKS)]
    wanted += [normalised(line) for line in raw.splitlines() if normalised(line)][:1]
    for text in wanted:
        found = occurrences(printed, text)
        if found:
            return _choose(printed, found, field)
    return []


def occurrences(printed: Printed, text: str) -> list[list[Glyph]]:
    """Return every run of consecutive glyphs spelling `text` as a whole ("C1" not in "C12")."""
    glyphs = printed.glyphs
    if not text:
        return []
    stream = "".join(glyph.text for glyph in glyphs)
    found, start = [], stream.find(text)
    while start >= 0:
        end = start + len(text)
        joined_before = not _break_before(glyphs, start) and _joins(stream[:start][-2:], text)
        joined_after = not _break_before(glyphs, end) and _joins(text, stream[end:end + 2])
        if not (joined_before or joined_after):
            found.append(list(glyphs[start:end]))
        start = stream.find(text, start + 1)
    return found


def _break_before(glyphs: tuple[Glyph, ...], place: int) -> bool:
    """Return whether glyph `place` starts a new line or cell (not the next on the line)."""
    if place <= 0 or place >= len(glyphs):
        return True
    before, glyph = glyphs[place - 1], glyphs[place]
    height = glyph.bottom - glyph.top
    return (glyph.page != before.page or abs(glyph.top - before.top) > height / 2
            or not -1.0 <= glyph.x0 - before.x1 <= height)


def _joins(left: str, right: str) -> bool:
    """Return whether `left` and `right` meet inside one number or Latin word ("1" + "2")."""
    if not left or not right:
        return False
    if left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
        return True
    # a decimal point between digits: "1" + ".5", "1." + "5"
    return (left[-1] == "." and len(left) > 1 and left[-2].isdigit() and right[0].isdigit()) or (
        right[0] == "." and len(right) > 1 and right[1].isdigit() and left[-1].isdigit())


def _choose(printed: Printed, found: list[list[Glyph]], field: dict[str, Any]) -> list[Glyph]:
    """Return the occurrence that belongs to `field`: the first after its label, in its column.

    A text printed once is that field's. Otherwise the label must be printed too; an
    occurrence before every occurrence of the label, or (in an item table, where the column
    header is not printed between label and value) away from the header's column, is not it.
    """
    if len(found) == 1:
        return found[0]
    labels = occurrences(printed, normalised(field.get("label") or ""))
    if not labels:
        return []
    column = normalised(field.get("column") or "")
    headers = occurrences(printed, column) if column else []
    best: tuple[float, list[Glyph]] | None = None
    for candidate in found:
        start = candidate[0].index
        before = [label[-1].index for label in labels if label[-1].index < start]
        if not before:
            continue
        label_end = max(before)
        score = float(start - label_end)
        between = any(label_end < header[0].index < start for header in headers)
        if headers and not between and not _under_a_header(candidate, headers):
            score += 1e6
        if best is None or score < best[0]:
            best = (score, candidate)
    return best[1] if best is not None and best[0] < 1e6 else []


def _under_a_header(glyphs: list[Glyph], headers: list[list[Glyph]]) -> bool:
    """Return whether the text `glyphs` stands in the column of one of `headers`."""
    middle = sum(glyph.centre[0] for glyph in glyphs) / len(glyphs)
    return any(abs(middle - sum(g.centre[0] for g in header) / len(header)) < COLUMN_REACH
               for header in headers)


def to_pixels(points: float, dpi: int) -> float:
    """Return a length in points as pixels at `dpi`."""
    return points * dpi / POINTS_PER_INCH
