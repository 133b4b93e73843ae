"""Screenshot the web page on the demo's data for the README (``make screenshots``).

The scenario of tests/web/test_browser.py on the demo's five schools: a real `tianbiao
serve` over a new store in a temporary folder, the 瑞安 campaign from the sample list (due
2023-03-10, as `make serve` sets it), and Debian's chromium headless. Each school opens its
link, downloads its copy, types its answers from samples/ruian-2022-answers.yaml and
uploads it; the last one left blanks empty. Writes docs/web/school.png (that school's page
after its upload, at a phone's width) and docs/web/board.png (the office board, at a
desktop's), each reduced to a small palette.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))
sys.path.insert(0, str(ROOT / "tests" / "web"))

import yaml  # noqa: E402
from browsing import (  # noqa: E402
    campaign_by_commands,
    chromium,
    download,
    fill_copy,
    office_logs_in,
    serving,
    upload,
)
from PIL import Image  # noqa: E402  (pdfplumber's own dependency)
from playwright.sync_api import ViewportSize  # noqa: E402

OUT = ROOT / "docs" / "web"
ANSWERS = ROOT / "samples" / "ruian-2022-answers.yaml"
DEMO_PASSWORD = "tianbiao-demo"
DUE = "2023-03-10"
PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 860}
COLOURS = 64


def main() -> None:
    """Run the demo's schools and the office through the browser; write the two pictures."""
    answers: dict[str, dict[str, Any]] = yaml.safe_load(ANSWERS.read_text(encoding="utf-8"))
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tianbiao-screenshots-") as scratch_name:
        scratch = Path(scratch_name)
        db = scratch / "tianbiao.db"
        with serving(db, DEMO_PASSWORD) as server, chromium(**DESKTOP) as browser:
            links = {link["key"]: link for link in campaign_by_commands(server, due=DUE)}
            page = browser.new_page()
            *complete, last = answers
            for key in complete:
                _hand_in(page, links[key]["url"], answers[key], scratch / key)
            page.set_viewport_size(PHONE)
            _hand_in(page, links[last]["url"], answers[last], scratch / last)
            _save(page.screenshot(full_page=True), OUT / "school.png")
            page.set_viewport_size(DESKTOP)
            office_logs_in(page, server)
            page.locator("ul.campaigns a").first.click()
            _save(page.screenshot(), OUT / "board.png")
    for picture in ("school.png", "board.png"):
        print(f"已写出 {OUT / picture}（{(OUT / picture).stat().st_size // 1024} KB）")


def _hand_in(page: Any, url: str, answers: dict[str, Any], folder: Path) -> None:
    """Open the school's link, download its copy, type `answers` into it and upload it."""
    page.goto(url)
    copy = download(page, "下载预填表（Word）", folder)
    upload(page, fill_copy(copy, answers, folder / "filled.docx"))


def _save(png: bytes, target: Path) -> None:
    """Write the screenshot `png` to `target` in a small palette, optimised."""
    scratch = target.with_suffix(".full.png")
    scratch.write_bytes(png)
    with Image.open(scratch) as image:
        small = image.convert("RGB").quantize(colors=COLOURS, dither=Image.Dither.NONE)
    small.save(target, optimize=True)
    scratch.unlink()


if __name__ == "__main__":
    main()
