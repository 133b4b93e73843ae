"""What two schools typed into their reports, and what tianbiao must read back."""

from __future__ import annotations

ANSWERS = {
    "1-1": {
        "申报建设时间": "2022年9月",
        "项目负责人及联系方式": "陈立群 138 0577 1234",
        "项目简介": "建成覆盖全校的智慧校园平台。\n电子班牌 24 块，家校互通系统 1 套。",
        "推进措施": "成立应用推进小组，每月一次教师培训。",
        "效益": "全校 46 名教师每周使用平台布置作业。",
        "与计划的达成度": "达到计划的 95%。",
        "校长意见": {"text": "同意上报。", "日期": "2023年3月6日"},
    },
    # A school whose text looks like a spreadsheet formula: it must stay text everywhere.
    "2": {
        "申报建设时间": "2022.10",
        "项目负责人及联系方式": "林晓东 0577-65812345",
        "项目简介": '=HYPERLINK("http://example.invalid","点此查看")',
        "推进措施": "+录播教室纳入教研安排",
        "效益": "-",
        "与计划的达成度": "@达成",
        "校长意见": {"text": "同意。", "日期": "2023.3.8"},
    },
}

EXPECTED = {
    "1-1": {
        "report_date": "2022-09",
        "school": "瑞安市陶山镇荆谷学校",
        "project": "智慧校园",
        "amount": 150000,
        "leader": "陈立群 138 0577 1234",
        "summary": "建成覆盖全校的智慧校园平台。\n电子班牌 24 块，家校互通系统 1 套。",
        "measures": "成立应用推进小组，每月一次教师培训。",
        "benefits": "全校 46 名教师每周使用平台布置作业。",
        "achievement": "达到计划的 95%。",
        "principal_opinion": "同意上报。",
        "principal_date": "2023-03-06",
        "expert_opinion": None,
        "expert_date": None,
    },
    "2": {
        "report_date": "2022-10",
        "school": "瑞安市塘下镇中心小学",
        "project": "智慧校园",
        "amount": 200000,
        "summary": '=HYPERLINK("http://example.invalid","点此查看")',
        "measures": "+录播教室纳入教研安排",
        "achievement": "@达成",
        "principal_opinion": "同意。",
        "principal_date": "2023-03-08",
    },
}
