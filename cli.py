"""The ``tianbiao`` command: click commands over the library; the only place errors become
exit codes and printed messages."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from forms.errors import TianbiaoError
from forms.layout import build_blank_form
from forms.registry import all_forms, get_form

EXIT_ERROR = 1


class TianbiaoFailure(click.ClickException):
    """A TianbiaoError shown to a person: the message in plain words, exit code 1."""

    exit_code = EXIT_ERROR

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"错误：{self.message}", err=True)


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TianbiaoError as error:
            raise TianbiaoFailure(str(error)) from error


@contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """Yield a progress callback drawing a bar on a terminal's stderr, or None when piped."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        f"[bold]{label}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True,
    ) as progress:
        task = progress.add_task(label, total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        yield advance


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tianbiao")
def cli() -> None:
    """填表 tianbiao: pre-fill official forms for every school, read them back, summarise."""


@cli.group("forms")
def forms_group() -> None:
    """List the forms tianbiao knows and write their blank templates."""


@forms_group.command("list")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]),
              default="table", show_default=True, help="table for people, json for tools")
def forms_list(output_format: str) -> None:
    """List every form definition: id, attachment, title, source notice."""
    forms = [f.summary() for f in all_forms()]
    if output_format == "json":
        click.echo(json.dumps(forms, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for header in ("id", "附件", "标题", "截止"):
        table.add_column(header, no_wrap=header != "标题", overflow="fold")
    for form in forms:
        table.add_row(form["id"], form["attachment"], form["title"], form["due"] or "")
    Console(width=max(150, Console().width)).print(table)


@forms_group.command("template")
@click.argument("form_id", metavar="ID")
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False, path_type=Path),
              required=True, help="where to write the blank .docx")
def forms_template(form_id: str, out: Path) -> None:
    """Write the blank official form ID as a .docx."""
    spec = get_form(form_id)
    out.parent.mkdir(parents=True, exist_ok=True)
    build_blank_form(spec).save(str(out))
    click.echo(f"已写出空白表：{out}")


@cli.command("roster")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--form", "form_id", help="the list form this file is (found from its header "
              "when omitted)")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]),
              default="table", show_default=True)
def roster_command(file: Path, form_id: str | None, output_format: str) -> None:
    """Read a list table (.xlsx, .csv, .docx) into roster rows, merged cells undone."""
    from generator.roster import read_roster

    roster = read_roster(file, get_form(form_id) if form_id else None)
    if output_format == "json":
        click.echo(json.dumps(roster.as_json(), ensure_ascii=False, indent=2))
    else:
        _print_roster(roster)
    for problem in roster.problems:
        click.echo(f"注意：{problem}", err=True)


def _print_roster(roster: Any) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=roster.title or None, show_lines=False)
    table.add_column("编号")
    for header in roster.headers:
        table.add_column(header)
    for row in roster.rows:
        table.add_row(row.key, *("" if v is None else str(v) for v in row.values.values()))
    console = Console(width=max(100, Console().width))
    console.print(table)
    from generator.roster import list_columns

    columns = list_columns(roster.form) if roster.form else ()
    money = [c.header for c in columns if c.total or c.kind == "money"]
    totals = "，".join(f"{h}合计 {roster.total(h):,.0f}" for h in money)
    console.print(f"共 {len(roster.rows)} 行" + (f"，{totals}" if totals else ""))


@cli.command("generate")
@click.argument("form_id", metavar="FORM")
@click.option("--roster", "roster_file", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="the list (.xlsx, .csv, .docx) with one row per copy")
@click.option("--out", "out_dir", required=True,
              type=click.Path(file_okay=False, path_type=Path), help="folder for the copies")
def generate_command(form_id: str, roster_file: Path, out_dir: Path) -> None:
    """Write one pre-filled copy of FORM per roster row into --out."""
    from generator.render import generate_copies
    from generator.roster import read_roster

    spec = get_form(form_id)
    if spec.is_list:
        raise TianbiaoFailure(f"{spec.id} 是名单表，不需要逐份生成；请选择要学校填写的表")
    roster = read_roster(roster_file, get_form(spec.roster) if spec.roster else None)
    with _progress("生成") as progress:
        copies = generate_copies(spec, roster, out_dir, on_progress=progress)
    click.echo(f"已生成 {len(copies)} 份《{spec.title}》：{out_dir}")


@cli.command("parse")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--form", "form_id", help="read every file as this form (found from each file "
              "when omitted)")
@click.option("--format", "output_format", type=click.Choice(["jsonl", "table"]),
              default="jsonl", show_default=True)
@click.option("--out", "out_file", type=click.File("w", encoding="utf-8"), default="-",
              help="write the records here instead of standard output")
@click.option("--roster", "roster_file",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="match each file's school/unit to this list; records then carry its key")
def parse_command(paths: tuple[str, ...], form_id: str | None, output_format: str,
                  out_file: IO[str], roster_file: Path | None) -> None:
    """Read returned files (.docx, .doc, .pdf; folders walked) into records, one per file."""
    from parsers.batch import parse_paths

    counts: dict[str, int] = {}
    with _progress("读取") as progress:
        records = parse_paths(paths, form_id, on_progress=progress)
        if roster_file is not None:
            records = _attributed(records, form_id, roster_file)
        for record in records:
            counts[record.status] = counts.get(record.status, 0) + 1
            if output_format == "jsonl":
                data = record.as_json()
                if roster_file is not None:
                    data["key"] = record.key
                out_file.write(json.dumps(data, ensure_ascii=False) + "\n")
            else:
                problems = "；".join(p.message for p in record.problems)
                out_file.write(f"{record.status:<11} {record.form or '-':<20} {record.file}"
                               f"{'  ' + problems if problems else ''}\n")
    summary = "，".join(f"{k} {v}" for k, v in sorted(counts.items()))
    click.echo(f"共读取 {sum(counts.values())} 个文件：{summary or '无'}", err=True)


def _attributed(records: Iterable[Any], form_id: str | None, roster_file: Path
                ) -> Iterator[Any]:
    """Yield `records` matched to the roster in `roster_file`, per form."""
    from generator.roster import read_roster
    from records.attribution import attribute

    roster = read_roster(roster_file)
    if roster.form is not None and not form_id:
        # A list roster pre-fills the forms that name it; match the records of those forms.
        users = [f for f in all_forms() if f.roster == roster.form.id]
        form_id = users[0].id if len(users) == 1 else None
    if form_id is None:
        raise TianbiaoError("使用 --roster 时请用 --form 指明要与名单对应的表单")
    yield from attribute(records, get_form(form_id), roster)


DB_OPTION = click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path),
                         default="tianbiao.db", show_default=True,
                         help="the SQLite file holding what was received")
TODAY_OPTION = click.option(
    "--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
    help="judge due dates as on this day (YYYY-MM-DD; default: today)")


def _today(value: Any) -> dt.date:
    return value.date() if value is not None else dt.date.today()


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--form", "form_id", help="read every file as this form")
@click.option("--roster", "roster_file",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="match each file's school/unit to this list (needs --form)")
@DB_OPTION
def ingest_command(paths: tuple[str, ...], form_id: str | None, roster_file: Path | None,
                   db: Path) -> None:
    """Parse returned files and keep them in the store (all of them, or none on failure)."""
    from generator.roster import read_roster
    from records.ingest import NotTaken, ingest
    from records.store import Store

    if roster_file is not None and not form_id:
        raise TianbiaoError("使用 --roster 时请用 --form 指明要与名单对应的表单")
    roster = read_roster(roster_file) if roster_file else None
    with Store(db) as store, _progress("入库") as progress:
        outcomes = ingest(store, paths, form_id=form_id, roster=roster, on_progress=progress)
    words = {"new": "新收", "version": "更正（新版本）", "unchanged": "重复，未改变",
             "not_taken": "未收入"}
    for outcome in outcomes:
        version = f"第{outcome.version}版" if outcome.outcome in ("new", "version") else ""
        click.echo(f"{words[outcome.outcome]:<10} {outcome.status:<11} {version:<5} "
                   f"{outcome.file}")
        if isinstance(outcome, NotTaken):
            click.echo(f"           {outcome.reason}")
    counts = {k: sum(1 for o in outcomes if o.outcome == k) for k in words}
    click.echo(f"共 {len(outcomes)} 个文件：新收 {counts['new']}，更正 {counts['version']}，"
               f"重复 {counts['unchanged']}，未收入 {counts['not_taken']}；已存入 {db}",
               err=True)


@cli.command("status")
@click.argument("form_id", metavar="FORM")
@click.option("--roster", "roster_file", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path))
@DB_OPTION
@TODAY_OPTION
@click.option("--year", type=int, help="campaign year for yearly due dates (default: this year)")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]),
              default="table", show_default=True)
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path),
              help="also write the status list as .xlsx")
def status_command(form_id: str, roster_file: Path, db: Path, today: Any, year: int | None,
                   output_format: str, out: Path | None) -> None:
    """Show for each roster row: returned, returned with problems, missing or overdue."""
    from generator.roster import read_roster
    from records.status import STATE_WORDS, roster_status, unattributed
    from records.store import Store

    spec = get_form(form_id)
    roster = read_roster(roster_file)
    with Store(db) as store:
        rows = roster_status(spec, roster, store, today=_today(today), year=year)
        strays = unattributed(spec, store)
    if out is not None:
        from records.status_sheet import write_status_sheet

        write_status_sheet(spec, rows, strays, out)
    if output_format == "json":
        click.echo(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"《{spec.title}》报送情况")
    for header in ("编号", "学校/单位", "项目", "状态", "问题数", "版本"):
        table.add_column(header)
    for row in rows:
        table.add_row(row.key, row.school, row.detail, STATE_WORDS[row.state],
                      str(row.problems or ""), str(row.version or ""))
    console = Console(width=max(100, Console().width))
    console.print(table)
    counts = {s: sum(1 for r in rows if r.state == s) for s in STATE_WORDS}
    console.print("，".join(f"{STATE_WORDS[s]} {n}" for s, n in counts.items()))
    for file, school in strays:
        console.print(f"注意：{file}（{school or '未写学校'}）与名单对不上，未计入")
    if out is not None:
        console.print(f"已写出报送情况表：{out}")


@cli.command("feedback")
@click.argument("form_id", metavar="FORM")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False,
              path_type=Path), help="folder for the letters")
@DB_OPTION
@TODAY_OPTION
@click.option("--year", type=int, help="campaign year for yearly due dates")
def feedback_command(form_id: str, out_dir: Path, db: Path, today: Any,
                     year: int | None) -> None:
    """Write a 退回意见 letter (.docx) for each school whose latest return has problems."""
    from records.feedback import write_feedback
    from records.store import Store

    spec = get_form(form_id)
    with Store(db) as store:
        written = write_feedback(spec, store.latest(form_id), out_dir, today=_today(today),
                                 year=year)
    click.echo(f"已写出 {len(written)} 份退回意见：{out_dir}")


@cli.command("history")
@click.argument("school")
@click.option("--form", "form_id", help="only this form")
@DB_OPTION
def history_command(school: str, form_id: str | None, db: Path) -> None:
    """List every version SCHOOL (a name or roster key) sent, and what each changed."""
    from records.store import Store, changed_fields

    with Store(db) as store:
        versions = store.history(school, form_id)
    if not versions:
        raise TianbiaoError(f"数据文件 {db} 里没有“{school}”的报送记录")
    previous = None
    for item in versions:
        click.echo(f"{item.form}  {item.school or ''}  第{item.version}版  {item.received}  "
                   f"{item.status}  {item.file}")
        if previous is not None and previous.slot == item.slot:
            for label, old, new in changed_fields(previous.record, item.record):
                click.echo(f"    {label}：{_shown(old)} → {_shown(new)}")
        previous = item


def _shown(value: Any) -> str:
    return "（空）" if value is None else str(value).replace("\n", " ")


@cli.command("grade")
@click.argument("form_id", metavar="FORM")
@click.argument("key", required=False)
@click.argument("grade", required=False)
@click.option("--year", type=int, required=True, help="the year the experts assessed")
@click.option("--waste", is_flag=True, help="the experts found money wasted (资金浪费)")
@click.option("--sheet", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="an .xlsx/.csv with columns 编号 and 评估结果 (and 资金浪费) instead")
@DB_OPTION
def grade_command(form_id: str, key: str | None, grade: str | None, year: int, waste: bool,
                  sheet: Path | None, db: Path) -> None:
    """Enter the experts' grade (优秀/良好/基本达标/不达标) for roster row KEY."""
    from records.grading import grades_from_sheet, validate_grade
    from records.store import Store

    spec = get_form(form_id)
    entries = grades_from_sheet(sheet) if sheet else [(key or "", grade or "", waste)]
    with Store(db) as store, store.transaction():
        for entry_key, entry_grade, entry_waste in entries:
            validate_grade(spec, entry_key, entry_grade)
            store.set_grade(form_id, entry_key, year, entry_grade, waste=entry_waste)
    click.echo(f"已记录 {len(entries)} 个评估结果（{year}年）")


@cli.command("summary")
@click.argument("form_id", metavar="FORM")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="the .xlsx to write")
@click.option("--db", "db", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="summarise what the store holds (the latest version of each return)")
@click.option("--roster", "roster_file",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="the list, for the official list layout and the order of rows")
def summary_command(form_id: str, paths: tuple[str, ...], out: Path, db: Path | None,
                    roster_file: Path | None) -> None:
    """Write the summary workbook of FORM from the store (--db) or from files (PATHS)."""
    from records.summary import write_summary

    spec = get_form(form_id)
    if bool(paths) == bool(db):
        raise TianbiaoError("请给出要汇总的文件（PATH…），或用 --db 指定数据文件，二者选一")
    roster = None
    if roster_file is not None:
        from generator.roster import read_roster

        roster = read_roster(roster_file)
    if db is not None:
        from records.store import Store

        with Store(db) as store:
            # Streamed from the store sheet by sheet: a province's returns are never all held.
            result = write_summary(spec, store.latest_records(form_id), out, roster=roster,
                                   grades=store.grades(form_id))
    else:
        from parsers.batch import parse_paths

        with _progress("汇总") as progress:
            records = list(parse_paths(paths, form_id, on_progress=progress))
        result = write_summary(spec, records, out, roster=roster)
    for note in result.notes:
        click.echo(f"注意：{note}", err=True)
    click.echo(f"已写出汇总表（{result.rows} 份）：{out}")


def main() -> None:
    """Run the ``tianbiao`` command line."""
    cli(prog_name="tianbiao")


if __name__ == "__main__":
    main()
