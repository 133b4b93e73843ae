"""The one exception tree of tianbiao: every error we raise on purpose derives from here.

Errors carry what a person needs to find the cause: the file, the form and the field.
Only the ``cli`` package turns them into exit codes and printed messages.
"""

from __future__ import annotations


class TianbiaoError(Exception):
    """Base of every error tianbiao raises on purpose."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        form: str | None = None,
        field: str | None = None,
        code: str = "error",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.form = form
        self.field = field
        self.code = code

    def __str__(self) -> str:
        return f"{self.file}：{self.message}" if self.file else self.message


class DefinitionError(TianbiaoError):
    """A form definition is malformed; a developer must fix the data file."""


class UnknownFormError(TianbiaoError):
    """No form definition has the id or title asked for."""


class ValueProblem(TianbiaoError):
    """Raw text written in a blank cannot be read as the blank's kind.

    ``message`` is complete and names the label and the text found, e.g.
    ``投入资金：无法识别金额“十五万左右”``.
    """


class UnreadableFileError(TianbiaoError):
    """A file cannot be read at all (corrupt, encrypted, wrong type, scanned)."""


class RosterError(TianbiaoError):
    """A roster file cannot be turned into roster rows."""


class OfficeError(TianbiaoError):
    """LibreOffice failed to convert or re-save a document."""
