"""Content controls and legacy form fields: checkboxes ticked or not, placeholders, text inputs.

A checkbox becomes the grid model's mark ("☑" or "☐") whether Word 2010's content control or
the older FORMCHECKBOX field drew it; a control still showing its placeholder was left empty.
"""

from __future__ import annotations

from lxml import etree

from parsers.docx.names import (
    CHECK_BOX,
    FF_CHECKED,
    FF_DATA,
    FF_DEFAULT,
    SDT_PR,
    SHOWING_PLACEHOLDER,
    TEXT_INPUT,
    VAL,
    W14_CHECKBOX,
    W14_CHECKED,
    W14_VAL,
    is_on,
)
from parsers.grid import CHECKED, UNCHECKED


def is_text_input(field_char: etree._Element) -> bool:
    form_data = field_char.find(FF_DATA)
    return form_data is not None and form_data.find(TEXT_INPUT) is not None


def legacy_checkbox_state(field_char: etree._Element) -> bool | None:
    """Return whether a FORMCHECKBOX field is ticked, or None if it is another field."""
    form_data = field_char.find(FF_DATA)
    check_box = form_data.find(CHECK_BOX) if form_data is not None else None
    if check_box is None:
        return None
    checked = check_box.find(FF_CHECKED)
    if checked is not None:
        return is_on(checked.get(VAL))
    default = check_box.find(FF_DEFAULT)
    return default is not None and is_on(default.get(VAL))


def checkbox_state(sdt_pr: etree._Element | None) -> bool | None:
    """Return whether a checkbox content control is ticked, or None if it is not one."""
    checkbox = sdt_pr.find(W14_CHECKBOX) if sdt_pr is not None else None
    if checkbox is None:
        return None
    checked = checkbox.find(W14_CHECKED)
    return checked is not None and is_on(checked.get(W14_VAL))


def checkbox_mark(sdt: etree._Element) -> str:
    return CHECKED if checkbox_state(sdt.find(SDT_PR)) else UNCHECKED


def is_showing_placeholder(sdt_pr: etree._Element | None) -> bool:
    # Placeholder text ("单击或点击此处输入文字") means the control was left empty.
    return sdt_pr is not None and sdt_pr.find(SHOWING_PLACEHOLDER) is not None

