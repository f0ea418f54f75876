"""A classroom quiz round: every team answers the same question in turn, then the answer shows.

No team sees another's answer until all have answered; then the right option, the
explanation and each team's result (+``QUIZ_POINTS`` when right) appear. Each team's
answer is one quiz scene in the statistics.
"""

from __future__ import annotations

import pygame

from ...i18n.marker import N_
from .. import layout
from ..input import Action, Intent
from ..widgets import Button, Label, Panel, ScreenScene, TextBox
from .classroom.state import QUIZ_POINTS, ClassroomState, team_name

LETTERS = "ABCD"


class QuizRoundScene(ScreenScene):
    name = "quiz_round"

    def __init__(self, ctx, state: ClassroomState, pool_id: str, index: int, item, board=None):
        self.state = state
        self.pool_id = pool_id
        self.index = index
        self.item = item
        self.board = board
        self.team = 0
        self.answers: list[int] = []
        self.revealed = False
        super().__init__(ctx)

    @classmethod
    def for_class(cls, ctx, state: ClassroomState, board=None):
        """A question from the class's pack not asked in a round yet (None when all were)."""
        pack = (board.pack if board is not None else None) or ctx.session.current_pack()
        pools = [ctx.session.library.quiz_pools[p] for p in (pack.quiz_pools if pack else ctx.session.library.quiz_pools)
                 if p in ctx.session.library.quiz_pools]
        fresh = [(pool.id, i, item) for pool in pools for i, item in enumerate(pool.items)
                 if (pool.id, i) not in state.used_items and 2 <= len(item.options) <= 4]
        if not fresh:
            return None
        pool_id, index, item = ctx.session.rng.choice(fresh)
        state.used_items.add((pool_id, index))
        return cls(ctx, state, pool_id, index, item, board)

    # ---------------------------------------------------------------- widgets
    def build(self) -> None:
        self.heading = Label(self.look, "", role="heading", colour_key="accent", align="left", translate=False)
        self.turn = Label(self.look, "", role="heading", colour_key="text", align="right", translate=False)
        self.question_panel = Panel(self.look)
        self.question = TextBox(self.look, self.item.question, role="heading", bold=False, valign="center")
        self.options = [Button(self.look, f"{LETTERS[i]}. {self.session.tr(text)}", lambda i=i: self.pick(i), style="secondary",
                               translate=False, name=f"option_{i}") for i, text in enumerate(self.item.options)]
        self.explanation = TextBox(self.look, "", role="body")
        self.team_labels = [Label(self.look, "", role="caption", colour_key="text", translate=False)
                            for _ in range(self.state.teams)]
        self.team_cards = [Panel(self.look) for _ in range(self.state.teams)]
        self.done_button = Button(self.look, N_("继续游戏"), self.finish, icon="play", name="continue")
        self.items = [self.heading, self.turn, self.question_panel, self.question, *self.options, self.explanation,
                      *self.team_cards, *self.team_labels, self.done_button]
        self._sync()

    def _sync(self) -> None:
        tr = self.session.tr
        n = self.state.teams
        # The round is counted once revealed: its number stays the same before and after.
        number = self.state.quiz_rounds + (0 if self.revealed else 1)
        self.heading.set_text(tr("答题轮 · 第 {k} 题").format(k=number))
        if self.revealed:
            self.turn.set_text(tr("揭晓答案"))
        else:
            self.turn.set_text(tr("请{team}作答（{i}/{n}）").format(team=team_name(self.look, self.team), i=self.team + 1, n=n))
        right = self.item.answer
        for i, b in enumerate(self.options):
            if self.revealed:
                b.enabled = i == right or i in self.answers
                b.style, b.icon = ("safe", "check") if i == right else ("secondary", None)
            else:
                b.enabled, b.style, b.icon = True, "secondary", None
        for t, label in enumerate(self.team_labels):
            name = team_name(self.look, t)
            if t < len(self.answers):
                if self.revealed:
                    ok = self.answers[t] == right
                    label.set_text(f"{name}\n{LETTERS[self.answers[t]]} · "
                                   + (tr("答对 +{p}").format(p=QUIZ_POINTS) if ok else tr("答错")))
                else:
                    label.set_text(f"{name}\n" + tr("已作答"))
            else:
                label.set_text(f"{name}\n" + (tr("作答中") if t == self.team else tr("等待")))
        self.explanation.set_text(self.session.tr(self.item.explanation) if self.revealed else "")
        self.explanation.visible = self.revealed
        self.done_button.visible = self.revealed
        self.refresh_focus()
        self.dirty = True

    # ---------------------------------------------------------------- actions
    def pick(self, i: int) -> None:
        if self.revealed:
            return
        self.answers.append(i)
        correct = i == self.item.answer
        team = self.team
        if correct:
            self.state.quiz_points[team] += QUIZ_POINTS
            self.state.quiz_right[team] += 1
        stats = self.services.play_stats
        if stats is not None:
            stats.record_quiz(self.pool_id, self.index, self.item, correct)
        self.team += 1
        if self.team >= self.state.teams:
            self.revealed = True
            self.state.quiz_rounds += 1
            self.services.sound.play("right")
        self._sync()
        self.layout(self.look.size)

    def finish(self) -> None:
        if self.nav.top is self:
            self.nav.back()

    def back(self) -> bool:
        if self.revealed:
            self.finish()
        return True

    def handle(self, intent: Intent) -> bool:
        if super().handle(intent):
            return True
        if intent.action is Action.CONFIRM and self.revealed:
            self.finish()
            return True
        return False

    def autoplay_targets(self) -> list:
        if self.revealed:
            return [self.done_button]
        return [b for b in self.options if b.enabled]

    # ---------------------------------------------------------------- layout
    def place(self, size) -> None:
        u, area, portrait, gap = self.regions(size)
        top = layout.top_band(area, 10 * u)
        self.heading.rect = pygame.Rect(top.x, top.y, round(top.w * 0.45), top.h)
        self.turn.rect = pygame.Rect(self.heading.rect.right + gap, top.y, round(top.right - self.heading.rect.right - gap),
                                     top.h)
        # Bottom: the teams' row (and the continue button once revealed).
        bottom_h = round(12 * u)
        bottom = pygame.Rect(area.x, area.bottom - bottom_h, area.w, bottom_h)
        if self.revealed:
            bw = round(min(44 * u, area.w * 0.34))
            self.done_button.rect = pygame.Rect(bottom.right - bw, bottom.y, bw, bottom.h)
            teams_rect = pygame.Rect(bottom.x, bottom.y, bottom.w - bw - round(gap), bottom.h)
        else:
            self.done_button.rect = pygame.Rect(0, 0, 0, 0)
            teams_rect = bottom
        n = self.state.teams
        if portrait and n > 2:
            # Two rows of teams in portrait.
            teams_rect = pygame.Rect(teams_rect.x, teams_rect.y - bottom_h - round(u), teams_rect.w, 2 * bottom_h + round(u))
            if self.revealed:
                teams_rect.w = area.w
                self.done_button.rect.y = teams_rect.y - bottom_h - round(gap)
            cells = layout.grid(teams_rect, n, 2, bottom_h, u)
        else:
            cells = layout.row(teams_rect, n, teams_rect.w, u)
        for card, label, cell in zip(self.team_cards, self.team_labels, cells):
            card.rect = cell
            label.rect = layout.inset(cell, 1.2 * u, 0.8 * u)
        lowest = min([teams_rect.y] + ([self.done_button.rect.y] if self.revealed else []))
        body = pygame.Rect(area.x, top.bottom + u, area.w, round(lowest - gap - top.bottom - u))
        count = len(self.options)
        cols = 1 if portrait else 2
        rows = -(-count // cols)
        opt_h = 12 * u
        opts_h = round(rows * opt_h + (rows - 1) * gap)
        expl_h = round(min(body.h * 0.32, 30 * u)) if self.revealed else 0
        q_h = round(body.h - opts_h - gap - (expl_h + gap if self.revealed else 0))
        self.question_panel.rect = pygame.Rect(body.x, body.y, body.w, max(round(12 * u), q_h))
        self.question.rect = layout.inset(self.question_panel.rect, 3 * u, 1.5 * u)
        opts = pygame.Rect(body.x, self.question_panel.rect.bottom + gap, body.w, opts_h)
        for b, r in zip(self.options, layout.grid(opts, count, cols, opt_h, gap)):
            b.rect = r
        if self.revealed:
            self.explanation.rect = pygame.Rect(body.x, opts.bottom + gap, body.w, max(0, round(body.bottom - opts.bottom - gap)))
        else:
            self.explanation.rect = pygame.Rect(0, 0, 0, 0)
