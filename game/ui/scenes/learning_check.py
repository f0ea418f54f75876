"""The anonymous learning check: a few quiz items before the game, matched ones after it.

API (the board uses it; the classroom can too)::

    check = learning_check_for(session, pack, seed)      # None: the pack or the operator says no
    nav.navigate("learning_check", items=check.before, phase="before", on_done=then)
    ...
    nav.navigate("learning_check", items=check.after, phase="after", on_done=then)

The screen asks the items one after the other (question and 2–4 big answers; no right/wrong
shown: it measures, the game teaches), records each answer with
``services.play_stats.record_check(phase, item, correct)`` unless ``record=False``, closes itself
and calls ``on_done(answers)`` with ``[(CheckItem, correct), …]`` — fewer than asked when
"跳过" was tapped (a check left half-way counts nothing in the statistics: docs/statistics.md).
Nothing personal is asked or kept.
"""

from __future__ import annotations

from typing import Callable

import pygame

from ...i18n.marker import N_
from ...rules.checks import CheckItem, LearningCheck, pick_learning_check
from .. import layout
from ..widgets import Button, Label, Panel, ScreenScene, TextBox

LETTERS = "ABCD"
INTROS = {"before": N_("开始前，先答 {n} 道小题（不记名，答错没关系）"),
          "after": N_("玩完了，再答 {n} 道小题，看看学到了多少（不记名）")}


def learning_check_wanted(settings, pack) -> bool:
    """The audience pack asks for the check and the operator has not switched checks off."""
    return bool(pack is not None and pack.settings.learning_check and getattr(settings, "learning_check", True))


def learning_check_for(session, pack, seed: int) -> LearningCheck | None:
    """The matched before/after items for a game of ``pack`` (``game.rules.checks``), or None when
    the check is not wanted or the pack has no scam type with two quiz items."""
    if not learning_check_wanted(session.settings, pack):
        return None
    return pick_learning_check(pack, session.library, seed)


class LearningCheckScene(ScreenScene):
    name = "learning_check"

    def __init__(self, ctx, items: tuple[CheckItem, ...], phase: str = "before",
                 on_done: Callable[[list[tuple[CheckItem, bool]]], None] | None = None, record: bool = True):
        if phase not in INTROS:
            raise ValueError(f"phase must be 'before' or 'after', not {phase!r}")
        self.check_items = tuple(items)
        self.phase = phase
        self.on_done = on_done
        self.record = record
        self.index = 0
        self.answers: list[tuple[CheckItem, bool]] = []
        self.closed = False
        super().__init__(ctx)

    @property
    def current(self) -> CheckItem | None:
        return self.check_items[self.index] if self.index < len(self.check_items) else None

    def build(self) -> None:
        self.heading = Label(self.look, N_("答题小测"), role="heading", colour_key="accent", align="left")
        self.progress = Label(self.look, "", role="caption", colour_key="text_muted", align="right", translate=False)
        self.intro = TextBox(self.look, "", role="body", colour_key="text_muted", translate=False)
        self.question_panel = Panel(self.look)
        self.question = TextBox(self.look, "", role="heading", bold=False, valign="center")
        self.options = [Button(self.look, "", lambda i=i: self.pick(i), style="secondary", translate=False,
                               name=f"check_option_{i}") for i in range(4)]
        self.skip = Button(self.look, N_("跳过"), self.skip_all, style="secondary", icon="play", autoplay_weight=0.1,
                           name="skip_check")
        self.items = [self.heading, self.progress, self.intro, self.question_panel, self.question, *self.options,
                      self.skip]
        self.show()

    def show(self) -> None:
        tr = self.session.tr
        item = self.current
        if item is None:
            return
        self.intro.set_text(tr(INTROS[self.phase]).format(n=len(self.check_items)))
        self.progress.set_text(tr("第 {i}/{n} 题").format(i=self.index + 1, n=len(self.check_items)))
        self.question.set_text(item.item.question)
        for i, button in enumerate(self.options):
            button.visible = i < len(item.item.options)
            if button.visible:
                button.set_text(f"{LETTERS[i]}. {tr(item.item.options[i])}")
        self.dirty = True

    def on_locale_changed(self) -> None:
        self.show()

    # ---- answers
    def pick(self, i: int) -> None:
        item = self.current
        if item is None or self.closed:
            return
        correct = i == item.item.answer
        self.answers.append((item, correct))
        stats = self.services.play_stats
        if self.record and stats is not None:
            stats.record_check(self.phase, item, correct)
        self.index += 1
        if self.current is None:
            self.finish()
        else:
            self.show()
            self.layout(self.look.size)

    def skip_all(self) -> None:
        self.finish()

    def back(self) -> bool:
        self.finish()
        return True

    def finish(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.nav.close(self)
        if self.on_done is not None:
            self.on_done(list(self.answers))

    # ---- layout
    def place(self, size) -> None:
        u, area, portrait, gap = self.regions(size)
        top = layout.top_band(area, 9 * u)
        self.heading.rect = pygame.Rect(top.x, top.y, round(top.w * 0.6), top.h)
        self.progress.rect = pygame.Rect(self.heading.rect.right, top.y, top.w - self.heading.rect.w, top.h)
        self.intro.rect = pygame.Rect(area.x, top.bottom, area.w, round((12 if portrait else 8) * u))
        bar = layout.bottom_band(area, 12 * u)
        self.skip.rect = pygame.Rect(bar.right - round(min(36 * u, area.w * 0.3)), bar.y,
                                     round(min(36 * u, area.w * 0.3)), bar.h)
        body = pygame.Rect(area.x, self.intro.rect.bottom + u, area.w, bar.y - gap - self.intro.rect.bottom - u)
        shown = [b for b in self.options if b.visible]
        columns = 1 if portrait or len(shown) <= 2 else 2
        for units in (13, 15, 17, 19):   # long answers (English) take taller buttons, from the question's room
            self._place_answers(body, shown, columns, units * u, gap)
            if all(b.text_fits() for b in shown) and self.question.text_fits():
                break
        for b in self.options:
            if not b.visible:
                b.rect = pygame.Rect(0, 0, 0, 0)

    def _place_answers(self, body: pygame.Rect, shown: list, columns: int, option_h: float, gap: float) -> None:
        u = self.look.unit
        rows = -(-len(shown) // columns)
        answers_h = round(rows * option_h + (rows - 1) * gap)
        self.question_panel.rect = pygame.Rect(body.x, body.y, body.w, body.h - answers_h - gap)
        self.question.rect = layout.inset(self.question_panel.rect, 3 * u, 2 * u)
        answers = pygame.Rect(body.x, self.question_panel.rect.bottom + gap, body.w, answers_h)
        for b, r in zip(shown, layout.grid(answers, len(shown), columns, option_h, gap)):
            b.rect = r
