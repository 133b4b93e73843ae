"""What both engines must do alike: writers take turns, reads never wait, connections pooled."""

from __future__ import annotations

import threading

import sqlalchemy as sa

from parsers.record import Record
from records.engine import engine_for
from records.store import Store

FORM = "ruian-2022-report"


def test_many_writers_at_once_each_land_once_with_versions_in_order(store_db):
    Store(store_db).close()
    failures: list[BaseException] = []

    def hand_in(number: int) -> None:
        try:
            with Store(store_db) as store, store.transaction():
                for copy in range(3):
                    record = Record(f"{number}-{copy}.docx", FORM, "ok", key="1-1")
                    store.add(record, f"{number}-{copy}".encode(), school="荆谷学校")
        except BaseException as error:
            failures.append(error)

    workers = [threading.Thread(target=hand_in, args=(n,)) for n in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failures == []
    with Store(store_db) as store:
        versions = store.versions(FORM, "1-1")
    assert [v.version for v in versions] == list(range(1, 25))
    # Each writer's three files are consecutive versions: its transaction was one turn.
    by_writer = [v.file.split("-")[0] for v in versions]
    assert all(len(set(by_writer[i:i + 3])) == 1 for i in range(0, 24, 3))


def test_a_reader_does_not_wait_for_a_writer(store_db):
    with Store(store_db) as writer, Store(store_db) as reader:
        with writer.transaction():
            writer.add(Record("a.docx", FORM, "ok", key="1-1"), b"a")
            assert reader.versions(FORM, "1-1") == []  # not committed yet, and no wait
        assert [v.version for v in reader.versions(FORM, "1-1")] == [1]


def test_a_postgresql_store_reuses_its_pooled_connections(postgres):
    from records.engine import close_engines, locate

    db = postgres.create_database("pooled")
    try:
        for _ in range(20):  # as the web server opens one store per request
            with Store(db) as store:
                store.forms()
        engine = engine_for(locate(db).url.render_as_string(hide_password=False))
        assert engine.pool.checkedout() == 0 and engine.pool.checkedin() == 1
        with engine.connect() as connection:
            count = connection.execute(sa.text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"))
            assert count.scalar() == 1  # this one: every store before it used it in turn
    finally:
        close_engines()
