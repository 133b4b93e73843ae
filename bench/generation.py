"""Three ways to write one pre-filled copy per roster row, and the text a copy shows.

- tianbiao: ``generate_copies`` (template compiled once per batch, changed parts only);
- docxtpl: the plain per-document way, a fresh ``DocxTemplate`` rendered and saved per row;
- floor: the template zip read once, ``str.replace`` on document.xml, a new zip per copy.

All three start from the same template (``build_template`` + ``document_bytes``), render the
same values (``prefill_values``) and write each copy to a file.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

from forms.layout import build_template, document_bytes, placeholder
from forms.model import FormSpec
from generator.render import generate_copies
from rosters.prefill import prefill_values
from rosters.roster import Roster, RosterRow

_DOCUMENT = "word/document.xml"


def template_bytes(spec: FormSpec) -> bytes:
    """Return the .docx template of `spec` as the baselines receive it."""
    return document_bytes(build_template(spec))


def context(spec: FormSpec, row: RosterRow) -> dict[str, str]:
    """Return the values tianbiao puts into the copy for `row` (one line each)."""
    return {k: v.replace("\n", " ") for k, v in prefill_values(spec, row).items()}


def with_tianbiao(spec: FormSpec, roster: Roster, out_dir: Path, template: bytes) -> list[Path]:
    """Write the copies with tianbiao's `generate_copies`; return their paths in row order."""
    del template  # tianbiao builds its own template from the definition, inside the timing
    return [copy.path for copy in generate_copies(spec, roster, out_dir)]


def with_docxtpl(spec: FormSpec, roster: Roster, out_dir: Path, template: bytes) -> list[Path]:
    """Write the copies the plain docxtpl way, one template object per document."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for row in roster.rows:
        document = DocxTemplate(io.BytesIO(template))
        document.render(context(spec, row), jinja_env=SandboxedEnvironment(autoescape=True),
                        autoescape=True)
        buffer = io.BytesIO()
        document.save(buffer)
        path = out_dir / f"{row.position:05d}.docx"
        path.write_bytes(buffer.getvalue())
        paths.append(path)
    return paths


def with_floor(spec: FormSpec, roster: Roster, out_dir: Path, template: bytes) -> list[Path]:
    """Write the copies by string replacement in document.xml and a fresh zip per copy."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(io.BytesIO(template)) as archive:
        parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
    document = dict(parts)[_DOCUMENT].decode("utf-8")
    marks = {f.id: placeholder(f.id) for f in spec.fields if f.prefill}
    paths = []
    for row in roster.rows:
        values = context(spec, row)
        xml = document
        for field_id, mark in marks.items():
            xml = xml.replace(mark, escape(values[field_id]))
        path = out_dir / f"{row.position:05d}.docx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for name, data in parts:
                out.writestr(name, xml.encode("utf-8") if name == _DOCUMENT else data)
        paths.append(path)
    return paths


METHODS = {"tianbiao": with_tianbiao, "docxtpl": with_docxtpl, "floor": with_floor}


def shown_text(path: Path) -> list[str]:
    """Return every body paragraph's and every table cell's text, read with python-docx."""
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return lines


def document_xml(path: Path) -> bytes:
    """Return the main document part of the .docx at `path`."""
    with zipfile.ZipFile(path) as archive:
        return archive.read(_DOCUMENT)
