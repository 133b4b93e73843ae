"""``tianbiao forms infer``: a blank official attachment becomes a definition, without code."""

from __future__ import annotations

from pathlib import Path

import click

from cli.blank_forms import forms_group
from cli.common import ROSTER_HELP
from forms.errors import TianbiaoError


@forms_group.command("infer")
@click.argument("attachment", metavar="附件",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--id", "form_id", metavar="ID",
              help="新表单的 id（英文小写、数字和“-”）；不给时由标题的拼音生成")
@click.option("--roster", "roster_file", metavar="名单文件",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=f"{ROSTER_HELP}：表头与空格的标签相同的列用来预填")
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False, path_type=Path),
              metavar="文件.yaml", required=True, help="定义写到这里（已有同名文件时不覆盖）")
@click.option("--force", is_flag=True, help="覆盖已有的同名定义文件")
@click.option("--report", is_flag=True, help="列出推断了什么：每个空格的标签、种类、单位、选项")
def forms_infer(attachment: Path, form_id: str | None, roster_file: Path | None, out: Path,
                force: bool, report: bool) -> None:
    """读空白的官方附件（.docx、.doc 或有文字的 PDF），写出表单定义（.yaml）。

    \b
    之后：对照原表核对定义里标“猜测”的地方，用 tianbiao forms check 检查，
    用 tianbiao forms template 看生成的空白表；定义文件路径可直接当表单 id 用。
    """
    from inference import infer
    from rosters.roster import read_roster

    if out.exists() and not force:
        raise click.UsageError(f"{out} 已存在；要覆盖请加 --force", )
    if form_id is not None and not _valid_id(form_id):
        raise click.BadParameter("只能用英文小写字母、数字和“-”，以字母开头", param_hint="--id")
    roster = read_roster(roster_file) if roster_file is not None else None
    result = infer(attachment, form_id=form_id, roster=roster)
    if not result.spec.fields and not result.spec.repeats:
        raise TianbiaoError(
            f"{attachment}：没有找到要填写的空格（表格里的空白格、“名称：____”一类的横线），"
            "未写出定义。请确认这是空白的表格附件，而不是通知正文或已填好的表")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(result.yaml_text, encoding="utf-8")
    spec = result.spec
    guessed = sum(1 for f in spec.fields if result.notes.get(f.id))
    click.echo(f"已写出表单定义：{out}（《{spec.title}》，id {spec.id}，{len(spec.fields)} 个空格，"
               f"{len(spec.repeats)} 个可增减行的表，{guessed} 处猜测）")
    if result.prefilled:
        click.echo("由名单预填：" + "、".join(f"{c}→{f}" for f, c in result.prefilled.items()))
    if report:
        for line in result.report():
            click.echo(line)


def _valid_id(form_id: str) -> bool:
    return bool(form_id) and form_id[0].isascii() and form_id[0].isalpha() and all(
        ch.isascii() and (ch.islower() or ch.isdigit() or ch == "-") for ch in form_id)
