"""The ``tianbiao`` command: click commands over the library; the only place errors become
exit codes and printed messages.

Exit codes: 0 done; 1 the data has problems (a file unreadable, a required blank empty, a
roster that does not fit); 2 wrong usage (click's usage errors). Every word printed is
Chinese, click's own included (cli/wording.py).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from cli.wording import speak_chinese_in_click
from forms.errors import TianbiaoError
from forms.layout import build_blank_form
from forms.registry import all_forms, get_form

EXIT_DONE = 0
EXIT_ERROR = 1  # the data has problems
EXIT_USAGE = 2  # click's own exit code for usage errors

speak_chinese_in_click()


class TianbiaoFailure(click.ClickException):
    """A TianbiaoError shown to a person: the message in plain words, exit code 1."""

    exit_code = EXIT_ERROR

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"错误：{self.message}", err=True)


_EXIT_CODES = """\b
退出码：0 完成；1 数据有问题（文件无法读取、必填项空缺、名单不符等）；2 命令用法有误。"""


class _Command(click.Command):
    """A command whose usage line is in Chinese too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        kwargs.setdefault("epilog", _EXIT_CODES)
        super().__init__(*args, **kwargs)


class _Group(click.Group):
    """The command groups: Chinese usage lines; our errors become exit code 1."""

    command_class = _Command
    group_class = type

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        kwargs.setdefault("epilog", _EXIT_CODES)
        kwargs.setdefault("subcommand_metavar", "子命令 [参数]...")
        super().__init__(*args, **kwargs)

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
    """填表 tianbiao：按名单为每所学校生成预填的官方表格，读回学校交来的文件，出汇总表。"""


@cli.group("forms")
def forms_group() -> None:
    """列出已有的表单，写出空白表。"""


@forms_group.command("list")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]),
              default="table", show_default=True, help="table 给人看，json 给其他程序读")
def forms_list(output_format: str) -> None:
    """列出每张表单：编号（id）、附件号、标题、截止日期。"""
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
              metavar="文件.docx", required=True, help="空白表写到这里")
def forms_template(form_id: str, out: Path) -> None:
    """把表单 ID 的空白官方表写成 .docx。"""
    spec = get_form(form_id)
    out.parent.mkdir(parents=True, exist_ok=True)
    build_blank_form(spec).save(str(out))
    click.echo(f"已写出空白表：{out}")


@cli.command("roster")
@click.argument("file", metavar="名单文件",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--form", "form_id", metavar="ID",
              help="这份名单是哪张名单表（不给时按表头认定）")
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
    from rosters.roster import list_columns

    columns = list_columns(roster.form) if roster.form else ()
    summed = [c.header for c in columns if c.total or c.value_kind.sums]
    totals = "，".join(f"{h}合计 {roster.total(h):,.0f}" for h in summed)
    console.print(f"共 {len(roster.rows)} 行" + (f"，{totals}" if totals else ""))


ROSTER_HELP = "名单文件（.xlsx、.csv、.docx、.doc、.pdf）"


@cli.command("generate")
@click.argument("form_id", metavar="表单")
@click.option("--roster", "roster_file", required=True, metavar="名单文件",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=ROSTER_HELP + "，每行生成一份")
@click.option("--out", "out_dir", required=True, metavar="文件夹",
              type=click.Path(file_okay=False, path_type=Path), help="预填表写到这个文件夹")
@click.option("--force", is_flag=True,
              help="文件夹里已有文件也照样写入（同名的旧文件改名保留，不会覆盖）")
def generate_command(form_id: str, roster_file: Path, out_dir: Path, force: bool) -> None:
    """按名单每行生成一份预填好的表单（表单 id 见 tianbiao forms list）。"""
    from generator.render import generate_copies

    spec = get_form(form_id)
    if spec.is_list:
        raise TianbiaoFailure(f"{spec.id} 是名单表，不需要逐份生成；请选择要学校填写的表")
    existing = _files_in(out_dir)
    if existing and not force:
        raise TianbiaoError(
            f"输出文件夹 {out_dir} 里已有 {len(existing)} 个文件（如 {existing[0].name}），"
            "可能有学校交回的表；为免覆盖，请换一个空文件夹，或加 --force（同名旧文件会改名保留）")
    roster = _roster_for(spec, roster_file)
    kept = _keep_aside(existing) if existing else []
    with _progress("生成") as progress:
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


def _roster_for(spec: Any, roster_file: Path) -> Any:
    """Read `roster_file` as the list `spec` is filled from, refusing a list that does not fit."""
    from rosters.roster import read_roster_for

    return read_roster_for(roster_file, spec)


FILES_HELP = "学校交回的文件或文件夹（.docx、.doc、.wps、.odt、.rtf、.pdf；文件夹逐层读取）"


@cli.command("parse")
@click.argument("paths", nargs=-1, required=True, metavar="文件或文件夹…",
                type=click.Path(exists=True))
@click.option("--form", "form_id", metavar="表单",
              help="把每个文件都当作这张表读（不给时逐个文件认定）")
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
        spec, roster = _form_and_roster(form_id, roster_file)
    with _progress("读取") as progress:
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
    _report_skipped(skipped)
    _exit_on_problems(sum(n for status, n in counts.items() if status != "ok"))


def _exit_on_problems(files_with_problems: int) -> None:
    """End with exit code 1 when some files have problems: the data needs the office."""
    if files_with_problems:
        click.echo(f"其中 {files_with_problems} 个文件有问题，需要学校更正或重交（退出码 1）",
                   err=True)
        raise SystemExit(EXIT_ERROR)


def _report_skipped(skipped: list[tuple[str, str]]) -> None:
    if not skipped:
        return
    click.echo(f"跳过 {len(skipped)} 个不是表格的文件：", err=True)
    for file, why in skipped:
        click.echo(f"  {file}：{why}", err=True)


def _form_and_roster(form_id: str | None, roster_file: Path) -> tuple[Any, Any]:
    """Return the form records are matched for and the roster read for it.

    Without --form, a notice's list names the one form it pre-fills (瑞安's 项目清单 → the
    项目建设报告); parse and ingest find the form this same way.
    """
    from rosters.roster import read_roster

    if form_id:
        spec = get_form(form_id)
        return spec, _roster_for(spec, roster_file)
    roster = read_roster(roster_file)
    users = [f for f in all_forms() if roster.form is not None and f.roster == roster.form.id]
    if len(users) != 1:
        raise TianbiaoError("使用 --roster 时请用 --form 指明要与名单对应的表单"
                            "（从名单认不出是哪张表的名单）")
    return users[0], _roster_for(users[0], roster_file)


DB_OPTION = click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path),
                         default="tianbiao.db", show_default=True, metavar="数据文件",
                         help="收件数据文件（SQLite）；没有时建立")
STORE_OPTION = click.option("--db", "db", type=click.Path(exists=True, dir_okay=False,
                            path_type=Path), default="tianbiao.db", show_default=True,
                            metavar="数据文件", help="tianbiao ingest 建立的收件数据文件")
TODAY_OPTION = click.option(
    "--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="年-月-日",
    help="按这一天判断是否逾期（默认今天）")


def _today(value: Any) -> dt.date:
    return value.date() if value is not None else dt.date.today()


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="文件或文件夹…",
                type=click.Path(exists=True))
@click.option("--form", "form_id", metavar="表单", help="把每个文件都当作这张表读")
@click.option("--roster", "roster_file", metavar="名单文件",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="把每个文件对应到名单的一行，并核对预填的内容是否被改动")
@DB_OPTION
def ingest_command(paths: tuple[str, ...], form_id: str | None, roster_file: Path | None,
                   db: Path) -> None:
    """读取学校交回的文件并存入数据文件（全部存入，或出错时一个也不存）。"""
    from records.ingest import NotTaken, ingest
    from records.store import Store

    roster = None
    if roster_file is not None:
        spec, roster = _form_and_roster(form_id, roster_file)
        form_id = spec.id
    skipped: list[tuple[str, str]] = []
    with Store(db) as store, _progress("入库") as progress:
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
               f"重复 {counts['unchanged']}，未收入 {counts['not_taken']}；已存入 {db}",
               err=True)
    _report_skipped(skipped)
    _exit_on_problems(sum(1 for o in outcomes if o.status != "ok"))


@cli.command("status")
@click.argument("form_id", metavar="表单")
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
def status_command(form_id: str, roster_file: Path, db: Path, today: Any, year: int | None,
                   output_format: str, out: Path | None) -> None:
    """名单上每一行的报送情况：已交合格、已交有问题、未交、逾期未交。"""
    from records.status import STATE_WORDS, roster_status, unattributed
    from records.store import Store

    spec = get_form(form_id)
    roster = _roster_for(spec, roster_file)
    with Store(db, create=False) as store:
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
@click.argument("form_id", metavar="表单")
@click.option("--out", "out_dir", required=True, metavar="文件夹",
              type=click.Path(file_okay=False, path_type=Path), help="退回意见写到这个文件夹")
@STORE_OPTION
@TODAY_OPTION
@click.option("--year", type=int, metavar="年份", help="每年都要交的表：按哪一年的截止日期")
def feedback_command(form_id: str, out_dir: Path, db: Path, today: Any,
                     year: int | None) -> None:
    """为最新一版有问题的学校各写一份退回意见（.docx）。"""
    from records.feedback import write_feedback
    from records.store import Store

    spec = get_form(form_id)
    with Store(db, create=False) as store:
        written = write_feedback(spec, store.latest(form_id), out_dir, today=_today(today),
                                 year=year)
    click.echo(f"已写出 {len(written)} 份退回意见：{out_dir}")


@cli.command("history")
@click.argument("school", metavar="学校")
@click.option("--form", "form_id", metavar="表单", help="只看这张表")
@STORE_OPTION
def history_command(school: str, form_id: str | None, db: Path) -> None:
    """列出某校（校名或名单编号）交过的每一版，以及每版改了什么。"""
    from records.store import Store, changed_fields

    with Store(db, create=False) as store:
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


def _unknown_key(key: str, known: set[str], where: str) -> str:
    """Say that `key` is not among `known` (from `where`), naming the nearest keys."""
    import difflib

    near = difflib.get_close_matches(key, sorted(known), n=3, cutoff=0.5)
    hint = f"是不是：{'、'.join(near)}？" if near else "请核对编号（tianbiao status 可查看）"
    return f"编号“{key}”不在{where} 里；{hint}"


def _shown(value: Any) -> str:
    return "（空）" if value is None else str(value).replace("\n", " ")


@cli.command("grade")
@click.argument("form_id", metavar="表单")
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
                  sheet: Path | None, roster_file: Path | None, db: Path) -> None:
    """登记专家评估等级（优秀/良好/基本达标/不达标），编号是名单上的编号。"""
    from records.grading import grades_from_sheet, validate_grade
    from records.store import Store

    spec = get_form(form_id)
    entries = grades_from_sheet(sheet) if sheet else [(key or "", grade or "", waste)]
    with Store(db, create=False) as store:
        if roster_file is not None:
            known = {row.key for row in _roster_for(spec, roster_file).rows}
            where = f"名单 {roster_file.name}"
        else:
            known = {s.roster_key for s in store.latest(form_id) if s.roster_key}
            where = f"数据文件 {db} 已收到的报告"
        with store.transaction():
            for entry_key, entry_grade, entry_waste in entries:
                validate_grade(spec, entry_key, entry_grade)
                if entry_key not in known:
                    raise TianbiaoError(_unknown_key(entry_key, known, where))
                store.set_grade(form_id, entry_key, year, entry_grade, waste=entry_waste)
    click.echo(f"已记录 {len(entries)} 个评估结果（{year}年）")


@cli.command("summary")
@click.argument("form_id", metavar="表单")
@click.argument("paths", nargs=-1, type=click.Path(exists=True), metavar="[文件或文件夹…]")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              metavar="文件.xlsx", help="汇总表写到这里")
@click.option("--db", "db", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              metavar="数据文件", help="汇总数据文件里每份报送的最新一版")
@click.option("--roster", "roster_file", metavar="名单文件",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="名单：按官方名单的版式和顺序排列")
def summary_command(form_id: str, paths: tuple[str, ...], out: Path, db: Path | None,
                    roster_file: Path | None) -> None:
    """写出表单的汇总表（.xlsx）：来自数据文件（--db），或直接来自文件。"""
    from records.summary import write_summary

    spec = get_form(form_id)
    if bool(paths) == bool(db):
        raise TianbiaoError("请给出要汇总的文件（文件或文件夹…），或用 --db 指定数据文件，二者选一")
    roster = _roster_for(spec, roster_file) if roster_file is not None else None
    if db is not None:
        from records.store import Store

        with Store(db, create=False) as store:
            if not store.latest(form_id):
                raise TianbiaoError(
                    f"数据文件 {db} 里还没有《{spec.title}》的任何报送，汇总表无内容可写；"
                    "请先用 tianbiao ingest 收入学校交回的文件")
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
