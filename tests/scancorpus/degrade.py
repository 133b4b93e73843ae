"""What a scanner or a phone does to a printed page: paper, blur, noise, tilt, light, warp.

Every step draws from the `random.Random` it is given, so a scan is the same on every run.
"""

from __future__ import annotations

import math
import random

from PIL import Image, ImageChops, ImageFilter

WHITE = (255, 255, 255)


def noise(size: tuple[int, int], strength: int, rng: random.Random) -> Image.Image:
    """Return grey noise centred on 128, spreading `strength` levels either way."""
    width, height = size
    raw = Image.frombytes("L", size, rng.randbytes(width * height))
    return raw.point(lambda v: 128 + (v - 128) * strength // 128)


def add_noise(image: Image.Image, strength: int, rng: random.Random) -> Image.Image:
    """Return `image` with sensor noise added."""
    grain = noise(image.size, strength, rng)
    if image.mode != "L":
        grain = grain.convert(image.mode)
    return ImageChops.add(image, grain, scale=1.0, offset=-128)


def scan(page: Image.Image, dpi: int, tilt: float, rng: random.Random) -> Image.Image:
    """Return `page` as a flatbed scanner gives it: slightly soft, grainy, turned by `tilt`°."""
    white = rng.randint(244, 252)
    paper = (white, white - 1, white - rng.randint(2, 5))  # paper a touch warm
    scanned = ImageChops.multiply(page, Image.new("RGB", page.size, paper)) \
        if page.mode == "RGB" else page.point(lambda v: v * paper[0] // 255)
    scanned = scanned.filter(ImageFilter.GaussianBlur(0.35 * dpi / 150))
    scanned = add_noise(scanned, 7, rng)
    if tilt:
        fill = paper if scanned.mode == "RGB" else paper[0]
        scanned = scanned.rotate(tilt, resample=Image.Resampling.BICUBIC, fillcolor=fill)
    return scanned


def photograph(page: Image.Image, rng: random.Random) -> Image.Image:
    """Return `page` as a phone photographs it on a desk: warped, unevenly lit, soft."""
    width, height = page.size
    canvas = (round(width * 1.12), round(height * 1.1))
    corners = _page_corners(width, height, canvas, rng)
    coefficients = _perspective(corners, [(0, 0), (width, 0), (width, height), (0, height)])
    warped = page.transform(canvas, Image.Transform.PERSPECTIVE, coefficients,
                            Image.Resampling.BICUBIC, fillcolor=WHITE)
    inside = Image.new("L", page.size, 255).transform(
        canvas, Image.Transform.PERSPECTIVE, coefficients, Image.Resampling.BILINEAR, fillcolor=0)
    photo = Image.composite(warped, _desk(canvas, rng), inside)
    photo = ImageChops.multiply(photo, _light(canvas, rng))
    photo = photo.filter(ImageFilter.GaussianBlur(rng.uniform(0.9, 1.3)))
    return add_noise(photo, 14, rng)


def _page_corners(width: int, height: int, canvas: tuple[int, int], rng: random.Random
                  ) -> list[tuple[float, float]]:
    """Return where the page's corners land in the photo: turned, seen a little from below."""
    turn = math.radians(rng.uniform(-3.0, 3.0))
    narrowing = rng.uniform(0.02, 0.05) * width  # the far edge looks shorter
    half_w, half_h = width / 2, height / 2
    flat = [(-half_w + narrowing, -half_h), (half_w - narrowing, -half_h),
            (half_w, half_h), (-half_w, half_h)]
    scale = 0.96
    middle_x, middle_y = canvas[0] / 2, canvas[1] / 2
    corners = []
    for x, y in flat:
        x, y = x * scale, y * scale
        turned = (x * math.cos(turn) - y * math.sin(turn), x * math.sin(turn) + y * math.cos(turn))
        jitter = (rng.uniform(-0.006, 0.006) * width, rng.uniform(-0.006, 0.006) * height)
        corners.append((middle_x + turned[0] + jitter[0], middle_y + turned[1] + jitter[1]))
    return corners


def _perspective(target: list[tuple[float, float]], source: list[tuple[float, float]]
                 ) -> tuple[float, ...]:
    """Return Pillow's eight coefficients mapping photo points `target` to page points `source`."""
    rows, right = [], []
    for (x, y), (u, v) in zip(target, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        right.append(u)
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        right.append(v)
    return tuple(_solve(rows, right))


def _solve(matrix: list[list[float]], right: list[float]) -> list[float]:
    """Return x with matrix · x = right (Gaussian elimination with partial pivoting)."""
    size = len(right)
    rows = [[*row, value] for row, value in zip(matrix, right, strict=True)]
    for column in range(size):
        pivot = max(range(column, size), key=lambda r: abs(rows[r][column]))
        rows[column], rows[pivot] = rows[pivot], rows[column]
        for below in range(column + 1, size):
            factor = rows[below][column] / rows[column][column]
            for place in range(column, size + 1):
                rows[below][place] -= factor * rows[column][place]
    solution = [0.0] * size
    for row in reversed(range(size)):
        known = sum(rows[row][place] * solution[place] for place in range(row + 1, size))
        solution[row] = (rows[row][size] - known) / rows[row][row]
    return solution


def _desk(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """Return a desk top: wood, grey laminate or a dark cloth, a little grainy."""
    colour = rng.choice([(128, 96, 66), (96, 98, 104), (52, 56, 64), (170, 150, 120)])
    return add_noise(Image.new("RGB", size, colour), 18, rng)


def _light(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """Return the light falling on the photo: bright on one side, dimmer (to ~60%) across."""
    ramp = Image.linear_gradient("L").rotate(rng.uniform(0, 360), expand=True,
                                             resample=Image.Resampling.BILINEAR, fillcolor=128)
    side = ramp.width // 4
    ramp = ramp.crop((side, side, ramp.width - side, ramp.height - side))
    darkest = rng.randint(150, 170)
    ramp = ramp.resize(size, Image.Resampling.BILINEAR).point(
        lambda v: darkest + (255 - darkest) * v // 255)
    warm = Image.new("RGB", size, (255, rng.randint(240, 250), rng.randint(222, 238)))
    return ImageChops.multiply(Image.merge("RGB", (ramp, ramp, ramp)), warm)
