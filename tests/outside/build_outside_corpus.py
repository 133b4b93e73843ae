"""Build the outside corpus: 24 forms filled the way schools fill them, by another hand.

``tests/outside/<form id>/<case>.docx`` are 24 filled forms (three per form, eight forms),
typed the way schools type them in Word: other column widths and merges, spaced and wrapped
labels, label and value in one cell, added or stray rows, ticks, blocks and deleted options,
dates and amounts written every way. They were built with python-docx from the text of the
seed notices by a different hand than ``tests/data``, without tianbiao's layout code, and
the layouts are deliberately unlike tianbiao's own.

``<case>.json`` beside each is the expectation, written by hand from what the builder puts in
the document, never taken from tianbiao's output: ``form``, ``fields``, optional ``rows``, and
where needed ``notes`` and ``known_failures`` (fields a shape cannot carry, per variant, with
the reason). The test suite (tests/parsers/test_outside_corpus.py) converts the files to the
LibreOffice re-saved, .doc and .pdf variants itself.

Rebuild (overwrites the .docx and .json files in place)::

    .venv/bin/python tests/outside/build_outside_corpus.py

or build elsewhere to compare, e.g. ``... build_outside_corpus.py /tmp/outside``; a rebuild
gives byte-identical JSON and an identical word/document.xml, which tests/corpuskit/
test_rebuild.py checks. The seed notices are read from tests/seeds/. This script uses
python-docx and the corpus kit (tests/corpuskit); it does not import tianbiao."""

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for the corpus kit
from corpuskit.corpus import output_folder, write_case
from corpuskit.documents import new_document, typed_paragraph
from corpuskit.marks import GAP, as_text, yes_no
from corpuskit.seeds import seed_between, seed_lines
from corpuskit.typed_tables import (
    clear_borders,
    merge,
    new_table,
    repeat_header,
    type_grid,
    write_cell,
)

HERE = Path(__file__).resolve().parent

CASES = []  # (form, case, builder, expected_fields, expected_rows, extra_keys)


def case(form, name, fields, rows=None, extra=None):
    """Register a builder; extra holds hand-added keys (notes, known_failures) for the JSON."""

    def deco(fn):
        CASES.append((form, name, fn, fields, rows, extra or {}))
        return fn

    return deco


# ---------------------------------------------------------------- helpers
MARGINS = (2.5, 2.5, 2.6, 2.6)  # top, bottom, left, right (cm)


def title(d, text, font="方正小标宋简体", size=18):
    typed_paragraph(d, text, font, size, bold=True, center=True)


def table(d, rows, widths):
    """A centred fixed table; every cell given its column's width, the grid cm × 567."""
    return new_table(d, rows, widths, grid="567", cell_widths=True)


@dataclass
class T:
    """A typed cell: its text ("\\n" or a list: one paragraph each), size, centred or not."""

    text: object
    size: float = None
    center: bool = False


@dataclass
class Form:
    """A form as an office retyped it: the 附件 line, the title, lines above the table, the
    table as rows of cells (see corpuskit.typed_tables.type_grid; None: merged, left empty),
    the note below."""

    font: str
    size: float
    attachment: str
    title: str
    rows: list
    widths: list
    attachment_size: float = None
    title_font: str = "方正小标宋简体"
    above: list = field(default_factory=list)
    above_right: bool = False
    heights: dict = field(default_factory=dict)
    borderless: list = field(default_factory=list)
    below: str = None

    def document(self):
        f = self.font
        d = new_document(f, self.size, MARGINS)
        typed_paragraph(d, self.attachment, "黑体", self.attachment_size)
        title(d, self.title, font=self.title_font)
        for line in self.above:
            p = typed_paragraph(d, line, f)
            if self.above_right:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        t = table(d, len(self.rows), self.widths)

        def fill(cell, spec):
            if isinstance(spec, T):
                write_cell(cell, spec.text, f, spec.size, center=spec.center)
            elif spec is not None:
                write_cell(cell, spec, f)

        type_grid(t, self.rows, fill)
        for r, height in self.heights.items():
            t.rows[r].height = Cm(height)
        for r, c in self.borderless:
            clear_borders(t.cell(r, c)._tc)
        if self.below:
            typed_paragraph(d, self.below, f, 10.5)
        return d


RUIAN_NOTE = "本表请于每年3月10日前上报radhjy@163.com。"
CITY_OPINION = ["市教育局意见：", "", "",
                "负责人：                                           盖章：",
                "                                                 年   月   日"]


# ---------------------------------------------------------------- seed text
SEED003 = seed_lines("003")


def seed_items(a, b):
    out = {}
    for line in SEED003[a:b]:
        m = re.match(r"^\t(\d+)\s*[.．](.{3,})", line)
        if m:
            out.setdefault(int(m.group(1)), line.strip())
    return out


def _start(marker):
    return next(i for i, line in enumerate(SEED003) if line.strip() == marker)


K12_ITEMS = seed_items(_start("附件3-2"), _start("附件3-3"))
VOC_ITEMS = seed_items(_start("附件3-3"), _start("附件4"))
INSP = {}  # C number -> (content, explanation, max)
_lines = SEED003[: _start("附件2")]
for i, line in enumerate(_lines):
    m = re.match(r"^\tC(\d+)", line)
    if m:
        rest = [x.strip() for x in _lines[i + 1 :] if x.strip()]
        content = line.strip()
        if not re.findall(r"[（(]\s*(\d+)\s*分", line):   # C33: "（2分）" on a line of its own
            content += "\n" + rest.pop(0)
        mx = float(re.findall(r"[（(]\s*(\d+)\s*分", content)[-1])
        INSP[int(m.group(1))] = (content, rest[0], mx)
assert len(K12_ITEMS) == 35 and len(VOC_ITEMS) == 35 and len(INSP) == 35


# ================================================================ ruian-2022-report
RUIAN_A = dict(
    report_date="2022-03-08", school="瑞安市第二中学", project="LED设备", amount=150000,
    leader="李明华\n13905771234",
    summary=(
        "学校于2021年暑期在报告厅和操场主席台各安装LED全彩显示屏一块，总面积约42平方米。\n"
        "项目经公开招标确定供货单位，2021年9月完成安装调试并通过验收。"
    ),
    measures=(
        "一是成立由分管副校长牵头的项目管理小组，明确信息中心专人负责日常管理。\n"
        "二是制定《LED显示屏使用管理办法》，实行使用登记制度。\n"
        "三是组织相关教师开展设备操作培训2次。"
    ),
    benefits=(
        "LED屏用于升旗仪式、校园文化宣传、大型活动直播，全年使用超过200次，宣传效果明显提升。"
    ),
    achievement="已全面达到计划目标。", principal_opinion="项目建设规范，使用效益良好，同意上报。",
    principal_date="2022-03-09", expert_opinion=None, expert_date=None,
)


RUIAN_A_EXTRA = {
    "known_failures": {
        "pdf": {
            "leader": "The leader's cell holds two paragraphs, “李明华” and “13905771234”: "
            "in a PDF the number too long for what is left of the first line looks exactly "
            "like a wrap, so the two are read as one line.",
        },
    },
}


case("ruian-2022-report", "a-spaced-labels-wan", RUIAN_A, extra=RUIAN_A_EXTRA)(Form(
    "宋体", 12, "附件2", "瑞安市教育信息化应用“回头看”项目建设报告", attachment_size=14,
    rows=[
        [T("学    校", center=True), "瑞安市第二中学", T("项 目 名 称", center=True), "LED设备"],
        [T("投入资金：", center=True), "15万元", T("项目负责人\n及联系方式", center=True),
         "李明华\n13905771234"],
        [T("项 目 简 介", center=True), RUIAN_A["summary"], "<", "<"],
        [T("推 进 措 施", center=True), RUIAN_A["measures"], "<", "<"],
        [T("效    益", center=True), RUIAN_A["benefits"], "<", "<"],
        [T("与计划的\n达成度", center=True), RUIAN_A["achievement"], "<", "<"],
        [T("校长意见", center=True),
         ["项目建设规范，使用效益良好，同意上报。", "", "                    2022年3月9日"],
         "<", "<"],
        [T("专家验收意见", center=True), ["", "", "                    年   月   日"], "<", "<"],
    ],
    above=["申报建设时间：2022年3月8日"], above_right=True, widths=[2.4, 5.6, 3.2, 4.6],
    heights={2: 3.2, 3: 3.2, 4: 3.2, 5: 3.2, 6: 2.4, 7: 2.4}, below=RUIAN_NOTE,
).document)


RUIAN_B = dict(
    report_date="2021-09-01", school="瑞安市陶山镇荆谷学校", project="云桌面机房", amount=155651,
    leader="陈晓东 13857712345",
    summary="建设云桌面机房1间，配置云终端56台、服务器2台，替换原有使用超过8年的学生机房。",
    measures="学校将机房纳入信息技术课程和社团活动统一排课，每学期开展一次设备维护。",
    benefits="机房开机时间由原来的3分钟缩短到30秒，维护工作量明显减少，信息技术课开课率100%。",
    achievement="基本达到计划目标，部分学科应用有待加强。", principal_opinion="同意。",
    principal_date="2022-03-07",
    expert_opinion="经现场查看和资料核查，项目达到预期目标，评定为良好。",
    expert_date="2022-05-18",
)


# a 6-column grid; label+value in one cell for 学校; borderless first row; an extra empty row
# left at the bottom
case("ruian-2022-report", "b-six-col-daxie-label-in-cell", RUIAN_B)(Form(
    "仿宋", 14, "附件2", "瑞安市教育信息化应用“回头看”项目建设报告",
    rows=[
        ["", "<", "<", "<", "申报建设时间：2021.9.1", "<"],
        ["学校：瑞安市陶山镇荆谷学校", "<", "<", "项目名称：", "<", "云桌面机房"],
        ["投入资金", "<", "壹拾伍万伍仟陆佰伍拾壹元整", "项目负责人及联系方式", "<",
         "陈晓东 13857712345"],
        ["项目简介", "<", RUIAN_B["summary"], "<", "<", "<"],
        ["推进措施", "<", RUIAN_B["measures"], "<", "<", "<"],
        ["效益", "<", RUIAN_B["benefits"], "<", "<", "<"],
        ["与计划的达成度", "<", RUIAN_B["achievement"], "<", "<", "<"],
        ["校长意见", "<", ["同意。", "二〇二二年三月七日"], "<", "<", "<"],
        ["专家验收意见", "<", ["经现场查看和资料核查，项目达到预期目标，评定为良好。",
                               "2022年5月18日"], "<", "<", "<"],
        [None, "<", None, "<", "<", "<"],
    ],
    widths=[1.6, 1.2, 4.4, 1.8, 1.6, 5.0],
    borderless=[(0, 0), (0, 4)], below=RUIAN_NOTE,
).document)


# ================================================================ hengyang-2018-application
HY_A = dict(
    applicant="衡阳县第一中学", category="区域智慧教育", project="县域智慧教育云平台应用示范",
    leader="王卫东", leader_phone="13873415566", contact="李娟", contact_phone="07346812345",
    plan_points=(
        "一、建设目标：依托县教育城域网，建设覆盖全县高中的智慧教育云平台。\n"
        "二、主要内容：同步课堂、名师工作室、学情分析三个应用模块。\n"
        "三、试点期限：2018年10月至2020年9月。"
    ),
    unit_opinion="同意申报，学校保障试点经费和人员。", unit_signer="王卫东",
    unit_date="2018-09-10", county_opinion="经初审，同意推荐。", county_signer="赵长林",
    county_date="2018-09-14", city_opinion=None, city_signer=None, city_date=None,
)


case("hengyang-2018-application", "a-ticked-box-original-layout", HY_A)(Form(
    "仿宋", 14, "附件2", "2018年衡阳市教育信息化试点项目申请表", widths=[2.8, 4.6, 2.9, 5.3],
    rows=[
        ["申报单位：", "衡阳县第一中学", "<", "<"],
        ["申报类别：", T(["□①网络联校创新应用　☑②区域智慧教育",
                          "□③教育网络安全　　　□④人工数字智能教室"], size=12), "<", "<"],
        ["项目名称：", "县域智慧教育云平台应用示范", "<", "<"],
        ["负责人", "王卫东", "手机号码", "138-7341-5566"],
        ["联系人", "李娟", "手机号码", "0734 6812345"],
        [["试点实施方案要点（可另附页）：", *HY_A["plan_points"].split("\n")], "<", "<", "<"],
        [["单位意见：", "同意申报，学校保障试点经费和人员。", "", "负责人：王卫东    盖章：",
          "          2018年9月10日"], "<",
         ["县市区教育局意见：", "经初审，同意推荐。", "", "负责人：赵长林    盖章：",
          "          2018年9月14日"], "<"],
        [CITY_OPINION, "<", "<", "<"],
    ],
    heights={5: 6},
).document)


HY_B = dict(
    HY_A, applicant="耒阳市实验中学", category="人工数字智能教室",
    project="人工智能创客教室建设与课程开发", leader="刘建国", leader_phone="13907341122",
    contact="周敏", contact_phone="07344321888",
    plan_points=(
        "1.建设人工智能创客教室2间，配备编程机器人40套。\n"
        "2.开发校本人工智能课程一套，覆盖七、八年级。"
    ),
    unit_opinion="同意。", unit_signer="刘建国", unit_date="2018-09-11", county_opinion=None,
    county_signer=None, county_date=None,
)


# the plan typed in a row of its own below its label; the opinions stacked, one per
# full-width row (an office re-did the layout)
case("hengyang-2018-application", "b-others-deleted-spaced-stacked", HY_B)(Form(
    "宋体", 12, "附件2", "2018年衡阳市教育信息化试点项目申请表", title_font="宋体",
    rows=[
        ["申 报 单 位", "耒阳市实验中学", "<", "<"],
        ["申 报 类 别", "④人工数字智能教室", "<", "<"],
        ["项 目 名 称", "人工智能创客教室建设与课程开发", "<", "<"],
        ["负 责 人", "刘建国", "手机号码", "139 0734 1122"],
        ["联 系 人", "周敏", "手机号码", "0734-4321888"],
        ["试点实施方案要点（可另附页）：", "<", "<", "<"],
        [HY_B["plan_points"], "<", "<", "<"],
        [["单位意见：", "同意。", "负责人：刘建国           盖章：", "                 2018.9.11"],
         "<", "<", "<"],
        [["县市区教育局意见：", "", "负责人：           盖章：", "                 年   月   日"],
         "<", "<", "<"],
        [["市教育局意见：", *CITY_OPINION[2:]], "<", "<", "<"],
    ],
    widths=[3.2, 4.2, 3.0, 5.2],
    heights={6: 5},
).document)


# ================================================================ zhongxian-2021-acceptance
def acceptance_rows(labels, values):
    """附件4's grid: 学校负责人 and 项目责任人 side by side, then a label and its value a row."""
    pairs = zip(labels[2:], values[2:], strict=True)
    return [[labels[0], values[0], labels[1], values[1]],
            *([label, value, "<", "<"] for label, value in pairs)]


ACC_A = dict(
    school="忠县拔山中学", apply_date="2021-06-10", principal="秦国华", project_leader="冉小平",
    project="智慧校园创建",
    achievements=(
        "一、建成千兆到桌面的校园网，无线网络覆盖全部教学区。\n"
        "二、建设录播教室1间、智慧教室3间，常态化开展课堂实录。\n"
        "三、教师网络学习空间开通率达到100%。"
    ),
    expected_effect=(
        "通过验收后，学校将成为全县农村初中智慧校园建设的样板。\n"
        "带动片区5所学校开展同步课堂。"
    ),
    school_opinion="同意申报。", bureau_opinion=None,
)


case("zhongxian-2021-acceptance", "a-prompt-kept-multipara", ACC_A)(Form(
    "仿宋", 14, "附件4", "忠县中小学“创建验收”项目申报表",
    rows=acceptance_rows(
        ["学校负责人", "项目责任人", "申报验收项目", "取得的成绩或主要做法", "预期效果",
         "学校推荐意见", "教育行政主管部门意见"],
        ["秦国华", "冉小平", "智慧校园创建",
         ["另附自查报告（3000字以内）", *ACC_A["achievements"].split("\n")],
         ACC_A["expected_effect"], "同意申报。", None]),
    above=["申报学校（盖章）：忠县拔山中学         时间：2021年6月10日"],
    widths=[3.2, 4.6, 3.2, 4.6],
    heights={2: 4, 3: 4, 4: 4, 5: 4},
).document)


ACC_B = dict(
    school="忠县汝溪中学", apply_date="2021-06-08", principal="谭德明", project_leader="向东",
    project="创客教育特色学校", achievements="见自查报告",
    expected_effect="形成创客课程体系，学生参加市级以上创客竞赛获奖10项以上。",
    school_opinion="该校创客教育开展扎实，同意推荐。", bureau_opinion="同意推荐。",
)


case("zhongxian-2021-acceptance", "b-spaced-dotted-extra-row", ACC_B)(Form(
    "宋体", 12, "附件4", "忠县中小学“创建验收”项目申报表",
    rows=acceptance_rows(
        ["学 校 负 责 人", "项 目 责 任 人", "申报验收项目", "取得的成绩或\n主要做法",
         "预 期 效 果", "学校推荐意见", "教育行政主管\n部门意见", None],  # a stray empty row
        ["谭德明", "向东", "创客教育特色学校", "见自查报告", ACC_B["expected_effect"],
         ACC_B["school_opinion"], "同意推荐。", None]),
    above=["申报学校（盖章）：忠县汝溪中学　　　　时间：2021.6.8"], widths=[3.6, 4.2, 3.6, 4.2],
).document)


# ================================================================ zhongxian-2021-smart-campus-self
TYPED_MARKS = {"tick": ("☑", "　　"), "check": ("√", GAP), "block": ("■", GAP),
               "delete": ("bare", GAP)}


def yn(v, style):
    """Render a yes/no answer the ways people do."""
    mark, gap = TYPED_MARKS[style]
    return as_text(yes_no(v, mark, gap))


SELF_A = {
    "school": "忠县马灌中学校", "school_type": "普通中小学校",
    "address": "重庆市忠县马灌镇新街12号", "contact_person": "何晓林",
    "contact_phone": "13594560123", "fax": "023-54561234", "email": "mgzx_xxb@163.com",
    "staff": 156, "students": 2210,
    "has_leading_group": True, "has_it_department": True, "it_department_name": "信息中心",
    "it_staff": 3, "has_plan": True, "investment": 286.5,
    "has_campus_network": True, "bandwidth": 1000, "wireless_aps": 64,
    "wireless_full_coverage": False, "on_cq_education_network": True,
    "terminals_per_100_students": 12.5, "terminals_per_100_teachers": 105,
    "interactive_equipment_rate": 95,
    "smart_classrooms": 4, "school_course_resources": 8, "has_interaction": True,
    "teacher_space_rate": 100, "has_smart_push": False, "student_space_rate": 92,
    "has_one_stop_service": False, "has_data_analysis": True, "uses_iot": False, "uses_cloud": True,
    "moe_pilot": False, "cq_pilot": False, "cq_smart_campus_pilot": True,
    "awards_county_and_above": 3, "awards_district": 5,
    "has_emergency_plan": True, "has_disaster_backup": True, "holds_security_drills": True,
    "had_major_incident": False,
}
SELF_B = dict(
    SELF_A, school="重庆市忠县职业教育中心", school_type="中职学校",
    address="忠县忠州街道白公路6号", contact_person="邓世军", contact_phone="02354231188",
    fax="无", email="zxzjzx@126.com", staff=230, students=4120,
    it_department_name="现代教育技术中心", it_staff=5, investment=520, bandwidth=2000,
    wireless_aps=180, wireless_full_coverage=True, terminals_per_100_students=18,
    terminals_per_100_teachers=120, interactive_equipment_rate=96, smart_classrooms=12,
    school_course_resources=20, has_smart_push=True, student_space_rate=88,
    has_one_stop_service=True, uses_iot=True, cq_pilot=True, cq_smart_campus_pilot=False,
    awards_county_and_above=6, awards_district=0, has_disaster_backup=False,
)


def build_self(v, style, font, units, school_type_text, fullwidth_pct=False, spaced=False):
    """The original 附件3-1 layout: 6 columns; awards split into two sub-cells and its
    top aligned with 是否参与重庆市智慧校园建设试点 (as in the seed)."""
    f = font
    d = new_document(f, 10.5, MARGINS)
    typed_paragraph(d, "附件3-1", "黑体", 14)
    title(d, "忠县智慧校园建设创建自评表", size=16)
    t = table(d, 23, [1.3, 4.0, 2.6, 4.0, 1.7, 2.6])

    def u(x, unit):
        return f"{x}{unit}" if units else str(x)

    def pct(x):
        if fullwidth_pct:
            return str(x).translate(str.maketrans("0123456789", "０１２３４５６７８９")) + "％"
        return f"{x}%"

    def Y(k):
        return yn(v[k], style)

    # 学校概况 rows 0-5
    write_cell(merge(t, 0, 0, 5, 0), "学校概况", f)
    write_cell(t.cell(0, 1), "学校名称", f)
    write_cell(merge(t, 0, 2, 0, 5), v["school"], f)
    write_cell(t.cell(1, 1), "学校类别", f)
    write_cell(merge(t, 1, 2, 1, 5), school_type_text, f)
    write_cell(t.cell(2, 1), "学校地址", f)
    write_cell(merge(t, 2, 2, 2, 5), v["address"], f)
    rows = [
        (3, "学校联系人", v["contact_person"], "联系电话", v["contact_phone"]),
        (4, "学校传真", v["fax"], "电子邮箱", v["email"]),
        (5, "在编教职工总数", u(v["staff"], "人"), "在籍学生总数", u(v["students"], "人")),
        (6, "是否成立网信或智慧校园建设领导机构", Y("has_leading_group"),
         "是否明确教育信息化职能部门", Y("has_it_department")),
        (7, "教育信息化职能部门名称", v["it_department_name"],
         "教育信息化专职人员数量（人）", str(v["it_staff"])),
        (8, "是否制定智慧校园\n建设规划", Y("has_plan"),
         "近三年教育信息化累计投入经费（万元）", str(v["investment"])),
        (9, "是否建成校园网", Y("has_campus_network"),
         "互联网出口带宽（M）", u(v["bandwidth"], "M")),
        (10, "无线网络AP数量（个）", u(v["wireless_aps"], "个"),
         "是否实现校园\n无线网络全覆盖", Y("wireless_full_coverage")),
        (11, "是否接入\n重庆教育宽带网", Y("on_cq_education_network"),
         "百名学生拥有终端数（台）", str(v["terminals_per_100_students"])),
        (12, "百名教师拥有终端数(台)", str(v["terminals_per_100_teachers"]),
         "普通教室互动多媒体教学设备配备率（%）", pct(v["interactive_equipment_rate"])),
        (13, "智慧教室数量（间）", u(v["smart_classrooms"], "间"),
         "校本课程数字资源\n数量（门）", u(v["school_course_resources"], "门")),
        (14, "教学应用是否具备\n师生交流互动功能", Y("has_interaction"),
         "教师网络学习空间\n开通率（%）", pct(v["teacher_space_rate"])),
        (15, "教学应用是否具备\n智能推送功能", Y("has_smart_push"),
         "学生网络学习空间开通率（小学三年级以上）（%）", pct(v["student_space_rate"])),
        (16, "管理系统是否具备“一站式服务”能力", Y("has_one_stop_service"),
         "是否开展数据分析\n应用", Y("has_data_analysis")),
        (17, "是否应用物联网技术", Y("uses_iot"), "是否使用云服务", Y("uses_cloud")),
        (18, "是否参与教育部第一批教育信息化试点", Y("moe_pilot"),
         "是否参加重庆市教育信息化试点", Y("cq_pilot")),
    ]
    for r, l1, v1, l2, v2 in rows:
        write_cell(t.cell(r, 1), l1, f)
        write_cell(t.cell(r, 2), v1, f)
        write_cell(t.cell(r, 3), l2, f)
        write_cell(merge(t, r, 4, r, 5), v2, f)
    write_cell(merge(t, 6, 0, 8, 0), "体制机制", f)
    write_cell(merge(t, 9, 0, 12, 0), "基本条件", f)
    write_cell(merge(t, 13, 0, 17, 0), "智慧应用", f)
    # 试点示范 rows 18-20
    write_cell(merge(t, 18, 0, 20, 0), "试点示范", f)
    write_cell(merge(t, 19, 1, 20, 1), "是否参与重庆市智慧\n校园建设试点", f)
    write_cell(merge(t, 19, 2, 20, 2), Y("cq_smart_campus_pilot"), f)
    write_cell(merge(t, 19, 3, 20, 3), "教育信息化、智慧\n校园工作获奖数量（项）", f)
    write_cell(t.cell(19, 4), "县级及以上", f)
    write_cell(t.cell(19, 5), u(v["awards_county_and_above"], "项"), f)
    write_cell(t.cell(20, 4), "区县级", f)
    write_cell(t.cell(20, 5), u(v["awards_district"], "项"), f)
    # 网络安全 rows 21-22
    write_cell(merge(t, 21, 0, 22, 0), "网络安全", f)
    security = [
        (21, "是否制定网络安全\n应急预案", "has_emergency_plan",
         "是否有数据容灾\n备份措施", "has_disaster_backup"),
        (22, "是否定期开展网络安全应急演练", "holds_security_drills",
         "近三年是否发生过重大网络安全事故", "had_major_incident"),
    ]
    for r, l1, k1, l2, k2 in security:
        write_cell(t.cell(r, 1), l1, f)
        write_cell(t.cell(r, 2), Y(k1), f)
        write_cell(t.cell(r, 3), l2, f)
        write_cell(merge(t, r, 4, r, 5), Y(k2), f)
    return d


def self_read(v):
    """What a reader records from 附件3-1 typed with `v`: 传真 is a phone number (digits;
    "无" is no fax)."""
    fax = v["fax"]
    return dict(v, fax=None if fax in ("无", "", None) else re.sub(r"\D", "", fax))


@case("zhongxian-2021-smart-campus-self", "a-ticked-units", self_read(SELF_A))
def self_a():
    return build_self(SELF_A, "tick", "宋体", True, "□中职学校　　☑普通中小学校")


@case("zhongxian-2021-smart-campus-self", "b-check-fullwidth-pct", self_read(SELF_B))
def self_b():
    return build_self(SELF_B, "check", "仿宋", False, "√中职学校       □普通中小学校",
                      fullwidth_pct=True)


# ================================================================ zhongxian-2021-inspection
A_GROUPS = [("A1 常规管理 (6分)", 1, 3), ("A2 硬软件管理 (27分)", 4, 14),
            ("A3\n使用效益 (52分)", 15, 30), ("A4 社会实践及科技活动（7分）", 31, 32),
            ("A5\n科研活动（8分）", 33, 35)]
B_GROUPS = [("B1 组织体系（2分）", 1, 1), ("B2 落实人员（ 2分 ）", 2, 2),
            ("B3日常管理（ 2 分）", 3, 3), ("B4功能室管理（ 14分）", 4, 9),
            ("B5资料记载（ 13分）", 10, 14), ("B6教育信息化（17分）", 15, 18),
            ("B7网络安全（7分）", 19, 20), ("B8 实验教学（11分）", 21, 23),
            ("B9 图书效益（8分）", 24, 26), ("B10六大功能室（11分）", 27, 30),
            ("B11 社会实践活动 （4分）", 31, 31), ("B12科技活动（3分）", 32, 32),
            ("B13 课题研究（2分）", 33, 33), ("B14论文发表（3分）", 34, 34),
            ("B15 各类大赛（3分）", 35, 35)]


def insp_expected(school, inspector, date, scores, notes):
    e = {"school": school, "inspector": inspector, "inspect_date": date}
    for c in range(1, 36):
        e[f"c{c}_score"] = scores.get(c, INSP[c][2])
        e[f"c{c}_note"] = notes.get(c)
    e["total_score"] = sum(x for x in (e[f"c{c}_score"] for c in range(1, 36)) if x is not None)
    return e


INSP_A_SCORES = {2: 1, 5: 1.5, 7: 2, 13: 1.5, 15: 3, 18: 5, 25: 2.5, 30: 1.5, 34: 1.5, 35: 2}
INSP_A_NOTES = {2: "科学室无管理人联系电话。", 7: "仪器账物不符3件，\n部分图书未贴签。",
                15: "录播室本学期使用偏少。", 25: "小学生均点击3.2次"}
INSP_A = insp_expected("忠县新生小学", "冉光明、谭晓燕", "2021-06-15", INSP_A_SCORES, INSP_A_NOTES)
INSP_B_SCORES = {1: 2, 3: 1, 10: 3.5, 14: 3, 19: 2, 24: 2.5, 31: 2, 33: 1, 35: None}
INSP_B_NOTES = {3: "工作总结无装备工作内容", 10: "实验登记不全。", 14: "图书室缺书目。",
                19: "无网络安全宣传周总结。\n未按时上报资料。", 31: "研学旅行未报批"}
INSP_B = insp_expected("忠县石宝镇中心小学", "周平", "2021-06-16", INSP_B_SCORES, INSP_B_NOTES)


def build_insp(font, scores, notes, merged, fen, line_school, line_rest, total_text):
    f = font
    d = new_document(f, 10.5, MARGINS)
    typed_paragraph(d, "附件1", "黑体", 14)
    title(d, "忠县中小学教育信息技术与装备专项督查评分表", size=16)
    typed_paragraph(d, line_school, f, 12)
    if line_rest:
        typed_paragraph(d, line_rest, f, 12)
    t = table(d, 37, [1.5, 2.0, 5.0, 4.4, 1.6, 1.7])
    write_cell(merge(t, 0, 0, 0, 1), "督查项目与权重", f, center=True)
    for i, h in enumerate(["督查内容", "评分说明", "考核分", "备注"], start=2):
        write_cell(t.cell(0, i), h, f, center=True)
    for lab, a, b in A_GROUPS:
        if merged:
            write_cell(merge(t, a, 0, b, 0), lab, f)
        else:
            write_cell(t.cell(a, 0), lab, f)
    for lab, a, b in B_GROUPS:
        if merged and b > a:
            write_cell(merge(t, a, 1, b, 1), lab, f)
        else:
            write_cell(t.cell(a, 1), lab, f)
    for c in range(1, 36):
        content, expl, mx = INSP[c]
        write_cell(t.cell(c, 2), content, f, size=9)
        write_cell(t.cell(c, 3), expl, f, size=9)
        s = scores.get(c, mx)
        if s is not None:
            st = f"{s:g}"
            write_cell(t.cell(c, 4), st + ("分" if fen else ""), f, center=True)
        if notes.get(c):
            write_cell(t.cell(c, 5), notes[c], f, size=9)
    write_cell(merge(t, 36, 0, 36, 3), "得分合计", f, center=True)
    write_cell(t.cell(36, 4), total_text, f, center=True)
    return d


@case("zhongxian-2021-inspection", "a-original-merged-one-line-header", INSP_A)
def insp_a():
    return build_insp("宋体", INSP_A_SCORES, INSP_A_NOTES, True, False,
                      "学校：忠县新生小学　　督查人员：冉光明、谭晓燕　　督查时间：2021年6月15日",
                      None, f"{INSP_A['total_score']:g}")


INSP_B_EXTRA = {
    "known_failures": {
        "pdf": {
            "c19_note": "c19's note holds two sentences as two paragraphs; the first exactly "
            "fills the narrow 备注 column, which a PDF shows the same as a sentence that wrapped.",
        },
    },
}


@case("zhongxian-2021-inspection", "b-unmerged-fen-blank-item", INSP_B, extra=INSP_B_EXTRA)
def insp_b():
    return build_insp("仿宋", INSP_B_SCORES, INSP_B_NOTES, False, True,
                      "学校：忠县石宝镇中心小学", "督查人员：周平　　　督查时间：2021年6月16日",
                      f"{INSP_B['total_score']:g}分")


# ================================================================ smart-campus k12 / vocational
K12_GROUPS = [("基本环境", 1, 6), ("资源建设", 7, 8), ("教育教学", 9, 13), ("家校共育", 14, 15),
              ("管理服务", 16, 18), ("数据管理与分析", 19, 24), ("制度保障", 25, 32),
              ("网络安全", 33, 34), ("创新与亮点", 35, 35)]
VOC_GROUPS = [("基本环境", 1, 7), ("资源建设", 8, 9), ("教育教学", 10, 13), ("管理服务", 14, 16),
              ("实习实训", 17, 18), ("合作交流", 19, 20), ("数据管理与分析", 21, 26),
              ("制度保障", 27, 32), ("网络安全", 33, 34), ("创新与亮点", 35, 35)]


def campus_fill(kind, variant):
    """Hand-written answers: status (建设情况) and materials (支撑材料清单) per item."""
    st, mat = {}, {}
    for i in range(1, 36):
        if kind == "k12":
            st[i] = f"已按要求完成第{i}项建设，相关设施和制度运行正常。"
        else:
            st[i] = f"学校对照第{i}项标准完成建设并投入使用，运行情况良好。"
        mat[i] = None
    # hand-tuned, more realistic items
    st[1] = ("校园网骨干万兆、千兆到桌面，有线信息点1320个，为师生总数的1.25倍。\n"
             "出口总带宽1000M，无线AP 72个，覆盖全部教学区和生活区。")
    st[4] = ("全校36个教室均配备86英寸交互式一体机，多媒体教室占比100%。\n"
             "建有智慧教室4间，占教室总数的11%；日常使用率约85%。")
    st[6] = "校园安装高清摄像头146个，重点区域多角度覆盖，配备一键报警；UPS断电可工作8小时。"
    st[25] = "成立以校长为组长的智慧校园建设领导小组，每学期召开专题会议。"
    if variant == "a":
        seq = 1
        for i in (1, 2, 4, 6, 7, 16, 25, 27, 33, 35):
            k = 2 if i in (1, 4, 25) else 1
            mat[i] = "\n".join(f"{seq + j}.{nm}" for j, nm in enumerate(
                ["网络拓扑图", "设备清单", "验收报告", "使用登记表"][:k]))
            seq += k
    else:
        st[3] = "3台服务器，冗余约30%，人均存储5.2GB。"           # status starting with a number
        st[12] = None
        st[24] = None
        st[35] = None
        mat[2] = "3.物联网网关清单\n4.传感网络验收单"            # numbering continued from item 1
        mat[1] = "1.校园网拓扑图\n2.带宽合同"
        mat[6] = "监控点位图；巡更记录"
        mat[30] = "2021年学校预算表"
    return st, mat


def campus_expected(kind, variant):
    st, mat = campus_fill(kind, variant)
    e = {}
    for i in range(1, 36):
        e[f"n{i}_status"] = st[i]
        e[f"n{i}_materials"] = mat[i]
    return e


def build_campus(kind, variant, font):
    items = K12_ITEMS if kind == "k12" else VOC_ITEMS
    groups = K12_GROUPS if kind == "k12" else VOC_GROUPS
    ttl = "普通中小学智慧校园建设情况表" if kind == "k12" else "中职学校智慧校园建设情况表"
    att = "附件3-2" if kind == "k12" else "附件3-3"
    st, mat = campus_fill(kind, variant)
    f = font
    d = new_document(f, 10.5, MARGINS)
    typed_paragraph(d, att, "黑体", 14)
    title(d, ttl, size=16)
    widths = [1.1, 7.4, 4.6, 2.9] if variant == "a" else [2.2, 6.6, 4.8, 2.4]
    t = table(d, 36, widths)
    for i, h in enumerate(["名称", "内  容", "建设情况", "支撑材料清单"]):
        write_cell(t.cell(0, i), h, f, bold=True, center=True)
    for name, a, b in groups:
        if variant == "a":   # one character per line, merged down
            cell = merge(t, a, 0, b, 0) if b > a else t.cell(a, 0)
            write_cell(cell, "\n".join(name), f, center=True)
        else:                # written across, only in the first row of the group, not merged
            write_cell(t.cell(a, 0), name, f)
    for i in range(1, 36):
        write_cell(t.cell(i, 1), items[i], f, size=9)
        if st[i]:
            write_cell(t.cell(i, 2), st[i], f, size=9)
        if mat[i]:
            write_cell(t.cell(i, 3), mat[i], f, size=9)
    return d


@case(
    "zhongxian-2021-smart-campus-k12",
    "a-vertical-merged-numbered-materials",
    campus_expected("k12", "a"),
)
def k12_a():
    return build_campus("k12", "a", "宋体")


@case(
    "zhongxian-2021-smart-campus-k12",
    "b-across-unmerged-some-empty",
    campus_expected("k12", "b"),
)
def k12_b():
    return build_campus("k12", "b", "仿宋")


@case(
    "zhongxian-2021-smart-campus-vocational",
    "a-vertical-merged-numbered-materials",
    campus_expected("voc", "a"),
)
def voc_a():
    return build_campus("voc", "a", "宋体")


@case(
    "zhongxian-2021-smart-campus-vocational",
    "b-across-unmerged-some-empty",
    campus_expected("voc", "b"),
)
def voc_b():
    return build_campus("voc", "b", "仿宋")


# ================================================================ yueyang-2020-taskbook
# (school, year, part): what the school wrote in its plan table: 试点工作内容 (content),
# 预期试点成果 (results), 工作措施与保障手段 (measures); "\n" between paragraphs
YY_PLANS = {
    ("a", 2021, "content"):
        "1.成立家校共育共同体，制定章程和三年实施方案。\n"
        "2.建设家校共育网络平台，开通班级家长空间。",
    ("a", 2021, "results"):
        "1.家校共育共同体章程1份。\n"
        "2.平台投入使用，家长注册率达到80%。",
    ("a", 2021, "measures"):
        "1.校长任组长，德育处牵头实施。\n"
        "2.试点经费纳入学校年度预算，专款专用。",
    ("a", 2022, "content"):
        "开展线上家长学校课程，每月一次专题讲座。",
    ("a", 2022, "results"):
        "形成家长学校课程资源20节。",
    ("a", 2022, "measures"):
        "建立月报告制度，信息中心提供技术保障。",
    ("a", 2023, "content"):
        "总结提炼家校共育模式，开展成果推广。",
    ("a", 2023, "results"):
        "完成结题报告和案例集。",
    ("a", 2023, "measures"):
        "邀请专家指导，组织片区推广活动。",
    ("b", 2021, "content"):
        "建设校级智慧教学平台，完成精细教学数据采集模块。",
    ("b", 2021, "results"):
        "平台上线，覆盖初一年级全部班级。",
    ("b", 2021, "measures"):
        "成立项目组，每月召开推进会。",
    ("b", 2022, "content"):
        "1.推广平台到全校三个年级。\n"
        "2.开展基于数据的精细教学课例研究。\n"
        "3.开展教师数据素养培训。",
    ("b", 2022, "results"):
        "形成精细教学课例30节。",
    ("b", 2022, "measures"):
        "教科室牵头，组织学科组开展专题研讨。",
    ("b", 2023, "content"):
        "总结经验，完成课题结题。",
    ("b", 2023, "results"):
        "形成研究报告和课例集。",
    ("b", 2023, "measures"):
        "聘请市教科院专家指导。",
}
# (school, year): 经费总数, 上级部门配套经费, 自筹经费 (万元)
YY_MONEY = {
    ("a", 2021): (50, 20, 30),
    ("a", 2022): (20, 10, 10),
    ("a", 2023): (10, 5, 5),
    ("b", 2021): (45, 20, 25),
    ("b", 2022): (30.5, 15, 15.5),
    ("b", 2023): (10, 0, 10),
    ("c", 2021): (50, 20, 30),
    ("c", 2022): (30, 10, 20),
    ("c", 2023): (20, 10, 10),
}
# The detail rows: school, year, 试点重点建设内容, 重点建设内容分解, 起止时间 as typed, as read,
# 所需经费 (万元)
YY_DETAILS = [
    ("a", 2021, "家校共育平台建设", "平台采购、部署与培训",
     "2021年3月-2021年7月", "2021-03/2021-07", 35),
    ("a", 2021, "班级空间推广", "家长培训与活动组织",
     "2021.9—2021.12", "2021-09/2021-12", 15),
    ("a", 2022, "家长学校课程", "课程录制与专家讲座",
     "2022年3月至2022年12月", "2022-03/2022-12", 20),
    ("a", 2023, "成果推广", "案例汇编与推广会",
     "2023年9月-2023年12月", "2023-09/2023-12", 10),
    ("b", 2021, "智慧教学平台", "平台采购与部署",
     "2021年2月至2021年6月", "2021-02/2021-06", 30),
    ("b", 2021, "数据采集终端", "阅卷扫描仪2台、平板30台",
     "2021年3月-2021年8月", "2021-03/2021-08", 15),
    ("b", 2022, "平台推广", "扩容与新增账号",
     "2022.2-2022.6", "2022-02/2022-06", 12),
    ("b", 2022, "课例研究", "课例录制与评比",
     "2022.3-2022.12", "2022-03/2022-12", 8.5),
    ("b", 2022, "教师培训", "数据素养专题培训",
     "2022.7-2022.8", "2022-07/2022-08", 6),
    ("b", 2022, "专家指导", "市教科院专家指导4次",
     "2022.9-2022.12", "2022-09/2022-12", 4),
    ("b", 2023, "结题", "成果汇编与结题",
     "2023年9月-2023年12月", "2023-09/2023-12", 10),
    ("c", 2021, "智慧课堂建设", "智慧教室2间",
     "2021.03-2021.07", "2021-03/2021-07", 40),
    ("c", 2021, "教师培训", "全员培训",
     "2021年9月~12月", "2021-09/2021-12", 10),
    ("c", 2022, "资源建设", "校本资源开发",
     "2022年3月—2022年12月", "2022-03/2022-12", 30),
    ("c", 2023, "总结推广", "成果汇编",
     "2023年3月—2023年12月", "2023-03/2023-12", 20),
]


def yy_plan(school):
    return {y: tuple(YY_PLANS[(school, y, part)] for part in ("content", "results", "measures"))
            for y in (2021, 2022, 2023)}


def yy_budget(school):
    """year: (total, superior, own, [(content, breakdown, period as typed, period read, cost)])"""
    return {y: (*YY_MONEY[(school, y)], [row[2:] for row in YY_DETAILS if row[:2] == (school, y)])
            for y in (2021, 2022, 2023)}


UNSIGNED = "负责人（签字）：                     （公章）"


def spaced_cover(unit, project, leader, phone):
    """The cover lines as the seed prints them, letter-spaced, （盖 章） on a line of its own."""
    return [f"单  位  名  称 ：{unit}", "       （盖 章）", f"项  目  名  称：{project}",
            f"项 目 负 责 人：{leader}", f"联  系  电  话：{phone}"]


def sign_lines(party_c, party_b=("", UNSIGNED, "年    月    日")):
    """The 甲乙丙 signature lines as plain paragraphs: 乙方 (unit, signer line, date) and the
    project leader's line as the school filled them."""
    unit_b, signer_b, date_b = party_b
    return ["", "主管部门（甲方）：", UNSIGNED, " " * 38 + "年    月    日", "", "",
            f"责任部门（乙方）：{unit_b}", signer_b, " " * 30 + date_b, "", "",
            "试点项目承担单位（丙方）：           （公章）", f"项目负责人（签字）：{party_c}"]


def yy_expected(unit, project, leader, phone, plan, budget, signers):
    e = {"unit": unit, "project": project, "leader": leader, "phone": phone}
    rows = {}
    for y in (2021, 2022, 2023):
        c, r, m = plan[y]
        e[f"plan_{y}_content"], e[f"plan_{y}_results"], e[f"plan_{y}_measures"] = c, r, m
        tot, sup, own, items = budget[y]
        e[f"total_{y}"], e[f"superior_{y}"], e[f"own_{y}"] = tot, sup, own
        rows[f"经费预算明细（{y}年）"] = [
            {"试点重点建设内容": a, "重点建设内容分解": b, "起止时间": pn, "所需经费（万元）": cost}
            for a, b, _p, pn, cost in items]
    e.update(signers)
    return e, rows


YY_A, YY_A_ROWS = yy_expected("平江县桂花学校", "家校共育共同体建设创新与实践", "黄远来",
                              "07306221234", yy_plan("a"), yy_budget("a"),
                              {"party_c_signer": "黄远来", "party_c_date": "2021-01-15"})


def build_yy(f, cover, phone, plan, budget, money_fmt, heading_year, sign_paras):
    d = new_document(f, 14, MARGINS)
    typed_paragraph(d, "附件2", "黑体")
    for _ in range(2):
        typed_paragraph(d, "", f)
    typed_paragraph(d, "岳阳市教育信息化试点项目", "黑体", 22, center=True)
    typed_paragraph(d, "计 划 任 务 书", "黑体", 22, center=True)
    for _ in range(3):
        typed_paragraph(d, "", f)
    for line in cover:
        typed_paragraph(d, line, f, 16)
    for _ in range(3):
        typed_paragraph(d, "", f)
    typed_paragraph(d, "岳阳市教育体育局", f, 16, center=True)
    typed_paragraph(d, "2021年1月", f, 16, center=True)
    d.add_page_break()
    for y in (2021, 2022, 2023):
        c, r, m = plan[y]
        typed_paragraph(d, f"一、教育信息化试点项目建设年度计划（{heading_year(y)}）", "黑体")
        t = table(d, 4, [3.2, 12.4])
        write_cell(t.cell(0, 0), "           年份\n项目", f)
        write_cell(t.cell(0, 1), f"{y}年", f, center=True)
        labs = [("试点工作内容", c), ("预期试点成果", r), ("工作措施与\n保障手段", m)]
        for i, (lab, txt) in enumerate(labs, start=1):
            write_cell(t.cell(i, 0), lab, f)
            write_cell(t.cell(i, 1), txt, f, size=12)
            t.rows[i].height = Cm(4)
        typed_paragraph(d, "注：年份从2021年至2023年分年度填写，每个年份一个页面。"
                        "填写内容应简明扼要，突出重点。", f, 10.5)
        tot, sup, own, items = budget[y]
        typed_paragraph(d, f"二、教育信息化试点项目建设经费预算表（{heading_year(y)}）", "黑体")
        t = table(d, 3 + len(items) + 1, [3.4, 4.6, 4.0, 3.6])
        write_cell(merge(t, 0, 0, 1, 0), "经费总数\n（万元）", f, size=12)
        write_cell(merge(t, 0, 1, 1, 1), money_fmt(tot), f, size=12)
        write_cell(t.cell(0, 2), "上级部门配套经费\n（万元）", f, size=12)
        write_cell(t.cell(0, 3), "自筹经费\n（万元）", f, size=12)
        write_cell(t.cell(1, 2), money_fmt(sup), f, size=12)
        write_cell(t.cell(1, 3), money_fmt(own), f, size=12)
        heads = ["试点重点建设内容", "重点建设内容分解", "起止时间", "所需经费\n（万元）"]
        for i, h in enumerate(heads):
            write_cell(t.cell(2, i), h, f, size=12)
        for r_, (a, b, p, _pn, cost) in enumerate(items, start=3):
            for i, v in enumerate([a, b, p, money_fmt(cost)]):
                write_cell(t.cell(r_, i), v, f, size=12)
        typed_paragraph(d, "注：重点建设内容分解必须明确具体，应写明项目实施路线图、时间节点安排、"
                        "配套费用明细等内容。", f, 10.5)
        d.add_page_break()
    for line in seed_between("001", "三、责任、义务及违约处理", "主管部门（甲方）"):
        if line.strip():
            typed_paragraph(d, line.strip(), f, 12)
    for line in sign_paras:
        typed_paragraph(d, line, f, 14)
    return d


@case("yueyang-2020-taskbook", "a-original-cover-spacing-sign-paras", YY_A, YY_A_ROWS)
def yy_a():
    cover = spaced_cover("平江县桂花学校", "家校共育共同体建设创新与实践", "黄远来", "0730-6221234")
    sign = sign_lines("黄远来        2021年1月15日")
    return build_yy("仿宋", cover, "0730-6221234", yy_plan("a"), yy_budget("a"),
                    lambda x: f"{x:g}", lambda y: f"{y}年", sign)


YY_B, YY_B_ROWS = yy_expected("岳阳市第十四中学", "依托智慧校园实现精细教学的应用研究", "廖小光",
                              "13807301234", yy_plan("b"), yy_budget("b"),
                              {"party_a": None, "party_a_signer": None, "party_a_date": None,
                               "party_b": None, "party_b_signer": None, "party_b_date": None,
                               "party_c_signer": None, "party_c_date": None})


@case("yueyang-2020-taskbook", "b-plain-cover-wan-yuan-unsigned", YY_B, YY_B_ROWS)
def yy_b():
    cover = ["单位名称：岳阳市第十四中学（盖章）", "项目名称：依托智慧校园实现精细教学的应用研究",
             "项目负责人：廖小光", "联系电话：138 0730 1234"]
    return build_yy("宋体", cover, "138 0730 1234", yy_plan("b"), yy_budget("b"),
                    lambda x: f"{x:g}万元", lambda y: f" {y} 年",
                    sign_lines("              年    月    日"))



# ================================================================ third, harder copy per form
RUIAN_C = {
    "report_date": "2022-03-08",
    "school": "瑞安市实验小学",
    "project": "云桌面",
    "amount": 228900,
    "leader": "林芳（13806661234）",
    "summary": "在录播室和科学实验室部署云桌面终端60台。\n2022年1月完成验收。\n目前运行稳定。",
    "measures": "（1）制定云桌面使用规范；\n（2）每周由信息技术教师巡检一次。",
    "benefits": "终端故障率下降约70%。",
    "achievement": "达到计划目标。",
    # the signer line the school typed under the opinion is part of the opinion (see notes)
    "principal_opinion": "情况属实，同意上报。\n校长：郑国平（签名）",
    "principal_date": "2022-03-09",
    "expert_opinion": None,
    "expert_date": None,
}


RUIAN_C_EXTRA = {
    "notes": "The school typed its own signer line under the opinion; the 瑞安 report prints "
    "no signer blank, so the line is part of what the school wrote in the opinion.",
}


# 投入资金 label and value typed in one cell; an extra empty row in the middle
case("ruian-2022-report", "c-cn-date-commas-label-value-cell-linebreak-labels", RUIAN_C,
     extra=RUIAN_C_EXTRA)(Form(
    "宋体", 12, "附件2", "瑞安市教育信息化应用“回头看”项目建设报告", attachment_size=14,
    rows=[
        ["", "<", "申报建设时间：", "二〇二二年三月八日"],
        ["学校：", "瑞安市实验小学", "项目\n名称：", "云桌面"],
        ["投入资金：228,900元", "<", "项目负责人及联系方式：", "林芳（13806661234）"],
        [None, "<", "<", "<"],
        ["项目\n简介", RUIAN_C["summary"], "<", "<"],
        ["推进\n措施", RUIAN_C["measures"], "<", "<"],
        ["效益", RUIAN_C["benefits"], "<", "<"],
        ["与计划的\n达成度", RUIAN_C["achievement"], "<", "<"],
        ["校长\n意见", ["情况属实，同意上报。", "校长：郑国平（签名）", "2022.3.9"], "<", "<"],
        ["专家验收\n意见", ["", "", "                    年   月   日"], "<", "<"],
    ],
    widths=[2.2, 5.4, 3.6, 4.6],
    borderless=[(0, 0), (0, 2), (0, 3)], below=RUIAN_NOTE,
).document)


HY_C = dict(HY_A, applicant="祁东县城关第二小学", category="教育网络安全",
            project="校园网络安全防护体系建设", leader="邓爱华", leader_phone="15974712233",
            contact="陈晨", contact_phone="07346223344",
            plan_points="建设校园网络安全态势感知平台，开展师生网络安全教育。",
            unit_opinion="同意申报。", unit_signer="邓爱华", unit_date="2018-09-12",
            county_opinion=None, county_signer=None, county_date=None)


case("hengyang-2018-application", "c-block-mark-cn-date-linebreak-labels", HY_C)(Form(
    "仿宋", 14, "附件2", "2018年衡阳市教育信息化试点项目申请表", widths=[2.6, 4.8, 2.8, 5.4],
    rows=[
        ["申报\n单位：", "祁东县城关第二小学", "<", "<"],
        ["申报\n类别：", T("①网络联校创新应用 ②区域智慧教育 ■③教育网络安全 ④人工数字智能教室",
                            size=11), "<", "<"],
        ["项目名称：", HY_C["project"], "<", "<"],
        ["负责人", "邓爱华", "手机号码", "159 7471 2233"],
        ["联系人", "陈晨", "手机号码", "0734－6223344"],
        [["试点实施方案要点（可另附页）：", HY_C["plan_points"]], "<", "<", "<"],
        [["单位意见：", "同意申报。", "", "负责人：邓爱华           盖章：",
          "            二〇一八年九月十二日"], "<",
         ["县市区教育局意见：", "", "", "负责人：           盖章：",
          "                 年   月   日"], "<"],
        [CITY_OPINION, "<", "<", "<"],
    ],
).document)


ACC_C = dict(ACC_A, school="忠县白石中学", apply_date="2021-06-09", principal="黄小兵",
             project_leader="张敏", project="数字校园示范学校", achievements=None,
             expected_effect="（一）建成数字校园示范学校。\n（二）教师信息化教学能力普遍提升。\n"
                             "（三）辐射带动周边学校。",
             school_opinion="同意推荐。", bureau_opinion="情况属实。\n同意推荐。")


# the printed prompt left untouched in 取得的成绩或主要做法
case("zhongxian-2021-acceptance", "c-cn-date-linebreak-labels-prompt-untouched", ACC_C)(Form(
    "宋体", 12, "附件4", "忠县中小学“创建验收”项目申报表",
    rows=acceptance_rows(
        ["学校\n负责人", "项目\n责任人", "申报验收\n项目", "取得的成绩\n或主要做法", "预期\n效果",
         "学校推荐\n意见", "教育行政\n主管部门\n意见"],
        ["黄小兵", "张敏", "数字校园示范学校", "另附自查报告（3000字以内）",
         ACC_C["expected_effect"], "同意推荐。", ACC_C["bureau_opinion"]]),
    above=["申报学校（盖章）：忠县白石中学                时间：二〇二一年六月九日"],
    widths=[2.6, 5.2, 2.6, 5.2],
).document)


SELF_C = dict(SELF_A, school="忠县花桥小学", school_type="普通中小学校",
              address="忠县花桥镇花桥村1组",
              contact_person="陈红", contact_phone="13896561234", fax="无", email="hqxx@qq.com",
              staff=48, students=620, it_department_name="教导处", it_staff=1, investment=35.8,
              bandwidth=300, wireless_aps=12, terminals_per_100_students=8.5,
              terminals_per_100_teachers=100,
              interactive_equipment_rate=100, smart_classrooms=0, school_course_resources=2,
              teacher_space_rate=100, student_space_rate=100,
              awards_county_and_above=0, awards_district=1,
              has_it_department=False, uses_cloud=False, has_data_analysis=False,
              cq_smart_campus_pilot=False)


@case("zhongxian-2021-smart-campus-self", "c-block-and-deleted-options", self_read(SELF_C))
def self_c():
    d = build_self(SELF_C, "block", "宋体", True, "普通中小学校")   # unchosen type deleted
    # a few answers where the school deleted the unchosen option instead of marking
    t = d.tables[0]
    write_cell(t.cell(6, 2), "是", "宋体")                      # has_leading_group True
    write_cell(t.cell(17, 4), "否", "宋体")                     # uses_cloud False
    return d


INSP_C_SCORES = {4: 2.5, 8: 1, 11: 1.5, 17: 0.5, 20: 2, 26: 0, 32: 1.5, 35: 1}
INSP_C_NOTES = {17: "集中培训缺3人", 26: "未开展活动"}
INSP_C = insp_expected("忠县忠州第三小学", "王晓, 李静", "2021-06-17", INSP_C_SCORES, INSP_C_NOTES)


@case("zhongxian-2021-inspection", "c-repeated-header-dotted-date", INSP_C)
def insp_c():
    d = build_insp("宋体", INSP_C_SCORES, INSP_C_NOTES, True, False,
                   "学校：忠县忠州第三小学", "督查人员：王晓, 李静      督查时间：2021.6.17",
                   f"{INSP_C['total_score']:g}")
    repeat_header(d.tables[0].rows[0]._tr)
    return d


def campus_c(kind):
    e = campus_expected(kind, "a")
    for i in range(1, 36):
        e[f"n{i}_materials"] = None
    e["n1_materials"] = "1.网络拓扑图\n2.设备清单"
    e["n2_materials"] = "3.网关验收单\n4.传感网络测试报告"
    e["n3_materials"] = None          # printed hint "……" left untouched
    e["n5_materials"] = "• 传感器点位图\n• 采集数据截图"
    e["n10_status"] = ("（1）使用国家中小学智慧教育平台开展教学。\n（2）开通人人通空间。\n"
                       "（3）每学期评选优秀空间。")
    return e


def build_campus_c(kind, font):
    e = campus_c(kind)
    d = build_campus(kind, "a", font)
    t = d.tables[0]
    repeat_header(t.rows[0]._tr)
    # as the original prints them: material hints in the first three rows
    write_cell(t.cell(1, 3), e["n1_materials"], font, size=9)
    write_cell(t.cell(2, 3), e["n2_materials"], font, size=9)
    write_cell(t.cell(3, 3), "……", font, size=9)
    for i in range(4, 36):
        write_cell(t.cell(i, 3), e[f"n{i}_materials"] or "", font, size=9)
    write_cell(t.cell(10, 2), e["n10_status"], font, size=9)
    return d


@case("zhongxian-2021-smart-campus-k12", "c-hints-kept-bullets-repeat-header", campus_c("k12"))
def k12_c():
    return build_campus_c("k12", "仿宋")


@case(
    "zhongxian-2021-smart-campus-vocational",
    "c-hints-kept-bullets-repeat-header",
    campus_c("voc"),
)
def voc_c():
    return build_campus_c("voc", "仿宋")


YY_C, YY_C_ROWS = yy_expected("汨罗市正则学校", "智慧教育实践与探究", "何发意", "07305221234",
                              yy_plan("a"), yy_budget("c"),
                              {"party_a": None, "party_a_signer": None, "party_a_date": None,
                               "party_b": "汨罗市教育局", "party_b_signer": "周建军",
                               "party_b_date": "2021-01-16",
                               "party_c_signer": "何发意", "party_c_date": "2021-01-15"})


@case("yueyang-2020-taskbook", "c-heading-year-blank-yuan-signed", YY_C, YY_C_ROWS)
def yy_c():
    cover = spaced_cover("汨罗市正则学校", "智慧教育实践与探究", "何发意", "0730－5221234")
    sign = sign_lines("何发意        2021年1月15日", ("汨罗市教育局", "负责人（签字）：周建军"
                                                      "                （公章）", "2021年1月16日"))

    def money(x):   # a school writing the 万元 blanks in 元
        return f"{int(x * 10000):,}元"
    return build_yy("仿宋", cover, None, yy_plan("a"), yy_budget("c"), money, lambda y: "     年",
                    sign)


# ---------------------------------------------------------------- main
def main(argv=None):
    out = output_folder(HERE, argv)
    for form, name, fn, fields, rows, extra in CASES:
        doc = fn()
        # Word always keeps a paragraph after a table that ends the document; python-docx does
        # not. Without it LibreOffice's Word 97 export silently drops that last table (checked:
        # .docx -> .doc -> html has no <table>), so add the paragraph Word would have.
        if doc.element.body[-2].tag == qn("w:tbl"):
            doc.add_paragraph()
        exp = {"form": form, "fields": fields}
        if rows:
            exp["rows"] = rows
        exp.update(extra)
        write_case(out / form, name, doc, exp)
    print(f"built {len(CASES)} documents in {out}")


if __name__ == "__main__":
    main()
