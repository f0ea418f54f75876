"""Whose turn it is: passing the turn (skipped turns, an extra roll after a six), the
standings and the end of the game.
"""

from __future__ import annotations

from dataclasses import dataclass

from .events import Event, ExtraRoll, GameOver, TurnLost, TurnPassed
from .state import GameState, Phase

_ROLL, _OVER = Phase.ROLL, Phase.OVER


@dataclass(frozen=True)
class Standing:
    player: int
    place: int
    finished: bool
    progress: int     # squares travelled by all the player's tokens


class Turns(GameState):
    __slots__ = ()

    @property
    def is_over(self) -> bool:
        return self.phase is Phase.OVER

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

    def _after_move(self, p: int, events: list[Event] | None) -> None:
        if self.phase is _OVER:
            return
        if self.last_roll == 6 and self.switches.extra_roll_on_six and p not in self.finish_order:
            self.phase = _ROLL
            if events is not None:
                events.append(ExtraRoll(p))
        else:
            self._next_turn(events)

    def _next_turn(self, events: list[Event] | None) -> None:
        prev = q = self.current
        if self.catch_up:
            if (not self._turn_scene and prev not in self.finish_order and self._behind(prev)
                    and self._catch_up_scene(prev, events)):
                return      # the turn passes once the scene is played (``SceneTurn._scene_over``)
            self._turn_scene = False
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
        self._moves = ()
        if events is not None:
            events.append(GameOver(self.standings[0].player, reason))
