"""Text into boxes for the phone screens and the scenario/quiz/results scenes.

One entry point, ``Ink.text(surface, text, box, px, colour, …)``: the App's text service
(``game.ui.text.TextService``: the game's one line breaker, one fitting routine, one cache)
breaks and fits the text; Ink draws it line by line, cuts it with "…" when even the smallest
size overflows, and records what it drew so layout tests can check that no text leaves its box.
Line spacing here is in ems (``gap``: 1.25 font sizes from one line's top to the next).
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ..text import TextService, block_height, ems_to_spacing, line_step

RGB = tuple[int, int, int]


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


class Ink:
    """Fits and draws text with a ``TextService``; one per App (``app.ink``), records per frame."""

    def __init__(self, text: TextService | None = None):
        self.service = text or TextService()
        self.records: list[TextRecord] = []

    # ---------------------------------------------------------------- measuring
    def font(self, px: int, bold: bool = False) -> pygame.font.Font:
        return self.service.font(max(4, int(px)), bold)

    def width(self, text: str, px: int, bold: bool = False) -> int:
        return self.font(px, bold).size(text)[0]

    def _spacing(self, px: int, bold: bool, gap: float) -> float:
        return ems_to_spacing(self.font(px, bold), gap)

    def line_height(self, px: int, bold: bool = False, gap: float = 1.25) -> int:
        return line_step(self.font(px, bold), self._spacing(px, bold, gap))

    def render(self, text: str, px: int, colour: RGB, bold: bool = False) -> pygame.Surface:
        """One line of text (cached by the service)."""
        return self.service.line(text, max(4, int(px)), colour, bold)

    def wrap(self, text: str, px: int, width: int, bold: bool = False) -> list[str]:
        """``text`` broken into lines (the game's one line breaker, cached by the service)."""
        return list(self.service.wrap(text, max(4, int(px)), max(1, width), bold))

    def measure(self, text: str, px: int, width: int, bold: bool = False, gap: float = 1.25) -> tuple[int, int]:
        """(width, height) of ``text`` wrapped at ``width``."""
        lines = self.wrap(text, px, width, bold)
        w = max((self.width(s, px, bold) for s in lines), default=0)
        return w, self._block_height(len(lines), px, bold, gap)

    def _block_height(self, n: int, px: int, bold: bool, gap: float) -> int:
        if n <= 0:
            return 0
        return block_height(self.font(px, bold), n, self._spacing(px, bold, gap))

    def fit_px(self, text: str, box_size: tuple[int, int], px: int, min_px: int | None = None,
               bold: bool = False, gap: float = 1.25, max_lines: int | None = None) -> int:
        """The largest size ≤ ``px`` (≥ ``min_px``, else 60 % of ``px``) at which ``text`` fits ``box_size``."""
        px = max(6, int(px))
        lo = min(px, max(6, int(min_px if min_px is not None else px * 0.6)))
        fit = self.service.fit(text, max(1, box_size[0]), box_size[1], px, lo, bold=bold,
                               line_spacing=self._spacing(px, bold, gap), max_lines=max_lines, warn=False)
        return fit.size

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
        total = lh * (len(lines) - 1) + fh if lines else 0
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
