"""What every ``tianbiao`` command shares: the group, Chinese usage, exit codes, options.

The only place (with the command modules beside it) where errors become exit codes and
printed messages.

Exit codes: 0 done; 1 the data has problems (a file unreadable, a required blank empty, a
roster that does not fit); 2 wrong usage (click's usage errors). Every word printed is
Chinese, click's own included (cli/wording.py).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from cli.wording import speak_chinese_in_click
from forms.errors import TianbiaoError
from forms.registry import all_forms, get_form, is_definition_path

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
def progress_bar(label: str) -> Iterator[Callable[[int, int], None] | None]:
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


ROSTER_HELP = "名单文件（.xlsx、.csv、.docx、.doc、.pdf）"
FORM_HELP = "表单 id（见 tianbiao forms list），或表单定义文件（.yaml）的路径"


class FormName(click.ParamType):
    """A form: a form id, or the path of a definition file (a missing file is wrong usage)."""

    name = "表单"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        """Return `value` as given, failing when it names a definition file that is not there."""
        text = str(value)
        if is_definition_path(text) and not Path(text).is_file():
            self.fail(f"找不到表单定义文件 {text}", param, ctx)
        return text


FORM = FormName()


def form_id_of(name: str | None) -> str | None:
    """Return the id records are stored under for form `name` (an id, or a file's path)."""
    return get_form(name).id if name is not None and is_definition_path(name) else name


def roster_for_form(spec: Any, roster_file: Path) -> Any:
    """Read `roster_file` as the list `spec` is filled from, refusing a list that does not fit."""
    from rosters.roster import read_roster_for

    return read_roster_for(roster_file, spec)


def exit_on_problems(files_with_problems: int) -> None:
    """End with exit code 1 when some files have problems: the data needs the office."""
    if files_with_problems:
        click.echo(f"其中 {files_with_problems} 个文件有问题，需要学校更正或重交（退出码 1）",
                   err=True)
        raise SystemExit(EXIT_ERROR)


def report_skipped(skipped: list[tuple[str, str]]) -> None:
    """List on the terminal the files a folder walk passed over, with the reason for each."""
    if not skipped:
        return
    click.echo(f"跳过 {len(skipped)} 个不是表格的文件：", err=True)
    for file, why in skipped:
        click.echo(f"  {file}：{why}", err=True)


def form_and_roster(form_id: str | None, roster_file: Path) -> tuple[Any, Any]:
    """Return the form records are matched for and the roster read for it.

    Without --form, a notice's list names the one form it pre-fills (瑞安's 项目清单 → the
    项目建设报告); parse and ingest find the form this same way.
    """
    from rosters.fit import check_fit
    from rosters.roster import read_roster

    if form_id:
        spec = get_form(form_id)
        return spec, roster_for_form(spec, roster_file)
    roster = read_roster(roster_file)
    users = [f for f in all_forms() if roster.form is not None and f.roster == roster.form.id]
    if len(users) != 1:
        raise TianbiaoError("使用 --roster 时请用 --form 指明要与名单对应的表单"
                            "（从名单认不出是哪张表的名单）")
    # The list was read once, as the list it is; a .doc or .pdf is not converted again.
    check_fit(roster, users[0], roster.form)
    return users[0], roster


class StoreLocation(click.Path):
    """A store: the path of a SQLite file, or a postgresql:// URL (taken as written)."""

    name = "数据文件"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        """Return a database URL as given, else the path checked as click.Path checks it."""
        from records.engine import is_database_url

        if isinstance(value, str) and is_database_url(value):
            return value
        return super().convert(value, param, ctx)


def shown_db(db: str | Path) -> str:
    """Return the store as named to people: its path, or its URL without the password."""
    from records.engine import locate

    return locate(db).name


_DB_WORDS = "SQLite 文件路径，或 PostgreSQL 地址 postgresql://用户@主机/库名"
DB_OPTION = click.option("--db", "db", type=StoreLocation(dir_okay=False, path_type=Path),
                         default="tianbiao.db", show_default=True, metavar="数据文件",
                         help=f"收件数据文件（{_DB_WORDS}）；没有时建立")
STORE_OPTION = click.option("--db", "db", type=StoreLocation(exists=True, dir_okay=False,
                            path_type=Path), default="tianbiao.db", show_default=True,
                            metavar="数据文件",
                            help=f"tianbiao ingest 建立的收件数据文件（{_DB_WORDS}）")
TODAY_OPTION = click.option(
    "--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="年-月-日",
    help="按这一天判断是否逾期（默认今天）")


def judged_day(value: Any) -> dt.date:
    """Return the day due dates are judged on: --today when given, else today."""
    return value.date() if value is not None else dt.date.today()


def main() -> None:
    """Run the ``tianbiao`` command line."""
    cli(prog_name="tianbiao")
