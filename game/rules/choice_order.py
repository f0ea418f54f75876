"""The order choices and quiz answers are shown in: shuffled per play, so that where the safe
choice stands tells the player nothing, yet repeatable (the same key always gives the same order)."""

from __future__ import annotations

import dataclasses
import random

from ..content.models import QuizItem


def shown_order(count: int, *key) -> tuple[int, ...]:
    """Indexes ``0 … count-1`` in the order to show them, decided by ``key`` alone (e.g. the game's seed,
    the game's number, the script and the node): the same key, the same order."""
    order = list(range(count))
    random.Random(":".join(str(k) for k in key)).shuffle(order)
    return tuple(order)


def shuffled_quiz_item(item: QuizItem, *key) -> QuizItem:
    """``item`` with its options in shown order and ``answer`` pointing at the same option."""
    order = shown_order(len(item.options), *key, item.id)
    return dataclasses.replace(item, options=tuple(item.options[i] for i in order), answer=order.index(item.answer))
