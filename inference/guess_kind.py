"""Guess what a blank holds from its label, its unit and what the form prints in it.

The words and units each kind answers to live with the kind (``forms/kinds``); this module
adds what only a blank attachment shows: boxes printed in the blank (□是 □否, □A □B), a
printed date (年 月 日), the size of the cell, a score column with its maximum. Every guess
says why, so the definition written can tell the clerk what to look at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from forms.kinds import suggest_kind
from forms.labels import printed_label

_BOX = "□☐■☑☒✓√"
_OPTION = re.compile(rf"[{_BOX}]\s*([^{_BOX}\n]+?)[\s；;，,。]*(?=[{_BOX}]|$|\n)")
_CIRCLED = re.compile(r"[①-⑳]\s*([^①-⑳\n]+?)\s*(?=[①-⑳]|$|\n)")
_DATE_PRINTED = re.compile(r"^\s*(?:\d{4}\s*|20\s+)?年\s*月\s*日\s*$")
_PERIOD_PRINTED = re.compile(r"年\s*月.*(?:至|—|-|－|～|~).*年\s*月")
_BRACKETED = re.compile(r"[（(]\s*([^（）()]{1,8}?)\s*[)）]")
_MONEY_UNIT = re.compile(r"万元|元")
_LONG_WORDS = (
    "简介", "措施", "意见", "情况", "事迹", "说明", "方案", "要点", "内容", "理由", "成果",
    "做法", "概况", "介绍", "计划", "总结", "经验", "特色", "目标", "效益", "建议", "评价",
    "摘要", "描述", "举措", "问题", "思路", "简历", "经历", "材料", "清单", "效果",
)
_LONG_HINTS = ("可另附页", "另附", "字以内", "不超过", "限", "附页")
_EMAIL_WORDS = ("邮箱", "电子邮件", "E-mail", "e-mail", "Email", "EMAIL", "邮件")
_YEAR_WORDS = ("年度", "年份")
_PERIOD_WORDS = ("起止时间", "起止日期", "起讫时间", "实施周期", "建设周期", "起止年月")
_INTEGER_UNITS = ("人", "台", "间", "个", "所", "套", "项", "名", "次", "件", "班", "门",
                  "节", "册", "本", "块", "张", "座", "部", "课时", "学时", "小时", "天")
_NUMBER_UNITS = ("㎡", "平方米", "m2", "m²", "米", "千米", "公里", "亩", "Mbps", "M", "G", "T",
                 "GB", "TB", "kW", "千瓦", "吨")
_PERCENT_WORDS = ("比例", "比率", "占比", "百分比", "覆盖率", "使用率", "达标率", "率")
_SCORE_WORDS = ("自评分", "得分", "考核分", "评分", "评估分", "实得分", "复评分", "核定分",
                "总分")
_MONEY_WORDS = ("金额", "经费", "资金", "投资", "投入", "预算", "费用", "价格", "单价",
                "总价", "补助", "资助", "奖金", "工资", "收入", "造价", "款")
_INTEGER_WORDS = ("人数", "数量", "年龄", "序号", "人口数", "口数", "台数", "间数", "个数",
                  "所数", "班数", "名额", "学生数", "教师数", "班级数", "座位数", "件数", "套数",
                  "总数")
_PHONE_WORDS = ("电话", "手机", "传真", "联系方式", "手机号")


@dataclass
class Guess:
    """A blank's kind with its unit, options, maximum and the reasons for the guess."""

    kind: str = "text"
    unit: str | None = None
    options: list[str] = field(default_factory=list)
    max_score: float | None = None
    printed: str | None = None
    why: list[str] = field(default_factory=list)


def boxed_options(text: str) -> list[str]:
    """Return the options printed with boxes in `text` ("□是 □否" → ["是", "否"])."""
    found = [re.sub(r"\s+", " ", o).strip() for o in _OPTION.findall(text)]
    return [o for o in found if o]


def circled_options(text: str) -> list[str]:
    """Return the options printed with circled numbers, the numbers kept ("①A ②B")."""
    marks = re.findall(r"[①-⑳]", text)
    found = _CIRCLED.findall(text)
    return [f"{m}{printed_label(o)}" for m, o in zip(marks, found, strict=False) if o.strip()]


def is_date_printed(text: str) -> bool:
    """Tell whether `text` is a printed date left to fill ("年  月  日", "2021年  月  日")."""
    return bool(_DATE_PRINTED.match(text.replace("\u3000", " ")))


def unit_of(label: str) -> str | None:
    """Return the unit a label prints in brackets ("投入资金（万元）" → "万元")."""
    for inner in reversed(_BRACKETED.findall(label)):
        inner = inner.replace(" ", "").split("/")[0].split("／")[0]  # "台/套" counts in 台
        if inner in ("万元", "元") or inner in _INTEGER_UNITS or inner in _NUMBER_UNITS \
                or inner in ("%", "分"):
            return inner
    return None


def guess_kind(label: str, printed: str = "", *, wide: bool = False, tall: bool = False
               ) -> Guess:
    """Return the kind a blank labelled `label`, with `printed` in it, most likely holds.

    `wide` and `tall` say the blank is a large merged cell (long text when nothing else
    decides).
    """
    label_text = printed_label(label)
    printed = printed.strip()
    guess = Guess()
    if printed:
        boxed = boxed_options(printed)
        if (boxed and sorted(boxed) == sorted(["是", "否"])) or boxed == ["有", "无"]:
            return _set(guess, "yesno", f"空格里印着“{printed_label(printed)}”")
        if len(boxed) >= 2:
            guess.options = boxed
            return _set(guess, "choice", f"空格里印着 {len(boxed)} 个方框选项")
        circled = circled_options(printed)
        if len(circled) >= 2:
            guess.options = circled
            return _set(guess, "choice", f"空格里印着 {len(circled)} 个带圈序号的选项")
        if is_date_printed(printed):
            guess.printed = printed
            return _set(guess, "date", f"空格里印着“{printed_label(printed)}”")
        if _PERIOD_PRINTED.search(printed):
            guess.printed = printed
            return _set(guess, "period", f"空格里印着“{printed_label(printed)}”")
        if any(h in printed for h in _LONG_HINTS):
            guess.printed = printed
            return _set(guess, "longtext", f"空格里印着提示“{printed_label(printed)}”")
        if printed in ("万元", "元"):
            guess.printed, guess.unit = printed, printed
            return _set(guess, "money", f"空格里印着单位“{printed}”")
        if printed in ("%", "％"):
            guess.printed = printed
            return _set(guess, "percent", "空格里印着“%”")
        if printed in _INTEGER_UNITS:
            guess.printed, guess.unit = printed, printed
            return _set(guess, "integer", f"空格里印着单位“{printed}”")
    return _from_label(guess, label_text, wide=wide, tall=tall)


def _from_label(guess: Guess, label: str, *, wide: bool, tall: bool) -> Guess:
    unit = unit_of(label)
    bare = _BRACKETED.sub("", label)
    if unit in ("万元", "元") or (_MONEY_UNIT.search(label) and "单元" not in label):
        guess.unit = unit or ("万元" if "万元" in label else "元")
        return _set(guess, "money", f"标签“{label}”写着单位{guess.unit}")
    if unit == "%" or "%" in label or "％" in label:
        return _set(guess, "percent", f"标签“{label}”写着 %")
    if unit == "分" or _has(bare, _SCORE_WORDS):
        return _set(guess, "score", f"标签“{label}”是分数")
    if unit in _INTEGER_UNITS and _has(bare, ("每百", "百名", "生均", "平均", "人均")):
        guess.unit = unit
        return _set(guess, "number", f"标签“{label}”是平均数，可有小数")
    if unit in _INTEGER_UNITS:
        guess.unit = unit
        return _set(guess, "integer", f"标签“{label}”写着单位“{unit}”")
    if unit in _NUMBER_UNITS:
        guess.unit = unit
        return _set(guess, "number", f"标签“{label}”写着单位“{unit}”")
    if _has(bare, _EMAIL_WORDS):
        return _set(guess, "email", f"标签“{label}”是邮箱")
    if _has(bare, _PHONE_WORDS) and not _has(bare, ("地址", "负责人", "联系人", "姓名")):
        return _set(guess, "phone", f"标签“{label}”是电话")
    if _has(bare, _PERIOD_WORDS):
        return _set(guess, "period", f"标签“{label}”是起止时间")
    if _has(bare, _MONEY_WORDS) and not _has(bare, ("来源", "用途", "说明", "情况")):
        guess.unit = "元"
        return _set(guess, "money", f"标签“{label}”是金额，没写单位，按元")
    if _has(bare, ("每百", "百名", "生均", "平均", "人均", "比值")):
        return _set(guess, "number", f"标签“{label}”是平均数，可有小数")
    if _has(bare, _INTEGER_WORDS):
        return _set(guess, "integer", f"标签“{label}”是个数")
    if _has(bare, _PERCENT_WORDS) and bare.endswith(_PERCENT_WORDS):
        return _set(guess, "percent", f"标签“{label}”是比例")
    if bare.endswith("年月"):
        return _set(guess, "text", f"标签“{label}”只要年和月：按文字读")
    if _has(bare, _YEAR_WORDS) and len(bare) <= 6:
        return _set(guess, "year", f"标签“{label}”是年份")
    suggested = suggest_kind(label)
    if suggested is not None and suggested.name in ("date", "period", "yesno", "longtext"):
        why = {"date": "是日期", "period": "是起止时间", "yesno": "问“是否”",
               "longtext": "要写一段文字"}[suggested.name]
        return _set(guess, suggested.name, f"标签“{label}”{why}")
    if _has(bare, _LONG_WORDS) or any(h in label for h in _LONG_HINTS):
        return _set(guess, "longtext", f"标签“{label}”要写一段文字")
    if tall or (wide and len(bare) > 6):
        return _set(guess, "longtext", "空格是一大块合并的格子")
    return guess


def _has(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


def _set(guess: Guess, kind: str, why: str) -> Guess:
    guess.kind = kind
    guess.why.append(why)
    return guess
