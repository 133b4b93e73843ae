"""Render a demo summary of every form schools fill to docs/summaries/ (``make summaries``).

Each form's returns are the filled corpora of the tests (tests/data/<form>/ and
tests/outside/<form>/); a form without one gets three copies of its blank form filled as
tests/filling.py fills them. Where the campaign's list is among the samples, the returns
are matched to it (the official list sheet, the order of rows) and, for 瑞安, the experts'
grades are added. LibreOffice prints each workbook to PDF; the first page of each kind of
sheet, a few per form, becomes docs/summaries/<form>-p<N>.png at low resolution in 64
colours, and docs/summaries/README.md lists them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import pdfplumber  # noqa: E402
from filling import fill_every_blank  # noqa: E402
from PIL import Image  # noqa: E402  (pdfplumber's own dependency)

from forms.model import FormSpec  # noqa: E402
from forms.registry import all_forms  # noqa: E402
from parsers.batch import parse_paths  # noqa: E402
from parsers.office import convert_batch  # noqa: E402
from parsers.record import Record  # noqa: E402
from records.attribution import attribute  # noqa: E402
from records.grading import grades_from_sheet  # noqa: E402
from records.summary import write_summary  # noqa: E402
from rosters.roster import Roster, read_roster  # noqa: E402

OUT = ROOT / "docs" / "summaries"
CALC_PDF = "pdf:calc_pdf_Export"
PAGES_PER_FORM = 4
RESOLUTION = "60"
LISTS = {"ruian-2022-report": ROOT / "samples" / "ruian-2022-list.xlsx",
         "yueyang-2020-taskbook": ROOT / "samples" / "yueyang-2020-list.xlsx"}
GRADES = {"ruian-2022-report": (ROOT / "samples" / "ruian-2022-grades.csv", 2023)}


def main() -> None:
    """Write the summaries' pages as PNGs and their README; print where each is."""
    if shutil.which("pdftoppm") is None:
        raise SystemExit("需要 pdftoppm（Debian 软件包 poppler-utils）")
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    entries = []
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        workbooks = {}
        for spec in all_forms():
            if spec.is_list:
                continue
            records, source = _returns(spec, scratch)
            roster = read_roster(LISTS[spec.id]) if spec.id in LISTS else None
            if roster is not None:
                records = list(attribute(records, spec, roster))
            out = scratch / f"{spec.id}.xlsx"
            result = write_summary(spec, records, out, roster=roster,
                                   grades=_grades(spec, roster))
            workbooks[out] = (spec, source, result.sheets, len(records))
        pdfs = convert_batch(list(workbooks), CALC_PDF, scratch / "pdf")
        for workbook, (spec, source, sheets, count) in workbooks.items():
            pdf = pdfs[workbook]
            if not isinstance(pdf, Path):
                raise SystemExit(f"{workbook.name}：{pdf}")
            pictures, total = _pictures(pdf, spec.id)
            entries.append((spec, source, sheets, count, pictures, total))
            for picture in pictures:
                print(OUT / picture)
    _write_readme(entries)


def _returns(spec: FormSpec, scratch: Path) -> tuple[list[Record], str]:
    """Return the form's filled returns, read back, and where they come from."""
    files = sorted(str(p) for folder in ("data", "outside")
                   for p in (ROOT / "tests" / folder / spec.id).glob("*.docx"))
    if files:
        return list(parse_paths(files, spec.id, workers=1)), " tests/data、tests/outside 的样例"
    folder = scratch / spec.id
    folder.mkdir()
    for number in range(1, 4):
        fill_every_blank(spec).document.save(str(folder / f"{spec.id}-{number}.docx"))
    return list(parse_paths([str(folder)], spec.id, workers=1)), " tests/filling.py 填好的 3 份"


def _grades(spec: FormSpec, roster: Roster | None) -> dict[str, dict[int, tuple[str, bool]]]:
    if spec.id not in GRADES or roster is None:
        return {}
    sheet, year = GRADES[spec.id]
    return {key: {year: (grade, waste)} for key, grade, waste in grades_from_sheet(sheet)}


def _pictures(pdf: Path, form_id: str) -> tuple[list[str], int]:
    """Render the first page of each printed sheet, main sheets first, a few at most."""
    with pdfplumber.open(pdf) as document:
        headers = [(page.extract_text() or "").split("\n")[0] for page in document.pages]
    firsts = [n for n, header in enumerate(headers, start=1)
              if n == 1 or header != headers[n - 2]]
    # A sheet cut into column groups, or one of a table repeated per year, is shown once.
    chosen: list[int] = []
    for page in firsts:
        seen = {_kind(headers[n - 1]) for n in chosen} | {headers[n - 1] for n in chosen}
        if _kind(headers[page - 1]) not in seen and len(chosen) < PAGES_PER_FORM:
            chosen.append(page)
    names = []
    for index, page in enumerate(chosen, start=1):
        target = OUT / f"{form_id}-p{index}"
        subprocess.run(["pdftoppm", "-png", "-r", RESOLUTION, "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), str(target)], check=True)
        picture = target.with_suffix(".png")
        # 64 colours keep the text and the fills, at a quarter of the size.
        with Image.open(picture) as image:
            small = image.convert("RGB").quantize(colors=64, dither=Image.Dither.NONE)
        small.save(picture, optimize=True)
        names.append(picture.name)
    return names, len(headers)


def _kind(header: str) -> str:
    """Return a page header without its last bracketed label: "汇总表（续1）" → "汇总表"."""
    return header.rsplit("（", 1)[0] if header.endswith("）") else header


def _write_readme(entries: list[tuple[FormSpec, str, list[str], int, list[str], int]]) -> None:
    lines = ["# 汇总表样张", "",
             "`make summaries` 用 `docs/render_summaries.py` 生成：每张学校填报的表，",
             "用测试里填好的样例（没有样例的表，用 tests/filling.py 填 3 份）写出汇总表，",
             "LibreOffice 打印成 PDF，每类工作表取第一页，存成低分辨率 PNG。", "",
             "打印的规矩（`records/print_layout.py`、`records/summary_table.py`）：A4，宽表横放；",
             "一页放不下的宽表按年份、指标分成几张表，每张都重复序号、清单编号和学校；",
             "各份都空着的栏目（没签的签字栏）不列，表下注明；没人填的明细表不单列，汇总表下注明；",
             "行高按折行后的行数算，一行放不下的长文字接到下一行；文件路径在打印区域之外；",
             "日期是真日期（年月日格式），元取整带千分位、万元两位小数，一栏一个格式；",
             "学校改了名单预填的值，两边的格子都标色加批注，表下写明两个值。", ""]
    for spec, source, sheets, count, pictures, total in entries:
        lines += [f"## {spec.title}（{spec.id}）", "",
                  f"{count} 份，来自{source}；打印共 {total} 页。工作表：{'、'.join(sheets)}。", ""]
        lines += [f"![{spec.id} 第 {n} 张]({name})" for n, name in enumerate(pictures, start=1)]
        lines.append("")
    (OUT / "README.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
