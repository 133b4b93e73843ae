"""Read a .docx file into the grid model, seeing the text Word shows.

This module owns everything about the zip parts and WordprocessingML of a .docx: refusing
files that are not .docx (or are unsafe), walking ``word/document.xml`` once with lxml into
paragraphs and merged-cell tables, turning checkboxes into marks and reading the custom
document properties. Nothing above it touches XML.
"""

from __future__ import annotations

import io
import itertools
import os
import zipfile
import zlib
from collections.abc import Iterator

from lxml import etree

from forms.errors import UnreadableFileError
from parsers.grid import CHECKED, UNCHECKED, Block, Cell, Grid, Paragraph, Table, read_with
from parsers.safety import check_zip_archive

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _w(local: str) -> str:
    return f"{{{_W}}}{local}"


_BODY, _P, _R, _T, _TBL, _TR, _TC = (_w(n) for n in ("body", "p", "r", "t", "tbl", "tr", "tc"))
_PPR, _RPR, _TRPR, _TCPR = _w("pPr"), _w("rPr"), _w("trPr"), _w("tcPr")
_TBL_GRID, _GRID_COL = _w("tblGrid"), _w("gridCol")
_GRID_SPAN, _GRID_BEFORE, _GRID_AFTER = _w("gridSpan"), _w("gridBefore"), _w("gridAfter")
_V_MERGE, _H_MERGE = _w("vMerge"), _w("hMerge")
_TAB, _PTAB, _BR, _CR = _w("tab"), _w("ptab"), _w("br"), _w("cr")
_NO_BREAK_HYPHEN, _SYM, _FLD_CHAR = _w("noBreakHyphen"), _w("sym"), _w("fldChar")
_DEL, _MOVE_FROM, _VANISH, _RFONTS = _w("del"), _w("moveFrom"), _w("vanish"), _w("rFonts")
_SDT, _SDT_PR, _SDT_END_PR, _SDT_CONTENT = _w("sdt"), _w("sdtPr"), _w("sdtEndPr"), _w("sdtContent")
_SHOWING_PLACEHOLDER, _CUSTOM_XML = _w("showingPlcHdr"), _w("customXml")
_TEXT_BOX_CONTENT, _RUBY_TEXT = _w("txbxContent"), _w("rt")
_FF_DATA, _CHECK_BOX = _w("ffData"), _w("checkBox")
_CHECKED, _DEFAULT = _w("checked"), _w("default")
_VAL, _FONT, _CHAR, _ASCII, _HANSI = _w("val"), _w("font"), _w("char"), _w("ascii"), _w("hAnsi")
_FLD_CHAR_TYPE = _w("fldCharType")
_ALIAS, _TAG, _TEXT_INPUT = _w("alias"), _w("tag"), _w("textInput")
_STRIKE, _DOUBLE_STRIKE = _w("strike"), _w("dstrike")
_W14_CHECKBOX, _W14_CHECKED = f"{{{_W14}}}checkbox", f"{{{_W14}}}checked"
_W14_VAL = f"{{{_W14}}}val"
_MC_ALTERNATE = f"{{{_MC}}}AlternateContent"
_MC_CHOICE, _MC_FALLBACK = f"{{{_MC}}}Choice", f"{{{_MC}}}Fallback"
_MATH_T = f"{{{_MATH}}}t"
_RELATIONSHIP = f"{{{_PACKAGE_RELS}}}Relationship"

# Elements whose content Word does not show as text of the paragraph: properties, deleted or
# moved-away revisions, and ruby (phonetic guide) text above the base characters.
_NOT_SHOWN = frozenset({_PPR, _RPR, _SDT_PR, _SDT_END_PR, _DEL, _MOVE_FROM, _RUBY_TEXT})
_FALSE_VALUES = frozenset({"0", "false", "off"})

# Word allows at most 63 columns; larger spans only come from broken or hostile files and
# would make the grid huge.
_MAX_GRID_COLUMNS = 63
# A .docx main part beyond this size is a zip bomb, not a school form.
_MAX_PART_BYTES = 256 * 1024 * 1024

# What zipfile and zlib raise on damaged archives, unsupported compression or zip passwords.
_DAMAGED_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    RuntimeError,
    NotImplementedError,
    OSError,
    EOFError,
    ValueError,
)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO_STREAM = "EncryptionInfo".encode("utf-16-le")
_DOCTYPE_MARKERS = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))

_NOT_DOCX_MESSAGE = "文件不是有效的 Word 文档（.docx），可能已损坏或不是 Word 文件"
_CORRUPT_MESSAGE = "文件已损坏，找不到正文内容，请用 Word 打开并另存为 .docx 后重新提交"
_ENCRYPTED_MESSAGE = "文件已加密，请学校去掉密码后重新提交"
_OLD_DOC_MESSAGE = "文件是旧版 Word 97-2003 文档（.doc），需要先转换为 .docx 才能读取"
_EMPTY_MESSAGE = "文件是空的（0 字节），请学校重新提交"
_UNSAFE_MESSAGE = (
    "文件包含不安全的内容（DOCTYPE 声明或异常巨大的部件），已拒绝读取；"
    "请用 Word 打开并另存为 .docx 后重新提交"
)
_EXCEL_MESSAGE = "文件是 Excel 表格，不是 Word 文档（.docx）"

# Symbol-font code points (the low byte; Word writes them as F0xx) that stand for checkbox
# marks or common bullets. Codes checked against Unicode-mapping tables of the two fonts
# (jpablobr/emacs.d unicode_template.md for Wingdings, PhMajerus/AXSH.Library
# Functions/Wingdings2.vbs for Wingdings 2).
_WINGDINGS = {
    0x6F: UNCHECKED,  # □ white square
    0x71: UNCHECKED,  # ❑ lower right shadowed white square
    0x72: UNCHECKED,  # ❒ upper right shadowed white square
    0xA8: UNCHECKED,  # ◻ white medium square
    0x78: CHECKED,  # ⌧ X in a rectangle box
    0xFD: CHECKED,  # ☒ ballot box with X
    0xFE: CHECKED,  # ☑ ballot box with check
    0xFC: "√",  # ✓ check mark
    0xFB: "✗",
    0x6C: "●",
    0x6E: "■",
    0x9F: "•",
    0xA1: "○",
    0xA7: "▪",
    0xAB: "★",
    0xD8: "➢",
}
_WINGDINGS_2 = {
    0x2A: UNCHECKED,  # 🗆 empty note page, drawn as an empty box
    0xA3: UNCHECKED,  # □ white square
    0xA4: UNCHECKED,  # 🞑 heavy white square
    0xA5: UNCHECKED,  # 🞒 very heavy white square
    0x51: CHECKED,  # 🗵 ballot box with script X
    0x52: CHECKED,  # ☑ ballot box with check
    0x53: CHECKED,  # ⮽ ballot box with light X
    0x54: CHECKED,  # ☒ ballot box with X
    0x50: "√",  # 🗸 light check mark
    0x4F: "✗",  # 🗴 ballot script X
    0xA2: "■",  # black square: a filled square, not a box, so left as the shape it is
    0x98: "●",
    0x99: "○",
}
_SYMBOL_FONTS = {"wingdings": _WINGDINGS, "wingdings 2": _WINGDINGS_2}


def read_docx(source: str | os.PathLike[str] | bytes) -> Grid:
    """Read the .docx at path `source` (or its bytes) into paragraphs, tables and properties."""
    return read_with(_read_docx_bytes, source)


def _read_docx_bytes(data: bytes) -> Grid:
    _refuse_non_docx(data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            check_zip_archive(package)
            document_xml = _read_part(package, _main_document_name(package))
            custom_xml = _read_optional_part(package, "docProps/custom.xml")
    except _DAMAGED_ZIP_ERRORS as error:
        raise UnreadableFileError(_NOT_DOCX_MESSAGE, code="corrupt") from error
    if _W_STRICT.encode() in document_xml:
        # Strict Open XML differs from the usual kind only in its namespace for what we read.
        document_xml = document_xml.replace(_W_STRICT.encode(), _W.encode())
    document = _parse_xml(document_xml)
    if document.tag != _w("document"):
        raise UnreadableFileError(_CORRUPT_MESSAGE, code="corrupt")
    body = document.find(_BODY)
    blocks = _read_body(body) if body is not None else []
    properties = _read_custom_properties(custom_xml) if custom_xml is not None else {}
    return Grid(blocks=blocks, properties=properties)


def _refuse_non_docx(data: bytes) -> None:
    if not data:
        raise UnreadableFileError(_EMPTY_MESSAGE, code="empty")
    if data.startswith(_OLE_MAGIC):
        # An encrypted .docx is an OLE2 container holding an EncryptionInfo stream; any other
        # OLE2 file we receive is a Word 97-2003 .doc that a later layer converts.
        if _ENCRYPTION_INFO_STREAM in data:
            raise UnreadableFileError(_ENCRYPTED_MESSAGE, code="encrypted")
        raise UnreadableFileError(_OLD_DOC_MESSAGE, code="not_docx")
    if not data.startswith(b"PK"):
        raise UnreadableFileError(_NOT_DOCX_MESSAGE, code="not_docx")


def _main_document_name(package: zipfile.ZipFile) -> str:
    names = set(package.namelist())
    if "word/document.xml" in names:
        return "word/document.xml"
    if "xl/workbook.xml" in names:
        raise UnreadableFileError(_EXCEL_MESSAGE, code="not_docx")
    # Some producers name the main part differently; the package relationships say where it is.
    rels_xml = _read_optional_part(package, "_rels/.rels")
    if rels_xml is not None:
        for relationship in _parse_xml(rels_xml).iter(_RELATIONSHIP):
            target = relationship.get("Target", "").lstrip("/")
            if relationship.get("Type", "").endswith("/officeDocument") and target in names:
                return target
    if "[Content_Types].xml" not in names:
        raise UnreadableFileError(_NOT_DOCX_MESSAGE, code="not_docx")
    raise UnreadableFileError(_CORRUPT_MESSAGE, code="corrupt")


def _read_optional_part(package: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        package.getinfo(name)
    except KeyError:
        return None
    return _read_part(package, name)


def _read_part(package: zipfile.ZipFile, name: str) -> bytes:
    with package.open(name) as part:
        data = part.read(_MAX_PART_BYTES + 1)
    if len(data) > _MAX_PART_BYTES:
        raise UnreadableFileError(_UNSAFE_MESSAGE, code="unsafe_xml")
    return data


def _parse_xml(data: bytes) -> etree._Element:
    if any(marker in data for marker in _DOCTYPE_MARKERS):
        raise UnreadableFileError(_UNSAFE_MESSAGE, code="unsafe_xml")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.ParseError as error:
        raise UnreadableFileError(_NOT_DOCX_MESSAGE, code="corrupt") from error
    if root.getroottree().docinfo.internalDTD is not None:
        raise UnreadableFileError(_UNSAFE_MESSAGE, code="unsafe_xml")
    return root


def _read_custom_properties(data: bytes) -> dict[str, str]:
    properties: dict[str, str] = {}
    for prop in _parse_xml(data):
        name = prop.get("name")
        value = next((child for child in prop if isinstance(child.tag, str)), None)
        if name and value is not None:
            properties[name] = etree.tostring(
                value, method="text", encoding="unicode", with_tail=False
            )
    return properties


def _read_body(body: etree._Element) -> list[Block]:
    blocks: list[Block] = []
    for element in _block_elements(body):
        if element.tag == _P:
            blocks.append(Paragraph(_paragraph_text(element)))
        elif element.tag == _TBL:
            blocks.append(_read_table(element))
        else:
            blocks.append(Paragraph(_checkbox_mark(element)))
    return blocks


def _block_elements(container: etree._Element) -> Iterator[etree._Element]:
    """Yield the paragraphs, tables and checkbox controls of `container` in reading order."""
    for child in container:
        tag = child.tag
        if tag == _P or tag == _TBL:
            yield child
        elif tag == _SDT:
            sdt_pr = child.find(_SDT_PR)
            if _checkbox_state(sdt_pr) is not None:
                yield child
            elif not _is_showing_placeholder(sdt_pr):
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    yield from _block_elements(content)
        elif tag == _CUSTOM_XML:
            yield from _block_elements(child)
        elif tag == _MC_ALTERNATE:
            branch = _chosen_branch(child)
            if branch is not None:
                yield from _block_elements(branch)


def _cell_lines(container: etree._Element) -> list[str]:
    lines: list[str] = []
    with_inputs: list[bool] = []
    for element in _block_elements(container):
        if element.tag == _P:
            inline = _paragraph_inline(element)
            lines.append(_inline_text(inline))
            with_inputs.append(inline.has_input)
        elif element.tag == _TBL:
            nested = _nested_table_lines(element)
            lines.extend(nested)
            with_inputs.extend(False for _ in nested)
        else:
            lines.append(_checkbox_mark(element))
            with_inputs.append(False)
    return _repaired_lines(lines, with_inputs) if any(with_inputs) else lines


def _repaired_lines(lines: list[str], with_inputs: list[bool]) -> list[str]:
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
        if copies and _whole_text(whole, [t[: len(t) - len(whole)] for t in copies]):
            kept.append(whole)
            index = end
        else:
            kept.append(whole)
            index += 1
    return kept


def _nested_table_lines(table: etree._Element) -> list[str]:
    # A table inside a cell is part of that cell's text: one line per row, cells split by
    # tabs, each cell's own line breaks flattened so the row stays on one line.
    return [
        "\t".join(" ".join(_cell_lines(cell)) for cell in _row_cells(row))
        for row in _table_rows(table)
        if not _is_deleted_row(row)
    ]


class _Draft:
    """A cell while its table is being read; rowspan grows as continued cells are met."""

    __slots__ = ("col", "colspan", "row", "rowspan", "text")

    def __init__(self, text: str, row: int, col: int, colspan: int) -> None:
        self.text, self.row, self.col, self.rowspan, self.colspan = text, row, col, 1, colspan

    def absorb(self, text: str) -> None:
        # Text typed into a merged-away cell is kept rather than silently lost.
        if text:
            self.text = f"{self.text}\n{text}" if self.text else text


def _read_table(table: etree._Element) -> Table:
    grid = table.find(_TBL_GRID)
    grid_cols = sum(1 for col in grid if col.tag == _GRID_COL) if grid is not None else 0
    drafts: list[_Draft] = []
    above: dict[int, _Draft] = {}
    n_rows = widest = 0
    for row in _table_rows(table):
        if _is_deleted_row(row):
            continue
        before, after = _row_skips(row)
        col = before
        in_this_row: dict[int, _Draft] = {}
        previous: _Draft | None = None
        for cell in _row_cells(row):
            colspan, v_merge, h_merge = _cell_merge(cell)
            text = "\n".join(_cell_lines(cell))
            if h_merge == "continue" and previous is not None:
                previous.colspan += colspan
                previous.absorb(text)
            elif v_merge == "continue" and col in above:
                previous = above[col]
                previous.rowspan += 1
                previous.absorb(text)
                in_this_row[col] = previous
            else:
                previous = _Draft(text, n_rows, col, colspan)
                drafts.append(previous)
                in_this_row[col] = previous
            col += colspan
        widest = max(widest, col + after)
        above = in_this_row
        n_rows += 1
    cells = [Cell(d.text, d.row, d.col, d.rowspan, d.colspan) for d in drafts]
    return Table(cells=cells, n_rows=n_rows, n_cols=max(grid_cols, widest))


def _table_rows(table: etree._Element) -> Iterator[etree._Element]:
    for child in table:
        if child.tag == _TR:
            yield child
        elif child.tag == _SDT or child.tag == _CUSTOM_XML:
            yield from _table_rows(_wrapped_content(child))


def _row_cells(row: etree._Element) -> Iterator[etree._Element]:
    for child in row:
        if child.tag == _TC:
            yield child
        elif child.tag == _SDT or child.tag == _CUSTOM_XML:
            yield from _row_cells(_wrapped_content(child))


def _wrapped_content(wrapper: etree._Element) -> etree._Element:
    if wrapper.tag == _SDT:
        content = wrapper.find(_SDT_CONTENT)
        return content if content is not None else etree.Element(_SDT_CONTENT)
    return wrapper


def _is_deleted_row(row: etree._Element) -> bool:
    # A row removed with tracks changes on is gone from the document Word shows.
    properties = row.find(_TRPR)
    return properties is not None and properties.find(_DEL) is not None


def _row_skips(row: etree._Element) -> tuple[int, int]:
    before = after = 0
    properties = row.find(_TRPR)
    if properties is not None:
        for child in properties:
            if child.tag == _GRID_BEFORE:
                before = _grid_count(child, 0)
            elif child.tag == _GRID_AFTER:
                after = _grid_count(child, 0)
    return before, after


def _cell_merge(cell: etree._Element) -> tuple[int, str | None, str | None]:
    """Return the cell's column span and its vertical and horizontal merge kinds."""
    colspan, v_merge, h_merge = 1, None, None
    properties = cell.find(_TCPR)
    if properties is not None:
        for child in properties:
            if child.tag == _GRID_SPAN:
                colspan = max(1, _grid_count(child, 1))
            elif child.tag == _V_MERGE:
                v_merge = child.get(_VAL) or "continue"
            elif child.tag == _H_MERGE:
                h_merge = child.get(_VAL) or "continue"
    return colspan, v_merge, h_merge


def _grid_count(element: etree._Element, default: int) -> int:
    try:
        value = int(element.get(_VAL, default))
    except ValueError:
        return default
    return min(max(value, 0), _MAX_GRID_COLUMNS)


class _InlineText:
    """What a paragraph shows, gathered while its runs are walked."""

    __slots__ = ("fields", "has_input", "inputs", "parts", "text_boxes")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.text_boxes: list[str] = []
        # One entry per open field: True when it is a legacy checkbox, whose displayed
        # result is already written as a mark; else where its text starts in `parts` when
        # it is a legacy text input (FORMTEXT), or None.
        self.fields: list[bool | int | None] = []
        # Where the text of each legacy text input stands in `parts`: (start, end).
        self.inputs: list[tuple[int, int]] = []
        # Whether a text input begins or ends in the paragraph (it may span paragraphs).
        self.has_input = False

    def add(self, text: str) -> None:
        if text and (not self.fields or not any(f is True for f in self.fields)):
            self.parts.append(text)


def _paragraph_text(paragraph: etree._Element) -> str:
    return _inline_text(_paragraph_inline(paragraph))


def _paragraph_inline(paragraph: etree._Element) -> _InlineText:
    inline = _InlineText()
    _collect_inline(paragraph, inline)
    return inline


def _inline_text(inline: _InlineText) -> str:
    text = _repaired_inputs(inline) or "".join(inline.parts)
    # Text boxes float beside the paragraph they are anchored in; put them after it.
    return "\n".join([text, *inline.text_boxes]) if text else "\n".join(inline.text_boxes)


def _collect_inline(element: etree._Element, inline: _InlineText) -> None:
    skip = 0
    for child in element:
        if skip:
            skip -= 1
        elif child.tag == _SDT and (group := _split_control(child)):
            repaired = _repaired_control(group)
            if repaired is None:
                _collect_element(child, inline)
            else:
                inline.add(repaired)
                skip = len(group) - 1
        else:
            _collect_element(child, inline)


# LibreOffice 7.4, saving a Word content control whose text has several formatting runs,
# writes one control per run, each holding that run's text followed by the whole text again,
# between two controls holding the whole text: "2022年11月", "年2022年11月", "112022年11月",
# "月2022年11月", "2022年11月" for one control showing "2022年11月". Saved as .doc, the controls
# become text form fields holding the whole text with the runs' text between them. A school
# whose office suite did this sees the text repeated; what they typed is the whole text once.


def _split_control(first: etree._Element) -> list[etree._Element]:
    """Return `first` and the content controls right after it with its name, if there are any."""
    name = _control_name(first)
    if not name:
        return []
    group = [first]
    following = first.getnext()
    while following is not None and following.tag == _SDT and _control_name(following) == name:
        group.append(following)
        following = following.getnext()
    return group if len(group) > 1 else []


def _control_name(sdt: etree._Element) -> str | None:
    properties = sdt.find(_SDT_PR)
    if properties is None or _checkbox_state(properties) is not None:
        return None
    for tag in (_TAG, _ALIAS):
        found = properties.find(tag)
        if found is not None and found.get(_VAL):
            return f"{tag}={found.get(_VAL)}"
    return None


def _repaired_control(group: list[etree._Element]) -> str | None:
    """Return the text of a control LibreOffice split and repeated, or None if it was not."""
    texts = []
    for sdt in group:
        if _is_showing_placeholder(sdt.find(_SDT_PR)):
            return None
        inline = _InlineText()
        _collect_inline(sdt, inline)
        texts.append("".join(inline.parts))
    return _whole_text(texts[0], [t[: len(t) - len(texts[0])] if t.endswith(texts[0]) else None
                                  for t in texts[1:]])


def _repaired_inputs(inline: _InlineText) -> str | None:
    """Return the paragraph's text with split and repeated text form fields read once."""
    if len(inline.inputs) < 2:
        return None
    results = ["".join(inline.parts[a:b]) for a, b in inline.inputs]
    between = ["".join(inline.parts[b:a]) for (_, b), (a, _) in itertools.pairwise(inline.inputs)]
    if any(r != results[0] for r in results):
        return None
    whole = _whole_text(results[0], [*between, ""])
    if whole is None:
        return None
    start, end = inline.inputs[0][0], inline.inputs[-1][1]
    return "".join(inline.parts[:start]) + whole + "".join(inline.parts[end:])


def _whole_text(whole: str, pieces: list[str | None]) -> str | None:
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


def _collect_element(element: etree._Element, inline: _InlineText) -> None:
    tag = element.tag
    if tag == _R:
        _collect_run(element, inline)
    elif tag in _NOT_SHOWN or not isinstance(tag, str):
        return
    elif tag == _SDT:
        sdt_pr = element.find(_SDT_PR)
        checked = _checkbox_state(sdt_pr)
        if checked is not None:
            inline.add(CHECKED if checked else UNCHECKED)
        elif not _is_showing_placeholder(sdt_pr):
            _collect_inline(element, inline)
    elif tag == _MC_ALTERNATE:
        branch = _chosen_branch(element)
        if branch is not None:
            _collect_inline(branch, inline)
    elif tag == _TEXT_BOX_CONTENT:
        box_text = "\n".join(_cell_lines(element))
        if box_text:
            inline.text_boxes.append(box_text)
    elif tag == _MATH_T:
        inline.add(element.text or "")
    else:
        # Insertions, hyperlinks, smart tags, simple fields, drawings holding text boxes.
        _collect_inline(element, inline)


def _collect_run(run: etree._Element, inline: _InlineText) -> None:
    symbol_table: dict[int, str] | None = None
    for child in run:
        tag = child.tag
        if tag == _T:
            text = child.text or ""
            if symbol_table is not None:
                text = "".join(symbol_table.get(_symbol_code(ord(ch)), ch) for ch in text)
            inline.add(text)
        elif tag == _RPR:
            if _is_hidden(child) or _is_struck(child):
                return
            symbol_table = _run_symbol_table(child)
        elif tag == _TAB or tag == _PTAB:
            inline.add("\t")
        elif tag == _BR or tag == _CR:
            inline.add("\n")
        elif tag == _NO_BREAK_HYPHEN:
            inline.add("-")
        elif tag == _SYM:
            inline.add(_symbol_text(child))
        elif tag == _FLD_CHAR:
            _track_field(child, inline)
        else:
            _collect_element(child, inline)


def _track_field(field_char: etree._Element, inline: _InlineText) -> None:
    kind = field_char.get(_FLD_CHAR_TYPE)
    if kind == "begin":
        checked = _legacy_checkbox_state(field_char)
        if checked is not None:
            inline.add(CHECKED if checked else UNCHECKED)
            inline.fields.append(True)
        elif _is_text_input(field_char) and not inline.fields:
            inline.fields.append(len(inline.parts))
            inline.has_input = True
        else:
            inline.fields.append(None)
    elif kind == "end" and inline.fields:
        opened = inline.fields.pop()
        if opened is not True and opened is not None:
            inline.inputs.append((opened, len(inline.parts)))
    elif kind == "end":
        inline.has_input = True  # the end of a field begun in an earlier paragraph


def _is_text_input(field_char: etree._Element) -> bool:
    form_data = field_char.find(_FF_DATA)
    return form_data is not None and form_data.find(_TEXT_INPUT) is not None


def _legacy_checkbox_state(field_char: etree._Element) -> bool | None:
    """Return whether a FORMCHECKBOX field is ticked, or None if it is another field."""
    form_data = field_char.find(_FF_DATA)
    check_box = form_data.find(_CHECK_BOX) if form_data is not None else None
    if check_box is None:
        return None
    checked = check_box.find(_CHECKED)
    if checked is not None:
        return _is_on(checked.get(_VAL))
    default = check_box.find(_DEFAULT)
    return default is not None and _is_on(default.get(_VAL))


def _checkbox_state(sdt_pr: etree._Element | None) -> bool | None:
    """Return whether a checkbox content control is ticked, or None if it is not one."""
    checkbox = sdt_pr.find(_W14_CHECKBOX) if sdt_pr is not None else None
    if checkbox is None:
        return None
    checked = checkbox.find(_W14_CHECKED)
    return checked is not None and _is_on(checked.get(_W14_VAL))


def _checkbox_mark(sdt: etree._Element) -> str:
    return CHECKED if _checkbox_state(sdt.find(_SDT_PR)) else UNCHECKED


def _is_showing_placeholder(sdt_pr: etree._Element | None) -> bool:
    # Placeholder text ("单击或点击此处输入文字") means the control was left empty.
    return sdt_pr is not None and sdt_pr.find(_SHOWING_PLACEHOLDER) is not None


def _chosen_branch(alternate: etree._Element) -> etree._Element | None:
    # Choice and Fallback render the same content twice; read exactly one of them.
    choice = alternate.find(_MC_CHOICE)
    return choice if choice is not None else alternate.find(_MC_FALLBACK)


def _is_hidden(run_properties: etree._Element) -> bool:
    vanish = run_properties.find(_VANISH)
    return vanish is not None and _is_on(vanish.get(_VAL))


def _is_struck(run_properties: etree._Element) -> bool:
    # Struck through is crossed out: a school deletes the options it did not choose so
    # ("□是 ~~□否~~"). The PDF reader drops struck text the same way.
    for tag in (_STRIKE, _DOUBLE_STRIKE):
        struck = run_properties.find(tag)
        if struck is not None and _is_on(struck.get(_VAL)):
            return True
    return False


def _is_on(value: str | None) -> bool:
    return value is None or value.lower() not in _FALSE_VALUES


def _run_symbol_table(run_properties: etree._Element) -> dict[int, str] | None:
    fonts = run_properties.find(_RFONTS)
    if fonts is None:
        return None
    for attribute in (_ASCII, _HANSI):
        table = _SYMBOL_FONTS.get((fonts.get(attribute) or "").strip().lower())
        if table is not None:
            return table
    return None


def _symbol_code(code: int) -> int:
    # Word stores symbol-font characters either as the byte itself or shifted to U+F0xx.
    return code - 0xF000 if 0xF000 <= code <= 0xF0FF else code


def _symbol_text(symbol: etree._Element) -> str:
    try:
        code = _symbol_code(int(symbol.get(_CHAR, ""), 16))
    except ValueError:
        return ""
    table = _SYMBOL_FONTS.get((symbol.get(_FONT) or "").strip().lower())
    if table is not None:
        return table.get(code, "")
    if 0xE000 <= code <= 0xF8FF or code < 0x20 or code > 0x10FFFF:
        return ""  # a private-use glyph of a font we do not know says nothing to a reader
    return chr(code)
