"""What the classroom's teacher tools decide (pure; the screens only show it)."""

from __future__ import annotations

from game.content.models import Choice, Outcome


def best_choice(choices: tuple[Choice, ...] | list[Choice]) -> Choice | None:
    """The choice a teacher reveals: safe with a credit step (reported, verified) first, then safe,
    then neutral, then risky; None when the step offers no choice (an ending)."""
    if not choices:
        return None
    return max(choices, key=lambda c: (c.outcome is Outcome.SAFE, c.ladder.is_credit, c.outcome is not Outcome.RISKY))
