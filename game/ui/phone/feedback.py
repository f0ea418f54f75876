"""The card shown after every choice: was it safe, what was the sign, what to do.

``FeedbackOverlay`` is a see-through scene pushed over the scenario; "继续" pops it
and calls ``on_close``.
"""

from __future__ import annotations

from typing import Callable

import pygame

from .. import layout
from ..input import Action, Intent
from ..scene import Scene
from ..text import LINE_SPACING
from ..widgets import Button, Label, Panel, ReadAloudButton, TextBox, WidgetScene, frame_inset, role_px
from .labels import OUTCOME_LABELS, OUTCOME_STYLES, N_, outcome_key, spoken_join, technique_label
from .numbers import locale_of, money_short
from .pieces import Badge, ChipRow




class FeedbackOverlay(WidgetScene, Scene):
    """Feedback for one choice: badge (安全/有风险/还不够), the choice, why, the techniques, money lost."""

    opaque = False
    name = "feedback"

    def __init__(self, ctx, choice, on_close: Callable[[], None] | None = None,
                 area_for: Callable[[tuple[int, int]], pygame.Rect | None] | None = None,
                 company_money: bool = False):
        super().__init__(ctx)
        self.choice = choice
        self.company_money = company_money   # the money is the company's (a clerk and a fake boss)
        self.on_close = on_close
        self.area_for = area_for          # where the card goes for a window size (None: centred)
        key = outcome_key(choice.outcome)
        self.outcome = key
        face, text, icon = OUTCOME_STYLES.get(key, OUTCOME_STYLES["neutral"])
        self.panel = Panel(self.look, border_key="text" if ctx.look.theme.name == "high_contrast" else None)
        self.badge = Badge(self.look, OUTCOME_LABELS.get(key, key), face, text, icon)
        self.chosen_label = Label(self.look, N_("你的选择"), role="caption", colour_key="text_muted", align="left")
        self.chosen = TextBox(self.look, choice.text, role="body", bold=True)
        self.feedback = TextBox(self.look, choice.feedback or "", role="heading", bold=False)
        self.feedback.min_role = "body"   # long English explanations may shrink a little further
        tech_title = N_("你识破了这些手法：") if key == "safe" else N_("骗子用了这些手法：")
        self.tech_title = Label(self.look, tech_title, role="caption", colour_key="text_muted", align="left")
        self.chips = ChipRow(self.look, [technique_label(t) for t in choice.techniques])
        self.money = Badge(self.look, "", "risky", "risky_text", "minus")
        self._money_text()
        self.money.visible = choice.money > 0
        self.read_button = ReadAloudButton(self.look, self.read_aloud, self.services.voice_speaking,
                                           self.services.stop_voice)
        self.continue_button = Button(self.look, N_("继续"), self.close, icon="play", name="continue")
        self.tech_title.visible = self.chips.visible = bool(choice.techniques)
        self.items = [self.panel, self.badge, self.chosen_label, self.chosen, self.feedback, self.tech_title,
                      self.chips, self.money, self.read_button, self.continue_button]
        self.closed = False

    def _money_text(self) -> None:
        if self.choice.money > 0:
            words = N_("公司损失 {money}") if self.company_money else N_("损失 {money}")
            self.money.text = self.session.tr(words).replace(
                "{money}", money_short(self.choice.money, locale_of(self.look)))

    def on_locale_changed(self) -> None:
        """The language changed under the card: words with numbers in them are made again."""
        self._money_text()
        self.dirty = True

    # ---------------------------------------------------------------- layout
    def layout(self, size) -> None:
        area = self.area_for(size) if self.area_for else None
        if area is None or not self._place(pygame.Rect(area), size):
            # No side column, or one too short for the explanation (4:3, large text): a card over the phone.
            self._place(self._centred_card(size), size)
        self.refresh_focus()
        self.dirty = True

    def _centred_card(self, size) -> pygame.Rect:
        u = layout.unit_for(size)
        w, h = size
        m = frame_inset(self.look)
        if layout.is_portrait(size):
            pw, ph = w - 2 * m, min(h - 2 * m, max(120 * u, h * 0.62))
        else:
            pw, ph = min(w - 2 * m, 150 * u), h - 2 * m
        card = pygame.Rect(0, 0, round(pw), round(ph))
        card.center = (w // 2, h // 2)
        return card

    def _place(self, card: pygame.Rect, size) -> bool:
        """Lay the card out in ``card``; False when the explanation does not fit there even at its smallest."""
        u = layout.unit_for(size)
        self.panel.rect = card
        inner = layout.inset(card, 5 * u, 4 * u)
        touch = layout.touch_min(size)
        y = inner.y
        badge_h = round(9 * u)
        bw = min(inner.w, max(self.badge.natural_width(badge_h), 30 * u))
        self.badge.rect = pygame.Rect(inner.x, y, round(bw), badge_h)
        if self.money.visible:
            room = inner.w - bw - 3 * u
            want = max(self.money.natural_width(badge_h), 30 * u)
            if self.money.smallest_width(badge_h) <= room:
                self.money.rect = pygame.Rect(0, y, round(min(room, want)), badge_h)
                self.money.rect.right = inner.right
            else:
                # A narrow card (4:3, a company's loss in full): the amount on its own row, never cut.
                y += badge_h + 1.5 * u
                self.money.rect = pygame.Rect(inner.x, round(y), round(min(inner.w, want)), badge_h)
        y += badge_h + 3 * u
        self.chosen_label.rect = pygame.Rect(inner.x, round(y), inner.w, round(5 * u))
        y += 5 * u
        chosen_h = max(round(7 * u), min(round(12 * u), self._text_need(self.chosen, inner.w, wanted=True)))
        self.chosen.rect = pygame.Rect(inner.x, round(y), inner.w, chosen_h)
        y += chosen_h + 2 * u
        # Bottom: buttons; above them the techniques.
        button_h = max(touch, round(12 * u))
        by = inner.bottom - button_h
        rw = round(max(touch, min(inner.w * 0.45, 34 * u)))     # 朗读 / 停止朗读: a fingertip wide at least
        cw = round(min(inner.w - rw - 3 * u, max(40 * u, inner.w * 0.4)))
        self.continue_button.rect = pygame.Rect(inner.right - cw, by, cw, button_h)
        self.read_button.rect = pygame.Rect(inner.x, by, round(min(inner.w - cw - 3 * u, 34 * u)), button_h)
        bottom = by - 3 * u
        if self.chips.visible:
            chip_h = round(6.5 * u)
            self.chips.chip_h = chip_h
            ch = self.chips.natural_height(inner.w)
            self.chips.rect = pygame.Rect(inner.x, round(bottom - ch), inner.w, ch)
            self.tech_title.rect = pygame.Rect(inner.x, round(self.chips.rect.y - 6 * u), inner.w, round(5 * u))
            bottom = self.tech_title.rect.y - 2 * u
        self.feedback.rect = pygame.Rect(inner.x, round(y), inner.w, max(0, round(bottom - y)))
        return self.feedback.rect.h >= self._text_need(self.feedback, inner.w)

    def _text_need(self, box: TextBox, width: int, wanted: bool = False) -> int:
        """Height ``box``'s text takes at ``width``: at its role's full size (``wanted``) or at its smallest."""
        want, low = role_px(self.look, box.role)
        if box.min_role:
            low = min(low, role_px(self.look, box.min_role)[1])
        px = want if wanted else low
        return self.look.text.height(box.shown_text(), width, px, box.bold, LINE_SPACING)

    # ---------------------------------------------------------------- actions
    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.nav.top is self:
            self.nav.back()
        if self.on_close:
            self.on_close()

    def read_aloud(self) -> None:
        self.services.narrate(spoken_join(self.look, [self.session.tr(t) for t in (OUTCOME_LABELS.get(self.outcome, ""),
                                                                           self.choice.feedback) if t]))

    def enter(self) -> None:
        if self.session.settings.voice:
            self.read_aloud()

    def autoplay_targets(self) -> list:
        return [self.continue_button]

    def handle(self, intent: Intent) -> bool:
        if self.handle_widgets(intent):
            return True
        if intent.action in (Action.CONFIRM, Action.BACK):
            self.close()
            return True
        # Modal: taps elsewhere do nothing (no accidental skipping).
        return intent.action in (Action.PRESS, Action.RELEASE, Action.DRAG, Action.SCROLL)

    def update(self, dt: float) -> None:
        if self.read_button.update(dt):   # 朗读 ↔ 停止朗读, the ring pulsing while the voice plays
            self.dirty = True
        self.animating = self.read_button.talking and not self.look.reduced_motion

    def draw(self, surface: pygame.Surface) -> None:
        veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        dark = min((self.look.theme.text, self.look.theme.background), key=sum)
        veil.fill((*dark, 90 if self.area_for else 150))
        surface.blit(veil, (0, 0))
        self.draw_widgets(surface)
