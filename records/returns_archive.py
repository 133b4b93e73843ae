"""A zip of returns the office was sent: opened only when safe, then each member with its name.

The whole archive is judged from its directory before any member is decompressed: too many
entries, a bomb (parsers/safety.py's limits), a name that points outside the archive
(``../``, ``/etc``, ``C:\\``) — any of these refuses the whole zip, nothing of it read. A zip
made on a Chinese Windows without the UTF-8 flag has its names in GBK; they are read so.
Each member is then either its bytes (at most `MAX_UPLOAD`, like a school's upload) or the
reason it is left out, in words: not a form file, too big, encrypted, damaged.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from forms.errors import TianbiaoError, UnreadableFileError
from parsers.safety import MAX_MEMBERS, check_zip_archive, skip_reason
from records.handin import MAX_UPLOAD

_UTF8_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1
_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f]")
# What a Mac adds to every zip it makes: resource forks, not files anyone sent.
_MAC_METADATA = "__MACOSX/"


@dataclass(frozen=True)
class Member:
    """One file inside the archive: its bytes, or why it is left out."""

    name: str
    content: bytes | None
    refused: str | None = None


def unpack_returns(handle: BinaryIO, archive_name: str) -> Iterator[Member]:
    """Check the zip in `handle` now (refusing it whole, in words); return its members lazily."""
    package = _checked(handle, archive_name)
    return _members(package)


def _checked(handle: BinaryIO, archive_name: str) -> zipfile.ZipFile:
    try:
        package = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as error:
        raise TianbiaoError(f"压缩包“{archive_name}”已损坏或不是 zip 文件，无法打开；"
                            "请重新压缩后上传，或直接选择其中的文件上传",
                            code="bad_archive") from error
    infos = package.infolist()
    if len(infos) > MAX_MEMBERS:
        raise TianbiaoError(f"压缩包“{archive_name}”里的文件过多（{len(infos)} 个，"
                            f"最多 {MAX_MEMBERS} 个），已拒绝，其中的文件一个也没有读取；"
                            "请分成几个压缩包上传", code="archive_too_many")
    try:
        check_zip_archive(package, file=archive_name)
    except UnreadableFileError as error:
        raise TianbiaoError(f"压缩包“{archive_name}”解压后异常巨大（疑似“压缩炸弹”），已拒绝，"
                            "其中的文件一个也没有读取", code="archive_bomb") from error
    for info in infos:
        if _points_outside(info.filename) or _points_outside(_shown_name(info)):
            raise TianbiaoError(
                f"压缩包“{archive_name}”里有文件名指向压缩包之外（“{_shown_name(info)}”），"
                "疑似恶意压缩包，已拒绝，其中的文件一个也没有读取", code="archive_unsafe_name")
    return package


def _points_outside(name: str) -> bool:
    """Tell whether a member's name is absolute, climbs out with "..", or hides control bytes."""
    if not name or _CONTROL.search(name):
        return True
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or bool(_DRIVE.match(name)) or ".." in parts


def _shown_name(info: zipfile.ZipInfo) -> str:
    """Return the member's name as its maker meant it.

    Without the UTF-8 flag, zipfile reads the bytes as cp437; a Mac writes UTF-8 there
    anyway and a Chinese Windows writes GBK: UTF-8 is tried first (GBK bytes seldom pass as
    UTF-8), then GBK.
    """
    name = info.filename if info.flag_bits & _UTF8_FLAG else _redecoded(info.filename)
    return _CONTROL.sub("", name).replace("\\", "/")


def _redecoded(name: str) -> str:
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    for encoding in ("utf-8", "gbk"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return name


def _members(package: zipfile.ZipFile) -> Iterator[Member]:
    with package:
        for info in package.infolist():
            name = _shown_name(info)
            if info.is_dir() or name.startswith(_MAC_METADATA):
                continue
            yield _member(package, info, name)


def _member(package: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> Member:
    base = PurePosixPath(name).name
    if base.lower().endswith(".zip"):
        return Member(name, None, "压缩包里又有压缩包，不会再解开；请先解开再上传里面的文件")
    reason = skip_reason(Path(base))
    if reason is not None:
        return Member(name, None, reason)
    if info.flag_bits & _ENCRYPTED_FLAG:
        return Member(name, None, "这个文件在压缩包里加了密码，无法读取；请解压后直接上传")
    if info.file_size > MAX_UPLOAD:
        return Member(name, None, _too_big())
    try:
        with package.open(info) as part:
            content = part.read(MAX_UPLOAD + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
            OSError):
        return Member(name, None, "这个文件在压缩包里已损坏，无法解压；请重新压缩后上传")
    if len(content) > MAX_UPLOAD:
        return Member(name, None, _too_big())
    return Member(name, content)


def _too_big() -> str:
    return f"文件太大（超过 {MAX_UPLOAD // (1024 * 1024)} MB），请压缩图片或只提交需要填写的表格"
