"""The class's learning check: the hands counted on each check item, before and after the game (pure).

In a classroom the check items (``game.rules.checks``) are voted on by show of hands: the teacher
enters how many chose each option. ``hands_on`` turns a vote into right / wrong hands;
``class_check_rows`` sets the "after" hands beside the "before" hands on the same scam type, as
shares of the hands raised (the class is not the same 40 people one by one, so shares, not pairs).
"""

from __future__ import annotations

from dataclasses import dataclass

from .checks import CheckItem


@dataclass(frozen=True)
class CheckHands:
    """The class's hands on one check item in one phase."""

    item: CheckItem
    phase: str            # "before" / "after"
    right: int
    wrong: int
    counts: tuple[int, ...] = ()     # hands per option (A, B, C …), when known

    @property
    def total(self) -> int:
        return self.right + self.wrong

    @property
    def share(self) -> float | None:
        return self.right / self.total if self.total else None


def hands_on(item: CheckItem, phase: str, counts: list[int] | tuple[int, ...]) -> CheckHands:
    """The hands per option (A, B, C … in the item's order) as right and wrong hands."""
    right = counts[item.item.answer] if item.item.answer < len(counts) else 0
    return CheckHands(item, phase, right, sum(counts) - right, tuple(counts))


@dataclass(frozen=True)
class CheckRow:
    """One scam type of the class's check: the share of hands right before and after."""

    scam_type: str
    before: CheckHands
    after: CheckHands | None      # None: the after item was not voted on (skipped, or the game not over)

    @property
    def gain(self) -> float | None:
        if self.after is None or self.before.share is None or self.after.share is None:
            return None
        return self.after.share - self.before.share


def class_check_rows(answers: list[CheckHands]) -> list[CheckRow]:
    """Per scam type voted on before the game (with at least one hand), in the order asked:
    the before hands and, when voted on, the after hands on the same type."""
    before = [a for a in answers if a.phase == "before" and a.total]
    after = {a.item.scam_type: a for a in answers if a.phase == "after" and a.total}
    return [CheckRow(b.item.scam_type, b, after.get(b.item.scam_type)) for b in before]


def overall(rows: list[CheckRow], phase: str) -> float | None:
    """The share of hands right over every type with both phases voted on."""
    done = [r for r in rows if r.after is not None]
    hands = [r.before if phase == "before" else r.after for r in done]
    total = sum(h.total for h in hands)
    return sum(h.right for h in hands) / total if total else None
