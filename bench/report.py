"""What one measurement gave, and how the benchmark prints figures and targets."""

from __future__ import annotations

import os
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Measurement:
    """The result of one measurement child: run times, files, peaks and what it counted."""

    label: str
    files: int
    times: list[float]
    peak_mb: float
    children_peak_mb: float
    outcome: dict[str, Any] = field(default_factory=dict)
    cpu: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        """Return the median run time in seconds."""
        return statistics.median(self.times)

    @property
    def cpu_median(self) -> float:
        """Return the median CPU seconds of a run (this process and its children)."""
        return statistics.median(self.cpu) if self.cpu else float("nan")

    @property
    def per_file_ms(self) -> float:
        """Return the median time per file in milliseconds."""
        return self.median / max(1, self.files) * 1000

    @property
    def per_second(self) -> float:
        """Return files per second at the median time."""
        return self.files / self.median if self.median else float("inf")

    def line(self) -> str:
        """Return one progress line for this measurement."""
        runs = f"median of {len(self.times)}" if len(self.times) > 1 else "1 run"
        peaks = f"peak {self.peak_mb:.0f} MB"
        if self.children_peak_mb:
            peaks += f" (largest child {self.children_peak_mb:.0f} MB)"
        return (f"    {self.label}: {self.median:.2f} s ({runs}, CPU {self.cpu_median:.2f} s),"
                f" {self.per_file_ms:.2f} ms/file,"
                f" {self.per_second:,.0f} files/s, {peaks}")


@dataclass
class Target:
    """A target from DESIGN.md and whether this run met it."""

    name: str
    passed: bool
    detail: str


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Return `rows` under `headers` as an aligned plain-text table."""
    cells = [[str(h) for h in headers]] + [[_cell(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(v.ljust(w) if i == 0 else v.rjust(w)
                               for i, (v, w) in enumerate(zip(row, widths, strict=True))))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def ratio(slow: float, fast: float) -> str:
    """Return how many times faster `fast` is than `slow`, e.g. "41.3x"."""
    return f"{slow / fast:.1f}x" if fast else "-"


def load_average() -> str:
    """Return the system's 1, 5 and 15 minute load averages as text."""
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if value < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
