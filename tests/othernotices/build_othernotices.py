"""Build the "other notices" corpus: six blank attachments of notices tianbiao has never seen,
and returns filled on each the way schools fill them, with what a person reads in each.

Each form is written as its bureau printed it (see the form module's docstring for the page
it is based on); each return is that blank with text typed into it. Written under
``tests/othernotices/<form>/``: ``blank.docx``, and ``<case>.docx`` beside ``<case>.json``.
Same bytes on every run. Nothing here imports tianbiao.

    .venv/bin/python tests/othernotices/build_othernotices.py [output folder]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))  # tests/, for the corpus kit
import aid_returns  # noqa: E402
import budget  # noqa: E402
import facility_survey  # noqa: E402
import recommendation  # noqa: E402
import safety_scoring  # noqa: E402
import self_evaluation  # noqa: E402
from attachment_parts import BLANK_SAVED, Form  # noqa: E402

FORMS: tuple[Form, ...] = (
    recommendation.FORM,
    facility_survey.FORM,
    safety_scoring.FORM,
    aid_returns.FORM,
    self_evaluation.FORM,
    budget.FORM,
)


def build(out: Path) -> list[Path]:
    """Write every form's blank and returns under `out`; return the files written."""
    written: list[Path] = []
    for form in FORMS:
        folder = out / form.folder
        folder.mkdir(parents=True, exist_ok=True)
        blank = folder / "blank.docx"
        blank.write_bytes(form.document({}, BLANK_SAVED))
        written.append(blank)
        names = [case.name for case in form.cases]
        if len(set(names)) != len(names):
            raise ValueError(f"{form.folder}: two cases of the same name")
        for case in form.cases:
            docx = folder / f"{case.name}.docx"
            docx.write_bytes(form.document(case.typed, case.saved))
            record = folder / f"{case.name}.json"
            record.write_text(
                json.dumps(form.expected(case), ensure_ascii=False, indent=2) + "\n",
                encoding="utf-8",
            )
            written += [docx, record]
    return written


def main(argv: Sequence[str] | None = None) -> None:
    """Build into the folder named on the command line, or into this folder."""
    args = list(sys.argv[1:] if argv is None else argv)
    out = Path(args[0]) if args else HERE
    files = build(out)
    print(f"{len(files)} files written under {out}")


if __name__ == "__main__":
    main()
