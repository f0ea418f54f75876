"""A scene in the turn: landing on a scam tile asks for one (``SceneRequested``, picked by
``scene_pick``); the caller plays it and hands the result to ``resolve_scene``, which scores it,
makes the bonus or penalty walk and passes the turn on.
"""

from __future__ import annotations

from game.content.models import Board, EndingOutcome, Library, TileType

from .events import Event, SceneRequested, SceneResolved
from .scenes import SceneResult
from .state import GameState, IllegalMove, Phase

SKIPPED = "skipped"   # ``resolve_scene(SKIPPED)``: the scene was skipped (classroom), not played

_MOVE, _SCENE = Phase.MOVE, Phase.SCENE


_REQUESTS: dict[tuple, SceneRequested] = {}


class _ScamTileMarker:
    """Stands for a tile the game has no library entry for: treated as a scam tile."""

    id = ""
    type = TileType.SCAM


SCAM_TILE = _ScamTileMarker()


def board_tiles(board: Board, library: Library | None) -> list:
    """Per track square: its Tile, ``SCAM_TILE`` (no library to look it up), or None."""
    out = []
    for sq in board.squares:
        if sq.tile is None:
            out.append(None)
        elif library is None:
            out.append(SCAM_TILE)
        else:
            out.append(library.tiles.get(sq.tile))
    return out


class SceneTurn(GameState):
    __slots__ = ()

    @property
    def pending_scene(self) -> SceneRequested | None:
        return self._pending

    def _request_scene(self, p: int, tokens, square: int, events: list[Event] | None) -> None:
        tile_id = self.board.squares[square].tile
        self.tile_landings[tile_id] = self.tile_landings.get(tile_id, 0) + 1
        scenario, quiz = self._picker.pick(tile_id)
        key = (p, tokens[0], tile_id, square, scenario, quiz)
        if events is not None:
            request = SceneRequested(*key)
        else:
            # A simulation: events are immutable and the same requests come back game after game.
            request = _REQUESTS.get(key)
            if request is None:
                if len(_REQUESTS) >= 20_000:
                    _REQUESTS.clear()
                request = _REQUESTS[key] = SceneRequested(*key)
        self._pending = request
        self._pending_tokens = tokens
        self.phase = _SCENE
        if events is not None:
            events.append(self._pending)

    def resolve_scene(self, result: SceneResult | EndingOutcome | bool | str) -> list[Event]:
        """Apply a finished scene: a ``SceneResult`` (full scoring), an ``EndingOutcome``,
        a bool (quiz right/wrong) or one of "escaped"/"reported"/"scammed"/"right"/"wrong";
        "skipped" (the teacher skipped it) is ``skip_scene()``."""
        sw = self.switches
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
        loses = not safe and sw.scene_scammed_lose_turn and result.kind == "scenario"
        events: list[Event] | None = [] if self._record else None
        if events is not None:
            events.append(SceneResolved(p, req.tile, safe, result.outcome, record.money_lost, loses,
                                        record.company_money))
        if loses:
            self._skip[p] = True
        if safe:
            if sw.scene_safe_move:
                self._bonus_move(p, tokens, sw.scene_safe_move, "scene_safe", events)
        elif sw.scene_risky_move:
            self._bonus_move(p, tokens, -sw.scene_risky_move, "scene_risky", events)
        self._after_move(p, events)
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
