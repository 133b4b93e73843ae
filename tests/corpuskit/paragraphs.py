"""Paragraphs and cell content of the model as WordprocessingML, in one hand's way."""

from __future__ import annotations

from typing import Any

from corpuskit.content import (
    BlockControl,
    CheckBox,
    Content,
    Control,
    FormField,
    Inline,
    Para,
    Run,
    Symbol,
    TextBox,
)
from corpuskit.controls import (
    check_box,
    control_properties,
    form_field,
    inline_control,
    symbol_run,
    text_box,
)
from corpuskit.wordml import (
    PLACEHOLDER_STYLE,
    Hand,
    el,
    page_break,
    revision,
    run_properties,
    text_run,
)


def inline(item: Inline, font: str, size: float | None, bold: bool | None, hand: Hand,
           placeholder: bool = False) -> list[Any]:
    """Return the elements of one inline item in a paragraph of `font` and `size`."""
    if isinstance(item, str):
        if not item:
            return []
        style = PLACEHOLDER_STYLE if placeholder else None
        return [text_run(item, font, size, hand, bold=bold, style=style)]
    if isinstance(item, Run):
        if not item.text:
            return []
        run = text_run(item.text, item.font or font, item.size or size, hand,
                       deleted=item.revision == "del",
                       bold=bold if item.bold is None else item.bold,
                       symbol_font=item.symbol_font, underline=item.underline,
                       hidden=item.hidden, strike=item.strike, color=item.color)
        return [revision(item.revision, run, hand, item.ident) if item.revision else run]
    if isinstance(item, Symbol):
        return [symbol_run(item, font, size, hand)]
    if isinstance(item, CheckBox):
        return [check_box(item, size, hand)]
    if isinstance(item, FormField):
        return form_field(item, font, size, hand)
    if isinstance(item, TextBox):
        return [text_box(item, font, size, hand)]
    if isinstance(item, Control):
        return [inline_control(item, font, size, hand)]
    raise TypeError(f"not an inline item: {item!r}")


def paragraph_properties(p: Para, font: str, size: float | None, bold: bool | None,
                         hand: Hand) -> Any:
    """Return the w:pPr of `p`: spacing, indents, alignment, the mark's run properties."""
    ppr = el("w:pPr")
    if hand.spacing is not None:
        ppr.append(hand.spacing.element(size, p.line))
    if p.first_line is not None:
        ppr.append(el("w:ind", firstLine=str(int(p.first_line * 567))))
    if p.align == "right" and hand.right_indent is not None:
        ppr.append(el("w:ind", right=str(hand.right_indent)))
    if p.align:
        ppr.append(el("w:jc", val=p.align))
    if hand.paragraph_mark:
        ppr.append(run_properties(font, size, hand, bold=bold))
    return ppr


def paragraph(p: Para, font: str, size: float | None, hand: Hand, *, bold: bool | None = None,
              placeholder: bool = False) -> Any:
    """Return the w:p of `p`; its own font, size and bold replace the surrounding ones."""
    font = p.font or font
    size = p.size or size
    bold = bold if p.bold is None else p.bold
    element = el("w:p")
    ppr = paragraph_properties(p, font, size, bold, hand)
    if len(ppr):
        element.append(ppr)
    append_inline(element, p.runs, font, size, hand, bold=bold, placeholder=placeholder)
    if p.page_break:
        element.append(page_break())
    return element


def append_inline(parent: Any, items: list[Inline], font: str, size: float | None, hand: Hand,
                  *, bold: bool | None = None, placeholder: bool = False) -> None:
    """Append the elements of `items` to `parent` (a w:p)."""
    for item in items:
        for child in inline(item, font, size, bold, hand, placeholder):
            parent.append(child)


def block_control(block: BlockControl, font: str, size: float | None, hand: Hand) -> Any:
    """Return a block-level content control holding paragraphs."""
    sdt = el("w:sdt")
    sdt.append(control_properties(block.alias, block.placeholder, font, size, hand))
    content = el("w:sdtContent")
    for element in content_elements(block.paras, font, size, hand,
                                    placeholder=block.placeholder):
        content.append(element)
    sdt.append(content)
    return sdt


def content_elements(content: Content, font: str, size: float | None, hand: Hand, *,
                     bold: bool | None = None, placeholder: bool = False) -> list[Any]:
    """Return the block elements (paragraphs, block controls) of a cell's `content`."""
    out = []
    for item in content:
        if isinstance(item, BlockControl):
            out.append(block_control(item, font, size, hand))
        else:
            out.append(paragraph(item, font, size, hand, bold=bold, placeholder=placeholder))
    return out
