"""What happened, for screens to animate and statistics to record.

Every state-changing call on ``Game`` returns a list of these, in order.
``player`` is always the index into the game's player list; ``tokens`` are
token indices of that player (several when a stack moves together).
Places are ``Spot``s (see ``geometry``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .geometry import Spot

_EVENT = dict(frozen=True, slots=True)


@dataclass(**_EVENT)
class Event:
    player: int


@dataclass(**_EVENT)
class Rolled(Event):
    value: int
    sixes: int          # sixes in a row this turn, including this roll


@dataclass(**_EVENT)
class Launched(Event):
    tokens: tuple[int, ...]
    to: Spot


@dataclass(**_EVENT)
class Moved(Event):
    """A walk square by square. ``path`` excludes the square left, includes the one reached."""

    tokens: tuple[int, ...]
    path: tuple[Spot, ...]
    cause: str = "roll"    # roll / safe_tile / scene_safe / scene_risky


@dataclass(**_EVENT)
class Bounced(Event):
    """Exact finish: ``surplus`` steps past the finish were walked back (``Moved.path`` shows them)."""

    tokens: tuple[int, ...]
    surplus: int


@dataclass(**_EVENT)
class Jumped(Event):
    tokens: tuple[int, ...]
    frm: Spot
    to: Spot


@dataclass(**_EVENT)
class Flew(Event):
    tokens: tuple[int, ...]
    frm: Spot
    to: Spot


@dataclass(**_EVENT)
class Captured(Event):
    """``player`` sent ``victim``'s ``victim_tokens`` at ``at`` back to their hangar."""

    victim: int
    victim_tokens: tuple[int, ...]
    at: Spot
    by_flight: bool = False   # cleared from a home column the flight crossed


@dataclass(**_EVENT)
class Finished(Event):
    """Tokens reached the last home square."""

    tokens: tuple[int, ...]


@dataclass(**_EVENT)
class PlayerFinished(Event):
    place: int          # 1 = first


@dataclass(**_EVENT)
class ExtraRoll(Event):
    pass


@dataclass(**_EVENT)
class TripleSixPenalty(Event):
    """Third 6 in a row: ``tokens`` (moved earlier this turn) went home; the turn ends."""

    tokens: tuple[int, ...]


@dataclass(**_EVENT)
class TurnLost(Event):
    """The player's turn was skipped (scammed in a scene the turn before)."""


@dataclass(**_EVENT)
class SafeTileLanded(Event):
    tile: str
    square: int


@dataclass(**_EVENT)
class SceneRequested(Event):
    """Run a scene, then call ``Game.resolve_scene``.

    ``scenario`` or ``quiz`` (pool id, item index) is the game's pick when it has
    a library; both are None when it has none — the caller picks.
    """

    token: int
    tile: str
    square: int
    scenario: str | None = None
    quiz: tuple[str, int] | None = None
    catch_up: bool = False      # not a landing: the team was behind on scenes (``Game.catch_up``)


@dataclass(**_EVENT)
class SceneResolved(Event):
    tile: str
    safe: bool
    outcome: str        # escaped / reported / scammed / right / wrong
    money_lost: int
    loses_next_turn: bool
    company_money: bool = False   # money_lost was the company's (a company_money script), not savings


@dataclass(**_EVENT)
class TurnPassed(Event):
    """The turn went from ``player`` to ``to``; ``turn`` turns are complete."""

    to: int
    turn: int


@dataclass(**_EVENT)
class GameOver(Event):
    """``player`` is the winner (first in the standings)."""

    reason: str         # finished / max_turns


EVENT_TYPES = (Rolled, Launched, Moved, Bounced, Jumped, Flew, Captured, Finished, PlayerFinished,
               ExtraRoll, TripleSixPenalty, TurnLost, SafeTileLanded, SceneRequested, SceneResolved,
               TurnPassed, GameOver)
