"""Build the benchmark's inputs: rosters of any length and "returned" files of any number.

Rosters repeat the sample lists with varied names (every 97th project name carries ``&`` and
``<>`` so escaping is exercised). Returned files are the blank form with every blank filled
by python-docx (``tests/filling.py``), as a school would, each with its own school name and,
like a pre-filled copy sent back, the form's identity in its custom properties.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.package import Package

from forms.layout import document_bytes
from forms.model import FormSpec
from generator.package import PackageTemplate
from generator.render import PROPERTY_FORM, PROPERTY_KEY, PROPERTY_VERSION
from rosters.roster import read_roster
from tests.filling import fill_every_blank

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
REPORT_FORM = "ruian-2022-report"
INSPECTION_FORM = "zhongxian-2021-inspection"
FORMS = (REPORT_FORM, INSPECTION_FORM)
_ROSTER_SOURCES = {
    REPORT_FORM: SAMPLES / "ruian-2022-list.xlsx",
    INSPECTION_FORM: SAMPLES / "zhongxian-2021-schools.csv",
}
_ESCAPE_EVERY = 97
_DOCUMENT = "word/document.xml"
_CUSTOM = "docProps/custom.xml"
_CUSTOM_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_KEY_MARK = "@@KEY@@"


def write_roster(form_id: str, rows: int, out: Path) -> Path:
    """Write a roster .csv of `rows` rows for `form_id`, varied from the sample list."""
    sample = read_roster(_ROSTER_SOURCES[form_id])
    headers = sample.headers
    base = sample.rows
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for n in range(1, rows + 1):
            source = base[(n - 1) % len(base)]
            round_ = (n - 1) // len(base)
            values = dict(source.values)
            values["序号"] = n
            if round_:
                values["学校名称"] = f"{values['学校名称']}（{round_ + 1}校区）"
            if "项目名称" in values and n % _ESCAPE_EVERY == 0:
                values["项目名称"] = f"{values['项目名称']} & 云桌面 <二期>"
            if isinstance(values.get("金额"), (int, float)):
                values["金额"] = int(values["金额"]) + 100 * round_
            writer.writerow(["" if values.get(h) is None else values.get(h) for h in headers])
    return out


class ReturnedFiles:
    """Make returned copies of one form, filled once and varied per file cheaply."""

    def __init__(self, spec: FormSpec, *, identity: bool = True) -> None:
        filled = fill_every_blank(spec)
        self.school = str(filled.values["school"])
        self.identity = identity
        if identity:
            _add_custom_part(filled.document.part.package, {
                PROPERTY_FORM: spec.id, PROPERTY_VERSION: str(spec.version),
                PROPERTY_KEY: _KEY_MARK,
            })
        data = document_bytes(filled.document)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self.document = archive.read(_DOCUMENT).decode("utf-8")
            self.custom = archive.read(_CUSTOM).decode("utf-8") if identity else ""
        if self.document.count(f">{self.school}<") != 1:
            raise RuntimeError(f"{spec.id}: the filled school name is not in one place")
        changing = {_DOCUMENT, _CUSTOM} if identity else {_DOCUMENT}
        self.package = PackageTemplate(data, changing)

    def write(self, folder: Path, count: int, *, stem: str = "") -> list[Path]:
        """Write `count` returned copies into `folder`, each naming a different school."""
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for n in range(1, count + 1):
            school = escape(f"测试学校{n:05d}")
            parts = {_DOCUMENT: self.document.replace(f">{self.school}<", f">{school}<")
                     .encode("utf-8")}
            if self.identity:
                parts[_CUSTOM] = self.custom.replace(_KEY_MARK, str(n)).encode("utf-8")
            path = folder / f"{stem}{n:05d}.docx"
            path.write_bytes(self.package.build(parts))
            paths.append(path)
        return paths


def _add_custom_part(package: Package, properties: dict[str, str]) -> None:
    entries = "".join(
        f'<property fmtid="{_FMTID}" pid="{pid}" name="{escape(name)}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(properties.items(), start=2)
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}">{entries}</Properties>'
    )
    part = Part(PackURI("/" + _CUSTOM), _CUSTOM_CONTENT_TYPE, xml.encode(), package)
    package.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES)
