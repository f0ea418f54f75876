"""How a classroom lesson runs in time, played by the rules alone: when each team gets its first
scene and how many it gets before the lesson ends.

The clock follows the classroom's model (``classroom.py``): each roll costs ``TURN_SECONDS``,
each script ``SCENE_SECONDS`` and each quiz question ``QUESTION_SECONDS``; a new turn starts only
while ``LessonPlan`` still has room for a scene, as on the classroom board. The game runs with
``Game.catch_up`` on, as in class (see docs/boards.md, "Classroom pace").
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from game.content.models import Board, Library, Pack

from .classroom import QUESTION_SECONDS, SCENE_SECONDS, TURN_SECONDS, LessonPlan
from .engine import Game, Phase
from .players import PlayerSpec
from .policies import get_policy, play_pending_scene


@dataclass(frozen=True)
class LessonRun:
    first_scene: tuple[float | None, ...]    # second of the lesson each team's first scene starts
    scenes: tuple[int, ...]                   # scenes per team
    ended: float                              # second the game ended


def play_lesson(board: Board, library: Library, pack: Pack | None, plan: LessonPlan, teams: int, seed: int,
                catch_up: bool = True) -> LessonRun:
    """One lesson of ``teams`` teams playing at random (moves, choices and answers)."""
    game = Game(board, [PlayerSpec(f"team{i + 1}", seat.colour) for i, seat in enumerate(board.seats[:teams])], seed,
                library=library, pack=pack, max_turns=plan.turn_limit(teams), record=False)
    game.catch_up = catch_up
    policy, rng = get_policy("random"), random.Random(seed)
    clock = 0.0
    first: list[float | None] = [None] * teams
    scenes = [0] * teams
    while not game.is_over:
        if game.phase is Phase.ROLL:
            if plan.over(clock, sum(scenes)):
                break
            clock += TURN_SECONDS
            game.roll()
        elif game.phase is Phase.MOVE:
            game.apply(policy.choose_move(game, game.legal_moves(), rng))
        else:
            req = game.pending_scene
            if first[req.player] is None:
                first[req.player] = clock
            scenes[req.player] += 1
            clock += SCENE_SECONDS if req.scenario else QUESTION_SECONDS
            game.resolve_scene(play_pending_scene(game, policy, rng))
    return LessonRun(tuple(first), tuple(scenes), clock)
