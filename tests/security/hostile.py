"""Build the broken and hostile files a folder of returns may hold, each by hand."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

MB = 1024 * 1024
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/></Types>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def zip_bomb(path: Path, member: str = "word/document.xml", megabytes: int = 300) -> Path:
    """Write a zip whose one member inflates to `megabytes` of zeros (a few hundred KB)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        with archive.open(member, "w", force_zip64=True) as part:
            chunk = b"\0" * MB
            for _ in range(megabytes):
                part.write(chunk)
    return path


def docx_with_document_xml(path: Path, document_xml: str,
                           custom_xml: str | None = None) -> Path:
    """Write a minimal .docx with the given main part (and custom properties part)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("word/document.xml", document_xml)
        if custom_xml is not None:
            archive.writestr("docProps/custom.xml", custom_xml)
    return path


def billion_laughs(path: Path) -> Path:
    """Write a .docx whose document declares entities that expand a billion times."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
           f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
           "</w:body></w:document>")
    return docx_with_document_xml(path, xml)


def external_entity(path: Path, target: str) -> Path:
    """Write a .docx whose custom properties try to read `target` through an entity."""
    document = (f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>学校</w:t></w:r></w:p>'
                "</w:body></w:document>")
    custom = (f'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "{target}">]>'
              '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
              'custom-properties"><property name="tianbiao.key">&x;</property></Properties>')
    return docx_with_document_xml(path, document, custom)


def xlsx_with_entity(path: Path, target: str) -> Path:
    """Write an .xlsx whose shared strings try to read `target` through an entity."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr(
            "xl/sharedStrings.xml",
            f'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "{target}">]>'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            "<si><t>&x;</t></si></sst>",
        )
    return path


def _pdf(objects: list[bytes]) -> bytes:
    """Return a PDF file of `objects` (numbered from 1; object 1 is the catalog)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
            "%%EOF\n").encode()
    return bytes(out)


def _stream(data: bytes, extra: str = "") -> bytes:
    return f"<< /Length {len(data)} {extra}>>\nstream\n".encode() + data + b"\nendstream"


def scanned_pdf(path: Path) -> Path:
    """Write a one-page PDF that only shows a picture (no text layer), like a scan."""
    pixels = bytes(range(256)) * 16
    image = _stream(pixels, "/Type /XObject /Subtype /Image /Width 64 /Height 64 "
                    "/ColorSpace /DeviceGray /BitsPerComponent 8 ")
    content = _stream(b"q 400 0 0 400 100 300 cm /Im1 Do Q")
    path.write_bytes(_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
        content,
        image,
    ]))
    return path


def pdf_decompression_bomb(path: Path, megabytes: int = 1024) -> Path:
    """Write a PDF whose page content inflates to `megabytes` (about 1 MB on disk)."""
    compressor = zlib.compressobj(9)
    chunk = b" " * MB
    packed = b"".join(compressor.compress(chunk) for _ in range(megabytes)) + compressor.flush()
    path.write_bytes(_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        _stream(packed, "/Filter /FlateDecode "),
    ]))
    return path


def looping_page_tree(path: Path) -> Path:
    """Write a PDF whose page tree points back at itself."""
    path.write_bytes(_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>",
    ]))
    return path


def many_pages(path: Path, count: int = 5000) -> Path:
    """Write a PDF of `count` empty pages."""
    kids = " ".join(f"{n} 0 R" for n in range(3, 3 + count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode()]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * count
    path.write_bytes(_pdf(objects))
    return path
