"""A city's store of 衡阳 applications from three counties, built once for these tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hengyang_applications import (
    APPLICANTS,
    APPLICATION,
    INCOMPLETE,
    fill_application,
    write_list,
)

from forms.registry import get_form
from generator.render import generate_copies
from records.ingest import ingest
from records.store import Store
from rosters.roster import read_roster_for


@dataclass(frozen=True)
class CityStore:
    """The store's file, the city's list, and the returns as the schools sent them."""

    db: Path
    roster_file: Path
    returned: Path


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> CityStore:
    """Return a store holding six complete applications and one without its contact."""
    base = tmp_path_factory.mktemp("city")
    everyone = [*APPLICANTS, INCOMPLETE]
    roster_file = write_list(base / "衡阳市申报名单.csv", everyone)
    spec = get_form(APPLICATION)
    roster = read_roster_for(roster_file, spec)
    copies = generate_copies(spec, roster, base / "copies")
    returned = base / "returned"
    for copy, applicant in zip(copies, everyone, strict=True):
        fill_application(copy.path, applicant, returned / copy.path.name,
                         contact=applicant is not INCOMPLETE)
    with Store(base / "tianbiao.db") as store:
        outcomes = ingest(store, [str(returned)], form_id=APPLICATION, roster=roster)
    assert sorted(o.status for o in outcomes) == ["incomplete"] + ["ok"] * 6
    return CityStore(base / "tianbiao.db", roster_file, returned)
