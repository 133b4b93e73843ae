"""Make the scans of the chosen returns under each condition and write their expectations.

    .venv/bin/python tests/scancorpus/build.py --out out/scancorpus [--quick]

Writes ``<out>/<condition>/<form>--<case>.<kind>`` and ``<out>/scans.json``: for each scan,
its condition, file kind, pages, tilt, seals, a photo's page corners, and the source
return's expected fields and rows, the fields printed as ticked boxes and the fields a seal
covers. The values a scan should read are the source's expected record
(tests/data/<form>/<case>.json); the build also reads each source .docx with `tianbiao
parse` and lists any field it reads otherwise (``docx_disagrees``), which must be none.
Every random choice is seeded by the scan's name.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import zlib
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fontsetups import NOTO, build_config
from PIL import Image

from scancorpus.cases import FULL, QUICK, TESTS, Condition, Source
from scancorpus.command import parse_files
from scancorpus.degrade import forward_through_chat, photograph, scan
from scancorpus.printing import (
    BOX_MARKS,
    Glyph,
    Printed,
    locate,
    print_to_pdf,
    read_printed,
    render_pages,
    to_pixels,
)
from scancorpus.saving import PHONE_JPEG_QUALITY, save_pages
from scancorpus.seal import Seal, draw_seal, seal_radius, stamp

MANIFEST = "scans.json"
DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
SCHOOL_ENDINGS = ("学校", "中学", "小学", "中心", "学院")


def build(out: Path, selection: Iterable[tuple[Condition, Source]], *,
          fontconfig: Path | None = None) -> dict[str, Any]:
    """Make every (condition, source) scan of `selection` under `out`; return the manifest."""
    chosen = list(selection)
    sources = list(dict.fromkeys(source for _, source in chosen))
    expected = {s: json.loads(s.expected.read_text(encoding="utf-8")) for s in sources}
    docx_records, _ = parse_files([s.docx for s in sources])
    read = {source: {field["id"]: field for field in record["fields"]}
            for source, record in zip(sources, docx_records, strict=True)}
    shutil.rmtree(out / "pages", ignore_errors=True)  # rendered from the prints made now
    pdfs = print_to_pdf(sources, out / "print", fontconfig=fontconfig)
    printed = {source: read_printed(pdfs[source]) for source in sources}
    scans = [make_scan(out, condition, source, expected[source], read[source], printed[source])
             for condition, source in chosen]
    manifest = {
        "scans": scans,
        "docx_disagrees": {s.name: _disagreements(expected[s]["fields"], read[s])
                           for s in sources if _disagreements(expected[s]["fields"], read[s])},
    }
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                encoding="utf-8")
    return manifest


def load_manifest(out: Path) -> dict[str, Any]:
    """Return the manifest a build wrote under `out`."""
    return json.loads((out / MANIFEST).read_text(encoding="utf-8"))


def make_scan(out: Path, condition: Condition, source: Source, expected: dict[str, Any],
               read: dict[str, dict[str, Any]], printed: Printed) -> dict[str, Any]:
    """Make one scan of `source` under `condition`; return its manifest entry."""
    rng = random.Random(zlib.crc32(f"{condition.name}/{source.name}".encode()))
    pages = render_pages(printed.pdf, condition.dpi, out / "pages")
    places = {field_id: locate(printed, field) for field_id, field in read.items()}
    seals = _stamp_seals(pages, condition, expected["fields"], places, rng) \
        if condition.sealed else []
    tilts = [_tilt(condition, rng) for _ in pages]
    if condition.photo:
        made, corners = _photograph(pages, condition, rng)
    else:
        made = [scan(page, condition.dpi, tilt, rng)
                for page, tilt in zip(pages, tilts, strict=True)]
        corners = []
    if not condition.colour:
        made = [page.convert("L") for page in made]
    kind = condition.single_page if len(made) == 1 else condition.several_pages
    quality = rng.randint(*condition.jpeg_quality) if condition.jpeg_quality else (
        PHONE_JPEG_QUALITY if condition.photo else None)
    # A chat app drops the photo's resolution: the file does not say how large the paper was.
    path = save_pages(made, out / condition.name / f"{source.name}.{kind}",
                      None if condition.chat_long_side else condition.dpi, quality=quality)
    under = sorted(field_id for field_id, glyphs in places.items()
                   if any(_covered(seal, glyphs, condition.dpi) for seal in seals))
    return {
        "file": str(path.relative_to(out)),
        "condition": condition.name,
        "kind": kind,
        "dpi": condition.dpi,
        "colour": condition.colour,
        "pages": len(made),
        "tilt": [round(tilt, 2) for tilt in tilts] if condition.tilt[1] else [],
        "jpeg_quality": quality,
        "source": str(source.docx.relative_to(TESTS.parent)),
        "form": expected["form"],
        "fields": expected["fields"],
        "rows": expected.get("rows", {}),
        "checkboxes": sorted(field_id for field_id, field in read.items()
                             if BOX_MARKS & set(field.get("raw") or "")),
        "under_seal": under,
        "seals": [asdict(seal) for seal in seals],
        "corners": corners,
    }


def _photograph(pages: list[Image.Image], condition: Condition, rng: random.Random
                ) -> tuple[list[Image.Image], list[list[list[float]]]]:
    """Return the phone's photos of `pages` and each page's corners in its photo's pixels."""
    photos, corners = [], []
    for page in pages:
        photo, where = photograph(page, rng, condition.shot)
        if condition.chat_long_side:
            shrunk = forward_through_chat(photo, condition.chat_long_side, PHONE_JPEG_QUALITY)
            where = [(x * shrunk.width / photo.width, y * shrunk.height / photo.height)
                     for x, y in where]
            photo = shrunk
        photos.append(photo)
        corners.append([[round(x, 1), round(y, 1)] for x, y in where])
    return photos, corners


def _tilt(condition: Condition, rng: random.Random) -> float:
    """Return a page's tilt in degrees under `condition`, either way."""
    low, high = condition.tilt
    return rng.uniform(low, high) * rng.choice((-1, 1)) if high else 0.0


def _stamp_seals(pages: list[Image.Image], condition: Condition, fields: dict[str, Any],
                 places: dict[str, list[Glyph]], rng: random.Random) -> list[Seal]:
    """Stamp a seal over the return's last date and one over a number on the first page."""
    dpi = condition.dpi
    radius = seal_radius(dpi)
    school = next((value for value in fields.values()
                   if isinstance(value, str) and value.endswith(SCHOOL_ENDINGS)), "某某学校")
    found = {field_id: glyphs for field_id, glyphs in places.items() if glyphs}
    dates = sorted((glyphs[-1].index, field_id) for field_id, glyphs in found.items()
                   if isinstance(fields.get(field_id), str) and DATE.match(fields[field_id]))
    targets = [dates[-1][1]] if dates else []
    first_page = [field_id for field_id, glyphs in found.items()
                  if glyphs[0].page == 0 and field_id not in targets]
    numbers = [field_id for field_id in first_page if _is_number(fields.get(field_id))]
    texts = [field_id for field_id in first_page
             if isinstance(fields.get(field_id), str) and len(fields[field_id]) <= 20]
    seals: list[Seal] = []
    for field_id in targets + rng.sample(numbers or texts, k=min(3, len(numbers or texts))):
        glyphs = found[field_id][:8]
        x = to_pixels(sum(g.centre[0] for g in glyphs) / len(glyphs), dpi)
        y = to_pixels(sum(g.centre[1] for g in glyphs) / len(glyphs), dpi)
        x, y = x + rng.uniform(-0.2, 0.2) * radius, y + rng.uniform(-0.2, 0.2) * radius
        page = glyphs[0].page
        if any(s.page == page and (s.x - x) ** 2 + (s.y - y) ** 2 < (1.4 * radius) ** 2
               for s in seals):
            continue
        mask, colour, words = draw_seal(school, dpi, rng)
        seals.append(Seal(page, round(x, 1), round(y, 1), round(radius, 1), field_id, words))
        stamp(pages[page], mask, colour, x, y, rng.uniform(0.75, 0.92))
        if len(seals) == 2:
            break
    return seals


def _is_number(value: Any) -> bool:
    """Return whether an expected value is a number or a string of digits (a phone)."""
    return (isinstance(value, int | float) and not isinstance(value, bool)) or (
        isinstance(value, str) and value.isdigit())


def _covered(seal: Seal, glyphs: list[Glyph], dpi: int) -> bool:
    """Return whether `seal` touches any of `glyphs`."""
    return any(glyph.page == seal.page and seal.covers(
        to_pixels(glyph.x0, dpi), to_pixels(glyph.top, dpi),
        to_pixels(glyph.x1, dpi), to_pixels(glyph.bottom, dpi)) for glyph in glyphs)


def _disagreements(expected: dict[str, Any], read: dict[str, dict[str, Any]]
                   ) -> dict[str, list[Any]]:
    """Return {field: [expected, read]} where the .docx reads other than its expectation."""
    return {field_id: [want, read.get(field_id, {}).get("value")]
            for field_id, want in expected.items()
            if read.get(field_id, {}).get("value") != want}


def main(argv: list[str] | None = None) -> int:
    """Build the scans named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TESTS.parent / "out" / "scancorpus")
    parser.add_argument("--quick", action="store_true", help="only the pages CI reads")
    arguments = parser.parse_args(argv)
    fontconfig = build_config(NOTO, arguments.out / "fonts")
    manifest = build(arguments.out, QUICK if arguments.quick else FULL, fontconfig=fontconfig)
    pages = sum(scan["pages"] for scan in manifest["scans"])
    print(f"{len(manifest['scans'])} scans, {pages} pages in {arguments.out}")
    if manifest["docx_disagrees"]:
        print("the .docx reads otherwise than expected:", manifest["docx_disagrees"])
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
