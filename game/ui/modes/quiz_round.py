"""A classroom quiz round: the whole class votes on the same question, then the answer shows.

Nobody answers "first": the question and its options (A, B, C …) stay on screen while the
class shows hands (``ClassVoteScene``); then the right option, each option's share of the
class and the explanation appear. The class's majority answer is one quiz scene in the
statistics and one row of the debrief.
"""

from __future__ import annotations

import dataclasses

import pygame

from game.rules.classroom import LETTERS, Vote
from game.rules.classroom_debrief import WHOLE_CLASS, PlayedScene

from ...i18n.marker import N_
from .. import layout
from ..input import Action, Intent
from ..widgets import Button, Label, Panel, ScreenScene, TextBox, same_text_size
from .classroom.decisions import quiz_decision
from .classroom.state import ClassroomState

OPTION_MAX_UNITS = 110   # the widest an option button gets: a 16:9 screen's side column (the results make it long)


class QuizRoundScene(ScreenScene):
    name = "quiz_round"

    def __init__(self, ctx, state: ClassroomState, pool_id: str, index: int, item, board=None):
        self.state = state
        self.pool_id = pool_id
        self.index = index
        self.item = item
        self.board = board
        self.vote: Vote | None = None
        self.revealed = False
        super().__init__(ctx)

    @classmethod
    def for_class(cls, ctx, state: ClassroomState, board=None):
        """A question from the class's pack not asked in a round yet (None when all were)."""
        pack = (board.pack if board is not None else None) or ctx.session.current_pack()
        library = ctx.session.library
        pools = [library.quiz_pools[p] for p in library.quiz_pools_of(pack)]   # only the class's pack
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
        self.options = [Button(self.look, "", None, style="secondary", translate=False, name=f"option_{i}")
                        for i in range(len(self.item.options))]
        self.explanation = TextBox(self.look, "", role="body")
        self.vote_button = Button(self.look, N_("全班投票"), self.start_vote, icon="check", name="quiz_vote")
        self.done_button = Button(self.look, N_("继续游戏"), self.finish, icon="play", name="continue")
        self.items = [self.heading, self.turn, self.question_panel, self.question, *self.options, self.explanation,
                      self.vote_button, self.done_button]
        self._sync()

    def _sync(self) -> None:
        tr = self.session.tr
        # The round is counted once revealed: its number stays the same before and after.
        number = self.state.quiz_rounds + (0 if self.revealed else 1)
        self.heading.set_text(tr("答题轮 · 第 {k} 题").format(k=number))
        self.turn.set_text(tr("揭晓答案") if self.revealed else tr("全班举手投票"))
        right = self.item.answer
        shares = self.vote.shares() if self.vote is not None else []
        for i, b in enumerate(self.options):
            text = f"{LETTERS[i]}. {tr(self.item.options[i])}"
            if self.revealed and self.vote is not None:
                text += "  · " + tr("{n} 人 · {p}%").format(n=self.vote.counts[i], p=round(shares[i] * 100))
            b.set_text(text)
            b.enabled = not self.revealed or i == right
            b.style, b.icon = ("safe", "check") if self.revealed and i == right else ("secondary", None)
        same_text_size(self.options)       # the shares added on reveal change the words
        self.explanation.set_text(tr(self.item.explanation) if self.revealed else "")
        self.explanation.visible = self.revealed
        self.done_button.visible = self.revealed
        self.vote_button.visible = not self.revealed
        self.refresh_focus()
        self.dirty = True

    # ---------------------------------------------------------------- actions
    def start_vote(self) -> None:
        if self.revealed or self.nav.top is not self:
            return
        self.nav.navigate("class_vote", title=N_("答题轮"), context=self.item.question, options=list(self.item.options),
                          rule="majority", on_done=self.voted, phones=self.session.controller.phones)

    def voted(self, vote: Vote) -> None:
        """The split is in: reveal, and note the class's answer (its majority; a tie counts as wrong)."""
        self.vote = vote
        self.revealed = True
        self.state.quiz_rounds += 1
        picked = vote.majority()
        correct = picked == self.item.answer
        stats = self.services.play_stats
        if stats is not None and picked is not None:
            stats.record_quiz(self.pool_id, self.index, self.item, correct)
        d = dataclasses.replace(quiz_decision(self.item), chosen=picked, counts=tuple(vote.counts),
                                techniques=tuple(t.value for t in self.item.techniques))
        right = f"{LETTERS[self.item.answer]}. {self.item.options[self.item.answer]}"
        controller = self.session.controller
        minute = int((controller.clock - controller.class_started) // 60) + 1
        self.state.played.append(PlayedScene(len(self.state.played) + 1, WHOLE_CLASS, "quiz_round",
                                             f"{self.pool_id}#{self.index}", self.item.question, None, (d,),
                                             correct, right, minute))
        self.services.sound.play("right" if correct else "wrong")
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
        if intent.action is Action.CONFIRM:
            self.finish() if self.revealed else self.start_vote()
            return True
        return False

    def autoplay_targets(self) -> list:
        return [self.done_button] if self.revealed else [self.vote_button]

    # ---------------------------------------------------------------- layout
    def place(self, size) -> None:
        u, area, portrait, gap = self.regions(size)
        top = layout.top_band(area, 10 * u)
        self.heading.rect = pygame.Rect(top.x, top.y, round(top.w * 0.45), top.h)
        self.turn.rect = pygame.Rect(self.heading.rect.right + gap, top.y, round(top.right - self.heading.rect.right - gap),
                                     top.h)
        bottom = layout.bottom_band(area, 12 * u)
        bw = round(min(50 * u, area.w * 0.4))
        for b in (self.vote_button, self.done_button):
            b.rect = pygame.Rect(bottom.right - bw, bottom.y, bw, bottom.h)
        body = pygame.Rect(area.x, top.bottom + u, area.w, round(bottom.y - gap - top.bottom - u))
        count = len(self.options)
        cols = 1 if portrait or self.revealed or area.w < 120 * u else 2    # 4:3: long answers get the full width
        rows = -(-count // cols)
        opt_h = 11 * u
        opts_h = round(rows * opt_h + (rows - 1) * gap)
        expl_h = round(min(body.h * 0.3, 26 * u)) if self.revealed else 0
        q_h = round(body.h - opts_h - gap - (expl_h + gap if self.revealed else 0))
        self.question_panel.rect = pygame.Rect(body.x, body.y, body.w, max(round(12 * u), q_h))
        self.question.rect = layout.inset(self.question_panel.rect, 3 * u, 1.5 * u)
        # a hand's width, not a bar across the room: the options stay at most OPTION_MAX_UNITS a column, centred
        opts_w = min(body.w, round((cols * OPTION_MAX_UNITS + (cols - 1) * 2) * u))
        opts = pygame.Rect(body.centerx - opts_w // 2, self.question_panel.rect.bottom + gap, opts_w, opts_h)
        for b, r in zip(self.options, layout.grid(opts, count, cols, opt_h, gap)):
            b.rect = r
        same_text_size(self.options)     # no answer stands out by its size
        if self.revealed:
            self.explanation.rect = pygame.Rect(body.x, opts.bottom + gap, body.w, max(0, round(body.bottom - opts.bottom - gap)))
        else:
            self.explanation.rect = pygame.Rect(0, 0, 0, 0)
