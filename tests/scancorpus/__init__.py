"""Scanned and photographed returns made from the filled corpora, and what they should read.

A school's stamped copy is printed, sealed with the red round 公章, scanned or photographed
and sent as an image-only PDF, a .jpg, a .png or a multi-page .tif. These modules make such
copies of the filled returns in tests/data, the way it happens: LibreOffice prints the .docx
to PDF, pdftoppm renders the pages, and Pillow adds the paper, the seal, the scanner or the
phone. Each scan's expectation is its source return's expected record, plus the fields that
lie under a seal. Nothing here reads an image back: `tianbiao parse` does that, and
`measure` scores what it says.

Modules:
- `cases`: which returns are scanned, under which conditions; the small set CI reads.
- `printing`: .docx → PDF (one LibreOffice call), pages → images, where a value is printed.
- `seal`: the red round seal and stamping it; `degrade`: scanner, tilt, grey, phone photo.
- `saving`: image-only PDF, .jpg, .png, multi-page .tif.
- `build`: all of it, and the manifest (``scans.json``) of every scan and its expectation.
- `measure`: run `tianbiao parse` on the scans and score it against the manifest.
"""
