"""Find the form definitions shipped in ``forms/definitions`` and look forms up."""

from __future__ import annotations

import difflib
from functools import lru_cache
from pathlib import Path

import yaml

from forms.errors import DefinitionError, UnknownFormError
from forms.labels import label_key
from forms.loader import load_definition
from forms.model import FormSpec

DEFINITIONS = Path(__file__).parent / "definitions"


def load_file(path: Path) -> FormSpec:
    """Load one definition file at `path`."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise DefinitionError(f"{path.name}：不是有效的 YAML：{error}") from error
    return load_definition(data, origin=path.name)


@lru_cache(maxsize=1)
def all_forms() -> tuple[FormSpec, ...]:
    """Return every shipped form definition, ordered by id (campaign, then attachment)."""
    forms = [load_file(p) for p in sorted(DEFINITIONS.glob("*.yaml"))]
    ids = [f.id for f in forms]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise DefinitionError(f"表单 id 重复：{'、'.join(sorted(duplicates))}")
    return tuple(forms)


def get_form(form_id: str) -> FormSpec:
    """Return the form called `form_id`, or fail naming the forms there are."""
    for form in all_forms():
        if form.id == form_id:
            return form
    ids = [f.id for f in all_forms()]
    near = difflib.get_close_matches(form_id, ids, n=3, cutoff=0.6)
    if near:
        raise UnknownFormError(
            f"没有表单“{form_id}”。是不是：{'、'.join(near)}？（tianbiao forms list 可查看全部）"
        )
    raise UnknownFormError(
        f"没有表单“{form_id}”。已有的表单：{'、'.join(ids)}（tianbiao forms list 可查看）"
    )


def find_by_title(text: str) -> FormSpec | None:
    """Return the form whose title is `text` (spacing and punctuation ignored), if any."""
    key = label_key(text)
    for form in all_forms():
        if label_key(form.title) == key:
            return form
    return None
