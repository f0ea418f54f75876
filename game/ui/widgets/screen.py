"""Full-screen scenes of widgets on the warm backdrop."""

from __future__ import annotations

import pygame

from .. import layout

from ..input import Action, Intent
from ..scene import Scene
from .base import Widget
from .colours import mix
from .focus import WidgetScene


class Backdrop:
    """The warm background with a frame of board-coloured squares; the App keeps one
    (``app.backdrop``) with the last picture drawn, for screens that redraw it often."""

    def __init__(self):
        self._cached: tuple | None = None   # (size, theme, unit, the picture)

    def draw(self, surface: pygame.Surface, theme, unit: float, frame: bool = True, keep: bool = True) -> None:
        """Draw on ``surface``. Without the frame it is a plain fill. ``keep=False`` for a screen that keeps
        its own picture of what it draws (the title, the board): no second full-window copy is kept."""
        if not frame:
            surface.fill(theme.background)
            return
        key = (surface.get_size(), theme.name, unit)
        if self._cached is not None and self._cached[0] == key:
            surface.blit(self._cached[1], (0, 0))
            return
        target = pygame.Surface(surface.get_size()).convert() if keep else surface
        _paint_backdrop(target, theme, unit)
        if keep:
            self._cached = (key, target)
            surface.blit(target, (0, 0))

    def forget(self) -> None:
        self._cached = None


def _paint_backdrop(bg: pygame.Surface, t, u: float) -> None:
    bg.fill(t.background)
    w, h = bg.get_size()
    cell = 2.2 * u
    colours = [t.red, t.yellow, t.blue, t.green]
    fade = 0.45 if t.name != "high_contrast" else 0
    gap = max(1, round(0.35 * u))
    i = 0
    x = 0.0
    while x < w:
        for y in (0, h - cell):
            r = pygame.Rect(round(x), round(y), round(cell) - gap, round(cell))
            pygame.draw.rect(bg, mix(colours[i % 4], t.background, fade), r, border_radius=round(0.5 * u))
        x += cell
        i += 1
    y = cell
    i = 1
    while y < h - cell:
        for xx in (0, w - cell):
            r = pygame.Rect(round(xx), round(y), round(cell), round(cell) - gap)
            pygame.draw.rect(bg, mix(colours[i % 4], t.background, fade), r, border_radius=round(0.5 * u))
        y += cell
        i += 1


def draw_backdrop(app, surface: pygame.Surface, frame: bool = True, keep: bool = True) -> None:
    """The warm background (``Backdrop.draw`` with the app's theme and unit)."""
    app.backdrop.draw(surface, app.theme, app.unit, frame, keep)


def frame_inset(app) -> float:
    """Pixels taken by the backdrop's frame, plus a margin."""
    return 2.2 * app.unit + 2.5 * app.unit


CONTENT_MAX_UNITS = 180   # the widest a screen's content gets, in units (a 16:9 screen's is about 172)


class ScreenScene(WidgetScene, Scene):
    """A full-screen scene made of widgets on the warm backdrop. Subclasses fill ``self.items``
    in ``build()`` and place them in ``place(size)``."""

    framed = True

    def __init__(self, ctx):
        super().__init__(ctx)
        self.items: list[Widget] = []
        self.build()

    def build(self) -> None:
        pass

    def place(self, size: tuple[int, int]) -> None:
        pass

    def layout(self, size: tuple[int, int]) -> None:
        self.place(size)
        self.refresh_focus()
        self.dirty = True

    def rebuild(self) -> None:
        """Rebuild widgets (content or language changed) and lay them out again."""
        self.items = []
        self.build()
        self.layout(self.look.size)

    def on_locale_changed(self) -> None:
        self.dirty = True

    def handle(self, intent: Intent) -> bool:
        if self.handle_widgets(intent):
            return True
        if intent.action is Action.BACK:
            return self.back()
        return False

    back_leaves = False    # True: Back (Esc, the back gesture) returns to the screen before this one

    def back(self) -> bool:
        if self.back_leaves:
            self.nav.back()
        return self.back_leaves

    def draw(self, surface: pygame.Surface) -> None:
        draw_backdrop(self.look, surface, self.framed)
        self.draw_widgets(surface)

    def regions(self, size) -> tuple[float, pygame.Rect, bool, float]:
        """(unit, content area, portrait, gap): what a screen's layout starts from."""
        u = self.look.unit
        return u, self.content_rect(), layout.is_portrait(size), 2 * u

    def content_rect(self) -> pygame.Rect:
        """Inside the frame; on a very wide screen (3840×1080) a 16:9 stage in the middle, so that
        lines stay short enough to read and buttons stay the size of a hand."""
        m = round(frame_inset(self.look))
        w, h = self.look.size
        cw = min(w - 2 * m, round(CONTENT_MAX_UNITS * self.look.unit))
        return pygame.Rect((w - cw) // 2, m, cw, h - 2 * m)
