"""Build the third outside corpus: a third outside tester's 10 long forms.

``tests/outside/<form id>/r3-<case>.docx`` are 10 filled forms (two per form: the 忠县
普通中小学 and 中职 智慧校园建设情况表, the 督查评分表, the 自评表 and the 岳阳 计划任务书),
built by a third outside tester with python-docx from the text of the seed notices, without
tianbiao's layout code. Where the first two corpora play with layouts and with what Word puts
inside a cell, this one plays with length: score and construction tables of 35 items that run
over many PDF pages (rows broken across pages, header rows repeated on every page or not),
long multi-paragraph answers (one long paragraph, numbered 1. 2., numbered （一）（二）, or
plain paragraphs), numbered and unnumbered material lists in a narrow column, answers left
empty on purpose, half points, the self form's awards split in two sub-rows, the taskbook's
three years of long plans and budget tables, all in 五号 (10.5 pt) or 小四 (12 pt).

``<case>.json`` beside each is the expectation, written by hand from what the builder puts in
the document, never taken from tianbiao's output: ``form``, ``fields``, optional ``rows``,
``notes`` (what the case exercises) and where needed ``known_failures`` ({variant: {field:
reason}}, fields a shape cannot carry). The test suite (tests/parsers/test_outside_corpus.py)
converts the files to the LibreOffice re-saved, .doc and .pdf variants itself.

Rebuild (overwrites the r3-* .docx and .json files in place)::

    .venv/bin/python tests/outside/build_outside_corpus_3.py

or build elsewhere to compare, e.g. ``... build_outside_corpus_3.py /tmp/outside3``. A
rebuild gives byte-identical JSON and an identical word/document.xml (the answers come from
random generators seeded by the case name), which tests/corpuskit/test_rebuild.py checks.
The seed notices are read from tests/seeds/. This script uses python-docx and the corpus kit
(tests/corpuskit); it does not import tianbiao."""

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for the corpus kit
from corpuskit.corpus import output_folder, write_case
from corpuskit.documents import new_document, typed_paragraph
from corpuskit.marks import as_text, yes_no
from corpuskit.seeds import seed_between, seed_lines
from corpuskit.typed_tables import merge, merge_down, new_table, repeat_header, write_cell

HERE = Path(__file__).resolve().parent
WUHAO, XIAOSI = 10.5, 12  # 五号, 小四


# ---------------------------------------------------------------- docx helpers
def new_doc(size):
    return new_document("宋体", size, (2.5, 2.5, 2.5, 2.5))


def para(d, text, size=12, bold=False, center=False):
    """A body paragraph of one run in 宋体 (a run even when empty, bold set either way)."""
    return typed_paragraph(d, text, "宋体", size, bold=bold, center=center, empty_run=True)


def set_cell(cell, text, size):
    """Write `text` into `cell`, a paragraph for each line ("\\n" = new paragraph)."""
    write_cell(cell, text, "宋体", size, overtype=True)


def make_table(d, nrows, widths):
    return new_table(d, nrows, widths, center=False, cell_widths=True)


def vmerge(t, col, r0, r1):
    if r1 > r0:
        merge(t, r0, col, r1, col)


# ---------------------------------------------------------------- seed parsing
def section(start, end):
    """Lines of the 忠县 notice (seed 003) from the line `start` to the line `end`."""
    lines = seed_lines("003")
    i = next(k for k, line in enumerate(lines) if line.strip() == start)
    j = next(k for k, line in enumerate(lines) if line.strip() == end) if end else len(lines)
    return lines[i:j]


def ws(s):
    return re.sub(r"\s+", " ", s).strip()


def inspection_rows():
    """The 35 C items of 附件1 with their A and B headings, 评分说明 and full marks."""
    lines = section("附件1", "附件2")
    rows = []
    a = b = None
    for k, line in enumerate(lines):
        s = line.strip()
        if re.match(r"^A\d", s) and line.startswith("\t"):
            if len(s) <= 3:  # "A3" / "A5": name on a following line
                nxt = next(x.strip() for x in lines[k + 1:] if x.strip())
                s = s + " " + nxt
            a = ws(s)
        elif re.match(r"^B\d", s) and line.startswith("\t"):
            b = ws(s)
        elif re.match(r"^C\d", s) and line.startswith("\t"):
            code = re.match(r"^(C\d+)", s).group(1)
            nxt = [x for x in lines[k + 1:] if x.strip()]
            if not nxt[0].startswith("\t"):  # C33: "（2分）" on its own line, same cell
                s = s + "\n" + nxt[0].strip()
                nxt = nxt[1:]
            expl = nxt[0].strip()
            mx = re.findall(r"[（(]\s*(\d+)\s*分\s*[）)]", s)
            rows.append({"code": code, "a": a, "b": b, "text": s, "expl": expl,
                         "max": int(mx[-1])})
            a = b = None
    assert len(rows) == 35, len(rows)
    return rows


def campus_rows(start, end):
    """The 35 numbered items of 附件3-2 or 附件3-3, with the category (名称) each opens."""
    lines = section(start, end)
    rows = []
    cat = []
    for line in lines:
        s = line.strip()
        m = re.match(r"^(\d+)[.．]", s)
        if line.startswith("\t") and m and len(s) > 6:
            rows.append({"no": int(m.group(1)), "text": s, "cat": "".join(cat) or None})
            cat = []
        elif len(s) == 1 and re.match(r"[\u4e00-\u9fff]", s):
            cat.append(s)
    seen = set()
    out = []
    for r in rows:  # first of each number wins
        if r["no"] not in seen and 1 <= r["no"] <= 35:
            seen.add(r["no"])
            out.append(r)
    assert len(out) == 35, [r["no"] for r in out]
    return out


# ---------------------------------------------------------------- content pools
SENT = [
    "学校已建成覆盖全部教学楼、实验楼和学生宿舍的千兆有线网络，无线AP共计{n}个，实现校园无线网络全覆盖",
    "2021年新增信息点{n}个，信息点总数达到师生总数的1.{m}倍，满足日常教育教学需要",
    "依托县教委统一部署的教育城域网，出口带宽由500M提升至{n}M，并配备上网行为管理设备",
    "建立了网络运维值班制度，由信息中心{m}名专职教师轮流值守，故障平均修复时间不超过2小时",
    "每学期开展一次设备巡检，形成巡检记录和整改台账，问题设备已全部登记并限期处理",
    "教师利用“一师一优课、一课一名师”平台上传优课{n}节，其中县级优课{m}节、市级优课2节",
    "学校建设校本资源库，按学科、年级分类整理课件、微课、教学设计等资源，累计容量约{n}GB",
    "组织全体教师参加信息技术应用能力提升工程2.0培训，完成率100%，考核合格率{n}%",
    "在智慧教室开展常态化教学，每周使用不少于{n}节，课堂实录定期上传至区域平台",
    "学生综合素质评价、体质健康数据已接入市级平台，实现数据统一采集、集中管理和动态更新",
    "采用“统一身份认证+单点登录”方式整合教务、资产、图书、财务等{m}个管理系统",
    "制定了《学校网络安全事件应急预案》，每年组织应急演练{m}次，近三年未发生重大网络安全事故",
    "安装视频监控摄像头{n}路，覆盖校门、操场、楼道及功能室，录像保存时间不少于30天",
    "下一步计划争取专项资金{m}0万元，对老旧多媒体设备进行更新换代，并新建录播教室1间",
]


def sentence(rng):
    return rng.choice(SENT).format(n=rng.randint(12, 480), m=rng.randint(2, 9))


def status_text(rng, style):
    """A long 建设情况 answer; `style` gives its shape."""
    if style == 0:  # one long paragraph
        return "；".join(sentence(rng) for _ in range(rng.randint(2, 3))) + "。"
    if style == 1:  # numbered list 1. 2.
        return "\n".join(f"{k}.{sentence(rng)}。" for k in range(1, rng.randint(3, 4)))
    if style == 2:  # （一）（二）
        cn = "一二三四"
        return "\n".join(f"（{cn[k]}）{sentence(rng)}。" for k in range(rng.randint(2, 3)))
    # several plain paragraphs
    return "\n".join(sentence(rng) + "。" for _ in range(rng.randint(2, 3)))


MAT = ["学校网络拓扑图", "无线AP分布平面图及设备清单",
       "2021年秋季学期智慧教室使用登记表及课堂实录光盘（共12份）",
       "网络安全应急预案及演练照片", "校本资源库目录截图",
       "教师信息技术应用能力提升工程2.0培训合格证书汇总表",
       "设备采购合同及验收报告复印件", "管理系统登录界面截图", "相关会议纪要",
       "获奖证书复印件（县级3项、市级1项）", "视频监控点位图", "经费投入明细表（2019—2021年）",
       "数据备份记录"]


def materials(rng, numbered):
    items = rng.sample(MAT, rng.randint(3, 5))
    return "\n".join((f"{k}.{t}" if numbered else t) for k, t in enumerate(items, 1))


# ---------------------------------------------------------------- forms
def build_campus(form_id, sec, end, title, case, size, widths, header_repeat):
    """附件3-2 / 附件3-3: 35 items, long 建设情况 answers and 支撑材料清单 lists."""
    rng = random.Random(f"{form_id}{case}")
    rows = campus_rows(sec, end)
    d = new_doc(size)
    para(d, sec, 14)
    para(d, title, 18, bold=True, center=True)
    t = make_table(d, 36, widths)
    for c, h in enumerate(["名称", "内  容", "建设情况", "支撑材料清单"]):
        set_cell(t.cell(0, c), h, size)
    if header_repeat:
        repeat_header(t.rows[0]._tr, "true")
    fields = {}
    for i, r in enumerate(rows, 1):
        if r["cat"]:
            set_cell(t.cell(i, 0), "\n".join(r["cat"]), size)
        set_cell(t.cell(i, 1), r["text"], size)
        n = r["no"]
        st = status_text(rng, (n + case) % 4)
        if n in (7, 20, 33) and case == 2:
            st = None  # left empty on purpose
        mt = materials(rng, numbered=(case == 1)) if (n % 3 != 0) else None
        set_cell(t.cell(i, 2), st or "", size)
        set_cell(t.cell(i, 3), mt or "", size)
        fields[f"n{n}_status"] = st
        fields[f"n{n}_materials"] = mt
    merge_down(t, 0, [i for i, r in enumerate(rows, 1) if r["cat"]], 36)
    return d, {"form": form_id, "fields": fields}


INSPECTION_NOTES = ["资料齐全", "现场查看功能室3间，其中1间被挤占作储藏室", "缺2020年秋季培训记录",
                    "班班通使用记载本有2个班未按要求填写，已当场指出", "危化品柜双人双锁",
                    "论文1篇获市级二等奖"]


def build_inspection(case, size, widths, header_repeat):
    """附件1: 35 C items over many pages, half points, notes in a narrow 备注 column."""
    rng = random.Random(f"insp{case}")
    rows = inspection_rows()
    d = new_doc(size)
    school = ["忠县忠州第三小学校", "忠县拔山镇中心小学校"][case - 1]
    insp = ["谭晓梅、刘志强", "周建"][case - 1]
    date = [("2021年11月5日", "2021-11-05"), ("2021年12月16日", "2021-12-16")][case - 1]
    para(d, "附件1", 14)
    para(d, "忠县中小学教育信息技术与装备专项督查评分表", 18, bold=True, center=True)
    para(d, f"学校：{school}", 14)
    para(d, f"督查人员：{insp}  督查时间：{date[0]}", 14)
    t = make_table(d, 37, widths)
    hdr = ["督查项目与权重", "", "督查内容", "评分说明", "考核分", "备注"]
    for c, h in enumerate(hdr):
        set_cell(t.cell(0, c), h, size)
    t.cell(0, 0).merge(t.cell(0, 1))
    set_cell(t.cell(0, 0), "督查项目与权重", size)
    if header_repeat:
        repeat_header(t.rows[0]._tr, "true")
    fields = {"school": school, "inspector": insp, "inspect_date": date[1]}
    total = 0.0
    for i, r in enumerate(rows, 1):
        if r["a"]:
            set_cell(t.cell(i, 0), r["a"], size)
        if r["b"]:
            set_cell(t.cell(i, 1), r["b"], size)
        set_cell(t.cell(i, 2), r["text"], size)
        set_cell(t.cell(i, 3), r["expl"], size)
        if r["max"] > 1:
            sc = r["max"] - rng.choice([0, 0, 0.5, 1])
        else:
            sc = rng.choice([1, 0.5])
        sc = max(sc, 0)
        total += sc
        note = rng.choice(INSPECTION_NOTES) if rng.random() < 0.45 else None
        set_cell(t.cell(i, 4), f"{sc:g}", size)
        set_cell(t.cell(i, 5), note or "", size)
        k = r["code"].lower()
        fields[f"{k}_score"] = sc
        fields[f"{k}_note"] = note
    set_cell(t.cell(36, 0), "得分合计", size)
    t.cell(36, 0).merge(t.cell(36, 3))
    set_cell(t.cell(36, 0), "得分合计", size)
    set_cell(t.cell(36, 4), f"{total:g}", size)
    fields["total_score"] = total
    for col, key in ((0, "a"), (1, "b")):
        merge_down(t, col, [i for i, r in enumerate(rows, 1) if r[key]], 36)
    return d, {"form": "zhongxian-2021-inspection", "fields": fields}


def typed_yes_no(v):
    return as_text(yes_no(v))


SELF_ROWS = [  # category, label 1, key 1, label 2, key 2
    ("学校概况", "学校名称", "school", None, None),
    (None, "学校类别", "school_type", None, None),
    (None, "学校地址", "address", None, None),
    (None, "学校联系人", "contact_person", "联系电话", "contact_phone"),
    (None, "学校传真", "fax", "电子邮箱", "email"),
    (None, "在编教职工总数", "staff", "在籍学生总数", "students"),
    ("体制机制", "是否成立网信或智慧校园建设领导机构", "has_leading_group",
     "是否明确教育信息化职能部门", "has_it_department"),
    (None, "教育信息化职能部门名称", "it_department_name",
     "教育信息化专职人员数量（人）", "it_staff"),
    (None, "是否制定智慧校园\n建设规划", "has_plan",
     "近三年教育信息化累计投入经费（万元）", "investment"),
    ("基本条件", "是否建成校园网", "has_campus_network", "互联网出口带宽（M）", "bandwidth"),
    (None, "无线网络AP数量（个）", "wireless_aps",
     "是否实现校园\n无线网络全覆盖", "wireless_full_coverage"),
    (None, "是否接入\n重庆教育宽带网", "on_cq_education_network",
     "百名学生拥有终端数（台）", "terminals_per_100_students"),
    (None, "百名教师拥有终端数(台)", "terminals_per_100_teachers",
     "普通教室互动多媒体教学设备配备率（%）", "interactive_equipment_rate"),
    ("智慧应用", "智慧教室数量（间）", "smart_classrooms",
     "校本课程数字资源\n数量（门）", "school_course_resources"),
    (None, "教学应用是否具备\n师生交流互动功能", "has_interaction",
     "教师网络学习空间\n开通率（%）", "teacher_space_rate"),
    (None, "教学应用是否具备\n智能推送功能", "has_smart_push",
     "学生网络学习空间开通率（小学三年级以上）（%）", "student_space_rate"),
    (None, "管理系统是否具备“一站式服务”能力", "has_one_stop_service",
     "是否开展数据分析\n应用", "has_data_analysis"),
    (None, "是否应用物联网技术", "uses_iot", "是否使用云服务", "uses_cloud"),
    ("试点示范", "是否参与教育部第一批教育信息化试点", "moe_pilot",
     "是否参加重庆市教育信息化试点", "cq_pilot"),
    (None, "是否参与重庆市智慧\n校园建设试点", "cq_smart_campus_pilot", "AWARDS", None),
    (None, None, None, "AWARDS2", None),
    ("网络安全", "是否制定网络安全\n应急预案", "has_emergency_plan",
     "是否有数据容灾\n备份措施", "has_disaster_backup"),
    (None, "是否定期开展网络安全应急演练", "holds_security_drills",
     "近三年是否发生过重大网络安全事故", "had_major_incident"),
]


def self_values(case):
    i = case - 1
    return {
        "school": ["忠县实验中学", "忠县职业教育中心"][i],
        "school_type": ["普通中小学校", "中职学校"][i],
        "address": ["重庆市忠县忠州街道州屏环路188号",
                    "重庆市忠县白公街道滨江路东段职教园区内（原县农机校旧址往北200米）"][i],
        "contact_person": ["陈晓东", "冉小兰"][i],
        "contact_phone": ["023-54231187", "13983612245"][i],  # expected: digits only
        "fax": ["无", "023-54456678"][i],
        "email": ["zxsyzx@163.com", "zxzjzx_xxb@126.com"][i],
        "staff": [236, 187][i], "students": [3420, 2865][i],
        "has_leading_group": True, "has_it_department": True,
        "it_department_name": ["信息中心",
                               "现代教育技术中心（网络安全与信息化工作领导小组办公室）"][i],
        "it_staff": [4, 6][i], "has_plan": [True, False][i],
        "investment": [286.5, 412][i], "has_campus_network": True,
        "bandwidth": [1000, 500][i],
        "wireless_aps": [126, 88][i], "wireless_full_coverage": [True, False][i],
        "on_cq_education_network": True, "terminals_per_100_students": [15.2, 21][i],
        "terminals_per_100_teachers": [112, 98.5][i],
        "interactive_equipment_rate": [92, 85.5][i],
        "smart_classrooms": [6, 3][i], "school_course_resources": [14, 22][i],
        "has_interaction": True, "teacher_space_rate": [100, 96][i],
        "has_smart_push": [False, True][i],
        "student_space_rate": [88, 100][i], "has_one_stop_service": [True, False][i],
        "has_data_analysis": [False, True][i], "uses_iot": [True, False][i],
        "uses_cloud": True,
        "moe_pilot": False, "cq_pilot": [True, False][i],
        "cq_smart_campus_pilot": [False, True][i],
        "awards_county_and_above": [5, 2][i], "awards_district": [3, 7][i],
        "has_emergency_plan": True, "has_disaster_backup": [True, False][i],
        "holds_security_drills": True, "had_major_incident": False,
    }


def build_self(case, size):
    """附件3-1: the self-assessment form, awards split in 县级及以上 / 区县级 sub-rows."""
    v = self_values(case)

    def s(k):
        x = v[k]
        if isinstance(x, bool):
            return typed_yes_no(x)
        if k in ("interactive_equipment_rate", "teacher_space_rate", "student_space_rate"):
            return f"{x:g}%"
        if k == "school_type":
            if x == "中职学校":
                return "☑中职学校       □普通中小学校"
            return "□中职学校       ☑普通中小学校"
        return x if isinstance(x, str) else f"{x:g}"

    d = new_doc(size)
    para(d, "附件3-1", 14)
    para(d, "忠县智慧校园建设创建自评表", 18, bold=True, center=True)
    t = make_table(d, len(SELF_ROWS), [1.4, 4.2, 2.5, 3.8, 1.7, 3.2])
    for i, (cat, l1, k1, l2, k2) in enumerate(SELF_ROWS):
        if cat:
            set_cell(t.cell(i, 0), cat, size)
        if l1:
            set_cell(t.cell(i, 1), l1, size)
        if k1 and l2 is None:
            set_cell(t.cell(i, 2), s(k1), size)
            t.cell(i, 2).merge(t.cell(i, 5))
        elif l2 == "AWARDS":
            set_cell(t.cell(i, 2), s(k1), size)
            set_cell(t.cell(i, 3), "教育信息化、智慧\n校园工作获奖数量（项）", size)
            set_cell(t.cell(i, 4), "县级及以上", size)
            set_cell(t.cell(i, 5), s("awards_county_and_above"), size)
        elif l2 == "AWARDS2":
            set_cell(t.cell(i, 4), "区县级", size)
            set_cell(t.cell(i, 5), s("awards_district"), size)
        else:
            set_cell(t.cell(i, 2), s(k1), size)
            set_cell(t.cell(i, 3), l2, size)
            set_cell(t.cell(i, 4), s(k2), size)
            t.cell(i, 4).merge(t.cell(i, 5))
    aw = next(i for i, r in enumerate(SELF_ROWS) if r[3] == "AWARDS")
    vmerge(t, 1, aw, aw + 1)
    vmerge(t, 2, aw, aw + 1)
    vmerge(t, 3, aw, aw + 1)
    merge_down(t, 0, [i for i, r in enumerate(SELF_ROWS) if r[0]], len(SELF_ROWS))
    exp = dict(v)
    exp["contact_phone"] = re.sub(r"\D", "", v["contact_phone"])
    exp["fax"] = None if v["fax"] == "无" else re.sub(r"\D", "", v["fax"])
    return d, {"form": "zhongxian-2021-smart-campus-self", "fields": exp}


PLAN = ["搭建区域智慧课堂应用平台，完成{n}个班级的智慧课堂常态化应用部署",
        "组织骨干教师开展基于大数据的精准教学研究，每学期形成典型课例不少于{m}个",
        "建设学科资源库，覆盖语文、数学、英语、物理、化学等{m}个学科，资源总量不少于{n}条",
        "开展“信息技术+学科”融合优质课评比，评选县级以上优质课{m}节",
        "成立试点工作领导小组，校长任组长，分管副校长具体负责，信息中心和教务处共同实施",
        "建立月度推进例会制度和季度考核制度，将试点工作纳入教师绩效考核",
        "落实专项经费{n}万元，优先保障设备更新和教师培训，做到专款专用",
        "与高校及企业合作，引入专家团队进行全程指导，每学期开展专题培训不少于{m}次"]


PLAN_NOTE = "注：年份从2021年至2023年分年度填写，每个年份一个页面。填写内容应简明扼要，突出重点。"
BUDGET_NOTE = ("注：重点建设内容分解必须明确具体，应写明项目实施路线图、时间节点安排、配套费用明细"
               "等内容。")


def plan_text(rng, style, k):
    ss = [rng.choice(PLAN).format(n=rng.randint(10, 300), m=rng.randint(2, 9)) for _ in range(k)]
    if style == 0:
        return "\n".join(f"{i}.{x}。" for i, x in enumerate(ss, 1))
    if style == 1:
        return "\n".join(f"（{'一二三四五六七八九十'[i]}）{x}。" for i, x in enumerate(ss))
    return "\n".join(x + "。" for x in ss)


def build_taskbook(case, size):
    """附件2 of the 岳阳 notice: cover, then three years of long plans and budget tables."""
    rng = random.Random(f"tb{case}")
    unit = ["汨罗市正则学校", "岳阳市第十五中学"][case - 1]
    project = ["基于智慧课堂的精准教学模式研究与实践",
               "“互联网+”背景下初中物理实验教学创新应用"][case - 1]
    leader = ["李国华", "彭丽娟"][case - 1]
    phone = ["0730-5221876", "138 7301 4456"][case - 1]
    d = new_doc(size)
    para(d, "附件2", 14)
    para(d, "")
    para(d, "")
    para(d, "岳阳市教育信息化试点项目计划任务书", 22, bold=True, center=True)
    para(d, "")
    para(d, "")
    para(d, f"单位名称：{unit}（盖 章）", 16)
    para(d, f"项目名称：{project}", 16)
    para(d, f"项目负责人：{leader}", 16)
    para(d, f"联系电话：{phone}", 16)
    para(d, "")
    para(d, "岳阳市教育体育局", 16, center=True)
    para(d, "2021年1月", 16, center=True)
    d.add_page_break()
    fields = {"unit": unit, "project": project, "leader": leader,
              "phone": re.sub(r"\D", "", phone)}
    rows = {}
    for y in (2021, 2022, 2023):
        para(d, f"一、教育信息化试点项目建设年度计划（{y}年）", size + 1.5, bold=True)
        t = make_table(d, 4, [3.4, 12.2])
        set_cell(t.cell(0, 0), "年份\n项目", size)
        set_cell(t.cell(0, 1), f"{y}年", size)
        for r, (lab, key) in enumerate([("试点工作内容", "content"), ("预期试点成果", "results"),
                                        ("工作措施与\n保障手段", "measures")], 1):
            txt = plan_text(rng, (r + y + case) % 3, rng.randint(7, 10))
            set_cell(t.cell(r, 0), lab, size)
            set_cell(t.cell(r, 1), txt, size)
            fields[f"plan_{y}_{key}"] = txt
        para(d, PLAN_NOTE, 10.5)
        para(d, f"二、教育信息化试点项目建设经费预算表（{y}年）", size + 1.5, bold=True)
        n = rng.randint(4, 6)
        det = []
        for _ in range(n):
            cost = rng.choice([4.5, 6, 8, 12.5, 15, 20, 3.2])
            m0 = rng.randint(1, 6)
            m1 = rng.randint(m0 + 1, 12)
            per = f"{y}.{m0:02d}-{y}.{m1:02d}" if case == 1 else f"{y}年{m0}月—{y}年{m1}月"
            content = rng.choice(["智慧教室建设", "教师培训", "资源库建设", "平台租用与维护",
                                  "课题研究与成果推广"])
            breakdown = "\n".join(
                f"{i}.{rng.choice(PLAN).format(n=rng.randint(10, 300), m=rng.randint(2, 9))}"
                for i in range(1, rng.randint(2, 4))
            )
            det.append({"content": content, "breakdown": breakdown, "period": per,
                        "period_exp": f"{y}-{m0:02d}/{y}-{m1:02d}", "cost": cost})
        total = round(sum(x["cost"] for x in det), 2)
        sup = round(total * 0.4, 2) if case == 1 else 10.0
        own = round(total - sup, 2)
        t = make_table(d, 3 + n, [3.0, 4.0, 4.6, 4.0])
        set_cell(t.cell(0, 0), "经费总数\n（万元）", size)
        set_cell(t.cell(0, 1), f"{total:g}", size)
        set_cell(t.cell(0, 2), "上级部门配套经费\n（万元）", size)
        set_cell(t.cell(0, 3), "自筹经费\n（万元）", size)
        set_cell(t.cell(1, 2), f"{sup:g}", size)
        set_cell(t.cell(1, 3), f"{own:g}", size)
        vmerge(t, 0, 0, 1)
        vmerge(t, 1, 0, 1)
        for c, h in enumerate(["试点重点建设内容", "重点建设内容分解", "起止时间",
                               "所需经费\n（万元）"]):
            set_cell(t.cell(2, c), h, size)
        if case == 1:
            repeat_header(t.rows[2]._tr, "true")
        for k, x in enumerate(det):
            for c, val in enumerate([x["content"], x["breakdown"], x["period"],
                                     f"{x['cost']:g}"]):
                set_cell(t.cell(3 + k, c), val, size)
        fields[f"total_{y}"] = total
        fields[f"superior_{y}"] = sup
        fields[f"own_{y}"] = own
        rows[f"经费预算明细（{y}年）"] = [
            {"试点重点建设内容": x["content"], "重点建设内容分解": x["breakdown"],
             "起止时间": x["period_exp"], "所需经费（万元）": x["cost"]} for x in det]
        para(d, BUDGET_NOTE, 10.5)
        d.add_page_break()
    for line in seed_between("001", "三、责任、义务及违约处理", "主管部门（甲方）"):
        if line.strip():
            para(d, line.strip(), size)
    t = make_table(d, 3, [15.6])
    parties = ["主管部门（甲方）：", "责任部门（乙方）：", "试点项目承担单位（丙方）："]
    for r, lab in enumerate(parties):
        extra = "" if r == 2 else "\n负责人（签字）：                     （公章）"
        date = "\n\n                              年    月    日"
        set_cell(t.cell(r, 0), lab + extra + date, size)
    for k in ("party_a", "party_a_signer", "party_a_date", "party_b", "party_b_signer",
              "party_b_date", "party_c_signer", "party_c_date"):
        fields[k] = None
    return d, {"form": "yueyang-2020-taskbook", "fields": fields, "rows": rows}


# ---------------------------------------------------------------- known failures
PARAGRAPH_FILLS_CELL = ("a paragraph whose last line exactly fills the cell looks like a line "
                        "that wrapped")
ITEM_FILLS_COLUMN = ("an unnumbered list item that exactly fills the narrow column looks like a "
                     "wrapped item")
SHORT_BEFORE_QUOTE = "the line before an opening quote ends short, read as a paragraph end"
AWARDS_SUB_ROWS = "the PDF reader merges the two sub-rows 县级及以上/区县级 printed in 小四"



def _pdf(**reasons):
    """{"pdf": {field: reason}} from reason=[field, ...]."""
    by_reason = {"fills_cell": PARAGRAPH_FILLS_CELL, "fills_column": ITEM_FILLS_COLUMN,
                 "quote": SHORT_BEFORE_QUOTE, "sub_rows": AWARDS_SUB_ROWS}
    return {"pdf": {f: by_reason[r] for r, fs in reasons.items() for f in fs}}


def _materials(*numbers):
    return [f"n{n}_materials" for n in numbers]


# {case name: {variant: {field: reason}}}: what the PDF shape does not carry
KNOWN = {
    "r3-k12-wuhao-repeated-header-numbered-materials": _pdf(
        fills_cell=["n22_status", "n34_status"], quote=["n23_status"]),
    "r3-k12-xiaosi-unnumbered-materials-empty-answers": _pdf(
        fills_column=_materials(1, 8, 10, 11, 29, 32, 35), quote=["n18_status"]),
    "r3-voc-xiaosi-numbered-materials": _pdf(
        fills_cell=["n14_status", "n22_status", "n26_status"]),
    "r3-voc-wuhao-repeated-header-unnumbered-materials": _pdf(
        fills_column=_materials(2, 4, 11, 13, 16, 17, 26, 28, 29, 31),
        fills_cell=["n29_status"]),
    "r3-xiaosi-awards-sub-rows-long-address": _pdf(
        sub_rows=["awards_county_and_above", "awards_district"]),
    "r3-wuhao-dotted-periods-repeated-budget-header": _pdf(
        fills_cell=["plan_2021_results", "plan_2023_measures"]),
}


# ---------------------------------------------------------------- cases
K12 = ("zhongxian-2021-smart-campus-k12", "附件3-2", "附件3-3", "普通中小学智慧校园建设情况表")
VOC = ("zhongxian-2021-smart-campus-vocational", "附件3-3", "附件4", "中职学校智慧校园建设情况表")

CASES = [  # (case name, builder, notes)
    ("r3-k12-wuhao-repeated-header-numbered-materials",
     lambda: build_campus(*K12, 1, WUHAO, [1.2, 7.0, 4.4, 3.0], True),
     "五号 (10.5 pt), 35 items over many PDF pages, header row repeated on every page; long "
     "建设情况 answers in four shapes (one long paragraph, 1. 2. list, （一）（二） list, plain "
     "paragraphs, each a Word paragraph); numbered 支撑材料清单 lists (none for "
     "every third item)"),
    ("r3-k12-xiaosi-unnumbered-materials-empty-answers",
     lambda: build_campus(*K12, 2, XIAOSI, [1.0, 6.0, 5.6, 3.0], False),
     "小四 (12 pt), 35 items over many PDF pages, header row not repeated; long multi-paragraph "
     "answers, items 7, 20 and 33 left empty on purpose (null); unnumbered material lists, one "
     "item a paragraph, in a 3 cm column"),
    ("r3-voc-xiaosi-numbered-materials",
     lambda: build_campus(*VOC, 1, XIAOSI, [1.2, 7.0, 4.4, 3.0], False),
     "小四 (12 pt), 中职 form, 35 items over many PDF pages, header row not repeated; long "
     "multi-paragraph answers; numbered material lists"),
    ("r3-voc-wuhao-repeated-header-unnumbered-materials",
     lambda: build_campus(*VOC, 2, WUHAO, [1.2, 5.5, 5.9, 3.0], True),
     "五号 (10.5 pt), 中职 form, header row repeated on every page; items 7, 20 and 33 left "
     "empty on purpose (null); unnumbered material lists"),
    ("r3-wuhao-repeated-header-half-points",
     lambda: build_inspection(1, WUHAO, [1.5, 1.9, 4.8, 4.2, 1.9, 1.3], True),
     "五号 (10.5 pt), seed layout (A/B columns merged down, one merged header cell) over several "
     "PDF pages with the header row repeated; half points; notes in a 1.3 cm 备注 column; two "
     "inspectors; date written 2021年11月5日"),
    ("r3-xiaosi-half-points-long-notes",
     lambda: build_inspection(2, XIAOSI, [1.3, 1.8, 5.0, 4.3, 1.6, 1.6], False),
     "小四 (12 pt), seed layout over several PDF pages, header row not repeated; half points; "
     "long notes wrapping in a 1.6 cm 备注 column"),
    ("r3-wuhao-awards-sub-rows",
     lambda: build_self(1, WUHAO),
     "五号 (10.5 pt), seed 6-column layout; awards split in 县级及以上 / 区县级 sub-rows; "
     "☑/□ choices; 传真 written 无 (no fax: null); phone with a dash (expected: digits only)"),
    ("r3-xiaosi-awards-sub-rows-long-address",
     lambda: build_self(2, XIAOSI),
     "小四 (12 pt), seed 6-column layout; awards split in 县级及以上 / 区县级 sub-rows; long "
     "address and long department name wrapping in their cells; 中职 ticked"),
    ("r3-wuhao-dotted-periods-repeated-budget-header",
     lambda: build_taskbook(1, WUHAO),
     "五号 (10.5 pt); cover as paragraphs, three years of long plans (7 to 10 paragraphs a "
     "cell: 1. 2., （一）（二） or plain) and budget tables, one year a page; periods written "
     "2021.03-2021.09 (expected 2021-03/2021-09); budget header row repeated; sign table left "
     "blank (null)"),
    ("r3-xiaosi-cn-periods-spaced-phone",
     lambda: build_taskbook(2, XIAOSI),
     "小四 (12 pt); periods written 2021年3月—2021年9月 (expected 2021-03/2021-09); phone "
     "typed with spaces (expected: digits only); 上级部门配套经费 fixed at 10; sign table left "
     "blank (null)"),
]


# ---------------------------------------------------------------- main
def main(argv=None):
    out = output_folder(HERE, argv)
    for name, build, notes in CASES:
        doc, exp = build()
        exp["notes"] = notes
        if name in KNOWN:
            exp["known_failures"] = KNOWN[name]
        write_case(out / exp["form"], name, doc, exp)
    print(f"built {len(CASES)} documents in {out}")


if __name__ == "__main__":
    main()
