"""Bar charts drawn with pygame onto a Surface and saved as PNG (no matplotlib on kiosks).

Works without a display: set ``SDL_VIDEODRIVER=dummy`` (the CLI does).
Chinese labels use the bundled Noto Sans SC font.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame  # noqa: E402

from game.paths import ASSETS_DIR  # noqa: E402
from game.ui.theme import WARM  # noqa: E402

SIZE = (1400, 800)
BACKGROUND = (255, 255, 255)
INK = WARM.text
MUTED = WARM.text_muted
GRID = (226, 222, 216)
TITLE = WARM.accent
BAR = WARM.blue
SERIES_COLOURS = (WARM.red, WARM.blue, WARM.yellow, WARM.green, (130, 80, 170), (90, 96, 110))
FONT_FILES = {False: ASSETS_DIR / "fonts" / "NotoSansSC-Regular.otf",
              True: ASSETS_DIR / "fonts" / "NotoSansSC-Bold.otf"}


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float]
    labels: list[str]            # text shown at the end of each bar ('' for none)
    colour: tuple[int, int, int] = BAR


class _Fonts:
    def __init__(self):
        if not pygame.font.get_init():
            pygame.font.init()
        self._cache: dict[tuple[int, bool], pygame.font.Font] = {}

    def __call__(self, px: int, bold: bool = False) -> pygame.font.Font:
        key = (px, bold)
        if key not in self._cache:
            path = FONT_FILES[bold]
            self._cache[key] = pygame.font.Font(str(path) if path.exists() else None, px)
        return self._cache[key]


_fonts: _Fonts | None = None


def fonts() -> _Fonts:
    global _fonts
    if _fonts is None:
        _fonts = _Fonts()
    return _fonts


# ---------------------------------------------------------------- text helpers

def _text(surface, text: str, px: int, colour, *, bold=False, **anchor) -> pygame.Rect:
    image = fonts()(px, bold).render(text, True, colour)
    rect = image.get_rect(**anchor)
    surface.blit(image, rect)
    return rect


def _fit(text: str, px: int, width: int) -> str:
    font = fonts()(px)
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text + "…"


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


def _tick_text(value: float, percent: bool) -> str:
    if percent:
        return f"{value * 100:.0f}%"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def _frame(title: str, subtitle: str, height: int = SIZE[1]) -> pygame.Surface:
    surface = pygame.Surface((SIZE[0], height))
    surface.fill(BACKGROUND)
    _text(surface, title, 38, TITLE, bold=True, midtop=(SIZE[0] // 2, 24))
    if subtitle:
        _text(surface, subtitle, 20, MUTED, midtop=(SIZE[0] // 2, 78))
    return surface


def _no_data(surface: pygame.Surface) -> pygame.Surface:
    _text(surface, "暂无数据", 40, MUTED, center=surface.get_rect().center)
    return surface


def _percent_top(values) -> float:
    """Axis end for rates: a round percentage just above the largest value, at most 100 %."""
    largest = max((v for v in values if v is not None), default=0.0)
    return min(1.0, nice_max(largest * 100) / 100) if largest > 0 else 1.0


# ---------------------------------------------------------------- charts

def column_chart(title: str, categories: list[str], series: Series, *, x_label: str, y_label: str,
                 subtitle: str = "", percent: bool = False) -> pygame.Surface:
    """Vertical bars, one per category (e.g. sessions per day)."""
    surface = _frame(title, subtitle)
    if not categories:
        return _no_data(surface)
    plot = pygame.Rect(130, 130, SIZE[0] - 180, SIZE[1] - 270)
    top = _percent_top(series.values) if percent else nice_max(max(series.values))
    _value_axis(surface, plot, top, percent, vertical=True)

    n = len(categories)
    slot = plot.w / n
    bar_w = max(1, min(90, int(slot * 0.7)))
    label_font = fonts()(18)
    show_values = all(label_font.size(t)[0] <= slot * 1.1 for t in series.labels)
    # Every k-th category label, so labels never overlap.
    widest = max(fonts()(18).size(c)[0] for c in categories) + 12
    every = max(1, math.ceil(widest / slot))
    for i, (category, value, label) in enumerate(zip(categories, series.values, series.labels)):
        x = plot.x + slot * i + (slot - bar_w) / 2
        h = round(plot.h * min(value, top) / top)
        bar = pygame.Rect(round(x), plot.bottom - h, bar_w, h)
        pygame.draw.rect(surface, series.colour, bar)
        if show_values and label:
            _text(surface, label, 18, INK, midbottom=(bar.centerx, bar.top - 4))
        if i % every == 0:
            _text(surface, category, 18, INK, midtop=(bar.centerx, plot.bottom + 10))
    pygame.draw.line(surface, INK, plot.bottomleft, plot.bottomright, 2)
    _axis_titles(surface, plot, x_label, y_label)
    return surface


def bar_chart(title: str, categories: list[str], series: list[Series], *, x_label: str, y_label: str = "",
              subtitle: str = "", percent: bool = True) -> pygame.Surface:
    """Horizontal bars, one row per category; several series are grouped within a row with a legend."""
    legend_h = 44 if len(series) > 1 else 0
    # Tall enough that every bar can carry its value label.
    row_needed = max(60, 26 * len(series) + 20)
    height = max(SIZE[1], 230 + legend_h + row_needed * len(categories))
    surface = _frame(title, subtitle, height)
    if not categories:
        return _no_data(surface)
    plot = pygame.Rect(260, 130 + legend_h, SIZE[0] - 260 - 190, height - 230 - legend_h)
    values = [v for s in series for v in s.values if v is not None]
    top = _percent_top(values) if percent else nice_max(max(values, default=0))
    _value_axis(surface, plot, top, percent, vertical=False)
    if len(series) > 1:
        _legend(surface, series, plot.y - legend_h + 6)

    row_h = plot.h / len(categories)
    bar_h = max(2, min(40, int(row_h * 0.8 / len(series))))
    value_px = 16 if bar_h < 22 else 18
    for i, category in enumerate(categories):
        row_top = plot.y + row_h * i + (row_h - bar_h * len(series)) / 2
        _text(surface, _fit(category, 20, plot.x - 24), 20, INK,
              midright=(plot.x - 12, round(plot.y + row_h * i + row_h / 2)))
        for j, s in enumerate(series):
            value = s.values[i]
            y = round(row_top + j * bar_h)
            if value is None:   # no figure (too few cases): say so, so the gap is not read as 0 %
                if s.labels[i] and bar_h >= 12:
                    _text(surface, s.labels[i], value_px, MUTED, midleft=(plot.x + 6, y + bar_h // 2))
                continue
            w = round(plot.w * min(value, top) / top)
            bar = pygame.Rect(plot.x, y, w, bar_h - 2)
            pygame.draw.rect(surface, s.colour, bar)
            if s.labels[i] and bar_h >= 12:
                _text(surface, s.labels[i], value_px, INK, midleft=(bar.right + 6, bar.centery))
    pygame.draw.line(surface, INK, plot.topleft, plot.bottomleft, 2)
    _axis_titles(surface, plot, x_label, y_label)
    return surface


def _value_axis(surface, plot: pygame.Rect, top: float, percent: bool, *, vertical: bool) -> None:
    ticks = 5
    for k in range(ticks + 1):
        value = top * k / ticks
        text = _tick_text(value, percent)
        if vertical:
            y = round(plot.bottom - plot.h * k / ticks)
            pygame.draw.line(surface, GRID, (plot.x, y), (plot.right, y), 1)
            _text(surface, text, 18, MUTED, midright=(plot.x - 10, y))
        else:
            x = round(plot.x + plot.w * k / ticks)
            pygame.draw.line(surface, GRID, (x, plot.y), (x, plot.bottom), 1)
            _text(surface, text, 18, MUTED, midtop=(x, plot.bottom + 8))


def _axis_titles(surface, plot: pygame.Rect, x_label: str, y_label: str) -> None:
    if x_label:
        _text(surface, x_label, 22, INK, midtop=(plot.centerx, plot.bottom + 52))
    if y_label:
        image = pygame.transform.rotate(fonts()(22).render(y_label, True, INK), 90)
        surface.blit(image, image.get_rect(midleft=(24, plot.centery)))


def _legend(surface, series: list[Series], y: int) -> None:
    font = fonts()(20)
    widths = [28 + font.size(s.name)[0] + 30 for s in series]
    x = (surface.get_width() - sum(widths)) // 2
    for s, w in zip(series, widths):
        pygame.draw.rect(surface, s.colour, (x, y + 6, 20, 20))
        _text(surface, s.name, 20, INK, midleft=(x + 28, y + 16))
        x += w


def save(surface: pygame.Surface, path: Path) -> None:
    pygame.image.save(surface, str(path))
