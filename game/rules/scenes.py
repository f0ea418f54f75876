"""Playing one scene: a branching scam script or a quiz question.

``ScenarioRunner`` walks a ``Scenario`` one choice at a time with no way back;
``QuizRunner`` asks one ``QuizItem``. Both end in a ``SceneResult`` that the
game (``Game.resolve_scene``) and the scoring take.

``iter_routes`` / ``all_routes`` list every route of a script from the start to
an ending, visiting no node more than ``max_visits`` times on one route, so
loops ("ask again") are walked but never forever; ``check_routes`` replays each
route through a ``ScenarioRunner`` to prove it is playable.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterator

from game.content.models import (
    Choice, Ending, EndingOutcome, Ladder, Node, Outcome, QuizItem, Scenario, Technique,
)


@dataclass(frozen=True)
class SceneResult:
    """How one scene went, for the board and for scoring."""

    kind: str                                 # "scenario" or "quiz"
    ref: str = ""                             # scenario id, or "pool_id#index" for a quiz item
    scam_type: str | None = None
    ending: EndingOutcome | None = None       # scenarios
    correct: bool | None = None               # quizzes
    choices: tuple[Choice, ...] = ()          # scenario choices taken, in order
    techniques: tuple[Technique, ...] = ()    # quiz item techniques
    at_stake: int = 0
    # How many choices were offered at each step taken (same order as ``choices``); empty when
    # unknown, and then every choice counts as a decision.
    offered: tuple[int, ...] = ()
    company_money: bool = False               # the money at stake is the company's, not the player's
    # Per choice (same order as ``choices``; a quiz: its one answer): taken after the teacher revealed
    # the answer (classroom R). Such a choice is played but not scored: no money, no safe/risky count,
    # no technique, no statistics; a scene with one protects nothing. Empty: none was.
    revealed: tuple[bool, ...] = ()

    @property
    def any_revealed(self) -> bool:
        return any(self.revealed)

    def is_revealed(self, k: int) -> bool:
        return k < len(self.revealed) and self.revealed[k]

    @property
    def scored_decisions(self) -> tuple[Choice, ...]:
        """The decisions that count: not taken after a reveal."""
        if not self.any_revealed:
            return self.decisions
        offered = self.offered if len(self.offered) == len(self.choices) else (2,) * len(self.choices)
        return tuple(c for k, (c, n) in enumerate(zip(self.choices, offered)) if n > 1 and not self.is_revealed(k))

    @property
    def scored_money(self) -> int:
        """CNY the choices not taken after a reveal move out (before the cap at the balance)."""
        return sum(max(c.money, 0) for k, c in enumerate(self.choices) if not self.is_revealed(k))

    @property
    def decisions(self) -> tuple[Choice, ...]:
        """The choices that were decisions: a step with one choice only moves the story on,
        so it is neither spotted nor missed, safe nor risky."""
        if len(self.offered) != len(self.choices):
            return self.choices
        return tuple(c for c, n in zip(self.choices, self.offered) if n > 1)

    @property
    def safe(self) -> bool:
        if self.kind == "quiz":
            return bool(self.correct)
        return self.ending is not None and self.ending.is_safe

    @property
    def outcome(self) -> str:
        if self.kind == "quiz":
            return "right" if self.correct else "wrong"
        return self.ending.value if self.ending else "unfinished"

    @property
    def money_asked(self) -> int:
        """CNY the taken choices would move out (scoring caps it at the balance)."""
        return sum(c.money for c in self.choices)

    @classmethod
    def of_ending(cls, ending: EndingOutcome, scenario: Scenario | None = None) -> "SceneResult":
        """A result with no choice detail, e.g. from a screen test or a quick kiosk mode."""
        if scenario is None:
            return cls("scenario", ending=ending)
        return cls("scenario", scenario.id, scenario.scam_type, ending, at_stake=scenario.at_stake,
                   company_money=scenario.company_money)

    @classmethod
    def of_answer(cls, correct: bool, ref: str = "", scam_type: str | None = None,
                  techniques: tuple[Technique, ...] = ()) -> "SceneResult":
        return cls("quiz", ref, scam_type, correct=correct, techniques=techniques)


@dataclass(frozen=True)
class ChoiceResult:
    feedback: str
    outcome: Outcome
    ladder: Ladder
    money: int
    techniques: tuple[Technique, ...]
    next_node: Node
    decision: bool = True        # False for the only choice of a step


class SceneError(RuntimeError):
    pass


class ScenarioRunner:
    """One play-through of a script. ``choose`` commits: there is no rollback."""

    def __init__(self, scenario: Scenario, start: str | None = None):
        """``start``: the node to begin at (an author's preview, ``play --node``); default the script's start."""
        self.scenario = scenario
        start = start or scenario.start
        self._node = scenario.nodes[start]
        self._taken: list[Choice] = []
        self._offered: list[int] = []
        self._path: list[str] = [start]
        self._revealed: list[bool] = []        # per choice taken: after the teacher revealed the answer
        self._reveal_at: Node | None = None     # the node whose answer was revealed, until a choice is taken
        # Called as listener(node, index, choice) after each choice is taken (e.g. play statistics).
        self.listeners: list[Callable[[Node, int, Choice], None]] = []

    @property
    def node(self) -> Node:
        return self._node

    @property
    def choices(self) -> tuple[Choice, ...]:
        return () if self._node.is_ending else self._node.choices

    @property
    def is_over(self) -> bool:
        return self._node.is_ending

    @property
    def ending(self) -> Ending | None:
        return self._node.ending

    @property
    def taken(self) -> tuple[Choice, ...]:
        return tuple(self._taken)

    @property
    def decisions(self) -> tuple[Choice, ...]:
        """Choices taken where there was more than one to pick from."""
        return tuple(c for c, n in zip(self._taken, self._offered) if n > 1)

    @property
    def scored_taken(self) -> tuple[Choice, ...]:
        """The choices taken that count (not taken after a reveal): what moves money."""
        return tuple(c for c, r in zip(self._taken, self._revealed) if not r)

    @property
    def path(self) -> tuple[str, ...]:
        """Node ids visited so far, the start first."""
        return tuple(self._path)

    def choose(self, index: int) -> ChoiceResult:
        choice, offered = self.take(index)
        return ChoiceResult(choice.feedback, choice.outcome, choice.ladder, choice.money,
                            choice.techniques, self._node, offered > 1)

    def reveal(self) -> None:
        """The teacher showed the right choice of the current step: the choice taken next is not scored."""
        if not self._node.is_ending:
            self._reveal_at = self._node

    @property
    def last_revealed(self) -> bool:
        """The choice taken last was taken after a reveal (listeners ask, e.g. the statistics)."""
        return bool(self._revealed) and self._revealed[-1]

    def take(self, index: int) -> tuple[Choice, int]:
        """``choose`` for a computer player, which needs no feedback: the choice and how many were offered."""
        node = self._node
        if node.ending is not None:
            raise SceneError(f"scenario {self.scenario.id!r} is already over")
        choices = node.choices
        if not 0 <= index < len(choices):
            raise SceneError(f"node {node.id!r} has no choice {index} (it has {len(choices)})")
        choice = choices[index]
        nxt = self.scenario.nodes.get(choice.to)
        if nxt is None:
            raise SceneError(f"choice {index} of node {node.id!r} leads to missing node {choice.to!r}")
        self._taken.append(choice)
        self._offered.append(len(choices))
        self._revealed.append(self._reveal_at is node)
        self._reveal_at = None
        self._path.append(nxt.id)
        self._node = nxt
        for listener in self.listeners:
            listener(node, index, choice)
        return choice, len(choices)

    def result(self) -> SceneResult:
        if not self.is_over:
            raise SceneError(f"scenario {self.scenario.id!r} has not reached an ending")
        s = self.scenario
        return SceneResult("scenario", s.id, s.scam_type, self._node.ending.outcome,
                           choices=tuple(self._taken), at_stake=s.at_stake, offered=tuple(self._offered),
                           company_money=s.company_money, revealed=tuple(self._revealed) if any(self._revealed) else ())


@dataclass(frozen=True)
class QuizAnswer:
    correct: bool
    right: int               # index of the right option
    explanation: str
    techniques: tuple[Technique, ...]


class QuizRunner:
    """One quiz question, answered once."""

    def __init__(self, item: QuizItem, pool_id: str = "", index: int = 0, scam_type: str | None = None):
        self.item = item
        self.ref = f"{pool_id}#{index}" if pool_id else item.id
        self.scam_type = scam_type
        self.answered: int | None = None
        self.revealed = False       # the teacher showed the answer first: the answer is not scored

    @property
    def question(self) -> str:
        return self.item.question

    @property
    def options(self) -> tuple[str, ...]:
        return self.item.options

    @property
    def is_over(self) -> bool:
        return self.answered is not None

    def reveal(self) -> None:
        if not self.is_over:
            self.revealed = True

    def answer(self, index: int) -> QuizAnswer:
        if self.is_over:
            raise SceneError(f"quiz item {self.item.id!r} is already answered")
        if not 0 <= index < len(self.item.options):
            raise SceneError(f"quiz item {self.item.id!r} has no option {index}")
        self.answered = index
        return QuizAnswer(index == self.item.answer, self.item.answer, self.item.explanation,
                          self.item.techniques)

    def result(self) -> SceneResult:
        if not self.is_over:
            raise SceneError(f"quiz item {self.item.id!r} is not answered yet")
        result = SceneResult.of_answer(self.answered == self.item.answer, self.ref, self.scam_type,
                                       self.item.techniques)
        return replace(result, revealed=(True,)) if self.revealed else result


# ---------------------------------------------------------------- routes

@dataclass(frozen=True)
class Route:
    choices: tuple[int, ...]     # choice index taken at each step
    nodes: tuple[str, ...]       # node ids visited, start first
    ending: Ending | None        # None: a dead end (no choices, no ending, or a missing node)

    @property
    def complete(self) -> bool:
        return self.ending is not None


@dataclass(frozen=True)
class RouteSet:
    routes: tuple[Route, ...]
    truncated: bool              # stopped at ``limit`` routes
    cut: int                     # partial routes dropped because they would loop once more


def iter_routes(scenario: Scenario, max_visits: int = 2, stats: dict | None = None) -> Iterator[Route]:
    """Every route start→ending, depth first, in choice order.

    A route may pass through any node at most ``max_visits`` times; a choice that
    would exceed that is not followed (counted in ``stats["cut"]``).
    """
    nodes = scenario.nodes
    if stats is not None:
        stats.setdefault("cut", 0)
    # Stack of (node id, choice indexes so far, node ids so far).
    stack: list[tuple[str, tuple[int, ...], tuple[str, ...]]] = [(scenario.start, (), (scenario.start,))]
    while stack:
        nid, picks, seen = stack.pop()
        node = nodes.get(nid)
        if node is None or (not node.is_ending and not node.choices):
            yield Route(picks, seen, None)
            continue
        if node.is_ending:
            yield Route(picks, seen, node.ending)
            continue
        # Push in reverse so choice 0 is explored first.
        for i in range(len(node.choices) - 1, -1, -1):
            to = node.choices[i].to
            if seen.count(to) >= max_visits:
                if stats is not None:
                    stats["cut"] += 1
                continue
            stack.append((to, picks + (i,), seen + (to,)))


def all_routes(scenario: Scenario, max_visits: int = 2, limit: int = 10_000) -> RouteSet:
    stats: dict = {}
    routes: list[Route] = []
    truncated = False
    for route in iter_routes(scenario, max_visits, stats):
        if len(routes) >= limit:
            truncated = True
            break
        routes.append(route)
    return RouteSet(tuple(routes), truncated, stats.get("cut", 0))


def play_route(scenario: Scenario, choices: tuple[int, ...] | list[int]) -> ScenarioRunner:
    runner = ScenarioRunner(scenario)
    for index in choices:
        runner.choose(index)
    return runner


def check_routes(scenario: Scenario, max_visits: int = 2, limit: int = 10_000) -> list[str]:
    """Problems found by playing every route through a runner; empty when all play to an ending."""
    problems: list[str] = []
    found = all_routes(scenario, max_visits, limit)
    if not found.routes:
        problems.append("no route reaches an ending")
    for route in found.routes:
        trail = " → ".join(route.nodes)
        if not route.complete:
            problems.append(f"dead end: {trail}")
            continue
        try:
            runner = play_route(scenario, route.choices)
        except SceneError as exc:
            problems.append(f"{exc}: {trail}")
            continue
        if not runner.is_over or runner.ending != route.ending:
            problems.append(f"route does not replay to its ending: {trail}")
    if found.truncated:
        problems.append(f"more than {limit} routes; only the first {limit} were checked")
    return problems
