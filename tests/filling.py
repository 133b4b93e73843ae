"""Fill every blank of a blank official form with python-docx, as a careful school would.

The cells are found from the form's layout (the blank form is built from it), values are
typed the way people write them, and the normalised value each must read back as is
returned beside the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.document import Document
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from forms.kinds.marks import bare_option
from forms.layout import LINE_BLANK, build_blank_form, repeat_column_spans
from forms.model import FieldSpec, FormSpec, RepeatSpec


@dataclass
class FilledForm:
    """A filled blank form and what tianbiao must read from it."""

    document: Document
    values: dict[str, Any] = field(default_factory=dict)
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def typed_value(kind: str, n: int, *, unit: str | None = None,
                options: tuple[str, ...] = (), max_score: float | None = None
                ) -> tuple[str, Any]:
    """Return (text a school types, value tianbiao must read) for a blank of `kind`."""
    if kind == "text":
        return f"填写内容{n}", f"填写内容{n}"
    if kind == "longtext":
        return f"第一段内容{n}。\n第二段内容{n}。", f"第一段内容{n}。\n第二段内容{n}。"
    if kind == "money":
        return (f"{n}.5万元", n * 10000 + 5000) if unit != "万元" else (f"{n}.5", n + 0.5)
    if kind == "date":
        return f"2021年3月{n % 28 + 1}日", f"2021-03-{n % 28 + 1:02d}"
    if kind == "period":
        return "2021.3—2021.8", "2021-03/2021-08"
    if kind == "year":
        return "2021年", 2021
    if kind == "phone":
        return f"138 0000 {1000 + n}", f"1380000{1000 + n}"
    if kind == "email":
        return f"school{n}@example.cn", f"school{n}@example.cn"
    if kind in ("integer", "number"):
        return f"{n + 2}", n + 2
    if kind == "percent":
        return f"{50 + n % 50}%", 50 + n % 50
    if kind == "score":
        top = max_score if max_score is not None else 10
        return f"{top:g}", int(top) if float(top).is_integer() else top
    if kind == "yesno":
        return "☑是   □否", True
    if kind == "choice":
        ticked = "   ".join(("☑" if i == 1 else "□") + o for i, o in enumerate(options))
        chosen = options[1] if len(options) > 1 else options[0]
        return ticked, bare_option(chosen)  # the record keeps the words, not "②" or "B "
    raise ValueError(kind)


def fill_every_blank(spec: FormSpec) -> FilledForm:
    """Return the blank form of `spec` with every blank and two rows of each table filled."""
    filled = FilledForm(build_blank_form(spec))
    paragraphs = list(filled.document.paragraphs)
    tables = iter(filled.document.tables)
    counter = iter(range(1, 10_000))
    for block in spec.layout:
        if block.kind == "line":
            _fill_line(spec, block.segments, paragraphs, counter, filled)
        elif block.kind == "section" and block.field:
            _fill_section(spec.field(block.field), block.text, paragraphs, counter, filled)
        elif block.table is not None:
            table = next(tables)
            for r, cells in enumerate(block.table.placed()):
                for col, cell_spec in cells:
                    if cell_spec.blank:
                        _fill_cell(spec, table.cell(r, col), spec.field(cell_spec.blank),
                                   counter, filled, inline_label=bool(cell_spec.label))
            if block.table.repeat is not None:
                _fill_repeat(table, len(block.table.rows), block.table.repeat,
                             len(block.table.widths_cm), counter, filled)
    return filled


def _fill_cell(spec: FormSpec, cell: _Cell, blank: FieldSpec, counter: Any,
               filled: FilledForm, *, inline_label: bool) -> None:
    text, value = typed_value(blank.kind, next(counter), unit=blank.unit,
                              options=blank.options, max_score=blank.max_score)
    target = cell.paragraphs[1] if inline_label else cell.paragraphs[0]
    if blank.printed and not blank.parent:
        target = cell.add_paragraph()  # typed after the prompt printed in the blank
    _set_text(target, text.split("\n")[0])
    anchor = target
    for extra in text.split("\n")[1:]:
        anchor = _insert_after(anchor, extra)
    filled.values[blank.id] = value
    for part in spec.parts_of(blank.id):
        part_text, part_value = typed_value(part.kind, next(counter), unit=part.unit,
                                            options=part.options, max_score=part.max_score)
        printed = next(p for p in cell.paragraphs if p.text == (part.printed or ""))
        if part.kind == "date":
            _set_text(printed, part_text)
        else:
            _set_text(printed, printed.text.replace(f"{part.column}：",
                                                    f"{part.column}：{part_text}", 1))
        filled.values[part.id] = part_value


def _fill_line(spec: FormSpec, segments: tuple[str, ...], paragraphs: list[Paragraph],
               counter: Any, filled: FilledForm) -> None:
    start = segments[0].strip()
    paragraph = next(p for p in paragraphs if p.text.strip().startswith(start[:4]))
    printed = {LINE_BLANK} | {spec.field(f).printed or LINE_BLANK for f in segments[1::2]}
    blanks = [r for r in paragraph.runs if r.text in printed]
    for run, field_id in zip(blanks, segments[1::2], strict=True):
        blank = spec.field(field_id)
        text, value = typed_value(blank.kind, next(counter), unit=blank.unit,
                                  options=blank.options, max_score=blank.max_score)
        run.text = text.split("\n")[0]
        filled.values[field_id] = value.split("\n")[0] if isinstance(value, str) else value


def _fill_section(section: FieldSpec, heading: str, paragraphs: list[Paragraph],
                  counter: Any, filled: FilledForm) -> None:
    index = next(i for i, p in enumerate(paragraphs) if p.text == heading)
    empty = next(p for p in paragraphs[index + 1:] if not p.text.strip())
    text = f"本节内容{next(counter)}，学校所写。"
    _set_text(empty, text)
    filled.values[section.id] = text


def _fill_repeat(table: Any, first: int, repeat: RepeatSpec, n_grid: int, counter: Any,
                 filled: FilledForm) -> None:
    starts = _column_starts(len(repeat.columns), n_grid)
    rows: list[dict[str, Any]] = []
    for r in range(first + 1, first + 1 + min(2, repeat.blank_rows)):
        row: dict[str, Any] = {}
        for column, col in zip(repeat.columns, starts, strict=True):
            text, value = typed_value(column.kind, next(counter), unit=column.unit,
                                      options=column.options)
            _set_text(table.cell(r, col).paragraphs[0], text.split("\n")[0])
            row[column.header_label] = value.split("\n")[0] if isinstance(value, str) else value
        rows.append(row)
    filled.rows[repeat.label] = rows


def _column_starts(n_columns: int, n_grid: int) -> list[int]:
    starts, col = [], 0
    for span in repeat_column_spans(n_columns, n_grid):
        starts.append(col)
        col += span
    return starts


def _set_text(paragraph: Paragraph, text: str) -> None:
    runs = paragraph.runs
    if runs:
        runs[0].text = text
        for run in runs[1:]:
            run.text = ""
    else:
        paragraph.add_run(text)


def _insert_after(paragraph: Paragraph, text: str) -> Paragraph:
    new = paragraph._parent.add_paragraph(text)  # appended at the end of the cell
    paragraph._p.addnext(new._p)
    return new
