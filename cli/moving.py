"""Commands that move a whole store: export it into one zip, import such a zip into another."""

from __future__ import annotations

from pathlib import Path

import click

from cli.common import DB_OPTION, STORE_OPTION, cli, shown_db


@cli.command("export")
@STORE_OPTION
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              metavar="文件.zip", help="导出的压缩包写到这里")
def export_command(db: Path | str, out: Path) -> None:
    """把数据文件的全部内容导出为一个压缩包（报送的每一版、评估结果、征集、原始文件）。

    \b
    压缩包里有：报送及其每一版、评估结果、征集与名单、学校链接（只含摘要，已发出的链接照常可用）、
    网页收件与批量收件的记录、办公室密码（只含摘要），以及保存的每个原始文件。
    用 tianbiao import 导入到另一个数据文件或 PostgreSQL 数据库。"""
    from records.archive import export_store
    from records.store import Store

    with Store(db, create=False) as store:
        moved = export_store(store, out)
    click.echo(f"已导出 {moved.rows.get('submissions', 0)} 份报送（含各版本）、"
               f"{moved.rows.get('campaigns', 0)} 个征集、{moved.files} 个原始文件：{out}")


@cli.command("import")
@click.argument("archive", metavar="压缩包", type=click.Path(exists=True, dir_okay=False,
                                                          path_type=Path))
@DB_OPTION
def import_command(archive: Path, db: Path | str) -> None:
    """把 tianbiao export 导出的压缩包导入到一个新的（空的）数据文件或 PostgreSQL 数据库。"""
    from records.archive import import_store
    from records.store import Store

    with Store(db) as store:
        moved = import_store(store, archive)
    click.echo(f"已导入 {moved.rows.get('submissions', 0)} 份报送（含各版本）、"
               f"{moved.rows.get('campaigns', 0)} 个征集、{moved.files} 个原始文件到 "
               f"{shown_db(db)}")
