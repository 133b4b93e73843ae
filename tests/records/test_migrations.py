"""Versioned migrations: a store made before them is upgraded in place with nothing lost."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from cli import cli
from forms.errors import TianbiaoError
from records.batches import get_batch, run_batch
from records.campaigns import check_password, find_link, get_campaign, sent_names
from records.engine import MIGRATIONS
from records.handin import all_kept, original_content
from records.schema import SCHEMA_REVISION
from records.store import Store

LEGACY = Path(__file__).resolve().parent / "legacy" / "legacy-5abf4e7.db"
FORM = "ruian-2022-report"
OLD_TABLES = ("meta", "submissions", "grades", "campaigns", "links", "uploads", "office",
              "batches", "batch_files")


@pytest.fixture()
def legacy(tmp_path) -> Path:
    """Return a copy of the store tianbiao made at 5abf4e7 (tests/records/build_legacy_store.py)."""
    db = tmp_path / "tianbiao.db"
    shutil.copy(LEGACY, db)
    shutil.copytree(LEGACY.with_name(LEGACY.name + ".files"), tmp_path / "tianbiao.db.files")
    return db


def _rows(db: Path) -> dict[str, list[dict[str, object]]]:
    with sqlite3.connect(db) as connection:
        found = {}
        for name in OLD_TABLES:
            cursor = connection.execute(f"SELECT * FROM {name} ORDER BY 1, 2")
            columns = [column[0] for column in cursor.description]
            found[name] = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        return found


def _as_before(after: dict[str, list[dict[str, object]]],
               before: dict[str, list[dict[str, object]]]) -> dict[str, list[dict[str, object]]]:
    """Return `after` with the old columns only: later migrations may add columns."""
    return {name: [{k: v for k, v in row.items()
                    if not before[name] or k in before[name][0]} for row in rows]
            for name, rows in after.items()}


def test_the_newest_revision_is_the_last_migration_script():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_REVISION


def test_a_store_made_before_migrations_opens_upgraded_with_nothing_lost(legacy):
    before = _rows(legacy)
    facts = json.loads(LEGACY.with_suffix(".json").read_text(encoding="utf-8"))
    with Store(legacy, create=False) as store:
        with store.connected() as connection:
            revision = connection.execute(sa.text("SELECT version_num FROM alembic_version"))
            assert revision.scalar() == SCHEMA_REVISION
        versions = store.versions(FORM, "1-1")
        assert [v.version for v in versions] == [1, 2]
        assert [v.record.value("benefits") for v in versions] == [
            "全校 46 名教师每周使用平台布置作业。", "全校 52 名教师每周使用平台。"]
        assert store.grades(FORM) == {"1-1": {2022: ("优秀", True)}}
        campaign = get_campaign(store, 1)
        found = find_link(store, facts["token_1_1"])
        assert found is not None and found[1].key == "1-1"
        assert list(sent_names(store, campaign, "1-1").values()) == [
            "荆谷学校报告.docx", "荆谷学校报告（改）.docx"]
        assert check_password(store, "office-pass-2023")
        assert [f"{k.sha256}{k.suffix}" for k in all_kept(store)] == facts["kept"]
        kept = legacy.with_name("tianbiao.db.files") / facts["kept"][0][:2] / facts["kept"][0]
        assert original_content(store, versions[0]) == kept.read_bytes()
        assert [line.done for line in get_batch(store, campaign, 1).lines] == [False, True]
    # Every old row as it was; the store only gained tables and columns.
    assert _as_before(_rows(legacy), before) == before


def test_a_batch_left_waiting_in_an_old_store_goes_on_after_the_upgrade(legacy):
    with Store(legacy, create=False) as store:
        campaign = get_campaign(store, 1)
        run_batch(store, campaign, 1, workers=1)
        first, second = get_batch(store, campaign, 1).lines
        assert (first.outcome, first.key, first.version) == ("new", "2", 1)
        assert second.outcome == "not_taken"


def test_an_old_store_made_by_ingest_alone_gets_the_campaign_tables(legacy):
    with sqlite3.connect(legacy) as connection:
        for name in ("batch_files", "batches", "uploads", "links", "office", "campaigns"):
            connection.execute(f"DROP TABLE {name}")
    result = CliRunner().invoke(cli, ["campaign", "list", "--db", str(legacy)])
    assert result.exit_code == 0, result.output
    assert "还没有征集" in result.output
    history = CliRunner().invoke(cli, ["history", "1-1", "--db", str(legacy)])
    assert "第1版" in history.output and "第2版" in history.output


def test_a_store_of_a_newer_tianbiao_is_refused_in_words(legacy):
    Store(legacy).close()
    with sqlite3.connect(legacy) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    with pytest.raises(TianbiaoError, match=r"由更新版本的 tianbiao 建立.*请先升级本机的 tianbiao"):
        Store(legacy, create=False)


def test_a_mistyped_store_is_an_error_for_a_command_that_only_reads(tmp_path, postgres):
    result = CliRunner().invoke(cli, ["campaign", "list", "--db", str(tmp_path / "tianbia.db")])
    assert result.exit_code == 2 and "不存在" in result.output
    assert not (tmp_path / "tianbia.db").exists()
    empty = postgres.create_database("nothing_here")
    result = CliRunner().invoke(cli, ["campaign", "list", "--db", empty])
    assert result.exit_code == 1
    assert "里还没有 tianbiao 的数据（地址是否写错？" in result.output
    missing = postgres.url("no_such_database")
    result = CliRunner().invoke(cli, ["campaign", "list", "--db", missing])
    assert result.exit_code == 1 and "无法连接数据库" in result.output
