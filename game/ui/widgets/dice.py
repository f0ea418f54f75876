"""The die: tappable when enabled; it tumbles and settles on the value rolled."""

from __future__ import annotations

import math
import random
from typing import Callable

import pygame

from ..input import Intent
from .base import Widget
from .colours import darker

PIPS = {
    1: [(0, 0)],
    2: [(-1, -1), (1, 1)],
    3: [(-1, -1), (0, 0), (1, 1)],
    4: [(-1, -1), (1, -1), (-1, 1), (1, 1)],
    5: [(-1, -1), (1, -1), (0, 0), (-1, 1), (1, 1)],
    6: [(-1, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (1, 1)],
}


class Dice(Widget):
    """The die: tappable when ``enabled``; ``roll(value)`` tumbles and settles on ``value``."""

    focusable = True

    def __init__(self, look, on_tap: Callable[[], None] | None = None, rect: pygame.Rect | None = None):
        super().__init__(look, rect)
        self.on_tap = on_tap
        self.value = 6
        self.shown = 6
        self.enabled = False
        self.pressed = False
        self.focused = False
        self.rolling = 0.0       # seconds left
        self._flip = 0.0
        self.pip_colour_key = "text"
        self.autoplay_weight = 1.0
        self.name = "dice"
        self.pulse = 0.0
        self._faces = random.Random(0)   # the faces shown while it tumbles (the value comes from the rules)

    def roll(self, value: int, duration: float = 0.8) -> None:
        self.value = value
        self.rolling = duration
        self._flip = 0.0

    @property
    def is_rolling(self) -> bool:
        return self.rolling > 0

    def update(self, dt: float) -> bool:
        moving = False
        if self.rolling > 0:
            self.rolling = max(0.0, self.rolling - dt)
            self._flip -= dt
            if self._flip <= 0:
                self._flip = 0.07 + (0.8 - self.rolling) * 0.05
                self.shown = self._faces.randint(1, 6) if self.rolling > 0.1 else self.value
            if self.rolling == 0:
                self.shown = self.value
            moving = True
        if self.enabled:
            self.pulse = (self.pulse + dt) % 1.6
            moving = True
        return moving

    def handle(self, intent: Intent) -> bool:
        if not self.enabled or not self.visible:
            return False
        return self.handle_tap(intent)

    def activate(self) -> None:
        if self.enabled and self.on_tap:
            self.on_tap()

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible:
            return
        t = self.look.theme
        u = self.look.unit
        side = min(self.rect.w, self.rect.h)
        face = pygame.Rect(0, 0, side, side)
        face.center = self.rect.center
        if self.rolling > 0:
            wob = math.sin(self.rolling * 40) * side * 0.05
            face = face.move(round(wob), round(-abs(wob)))
        if self.enabled and not self.rolling:
            grow = round(side * 0.04 * (0.5 + 0.5 * math.sin(self.pulse / 1.6 * 2 * math.pi)))
            halo = face.inflate(side * 0.12 + grow * 2, side * 0.12 + grow * 2)
            pygame.draw.rect(surface, t.accent, halo, max(3, round(0.6 * u)), border_radius=round(side * 0.26))
        if self.focused:
            ring = face.inflate(round(side * 0.3), round(side * 0.3))
            pygame.draw.rect(surface, t.text, ring, max(2, round(0.4 * u)), border_radius=round(side * 0.3))
        radius = round(side * 0.2)
        if self.pressed:
            face = face.move(0, round(0.5 * u))
        shadow = face.move(0, max(2, round(0.6 * u)))
        pygame.draw.rect(surface, darker(t.board, 0.7), shadow, border_radius=radius)
        hc = t.name == "high_contrast"
        pygame.draw.rect(surface, t.button_alt if hc else t.square, face, border_radius=radius)
        pygame.draw.rect(surface, darker(t.square, 0.6) if t.name != "high_contrast" else t.accent, face,
                         max(2, round(side * 0.03)), border_radius=radius)
        pip_r = max(2, round(side * 0.085))
        step = side * 0.26
        pip_colour = t.red if self.shown in (1, 4) and not hc else t.button_alt_text if hc else t.square_text
        for dx, dy in PIPS.get(self.shown, PIPS[6]):
            c = (round(face.centerx + dx * step), round(face.centery + dy * step))
            pygame.draw.circle(surface, pip_colour, c, pip_r)
            if hasattr(pygame.draw, "aacircle"):
                pygame.draw.aacircle(surface, pip_colour, c, pip_r)
