"""The scans are what their conditions say, and their expectations are what the paper shows.

The expected values come from tests/data: the source .docx and its print must read as them
(through `tianbiao parse`, as the corpus tests hold). The files must be images only, at
their resolution, in their colour, tilted within their range; a seal must be red and lie
over the value it was aimed at; the same scan is made the same on every run.
"""

from __future__ import annotations

import json
import math

import pdfplumber
import pytest
from PIL import Image, ImageChops, ImageStat
from PIL.JpegImagePlugin import JpegImageFile

from forms.registry import get_form
from scancorpus.build import make_scan
from scancorpus.cases import CONDITION_NAMED, SOURCES, Source
from scancorpus.command import parse_files
from scancorpus.printing import locate, normalised, occurrences, read_printed

pytestmark = pytest.mark.office
A4_INCHES = (210 / 25.4, 297 / 25.4)


def _scan(manifest, condition: str):
    """Return the manifest entry of the CI scan made under `condition`."""
    return next(scan for scan in manifest["scans"] if scan["condition"] == condition)


def _pages(path):
    """Return the pages of a scan file as images."""
    if path.suffix == ".pdf":
        import pypdfium2

        document = pypdfium2.PdfDocument(path)
        try:
            return [page.get_objects() and _embedded_image(page) for page in document]
        finally:
            document.close()
    with Image.open(path) as image:
        frames = []
        for number in range(getattr(image, "n_frames", 1)):
            image.seek(number)
            frames.append(image.copy())
        return frames


def _embedded_image(page):
    """Return the one image a scanned PDF page holds."""
    import pypdfium2.raw as pdfium

    images = [o for o in page.get_objects() if o.type == pdfium.FPDF_PAGEOBJ_IMAGE]
    assert len(images) == 1, "a scanned page holds exactly one image"
    return images[0].get_bitmap(render=False).to_pil()


def test_every_source_docx_reads_as_its_expectation():
    records, _ = parse_files([source.docx for source in SOURCES])
    for source, record in zip(SOURCES, records, strict=True):
        expected = json.loads(source.expected.read_text(encoding="utf-8"))
        values = {field["id"]: field["value"] for field in record["fields"]}
        assert {k: values.get(k) for k in expected["fields"]} == expected["fields"], source
        for label, rows in expected.get("rows", {}).items():
            got = record["rows"][label]
            assert [{k: row.get(k) for k in want} for row, want in zip(got, rows, strict=True)
                    ] == rows, (source, label)


def test_the_build_found_no_disagreement(quick_scans):
    _, manifest = quick_scans
    assert manifest["docx_disagrees"] == {}


def test_the_printed_returns_read_as_expected(quick_scans):
    out, manifest = quick_scans
    scans = {scan["source"]: scan for scan in manifest["scans"]}
    pdfs = sorted((out / "print").glob("*.pdf"))
    assert len(pdfs) == len(scans)
    records, _ = parse_files(pdfs)
    for pdf, record in zip(pdfs, records, strict=True):
        form, case = pdf.stem.split("--")
        scan = scans[f"tests/data/{form}/{case}.docx"]
        values = {field["id"]: field["value"] for field in record["fields"]}
        assert {k: values.get(k) for k in scan["fields"]} == scan["fields"], pdf.name


def test_each_scan_is_images_only_in_its_resolution_and_colour(quick_scans):
    out, manifest = quick_scans
    for scan in manifest["scans"]:
        condition = CONDITION_NAMED[scan["condition"]]
        path = out / scan["file"]
        assert path.suffix == "." + scan["kind"]
        if scan["kind"] == "pdf":
            with pdfplumber.open(path) as document:
                assert not any(page.chars for page in document.pages), "no text layer"
        pages = _pages(path)
        assert len(pages) == scan["pages"], scan["file"]
        for page in pages:
            assert page.mode == ("RGB" if condition.colour else "L"), scan["file"]
            expected_size = (A4_INCHES[0] * condition.dpi, A4_INCHES[1] * condition.dpi)
            grown = 1.12 if condition.photo else 1.0  # the desk around the page
            if condition.chat_long_side:  # shrunk by the chat app
                grown *= condition.chat_long_side / round(expected_size[1] * 1.1)
            assert page.width == pytest.approx(expected_size[0] * grown, rel=0.02)
            assert page.height == pytest.approx(expected_size[1] * grown, rel=0.03)
        if scan["kind"] in ("png", "tif", "jpg"):
            with Image.open(path) as image:
                if condition.chat_long_side:
                    assert "dpi" not in image.info, scan["file"]
                else:
                    assert image.info["dpi"] == pytest.approx((condition.dpi,) * 2, rel=1e-3)


def test_tilts_lie_in_their_conditions_range(quick_scans):
    _, manifest = quick_scans
    for scan in manifest["scans"]:
        low, high = CONDITION_NAMED[scan["condition"]].tilt
        assert all(low <= abs(tilt) <= high for tilt in scan["tilt"]), scan["file"]
        assert len(scan["tilt"]) == (scan["pages"] if high else 0)


def _red(image: Image.Image) -> Image.Image:
    """Return a mask of the seal's red: red well above green."""
    red, green, _ = image.convert("RGB").split()
    return ImageChops.subtract(red, green).point(lambda v: 255 if v > 70 else 0)


def test_a_seal_is_red_and_lies_over_the_value_it_was_aimed_at(quick_scans):
    out, manifest = quick_scans
    scan = _scan(manifest, "seal")
    page = _pages(out / scan["file"])[0]
    dates = [s for s in scan["seals"] if isinstance(scan["fields"][s["over"]], str)
             and len(scan["fields"][s["over"]]) == 10 and scan["fields"][s["over"]][4] == "-"]
    assert len(scan["seals"]) == 2 and dates, scan["seals"]
    red = _red(page)
    for seal in scan["seals"]:
        assert seal["over"] in scan["under_seal"]
        assert seal["radius"] == pytest.approx(42 / 25.4 * 200 / 2, rel=0.01)
        reach = seal["radius"] + 40  # the page was tilted by up to 1° after stamping
        box = (seal["x"] - reach, seal["y"] - reach, seal["x"] + reach, seal["y"] + reach)
        inked = red.crop(box).histogram()[255]
        assert inked > 0.05 * math.pi * seal["radius"] ** 2, (seal, inked)
    discs = sum(math.pi * (seal["radius"] + 40) ** 2 for seal in scan["seals"])
    assert red.histogram()[255] < discs  # nothing but the seals is red


def test_a_clean_scan_has_no_red(quick_scans):
    out, manifest = quick_scans
    page = _pages(out / _scan(manifest, "clean-200")["file"])[0]
    assert _red(page).histogram()[255] == 0


def test_checkboxes_are_the_fields_printed_as_boxes(quick_scans):
    _, manifest = quick_scans
    scan = _scan(manifest, "clean-150")
    form = get_form(scan["form"])
    boxes = {f.id for f in form.fields if f.kind in ("yesno", "choice")}
    assert set(scan["checkboxes"]) == boxes


def test_a_value_printed_twice_is_found_after_its_own_label(quick_scans):
    out, _ = quick_scans
    source = Source("hengyang-2018-application", "opinions-with-signer-and-date")
    printed = read_printed(out / "print" / f"{source.name}.pdf")
    records, _ = parse_files([source.docx])
    fields = {field["id"]: field for field in records[0]["fields"]}
    leader, signer = locate(printed, fields["leader"]), locate(printed, fields["unit_signer"])
    assert "".join(g.text for g in signer) == normalised(fields["unit_signer"]["raw"])
    assert signer[0].top > leader[0].top + 100  # the opinion block is well below the header


def test_a_score_is_found_in_its_row_and_column(quick_scans):
    out, _ = quick_scans
    source = Source("zhongxian-2021-inspection", "original-attachment")
    printed = read_printed(out / "print" / f"{source.name}.pdf")
    records, _ = parse_files([source.docx])
    fields = {field["id"]: field for field in records[0]["fields"]}
    header = occurrences(printed, "考核分")[0]
    c1, c2 = occurrences(printed, "C1"), occurrences(printed, "C2")
    assert len(c1) == 1 and len(c2) == 1  # not the C1 of C10 to C19
    score = locate(printed, fields["c1_score"])
    assert [glyph.text for glyph in score] == ["2"]
    assert c1[0][0].top - 5 < score[0].top < c2[0][0].top
    middle = sum(glyph.centre[0] for glyph in header) / len(header)
    assert abs(score[0].centre[0] - middle) < 30


def test_a_scan_is_made_the_same_every_time(quick_scans, tmp_path):
    out, manifest = quick_scans
    source = Source("zhongxian-2021-acceptance", "original-attachment")
    expected = json.loads(source.expected.read_text(encoding="utf-8"))
    records, _ = parse_files([source.docx])
    read = {field["id"]: field for field in records[0]["fields"]}
    printed = read_printed(out / "print" / f"{source.name}.pdf")
    again = make_scan(tmp_path, CONDITION_NAMED["seal"], source, expected, read, printed)
    before = _scan(manifest, "seal")
    assert again["seals"] == before["seals"] and again["under_seal"] == before["under_seal"]
    first, second = _pages(out / before["file"])[0], _pages(tmp_path / again["file"])[0]
    assert ImageChops.difference(first, second).getbbox() is None


# The phone photos that chat apps and hurried hands make, built apart from the CI set.
FORWARDED = Source("zhongxian-2021-smart-campus-self", "original-attachment")
HURRIED = Source("zhongxian-2021-acceptance", "original-attachment")


def _make_photos(out, printed_in):
    """Make the forwarded photo and the hurried photo under `out`; return their entries."""
    records, _ = parse_files([FORWARDED.docx, HURRIED.docx])
    made = {}
    for condition, source, record in (("wechat", FORWARDED, records[0]),
                                      ("photo-hard", HURRIED, records[1])):
        expected = json.loads(source.expected.read_text(encoding="utf-8"))
        read = {field["id"]: field for field in record["fields"]}
        printed = read_printed(printed_in / "print" / f"{source.name}.pdf")
        made[condition] = make_scan(out, CONDITION_NAMED[condition], source, expected, read,
                                    printed)
    return made


@pytest.fixture(scope="module")
def phone_photos(quick_scans, tmp_path_factory):
    """Return the folder of the forwarded and hurried photos and their manifest entries."""
    printed_in, _ = quick_scans
    out = tmp_path_factory.mktemp("phone-photos")
    return out, _make_photos(out, printed_in)


def _side(corners, inward, offset):
    """Return points along the page's four edges, `offset` px inside (or outside) the page."""
    middle = (sum(x for x, _ in corners) / 4, sum(y for _, y in corners) / 4)
    points = []
    for (x0, y0), (x1, y1) in zip(corners, corners[1:] + corners[:1], strict=True):
        length = math.hypot(x1 - x0, y1 - y0)
        normal = ((y1 - y0) / length, (x0 - x1) / length)
        if normal[0] * (middle[0] - x0) + normal[1] * (middle[1] - y0) < 0:
            normal = (-normal[0], -normal[1])  # toward the page's middle
        step = offset if inward else -offset
        for part in range(1, 20):
            along = part / 20
            points.append((x0 + (x1 - x0) * along + normal[0] * step,
                           y0 + (y1 - y0) * along + normal[1] * step))
    return points


def _median_colour(image, points):
    """Return the median of each channel over small squares around `points`."""
    channels = []
    for channel in image.convert("RGB").split():
        values = sorted(ImageStat.Stat(channel.crop(
            (round(x) - 2, round(y) - 2, round(x) + 3, round(y) + 3))).mean[0] for x, y in points)
        channels.append(values[len(values) // 2])
    return channels


def test_a_forwarded_photo_is_a_small_jpeg_without_a_resolution(phone_photos):
    out, made = phone_photos
    scan = made["wechat"]
    path = out / scan["file"]
    assert scan["kind"] == "jpg" and scan["pages"] == 1 and 70 <= scan["jpeg_quality"] <= 80
    with Image.open(path) as image:
        assert isinstance(image, JpegImageFile) and image.mode == "RGB"
        assert max(image.size) == 1280
        assert "dpi" not in image.info
        tables, size = image.quantization, image.size
    with Image.open(path) as image:
        image.save(out / "at-85.jpg", "JPEG", quality=85)
    with Image.open(out / "at-85.jpg") as phone:
        assert isinstance(phone, JpegImageFile)
        assert sum(tables[0]) > sum(phone.quantization[0])  # coarser than the phone's JPEG
    assert all(0 < x < size[0] and 0 < y < size[1] for x, y in scan["corners"][0])


def test_a_hurried_photo_lies_askew_on_a_light_desk(phone_photos):
    out, made = phone_photos
    scan = made["photo-hard"]
    assert scan["kind"] == "jpg" and scan["under_seal"]
    with Image.open(out / scan["file"]) as image:
        photo = image.convert("RGB")
    corners = [tuple(corner) for corner in scan["corners"][0]]
    (left_top, right_top, right_bottom, left_bottom) = corners
    far, near = right_top[0] - left_top[0], right_bottom[0] - left_bottom[0]
    assert far < 0.9 * near  # seen at a slant: the far edge is much shorter
    paper = _median_colour(photo, _side(corners, inward=True, offset=20))
    desk = _median_colour(photo, _side(corners, inward=False, offset=20))
    assert max(d / p for d, p in zip(desk, paper, strict=True)) > 0.75, (desk, paper)
    assert min(d / p for d, p in zip(desk, paper, strict=True)) < 0.97, (desk, paper)


def test_phone_photos_are_made_the_same_every_time(phone_photos, quick_scans, tmp_path):
    out, made = phone_photos
    again = _make_photos(tmp_path, quick_scans[0])
    for condition, scan in made.items():
        assert again[condition]["corners"] == scan["corners"]
        assert (tmp_path / scan["file"]).read_bytes() == (out / scan["file"]).read_bytes()
