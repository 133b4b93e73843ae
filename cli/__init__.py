"""The ``tianbiao`` command: click commands over the library.

Exit codes: 0 done; 1 the data has problems; 2 wrong usage. The commands live by what they
are for: cli/blank_forms.py (forms, lists, pre-filled copies), cli/inference.py (forms
infer), cli/returns.py (parse,
ingest), cli/office.py (status, feedback, history, grades, summaries), cli/compiling.py (a form
written from other forms' returns), cli/web.py (campaigns, links, the password, the web
server), cli/moving.py (export, import),
cli/levels.py (a city's and its counties' offices); cli/common.py holds
what they share and cli/wording.py click's own words in Chinese.
"""

from __future__ import annotations

from cli import (  # noqa: F401  (each adds its commands)
    blank_forms,
    compiling,
    inference,
    levels,
    moving,
    office,
    returns,
    web,
)
from cli.common import cli, main

__all__ = ["cli", "main"]

if __name__ == "__main__":
    main()
