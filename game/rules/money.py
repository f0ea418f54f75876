"""Money in a scam scene: what the choices taken pay out, and what of it a player loses.

The same rule the scoring applies (``scoring.PlayerScore.record``): a player never loses more than
the savings they still have; a ``company_money`` script's payments are the company's and are not
capped by the player's savings.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.content.models import Choice


def paid_out(choices: Iterable[Choice]) -> int:
    """CNY the taken choices moved out (a choice never moves money in)."""
    return sum(max(c.money, 0) for c in choices)


def money_lost(paid: int, savings: int | None, company: bool = False) -> int:
    """What ``paid`` costs: the player's loss, capped at ``savings`` (None: no game, nothing to cap
    at), or the company's, uncapped."""
    if company or savings is None:
        return paid
    return min(paid, max(savings, 0))
