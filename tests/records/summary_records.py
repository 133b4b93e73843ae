"""Records built by hand for the summary tests: what a parse would give, without the files."""

from __future__ import annotations

from typing import Any

from forms.model import FormSpec
from forms.problems import Problem
from parsers.record import FieldValue, Record

LONG_PLAN = ("1.完成教师研训共同体需求调研和总体方案设计，明确各校分工与时间节点。\n"
             "2.建设网络研修平台和录播教室1间，覆盖全部教研组，每周开展一次线上集体备课。\n"
             + "3.组织骨干教师开展首轮应用培训，形成可推广的课例与工作手册。" * 4)


def built_record(spec: FormSpec, key: str | None, values: dict[str, Any], *,
                 rows: dict[str, list[dict[str, Any]]] | None = None,
                 problems: list[Problem] | None = None, status: str = "ok") -> Record:
    """Return a record of `spec` holding `values` by field id (other blanks left empty)."""
    fields = [FieldValue(f.id, f.label, f.column, values.get(f.id), str(values.get(f.id) or ""))
              for f in spec.fields]
    return Record(file=f"/returns/{spec.id}/{key or 'x'}.docx", form=spec.id, status=status,
                  fields=fields, rows=rows or {}, problems=problems or [], key=key)


def taskbook_records(spec: FormSpec) -> list[Record]:
    """Return three 岳阳 task books: budgets in 万元, one signed, budget rows for 2021 only."""
    units = ["汨罗市正则学校", "岳阳市第十八中学", "临湘市第六完全小学"]
    records = []
    for n, unit in enumerate(units, start=1):
        values: dict[str, Any] = {
            "unit": unit, "project": f"智慧教育实践与探究{n}", "leader": "何发意",
            "phone": "07305221234", "plan_2021_content": LONG_PLAN,
            "plan_2021_results": "形成试点实施方案1份。", "plan_2022_content": "推广应用。",
            "total_2021": 50 if n == 1 else 46.5, "superior_2021": 20, "own_2021": 30,
            "total_2022": 28.25, "party_c_signer": None,
            "party_c_date": "2021-01-15" if n == 1 else None,
        }
        rows = {"经费预算明细（2021年）": [
            {"试点重点建设内容": "录播教室", "重点建设内容分解": "全自动录播系统1套",
             "起止时间": "2021-03/2021-07", "所需经费（万元）": 35},
        ]}
        records.append(built_record(spec, str(n), values, rows=rows))
    return records
