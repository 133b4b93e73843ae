"""Content controls, check boxes, legacy form fields, symbols and text boxes as WordprocessingML.

Word writes each with its run properties inside and a bookmark around a form field; a
tester's script (a `Hand` with `minimal`) writes the bare structure. Both are kept.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from corpuskit.content import CheckBox, Control, FormField, Symbol, TextBox
from corpuskit.wordml import (
    PLACEHOLDER_STYLE,
    XML_SPACE,
    Hand,
    el,
    run_fonts,
    run_properties,
    text_run,
)

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
VML = "urn:schemas-microsoft-com:vml"
DATE_FORMAT = (("dateFormat", "yyyy'年'M'月'd'日'"), ("lid", "zh-CN"),
               ("storeMappedDataAs", "dateTime"), ("calendar", "gregorian"))


def _w14(tag: str, **attrs: str) -> Any:
    element = etree.Element(f"{{{W14}}}{tag}", nsmap={"w14": W14})
    for key, value in attrs.items():
        element.set(f"{{{W14}}}{key}", value)
    return element


def _bare_run(child: Any) -> Any:
    run = el("w:r")
    run.append(child)
    return run


def _bare_text(text: str) -> Any:
    t = el("w:t")
    t.text = text
    return t


def symbol_run(symbol: Symbol, font: str, size: float | None, hand: Hand) -> Any:
    """Return a run holding a character inserted with Insert > Symbol."""
    run = el("w:r")
    run.append(run_properties(font, size, hand))
    run.append(el("w:sym", font=symbol.font, char=symbol.char))
    return run


def control_properties(alias: str | None, placeholder: bool, font: str, size: float | None,
                       hand: Hand, ident: int | None = None) -> Any:
    """Return the w:sdtPr of a content control (Word's, or a script's bare one)."""
    pr = el("w:sdtPr")
    if not hand.minimal:
        pr.append(run_properties(font, size, hand))
    if alias is not None:
        pr.append(el("w:alias", val=alias))
        pr.append(el("w:tag", val=alias))
    pr.append(el("w:id", val=str(hand.ident(ident))))
    if placeholder and hand.minimal:
        part = el("w:placeholder")
        part.append(el("w:docPart", val="DefaultPlaceholder_-1854013440"))
        pr.append(part)
    if placeholder:
        pr.append(el("w:showingPlcHdr"))
    return pr


def inline_control(control: Control, font: str, size: float | None, hand: Hand) -> Any:
    """Return an inline plain-text (or date) content control."""
    sdt = el("w:sdt")
    pr = control_properties(control.alias, control.placeholder, font, size, hand, control.ident)
    if control.full_date is not None:
        date = el("w:date")
        if not control.placeholder:
            date.set(qn("w:fullDate"), f"{control.full_date}T00:00:00Z")
        for tag, value in DATE_FORMAT:
            date.append(el(f"w:{tag}", val=value))
        pr.append(date)
    elif not hand.minimal:
        pr.append(el("w:text"))
    sdt.append(pr)
    content = el("w:sdtContent")
    if control.placeholder and hand.minimal:
        run = el("w:r")
        rpr = el("w:rPr")
        rpr.append(el("w:rStyle", val=PLACEHOLDER_STYLE))
        rpr.append(el("w:color", val="808080"))
        run.append(rpr)
        run.append(_bare_text(control.text))
        content.append(run)
    else:
        style = PLACEHOLDER_STYLE if control.placeholder else None
        content.append(text_run(control.text, font, size, hand, style=style))
    sdt.append(content)
    return sdt


def check_box(box: CheckBox, size: float | None, hand: Hand) -> Any:
    """Return a w14 check-box content control showing its checked or unchecked glyph."""
    checked, unchecked, font = box.glyphs
    sdt = el("w:sdt")
    pr = el("w:sdtPr")
    if hand.minimal:
        pr.append(el("w:id", val=str(hand.ident(box.ident))))
    else:
        pr.append(run_properties(font, size, hand))
        pr.append(el("w:id", val=str(-1000 - hand.ident(box.ident))))
    checkbox = _w14("checkbox")
    checkbox.append(_w14("checked", val="1" if box.checked else "0"))
    checkbox.append(_w14("checkedState", val=checked, font=font))
    checkbox.append(_w14("uncheckedState", val=unchecked, font=font))
    pr.append(checkbox)
    sdt.append(pr)
    content = el("w:sdtContent")
    glyph = chr(int(checked if box.checked else unchecked, 16))
    if hand.minimal:
        run = el("w:r")
        rpr = el("w:rPr")
        rpr.append(run_fonts(font, hand, hint=True))
        run.append(rpr)
        run.append(_bare_text(glyph))
        content.append(run)
    else:
        content.append(text_run(glyph, font, size, hand))
    sdt.append(content)
    return sdt


def form_field(field: FormField, font: str, size: float | None, hand: Hand) -> list[Any]:
    """Return the runs of a legacy FORMCHECKBOX or FORMTEXT field (in a bookmark, by Word)."""
    number = hand.ident(field.ident)
    checking = field.checked is not None
    name = f"{'Check' if checking else 'Text'}{number}"

    def field_run(child: Any) -> Any:
        run = el("w:r")
        if not hand.minimal:
            run.append(run_properties(font, size, hand))
        run.append(child)
        return run

    data = el("w:ffData")
    data.append(el("w:name", val=name))
    data.append(el("w:enabled"))
    data.append(el("w:calcOnExit", val="0"))
    if checking:
        box = el("w:checkBox")
        box.append(el("w:sizeAuto"))
        box.append(el("w:default", val="0"))
        if field.checked:
            box.append(el("w:checked") if hand.minimal else el("w:checked", val="1"))
        data.append(box)
    else:
        data.append(el("w:textInput"))
    begin = el("w:fldChar", fldCharType="begin")
    begin.append(data)
    instr = el("w:instrText")
    instr.set(XML_SPACE, "preserve")
    instr.text = " FORMCHECKBOX " if checking else " FORMTEXT "
    runs = [field_run(begin), field_run(instr)]
    if not checking:
        runs.append(field_run(el("w:fldChar", fldCharType="separate")))
        runs.append(text_run(field.text, font, size, hand))
    runs.append(field_run(el("w:fldChar", fldCharType="end")))
    if hand.minimal:
        return runs
    start = el("w:bookmarkStart", id=str(number), name=name)
    return [start, *runs, el("w:bookmarkEnd", id=str(number))]


def text_box(box: TextBox, font: str, size: float | None, hand: Hand) -> Any:
    """Return a run holding a VML text box with one paragraph of `box.text`."""
    shape = etree.Element(f"{{{VML}}}shape", nsmap={"v": VML})
    shape.set("id", f"tb{hand.ident(box.ident)}")
    shape.set("type", "#_x0000_t202")
    shape.set("style", "width:120pt;height:22pt")
    frame = etree.SubElement(shape, f"{{{VML}}}textbox")
    inner = el("w:txbxContent")
    paragraph = el("w:p")
    paragraph.append(text_run(box.text, font, size, hand))
    inner.append(paragraph)
    frame.append(inner)
    picture = el("w:pict")
    picture.append(shape)
    return _bare_run(picture)
