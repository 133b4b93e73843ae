"""Render pre-filled copies of a form: one .docx per roster row, identity inside.

The template is built from the definition once per batch. Roster values are data: they are
escaped into the XML by an autoescaping, sandboxed Jinja environment and never evaluated
as templates. Nor is the form's own printed text, which may come from an attachment from
outside: every brace in it is hidden from Jinja while the template is compiled, so only the
placeholders the layout wrote (``{{ field_id }}``) are template syntax. Each copy carries
its form id, form version and roster key as custom document properties, which survive
Word, WPS and LibreOffice re-saving, so a returned copy is recognised without guessing.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

from forms.layout import build_template, document_bytes
from forms.model import FormSpec
from generator.package import PackageTemplate
from rosters.naming import file_name, path_inside
from rosters.prefill import prefill_values
from rosters.roster import Roster, RosterRow

PROPERTY_FORM = "tianbiao.form"
PROPERTY_VERSION = "tianbiao.version"
PROPERTY_KEY = "tianbiao.key"
_DOCUMENT_PART = "word/document.xml"
_CUSTOM_PART = "docProps/custom.xml"
_CUSTOM_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# The format id every custom property of an Office document carries.
_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
# The placeholders forms/layout writes; any other brace is the form's text.
_PLACEHOLDER = re.compile(r"(\{\{ [a-z_][a-z0-9_]* \}\})")
_BRACE = "{"
_HIDDEN_BRACE = "\ue0ff\ue0fe"  # two private-use characters no form prints together


@dataclass(frozen=True)
class GeneratedCopy:
    """One generated file and the roster row it was made for."""

    path: Path
    key: str


class CopyRenderer:
    """Render copies of one form: the template is compiled once for the whole batch.

    docxtpl prepares the template's XML once (joining tags Word may split across runs); each
    copy then renders only the main document and its custom properties with the sandboxed,
    autoescaping environment, and the other parts' compressed bytes are reused.
    """

    def __init__(self, spec: FormSpec) -> None:
        self.spec = spec
        document = build_template(spec)
        add_custom_properties(document.part.package, {
            PROPERTY_FORM: spec.id,
            PROPERTY_VERSION: str(spec.version),
            PROPERTY_KEY: "{{ tianbiao_key }}",
        })
        template_bytes = document_bytes(document)
        environment = SandboxedEnvironment(autoescape=True)
        with zipfile.ZipFile(io.BytesIO(template_bytes)) as archive:
            document_xml = archive.read(_DOCUMENT_PART).decode("utf-8")
            custom = archive.read(_CUSTOM_PART).decode("utf-8")
        prepared = DocxTemplate(io.BytesIO(template_bytes))
        self.document = environment.from_string(prepared.patch_xml(_hide_braces(document_xml)))
        self.properties = environment.from_string(_hide_braces(custom))
        self.package = PackageTemplate(template_bytes, {_DOCUMENT_PART, _CUSTOM_PART})

    def render(self, row: RosterRow) -> bytes:
        """Return the .docx bytes of the copy for `row`."""
        values = {k: v.replace("\n", " ") for k, v in prefill_values(self.spec, row).items()}
        return self.package.build({
            _DOCUMENT_PART: _shown_braces(self.document.render(values)).encode("utf-8"),
            _CUSTOM_PART: _shown_braces(self.properties.render(tianbiao_key=row.key))
            .encode("utf-8"),
        })


def _hide_braces(xml: str) -> str:
    """Return `xml` with every brace outside the layout's placeholders hidden from Jinja."""
    parts = _PLACEHOLDER.split(xml)
    return "".join(part if index % 2 else part.replace(_BRACE, _HIDDEN_BRACE)
                   for index, part in enumerate(parts))


def _shown_braces(xml: str) -> str:
    """Return rendered `xml` with the hidden braces shown again as the form prints them."""
    return xml.replace(_HIDDEN_BRACE, _BRACE)


def generate_copies(
    spec: FormSpec,
    roster: Roster,
    out_dir: Path,
    *,
    on_progress: Callable[[int, int], None] | None = None,
) -> list[GeneratedCopy]:
    """Write one pre-filled copy of `spec` per roster row into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    renderer = CopyRenderer(spec)
    # A copy is named by its school and project, as far as the roster pre-fills them.
    name_fields = [f for f in (spec.school_field, *spec.project_fields) if f and f.prefill]
    width = max(2, len(str(len(roster.rows))))
    used: set[str] = set()
    copies: list[GeneratedCopy] = []
    for done, row in enumerate(roster.rows, start=1):
        values = prefill_values(spec, row)
        name = file_name(row.position, width, [values[f.id] for f in name_fields], ".docx")
        name = _unique(name, used)
        target = path_inside(out_dir, name)
        target.write_bytes(renderer.render(row))
        copies.append(GeneratedCopy(target, row.key))
        if on_progress:
            on_progress(done, len(roster.rows))
    return copies


def _unique(name: str, used: set[str]) -> str:
    stem, dot, suffix = name.rpartition(".")
    candidate, n = name, 1
    while candidate in used:
        n += 1
        candidate = f"{stem}-{n}{dot}{suffix}"
    used.add(candidate)
    return candidate


def add_custom_properties(package: Any, properties: dict[str, str]) -> None:
    """Give the document of `package` custom properties (name → text): its identity."""
    entries = "".join(
        f'<property fmtid="{_CUSTOM_FMTID}" pid="{pid}" name="{escape(name)}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(properties.items(), start=2)
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}">{entries}</Properties>'
    )
    part = Part(PackURI("/docProps/custom.xml"), _CUSTOM_CONTENT_TYPE, xml.encode(), package)
    package.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES)
