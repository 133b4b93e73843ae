"""What can be wrong with a returned file: the one Problem type and every code it may carry.

A problem names the blank it is about (None: the whole file), a code other tools read (the
``problems`` of the ``parse`` contract in DESIGN.md) and a message in words the office can
send back. The code decides what the problem does to the record's status: a file that could
not be read is "unreadable"; a blank left empty or not found makes it "incomplete"; a notice
informs the office and changes nothing; every other code makes it "invalid".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# The file could not be read at all: the record is "unreadable".
UNREADABLE_CODES: dict[str, str] = {
    "corrupt": "the file is damaged, or is not the kind of file its name says",
    "empty": "the file holds no text to read",
    "encrypted": "the file is protected by a password",
    "too_large": "the file, or reading it, goes beyond the size and memory limits",
    "scanned": "a PDF of page images (a scan): it has no text layer",
    "image": "a picture or a scanned page, not a document",
    "not_docx": "named .docx but another kind of file (Word 97, Excel, ...)",
    "not_word": "not a Word document, nor a PDF",
    "unsafe_xml": "the document's XML declares entities or a DTD, which are refused",
    "zip_bomb": "the document's zip unpacks far beyond its size",
    "timeout": "LibreOffice, or reading the file, took longer than allowed",
    "conversion_failed": "LibreOffice could not convert the file to .docx",
    "io_error": "the operating system could not read the file",
    "unknown_form": "the file is none of the known forms",
    "error": "any other failure a reader raised on purpose",
}
# A blank the school has still to fill: the record is "incomplete".
INCOMPLETE_CODES: dict[str, str] = {
    "required": "a required blank is empty",
    "label_missing": "a blank's label was not found: the row or section was deleted or renamed",
}
# Informs the office; the status stays what the values make it.
NOTICE_CODES: dict[str, str] = {
    "form_uncertain": "the form was identified, but another form is almost as close",
    "below_target": "a derived value misses the target the notice sets",
    "sum_warning": "a sum differs from its total, where the form only warns",
}
# A value that cannot stand: the record is "invalid".
INVALID_CODES: dict[str, str] = {
    "bad_money": "not an amount of money",
    "bad_date": "not a date, or a day that does not exist",
    "bad_period": "not a period from one date to another",
    "bad_year": "not a year",
    "bad_phone": "not a phone number",
    "bad_email": "not an e-mail address",
    "bad_number": "not a number, or not a whole one where one is needed",
    "bad_percent": "not a percentage",
    "bad_score": "not a score",
    "bad_unit": "an amount in a unit the form does not print",
    "score_out_of_range": "a score below 0 or above the item's maximum (kept as written)",
    "unknown_option": "none of the printed options",
    "ambiguous_mark": "more than one option marked, or no telling which one",
    "unknown_kind": "a blank of a kind tianbiao does not know",
    "sum_mismatch": "a sum differs from the total written for it",
    "prefill_changed": "a blank the roster pre-filled was changed by the school",
    "roster_unmatched": "the school named in the file is not in the roster",
    "roster_ambiguous": "the school named could be more than one roster row",
    "scan_uncertain": "a value read off a scan less surely than it must be: check the picture",
    "stamped_differs": "the stamped scan and the electronic file of one return differ",
}
CODES: dict[str, str] = {**UNREADABLE_CODES, **INCOMPLETE_CODES, **NOTICE_CODES,
                         **INVALID_CODES}
NOTICES = frozenset(NOTICE_CODES)
PREFILL_CHANGED = "prefill_changed"
SCORE_OUT_OF_RANGE = "score_out_of_range"
ROSTER_UNMATCHED = "roster_unmatched"
ROSTER_AMBIGUOUS = "roster_ambiguous"


@dataclass(frozen=True)
class Problem:
    """Something wrong with one file, in words an office clerk understands."""

    field: str | None
    code: str
    message: str

    @property
    def is_notice(self) -> bool:
        """Return True when the problem only informs the office (see NOTICE_CODES)."""
        return self.code in NOTICES

    def as_json(self) -> dict[str, Any]:
        """Return the problem as the contract writes it."""
        return {"field": self.field, "code": self.code, "message": self.message}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Problem:
        """Rebuild a problem from what `as_json` wrote."""
        return cls(data["field"], data["code"], data["message"])


def record_status(problems: Iterable[Problem]) -> str:
    """Return the status `problems` give a record that was read: ok, incomplete or invalid."""
    codes = {p.code for p in problems} - NOTICES
    if codes - INCOMPLETE_CODES.keys():
        return "invalid"
    if codes:
        return "incomplete"
    return "ok"
