"""衡阳 applications as a city's store holds them: pre-filled from a list, filled, ingested.

`build_city` builds that store (each test module once, in a fixture).

The city's list is the notice's 汇总表 columns plus the county each applicant belongs to
(县市区). Each applicant's pre-filled 申请表 (as `tianbiao generate` writes it) is filled the
way a school fills it in Word — the category ticked, the contact, the plan, the unit's
opinion — with python-docx, and the returns are ingested against the list.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.table import _Cell

from forms.registry import get_form
from generator.render import generate_copies
from records.ingest import ingest
from records.store import Store
from rosters.roster import read_roster_for

APPLICATION = "hengyang-2018-application"
SUMMARY = "hengyang-2018-summary"
HEADERS = ["序号", "申报单位", "申报项目名称", "申报类别", "负责人", "手机号码", "县市区"]


@dataclass(frozen=True)
class Applicant:
    """One row of the city's list, and the category its school ticks."""

    unit: str
    project: str
    category: str  # as printed, with its number: "②区域智慧教育"
    leader: str
    phone: str
    county: str

    @property
    def category_words(self) -> str:
        """Return the category as a record keeps it: without its number."""
        return self.category[1:]


# In list order; 衡南县's three are not listed together, so order is the list's, not grouped.
APPLICANTS = [
    Applicant("衡南县云集镇中心学校", "云集镇中心学校网络联校“同步课堂”", "①网络联校创新应用",
              "李建国", "13907340102", "衡南县"),
    Applicant("衡阳县教育局", "衡阳县区域智慧教育云平台建设与应用", "②区域智慧教育",
              "谭志刚", "13907340101", "衡阳县"),
    Applicant("衡南县第一中学", "衡南一中校园网络安全防护体系建设", "③教育网络安全",
              "罗文斌", "13907340104", "衡南县"),
    Applicant("耒阳市实验中学", "耒阳市实验中学人工数字智能教室应用", "④人工数字智能教室",
              "资建明", "13907340106", "耒阳市"),
    Applicant("衡南县教育局", "衡南县区域智慧教育“一张网”建设", "②区域智慧教育",
              "周海波", "13907340107", "衡南县"),
    Applicant("衡阳县演陂镇中心学校", "演陂镇中心学校网络联校教学点帮扶", "①网络联校创新应用",
              "陈小红", "13907340105", "衡阳县"),
]

# A seventh applicant hands in its 申请表 without a contact: incomplete, left out by default.
INCOMPLETE = Applicant("衡南县三塘镇中心学校", "三塘镇中心学校人工数字智能教室",
                       "④人工数字智能教室", "贺伟", "13907340109", "衡南县")


def write_list(path: Path, applicants: list[Applicant]) -> Path:
    """Write the city's list of `applicants` as a .csv at `path`."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        for number, a in enumerate(applicants, start=1):
            writer.writerow([number, a.unit, a.project, a.category[1:], a.leader, a.phone,
                             a.county])
    return path


def fill_application(copy: Path, applicant: Applicant, target: Path, *,
                     contact: bool = True, names: bool = False) -> None:
    """Fill the pre-filled copy at `copy` as `applicant`'s school does; save it as `target`.

    With `names`, the copy is the blank attachment: the school writes its name, project,
    leader and phone too.
    """
    document = Document(str(copy))
    (table,) = document.tables
    cells = {_first(row.cells): _distinct(row.cells) for row in table.rows}
    if names:
        _write(cells["申报单位："][1], applicant.unit)
        _write(cells["项目名称："][1], applicant.project)
        _write(cells["负责人"][1], applicant.leader)
        _write(cells["负责人"][3], applicant.phone)
    category = cells["申报类别："][1]
    number = applicant.category[0]
    _write(category, category.paragraphs[0].text.replace(f"□{number}", f"☑{number}"))
    if contact:
        _, name, _, phone = cells["联系人"]
        _write(name, "王芳")
        _write(phone, "0734-8523106")
    plan = _labelled(table, "试点实施方案要点（可另附页）：")
    plan.paragraphs[1].add_run("以中心学校为主讲课堂，带动教学点开齐开足课程。")
    opinion = _labelled(table, "单位意见：")
    opinion.paragraphs[1].add_run("同意申报。")
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))


@dataclass(frozen=True)
class CityStore:
    """The store's file, the city's list, and the returns as the schools sent them."""

    db: Path
    roster_file: Path
    returned: Path


def build_city(base: Path) -> CityStore:
    """Build in `base` a city's store of six complete applications and one without a contact."""
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


def _first(cells: list[_Cell]) -> str:
    return cells[0].text.strip()


def _distinct(cells: list[_Cell]) -> list[_Cell]:
    found: list[_Cell] = []
    for cell in cells:
        if not found or found[-1]._tc is not cell._tc:
            found.append(cell)
    return found


def _labelled(table: object, label: str) -> _Cell:
    for row in table.rows:  # type: ignore[attr-defined]
        for cell in row.cells:
            if cell.paragraphs[0].text.strip() == label:
                return cell
    raise AssertionError(f"no cell labelled {label}")


def _write(cell: _Cell, text: str) -> None:
    paragraph = cell.paragraphs[0]
    for run in paragraph.runs[1:]:
        run.text = ""
    if paragraph.runs:
        paragraph.runs[0].text = text
    else:
        paragraph.add_run(text)
