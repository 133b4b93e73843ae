"""Commands for a city and its counties: their offices (each with its own login)."""

from __future__ import annotations

from pathlib import Path

import click

from cli.common import DB_OPTION, STORE_OPTION, cli, shown_db


@cli.group("office")
def office_group() -> None:
    """单位：一个市和它的县市区，各自登录网页办公室页面。"""


@office_group.command("add")
@click.argument("name", metavar="名称")
@click.option("--level", required=True, type=click.Choice(["city", "county"]),
              help="city：市教育局（看全部、写市教育局意见）；county：县市区教育局（只看本县）")
@click.option("--parent", default=None, metavar="市", help="县市区的上级市（默认本市）")
@DB_OPTION
def office_add(name: str, level: str, parent: str | None, db: Path | str) -> None:
    """建立一个单位：市（原来的办公室密码就是市的密码）或县市区。"""
    from records.offices import add_office
    from records.store import Store

    with Store(db) as store:
        office = add_office(store, name, level, parent)
    what = "市级单位" if level == "city" else f"县市区单位（上级 {office.parent}）"
    click.echo(f"已建立{what}：{office.name}")
    if level == "county":
        click.echo(f"下一步：tianbiao passwd --db {shown_db(db)} --office {office.name}",
                   err=True)


@office_group.command("list")
@STORE_OPTION
def office_list(db: Path | str) -> None:
    """列出数据库里的单位。"""
    from records.offices import offices
    from records.store import Store

    with Store(db, create=False) as store:
        found = offices(store)
    if not found:
        click.echo("还没有单位：只有一个办公室（用 tianbiao office add 建立市和县市区）")
    for office in found:
        click.echo(f"{office.name}  {'市' if office.level == 'city' else '县市区'}"
                   f"{f'  上级 {office.parent}' if office.parent else ''}")
