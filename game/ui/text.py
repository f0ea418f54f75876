"""The text service: every piece of text on screen — the screens' widgets and the phone — is
broken, fitted and rendered here, through one cache.

* ``break_lines(text, measure, max_width)`` - the game's one line breaker (pure, ``game.text``):
  between words, with kinsoku, balanced lines; ``wrap_text`` measures with a pygame Font.
* ``fit_text(...)`` - the one fitting routine: the largest size whose wrapped text fits a box
  (whole words first: a smaller size is better than breaking "APP" into "AP / P").
* ``TextService`` - owned by the App (one per window): fonts, and one cache of broken lines, fits
  and rendered text in two generations (this screen's and the last one's), bounded in entries
  and pixels, so a kiosk running for weeks holds a few screens of text, never every text it showed.

Line spacing is a share of the font's own line height: ``LINE_SPACING`` (lines 1.25 em apart) for
the screens' paragraphs; the phone asks for its spacing in ems (``ems_to_spacing``).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import pygame

from game.text.linebreak import NO_END, NO_START, break_lines, is_cjk
from game.ui.fonts import FontBook

__all__ = ["LINE_SPACING", "NO_END", "NO_START", "FitResult", "TextService", "block_height", "break_lines", "ems_to_spacing",
           "fit_text", "is_cjk", "line_step", "splits_word", "wrap_text"]

log = logging.getLogger(__name__)

# Lines 1.25 em apart: the font's own line height (~1.45 em) wastes room in small boxes.
LINE_SPACING = 0.86


# --------------------------------------------------------------------------
# Measuring

def wrap_text(text: str, font: pygame.font.Font, max_width: float | None) -> list[str]:
    """``break_lines`` measured with a pygame Font."""
    return break_lines(text, lambda s: font.size(s)[0], max_width)


def line_step(font: pygame.font.Font, line_spacing: float) -> int:
    """Vertical distance between the tops of consecutive lines."""
    return max(1, round(font.get_linesize() * line_spacing))


def ems_to_spacing(font: pygame.font.Font, ems: float) -> float:
    """The ``line_spacing`` that puts lines ``ems`` font sizes apart in ``font``."""
    return ems * font.point_size / max(1, font.get_linesize())


def block_height(font: pygame.font.Font, n_lines: int, line_spacing: float) -> int:
    """Pixel height of ``n_lines`` lines (an empty block is one line high)."""
    return line_step(font, line_spacing) * (max(n_lines, 1) - 1) + font.get_height()


def splits_word(lines: list[str], text: str | None = None) -> bool:
    """Whether a line break falls inside a Latin word ("AP / P"). With ``text`` (the unwrapped text) a
    break at a space between two words ("Screen / sharing") is not counted: the space was there."""
    def latin(ch: str) -> bool:
        return ch.isascii() and ch.isalnum()
    pos = 0
    for a, b in zip(lines, lines[1:]):
        end = -1
        if text is not None:
            start = text.find(a, pos)
            end = start + len(a) if start >= 0 else -1
        if end >= 0:
            after = end
            while after < len(text) and text[after].isspace():
                after += 1
            pos = after
            if after > end:
                continue          # the break is at a space
        if a and b and latin(a[-1]) and latin(b[0]):
            return True
    return False


# --------------------------------------------------------------------------
# Fitting

@dataclass(frozen=True)
class FitResult:
    """Unpacks as ``lines, size = fit_text(...)``; ``fits`` is False when even
    ``min_size`` overflows the box."""
    lines: list[str]
    size: int
    fits: bool = True

    def __iter__(self):
        return iter((self.lines, self.size))


MAX_LINE_EMS = 38   # a line of prose at most this many character widths: longer ones are hard to follow


def fit_text(text: str, box_w: int, box_h: int, max_size: int, min_size: int, *,
             bold: bool = False, line_spacing: float = 1.0, fonts: FontBook,
             max_lines: int | None = None, wrap=None, warn: bool = True) -> FitResult:
    """The largest size in [min_size, max_size] whose wrapped text fits ``box_w`` x ``box_h``
    (in at most ``max_lines`` lines), preferring whole words: if some size fits without breaking a
    Latin word, the largest such size wins over a larger one that breaks one.

    If even ``min_size`` does not fit, that size is returned with ``fits=False`` (and a warning logged,
    unless ``warn`` is False: the phone cuts such text with "…" and records it).
    ``wrap(text, size, width, bold)`` breaks lines (``TextService.wrap`` passes its cached one).
    """
    min_size = min(min_size, max_size)

    capped = [True]   # lines one can follow first; the whole width only when nothing fits that way

    def lines_at(size: int) -> tuple[str, ...]:
        width = min(box_w, MAX_LINE_EMS * size) if capped[0] else box_w
        if wrap is not None:
            return tuple(wrap(text, size, width, bold))
        return tuple(wrap_text(text, fonts.get(size, bold), width))

    def fits_at(size: int) -> tuple[tuple[str, ...], bool]:
        font = fonts.get(size, bold)
        lines = lines_at(size)
        ok = (block_height(font, len(lines), line_spacing) <= box_h
              and (max_lines is None or len(lines) <= max_lines)
              and all(font.size(line)[0] <= box_w for line in lines))
        return lines, ok

    def largest(lo: int, hi: int) -> tuple[tuple[str, ...], int] | None:
        # Most texts fit at their largest size: one font to load instead of a search's five or six.
        lines, ok = fits_at(hi)
        if ok:
            return lines, hi
        best = None
        hi -= 1
        while lo <= hi:            # fitting is monotone in size, up to rounding
            mid = (lo + hi) // 2
            lines, ok = fits_at(mid)
            if ok:
                best, lo = (lines, mid), mid + 1
            else:
                hi = mid - 1
        return best

    found = largest(min_size, max_size)
    if found is None and box_w > MAX_LINE_EMS * min_size:
        capped[0] = False   # a long unbroken run (a file path) or a low box: use the whole width
        found = largest(min_size, max_size)
    if found is None:
        if warn:
            log.warning("text does not fit %dx%d even at size %d: %r", box_w, box_h, min_size, text[:40])
        return FitResult(list(lines_at(min_size)), min_size, False)
    lines, size = found
    while size > min_size and splits_word(list(lines), text):
        smaller = largest(min_size, size - 1)
        if smaller is None:
            break
        lines, size = smaller
        if not splits_word(list(lines), text):
            break
    if splits_word(list(lines), text) and found[1] != size:
        lines, size = found        # no size keeps the word whole: the largest that fits
    return FitResult(list(lines), size, True)


# --------------------------------------------------------------------------
# The service

_ALIGNS = ("left", "center", "right")


class TextService:
    """Fonts, broken lines, fits and rendered text, in one cache of two generations.

    Call ``new_generation()`` when a new screen shows: entries not used since the previous call are
    dropped then. ``max_entries`` / ``max_pixels`` are hard caps on top (least recently used first,
    the previous generation before the current one). Returned Surfaces are shared: blit them,
    never draw on them.
    """

    def __init__(self, fonts: FontBook | None = None, *, max_entries: int = 3000,
                 max_pixels: int = 3_000_000) -> None:
        self.fonts = fonts or FontBook()
        self.max_entries = max_entries
        self.max_pixels = max_pixels      # rendered text, both generations (4 bytes a pixel)
        self._current: dict[tuple, object] = {}    # insertion order = LRU order
        self._previous: dict[tuple, object] = {}
        self.pixels = 0
        self.renders = 0   # statistics, handy in tests and benchmarks
        self.hits = 0

    def __len__(self) -> int:
        return len(self._current) + len(self._previous)

    # ---------------------------------------------------------------- the cache
    def _get(self, key: tuple):
        value = self._current.pop(key, None)
        if value is None:
            value = self._previous.pop(key, None)
        if value is not None:
            self.hits += 1
            self._current[key] = value          # most recently used
        return value

    def _put(self, key: tuple, value):
        self._current[key] = value
        self.pixels += _pixels(value)
        self._enforce_caps()
        return value

    def new_generation(self) -> None:
        """A new screen: what neither this nor the last screen used may go."""
        for value in self._previous.values():
            self.pixels -= _pixels(value)
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
            self.pixels -= _pixels(gen.pop(key))

    # ---------------------------------------------------------------- measuring and fitting
    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        return self.fonts.get(size, bold)

    def wrap(self, text: str, size: int, width: int | None, bold: bool = False) -> tuple[str, ...]:
        """``text`` broken into lines at ``width`` in ``size`` (cached: screens lay out the same
        texts every frame, at every size they try while fitting them)."""
        key = ("wrap", text, int(size), width, bold, self.fonts.locale)
        lines = self._get(key)
        if lines is None:
            lines = self._put(key, tuple(wrap_text(text, self.fonts.get(size, bold), width)) or ("",))
        return lines

    def fit(self, text: str, box_w: int, box_h: int, max_size: int, min_size: int, *, bold: bool = False,
            line_spacing: float = 1.0, max_lines: int | None = None, warn: bool = True) -> FitResult:
        """``fit_text`` through the cache."""
        key = ("fit", text, box_w, box_h, max_size, min_size, bold, line_spacing, max_lines, self.fonts.locale)
        fit = self._get(key)
        if fit is None:
            fit = self._put(key, fit_text(text, box_w, box_h, max_size, min_size, bold=bold, fonts=self.fonts,
                                          line_spacing=line_spacing, max_lines=max_lines, wrap=self.wrap,
                                          warn=warn))
        return fit

    def height(self, text: str, width: int, size: int, bold: bool = False,
               line_spacing: float = LINE_SPACING) -> int:
        """Height ``text`` wrapped at ``width`` takes at ``size`` (for reserving room)."""
        if not text or width <= 0:
            return 0
        width = min(width, MAX_LINE_EMS * size)   # as fit_text wraps it
        return block_height(self.fonts.get(size, bold), len(self.wrap(text, size, width, bold)), line_spacing)

    # ---------------------------------------------------------------- rendering
    def render(self, text: str, size: int, *, bold: bool = False, colour=(255, 255, 255),
               max_width: int | None = None, align: str = "left",
               line_spacing: float = 1.0) -> pygame.Surface:
        """Surface with ``text`` wrapped to ``max_width`` (None: only at "\\n"), as wide as its
        widest line; ``align`` places the lines relative to each other."""
        align = "center" if align == "centre" else align
        if align not in _ALIGNS:
            raise ValueError(f"align must be one of {_ALIGNS}, not {align!r}")
        colour = tuple(pygame.Color(colour))
        key = ("render", text, int(size), bool(bold), colour, max_width, align, float(line_spacing),
               self.fonts.locale)
        surf = self._get(key)
        if surf is None:
            lines = self.wrap(text, size, max_width, bold)
            surf = self._put(key, self._render(lines, self.fonts.get(size, bold), colour, align, line_spacing))
            self.renders += 1
        return surf

    def line(self, text: str, size: int, colour, bold: bool = False) -> pygame.Surface:
        """One line of text, as it is (no wrapping)."""
        return self.render(text, size, bold=bold, colour=colour, max_width=None)

    def block(self, text: str, box: tuple[int, int], max_px: int, min_px: int, colour, bold: bool = False,
              align: str = "center", line_spacing: float = LINE_SPACING,
              max_lines: int | None = None) -> tuple[pygame.Surface, bool]:
        """``text`` fitted to ``box`` (wrapped in at most ``max_lines`` lines, shrunk down to ``min_px``) and
        rendered: (surface, fits). The surface is never larger than ``box``: text that overflows even at
        ``min_px`` is cut."""
        w, h = box
        fit = self.fit(text, w, h, max_px, min_px, bold=bold, line_spacing=line_spacing, max_lines=max_lines)
        surf = self.render(text, fit.size, bold=bold, colour=colour, max_width=w, align=align,
                           line_spacing=line_spacing)
        if surf.get_width() > w or surf.get_height() > h:   # only when even the minimum size overflows
            surf = surf.subsurface(pygame.Rect(0, 0, min(w, surf.get_width()), min(h, surf.get_height())))
        return surf, fit.fits

    @staticmethod
    def _render(lines: tuple[str, ...], font: pygame.font.Font, colour: tuple, align: str,
                line_spacing: float) -> pygame.Surface:
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


def _pixels(value) -> int:
    return value.get_width() * value.get_height() if isinstance(value, pygame.Surface) else 0
