"""Page pictures out of image files and image-only PDFs, judged by their headers first.

A picture from a stranger can be a decompression bomb: a few KB of PNG or TIFF that decode
to gigabytes. Every size is read from the file's header (PIL opens lazily; pdfium gives an
image's pixel size from its dictionary) and refused before a pixel is decoded. A PDF page's
image is taken as embedded, at its own resolution; a phone photo far larger than a page
needs is decoded at a reduced size (JPEG's draft mode) or shrunk once.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from forms.errors import UnreadableFileError

# A 600 dpi A4 scan is 35 million pixels, a 48-megapixel phone photo 48: beyond this a
# picture is a bomb or a poster, never a form.
MAX_PIXELS = 50_000_000
MAX_SIDE = 20_000
# Every page is read by OCR (about a second each): a return is a few pages.
MAX_PAGES = 30
# A page is read at this many pixels on its longer side at most (300 dpi A4 is 3508).
WORK_SIDE = 3600

TOO_LARGE_MESSAGE = "图片尺寸异常巨大{size}，已拒绝读取；请学校用 200–300 dpi 重新扫描后提交"
TOO_MANY_PAGES_MESSAGE = (
    f"扫描件超过 {MAX_PAGES} 页，不像是一份学校填报的表格，已拒绝读取；请学校只提交需要填写的表格")
BROKEN_MESSAGE = "图片已损坏或格式无法识别，请学校重新扫描后提交"

# PIL's own guard, met on opening (its warning taken as an error here): beyond ours, so that
# ours names the size, and there should a path here ever miss our check.
Image.MAX_IMAGE_PIXELS = 2 * MAX_PIXELS


@dataclass(frozen=True)
class Picture:
    """One page as pixels: grey (H×W) or colour (H×W×3, RGB), at its scan resolution."""

    pixels: np.ndarray
    dpi: float | None = None

    @property
    def colour(self) -> bool:
        """Return whether the page was scanned in colour."""
        return self.pixels.ndim == 3


def check_size(width: int, height: int, *, code: str = "too_large") -> None:
    """Refuse a picture of `width` × `height` pixels that no form page needs."""
    if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
        raise UnreadableFileError(TOO_LARGE_MESSAGE.format(size=f"（{width}×{height} 像素）"),
                                  code=code)


def pictures_in_image(data: bytes) -> list[Picture]:
    """Return the pages of the image file `data` (JPEG, PNG, multi-page TIFF…)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            frames = _frame_count(image)
            pages = []
            for frame in range(frames):
                image.seek(frame)
                check_size(*image.size)
                pages.append(_decoded(image))
            return pages
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            # PIL's own guard, met on opening a picture far beyond ours.
            raise UnreadableFileError(TOO_LARGE_MESSAGE.format(size=""),
                                      code="too_large") from error
        except (UnidentifiedImageError, OSError, ValueError, EOFError,
                SyntaxError) as error:
            # PIL's readers raise these for truncated and malformed files.
            raise UnreadableFileError(BROKEN_MESSAGE, code="image") from error


def _frame_count(image: Image.Image) -> int:
    """Return how many pages `image` holds, refusing more than MAX_PAGES unread."""
    count = 0
    while True:
        try:
            image.seek(count)
        except EOFError:
            break
        count += 1
        if count > MAX_PAGES:
            raise UnreadableFileError(TOO_MANY_PAGES_MESSAGE, code="too_large")
    image.seek(0)
    return count


def _decoded(image: Image.Image) -> Picture:
    """Return one frame of `image` decoded, upright, grey or RGB, no larger than WORK_SIDE."""
    if image.format == "JPEG" and max(image.size) > 2 * WORK_SIDE:
        # Decoded at a half, quarter or eighth of its size straight from the JPEG data.
        image.draft("RGB", (image.size[0] // 2, image.size[1] // 2))
    dpi = _dpi(image)
    upright = ImageOps.exif_transpose(image) if image.format == "JPEG" else image
    if upright.mode in ("1", "L", "I;16", "I;16B", "I", "F"):
        plain = upright.convert("L")
    elif upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info:
        # A transparent picture is shown on white paper.
        paper = Image.new("RGB", upright.size, "white")
        paper.paste(upright.convert("RGBA"), mask=upright.convert("RGBA").getchannel("A"))
        plain = paper
    else:
        plain = upright.convert("RGB")
    pixels = np.asarray(plain)
    return shrunk(Picture(pixels, dpi))


def shrunk(picture: Picture) -> Picture:
    """Return `picture`, shrunk to WORK_SIDE on its longer side if it is larger."""
    import cv2

    longest = max(picture.pixels.shape[:2])
    if longest <= WORK_SIDE:
        return picture
    scale = WORK_SIDE / longest
    height, width = picture.pixels.shape[:2]
    pixels = cv2.resize(picture.pixels, (round(width * scale), round(height * scale)),
                        interpolation=cv2.INTER_AREA)
    return Picture(pixels, picture.dpi * scale if picture.dpi else None)


def _dpi(image: Image.Image) -> float | None:
    value = image.info.get("dpi")
    if not value:
        return None
    try:
        dpi = float(value[0])
    except (TypeError, ValueError, IndexError):
        return None
    return dpi if 50 <= dpi <= 1200 else None


def pictures_in_pdf(data: bytes) -> list[Picture]:
    """Return the page images of the image-only PDF `data`, each as embedded."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise UnreadableFileError(BROKEN_MESSAGE, code="corrupt") from error
    try:
        if len(document) > MAX_PAGES:
            raise UnreadableFileError(TOO_MANY_PAGES_MESSAGE, code="too_large")
        return [_page_picture(document[index]) for index in range(len(document))]
    finally:
        document.close()


def _page_picture(page: object) -> Picture:
    """Return the picture of one PDF page: its one image as is, or the page at its scale."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    assert isinstance(page, pypdfium2.PdfPage)
    width_pt, height_pt = page.get_size()
    images = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3))
    sizes = []
    for image in images:
        assert isinstance(image, pypdfium2.PdfImage)
        px_width, px_height = image.get_px_size()
        check_size(px_width, px_height)
        left, bottom, right, top = image.get_bounds()
        sizes.append((px_width / max(right - left, 1.0), image, (right - left) * (top - bottom)))
    if not sizes:
        return Picture(np.full((1, 1), 255, np.uint8))  # a blank page
    scale = max(s[0] for s in sizes)
    scale = min(scale, WORK_SIDE / max(width_pt, height_pt))
    check_size(round(width_pt * scale), round(height_pt * scale))
    bitmap = page.render(scale=scale, may_draw_forms=False, rev_byteorder=True)
    pixels = bitmap.to_numpy()[:, :, :3].copy()
    if _is_grey(pixels):
        pixels = pixels[:, :, 0].copy()
    return Picture(pixels, 72.0 * scale)


def _is_grey(pixels: np.ndarray) -> bool:
    """Tell whether an RGB page has no colour in it (a grey scan rendered in RGB)."""
    sample = pixels[::7, ::7].astype(np.int16)
    return int(np.abs(sample[:, :, 0] - sample[:, :, 2]).max()) < 12
