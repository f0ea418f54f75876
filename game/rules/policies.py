"""Computer players: how they pick board moves, scene choices and quiz answers.

Every decision takes the ``random.Random`` to draw from (``Game.ai_rng`` in a
real game, the simulation's own in ``simulate``), so play is reproducible.

* random   — any legal move; any choice; any answer.
* cautious — safest move (finish, stay out of reach of opponents, avoid scam
             tiles); prefers safe choices (reporting/verifying first); answers
             quizzes right 85% of the time.
* naive    — any legal move; takes a risky choice 75% of the time when one is
             offered; answers quizzes right 40% of the time.
* greedy   — captures first, then the longest move; in scenes takes the choice
             that promises the most (risky, largest sum); quizzes right 60%.
"""

from __future__ import annotations

import random
from typing import Sequence

from game.content.models import Choice, Outcome, QuizItem, Scenario

from .engine import Game, Move, Phase
from .scenes import SceneError, SceneResult, ScenarioRunner

MAX_SCENE_STEPS = 1000
_WANDER_AFTER = 25  # steps after which a policy stops insisting and wanders, so loops end


class Policy:
    name = "random"
    quiz_accuracy: float | None = None   # None = pick an option uniformly

    def choose_move(self, game: Game, moves: Sequence[Move], rng: random.Random) -> Move:
        return moves[int(rng.random() * len(moves))]

    def choose_choice(self, choices: Sequence[Choice], rng: random.Random) -> int:
        return int(rng.random() * len(choices))

    def answer_quiz(self, item: QuizItem, rng: random.Random) -> int:
        n = len(item.options)
        if self.quiz_accuracy is None or n < 2:
            return int(rng.random() * n)
        if rng.random() < self.quiz_accuracy:
            return item.answer
        wrong = [i for i in range(n) if i != item.answer]
        return wrong[int(rng.random() * len(wrong))]

    def __repr__(self) -> str:
        return f"<policy {self.name}>"


class RandomPolicy(Policy):
    name = "random"


class CautiousPolicy(Policy):
    name = "cautious"
    quiz_accuracy = 0.85
    _rank = {Outcome.SAFE: 0, Outcome.NEUTRAL: 1, Outcome.RISKY: 2}

    def choose_move(self, game, moves, rng):
        def score(move: Move):
            preview = game.preview(move)
            square = game.route(move.player).square(preview.stops[-1])
            return (preview.finishes, not _in_reach(game, move.player, square), preview.tile is None,
                    move.to - move.frm)
        return _best(moves, score, rng)

    def choose_choice(self, choices, rng):
        return _best(range(len(choices)), lambda i: (-self._rank[choices[i].outcome],
                                                     choices[i].ladder.is_credit, -choices[i].money), rng)


class NaivePolicy(Policy):
    name = "naive"
    quiz_accuracy = 0.4
    risky_rate = 0.75

    def choose_choice(self, choices, rng):
        risky = [i for i, c in enumerate(choices) if c.outcome is Outcome.RISKY]
        if risky and rng.random() < self.risky_rate:
            return risky[int(rng.random() * len(risky))]
        return int(rng.random() * len(choices))


class GreedyPolicy(Policy):
    name = "greedy"
    quiz_accuracy = 0.6

    def choose_move(self, game, moves, rng):
        def score(move: Move):
            preview = game.preview(move)
            return (preview.captures, preview.finishes, move.launch, move.to - move.frm)
        return _best(moves, score, rng)

    def choose_choice(self, choices, rng):
        # The scam's bait is the "gain": the risky option, and the bigger the sum the better it looks.
        return _best(range(len(choices)), lambda i: (choices[i].outcome is Outcome.RISKY, choices[i].money), rng)


def _best(items, key, rng: random.Random):
    items = list(items)
    scored = [key(x) for x in items]
    top = max(scored)
    best = [x for x, s in zip(items, scored) if s == top]
    return best[0] if len(best) == 1 else best[int(rng.random() * len(best))]


def _in_reach(game: Game, player: int, square: int) -> bool:
    """Whether an opponent token stands 1–6 squares behind ``square`` on its own route."""
    if square < 0:
        return False
    for q in range(len(game.players)):
        if q == player:
            continue
        route = game.route(q)
        target = route.pos_of_square.get(square)
        if target is None:
            continue
        for pos in game.positions(q):
            if 0 <= pos < route.track_count and 1 <= target - pos <= 6:
                return True
    return False


POLICIES: dict[str, Policy] = {p.name: p for p in (RandomPolicy(), CautiousPolicy(), NaivePolicy(), GreedyPolicy())}


def get_policy(name: str) -> Policy:
    try:
        return POLICIES[name]
    except KeyError:
        raise ValueError(f"unknown policy {name!r}; choose from {', '.join(POLICIES)}") from None


def play_scenario(policy: Policy, scenario: Scenario, rng: random.Random) -> SceneResult:
    """Run a script to an ending with ``policy`` making every choice.

    After a few steps a policy that keeps choosing its way round a loop starts
    picking, at random, among the choices leading to the least-visited nodes,
    so every script whose nodes can all reach an ending does end.
    """
    runner = ScenarioRunner(scenario)
    visits: dict[str, int] = {scenario.start: 1}
    for step in range(MAX_SCENE_STEPS):
        node = runner.node
        if node.ending is not None:
            return runner.result()
        choices = node.choices
        if not choices:
            break
        if step < _WANDER_AFTER:
            index = policy.choose_choice(choices, rng)
        else:
            least = min(visits.get(c.to, 0) for c in choices)
            fresh = [i for i, c in enumerate(choices) if visits.get(c.to, 0) == least]
            index = fresh[int(rng.random() * len(fresh))]
        runner.take(index)
        nid = runner.node.id
        visits[nid] = visits.get(nid, 0) + 1
    raise SceneError(f"scenario {scenario.id!r} did not reach an ending (stuck at {runner.node.id!r})")


def play_quiz(policy: Policy, item: QuizItem, rng: random.Random, pool_id: str = "", index: int = 0,
              scam_type: str | None = None) -> SceneResult:
    correct = policy.answer_quiz(item, rng) == item.answer
    # A result is immutable and a simulation asks the same items over and over: build each once.
    key = (id(item), correct, pool_id, index, scam_type)
    hit = _ANSWERS.get(key)
    if hit is not None and hit[0] is item:
        return hit[1]
    if len(_ANSWERS) >= 20_000:
        _ANSWERS.clear()
    ref = f"{pool_id}#{index}" if pool_id else item.id
    result = SceneResult.of_answer(correct, ref, scam_type, item.techniques)
    _ANSWERS[key] = (item, result)
    return result


_ANSWERS: dict[tuple, tuple[QuizItem, SceneResult]] = {}


def play_pending_scene(game: Game, policy: Policy, rng: random.Random) -> SceneResult:
    """Play the scene the game asked for with the real script or quiz item from its library.

    With no content to play (no library, or the tile names none that loaded), the
    scene counts as a quiz answered right with the policy's quiz accuracy (½ for random).
    """
    req = game.pending_scene
    if req is None:
        raise SceneError("no scene is pending")
    lib = game.library
    if lib is not None:
        scenario = lib.scenarios.get(req.scenario) if req.scenario else None
        if scenario is not None:
            return play_scenario(policy, scenario, rng)
        pool = lib.quiz_pools.get(req.quiz[0]) if req.quiz else None
        if pool is not None:
            index = req.quiz[1]
            return play_quiz(policy, pool.items[index], rng, pool.id, index, pool.scam_type)
    accuracy = 0.5 if policy.quiz_accuracy is None else policy.quiz_accuracy
    return SceneResult.of_answer(rng.random() < accuracy, req.tile)


def auto_step(game: Game, policy: Policy, rng: random.Random) -> list:
    """Do whatever the current phase needs for a computer player: roll, move or play the scene."""
    if game.phase is Phase.ROLL:
        return game.roll()
    if game.phase is Phase.MOVE:
        return game.apply(policy.choose_move(game, game.legal_moves(), rng))
    if game.phase is Phase.SCENE:
        return game.resolve_scene(play_pending_scene(game, policy, rng))
    return []
