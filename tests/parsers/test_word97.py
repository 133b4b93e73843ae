"""A .doc whose text ends inside a table: LibreOffice opens it without its tables.

Saved by LibreOffice from a .docx that ends with a table (no paragraph after it, as
python-docx writes such files), a .doc keeps its cells and table properties but LibreOffice
reading it back shows the cells run together as plain lines. tianbiao then reads the tables
from the file's own streams. Here every outside-corpus form is made to end with its table,
saved as .doc by the real LibreOffice, and must read as the .docx does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from parsers.batch import parse_paths
from parsers.office import WORD_97, WORD_2007, convert_batch
from parsers.word97 import _shown, ends_in_table, read_word97

OUTSIDE = Path(__file__).resolve().parents[1] / "outside"


def _ending_with_a_table(case: Path, out: Path) -> bool:
    """Write `case` without the empty paragraphs after its last table; False if none ends it."""
    document = Document(str(case))
    body = document.element.body
    children = [c for c in body if not c.tag.endswith("}sectPr")]
    while children and children[-1].tag.endswith("}p") and not "".join(
        children[-1].itertext()
    ).strip():
        body.remove(children.pop())
    if not children or not children[-1].tag.endswith("}tbl"):
        return False
    document.save(str(out))
    return True


@pytest.fixture(scope="session")
def table_final(tmp_path_factory, soffice):
    """Return [(case, .doc)] for the outside cases made to end with a table."""
    base = tmp_path_factory.mktemp("table-final")
    made = {}
    for case in sorted(OUTSIDE.glob("*/*.docx")):
        out = base / f"{case.parent.name}__{case.stem}.docx"
        if _ending_with_a_table(case, out):
            made[out] = case
    converted = convert_batch(list(made), WORD_97, base / "doc")
    assert all(isinstance(v, Path) for v in converted.values()), converted
    return [(made[source], doc) for source, doc in converted.items()]


def test_libreoffice_alone_loses_the_tables(table_final, tmp_path):
    assert len(table_final) >= 12
    docs = [doc for _, doc in table_final[:3]]
    assert all(ends_in_table(str(doc)) for doc in docs)
    back = convert_batch(docs, WORD_2007, tmp_path)
    from parsers.docx import read_docx

    assert all(not read_docx(path).tables for path in back.values())
    # ... while the file's own streams hold them, cells and merges.
    blocks = read_word97(str(docs[0]))
    assert blocks is not None and any(hasattr(b, "cells") for b in blocks)


def test_every_form_ending_with_its_table_reads_as_expected_from_the_doc(table_final):
    records = list(parse_paths([str(doc) for _, doc in table_final]))
    wrong = {}
    for (case, _), record in zip(table_final, records, strict=True):
        expected = json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))
        known = expected.get("known_failures", {}).get("doc", {})
        assert record.form == expected["form"], case
        values = {f.id: f.value for f in record.fields}
        for field, want in expected["fields"].items():
            if field not in known and values.get(field) != want:
                wrong[f"{case.parent.name}/{case.stem}:{field}"] = (want, values.get(field))
        for label, rows in expected.get("rows", {}).items():
            got = [{k: r.get(k) for k in rows[0]} for r in record.rows.get(label, [])]
            if got != rows:
                wrong[f"{case.parent.name}/{case.stem}:{label}"] = (rows, got)
    assert not wrong, wrong


def test_field_codes_are_not_text_and_their_results_are():
    # HYPERLINK "…" shown as its text; a FORMTEXT with no result separator shows nothing.
    assert _shown('\x13 HYPERLINK "http://x" \x14官网\x15 见附件') == "官网 见附件"
    assert _shown("姓名：\x13 FORMTEXT \x15张三") == "姓名：张三"
    assert _shown("第\x0b二行\x1e续\x01") == "第\n二行-续"


def test_a_file_that_is_not_a_doc_gives_nothing(tmp_path):
    broken = tmp_path / "broken.doc"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert read_word97(str(broken)) is None
    assert ends_in_table(str(broken)) is False


def test_damaged_doc_streams_give_nothing_or_a_reading_never_an_error(table_final, tmp_path):
    # Bytes overwritten or cut anywhere in a real .doc: the fallback gives up quietly (None,
    # False) or reads what it can; LibreOffice's reading then stands. Seeded: reproducible.
    import random

    original = table_final[0][1].read_bytes()
    rng = random.Random(20261123)
    for number in range(150):
        data = bytearray(original)
        if number % 3 == 0:
            data = data[: rng.randrange(len(data))]
        else:
            for _ in range(rng.randint(1, 60)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        damaged = tmp_path / f"damaged-{number}.doc"
        damaged.write_bytes(bytes(data))
        blocks = read_word97(str(damaged))
        assert blocks is None or isinstance(blocks, list)
        assert ends_in_table(str(damaged)) in (True, False)


AID = Path(__file__).resolve().parents[1] / "othernotices" / "aid-application"


@pytest.fixture(scope="module")
def aid_docs(tmp_path_factory, soffice):
    """Return two aid applications (family table; Wingdings ticks) saved as Word 97 .doc."""
    sources = [AID / "six-members-row-added-check-marks.docx",
               AID / "wingdings-marks-commas-wan.docx"]
    converted = convert_batch(sources, WORD_97, tmp_path_factory.mktemp("aid-doc"))
    assert all(isinstance(path, Path) for path in converted.values()), converted
    return {source.stem: (source, converted[source]) for source in sources}


def _rows(doc: Path) -> dict[int, list[str]]:
    tables = [block for block in read_word97(str(doc)) or [] if hasattr(block, "cells")]
    rows: dict[int, list[str]] = {}
    for cell in sorted(tables[0].cells, key=lambda c: (c.row, c.col)):
        rows.setdefault(cell.row, []).append(cell.text)
    return rows


def test_rows_whose_properties_live_in_the_data_stream_keep_their_own_cells(aid_docs):
    # A table row with borders and shading per cell has properties too long for its page:
    # Word 97 keeps them in the Data stream (sprmPHugePapx). Read there, every row of the
    # aid application's family table ends where it ends, one family member a row.
    source, doc = aid_docs["six-members-row-added-check-marks"]
    docx_rows = [row for table in Document(str(source)).tables for row in table.rows]
    rows = _rows(doc)
    assert len(rows) == len(docx_rows)
    header = next(texts for texts in rows.values() if texts[:2] == ["姓名", "年龄"])
    assert header[:4] == ["姓名", "年龄", "与学生关系", "工作（学习）单位"]
    members = [texts for texts in rows.values() if texts and texts[0] and len(texts) >= 7
               and texts[2] in {"父亲", "母亲", "祖父", "祖母", "弟弟", "妹妹", "哥哥", "姐姐"}]
    assert len(members) >= 5


def test_a_wingdings_tick_inserted_as_a_symbol_reads_as_a_ticked_box(aid_docs):
    _, doc = aid_docs["wingdings-marks-commas-wan"]
    texts = [text for row in _rows(doc).values() for text in row]
    assert any(text.startswith("☑城镇") and "□农村" in text for text in texts)
    assert not any("\uf0fe" in text for text in texts)
