"""What a chart shows, apart from how it is drawn: PNG (charts.py, pygame) and SVG (svg.py) draw the same spec.

No pygame and no game.ui here. A chart with nothing to show carries the reason
(``empty``), and both renderers print it, so an empty chart never looks like a
broken one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from game.paths import ASSETS_DIR

FONT_FILES = {False: ASSETS_DIR / "fonts" / "NotoSansSC-Regular.otf",
              True: ASSETS_DIR / "fonts" / "NotoSansSC-Bold.otf"}
INK = (40, 33, 28)
MUTED = (92, 82, 74)
GRID = (226, 222, 216)
TITLE = (170, 40, 30)
BAR = (41, 98, 204)
SERIES_COLOURS = ((214, 48, 49), (41, 98, 204), (240, 176, 0), (34, 150, 80), (130, 80, 170), (90, 96, 110))


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]   # None: no figure (too few cases) — the label says so
    labels: list[str]            # text at the end of each bar ('' for none)
    colour: tuple[int, int, int] = BAR


@dataclass(frozen=True)
class Chart:
    kind: str                    # "columns" (vertical, e.g. per day) or "bars" (horizontal rows)
    title: str
    categories: list[str]
    series: list[Series]
    x_label: str = ""
    y_label: str = ""
    subtitle: str = ""
    percent: bool = False        # values are fractions 0–1; otherwise counts (integer ticks)
    empty: str = ""              # why there is nothing to show (used when categories is empty)
    notes: list[str] = field(default_factory=list)   # small print under the chart


def nice_max(value: float) -> float:
    """The smallest 1/2/2.5/5 × 10^k at or above ``value`` (at least 1)."""
    if value <= 1:
        return 1.0
    exp = math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        top = step * 10 ** exp
        if top >= value:
            return float(top)
    return float(10 ** (exp + 1))


def count_ticks(largest: float, most: int = 6) -> list[int]:
    """Whole-number ticks from 0 covering ``largest``, at most ``most`` steps of 1, 2 or 5 × 10^k."""
    largest = max(1, math.ceil(largest))
    step = 1
    while True:
        for factor in (1, 2, 5):
            candidate = step * factor
            if math.ceil(largest / candidate) <= most:
                top = math.ceil(largest / candidate) * candidate
                return list(range(0, top + 1, candidate))
        step *= 10


def percent_ticks(values) -> list[float]:
    """Ticks for rates: up to a round percentage just above the largest value, at most 100 %."""
    largest = max((v for v in values if v is not None), default=0.0)
    top = min(1.0, nice_max(largest * 100) / 100) if largest > 0 else 1.0
    return [top * k / 5 for k in range(6)]


def ticks(chart: Chart) -> list[float]:
    values = [v for s in chart.series for v in s.values if v is not None]
    return percent_ticks(values) if chart.percent else count_ticks(max(values, default=0))


def tick_text(value: float, percent: bool) -> str:
    return f"{value * 100:.0f}%" if percent else f"{value:,.0f}"
