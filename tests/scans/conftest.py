"""Scans of corpus returns, made once a session, and the .docx readings they must match.

Few pages on purpose (OCR reads a page in about a second): a two-page report stamped over
its date and fed crooked, sent as an image-only PDF and as a grey multi-page TIFF; an
application form with a ticked box, as a JPEG, smudged over a phone number, fed upside
down, scanned on its side, and as a phone photo, plain and stamped under a warm lamp.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from scans import scanmaker

DATA = Path(__file__).resolve().parents[1] / "data"
REPORT = DATA / "ruian-2022-report" / "amount-commas.docx"
APPLICATION = DATA / "hengyang-2018-application" / "category-boxes-ticked.docx"


@dataclass(frozen=True)
class Scans:
    """The scanned files by name, and the record of each one's .docx by that name."""

    folder: Path
    files: dict[str, Path]
    originals: dict[str, Path]


@pytest.fixture(scope="session")
def scans(tmp_path_factory, soffice) -> Scans:
    """Return the scans of the report and the application, made from their printed PDFs."""
    from parsers.office import WRITER_PDF, convert_batch

    base = tmp_path_factory.mktemp("scans")
    printed = convert_batch([REPORT, APPLICATION], WRITER_PDF, base / "printed")
    report_pdf, application_pdf = printed[REPORT], printed[APPLICATION]
    assert isinstance(report_pdf, Path) and isinstance(application_pdf, Path), printed
    folder = base / "returns"
    folder.mkdir()
    files: dict[str, Path] = {}

    # The report: stamped over the principal's date, fed crooked, 200 dpi colour, JPEG 75.
    pages = scanmaker.render(report_pdf, 200, base / "report-200")
    date = scanmaker.text_centre(report_pdf, 0, "2023年3月3日", 200)
    pages[0] = scanmaker.stamp_seal(pages[0], date, 200)
    crooked = [scanmaker.fed_crooked(page, degrees) for page, degrees in zip(pages, (1.2, -0.6),
                                                                              strict=True)]
    files["report-stamped.pdf"] = scanmaker.as_image_pdf(
        crooked, folder / "report-stamped.pdf", 200, 75)
    # The same report through an office scanner: grey, 200 dpi, a two-page TIFF.
    files["report-grey.tif"] = scanmaker.as_tiff(
        [scanmaker.fed_crooked(page, -0.8) for page in scanmaker.render(
            report_pdf, 200, base / "report-grey")], folder / "report-grey.tif", 200)

    # The application, a box ticked: 150 dpi colour JPEG, and a phone photo of it.
    (page,) = scanmaker.render(application_pdf, 150, base / "application-150")
    files["application.jpg"] = scanmaker.as_jpeg(
        scanmaker.fed_crooked(page, -0.9), folder / "application.jpg", 80, dpi=150)
    # The same, the contact's phone number smudged: it cannot be read surely.
    phone = scanmaker.text_centre(application_pdf, 0, "15173421906", 150)
    files["application-smudged.jpg"] = scanmaker.as_jpeg(
        scanmaker.smudged(page, phone, (150, 34)), folder / "application-smudged.jpg", 80,
        dpi=150)
    # Fed upside down, and scanned on its side (a PNG, as a screenshot is sent).
    files["application-upside-down.jpg"] = scanmaker.as_jpeg(
        scanmaker.fed_crooked(page, 180.6), folder / "application-upside-down.jpg", 80, dpi=150)
    page.rotate(90, expand=True).save(folder / "application-sideways.png")
    files["application-sideways.png"] = folder / "application-sideways.png"
    (page,) = scanmaker.render(application_pdf, 200, base / "application-200")
    files["application-photo.jpg"] = scanmaker.as_jpeg(
        scanmaker.photographed(page), folder / "application-photo.jpg", 85)
    # Stamped over the leader's phone number and in the county's empty opinion, photographed
    # under a warm desk lamp: the seals' words are no one's value.
    phone = scanmaker.text_centre(application_pdf, 0, "13907347781", 200)
    stamped = scanmaker.stamp_seal(page, phone, 200, words="衡阳市教育局办公室")
    x, y = scanmaker.text_centre(application_pdf, 0, "县市区教育局意见", 200)
    stamped = scanmaker.stamp_seal(stamped, (x, y + 120), 200, words="衡阳市教育局办公室")
    files["application-stamped-photo.jpg"] = scanmaker.as_jpeg(
        scanmaker.photographed(stamped, warm=True), folder / "application-stamped-photo.jpg",
        85)
    originals = {
        "report-stamped.pdf": REPORT, "report-grey.tif": REPORT,
        "application.jpg": APPLICATION, "application-photo.jpg": APPLICATION,
        "application-smudged.jpg": APPLICATION, "application-upside-down.jpg": APPLICATION,
        "application-sideways.png": APPLICATION, "application-stamped-photo.jpg": APPLICATION,
    }
    return Scans(folder, files, originals)


@pytest.fixture(scope="session")
def scan_records(scans):
    """Return the record of every scan and of every original .docx, by file name."""
    from parsers.batch import parse_paths

    files = [*scans.files.values(), *sorted(set(scans.originals.values()))]
    return {Path(record.file).name: record for record in parse_paths([str(f) for f in files])}
