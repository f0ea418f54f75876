"""The class's learning check: before the first roll, 2–3 check items voted on by show of hands;
the matched items (same scam types) after the game, before the summary.

Each item is asked with the classroom's own vote screen (``class_vote``, counts per option, the
split as bars, no answer revealed); the class's right and wrong hands go to the statistics (one
anonymous answer per hand) and to ``ClassroomState.check_hands`` for the summary. The teacher's
S (跳过) ends the check at once: what was counted stays, the rest is not asked; the after items
are asked only on the scam types voted on before. On when the operator's 学习小测 is on (every
classroom pack, whatever the pack's own ``learning_check``), and the pack has matched items.
"""

from __future__ import annotations

from typing import Callable

from game.rules.checks import CheckItem, LearningCheck, pick_learning_check
from game.rules.class_check import hands_on
from game.rules.classroom import TEAM_DECIDES

from ....i18n.marker import N_
from .state import ClassroomState

TITLES = {"before": N_("课前小测（举手，不记名）· 第 {i}/{n} 题"), "after": N_("课后小测（举手，不记名）· 第 {i}/{n} 题")}


def class_check_for(session, pack, seed: int) -> LearningCheck | None:
    """The class's matched items, or None (the operator switched checks off, or the pack has none)."""
    if pack is None or not getattr(session.settings, "learning_check", True):
        return None
    return pick_learning_check(pack, session.library, seed)


class ClassCheckRun:
    """One phase of the class's check, item after item, each on the vote screen."""

    def __init__(self, ctx, state: ClassroomState, phase: str, items: tuple[CheckItem, ...],
                 on_done: Callable[[], None]):
        self.nav, self.session, self.services = ctx.nav, ctx.session, ctx.services
        self.state = state
        self.phase = phase
        self.items = items
        self.on_done = on_done
        self.index = 0
        self.vote = None          # the vote screen on the item being asked
        self.done = False

    def start(self) -> None:
        self._ask()

    def _ask(self) -> None:
        if self.done:
            return
        if self.index >= len(self.items):
            self._finish()
            return
        item = self.items[self.index]
        title = self.session.tr(TITLES[self.phase]).format(i=self.index + 1, n=len(self.items))
        controller = self.session.controller
        self.vote = self.nav.navigate("class_vote", title=title, context=item.item.question,
                                      options=list(item.item.options), rule=TEAM_DECIDES, team="",
                                      phones=getattr(controller, "phones", None), check=True,
                                      on_done=lambda vote, item=item: self._voted(item, vote))

    def _voted(self, item: CheckItem, vote) -> None:
        if self.done:
            return
        hands = hands_on(item, self.phase, vote.counts)
        self.state.check_hands.append(hands)
        stats = self.services.play_stats
        if stats is not None and hands.total:
            stats.record_check_hands(hands)
        self.index += 1
        self._ask()

    def skip(self) -> None:
        """The teacher ends the check: the item on screen is dropped, nothing more is asked."""
        if self.done:
            return
        vote, self.vote = self.vote, None
        if vote is not None and vote in self.nav.scenes:
            if vote.question is not None:
                vote.phones.close(len(vote.option_texts))    # the phones' question ends too
            self.nav.close(vote)
        self._finish()

    def _finish(self) -> None:
        if not self.done:
            self.done = True
            self.vote = None
            self.on_done()


class ClassBoardCheck:
    """The class board's part (before ``BoardScene`` in its bases): the check before the first roll,
    the matched items when the game ends."""

    check_run: ClassCheckRun | None = None

    def pick_learning_check(self) -> None:
        self.checks_opened: set[str] = set()
        self.classroom.check = class_check_for(self.session, self.pack, self.session.rng.getrandbits(32))

    def open_check_before(self) -> bool:
        """Before the first roll: the check opens once; True while the board should wait for it."""
        check = self.classroom.check
        if check is None or "before" in self.checks_opened:
            return False
        self.checks_opened.add("before")
        self._run_check("before", check.before, lambda: None)
        return True

    def open_check_after(self, then: Callable[[], None]) -> bool:
        """At the end of the game: the after items on the types the class voted on before; True when
        the check opened (``then`` follows it)."""
        check = self.classroom.check
        if check is None or "after" in self.checks_opened:
            return False
        self.checks_opened.add("after")
        voted = self._voted_before()
        items = tuple(item for item in check.after if item.scam_type in voted)
        if not items:
            return False
        self._run_check("after", items, then)
        return True

    def after_check_pending(self) -> bool:
        """The class voted on the check before the game and has not been asked the matched items after it
        (the teacher opened the summary before the game's end)."""
        check = self.classroom.check
        return (check is not None and "before" in self.checks_opened and "after" not in self.checks_opened
                and bool(self._voted_before()))

    def _voted_before(self) -> set[str]:
        """The scam types the class raised hands on before the game."""
        return {h.item.scam_type for h in self.classroom.check_hands if h.phase == "before" and h.total}

    def checking(self) -> bool:
        """The class's check is on screen (the teacher's S skips it)."""
        return self.check_run is not None and not self.check_run.done

    def skip_check(self) -> bool:
        if not self.checking():
            return False
        self.check_run.skip()
        return True

    def _run_check(self, phase: str, items, then: Callable[[], None]) -> None:
        self.check_run = ClassCheckRun(self, self.classroom, phase, items, then)
        self.check_run.start()
