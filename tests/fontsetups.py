"""Font setups for printing PDFs in tests: LibreOffice limited to a few font families.

A school prints its PDF on whatever machine it has, so the PDF reader is tested on files
printed under more than one set of fonts. A setup is a private fontconfig configuration:
the machine's own, with every font rejected but the setup's families, and some families
named in documents or by the machine's rules standing in for others. LibreOffice started
with ``FONTCONFIG_FILE`` pointing at it prints with those families and no others, whatever
else the machine has installed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

_SYSTEM_CONFIG = "/etc/fonts/fonts.conf"


@dataclass(frozen=True)
class FontSetup:
    """A named set of font families and the Debian packages that install them."""

    name: str
    families: tuple[str, ...]  # family name prefixes, each must match an installed font
    packages: tuple[str, ...]
    # Families chosen in place of others wherever a rule or a document names those: the
    # others then print only the characters no chosen family has (☐, ☑ from DejaVu).
    instead: dict[str, str] = field(default_factory=dict)


# What a bare Debian machine with fonts-noto-cjk prints with (DejaVu comes with fontconfig).
NOTO = FontSetup(
    "noto",
    ("Noto Sans CJK", "Noto Serif CJK", "DejaVu", "OpenSymbol"),
    ("fonts-noto-cjk", "fonts-dejavu-core", "fonts-opensymbol"),
)
# Another machine: Latin text in Liberation (Times New Roman and Arial metrics, other digits
# and spaces), Chinese in WenQuanYi Zen Hei (other line heights and punctuation), DejaVu
# left for the checkbox symbols neither has.
LIBERATION_WQY = FontSetup(
    "liberation-wqy",
    ("Liberation", "WenQuanYi Zen Hei", "DejaVu", "OpenSymbol"),
    ("fonts-liberation2", "fonts-wqy-zenhei", "fonts-dejavu-core", "fonts-opensymbol"),
    instead={"DejaVu Sans": "Liberation Sans", "DejaVu Serif": "Liberation Serif",
             "DejaVu Sans Mono": "Liberation Mono"},
)


class MissingFontsError(RuntimeError):
    """The families a setup needs are not installed on this machine."""


def installed_families() -> set[str]:
    """Return the family names of every font the machine's own fontconfig knows."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        raise MissingFontsError("fc-list is not installed: apt-get install fontconfig")
    environment = {k: v for k, v in os.environ.items() if k != "FONTCONFIG_FILE"}
    listing = subprocess.run(
        [fc_list, "--format", "%{family}\n"], capture_output=True, text=True, check=True,
        env=environment,
    ).stdout
    return {name.strip() for line in listing.splitlines() for name in line.split(",")}


def build_config(setup: FontSetup, folder: Path) -> Path:
    """Write the fontconfig configuration of `setup` into `folder` and return its path.

    The machine's own configuration (its font folders, rules and cache) is included, then
    every font is rejected but those of the setup's families. Raise MissingFontsError,
    naming the packages to install, when one of the families is not installed.
    """
    installed = installed_families()
    accepted = sorted(name for name in installed if name.startswith(setup.families))
    missing = [prefix for prefix in setup.families
               if not any(name.startswith(prefix) for name in accepted)]
    if missing:
        raise MissingFontsError(
            f"font setup {setup.name!r} needs the font families {', '.join(missing)}: run "
            f"`make test` as root, or apt-get install {' '.join(setup.packages)}"
        )
    # Run after the machine's rules, so a family they put first is replaced where it stands.
    replaced = "".join(
        '  <match target="pattern">\n'
        f'    <test qual="any" name="family"><string>{escape(old)}</string></test>\n'
        f'    <edit name="family" mode="assign"><string>{escape(new)}</string></edit>\n'
        "  </match>\n"
        for old, new in setup.instead.items()
    )
    patterns = "".join(
        f'      <pattern><patelt name="family"><string>{escape(name)}</string></patelt>'
        "</pattern>\n" for name in accepted
    )
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <include>{_SYSTEM_CONFIG}</include>\n"
        f"{replaced}"
        "  <selectfont>\n"
        # An empty pattern matches every font; accepting wins over rejecting.
        "    <rejectfont><pattern/></rejectfont>\n"
        f"    <acceptfont>\n{patterns}    </acceptfont>\n"
        "  </selectfont>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return config


@contextlib.contextmanager
def fonts_of(config: Path | None) -> Iterator[None]:
    """Run the block with programs it starts (LibreOffice) seeing only `config`'s fonts."""
    if config is None:
        yield
        return
    before = os.environ.get("FONTCONFIG_FILE")
    os.environ["FONTCONFIG_FILE"] = str(config)
    try:
        yield
    finally:
        if before is None:
            del os.environ["FONTCONFIG_FILE"]
        else:
            os.environ["FONTCONFIG_FILE"] = before


def match(config: Path, pattern: str) -> str:
    """Return the family fontconfig picks for `pattern` under `config`, as ``fc-match``."""
    return subprocess.run(
        ["fc-match", "--format", "%{family[0]}", pattern], capture_output=True, text=True,
        check=True, env={**os.environ, "FONTCONFIG_FILE": str(config)},
    ).stdout


def embedded_fonts(pdf: Path) -> set[str]:
    """Return the names of the fonts embedded in `pdf` (``pdffonts``), subset tags dropped."""
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                             check=True).stdout
    names = (line.split()[0] for line in listing.splitlines()[2:] if line.strip())
    return {name.split("+", 1)[-1] for name in names}
