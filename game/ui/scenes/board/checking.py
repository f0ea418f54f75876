"""The board's part of the learning check: the "before" items before the first roll, the "after"
items before the results (``game.ui.scenes.learning_check``). Not in the title's demo game, and
not in classroom mode (the class's check is the classroom's own)."""

from __future__ import annotations

from game.rules.checks import pick_learning_check

from ..learning_check import learning_check_wanted


class BoardLearningCheck:
    learning = None            # game.rules.checks.LearningCheck for this game, or None

    def pick_learning_check(self) -> None:
        self.checks_opened: set[str] = set()
        if self.demo or self.session.mode == "classroom":
            return
        if learning_check_wanted(self.session.settings, self.pack):
            self.learning = pick_learning_check(self.pack, self.session.library, self.session.rng.getrandbits(32))

    def open_check_before(self) -> bool:
        """Before the first roll: opens the check once; True while the board should wait for it."""
        if self.learning is None or "before" in self.checks_opened:
            return False
        self.checks_opened.add("before")
        self.nav.navigate("learning_check", items=self.learning.before, phase="before")
        return True

    def checking(self) -> bool:
        """Whether a class's learning check is on screen: never here (the classroom's board says so
        for its own check, ``game.ui.modes.classroom.check``)."""
        return False

    def show_results(self) -> None:
        if self.learning is not None and "before" in self.checks_opened and "after" not in self.checks_opened:
            self.checks_opened.add("after")
            self.nav.navigate("learning_check", items=self.learning.after, phase="after",
                              on_done=lambda answers: self.show_results())
            return
        super().show_results()
