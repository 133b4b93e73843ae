"""A list of materials read from a PDF: a short item that fills its line stays an item."""

from __future__ import annotations

import pytest

from forms.registry import get_form
from parsers.extract import extract
from parsers.grid import Cell, Grid, Table
from parsers.locate.pdf_breaks import split_list_items


@pytest.mark.parametrize(
    ("text", "soft", "expected"),
    [
        # A short document name exactly filling the narrow column, then the next one.
        ("监控点位分布图电子巡更记录", (7,), "监控点位分布图\n电子巡更记录"),
        ("48张教室照片2021年设备验收报告", (7,), "48张教室照片\n2021年设备验收报告"),
        ("监控点位图巡更记录\n报警系统测试记录", (5,), "监控点位图\n巡更记录\n报警系统测试记录"),
        # A long name wrapped in the middle of a word: one item.
        ("网络设备采购合同及验收单", (7,), "网络设备采购合同及验收单"),
        # The next line goes on with the item: a conjunction, a bracket.
        ("校园网络拓扑图和设备清单", (7,), "校园网络拓扑图和设备清单"),
        ("1.优课获奖证书（12份）", (8,), "1.优课获奖证书（12份）"),
        # Two joins: one inside a long name, then one after a short item filling its line.
        ("智慧校园建设三年规划实施细则会议纪要", (7, 14), "智慧校园建设三年规划实施细则\n会议纪要"),
        # A numbered list: only the next number begins an item, digits after it or not.
        ("1.管理系统登录界面截图\n2.经费明细表", (8,), "1.管理系统登录界面截图\n2.经费明细表"),
        ("1.数据备份记录2.2021年使用登记表", (8,), "1.数据备份记录\n2.2021年使用登记表"),
        ("①监控点位图②巡更记录", (6,), "①监控点位图\n②巡更记录"),
        ("1.监控点位图3.巡更记录", (7,), "1.监控点位图3.巡更记录"),
    ],
)
def test_list_items_are_split_only_where_an_item_ended(text, soft, expected):
    assert split_list_items(text, soft) == expected


def _k12_grid(status: Cell, materials: Cell) -> Grid:
    header = [Cell("名称", 0, 0), Cell("内  容", 0, 1), Cell("建设情况", 0, 2),
              Cell("支撑材料清单", 0, 3)]
    row = [Cell("基本环境", 1, 0), Cell("6.校园安装视频监控…", 1, 1),
           Cell(status.text, 1, 2, soft_joins=status.soft_joins),
           Cell(materials.text, 1, 3, soft_joins=materials.soft_joins)]
    return Grid([Table(header + row, n_rows=2, n_cols=4)])


def test_the_materials_column_is_a_list_and_the_status_column_is_prose():
    spec = get_form("zhongxian-2021-smart-campus-k12")
    grid = _k12_grid(
        Cell("校园安装高清摄像头168个重点区域多角度覆盖", 0, 0, soft_joins=(11,)),
        Cell("监控点位分布图电子巡更记录", 0, 0, soft_joins=(7,)),
    )
    values, _ = extract(grid, spec)
    found = {v.field.id: v.raw for v in values if v.found}
    assert found["n6_materials"] == "监控点位分布图\n电子巡更记录"
    # Prose is never split at a full line, whatever its last word.
    assert found["n6_status"] == "校园安装高清摄像头168个重点区域多角度覆盖"
