"""Where a test's store goes: a SQLite file in its folder, or a fresh PostgreSQL database."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest


def new_store_location(kind: str, folder: Path, request: pytest.FixtureRequest,
                       name: str = "campaign.db") -> str | Path:
    """Return where a new, empty store of `kind` ("sqlite" or "postgresql") goes."""
    if kind == "sqlite":
        return folder / name
    cluster = request.getfixturevalue("postgres")
    url = cluster.create_database(f"store_{uuid.uuid4().hex[:12]}")

    def close() -> None:
        from records.engine import close_engines

        close_engines()  # the pool's connections to this test's database

    request.addfinalizer(close)
    return url
