"""Cards over the game for the teacher: the pause, the right choice revealed, the right answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from ....i18n.marker import N_
from ... import layout
from ...phone.feedback import FeedbackOverlay
from ...widgets import Button, Label, TextBox
from ..widgets import CardOverlay

if TYPE_CHECKING:  # pragma: no cover
    from .controller import ClassroomController


class PausedScene(CardOverlay):
    """The teacher's pause: a band at the top (or the foot) of the screen, clear of the scam's line and
    the choices the class is talking about, which stay undimmed beneath it."""

    name = "paused"
    veil_alpha = 0

    def __init__(self, ctx, controller: ClassroomController):
        self.controller = controller
        super().__init__(ctx)

    def build(self) -> None:
        self.heading = Label(self.look, N_("已暂停"), role="title", colour_key="accent")
        self.heading.max_lines, self.heading.min_role = 1, "heading"   # a narrow band: smaller, not broken
        self.body = TextBox(self.look, N_("大家来讨论一下：如果是你，会怎么做？"), role="heading", align="center",
                            valign="center")
        self.go_on = Button(self.look, N_("继续"), self.controller.toggle_pause, icon="play", name="continue")
        self.items = [self.heading, self.body, self.go_on]

    def kept_clear(self) -> list[pygame.Rect]:
        """Where the paused scene shows what is being discussed (nothing on the board)."""
        scene = self.controller.open_scene()
        discussed = getattr(scene, "discussed", None)
        return [w.rect for w in discussed()] if discussed else []

    def band(self, size) -> pygame.Rect:
        """The card's place: the taller free strip above or below what is discussed, at least ``14 u`` high
        (a layout with no such strip gets the top strip anyway), at most ``26 u``."""
        u = layout.unit_for(size)
        screen = pygame.Rect(0, 0, *size)
        keep = self.kept_clear()
        above = min((r.top for r in keep), default=screen.bottom) - screen.top
        below = screen.bottom - max((r.bottom for r in keep), default=screen.top)
        at_top = above >= 14 * u + 2 * u or above >= below
        free = above if at_top else below
        h = round(max(14 * u, min(26 * u, free - 2 * u)))
        band = pygame.Rect(screen.x + round(2 * u), 0, screen.w - round(4 * u), h)
        if at_top:
            band.y = screen.top + round(max(u, min(2 * u, (free - h) / 2)))
        else:
            band.bottom = screen.bottom - round(max(u, min(2 * u, (free - h) / 2)))
        return band

    def place(self, size) -> None:
        u = layout.unit_for(size)
        self.card.rect = self.band(size)
        inner = layout.inset(self.card.rect, 3 * u, u)
        button_w, button_h = round(min(40 * u, inner.w * 0.3)), round(min(12 * u, inner.h))
        self.go_on.rect = pygame.Rect(inner.right - button_w, inner.centery - button_h // 2, button_w, button_h)
        heading_w = round(min(24 * u, inner.w * 0.2))
        self.heading.rect = pygame.Rect(inner.x, inner.y, heading_w, inner.h)
        x = self.heading.rect.right + round(2 * u)
        self.body.rect = pygame.Rect(x, inner.y, max(0, self.go_on.rect.x - round(2 * u) - x), inner.h)

    def back(self) -> None:
        self.controller.toggle_pause()


class RevealChoiceOverlay(FeedbackOverlay):
    """The feedback card of the right choice, shown by the teacher before the class chooses."""

    name = "reveal"

    def __init__(self, ctx, choice, area_for=None):
        super().__init__(ctx, choice, on_close=None, area_for=area_for)
        self.chosen_label.set_text(N_("正确做法"))
        self.tech_title.set_text(N_("这样做，就识破了："))
        self.money.visible = False
        self.continue_button.set_text(N_("知道了"))


class QuizRevealScene(CardOverlay):
    """The right answer of the quiz question on screen, with its explanation."""

    name = "reveal"

    def __init__(self, ctx, item):
        self.item = item
        super().__init__(ctx)

    def build(self) -> None:
        letter = "ABCD"[self.item.answer]
        self.heading = Label(self.look, N_("正确答案"), role="heading", colour_key="accent", align="left")
        self.answer = TextBox(self.look, f"{letter}. {self.session.tr(self.item.options[self.item.answer])}", role="heading",
                              translate=False)
        self.explanation = TextBox(self.look, self.item.explanation, role="body")
        self.ok = Button(self.look, N_("知道了"), self.back, icon="check", name="continue")
        self.items = [self.heading, self.answer, self.explanation, self.ok]

    def place(self, size) -> None:
        u = layout.unit_for(size)
        portrait = layout.is_portrait(size)
        self.card.rect = self.card_rect(size, 130, 80 if not portrait else 110)
        inner = layout.inset(self.card.rect, 4 * u, 3 * u)
        self.heading.rect = pygame.Rect(inner.x, inner.y, inner.w, round(9 * u))
        self.ok.rect = pygame.Rect(0, inner.bottom - round(12 * u), round(min(inner.w, 44 * u)), round(12 * u))
        self.ok.rect.right = inner.right
        self.answer.rect = pygame.Rect(inner.x, self.heading.rect.bottom + u, inner.w, round(16 * u))
        top = self.answer.rect.bottom + u
        self.explanation.rect = pygame.Rect(inner.x, top, inner.w, max(0, round(self.ok.rect.y - 2 * u - top)))

    def back(self) -> None:
        if self.nav.top is self:
            self.nav.back()
