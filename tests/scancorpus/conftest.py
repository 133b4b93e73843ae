"""The scans CI reads, built once a session from the returns of tests/data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scancorpus.build import build
from scancorpus.cases import QUICK


@pytest.fixture(scope="session")
def quick_scans(tmp_path_factory, soffice, font_configs) -> tuple[Path, dict[str, Any]]:
    """Return the folder of the CI scans and their manifest (printed in the first fonts)."""
    out = tmp_path_factory.mktemp("scancorpus")
    return out, build(out, QUICK, fontconfig=font_configs["pdf"])
