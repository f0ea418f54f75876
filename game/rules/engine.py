"""The game state machine for both rule presets; every rule is a switch in ``Board.rules``.

One turn::

    events = game.roll()            # phase ROLL → MOVE, or the turn passes by itself
    moves = game.legal_moves()      # [] unless phase MOVE
    events = game.apply(moves[i])   # → ROLL (extra roll / next player), SCENE or OVER
    events = game.resolve_scene(r)  # only in phase SCENE, after the caller ran the scene

Every call returns the ``events`` that happened, in order (``roll()`` starts
with ``Rolled``). Token places are route positions (see ``geometry``);
``game.spot(player, token)`` turns one into a drawable ``Spot``.

Rules not fixed by the switch docs in ``rulesets.py``:

* Tokens start in a hangar unless ``launch_on`` holds all six faces; then they
  start on their seat's start square and "home" (after a capture) means that
  square. A launch puts one token on the start square: it captures there but
  neither jumps, flies nor triggers a tile. All hangar tokens launch alike, so
  one launch move is offered, for the first token in the hangar.
* Captures happen at every square a move stops on: the landing square and each
  jump/fly target (see ``geometry`` for the flight crossing that
  ``fly_captures`` clears; the fly target itself is cleared when ``capture`` or
  ``fly_captures`` is on).
* Stacking: your tokens on one square move together, as one move.
  Blocking: two or more tokens of one colour on a track square bar every other
  colour from passing or landing there; a jump or flight onto it doesn't happen.
* Exact finish: surplus steps bounce back (``bounce_back``) or the move is not
  legal. The bounced landing is a normal landing.
* A 6 (``extra_roll_on_six``) gives another roll even when no move was
  possible. The third 6 in a row (``three_sixes_penalty``) sends the token
  (or stack) moved on the previous 6 back home and ends the turn, before moving.
* A tile triggers only on the square a move finally rests on. Bonus moves
  (safe tile, scene result) walk plainly: no capture, jump, fly, tile or bounce;
  they stop at the finish and never back past the start square.
* Scammed in a scene with ``scene_scammed_lose_turn``: the player's next turn
  is skipped (an extra roll already earned is still taken).
* ``play_for_places``: the game goes on until one player is left; otherwise it
  ends when the first player finishes. ``max_turns`` (turns = hand-overs,
  skipped turns not counted) ends it early and ranks by progress.
"""

from __future__ import annotations

import random
from typing import Mapping, Sequence

from game.content.models import Board, Library, Pack

from .events import Event, ExtraRoll, Rolled, SceneRequested, TripleSixPenalty
from .geometry import HANGAR, Geometry, SeatRoute, Spot, shared_geometry
from .moves import LegalMoves, Move, MovePreview, first_launch_only, move_table
from .moving import Moving
from .players import PlayerSpec, seat_order
from .scene_pick import ScenePicker, shared_deck
from .scene_turn import SKIPPED, SceneTurn, board_tiles
from .scoring import DEFAULT_SAVINGS, PlayerScore, SessionScore
from .state import IllegalMove, Phase
from .switches import Switches
from .turns import Standing, Turns

# Importable from here as before the engine was split into modules.
__all__ = ["Game", "HANGAR", "IllegalMove", "Move", "MovePreview", "Phase", "PlayerSpec", "SKIPPED", "Standing",
           "seat_order", "shared_geometry"]

_ROLL, _MOVE = Phase.ROLL, Phase.MOVE


class Game(LegalMoves, Moving, Turns, SceneTurn):
    """One game. Pure Python; randomness only from ``self.rng`` (dice, scene picks)
    and ``self.ai_rng`` (for computer players), both seeded from ``rng_seed``.

    The fields are listed in ``state.GameState``; each part of the rules is a base class
    in its own module (see there)."""

    __slots__ = ()

    @classmethod
    def new(cls, board: Board, players: Sequence[PlayerSpec], rng_seed: int | None = 0, *,
            library: Library | None = None, pack: Pack | None = None,
            rules: Mapping[str, object] | None = None, max_turns: int | None = None,
            geometry: Geometry | None = None, record: bool = True) -> "Game":
        return cls(board, players, rng_seed, library=library, pack=pack, rules=rules,
                   max_turns=max_turns, geometry=geometry, record=record)

    def __init__(self, board: Board, players: Sequence[PlayerSpec], rng_seed: int | None = 0, *,
                 library: Library | None = None, pack: Pack | None = None,
                 rules: Mapping[str, object] | None = None, max_turns: int | None = None,
                 geometry: Geometry | None = None, record: bool = True):
        """``geometry``: reuse one built for the same board and switches (simulations).
        ``record=False``: calls return empty event lists — same game, less work (simulations)."""
        if not players:
            raise ValueError("a game needs at least one player")
        if len(players) > len(board.seats):
            raise ValueError(f"board {board.id!r} seats {len(board.seats)} players, not {len(players)}")
        self.board = board
        self.rules = dict(board.rules if rules is None else rules)
        r = self.rules
        self.geometry = geometry or shared_geometry(board, r)
        self.players = tuple(players)
        self.seats = seat_order(board, self.players)
        self.library = library
        self.pack = pack
        self.rng = random.Random(rng_seed)
        self.ai_rng = random.Random(self.rng.getrandbits(64))
        self._random = self.rng.random
        self._record = record

        sw = self.switches = Switches(r)
        self.max_turns = sw.max_turns if max_turns is None else max_turns
        self.catch_up = False

        n = self._n_players = len(self.players)
        self._routes: list[SeatRoute] = [self.geometry[s] for s in self.seats]
        self._sqt = [route.squares for route in self._routes]
        self._move_rows = [] if sw.general else [move_table(self.geometry, p, s, sw) for p, s in enumerate(self.seats)]
        self._player_at_seat = {s: p for p, s in enumerate(self.seats)}
        self._pos = [[sw.hangar] * sw.tokens for _ in range(n)]
        self._sq = [[self._sqt[p][sw.hangar]] * sw.tokens for p in range(n)]
        self._opponents = [tuple(q for q in range(n) if q != p) for p in range(n)]
        self._tiles = board_tiles(board, library)

        starting = pack.settings.starting_savings if pack else DEFAULT_SAVINGS
        self.scores = [PlayerScore(starting) for _ in range(n)]
        self.current = 0
        self.phase = Phase.ROLL
        self.turns = 0
        self.last_roll = 0
        self.sixes = 0
        self.finish_order: list[int] = []
        self.over_reason = ""
        self.captures = 0
        self.tile_landings: dict[str, int] = {}    # tile id → landings (scam and safe)
        self.scenes_dealt = [0] * n
        self._turn_scene = False
        self._catching_up = False
        self._moved: tuple[int, ...] = ()
        self._moves: Sequence[Move] = ()
        self._skip = [False] * n
        self._pending: SceneRequested | None = None
        self._pending_tokens: tuple[int, ...] = ()
        self._picker = ScenePicker(shared_deck(library, pack) if library else None, self._random)

    # ------------------------------------------------------------ reading the state

    def route(self, player: int) -> SeatRoute:
        return self._routes[player]

    def colour(self, player: int) -> str:
        return self._routes[player].colour

    def positions(self, player: int) -> tuple[int, ...]:
        """Route positions of the player's tokens (``HANGAR`` = -1, ``route.finish`` = home)."""
        return tuple(self._pos[player])

    def spot(self, player: int, token: int) -> Spot:
        return self._routes[player].spot(self._pos[player][token])

    def square_of(self, player: int, token: int) -> int:
        """Track square the token stands on, or -1 (hangar, home column, finished)."""
        return self._sq[player][token]

    def occupants(self, square: int) -> list[tuple[int, int]]:
        """(player, token) pairs standing on a track square."""
        return [(p, t) for p, sqs in enumerate(self._sq) for t, s in enumerate(sqs) if s == square]

    def session_score(self) -> SessionScore:
        return SessionScore.of(self.scores)

    def place(self, player: int, tokens: int | Sequence[int], pos: int) -> None:
        """Put tokens at a route position directly (tutorials, tests); no rules apply."""
        route = self._routes[player]
        if not (pos == self.switches.hangar or 0 <= pos <= route.finish):
            raise ValueError(f"{pos} is not a position on {route.colour}'s route (-1..{route.finish})")
        tokens = (tokens,) if isinstance(tokens, int) else tuple(tokens)
        self._set(player, tokens, pos)
        if all(p == route.finish for p in self._pos[player]) and player not in self.finish_order:
            self.finish_order.append(player)

    # ------------------------------------------------------------ rolling

    def roll(self, value: int | None = None) -> list[Event]:
        """Throw the die (``value`` forces a face: tests, a physical die at a kiosk)."""
        if self.phase is not _ROLL:
            raise IllegalMove(f"cannot roll in phase {self.phase.value}")
        if value is None:
            value = int(self._random() * 6) + 1
        elif not 1 <= value <= 6:
            raise ValueError(f"a die has no face {value}")
        p = self.current
        self.last_roll = value
        sixes = self.sixes = self.sixes + 1 if value == 6 else 0
        events: list[Event] | None = [Rolled(p, value, sixes)] if self._record else None
        sw = self.switches
        if sixes >= 3 and sw.three_sixes_penalty:
            home = (self._routes[p].finish, sw.hangar)
            sent = tuple(t for t in self._moved if self._pos[p][t] not in home)
            self._set(p, sent, sw.hangar)
            if events is not None:
                events.append(TripleSixPenalty(p, sent))
            self._next_turn(events)
            return events if events is not None else []
        if sw.general:
            moves = self._legal_moves(p, value)
        else:
            # Moves come from a table shared by every game on this geometry: no allocation but the list.
            positions = self._pos[p]
            moves = []
            for row, pos in zip(self._move_rows[p][value], positions):
                move = row[pos]
                if move is not None:
                    moves.append(move)
            if value in sw.launch_on and positions.count(HANGAR) > 1:
                moves = first_launch_only(moves)
        self._moves = moves
        if moves:
            self.phase = _MOVE
        elif value == 6 and sw.extra_roll_on_six:
            if events is not None:
                events.append(ExtraRoll(p))
        else:
            self._next_turn(events)
        return events if events is not None else []
