"""The board with teams (第1组 …); every scene is noted for the debrief; the game ends on the
lesson's time (or scene count); at the end the class summary instead of the results."""

from __future__ import annotations

import dataclasses

from game.rules.state import Phase

from ...scenes.board import BoardScene
from .check import ClassBoardCheck
from .decisions import played_scene
from .state import ClassroomState, team_name


class ClassroomBoardScene(ClassBoardCheck, BoardScene):
    """The board with teams (第1组 …); at the end the class summary instead of the results."""

    name = "board"

    def __init__(self, ctx, board, seats, pack, state: ClassroomState, seed: int | None = None):
        self.classroom = state
        self.class_ended = False    # the teacher ended the class from the summary
        self.time_up = False        # the lesson's time (or scene count) ended the game
        self.look = ctx.look         # the team names need it before the board scene sets it
        super().__init__(ctx, board, seats, pack, seed)
        self.game.max_turns = state.plan.turn_limit(state.teams)
        self.game.catch_up = True      # every team gets scenes early (docs/boards.md, "Classroom pace")

    def _player_info(self, i: int, plan):
        info = super()._player_info(i, plan)
        return dataclasses.replace(info, name=team_name(self.look, i))

    def _update_scores(self) -> None:
        super()._update_scores()
        for i, p in enumerate(self.players):   # just the team's name (and its place): every team is people
            place = ""
            if self.game.is_finished(i):
                place = " · " + self.session.tr("第{n}名").format(n=self.game.finish_order.index(i) + 1)
            self.score_labels[i].set_text(p.name + place)

    # ------------------------------------------------------------ the lesson's clock
    def elapsed(self) -> float:
        controller = self.session.controller
        return max(0.0, controller.clock - controller.class_started)

    def lesson_over(self) -> bool:
        state = self.classroom
        return state.plan.over(self.elapsed(), sum(1 for s in state.played if s.team >= 0))

    def _decide(self, dt: float) -> None:
        # A new turn starts only while another scene still fits in the lesson.
        if (not self.game.is_over and self.game.phase is Phase.ROLL and not self.results_shown
                and self.lesson_over()):
            self.time_up = True
            self.show_results()
            return
        super()._decide(dt)

    # ------------------------------------------------------------ scenes noted for the debrief
    def _note(self, scene, result) -> None:
        pending = self.game.pending_scene
        team = pending.player if pending is not None else self.game.current
        minute = int(self.elapsed() // 60) + 1
        self.classroom.played.append(played_scene(self.classroom, self.session.library, team, scene, result, minute))

    def scene_done(self, result) -> None:
        if self.scene_open is not None:
            self._note(self.scene_open, result)
        super().scene_done(result)

    def open_menu(self) -> None:
        """The board's menu button is the teacher's one pause (the same as P on the bar)."""
        self.session.controller.toggle_pause()

    def show_results(self) -> None:
        if self.open_check_after(self.show_results):    # the class's check first, then the summary
            return
        self.results_shown = True
        self.session.game_finished()
        self.nav.navigate("class_summary", state=self.classroom, board=self, game_over=True)

    def skip_current_scene(self) -> bool:
        """The teacher skips the open scam scene or quiz question: it closes unscored, the game goes on."""
        if self.scene_open is None or self.scene_open not in self.nav.scenes:
            return False
        self._note(self.scene_open, None)
        self.skip_scene()
        return True
