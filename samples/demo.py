"""`make demo`: the 瑞安 “回头看” campaign from the bureau's list to the summary workbook.

Runs the real ``tianbiao`` commands one after another, printing each, and writes everything
under the output folder: the roster, 60 pre-filled reports, five of them filled in as the
schools would (then re-saved by LibreOffice when it is installed), their parsed records and
the summary workbook.
"""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from fill_as_school import fill_document  # noqa: E402

from parsers.office import (  # noqa: E402
    WORD_97,
    WRITER_PDF,
    convert_batch,
    find_soffice,
    resave_as_docx,
)

FORM = "ruian-2022-report"
LIST = HERE / "ruian-2022-list.xlsx"
ANSWERS = HERE / "ruian-2022-answers.yaml"


def tianbiao(*args: str, stdout: Path | None = None, problems_expected: bool = False) -> str:
    """Run one tianbiao command, echo it, and return what it printed.

    Exit code 1 says the data has problems (a school's return needs correcting); the demo
    has one such school, so `problems_expected` accepts it where it is shown.
    """
    command = [str(Path(sys.executable).with_name("tianbiao")), *args]
    shown = "tianbiao " + " ".join(shlex.quote(a) for a in args)
    print(f"\n$ {shown}" + (f" > {stdout}" if stdout else ""), flush=True)
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode not in ((0, 1) if problems_expected else (0,)):
        print(result.stdout, result.stderr, sep="\n")
        raise SystemExit(f"命令失败（退出码 {result.returncode}）：{shown}")
    if result.stderr:
        print(result.stderr.rstrip())
    if stdout is not None:
        stdout.write_text(result.stdout, encoding="utf-8")
    else:
        print(result.stdout.rstrip())
    return result.stdout


def main() -> None:
    """Run the demo campaign into the output folder."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("out"))
    out: Path = parser.parse_args().out
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    reports, typed, returned = out / "reports", out / "filled", out / "returned"

    roster_json = out / "roster.json"
    tianbiao("roster", str(LIST), "--format", "json", stdout=roster_json)
    roster = json.loads(roster_json.read_text(encoding="utf-8"))
    print(f"名单：{len(roster['rows'])} 行")

    tianbiao("generate", FORM, "--roster", str(LIST), "--out", str(reports))

    print("\n# 五所学校在 Word 里填写了各自的报告……")
    answers = yaml.safe_load(ANSWERS.read_text(encoding="utf-8"))
    position = {row["key"]: row["position"] for row in roster["rows"]}
    width = max(2, len(str(len(roster["rows"]))))
    for key, answer in answers.items():
        prefix = f"{str(position[key]).zfill(width)}_"
        source = next(p for p in sorted(reports.iterdir()) if p.name.startswith(prefix))
        fill_document(source, answer, typed / source.name)
        print(f"  {source.name}")
    if find_soffice():
        print("# ……用 LibreOffice 另存（如学校的办公软件所做）；一所学校交来 PDF，一所交来 .doc")
        typed_files = sorted(typed.iterdir())
        results = resave_as_docx(typed_files[:3], returned)
        results.update(convert_batch(typed_files[3:4], WRITER_PDF, returned))
        results.update(convert_batch(typed_files[4:], WORD_97, returned))
        failed = [str(s) for s, r in results.items() if not isinstance(r, Path)]
        if failed:
            raise SystemExit(f"LibreOffice 另存失败：{failed}")
    else:
        print("# （未安装 LibreOffice：直接使用 python-docx 保存的文件）")
        shutil.copytree(typed, returned)

    parsed = out / "parsed.jsonl"
    tianbiao("parse", str(returned), "--format", "jsonl", "--roster", str(LIST),
             "--out", str(parsed), problems_expected=True)
    for line in parsed.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        problems = "；".join(p["message"] for p in record["problems"])
        print(f"  {record['status']:<10} 编号 {record['key']:<5} {Path(record['file']).name}  "
              f"{problems}")

    db = out / "tianbiao.db"
    tianbiao("ingest", str(returned), "--form", FORM, "--roster", str(LIST), "--db", str(db),
             problems_expected=True)
    status = out / "status.xlsx"
    tianbiao("status", FORM, "--roster", str(LIST), "--db", str(db), "--today", "2023-03-12",
             "--out", str(status), stdout=out / "status.txt")
    counts = [line for line in (out / "status.txt").read_text(encoding="utf-8").splitlines()
              if line.startswith("已交")]
    print("\n".join(counts))
    letters = out / "feedback"
    tianbiao("feedback", FORM, "--db", str(db), "--out", str(letters), "--today", "2023-03-01")
    print("\n# 7月底，专家评估结果录入：")
    grades = HERE / "ruian-2022-grades.csv"
    tianbiao("grade", FORM, "--sheet", str(grades), "--year", "2023", "--db", str(db))

    summary = out / "summary.xlsx"
    tianbiao("summary", FORM, "--db", str(db), "--roster", str(LIST), "--out", str(summary))

    print("\n输出：")
    print(f"  名单（JSON）        {roster_json}")
    print(f"  预填的报告（{len(list(reports.iterdir()))} 份） {reports}/")
    print(f"  学校交回的报告      {returned}/（.docx、.pdf、.doc）")
    print(f"  解析结果（JSONL）   {parsed}")
    print(f"  数据文件（SQLite）  {db}")
    print(f"  报送情况表          {status}（全表见 {out / 'status.txt'}）")
    print(f"  退回意见            {letters}/")
    print(f"  汇总表              {summary}")


if __name__ == "__main__":
    main()
