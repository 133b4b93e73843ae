"""What a roster row writes into a form: the text each pre-filled blank shows.

A blank's ``prefill`` names the roster column it takes; the value is written as the form
prints it (an amount with its unit, a choice ticked among the printed options). Generating
a copy prints these texts, and reading a return holds the school's values to them.
"""

from __future__ import annotations

from forms.model import FormSpec
from rosters.roster import RosterRow


def prefill_values(spec: FormSpec, row: RosterRow) -> dict[str, str]:
    """Return the text each pre-filled blank of `spec` shows for roster `row`."""
    values: dict[str, str] = {}
    for field in spec.fields:
        if field.prefill:
            values[field.id] = field.value_kind.prefill_text(row.get(field.prefill), field.blank)
    return values
