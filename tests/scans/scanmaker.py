"""Scans and photos of filled returns, made as a school's scanner and phone would make them.

A return is printed to PDF by LibreOffice, rendered to pixels by poppler (pdftoppm) at the
scanner's resolution, then marked the way paper is: a red round seal (公章, 42 mm) stamped
over a value, the page fed a little crooked, noise, JPEG compression; or photographed on a
desk, in perspective and in uneven light. Pictures are saved as JPEG, PNG, multi-page TIFF
or an image-only PDF (each page a JPEG, no text layer), as schools send them.
"""

from __future__ import annotations

import math
import subprocess
from pathlib import Path

import numpy as np
import pdfplumber
from PIL import Image, ImageDraw, ImageFilter, ImageFont

SEAL_RED = (226, 38, 48)
SEAL_MM = 42
_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"


def render(pdf: Path, dpi: int, out: Path) -> list[Image.Image]:
    """Return the pages of `pdf` rendered at `dpi` in colour, as a scanner sees them."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out / "page")],
                   check=True, timeout=120)
    return [Image.open(path).convert("RGB") for path in sorted(out.glob("page-*.png"))]


def text_centre(pdf: Path, page: int, text: str, dpi: int) -> tuple[int, int]:
    """Return where `text` is printed on page `page` of `pdf`, in pixels at `dpi`."""
    with pdfplumber.open(pdf) as document:
        found = document.pages[page].search(text)
    assert found, f"{text} is not printed on page {page + 1}"
    box = found[0]
    scale = dpi / 72
    return (round((box["x0"] + box["x1"]) / 2 * scale),
            round((box["top"] + box["bottom"]) / 2 * scale))


def stamp_seal(page: Image.Image, centre: tuple[int, int], dpi: int,
               words: str = "瑞安市教育局专用章") -> Image.Image:
    """Return `page` with a red round seal stamped at `centre`: ring, star, words on the arc."""
    size = round(SEAL_MM / 25.4 * dpi)
    seal = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(seal)
    ring = max(3, size // 28)
    draw.ellipse((ring, ring, size - ring, size - ring), outline=SEAL_RED, width=ring)
    _star(draw, size / 2, size / 2, size * 0.16)
    font = ImageFont.truetype(_FONT, round(size * 0.13))
    for index, char in enumerate(words):
        angle = math.radians(-150 + 300 * index / max(len(words) - 1, 1))
        radius = size / 2 - ring * 2 - size * 0.08
        x = size / 2 + radius * math.sin(angle)
        y = size / 2 - radius * math.cos(angle)
        glyph = Image.new("L", (round(size * 0.16),) * 2, 0)
        ImageDraw.Draw(glyph).text((0, 0), char, fill=255, font=font)
        glyph = glyph.rotate(-math.degrees(angle), expand=True)
        seal.paste(Image.new("RGB", glyph.size, SEAL_RED),
                   (round(x - glyph.size[0] / 2), round(y - glyph.size[1] / 2)), glyph)
    # Stamped ink is uneven: parts of it print lighter.
    texture = np.random.default_rng(7).uniform(0.75, 1.0, (size, size, 1))
    ink = 255 - (255 - np.asarray(seal, np.float32)) * texture
    stamped = np.asarray(page, np.float32)
    x0, y0 = centre[0] - size // 2, centre[1] - size // 2
    region = stamped[y0:y0 + size, x0:x0 + size]
    region *= ink[:region.shape[0], :region.shape[1]] / 255  # ink over ink: multiplied
    return Image.fromarray(stamped.clip(0, 255).astype(np.uint8))


def _star(draw: ImageDraw.ImageDraw, x: float, y: float, radius: float) -> None:
    points = []
    for index in range(10):
        r = radius if index % 2 == 0 else radius * 0.4
        angle = math.radians(-90 + 36 * index)
        points.append((x + r * math.cos(angle), y + r * math.sin(angle)))
    draw.polygon(points, fill=SEAL_RED)


def fed_crooked(page: Image.Image, degrees: float, noise: float = 6.0) -> Image.Image:
    """Return `page` turned by `degrees` as a sheet fed crooked, with a scanner's noise."""
    turned = page.rotate(degrees, resample=Image.Resampling.BICUBIC, fillcolor="white")
    pixels = np.asarray(turned, np.float32)
    pixels += np.random.default_rng(3).normal(0, noise, pixels.shape)
    return Image.fromarray(pixels.clip(0, 255).astype(np.uint8))


def smudged(page: Image.Image, centre: tuple[int, int], size: tuple[int, int]) -> Image.Image:
    """Return `page` with the `size` (pixels) around `centre` smudged: rubbed pale, stained."""
    pixels = np.asarray(page, np.float32).copy()
    x0, y0 = centre[0] - size[0] // 2, centre[1] - size[1] // 2
    region = pixels[y0:y0 + size[1], x0:x0 + size[0]]
    stain = np.random.default_rng(11).normal(0, 70, region.shape[:2])[..., np.newaxis]
    region = 255 - (255 - region) * 0.3 + stain - 25
    pixels[y0:y0 + size[1], x0:x0 + size[0]] = region
    smeared = Image.fromarray(pixels.clip(0, 255).astype(np.uint8))
    box = (x0, y0, x0 + size[0], y0 + size[1])
    smeared.paste(smeared.crop(box).filter(ImageFilter.GaussianBlur(1.4)), box[:2])
    return smeared


def photographed(page: Image.Image, *, warm: bool = False) -> Image.Image:
    """Return `page` photographed on a dark desk: in perspective, lit from one side.

    A `warm` light (a desk lamp) falls off faster in blue and green than in red.
    """
    width, height = page.size
    canvas_w, canvas_h = round(width * 1.25), round(height * 1.2)
    # Where the page's corners land in the photo (top-left, top-right, bottom-right, …).
    corners = [(0.10, 0.07), (0.88, 0.05), (0.92, 0.95), (0.07, 0.93)]
    target = [(x * canvas_w, y * canvas_h) for x, y in corners]
    source = [(0, 0), (width, 0), (width, height), (0, height)]
    coefficients = _perspective(target, source)
    desk = Image.new("RGB", (canvas_w, canvas_h), (70, 62, 55))
    mask = Image.new("L", page.size, 255)
    warped = page.transform((canvas_w, canvas_h), Image.Transform.PERSPECTIVE, coefficients,
                            Image.Resampling.BICUBIC)
    shape = mask.transform((canvas_w, canvas_h), Image.Transform.PERSPECTIVE, coefficients)
    desk.paste(warped, (0, 0), shape)
    light = np.linspace(1.0, 0.6 if warm else 0.72, canvas_w)[np.newaxis, :, np.newaxis]
    if warm:
        light = light ** np.array([1.0, 1.6, 2.6])[np.newaxis, np.newaxis, :] \
            * np.array([1.0, 0.93, 0.8])[np.newaxis, np.newaxis, :]
    pixels = np.asarray(desk, np.float32) * light
    photo = Image.fromarray(pixels.clip(0, 255).astype(np.uint8))
    return photo.filter(ImageFilter.GaussianBlur(0.6))


def _perspective(target: list[tuple[float, float]], source: list[tuple[float, float]]
                 ) -> list[float]:
    """Return PIL's eight coefficients mapping `target` points back to `source` points."""
    rows = []
    for (x, y), (u, v) in zip(target, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    answer = np.linalg.solve(np.array(rows), np.array(source).reshape(8))
    return [float(value) for value in answer]


def as_jpeg(page: Image.Image, path: Path, quality: int, dpi: int | None = None) -> Path:
    """Save `page` as a JPEG of `quality`, as a scanner or phone sends it."""
    page.save(path, "JPEG", quality=quality, **({"dpi": (dpi, dpi)} if dpi else {}))
    return path


def as_image_pdf(pages: list[Image.Image], path: Path, dpi: int, quality: int) -> Path:
    """Save `pages` as a PDF of JPEG page images and no text at all, as scanners write it."""
    jpegs = []
    for number, page in enumerate(pages):
        buffer = path.with_name(f"{path.stem}-{number}.jpg")
        page.save(buffer, "JPEG", quality=quality)
        jpegs.append(Image.open(buffer))
    jpegs[0].save(path, "PDF", resolution=float(dpi), save_all=True, append_images=jpegs[1:])
    return path


def as_tiff(pages: list[Image.Image], path: Path, dpi: int) -> Path:
    """Save `pages` as one multi-page grey TIFF, as an office scanner's "scan to file" does."""
    grey = [page.convert("L") for page in pages]
    grey[0].save(path, "TIFF", dpi=(dpi, dpi), compression="tiff_deflate", save_all=True,
                 append_images=grey[1:])
    return path
