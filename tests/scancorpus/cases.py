"""Which filled returns are scanned, under which conditions, and the small set CI reads.

A source is a case of tests/data (its .docx and the expected .json beside it). A condition
is how the paper copy became an image: resolution, colour, tilt, a seal, JPEG, a phone (and
how it held the phone), a chat app that forwarded the photo.
Single-page returns become the file kind a condition names; a return of several pages
becomes an image-only PDF or a multi-page .tif (a .jpg or a .png holds one page).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scancorpus.degrade import HURRIED, ON_A_DESK, Shot

TESTS = Path(__file__).resolve().parents[1]
DATA = TESTS / "data"


@dataclass(frozen=True)
class Source:
    """One filled return of tests/data: ``<form>/<case>.docx`` beside its expected .json."""

    form: str
    case: str

    @property
    def docx(self) -> Path:
        """Return the filled .docx the school sent."""
        return DATA / self.form / f"{self.case}.docx"

    @property
    def expected(self) -> Path:
        """Return the expected record written beside it."""
        return DATA / self.form / f"{self.case}.json"

    @property
    def name(self) -> str:
        """Return the name its scans are saved under: ``<form>--<case>``."""
        return f"{self.form}--{self.case}"


@dataclass(frozen=True)
class Condition:
    """How a paper return became an image, and the file kinds it is sent as."""

    name: str
    dpi: int
    colour: bool = True
    tilt: tuple[float, float] = (0.0, 0.0)  # degrees, either way
    sealed: bool = False
    jpeg_quality: tuple[int, int] | None = None  # JPEG quality drawn between these
    photo: bool = False
    shot: Shot = ON_A_DESK  # how the phone took the photo
    chat_long_side: int | None = None  # a chat app shrank the photo's long side to this
    single_page: str = "pdf"  # file kind of a one-page return
    several_pages: str = "pdf"  # file kind of a return of several pages
    what: str = ""  # for docs/scans.md
    # Harder than issue 14 asks for: measured and shown, not counted in its targets.
    beyond_issue: bool = False

    @property
    def clean(self) -> bool:
        """Return whether this is a clean scan: straight, unsealed, no JPEG loss, no phone."""
        return not (self.tilt[1] or self.sealed or self.jpeg_quality or self.photo) \
            and self.colour


CONDITIONS: tuple[Condition, ...] = (
    Condition("clean-200", 200, what="colour, 200 dpi, straight, image-only PDF"),
    Condition("clean-150", 150, single_page="png", several_pages="tif",
              what="colour, 150 dpi, straight, .png (one page) or multi-page .tif"),
    Condition("grey-200", 200, colour=False, single_page="png", several_pages="tif",
              what="grey, 200 dpi, straight, .png or multi-page .tif"),
    Condition("tilt", 200, tilt=(0.5, 2.0), several_pages="tif",
              what="colour, 200 dpi, tilted 0.5–2°, image-only PDF or multi-page .tif"),
    Condition("seal", 200, tilt=(0.3, 1.0), sealed=True,
              what="colour, 200 dpi, tilted 0.3–1°, a red 公章 over a value and one over "
                   "the date, image-only PDF"),
    Condition("jpeg", 150, tilt=(0.3, 1.0), jpeg_quality=(60, 80), single_page="jpg",
              what="colour, 150 dpi, tilted 0.3–1°, JPEG quality 60–80, .jpg or a PDF of "
                   "JPEG pages"),
    Condition("photo", 200, sealed=True, photo=True, single_page="jpg",
              what="the stamped copy photographed by a phone: perspective of a few degrees, "
                   "uneven light, slight blur, the desk around the page; .jpg or a PDF of "
                   "photos"),
    Condition("wechat", 200, sealed=True, photo=True, jpeg_quality=(70, 80), chat_long_side=1280,
              single_page="jpg", beyond_issue=True,
              what="the phone photo forwarded through a chat app: the phone's JPEG shrunk so "
                   "its long side is 1280 px (about 95 dpi on the paper), saved again at JPEG "
                   "quality 70–80 without a resolution; .jpg or a PDF of such photos, each "
                   "fitted to an A4 page"),
    Condition("photo-hard", 200, sealed=True, photo=True, shot=HURRIED, single_page="jpg",
              beyond_issue=True,
              what="the stamped copy photographed in a hurry: side edges leaning in 3–8° "
                   "toward the far edge, the page turned up to 6° and off centre, on a light "
                   "desk (light wood, beige, pale grey), a hand's or phone's soft shadow "
                   "across part of it, the paper curled (rows bowing a few pixels), the far "
                   "edge out of focus; .jpg or a PDF of photos"),
)
CONDITION_NAMED = {condition.name: condition for condition in CONDITIONS}

# One-page application forms, forms with ticked boxes, the 35-row score table, a report of
# two pages, a task book of six, a construction table of long texts.
SOURCES: tuple[Source, ...] = (
    Source("hengyang-2018-application", "category-boxes-ticked"),
    Source("hengyang-2018-application", "category-ticked-with-check"),
    Source("hengyang-2018-application", "opinions-with-signer-and-date"),
    Source("hengyang-2018-application", "phones-written-every-way"),
    Source("zhongxian-2021-acceptance", "original-attachment"),
    Source("zhongxian-2021-acceptance", "date-dotted"),
    Source("zhongxian-2021-acceptance", "opinions-multi-paragraph"),
    Source("zhongxian-2021-smart-campus-self", "original-attachment"),
    Source("zhongxian-2021-smart-campus-self", "checkbox-controls"),
    Source("zhongxian-2021-smart-campus-self", "numbers-with-units"),
    Source("zhongxian-2021-smart-campus-self", "percent-every-way"),
    Source("ruian-2022-report", "amount-commas"),
    Source("ruian-2022-report", "amount-daxie"),
    Source("ruian-2022-report", "dates-written-every-way"),
    Source("zhongxian-2021-inspection", "original-attachment"),
    Source("zhongxian-2021-inspection", "scores-with-fen"),
    Source("yueyang-2020-taskbook", "original-attachment"),
    Source("zhongxian-2021-smart-campus-k12", "original-attachment"),
)

# Every source under every condition.
FULL: tuple[tuple[Condition, Source], ...] = tuple(
    (condition, source) for condition in CONDITIONS for source in SOURCES)

# What CI reads: twelve pages, every condition and file kind, a checkbox form twice, the score
# table once (its four pages).
QUICK: tuple[tuple[Condition, Source], ...] = (
    (CONDITION_NAMED["clean-200"], SOURCES[0]),
    (CONDITION_NAMED["clean-150"], SOURCES[8]),
    (CONDITION_NAMED["grey-200"], SOURCES[3]),
    (CONDITION_NAMED["tilt"], SOURCES[14]),
    (CONDITION_NAMED["seal"], SOURCES[4]),
    (CONDITION_NAMED["jpeg"], SOURCES[7]),
    (CONDITION_NAMED["photo"], SOURCES[2]),
    (CONDITION_NAMED["wechat"], SOURCES[7]),
    (CONDITION_NAMED["photo-hard"], SOURCES[4]),
)
