"""The anonymous learning check: a few quiz items before the game and matched ones after it.

``pick_learning_check(pack, library, seed)`` chooses, for up to ``n`` scam types of the
pack's quiz pools, two different items of the same type: one asked before the first
roll, the other after the game. Pure and seeded (no pygame): the same seed gives the
same items. The gain is then "right after" minus "right before" on the same scam
types (game/stats/facts.py: ``check_pairs``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from game.content.models import Library, Pack, QuizItem

DEFAULT_ITEMS = 3


@dataclass(frozen=True)
class CheckItem:
    pool_id: str
    index: int              # position of the item in its pool
    item: QuizItem
    scam_type: str

    @property
    def ref(self) -> str:
        """How the statistics name the item: 'pool_id:item_id' (or 'pool_id#index' without an id)."""
        return f"{self.pool_id}:{self.item.id}" if self.item.id else f"{self.pool_id}#{self.index}"


@dataclass(frozen=True)
class LearningCheck:
    before: tuple[CheckItem, ...]
    after: tuple[CheckItem, ...]      # after[i] is on the same scam type as before[i]

    @property
    def scam_types(self) -> tuple[str, ...]:
        return tuple(c.scam_type for c in self.before)


def check_candidates(pack: Pack, library: Library) -> dict[str, list[CheckItem]]:
    """Per scam type, every quiz item on that type in the pools the pack asks from
    (``Library.quiz_pools_of``: a pack listing no pools asks from its boards' squares' pools).
    Pools without a type are general knowledge and cannot be matched; only types with two items or more."""
    by_type: dict[str, list[CheckItem]] = {}
    for pool_id in library.quiz_pools_of(pack):
        pool = library.quiz_pools.get(pool_id)
        if pool is None or not pool.scam_type:
            continue
        for index, item in enumerate(pool.items):
            by_type.setdefault(pool.scam_type, []).append(CheckItem(pool_id, index, item, pool.scam_type))
    return {t: items for t, items in sorted(by_type.items()) if len(items) >= 2}


def pick_learning_check(pack: Pack, library: Library, seed: int, n: int = DEFAULT_ITEMS) -> LearningCheck | None:
    """Up to ``n`` matched pairs on different scam types (fewer when the pack has fewer types);
    None when the pack has no scam type with two quiz items."""
    if n < 1:
        raise ValueError("a learning check needs at least one item")
    candidates = check_candidates(pack, library)
    if not candidates:
        return None
    rng = random.Random(seed)
    types = rng.sample(sorted(candidates), min(n, len(candidates)))
    before, after = [], []
    for scam_type in types:
        first, second = rng.sample(candidates[scam_type], 2)
        before.append(first)
        after.append(second)
    return LearningCheck(tuple(before), tuple(after))
