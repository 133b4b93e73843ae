"""How people mark a printed "□是   □否" or a line of options: the ways schools tick a box.

A mark style turns (ticked, option) into the inline items typed for that option: a ☑ ■ √ ✔
over the box, a check after the option, a Word check-box control, a Wingdings symbol, a
legacy FORMCHECKBOX field…
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from corpuskit.content import CheckBox, FormField, Inline, Run, Symbol

BOX = "□"
GAP = "   "  # as printed between 是 and 否: "□是   □否"
Answer = bool | None | str  # True 是, False 否, None neither ticked, "both"
Mark = Callable[[bool, str], list[Inline]]


def box_replaced(mark: str) -> Mark:
    """Return the style that types `mark` over the box of a ticked option."""
    return lambda ticked, option: [f"{mark if ticked else BOX}{option}"]


MARKS: dict[str, Mark] = {
    "☑": box_replaced("☑"),
    "■": box_replaced("■"),
    "√": box_replaced("√"),
    "✔": box_replaced("✔"),
    # a check typed after the option, the printed box left alone
    "after✓": lambda ticked, option: [f"{BOX}{option}{'✓' if ticked else ''}"],
    # a check typed between the printed box and the option
    "box√": lambda ticked, option: [f"{BOX}{'√' if ticked else ''}{option}"],
    # ☑ over the ticked box, the box of an unticked option deleted
    "☑-other-box-deleted": lambda ticked, option: [f"{'☑' if ticked else ''}{option}"],
    # Word check-box content controls in place of the boxes (Word's default ☒ when checked)
    "control": lambda ticked, option: [CheckBox(ticked), option],
    # the same with the checked glyph changed to ☑ (Segoe UI Symbol)
    "control☑": lambda ticked, option: [
        CheckBox(ticked, ("2611", "2610", "Segoe UI Symbol")), option],
    # Insert > Symbol, Wingdings 0xFE (☑) over the ticked box
    "wingdings": lambda ticked, option: [Symbol("Wingdings", "F0FE") if ticked else BOX, option],
    # the same character pasted as text in the Wingdings font (U+F0FE)
    "wingdings-text": lambda ticked, option: [
        Run("\uf0fe", symbol_font="Wingdings") if ticked else BOX, option],
    # "R" (☑) and "£" (☐) typed in the Wingdings 2 font for every box
    "wingdings2": lambda ticked, option: [
        Run("R" if ticked else "£", symbol_font="Wingdings 2"), option],
    # legacy form-field check boxes (Word 97–2003 forms toolbar) for every box
    "formcheckbox": lambda ticked, option: [FormField(checked=ticked), option],
}


def yes_no(answer: Answer, style: str = "☑", gap: str = GAP) -> list[Inline]:
    """Return the printed "□是   □否" as the school left it, ticked `style`-wise.

    Style "bare" deletes the other answer and both boxes; "☑-other-box-deleted" ticks 是 with
    ☑ and deletes the box before an unticked 否.
    """
    if answer is None:
        return [f"{BOX}是{gap}{BOX}否"]
    if style == "bare":
        return ["是" if answer is True else "否"]
    yes, no = answer in (True, "both"), answer in (False, "both")
    first = MARKS["☑" if style == "☑-other-box-deleted" else style]
    return [*first(yes, "是"), gap, *MARKS[style](no, "否")]


def choice_line(options: Sequence[str], chosen: str | None, style: str = "☑",
                gap: str = GAP) -> list[Inline]:
    """Return a printed line of boxed options with `chosen` ticked (None: left as printed)."""
    out: list[Inline] = []
    for i, option in enumerate(options):
        if i:
            out.append(gap)
        if chosen is None:
            out.append(f"{BOX}{option}")
        else:
            out.extend(MARKS[style](option == chosen, option))
    return out


def as_text(items: list[Inline]) -> str:
    """Return a mark typed as plain text (styles of typed characters only) as one string."""
    if not all(isinstance(item, str) for item in items):
        raise ValueError("this mark is not plain text")
    return "".join(item for item in items if isinstance(item, str))
