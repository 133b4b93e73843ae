"""Save scanned pages the ways schools send them: image-only PDF, .jpg, .png, multi-page .tif."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

# What a scanner's "save as PDF" does with a clean page: JPEG inside, at a good quality.
SCANNER_PDF_QUALITY = 90
PHONE_JPEG_QUALITY = 85
KINDS = ("pdf", "jpg", "png", "tif")


def save_pages(pages: list[Image.Image], path: Path, dpi: int, *, quality: int | None = None
               ) -> Path:
    """Save `pages` to `path` (its suffix names the kind); return the path.

    A .jpg or .png holds one page only. `quality` is the JPEG quality of a .jpg or of the
    pages inside a PDF.
    """
    kind = path.suffix.lstrip(".")
    if kind not in KINDS:
        raise ValueError(f"cannot save scans as .{kind}")
    if kind in ("jpg", "png") and len(pages) != 1:
        raise ValueError(f"a .{kind} holds one page, not {len(pages)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    first, rest = pages[0], pages[1:]
    if kind == "pdf":
        first.save(path, "PDF", save_all=True, append_images=rest, resolution=float(dpi),
                   quality=quality or SCANNER_PDF_QUALITY)
    elif kind == "jpg":
        first.save(path, "JPEG", quality=quality or PHONE_JPEG_QUALITY, dpi=(dpi, dpi))
    elif kind == "png":
        first.save(path, "PNG", dpi=(dpi, dpi), optimize=False, compress_level=6)
    else:
        first.save(path, "TIFF", save_all=True, append_images=rest, dpi=(dpi, dpi),
                   compression="tiff_deflate")
    return path
