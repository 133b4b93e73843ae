"""The red round 公章 and stamping it: a ring, a star, the school's name along the arc.

A school's seal is about 42 mm across; its ink is red, uneven and lets the print show
through (it is stamped over the printed page, so black text stays black under it: the ink
multiplies the page, it does not cover it).
"""

from __future__ import annotations

import functools
import math
import random
import subprocess
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

SEAL_MM = 42.0
MM_PER_INCH = 25.4
# Words a seal may carry under its star besides the name.
UNDER_STAR = ("", "专用章", "办公室")


@dataclass(frozen=True)
class Seal:
    """Where a seal was stamped on a page, in pixels of that page, and over which field."""

    page: int  # from 0
    x: float
    y: float
    radius: float
    over: str  # the field it was aimed at
    words: str  # what the seal says: the school's name, and what stands under the star

    def covers(self, x0: float, top: float, x1: float, bottom: float) -> bool:
        """Return whether the seal's disc touches the box."""
        nearest_x = min(max(self.x, x0), x1)
        nearest_y = min(max(self.y, top), bottom)
        return math.hypot(nearest_x - self.x, nearest_y - self.y) <= self.radius


@functools.cache
def seal_font_file() -> tuple[str, int]:
    """Return the file and face index of a bold CJK font for the seal's words."""
    found = subprocess.run(["fc-match", "-f", "%{file}|%{index}", "Noto Sans CJK SC:bold"],
                           capture_output=True, text=True, check=True).stdout
    path, _, index = found.partition("|")
    return path, int(index or 0)


def seal_radius(dpi: int) -> float:
    """Return the radius in pixels of a 42 mm seal at `dpi`."""
    return SEAL_MM / MM_PER_INCH * dpi / 2


def draw_seal(name: str, dpi: int, rng: random.Random
              ) -> tuple[Image.Image, tuple[int, int, int], str]:
    """Return the seal's ink as a coverage mask ("L", 0–255), its colour and its words."""
    radius = seal_radius(dpi)
    size = math.ceil(2 * radius) + 4
    scale = 2  # drawn large, then reduced: smooth edges
    big = size * scale
    centre = big / 2
    outer = radius * scale
    mask = Image.new("L", (big, big), 0)
    draw = ImageDraw.Draw(mask)
    ring = max(2, round(outer * rng.uniform(0.05, 0.065)))
    draw.ellipse([centre - outer, centre - outer, centre + outer, centre + outer],
                 outline=255, width=ring)
    _draw_star(draw, centre, centre, outer * 0.3)
    font_file, index = seal_font_file()
    letter = ImageFont.truetype(font_file, round(outer * 0.25), index=index)
    _draw_arc(mask, name, letter, centre, outer - ring - outer * 0.17)
    words = rng.choice(UNDER_STAR)
    if words:
        small = ImageFont.truetype(font_file, round(outer * 0.16), index=index)
        draw.text((centre, centre + outer * 0.55), words, fill=255, font=small, anchor="mm")
    mask = mask.resize((size, size), Image.Resampling.LANCZOS)
    mask = ImageChops.multiply(mask, _ink_texture(size, rng))
    mask = mask.rotate(rng.uniform(-20, 20), resample=Image.Resampling.BICUBIC)
    colour = (rng.randint(195, 225), rng.randint(20, 50), rng.randint(30, 60))
    return mask, colour, f"{name} {words}".strip()


def _draw_star(draw: ImageDraw.ImageDraw, x: float, y: float, outer: float) -> None:
    """Draw a filled five-pointed star centred at (x, y), one point up."""
    points = []
    for corner in range(10):
        reach = outer if corner % 2 == 0 else outer * 0.382
        angle = math.pi / 5 * corner - math.pi / 2
        points.append((x + reach * math.cos(angle), y + reach * math.sin(angle)))
    draw.polygon(points, fill=255)


def _draw_arc(mask: Image.Image, name: str, font: ImageFont.FreeTypeFont, centre: float,
              reach: float) -> None:
    """Write `name` clockwise along the upper arc, each letter's foot toward the centre."""
    span = min(250.0, 30.0 * len(name))
    step = span / max(1, len(name) - 1)
    side = round(font.size * 1.4)
    for number, letter in enumerate(name):
        angle = -span / 2 + step * number  # degrees from the top, clockwise
        tile = Image.new("L", (side, side), 0)
        ImageDraw.Draw(tile).text((side / 2, side / 2), letter, fill=255, font=font, anchor="mm")
        tile = tile.rotate(-angle, resample=Image.Resampling.BICUBIC)
        x = centre + reach * math.sin(math.radians(angle)) - side / 2
        y = centre - reach * math.cos(math.radians(angle)) - side / 2
        mask.paste(255, (round(x), round(y)), tile)


def _ink_texture(size: int, rng: random.Random) -> Image.Image:
    """Return an uneven ink density (170–255): a pad that inked the seal not quite evenly."""
    coarse = Image.frombytes("L", (16, 16), rng.randbytes(256)).resize(
        (size, size), Image.Resampling.BICUBIC)
    fine = Image.frombytes("L", (size, size), rng.randbytes(size * size)).filter(
        ImageFilter.GaussianBlur(1.2))
    blend = Image.blend(coarse, fine, 0.35)
    low = rng.randint(150, 185)
    return blend.point(lambda v: low + (255 - low) * v // 255)


def stamp(page: Image.Image, mask: Image.Image, colour: tuple[int, int, int], x: float,
          y: float, opacity: float) -> None:
    """Stamp the seal's ink `mask` centred at (x, y) on the colour `page`, in place."""
    left, top = round(x - mask.width / 2), round(y - mask.height / 2)
    box = (left, top, left + mask.width, top + mask.height)
    region = page.crop(box)
    coverage = mask.point(lambda v: round(v * opacity))
    tint = Image.composite(Image.new("RGB", mask.size, colour),
                           Image.new("RGB", mask.size, (255, 255, 255)), coverage)
    page.paste(ImageChops.multiply(region, tint), box)
