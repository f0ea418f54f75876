"""A computer player plays its own scam scene: each line stays long enough to read, then its choice is
shown for a moment and taken, its feedback read and closed, its ending read and left. A tap skips the
wait (继续 goes on at once), but the scene never waits for a person.

With the pack setting ``table_decides_for_computer`` the lines still play by themselves, and the
people at the table choose for the computer; the screen says so.
"""

from __future__ import annotations

import random

from ....rules.policies import get_policy
from ...phone.labels import N_
from ...seats import COMPUTER_POLICY

SECONDS_PER_CHAR = 0.25     # reading time of a line
MIN_READ = 1.5              # the shortest time a text stays
THINK = 0.8                 # the choices show this long before the computer picks
SHOW_CHOICE = 1.6           # the computer's pick stays highlighted this long before it is taken

PROMPT_THINKING = N_("电脑玩家在想……")
PROMPT_PICKED = N_("电脑玩家选了：")
PROMPT_TABLE = N_("电脑玩家：请大家帮它选")


def read_time(text: str) -> float:
    return max(MIN_READ, len(text) * SECONDS_PER_CHAR)


class _Driver:
    """What both drivers keep: the scene, the policy and its seeded rng, and the wait in progress."""

    def __init__(self, scene, policy=None, seed: object = 0, table_decides: bool = False):
        self.scene = scene
        self.policy = policy or get_policy(COMPUTER_POLICY)
        self.rng = random.Random(str(seed))
        self.table_decides = table_decides
        self.waited = 0.0
        self.picked: int | None = None     # the index of the choice or answer shown as picked
        self._seen = None                  # what the wait is for (the screen's state when it began)


class ComputerDriver(_Driver):
    """Plays ``scene`` (a ``ScenarioScene``) for a computer player; ``update(dt)`` each frame."""

    def prompt(self) -> str:
        if self.table_decides:
            return PROMPT_TABLE
        return PROMPT_PICKED if self.picked is not None else PROMPT_THINKING

    def update(self, dt: float) -> None:
        scene = self.scene
        top = scene.nav.top
        now = (scene.phase, scene.node.id if scene.node else None, scene.shown, id(top))
        if now != self._seen:
            if self._seen is None or now[:2] != self._seen[:2]:
                self.picked = None             # a new node: nothing picked here yet
            self._seen, self.waited = now, 0.0
        self.waited += dt
        if top is not scene:
            # The feedback card of the computer's choice: read, then closed.
            if getattr(top, "name", "") == "feedback" and self.waited >= read_time(scene.session.tr(top.choice.feedback)):
                top.close()
            return
        if scene.phase == "lines":
            if self.waited >= self._line_time():
                scene.advance()
        elif scene.phase == "choices" and not self.table_decides:
            self._choose()
        elif scene.phase == "ending" and self.waited >= read_time(scene.session.tr(scene.end_summary.text)):
            scene.finish()

    def _line_time(self) -> float:
        scene = self.scene
        if scene.awaiting_answer:
            return MIN_READ
        return read_time(scene.caption.shown_text())

    def _choose(self) -> None:
        scene = self.scene
        choices = scene.runner.choices
        if self.picked is None:
            if self.waited < THINK:
                return
            self.picked = self.policy.choose_choice(choices, self.rng)
            self.waited = 0.0
            scene.show_computer_pick(self.picked)
            return
        if self.waited >= SHOW_CHOICE:
            index, self.picked = self.picked, None
            scene.choose(index)


class QuizComputerDriver(_Driver):
    """Answers ``scene`` (a ``QuizScene``) for a computer player: reads the question, shows its answer
    for a moment, picks it, reads the explanation and goes on. With ``table_decides`` the people answer."""

    def update(self, dt: float) -> None:
        scene = self.scene
        if scene.nav.top is not scene or scene.finished:
            return
        now = (scene.answer is None, self.picked)
        if now != self._seen:
            self._seen, self.waited = now, 0.0
        self.waited += dt
        tr = scene.session.tr
        if scene.answer is not None:
            if self.waited >= read_time(tr(scene.item.explanation)):
                scene.finish()
        elif self.table_decides:
            return
        elif self.picked is None:
            if self.waited >= read_time(tr(scene.item.question)) + THINK:
                self.picked = self.policy.answer_quiz(scene.item, self.rng)
                button = scene.options[self.picked]
                button.style, button.selected, button.enabled = "choice", True, True
                scene.invalidate()
        elif self.waited >= SHOW_CHOICE:
            scene.pick(self.picked)
