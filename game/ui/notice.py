"""The screens shown when the game itself cannot go on: "cannot start" and "out of order".

They need nothing the game's own screens need — no content, no catalogs, not even the
bundled font (its absence may be the very problem) — and they cost no CPU: the loop blocks
in ``pygame.event.wait`` until something happens. Text is in Chinese and English, so that
whoever reads it can act; the font is the bundled one, else a CJK font of the system, else
pygame's own (English lines only).
"""

from __future__ import annotations

import logging

import pygame

from ..stopping import StopRequest
from .framebuffer import use_plain_framebuffer
from .fonts import bundled_font_path
from .text import break_lines

log = logging.getLogger("game.operator")

WAIT_MS = 250            # one pass of the notice loop (counted against --frames)
SYSTEM_CJK_FONTS = "notosanscjksc,notosanscjk,notosanssc,sourcehansanssc,wenquanyimicrohei,microsoftyahei,simhei"
BACKGROUND = (38, 30, 28)
TITLE = (255, 214, 120)
TEXT = (245, 238, 228)


def show_notice(title: list[str], lines: list[str], stop: StopRequest, *, closable: bool,
                max_passes: int | None = None, size: tuple[int, int] = (1280, 720),
                fullscreen: bool = False, display: int = 0) -> str:
    """Show the notice until it is closed (if ``closable``), a stop is requested or ``max_passes``
    waits have passed. Returns what ended it: "closed", the stop reason, or "frames"."""
    try:
        if not pygame.display.get_init():
            pygame.display.init()
        if pygame.display.get_surface() is None:
            use_plain_framebuffer()   # a still notice: no renderer, no GL libraries
            flags = pygame.FULLSCREEN if fullscreen else pygame.RESIZABLE
            display = display if display < pygame.display.get_num_displays() else 0
            pygame.display.set_mode((0, 0) if fullscreen else size, flags, display=display)
        pygame.display.set_caption("反诈飞行棋")
        pygame.font.init()
    except pygame.error as exc:   # no display at all: stderr has the message already
        log.warning("no screen for the notice: %s", exc)
        return "no screen"
    fonts = _fonts()
    passes = 0
    dirty = True
    while True:
        if dirty:
            _draw(pygame.display.get_surface(), fonts, title, lines)
            pygame.display.flip()
            dirty = False
        event = pygame.event.wait(WAIT_MS)
        passes += 1
        if stop.requested:
            return stop.reason
        if max_passes is not None and passes >= max_passes:
            return "frames"
        if event.type in (pygame.WINDOWEXPOSED, pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            dirty = True
        elif closable and (event.type == pygame.QUIT or
                           (event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_RETURN))):
            return "closed"


def _fonts() -> dict[str, pygame.font.Font | str]:
    path = bundled_font_path()
    if not path.is_file():
        path = pygame.font.match_font(SYSTEM_CJK_FONTS)
    return {"path": str(path) if path else "", "cjk": bool(path)}


def _font(fonts: dict, px: int) -> pygame.font.Font:
    try:
        return pygame.font.Font(fonts["path"] or None, px)
    except (OSError, pygame.error):
        return pygame.font.Font(None, px)


def _draw(surface: pygame.Surface, fonts: dict, title: list[str], lines: list[str]) -> None:
    w, h = surface.get_size()
    surface.fill(BACKGROUND)
    if not fonts["cjk"]:   # pygame's own font has no Chinese: show the English lines only
        title = [t for t in title if t.isascii()] or title
        lines = [t for t in lines if t.isascii()] or lines
    margin = max(24, w // 16)
    width = min(w - 2 * margin, 60 * max(12, h // 30))
    x = (w - width) // 2
    y = max(24, h // 8)
    for text, px, colour in [(t, max(28, h // 12), TITLE) for t in title] + [(t, max(22, h // 24), TEXT) for t in lines]:
        font = _font(fonts, px)
        for line in break_lines(text, lambda s: font.size(s)[0], width):
            surface.blit(font.render(line, True, colour), (x, y))
            y += font.get_linesize()
        y += px // 2
