"""Which scene a scam tile plays: an unplayed script of the tile, else an unasked quiz item of its
pool, else any of either.

``SceneDeck`` lists, once per library and pack, what each tile may play (its scripts that loaded
and the pack allows; its quiz pool, if it has items and the pack allows it). ``ScenePicker`` is one
game's memory of what was already played or asked, and draws from the game's dice ``Random`` so
the same seed picks the same scenes.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from game.content.models import Library, Pack


class TileScenes(NamedTuple):
    scenarios: tuple[str, ...]      # script ids, in the tile's order
    pool: str | None                # quiz pool id
    items: int                      # quiz items in the pool


_NOTHING = TileScenes((), None, 0)


class SceneDeck:
    """What each tile of a library may play under a pack (None: no pack, everything allowed)."""

    def __init__(self, library: Library, pack: Pack | None):
        allowed_s = set(pack.scenarios) if pack and pack.scenarios else None
        allowed_q = set(pack.quiz_pools) if pack and pack.quiz_pools else None
        self.tiles: dict[str, TileScenes] = {}
        for tile in library.tiles.values():
            scenarios = tuple(s for s in tile.scenarios
                              if s in library.scenarios and (allowed_s is None or s in allowed_s))
            pool = library.quiz_pools.get(tile.quiz_pool) if tile.quiz_pool else None
            if pool is not None and (not pool.items or (allowed_q is not None and pool.id not in allowed_q)):
                pool = None
            self.tiles[tile.id] = TileScenes(scenarios, pool.id if pool else None, len(pool.items) if pool else 0)

    def get(self, tile_id: str) -> TileScenes:
        return self.tiles.get(tile_id, _NOTHING)


_DECKS: dict[tuple[int, int], tuple[Library, Pack | None, SceneDeck]] = {}


def shared_deck(library: Library, pack: Pack | None) -> SceneDeck:
    """One deck per library and pack, reused by every game on them (content never changes once loaded)."""
    key = (id(library), id(pack))
    hit = _DECKS.get(key)
    if hit is not None and hit[0] is library and hit[1] is pack:
        return hit[2]
    if len(_DECKS) >= 16:
        _DECKS.clear()
    deck = SceneDeck(library, pack)
    _DECKS[key] = (library, pack, deck)
    return deck


class ScenePicker:
    """One game's scene picks. ``random`` is the game's dice stream: one draw per pick that has a choice."""

    __slots__ = ("tiles", "random", "played", "unasked")

    def __init__(self, deck: SceneDeck | None, random: Callable[[], float]):
        self.tiles = deck.tiles if deck is not None else None
        self.random = random
        self.played: set[str] = set()
        self.unasked: dict[str, list[int]] = {}    # pool id → item indexes not asked yet, in order

    def pick(self, tile_id: str, prefer_quiz: bool = False) -> tuple[str | None, tuple[str, int] | None]:
        """(script id, None), (None, (pool id, item index)) or (None, None) when the tile has nothing.
        ``prefer_quiz``: an unasked question of the tile's pool before a script (a short scene)."""
        if self.tiles is None:
            return None, None
        scenarios, pool, items = self.tiles.get(tile_id, _NOTHING)
        if prefer_quiz and pool is not None:
            unasked = self.unasked.get(pool)
            if unasked is None or unasked:
                return self._ask(pool, items)
        if scenarios:
            played = self.played
            fresh = [s for s in scenarios if s not in played]
            if fresh:
                pick = fresh[int(self.random() * len(fresh))]
                played.add(pick)
                return pick, None
        if pool is not None:
            return self._ask(pool, items)
        if scenarios:
            return scenarios[int(self.random() * len(scenarios))], None
        return None, None

    def _ask(self, pool: str, items: int) -> tuple[None, tuple[str, int]]:
        unasked = self.unasked.get(pool)
        if unasked is None:
            unasked = self.unasked[pool] = list(range(items))
        if unasked:
            return None, (pool, unasked.pop(int(self.random() * len(unasked))))
        return None, (pool, int(self.random() * items))    # every item asked: any of them again
