"""The compile command: a form written from other forms' returns, not retyped.

``tianbiao compile hengyang-2018-summary --db … --where 县市区=衡南县 --out 汇总表.docx``
writes a county's 申报汇总表 in the official layout, one row per 申请表 it received; with
``--by 县市区 --out 统计.xlsx`` the city counts those rows by county and 申报类别 instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from cli.common import FORM, ROSTER_HELP, STORE_OPTION, cli, roster_for_form
from forms.errors import TianbiaoError
from forms.registry import get_form

if TYPE_CHECKING:
    from forms.model import FormSpec
    from parsers.record import Record
    from records.compiled_returns import ChosenReturns


class _Pair(click.ParamType):
    """A `名称=文字` pair of --value: the blank's id or label, and the text written in it."""

    name = "空格=文字"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> tuple[str, str]:
        """Return (name, text), failing on text without “=”."""
        name, equals, text = str(value).partition("=")
        if not equals or not name.strip():
            self.fail(f"“{value}”应写成 空格=文字，如 县市区教育局名称=衡南县教育局", param, ctx)
        return name.strip(), text.strip()


@cli.command("compile")
@click.argument("form_id", metavar="表单", type=FORM)
@STORE_OPTION
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              metavar="文件", help="写出的表（.docx）；与 --by 一起时是统计表（.xlsx）")
@click.option("--where", "where", multiple=True, metavar="栏目=值",
              help="只汇总这些报送：来源表的空格或名单的列等于（=）或包含（~）这个值，"
                   "如 县市区=衡南县、申报单位~衡南县；可写多个，须同时符合")
@click.option("--value", "values", multiple=True, type=_Pair(), metavar="空格=文字",
              help="表上自己的空格，如 县市区教育局名称=衡南县教育局；没写的留空，由填表单位手写")
@click.option("--by", "by", metavar="栏目",
              help="改写统计表（.xlsx）：按这一栏（如 县市区）和表中的选择题（如 申报类别）计数")
@click.option("--roster", "roster_file", metavar="名单文件",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=f"来源表的{ROSTER_HELP}：按它的顺序排列，--where/--by 可用它的列"
                   "（不给时用数据文件里这张表的征集名单）")
@click.option("--with-problems", "with_problems", is_flag=True,
              help="有问题（未填完、有错误）的报送也列入；默认只列合格的")
def compile_command(form_id: str, db: Path, out: Path, where: tuple[str, ...],
                    values: tuple[tuple[str, str], ...], by: str | None,
                    roster_file: Path | None, with_problems: bool) -> None:
    """由收到的报送直接写成汇总表（如县市区的申报汇总表），一份报送一行，不必重打。"""
    from forms.compiling import source_form
    from records.compiled_returns import choose_returns, parse_condition, return_name
    from records.store import Store

    spec = get_form(form_id)
    source = source_form(spec)
    suffix = ".xlsx" if by else ".docx"
    if out.suffix.lower() != suffix:
        what = "统计表" if by else f"《{spec.title}》"
        raise click.UsageError(f"--out 应是 {suffix} 文件（{what}），而不是 {out.name}")
    if by and values:
        raise click.UsageError("--value 只用于写表（.docx），统计表（--by）不用")
    conditions = [parse_condition(text) for text in where]
    roster = roster_for_form(source, roster_file) if roster_file is not None else None
    with Store(db, create=False) as store:
        chosen = choose_returns(store, source, where=conditions, roster=roster,
                                with_problems=with_problems)
    for record, why in chosen.left_out:
        click.echo(f"未列入：{return_name(source, record)}（{why}）", err=True)
    if not chosen.returns:
        raise TianbiaoError(f"符合条件的 {len(chosen.left_out)} 份《{source.title}》都未能列入"
                            "（原因见上）；请学校更正重交，或用 --with-problems 把有问题的一并列入")
    if chosen.with_problems:
        click.echo(f"注意：其中 {chosen.with_problems} 份有问题，照所填列入", err=True)
    if by:
        _write_counts(spec, source, chosen, by, out)
    else:
        _write_form(spec, source, chosen.returns, values, out)


def _write_form(spec: FormSpec, source: FormSpec, returns: list[Record],
                values: tuple[tuple[str, str], ...], out: Path) -> None:
    """Write `spec` with a row per return, its own blanks from `values`; say what is left."""
    from generator.compiled import compile_form, form_values

    filled = form_values(spec, values)
    written = compile_form(spec, returns, filled)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(written.content)
    empty = [f.display_label for f in spec.top_fields() if not f.item and f.id not in filled]
    if empty:
        click.echo(f"留空待填：{'、'.join(empty)}（可用 --value 填写）", err=True)
    click.echo(f"已写出《{spec.title}》（{len(written.rows)} 行，来自 {len(returns)} 份"
               f"《{source.title}》）：{out}")


def _write_counts(spec: FormSpec, source: FormSpec, chosen: ChosenReturns, by: str,
                  out: Path) -> None:
    """Write the count of `spec`'s rows by `by` and each printed choice."""
    from records.compiled_returns import ReturnValues
    from records.summary_counts import write_counts

    group_of = ReturnValues(source, chosen.roster).getter(by)
    groups = [group_of(record) for record in chosen.returns]
    result = write_counts(spec, chosen.returns, groups, by, out)
    for note in result.notes:
        click.echo(f"注意：{note}", err=True)
    click.echo(f"已写出统计表（{result.rows} 份，按{by}，{len(set(groups))} 组）：{out}")
