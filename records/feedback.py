"""退回意见: one short Word letter per school whose return has problems, ready to send."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from forms.layout import BODY_STYLE, TITLE_STYLE, add_text
from forms.model import FormSpec
from records.store import StoredSubmission
from rosters.naming import file_name, path_inside


def write_feedback(spec: FormSpec, submissions: list[StoredSubmission], out_dir: Path, *,
                   today: dt.date, year: int | None = None, due: dt.date | None = None,
                   sent_names: Mapping[str, str] | None = None) -> list[Path]:
    """Write a 退回意见 letter for each of `submissions` that has problems; return the files.

    `due` (a campaign's own due date) replaces the form's; `sent_names` ({sha256: name})
    gives the name a file was sent under when the store keeps it under its hash.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    if due is None and spec.due:
        due = spec.due.on(year or today.year)
    names = sent_names or {}
    written: list[Path] = []
    with_problems = [s for s in submissions if s.status != "ok"]
    width = max(2, len(str(len(with_problems))))
    for number, submission in enumerate(with_problems, start=1):
        school = submission.school or Path(submission.file).stem
        name = file_name(number, width, [submission.roster_key or "", school, "退回意见"], ".docx")
        target = path_inside(out_dir, name)
        sent = names.get(submission.sha256) or Path(submission.file).name
        _letter(spec, submission, school, sent, due, today).save(str(target))
        written.append(target)
    return written


def _letter(spec: FormSpec, submission: StoredSubmission, school: str, sent: str,
            due: dt.date | None, today: dt.date) -> DocxDocument:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.8)

    def line(text: str, *, align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.LEFT,
             indent: bool = False) -> None:
        paragraph = document.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_after = Pt(6)
        if indent:
            paragraph.paragraph_format.first_line_indent = Pt(28)
        add_text(paragraph, text, BODY_STYLE)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_text(title, "退回意见", TITLE_STYLE)
    line(f"{school}：")
    line(f"你单位报送的《{spec.title}》（文件“{sent}”，"
         f"第 {submission.version} 次报送）经审核，存在以下问题，请修改：", indent=True)
    problems = [p for p in submission.record.problems if not p.is_notice]
    for number, problem in enumerate(problems, start=1):
        line(f"{number}. {problem.message}", indent=True)
    notes = [p for p in submission.record.problems if p.is_notice]
    if notes:
        line("另请注意：", indent=True)
        for problem in notes:
            line(f"· {problem.message}", indent=True)
    if due is not None and today <= due:
        line(f"请在原表上修改后，于{due.year}年{due.month}月{due.day}日前重新报送。", indent=True)
    else:
        line("报送截止日期已过，请尽快在原表上修改后重新报送。", indent=True)
    if spec.contact:
        line(f"报送及联系：{spec.contact}", indent=True)
    line(spec.issuer or "", align=WD_ALIGN_PARAGRAPH.RIGHT)
    line(f"{today.year}年{today.month}月{today.day}日", align=WD_ALIGN_PARAGRAPH.RIGHT)
    return document
