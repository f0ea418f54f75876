"""The menu over the board: continue, settings, back to the title."""

from __future__ import annotations

import pygame

from ....i18n.marker import N_
from ... import layout
from ...widgets import Button, Label, Panel, ScreenScene


class PauseScene(ScreenScene):
    """Menu over the board: continue, settings, back to the title."""

    name = "pause"
    opaque = False

    def build(self) -> None:
        self.card = Panel(self.look)
        self.heading = Label(self.look, N_("已暂停"), role="heading", colour_key="accent")
        self.resume_button = Button(self.look, N_("继续游戏"), self.back, icon="play", name="resume")
        self.settings_button = Button(self.look, N_("设置"), self.settings, style="secondary", icon="gear", autoplay_weight=0)
        self.home_button = Button(self.look, N_("回到首页"), self.home, style="secondary", icon="home", autoplay_weight=0)
        self.items = [self.card, self.heading, self.resume_button, self.settings_button, self.home_button]

    def place(self, size) -> None:
        u = self.look.unit
        w = min(size[0] - 8 * u, 80 * u)
        h = min(size[1] - 8 * u, 70 * u)
        self.card.rect = layout.centered(pygame.Rect(0, 0, *size), w, h)
        inner = layout.inset(self.card.rect, 4 * u, 3 * u)
        self.heading.rect = pygame.Rect(inner.x, inner.y, inner.w, 10 * u)
        body = pygame.Rect(inner.x, self.heading.rect.bottom + u, inner.w, inner.bottom - self.heading.rect.bottom - u)
        rows = layout.column(body, 3, 13 * u, 2 * u)
        self.resume_button.rect, self.settings_button.rect, self.home_button.rect = rows

    def draw(self, surface) -> None:
        veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        veil.fill((0, 0, 0, 120))
        surface.blit(veil, (0, 0))
        self.draw_widgets(surface)

    def back(self) -> bool:
        self.nav.back()
        return True

    def settings(self) -> None:
        self.nav.navigate("settings")

    def home(self) -> None:
        self.nav.home()
