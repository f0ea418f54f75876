"""Checks across loaded items that no single file can see.

* every keyword square on a pack's boards can start something the pack allows
  (otherwise a player lands there and nothing happens);
* a tile's scenarios are of the tile's scam type (warning: a mix-up, not a crash);
* a fly square is of a colour some seat plays (else it never flies).
"""

from __future__ import annotations

from .models import Library, TileType
from .problems import Problem


def check(library: Library) -> list[Problem]:
    return [*_pack_squares(library), *_tile_types(library), *_fly_colours(library)]


def _pack_squares(library: Library) -> list[Problem]:
    out = []
    for pack in library.packs.values():
        allowed_s = set(pack.scenarios) or None
        allowed_q = set(pack.quiz_pools) or None
        for board_id in dict.fromkeys(pack.boards):  # a board listed twice is checked (and reported) once
            board = library.boards[board_id]
            for square in board.squares:
                tile = library.tiles.get(square.tile) if square.tile else None
                if tile is None or tile.type is TileType.SAFE:
                    continue
                scenes = [s for s in tile.scenarios if allowed_s is None or s in allowed_s]
                quiz = tile.quiz_pool and (allowed_q is None or tile.quiz_pool in allowed_q)
                if not scenes and not quiz:
                    out.append(Problem(
                        pack.source.path, pack.source.line, pack.source.col, "pack-square-empty",
                        f"in pack '{pack.id}', square {square.index} of board '{board_id}' ('{tile.keyword}') "
                        f"starts nothing: none of its scenarios or its quiz pool is in the pack",
                        f"add one of {', '.join(tile.scenarios) or tile.quiz_pool} to the pack's lists"))
    return out


def _tile_types(library: Library) -> list[Problem]:
    out = []
    for tile in library.tiles.values():
        for sid in tile.scenarios:
            scenario = library.scenarios.get(sid)
            if scenario and tile.scam_type and scenario.scam_type != tile.scam_type:
                out.append(Problem(tile.source.path, tile.source.line, tile.source.col, "tile-type-mismatch",
                                   f"tile '{tile.id}' is about '{tile.scam_type}' but its scenario '{sid}' "
                                   f"is about '{scenario.scam_type}'",
                                   "results count the scene under the scenario's scam type; "
                                   "check that this is intended", "warning"))
    return out


def _fly_colours(library: Library) -> list[Problem]:
    out = []
    for board in library.boards.values():
        seat_colours = {seat.colour for seat in board.seats}
        for square in board.squares:
            if square.fly_to is not None and square.colour not in seat_colours:
                out.append(Problem(board.source.path, board.source.line, board.source.col, "fly-never-used",
                                   f"fly square {square.index} of board '{board.id}' is "
                                   f"{square.colour or 'uncoloured'}, a colour no seat plays",
                                   "a plane only flies from a square of its own colour", "warning"))
    return out
