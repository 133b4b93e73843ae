"""WordprocessingML elements for runs, written the way one hand writes them.

Offices' Word versions and testers' scripts write the same content a little differently:
which font slots a run names, whether the size is given twice, whether a paragraph carries
spacing and its own mark properties, how content controls and form fields look. A `Hand`
records those choices, so that every corpus keeps the exact XML it was committed with.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
PLACEHOLDER_STYLE = "PlaceholderText"


@dataclass
class Ids:
    """Element ids (revisions, content controls, bookmarks) counted from `start`."""

    start: int = 1
    _next: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self._next = self.start

    def take(self) -> int:
        """Return the next id."""
        ident = self._next
        self._next += 1
        return ident

    def reset(self) -> None:
        """Count from `start` again (a new document)."""
        self._next = self.start


@dataclass(frozen=True)
class Spacing:
    """A paragraph's spacing: `line` in 240ths (or, with `per_point`, size × per_point)."""

    line: int = 240
    rule: str = "auto"
    before_after: bool = True  # write before="0" after="0" first
    per_point: float | None = None

    def element(self, size: float | None, line: int | None = None) -> Any:
        """Return the w:spacing element for a paragraph of `size` points."""
        if line is None:
            line = round(size * self.per_point) if self.per_point and size else self.line
        attrs = {"before": "0", "after": "0"} if self.before_after else {}
        return el("w:spacing", **attrs, line=str(line), lineRule=self.rule)


@dataclass
class Hand:
    """How one office's Word, or one tester's script, writes runs and paragraphs.

    `font_slots` are the rFonts attributes a run names, in order; `latin_font` fills the
    western slots when the office sets one (the east-Asian slot keeps the run's font).
    `paragraph_mark` writes each paragraph's mark properties (pPr/rPr); `right_indent` is the
    right indent a right-aligned paragraph gets. `minimal` writes content controls and form
    fields as a script does: no run properties inside, no bookmarks.
    """

    font_slots: tuple[str, ...] = ("ascii", "hAnsi", "eastAsia", "cs")
    latin_font: str | None = None
    hint: bool = True
    size_cs: bool = True
    spacing: Spacing | None = field(default_factory=Spacing)
    paragraph_mark: bool = True
    right_indent: int | None = None
    author: str = ""
    date: str = ""
    ids: Ids = field(default_factory=Ids)
    minimal: bool = False

    def ident(self, given: int | None) -> int:
        """Return `given`, or the next id when the content gave none."""
        return self.ids.take() if given is None else given


def el(tag: str, **attrs: str) -> Any:
    """Return a new `tag` element ("w:…") with w: attributes set in the order given."""
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


def run_fonts(font: str, hand: Hand, *, symbol_font: str | None = None,
              hint: bool | None = None) -> Any:
    """Return the rFonts of a run in `font`; a symbol font takes the western slots only."""
    fonts = el("w:rFonts")
    western = symbol_font or hand.latin_font or font
    for slot in hand.font_slots:
        fonts.set(qn(f"w:{slot}"), font if slot == "eastAsia" else western)
    if (hand.hint if hint is None else hint) and symbol_font is None:
        fonts.set(qn("w:hint"), "eastAsia")
    return fonts


def run_properties(font: str | None, size: float | None, hand: Hand, *,
                   bold: bool | None = None, style: str | None = None,
                   symbol_font: str | None = None, underline: bool = False,
                   hidden: bool = False, strike: bool = False, color: str | None = None) -> Any:
    """Return a w:rPr; `bold` False writes an explicit "not bold" as python-docx does."""
    rpr = el("w:rPr")
    if style:
        rpr.append(el("w:rStyle", val=style))
    if font is not None:
        rpr.append(run_fonts(font, hand, symbol_font=symbol_font))
    if bold is not None:
        rpr.append(el("w:b") if bold else el("w:b", val="0"))
    if strike:
        rpr.append(el("w:strike"))
    if hidden:
        rpr.append(el("w:vanish"))
    if color:
        rpr.append(el("w:color", val=color))
    if underline:
        rpr.append(el("w:u", val="single"))  # before w:sz, as these files have it
    if size is not None:
        rpr.append(el("w:sz", val=str(int(size * 2))))
        if hand.size_cs:
            rpr.append(el("w:szCs", val=str(int(size * 2))))
    return rpr


def text_run(text: str, font: str | None, size: float | None, hand: Hand, *,
             deleted: bool = False, **properties: Any) -> Any:
    """Return a w:r of `text`; "\\n" becomes w:br, deleted text is w:delText."""
    run = el("w:r")
    run.append(run_properties(font, size, hand, **properties))
    for i, piece in enumerate(text.split("\n")):
        if i:
            run.append(el("w:br"))
        if piece:
            t = el("w:delText" if deleted else "w:t")
            t.set(XML_SPACE, "preserve")
            t.text = piece
            run.append(t)
    return run


def revision(kind: str, child: Any, hand: Hand, ident: int | None = None) -> Any:
    """Return `child` wrapped in a tracked insertion ("ins") or deletion ("del")."""
    wrapper = el(f"w:{kind}", id=str(hand.ident(ident)), author=hand.author, date=hand.date)
    wrapper.append(child)
    return wrapper


def page_break() -> Any:
    """Return a run holding a page break."""
    run = el("w:r")
    run.append(el("w:br", type="page"))
    return run
