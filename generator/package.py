"""Write many .docx files that differ in a few parts, reusing the others' compressed bytes.

A pre-filled copy differs from its template only in the main document and the custom
properties; every other part (styles, settings, fonts table, theme...) is the same for the
whole batch. Those parts are compressed once and their bytes copied into each copy; only
the changed parts are compressed per copy. The output is an ordinary zip.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_VERSION = 20
_DEFLATED = 8
# 1980-01-01 00:00: a fixed time, so the same input gives byte-identical files.
_DOS_TIME, _DOS_DATE = 0, (1 << 5) | 1


@dataclass(frozen=True)
class _Member:
    name: bytes
    crc: int
    compressed: bytes
    size: int


class PackageTemplate:
    """A .docx whose parts named in `changing` are supplied per copy."""

    def __init__(self, docx: bytes, changing: set[str]) -> None:
        self.order: list[str] = []
        self.fixed: dict[str, _Member] = {}
        with zipfile.ZipFile(io.BytesIO(docx)) as archive:
            for info in archive.infolist():
                self.order.append(info.filename)
                if info.filename not in changing:
                    self.fixed[info.filename] = _compress(info.filename,
                                                          archive.read(info.filename))
        missing = changing - set(self.order)
        self.order += sorted(missing)

    def build(self, parts: dict[str, bytes]) -> bytes:
        """Return the .docx bytes with `parts` (name → content) and every fixed part."""
        out = io.BytesIO()
        central = []
        for name in self.order:
            member = self.fixed.get(name) or _compress(name, parts[name])
            offset = out.tell()
            out.write(_LOCAL.pack(0x04034B50, _VERSION, 0x0800, _DEFLATED, _DOS_TIME, _DOS_DATE,
                                  member.crc, len(member.compressed), member.size,
                                  len(member.name), 0))
            out.write(member.name)
            out.write(member.compressed)
            central.append(_CENTRAL.pack(
                0x02014B50, _VERSION, _VERSION, 0x0800, _DEFLATED, _DOS_TIME, _DOS_DATE,
                member.crc, len(member.compressed), member.size, len(member.name), 0, 0, 0, 0,
                0, offset) + member.name)
        start = out.tell()
        for record in central:
            out.write(record)
        size = out.tell() - start
        out.write(_END.pack(0x06054B50, 0, 0, len(central), len(central), size, start, 0))
        return out.getvalue()


def _compress(name: str, data: bytes) -> _Member:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    compressed = compressor.compress(data) + compressor.flush()
    return _Member(name.encode("utf-8"), zlib.crc32(data), compressed, len(data))
