"""The board with teams (第1组 …); at the end the class summary instead of the results."""

from __future__ import annotations

import dataclasses

from ...scenes.board import BoardScene
from .state import ClassroomState, team_name


class ClassroomBoardScene(BoardScene):
    """The board with teams (第1组 …); at the end the class summary instead of the results."""

    name = "board"

    def __init__(self, ctx, board, seats, pack, state: ClassroomState, seed: int | None = None):
        self.classroom = state
        self.class_ended = False    # the teacher ended the class from the summary
        self.look = ctx.look         # the team names need it before the board scene sets it
        super().__init__(ctx, board, seats, pack, seed)

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

    def show_results(self) -> None:
        self.results_shown = True
        self.session.game_finished()
        self.nav.navigate("class_summary", state=self.classroom, board=self, game_over=True)

    def skip_current_scene(self) -> bool:
        """The teacher skips the open scam scene or quiz question: it closes unscored, the game goes on."""
        if self.scene_open is None or self.scene_open not in self.nav.scenes:
            return False
        self.skip_scene()
        return True
