"""Commands for the office's web page: campaigns, the schools' links, the password, the server."""

from __future__ import annotations

import ipaddress
import json
import sys
from pathlib import Path
from typing import Any

import click

from cli.common import (
    DB_OPTION,
    FORM,
    ROSTER_HELP,
    STORE_OPTION,
    cli,
    roster_for_form,
    shown_db,
)
from forms.errors import TianbiaoError
from forms.registry import get_form


@cli.group("campaign")
def campaign_group() -> None:
    """征集：把一张表发给名单上的每所学校（网页收件用）。"""


@campaign_group.command("add")
@click.argument("form_id", metavar="表单", type=FORM)
@click.option("--roster", "roster_file", required=True, metavar="名单文件",
              type=click.Path(exists=True, dir_okay=False, path_type=Path), help=ROSTER_HELP)
@click.option("--due", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              metavar="年-月-日", help="截止日期（不给时按表单自己的截止日期）")
@click.option("--name", default=None, metavar="名称", help="征集的名称（默认用表单标题）")
@click.option("--county-column", default=None, metavar="列名",
              help="市级征集：名单里写明每行属于哪个县市区单位的列（如 县市区）")
@DB_OPTION
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help="json 给其他程序读：{\"id\": 编号}")
def campaign_add(form_id: str, roster_file: Path, due: Any, name: str | None,
                 county_column: str | None, db: Path | str, output_format: str) -> None:
    """建立一次征集：表单、名单（存入数据文件，之后不再需要名单文件）、截止日期。"""
    from records.campaigns import add_campaign
    from records.store import Store

    spec = get_form(form_id)
    roster = roster_for_form(spec, roster_file)
    with Store(db) as store:
        campaign = add_campaign(store, form_id, roster, due=due.date() if due else None,
                                name=name, county_column=county_column)
    if output_format == "json":
        click.echo(json.dumps({"id": campaign.id}, ensure_ascii=False))
        return
    click.echo(f"已建立征集 {campaign.id}：{campaign.name}（{len(roster.rows)} 行）")
    click.echo(f"下一步：tianbiao links {campaign.id} --db {shown_db(db)} --base-url 网址",
               err=True)


@campaign_group.command("list")
@STORE_OPTION
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help="json 给其他程序读")
def campaign_list(db: Path | str, output_format: str) -> None:
    """列出数据文件里的征集。"""
    from records.campaigns import campaigns
    from records.store import Store

    with Store(db, create=False) as store:
        found = campaigns(store)
    if output_format == "json":
        click.echo(json.dumps([c.as_json() for c in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("还没有征集；用 tianbiao campaign add 建立")
    for campaign in found:
        due = campaign.due.isoformat() if campaign.due else "按表单"
        click.echo(f"{campaign.id}  {campaign.name}  {campaign.form_id}  "
                   f"{len(campaign.roster.rows)} 行  截止 {due}")


@cli.command("links")
@click.argument("campaign_id", metavar="征集编号", type=int)
@STORE_OPTION
@click.option("--base-url", required=True, metavar="网址",
              help="学校打开的网址开头，如 http://192.168.1.10:8000")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path),
              metavar="文件.xlsx", help="同时写出链接表（学校、项目、链接），可直接粘贴到群里")
@click.option("--by-county", "by_county", type=click.Path(file_okay=False, path_type=Path),
              metavar="文件夹",
              help="市级征集：另为每个县市区写一份链接表（文件夹/县市区_链接.xlsx），"
                   "发给各县市区转发本县学校")
@click.option("--renew", is_flag=True,
              help="重新生成全部链接：旧链接随即失效（已发给学校的要重发）")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True,
              help='json 给其他程序读：[{"key", "school", "url"}]')
def links_command(campaign_id: int, db: Path | str, base_url: str, out: Path | None,
                  by_county: Path | None, renew: bool, output_format: str) -> None:
    """为名单每一行生成一个学校专用链接（每个项目一个链接）。

    \b
    链接只在生成时显示一次：数据文件里只存链接的摘要，无法再查出原链接。
    再次运行会拒绝，以免已发出的链接失效；确要重发时加 --renew，旧链接全部作废。
    """
    from records.campaigns import get_campaign, has_links, make_links
    from records.links_sheet import link_rows, write_links_sheet
    from records.store import Store

    if not base_url.startswith(("http://", "https://")):
        raise click.BadParameter("网址须以 http:// 或 https:// 开头", param_hint="--base-url")
    with Store(db, create=False) as store:
        campaign = get_campaign(store, campaign_id)
        if has_links(store, campaign) and not renew:
            raise TianbiaoError(
                f"征集 {campaign.id} 已经生成过链接（只在生成时显示一次）；确要作废旧链接、"
                "重新生成时，请加 --renew")
        links = make_links(store, campaign)
    rows = link_rows(links, base_url)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_links_sheet(out, campaign.name, rows)
    if by_county is not None:
        _write_county_sheets(campaign, rows, by_county)
    if output_format == "json":
        click.echo(json.dumps([{k: r[k] for k in ("key", "school", "url")} for r in rows],
                              ensure_ascii=False, indent=2))
    else:
        for row in rows:
            click.echo(f"{row['key']}  {row['school']}  {row['project']}  {row['url']}")
    click.echo(f"已生成 {len(rows)} 个链接{f'，已写出 {out}' if out else ''}；"
               "链接只显示这一次，请妥善保存", err=True)


def _write_county_sheets(campaign: Any, rows: list[dict[str, str]], folder: Path) -> None:
    """Write one links sheet per county of a city's campaign into `folder`."""
    from records.links_sheet import write_links_sheet

    if not campaign.has_levels:
        raise TianbiaoError(f"征集 {campaign.id} 不分县市区（建立时没有给 --county-column），"
                            "不能按县市区分开写链接表")
    by_county: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_county.setdefault(campaign.county_of(campaign.row(row["key"])), []).append(row)
    folder.mkdir(parents=True, exist_ok=True)
    for county, listed in by_county.items():
        write_links_sheet(folder / f"{county}_链接.xlsx", f"{campaign.name}（{county}）", listed)
    click.echo(f"已按县市区写出 {len(by_county)} 份链接表：{folder}", err=True)


@cli.command("passwd")
@DB_OPTION
@click.option("--office", "office", default=None, metavar="单位",
              help="县市区单位的名称（tianbiao office add 建立的）；"
                   "不给时设置市（或唯一办公室）的密码")
def passwd_command(db: Path | str, office: str | None) -> None:
    """设置网页办公室页面（/office）的密码；不在终端时从标准输入读一行。"""
    from records.offices import set_office_password
    from records.store import Store

    if sys.stdin.isatty():
        import getpass

        password = getpass.getpass("新密码：")
        if getpass.getpass("再输入一次：") != password:
            raise TianbiaoError("两次输入的密码不一样，未修改")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    with Store(db) as store:
        set_office_password(store, office, password)
    click.echo(f"已设置{office or '办公室'}的密码（{shown_db(db)}）")


@cli.command("serve")
@STORE_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, metavar="地址",
              help="监听地址；局域网使用时填本机的局域网地址或 0.0.0.0")
@click.option("--port", default=8000, show_default=True, type=int, metavar="端口")
def serve_command(db: Path | str, host: str, port: int) -> None:
    """启动收件网页：学校用链接交表，办公室在 /office 看报送情况。"""
    import uvicorn

    from web.app import create_app

    if not _is_loopback(host):
        click.echo(f"注意：网页在 {host} 上对外开放，同一网络里的人都能访问；"
                   "请先用 tianbiao passwd 设置办公室密码，只在单位内网使用", err=True)
    app = create_app(db)
    click.echo(f"收件网页已启动：http://{host}:{port}/office （按 Ctrl+C 停止）", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
