"""Text into boxes for the phone screens and the scenario/quiz/results scenes.

One entry point, ``Ink.text(surface, text, box, px, colour, …)``: wraps (the game's one
line breaker, ``game.ui.text.break_lines``: between words, kinsoku, balanced lines),
shrinks to fit the box, and records what it drew so layout tests can check that no
text leaves its box. Fonts come from the App (``app.fonts``); when that is missing
(tests of pure drawing), a small fallback with the bundled font is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pygame

from ..fonts import default_fontbook
from ..text import break_lines

RGB = tuple[int, int, int]

_FONT_DIR = Path(__file__).resolve().parents[3] / "assets" / "fonts"


@dataclass
class TextRecord:
    text: str
    box: pygame.Rect      # where the text was allowed to go
    drawn: pygame.Rect    # where it went
    px: int
    truncated: bool       # True when it could not fit even at the smallest size (lines cut, "…")

    @property
    def overflow(self) -> bool:
        """Drawn outside its box, or cut short."""
        return self.truncated or not self.box.inflate(2, 2).contains(self.drawn)


class _FallbackFonts:
    def __init__(self):
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}

    def get(self, px: int, bold: bool) -> pygame.font.Font:
        try:  # the game's shared FontBook (game.ui.fonts) when it is there
            return default_fontbook().get(px, bold)
        except ImportError:
            pass
        key = (px, bold)
        if key not in self._fonts:
            if not pygame.font.get_init():
                pygame.font.init()
            path = _FONT_DIR / ("NotoSansSC-Bold.otf" if bold else "NotoSansSC-Regular.otf")
            self._fonts[key] = pygame.font.Font(str(path) if path.exists() else None, px)
        return self._fonts[key]


_FALLBACK = _FallbackFonts()

CACHE_PIXELS = 3_000_000   # per generation: about 12 MB of text pictures at most, twice


class Ink:
    """Measures, wraps, fits and draws text; one per App (``Ink.of(app)``)."""

    def __init__(self, app=None):
        self.app = app
        self.records: list[TextRecord] = []
        self._surfaces: dict[tuple, pygame.Surface] = {}
        self._old: dict[tuple, pygame.Surface] = {}
        self._pixels = 0
        self._lines: dict[tuple, tuple[str, ...]] = {}
        self._old_lines: dict[tuple, tuple[str, ...]] = {}

    @classmethod
    def of(cls, app) -> "Ink":
        ink = getattr(app, "_phone_ink", None)
        if ink is None:
            ink = cls(app)
            try:
                setattr(app, "_phone_ink", ink)
            except AttributeError:  # pragma: no cover - an App with __slots__
                pass
        return ink

    # ---------------------------------------------------------------- fonts
    def font(self, px: int, bold: bool = False) -> pygame.font.Font:
        fonts = getattr(self.app, "fonts", None)
        if fonts is not None and hasattr(fonts, "get"):
            try:
                return fonts.get(px, bold=bold)
            except TypeError:
                pass
        return _FALLBACK.get(max(4, int(px)), bold)

    def width(self, text: str, px: int, bold: bool = False) -> int:
        return self.font(px, bold).size(text)[0]

    def line_height(self, px: int, bold: bool = False, gap: float = 1.25) -> int:
        return int(round(px * gap))

    def render(self, text: str, px: int, colour: RGB, bold: bool = False) -> pygame.Surface:
        """One line of text, cached (two generations, so memory stays bounded)."""
        key = (text, int(px), tuple(colour), bold)
        surf = self._surfaces.get(key)
        if surf is None:
            surf = self._old.get(key) or self.font(px, bold).render(text, True, colour)
            self._pixels += surf.get_width() * surf.get_height()
            if len(self._surfaces) > 2000 or self._pixels > CACHE_PIXELS:
                # Two generations: what this and the last generation used survives, the rest goes.
                self._old, self._surfaces, self._pixels = self._surfaces, {}, 0
            self._surfaces[key] = surf
        return surf

    def new_generation(self) -> None:
        """A new screen: text the last two screens did not use may go."""
        self._old, self._surfaces, self._pixels = self._surfaces, {}, 0
        self._old_lines, self._lines = self._lines, {}

    # ---------------------------------------------------------------- layout
    def wrap(self, text: str, px: int, width: int, bold: bool = False) -> list[str]:
        """``text`` broken into lines (the game's one line breaker); cached like ``render``: the phone
        lays out the same texts every frame, at every size it tries while fitting them."""
        key = (text, int(px), max(1, width), bold)
        lines = self._lines.get(key)
        if lines is None:
            lines = self._old_lines.get(key)
            if lines is None:
                font = self.font(px, bold)
                lines = tuple(break_lines(text, lambda s: font.size(s)[0], max(1, width)) or [""])
            if len(self._lines) > 2000:
                self._old_lines, self._lines = self._lines, {}
            self._lines[key] = lines
        return list(lines)

    def measure(self, text: str, px: int, width: int, bold: bool = False, gap: float = 1.25) -> tuple[int, int]:
        """(width, height) of ``text`` wrapped at ``width``."""
        lines = self.wrap(text, px, width, bold)
        w = max((self.width(s, px, bold) for s in lines), default=0)
        return w, self._block_height(len(lines), px, bold, gap)

    def _block_height(self, n: int, px: int, bold: bool, gap: float) -> int:
        if n <= 0:
            return 0
        return self.line_height(px, bold, gap) * (n - 1) + self.font(px, bold).get_height()

    def fit_px(self, text: str, box_size: tuple[int, int], px: int, min_px: int | None = None,
               bold: bool = False, gap: float = 1.25, max_lines: int | None = None) -> int:
        """The largest size ≤ ``px`` (≥ ``min_px``) at which ``text`` fits ``box_size``."""
        lo = max(6, int(min_px if min_px is not None else px * 0.6))
        size = int(px)
        while size > lo:
            lines = self.wrap(text, size, box_size[0], bold)
            if self._block_height(len(lines), size, bold, gap) <= box_size[1] and \
                    (max_lines is None or len(lines) <= max_lines) and \
                    all(self.width(s, size, bold) <= box_size[0] for s in lines):
                return size
            size = max(lo, int(size * 0.92) if size > 20 else size - 1)
        return lo

    # ---------------------------------------------------------------- drawing
    def text(self, surface: pygame.Surface, text: str, box, px: int, colour: RGB, *,
             bold: bool = False, align: str = "left", valign: str = "top", min_px: int | None = None,
             gap: float = 1.25, max_lines: int | None = None, underline: bool = False) -> pygame.Rect:
        """Draw ``text`` inside ``box`` (wrapped, shrunk to fit); returns the drawn bounds."""
        box = pygame.Rect(box)
        size = self.fit_px(text, box.size, px, min_px, bold, gap, max_lines)
        lines = self.wrap(text, size, box.w, bold)
        truncated = False
        lh = self.line_height(size, bold, gap)
        fh = self.font(size, bold).get_height()
        room = 1 if box.h < fh else 1 + max(0, (box.h - fh) // max(1, lh))
        if max_lines is not None:
            room = min(room, max_lines)
        if len(lines) > room:
            truncated = True
            lines = lines[:room]
            last = lines[-1]
            while last and self.width(last + "…", size, bold) > box.w:
                last = last[:-1]
            lines[-1] = last + "…"
        total = self._block_height(len(lines), size, bold, gap)
        y = box.y
        if valign == "middle":
            y = box.y + (box.h - total) // 2
        elif valign == "bottom":
            y = box.bottom - total
        drawn = pygame.Rect(box.x, y, 0, 0)
        first = True
        for s in lines:
            surf = self.render(s, size, colour, bold)
            w = surf.get_width()
            x = box.x if align == "left" else box.right - w if align == "right" else box.x + (box.w - w) // 2
            surface.blit(surf, (x, y))
            r = pygame.Rect(x, y, w, fh)
            if underline:
                t = max(1, size // 14)
                pygame.draw.rect(surface, colour, (x, y + int(fh * 0.9), w, t))
            drawn = r if first else drawn.union(r)
            first = False
            y += lh
        self.records.append(TextRecord(text, box.copy(), drawn, size, truncated))
        return drawn

    def begin_frame(self) -> None:
        self.records.clear()
