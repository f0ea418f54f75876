"""Who plays: a player's wishes (``PlayerSpec``) and the seat each one gets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from game.content.models import Board


@dataclass(frozen=True)
class PlayerSpec:
    name: str = ""
    colour: str | None = None       # seat colour; None = the next free seat, spread round the board
    policy: str | None = None       # computer player's policy name; None = a person


def seat_order(board: Board, players: Sequence[PlayerSpec]) -> list[int]:
    """Seat index per player: asked-for colours first, the rest spread evenly round the board."""
    colours = [s.colour for s in board.seats]
    taken: list[int | None] = []
    for spec in players:
        if spec.colour is None:
            taken.append(None)
            continue
        if spec.colour not in colours:
            raise ValueError(f"board {board.id!r} has no {spec.colour} seat (seats: {', '.join(colours)})")
        index = colours.index(spec.colour)
        if index in taken:
            raise ValueError(f"two players asked for the {spec.colour} seat")
        taken.append(index)
    free = [i for i in range(len(colours)) if i not in taken]
    want = taken.count(None)
    if want > len(free):
        raise ValueError(f"board {board.id!r} has {len(colours)} seats for {len(players)} players")
    # Spread: 2 players on 4 seats sit opposite each other.
    picks = [free[(k * len(free)) // want] for k in range(want)] if want else []
    return [t if t is not None else picks.pop(0) for t in taken]
