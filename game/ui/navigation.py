"""Screens by name: a scene opens another through the navigator, never by importing it.

``ROUTES`` names every screen and the class (or class method) that builds it, as
``"module:attribute"``; the module is imported the first time the screen is opened, so the
title shows before the board's, the phone's and the operator's modules load (start-up time).
A screen is built with the scene context and the keyword arguments of ``navigate``::

    self.nav.navigate("results", score=score, players=rows)

Tests register fakes with ``Navigator.register(name, factory)``.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any, Callable

ROUTES: dict[str, str] = {
    # the way into a game
    "title": "game.ui.scenes.title:TitleScene",
    "content_problems": "game.ui.scenes.title:ProblemsScene",
    "preview_problems": "game.ui.scenes.preview_problems:PreviewProblemsScene",
    "setup_audience": "game.ui.scenes.setup:AudienceScene",
    "setup_players": "game.ui.scenes.setup:PlayersScene",
    "settings": "game.ui.scenes.settings:SettingsScene",
    # a game
    "board": "game.ui.scenes.board.scene:BoardScene",
    "board_demo": "game.ui.scenes.board.scene:BoardScene.demo_for",
    "pause": "game.ui.scenes.board.pause:PauseScene",
    "scenario": "game.ui.scenes.scenario.scene:ScenarioScene",
    "quiz": "game.ui.scenes.quiz:QuizScene",
    "results": "game.ui.scenes.results:ResultsScene",
    "learning_check": "game.ui.scenes.learning_check:LearningCheckScene",
    "feedback": "game.ui.phone.feedback:FeedbackOverlay",
    # kiosk
    "attract": "game.ui.modes.kiosk:AttractScene",
    "countdown": "game.ui.modes.kiosk:CountdownScene",
    # classroom
    "class_setup": "game.ui.modes.classroom.setup:ClassroomSetupScene",
    "class_board": "game.ui.modes.classroom.board:ClassroomBoardScene",
    "paused": "game.ui.modes.classroom.overlays:PausedScene",
    "class_vote": "game.ui.modes.classroom.vote:ClassVoteScene",
    "reveal_choice": "game.ui.modes.classroom.overlays:RevealChoiceOverlay",
    "reveal_answer": "game.ui.modes.classroom.overlays:QuizRevealScene",
    "quiz_round": "game.ui.modes.quiz_round:QuizRoundScene.for_class",
    "class_summary": "game.ui.modes.summary:TeamSummaryScene",
    "class_review": "game.ui.modes.classroom.review:ClassReviewScene",
    "class_end_confirm": "game.ui.modes.classroom.review:EndClassConfirm",
    "pledge": "game.ui.modes.pledge:PledgeScene",
    # the operator
    "pin_pad": "game.ui.modes.operator.pin:PinPadScene",
    "operator_menu": "game.ui.modes.operator.menu:OperatorMenuScene",
    "operator_settings": "game.ui.modes.operator.settings_page:OperatorSettingsScene",
    "operator_stats": "game.ui.modes.operator.stats_page:OperatorStatsScene",
    "operator_packs": "game.ui.modes.operator.packs_page:OperatorPacksScene",
    "operator_install": "game.ui.modes.operator.install_page:OperatorInstallScene",
    "operator_machine": "game.ui.modes.operator.machine_page:OperatorMachineScene",
}

# How each mode is run: its controller (sees every event first, names the mode's first screen).
CONTROLLERS: dict[str, str] = {
    "normal": "game.ui.modes.base:Controller",
    "kiosk": "game.ui.modes.kiosk:KioskController",
    "classroom": "game.ui.modes.classroom.controller:ClassroomController",
}


def resolve(target: str) -> Callable[..., Any]:
    """``"package.module:Class.method"`` → the object (the module imported now if it was not)."""
    module, _, path = target.partition(":")
    obj: Any = import_module(module)
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


class Navigator:
    """Opens screens by name on the scene stack.

    ``context`` is what every scene is built with; ``home_name`` gives the name of the
    current mode's first screen (the title, the kiosk's attract loop, the class set-up).
    """

    def __init__(self, stack, context, home_name: Callable[[], str], routes: dict[str, str] | None = None):
        self.stack = stack
        self.context = context
        self._home_name = home_name
        self._routes = dict(ROUTES if routes is None else routes)
        self._factories: dict[str, Callable[..., Any]] = {}

    def register(self, name: str, factory: Callable[..., Any]) -> None:
        """``factory(context, **kw)`` builds the screen ``name`` from now on (tests register fakes)."""
        self._factories[name] = factory

    def factory(self, name: str) -> Callable[..., Any]:
        found = self._factories.get(name)
        if found is None:
            if name not in self._routes:
                raise KeyError(f"no screen named {name!r} (screens: {', '.join(sorted(self._routes))})")
            found = self._factories[name] = resolve(self._routes[name])
        return found

    def make(self, name: str, **kw):
        """The screen ``name``, built but not shown."""
        return self.factory(name)(self.context, **kw)

    def navigate(self, name: str, **kw):
        """Show the screen ``name`` over the current one; returns it."""
        scene = self.make(name, **kw)
        self.stack.push(scene)
        return scene

    push = navigate

    def replace(self, name: str, **kw):
        """Show the screen ``name`` instead of the current one."""
        scene = self.make(name, **kw)
        self.stack.replace(scene)
        return scene

    def back(self) -> None:
        """Close the current screen."""
        self.stack.pop()

    def close(self, scene) -> None:
        """Close ``scene`` if it is the one on top."""
        if self.stack.top is scene:
            self.stack.pop()

    def home_scene(self):
        return self.make(self._home_name())

    def home(self) -> None:
        """Empty the stack and start again from the mode's first screen."""
        self.stack.clear_to(self.home_scene())

    def show(self, scene) -> None:
        """Show a screen built already (``make``) over the current one."""
        self.stack.push(scene)

    def remove(self, scene) -> None:
        """Take ``scene`` off the stack wherever it is (the teacher's pause under a reveal)."""
        if self.stack.top is scene:
            self.stack.pop()
        elif scene in self.stack.scenes:
            self.stack.scenes.remove(scene)

    @property
    def top(self):
        return self.stack.top

    @property
    def scenes(self) -> tuple:
        """The screens open, bottom first."""
        return tuple(self.stack.scenes)

    def is_open(self, name: str) -> bool:
        return any(s.name == name for s in self.stack.scenes)

    def find(self, *names: str):
        """The topmost open screen with one of ``names``, or None."""
        return next((s for s in reversed(self.stack.scenes) if s.name in names), None)
