"""Build the second outside corpus: a second outside tester's 16 filled forms.

``tests/outside/<form id>/r2-<case>.docx`` are 16 filled forms (two per form, the same
eight forms as the first corpus), built by a second outside tester with python-docx from the
text of the seed notices, without tianbiao's layout code. Where the first corpus plays with
layouts, this one plays with what Word puts inside a cell: content controls (filled, and
left showing Word's placeholder), legacy FORMTEXT / FORMCHECKBOX fields, w14 checkbox
controls, tracked insertions and deletions, hidden text, VML text boxes, options chosen by
striking out the others or by bold or colour, units typed in (共86人, 12门, 1000M, 35万),
万元 blanks typed in 元 and 元 blanks in 万元, full-width digits, Chinese-numeral dates, dates
moved into or out of the table, heading rows instead of merged columns, and the taskbook's
rows broken over pages, one year a page.

``<case>.json`` beside each is the expectation, written by hand from what the builder puts in
the document, never taken from tianbiao's output: ``form``, ``fields``, optional ``rows``,
``notes`` (what the case exercises; where an expectation is a decision rather than the
obvious reading, the note says so) and where needed ``known_failures`` ({variant: {field:
reason}}, fields a shape cannot carry). The test suite (tests/parsers/test_outside_corpus.py)
converts the files to the LibreOffice re-saved, .doc and .pdf variants itself.

Rebuild (overwrites the r2-* .docx and .json files in place)::

    .venv/bin/python tests/outside/build_outside_corpus_2.py

or build elsewhere to compare, e.g. ``... build_outside_corpus_2.py /tmp/outside2``. A
rebuild gives byte-identical JSON and an identical word/document.xml, which tests/corpuskit/
test_rebuild.py checks. The seed notices are read from tests/seeds/. This script uses
python-docx and the corpus kit (tests/corpuskit), whose minimal `Hand` writes runs, content
controls and fields the way this tester typed them; it does not import tianbiao."""

import itertools
import re
import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for the corpus kit
from corpuskit.content import CheckBox, Control, FormField, Run, TextBox
from corpuskit.corpus import output_folder, write_case
from corpuskit.documents import new_document
from corpuskit.paragraphs import append_inline
from corpuskit.seeds import seed_lines
from corpuskit.typed_tables import type_grid
from corpuskit.wordml import Hand

HERE = Path(__file__).resolve().parent


# ---------------------------------------------------------------- docx helpers
# Cell / paragraph content mini-language
#   cell  := str (paragraphs split on "\n") | [para, ...]
#   para  := str | [run, ...]
#   run   := str | R(text, **props)
#   props: b (bold), color ("FF0000"), strike, hidden, ins, dele (tracked insert/delete),
#          sdt (inline content control with that alias), plc (content control showing its
#          placeholder text: text is the placeholder), fftext (legacy FORMTEXT field),
#          ffchk (legacy FORMCHECKBOX, value True/False, text after it), chk (w14 checkbox
#          content control True/False, text after it), tbox (VML text box holding the text)
# Table rows: lists of cells of equal length; "<" = merged with the cell on the left,
# "^" = merged with the cell above.

# Runs as this tester wrote them: 宋体 named ascii/eastAsia/hAnsi, no size unless given, bare
# content controls and fields; every run takes the next id from 100 on, across the corpus.
HAND = Hand(font_slots=("ascii", "eastAsia", "hAnsi"), hint=False, size_cs=False,
            spacing=None, paragraph_mark=False, author="教务处", date="2021-06-01T10:00:00Z",
            minimal=True)
_ids = itertools.count(100)
FONT = "宋体"


class R:
    """A run with properties (see the mini-language above)."""

    def __init__(self, text="", **props):
        self.text = text
        self.props = props


def new_doc():
    return new_document(FONT, 11, (None, None, 2.5, 2.5))


def _items(run):
    """The kit's inline items for one run of the mini-language (each run takes an id)."""
    if isinstance(run, str):
        run = R(run)
    t, p = run.text, run.props
    i = next(_ids)
    if "sdt" in p:
        return [Control(t, alias=p["sdt"], ident=i)]
    if p.get("plc"):
        return [Control(t, placeholder=True, ident=i)]
    if p.get("fftext"):
        return [FormField(text=t, ident=i)]
    if "ffchk" in p:
        return [FormField(checked=p["ffchk"], ident=i), t]
    if "chk" in p:
        return [CheckBox(p["chk"], ident=i), t]
    if p.get("tbox"):
        return [TextBox(t, ident=i)]
    revision = "ins" if p.get("ins") else "del" if p.get("dele") else ""
    return [Run(t, bold=True if p.get("b") else None, strike=bool(p.get("strike")),
                color=p.get("color"), hidden=bool(p.get("hidden")), revision=revision,
                ident=i)]


def fill_para(p, para, align=None, size=None):
    if isinstance(para, str):
        para = [para] if para else []
    items = [item for run in para for item in _items(run)]
    append_inline(p._p, items, FONT, size, HAND)
    if align == "c":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _paras(content):
    if content is None:
        return [""]
    if isinstance(content, str):
        return content.split("\n")
    return content


def add_para(doc, para, align=None, size=None, bold=False):
    p = doc.add_paragraph()
    if isinstance(para, str) and (size or bold):
        para = [R(para, b=bold)]
    fill_para(p, para, align, size)
    return p


def title(doc, text):
    return add_para(doc, text, align="c", size=16, bold=True)


def page(attachment, heading, *lines):
    """A new document: the 附件 line, the form's title, then `lines` as paragraphs."""
    d = new_doc()
    add_para(d, attachment)
    title(d, heading)
    for line in lines:
        add_para(d, line)
    return d


def add_table(doc, rows, widths=None):
    nr, nc = len(rows), len(rows[0])
    assert all(len(r) == nc for r in rows), rows
    t = doc.add_table(rows=nr, cols=nc)
    t.style = "Table Grid"

    def fill(cell, v):
        paras = _paras(v)
        fill_para(cell.paragraphs[0], paras[0])
        for extra in paras[1:]:
            fill_para(cell.add_paragraph(), extra)

    type_grid(t, rows, fill)
    if widths:
        for row in t.rows:
            for i, cell in enumerate(row.cells):
                if i < len(widths):
                    cell.width = Cm(widths[i])
    return t


def page_break(doc):
    doc.add_page_break()


# ---------------------------------------------------------------- seed items (notice 003)
def _section(start, end):
    seed = seed_lines("003")
    a = next(i for i, line in enumerate(seed) if line.strip() == start)
    b = next(i for i, line in enumerate(seed) if line.strip() == end and i > a)
    return seed[a:b]


def inspection_items():
    """[(A text or None, B text or None, code, content, rule)] in order."""
    lines = _section("附件1", "附件2")
    items = []
    cells = []
    for line in lines:
        if line.startswith("\t"):
            cells.append(line)
        elif line.strip() and cells and re.match(r"\tC\d+", cells[-1]):
            cells[-1] = cells[-1] + "\n" + line.strip()
    for i, line in enumerate(cells):
        s = line.strip()
        m = re.match(r"C(\d+)", s)
        if m and len(s) > 8:
            code = "C" + m.group(1)
            prev = [c.strip() for c in cells[max(0, i - 2):i]]
            a = next((p for p in prev if re.match(r"A\d", p)), None)
            b = next((p for p in prev if re.match(r"B\d", p)), None)
            a = re.sub(r"\s+", " ", a) if a else None
            b = re.sub(r"\s+", " ", b).strip() if b else None
            rule = cells[i + 1].strip()
            items.append((a, b, code, s.strip(), rule))
    return items


def campus_items(which):
    start, end = {"k12": ("附件3-2", "附件3-3"), "voc": ("附件3-3", "附件4")}[which]
    lines = _section(start, end)
    out, buf, cat = [], [], None
    for line in lines:
        s = line.strip()
        if not s:
            continue
        m = re.match(r"(\d+)\s*[.．]", s)
        if m and line.startswith("\t") and len(s) > 6:
            if buf:
                cat = "".join(buf)
                buf = []
            out.append((cat, int(m.group(1)), s))
        elif len(s) == 1 and not s.isdigit():
            buf.append(s)
        elif not line.startswith("\t") and out and len(s) > 1:
            c, n, t = out[-1]
            out[-1] = (c, n, t + s)
    return out


# ---------------------------------------------------------------- cases
CASES = []  # builder functions, in build order (the run ids in the XML follow it)
BUILT = []  # (form, case name, document, expectation) filled by save()


def case(fn):
    CASES.append(fn)
    return fn


def expect(name, form, fields, notes=None, known=None):
    """Register a builder that returns its document, with what the case expects."""

    def deco(fn):
        CASES.append(lambda: save(fn(), name, form, fields, notes=notes, known=known))
        return fn

    return deco


def save(doc, name, form, fields, rows=None, notes=None, known=None):
    exp = {"form": form, "fields": fields}
    if rows is not None:
        exp["rows"] = rows
    if notes:
        exp["notes"] = notes
    if known:
        exp["known_failures"] = known
    BUILT.append((form, name, doc, exp))


YN = "□是   □否"
Y = "☑是   □否"
N = "□是   ☑否"


# --------------------------------------------------------------------------- 瑞安 附件2
R2_RUIAN_A = dict(
    report_date="2022-03-08", school="瑞安市安阳实验小学", project="智慧课堂建设",
    amount=128000, leader="陈立新 13857712345",
    summary=(
        "本项目于2021年9月启动，主要建设内容如下：\n"
        "1. 建成智慧教室4间；\n"
        "2. 部署课堂互动平台；\n"
        "3. 开展教师培训12场。"
    ),
    measures="成立项目领导小组，每两周召开一次推进会。",
    benefits="学生课堂参与度明显提高。\n教师信息化教学能力提升。",
    achievement="达成度约95%，智慧教室已全部投入使用。", principal_opinion="同意上报。",
    principal_date="2022-03-09", expert_opinion=None, expert_date=None,
)


@expect("r2-official-fullwidth-amount-tracked-hidden", "ruian-2022-report", R2_RUIAN_A,
        notes="official layout; full-width amount; tracked del+ins in measures; hidden text in "
              "benefits; expert opinion left as printed; ends with paragraph")
def ruian_a():
    d = page("附件2", "瑞安市教育信息化应用“回头看”项目建设报告")
    add_table(d, [
        ["", "", "申报建设时间：", "2022年3月8日"],
        ["学校", "瑞安市安阳实验小学", "项目名称", "智慧课堂建设"],
        ["投入资金", "１２８０００", "项目负责人\n及联系方式", "陈立新 13857712345"],
        ["项目简介", "本项目于2021年9月启动，主要建设内容如下：\n1. 建成智慧教室4间；\n"
                     "2. 部署课堂互动平台；\n3. 开展教师培训12场。", "<", "<"],
        ["推进措施", [["成立项目领导小组，", R("每月", dele=True), R("每两周", ins=True),
                       "召开一次推进会。"]], "<", "<"],
        ["效益", [["学生课堂参与度明显提高", R("（此处待补数据）", hidden=True), "。"],
                  "教师信息化教学能力提升。"], "<", "<"],
        ["与计划的达成度", "达成度约95%，智慧教室已全部投入使用。", "<", "<"],
        ["校长意见", "同意上报。\n\n                        2022年3月9日", "<", "<"],
        ["专家验收意见", "\n\n                        年   月   日", "<", "<"],
    ], widths=[2.6, 5.0, 3.4, 4.6])
    add_para(d, "本表请于每年3月10日前上报radhjy@163.com。")
    return d


@expect("r2-two-columns-wan-yuan-content-control-cn-date", "ruian-2022-report", dict(
    R2_RUIAN_A, report_date="2022-03-05", school="瑞安市塘下镇中学", project="录播教室建设",
    leader="林晓红 0577-65551234",
    summary=(
        "建设常态化录播教室1间，配套录播主机、摄像机和拾音设备。\n"
        "录播教室已于2021年12月投入使用。"
    ),
    measures="（1）制定录播教室使用管理制度；\n（2）每学期开展录播课评比。",
    benefits="累计录制课例86节，其中3节获市级优课。", achievement="100%",
    principal_opinion="项目按计划完成，同意报送。", principal_date="2022-03-06",
), notes="other office: 2-column table, date line as paragraph above table, amount typed in "
         "万元 on a 元 form (12.8万元 -> 128000), leader in a content control, date in Chinese "
         "numerals, printed date line removed; ends with table")
def ruian_b():
    d = page("附件2", "瑞安市教育信息化应用“回头看”项目建设报告", "申报建设时间：2022.03.05")
    add_table(d, [
        ["学校", "瑞安市塘下镇中学"],
        ["项目名称", "录播教室建设"],
        ["投入资金", "12.8万元"],
        ["项目负责人及联系方式", [[R("林晓红 0577-65551234", sdt="负责人")]]],
        ["项目简介", "建设常态化录播教室1间，配套录播主机、摄像机和拾音设备。\n"
                     "录播教室已于2021年12月投入使用。"],
        ["推进措施", "（1）制定录播教室使用管理制度；\n（2）每学期开展录播课评比。"],
        ["效益", "累计录制课例86节，其中3节获市级优课。"],
        ["与计划的达成度", "100%"],
        ["校长意见", "项目按计划完成，同意报送。\n二〇二二年三月六日"],
        ["专家验收意见", ""],
    ], widths=[4.0, 11.6])
    return d


# --------------------------------------------------------------------------- 衡阳 附件2
PHONE_EXTENSION = ("an extension (转801) is not in the contract's phone form; tianbiao flags "
                   "it as a problem for the clerk instead of guessing")


R2_HENGYANG_A = dict(
    applicant="衡阳市石鼓区教育局", category="区域智慧教育",
    project="石鼓区智慧教育云平台应用", leader="刘志强", leader_phone="13907345678",
    contact="王芳", contact_phone="07348221234801",
    plan_points=(
        "一、建设目标：建成覆盖全区的智慧教育云平台。\n"
        "1. 建设区域教育云平台；\n"
        "2. 全区60所学校接入；\n"
        "二、实施步骤：2018年10月至2019年12月分三期推进。"
    ),
    unit_opinion="同意申报，保证配套经费。", unit_signer="李国平",
    unit_date="2018-09-12", county_opinion=None, county_signer=None, county_date=None,
    city_opinion=None, city_signer=None, city_date=None,
)


@expect("r2-ticked-box-spaced-phone-extension", "hengyang-2018-application", R2_HENGYANG_A,
        notes="official layout; ☑ choice; phone with spaces; phone with extension 转801 (contract: "
              "digits -> 07348221234801, arguable); numbered plan; unit opinion signed+dated, "
              "others as printed; ends with table. The extension is kept as the tester's reading "
              "but listed as a known failure in every variant: tianbiao leaves it to the clerk.",
   known={v: {"contact_phone": PHONE_EXTENSION} for v in ("docx", "libreoffice", "doc", "pdf")})
def hengyang_a():
    d = page("附件2", "2018年衡阳市教育信息化试点项目申请表")
    add_table(d, [
        ["申报单位：", "衡阳市石鼓区教育局", "<", "<"],
        ["申报类别：", "□①网络联校创新应用  ☑②区域智慧教育  □③教育网络安全  □④人工数字智能教室",
         "<", "<"],
        ["项目名称：", "石鼓区智慧教育云平台应用", "<", "<"],
        ["负责人", "刘志强", "手机号码", "139 0734 5678"],
        ["联系人", "王芳", "手机号码", "0734-8221234转801"],
        ["试点实施方案要点（可另附页）：\n一、建设目标：建成覆盖全区的智慧教育云平台。\n"
         "1. 建设区域教育云平台；\n2. 全区60所学校接入；\n"
         "二、实施步骤：2018年10月至2019年12月分三期推进。", "<", "<", "<"],
        ["单位意见：\n同意申报，保证配套经费。\n负责人：李国平      盖章：\n"
         "                 2018年9月12日", "<",
         "县市区教育局意见：\n\n\n负责人：           盖章：\n                 年   月   日", "<"],
        ["市教育局意见：\n\n\n负责人：                                           盖章：\n"
         "                                                 年   月   日", "<", "<", "<"],
    ], widths=[3.0, 4.8, 2.8, 5.0])
    return d


@expect("r2-legacy-fields-struck-options-fullwidth-phone", "hengyang-2018-application", dict(
    R2_HENGYANG_A, applicant="祁东县第一中学", category="教育网络安全",
    project="校园网络安全防护体系建设", leader="周建军", leader_phone="13574712345",
    contact="赵丽", contact_phone="13762400011", plan_points="详见附页《试点工作方案》。",
    unit_opinion="情况属实，同意申报。", unit_signer="周建军", unit_date="2018-09-14",
    county_opinion="同意推荐。", county_date="2018-09-15",
), notes="other office: 5 columns, labels without colon, legacy FORMTEXT fields, choice by "
         "striking out the unchosen options (boxes all □), full-width phone digits, date "
         "2018.9.14; ends with paragraph")
def hengyang_b():
    d = page("附件2", "2018年衡阳市教育信息化试点项目申请表")
    add_table(d, [
        ["申报单位", [[R("祁东县第一中学", fftext=True)]], "<", "<", "<"],
        ["申报类别", [[R("□①网络联校创新应用", strike=True), "  ",
                       R("□②区域智慧教育", strike=True), "  □③教育网络安全  ",
                       R("□④人工数字智能教室", strike=True)]], "<", "<", "<"],
        ["项目名称", [[R("校园网络安全防护体系建设", fftext=True)]], "<", "<", "<"],
        ["负责人", [[R("周建军", fftext=True)]], "<", "手机号码", "１３５７４７１２３４５"],
        ["联系人", "赵丽", "<", "手机号码", "13762400011"],
        ["试点实施方案要点（可另附页）：\n详见附页《试点工作方案》。", "<", "<", "<", "<"],
        ["单位意见：\n情况属实，同意申报。\n负责人：周建军   盖章：\n      2018.9.14", "<",
         "县市区教育局意见：\n同意推荐。\n负责人：           盖章：\n         2018年9月15日",
         "<", "<"],
        ["市教育局意见：\n\n\n负责人：                                           盖章：\n"
         "                                                 年   月   日", "<", "<", "<", "<"],
    ], widths=[2.6, 3.0, 2.0, 2.8, 5.2])
    add_para(d, "注：本表一式两份。")
    return d


# --------------------------------------------------------------------------- 忠县 附件4
R2_ACCEPTANCE_A = dict(
    school="忠县实验中学", apply_date="2021-06-10", principal="谭明远",
    project_leader="冉小兵", project="智慧校园",
    achievements="1. 建成智慧教室6间，实现班班通全覆盖；\n2. 获重庆市智慧校园示范校称号。",
    expected_effect=(
        "通过验收，进一步推动信息技术与教育教学深度融合。\n"
        "形成可推广的智慧课堂教学模式。"
    ),
    school_opinion="同意推荐申报。", bureau_opinion=None,
)


@expect("r2-hint-kept-numbered-list", "zhongxian-2021-acceptance", R2_ACCEPTANCE_A,
        notes="official layout; printed hint kept, school wrote a numbered list after it (hint "
              "excluded); ends with table")
def acceptance_a():
    d = page("附件4", "忠县中小学“创建验收”项目申报表",
             "申报学校（盖章）：忠县实验中学          时间：2021年6月10日")
    add_table(d, [
        ["学校负责人", "谭明远", "项目责任人", "冉小兵"],
        ["申报验收项目", "智慧校园", "<", "<"],
        ["取得的成绩或主要做法", "另附自查报告（3000字以内）\n"
                                 "1. 建成智慧教室6间，实现班班通全覆盖；\n"
                                 "2. 获重庆市智慧校园示范校称号。", "<", "<"],
        ["预期效果", "通过验收，进一步推动信息技术与教育教学深度融合。\n"
                     "形成可推广的智慧课堂教学模式。", "<", "<"],
        ["学校推荐意见", "同意推荐申报。", "<", "<"],
        ["教育行政主管部门意见", "", "<", "<"],
    ], widths=[3.4, 4.4, 3.4, 4.4])
    return d


@expect("r2-date-row-text-box-tracked-change-hidden", "zhongxian-2021-acceptance", dict(
    R2_ACCEPTANCE_A, school="忠县拔山中学", apply_date="2021-06-15", principal="秦德华",
    project_leader="何丽", project="创客教育", achievements=None,
    expected_effect="建成创客空间1个，开设创客课程4门。", school_opinion="同意。",
), notes="other office: school/date line moved into the table as a first row; date in Chinese "
         "numerals; principal typed in a text box; project_leader tracked change (张伟 "
         "deleted, 何丽 inserted); hint left untouched -> null; hidden text; ends with "
         "paragraph")
def acceptance_b():
    d = page("附件4", "忠县中小学“创建验收”项目申报表")
    add_table(d, [
        ["申报学校（盖章）", "忠县拔山中学", "时间", "二〇二一年六月十五日"],
        ["学校负责人", [[R("秦德华", tbox=True)]], "项目责任人",
         [[R("张伟", dele=True), R("何丽", ins=True)]]],
        ["申报验收项目", "创客教育", "<", "<"],
        ["取得的成绩或主要做法", "另附自查报告（3000字以内）", "<", "<"],
        ["预期效果", [["建成创客空间1个，开设创客课程4门", R("（草稿）", hidden=True), "。"]],
         "<", "<"],
        ["学校推荐意见", "同意。", "<", "<"],
        ["教育行政主管部门意见", "", "<", "<"],
    ], widths=[3.4, 4.4, 3.4, 4.4])
    add_para(d, "填报人：何丽    联系电话：13983512345")
    return d


# --------------------------------------------------------------------------- 忠县 附件3-1
SELF_LABELS = dict(
    has_leading_group="是否成立网信或智慧校园建设领导机构",
    has_it_department="是否明确教育信息化职能部门",
    it_department_name="教育信息化职能部门名称",
    it_staff="教育信息化专职人员数量（人）",
    has_plan="是否制定智慧校园\n建设规划",
    investment="近三年教育信息化累计投入经费（万元）",
    has_campus_network="是否建成校园网",
    bandwidth="互联网出口带宽（M）",
    wireless_aps="无线网络AP数量（个）",
    wireless_full_coverage="是否实现校园\n无线网络全覆盖",
    on_cq_education_network="是否接入\n重庆教育宽带网",
    terminals_per_100_students="百名学生拥有终端数（台）",
    terminals_per_100_teachers="百名教师拥有终端数(台)",
    interactive_equipment_rate="普通教室互动多媒体教学设备配备率（%）",
    smart_classrooms="智慧教室数量（间）",
    school_course_resources="校本课程数字资源\n数量（门）",
    has_interaction="教学应用是否具备\n师生交流互动功能",
    teacher_space_rate="教师网络学习空间\n开通率（%）",
    has_smart_push="教学应用是否具备\n智能推送功能",
    student_space_rate="学生网络学习空间开通率（小学三年级以上）（%）",
    has_one_stop_service="管理系统是否具备“一站式服务”能力",
    has_data_analysis="是否开展数据分析\n应用",
    uses_iot="是否应用物联网技术",
    uses_cloud="是否使用云服务",
    moe_pilot="是否参与教育部第一批教育信息化试点",
    cq_pilot="是否参加重庆市教育信息化试点",
    cq_smart_campus_pilot="是否参与重庆市智慧\n校园建设试点",
    has_emergency_plan="是否制定网络安全\n应急预案",
    has_disaster_backup="是否有数据容灾\n备份措施",
    holds_security_drills="是否定期开展网络安全应急演练",
    had_major_incident="近三年是否发生过重大网络安全事故",
)
AWARDS = "教育信息化、智慧\n校园工作获奖数量（项）"
PAIRS = {  # group: (left id, right id) of each of its rows, in the seed's order
    "体制机制": [("has_leading_group", "has_it_department"), ("it_department_name", "it_staff"),
             ("has_plan", "investment")],
    "基本条件": [("has_campus_network", "bandwidth"), ("wireless_aps", "wireless_full_coverage"),
             ("on_cq_education_network", "terminals_per_100_students"),
             ("terminals_per_100_teachers", "interactive_equipment_rate")],
    "智慧应用": [("smart_classrooms", "school_course_resources"),
             ("has_interaction", "teacher_space_rate"), ("has_smart_push", "student_space_rate"),
             ("has_one_stop_service", "has_data_analysis"), ("uses_iot", "uses_cloud")],
}


def _self_rows(v, with_category):
    """Seed layout.

    with_category: 6 columns (类别|标签|值|标签|值|值); else 5 columns with group heading rows.
    """
    L = SELF_LABELS
    rows = []

    def row(group, cells, first):
        if with_category:
            rows.append([group if first else "^", *cells])
        else:
            rows.append(cells)

    def heading(group):
        if not with_category:
            rows.append([group, "<", "<", "<", "<"])

    heading("学校概况")
    row("学校概况", ["学校名称", v["school"], "<", "<", "<"], True)
    row("学校概况", ["学校类别", v["school_type"], "<", "<", "<"], False)
    row("学校概况", ["学校地址", v["address"], "<", "<", "<"], False)
    row("学校概况", ["学校联系人", v["contact_person"], "联系电话", v["contact_phone"], "<"], False)
    row("学校概况", ["学校传真", v["fax"], "电子邮箱", v["email"], "<"], False)
    row("学校概况", ["在编教职工总数", v["staff"], "在籍学生总数", v["students"], "<"], False)
    for g, pairs in PAIRS.items():
        heading(g)
        for i, (a, b) in enumerate(pairs):
            row(g, [L[a], v[a], L[b], v[b], "<"], i == 0)
    heading("试点示范")
    row("试点示范", [L["moe_pilot"], v["moe_pilot"], L["cq_pilot"], v["cq_pilot"], "<"], True)
    row("试点示范", [L["cq_smart_campus_pilot"], v["cq_smart_campus_pilot"], AWARDS, "县级及以上",
                     v["awards_county_and_above"]], False)
    row("试点示范", ["^", "^", "^", "区县级", v["awards_district"]], False)
    heading("网络安全")
    row("网络安全", [L["has_emergency_plan"], v["has_emergency_plan"], L["has_disaster_backup"],
                     v["has_disaster_backup"], "<"], True)
    row("网络安全", [L["holds_security_drills"], v["holds_security_drills"],
                     L["had_major_incident"], v["had_major_incident"], "<"], False)
    return rows


FORMATTING_IS_NO_MARK = "formatting is not a mark: tianbiao asks the school to tick a box"
DOC_STREAMS = ("the .doc's only table is lost by LibreOffice and read from the file's streams, "
               "which do not decode checkbox fields")


R2_SELF_A = dict(
    school="忠县实验中学", school_type="普通中小学校", address="忠县忠州街道州屏环路68号",
    contact_person="冉小兵", contact_phone="02354221234", fax=None, email="zxsyzx@163.com",
    staff=86, students=1235, has_leading_group=True, has_it_department=True,
    it_department_name="信息中心", it_staff=3, has_plan=False, investment=35,
    has_campus_network=True, bandwidth=1000, wireless_aps=48, wireless_full_coverage=False,
    on_cq_education_network=True, terminals_per_100_students=12.5, terminals_per_100_teachers=105,
    interactive_equipment_rate=None, smart_classrooms=6, school_course_resources=12,
    has_interaction=True, teacher_space_rate=100, has_smart_push=True, student_space_rate=85,
    has_one_stop_service=None, has_data_analysis=None, uses_iot=False, uses_cloud=True,
    moe_pilot=False, cq_pilot=False, cq_smart_campus_pilot=True, awards_county_and_above=3,
    awards_district=5, has_emergency_plan=True, has_disaster_backup=True,
    holds_security_drills=True, had_major_incident=None,
)


@expect("r2-six-columns-mixed-marks-units-typed", "zhongxian-2021-smart-campus-self", R2_SELF_A,
        notes="seed 6-column layout (awards label top-aligned with 是否参与重庆市智慧校园建设试点, "
              "as the seed prints it). "
              "Marks: ☑; w14 checkbox content controls; legacy FORMCHECKBOX; '□是√' (tick after "
              "option); ■; unchosen struck through (has_interaction); unchosen deleted leaving "
              "'是' (has_smart_push); chosen only bolded (has_one_stop_service, arguable); chosen "
              "only coloured red (has_data_analysis, arguable); '√是' replacing the box; both "
              "boxes empty -> null. Units typed: 共86人, 共48个, 12门, 1000M, 35万, 约90%; "
              "full-width ３; thousands separator 1,235. Ends with table. "
              f"Bold-only and red-only choices are expected null ({FORMATTING_IS_NO_MARK}); "
              "约90% is expected null (an approximate figure is flagged, not filed).",
        known={"doc": {"has_plan": DOC_STREAMS}})
def self_a():
    v = dict(
        school="忠县实验中学", school_type="□中职学校       ☑普通中小学校",
        address="忠县忠州街道州屏环路68号", contact_person="冉小兵", contact_phone="023-54221234",
        fax="无", email="zxsyzx@163.com", staff="共86人", students="1,235", has_leading_group=Y,
        has_it_department=[[R("是   ", chk=True), R("否", chk=False)]],
        it_department_name="信息中心", it_staff="３",
        has_plan=[[R("是   ", ffchk=False), R("否", ffchk=True)]], investment="35万",
        has_campus_network="□是√   □否", bandwidth="1000M", wireless_aps="共48个",
        wireless_full_coverage=N, on_cq_education_network="■是   □否",
        terminals_per_100_students="12.5", terminals_per_100_teachers="105",
        interactive_equipment_rate="约90%", smart_classrooms="6", school_course_resources="12门",
        has_interaction=[["□是   ", R("□否", strike=True)]], teacher_space_rate="100%",
        has_smart_push="是", student_space_rate="85",
        has_one_stop_service=[[R("□是", b=True), "   □否"]],
        has_data_analysis=[["□是   ", R("□否", color="FF0000")]], uses_iot=N, uses_cloud=Y,
        moe_pilot=N, cq_pilot=N, cq_smart_campus_pilot=Y, awards_county_and_above="3",
        awards_district="5", has_emergency_plan=Y, has_disaster_backup="√是   □否",
        holds_security_drills=Y, had_major_incident=YN,
    )
    d = page("附件3-1", "忠县智慧校园建设创建自评表")
    add_table(d, _self_rows(v, True), widths=[1.4, 4.2, 2.5, 3.8, 1.7, 3.2])
    return d


R2_SELF_B = dict(
    R2_SELF_A, school="忠县乌杨小学", address="忠县乌杨街道乌杨村", contact_person="黄丽",
    contact_phone="13896512345", fax=None, email="wyxx2021@126.com", staff=42, students=638,
    has_it_department=False, it_department_name=None, it_staff=0, has_plan=True, bandwidth=200,
    wireless_aps=16, terminals_per_100_students=8, terminals_per_100_teachers=100,
    interactive_equipment_rate=100, smart_classrooms=1, school_course_resources=3,
    teacher_space_rate=95, has_smart_push=False, student_space_rate=78, has_one_stop_service=False,
    has_data_analysis=False, cq_smart_campus_pilot=False, awards_county_and_above=2,
    awards_district=0, has_disaster_backup=False, had_major_incident=False,
)


@expect("r2-heading-rows-tick-after-yuan-tracked-flip", "zhongxian-2021-smart-campus-self",
        R2_SELF_B,
        notes="other office: 5 columns, category as full-width heading rows instead of a "
              "merged left column; choice and yes/no marked with '√' after the option with "
              "no boxes printed; 万元 blank typed in 元 (350000元 -> 35); full-width "
              "students; zero values; tracked change flipping ☑是 to ☑否; ends with "
              "paragraph")
def self_b():
    v = dict(
        school="忠县乌杨小学", school_type="中职学校       普通中小学校√",
        address="忠县乌杨街道乌杨村", contact_person="黄丽", contact_phone="13896512345", fax="",
        email="wyxx2021@126.com", staff="42", students="６３８", has_leading_group="是√   否",
        has_it_department="是   否√", it_department_name="", it_staff="0", has_plan=Y,
        investment="350000元", has_campus_network=Y, bandwidth="200", wireless_aps="16",
        wireless_full_coverage=N, on_cq_education_network=Y, terminals_per_100_students="8",
        terminals_per_100_teachers="100", interactive_equipment_rate="100%", smart_classrooms="1",
        school_course_resources="3", has_interaction=Y, teacher_space_rate="95%", has_smart_push=N,
        student_space_rate="78%", has_one_stop_service=N, has_data_analysis=N, uses_iot=N,
        uses_cloud=Y, moe_pilot=N, cq_pilot=N, cq_smart_campus_pilot=N,
        awards_county_and_above="2", awards_district="0", has_emergency_plan=Y,
        has_disaster_backup=[[R(Y, dele=True), R(N, ins=True)]], holds_security_drills=Y,
        had_major_incident=N,
    )
    d = page("附件3-1", "忠县智慧校园建设创建自评表")
    add_table(d, _self_rows(v, False), widths=[4.6, 3.0, 4.6, 1.8, 2.0])
    add_para(d, "填表人：黄丽          审核人：陈刚")
    return d


# --------------------------------------------------------------------------- 忠县 附件1
A_NAMES = {"A1": "A1 常规管理 (6分)", "A2": "A2 硬软件管理 (27分)", "A3": "A3\n使用效益 (52分)",
           "A4": "A4 社会实践及科技活动（7分）", "A5": "A5\n科研活动（8分）"}


def _max(content):
    return float(re.findall(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]", content)[-1])


def _scored(typed, scores_given):
    """The seed's items; what the inspector typed in 考核分 and the scores a reader records:
    the full marks of each item, except for `typed` and `scores_given`."""
    items = inspection_items()
    scores = {it[2]: _max(it[3]) for it in items}
    raw = {c: str(int(s)) for c, s in scores.items()}
    raw.update(typed)
    scores.update(scores_given)
    return items, raw, scores


def _inspection_fields(school, inspector, date, scores, notes):
    total = sum(s for s in scores.values() if s is not None)
    fields = {"school": school, "inspector": inspector, "inspect_date": date,
              "total_score": total}
    for c in scores:
        fields[f"{c.lower()}_score"] = scores[c]
        fields[f"{c.lower()}_note"] = notes.get(c)
    return fields


def _inspection_page(*lines):
    d = page("附件1", "忠县中小学教育信息技术与装备专项督查评分表")
    for line in lines:
        add_para(d, line)
    return d


INSPECTION_A_NOTES = {"C4": "缺科技室", "C10": "数据填报不全", "C34": "市级论文1篇、县级1篇"}
INSPECTION_A = _scored(
    {"C4": "2.5", "C10": "3.5", "C16": "４", "C21": "2.5分", "C34": "1.5"},
    {"C4": 2.5, "C10": 3.5, "C16": 4, "C21": 2.5, "C34": 1.5})
INSPECTION_A_EXPECTED = _inspection_fields("忠县实验中学", "向东、陈敏", "2021-06-18",
                                           INSPECTION_A[2], INSPECTION_A_NOTES)


@expect("r2-merged-decimals-fullwidth-fen", "zhongxian-2021-inspection", INSPECTION_A_EXPECTED,
        notes="seed layout (A/B columns merged down, one header line with "
              "school/inspector/date); decimals; full-width ４; '2.5分' with unit; ends with "
              "table")
def inspection_a():
    items, raw, scores = INSPECTION_A
    d = _inspection_page("学校：忠县实验中学          督查人员：向东、陈敏          "
                         "督查时间：2021.06.18")
    rows = [["督查项目与权重", "<", "督查内容", "评分说明", "考核分", "备注"]]
    for a, b, code, content, rule in items:
        a_cell = A_NAMES[a[:2]] if a else "^"
        rows.append([a_cell, b or "^", content, rule, raw[code],
                     INSPECTION_A_NOTES.get(code, "")])
    total = sum(scores.values())
    rows.append(["得分合计", "<", "<", "<", f"{total:g}", ""])
    add_table(d, rows, widths=[1.5, 1.9, 4.8, 4.2, 1.9, 1.3])
    return d


INSPECTION_B_NOTES = {"C20": "视频监控未联网", "C33": "未见课题资料"}
INSPECTION_B = _scored(
    {"C5": "2分", "C12": [["1", R("（待核）", hidden=True)]],
     "C20": [[R("3", dele=True), R("2", ins=True)]], "C28": "３.５", "C33": "", "C35": ""},
    {"C20": 2, "C28": 3.5, "C33": None, "C35": None})


@expect("r2-heading-rows-blank-scores-tracked-hidden", "zhongxian-2021-inspection",
        _inspection_fields("忠县拔山中学", "李强", "2021-06-22", INSPECTION_B[2],
                           INSPECTION_B_NOTES),
        notes="other office: 5 columns, A items as full-width heading rows, B merged down; "
              "school and inspector on separate lines; date in Chinese numerals; blank scores "
              "(C33, C35) -> null; '2分'; hidden text; tracked change 3->2; full-width ３.５; "
              "ends with paragraph")
def inspection_b():
    items, raw, scores = INSPECTION_B
    d = _inspection_page("学校：忠县拔山中学", "督查人员：李强    督查时间：二〇二一年六月二十二日")
    rows = [["督查项目", "督查内容", "评分说明", "考核分", "备注"]]
    for a, b, code, content, rule in items:
        if a:
            rows.append([A_NAMES[a[:2]].replace("\n", " "), "<", "<", "<", "<"])
        rows.append([b or "^", content, rule, raw[code], INSPECTION_B_NOTES.get(code, "")])
        if a and not b:
            raise SystemExit("seed parse")
    total = sum(s for s in scores.values() if s is not None)
    rows.append(["得分合计", "<", "<", f"{total:g}", ""])
    add_table(d, rows, widths=[2.2, 5.4, 4.8, 1.8, 1.4])
    add_para(d, "督查组长签字：李强")
    return d


# --------------------------------------------------------------------------- 忠县 附件3-2 / 3-3
def _campus(name, form, which, att, ttl, style, known=None):
    items = campus_items(which)
    d = page(att, ttl)
    rows = [["名称", "内  容", "建设情况", "支撑材料清单"]]
    fields = {}
    last = None
    for cat, n, text in items:
        st, mt, st_exp, mt_exp = style(n)
        if cat != last:
            c = "\n".join(cat) if style.vertical else cat
        else:
            c = "^"
        last = cat
        rows.append([c, text, st, mt])
        fields[f"n{n}_status"] = st_exp
        fields[f"n{n}_materials"] = mt_exp
    add_table(d, rows, widths=[1.2, 7.0, 4.4, 3.0])
    if style.tail:
        add_para(d, style.tail)
    save(d, name, form, fields, notes=style.notes, known=known)


def k12_a_style(n):
    st = f"已达标，第{n}项建设完成并投入使用。"
    mt = "" if n % 3 else f"1.第{n}项建设方案\n2.验收报告"
    mt_exp = mt or None
    if n == 2:
        mt, mt_exp = "3.\n\n4.", None
    if n == 3:
        mt, mt_exp = "……", None
    if n == 1:
        mt, mt_exp = "1.网络拓扑图\n2.设备采购合同", "1.网络拓扑图\n2.设备采购合同"
    if n == 4:
        st = ("1. 多媒体教室48间，占教室总数92%；\n2. 智慧教室6间，占11.5%；\n"
              "3. 学科教室配齐数字化资料。")
    if n == 35:
        return "", "", None, None
    return st, mt, st, mt_exp


k12_a_style.vertical, k12_a_style.tail = True, None
k12_a_style.notes = (
    "seed layout, category one char per paragraph; item 2/3 materials left with the seed's "
    "printed '3.\\n\\n4.' and '……' (-> null); numbered multi-paragraph status; item 35 blank; "
    "ends with table")


def k12_b_style(n):
    st_exp = f"基本达到，已建设第{n}项相关内容。"
    st = [[R(st_exp, sdt="建设情况")]]
    if n in (5, 6):
        return [[R("单击或点击此处输入文字。", plc=True)]], "", None, None
    if n == 12:
        st = [["已", R("部分", dele=True), R("全部", ins=True), "开展虚拟实验教学。"]]
        st_exp = "已全部开展虚拟实验教学。"
    if n == 20:
        st = [["已实现学生、教师数据统一管理", R("（待校长审核）", hidden=True), "。"]]
        st_exp = "已实现学生、教师数据统一管理。"
    mt = "相关制度文件\n照片" if n % 4 == 0 else ""
    return st, mt, st_exp, (mt or None)


k12_b_style.vertical = False
k12_b_style.tail = "学校（盖章）：忠县乌杨小学          填报时间：2021年6月"
k12_b_style.notes = (
    "other office: category name on one line; status in content controls; items 5 and 6 left "
    "as unfilled content controls showing Word's placeholder text (-> null); tracked change in "
    "item 12; hidden note in item 20; ends with paragraph")


def voc_a_style(n):
    st = f"已完成，第{n}项达到标准。"
    if n == 15:
        return [[R(st, tbox=True)]], "①系统截图\n②使用记录", st, "①系统截图\n②使用记录"
    mt = "" if n >= 30 else f"①第{n}项佐证材料"
    return st, mt, st, (mt or None)


voc_a_style.vertical, voc_a_style.tail = True, None
voc_a_style.notes = (
    "seed layout; materials with circled numbers; status of item 15 typed in a text box; items "
    "30-35 materials blank; ends with table")
TEXT_BOX_SPILLS = "a text box wider than its cell prints part of the answer into the next column"


def voc_b_style(n):
    st_exp = f"正在建设第{n}项，预计2021年底完成。"
    if n == 7:
        return "", "", None, None
    if n == 9:
        two = "已购置电子图书3万册。\n已接入知网数据库。"
        return two, "采购合同", two, "采购合同"
    return [[R(st_exp, fftext=True)]], "", st_exp, None


voc_b_style.vertical, voc_b_style.tail = False, "忠县职业教育中心（盖章）"
voc_b_style.notes = (
    "other office: status in legacy FORMTEXT fields; category name on one line; item 7 status "
    "left blank; item 9 status two paragraphs; ends with paragraph")


@case
def k12_a():
    _campus("r2-vertical-category-printed-hints-numbered-status",
            "zhongxian-2021-smart-campus-k12", "k12", "附件3-2", "普通中小学智慧校园建设情况表",
            k12_a_style)


@case
def k12_b():
    _campus("r2-content-controls-placeholders-tracked-hidden",
            "zhongxian-2021-smart-campus-k12", "k12", "附件3-2", "普通中小学智慧校园建设情况表",
            k12_b_style)


@case
def voc_a():
    _campus("r2-vertical-category-circled-materials-text-box",
            "zhongxian-2021-smart-campus-vocational", "voc", "附件3-3",
            "中职学校智慧校园建设情况表", voc_a_style,
            known={"pdf": {"n15_status": TEXT_BOX_SPILLS, "n15_materials": TEXT_BOX_SPILLS}})


@case
def voc_b():
    _campus("r2-legacy-fields-blank-item-two-paragraphs",
            "zhongxian-2021-smart-campus-vocational", "voc", "附件3-3",
            "中职学校智慧校园建设情况表", voc_b_style)


# --------------------------------------------------------------------------- 岳阳 附件2
DUTIES = """三、责任、义务及违约处理
(一)主管部门：
1.各县市区教育行政管理部门和学校要切实承担本区域（本学校）试点工作的组织领导、监督检查工作，\
并提供必要政策措施等方面的支持，切实担负本区域（本学校）承担的试点项目归口管理责任，\
跟踪管理项目进展，及时总结和推广试点单位的典型案例和成功经验。
2.各县市区教育行政管理部门和学校要积极给予试点项目以配套经费，尽可能科学合理地分配到试点项目上。
3.各县市区教育行政管理部门要加强对试点项目实施的指导和管理，采取有效措施重点培养项目直接负责人\
和项目参与人员，对试点项目承担单位进行年度检查和中期评估，并依据检查评估结果对试点项目实行动态管理。
(二)试点项目承担单位：
1.定期检查督促、并向本地教育行政管理部门报告项目执行情况。
2.必须在规定年限内完成项目任务书中的各项任务。如未能完成任务，市局将视情况作出限期整改或终止试点的决定。
3.积极筹措保证试点项目实施的经费。
四、项目任务书签定
1.县市区教育行政管理部门、市直学校只需签署“试点项目承担单位”一栏，报送《计划任务书》到市局一式三份。
2.其它项目承担单位签署“试点项目承担单位”一栏后，交由县市区教育行政管理部门签署“责任部门”一栏，\
由各县市区汇总后，报送《计划任务书》到市局一式三份。"""
NOTE1 = "注：年份从2021年至2023年分年度填写，每个年份一个页面。填写内容应简明扼要，突出重点。"
NOTE2 = "注：重点建设内容分解必须明确具体，应写明项目实施路线图、时间节点安排、配套费用明细等内容。"
COLS = ["试点重点建设内容", "重点建设内容分解", "起止时间", "所需经费（万元）"]


def _year_pages(d, years, year_in_header):
    for y, p in years.items():
        add_para(d, f"一、教育信息化试点项目建设年度计划（ {y} 年）")
        add_table(d, [["           年份\n项目", f"{y}年" if year_in_header else ""],
                      ["试点工作内容", p["content"]], ["预期试点成果", p["results"]],
                      ["工作措施与\n保障手段", p["measures"]]], widths=[3.4, 12.2])
        add_para(d, NOTE1)
        add_para(d, f"二、教育信息化试点项目建设经费预算表（ {y} 年）")
        rows = [["经费总数\n（万元）", p["total"], "上级部门配套经费\n（万元）",
                 "自筹经费\n（万元）"],
                ["^", "^", p["sup"], p["own"]],
                ["试点重点建设内容", "重点建设内容分解", "起止时间", "所需经费\n（万元）"]]
        rows += [list(r) for r in p["detail"]]
        add_table(d, rows, widths=[3.0, 4.0, 4.6, 4.0])
        add_para(d, NOTE2)
        page_break(d)


def _exp_year(fields, rows, y, p):
    fields[f"plan_{y}_content"] = p["content_exp"] if "content_exp" in p else p["content"]
    fields[f"plan_{y}_results"] = p["results_exp"] if "results_exp" in p else p["results"]
    fields[f"plan_{y}_measures"] = p["measures"]
    fields[f"total_{y}"], fields[f"superior_{y}"], fields[f"own_{y}"] = p["exp"]
    rows[f"经费预算明细（{y}年）"] = [dict(zip(COLS, r, strict=True)) for r in p["detail_exp"]]


# school: (part, year): what the school typed in its plan table ("\n" between paragraphs)
TB_PLANS = {
    "a": {
        ("content", 2021): "1. 建设智慧教室2间；\n2. 搭建校本资源平台。",
        ("results", 2021): "形成智慧课堂教学案例10个。",
        ("measures", 2021): "成立项目组，校长任组长；\n经费专款专用。",
        ("content", 2022): "开展基于智慧教室的课堂教学改革。",
        ("results", 2022): "教师信息化教学能力普遍提升。",
        ("measures", 2022): "每月开展一次专题教研。",
        ("content", 2023): "总结推广试点经验。",
        ("results", 2023): "形成试点成果集一册。",
        ("measures", 2023): "召开现场推进会。",
    },
    "b": {
        ("content", 2021): "建设智慧校园数据中心，实现精细化教学管理。",
        ("results", 2021): "建成学情分析系统。",
        ("measures", 2021): "学校成立专班推进。",
        ("content", 2022):
            [["全校", R("部分学科", dele=True), R("各学科", ins=True), "常态化应用精细教学系统。"]],
        ("results", 2022): "形成精细教学应用模式。",
        ("measures", 2022): "纳入教师绩效考核。",
        ("content", 2023): "总结提炼研究成果。",
        ("results", 2023): [["形成研究报告", R("（初稿）", hidden=True), "一份。"]],
        ("measures", 2023): "聘请专家指导。",
    },
}
# What a reader records where the plan table holds tracked changes or hidden text
TB_PLANS_READ = {
    ("b", "content", 2022): "全校各学科常态化应用精细教学系统。",
    ("b", "results", 2023): "形成研究报告一份。",
}
# (school, year): 经费总数, 上级部门配套经费, 自筹经费 as typed, then as read (万元)
TB_MONEY = {
    ("a", 2021): ("20", "12", "8", (20, 12, 8)),
    ("a", 2022): ("18", "10", "80000元", (18, 10, 8)),
    ("a", 2023): ("１０", "6", "4", (10, 6, 4)),
    ("b", 2021): ("30", "20", "10", (30, 20, 10)),
    ("b", 2022): ("25", "15", "10", (25, 15, 10)),
    ("b", 2023): ("20万元", "10", "100000元", (20, 10, 10)),
}
# The detail rows: school, year, 试点重点建设内容, 重点建设内容分解, 起止时间 and 所需经费
# as typed, then 起止时间 and 所需经费 as read
TB_DETAILS = [
    ("a", 2021,
     "智慧教室建设", "采购交互式一体机、录播设备",
     "2021.3-2021.8", "15", "2021-03/2021-08", 15),
    ("a", 2021,
     "校本资源平台", "平台部署与资源上传",
     "2021年9月—2021年12月", "5", "2021-09/2021-12", 5),
    ("a", 2022,
     "教师培训", "分批次开展信息技术应用能力培训",
     "2022.02-2022.07", "6", "2022-02/2022-07", 6),
    ("a", 2022,
     "课题研究", "申报市级课题1项",
     "2022.3-2022.12", "12", "2022-03/2022-12", 12),
    ("a", 2023,
     "成果推广", "举办现场会，汇编成果集",
     "2023年3月-2023年11月", "10", "2023-03/2023-11", 10),
    ("b", 2021,
     "智慧校园平台升级", "统一身份认证、数据中心",
     "2021.3-2021.6", "12", "2021-03/2021-06", 12),
    ("b", 2021,
     "精细教学系统", "学情分析系统采购部署",
     "2021.4-2021.9", "10", "2021-04/2021-09", 10),
    ("b", 2021,
     "教师培训", "校本培训8次",
     "2021.9-2022.1", "3", "2021-09/2022-01", 3),
    ("b", 2021,
     "资源建设", "微课资源200节",
     "2021.5-2021.12", "5", "2021-05/2021-12", 5),
    ("b", 2022,
     "应用推广", "全校各学科常态化应用",
     "2022.1-2022.12", "25", "2022-01/2022-12", 25),
    ("b", 2023,
     "总结提炼", "形成研究报告",
     "2023.1-2023.12", "20", "2023-01/2023-12", 20),
]


def _years(school):
    """{year: the page as the school filled it} from the tables above."""
    years = {}
    for y in (2021, 2022, 2023):
        p = {part: TB_PLANS[school][(part, y)] for part in ("content", "results", "measures")}
        for part in ("content", "results"):
            if (school, part, y) in TB_PLANS_READ:
                p[part + "_exp"] = TB_PLANS_READ[(school, part, y)]
        p["total"], p["sup"], p["own"], p["exp"] = TB_MONEY[(school, y)]
        rows = [row[2:] for row in TB_DETAILS if row[:2] == (school, y)]
        p["detail"] = [[a, b, period, cost] for a, b, period, cost, _, _ in rows]
        p["detail"] += [["", "", "", ""]] * (3 - len(rows))
        p["detail_exp"] = [[a, b, period, cost] for a, b, _, _, period, cost in rows]
        years[y] = p
    return years


def _taskbook_fields(years, unit, project, leader, phone, **parties):
    fields = {"unit": unit, "project": project, "leader": leader, "phone": phone}
    rows = {}
    for y, p in years.items():
        _exp_year(fields, rows, y, p)
    fields.update(parties)
    return fields, rows


@case
def taskbook_a():
    years = _years("a")
    d = new_doc()
    for line in ["附件2", ""]:
        add_para(d, line)
    title(d, "岳阳市教育信息化试点项目")
    title(d, "计 划 任 务 书")
    for line in ["", "单  位  名  称 ：汨罗市正则学校", "       （盖 章）",
                 "项  目  名  称：智慧教育实践与探究", "项 目 负 责 人：何发意",
                 "联  系  电  话：0730-5232101", ""]:
        add_para(d, line)
    add_para(d, "岳阳市教育体育局", align="c")
    add_para(d, "2021年1月", align="c")
    page_break(d)
    _year_pages(d, years, True)
    for line in [*DUTIES.split("\n"), "",
                 "主管部门（甲方）：", "负责人（签字）：彭建华                （公章）",
                 "                                      2021年1月15日",
                 "", "责任部门（乙方）：", "负责人（签字）：                     （公章）",
                 "                              年    月    日",
                 "", "试点项目承担单位（丙方）：           （公章）",
                 "项目负责人（签字）：何发意              2021年1月12日"]:
        add_para(d, line)
    fields, rows = _taskbook_fields(
        years, "汨罗市正则学校", "智慧教育实践与探究", "何发意", "07305232101",
        party_a=None, party_a_signer="彭建华", party_a_date="2021-01-15",
        party_b=None, party_b_signer=None, party_b_date=None,
        party_c_signer="何发意", party_c_date="2021-01-12")
    save(d, "r2-original-cover-sign-paragraphs-yuan-blanks", "yueyang-2020-taskbook", fields,
         rows,
         notes="the ORIGINAL attachment as the seed prints it: two-line title, letter-spaced "
               "cover labels ('单  位  名  称 ：'), （盖 章） on its own line, signatures as "
               "plain paragraphs (丙方 date on the signer line); "
               "periods 2021.3-2021.8 / 2021年9月—2021年12月; 万元 blank typed 80000元 (-> 8); "
               "full-width １０; one blank detail row; ends with paragraph")


@case
def taskbook_b():
    years = _years("b")
    d = page("附件2", "岳阳市教育信息化试点项目计划任务书")
    add_table(d, [["单位名称（盖章）", "岳阳市第十四中学"],
                  ["项目名称", "依托智慧校园实现精细教学的应用研究"],
                  ["项目负责人", "廖小光"], ["联系电话", "0730-8226677"]], widths=[4.0, 11.6])
    add_para(d, "岳阳市教育体育局", align="c")
    add_para(d, "2021年1月", align="c")
    page_break(d)
    _year_pages(d, years, False)
    for line in DUTIES.split("\n"):
        add_para(d, line)
    page_break(d)
    add_table(d, [["主管部门（甲方）：\n负责人（签字）：                     （公章）\n"
                   "                                      年    月    日"],
                  ["责任部门（乙方）：\n负责人（签字）：张立                （公章）\n"
                   "                              2021年1月16日"],
                  ["试点项目承担单位（丙方）：           （公章）\n"
                   "项目负责人（签字）：廖小光              年    月    日"]],
              widths=[15.6])
    fields, rows = _taskbook_fields(
        years, "岳阳市第十四中学", "依托智慧校园实现精细教学的应用研究", "廖小光", "07308226677",
        party_a=None, party_a_signer=None, party_a_date=None,
        party_b=None, party_b_signer="张立", party_b_date="2021-01-16",
        party_c_signer="廖小光", party_c_date=None)
    save(d, "r2-cover-table-tracked-hidden-wan-yuan-sign-table", "yueyang-2020-taskbook", fields,
         rows,
         notes="other office: cover as a 2-column table; year only in the heading line (year "
               "cell in the plan table left blank as printed); 4 detail rows in 2021 (one "
               "added); tracked change in plan_2022_content, hidden text in plan_2023_results; "
               "total_2023 '20万元', own_2023 '100000元' (-> 10 万元); signatures in a "
               "one-column table, as in tianbiao's own template but typed by hand; ends with "
               "table")


# ---------------------------------------------------------------- main
def main(argv=None):
    out = output_folder(HERE, argv)
    for fn in CASES:
        fn()
    for form, name, doc, exp in BUILT:
        write_case(out / form, name, doc, exp)
    print(f"built {len(BUILT)} documents in {out}")


if __name__ == "__main__":
    main()
