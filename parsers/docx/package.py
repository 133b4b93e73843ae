"""Open a .docx package safely and read its main part and custom properties.

Refuses what is not a .docx (parsers.safety sniffs and words it), archives whose parts are
too big, and XML that declares a DOCTYPE; finds the main document part even when a producer
names it differently, and hands its body to parsers.docx.body.
"""

from __future__ import annotations

import io
import lzma
import os
import zipfile
import zlib

from lxml import etree

from forms.errors import UnreadableFileError
from parsers.docx.body import read_body
from parsers.docx.names import BODY, DOCUMENT, RELATIONSHIP, W_STRICT, W
from parsers.grid import Grid, read_with
from parsers.safety import (
    EXCEL_NOT_DOCX_MESSAGE,
    NO_BODY_MESSAGE,
    NOT_DOCX_MESSAGE,
    UNSAFE_DOCX_MESSAGE,
    check_docx_bytes,
    check_zip_archive,
    has_doctype,
)

# A .docx main part beyond this size is a zip bomb, not a school form.
_MAX_PART_BYTES = 256 * 1024 * 1024

# What opening a damaged archive and reading a damaged part raise, and nothing else: a bad
# directory or header (BadZipFile), a negative seek or a name flagged UTF-8 that is not
# (ValueError), an unknown compression method (NotImplementedError), a part flagged as
# encrypted (RuntimeError), compressed data cut short or corrupt (EOFError, zlib.error, and
# OSError or LZMAError for bzip2 and LZMA parts). Only the zip calls are guarded by it.
_DAMAGED_ZIP_ERRORS = (
    zipfile.BadZipFile,
    ValueError,
    NotImplementedError,
    RuntimeError,
    EOFError,
    zlib.error,
    OSError,
    lzma.LZMAError,
)


def read_docx(source: str | os.PathLike[str] | bytes) -> Grid:
    """Read the .docx at path `source` (or its bytes) into paragraphs, tables and properties."""
    return read_with(_read_docx_bytes, source)


def _read_docx_bytes(data: bytes) -> Grid:
    check_docx_bytes(data)
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except _DAMAGED_ZIP_ERRORS as error:
        raise UnreadableFileError(NOT_DOCX_MESSAGE, code="corrupt") from error
    with package:
        check_zip_archive(package)
        document_xml = _read_part(package, _main_document_name(package))
        custom_xml = _read_optional_part(package, "docProps/custom.xml")
    if W_STRICT.encode() in document_xml:
        # Strict Open XML differs from the usual kind only in its namespace for what we read.
        document_xml = document_xml.replace(W_STRICT.encode(), W.encode())
    document = _parse_xml(document_xml)
    if document.tag != DOCUMENT:
        raise UnreadableFileError(NO_BODY_MESSAGE, code="corrupt")
    body = document.find(BODY)
    blocks = read_body(body) if body is not None else []
    properties = _read_custom_properties(custom_xml) if custom_xml is not None else {}
    return Grid(blocks=blocks, properties=properties)


def _main_document_name(package: zipfile.ZipFile) -> str:
    names = set(package.namelist())
    if "word/document.xml" in names:
        return "word/document.xml"
    if "xl/workbook.xml" in names:
        raise UnreadableFileError(EXCEL_NOT_DOCX_MESSAGE, code="not_docx")
    # Some producers name the main part differently; the package relationships say where it is.
    rels_xml = _read_optional_part(package, "_rels/.rels")
    if rels_xml is not None:
        for relationship in _parse_xml(rels_xml).iter(RELATIONSHIP):
            target = relationship.get("Target", "").lstrip("/")
            if relationship.get("Type", "").endswith("/officeDocument") and target in names:
                return target
    if "[Content_Types].xml" not in names:
        raise UnreadableFileError(NOT_DOCX_MESSAGE, code="not_docx")
    raise UnreadableFileError(NO_BODY_MESSAGE, code="corrupt")


def _read_optional_part(package: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        package.getinfo(name)
    except KeyError:
        return None
    return _read_part(package, name)


def _read_part(package: zipfile.ZipFile, name: str) -> bytes:
    try:
        with package.open(name) as part:
            data = part.read(_MAX_PART_BYTES + 1)
    except _DAMAGED_ZIP_ERRORS as error:
        raise UnreadableFileError(NOT_DOCX_MESSAGE, code="corrupt") from error
    if len(data) > _MAX_PART_BYTES:
        raise UnreadableFileError(UNSAFE_DOCX_MESSAGE, code="unsafe_xml")
    return data


def _parse_xml(data: bytes) -> etree._Element:
    if has_doctype(data):
        raise UnreadableFileError(UNSAFE_DOCX_MESSAGE, code="unsafe_xml")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.ParseError as error:
        raise UnreadableFileError(NOT_DOCX_MESSAGE, code="corrupt") from error
    if root.getroottree().docinfo.internalDTD is not None:
        raise UnreadableFileError(UNSAFE_DOCX_MESSAGE, code="unsafe_xml")
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

