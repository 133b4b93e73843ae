"""What a file really is, and whether it is safe to open, judged before anything opens it.

Files come from strangers: a .docx can be a zip bomb (840 MB from 850 KB), an XML part can
declare entities that expand without end or fetch URLs, an HTML page can be named .doc (and
LibreOffice would fetch what it links). Everything here decides from the first bytes and
the zip directory's declared sizes, before any content is decompressed or parsed.

This module also words every refusal of a file the readers make, so that a clerk reads the
same sentence for the same trouble whatever the format: the readers raise these messages.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from forms.errors import UnreadableFileError

# A school's form is a few hundred KB; these bounds leave room for photos pasted in.
MAX_MEMBERS = 5_000
MAX_TOTAL_UNCOMPRESSED = 300 * 1024 * 1024
MAX_MEMBER_UNCOMPRESSED = 200 * 1024 * 1024
# Text compresses about 10:1; a ratio far beyond that on a large member is a bomb.
MAX_RATIO = 200
_RATIO_APPLIES_ABOVE = 8 * 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_DOCTYPE_MARKERS = (b"<!DOCTYPE", b"<!doctype", "<!DOCTYPE".encode("utf-16-le"),
                    "<!DOCTYPE".encode("utf-16-be"))
_HTML_MARKERS = (b"<html", b"<!doctype html", b"<head", b"<body", b"<meta", b"<?xml")

# Where a picture cannot stand for the document asked for (a roster list named .doc).
SCAN_MESSAGE = "这是图片或扫描件，请学校提交 Word 文档或由电脑导出的 PDF"
_IMAGE_MAGICS = (b"\xff\xd8\xff", b"\x89PNG", b"II*\x00", b"MM\x00*", b"GIF8", b"BM")
# An iPhone's photo (HEIF): a picture no reader here decodes.
_HEIF_BRANDS = (b"ftypheic", b"ftypheix", b"ftyphevc", b"ftypmif1", b"ftypmsf1")
HEIF_MESSAGE = "这是苹果手机的 HEIC 照片，无法读取；请在手机上改存为 JPG（或截图）后重新提交"
# What the file walk takes as a return: Word (and what WPS and LibreOffice save by default),
# PDF, and pictures of a form (scans and photos, read by parsers.scan).
WORD_SUFFIXES = (".docx", ".docm")
OFFICE_SUFFIXES = (".doc", ".wps", ".odt", ".rtf")  # read through LibreOffice
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".gif", ".heic")
RETURN_SUFFIXES = (*WORD_SUFFIXES, *OFFICE_SUFFIXES, ".pdf", *IMAGE_SUFFIXES)
_ODF_TEXT = b"application/vnd.oasis.opendocument.text"

EMPTY_MESSAGE = "文件是空的（0 字节），请学校重新提交"
ENCRYPTED_MESSAGE = "文件已加密，请学校去掉密码后重新提交"
NOT_DOCX_MESSAGE = "文件不是有效的 Word 文档（.docx），可能已损坏或不是 Word 文件"
NO_BODY_MESSAGE = "文件已损坏，找不到正文内容，请用 Word 打开并另存为 .docx 后重新提交"
OLD_DOC_MESSAGE = "文件是旧版 Word 97-2003 文档（.doc），需要先转换为 .docx 才能读取"
EXCEL_NOT_DOCX_MESSAGE = "文件是 Excel 表格，不是 Word 文档（.docx）"
UNSAFE_DOCX_MESSAGE = (
    "文件包含不安全的内容（DOCTYPE 声明或异常巨大的部件），已拒绝读取；"
    "请用 Word 打开并另存为 .docx 后重新提交"
)
# A school form is a few pages; hundreds of pages is a wrong file or a hostile one, and every
# page costs tens of milliseconds to lay out.
MAX_PDF_PAGES = 200
NOT_PDF_MESSAGE = "文件不是有效的 PDF，可能已损坏"
NO_TEXT_MESSAGE = "PDF 里没有任何文字，无法读取；请学校提交填好的 Word 文件或 PDF"
TOO_MANY_PAGES_MESSAGE = (
    f"PDF 超过 {MAX_PDF_PAGES} 页，不像是一份学校填报的表格，已拒绝读取；"
    "请学校只提交需要填写的表格"
)
ZIP_BOMB_MESSAGE = "文件解压后异常巨大（疑似“压缩炸弹”），已拒绝读取；请学校重新导出后提交"
UNSAFE_XML_MESSAGE = "文件包含不安全的内容（DOCTYPE 声明），已拒绝读取；请用办公软件另存后重新提交"


def check_zip_archive(package: zipfile.ZipFile, *, file: str | None = None,
                      max_members: int = MAX_MEMBERS,
                      max_total: int = MAX_TOTAL_UNCOMPRESSED,
                      max_member: int = MAX_MEMBER_UNCOMPRESSED) -> None:
    """Refuse an archive whose directory declares a bomb: too many, too big, too compressed.

    The bounds are a school's file's; a store's export (records/archive.py) passes its own.
    """
    members = package.infolist()
    if len(members) > max_members:
        raise UnreadableFileError(ZIP_BOMB_MESSAGE, file=file, code="zip_bomb")
    total = 0
    for member in members:
        total += member.file_size
        too_big = member.file_size > max_member
        ratio = member.file_size / max(1, member.compress_size)
        if too_big or (member.file_size > _RATIO_APPLIES_ABOVE and ratio > MAX_RATIO):
            raise UnreadableFileError(ZIP_BOMB_MESSAGE, file=file, code="zip_bomb")
    if total > max_total:
        raise UnreadableFileError(ZIP_BOMB_MESSAGE, file=file, code="zip_bomb")


def check_xml_parts(package: zipfile.ZipFile, *, file: str | None = None) -> None:
    """Refuse an archive any of whose XML parts carries a DOCTYPE (entities, DTDs)."""
    for member in package.infolist():
        if not member.filename.endswith((".xml", ".rels", ".vml")):
            continue
        with package.open(member) as part:
            head = part.read(min(member.file_size, MAX_MEMBER_UNCOMPRESSED))
        if has_doctype(head):
            raise UnreadableFileError(UNSAFE_XML_MESSAGE, file=file, code="unsafe_xml")


def has_doctype(data: bytes) -> bool:
    """Tell whether the XML `data` declares a DOCTYPE (entities, DTDs), in any encoding."""
    return any(marker in data for marker in _DOCTYPE_MARKERS)


def check_docx_bytes(data: bytes) -> None:
    """Refuse bytes that cannot be a .docx package: empty, encrypted, Word 97, not a zip."""
    if not data:
        raise UnreadableFileError(EMPTY_MESSAGE, code="empty")
    if data.startswith(OLE_MAGIC):
        # An encrypted .docx is an OLE2 container holding an EncryptionInfo stream; any other
        # OLE2 file we receive is a Word 97-2003 .doc that a later layer converts.
        if _ENCRYPTION_INFO in data:
            raise UnreadableFileError(ENCRYPTED_MESSAGE, code="encrypted")
        raise UnreadableFileError(OLD_DOC_MESSAGE, code="not_docx")
    if not data.startswith(b"PK"):
        raise UnreadableFileError(NOT_DOCX_MESSAGE, code="not_docx")


def check_pdf_bytes(data: bytes) -> None:
    """Refuse bytes that cannot be a PDF: empty, or with no PDF header near the start."""
    if not data:
        raise UnreadableFileError(EMPTY_MESSAGE, code="empty")
    # Readers accept junk before the header, but not a file without one.
    if b"%PDF-" not in data[:1024]:
        raise UnreadableFileError(NOT_PDF_MESSAGE, code="corrupt")


def check_xlsx(path: Path) -> None:
    """Refuse an .xlsx that is not a zip, or is a zip bomb, or holds XML with a DOCTYPE."""
    try:
        with zipfile.ZipFile(path) as package:
            check_zip_archive(package, file=str(path))
            check_xml_parts(package, file=str(path))
    except zipfile.BadZipFile as error:
        raise UnreadableFileError("文件不是有效的 Excel 表格（.xlsx），可能已损坏",
                                  file=str(path), code="corrupt") from error


def word97_problem(path: Path) -> UnreadableFileError | None:
    """Return why a file named .doc must not go to LibreOffice, or None when it may.

    A Word 97 .doc is an OLE2 file and RTF starts with "{\\rtf"; anything else named .doc —
    a web page above all — is refused here, before LibreOffice could fetch what it links.
    """
    with path.open("rb") as handle:
        head = handle.read(4096)
    if not head:
        return UnreadableFileError(EMPTY_MESSAGE, file=str(path), code="empty")
    if head.startswith(OLE_MAGIC):
        with path.open("rb") as handle:
            if _ENCRYPTION_INFO in handle.read(MAX_MEMBER_UNCOMPRESSED):
                return UnreadableFileError(ENCRYPTED_MESSAGE, file=str(path),
                                           code="encrypted")
        return None
    if head.lstrip().startswith(b"{\\rtf"):
        return None
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith(_HTML_MARKERS) or b"<html" in lowered:
        return UnreadableFileError(
            "文件扩展名是 .doc，但内容是网页（HTML），不是 Word 文档；请用 Word 另存为 .docx 后"
            "重新提交", file=str(path), code="not_word")
    if is_image(head):
        return UnreadableFileError(SCAN_MESSAGE, file=str(path), code="image")
    suffix = path.suffix.lower() or ".doc"
    return UnreadableFileError(
        f"文件扩展名是 {suffix}，但内容不是 Word 文档，无法读取", file=str(path),
        code="not_word")


def is_image(head: bytes) -> bool:
    """Tell whether the first bytes `head` of a file are those of a picture (JPEG, PNG, TIFF…)."""
    return head.startswith(_IMAGE_MAGICS)


def is_heif(head: bytes) -> bool:
    """Tell whether the first bytes `head` of a file are those of a HEIF/HEIC photo."""
    return head[4:12] in _HEIF_BRANDS


def skip_reason(path: Path) -> str | None:
    """Return why a file met in a folder walk is not a return, or None when it may be one."""
    name = path.name
    if name.startswith("~$"):
        return "Word 打开文件时留下的临时文件"
    if name.startswith("."):
        return "隐藏文件"
    if path.suffix.lower() not in RETURN_SUFFIXES:
        kind = path.suffix.lower() or "无扩展名"
        return f"不是表格文件（{kind}），只读取 Word（.docx/.doc/.wps/.odt/.rtf）、PDF 和图片"
    return None


def office_filter(path: Path) -> tuple[bool, str | None, UnreadableFileError | None]:
    """Say whether `path` goes through LibreOffice first, with which import filter, or why not.

    Word 97 files (.doc, and WPS's .wps, which is the same format) are opened with the Word 97
    filter; .odt and .rtf let LibreOffice choose. A .docx inside any of these names is read
    directly; content that is none of them is refused before LibreOffice sees it.
    """
    suffix = path.suffix.lower()
    with path.open("rb") as handle:
        head = handle.read(4096)
    if suffix in WORD_SUFFIXES or suffix == ".pdf":
        if head.startswith(OLE_MAGIC) and suffix in WORD_SUFFIXES:
            return True, "MS Word 97", word97_problem(path)
        return False, None, None
    if suffix not in OFFICE_SUFFIXES:
        return False, None, None
    if is_image(head) or is_heif(head):
        return False, None, None  # a scan under a Word name: read as the picture it is
    if head.startswith(b"PK") and _ODF_TEXT not in head[:200]:
        return False, None, None  # a .docx under another name: read it as what it is
    if head.startswith(b"PK"):
        return True, None, _odf_problem(path)
    if head.lstrip().startswith(b"{\\rtf"):
        return True, None, None
    return True, "MS Word 97", word97_problem(path)


def _odf_problem(path: Path) -> UnreadableFileError | None:
    try:
        with zipfile.ZipFile(path) as package:
            check_zip_archive(package, file=str(path))
            check_xml_parts(package, file=str(path))
    except zipfile.BadZipFile:
        return UnreadableFileError("文件不是有效的 OpenDocument 文本（.odt），可能已损坏",
                                   file=str(path), code="corrupt")
    except UnreadableFileError as error:
        return error
    return None
