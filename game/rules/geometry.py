"""Board geometry: where each seat's tokens walk, jump and fly.

A token's place is one integer, its *route position* along its own seat's route:

* ``HANGAR`` (-1): not launched yet (or sent back).
* ``0 .. track_count - 1``: on the shared track. Position 0 is ``seat.start``.
* ``track_count .. finish``: in the seat's private home column
  (``Board.home_length`` squares); ``finish`` is the last home square.

Layouts:

* ``ring``: ``Board.squares`` is a loop. The route runs forward from
  ``seat.start`` round to ``seat.home_entry`` (inclusive, wrapping past the
  last index), then turns into the home column. ``track_count =
  (home_entry - start) mod length + 1``.
* ``path``: the track is an open path. The route runs from ``seat.start`` to
  ``seat.home_entry`` (forwards, or backwards if ``home_entry < start``) and
  never wraps. With ``home_length == 0`` the token finishes *on* the
  ``home_entry`` square; otherwise a home column follows as on a ring.

Either way ``finish = track_count + home_length - 1``.

Jump: landing on a track square of your own colour moves you on to the next
square of your colour ahead on your route, at most ``jump_distance`` squares
ahead and never into the home column; if there is none, no jump. (Classic
boards colour the track red/yellow/blue/green in turn, so that is always +4.)

Fly: landing on a square of your own colour that has ``fly_to`` flies you to
``fly_to`` (classic: +12), provided that square lies further along your route,
still on the track. A flight crosses the board's middle, and with it the home
column of every seat whose ``home_entry`` square lies strictly between the fly
square and the target on your route; it crosses each such column at its
middle square, home position ``(home_length - 1) // 2`` (the 3rd square of a
6-square column, as drawn on real aeroplane-chess boards). That crossing
square is what ``fly_captures`` clears. Boards without home columns have no
crossings.

Chaining: after a normal landing at most one jump and at most one fly follow,
in whichever order the squares call for (jump→fly or fly→jump). A fly square
of your colour flies rather than jumps.
"""

from __future__ import annotations

from typing import Mapping, NamedTuple

from game.content.models import Board, Layout

HANGAR = -1


class Spot(NamedTuple):
    """A drawable place: ``("hangar", 0)``, ``("track", square index)`` or ``("home", k)``.

    ``("home", k)`` is the k-th square of the owning seat's home column; the
    seat is the one of the player the event is about.
    """

    area: str
    index: int


HANGAR_SPOT = Spot("hangar", 0)


class SeatRoute:
    """Precomputed tables for one seat, indexed by route position."""

    __slots__ = ("seat", "colour", "track", "track_count", "finish", "spots", "pos_of_square",
                 "jump_to", "fly_to", "chains", "crossings", "home_entry_square", "squares",
                 "_dest")

    def __init__(self, board: Board, seat_index: int, jump: bool, jump_distance: int, fly: bool):
        seat = board.seats[seat_index]
        n = board.length
        self.seat = seat_index
        self.colour = seat.colour
        if board.layout is Layout.RING:
            count = (seat.home_entry - seat.start) % n + 1
            track = tuple((seat.start + k) % n for k in range(count))
        else:
            step = 1 if seat.home_entry >= seat.start else -1
            track = tuple(range(seat.start, seat.home_entry + step, step))
        self.track = track
        self.track_count = len(track)
        self.finish = self.track_count + board.home_length - 1
        self.home_entry_square = seat.home_entry
        self.spots = tuple(Spot("track", s) for s in track) + tuple(
            Spot("home", k) for k in range(board.home_length))
        pos_of: dict[int, int] = {}
        for pos, square in enumerate(track):
            pos_of.setdefault(square, pos)
        self.pos_of_square = pos_of

        colour = seat.colour
        squares = board.squares
        jump_to = [-1] * (self.finish + 1)
        fly_to = [-1] * (self.finish + 1)
        for pos, square in enumerate(track):
            sq = squares[square]
            if sq.colour != colour:
                continue
            if fly and sq.fly_to is not None:
                target = pos_of.get(sq.fly_to, -1)
                if target > pos:
                    fly_to[pos] = target
            if jump:
                for ahead in range(pos + 1, min(pos + jump_distance, self.track_count - 1) + 1):
                    if squares[track[ahead]].colour == colour:
                        jump_to[pos] = ahead
                        break
        self.jump_to = tuple(jump_to)
        self.fly_to = tuple(fly_to)
        self.chains = tuple(self.chain(pos) for pos in range(self.finish + 1))
        # Track square per position; finished tokens and home columns are off the track.
        # One extra -1 at the end so that ``squares[HANGAR]`` is -1 too.
        self.squares = tuple(track[pos] if pos < self.track_count and pos != self.finish else -1
                             for pos in range(self.finish + 1)) + (-1,)
        self._dest: dict[tuple[bool, bool], tuple[tuple[int, ...], ...]] = {}
        self.crossings: dict[int, tuple[tuple[int, int], ...]] = {}

    def link_crossings(self, routes: list["SeatRoute"], home_length: int) -> None:
        """For every flight of this seat, the (seat, home position) squares it crosses."""
        if home_length == 0:
            return
        middle = (home_length - 1) // 2
        for pos, target in enumerate(self.fly_to):
            if target < 0:
                continue
            passed = set(self.track[pos + 1:target])
            self.crossings[pos] = tuple(
                (other.seat, other.track_count + middle) for other in routes
                if other.seat != self.seat and other.home_entry_square in passed)

    def chain(self, pos: int, blocked=None) -> tuple[tuple[str, int], ...]:
        """The jump/fly hops after landing at ``pos``: ``(("fly", p1), ("jump", p2))`` etc.

        ``blocked(pos)`` (optional) says a hop may not land there; the hop is skipped.
        """
        hops = []
        jumped = flew = False
        while True:
            target = self.fly_to[pos] if not flew else -1
            if target >= 0 and not (blocked and blocked(target)):
                flew = True
                hops.append(("fly", target))
                pos = target
                continue
            target = self.jump_to[pos] if not jumped else -1
            if target >= 0 and not (blocked and blocked(target)):
                jumped = True
                hops.append(("jump", target))
                pos = target
                continue
            return tuple(hops)

    def landing(self, pos: int, roll: int, exact: bool, bounce: bool) -> int:
        """Where a walk of ``roll`` from ``pos`` stops, before any jump or flight; -1 if not allowed."""
        land = pos + roll
        if land > self.finish:
            if not exact:
                return self.finish
            if not bounce:
                return -1
            return max(2 * self.finish - land, 0)
        return land

    def destinations(self, exact: bool, bounce: bool) -> tuple[tuple[int, ...], ...]:
        """``[roll][pos]`` → final position of a move with no blocking in play, -1 if not legal.

        Computed once per switch combination; the hot path of ``Game`` reads it.
        """
        key = (exact, bounce)
        table = self._dest.get(key)
        if table is None:
            rows: list[tuple[int, ...]] = [()]
            for roll in range(1, 7):
                row = []
                for pos in range(self.finish + 1):
                    land = -1 if pos == self.finish else self.landing(pos, roll, exact, bounce)
                    hops = self.chains[land] if land >= 0 else ()
                    row.append(hops[-1][1] if hops else land)
                rows.append(tuple(row))
            table = self._dest[key] = tuple(rows)
        return table

    def spot(self, pos: int) -> Spot:
        return HANGAR_SPOT if pos < 0 else self.spots[pos]

    def square(self, pos: int) -> int:
        """Track square index at ``pos``, or -1 (hangar or home column)."""
        return self.track[pos] if 0 <= pos < self.track_count else -1


class Geometry:
    """All seats' routes for one board under one switch table."""

    def __init__(self, board: Board, rules: dict | None = None):
        rules = dict(board.rules if rules is None else rules)
        self.board = board
        self.home_length = board.home_length
        self.routes = [SeatRoute(board, i, bool(rules.get("jump")), int(rules.get("jump_distance", 4)),
                                 bool(rules.get("fly")))
                       for i in range(len(board.seats))]
        for route in self.routes:
            route.link_crossings(self.routes, board.home_length)

    def __getitem__(self, seat: int) -> SeatRoute:
        return self.routes[seat]


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
