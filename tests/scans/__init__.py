"""Scanned and photographed returns: made from the corpus, read like the .docx."""
