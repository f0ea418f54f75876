"""What a roll allows: the legal moves, and what a move would do before it is made.

Without stacking or blocking a token's move depends only on where it stands and the roll,
so ``Game.roll`` reads the moves from a ``move_table`` built once and shared by every game
on the same geometry and switches. With stacking or blocking on, ``_legal_moves`` works them
out for the position on the board.
"""

from __future__ import annotations

from typing import NamedTuple

from .geometry import HANGAR, Geometry, SeatRoute
from .state import GameState, Phase
from .switches import Switches


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


_MOVE = Phase.MOVE

# A row per roll and token: the token's Move from each route position, None where it has none;
# the last entry (index -1, ``HANGAR``) is its launch, when the roll launches.
MoveTable = tuple[tuple[tuple[Move | None, ...], ...], ...]
_TABLES: dict[tuple, tuple[Geometry, MoveTable]] = {}


def move_table(geometry: Geometry, player: int, seat: int, switches: Switches) -> MoveTable:
    """``[roll][token][position]`` → Move or None, with no stacking or blocking; one per geometry and switches."""
    key = (id(geometry), player, seat, switches.tokens, switches.exact_finish, switches.bounce_back,
           switches.launch_on)
    hit = _TABLES.get(key)
    if hit is not None and hit[0] is geometry:
        return hit[1]
    if len(_TABLES) >= 64:
        _TABLES.clear()
    dest = geometry[seat].destinations(switches.exact_finish, switches.bounce_back)
    table: list = [()]
    for roll in range(1, 7):
        rows = []
        for t in range(switches.tokens):
            row: list[Move | None] = [Move(player, (t,), roll, pos, to, False) if to >= 0 else None
                                      for pos, to in enumerate(dest[roll])]
            row.append(Move(player, (t,), roll, HANGAR, 0, True) if roll in switches.launch_on else None)
            rows.append(tuple(row))
        table.append(tuple(rows))
    _TABLES[key] = (geometry, tuple(table))
    return _TABLES[key][1]


def first_launch_only(moves: list[Move]) -> list[Move]:
    """One launch move stands for every token in the hangar: the first token's."""
    out, launched = [], False
    for move in moves:
        if move.launch:
            if launched:
                continue
            launched = True
        out.append(move)
    return out


class LegalMoves(GameState):
    __slots__ = ()

    def preview(self, move: Move) -> "MovePreview":
        """What ``move`` would do, without doing it (for computer players and hints)."""
        sw = self.switches
        p = move.player
        route = self._routes[p]
        if move.launch:
            stops: tuple[int, ...] = (0,)
            flights: tuple[int, ...] = ()
        else:
            land = route.landing(move.frm, move.roll, sw.exact_finish, sw.bounce_back)
            if land < route.track_count:
                hops = (route.chain(land, lambda q: self._blocked(p, route.square(q))) if sw.blocking
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
            if sw.capture or (flown_to and sw.fly_captures):
                captures += sum(self._sq[q].count(square) for q in self._opponents[p])
        if sw.fly_captures:
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

    def stuck_reason(self, p: int, roll: int) -> str:
        """Why a roll of ``roll`` gives player ``p`` no move, for a caption (the rules, not the screen, know):

        ``launch`` every token still to play waits in the hangar and ``roll`` is not a launch face;
        ``overshoot`` a token would pass the finish and the rules want it reached exactly;
        ``blocked`` two tokens of another colour bar the way; ``none`` nothing left to move.
        Asked for the position the roll was made in (a roll that moves nothing changes no token).
        """
        sw = self.switches
        route = self._routes[p]
        playing = [pos for pos in self._pos[p] if pos != route.finish]
        if not playing:
            return "none"
        if all(pos < 0 for pos in playing):
            if sw.blocking and roll in sw.launch_on:
                return "blocked"
            return "launch"
        for pos in playing:
            if pos >= 0 and route.landing(pos, roll, sw.exact_finish, sw.bounce_back) < 0:
                return "overshoot"
        return "blocked" if sw.blocking else "none"

    def legal_moves(self) -> list[Move]:
        return list(self._moves) if self.phase is _MOVE else []

    def _legal_moves(self, p: int, roll: int) -> list[Move]:
        """The general case (stacking or blocking on); ``roll`` inlines the plain case."""
        sw = self.switches
        route = self._routes[p]
        finish = route.finish
        positions = self._pos[p]
        moves: list[Move] = []
        launched = False
        stacked: set[int] = set()
        blocking = sw.blocking
        for t, pos in enumerate(positions):
            if pos == finish:
                continue
            if pos < 0:
                if not launched and roll in sw.launch_on and not (blocking and self._blocked(p, route.track[0])):
                    launched = True
                    moves.append(Move(p, (t,), roll, HANGAR, 0, True))
                continue
            tokens = (t,)
            if sw.stacking:
                if pos in stacked:
                    continue
                stacked.add(pos)
                tokens = tuple(u for u, q in enumerate(positions) if q == pos)
            land = route.landing(pos, roll, sw.exact_finish, sw.bounce_back)
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
