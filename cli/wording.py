"""click's own words in Chinese: usage errors, help headings, the version line.

click marks each message it prints with gettext (``_("Missing argument")``); the clerk's
machine has no Chinese catalogue for click, so its usage errors came out in English. The
catalogue here is ours, held in code so no locale or environment variable decides the
language, and is put in place of gettext in click's modules when the command line starts.
"""

from __future__ import annotations

import importlib
import unicodedata
from collections.abc import Callable

# click's message → ours. Placeholders ({name}, {filename!r}…) are kept as click fills them.
CLICK_MESSAGES: dict[str, str] = {
    # usage errors
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "用 '{command} {option}' 查看用法。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值不对：{message}",
    "Invalid value: {message}": "值不对：{message}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing command.": "缺少子命令。",
    "argument": "参数",
    "option": "选项",
    "parameter": "参数",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "Did you mean {possibility}?": "是不是要用 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是不是要用其中之一：{possibilities}？）",
    "No such command {name!r}.": "没有子命令 {name!r}。",
    "Got unexpected extra argument ({args})": "多出了参数（{args}）",
    "Got unexpected extra arguments ({args})": "多出了参数（{args}）",
    "Option {name!r} requires an argument.": "选项 {name!r} 后面要跟一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 后面要跟 {nargs} 个值。",
    "Option {name!r} does not take a value.": "选项 {name!r} 后面不跟值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 要 {nargs} 个值。",
    "Takes {nargs} values but 1 was given.": "要 {nargs} 个值，只给了 1 个。",
    "Takes {nargs} values but {len} were given.": "要 {nargs} 个值，给了 {len} 个。",
    "Aborted!": "已中止。",
    "unknown error": "未知错误",
    # values
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在（请检查路径是否写错）。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件，这里要的是文件夹。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是文件夹，这里要的是文件。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 无法读取（没有权限）。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 无法写入（没有权限）。",
    "{name} {filename!r} is not executable.": "{name} {filename!r} 不能执行。",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不在可选值 {choices} 之中。",
    "{value!r} does not match the format {format}.": "{value!r} 不符合格式 {format}。",
    "{value!r} does not match the formats {formats}.": "{value!r} 不符合格式 {formats}。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "integer": "整数",
    "float": "数字",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 之内。",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} 不是“是/否”的值，可用：{states}",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    # help pages
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "子命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "%(prog)s, version %(version)s": "%(prog)s 版本 %(version)s",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "env var: {var}": "环境变量：{var}",
    "(deprecated)": "（已停用）",
    "deprecated": "已停用",
    "Do you want to continue?": "是否继续？",
    "Confirm the action without prompting.": "不再询问，直接执行。",
}

_CLICK_MODULES = ("core", "exceptions", "types", "parser", "formatting", "decorators",
                  "termui", "utils", "shell_completion")


def chinese(message: str) -> str:
    """Return click's `message` in Chinese, or as it is when we have no wording for it."""
    return CLICK_MESSAGES.get(message, message)


def chinese_plural(singular: str, plural: str, count: int) -> str:
    """Return the Chinese of click's `singular`/`plural` pair (Chinese has one form)."""
    return chinese(singular if count == 1 else plural)


def display_width(text: str) -> int:
    """Return how many terminal columns `text` takes: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def speak_chinese_in_click() -> None:
    """Put the Chinese catalogue in place of gettext in each of click's modules.

    The help pages also measure text by its width on a terminal, so Chinese option
    descriptions line up.
    """
    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        _replace(module, "_", chinese)
        _replace(module, "ngettext", chinese_plural)
    _replace(importlib.import_module("click.formatting"), "term_len", display_width)


def _replace(module: object, name: str, function: Callable[..., object]) -> None:
    if hasattr(module, name):
        setattr(module, name, function)
