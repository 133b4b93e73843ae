"""Debian's chromium at a real `tianbiao serve`: the server, the browser, the people's steps.

Shared by the end-to-end test (tests/web/test_browser.py), `make screenshots`
(docs/render_web.py) and the upload benchmark (bench/web_uploads.py). Playwright drives the
system browser at /usr/bin/chromium; it never uses or downloads one of its own: its browser
folder (PLAYWRIGHT_BROWSERS_PATH) points at an empty one while it runs.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

CHROMIUM = Path("/usr/bin/chromium")
# Root needs --no-sandbox; the rest keep a test browser from calling home or updating itself.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
TIANBIAO = Path(sys.executable).with_name("tianbiao")  # the command the virtualenv installed
ROOT = Path(__file__).resolve().parents[2]
SAMPLE_FORM = "ruian-2022-report"
SAMPLE_LIST = ROOT / "samples" / "ruian-2022-list.xlsx"
MISSING_CHROMIUM = (f"Debian's chromium is not installed at {CHROMIUM}: run `make test` as root "
                    "(it installs it) or apt-get install chromium")


class BrowserMissing(RuntimeError):
    """Debian's chromium, or the playwright package, is not installed."""


def tianbiao(*args: str, stdin: str | None = None) -> str:
    """Run one tianbiao command and return what it printed; raise with its words if it fails."""
    done = subprocess.run([str(TIANBIAO), *args], input=stdin, text=True, capture_output=True,
                          check=False)
    if done.returncode != 0:
        raise RuntimeError(f"tianbiao {' '.join(args)} → {done.returncode}: "
                           f"{done.stderr or done.stdout}")
    return done.stdout


def free_port() -> int:
    """Return a TCP port on loopback that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Server:
    """A running `tianbiao serve`: where it answers, the store it serves, the office password."""

    base: str
    db: Path
    password: str


@contextmanager
def serving(db: Path, password: str, *, timeout: float = 30.0) -> Iterator[Server]:
    """Set the office `password` of the store `db` and serve it on loopback till the block ends."""
    set_office_password(db, password)
    port = free_port()
    process = subprocess.Popen([str(TIANBIAO), "serve", "--db", str(db), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_answering(base + "/office/login", process, timeout)
        yield Server(base, db, password)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()


def _wait_until_answering(url: str, process: subprocess.Popen[str], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read() if process.stderr is not None else ""
            raise RuntimeError(f"tianbiao serve stopped at once ({process.returncode}): {error}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise RuntimeError(f"tianbiao serve did not answer {url} within {timeout:.0f} s")


def set_office_password(db: Path, password: str) -> None:
    """Set the office password of the store `db` as the clerk does on the server."""
    tianbiao("passwd", "--db", str(db), stdin=password + "\n")


def campaign_by_commands(server: Server, *, form: str = SAMPLE_FORM,
                         roster: Path = SAMPLE_LIST, due: str = "2099-03-10"
                         ) -> list[dict[str, str]]:
    """Start a campaign of `form` over `roster` with the commands; return its links.

    For the benchmark and the screenshots, where the clerk's pages are not what is measured
    or shown; the end-to-end test goes through them (`clerk_starts_campaign`).
    """
    added = json.loads(tianbiao("campaign", "add", form, "--roster", str(roster), "--due", due,
                                "--db", str(server.db), "--format", "json"))
    return json.loads(tianbiao("links", str(added["id"]), "--db", str(server.db),
                               "--base-url", server.base, "--format", "json"))


def clerk_starts_campaign(page: Page, server: Server, folder: Path, *,
                          form: str = SAMPLE_FORM, roster: Path = SAMPLE_LIST,
                          due: str = "2099-03-10") -> tuple[str, list[dict[str, str]]]:
    """Start a campaign in the office's pages as the clerk does; return what they showed.

    The clerk logs in, uploads the notice's attachment (the blank `form`) and its list,
    reads what the page recognised, sets the due date, creates the campaign, makes the links
    and downloads links.xlsx. Return the page's words on the form, and the links as the
    workbook lists them: [{"key", "school", "url"}].
    """
    from openpyxl import load_workbook

    folder.mkdir(parents=True, exist_ok=True)
    attachment = folder / "附件2.docx"
    tianbiao("forms", "template", form, "-o", str(attachment))
    office_logs_in(page, server)
    page.get_by_role("link", name="新建征集").click()
    page.get_by_label("1. 附件").set_input_files(str(attachment))
    page.get_by_label("2. 名单").set_input_files(str(roster))
    with page.expect_navigation():
        page.get_by_role("button", name="上传并检查").click()
    recognised = page.locator("main").inner_text()
    page.get_by_label("截止日期").fill(due)
    with page.expect_navigation():
        page.get_by_role("button", name="创建").click()
    with page.expect_download() as event:
        page.get_by_role("button", name="生成链接").click()
    sheet = folder / "links.xlsx"
    event.value.save_as(sheet)
    rows = list(load_workbook(sheet, read_only=True).worksheets[0].iter_rows(values_only=True))
    header = [str(cell) for cell in rows[0]]
    at = {name: header.index(name) for name in ("编号", "学校", "链接")}
    return recognised, [{"key": str(row[at["编号"]]), "school": str(row[at["学校"]]),
                         "url": str(row[at["链接"]])} for row in rows[1:]]


@contextmanager
def chromium(*, width: int = 1280, height: int = 900) -> Iterator[BrowserContext]:
    """Start Debian's chromium headless with a fresh profile; yield its browser context."""
    if not CHROMIUM.is_file():
        raise BrowserMissing(MISSING_CHROMIUM)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise BrowserMissing("playwright is not installed: make .venv/.installed") from error
    with tempfile.TemporaryDirectory(prefix="tianbiao-chromium-") as scratch, \
            _own_browsers_nowhere(Path(scratch) / "no-browsers"), sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            str(Path(scratch) / "profile"), executable_path=str(CHROMIUM), headless=True,
            args=CHROMIUM_ARGS, accept_downloads=True, locale="zh-CN",
            viewport={"width": width, "height": height})
        try:
            yield context
        finally:
            context.close()


@contextmanager
def _own_browsers_nowhere(empty: Path) -> Iterator[None]:
    """Point Playwright's own browser folder at an empty one: only the system's can start."""
    empty.mkdir()
    before = os.environ.get("PLAYWRIGHT_BROWSERS_PATH")
    os.environ["PLAYWRIGHT_BROWSERS_PATH"] = str(empty)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PLAYWRIGHT_BROWSERS_PATH", None)
        else:
            os.environ["PLAYWRIGHT_BROWSERS_PATH"] = before


# -- what people do in the page ---------------------------------------------------------------

def download(page: Page, link_text: str, folder: Path) -> Path:
    """Click the link named `link_text` and save what the browser downloads into `folder`."""
    with page.expect_download() as event:
        page.get_by_role("link", name=link_text).click()
    got = event.value
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / got.suggested_filename
    got.save_as(target)
    return target


def upload(page: Page, path: Path) -> None:
    """Choose `path` in the page's file input and press 上传; wait for the answer page."""
    page.locator("input[type=file]").set_input_files(str(path))
    with page.expect_navigation():
        page.get_by_role("button", name="上传").click()


def fill_copy(copy: Path, answers: dict[str, Any], target: Path,
              leave_empty: tuple[str, ...] = ()) -> Path:
    """Type `answers` into the downloaded `copy` as a school's clerk would; save as `target`."""
    from fill_as_school import fill_document

    typed = {label: answer for label, answer in answers.items() if label not in leave_empty}
    typed.update(dict.fromkeys(leave_empty, ""))
    fill_document(copy, typed, target)
    return target


def office_logs_in(page: Page, server: Server) -> None:
    """Open the office page, type the password into the login form and log in."""
    page.goto(server.base + "/office")
    page.get_by_label("密码").fill(server.password)
    with page.expect_navigation():
        page.get_by_role("button", name="登录").click()
