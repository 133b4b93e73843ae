"""What a scanner, a phone or a chat app does to a printed page: blur, noise, tilt, light, warp.

Every step draws from the `random.Random` it is given, so a scan is the same on every run.
How a phone takes its photo (angle, desk, light, shadow, curl, focus) is a `Shot`.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageFilter

WHITE = (255, 255, 255)
Colour = tuple[int, int, int]
Point = tuple[float, float]
# A page's side edges leaning in by this many degrees toward its far edge, as a share of the
# page's width the far edge loses on each side (an A4 page is √2 times as tall as it is wide).
LEAN_3_DEGREES = math.tan(math.radians(3.0)) * math.sqrt(2)
LEAN_8_DEGREES = math.tan(math.radians(8.0)) * math.sqrt(2)


@dataclass(frozen=True)
class Shot:
    """How a phone photographs a page on a desk; the defaults are a careful photo."""

    narrowing: tuple[float, float] = (0.02, 0.05)  # share of the width the far edge loses a side
    turn: float = 3.0  # degrees the page is turned, either way, at most
    foreshortening: float = 0.0  # how much shorter the page looks, per share of narrowing
    off_centre: bool = False  # the page lies anywhere in the frame, not in its middle
    desks: tuple[Colour, ...] = ((128, 96, 66), (96, 98, 104), (52, 56, 64), (170, 150, 120))
    desk_streaks: int = 0  # levels of a wood grain running across the desk
    darkest: tuple[int, int] = (150, 170)  # the dim side's light, of 255
    shadow: bool = False  # a hand's or a phone's soft shadow across part of the page
    curl: tuple[float, float] = (0.0, 0.0)  # rows bend by this share of the width, at most
    blur: tuple[float, float] = (0.9, 1.3)  # Gaussian radius of the lens's softness
    far_blur: float = 1.0  # the far edge is this many times softer (out of focus)


ON_A_DESK = Shot()
# Held at a slant over a light desk, a hand's or phone's shadow on the page, the paper curled.
HURRIED = Shot(
    narrowing=(LEAN_3_DEGREES, LEAN_8_DEGREES), turn=6.0, foreshortening=1.0, off_centre=True,
    desks=((214, 184, 148), (226, 206, 172), (236, 224, 200), (204, 206, 208), (222, 222, 218)),
    desk_streaks=12, darkest=(145, 170), shadow=True, curl=(0.002, 0.005), blur=(1.0, 1.4),
    far_blur=1.8)


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


def photograph(page: Image.Image, rng: random.Random, shot: Shot = ON_A_DESK
               ) -> tuple[Image.Image, list[Point]]:
    """Return `page` as a phone photographs it on a desk, and where its corners landed.

    The corners run clockwise from the page's top left, in pixels of the photo (a curled
    page's edges bend by a few pixels between them).
    """
    if shot.curl[1]:
        page = _curl(page, shot.curl, rng)
    width, height = page.size
    canvas = (round(width * 1.12), round(height * 1.1))
    corners = _page_corners(width, height, canvas, shot, rng)
    coefficients = _perspective(corners, [(0, 0), (width, 0), (width, height), (0, height)])
    warped = page.transform(canvas, Image.Transform.PERSPECTIVE, coefficients,
                            Image.Resampling.BICUBIC, fillcolor=WHITE)
    inside = Image.new("L", page.size, 255).transform(
        canvas, Image.Transform.PERSPECTIVE, coefficients, Image.Resampling.BILINEAR, fillcolor=0)
    photo = Image.composite(warped, _desk(canvas, shot, rng), inside)
    photo = ImageChops.multiply(photo, _light(canvas, shot.darkest, rng))
    if shot.shadow:
        photo = ImageChops.multiply(photo, _shadow(canvas, rng))
    photo = _defocus(photo, rng.uniform(*shot.blur), shot.far_blur)
    return add_noise(photo, 14, rng), corners


def forward_through_chat(photo: Image.Image, long_side: int, phone_quality: int
                         ) -> Image.Image:
    """Return `photo` as a chat app passes it on: saved by the phone, shrunk to `long_side`."""
    saved = io.BytesIO()
    photo.save(saved, "JPEG", quality=phone_quality)
    saved.seek(0)
    with Image.open(saved) as reopened:
        scale = long_side / max(reopened.size)
        size = (round(reopened.width * scale), round(reopened.height * scale))
        return reopened.convert(photo.mode).resize(size, Image.Resampling.BILINEAR)


def _page_corners(width: int, height: int, canvas: tuple[int, int], shot: Shot,
                  rng: random.Random) -> list[Point]:
    """Return where the page's corners land in the photo: turned, seen from below."""
    turn = math.radians(rng.uniform(-shot.turn, shot.turn))
    narrowing = rng.uniform(*shot.narrowing) * width  # the far edge looks shorter
    half_w = width / 2
    half_h = height / 2 * (1 - shot.foreshortening * narrowing / width)
    flat = [(-half_w + narrowing, -half_h), (half_w - narrowing, -half_h),
            (half_w, half_h), (-half_w, half_h)]
    spread = [_turned(x, y, turn) for x, y in flat]
    reach_x = max(abs(x) for x, _ in spread) / (canvas[0] / 2)
    reach_y = max(abs(y) for _, y in spread) / (canvas[1] / 2)
    scale = min(0.96, 0.95 / reach_x, 0.95 / reach_y)  # the whole page in the frame
    middle_x, middle_y = canvas[0] / 2, canvas[1] / 2
    if shot.off_centre:
        middle_x += rng.uniform(-1, 1) * canvas[0] / 2 * (0.95 - scale * reach_x)
        middle_y += rng.uniform(-1, 1) * canvas[1] / 2 * (0.95 - scale * reach_y)
    corners = []
    for x, y in flat:
        turned = _turned(x * scale, y * scale, turn)
        jitter = (rng.uniform(-0.006, 0.006) * width, rng.uniform(-0.006, 0.006) * height)
        corners.append((middle_x + turned[0] + jitter[0], middle_y + turned[1] + jitter[1]))
    return corners


def _turned(x: float, y: float, turn: float) -> Point:
    """Return (x, y) turned by `turn` radians about the origin."""
    return x * math.cos(turn) - y * math.sin(turn), x * math.sin(turn) + y * math.cos(turn)


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


def _desk(size: tuple[int, int], shot: Shot, rng: random.Random) -> Image.Image:
    """Return a desk top of one of the shot's colours, a little grainy, maybe wood-streaked."""
    desk = add_noise(Image.new("RGB", size, rng.choice(shot.desks)), 18, rng)
    if not shot.desk_streaks:
        return desk
    rows = max(2, size[1] // 6)  # streaks a few pixels high, running the desk's length
    grain = Image.frombytes("L", (4, rows), rng.randbytes(4 * rows)).resize(
        size, Image.Resampling.BICUBIC).rotate(rng.uniform(-15, 15), Image.Resampling.BILINEAR,
                                               fillcolor=128)
    grain = grain.point(lambda v: 128 + (v - 128) * shot.desk_streaks // 128)
    return ImageChops.add(desk, grain.convert("RGB"), scale=1.0, offset=-128)


def _light(size: tuple[int, int], darkest_range: tuple[int, int], rng: random.Random
           ) -> Image.Image:
    """Return the light falling on the photo: bright on one side, dimmer (to ~60%) across."""
    ramp = Image.linear_gradient("L").rotate(rng.uniform(0, 360), expand=True,
                                             resample=Image.Resampling.BILINEAR, fillcolor=128)
    side = ramp.width // 4
    ramp = ramp.crop((side, side, ramp.width - side, ramp.height - side))
    darkest = rng.randint(*darkest_range)
    ramp = ramp.resize(size, Image.Resampling.BILINEAR).point(
        lambda v: darkest + (255 - darkest) * v // 255)
    warm = Image.new("RGB", size, (255, rng.randint(240, 250), rng.randint(222, 238)))
    return ImageChops.multiply(Image.merge("RGB", (ramp, ramp, ramp)), warm)


def _shadow(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """Return the soft shadow of a hand or a phone reaching in from one side, bluish."""
    width, height = size
    mask = Image.new("L", size, 0)
    draw = ImageDraw.Draw(mask)
    side = rng.choice(("bottom", "left", "right"))
    reach = rng.uniform(0.15, 0.35)  # how far into the photo it comes
    breadth = rng.uniform(0.25, 0.45)  # how wide it is across its side
    along = rng.uniform(0.1, 0.9 - breadth)
    if side == "bottom":
        box = (along * width, (1 - reach) * height, (along + breadth) * width, height * 1.3)
    elif side == "left":
        box = (-0.3 * width, along * height, reach * width, (along + breadth) * height)
    else:
        box = ((1 - reach) * width, along * height, width * 1.3, (along + breadth) * height)
    if rng.random() < 0.5:  # a phone: a rounded slab
        draw.rounded_rectangle(box, radius=0.04 * width, fill=255)
    else:  # a hand and wrist: a long oval
        draw.ellipse(box, fill=255)
    mask = mask.rotate(rng.uniform(-20, 20), Image.Resampling.BILINEAR)
    mask = mask.filter(ImageFilter.GaussianBlur(rng.uniform(0.02, 0.04) * width))
    depth = rng.uniform(0.25, 0.45)  # the shadow keeps 55–75% of the light
    shade = tuple(round(255 * (1 - depth * part)) for part in (1.0, 0.95, 0.85))
    return Image.composite(Image.new("RGB", size, shade), Image.new("RGB", size, WHITE), mask)


def _curl(page: Image.Image, bend: tuple[float, float], rng: random.Random) -> Image.Image:
    """Return `page` with its paper curled: rows bow by up to `bend` of the width."""
    width, height = page.size
    depth = rng.uniform(*bend) * width * rng.choice((-1, 1))
    lift = rng.uniform(0.0, 1.0)  # 0: bowed in the middle, 1: one edge lifting
    lifted = rng.choice((0, 1))  # which edge lifts
    top, bottom = rng.uniform(0.4, 1.0), rng.uniform(0.4, 1.0)  # bend at the top, the bottom

    def shift(x: float, y: float) -> float:
        across = x / width if lifted else 1 - x / width
        bow = (1 - lift) * math.sin(math.pi * x / width) + lift * across ** 2
        return depth * bow * (top + (bottom - top) * y / height)

    columns, rows = 24, 32
    mesh = []
    for row in range(rows):
        for column in range(columns):
            x0, x1 = width * column // columns, width * (column + 1) // columns
            y0, y1 = height * row // rows, height * (row + 1) // rows
            quad = (x0, y0 - shift(x0, y0), x0, y1 - shift(x0, y1),
                    x1, y1 - shift(x1, y1), x1, y0 - shift(x1, y0))
            mesh.append(((x0, y0, x1, y1), quad))
    return page.transform(page.size, Image.Transform.MESH, mesh, Image.Resampling.BICUBIC,
                          fillcolor=WHITE)


def _defocus(photo: Image.Image, radius: float, far: float) -> Image.Image:
    """Return `photo` softened by `radius`; the far (top) edge `far` times as much."""
    near = photo.filter(ImageFilter.GaussianBlur(radius))
    if far == 1.0:
        return near
    distant = photo.filter(ImageFilter.GaussianBlur(radius * far))
    focus = Image.linear_gradient("L").resize(photo.size, Image.Resampling.BILINEAR)
    return Image.composite(near, distant, focus)
