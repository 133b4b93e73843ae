"""Read a .docx file into the grid model, seeing the text Word shows.

This package owns everything about the zip parts and WordprocessingML of a .docx; nothing
above it touches XML. One module a job:

- ``package``: open the zip safely, find the main part, read the custom properties;
- ``body``: the body as blocks, tables with their merged cells;
- ``runs``: a paragraph's text run by run (revisions, hidden and struck text, controls,
  fields, symbol fonts);
- ``controls``: checkboxes, placeholders and text inputs of controls and form fields;
- ``repeats``: text LibreOffice split and repeated, read once;
- ``names``: the WordprocessingML names looked for.
"""

from __future__ import annotations

from parsers.docx.package import read_docx

__all__ = ["read_docx"]
