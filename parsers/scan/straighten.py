"""A page picture made into a flat, upright, grey page: seal ink gone, photo unwarped, deskewed.

Colour pages are read through their red channel: the red ink of a seal (公章) is nearly as
light as the paper there, while black and blue writing stay dark, and what remains of the
seal's ink (told by its colour against the paper around it) is made paper, so text under a
seal is read as if the seal were not there. A phone photo shows the page as a quadrilateral
on a darker desk, lit unevenly: the page is found, warped to a rectangle and its light evened
out. Last, the page is turned by the small angle that makes its lines of text level
(projection profile).
"""

from __future__ import annotations

import cv2
import numpy as np

from parsers.scan.images import Picture

# In the red channel, a seal's ink is at least this share of the paper's brightness.
_SEAL_LIGHTNESS = 0.85
# Seal ink, measured against the paper around it (each channel as a share of the paper's):
# its red exceeds both green and blue by this much. It is made paper where, without the
# ink, it would be this light (black print or a rule under the seal is darker).
_SEAL_REDNESS = 0.15
_SEAL_INK_RED = 0.8
# Deskew: angles tried (degrees), coarse then fine, on the page shrunk to this side.
_SKEW_LIMIT = 5.0
_SKEW_STEP = 0.5
_SKEW_FINE = 0.05
_SKEW_SIDE = 1000
# A photographed page covers between these shares of the photo, and is this much lighter
# than what lies around it.
_PAGE_SHARE = (0.2, 0.97)
_PAGE_CONTRAST = 30
_FIND_SIDE = 800
# The page's outline is simplified by these shares of its length until it has four corners.
_SIMPLER = (0.02, 0.03, 0.045, 0.06)
# An outline with a corner this near the photo's edge (a share of its side) runs into the
# desk beyond the picture: not a page.
_EDGE_MARGIN = 0.005
# Light is evened out when the paper's brightness varies more than this over the page.
_UNEVEN_LIGHT = 25


def grey_page(picture: Picture) -> np.ndarray:
    """Return the page as grey pixels: the red channel of a colour page (seal ink removed).

    In the red channel a seal's ink is nearly as light as the paper, not quite: what is
    lighter than most of the way from black to the paper is made paper.
    """
    pixels = picture.pixels
    if pixels.ndim != 3:
        return pixels
    red = without_seal_ink(pixels)
    paper = float(np.percentile(red[::8, ::8], 90))
    light = max(1.0, _SEAL_LIGHTNESS * paper)
    lut = np.clip(np.arange(256) * 255.0 / light, 0, 255).astype(np.uint8)
    return cv2.LUT(red, lut)


def without_seal_ink(pixels: np.ndarray) -> np.ndarray:
    """Return the red channel of the RGB page `pixels` with the seal's red ink made paper.

    Under warm, uneven light a seal's ink in the red channel is darker than the paper beside
    it, and its printed words would be read as text. Each channel is taken as a share of
    the paper's own colour around it (so a warm light or a yellowed sheet is white): a pixel
    whose red stands well above its green and blue is the seal's ink. It is made paper when
    it would be light without that ink, and with it the seal's lighter edge a pixel wide;
    black print or a rule under the seal, dark in every channel, stays as it was.
    """
    paper = _paper_colour(pixels)
    shares = [cv2.divide(pixels[:, :, channel], np.maximum(paper[:, :, channel], 1),
                         dtype=cv2.CV_32F) for channel in range(3)]
    red_share = shares[0]
    seal = red_share - np.maximum(shares[1], shares[2]) > _SEAL_REDNESS
    del shares
    red = pixels[:, :, 0].copy()
    if not seal.any():
        return red
    # How light a pixel of seal ink would be without the ink: its red share divided by the
    # seal ink's own (the median of the seal's pixels).
    ink_share = float(np.clip(np.median(red_share[seal]), 0.5, 1.0))
    restored = np.minimum(red_share / ink_share, 1.0)
    # The seal's edge, a pixel wide, tinted but lighter, is made paper where it is light.
    edge = (cv2.dilate(seal.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0) & ~seal
    restored[edge] = red_share[edge]
    seal |= edge
    under = np.where(restored > _SEAL_INK_RED, 1.0, red_share)
    red[seal] = (under[seal] * paper[:, :, 0][seal]).astype(np.uint8)
    return red


def _paper_colour(pixels: np.ndarray) -> np.ndarray:
    """Return the paper's colour around each pixel of `pixels`: the brightest, text closed over."""
    scale = min(1.0, 400 / max(pixels.shape[:2]))
    small = cv2.resize(pixels, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    paper = cv2.dilate(small, np.ones((15, 15), np.uint8))
    paper = cv2.GaussianBlur(paper, (0, 0), 5)
    return cv2.resize(paper, (pixels.shape[1], pixels.shape[0]),
                      interpolation=cv2.INTER_LINEAR)


def unwarp_photo(grey: np.ndarray, finder: np.ndarray | None = None) -> tuple[np.ndarray, bool]:
    """Return the page inside a photo warped to a rectangle, and whether one was found.

    The page is looked for in `grey` and in `finder` (same size) when given: a desk of light
    wood is as light as the paper in the red channel the page is read through, while under
    a warm lamp the paper's far side is dark in blue and only part of it is found there. Of
    the outlines found, the largest is the page.
    """
    found = [corners for channel in (grey, finder) if channel is not None
             and (corners := page_corners(channel)) is not None]
    if not found:
        return grey, False
    corners = max(found, key=lambda outline: cv2.contourArea(outline.astype(np.float32)))
    top_left, top_right, bottom_right, bottom_left = corners
    width = round(max(np.linalg.norm(top_right - top_left),
                      np.linalg.norm(bottom_right - bottom_left)))
    height = round(max(np.linalg.norm(bottom_left - top_left),
                       np.linalg.norm(bottom_right - top_right)))
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]],
                      np.float32)
    matrix = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    flat = cv2.warpPerspective(grey, matrix, (width, height), flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REPLICATE)
    return flat, True


def page_corners(grey: np.ndarray) -> np.ndarray | None:
    """Return the four corners of a page photographed on a darker ground, or None.

    Corners come top-left, top-right, bottom-right, bottom-left, in `grey`'s pixels.
    """
    scale = min(1.0, _FIND_SIDE / max(grey.shape))
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (5, 5), 0)
    _, paper = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    # Close the page's own text and lines so the page is one bright shape.
    paper = cv2.morphologyEx(paper, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))
    contours, _ = cv2.findContours(paper, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    outline = max(contours, key=cv2.contourArea)
    share = cv2.contourArea(outline) / (small.shape[0] * small.shape[1])
    if not _PAGE_SHARE[0] <= share <= _PAGE_SHARE[1]:
        return None
    polygon = _quadrilateral(outline)
    if polygon is None:
        return None
    inside = np.zeros_like(small)
    cv2.fillPoly(inside, [polygon], 255)
    if not (inside == 0).any() or \
            small[inside > 0].mean() - small[inside == 0].mean() < _PAGE_CONTRAST:
        return None
    margin = _EDGE_MARGIN * max(small.shape)
    inner = polygon.reshape(4, 2)
    if (inner.min(axis=0) < margin).any() or \
            (inner.max(axis=0) > np.array(small.shape[::-1]) - 1 - margin).any():
        return None  # the outline runs along the photo's edge: the desk, not a page
    points = polygon.reshape(4, 2).astype(np.float32) / scale
    total = points.sum(axis=1)
    difference = np.diff(points, axis=1).ravel()
    return np.array([points[total.argmin()], points[difference.argmin()],
                     points[total.argmax()], points[difference.argmax()]])


def _quadrilateral(outline: np.ndarray) -> np.ndarray | None:
    """Return the four corners of the page's `outline`, or None if it has no four sides.

    The paper's outline is ragged where a shadow or the desk's grain meets it: its convex
    hull is simplified, a little more each time, until four corners are left.
    """
    hull = cv2.convexHull(outline)
    perimeter = cv2.arcLength(hull, True)
    for share in _SIMPLER:
        polygon = cv2.approxPolyDP(hull, share * perimeter, True)
        if len(polygon) == 4 and cv2.isContourConvex(polygon):
            return polygon
        if len(polygon) < 4:
            break
    return None


def even_light(grey: np.ndarray, *, always: bool = False) -> np.ndarray:
    """Return `grey` with the paper made evenly white, where its light is uneven."""
    scale = min(1.0, 400 / max(grey.shape))
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    # The paper's brightness: the brightest pixel around each point, text closed over.
    paper = cv2.dilate(small, np.ones((15, 15), np.uint8))
    paper = cv2.GaussianBlur(paper, (0, 0), 5)
    if not always and int(np.percentile(paper, 95)) - int(np.percentile(paper, 5)) \
            < _UNEVEN_LIGHT:
        return grey
    paper = cv2.resize(paper, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_LINEAR)
    flat = cv2.divide(grey, np.maximum(paper, 1), scale=255)
    return flat


def skew_angle(grey: np.ndarray) -> float:
    """Return the angle (degrees) that turns the page's lines level (projection profile)."""
    scale = min(1.0, _SKEW_SIDE / max(grey.shape))
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    _, ink = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ink = ink.astype(np.float32)

    def sharpness(angle: float) -> float:
        centre = (ink.shape[1] / 2, ink.shape[0] / 2)
        matrix = cv2.getRotationMatrix2D(centre, angle, 1.0)
        turned = cv2.warpAffine(ink, matrix, (ink.shape[1], ink.shape[0]),
                                flags=cv2.INTER_NEAREST)
        rows = turned.sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    coarse = np.arange(-_SKEW_LIMIT, _SKEW_LIMIT + 1e-9, _SKEW_STEP)
    best = max(coarse, key=sharpness)
    fine = np.arange(best - _SKEW_STEP, best + _SKEW_STEP + 1e-9, _SKEW_FINE)
    return float(max(fine, key=sharpness))


def deskew(grey: np.ndarray) -> np.ndarray:
    """Return `grey` turned so its lines of text are level."""
    angle = skew_angle(grey)
    if abs(angle) < _SKEW_FINE:
        return grey
    height, width = grey.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    return cv2.warpAffine(grey, matrix, (width, height), flags=cv2.INTER_LINEAR,
                          borderValue=255)


def straightened(picture: Picture) -> np.ndarray:
    """Return the page of `picture` grey, unwarped if photographed, lit evenly and level."""
    grey = grey_page(picture)
    pixels = picture.pixels
    # White paper is light in every channel; a desk, however light, is not.
    finder = pixels.min(axis=2) if pixels.ndim == 3 else None
    grey, photographed = unwarp_photo(grey, finder)
    grey = even_light(grey, always=photographed)
    return deskew(grey)
