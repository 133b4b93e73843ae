"""A city and three counties on one store, running the 衡阳 application campaign.

The list is samples/hengyang-2018-applicants.csv's first six rows plus a 县市区 column
naming each row's county office (two rows each). The city's password, each county's own,
the campaign with its county column, and the schools' filled 申请表 (filled as a school does
in Word: tests/compile/hengyang_applications.py) are made here.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "compile"))

from hengyang_applications import Applicant, fill_application  # noqa: E402

APPLICATION = "hengyang-2018-application"
SUMMARY = "hengyang-2018-summary"
CITY = "衡阳市教育局"
COUNTIES = ["衡阳县", "衡南县", "耒阳市"]
# Row by row of the sample list: which county office the row belongs to.
COUNTY_OF_ROW = ["衡阳县", "衡南县", "衡阳县", "衡南县", "耒阳市", "耒阳市"]
CITY_PASSWORD = "city-pass-2018"


def county_password(county: str) -> str:
    """Return the test password of `county`'s office."""
    return f"{county}-pass-2018"


@dataclass(frozen=True)
class LevelsCity:
    """The store, the list, the campaign, the applicants by roster key, their filled returns."""

    db: Path | str
    roster_file: Path
    campaign: int
    applicants: dict[str, Applicant]
    returns: dict[str, Path]

    def keys_of(self, county: str) -> list[str]:
        """Return the roster keys of `county`'s rows, in list order."""
        return [key for key, a in self.applicants.items() if a.county == county]


def write_county_list(target: Path) -> Path:
    """Write the sample list's first six rows with a 县市区 column at `target`."""
    with (ROOT / "samples" / "hengyang-2018-applicants.csv").open(encoding="utf-8") as source:
        rows = list(csv.reader(source))
    with target.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([*rows[0], "县市区"])
        for row, county in zip(rows[1:7], COUNTY_OF_ROW, strict=True):
            writer.writerow([*row, county])
    return target


def build_levels_city(db: Path | str, folder: Path) -> LevelsCity:
    """Make in `db` the offices, their passwords and the campaign; fill each row's 申请表."""
    from forms.registry import get_form
    from generator.render import generate_copies
    from records.campaigns import add_campaign
    from records.offices import add_office, set_office_password
    from records.store import Store
    from rosters.roster import read_roster_for

    spec = get_form(APPLICATION)
    roster_file = write_county_list(folder / "衡阳市申报名单.csv")
    roster = read_roster_for(roster_file, spec)
    with Store(db) as store:
        add_office(store, CITY, "city")
        set_office_password(store, None, CITY_PASSWORD)
        for county in COUNTIES:
            add_office(store, county, "county")
            set_office_password(store, county, county_password(county))
        campaign = add_campaign(store, APPLICATION, roster, county_column="县市区")
    numbered = {option[1:]: option for option in spec.field("category").options}
    applicants, returns = {}, {}
    for copy, row in zip(generate_copies(spec, roster, folder / "copies"), roster.rows,
                         strict=True):
        applicant = Applicant(str(row.get("申报单位")), str(row.get("申报项目名称")),
                              numbered[str(row.get("申报类别"))], str(row.get("负责人")),
                              str(row.get("手机号码")), str(row.get("县市区")))
        applicants[row.key] = applicant
        returns[row.key] = folder / "returned" / copy.path.name
        fill_application(copy.path, applicant, returns[row.key])
    return LevelsCity(db, roster_file, campaign.id, applicants, returns)
