"""PNG charts: a ``chartspec.Chart`` drawn with pygame onto a Surface (no matplotlib on kiosks).

Works without a display: set ``SDL_VIDEODRIVER=dummy`` (the CLI does). Nothing from
game.ui: the statistics layer draws its own charts. Chinese labels use the bundled
Noto Sans SC font.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame  # noqa: E402

from .chartspec import FONT_FILES, GRID, INK, MUTED, TITLE, Chart, tick_text, ticks  # noqa: E402

SIZE = (1400, 800)
BACKGROUND = (255, 255, 255)


class _Fonts:
    def __init__(self):
        if not pygame.font.get_init():
            pygame.font.init()
        self._cache: dict[tuple[int, bool], pygame.font.Font] = {}

    def still_open(self) -> bool:
        """False once pygame's font module was shut down after these fonts were made, even if it was
        started again since (the fonts are then unusable)."""
        try:
            for font in self._cache.values():
                font.get_height()
                break
        except pygame.error:
            return False
        return pygame.font.get_init()

    def __call__(self, px: int, bold: bool = False) -> pygame.font.Font:
        key = (px, bold)
        if key not in self._cache:
            path = FONT_FILES[bold]
            self._cache[key] = pygame.font.Font(str(path) if path.exists() else None, px)
        return self._cache[key]


_fonts: _Fonts | None = None


def fonts() -> _Fonts:
    """The chart fonts; loaded again if pygame's font module was shut down since (pygame.quit())."""
    global _fonts
    if _fonts is None or not _fonts.still_open():
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


def _frame(title: str, subtitle: str, height: int = SIZE[1]) -> pygame.Surface:
    surface = pygame.Surface((SIZE[0], height))
    surface.fill(BACKGROUND)
    _text(surface, title, 38, TITLE, bold=True, midtop=(SIZE[0] // 2, 24))
    if subtitle:
        _text(surface, _fit(subtitle, 20, SIZE[0] - 60), 20, MUTED, midtop=(SIZE[0] // 2, 78))
    return surface


def _empty(surface: pygame.Surface, reason: str) -> pygame.Surface:
    lines = (reason or "暂无数据").split("\n")
    y = surface.get_height() // 2 - 30 * (len(lines) - 1)
    for i, line in enumerate(lines):
        _text(surface, _fit(line, 34 if i == 0 else 24, SIZE[0] - 100), 34 if i == 0 else 24, MUTED,
              center=(SIZE[0] // 2, y))
        y += 60 if i == 0 else 40
    return surface


def _notes(surface: pygame.Surface, notes: list[str]) -> None:
    y = surface.get_height() - 8
    for note in reversed(notes):
        _text(surface, _fit(note, 18, SIZE[0] - 60), 18, MUTED, midbottom=(SIZE[0] // 2, y))
        y -= 28


def _notes_height(chart: Chart) -> int:
    return 28 * len(chart.notes) + 14 if chart.notes else 0


def draw(chart: Chart) -> pygame.Surface:
    """The chart as a Surface: columns (one per category) or horizontal bars (one row per category)."""
    surface = column_chart(chart) if chart.kind == "columns" else bar_chart(chart)
    _notes(surface, chart.notes)
    return surface


def column_chart(chart: Chart) -> pygame.Surface:
    surface = _frame(chart.title, chart.subtitle)
    if not chart.categories:
        return _empty(surface, chart.empty)
    series = chart.series[0]
    plot = pygame.Rect(130, 130, SIZE[0] - 180, SIZE[1] - 270 - _notes_height(chart))
    marks = ticks(chart)
    top = marks[-1] or 1
    _value_axis(surface, plot, marks, chart.percent, vertical=True)
    n = len(chart.categories)
    slot = plot.w / n
    bar_w = max(1, min(90, int(slot * 0.7)))
    label_font = fonts()(18)
    show_values = all(label_font.size(t)[0] <= slot * 1.1 for t in series.labels)
    widest = max(label_font.size(c)[0] for c in chart.categories) + 12
    every = max(1, math.ceil(widest / slot))     # every k-th category label, so labels never overlap
    for i, (category, value, label) in enumerate(zip(chart.categories, series.values, series.labels)):
        x = plot.x + slot * i + (slot - bar_w) / 2
        h = round(plot.h * min(value or 0, top) / top)
        bar = pygame.Rect(round(x), plot.bottom - h, bar_w, h)
        pygame.draw.rect(surface, series.colour, bar)
        if show_values and label:
            _text(surface, label, 18, INK, midbottom=(bar.centerx, bar.top - 4))
        if i % every == 0:
            _text(surface, category, 18, INK, midtop=(bar.centerx, plot.bottom + 10))
    pygame.draw.line(surface, INK, plot.bottomleft, plot.bottomright, 2)
    _axis_titles(surface, plot, chart.x_label, chart.y_label)
    return surface


def bar_chart(chart: Chart) -> pygame.Surface:
    series = chart.series
    legend_h = 44 if len(series) > 1 else 0
    row_needed = max(60, 26 * len(series) + 20)       # tall enough for every bar's value label
    notes_h = _notes_height(chart)
    height = max(SIZE[1], 230 + legend_h + notes_h + row_needed * len(chart.categories))
    surface = _frame(chart.title, chart.subtitle, height)
    if not chart.categories:
        return _empty(surface, chart.empty)
    plot = pygame.Rect(260, 130 + legend_h, SIZE[0] - 260 - 190, height - 230 - legend_h - notes_h)
    marks = ticks(chart)
    top = marks[-1] or 1
    _value_axis(surface, plot, marks, chart.percent, vertical=False)
    if len(series) > 1:
        _legend(surface, series, plot.y - legend_h + 6)
    row_h = plot.h / len(chart.categories)
    bar_h = max(2, min(40, int(row_h * 0.8 / len(series))))
    value_px = 16 if bar_h < 22 else 18
    for i, category in enumerate(chart.categories):
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
    _axis_titles(surface, plot, chart.x_label, chart.y_label)
    return surface


def _value_axis(surface, plot: pygame.Rect, marks: list[float], percent: bool, *, vertical: bool) -> None:
    top = marks[-1] or 1
    for value in marks:
        text = tick_text(value, percent)
        if vertical:
            y = round(plot.bottom - plot.h * value / top)
            pygame.draw.line(surface, GRID, (plot.x, y), (plot.right, y), 1)
            _text(surface, text, 18, MUTED, midright=(plot.x - 10, y))
        else:
            x = round(plot.x + plot.w * value / top)
            pygame.draw.line(surface, GRID, (x, plot.y), (x, plot.bottom), 1)
            _text(surface, text, 18, MUTED, midtop=(x, plot.bottom + 8))


def _axis_titles(surface, plot: pygame.Rect, x_label: str, y_label: str) -> None:
    if x_label:
        _text(surface, x_label, 22, INK, midtop=(plot.centerx, plot.bottom + 52))
    if y_label:
        image = pygame.transform.rotate(fonts()(22).render(y_label, True, INK), 90)
        surface.blit(image, image.get_rect(midleft=(24, plot.centery)))


def _legend(surface, series, y: int) -> None:
    font = fonts()(20)
    widths = [28 + font.size(s.name)[0] + 30 for s in series]
    x = (surface.get_width() - sum(widths)) // 2
    for s, w in zip(series, widths):
        pygame.draw.rect(surface, s.colour, (x, y + 6, 20, 20))
        _text(surface, s.name, 20, INK, midleft=(x + 28, y + 16))
        x += w


def save(surface: pygame.Surface, path: Path) -> None:
    pygame.image.save(surface, str(path))
