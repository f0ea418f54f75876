"""Line breaking for Chinese / mixed text, cached text surfaces, fit-to-box.

* ``break_lines(text, measure, max_width)`` - pure line breaking (no pygame; game.text.linebreak):
  between words, with kinsoku, balanced lines.
* ``TextCache`` - renders multi-line text to Surfaces, cached across frames.
* ``fit_text(...)`` - largest font size whose wrapped text fits a box.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

import pygame

from game.text.linebreak import NO_END, NO_START, break_lines, is_cjk
from game.ui.fonts import FontBook, default_fontbook

__all__ = ["NO_END", "NO_START", "FitResult", "TextCache", "block_height", "break_lines", "fit_text",
           "is_cjk", "line_step", "wrap_text"]

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------
# Line breaking: the one breaker of the game, pure Python in game.text.linebreak (kept importable
# from here: screens and tests use game.ui.text.break_lines).

def wrap_text(text: str, font: pygame.font.Font, max_width: float | None) -> list[str]:
    """``break_lines`` measured with a pygame Font."""
    return break_lines(text, lambda s: font.size(s)[0], max_width)


# --------------------------------------------------------------------------
# Block metrics shared by rendering and fit_text

def line_step(font: pygame.font.Font, line_spacing: float) -> int:
    """Vertical distance between the tops of consecutive lines."""
    return max(1, round(font.get_linesize() * line_spacing))


def block_height(font: pygame.font.Font, n_lines: int, line_spacing: float) -> int:
    """Pixel height of ``n_lines`` lines (an empty block is one line high)."""
    return line_step(font, line_spacing) * (max(n_lines, 1) - 1) + font.get_height()


# --------------------------------------------------------------------------
# Cached rendering

_ALIGNS = ("left", "center", "right")


class TextCache:
    """Renders text to transparent, anti-aliased Surfaces and caches them.

    Entries live in two generations.  Call ``new_generation()`` once per
    frame (or per group of frames): entries not used since the previous
    call are dropped.  ``max_entries`` / ``max_pixels`` are hard caps; the
    least recently used entries (previous generation first) go first.

    Returned Surfaces are shared: blit them, never draw on them.
    """

    def __init__(self, fonts: FontBook | None = None, *,
                 max_entries: int = 512, max_pixels: int = 8_000_000) -> None:
        self.fonts = fonts or default_fontbook()
        self.max_entries = max_entries
        self.max_pixels = max_pixels
        self._current: dict[tuple, pygame.Surface] = {}   # insertion order = LRU order
        self._previous: dict[tuple, pygame.Surface] = {}
        self.pixels = 0
        self.renders = 0   # statistics, handy in tests and benchmarks
        self.hits = 0

    def __len__(self) -> int:
        return len(self._current) + len(self._previous)

    def render(self, text: str, size: int, *, bold: bool = False,
               colour=(255, 255, 255), max_width: int | None = None,
               align: str = "left", line_spacing: float = 1.0) -> pygame.Surface:
        """Surface with ``text`` wrapped to ``max_width`` (None: only at "\\n").

        The Surface is as wide as the widest line; ``align`` places the lines
        relative to each other ("left", "center"/"centre", "right").
        """

        align = "center" if align == "centre" else align
        if align not in _ALIGNS:
            raise ValueError(f"align must be one of {_ALIGNS}, not {align!r}")
        colour = tuple(pygame.Color(colour))
        key = (text, int(size), bool(bold), colour, max_width, align, float(line_spacing),
               str(self.fonts.path(bold)))
        surf = self._current.pop(key, None)
        if surf is None:
            surf = self._previous.pop(key, None)
        if surf is not None:
            self.hits += 1
            self._current[key] = surf                      # most recently used
            return surf

        surf = self._render(text, self.fonts.get(size, bold), colour, max_width, align, line_spacing)
        self.renders += 1
        self._current[key] = surf
        self.pixels += surf.get_width() * surf.get_height()
        self._enforce_caps()
        return surf

    def new_generation(self) -> None:
        """Start a new frame group; drop entries unused during the last two groups."""
        for surf in self._previous.values():
            self.pixels -= surf.get_width() * surf.get_height()
        self._previous = self._current
        self._current = {}

    def clear(self) -> None:
        self._current.clear()
        self._previous.clear()
        self.pixels = 0

    def _enforce_caps(self) -> None:
        # Oldest first: previous generation, then current (never the entry just added).
        while len(self) > 1 and (len(self) > self.max_entries or self.pixels > self.max_pixels):
            gen = self._previous if self._previous else self._current
            key = next(iter(gen))
            surf = gen.pop(key)
            self.pixels -= surf.get_width() * surf.get_height()

    @staticmethod
    def _render(text: str, font: pygame.font.Font, colour: tuple, max_width: int | None,
                align: str, line_spacing: float) -> pygame.Surface:

        lines = wrap_text(text, font, max_width)
        rendered = [font.render(line, True, colour) if line else None for line in lines]
        width = max((r.get_width() for r in rendered if r is not None), default=0)
        surf = pygame.Surface((width, block_height(font, len(lines), line_spacing)), pygame.SRCALPHA)
        # Transparent pixels carry the text colour so blended edges don't go dark.
        surf.fill((*colour[:3], 0))
        step = line_step(font, line_spacing)
        for i, r in enumerate(rendered):
            if r is None:
                continue
            x = {"left": 0, "center": (width - r.get_width()) // 2, "right": width - r.get_width()}[align]
            surf.blit(r, (x, i * step))
        return surf


# --------------------------------------------------------------------------
# Fit to box

@dataclass(frozen=True)
class FitResult:
    """Unpacks as ``lines, size = fit_text(...)``; ``fits`` is False when even
    ``min_size`` overflows the box."""
    lines: list[str]
    size: int
    fits: bool = True

    def __iter__(self):
        return iter((self.lines, self.size))


def fit_text(text: str, box_w: int, box_h: int, max_size: int, min_size: int, *,
             bold: bool = False, line_spacing: float = 1.0,
             fonts: FontBook | None = None) -> FitResult:
    """Largest size in [min_size, max_size] whose wrapped text fits box_w x box_h.

    Returns a FitResult (unpacks as ``lines, size``); render with
    ``TextCache.render(text, size, max_width=box_w, ...)`` to get exactly
    these lines.  If even ``min_size`` does not fit, that size is returned
    with ``fits=False`` and a warning is logged.
    Results are cached (per font files), so calling it every frame is cheap.
    """
    fonts = fonts or default_fontbook()
    lines, size, fits = _fit_cached(text, box_w, box_h, max_size, min_size, bold, float(line_spacing),
                                    str(fonts.path(bold)), fonts)
    return FitResult(list(lines), size, fits)


@lru_cache(maxsize=1024)
def _fit_cached(text, box_w, box_h, max_size, min_size, bold, line_spacing, _path, fonts):
    def layout(size: int) -> tuple[list[str], bool]:
        font = fonts.get(size, bold)
        lines = wrap_text(text, font, box_w)
        ok = (block_height(font, len(lines), line_spacing) <= box_h
              and all(font.size(line)[0] <= box_w for line in lines))
        return lines, ok

    # Most texts fit at their largest size: one font to load instead of a search's five or six.
    lines, ok = layout(max_size)
    if ok:
        return tuple(lines), max_size, True
    # Binary search over sizes (fit is monotone in size, up to rounding).
    lo, hi = min_size, max_size - 1
    best = None
    while lo <= hi:
        mid = (lo + hi) // 2
        lines, ok = layout(mid)
        if ok:
            best, lo = (tuple(lines), mid, True), mid + 1
        else:
            hi = mid - 1
    if best is None:
        log.warning("text does not fit %dx%d even at size %d: %r", box_w, box_h, min_size, text[:40])
        best = (tuple(layout(min_size)[0]), min_size, False)
    return best
