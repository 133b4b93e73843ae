"""Commands for the office's side of a notice: the forms known, blank forms, lists, copies."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import click

from cli.common import (
    EXIT_ERROR,
    FORM,
    ROSTER_HELP,
    TianbiaoFailure,
    cli,
    progress_bar,
    roster_for_form,
)
from forms.errors import TianbiaoError
from forms.layout import build_blank_form
from forms.registry import all_forms, get_form


@cli.group("forms")
def forms_group() -> None:
    """列出已有的表单（内置的和本单位自己的），写出空白表，检查定义文件。"""


@forms_group.command("list")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]),
              default="table", show_default=True, help="table 给人看，json 给其他程序读")
def forms_list(output_format: str) -> None:
    """列出每张表单：编号（id）、附件号、标题、截止日期、来源（内置或本单位的定义文件）。

    本单位自己的表单：把定义文件（.yaml）放在一个文件夹里，用环境变量 TIANBIAO_FORMS
    指明这个文件夹（多个文件夹用系统的路径分隔符隔开）。
    """
    # own_file: the definition file of an office's own form (TIANBIAO_FORMS); null: built-in.
    forms = [{**f.summary(), "own_file": f.own_file} for f in all_forms()]
    if output_format == "json":
        click.echo(json.dumps(forms, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for header in ("id", "附件", "标题", "截止", "来源"):
        table.add_column(header, no_wrap=header not in ("标题", "来源"), overflow="fold")
    for form in forms:
        origin = f"本单位：{form['own_file']}" if form["own_file"] else "内置"
        table.add_row(form["id"], form["attachment"], form["title"], form["due"] or "", origin)
    Console(width=max(150, Console().width)).print(table)


@forms_group.command("check")
@click.argument("form_name", metavar="表单", type=FORM)
def forms_check(form_name: str) -> None:
    """检查表单定义文件（.yaml）：哪里有错、哪里含糊，逐条说明位置。"""
    from forms.lint import check_definition
    from forms.registry import definition_file, is_definition_path

    path = Path(form_name) if is_definition_path(form_name) else definition_file(
        get_form(form_name))
    result = check_definition(path)
    for finding in result.findings:
        click.echo(f"{'错误' if finding.error else '注意'}：{finding}")
    click.echo(result.summary(), err=not result.ok)
    if not result.ok:
        raise SystemExit(EXIT_ERROR)


@forms_group.command("template")
@click.argument("form_id", metavar="表单", type=FORM)
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False, path_type=Path),
              metavar="文件.docx", required=True, help="空白表写到这里")
def forms_template(form_id: str, out: Path) -> None:
    """把表单（id 或定义文件 .yaml 的路径）的空白官方表写成 .docx。"""
    spec = get_form(form_id)
    out.parent.mkdir(parents=True, exist_ok=True)
    build_blank_form(spec).save(str(out))
    click.echo(f"已写出空白表：{out}")


@cli.command("roster")
@click.argument("file", metavar="名单文件",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--form", "form_id", metavar="表单", type=FORM,
              help="这份名单是哪张名单表：id 或定义文件路径（不给时按表头认定）")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]),
              default="table", show_default=True, help="table 给人看，json 给其他程序读")
def roster_command(file: Path, form_id: str | None, output_format: str) -> None:
    """读取名单（.xlsx、.csv、.docx、.doc、.pdf 里的名单表），合并单元格拆开，每行一条。"""
    from rosters.roster import read_roster

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
    from rosters.totals import roster_totals

    console.print(roster_totals(roster))


@cli.command("generate")
@click.argument("form_id", metavar="表单", type=FORM)
@click.option("--roster", "roster_file", required=True, metavar="名单文件",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=ROSTER_HELP + "，每行生成一份")
@click.option("--out", "out_dir", required=True, metavar="文件夹",
              type=click.Path(file_okay=False, path_type=Path), help="预填表写到这个文件夹")
@click.option("--force", is_flag=True,
              help="文件夹里已有文件也照样写入（同名的旧文件改名保留，不会覆盖）")
def generate_command(form_id: str, roster_file: Path, out_dir: Path, force: bool) -> None:
    """按名单每行生成一份预填好的表单（表单：id 见 tianbiao forms list，或定义文件路径）。"""
    from generator.render import generate_copies

    spec = get_form(form_id)
    if spec.is_list:
        raise TianbiaoFailure(f"{spec.id} 是名单表，不需要逐份生成；请选择要学校填写的表")
    existing = _files_in(out_dir)
    if existing and not force:
        raise TianbiaoError(
            f"输出文件夹 {out_dir} 里已有 {len(existing)} 个文件（如 {existing[0].name}），"
            "可能有学校交回的表；为免覆盖，请换一个空文件夹，或加 --force（同名旧文件会改名保留）")
    roster = roster_for_form(spec, roster_file)
    kept = _keep_aside(existing) if existing else []
    with progress_bar("生成") as progress:
        copies = generate_copies(spec, roster, out_dir, on_progress=progress)
    click.echo(f"已生成 {len(copies)} 份《{spec.title}》：{out_dir}")
    if kept:
        click.echo(f"注意：{len(kept)} 个同名旧文件已改名保留（如 {kept[0].name}）", err=True)


def _files_in(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _keep_aside(existing: list[Path]) -> list[Path]:
    """Rename every file in `existing` that a new copy could overwrite: nothing is lost."""
    stamp = dt.datetime.now().strftime("%Y%m%d%H%M%S")
    kept = []
    for path in existing:
        if path.suffix.lower() not in {".docx", ".pdf"}:
            continue
        target = path.with_name(f"{path.stem}.旧{stamp}{path.suffix}")
        path.rename(target)
        kept.append(target)
    return kept
