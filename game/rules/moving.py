"""Making a move: the walk, an exact-finish bounce, jumps and flights, captures, a token home,
and the plain walks of bonus moves (safe tile, scene result). Landing on a scam tile asks for a
scene (``scene_turn``); otherwise the turn goes on (``turns``).
"""

from __future__ import annotations

from game.content.models import TileType

from .events import (
    Bounced, Captured, Event, ExtraRoll, Finished, Flew, Jumped, Launched, Moved, PlayerFinished, SafeTileLanded,
)
from .geometry import SeatRoute, Spot
from .moves import Move
from .scene_turn import SCAM_TILE
from .state import GameState, IllegalMove, Phase

_ROLL, _MOVE, _OVER = Phase.ROLL, Phase.MOVE, Phase.OVER


class Moving(GameState):
    __slots__ = ()

    def apply(self, move: Move) -> list[Event]:
        sw = self.switches
        if self.phase is not _MOVE or move not in self._moves:
            if self.phase is not _MOVE:
                raise IllegalMove(f"cannot move in phase {self.phase.value}")
            raise IllegalMove(f"{move} is not a legal move now")
        p, tokens, roll, frm, _, launch = move
        route = self._routes[p]
        self._moved = tokens
        self._moves = ()
        events: list[Event] | None = [] if self._record else None
        if launch:
            pos = 0
            if events is not None:
                events.append(Launched(p, tokens, route.spots[0]))
        else:
            finish = route.finish
            pos = frm + roll
            if pos > finish:
                if sw.bounce_back:
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
        square = self._sqt[p][pos]
        positions, squares = self._pos[p], self._sq[p]
        for t in tokens:                # self._set, inlined
            positions[t] = pos
            squares[t] = square
        if pos < route.track_count:     # (a token finishing on the track's last square may capture there)
            if sw.capture:
                self._capture_at(p, route.track[pos], events)
            # A launch neither jumps nor flies.
            if not launch and (route.chains[pos] or sw.blocking):
                pos = self._chain(p, route, tokens, pos, events)
        if pos == route.finish:
            self._finish_tokens(p, tokens, events)
        elif not launch and pos < route.track_count:
            square = route.track[pos]
            tile = self._tiles[square]
            if tile is not None:
                if tile is SCAM_TILE or tile.type is TileType.SCAM:
                    self._request_scene(p, tokens, square, events)
                    return events if events is not None else []
                self.tile_landings[tile.id] = self.tile_landings.get(tile.id, 0) + 1
                if events is not None:
                    events.append(SafeTileLanded(p, tile.id, square))
                if sw.safe_tile_move:
                    self._bonus_move(p, tokens, sw.safe_tile_move, "safe_tile", events)
        # Turns._after_move, inlined: this is the hot path of every simulation.
        if self.phase is not _OVER:
            if roll == 6 and sw.extra_roll_on_six and p not in self.finish_order:
                self.phase = _ROLL
                if events is not None:
                    events.append(ExtraRoll(p))
            else:
                self._next_turn(events)
        return events if events is not None else []

    def _chain(self, p: int, route: SeatRoute, tokens, pos: int, events: list[Event] | None) -> int:
        """The jump/fly hops after landing at ``pos``, with their captures. Returns the final position."""
        sw = self.switches
        if sw.blocking:
            hops = route.chain(pos, lambda q: self._blocked(p, route.square(q)))
        else:
            hops = route.chains[pos]
        for kind, target in hops:
            self._set(p, tokens, target)
            if kind == "fly":
                if events is not None:
                    events.append(Flew(p, tokens, route.spots[pos], route.spots[target]))
                if sw.fly_captures:
                    for seat, home_pos in route.crossings.get(pos, ()):
                        q = self._player_at_seat.get(seat)
                        if q is not None:
                            self._capture_home(p, q, home_pos, events)
                if sw.capture or sw.fly_captures:
                    self._capture_at(p, route.track[target], events)
            else:
                if events is not None:
                    events.append(Jumped(p, tokens, route.spots[pos], route.spots[target]))
                if sw.capture:
                    self._capture_at(p, route.track[target], events)
            pos = target
        return pos

    def _capture_at(self, p: int, square: int, events: list[Event] | None) -> None:
        for q in self._opponents[p]:
            sqs = self._sq[q]
            if square in sqs:
                victims = tuple(t for t, s in enumerate(sqs) if s == square)
                self._set(q, victims, self.switches.hangar)
                self.captures += 1
                if events is not None:
                    events.append(Captured(p, q, victims, Spot("track", square)))

    def _capture_home(self, p: int, q: int, home_pos: int, events: list[Event] | None) -> None:
        victims = tuple(t for t, pos in enumerate(self._pos[q]) if pos == home_pos)
        if victims:
            self._set(q, victims, self.switches.hangar)
            self.captures += 1
            if events is not None:
                events.append(Captured(p, q, victims, self._routes[q].spots[home_pos], by_flight=True))

    def _set(self, p: int, tokens, pos: int) -> None:
        sq = self._sqt[p][pos]
        positions, squares = self._pos[p], self._sq[p]
        for t in tokens:
            positions[t] = pos
            squares[t] = sq

    def _bonus_move(self, p: int, tokens, steps: int, cause: str, events: list[Event] | None) -> None:
        """A plain walk forward (steps > 0) or back (steps < 0); see the rules in ``engine``."""
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
            if not self.switches.play_for_places or left <= (1 if len(self.players) > 1 else 0):
                self._game_over("finished", events)
