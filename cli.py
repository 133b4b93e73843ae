"""The ``tianbiao`` command: click commands over the library; the only place errors become
exit codes and printed messages."""

from __future__ import annotations

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
    for form in forms:
        due = f"  截止：{form['due']}" if form["due"] else ""
        click.echo(f"{form['id']:<24} {form['attachment']:<6} {form['title']}{due}")


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
    money = [c.header for c in roster.form.columns if c.total] if roster.form else []
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


@cli.command("summary")
@click.argument("form_id", metavar="FORM")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="the .xlsx to write")
def summary_command(form_id: str, paths: tuple[str, ...], out: Path) -> None:
    """Parse the returned files of FORM under PATHS and write the summary workbook."""
    from parsers.batch import parse_paths
    from records.summary import write_summary

    spec = get_form(form_id)
    with _progress("汇总") as progress:
        records = [r for r in parse_paths(paths, form_id, on_progress=progress)]
    result = write_summary(spec, records, out)
    for note in result.notes:
        click.echo(f"注意：{note}", err=True)
    click.echo(f"已写出汇总表（{result.rows} 份）：{out}")


def main() -> None:
    """Run the ``tianbiao`` command line."""
    cli(prog_name="tianbiao")


if __name__ == "__main__":
    main()
