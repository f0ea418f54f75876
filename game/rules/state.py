"""What one game is made of: the fields every part of ``Game`` reads and writes.

``Game`` (``engine.py``) is this state plus one class per job, each in its own
module: ``moves`` (what a roll allows), ``moving`` (making a move), ``turns``
(whose turn, the end of the game) and ``scene_turn`` (a scene on a scam tile).
They all derive from ``GameState`` and add no fields of their own.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:
    import random

    from game.content.models import Board, Library, Pack

    from .events import SceneRequested
    from .geometry import Geometry, SeatRoute
    from .moves import Move, MoveTable
    from .players import PlayerSpec
    from .scene_pick import ScenePicker
    from .scoring import PlayerScore
    from .switches import Switches


class Phase(str, Enum):
    ROLL = "roll"
    MOVE = "move"
    SCENE = "scene"
    OVER = "over"


class IllegalMove(ValueError):
    pass


class GameState:
    __slots__ = (
        "board", "rules", "switches", "geometry", "players", "seats", "library", "pack", "rng", "ai_rng",
        "max_turns", "scores", "current", "phase", "turns", "last_roll", "sixes", "finish_order",
        "over_reason", "captures", "tile_landings",
        "_random", "_record", "_n_players", "_routes", "_sqt", "_move_rows", "_player_at_seat",
        "_opponents", "_tiles", "_pos", "_sq", "_moved", "_moves", "_skip", "_pending", "_pending_tokens",
        "_picker", "catch_up", "scenes_dealt", "_turn_scene", "_catching_up",
    )

    # The setting, fixed for the whole game.
    board: Board
    rules: dict[str, object]          # the switch table as given
    switches: Switches                # the same, read once
    geometry: Geometry                # routes of every seat (shared between games on the same board)
    players: tuple[PlayerSpec, ...]
    seats: list[int]                  # seat index per player
    library: Library | None
    pack: Pack | None
    rng: random.Random                # dice and scene picks
    ai_rng: random.Random             # for computer players
    max_turns: int                    # 0: no limit
    catch_up: bool                    # a team behind on scenes gets one at the end of its turn (classroom)

    # Where the game is.
    scores: list[PlayerScore]
    current: int                      # the player to roll or move
    phase: Phase
    turns: int                        # turns handed over so far
    last_roll: int
    sixes: int                        # sixes in a row this turn
    finish_order: list[int]
    over_reason: str                  # "", finished / max_turns
    captures: int
    tile_landings: dict[str, int]     # tile id → landings (scam and safe)
    scenes_dealt: list[int]           # scenes asked for, per player (landings and catch-ups)

    # Tables per player, indexed by player (not seat).
    _random: Callable[[], float]      # rng.random
    _record: bool                     # build events (False: simulations)
    _n_players: int
    _routes: list[SeatRoute]
    _sqt: list[tuple[int, ...]]       # route position → track square (-1 off the track)
    _move_rows: list[MoveTable]       # [roll][token][position] → Move or None (moves.move_table)
    _player_at_seat: dict[int, int]
    _opponents: list[tuple[int, ...]]
    _tiles: list                      # per track square: its Tile, a stand-in scam tile, or None

    # Tokens: route position and track square of each token, per player.
    _pos: list[list[int]]
    _sq: list[list[int]]

    # This turn.
    _moved: tuple[int, ...]           # tokens moved on the previous six (the three-sixes penalty)
    _moves: Sequence[Move]            # legal moves of the roll just made; () once one is made
    _skip: list[bool]                 # players whose next turn is lost
    _pending: SceneRequested | None   # the scene to play
    _pending_tokens: tuple[int, ...]
    _picker: ScenePicker
    _turn_scene: bool                 # the player at turn has had a scene this turn
    _catching_up: bool                # the pending scene is a catch-up scene (it ends the turn)
