"""Pictures that cannot or must not be read are refused, and the clerk is told why.

A decompression bomb is refused from its header, before a pixel is decoded; a page too
dark, too small, too blurred or blank says so in words a school can act on.
"""

from __future__ import annotations

import io
import resource
import struct
import time
import zlib

import numpy as np
import pytest
from PIL import Image, ImageFilter

from forms.errors import UnreadableFileError
from parsers.batch import parse_paths
from parsers.scan import read_image
from parsers.scan.images import MAX_PAGES


def _png_bomb(side: int) -> bytes:
    """Return a real grey PNG of `side` × `side` black pixels: a few hundred KB on disk."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    packer = zlib.compressobj(9)
    row = bytes(side + 1)  # filter byte 0, then the row
    body = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body)
            + chunk(b"IEND", b""))


def _jpeg(pixels: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def test_a_decompression_bomb_is_refused_before_decoding(tmp_path):
    bomb = tmp_path / "盖章页.png"
    bomb.write_bytes(_png_bomb(24_000))  # 576 million pixels in about 600 KB
    assert bomb.stat().st_size < 2_000_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with pytest.raises(UnreadableFileError) as refused:
        read_image(bomb)
    assert time.perf_counter() - started < 1.0
    # Decoded, it would take 576 MB; refused from its header, it took next to nothing.
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KB
    assert refused.value.code == "too_large"
    assert refused.value.message.startswith("图片尺寸异常巨大")
    assert "已拒绝读取" in refused.value.message


def test_a_picture_beyond_our_limit_names_its_size():
    with pytest.raises(UnreadableFileError) as refused:
        read_image(_png_bomb(7_500))  # 56 million pixels: under PIL's guard, over ours
    assert refused.value.message.startswith("图片尺寸异常巨大（7500×7500 像素），已拒绝读取")


def test_a_bomb_in_a_folder_is_one_unreadable_record(tmp_path):
    (tmp_path / "扫描.png").write_bytes(_png_bomb(24_000))
    (record,) = parse_paths([str(tmp_path)], workers=1)
    assert record.status == "unreadable"
    assert "异常巨大" in record.problems[0].message


def test_a_tiff_of_too_many_pages_is_refused_unread(tmp_path):
    pages = [Image.new("L", (8, 8), 255) for _ in range(MAX_PAGES + 1)]
    path = tmp_path / "many.tif"
    pages[0].save(path, save_all=True, append_images=pages[1:])
    with pytest.raises(UnreadableFileError) as refused:
        read_image(path)
    assert refused.value.message.startswith(f"扫描件超过 {MAX_PAGES} 页")


def test_a_black_page_is_too_dark():
    with pytest.raises(UnreadableFileError) as refused:
        read_image(_jpeg(np.zeros((2339, 1654), np.uint8)))
    assert refused.value.message.startswith("扫描件太暗，无法识别")
    assert refused.value.code == "image"


def test_a_small_picture_is_too_small():
    with pytest.raises(UnreadableFileError) as refused:
        read_image(_jpeg(np.full((300, 200), 255, np.uint8)))
    assert refused.value.message.startswith("图片太小（200×300 像素）")


def test_a_white_page_is_blank():
    with pytest.raises(UnreadableFileError) as refused:
        read_image(_jpeg(np.full((2339, 1654), 255, np.uint8)))
    assert "空白" in refused.value.message


def test_a_blurred_page_is_too_blurred(scans):
    page = Image.open(scans.files["application.jpg"]).filter(ImageFilter.GaussianBlur(9))
    buffer = io.BytesIO()
    page.save(buffer, "JPEG", quality=80)
    with pytest.raises(UnreadableFileError) as refused:
        read_image(buffer.getvalue())
    assert refused.value.message.startswith("扫描件太模糊，无法识别")


def test_a_broken_picture_says_so(tmp_path):
    path = tmp_path / "盖章页.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(1024))
    (record,) = parse_paths([str(path)], workers=1)
    assert record.status == "unreadable"
    assert record.problems[0].message == "图片已损坏或格式无法识别，请学校重新扫描后提交"


def test_an_iphone_photo_asks_for_a_jpeg(tmp_path):
    path = tmp_path / "IMG_0001.heic"
    path.write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(64))
    (record,) = parse_paths([str(tmp_path)], workers=1)
    assert record.problems[0].message.startswith("这是苹果手机的 HEIC 照片，无法读取")


def _pdf_of_one_picture(width: int, height: int, packed: bytes) -> bytes:
    """Return a one-page PDF showing one grey picture of `width` × `height`, no text."""
    def stream(data: bytes, extra: str = "") -> bytes:
        return f"<< /Length {len(data)} {extra}>>\nstream\n".encode() + data + b"\nendstream"

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
        stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
        stream(packed, f"/Type /XObject /Subtype /Image /Width {width} /Height {height} "
                       "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "),
    ]
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


def test_a_scanned_pdf_of_a_huge_picture_is_refused_before_decoding(tmp_path):
    side = 20_000  # 400 million grey pixels, packed into about 400 KB
    packer = zlib.compressobj(9)
    row = bytes(side)
    packed = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    path = tmp_path / "扫描件.pdf"
    path.write_bytes(_pdf_of_one_picture(side, side, packed))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    (record,) = parse_paths([str(path)], workers=1)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KB
    assert record.status == "unreadable"
    assert record.problems[0].message.startswith(
        "图片尺寸异常巨大（20000×20000 像素），已拒绝读取")
