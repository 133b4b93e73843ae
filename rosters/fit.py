"""Whether a list fits the form it is used for: a real header row, the columns the form needs.

A list without a header row would lend its first school to the header and leave every copy
blank; another campaign's list would pre-fill nothing. Both are refused here, in words that
say what the file has and what to write instead. A missing column the form can do without
is only noted among the roster's problems.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from forms.errors import RosterError
from forms.kinds import kind_named
from forms.kinds.base import half_width
from forms.labels import label_key, printed_label
from forms.model import ColumnSpec, FormSpec
from forms.registry import all_forms
from rosters.model import Roster

GENERIC_HINT = ("序号", "学校名称")
# What a cell of data looks like, never a column title: a number or an amount ("150000",
# "15.5万元", "85%"), a date, a phone number, or the name of a school or unit.
_FIGURE_ENDINGS = sorted({ending for name in ("money", "percent")
                          for ending in kind_named(name).written_endings}, key=len, reverse=True)
_NUMBER = re.compile(r"[（(]?[+-]?\d[\d,，]*(\.\d+)?[)）]?\s*"
                     rf"({'|'.join(map(re.escape, _FIGURE_ENDINGS))})?")
_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}.*")
_NAMED_PLACE = re.compile(
    r".{3,}(学校|小学|中学|初中|高中|幼儿园|学院|大学|中心校|教育局|进修学校|职校|研究室)")


def looks_like_data(text: str) -> bool:
    """Return whether cell `text` reads as a value (number, amount, date, a school's name)."""
    text = printed_label(text)
    return bool(_NUMBER.fullmatch(half_width(text)) or _DATE.fullmatch(text)
                or _NAMED_PLACE.fullmatch(text))


def _known_header_keys() -> frozenset[str]:
    """Return every column title a known form knows: its list columns and roster columns.

    Not cached: the forms known change with TIANBIAO_FORMS, and a roster is read once.
    """
    keys = {label_key("序号"), label_key("编号")}
    for form in all_forms():
        keys.update(label_key(c.header) for r in form.repeats for c in r.columns)
        keys.update(label_key(f.prefill) for f in form.fields if f.prefill)
    return frozenset(keys)


def refuse_data_as_header(cells: Sequence[str], line: int, expected: Iterable[str] | None,
                          *, source: str) -> None:
    """Refuse header row `cells` (line `line`) when it is data and names none of `expected`.

    With `expected` None, the column titles of every shipped form are the ones expected.
    """
    texts = list(dict.fromkeys(printed_label(c) for c in cells if c.strip()))
    titles = list(expected) if expected is not None else []
    wanted = ({label_key(t) for t in titles} if expected is not None
              else _known_header_keys())
    if any(label_key(t) in wanted for t in texts) or not any(map(looks_like_data, texts)):
        return
    found = "".join(f"“{t}”" for t in texts[:6]) + ("……" if len(texts) > 6 else "")
    hint = "、".join(titles or GENERIC_HINT)
    raise RosterError(
        f"名单第 {line} 行不像表头：{found}是数据，不是列标题；"
        f"请在数据上方加一行列标题，如：{hint}",
        file=source,
    )


def mismatch(title: str, needed: Sequence[str], headers: Sequence[str], *, source: str,
             form: str | None = None, looks_like: FormSpec | None = None) -> RosterError:
    """Return the error for a list that lacks columns `needed` by the form titled `title`."""
    message = (f"名单与《{title}》不符：需要的列 {'、'.join(needed)}，"
               f"文件里的列 {'、'.join(headers) or '（无）'}")
    if looks_like is not None:
        message += f"；这份名单像是《{looks_like.title}》"
    return RosterError(message, file=source, form=form)


def list_columns(form: FormSpec) -> tuple[ColumnSpec, ...]:
    """Return the columns a roster of `form` has: its list, or its first repeating table."""
    return form.repeats[0].columns if form.repeats else ()


def columns_needed(spec: FormSpec) -> tuple[list[str], list[str]]:
    """Return the roster columns `spec` needs, and those it can do without.

    Needed are the school or unit name (the column that pre-fills the form's ``school``
    blank: the store and the status list know each school by it) and every column that
    pre-fills a required blank.
    """
    prefilled = [f for f in spec.fields if f.prefill]
    school = spec.school_field
    name = [school.prefill] if school is not None and school.prefill else []
    needed = list(dict.fromkeys(
        [*name, *(f.prefill for f in prefilled if f.prefill and f.required)]))
    optional = [h for h in dict.fromkeys(f.prefill for f in prefilled if f.prefill)
                if h not in needed]
    return needed, optional


def check_fit(roster: Roster, spec: FormSpec, list_form: FormSpec | None) -> None:
    """Refuse `roster` unless it has the columns `spec` needs; note what it only lacks."""
    needed, optional = columns_needed(spec)
    have = {label_key(h) for h in roster.headers}
    if any(label_key(h) not in have for h in needed):
        other = roster.form if roster.form is not None and (
            list_form is None or roster.form.id != list_form.id) else None
        raise mismatch(spec.title, needed, roster.headers, source=roster.source, form=spec.id,
                       looks_like=other)
    for header in optional:
        if label_key(header) not in have:
            roster.problems.append(f"名单没有“{header}”列：《{spec.title}》的这一栏将留空")
    if list_form is not None:
        used = {label_key(h) for h in (*needed, *optional)}
        for column in list_columns(list_form):
            key = label_key(column.header)
            if key not in have and key not in used:
                roster.problems.append(
                    f"名单没有《{list_form.title}》的“{column.header}”列")
    if needed:
        _check_names(roster, needed[0])


def _check_names(roster: Roster, header: str) -> None:
    unnamed = [row.key for row in roster.rows if not str(row.get(header) or "").strip()]
    if len(unnamed) == len(roster.rows):
        raise RosterError(f"名单的“{header}”列是空的，无法为各单位生成表格",
                          file=roster.source)
    wanted = label_key(header)
    if roster.form is not None and any(
            c.required and label_key(c.header) == wanted for c in list_columns(roster.form)):
        return  # the list's own form has noted each empty one, with its line
    roster.problems.extend(f"编号 {key}：没有填写{header}" for key in unnamed)
