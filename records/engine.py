"""Where a store lives and how it is reached: a SQLite file, or a PostgreSQL database.

``--db`` is a path (a SQLite file: the embedded default for one office) or a
``postgresql://user:password@host:port/database`` URL (a city's shared server, reached with
psycopg 3). There is one engine per location per process, so a web server's requests share
PostgreSQL's pooled connections; SQLite opens its file afresh for each store, as it always
did. A write transaction holds the store's one write lock — SQLite's ``BEGIN IMMEDIATE``,
a PostgreSQL advisory lock — so writers take turns on both engines and readers never wait.
Every opening checks the schema's revision and, when it is behind, runs the migrations
(records/migrations/) under that lock.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from forms.errors import TianbiaoError
from records.schema import SCHEMA_REVISION

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DATABASE_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")
_WRITE = "tianbiao_write"
_WRITE_LOCK = 7_212_251  # the advisory lock every PostgreSQL write transaction takes
# A web server runs up to 40 requests at once in its thread pool: each may hold a connection.
_POOL_SIZE, _POOL_OVERFLOW = 5, 35
_ENGINES: dict[str, sa.Engine] = {}
_ENGINES_LOCK = threading.Lock()


def is_database_url(text: str | Path) -> bool:
    """Tell whether `text` names a PostgreSQL database rather than a SQLite file."""
    return str(text).lower().startswith(DATABASE_SCHEMES)


@dataclass(frozen=True)
class Location:
    """Where one store is: a SQLite file (`path`) or a PostgreSQL database (`url`)."""

    url: sa.URL
    path: Path | None

    @property
    def is_postgresql(self) -> bool:
        """Tell whether the store is a PostgreSQL database."""
        return self.path is None

    @property
    def name(self) -> str:
        """Return the store as shown to people: the file's path, or the URL without password."""
        if self.path is not None:
            return str(self.path)
        return self.url.set(drivername="postgresql").render_as_string(hide_password=True)

    def beside(self, suffix: str) -> Path:
        """Return the folder named `suffix` that goes with the store (drafts, definitions).

        Beside a SQLite file; for a PostgreSQL store, in the folder the command runs in,
        named by the database (working files of the one web server, not the store's data).
        """
        if self.path is not None:
            return self.path.with_name(self.path.name + suffix)
        return Path(f"{self.url.database}{suffix}")


def locate(db: str | Path) -> Location:
    """Return the location `db` names: a PostgreSQL URL, or else the path of a SQLite file."""
    if is_database_url(db):
        try:
            url = sa.make_url(str(db))
        except sa.exc.ArgumentError as error:
            raise TianbiaoError(f"数据库地址写得不对：{error}", code="bad_url") from error
        if not url.database:
            raise TianbiaoError("数据库地址里缺少数据库名，例如 postgresql://用户@主机/tianbiao",
                                code="bad_url")
        return Location(url.set(drivername="postgresql+psycopg"), None)
    path = Path(db)
    return Location(sa.URL.create("sqlite", database=str(path)), path)


def beside_store(db: str | Path, suffix: str) -> Path:
    """Return the folder named `suffix` that goes with the store `db` (Location.beside)."""
    return locate(db).beside(suffix)


def engine_for(url: str) -> sa.Engine:
    """Return this process's engine for `url` (a rendered URL, password included)."""
    with _ENGINES_LOCK:
        if url not in _ENGINES:
            _ENGINES[url] = _new_engine(url)
        return _ENGINES[url]


def _new_engine(url: str) -> sa.Engine:
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = sa.create_engine(parsed, poolclass=NullPool)
        sa.event.listen(engine, "connect", _sqlite_connected)
    else:
        engine = sa.create_engine(parsed, pool_size=_POOL_SIZE, max_overflow=_POOL_OVERFLOW,
                                  pool_pre_ping=True)
    sa.event.listen(engine, "begin", _begun)
    return engine


def close_engines() -> None:
    """Close every pooled connection this process holds and forget the engines."""
    for url in list(_ENGINES):
        _ENGINES.pop(url).dispose()


def connect(location: Location) -> sa.Connection:
    """Open a connection to the store at `location`, failing in words when it cannot."""
    engine = engine_for(location.url.render_as_string(hide_password=False))
    try:
        return engine.connect()
    except sa.exc.DBAPIError as error:
        if location.path is not None:
            raise TianbiaoError(f"{location.name} 不是 tianbiao 的数据文件"
                                f"（无法作为数据库打开：{error.orig}）", code="not_a_store"
                                ) from error
        raise TianbiaoError(f"无法连接数据库 {location.name}：{_first_line(error.orig)}",
                            code="no_database") from error


@contextmanager
def transaction(connection: sa.Connection, *, write: bool) -> Iterator[sa.Connection]:
    """Run the block in one transaction on `connection`; a `write` one holds the write lock."""
    connection.info[_WRITE] = write
    try:
        with connection.begin():
            yield connection
    finally:
        connection.info.pop(_WRITE, None)


def ensure_schema(connection: sa.Connection, location: Location, *, create: bool) -> None:
    """Bring the store's schema to this code's revision; refuse a store made by newer code."""
    with transaction(connection, write=False):
        current, has_tables = _revision(connection)
    if current == SCHEMA_REVISION:
        return
    if not create and not has_tables and location.is_postgresql:
        raise TianbiaoError(
            f"数据库 {location.name} 里还没有 tianbiao 的数据（地址是否写错？"
            "数据由 tianbiao ingest、campaign add 或 import 建立）", code="no_store")
    with transaction(connection, write=True):
        current, _ = _revision(connection)  # another process may have upgraded meanwhile
        if current != SCHEMA_REVISION:
            _upgrade(connection, location, current)


def _revision(connection: sa.Connection) -> tuple[str | None, bool]:
    """Return the store's migration revision (None before any) and whether it has tables."""
    inspector = sa.inspect(connection)
    if not inspector.has_table("alembic_version"):
        return None, inspector.has_table("submissions")
    found = connection.execute(sa.text("SELECT version_num FROM alembic_version")).first()
    return (None if found is None else str(found[0])), True


def _upgrade(connection: sa.Connection, location: Location, current: str | None) -> None:
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    if current is not None:
        try:
            ScriptDirectory.from_config(config).get_revision(current)
        except CommandError as error:
            raise TianbiaoError(
                f"{location.name} 由更新版本的 tianbiao 建立（数据版本 {current}），"
                "请先升级本机的 tianbiao 再打开", code="newer_store") from error
    command.upgrade(config, "head")


def _sqlite_connected(dbapi_connection: Any, _record: Any) -> None:
    # SQLAlchemy's own BEGIN (in _begun) rather than sqlite3's guesswork.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _begun(connection: sa.Connection) -> None:
    write = bool(connection.info.get(_WRITE))
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
    elif write:
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_WRITE_LOCK)))


def _first_line(error: object) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
