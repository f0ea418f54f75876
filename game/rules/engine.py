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
from dataclasses import dataclass
from enum import Enum
from typing import Mapping, NamedTuple, Sequence

from game.content.models import Board, EndingOutcome, Library, Pack, TileType

from .events import (
    Bounced, Captured, Event, ExtraRoll, Finished, Flew, GameOver, Jumped, Launched, Moved,
    PlayerFinished, Rolled, SafeTileLanded, SceneRequested, SceneResolved, TripleSixPenalty, TurnLost,
    TurnPassed,
)
from .geometry import HANGAR, Geometry, SeatRoute, Spot
from .scene_pick import ScenePicker, shared_deck
from .scenes import SceneResult
from .scoring import DEFAULT_SAVINGS, PlayerScore, SessionScore


SKIPPED = "skipped"   # ``resolve_scene(SKIPPED)``: the scene was skipped (classroom), not played


class Phase(str, Enum):
    ROLL = "roll"
    MOVE = "move"
    SCENE = "scene"
    OVER = "over"


class IllegalMove(ValueError):
    pass


@dataclass(frozen=True)
class PlayerSpec:
    name: str = ""
    colour: str | None = None       # seat colour; None = the next free seat, spread round the board
    policy: str | None = None       # computer player's policy name; None = a person


class Move(NamedTuple):
    player: int
    tokens: tuple[int, ...]
    roll: int
    frm: int        # route position before (HANGAR for a launch)
    to: int         # route position after the whole move (bounce, jumps, flights)
    launch: bool

    @property
    def token(self) -> int:
        return self.tokens[0]


class MovePreview(NamedTuple):
    stops: tuple[int, ...]      # route positions the token stops on: landing, then jump/fly targets
    captures: int               # opponent tokens it would send home
    tile: str | None            # tile id of the square it would rest on
    finishes: bool


@dataclass(frozen=True)
class Standing:
    player: int
    place: int
    finished: bool
    progress: int     # squares travelled by all the player's tokens


_ALL_FACES = frozenset(range(1, 7))
_ROLL, _MOVE, _SCENE, _OVER = Phase.ROLL, Phase.MOVE, Phase.SCENE, Phase.OVER


def seat_order(board: Board, players: Sequence[PlayerSpec]) -> list[int]:
    """Seat index per player: asked-for colours first, the rest spread evenly round the board."""
    colours = [s.colour for s in board.seats]
    taken: list[int | None] = []
    for spec in players:
        if spec.colour is None:
            taken.append(None)
            continue
        if spec.colour not in colours:
            raise ValueError(f"board {board.id!r} has no {spec.colour} seat (seats: {', '.join(colours)})")
        index = colours.index(spec.colour)
        if index in taken:
            raise ValueError(f"two players asked for the {spec.colour} seat")
        taken.append(index)
    free = [i for i in range(len(colours)) if i not in taken]
    want = taken.count(None)
    if want > len(free):
        raise ValueError(f"board {board.id!r} has {len(colours)} seats for {len(players)} players")
    # Spread: 2 players on 4 seats sit opposite each other.
    picks = [free[(k * len(free)) // want] for k in range(want)] if want else []
    return [t if t is not None else picks.pop(0) for t in taken]


class Game:
    """One game. Pure Python; randomness only from ``self.rng`` (dice, scene picks)
    and ``self.ai_rng`` (for computer players), both seeded from ``rng_seed``."""

    __slots__ = ("_blocking", "_bounce", "_capture", "_dest", "_exact", "_extra6", "_fly_capture",
                 "_general", "_hangar", "_launch", "_lose_turn", "_move_rows", "_moved", "_moves",
                 "_n_players", "_n_tokens", "_opponents", "_pending", "_pending_tokens", "_picker", "_places",
                 "_player_at_seat", "_pos", "_random", "_record", "_routes", "_safe_tile", "_scene_risky",
                 "_scene_safe", "_skip", "_sq", "_sqt", "_stacking", "_tiles", "_triple", "ai_rng", "board",
                 "captures", "current", "finish_order", "geometry", "last_roll", "library", "max_turns",
                 "over_reason", "pack", "phase", "players", "rng", "rules", "scores", "seats", "sixes",
                 "tile_landings", "turns")

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

        self._launch = frozenset(r.get("launch_on", (6,)))
        self._hangar = HANGAR if self._launch != _ALL_FACES else 0
        self._n_tokens = int(r.get("tokens_per_player", 1))
        self._extra6 = bool(r.get("extra_roll_on_six"))
        self._triple = bool(r.get("three_sixes_penalty")) and self._extra6
        self._capture = bool(r.get("capture"))
        self._fly_capture = bool(r.get("fly_captures")) and bool(r.get("fly"))
        self._stacking = bool(r.get("stacking"))
        self._blocking = bool(r.get("blocking"))
        self._general = self._stacking or self._blocking   # else roll() takes the table-driven path
        self._exact = bool(r.get("exact_finish"))
        self._bounce = bool(r.get("bounce_back")) and self._exact
        self._places = bool(r.get("play_for_places"))
        self._scene_safe = int(r.get("scene_safe_move", 0))
        self._scene_risky = int(r.get("scene_risky_move", 0))
        self._lose_turn = bool(r.get("scene_scammed_lose_turn"))
        self._safe_tile = int(r.get("safe_tile_move", 0))
        self.max_turns = int(r.get("max_turns", 0)) if max_turns is None else max_turns

        n = self._n_players = len(self.players)
        self._routes: list[SeatRoute] = [self.geometry[s] for s in self.seats]
        self._sqt = [route.squares for route in self._routes]
        self._dest = [route.destinations(self._exact, self._bounce) for route in self._routes]
        self._move_rows = [self.geometry.move_rows(p, s, self._n_tokens, self._exact, self._bounce)
                           for p, s in enumerate(self.seats)]
        self._player_at_seat = {s: p for p, s in enumerate(self.seats)}
        self._pos = [[self._hangar] * self._n_tokens for _ in range(n)]
        self._sq = [[self._sqt[p][self._hangar]] * self._n_tokens for p in range(n)]
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
        self._moved: tuple[int, ...] = ()
        self._moves: list[Move] = []
        self._skip = [False] * n
        self._pending: SceneRequested | None = None
        self._pending_tokens: tuple[int, ...] = ()
        self._picker = ScenePicker(shared_deck(library, pack) if library else None, self._random)

    # ------------------------------------------------------------ reading the state

    @property
    def is_over(self) -> bool:
        return self.phase is Phase.OVER

    @property
    def pending_scene(self) -> SceneRequested | None:
        return self._pending

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

    def is_finished(self, player: int) -> bool:
        return player in self.finish_order

    def progress(self, player: int) -> int:
        return sum(p + 1 for p in self._pos[player])

    @property
    def standings(self) -> list[Standing]:
        out = [Standing(p, i + 1, True, self.progress(p)) for i, p in enumerate(self.finish_order)]
        rest = sorted((p for p in range(len(self.players)) if p not in self.finish_order),
                      key=lambda p: (-self.progress(p), p))
        out += [Standing(p, len(out) + i + 1, False, self.progress(p)) for i, p in enumerate(rest)]
        return out

    @property
    def winner(self) -> int | None:
        return self.standings[0].player if self.is_over else None

    def session_score(self) -> SessionScore:
        return SessionScore.of(self.scores)

    def place(self, player: int, tokens: int | Sequence[int], pos: int) -> None:
        """Put tokens at a route position directly (tutorials, tests); no rules apply."""
        route = self._routes[player]
        if not (pos == self._hangar or 0 <= pos <= route.finish):
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
        if sixes >= 3 and self._triple:
            home = (self._routes[p].finish, self._hangar)
            sent = tuple(t for t in self._moved if self._pos[p][t] not in home)
            self._set(p, sent, self._hangar)
            if events is not None:
                events.append(TripleSixPenalty(p, sent))
            self._next_turn(events)
            return events if events is not None else []
        if self._general:
            moves = self._legal_moves(p, value)
        else:
            # Moves come from a table shared by every game on this geometry: no allocation here.
            moves = []
            rows = self._move_rows[p][value]
            launch = value in self._launch
            for t, pos in enumerate(self._pos[p]):
                if pos < 0:
                    if not launch:
                        continue
                    launch = False          # one launch move stands for every token in the hangar
                move = rows[t][pos]
                if move is None:
                    move = rows[t][pos] = self._plain_move(p, t, pos, value)
                if move:
                    moves.append(move)
        self._moves = moves
        if moves:
            self.phase = _MOVE
        elif value == 6 and self._extra6:
            if events is not None:
                events.append(ExtraRoll(p))
        else:
            self._next_turn(events)
        return events if events is not None else []

    def _plain_move(self, p: int, t: int, pos: int, roll: int) -> Move | bool:
        """The move of token ``t`` from ``pos`` with no stacking or blocking; False if none."""
        if pos < 0:
            return Move(p, (t,), roll, HANGAR, 0, True)
        to = self._dest[p][roll][pos]
        return Move(p, (t,), roll, pos, to, False) if to >= 0 else False

    def preview(self, move: Move) -> "MovePreview":
        """What ``move`` would do, without doing it (for computer players and hints)."""
        p = move.player
        route = self._routes[p]
        if move.launch:
            stops: tuple[int, ...] = (0,)
            flights: tuple[int, ...] = ()
        else:
            land = route.landing(move.frm, move.roll, self._exact, self._bounce)
            if land < route.track_count:
                hops = (route.chain(land, lambda q: self._blocked(p, route.square(q))) if self._blocking
                        else route.chains[land])
            else:
                hops = ()
            stops = (land,) + tuple(t for _, t in hops)
            flights = tuple(target for kind, target in hops if kind == "fly")
        captures = 0
        for i, pos in enumerate(stops):
            square = self._sqt[p][pos]
            if square < 0:
                continue
            flown_to = i > 0 and pos in flights
            if self._capture or (flown_to and self._fly_capture):
                captures += sum(self._sq[q].count(square) for q in self._opponents[p])
        if self._fly_capture:
            for i, pos in enumerate(stops[:-1]):
                if stops[i + 1] in flights:
                    for seat, home_pos in route.crossings.get(pos, ()):
                        q = self._player_at_seat.get(seat)
                        if q is not None:
                            captures += self._pos[q].count(home_pos)
        end = stops[-1]
        square = self._sqt[p][end]
        tile = self.board.squares[square].tile if square >= 0 and not move.launch else None
        return MovePreview(stops, captures, tile, end == route.finish)

    def legal_moves(self) -> list[Move]:
        return list(self._moves) if self.phase is _MOVE else []

    def _legal_moves(self, p: int, roll: int) -> list[Move]:
        """The general case (stacking or blocking on); ``roll`` inlines the plain case."""
        route = self._routes[p]
        finish = route.finish
        positions = self._pos[p]
        moves: list[Move] = []
        launched = False
        stacked: set[int] = set()
        blocking = self._blocking
        for t, pos in enumerate(positions):
            if pos == finish:
                continue
            if pos < 0:
                if not launched and roll in self._launch and not (blocking and self._blocked(p, route.track[0])):
                    launched = True
                    moves.append(Move(p, (t,), roll, HANGAR, 0, True))
                continue
            tokens = (t,)
            if self._stacking:
                if pos in stacked:
                    continue
                stacked.add(pos)
                tokens = tuple(u for u, q in enumerate(positions) if q == pos)
            land = route.landing(pos, roll, self._exact, self._bounce)
            if land < 0:
                continue
            if blocking:
                if self._path_blocked(p, route, pos, roll):
                    continue
                hops = route.chain(land, lambda q: self._blocked(p, route.square(q)))
            else:
                hops = route.chains[land]
            moves.append(Move(p, tokens, roll, pos, hops[-1][1] if hops else land, False))
        return moves

    # ------------------------------------------------------------ moving

    def apply(self, move: Move) -> list[Event]:
        if self.phase is not _MOVE or move not in self._moves:
            if self.phase is not _MOVE:
                raise IllegalMove(f"cannot move in phase {self.phase.value}")
            raise IllegalMove(f"{move} is not a legal move now")
        p, tokens, roll, frm, _, launch = move
        route = self._routes[p]
        self._moved = tokens
        self._moves = []
        events: list[Event] | None = [] if self._record else None
        if launch:
            self._set(p, tokens, 0)
            if events is not None:
                events.append(Launched(p, tokens, route.spots[0]))
            if self._capture:
                self._capture_at(p, route.track[0], events)
            pos = 0
        else:
            finish = route.finish
            pos = frm + roll
            if pos > finish:
                if self._bounce:
                    back = pos - finish
                    pos = max(finish - back, 0)
                    if events is not None:
                        path = route.spots[frm + 1:finish + 1] + route.spots[pos:finish][::-1]
                        events.append(Moved(p, tokens, path))
                        events.append(Bounced(p, tokens, back))
                else:
                    pos = finish
                    if events is not None:
                        events.append(Moved(p, tokens, route.spots[frm + 1:finish + 1]))
            elif events is not None:
                events.append(Moved(p, tokens, route.spots[frm + 1:pos + 1]))
            self._set(p, tokens, pos)
            if pos < route.track_count:
                if self._capture:
                    self._capture_at(p, route.track[pos], events)
                if route.chains[pos] or self._blocking:
                    pos = self._chain(p, route, tokens, pos, events)
        if pos == route.finish:
            self._finish_tokens(p, tokens, events)
        elif not launch and pos < route.track_count:
            square = route.track[pos]
            tile = self._tiles[square]
            if tile is not None:
                if tile is _SCAM_TILE or tile.type is TileType.SCAM:
                    self._request_scene(p, tokens, square, events)
                    return events if events is not None else []
                self.tile_landings[tile.id] = self.tile_landings.get(tile.id, 0) + 1
                if events is not None:
                    events.append(SafeTileLanded(p, tile.id, square))
                if self._safe_tile:
                    self._bonus_move(p, tokens, self._safe_tile, "safe_tile", events)
        # _after_move, inlined: this is the hot path of every simulation.
        if self.phase is not _OVER:
            if roll == 6 and self._extra6 and p not in self.finish_order:
                self.phase = _ROLL
                if events is not None:
                    events.append(ExtraRoll(p))
            else:
                self._next_turn(events)
        return events if events is not None else []

    def _chain(self, p: int, route: SeatRoute, tokens, pos: int, events: list[Event] | None) -> int:
        """The jump/fly hops after landing at ``pos``, with their captures. Returns the final position."""
        if self._blocking:
            hops = route.chain(pos, lambda q: self._blocked(p, route.square(q)))
        else:
            hops = route.chains[pos]
        for kind, target in hops:
            self._set(p, tokens, target)
            if kind == "fly":
                if events is not None:
                    events.append(Flew(p, tokens, route.spots[pos], route.spots[target]))
                if self._fly_capture:
                    for seat, home_pos in route.crossings.get(pos, ()):
                        q = self._player_at_seat.get(seat)
                        if q is not None:
                            self._capture_home(p, q, home_pos, events)
                if self._capture or self._fly_capture:
                    self._capture_at(p, route.track[target], events)
            else:
                if events is not None:
                    events.append(Jumped(p, tokens, route.spots[pos], route.spots[target]))
                if self._capture:
                    self._capture_at(p, route.track[target], events)
            pos = target
        return pos

    def _capture_at(self, p: int, square: int, events: list[Event] | None) -> None:
        for q in self._opponents[p]:
            sqs = self._sq[q]
            if square in sqs:
                victims = tuple(t for t, s in enumerate(sqs) if s == square)
                self._set(q, victims, self._hangar)
                self.captures += 1
                if events is not None:
                    events.append(Captured(p, q, victims, Spot("track", square)))

    def _capture_home(self, p: int, q: int, home_pos: int, events: list[Event] | None) -> None:
        victims = tuple(t for t, pos in enumerate(self._pos[q]) if pos == home_pos)
        if victims:
            self._set(q, victims, self._hangar)
            self.captures += 1
            if events is not None:
                events.append(Captured(p, q, victims, self._routes[q].spots[home_pos], by_flight=True))

    def _set(self, p: int, tokens, pos: int) -> None:
        sq = self._sqt[p][pos]
        positions, squares = self._pos[p], self._sq[p]
        for t in tokens:
            positions[t] = pos
            squares[t] = sq

    def _blocked(self, p: int, square: int) -> bool:
        """Whether another colour has two or more tokens on ``square``."""
        if square < 0:
            return False
        for q in self._opponents[p]:
            if self._sq[q].count(square) >= 2:
                return True
        return False

    def _path_blocked(self, p: int, route: SeatRoute, pos: int, roll: int) -> bool:
        end = min(pos + roll, route.track_count - 1)
        return any(self._blocked(p, route.track[k]) for k in range(pos + 1, end + 1))

    def _bonus_move(self, p: int, tokens, steps: int, cause: str, events: list[Event] | None) -> None:
        """A plain walk forward (steps > 0) or back (steps < 0); see the module doc."""
        route = self._routes[p]
        pos = self._pos[p][tokens[0]]
        target = min(max(pos + steps, 0), route.finish)
        if target == pos:
            return
        self._set(p, tokens, target)
        if events is not None:
            path = route.spots[pos + 1:target + 1] if target > pos else route.spots[target:pos][::-1]
            events.append(Moved(p, tokens, path, cause))
        if target == route.finish:
            self._finish_tokens(p, tokens, events)

    def _finish_tokens(self, p: int, tokens, events: list[Event] | None) -> None:
        if events is not None:
            events.append(Finished(p, tokens))
        finish = self._routes[p].finish
        if all(pos == finish for pos in self._pos[p]):
            self.finish_order.append(p)
            if events is not None:
                events.append(PlayerFinished(p, len(self.finish_order)))
            left = len(self.players) - len(self.finish_order)
            if not self._places or left <= (1 if len(self.players) > 1 else 0):
                self._game_over("finished", events)

    def _after_move(self, p: int, events: list[Event] | None) -> None:
        if self.phase is _OVER:
            return
        if self.last_roll == 6 and self._extra6 and p not in self.finish_order:
            self.phase = _ROLL
            if events is not None:
                events.append(ExtraRoll(p))
        else:
            self._next_turn(events)

    def _next_turn(self, events: list[Event] | None) -> None:
        prev = q = self.current
        turns = self.turns = self.turns + 1
        self.sixes = 0
        self._moved = ()
        if self.max_turns and turns >= self.max_turns:
            self._game_over("max_turns", events)
            return
        n = self._n_players
        done, skip = self.finish_order, self._skip
        while True:
            q += 1
            if q == n:
                q = 0
            if done and q in done:
                continue
            if skip[q]:
                skip[q] = False
                if events is not None:
                    events.append(TurnLost(q))
                continue
            break
        self.current = q
        self.phase = _ROLL
        if events is not None:
            events.append(TurnPassed(prev, q, turns))

    def _game_over(self, reason: str, events: list[Event] | None) -> None:
        self.phase = _OVER
        self.over_reason = reason
        self._moves = []
        if events is not None:
            events.append(GameOver(self.standings[0].player, reason))

    # ------------------------------------------------------------ scenes

    def _request_scene(self, p: int, tokens, square: int, events: list[Event] | None) -> None:
        tile_id = self.board.squares[square].tile
        self.tile_landings[tile_id] = self.tile_landings.get(tile_id, 0) + 1
        scenario, quiz = self._picker.pick(tile_id)
        self._pending = SceneRequested(p, tokens[0], tile_id, square, scenario, quiz)
        self._pending_tokens = tokens
        self.phase = _SCENE
        if events is not None:
            events.append(self._pending)

    def resolve_scene(self, result: SceneResult | EndingOutcome | bool | str) -> list[Event]:
        """Apply a finished scene: a ``SceneResult`` (full scoring), an ``EndingOutcome``,
        a bool (quiz right/wrong) or one of "escaped"/"reported"/"scammed"/"right"/"wrong";
        "skipped" (the teacher skipped it) is ``skip_scene()``."""
        if self.phase is not _SCENE:
            raise IllegalMove(f"no scene to resolve in phase {self.phase.value}")
        req = self._pending
        if not isinstance(result, SceneResult):
            if isinstance(result, str) and result == SKIPPED:
                return self.skip_scene()
            result = self._as_result(result, req)
        p, tokens = req.player, self._pending_tokens
        self._pending = None
        self.phase = _MOVE  # only until _after_move picks the real next phase
        record = self.scores[p].record(result)
        safe = record.safe
        loses = not safe and self._lose_turn and result.kind == "scenario"
        events: list[Event] | None = [] if self._record else None
        if events is not None:
            events.append(SceneResolved(p, req.tile, safe, result.outcome, record.money_lost, loses,
                                        record.company_money))
        if loses:
            self._skip[p] = True
        if safe:
            if self._scene_safe:
                self._bonus_move(p, tokens, self._scene_safe, "scene_safe", events)
        elif self._scene_risky:
            self._bonus_move(p, tokens, -self._scene_risky, "scene_risky", events)
        if self.phase is not _OVER:    # _after_move, inlined
            if self.last_roll == 6 and self._extra6 and p not in self.finish_order:
                self.phase = _ROLL
                if events is not None:
                    events.append(ExtraRoll(p))
            else:
                self._next_turn(events)
        return events if events is not None else []

    def skip_scene(self) -> list[Event]:
        """Leave the pending scene unplayed: nothing is scored, no bonus or penalty move; the turn goes on."""
        if self.phase is not _SCENE:
            raise IllegalMove(f"no scene to skip in phase {self.phase.value}")
        p = self._pending.player
        self._pending = None
        self.phase = _MOVE  # only until _after_move picks the real next phase
        events: list[Event] | None = [] if self._record else None
        self._after_move(p, events)
        return events if events is not None else []

    def _as_result(self, result, req: SceneRequested) -> SceneResult:
        if isinstance(result, SceneResult):
            return result
        if isinstance(result, str):
            if result in ("right", "wrong"):
                result = result == "right"
            else:
                result = EndingOutcome(result)
        lib = self.library
        if isinstance(result, bool):
            pool = lib.quiz_pools.get(req.quiz[0]) if lib and req.quiz else None
            if pool is not None:
                item = pool.items[req.quiz[1]]
                return SceneResult.of_answer(result, f"{pool.id}#{req.quiz[1]}", pool.scam_type, item.techniques)
            return SceneResult.of_answer(result)
        scenario = lib.scenarios.get(req.scenario) if lib and req.scenario else None
        return SceneResult.of_ending(EndingOutcome(result), scenario)


_GEOMETRIES: dict[tuple, tuple[Board, Geometry]] = {}


def shared_geometry(board: Board, rules: Mapping[str, object]) -> Geometry:
    """One Geometry per board and geometry switches, reused by every game on them."""
    key = (id(board), bool(rules.get("jump")), int(rules.get("jump_distance", 4)), bool(rules.get("fly")))
    hit = _GEOMETRIES.get(key)
    if hit is not None and hit[0] is board:
        return hit[1]
    if len(_GEOMETRIES) >= 16:
        _GEOMETRIES.clear()
    geometry = Geometry(board, rules)
    _GEOMETRIES[key] = (board, geometry)
    return geometry


class _ScamTileMarker:
    """Stands for a tile the game has no library entry for: treated as a scam tile."""

    id = ""
    type = TileType.SCAM


_SCAM_TILE = _ScamTileMarker()


def board_tiles(board: Board, library: Library | None) -> list:
    """Per track square: its Tile, ``_SCAM_TILE`` (no library to look it up), or None."""
    out = []
    for sq in board.squares:
        if sq.tile is None:
            out.append(None)
        elif library is None:
            out.append(_SCAM_TILE)
        else:
            out.append(library.tiles.get(sq.tile))
    return out
