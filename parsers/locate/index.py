"""The cells of one returned file by their label key, and which keys are the form's labels.

Built once per file and shared by every way of locating a blank: a label's cell is found by
its whole key, an item code by the key's first character, without walking every cell; a
value ends at the next cell that is one of the form's labels.
"""

from __future__ import annotations

from forms.labels import label_key
from forms.model import FormSpec
from parsers.grid import Cell, Grid, Table
from parsers.locate.misread import mended_labels
from parsers.locate.pdf_breaks import is_upper_half_of_label


def printed_cell_keys(spec: FormSpec) -> set[str]:
    """Return the keys of the texts the form prints in its table cells, headers included."""
    keys: set[str] = set()
    for block in spec.layout:
        if block.table is None:
            continue
        for row in block.table.rows:
            for cell in row.cells:
                key = label_key(cell.text) if cell.blank is None else ""
                if len(key) >= 2 and cell.text != "^":
                    keys.add(key)
    return keys


_FORM_KEYS: dict[int, tuple[FormSpec, frozenset[str], frozenset[str]]] = {}


def _form_keys(spec: FormSpec) -> tuple[frozenset[str], frozenset[str]]:
    """Return the keys that end a value in `spec`'s returns, and its item columns' keys.

    Worked out once per loaded form, not once per file.
    """
    known = _FORM_KEYS.get(id(spec))
    if known is not None and known[0] is spec:
        return known[1], known[2]
    top = spec.top_fields()
    labels = {label_key(f.label) for f in top
              if f.locate in ("right", "inline", "line") or (f.locate == "grid" and not f.item)}
    # Sub-labels printed beside a blank ("手机号码", "县级及以上") end a value too.
    labels |= {label_key(f.column) for f in top
               if f.locate == "grid" and f.column and not f.item}
    labels |= {label_key(c.header) for r in spec.repeats for c in r.columns}
    # Whatever else the form prints in a table cell ("照片（二寸免冠）") is no answer.
    labels |= printed_cell_keys(spec)
    items = frozenset(label_key(f.column) for f in spec.fields if f.item and f.column)
    if len(_FORM_KEYS) > 64:
        _FORM_KEYS.clear()
    _FORM_KEYS[id(spec)] = (spec, frozenset(labels), items)
    return frozenset(labels), items


class LabelIndex:
    """A file's cells by label key, the form's label keys, and the units schools printed."""

    def __init__(self, grid: Grid, spec: FormSpec) -> None:
        self.label_keys, self.item_columns = _form_keys(spec)
        grid = mended_labels(grid, self.label_keys)
        self.grid = grid
        self.spec = spec
        self.cells: list[tuple[Table, Cell, str]] = [
            (table, cell, label_key(cell.text)) for table, cell in grid.iter_cells()
        ]
        self.by_key: dict[str, list[tuple[Table, Cell]]] = {}
        self.by_initial: dict[str, list[tuple[Table, Cell, str]]] = {}
        for table, cell, key in self.cells:
            self.by_key.setdefault(key, []).append((table, cell))
            if key:
                self.by_initial.setdefault(key[0], []).append((table, cell, key))
        # A unit of its kind a school's label prints ("投入资金（万元）"), by field id.
        self.units: dict[str, str] = {}
        self._answers: dict[int, set[int]] = {}
        self._headers: dict[tuple[int, str], list[Cell]] = {}

    def is_label(self, cell: Cell, table: Table | None = None) -> bool:
        """Return whether `cell` is one of the form's labels (or, given `table`, its top half)."""
        if label_key(cell.text) in self.label_keys:
            return True
        return table is not None and is_upper_half_of_label(table, cell, self.label_keys)

    def starts_label(self, cell: Cell) -> bool:
        """Return whether `cell`'s text begins with one of the form's labels."""
        key = label_key(cell.text)
        return any(key.startswith(label) for label in self.label_keys if label)

    def answer_columns(self, table: Table) -> set[int]:
        """Return the grid columns of `table` under an item blank's header (建设情况…).

        An answer typed there ("3台网关…") must not be taken for the row of item 3.
        """
        cached = self._answers.get(id(table))
        if cached is None:
            cached = set()
            for r in range(min(3, table.n_rows)):
                for cell in table.row_cells(r):
                    if label_key(cell.text) in self.item_columns:
                        cached.update(range(cell.col, cell.last_col + 1))
            self._answers[id(table)] = cached
        return cached

    def header_cell(self, table: Table, column: str, *, above: int) -> Cell | None:
        """Return the cell of `table` reading `column` (a key) above row `above`.

        A header printed twice ("间数" under 配备标准 and again under 本校现状) is the last
        one: forms print the standard first and leave the school's columns after it. The
        cells naming a column are looked for once per table.
        """
        key = (id(table), column)
        found = self._headers.get(key)
        if found is None:
            found = [cell for cell in table.cells if label_key(cell.text) == column]
            self._headers[key] = found
        above_row = [cell for cell in found if cell.row < above]
        return max(above_row, key=lambda cell: cell.col, default=None)
