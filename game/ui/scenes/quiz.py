"""One quiz question: the question, 2–4 big answers, then right/wrong with the explanation.

``QuizScene(app, item, player, on_done)``: "继续" pops the scene and calls
``on_done(result)`` (a ``SceneResult``). ``pool_id`` / ``index`` / ``scam_type`` (optional)
identify the item for the rules' ``QuizRunner`` (``scene.result()`` gives its
``SceneResult``).
"""

from __future__ import annotations

from typing import Callable

import pygame

from ...rules.choice_order import shuffled_quiz_item
from ...rules.scenes import QuizRunner, SceneResult
from .. import layout
from ..input import Action, Intent
from ..phone.labels import N_, spoken_join, technique_label
from ..phone.pieces import Badge, ChipRow
from ..seats import PlayerInfo, player_name
from ..text import LINE_SPACING
from ..widgets import Button, Label, Panel, ReadAloudButton, ScreenScene, TextBox, role_px, same_text_size
from .scenario.computer import PROMPT_TABLE, QuizComputerDriver

LETTERS = "ABCD"


class QuizScene(ScreenScene):
    name = "quiz"

    def __init__(self, ctx, item, player: PlayerInfo | None = None,
                 on_done: Callable[[SceneResult], None] | None = None, *,
                 pool_id: str = "", index: int = 0, scam_type: str | None = None):
        # The answers in an order of this play's own: the right one's place gives nothing away.
        item = shuffled_quiz_item(item, ctx.session.seed, ctx.session.games_played, pool_id, index)
        self.item = item
        self.player = player
        self.on_done = on_done
        self.runner = QuizRunner(item, pool_id, index, scam_type)
        self.answer = None
        self.finished = False
        super().__init__(ctx)
        self.computer: QuizComputerDriver | None = None
        if player is not None and player.is_computer:
            pack = self.session.current_pack()
            table = bool(pack and pack.settings.table_decides_for_computer)
            self.computer = QuizComputerDriver(self, player.policy, (self.session.seed, self.session.games_played,
                                                                     pool_id, index), table_decides=table)
            for b in self.options:
                b.enabled = table
            if table:
                self.heading.set_text(PROMPT_TABLE)

    def build(self) -> None:
        self.heading = Label(self.look, N_("答一答"), role="heading", colour_key="accent", align="left")
        self.player_label = Label(self.look, player_name(self.player), role="caption", colour_key="text_muted",
                                  align="right")
        self.question_panel = Panel(self.look)
        self.question = TextBox(self.look, self.item.question, role="heading", bold=False, valign="center")
        self.question.min_role = "body"   # a long English question beside the explanation (1024×768)
        self.options = [Button(self.look, f"{LETTERS[i]}. {self.session.tr(text)}", lambda i=i: self.pick(i), style="secondary",
                               translate=False, name=f"option_{i}") for i, text in enumerate(self.item.options)]
        self.result_panel = Panel(self.look)
        self.badge = Badge(self.look)
        self.explanation = TextBox(self.look, self.item.explanation, role="heading", bold=False)
        self.explanation.min_role = "caption"   # a long English explanation at 1024×768
        self.chips = ChipRow(self.look, [technique_label(t) for t in self.item.techniques])
        self.read_button = ReadAloudButton(self.look, self.read_aloud, self.services.voice_speaking,
                                           self.services.stop_voice)
        self.continue_button = Button(self.look, N_("继续"), self.finish, icon="play", name="continue")
        self.items = [self.heading, self.player_label, self.question_panel, self.question, *self.options,
                      self.result_panel, self.badge, self.explanation, self.chips, self.read_button,
                      self.continue_button]

    def on_locale_changed(self) -> None:
        """The answers carry their letter, so they are composed again in the new language."""
        for i, (b, text) in enumerate(zip(self.options, self.item.options)):
            b.set_text(f"{LETTERS[i]}. {self.session.tr(text)}")
        self.dirty = True

    # ---------------------------------------------------------------- actions
    def pick(self, index: int) -> None:
        if self.answer is not None:
            return
        self.answer = self.runner.answer(index)
        right = self.answer.right
        self.services.trace_event("choice", index=index, text=self.item.options[index],
                                  outcome="safe" if self.answer.correct else "risky",
                                  by="computer" if self.computer is not None and not self.computer.table_decides else "people")
        for i, b in enumerate(self.options):
            b.enabled = i in (index, right)
            if i == right:
                b.style, b.icon = "safe", "check"
            elif i == index:
                b.style, b.icon = "risky", "cross"
        if self.answer.correct:
            self.badge.set(N_("答对了"), "safe", "safe_text", "check")
        else:
            self.badge.set(N_("答错了"), "risky", "risky_text", "cross")
        self.services.sound.play("right" if self.answer.correct else "wrong")
        if self.session.settings.voice:
            self.read_aloud()
        self.layout(self.look.size)

    def read_aloud(self) -> None:
        tr = self.session.tr
        if self.answer is None:   # the question, then every answer with its letter
            parts = [tr(self.item.question)] + [b.text for b in self.options]
        else:
            parts = [tr(self.badge.text), tr(self.item.explanation)]
        self.services.narrate(spoken_join(self.look, parts))

    def finish(self) -> None:
        if self.answer is None or self.finished:
            return
        self.finished = True
        if self.nav.top is self:
            self.nav.back()
        if self.on_done:
            self.on_done(self.result())

    def result(self) -> SceneResult:
        return self.runner.result()

    # ---------------------------------------------------------------- layout
    def place(self, size) -> None:
        u = layout.unit_for(size)
        area = self.content_rect()
        gap = round(2.5 * u)
        touch = layout.touch_min(size)
        portrait = layout.is_portrait(size)
        answered = self.answer is not None
        header_h = round(9 * u)
        button_h = max(touch, round(12 * u))
        self.heading.rect = pygame.Rect(area.x, area.y, round(area.w * 0.6), header_h)
        self.player_label.rect = pygame.Rect(self.heading.rect.right, area.y, area.w - self.heading.rect.w, header_h)
        self.player_label.visible = bool(self.player_label.text)
        y = area.y + header_h + gap
        n = len(self.options)
        if not answered:
            cols = 2 if (not portrait and n > 2) else 1
            rows = -(-n // cols)
            opt_h = max(touch, round(13 * u))
            opts_h = rows * opt_h + (rows - 1) * gap
            left = pygame.Rect(area.x, y, area.w, area.bottom - y)
            q_h = max(round(14 * u), left.h - opts_h - gap)
        else:
            # Answered: question and options on the left (landscape) or on top (portrait),
            # the explanation card beside or below them.
            cols, rows = 1, n
            if portrait:
                left = pygame.Rect(area.x, y, area.w, area.bottom - y)
            else:
                left = pygame.Rect(area.x, y, round(area.w * 0.52), area.bottom - y)
            opt_h = max(touch, round(11 * u), self._answer_height(left.w, round(11 * u)))
            opts_h = rows * opt_h + (rows - 1) * gap
            want = self.look.ink.measure(self.session.tr(self.item.question), role_px(self.look, "heading")[0],
                                            round(left.w - 8 * u))[1] + round(6 * u)
            reserve = 0
            if portrait:
                # Keep room for the explanation card below: badge, text at its smallest size, chips, buttons.
                reserve = self._result_need(area.w, u, button_h) + gap   # and the gap above the card
            q_h = max(round(14 * u), min(want, left.h - opts_h - gap - reserve))
        self.question_panel.rect = pygame.Rect(left.x, left.y, left.w, q_h)
        self.question.rect = layout.inset(self.question_panel.rect, 4 * u, 2.5 * u)
        y = self.question_panel.rect.bottom + gap
        cells = layout.grid(pygame.Rect(left.x, y, left.w, opts_h), n, cols, opt_h, gap)
        for b, r in zip(self.options, cells):
            b.rect = r
        same_text_size(self.options)
        y += opts_h + gap
        if answered and not portrait:
            result_area = pygame.Rect(left.right + 2 * gap, area.y + header_h + gap, area.right - left.right - 2 * gap,
                                      area.bottom - area.y - header_h - gap)
        else:
            result_area = pygame.Rect(area.x, y, area.w, area.bottom - y)
        for w in (self.result_panel, self.badge, self.explanation, self.chips, self.read_button,
                  self.continue_button):
            w.visible = answered
        if answered:
            panel = result_area
            self.result_panel.rect = panel
            inner = layout.inset(panel, 4 * u, 2.5 * u)
            badge_h = round(8.5 * u)
            self.badge.rect = pygame.Rect(inner.x, inner.y, round(max(self.badge.natural_width(badge_h), 30 * u)),
                                          badge_h)
            bw = self._continue_width(inner.w, button_h)
            self.continue_button.rect = pygame.Rect(inner.right - bw, inner.bottom - button_h, bw, button_h)
            self.read_button.visible = True
            self.read_button.rect = pygame.Rect(inner.x, inner.bottom - button_h, round(min(30 * u, inner.w * 0.3)),
                                                button_h)
            bottom = self.continue_button.rect.y - round(1.5 * u)
            if self.chips.labels:
                self.chips.chip_h = round(6 * u)
                if self._chips_beside(inner.w, bw, gap, button_h):
                    x = self.read_button.rect.right + gap if self.read_button.visible else inner.x
                    beside = self.continue_button.rect.x - gap - x
                    ch = self.chips.natural_height(beside)
                    self.chips.rect = pygame.Rect(x, self.continue_button.rect.centery - ch // 2, beside, ch)
                else:
                    ch = self.chips.natural_height(inner.w)
                    self.chips.rect = pygame.Rect(inner.x, bottom - ch, inner.w, ch)
                    bottom = self.chips.rect.y - round(1.5 * u)
            else:
                self.chips.visible = False
            top = self.badge.rect.bottom + round(1.5 * u)
            self.explanation.rect = pygame.Rect(inner.x, top, inner.w, max(0, bottom - top))

    def _answer_height(self, width: int, h: int) -> int:
        """The height the longest answer needs, in a button ``width`` wide with its mark, at the
        smallest button text (a long English answer beside the explanation, 1024×768)."""
        u = self.look.unit
        text_w = round(width - 2 * max(1.6 * u, h * 0.12) - h * 0.55 - u)
        low = role_px(self.look, "button")[1]
        text_h = max(self.look.text.height(b.text, text_w, low, True, LINE_SPACING) for b in self.options)
        return round((text_h + 2) / 0.76)   # the label's share of a button's height (Button._inner)

    def _continue_width(self, inner_w: int, button_h: int) -> int:
        """继续 with its icon, never narrower than its word at full size ("Cont / inue"), nor wider than the
        room the read-aloud button leaves."""
        u = self.look.unit
        word = self.look.text.fonts.get(role_px(self.look, "button")[0], True).size(self.session.tr(self.continue_button.text))[0]
        natural = word + button_h * 0.55 + u + 2 * max(1.6 * u, button_h * 0.12) + 2
        room = inner_w - round(min(30 * u, inner_w * 0.3)) - round(2.5 * u)
        return round(min(room, max(min(inner_w * 0.4, 45 * u), natural)))

    def _chips_beside(self, inner_w: int, bw: int, gap: int, button_h: int) -> bool:
        """Whether the technique chips fit in one row beside the buttons (between read-aloud and continue)."""
        if not self.chips.labels:
            return False
        u = self.look.unit
        read_w = round(min(30 * u, inner_w * 0.3)) + gap
        beside = inner_w - bw - gap - read_w
        return beside > 0 and self.chips.natural_height(beside) <= button_h

    def _result_need(self, panel_w: int, u: float, button_h: int) -> int:
        """Height of the explanation card at the smallest text size: badge, text, chips, buttons."""
        inner_w = round(panel_w - 8 * u)
        low = role_px(self.look, "heading")[1]
        text_h = self.look.text.height(self.session.tr(self.item.explanation), inner_w, low, False, LINE_SPACING)
        need = round(5 * u) + round(8.5 * u) + 2 * round(1.5 * u) + text_h + button_h
        bw = self._continue_width(inner_w, button_h)
        if self.chips.labels and not self._chips_beside(inner_w, bw, round(2.5 * u), button_h):
            self.chips.chip_h = round(6 * u)
            need += self.chips.natural_height(inner_w) + round(1.5 * u)
        return need + 2

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.computer is not None:
            self.computer.update(dt)

    # ---------------------------------------------------------------- input
    def handle(self, intent: Intent) -> bool:
        if self.handle_widgets(intent):
            return True
        if intent.action is Action.CONFIRM and self.answer is not None:
            self.finish()
            return True
        return False

    def autoplay_targets(self) -> list:
        if self.answer is None:
            return [b for b in self.options if b.visible]
        return [self.continue_button]

    def widgets(self) -> list:
        return [w for w in self.items if w.visible]

    def discussed(self) -> list:
        """What a class talks about while the teacher pauses: the question and its options (kept in view)."""
        return [w for w in (self.question_panel, *self.options) if w.visible]
