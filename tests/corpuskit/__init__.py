"""Building test corpora: filled Word forms as schools send them, and what a reader records.

The builders in tests/data and tests/outside stand in for the bureaus, the schools and the
outside testers. They describe each case with the content model (`content`), write it with
one office's or one tester's `Hand` (`wordml`, `paragraphs`, `controls`, `tables`) or through
python-docx's own API (`worddoc`), tick boxes the ways people do (`marks`), and write the
.docx beside its expected record (`corpus`). Nothing here imports tianbiao: a corpus must
say what a person reads in the file, not what the reader code does.
"""

from corpuskit.content import (
    CONTINUE,
    Block,
    BlockControl,
    Cell,
    CheckBox,
    Content,
    Control,
    FormCheckBox,
    FormText,
    Ids,
    Inline,
    Para,
    Row,
    Run,
    Symbol,
    Table,
    TextBox,
    label,
    paras,
    value,
)
from corpuskit.corpus import check_unique, output_folder, record, write_case
from corpuskit.marks import BOX, GAP, MARKS, as_text, choice_line, yes_no
from corpuskit.paragraphs import append_inline, content_elements, paragraph
from corpuskit.seeds import SEEDS, seed_lines, seeds_available
from corpuskit.tables import add_blocks, add_table, table_element
from corpuskit.worddoc import (
    append_block,
    clear_borders,
    core_properties,
    docx_bytes,
    merge,
    merge_down,
    new_document,
    new_table,
    repeat_header,
    style_run,
    typed_paragraph,
    write_cell,
)
from corpuskit.wordml import Hand, Spacing

__all__ = [
    "BOX", "CONTINUE", "GAP", "MARKS", "SEEDS", "Block", "BlockControl", "Cell", "CheckBox",
    "Content", "Control", "FormCheckBox", "FormText", "Hand", "Ids", "Inline", "Para", "Row",
    "Run", "Spacing", "Symbol", "Table", "TextBox", "add_blocks", "add_table", "append_block",
    "append_inline", "as_text", "check_unique", "choice_line", "clear_borders",
    "content_elements", "core_properties", "docx_bytes", "label", "merge", "merge_down",
    "new_document", "new_table", "output_folder", "paragraph", "paras", "record",
    "repeat_header", "seed_lines", "seeds_available", "style_run", "table_element",
    "typed_paragraph", "value", "write_case", "write_cell", "yes_no",
]
