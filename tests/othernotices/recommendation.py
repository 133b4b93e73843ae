"""附件2 市级三好学生、优秀学生干部推荐表: label|blank pairs, a photo cell, long merged cells and
three opinion blocks (学校 / 县（市、区）教育局 / 市教育局) with signer, seal and date lines.

Based on: the notice 孝感市教育局办公室《关于在全市普通高中学生中评选2015-2016学年度市级三好学生
优秀学生干部的通知》(孝教办发〔2015〕88号), http://cnzx-aluminum.com/index.php/pages/2345.html,
whose attachment is not reproduced on that page; the head of the table (姓名 性别 民族 照片 /
出生年月 政治面貌 / 学校、年级班级 / 兴趣特长 / 联系电话) follows the printed 候选人推荐表 of
https://m.zixin.com.cn/docdown/6251966.html; the 奖励 and 事迹 rows and the three opinion
blocks are modelled on how such 推荐表 are printed (no page gave them in full).
"""

from __future__ import annotations

from attachment_parts import Case, Form, Typed, boxes, cell, labels, opinion, underlined
from corpuskit.cells import CONTINUE, Block, Cell, Row, Table, label
from corpuskit.content import Para
from corpuskit.marks import choice_line

TITLE = "孝感市2015—2016学年度市级三好学生、优秀学生干部推荐表"
WIDTHS = (2.3, 2.3, 1.6, 2.2, 1.8, 2.4, 2.8)
CATEGORIES = ("三好学生", "优秀学生干部")
OPINIONS = ("学校意见", "县（市、区）教育局意见", "市教育局意见")


def layout(typed: Typed) -> list[Block]:
    """Return the attachment with what the school typed."""
    photo = Cell([Para(["照  片"]), Para(["（二寸免冠）"])], vmerge="", label=True)
    rows = [
        Row(
            [
                *labels("姓名"),
                cell(typed, "name"),
                *labels("性别"),
                cell(typed, "sex"),
                *labels("民族"),
                cell(typed, "ethnic"),
                photo,
            ],
            height=1.0,
        ),
        Row(
            [
                *labels("出生年月"),
                cell(typed, "birth"),
                *labels("政治面貌"),
                cell(typed, "political"),
                *labels("联系电话"),
                cell(typed, "phone"),
                CONTINUE,
            ],
            height=1.0,
        ),
        Row([*labels("学校、年级班级"), cell(typed, "school_class", span=5), CONTINUE], height=1.0),
        Row([*labels("兴趣特长"), cell(typed, "hobby", span=5), CONTINUE], height=1.0),
        Row(
            [
                *labels("推荐类别"),
                cell(typed, "category_marks", span=6)
                if "category_marks" in typed
                else Cell([Para(boxes(typed, "category", "□三好学生      □优秀学生干部"))], span=6),
            ],
            height=1.0,
        ),
        Row(
            [
                *labels("担任职务"),
                cell(typed, "duty", span=2),
                *labels("身份证号码"),
                cell(typed, "id_number", span=3),
            ],
            height=1.0,
        ),
        Row(
            [*labels("何时何地受过何种奖励"), cell(typed, "awards", span=6, valign="top")],
            height=3.0,
        ),
        Row(
            [*labels("主要事迹（可另附页）"), cell(typed, "deeds", span=6, valign="top")],
            height=7.0,
        ),
        *[
            Row([label(name), opinion(typed, key, 6)], height=3.2)
            for name, key in zip(OPINIONS, ("school", "county", "city"), strict=True)
        ],
    ]
    return [
        Para(["附件2"], font="黑体", size=14),
        Para([TITLE], align="center", font="方正小标宋简体", size=16),
        Para([""]),
        Table(WIDTHS, rows),
        Para(
            ["注：本表一式二份，用A4纸正反面打印；“主要事迹”限300字以内，须由学校审核盖章。"],
            size=9,
        ),
    ]


BLANKS = (
    ("姓名", None),
    ("性别", None),
    ("民族", None),
    ("出生年月", None),
    ("政治面貌", None),
    ("联系电话", None),
    ("学校、年级班级", None),
    ("兴趣特长", None),
    ("推荐类别", None),
    ("担任职务", None),
    ("身份证号码", None),
    ("何时何地受过何种奖励", None),
    ("主要事迹（可另附页）", None),
    *[(name, column) for name in OPINIONS for column in (None, "负责人", "日期")],
)

DEEDS = (
    "该生思想上进，热爱集体，担任班长两年来组织班级开展“学雷锋”志愿服务活动十余次。",
    "学习目的明确，高一、高二学年总评成绩均列年级前五名，数学、物理学科成绩突出。",
    "积极参加体育锻炼，是校田径队队员，在孝感市中学生田径运动会上获男子1500米第三名。",
)

CASES = (
    Case(
        "typed-plain-ticked",
        {
            "name": "刘子涵",
            "sex": "女",
            "ethnic": "汉族",
            "birth": "2000年7月",
            "political": "共青团员",
            "phone": "13907125566",
            "school_class": "孝感高级中学高二（3）班",
            "hobby": "书法、长跑",
            "category": choice_line(CATEGORIES, "三好学生", "☑", "      "),
            "duty": "班长",
            "id_number": "420902200007150023",
            "awards": "2015年5月 孝感市中学生田径运动会女子1500米第三名\n2015年12月 校级三好学生",
            "deeds": DEEDS[0],
            "school": "该生品学兼优，经班级评议、学校公示，同意推荐。",
            "school_signer": "王建国",
            "school_date": "2016年4月12日",
            "county": "同意。",
            "county_signer": "陈立",
            "county_date": "2016年4月20日",
        },
        {
            ("姓名", None): "刘子涵",
            ("性别", None): "女",
            ("民族", None): "汉族",
            ("出生年月", None): "2000-07",
            ("政治面貌", None): "共青团员",
            ("联系电话", None): "13907125566",
            ("学校、年级班级", None): "孝感高级中学高二（3）班",
            ("兴趣特长", None): "书法、长跑",
            ("推荐类别", None): "三好学生",
            ("担任职务", None): "班长",
            ("身份证号码", None): "420902200007150023",
            (
                "何时何地受过何种奖励",
                None,
            ): "2015年5月 孝感市中学生田径运动会女子1500米第三名\n2015年12月 校级三好学生",
            ("主要事迹（可另附页）", None): DEEDS[0],
            ("学校意见", None): "该生品学兼优，经班级评议、学校公示，同意推荐。",
            ("学校意见", "负责人"): "王建国",
            ("学校意见", "日期"): "2016-04-12",
            ("县（市、区）教育局意见", None): "同意。",
            ("县（市、区）教育局意见", "负责人"): "陈立",
            ("县（市、区）教育局意见", "日期"): "2016-04-20",
        },
        how="every cell typed; 推荐类别 ☑ over the box; opinions of the school and the county "
        "bureau signed and dated 2016年4月12日; the city's left for the city",
    ),
    Case(
        "long-deeds-check-after-dotted-dates",
        {
            "name": "张  凯",
            "sex": "男",
            "ethnic": "汉",
            "birth": "2000.03",
            "political": "共青团员",
            "phone": "0712-2881234",
            "school_class": "应城一中 高二年级8班",
            "hobby": "篮球",
            "category": choice_line(CATEGORIES, "优秀学生干部", "after✓", "      "),
            "duty": "学生会主席",
            "id_number": "42098120000312541X",
            "awards": "2015年获湖北省青少年科技创新大赛二等奖",
            "deeds": [Para([text]) for text in DEEDS],
            "school": "情况属实，同意推荐为市级优秀学生干部。",
            "school_signer": "李红梅",
            "school_date": "2016.4.15",
        },
        {
            ("姓名", None): "张凯",
            ("性别", None): "男",
            ("民族", None): "汉",
            ("出生年月", None): "2000-03",
            ("政治面貌", None): "共青团员",
            ("联系电话", None): "07122881234",
            ("学校、年级班级", None): "应城一中 高二年级8班",
            ("兴趣特长", None): "篮球",
            ("推荐类别", None): "优秀学生干部",
            ("担任职务", None): "学生会主席",
            ("身份证号码", None): "42098120000312541X",
            ("何时何地受过何种奖励", None): "2015年获湖北省青少年科技创新大赛二等奖",
            ("主要事迹（可另附页）", None): "\n".join(DEEDS),
            ("学校意见", None): "情况属实，同意推荐为市级优秀学生干部。",
            ("学校意见", "负责人"): "李红梅",
            ("学校意见", "日期"): "2016-04-15",
        },
        how="name typed with a space (张  凯), landline with a dash, ✓ typed after the chosen "
        "option, the deeds three paragraphs, date 2016.4.15 over the printed line",
    ),
    Case(
        "other-option-deleted-digits-in-date-gaps",
        {
            "name": "陈思远",
            "sex": "男",
            "ethnic": "回族",
            "birth": "2000年11月",
            "political": "群众",
            "phone": "139-0712-7788",
            "school_class": "汉川二中高二（1）班",
            "category": ["优秀学生干部"],
            "duty": "团支书",
            "id_number": "420984200011020318",
            "deeds": "担任团支书期间，组织主题团日活动12次，带领班级获评校级先进班集体。",
            "school": "同意推荐。",
            "school_signer": underlined("赵  刚", ""),
            "school_date": ["2016年  4 月 18 日"],
        },
        {
            ("姓名", None): "陈思远",
            ("性别", None): "男",
            ("民族", None): "回族",
            ("出生年月", None): "2000-11",
            ("政治面貌", None): "群众",
            ("联系电话", None): "13907127788",
            ("学校、年级班级", None): "汉川二中高二（1）班",
            ("推荐类别", None): "优秀学生干部",
            ("担任职务", None): "团支书",
            ("身份证号码", None): "420984200011020318",
            (
                "主要事迹（可另附页）",
                None,
            ): "担任团支书期间，组织主题团日活动12次，带领班级获评校级先进班集体。",
            ("学校意见", None): "同意推荐。",
            ("学校意见", "负责人"): "赵刚",
            ("学校意见", "日期"): "2016-04-18",
        },
        how="the unchosen option and both boxes deleted, 兴趣特长 and 奖励 left empty, a mobile "
        "written 139-0712-7788, the signer underlined, the date's digits typed into the "
        "gaps of the printed 年 月 日",
    ),
    Case(
        "deeds-left-empty",
        {
            "name": "周雨桐",
            "sex": "女",
            "ethnic": "汉族",
            "birth": "2001-01",
            "political": "共青团员",
            "phone": "15572061234",
            "school_class": "孝昌一中高一（5）班",
            "hobby": "演讲",
            "category": choice_line(CATEGORIES, "三好学生", "■", "      "),
            "duty": "学习委员",
            "school": "同意推荐。",
        },
        {
            ("姓名", None): "周雨桐",
            ("性别", None): "女",
            ("民族", None): "汉族",
            ("出生年月", None): "2001-01",
            ("政治面貌", None): "共青团员",
            ("联系电话", None): "15572061234",
            ("学校、年级班级", None): "孝昌一中高一（5）班",
            ("兴趣特长", None): "演讲",
            ("推荐类别", None): "三好学生",
            ("担任职务", None): "学习委员",
            ("学校意见", None): "同意推荐。",
        },
        how="主要事迹 and 身份证号码 (required-looking) left empty; ■ over the chosen box; the "
        "school's opinion written but not signed or dated",
    ),
)

FORM = Form("recommendation-sanhao", TITLE, __doc__ or "", layout, BLANKS, (), CASES)
