"""Find and load form definitions: the built-in ones, the office's own, a file named directly.

The built-in forms are the files in ``forms/definitions``. The office's own sit in the
folders named by the environment variable TIANBIAO_FORMS (separated by ``os.pathsep``) and
are loaded beside them. Wherever a form id is asked for, the path of a definition file may
be given instead: a name that is an existing file, or ends in .yaml/.yml, is a path. One id
belongs to one file: a second file with the same id is refused, naming both.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from forms.errors import DefinitionError, UnknownFormError
from forms.labels import label_key
from forms.loader import load_definition
from forms.model import FormSpec

DEFINITIONS = Path(__file__).parent / "definitions"
ENVIRONMENT = "TIANBIAO_FORMS"
SUFFIXES = (".yaml", ".yml")
# Forms loaded from a path in this process, by id: records name their form by id, and a
# form given as a path is found again by it (ingest → records → matching to the roster).
_named_by_path: dict[str, FormSpec] = {}
# A stat of each definition file: (path, modification time, size). Caches key on it, so an
# edited or added file is read again and a changed TIANBIAO_FORMS gives a changed list.
_FileStamp = tuple[str, int, int]

# What PyYAML says, in words an office clerk can act on.
_YAML_PROBLEMS = (
    ("mapping values are not allowed",
     "这里不能有“键: 值”（冒号后的文字含冒号时请加引号，或缩进有误）"),
    ("could not find expected ':'", "缺少冒号“:”（或引号没有配对）"),
    ("cannot start any token", "有不能出现的字符（如 Tab 制表符：请用空格缩进）"),
    ("expected <block end>", "缩进不一致"),
    ("did not find expected key", "缩进不一致，或列表项少了“- ”"),
    ("did not find expected '-' indicator", "列表项的缩进不一致"),
    ("found unexpected end of stream", "引号或括号没有配对"),
    ("did not find expected ',' or ']'", "方括号 [ ] 没有配对，或其中缺少逗号"),
    ("did not find expected ',' or '}'", "花括号 { } 没有配对，或其中缺少逗号"),
    ("found undefined alias", "用了未定义的别名（*）"),
)


def is_definition_path(name: str) -> bool:
    """Return True when form name `name` is the path of a definition file, not an id."""
    return name.lower().endswith(SUFFIXES) or Path(name).is_file()


def load_file(path: Path, *, origin: str | None = None) -> FormSpec:
    """Load the definition file at `path`; its errors name `origin` (default: the file name)."""
    where = origin or path.name
    return load_definition(read_definition_data(path, where), origin=where)


def read_definition_data(path: Path, where: str) -> Any:
    """Return the parsed YAML of definition file `path`, its errors naming it `where`."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DefinitionError(f"{where}：不是 UTF-8 编码的文本文件（请用 UTF-8 保存）") from None
    except OSError as error:
        raise DefinitionError(f"{where}：无法读取（{error.strerror}）") from error
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise DefinitionError(f"{where}：{_yaml_problem(error)}") from error
    return data


def _yaml_problem(error: yaml.YAMLError) -> str:
    """Say in Chinese where the YAML is broken and, when we know, how."""
    mark = getattr(error, "problem_mark", None)
    place = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark is not None else ""
    problem = str(getattr(error, "problem", "") or "")
    hint = next((words for english, words in _YAML_PROBLEMS if english in problem),
                "格式有误")
    return f"不是有效的 YAML：{place}{'，' if place else ''}{hint}"


def office_folders() -> tuple[Path, ...]:
    """Return the folders TIANBIAO_FORMS names, refusing one that is not there."""
    folders = []
    for entry in os.environ.get(ENVIRONMENT, "").split(os.pathsep):
        if not entry.strip():
            continue
        folder = Path(entry)
        if not folder.is_dir():
            what = "不是文件夹" if folder.exists() else "不存在"
            raise DefinitionError(f"环境变量 {ENVIRONMENT} 里的文件夹 {folder} {what}"
                                  "（请改正它，或把它从 TIANBIAO_FORMS 里去掉）")
        folders.append(folder)
    return tuple(folders)


def all_forms() -> tuple[FormSpec, ...]:
    """Return every form: the built-in ones by id, then the office's own by file."""
    return _forms_with(_office_stamps())


def clear_cache() -> None:
    """Forget every definition read so far: the next look-up reads the files again."""
    _builtin_forms.cache_clear()
    _forms_with.cache_clear()
    _forms_by_file.cache_clear()
    _own_form.cache_clear()
    _named_by_path.clear()


def definition_file(form: FormSpec) -> Path:
    """Return the file `form` was loaded from."""
    return Path(form.own_file) if form.own_file else DEFINITIONS / form.origin


def get_form(name: str) -> FormSpec:
    """Return the form whose id is `name`, or whose definition file `name` is."""
    if is_definition_path(name):
        return form_at(Path(name))
    for form in all_forms():
        if form.id == name:
            return form
    if name in _named_by_path:
        return _named_by_path[name]
    ids = [f.id for f in all_forms()]
    near = difflib.get_close_matches(name, ids, n=3, cutoff=0.6)
    if near:
        raise UnknownFormError(
            f"没有表单“{name}”。是不是：{'、'.join(near)}？（tianbiao forms list 可查看全部）"
        )
    raise UnknownFormError(
        f"没有表单“{name}”。已有的表单：{'、'.join(ids)}（tianbiao forms list 可查看）"
    )


def form_at(path: Path) -> FormSpec:
    """Return the form defined in the file at `path`, refusing an id another file has."""
    if not path.is_file():
        raise UnknownFormError(f"找不到表单定义文件 {path}", code="no_definition_file")
    resolved = path.resolve()
    stamps = _office_stamps()
    known = _forms_by_file(stamps).get(resolved)
    if known is not None:
        return known
    spec = _own_form(_stamp(resolved), str(path))
    taken = next((f for f in _forms_with(stamps) if f.id == spec.id), None)
    if taken is not None:
        raise _clash(spec.id, definition_file(taken), path)
    # The file named last holds the id in this process (a clerk's edited copy, say).
    _named_by_path[spec.id] = spec
    return spec


def find_by_title(text: str) -> FormSpec | None:
    """Return the form whose title is `text` (spacing and punctuation ignored), if any."""
    key = label_key(text)
    for form in all_forms():
        if label_key(form.title) == key:
            return form
    return None


def _office_stamps() -> tuple[_FileStamp, ...]:
    """Return a stamp of each definition file in the TIANBIAO_FORMS folders, as they are now."""
    return tuple(_stamp(path) for folder in office_folders()
                 for path in sorted(folder.iterdir())
                 if path.suffix.lower() in SUFFIXES and path.is_file())


def _stamp(path: Path) -> _FileStamp:
    status = path.stat()
    return str(path), status.st_mtime_ns, status.st_size


@lru_cache(maxsize=1)
def _builtin_forms() -> tuple[FormSpec, ...]:
    forms = [load_file(p) for p in sorted(DEFINITIONS.glob("*.yaml"))]
    _refuse_clashes(forms)
    return tuple(forms)


@lru_cache(maxsize=8)
def _forms_with(stamps: tuple[_FileStamp, ...]) -> tuple[FormSpec, ...]:
    forms = [*_builtin_forms(), *(_own_form(stamp, stamp[0]) for stamp in stamps)]
    _refuse_clashes(forms)
    return tuple(forms)


@lru_cache(maxsize=8)
def _forms_by_file(stamps: tuple[_FileStamp, ...]) -> dict[Path, FormSpec]:
    return {definition_file(f).resolve(): f for f in _forms_with(stamps)}


@lru_cache(maxsize=64)
def _own_form(stamp: _FileStamp, shown: str) -> FormSpec:
    """Load an office's own definition; `stamp` keys the cache, `shown` names it in errors."""
    path = Path(stamp[0])
    return replace(load_file(path, origin=shown), own_file=str(path))


def _refuse_clashes(forms: list[FormSpec]) -> None:
    first: dict[str, FormSpec] = {}
    for form in forms:
        if form.id in first:
            raise _clash(form.id, definition_file(first[form.id]), definition_file(form))
        first[form.id] = form


def _clash(form_id: str, taken_by: Path, again: Path) -> DefinitionError:
    return DefinitionError(
        f"表单 id“{form_id}”重复：{_shown(taken_by)} 与 {_shown(again)} 用了同一个 id；"
        "一个 id 只能有一个定义文件，请改掉其中一个的 id", form=form_id)


def _shown(path: Path) -> str:
    """Name a definition file: a built-in one by its place in tianbiao, another as given."""
    if path.parent.resolve() == DEFINITIONS.resolve():
        return f"内置定义 forms/definitions/{path.name}"
    return str(path)
