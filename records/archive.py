"""A whole store in one zip: every table's rows and every kept file, out of one store, into another.

An office moves from its SQLite file to the city's PostgreSQL, or archives a finished
campaign, with nothing lost. The zip holds ``manifest.json`` (the schema revision, counts),
``tables/<table>.jsonl`` (one row a line, by column name, in key order), ``files/<sha256>
<suffix>`` (each kept file as sent) and ``forms/<sha256>.yaml`` (a campaign's own definition
file, when it was given as a path). Links travel as their tokens' hashes only, the office
password as its scrypt hash; the secret that signs office sessions stays behind.

An archive comes from outside: its directory is judged first (parsers/safety.py's guards,
with a store's bounds), every member's name must be one of the above, every file must have
the hash it is named by, and it goes only into an empty store, all rows in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import sqlalchemy as sa

from forms.errors import TianbiaoError, UnreadableFileError
from forms.registry import is_definition_path
from parsers.safety import check_zip_archive
from records.engine import MIGRATIONS
from records.handin import MAX_UPLOAD, Kept, all_kept, keep_content, kept_content
from records.schema import DATA_TABLES, SCHEMA_REVISION, campaigns, office
from records.store import Store

FORMAT = "tianbiao-archive"
_ROWS_AT_A_TIME = 500
_MAX_MEMBERS = 500_000  # a province's campaign: 10,000 schools, a few versions each
_MAX_TOTAL = 64 * 1024**3
_MAX_TABLE = 4 * 1024**3
_FILE = re.compile(r"^files/([0-9a-f]{64})(\.[a-z0-9]{1,8})?$")
_FORM = re.compile(r"^forms/([0-9a-f]{64})\.yaml$")
_TABLES = {table.name: table for table in DATA_TABLES}
_EXPORTED_OFFICE = ("password",)


@dataclass(frozen=True)
class Moved:
    """What an export or an import carried: rows by table, and kept files."""

    rows: dict[str, int]
    files: int


def export_store(store: Store, out: Path) -> Moved:
    """Write every row and every kept file of `store` into the zip `out`."""
    counts: dict[str, int] = {}
    partial = out.with_name(out.name + ".part")
    out.parent.mkdir(parents=True, exist_ok=True)
    # One snapshot of every table, whatever is written meanwhile.
    if store.is_postgresql:
        store.connection.execution_options(isolation_level="REPEATABLE READ")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as package, \
            store.connected() as connection:
        for table in DATA_TABLES:
            with package.open(f"tables/{table.name}.jsonl", "w") as member:
                counts[table.name] = _write_rows(connection, table, member)
        forms = _write_forms(connection, package)
        kept = all_kept(store)
        for item in kept:
            content = kept_content(store, item)
            if content is not None:
                package.writestr(f"files/{item.sha256}{item.suffix}", content,
                                 compress_type=zipfile.ZIP_STORED)
        manifest = {"format": FORMAT, "schema": SCHEMA_REVISION,
                    "made": dt.datetime.now().isoformat(timespec="seconds"),
                    "rows": counts, "files": len(kept), "forms": forms}
        package.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    partial.replace(out)
    return Moved(counts, len(kept))


def import_store(store: Store, archive: Path) -> Moved:
    """Load the archive `archive` into `store`, which must be empty; all of it or none."""
    with _opened(archive) as package:
        manifest = _manifest(package, archive.name)
        _refuse_non_empty(store)
        files = [m for m in package.namelist() if m.startswith("files/")]
        for name in files:  # every file checked before any row is written
            _file_content(package, name, archive.name)
        forms = _keep_forms(store, package, manifest.get("forms") or {}, archive.name)
        counts: dict[str, int] = {}
        try:
            # In one transaction: the files too, where the store keeps them in its tables.
            with store.transaction():
                for table in DATA_TABLES:
                    counts[table.name] = _read_rows(store, package, table, forms, archive.name)
                if store.is_postgresql:
                    _restart_identities(store)
                for name in files:
                    sha, suffix = _FILE.match(name).groups()  # type: ignore[union-attr]
                    keep_content(store, Kept(sha, suffix or ""),
                                 _file_content(package, name, archive.name))
        except (sa.exc.StatementError, sa.exc.DBAPIError) as error:
            raise TianbiaoError(f"压缩包“{archive.name}”里的数据有误，未导入任何内容："
                                f"{getattr(error, 'orig', None) or error}",
                                code="bad_archive_rows") from error
    return Moved(counts, len(files))


def _write_rows(connection: sa.Connection, table: sa.Table, member: IO[bytes]) -> int:
    query = sa.select(table).order_by(*table.primary_key.columns)
    if table is office:
        query = query.where(office.c.name.in_(_EXPORTED_OFFICE))
    count = 0
    result = connection.execution_options(yield_per=_ROWS_AT_A_TIME).execute(query)
    for row in result.mappings():
        member.write(json.dumps(dict(row), ensure_ascii=False).encode("utf-8") + b"\n")
        count += 1
    return count


def _write_forms(connection: sa.Connection, package: zipfile.ZipFile) -> dict[str, str]:
    """Put each campaign's own definition file in the archive; return {campaign id: member}."""
    found: dict[str, str] = {}
    for number, form in connection.execute(sa.select(campaigns.c.id, campaigns.c.form)):
        path = Path(form)
        if is_definition_path(form) and path.is_file():
            content = path.read_bytes()
            member = f"forms/{hashlib.sha256(content).hexdigest()}.yaml"
            if member not in package.namelist():
                package.writestr(member, content)
            found[str(number)] = member
    return found


@dataclass
class _Package:
    package: zipfile.ZipFile

    def __enter__(self) -> zipfile.ZipFile:
        return self.package

    def __exit__(self, *_: object) -> None:
        self.package.close()


def _opened(archive: Path) -> _Package:
    try:
        package = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as error:
        raise TianbiaoError(f"压缩包“{archive.name}”已损坏或不是 zip 文件，无法导入",
                            code="bad_archive") from error
    try:
        check_zip_archive(package, file=archive.name, max_members=_MAX_MEMBERS,
                          max_total=_MAX_TOTAL, max_member=_MAX_TABLE)
        for info in package.infolist():
            name = info.filename
            table = name.removeprefix("tables/").removesuffix(".jsonl")
            if _FILE.match(name):
                if info.file_size > MAX_UPLOAD:
                    raise _strange(archive.name, f"文件 {name} 过大")
            elif not (name == "manifest.json" or _FORM.match(name)
                      or (name == f"tables/{table}.jsonl" and table in _TABLES)):
                raise _strange(archive.name, f"有不认识的内容“{name[:80]}”")
    except UnreadableFileError as error:
        package.close()
        raise TianbiaoError(f"压缩包“{archive.name}”解压后异常巨大（疑似“压缩炸弹”），"
                            "未导入任何内容", code="archive_bomb") from error
    except BaseException:
        package.close()
        raise
    return _Package(package)


def _strange(archive: str, what: str) -> TianbiaoError:
    return TianbiaoError(f"压缩包“{archive}”不是 tianbiao export 导出的数据（{what}），"
                         "未导入任何内容", code="not_an_archive")


def _manifest(package: zipfile.ZipFile, archive: str) -> dict[str, Any]:
    try:
        manifest = json.loads(package.read("manifest.json"))
    except (KeyError, ValueError) as error:
        raise _strange(archive, "缺少说明文件 manifest.json") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _strange(archive, "说明文件不对")
    schema = str(manifest.get("schema"))
    if schema not in _known_revisions():
        raise TianbiaoError(f"压缩包“{archive}”由更新版本的 tianbiao 导出（数据版本 {schema}），"
                            "请先升级本机的 tianbiao 再导入", code="newer_archive")
    return manifest


def _known_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}


def _refuse_non_empty(store: Store) -> None:
    with store.connected() as connection:
        for table in DATA_TABLES:
            if table is office:
                continue  # a new store's session secret or password is no data
            if connection.execute(sa.select(sa.literal(1)).select_from(table).limit(1)).first():
                raise TianbiaoError(
                    f"{store.described} 里已有数据（{table.name} 表不是空的），不能导入；"
                    "请导入到一个新的数据文件或空的数据库", code="store_not_empty")


def _rows(package: zipfile.ZipFile, table: sa.Table, archive: str) -> Iterator[dict[str, Any]]:
    name = f"tables/{table.name}.jsonl"
    if name not in package.namelist():
        return
    columns = set(table.columns.keys())
    with package.open(name) as member:
        for number, line in enumerate(member, start=1):
            try:
                row = json.loads(line)
            except ValueError as error:
                raise _strange(archive, f"{name} 第 {number} 行无法读取") from error
            if not isinstance(row, dict) or not set(row) <= columns:
                raise _strange(archive, f"{name} 第 {number} 行的列不对")
            yield row


def _read_rows(store: Store, package: zipfile.ZipFile, table: sa.Table,
               forms: dict[str, str], archive: str) -> int:
    count = 0
    chunk: list[dict[str, Any]] = []
    for row in _rows(package, table, archive):
        if table is campaigns and str(row.get("id")) in forms:
            row["form"] = forms[str(row["id"])]
        if table is office:
            statement = store.insert(office).values(row)
            store.connection.execute(statement.on_conflict_do_update(
                index_elements=["name"], set_={"value": statement.excluded.value}))
        else:
            chunk.append(row)
        count += 1
        if len(chunk) >= _ROWS_AT_A_TIME:
            store.connection.execute(table.insert(), chunk)
            chunk = []
    if chunk:
        store.connection.execute(table.insert(), chunk)
    return count


def _restart_identities(store: Store) -> None:
    """Make PostgreSQL's next id follow the largest imported one (SQLite does so itself)."""
    for table in DATA_TABLES:
        if "id" not in table.columns or table.c.id.identity is None:
            continue
        store.connection.execute(sa.text(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
            f" COALESCE((SELECT MAX(id) FROM {table.name}), 1),"
            f" (SELECT MAX(id) FROM {table.name}) IS NOT NULL)"))


def _file_content(package: zipfile.ZipFile, name: str, archive: str) -> bytes:
    sha = _FILE.match(name).group(1)  # type: ignore[union-attr]
    try:
        content = package.read(name)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise _strange(archive, f"文件 {name} 已损坏") from error
    if hashlib.sha256(content).hexdigest() != sha:
        raise _strange(archive, f"文件 {name} 的内容与其名称不符")
    return content


def _keep_forms(store: Store, package: zipfile.ZipFile, forms: dict[str, str],
                archive: str) -> dict[str, str]:
    """Write the archive's definition files beside the store; return {campaign id: path}."""
    placed: dict[str, str] = {}
    folder = store.location.beside(".forms")
    for number, member in forms.items():
        if not isinstance(member, str) or not _FORM.match(member):
            raise _strange(archive, "表单定义文件的名称不对")
        try:
            content = package.read(member)
        except KeyError as error:
            raise _strange(archive, f"缺少表单定义文件 {member}") from error
        if hashlib.sha256(content).hexdigest() != member[6:70]:
            raise _strange(archive, f"表单定义文件 {member} 的内容与其名称不符")
        target = folder.resolve() / member.removeprefix("forms/")
        if not target.is_file():
            folder.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        placed[str(number)] = str(target)
    return placed
