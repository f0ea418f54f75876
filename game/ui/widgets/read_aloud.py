"""The 朗读 button that shows it is speaking: 停止朗读 in full colour with a ring that pulses; a tap stops."""

from __future__ import annotations

import math
from typing import Callable

import pygame

from ...i18n.marker import N_
from .button import Button

READ = N_("朗读")
STOP = N_("停止朗读")


class ReadAloudButton(Button):
    """``read()`` starts reading; ``speaking()`` says whether the voice still plays; ``stop()`` silences it.

    The button follows the voice, not its own taps: when a line ends by itself, it turns back to 朗读.
    """

    def __init__(self, look, read: Callable[[], None], speaking: Callable[[], bool], stop: Callable[[], None]):
        super().__init__(look, READ, self._tapped, style="secondary", icon="sound_on", autoplay_weight=0,
                         name="read_aloud")
        self.read, self.speaking, self.stop = read, speaking, stop
        self.talking = False
        self.wave = 0.0   # seconds the ring has pulsed

    def _tapped(self) -> None:
        if self.speaking():
            self.stop()
        else:
            self.read()
        self.follow()

    def follow(self) -> bool:
        """Show what the voice does now; True when that changed."""
        talking = bool(self.speaking())
        if talking == self.talking:
            return False
        self.talking = talking
        self.style = "primary" if talking else "secondary"
        self.set_text(STOP if talking else READ)
        self.wave = 0.0
        return True

    def update(self, dt: float) -> bool:
        changed = self.follow()
        if self.talking:
            self.wave += dt
        return changed or (self.talking and not self.look.reduced_motion)

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        if not (self.visible and self.talking):
            return
        # A ring breathing out from the button while the voice plays (still, with reduced motion).
        u = self.look.unit
        phase = 0.5 if self.look.reduced_motion else (self.wave / 1.2) % 1.0
        grow = round((0.6 + 1.2 * math.sin(phase * math.pi)) * u)
        ring = self.rect.inflate(2 * grow, 2 * grow)
        radius = round(min(self.rect.h * 0.22, 3 * u)) + grow
        pygame.draw.rect(surface, self.look.theme.accent, ring, max(2, round(0.45 * u)), border_radius=radius)
