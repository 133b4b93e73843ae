"""Read once the text LibreOffice split and repeated when it saved a Word form.

LibreOffice 7.4, saving a Word content control whose text has several formatting runs,
writes one control per run, each holding that run's text followed by the whole text again,
between two controls holding the whole text: "2022年11月", "年2022年11月", "112022年11月",
"月2022年11月", "2022年11月" for one control showing "2022年11月". Saved as .doc, the controls
become text form fields holding the whole text with the runs' text between them. A school
whose office suite did this sees the text repeated; what they typed is the whole text once.
"""

from __future__ import annotations

import itertools

from lxml import etree

from parsers.docx.controls import checkbox_state
from parsers.docx.names import ALIAS, SDT, SDT_PR, TAG, VAL


def split_control(first: etree._Element) -> list[etree._Element]:
    """Return `first` and the content controls right after it with its name, if there are any."""
    name = _control_name(first)
    if not name:
        return []
    group = [first]
    following = first.getnext()
    while following is not None and following.tag == SDT and _control_name(following) == name:
        group.append(following)
        following = following.getnext()
    return group if len(group) > 1 else []


def _control_name(sdt: etree._Element) -> str | None:
    properties = sdt.find(SDT_PR)
    if properties is None or checkbox_state(properties) is not None:
        return None
    for tag in (TAG, ALIAS):
        found = properties.find(tag)
        if found is not None and found.get(VAL):
            return f"{tag}={found.get(VAL)}"
    return None


def repaired_inputs(parts: list[str], inputs: list[tuple[int, int]]) -> str | None:
    """Return a paragraph's text `parts` with split and repeated text form fields read once.

    `inputs` says where in `parts` the text of each legacy text input stands: (start, end).
    """
    if len(inputs) < 2:
        return None
    results = ["".join(parts[a:b]) for a, b in inputs]
    between = ["".join(parts[b:a]) for (_, b), (a, _) in itertools.pairwise(inputs)]
    if any(r != results[0] for r in results):
        return None
    whole = whole_text(results[0], [*between, ""])
    if whole is None:
        return None
    start, end = inputs[0][0], inputs[-1][1]
    return "".join(parts[:start]) + whole + "".join(parts[end:])


def whole_text(whole: str, pieces: list[str | None]) -> str | None:
    """Return `whole` when `pieces` are its runs' text as LibreOffice split it, else None.

    The pieces (None: a copy not ending with the whole text) must be the end of the whole
    text in order, empty ones only last, at least one not empty.
    """
    if not whole or any(p is None for p in pieces):
        return None
    texts = [p for p in pieces if p is not None]
    while texts and not texts[-1]:
        texts.pop()
    if not texts or not all(texts) or not whole.endswith("".join(texts)):
        return None
    return whole


def repaired_lines(lines: list[str], with_inputs: list[bool]) -> list[str]:
    """Read once a text LibreOffice split over paragraphs of text form fields and repeated.

    Saved as .doc, a content control of one paragraph can come back as several, each with a
    text form field: the whole text, then each run's text followed by the whole text again.
    """
    kept: list[str] = []
    index = 0
    while index < len(lines):
        whole = lines[index]
        end = index + 1
        # Paragraphs left empty but for the end of a field belong to the split text too.
        while (with_inputs[index] and whole and end < len(lines) and with_inputs[end]
               and (not lines[end] or lines[end].endswith(whole))):
            end += 1
        copies = [t for t in lines[index + 1 : end] if t]
        if copies and whole_text(whole, [t[: len(t) - len(whole)] for t in copies]):
            kept.append(whole)
            index = end
        else:
            kept.append(whole)
            index += 1
    return kept
