"""Fuzzing, bounded for CI: the .docx reader and the value normalisers never fail with
anything but tianbiao's own errors, whatever bytes or text they are given."""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms.errors import TianbiaoError
from forms.kinds import KINDS, parse_value
from parsers.docx import read_docx

_DOCUMENT = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
    "<w:tr><w:tc><w:p><w:r><w:t>学校</w:t></w:r></w:p></w:tc>"
    '<w:tc><w:tcPr><w:gridSpan w:val="1"/></w:tcPr><w:p><w:r><w:t>第一中学</w:t></w:r></w:p>'
    "</w:tc></w:tr></w:tbl></w:body></w:document>"
)


def _docx(document_xml: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


GOOD = _docx(_DOCUMENT.encode())
FUZZ = settings(max_examples=300, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(GOOD) - 1), st.integers(0, 255)), max_size=12))
def test_damaged_docx_bytes(changes):
    data = bytearray(GOOD)
    for position, value in changes:
        data[position] = value
    try:
        read_docx(bytes(data))
    except TianbiaoError:
        pass


@FUZZ
@given(st.binary(max_size=400), st.integers(0, len(_DOCUMENT)))
def test_garbage_inside_the_main_part(garbage, position):
    xml = _DOCUMENT.encode()
    try:
        read_docx(_docx(xml[:position] + garbage + xml[position:]))
    except TianbiaoError:
        pass


@FUZZ
@given(st.sampled_from(sorted(KINDS)), st.text(max_size=60))
def test_any_text_in_any_blank(kind, raw):
    try:
        parse_value(kind, raw, label="栏目", unit="万元" if kind == "money" else None,
                    options=("优秀", "良好") if kind == "choice" else (), max_score=10)
    except TianbiaoError:
        pass


@FUZZ
@given(st.text(alphabet="0123456789０１２３４５６７８９.,，万元亿千百十一二三四五六七八九零〇壹贰叁"
                        "肆伍陆柒捌玖拾佰仟整年月日号-/—～至 ", max_size=30))
def test_number_like_text(raw):
    for kind in ("money", "date", "period", "integer", "number", "percent", "score", "year"):
        try:
            parse_value(kind, raw, label="栏目", max_score=100)
        except TianbiaoError:
            pass
