"""The rules of 反诈飞行棋, pure Python (no pygame): board geometry, the game
state machine, scenes (scripts and quizzes), scoring, computer players and the
``simulate`` command.

Modules:

* the board — ``geometry`` (routes, jumps, flights), ``switches`` (a board's rule switches, read)
* one game — ``engine`` (``Game`` and a turn, start here), ``state`` (its fields), ``players``
  (seats), ``moves`` (what a roll allows), ``moving`` (making a move), ``turns`` (passing the
  turn, standings), ``scene_turn`` (a scene on a scam tile), ``scene_pick`` (which scene), ``events``
* scenes and scores — ``scenes`` (playing a script or quiz item), ``scoring``, ``checks``
  (the learning check)
* computer players — ``policies``
* ``python -m game simulate`` — ``simulate`` (the command), ``simulate_games`` (one game, the
  summary), ``simulate_pool`` (on several processes)
"""

from .engine import Game
from .moves import Move, MovePreview
from .players import PlayerSpec
from .state import IllegalMove, Phase
from .turns import Standing
from .events import (
    Bounced, Captured, Event, ExtraRoll, Finished, Flew, GameOver, Jumped, Launched, Moved, PlayerFinished,
    Rolled, SafeTileLanded, SceneRequested, SceneResolved, TripleSixPenalty, TurnLost, TurnPassed,
)
from .geometry import HANGAR, Geometry, SeatRoute, Spot
from .policies import POLICIES, Policy, auto_step, get_policy, play_pending_scene, play_quiz, play_scenario
from .scenes import (
    ChoiceResult, QuizAnswer, QuizRunner, Route, RouteSet, SceneError, SceneResult, ScenarioRunner, all_routes,
    check_routes, iter_routes, play_route,
)
from .scoring import Badge, PlayerScore, SessionScore

__all__ = [
    "Game", "IllegalMove", "Move", "MovePreview", "Phase", "PlayerSpec", "Standing",
    "Event", "Rolled", "Launched", "Moved", "Bounced", "Jumped", "Flew", "Captured", "Finished",
    "PlayerFinished", "ExtraRoll", "TripleSixPenalty", "TurnLost", "SafeTileLanded", "SceneRequested",
    "SceneResolved", "TurnPassed", "GameOver",
    "HANGAR", "Geometry", "SeatRoute", "Spot",
    "POLICIES", "Policy", "auto_step", "get_policy", "play_pending_scene", "play_quiz", "play_scenario",
    "ChoiceResult", "QuizAnswer", "QuizRunner", "Route", "RouteSet", "SceneError", "SceneResult",
    "ScenarioRunner", "all_routes", "check_routes", "iter_routes", "play_route",
    "Badge", "PlayerScore", "SessionScore",
]
