"""The WordprocessingML names the .docx reader looks for, and two rules of how Word writes.

Each constant is an element or attribute name in lxml's ``{namespace}local`` form. The rules:
an on/off attribute is on unless it says otherwise, and of alternate content one branch is read.
"""

from __future__ import annotations

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def w(local: str) -> str:
    """Return the name of the WordprocessingML element or attribute `local`."""
    return f"{{{W}}}{local}"


DOCUMENT, BODY, P, R, T = (w(n) for n in ("document", "body", "p", "r", "t"))
TBL, TR, TC = w("tbl"), w("tr"), w("tc")
PPR, RPR, TRPR, TCPR = w("pPr"), w("rPr"), w("trPr"), w("tcPr")
TBL_GRID, GRID_COL = w("tblGrid"), w("gridCol")
GRID_SPAN, GRID_BEFORE, GRID_AFTER = w("gridSpan"), w("gridBefore"), w("gridAfter")
V_MERGE, H_MERGE = w("vMerge"), w("hMerge")
TAB, PTAB, BR, CR = w("tab"), w("ptab"), w("br"), w("cr")
NO_BREAK_HYPHEN, SYM, FLD_CHAR = w("noBreakHyphen"), w("sym"), w("fldChar")
DEL, MOVE_FROM, VANISH, RFONTS = w("del"), w("moveFrom"), w("vanish"), w("rFonts")
SDT, SDT_PR, SDT_END_PR, SDT_CONTENT = w("sdt"), w("sdtPr"), w("sdtEndPr"), w("sdtContent")
SHOWING_PLACEHOLDER, CUSTOM_XML = w("showingPlcHdr"), w("customXml")
TEXT_BOX_CONTENT, RUBY_TEXT = w("txbxContent"), w("rt")
FF_DATA, CHECK_BOX = w("ffData"), w("checkBox")
FF_CHECKED, FF_DEFAULT = w("checked"), w("default")
VAL, FONT, CHAR, ASCII, HANSI = w("val"), w("font"), w("char"), w("ascii"), w("hAnsi")
FLD_CHAR_TYPE = w("fldCharType")
ALIAS, TAG, TEXT_INPUT = w("alias"), w("tag"), w("textInput")
STRIKE, DOUBLE_STRIKE = w("strike"), w("dstrike")
W14_CHECKBOX, W14_CHECKED = f"{{{_W14}}}checkbox", f"{{{_W14}}}checked"
W14_VAL = f"{{{_W14}}}val"
MC_ALTERNATE = f"{{{_MC}}}AlternateContent"
MC_CHOICE, MC_FALLBACK = f"{{{_MC}}}Choice", f"{{{_MC}}}Fallback"
MATH_T = f"{{{_MATH}}}t"
RELATIONSHIP = f"{{{_PACKAGE_RELS}}}Relationship"

_FALSE_VALUES = frozenset({"0", "false", "off"})


def is_on(value: str | None) -> bool:
    """Return whether a Word on/off attribute `value` is on; a missing value means on."""
    return value is None or value.lower() not in _FALSE_VALUES


def chosen_branch(alternate: etree._Element) -> etree._Element | None:
    """Return the one branch of mc:AlternateContent `alternate` to read, or None."""
    # Choice and Fallback render the same content twice; read exactly one of them.
    choice = alternate.find(MC_CHOICE)
    return choice if choice is not None else alternate.find(MC_FALLBACK)
