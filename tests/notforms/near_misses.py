"""Near misses made from our own forms: a title with two labels, a table under another title.

Each is what a school or a neighbouring office could really send: the title and two labels of
a form with the table cut away; a form's table under another of our forms' titles with half
of its labels reworded; the first page of a long form alone. The form texts are taken from the
seed notices, not from tianbiao's definitions. Importing the module registers its cases.
"""

from __future__ import annotations

import re

from corpus_cases import case, person, phone, seed_lines
from notforms_docx import grid_table, heading, merge_cells, new_document, paragraph, set_cell

SEED_003 = seed_lines("003")


def _section(start: str, end: str) -> list[str]:
    """Return the seed-003 lines from the line reading `start` up to the one reading `end`."""
    stripped = [line.strip() for line in SEED_003]
    return SEED_003[stripped.index(start): stripped.index(end)]


def inspection_items() -> list[tuple[str, str, str, int]]:
    """Return the 35 督查评分表 items as (weight cell, content, scoring rule, points)."""
    lines = _section("附件1", "附件2")
    items: list[tuple[str, str, str, int]] = []
    weight = ""
    for index, line in enumerate(lines):
        if re.match(r"\t[AB]\d", line):
            weight = (weight + " " + line.strip()).strip()
        if not re.match(r"\tC\d+", line):
            continue
        content, rest = line.strip(), lines[index + 1:]
        while rest and not rest[0].startswith("\t"):  # C33 prints its points on a line alone
            content += rest.pop(0).strip()
        rule = next(r.strip() for r in rest if r.strip())
        points = int(re.findall(r"[（(]\s*(\d+)\s*分", content)[-1])
        items.append((weight, content, rule, points))
        weight = ""
    assert len(items) == 35 and sum(item[3] for item in items) == 100
    return items


def k12_items() -> list[str]:
    """Return the 35 item texts of 普通中小学智慧校园建设情况表, as printed."""
    found: dict[int, str] = {}
    for line in _section("附件3-2", "附件3-3"):
        match = re.match(r"\t(\d+)\s*[.．].{3,}", line)
        if match:
            found.setdefault(int(match.group(1)), line.strip())
    assert sorted(found) == list(range(1, 36))
    return [found[n] for n in range(1, 36)]


def _reword(content: str) -> str:
    """Return an item reworded as a school retyping it might: code and points kept."""
    match = re.match(r"(C\d+)\s*[.．]?\s*(.*?)[，,。；;]", content)
    assert match, content
    points = re.findall(r"[（(]\s*\d+\s*分\s*[）)]", content)[-1]
    return f"{match.group(1)}．关于“{match.group(2)[:14]}”的落实情况{points}"


@case("nearmiss-k12-title-and-two-labels", ("docx",),
      "只有“附件3-2”、普通中小学智慧校园建设情况表的标题和“名称”“建设情况”两个栏目，35项"
      "一项也没有：标题谁都能抄，表格不在，不能算交了这张表。",
      nearest="zhongxian-2021-smart-campus-k12")
def k12_title_and_two_labels() -> object:
    """Write the 建设情况表 title over a two-column table."""
    document = new_document("宋体", 12)
    paragraph(document, "附件3-2", font="黑体")
    heading(document, "普通中小学智慧校园建设情况表", 18, "方正小标宋简体")
    grid_table(document, [["名称", "建设情况"],
                          ["城关第一小学", "我校已完成校园网升级改造，具体情况见自查报告。"]],
               [4.0, 12.0])
    return document


@case("nearmiss-inspection-title-and-two-labels", ("docx",),
      "督查评分表的标题和“督查内容”“考核分”两个栏目，只写了一个总分，C1–C35 一项也没有："
      "评分表不在，不能收作评分表。", nearest="zhongxian-2021-inspection")
def inspection_title_and_two_labels() -> object:
    """Write the 督查评分表 title over a total alone."""
    document = new_document("宋体", 12)
    paragraph(document, "附件1", font="黑体")
    heading(document, "忠县中小学教育信息技术与装备专项督查评分表", 16)
    paragraph(document, "学校：东溪镇中学")
    grid_table(document, [["督查内容", "考核分"], ["全部项目", "92"]], [10.0, 6.0])
    return document


@case("nearmiss-report-title-and-two-labels", ("pdf",),
      "项目建设报告的标题下只有“学校”“项目名称”两栏，其余八栏（投入资金、推进措施、效益、"
      "校长意见……）都没有：只是一张封面似的纸，不是交回的报告。",
      nearest="ruian-2022-report")
def report_title_and_two_labels() -> object:
    """Write the 项目建设报告 title over its first two labels."""
    document = new_document("宋体", 12)
    paragraph(document, "附件2", font="黑体")
    heading(document, "瑞安市教育信息化应用“回头看”项目建设报告", 16)
    grid_table(document, [["学校", "瑞安市塘下镇中心小学"], ["项目名称", "智慧校园"]],
               [4.0, 12.0], bold_first=False)
    return document


@case("nearmiss-report-table-under-hengyang-title", ("docx",),
      "标题是衡阳的《试点项目申请表》，表格却是瑞安项目建设报告的样子，且一半栏目改了说法"
      "（申报学校、经费预算、项目概况、预期效益、进度安排）：申请表的栏目（申报类别、试点实施"
      "方案要点、单位意见）一个都没有，报告也只剩一半，两张表都不能算。",
      nearest="ruian-2022-report")
def report_under_hengyang_title() -> object:
    """Write the 项目建设报告 table, half reworded, under 衡阳's title."""
    document = new_document("宋体", 12)
    paragraph(document, "附件2", font="黑体")
    heading(document, "2018年衡阳市教育信息化试点项目申请表", 16)
    rows = [["申报学校", "衡山县实验小学", "项目名称", "智慧课堂"],
            ["经费预算", "180000元", "项目负责人\n及联系方式", person() + " " + phone()],
            ["项目概况", "建设两间智慧教室，配齐教师终端。", "", ""],
            ["推进措施", "分学科组织培训，每周开展一次应用课。", "", ""],
            ["预期效益", "全校教师常态化使用。", "", ""],
            ["进度安排", "2018年10月完成采购，12月投入使用。", "", ""],
            ["校长意见", "同意。", "", ""],
            ["专家验收意见", "", "", ""]]
    table = grid_table(document, rows, [3.0, 5.0, 3.4, 4.6], bold_first=False)
    for row in range(2, len(rows)):
        merge_cells(table, row, 1, row, 3, rows[row][1])
    return document


@case("nearmiss-acceptance-table-under-selfcheck-title", ("docx", "pdf"),
      "标题是《忠县智慧校园建设创建自评表》，下面却是“创建验收”项目申报表的表格，七个栏目改了"
      "四个（校长、创建项目、预期成效、主管部门意见）：自评表的是否题、学校概况一样没有，"
      "申报表也只剩一半，不能认作哪一张。", nearest="zhongxian-2021-acceptance")
def acceptance_under_selfcheck_title() -> object:
    """Write the 创建验收 table, half reworded, under 自评表's title."""
    document = new_document("宋体", 12)
    paragraph(document, "附件3-1", font="黑体")
    heading(document, "忠县智慧校园建设创建自评表", 16)
    paragraph(document, "学校（盖章）：忠县石桥镇中心小学        时间：2021年11月2日")
    rows = [["校长", person(), "项目责任人", person()],
            ["创建项目", "智慧校园", "", ""],
            ["取得的成绩或主要做法", "建成校园网和录播教室，见自查报告。", "", ""],
            ["预期成效", "三年内全部班级用上智慧课堂。", "", ""],
            ["学校推荐意见", "同意申报。", "", ""],
            ["主管部门意见", "", "", ""]]
    table = grid_table(document, rows, [3.4, 4.4, 3.4, 4.4], bold_first=False)
    for row in range(1, len(rows)):
        merge_cells(table, row, 1, row, 3, rows[row][1])
    return document


@case("nearmiss-application-table-under-taskbook-title", ("doc",),
      "标题是岳阳的《试点项目计划任务书》，表格是衡阳申请表的样子，一半栏目改了说法（单位名称、"
      "项目负责人、联系电话、实施方案要点、县级教育部门意见）：任务书的封面、年度计划和经费表"
      "都没有，申请表也缺了一半，不能认作哪一张。", nearest="hengyang-2018-application")
def application_under_taskbook_title() -> object:
    """Write the 申请表 table, half reworded, under 任务书's title."""
    document = new_document("宋体", 12)
    paragraph(document, "附件2", font="黑体")
    heading(document, "岳阳市教育信息化试点项目计划任务书", 16)
    rows = [["单位名称：", "岳阳县第一中学", "", ""],
            ["申报类别：", "□①网络联校创新应用 ☑②区域智慧教育 □③教育网络安全 □④人工数字智能教室",
             "", ""],
            ["项目名称：", "区域教研平台建设", "", ""],
            ["项目负责人", person(), "联系电话", phone()],
            ["联系人", person(), "联系电话", phone()],
            ["实施方案要点（可另附页）：\n一是建平台，二是建队伍，三是建机制。", "", "", ""],
            ["单位意见：\n同意。\n负责人：      盖章：\n年   月   日",
             "", "县级教育部门意见：\n\n负责人：      盖章：\n年   月   日", ""],
            ["市教育局意见：\n\n负责人：      盖章：\n年   月   日", "", "", ""]]
    table = grid_table(document, rows, [3.0, 4.8, 2.8, 5.0], bold_first=False)
    for row in range(3):
        merge_cells(table, row, 1, row, 3, rows[row][1])
    for row in (5, 7):
        merge_cells(table, row, 0, row, 3, rows[row][0])
    merge_cells(table, 6, 0, 6, 1, rows[6][0])
    merge_cells(table, 6, 2, 6, 3, rows[6][2])
    return document


@case("nearmiss-inspection-table-under-k12-title", ("docx",),
      "标题误抄成《普通中小学智慧校园建设情况表》，但下面是完整的督查评分表：C1–C35 编号和"
      "分值都在，一半项目的文字改了说法，“督查项目与权重”“评分说明”两个表头也改了，考核分和"
      "得分合计都填了。办事员看的是表格：这是督查评分表，应当收下。",
      form="zhongxian-2021-inspection", status="ok", nearest="zhongxian-2021-inspection")
def inspection_under_k12_title() -> object:
    """Write the whole 督查评分表, half reworded, under 建设情况表's title."""
    document = new_document("宋体", 10)
    paragraph(document, "附件1", font="黑体")
    heading(document, "普通中小学智慧校园建设情况表", 16)
    paragraph(document, "学校：白石中学    督查人员：" + person() + "    督查时间：2021年11月9日")
    rows = [["考核项目", "督查内容", "扣分标准", "考核分", "备注"]]
    total = 0.0
    for number, (weight, content, rule, points) in enumerate(inspection_items(), start=1):
        score = points - (0.5 if number % 6 == 0 else 0)
        total += score
        text = _reword(content) if number % 2 else content
        rows.append([weight, text, rule, f"{score:g}", "材料齐全" if number == 10 else ""])
    rows.append(["得分合计", "", "", f"{total:g}", ""])
    table = grid_table(document, rows, [2.6, 5.6, 4.4, 1.6, 1.6], size=9)
    merge_cells(table, len(rows) - 1, 0, len(rows) - 1, 2, "得分合计", size=9)
    return document


@case("nearmiss-k12-first-page-only", ("pdf",),
      "学校只交了建设情况表的第一页：“附件3-2”、标题、四个表头和第1–6项（基本环境）原文都在，"
      "并已填写，第7–35项缺。办事员认得出这就是这张表，应收下并按缺项退回补全（未填完）。",
      form="zhongxian-2021-smart-campus-k12", status="incomplete",
      nearest="zhongxian-2021-smart-campus-k12")
def k12_first_page_only() -> object:
    """Write the 建设情况表's first page: title, header and items 1–6."""
    document = new_document("宋体", 10.5)
    paragraph(document, "附件3-2", font="黑体")
    heading(document, "普通中小学智慧校园建设情况表", 16)
    answers = ["已建成万兆主干、千兆到桌面的校园网，无线全覆盖。", "已安装接入网关和传感网关。",
               "服务器2台，存储20TB。", "多媒体教室覆盖全部教室，智慧教室4间。",
               "功能室、食堂已装传感器。", "监控点位86个，存储30天。"]
    rows = [["名称", "内  容", "建设情况", "支撑材料清单"]]
    for number, (text, answer) in enumerate(zip(k12_items()[:6], answers, strict=True), 1):
        rows.append(["", text, answer, f"{2 * number - 1}.照片\n{2 * number}.合同"])
    table = grid_table(document, rows, [1.2, 8.0, 4.4, 2.8], size=9)
    merge_cells(table, 1, 0, len(rows) - 1, 0)
    set_cell(table.cell(1, 0), "基\n本\n环\n境", size=9)
    return document
