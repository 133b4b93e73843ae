"""The experts' assessment of each project: grades by year, what each means, what comes next.

For the 瑞安 “回头看” campaign the notice sets it all: four grades, the principal's score
+5 / +3 / 0 / −5, a 基本达标 project must reach 优秀 or 良好 the next year, a 不达标 one must
be rectified, and wasted money stops new equipment for two years. The definition's
``assessment`` block carries these rules; this module applies them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from forms.errors import TianbiaoError
from forms.model import FormSpec

_YES = {"是", "√", "✓", "有", "1", "true", "yes", "y"}


@dataclass(frozen=True)
class YearOutcome:
    """One project's assessment in one year and what follows from it."""

    year: int
    grade: str
    principal_score: float
    flags: tuple[str, ...]


def validate_grade(spec: FormSpec, key: str, grade: str) -> None:
    """Fail with a plain message unless `grade` is one of `spec`'s assessment grades."""
    if spec.assessment is None:
        raise TianbiaoError(f"《{spec.title}》没有专家评估等级")
    if not key:
        raise TianbiaoError("请给出名单编号（如 6-2），或用 --sheet 给出评估结果表")
    if spec.assessment.grade(grade) is None:
        known = "、".join(g.grade for g in spec.assessment.grades)
        raise TianbiaoError(f"编号 {key}：评估结果应为 {known} 之一，收到“{grade}”")


def grades_from_sheet(path: Path) -> list[tuple[str, str, bool]]:
    """Read (编号, 评估结果, 资金浪费) rows from an .xlsx/.csv filled by the office."""
    from rosters.roster import read_roster

    sheet = read_roster(path)
    entries = []
    for row in sheet.rows:
        key, grade = row.get("编号"), row.get("评估结果")
        if key is None or grade is None:
            raise TianbiaoError(f"{path.name}：评估结果表需要“编号”和“评估结果”两列")
        waste = str(row.get("资金浪费") or "").strip().lower() in _YES
        entries.append((str(key).strip(), str(grade).strip(), waste))
    return entries


def assess(spec: FormSpec, by_year: dict[int, tuple[str, bool]]) -> list[YearOutcome]:
    """Return each year's outcome for one project from its grades by year."""
    if spec.assessment is None:
        return []
    outcomes = []
    years = sorted(by_year)
    for year in years:
        grade, waste = by_year[year]
        rule = spec.assessment.grade(grade)
        flags: list[str] = []
        if rule is not None and rule.demand:
            flags.append(rule.demand)
        before = by_year.get(year - 1)
        if before is not None and before[0] == "基本达标" and grade not in ("优秀", "良好"):
            flags.append(f"{year - 1}年基本达标，{year}年仍未达到优秀或良好")
        if waste and spec.assessment.waste:
            flags.append(f"资金浪费：{spec.assessment.waste}（{year + 1}—{year + 2}年）")
        outcomes.append(YearOutcome(year, grade, rule.principal_score if rule else 0,
                                    tuple(flags)))
    return outcomes
