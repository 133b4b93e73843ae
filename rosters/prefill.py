"""What a roster row writes into a form: the text each pre-filled blank shows.

A blank's ``prefill`` names the roster column it takes; the value is written as the form
prints it (an amount with its unit, a choice ticked among the printed options). Generating
a copy prints these texts, and reading a return holds the school's values to them.
"""

from __future__ import annotations

from forms.errors import ValueProblem
from forms.kinds import format_value, parse_value
from forms.layout import printed_options
from forms.model import FormSpec
from rosters.roster import RosterRow


def prefill_values(spec: FormSpec, row: RosterRow) -> dict[str, str]:
    """Return the text each pre-filled blank of `spec` shows for roster `row`."""
    values: dict[str, str] = {}
    for field in spec.fields:
        if not field.prefill:
            continue
        value = row.get(field.prefill)
        if isinstance(value, str) and field.kind in ("choice", "yesno"):
            # A roster writes "普通高中"; the form shows it ticked among the printed options.
            try:
                value = parse_value(field.kind, value, label=field.label, options=field.options)
            except ValueProblem:
                pass
        if value is None:
            values[field.id] = printed_options(field.kind, field.options)
        elif isinstance(value, str):
            values[field.id] = value.strip()
        else:
            values[field.id] = format_value(field.kind, value, unit=field.unit,
                                            options=field.options)
    return values
