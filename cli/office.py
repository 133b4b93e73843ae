"""Commands for what the office keeps: status, feedback letters, history, grades, summaries."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from cli.common import (
    FORM,
    ROSTER_HELP,
    STORE_OPTION,
    TODAY_OPTION,
    StoreLocation,
    cli,
    form_id_of,
    judged_day,
    progress_bar,
    roster_for_form,
    shown_db,
)
from forms.errors import TianbiaoError
from forms.registry import get_form


@cli.command("status")
@click.argument("form_id", metavar="表单", type=FORM)
@click.option("--roster", "roster_file", required=True, metavar="名单文件",
              type=click.Path(exists=True, dir_okay=False, path_type=Path), help=ROSTER_HELP)
@STORE_OPTION
@TODAY_OPTION
@click.option("--year", type=int, metavar="年份",
              help="每年都要交的表：按哪一年的截止日期判断（默认今年）")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]),
              default="table", show_default=True, help="table 给人看，json 给其他程序读")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path),
              metavar="文件.xlsx", help="同时写出报送情况表（.xlsx）")
def status_command(form_id: str, roster_file: Path, db: Path | str, today: Any, year: int | None,
                   output_format: str, out: Path | None) -> None:
    """名单上每一行的报送情况：已交合格、已交有问题、未交、逾期未交。"""
    from records.status import STATE_WORDS, roster_status, unattributed
    from records.store import Store

    spec = get_form(form_id)
    roster = roster_for_form(spec, roster_file)
    with Store(db, create=False) as store:
        rows = roster_status(spec, roster, store, today=judged_day(today), year=year)
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
@click.argument("form_id", metavar="表单", type=FORM)
@click.option("--out", "out_dir", required=True, metavar="文件夹",
              type=click.Path(file_okay=False, path_type=Path), help="退回意见写到这个文件夹")
@STORE_OPTION
@TODAY_OPTION
@click.option("--year", type=int, metavar="年份", help="每年都要交的表：按哪一年的截止日期")
def feedback_command(form_id: str, out_dir: Path, db: Path | str, today: Any,
                     year: int | None) -> None:
    """为最新一版有问题的学校各写一份退回意见（.docx）。"""
    from records.feedback import write_feedback
    from records.store import Store

    spec = get_form(form_id)
    with Store(db, create=False) as store:
        written = write_feedback(spec, store.latest(spec.id), out_dir, today=judged_day(today),
                                 year=year)
    click.echo(f"已写出 {len(written)} 份退回意见：{out_dir}")


@cli.command("history")
@click.argument("school", metavar="学校")
@click.option("--form", "form_id", metavar="表单", type=FORM,
              help="只看这张表（表单 id 或定义文件路径）")
@STORE_OPTION
def history_command(school: str, form_id: str | None, db: Path | str) -> None:
    """列出某校（校名或名单编号）交过的每一版，以及每版改了什么。"""
    from records.store import Store, changed_fields

    with Store(db, create=False) as store:
        versions = store.history(school, form_id_of(form_id))
    if not versions:
        raise TianbiaoError(f"数据文件 {shown_db(db)} 里没有“{school}”的报送记录")
    previous = None
    for item in versions:
        click.echo(f"{item.form}  {item.school or ''}  第{item.version}版  {item.received}  "
                   f"{item.status}  {item.file}")
        if previous is not None and previous.slot == item.slot:
            for label, old, new in changed_fields(previous.record, item.record):
                click.echo(f"    {label}：{_shown(old)} → {_shown(new)}")
        previous = item


def _unknown_key(key: str, known: set[str], where: str) -> str:
    """Say that `key` is not among `known` (from `where`), naming the nearest keys."""
    import difflib

    near = difflib.get_close_matches(key, sorted(known), n=3, cutoff=0.5)
    hint = f"是不是：{'、'.join(near)}？" if near else "请核对编号（tianbiao status 可查看）"
    return f"编号“{key}”不在{where} 里；{hint}"


def _shown(value: Any) -> str:
    return "（空）" if value is None else str(value).replace("\n", " ")


@cli.command("grade")
@click.argument("form_id", metavar="表单", type=FORM)
@click.argument("key", required=False, metavar="[编号]")
@click.argument("grade", required=False, metavar="[等级]")
@click.option("--year", type=int, required=True, metavar="年份", help="专家评估的年份")
@click.option("--waste", is_flag=True, help="专家认定存在资金浪费")
@click.option("--sheet", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              metavar="文件",
              help="改用一张 .xlsx/.csv 评估结果表（列：编号、评估结果，可加资金浪费）")
@click.option("--roster", "roster_file", metavar="名单文件",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="编号须在这份名单上（不给时，编号须是已收到的报告）")
@STORE_OPTION
def grade_command(form_id: str, key: str | None, grade: str | None, year: int, waste: bool,
                  sheet: Path | None, roster_file: Path | None, db: Path | str) -> None:
    """登记专家评估等级（优秀/良好/基本达标/不达标），编号是名单上的编号。"""
    from records.grading import grades_from_sheet, validate_grade
    from records.store import Store

    spec = get_form(form_id)
    entries = grades_from_sheet(sheet) if sheet else [(key or "", grade or "", waste)]
    with Store(db, create=False) as store:
        if roster_file is not None:
            known = {row.key for row in roster_for_form(spec, roster_file).rows}
            where = f"名单 {roster_file.name}"
        else:
            known = {s.roster_key for s in store.latest(spec.id) if s.roster_key}
            where = f"数据文件 {shown_db(db)} 已收到的报告"
        with store.transaction():
            for entry_key, entry_grade, entry_waste in entries:
                validate_grade(spec, entry_key, entry_grade)
                if entry_key not in known:
                    raise TianbiaoError(_unknown_key(entry_key, known, where))
                store.set_grade(spec.id, entry_key, year, entry_grade, waste=entry_waste)
    click.echo(f"已记录 {len(entries)} 个评估结果（{year}年）")


@cli.command("summary")
@click.argument("form_id", metavar="表单", type=FORM)
@click.argument("paths", nargs=-1, type=click.Path(exists=True), metavar="[文件或文件夹…]")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              metavar="文件.xlsx", help="汇总表写到这里")
@click.option("--db", "db", type=StoreLocation(exists=True, dir_okay=False, path_type=Path),
              metavar="数据文件", help="汇总数据文件（或 PostgreSQL 数据库）里每份报送的最新一版")
@click.option("--roster", "roster_file", metavar="名单文件",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="名单：按官方名单的版式和顺序排列")
def summary_command(form_id: str, paths: tuple[str, ...], out: Path, db: Path | str | None,
                    roster_file: Path | None) -> None:
    """写出表单的汇总表（.xlsx）：来自数据文件（--db），或直接来自文件。"""
    from records.summary import write_summary

    spec = get_form(form_id)
    if bool(paths) == bool(db):
        raise TianbiaoError("请给出要汇总的文件（文件或文件夹…），或用 --db 指定数据文件，二者选一")
    roster = roster_for_form(spec, roster_file) if roster_file is not None else None
    if db is not None:
        from records.store import Store

        with Store(db, create=False) as store:
            if not store.latest(spec.id):
                raise TianbiaoError(
                    f"数据文件 {shown_db(db)} 里还没有《{spec.title}》的任何报送，"
                    "汇总表无内容可写；"
                    "请先用 tianbiao ingest 收入学校交回的文件")
            # Streamed from the store sheet by sheet: a province's returns are never all held.
            result = write_summary(spec, store.latest_records(spec.id), out, roster=roster,
                                   grades=store.grades(spec.id))
    else:
        from parsers.batch import parse_paths

        with progress_bar("汇总") as progress:
            records = list(parse_paths(paths, form_id, on_progress=progress))
        result = write_summary(spec, records, out, roster=roster)
    for note in result.notes:
        click.echo(f"注意：{note}", err=True)
    click.echo(f"已写出汇总表（{result.rows} 份）：{out}")
