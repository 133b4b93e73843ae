"""Three counties' schools upload while the three counties review, at once, on PostgreSQL.

A real `tianbiao serve` on loopback over a fresh database of the session's PostgreSQL
server: 3 counties × 8 schools upload their 申请表 eight at a time while each county's
reviewers — two per county, each logged in with the county's password — save two opinions
each on every row of their county as the returns arrive (tests/many_offices.py): saves on a
row cross, and one refused with 409 is opened again and retried, never lost.
"""

from __future__ import annotations

from many_offices import CITY_PASSWORD, build_offices, check_store, run_load, summary


def test_many_offices_upload_and_review_at_once_on_postgresql(postgres, tmp_path):
    from browsing import serving

    from records.engine import close_engines

    db = postgres.create_database("many_offices")
    try:
        offices = build_offices(db, tmp_path, counties=3, schools=8)
        with serving(db, CITY_PASSWORD) as server:
            load = run_load(offices, server.base, uploaders=8, reviewers=2,
                            timeout=120)
        print(summary(load))
        assert check_store(offices, load) == []
        assert sorted(load.upload_status.values()) == [200] * 24
        assert sum(len(saved) for saved in load.saved.values()) == 24 * 2 * 2
    finally:
        close_engines()
