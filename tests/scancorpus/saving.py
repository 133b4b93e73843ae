"""Save scanned pages the ways schools send them: image-only PDF, .jpg, .png, multi-page .tif."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

# What a scanner's "save as PDF" does with a clean page: JPEG inside, at a good quality.
SCANNER_PDF_QUALITY = 90
PHONE_JPEG_QUALITY = 85
KINDS = ("pdf", "jpg", "png", "tif")
A4_LONG_INCHES = 297 / 25.4


def save_pages(pages: list[Image.Image], path: Path, dpi: int | None, *,
               quality: int | None = None) -> Path:
    """Save `pages` to `path` (its suffix names the kind); return the path.

    A .jpg or .png holds one page only. `quality` is the JPEG quality of a .jpg or of the
    pages inside a PDF. Without a `dpi` the file records no resolution, and a PDF fits each
    picture's long side to an A4 page's height, as the apps that gather photos into a PDF do.
    """
    kind = path.suffix.lstrip(".")
    if kind not in KINDS:
        raise ValueError(f"cannot save scans as .{kind}")
    if kind in ("jpg", "png") and len(pages) != 1:
        raise ValueError(f"a .{kind} holds one page, not {len(pages)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    first, rest = pages[0], pages[1:]
    stated = {} if dpi is None else {"dpi": (dpi, dpi)}
    if kind == "pdf":
        resolution = float(dpi) if dpi else max(first.size) / A4_LONG_INCHES
        first.save(path, "PDF", save_all=True, append_images=rest, resolution=resolution,
                   quality=quality or SCANNER_PDF_QUALITY)
    elif kind == "jpg":
        first.save(path, "JPEG", quality=quality or PHONE_JPEG_QUALITY, **stated)
    elif kind == "png":
        first.save(path, "PNG", optimize=False, compress_level=6, **stated)
    else:
        first.save(path, "TIFF", save_all=True, append_images=rest,
                   compression="tiff_deflate", **stated)
    return path
