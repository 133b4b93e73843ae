"""Render the first page of every blank form to docs/forms/<id>.png (``make forms``).

The blank forms are built from their definitions, printed to PDF by LibreOffice in one
batch, and the first page of each is turned into a PNG with pdftoppm (poppler-utils).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forms.layout import build_blank_form  # noqa: E402
from forms.registry import all_forms  # noqa: E402
from parsers.office import WRITER_PDF, convert_batch  # noqa: E402

OUT = ROOT / "docs" / "forms"


def main() -> None:
    """Write one PNG per form and print where each is."""
    if shutil.which("pdftoppm") is None:
        raise SystemExit("需要 pdftoppm（Debian 软件包 poppler-utils）")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        sources = []
        for spec in all_forms():
            path = Path(scratch) / f"{spec.id}.docx"
            build_blank_form(spec).save(str(path))
            sources.append(path)
        for source, pdf in convert_batch(sources, WRITER_PDF, Path(scratch) / "pdf").items():
            if not isinstance(pdf, Path):
                raise SystemExit(f"{source.name}：{pdf}")
            target = OUT / source.stem
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1",
                            "-singlefile", str(pdf), str(target)], check=True)
            print(f"{target}.png")


if __name__ == "__main__":
    main()
