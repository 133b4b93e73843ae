"""Read a .pdf file into the grid model, seeing the text a reader of the printed page sees.

This package owns everything about PDF files; nothing above it touches pdfplumber or
pdfminer objects. One module a job:

- ``document``: open the file, refuse what cannot be read, read page after page;
- ``page``: one page into lines of text and ruled tables;
- ``words``: characters into printed lines and words;
- ``paragraphs``: wrapped lines joined into paragraphs, in cells and outside them;
- ``tables``: ruled cell boxes into merged-cell grids;
- ``page_breaks``: tables and rows broken by a page joined again;
- ``checkboxes``: symbol-font and drawn checkboxes read as marks;
- ``model`` and ``typesetting``: what these share.
"""

from __future__ import annotations

from parsers.pdf.document import read_pdf

__all__ = ["read_pdf"]
