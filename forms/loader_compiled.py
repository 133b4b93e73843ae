"""Read a definition's ``compiled_from:`` block: its repeat filled from another form's returns.

Part of loading a definition (``forms/loader.py``). The block names the source form, the
repeat it fills (needed only when the form has several) and, per column of the repeat, the
source blank that fills it or 序号 for a column numbered 1, 2, 3 …. Loading checks what the
definition alone can tell (the repeat and its columns exist, each source is a blank id or
序号); whether the source form has those blanks is checked against it (``forms/compiling.py``)
by ``tianbiao forms check`` and when a form is compiled.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from forms.errors import DefinitionError
from forms.model import NUMBERED, CompiledFrom, RepeatSpec

_FIELD_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_EXAMPLE = ("compiled_from:\n  form: 来源表单的 id\n  columns:\n    number: 序号\n"
            "    applicant: applicant")


def read_compiled_from(raw: Any, form_id: str, repeats: list[RepeatSpec],
                       fail: Callable[[str], DefinitionError]) -> CompiledFrom | None:
    """Return the `compiled_from` block `raw` of form `form_id` with `repeats`, or None."""
    if raw is None:
        return None
    if not isinstance(raw, dict) or not raw.get("form") or not isinstance(raw.get("columns"),
                                                                         dict):
        raise fail(f"compiled_from 应写成（每列从来源表单的哪个空格取）：\n{_EXAMPLE}")
    source = str(raw["form"])
    if source == form_id:
        raise fail("compiled_from 的 form 不能是这张表自己")
    repeat = _repeat_named(raw.get("repeat"), repeats, fail)
    known = {column.id: column for column in repeat.columns}
    columns: list[tuple[str, str]] = []
    numbered: str | None = None
    for column_id, source_field in raw["columns"].items():
        column_id = str(column_id)
        if column_id not in known:
            raise fail(f"compiled_from 的列 {column_id} 不在重复表 {repeat.id} 里；"
                       f"它的列有：{'、'.join(known)}")
        text = str(source_field or "").strip()
        if text == NUMBERED:
            if numbered is not None:
                raise fail(f"compiled_from 里有两列写了“{NUMBERED}”：{numbered}、{column_id}")
            numbered = column_id
        elif _FIELD_ID.match(text):
            columns.append((column_id, text))
        else:
            raise fail(f"compiled_from 的列 {column_id} 写的“{text}”既不是来源表单 {source} "
                       f"里空格的 id（小写字母、数字和下划线），也不是“{NUMBERED}”")
    if not columns:
        raise fail("compiled_from 没有哪一列从来源表单取值；至少写一列（列 id: 来源空格 id）")
    return CompiledFrom(source, repeat.id, tuple(columns), numbered)


def _repeat_named(name: Any, repeats: list[RepeatSpec],
                  fail: Callable[[str], DefinitionError]) -> RepeatSpec:
    if not repeats:
        raise fail("写了 compiled_from，但版式里没有重复表 repeat 可以填")
    if name is None:
        if len(repeats) > 1:
            raise fail("有几个重复表，compiled_from 要写 repeat: 填哪一个（"
                       f"{'、'.join(r.id for r in repeats)}）")
        return repeats[0]
    found = next((r for r in repeats if r.id == str(name)), None)
    if found is None:
        raise fail(f"compiled_from 的 repeat 写的 {name} 不是版式里重复表的 id；"
                   f"有：{'、'.join(r.id for r in repeats)}")
    return found
