"""The documents that are none of tianbiao's forms: English tables and Chinese look-alikes.

English statistics tables with numbered rows (a NICS-like background-check table by state, a
WARN layoff report, a numbered readiness checklist) and Chinese documents that share words
with the forms (the notices' own text with their 附件 lines, the 乐清 plan, a 课程表, a
成绩单, a 物资采购清单, another bureau's 申报表, a 会议签到表, a 安全检查评分表 with items
1–35, a 问卷 with □是 □否). Importing the module registers its cases.
"""

from __future__ import annotations

from corpus_cases import case, lines_before, notice_document, numbers, person, phone, seed_lines
from notforms_docx import (
    grid_table,
    heading,
    merge_cells,
    new_document,
    new_sheet,
    paragraph,
    write_rows,
)

# ============================================================ English statistics tables
STATES = [state.replace("_", " ") for state in (
          "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware "
          "District_of_Columbia Florida Georgia Guam Hawaii Idaho Illinois Indiana Iowa Kansas "
          "Kentucky Louisiana Maine Mariana_Islands Maryland Massachusetts Michigan Minnesota "
          "Mississippi Missouri Montana Nebraska Nevada New_Hampshire New_Jersey New_Mexico "
          "New_York North_Carolina North_Dakota Ohio Oklahoma Oregon Pennsylvania Puerto_Rico "
          "Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah Vermont Virgin_Islands "
          "Virginia Washington West_Virginia Wisconsin Wyoming").split()]
NICS_HEADER = ["#", "State / Territory", "Permit", "Handgun", "Long Gun", "Other", "Totals"]


def nics_rows(count: int) -> list[list[object]]:
    """Return `count` numbered state rows of the NICS-like table, totals added up."""
    rows: list[list[object]] = []
    for number, state in enumerate(STATES[:count], start=1):
        permit, handgun, long_gun, other = (numbers(1, 0, 60000)[0], numbers(1, 100, 40000)[0],
                                            numbers(1, 100, 30000)[0], numbers(1, 0, 2500)[0])
        rows.append([number, state, permit, handgun, long_gun, other,
                     permit + handgun + long_gun + other])
    return rows


def _english_heading(document: object, lines: list[str]) -> None:
    heading(document, lines[0], 14, "Liberation Sans")
    for line in lines[1:]:
        paragraph(document, line, font="Liberation Sans", size=9, center=True)


@case("en-nics-checks-by-state-1-35", ("docx", "pdf"),
      "An English statistics table (NICS firearm checks by state) numbered 1–35: item numbers "
      "1–35 alone are no fingerprint of 普通中小学智慧校园建设情况表.",
      nearest="zhongxian-2021-smart-campus-k12")
def nics_first_page() -> object:
    """Write page 1 of a NICS-like table by state, rows numbered 1–35."""
    document = new_document("Liberation Sans", 9)
    _english_heading(document, ["NICS Firearm Checks: Month/Year by State",
                                "January 1, 2023 - January 31, 2023 (page 1 of 2)"])
    rows = [NICS_HEADER] + [[f"{v:,}" if isinstance(v, int) and i > 1 else str(v)
                             for i, v in enumerate(row)] for row in nics_rows(35)]
    grid_table(document, rows, [1.0, 4.6, 2.3, 2.3, 2.3, 2.0, 2.5], size=8)
    paragraph(document, "These statistics represent the number of firearm background checks "
              "initiated through the NICS. They do not represent the number of firearms sold.",
              size=7)
    return document


@case("en-nics-checks-by-state-1-55", ("pdf",),
      "A spreadsheet printout of the same kind of table, 55 numbered rows without rules: "
      "numbers and a header row are not a form.", nearest="zhongxian-2021-smart-campus-k12")
def nics_spreadsheet() -> object:
    """Write the whole NICS-like table (55 rows) as a spreadsheet, no rules."""
    workbook, sheet = new_sheet("NICS")
    sheet["A1"] = "NICS Firearm Checks: Year 2022 by State/Type"
    rows = nics_rows(55)
    total = ["", "Total"] + [sum(row[i] for row in rows) for i in range(2, 7)]
    write_rows(sheet, [NICS_HEADER, *rows, total], start=3, ruled=False, font="Liberation Sans",
               widths=(5, 22, 12, 12, 12, 10, 12))
    return workbook


WARN_TOWNS = ["Sacramento", "San Jose", "Fresno", "Oakland", "Irvine", "Riverside", "Modesto",
              "Santa Clara", "Bakersfield", "Pasadena", "Long Beach", "Stockton"]
WARN_FIRMS = ["Acme Logistics LLC", "Bayview Medical Group", "Coastal Foods Inc.",
              "Delta Print Services", "Evergreen Retail Co.", "Fairway Hospitality",
              "Granite Tech Systems", "Harbor Freight Lines", "Ironwood Manufacturing",
              "Juniper Call Centers", "Keystone Staffing", "Lakeside Bakery"]


@case("en-warn-layoff-notices-1-60", ("docx", "pdf"),
      "An English WARN layoff report, 60 numbered notices (Company, City, Date, Employees): "
      "numbered rows are not a form.", nearest="zhongxian-2021-smart-campus-k12")
def warn_report() -> object:
    """Write a WARN layoff report of 60 numbered notices."""
    document = new_document("Liberation Sans", 8)
    _english_heading(document, ["WARN Report", "Notices received 07/01/2022 through 06/30/2023"])
    rows = [["No.", "Notice Date", "Effective", "Company", "City", "Employees", "Layoff/Closure"]]
    for number in range(1, 61):
        month, day = 1 + (number * 7) % 12, 1 + (number * 11) % 28
        rows.append([str(number), f"{month:02d}/{day:02d}/2023", f"{month:02d}/{day:02d}/2023",
                     f"{WARN_FIRMS[number % 12]} #{number}", WARN_TOWNS[(number * 5) % 12],
                     str(numbers(1, 8, 480)[0]), ("Layoff", "Closure")[number % 3 == 0]])
    grid_table(document, rows, [1.0, 2.0, 2.0, 5.2, 2.6, 1.8, 2.4], size=7)
    return document


READINESS = ["Wired network reaches every classroom", "Wireless coverage in teaching areas",
             "Internet bandwidth per student", "Interactive displays in classrooms",
             "Student devices per 100 students", "Teacher laptops", "Learning platform in use",
             "Digital library", "Data backup policy", "Cyber security training"]


@case("en-readiness-checklist-1-35", ("pdf",),
      "An English checklist with items 1–35, points and a score column: shaped like a score "
      "table, but none of its words are ours.", nearest="zhongxian-2021-inspection")
def readiness_checklist() -> object:
    """Write an English 35-item checklist with points and scores."""
    document = new_document("Liberation Sans", 9)
    _english_heading(document, ["District Technology Readiness Checklist",
                                "School: ________  Reviewer: ________  Date: ________"])
    rows = [["Item", "Indicator", "Points", "Score", "Notes"]]
    for number in range(1, 36):
        text = f"{READINESS[number % 10]} (area {1 + number // 10})"
        points = 2 + number % 3
        rows.append([str(number), text, str(points), str(points - number % 2), ""])
    rows.append(["", "Total", "", str(sum(int(r[3]) for r in rows[1:])), ""])
    grid_table(document, rows, [1.2, 8.5, 1.6, 1.6, 3.0], size=8)
    return document


# ============================================================ Chinese documents, not forms
@case("notice-ruian-2022-body", ("docx", "pdf"),
      "通知正文（瑞安“回头看”）：正文里写着两个附件的标题，但通知本身不是表格，不能当作回交的"
      "项目建设报告或项目清单。", nearest="ruian-2022-report")
def notice_ruian() -> object:
    """Write the 瑞安 notice's text, up to its attachments."""
    return notice_document(lines_before(seed_lines("000"), "附件1"))


@case("notice-hengyang-2018-body", ("doc",),
      "通知正文（衡阳试点申报）：写着申请表、汇总表的名称和“联系人、联系电话”，但它是通知，"
      "不是申请表。", nearest="hengyang-2018-application")
def notice_hengyang() -> object:
    """Write the 衡阳 notice's text, up to its attachments."""
    return notice_document(lines_before(seed_lines("002"), "附件1"))


@case("notice-yueyang-2020-body", ("docx",),
      "通知正文（岳阳公布名单）：提到《计划任务书》和单位名单，没有表格，不是任何一张表。",
      nearest="yueyang-2020-taskbook")
def notice_yueyang() -> object:
    """Write the 岳阳 notice's text, up to its attachments."""
    return notice_document(lines_before(seed_lines("001"), "附件1"))


@case("plan-yueqing-2018", ("pdf",),
      "乐清实施方案（通知、目标任务和工作保障几节）：自查表的各项指标（生机比、师机比、功能室）都出自这里，但方案是文章，"
      "不是自查表。", nearest="yueqing-2018-equipment-selfcheck")
def plan_yueqing() -> object:
    """Write the 乐清 notice and plan without its steps and work sections."""
    lines = seed_lines("004")
    start = next(i for i, line in enumerate(lines) if line.startswith("三、"))
    end = next(i for i, line in enumerate(lines) if line.startswith("五、"))
    return notice_document(lines[:start] + lines[end:])  # keeps the file under 100 KB


WEEKDAYS = ["星期一", "星期二", "星期三", "星期四", "星期五"]
SUBJECTS = ["语文", "数学", "英语", "科学", "道德与法治", "音乐", "美术", "体育", "信息科技",
            "劳动", "书法", "综合实践"]


@case("timetable-grade3", ("docx", "pdf"),
      "一张班级课程表（节次 1–8、星期一至星期五）：学校常用的表格，不是我们的任何一张表。")
def timetable() -> object:
    """Write a class timetable with a merged lunch row."""
    document = new_document("宋体", 11, landscape=True)
    heading(document, "实验小学2023学年第一学期三年级（2）班课程表")
    paragraph(document, "班主任：" + person() + "        教室：教学楼302", center=True)
    rows = [["节次", "时间", *WEEKDAYS]]
    times = ["8:00-8:40", "8:50-9:30", "9:50-10:30", "10:40-11:20", "",
             "13:30-14:10", "14:20-15:00", "15:10-15:50", "16:00-16:40"]
    for index, time in enumerate(times):
        if not time:
            rows.append(["午休", "", "", "", "", "", ""])
            continue
        label = f"第{'一二三四五六七八'[index - (index > 4)]}节"
        rows.append([label, time, *(SUBJECTS[(index * 3 + day * 5) % 12] for day in range(5))])
    table = grid_table(document, rows, [2.2, 3.2, 3.6, 3.6, 3.6, 3.6, 3.6])
    merge_cells(table, 5, 0, 5, 6, "午  休")
    paragraph(document, "注：每周三下午第三节为社团活动，星期五第四节为班队会。", size=10)
    return document


@case("score-sheet-grade7", ("docx", "pdf", "doc"),
      "一张班级成绩单（序号、学号、姓名、得分、等级）：有“序号”“得分”，但是成绩单，不是评分表。",
      nearest="zhongxian-2021-inspection")
def score_sheet() -> object:
    """Write a class's mark sheet of 45 pupils."""
    document = new_document("宋体", 10.5)
    heading(document, "城关中学2023年春季七年级（3）班期中考试成绩单")
    paragraph(document, "科目：数学    考试时间：2023年4月20日    满分：120分", center=True)
    rows = [["序号", "学号", "姓名", "得分", "等级", "备注"]]
    for number in range(1, 46):
        score = numbers(1, 52, 119)[0]
        grade = "优秀" if score >= 108 else "良好" if score >= 96 else "合格" if score >= 72 \
            else "待合格"
        rows.append([str(number), f"2021{number:03d}", person(), str(score), grade,
                     "缺考补考" if number == 17 else ""])
    grid_table(document, rows, [1.4, 2.4, 2.6, 2.0, 2.0, 4.6], size=10)
    paragraph(document, "班主任（签字）：              统计日期：2023年4月25日", right=True)
    return document


GOODS = [("A4复印纸", "70g 500张/包", "包", 24.5), ("黑色中性笔", "0.5mm", "盒", 18.0),
         ("档案盒", "55mm 塑料", "个", 6.8), ("硒鼓", "HP 88A", "个", 420.0),
         ("U盘", "64G USB3.0", "个", 45.0), ("电源插排", "6位 3米", "个", 39.0),
         ("白板笔", "可擦 黑/红/蓝", "盒", 22.0), ("文件夹", "双强力夹", "个", 8.5),
         ("订书机", "省力型 24/6", "台", 26.0), ("计算器", "12位 太阳能", "台", 35.0),
         ("无线鼠标", "2.4G", "个", 59.0), ("键盘", "USB 有线", "个", 69.0)]


@case("procurement-list-office-supplies", ("docx",),
      "一份物资采购清单（序号、名称、规格、数量、单价、金额、合计）：与项目清单一样有序号和"
      "金额，但不是项目清单。", nearest="ruian-2022-list")
def procurement_list() -> object:
    """Write an office-supplies purchase list with a merged total row."""
    document = new_document("宋体", 10.5)
    heading(document, "第三中学2023年第二季度办公物资采购清单")
    paragraph(document, "申购部门：总务处    经办人：" + person() + "    日期：2023年4月6日")
    rows = [["序号", "物资名称", "规格型号", "单位", "数量", "单价（元）", "金额（元）", "备注"]]
    total = 0.0
    for number, (name, spec, unit, price) in enumerate(GOODS, start=1):
        count = numbers(1, 2, 40)[0]
        total += count * price
        rows.append([str(number), name, spec, unit, str(count), f"{price:.2f}",
                     f"{count * price:.2f}", ""])
    rows.append(["合计", "", "", "", "", "", f"{total:.2f}", ""])
    table = grid_table(document, rows, [1.2, 2.8, 3.0, 1.2, 1.2, 2.0, 2.4, 2.0], size=10)
    merge_cells(table, len(rows) - 1, 0, len(rows) - 1, 5, "合计")
    paragraph(document, "部门负责人：            分管校长：            校长：")
    return document


@case("procurement-list-spreadsheet", ("pdf",),
      "同一类采购清单从表格软件打印：表头、序号、金额、合计，不是项目清单。",
      nearest="ruian-2022-list")
def procurement_spreadsheet() -> object:
    """Write an equipment purchase list as a spreadsheet."""
    workbook, sheet = new_sheet("采购清单")
    sheet["A1"] = "城南小学2023年教学设备采购清单"
    header: list[object] = ["序号", "设备名称", "规格型号", "数量", "单价（元）", "金额（元）"]
    rows: list[list[object]] = [header]
    for number, (name, spec, _unit, price) in enumerate(GOODS[:10], start=1):
        count = numbers(1, 1, 30)[0]
        rows.append([number, name, spec, count, price, round(count * price, 2)])
    rows.append(["合计", "", "", "", "", round(sum(r[5] for r in rows[1:]), 2)])
    write_rows(sheet, rows, start=3, widths=(6, 16, 16, 8, 12, 14))
    return workbook


@case("other-bureau-application", ("docx", "doc"),
      "另一个单位（科协）的科技创新项目申报表：有单位名称、联系人、联系电话、项目名称，"
      "但标题不同，其余栏目也都不是我们表上的。", nearest="hengyang-2018-application")
def other_bureau_application() -> object:
    """Write another bureau's application form with some of our labels."""
    document = new_document("仿宋", 12)
    paragraph(document, "附件2", font="黑体")
    heading(document, "2023年县青少年科技创新大赛项目申报表", 18, "方正小标宋简体")
    rows = [["单位名称", "城关第二小学", "联系人", person()],
            ["联系电话", phone(), "电子邮箱", "cgex@example.cn"],
            ["项目名称", "校园雨水回收自动浇灌装置", "项目类别", "□小发明 ☑小制作 □小论文"],
            ["指导教师", person() + "、" + person(), "参赛学生", person() + "（五年级）"],
            ["项目简介", "利用教学楼屋顶雨水，经沉淀过滤后储存，由土壤湿度传感器控制水泵自动"
                         "浇灌劳动基地。", "", ""],
            ["创新点", "用旧饮料桶做过滤层；传感器数据显示在班级大屏上。", "", ""],
            ["推荐单位意见", "同意推荐。\n（盖章）\n2023年5月8日", "", ""]]
    table = grid_table(document, rows, [3.0, 5.2, 2.8, 5.0], bold_first=False)
    for row in (4, 5, 6):
        merge_cells(table, row, 1, row, 3, rows[row][1])
    return document


@case("meeting-sign-in", ("docx",),
      "一张会议签到表（序号、单位、姓名、职务、联系电话、签到）：不是任何一张表。")
def meeting_sign_in() -> object:
    """Write a meeting's sign-in sheet, 30 numbered lines, 22 signed."""
    document = new_document("宋体", 11)
    heading(document, "全县教育信息化工作推进会签到表")
    paragraph(document, "时间：2023年3月16日上午9:00        地点：县教育局三楼会议室", center=True)
    schools = ["城关第一小学", "城关第二小学", "实验中学", "职业教育中心", "新城小学",
               "石桥镇中心校", "白石中学", "双河小学", "东溪镇中学", "县教研室"]
    rows = [["序号", "单位", "姓名", "职务", "联系电话", "签到"]]
    for number in range(1, 31):
        filled = number <= 22
        rows.append([str(number), schools[number % 10] if filled else "",
                     person() if filled else "", ("校长", "副校长", "信息中心主任")[number % 3]
                     if filled else "", phone() if filled else "", "✓" if filled else ""])
    grid_table(document, rows, [1.3, 4.2, 2.4, 3.0, 3.4, 1.8])
    return document


SAFETY = [("安全制度", ["安全工作领导小组健全，分工明确", "安全工作纳入学校工作计划和总结",
                      "签订安全责任书，层层落实", "安全工作例会制度执行到位",
                      "门卫值班和来访登记制度落实"]),
          ("校舍设施", ["教学楼、宿舍楼无危房", "楼梯、走廊照明充足，扶手牢固",
                      "消防通道畅通，疏散指示标志完好", "灭火器在有效期内，定点放置",
                      "电线电路无私拉乱接", "围墙、大门牢固", "体育器材定期检查"]),
          ("食品卫生", ["食堂持有效许可证", "从业人员持健康证上岗", "食品留样48小时以上",
                      "原料采购索证索票", "餐具消毒记录完整", "饮用水定期检测"]),
          ("安全教育", ["每月开展一次安全教育", "每学期开展两次应急疏散演练",
                      "防溺水教育覆盖全体学生", "交通安全教育有记录", "心理健康教育有专人负责",
                      "法治副校长每学期到校讲座"]),
          ("校园周边", ["上下学时段护学岗到位", "校车管理规范", "周边无违规经营摊点",
                      "与派出所建立联防机制"]),
          ("隐患排查", ["每周开展安全隐患排查", "隐患整改有台账", "危险化学品双人双锁管理",
                      "实验室安全设施齐全", "监控系统运行正常", "应急物资储备充足",
                      "安全事故按规定上报"])]


def safety_rows() -> list[list[str]]:
    """Return the 35 numbered rows of the school safety score table, scores filled."""
    rows: list[list[str]] = []
    number = 0
    for area, items in SAFETY:
        for item in items:
            number += 1
            points = 3 if number % 5 else 2
            score = points - (0.5 if number % 7 == 0 else 0)
            rows.append([str(number), area, item, str(points), f"{score:g}", ""])
    return rows


@case("school-safety-score-table-1-35", ("docx", "pdf", "doc"),
      "学校安全检查评分表：第1–35项、分值、得分、得分合计，和督查评分表、智慧校园建设情况表"
      "一样是35项，但项目内容全是校园安全，标题和栏目也都不同。",
      nearest="zhongxian-2021-inspection")
def safety_score_table() -> object:
    """Write a school safety score table with items 1–35 and a total."""
    document = new_document("宋体", 10.5)
    heading(document, "城关第一小学2023年春季校园安全检查评分表")
    paragraph(document, "学校：城关第一小学    检查人：" + person() + "    检查日期：2023年3月28日")
    rows = [["序号", "检查项目", "检查内容", "分值", "得分", "备注"], *safety_rows()]
    total = sum(float(r[4]) for r in rows[1:])
    rows.append(["", "得分合计", "", str(sum(int(r[3]) for r in rows[1:])), f"{total:g}", ""])
    grid_table(document, rows, [1.2, 2.2, 7.6, 1.4, 1.4, 2.6], size=10)
    return document


@case("teacher-questionnaire-yes-no-1-35", ("docx",),
      "教师信息技术应用调查问卷：35题，每题 □是 □否，像自评表的是否题，但不是任何一张表。",
      nearest="zhongxian-2021-smart-campus-self")
def questionnaire() -> object:
    """Write a 35-question teacher questionnaire answered with □是 □否."""
    document = new_document("宋体", 10.5)
    heading(document, "教师信息技术应用情况调查问卷")
    paragraph(document, "各位老师：本问卷不记名，请在符合的方框内打“√”。谢谢您的支持！",
              indent=True)
    topics = ["使用电子白板上课", "在网络学习空间布置作业", "自己制作微课", "使用在线测评",
              "参加过线上教研", "使用国家中小学智慧教育平台资源", "指导学生使用平板学习"]
    rows = [["序号", "题目", "回答"]]
    for number in range(1, 36):
        marks = ("☑是 □否", "□是 ☑否")[number % 4 == 0]
        rows.append([str(number), f"您{('每周', '每月', '本学期', '近一年', '曾经')[number % 5]}"
                     f"{topics[number % 7]}吗？", marks])
    grid_table(document, rows, [1.4, 11.0, 3.6], size=10)
    return document
