"""One computer game played to its end, and the summary over many.

``play_game`` plays a whole game with every seat's policy, scenes included (the
policy plays the real script or quiz item), and keeps what the report needs in
a ``GameSummary``; ``summarise`` adds many up. Both are pure: the same seeds
give the same summaries, in whatever process they are played.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Sequence

from game.content.models import Board, Library, Pack

from .engine import Game, Phase, PlayerSpec
from .geometry import Geometry
from .policies import Policy, get_policy, play_pending_scene

SECONDS_PER_TURN = 6
SECONDS_PER_SCENARIO = 60
SECONDS_PER_QUIZ = 20
TURN_CAP = 2000   # a board with no max_turns is stopped here and the game counted unfinished


@dataclass
class GameSummary:
    turns: int
    reason: str                      # finished / max_turns (the board's own limit) / cap
    winner: str | None               # seat colour; None when stopped at the cap
    scenarios: int = 0
    quizzes: int = 0
    tile_landings: dict[str, int] = field(default_factory=dict)
    savings: list[int] = field(default_factory=list)

    @property
    def seconds(self) -> int:
        return self.turns * SECONDS_PER_TURN + self.scenarios * SECONDS_PER_SCENARIO + self.quizzes * SECONDS_PER_QUIZ


def play_game(board: Board, players: Sequence[PlayerSpec], seed: int, *, library: Library | None = None,
              pack: Pack | None = None, rules=None, max_turns: int | None = None,
              geometry: Geometry | None = None) -> GameSummary:
    """One whole computer game; every player uses ``PlayerSpec.policy`` (default random)."""
    game = Game(board, players, seed, library=library, pack=pack, rules=rules, max_turns=max_turns,
                geometry=geometry, record=False)
    policies: list[Policy] = [get_policy(spec.policy or "random") for spec in players]
    choosers = [policy.choose_move for policy in policies]
    rng = game.ai_rng
    scenarios = quizzes = 0
    roll, apply, resolve = game.roll, game.apply, game.resolve_scene
    ROLL, MOVE, SCENE = Phase.ROLL, Phase.MOVE, Phase.SCENE
    while True:
        phase = game.phase
        if phase is ROLL:
            roll()
            if game.phase is MOVE:
                # The game's own move list, not legal_moves()'s copy: a policy only reads it.
                apply(choosers[game.current](game, game._moves, rng))
        elif phase is MOVE:
            apply(choosers[game.current](game, game._moves, rng))
        elif phase is SCENE:
            result = play_pending_scene(game, policies[game.pending_scene.player], rng)
            if result.kind == "scenario":
                scenarios += 1
            else:
                quizzes += 1
            resolve(result)
        else:
            break
    capped = game.over_reason == "max_turns" and max_turns is not None and not game.rules.get("max_turns")
    reason = "cap" if capped else game.over_reason
    winner = None if capped else game.colour(game.winner)
    return GameSummary(game.turns, reason, winner, scenarios, quizzes, dict(game.tile_landings),
                       [s.savings for s in game.scores])


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile of ``values`` (q in 0..100)."""
    if not values:
        return 0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def summarise(games: list[GameSummary], board: Board, library: Library | None, starting: int) -> dict:
    """The report's figures over ``games``, taken in their order (the order of their seeds)."""
    n = len(games)
    turns = [g.turns for g in games]
    minutes = [g.seconds / 60 for g in games]
    seats = [s.colour for s in board.seats]
    wins = {c: 0 for c in seats}
    for g in games:
        if g.winner is not None:
            wins[g.winner] += 1
    decided = sum(wins.values())
    landings: dict[str, int] = {}
    for g in games:
        for tile, count in g.tile_landings.items():
            landings[tile] = landings.get(tile, 0) + count
    savings = [s for g in games for s in g.savings]
    tiles = library.tiles if library else {}
    return {
        "games": n,
        "ended": {reason: sum(1 for g in games if g.reason == reason) for reason in ("finished", "max_turns", "cap")},
        "turns": {"mean": round(sum(turns) / n, 1), "p50": percentile(turns, 50), "p90": percentile(turns, 90),
                  "max": max(turns)},
        "minutes": {"mean": round(sum(minutes) / n, 1), "p50": round(percentile(minutes, 50), 1),
                    "p90": round(percentile(minutes, 90), 1), "max": round(max(minutes), 1)},
        "assumptions": {"seconds_per_turn": SECONDS_PER_TURN, "seconds_per_scenario": SECONDS_PER_SCENARIO,
                        "seconds_per_quiz": SECONDS_PER_QUIZ},
        "scenes_per_game": {"scenarios": round(sum(g.scenarios for g in games) / n, 2),
                            "quizzes": round(sum(g.quizzes for g in games) / n, 2)},
        "tile_landings_per_game": {
            tile: {"keyword": tiles[tile].keyword if tile in tiles else "",
                   "per_game": round(count / n, 2)}
            for tile, count in sorted(landings.items(), key=lambda kv: (-kv[1], kv[0]))},
        "win_rate_by_seat": {c: round(wins[c] / decided, 3) if decided else 0.0 for c in seats},
        "savings_left": {"starting": starting,
                         "mean": round(sum(savings) / len(savings)) if savings else starting,
                         "min": min(savings) if savings else starting,
                         "mean_share": round(sum(savings) / len(savings) / starting, 3) if savings and starting
                         else 1.0},
    }
