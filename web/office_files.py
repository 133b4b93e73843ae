"""The office's downloads made on demand: every pre-filled copy, every 退回意见 letter, zipped.

The copies are the ones `tianbiao generate` writes, named as it names them; the letters are
the ones `tianbiao feedback` writes, one .docx per school whose latest return has problems,
named as it names them. Each zip is written in a scratch folder off the request thread and
sent from disk, so a province's copies are never held in memory; the folder goes once sent.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from generator.render import generate_copies
from records.campaigns import Campaign, campaign_sent_names
from records.feedback import write_feedback
from records.store import Store
from web.office_access import campaign_or_404, county_of, logged_in, login_redirect
from web.pages import error_page, in_thread, opened

ZIP = "application/zip"


def routes() -> list[Route]:
    """Return the routes of the copies' and the letters' zips."""
    return [
        Route("/office/c/{number:int}/copies.zip", copies_download, methods=["GET"]),
        Route("/office/c/{number:int}/letters.zip", letters_download, methods=["GET"]),
    ]


def write_copies(store: Store, campaign: Campaign, folder: Path) -> list[Path]:
    """Write a pre-filled copy for every roster row of `campaign` into `folder`."""
    return [copy.path for copy in generate_copies(campaign.spec, campaign.roster, folder)]


def write_letters(store: Store, campaign: Campaign, folder: Path) -> list[Path]:
    """Write a 退回意见 letter for every school whose latest return has problems."""
    spec = campaign.spec
    latest = store.latest(spec.id)
    if campaign.county is not None:  # a county writes to its own schools only
        keys = {row.key for row in campaign.roster.rows}
        latest = [s for s in latest if s.roster_key in keys]
    return write_feedback(spec, latest, folder, today=dt.date.today(),
                          due=campaign.due, sent_names=campaign_sent_names(store, campaign))


async def copies_download(request: Request) -> Response:
    """Send every roster row's pre-filled copy in one zip."""
    return await _zipped(request, write_copies, "预填表", "")


async def letters_download(request: Request) -> Response:
    """Send the 退回意见 letters of every school with problems in one zip."""
    return await _zipped(request, write_letters, "退回意见",
                         "目前没有需要退回的报送：每份最新交来的表都合格，或还没有人交表")


async def _zipped(request: Request, write: Callable[[Store, Campaign, Path], list[Path]],
                  what: str, when_empty: str) -> Response:
    if not logged_in(request):
        return login_redirect()
    number = request.path_params["number"]

    def build() -> tuple[Path | None, Path, str]:
        scratch = Path(tempfile.mkdtemp(prefix="tianbiao-office-"))
        try:
            with opened(request) as store:
                campaign = campaign_or_404(store, number, county_of(request))
                files = write(store, campaign, scratch / "files")
            if not files:
                return None, scratch, campaign.name
            archive = scratch / "all.zip"
            # Word files are compressed already: stored as they are, the zip is quick.
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as out:
                for file in files:
                    out.write(file, file.name)
            return archive, scratch, campaign.name
        except BaseException:
            shutil.rmtree(scratch, ignore_errors=True)
            raise

    archive, scratch, name = await in_thread(build)
    if archive is None:
        shutil.rmtree(scratch, ignore_errors=True)
        return error_page(request, 400, when_empty)
    return FileResponse(archive, media_type=ZIP, filename=f"{name}_{what}.zip",
                        background=BackgroundTask(shutil.rmtree, scratch, ignore_errors=True))
