"""Scores for one player and for a whole session.

* Savings: start from the pack's ``starting_savings``; each choice taken moves
  ``Choice.money`` out, capped at what is left (savings never go below 0 and
  never go up).
* Decisions: only choices taken where more than one was offered count as safe, risky
  or neutral, and only they spot or miss techniques; a step with a single choice (a
  relative's call that ends with "报警") moves the story on and tests nothing.
* Safe-choice rate: safe choices / (safe + risky); neutral choices don't count.
* Company money: in a script marked ``company_money`` (a clerk paying a fake boss) the
  money is the company's: it never leaves the player's savings and is scored apart,
  as company money lost and company money protected.
* Ladder: per scene, the furthest step reached (ignored → engaged →
  shared_info → paid) and any credit (verified / reported) earned.
* Techniques: a safe choice tagged with technique T spots T, a risky one misses
  T; a quiz answered right spots the item's techniques, a wrong one misses them.
* Badges: one per technique spotted ``BADGE_SPOTS`` times or more.
* Savings protected: ``at_stake`` of every scenario that did not end scammed, less
  what that route had already paid out (a late rescue protects only the rest).
* After a reveal (classroom R): a choice (or quiz answer) taken after the teacher showed the
  answer is played but not scored — no money moves for it, it is not safe / risky / neutral,
  spots or misses no technique — and its scene protects nothing (``SceneResult.revealed``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.content.models import Ladder, Outcome, Technique

from .scenes import SceneResult

BADGE_SPOTS = 3
DEFAULT_SAVINGS = 100_000


@dataclass
class SceneRecord:
    kind: str
    ref: str
    scam_type: str | None
    safe: bool
    outcome: str
    furthest: Ladder            # deepest non-credit step reached (ignored if none)
    credit: Ladder | None       # reported beats verified
    money_lost: int
    protected: int
    company_money: bool = False   # money_lost / protected are the company's, not the player's


@dataclass
class Tally:
    """Per scam type: scenes ending safely / scammed, quiz answers right / wrong."""

    safe: int = 0
    scammed: int = 0
    right: int = 0
    wrong: int = 0


@dataclass
class TechniqueTally:
    spotted: int = 0
    missed: int = 0


@dataclass(frozen=True)
class Badge:
    technique: Technique
    spotted: int


def furthest_step(choices) -> tuple[Ladder, Ladder | None]:
    furthest, credit = Ladder.IGNORED, None
    for c in choices:
        if c.ladder.is_credit:
            if credit is None or c.ladder.rank < credit.rank:
                credit = c.ladder
        elif c.ladder.rank > furthest.rank:
            furthest = c.ladder
    return furthest, credit


_NO_STEP = (Ladder.IGNORED, None)   # furthest_step(()): a scene with no choice taken


@dataclass
class PlayerScore:
    starting_savings: int = DEFAULT_SAVINGS
    savings: int = -1
    money_lost: int = 0
    safe_choices: int = 0
    risky_choices: int = 0
    neutral_choices: int = 0
    savings_protected: int = 0
    company_lost: int = 0         # company money paid out in company_money scripts
    company_protected: int = 0    # company money at stake in those scripts that was kept
    scenes: list[SceneRecord] = field(default_factory=list)
    by_scam_type: dict[str, Tally] = field(default_factory=dict)
    techniques: dict[Technique, TechniqueTally] = field(default_factory=dict)

    def __post_init__(self):
        if self.savings < 0:
            self.savings = self.starting_savings

    def record(self, result: SceneResult) -> SceneRecord:
        kind = result.kind
        choices = result.choices
        if kind == "quiz" and not choices:
            return self._record_answer(result)
        paid_on_route = 0
        if choices:
            for c in result.scored_decisions:
                if c.outcome is Outcome.SAFE:
                    self.safe_choices += 1
                    self._techniques(c.techniques, spotted=True)
                elif c.outcome is Outcome.RISKY:
                    self.risky_choices += 1
                    self._techniques(c.techniques, spotted=False)
                else:
                    self.neutral_choices += 1
            paid_on_route = result.scored_money
        company = kind == "scenario" and result.company_money
        if company:
            lost = paid_on_route          # the company's account, not capped by the player's savings
            self.company_lost += lost
        else:
            lost = min(paid_on_route, self.savings)
            self.savings -= lost
            self.money_lost += lost
        safe = result.safe
        if kind == "quiz":
            self._techniques(result.techniques, spotted=bool(result.correct))
        protected = max(0, result.at_stake - paid_on_route) if kind == "scenario" and safe else 0
        if result.any_revealed:
            protected = 0      # the teacher showed the way out: the team did not protect it itself
        if company:
            self.company_protected += protected
        else:
            self.savings_protected += protected
        scam_type = result.scam_type or ""
        tally = self.by_scam_type.get(scam_type)
        if tally is None:
            tally = self.by_scam_type[scam_type] = Tally()
        if kind == "quiz":
            if result.correct:
                tally.right += 1
            else:
                tally.wrong += 1
        elif safe:
            tally.safe += 1
        else:
            tally.scammed += 1
        furthest, credit = furthest_step(choices) if choices else _NO_STEP
        record = SceneRecord(kind, result.ref, result.scam_type, safe, result.outcome,
                             furthest, credit, lost, protected, company)
        self.scenes.append(record)
        return record

    def _record_answer(self, result: SceneResult) -> SceneRecord:
        """``record`` for a quiz answer, the most common scene: no money moves, nothing is protected."""
        correct = bool(result.correct)
        if result.any_revealed:      # answered after the teacher showed the answer: played, not scored
            record = SceneRecord("quiz", result.ref, result.scam_type, correct, result.outcome, *_NO_STEP, 0, 0)
            self.scenes.append(record)
            return record
        self._techniques(result.techniques, spotted=correct)
        scam_type = result.scam_type or ""
        tally = self.by_scam_type.get(scam_type)
        if tally is None:
            tally = self.by_scam_type[scam_type] = Tally()
        if correct:
            tally.right += 1
        else:
            tally.wrong += 1
        record = SceneRecord("quiz", result.ref, result.scam_type, correct, result.outcome, *_NO_STEP, 0, 0)
        self.scenes.append(record)
        return record

    def _techniques(self, techniques, spotted: bool) -> None:
        tallies = self.techniques
        for t in techniques:
            tally = tallies.get(t)
            if tally is None:
                tally = tallies[t] = TechniqueTally()
            if spotted:
                tally.spotted += 1
            else:
                tally.missed += 1

    @property
    def safe_choice_rate(self) -> float | None:
        counted = self.safe_choices + self.risky_choices
        return self.safe_choices / counted if counted else None

    @property
    def badges(self) -> list[Badge]:
        return [Badge(t, tally.spotted) for t, tally in sorted(self.techniques.items(), key=lambda kv: kv[0].value)
                if tally.spotted >= BADGE_SPOTS]

    @property
    def scenes_scammed(self) -> int:
        return sum(1 for s in self.scenes if s.kind == "scenario" and not s.safe)

    def as_dict(self) -> dict:
        return {
            "starting_savings": self.starting_savings,
            "savings": self.savings,
            "money_lost": self.money_lost,
            "savings_protected": self.savings_protected,
            "company_lost": self.company_lost,
            "company_protected": self.company_protected,
            "safe_choice_rate": self.safe_choice_rate,
            "choices": {"safe": self.safe_choices, "risky": self.risky_choices, "neutral": self.neutral_choices},
            "scenes": [{"kind": s.kind, "ref": s.ref, "scam_type": s.scam_type, "outcome": s.outcome,
                        "furthest": s.furthest.value, "credit": s.credit.value if s.credit else None,
                        "money_lost": s.money_lost, "company_money": s.company_money} for s in self.scenes],
            "by_scam_type": {k: vars(v).copy() for k, v in sorted(self.by_scam_type.items())},
            "techniques": {t.value: vars(v).copy() for t, v in sorted(self.techniques.items(),
                                                                      key=lambda kv: kv[0].value)},
            "badges": [b.technique.value for b in self.badges],
        }


@dataclass
class SessionScore:
    """All players of one game (or many games) added up."""

    players: int = 0
    starting_savings: int = 0
    savings: int = 0
    money_lost: int = 0
    savings_protected: int = 0
    company_lost: int = 0
    company_protected: int = 0
    safe_choices: int = 0
    risky_choices: int = 0
    scenes: int = 0
    scenes_scammed: int = 0
    by_scam_type: dict[str, Tally] = field(default_factory=dict)
    techniques: dict[Technique, TechniqueTally] = field(default_factory=dict)

    @classmethod
    def of(cls, scores) -> "SessionScore":
        session = cls()
        for s in scores:
            session.add(s)
        return session

    def add(self, s: PlayerScore) -> None:
        self.players += 1
        self.starting_savings += s.starting_savings
        self.savings += s.savings
        self.money_lost += s.money_lost
        self.savings_protected += s.savings_protected
        self.company_lost += s.company_lost
        self.company_protected += s.company_protected
        self.safe_choices += s.safe_choices
        self.risky_choices += s.risky_choices
        self.scenes += len(s.scenes)
        self.scenes_scammed += s.scenes_scammed
        for k, v in s.by_scam_type.items():
            t = self.by_scam_type.setdefault(k, Tally())
            t.safe += v.safe
            t.scammed += v.scammed
            t.right += v.right
            t.wrong += v.wrong
        for k, v in s.techniques.items():
            t = self.techniques.setdefault(k, TechniqueTally())
            t.spotted += v.spotted
            t.missed += v.missed

    @property
    def safe_choice_rate(self) -> float | None:
        counted = self.safe_choices + self.risky_choices
        return self.safe_choices / counted if counted else None
