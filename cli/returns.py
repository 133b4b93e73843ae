"""Commands for what schools send back: read returned files, keep them in the store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

import click

from cli.common import (
    DB_OPTION,
    FORM,
    cli,
    exit_on_problems,
    form_and_roster,
    progress_bar,
    report_skipped,
    shown_db,
)


@cli.command("parse")
@click.argument("paths", nargs=-1, required=True, metavar="文件或文件夹…",
                type=click.Path(exists=True))
@click.option("--form", "form_id", metavar="表单", type=FORM,
              help="把每个文件都当作这张表读：表单 id 或定义文件路径（不给时逐个文件认定）")
@click.option("--format", "output_format", type=click.Choice(["jsonl", "table"]),
              default="jsonl", show_default=True, help="jsonl 给其他程序读，table 给人看")
@click.option("--out", "out_file", type=click.File("w", encoding="utf-8"), default="-",
              metavar="文件", help="结果写到这个文件，而不是屏幕")
@click.option("--roster", "roster_file", metavar="名单文件",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="把每个文件对应到名单的一行；结果带上该行的编号（key）")
def parse_command(paths: tuple[str, ...], form_id: str | None, output_format: str,
                  out_file: IO[str], roster_file: Path | None) -> None:
    """读取学校交回的文件，每个文件一条记录。"""
    from parsers.batch import parse_paths

    counts: dict[str, int] = {}
    skipped: list[tuple[str, str]] = []
    roster = spec = None
    if roster_file is not None:
        spec, roster = form_and_roster(form_id, roster_file)
    with progress_bar("读取") as progress:
        records = parse_paths(paths, form_id, on_progress=progress,
                              on_skipped=lambda f, why: skipped.append((f, why)))
        if roster is not None and spec is not None:
            from records.attribution import attribute

            records = attribute(records, spec, roster)
        for record in records:
            counts[record.status] = counts.get(record.status, 0) + 1
            if output_format == "jsonl":
                data = record.as_json()
                if roster is not None:
                    data["key"] = record.key
                out_file.write(json.dumps(data, ensure_ascii=False) + "\n")
            else:
                problems = "；".join(p.message for p in record.problems)
                key = f"{record.key or '（未对上）':<8} " if roster is not None else ""
                out_file.write(f"{record.status:<11} {key}{record.form or '-':<20} "
                               f"{record.file}{'  ' + problems if problems else ''}\n")
    summary = "，".join(f"{k} {v}" for k, v in sorted(counts.items()))
    click.echo(f"共读取 {sum(counts.values())} 个文件：{summary or '无'}", err=True)
    report_skipped(skipped)
    exit_on_problems(sum(n for status, n in counts.items() if status != "ok"))


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="文件或文件夹…",
                type=click.Path(exists=True))
@click.option("--form", "form_id", metavar="表单", type=FORM,
              help="把每个文件都当作这张表读：表单 id 或定义文件路径")
@click.option("--roster", "roster_file", metavar="名单文件",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="把每个文件对应到名单的一行，并核对预填的内容是否被改动")
@DB_OPTION
def ingest_command(paths: tuple[str, ...], form_id: str | None, roster_file: Path | None,
                   db: Path | str) -> None:
    """读取学校交回的文件并存入数据文件（全部存入，或出错时一个也不存）。"""
    from records.ingest import NotTaken, ingest
    from records.store import Store

    roster = None
    if roster_file is not None:
        spec, roster = form_and_roster(form_id, roster_file)
        # A form given as a path stays a path: each worker process reads the file itself.
        form_id = form_id or spec.id
    skipped: list[tuple[str, str]] = []
    with Store(db) as store, progress_bar("入库") as progress:
        outcomes = ingest(store, paths, form_id=form_id, roster=roster, on_progress=progress,
                          on_skipped=lambda f, why: skipped.append((f, why)))
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
               f"重复 {counts['unchanged']}，未收入 {counts['not_taken']}；已存入 {shown_db(db)}",
               err=True)
    report_skipped(skipped)
    exit_on_problems(sum(1 for o in outcomes if o.status != "ok"))
