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

    def _request_scene(self, p: int, tokens, square: int, events: list[Event] | None,
                       catch_up: bool = False) -> None:
        tile_id = self.board.squares[square].tile
        if not catch_up:
            self.tile_landings[tile_id] = self.tile_landings.get(tile_id, 0) + 1
        # With catch-up on (class), a team's first scene is a quick question where the tile has
        # one: the opening round reaches every team within minutes; scripts follow.
        opening = self.catch_up and self.scenes_dealt[p] == 0
        self.scenes_dealt[p] += 1
        self._turn_scene = True
        self._catching_up = catch_up
        scenario, quiz = self._picker.pick(tile_id, prefer_quiz=opening)
        key = (p, tokens[0] if tokens else -1, tile_id, square, scenario, quiz, catch_up)
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
        if not tokens:
            pass            # a catch-up scene of a team with no plane on the track: nothing walks
        elif safe:
            if sw.scene_safe_move:
                self._bonus_move(p, tokens, sw.scene_safe_move, "scene_safe", events)
        elif sw.scene_risky_move:
            self._bonus_move(p, tokens, -sw.scene_risky_move, "scene_risky", events)
        self._scene_over(p, events)
        return events if events is not None else []

    def skip_scene(self) -> list[Event]:
        """Leave the pending scene unplayed: nothing is scored, no bonus or penalty move; the turn goes on."""
        if self.phase is not _SCENE:
            raise IllegalMove(f"no scene to skip in phase {self.phase.value}")
        p = self._pending.player
        self._pending = None
        self.phase = _MOVE  # only until _after_move picks the real next phase
        events: list[Event] | None = [] if self._record else None
        self._scene_over(p, events)
        return events if events is not None else []

    def _scene_over(self, p: int, events: list[Event] | None) -> None:
        if self._catching_up:   # the turn was over already (no extra roll, even after a six)
            self._catching_up = False
            if self.phase is not Phase.OVER:
                self._next_turn(events)
        else:
            self._after_move(p, events)

    # ------------------------------------------------------------ catching up (classroom)
    def _behind(self, p: int) -> bool:
        """A team is behind when it has had no scene yet, or fewer than the team with the most."""
        dealt = self.scenes_dealt
        return dealt[p] == 0 or dealt[p] < max(dealt)

    def _catch_up_scene(self, p: int, events: list[Event] | None) -> bool:
        """Ask for a scene for ``p``, whose turn ends without one while it is behind: the first
        keyword square ahead of its leading plane (from its start square when no plane is out).
        Returns False when the board has no keyword square."""
        route = self._routes[p]
        on_track = [(pos, t) for t, pos in enumerate(self._pos[p]) if 0 <= pos < route.track_count]
        lead, token = max(on_track) if on_track else (-1, None)
        tiles, track = self._tiles, route.track
        order = list(range(lead + 1, route.track_count)) + list(range(0, lead + 1))
        for pos in order:
            tile = tiles[track[pos]]
            if tile is not None and (tile is SCAM_TILE or tile.type is TileType.SCAM):
                tokens = (token,) if token is not None and pos > lead else ()
                self._request_scene(p, tokens, track[pos], events, catch_up=True)
                return True
        return False

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
