"""Building test corpora: filled Word forms as schools send them, and what a reader records.

The builders in tests/data and tests/outside stand in for the bureaus, the schools and the
outside testers. Each case becomes ``<form id>/<case>.docx`` beside ``<case>.json``, the
record a person reading the file writes down, normalised as DESIGN.md's parse contract says
(``{"form", "status", "fields", ["rows",] "problems"}``; the outside testers write ``form``,
``fields``, ``rows``, ``notes`` and ``known_failures``). A rebuild gives the same
word/document.xml and JSON: fixed dates, zip entry times and element ids
(tests/corpuskit/test_rebuild.py holds the committed files to that). Nothing here imports
tianbiao: a corpus says what a person reads in the file, not what the reader does.

Modules:
- `content`: what is typed in a paragraph (runs, check boxes, form fields, content
  controls, text boxes); `cells`: table cells with spans and merges, rows, tables.
- `wordml`, `controls`, `paragraphs`: the model as WordprocessingML, in one office's or one
  tester's way of writing it (a `Hand`).
- `tables`: model tables through python-docx or as the bureau's Word saved them;
  `typed_tables`: tables typed cell by cell through python-docx's API.
- `documents`: the page, body paragraphs, core properties, the saved package.
- `marks`: the ways people tick a printed "□是   □否".
- `corpus`: the output folder, expected records, writing a case; `seeds`: the seed notices.
"""
