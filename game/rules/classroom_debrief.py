"""The class's debrief: every scene played, in order, and what the class missed (pure, no pygame).

The classroom screens add a ``PlayedScene`` each time a scene ends (a scam script, a board quiz
or a whole-class quiz round); this module turns the list into the debrief's numbers, the ★ and
the scene-level CSV. The numbers agree by construction: a team's decisions are its safe, neutral
and risky choices added up, taken from the same scenes the debrief lists.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .classroom import LETTERS

WHOLE_CLASS = -1           # a quiz round: the class answers, no team
STAR_MIN_DECISIONS = 2     # a team needs this many decisions to get the ★


@dataclass(frozen=True)
class Decision:
    """One moment of choice, options in the order they were shown (A, B, C …)."""

    options: tuple[str, ...]           # the choices' texts
    outcomes: tuple[str, ...]          # "safe" / "neutral" / "risky" per option
    best: int                          # the right action's position
    chosen: int | None = None          # the position played (None: the scene was skipped before)
    counts: tuple[int, ...] | None = None   # the class's hands per option (None: no vote taken)
    techniques: tuple[str, ...] = ()   # the techniques of the option played
    revealed: bool = False             # the teacher showed the answer first: played, but not scored

    @property
    def outcome(self) -> str | None:
        return None if self.chosen is None else self.outcomes[self.chosen]

    @property
    def scored(self) -> bool:
        return self.chosen is not None and not self.revealed

    def split(self) -> str:
        """"A 12 · B 3 · C 20", or "" without a vote."""
        if self.counts is None:
            return ""
        return " · ".join(f"{LETTERS[i]} {n}" for i, n in enumerate(self.counts))


@dataclass(frozen=True)
class PlayedScene:
    number: int                        # 1, 2, … in the order played
    team: int                          # 0-based; WHOLE_CLASS for a quiz round
    kind: str                          # "scenario", "quiz", "quiz_round"
    ref: str                           # scenario id or "pool_id#index"
    title: str
    scam_type: str | None
    decisions: tuple[Decision, ...]
    safe: bool | None                  # ended safely / answered right; None: skipped by the teacher
    right_action: str                  # what to do (the scam type's right action, or the right answer)
    minute: int = 0                    # lesson minute the scene ended in

    @property
    def skipped(self) -> bool:
        return self.safe is None


@dataclass(frozen=True)
class TeamLine:
    team: int
    scenes: int
    spotted: int        # scenes ended safely
    missed: int         # scenes ended scammed / answered wrong
    safe: int           # choices, counted over decisions (two or more options)
    neutral: int
    risky: int

    @property
    def decisions(self) -> int:
        return self.safe + self.neutral + self.risky

    @property
    def safe_rate(self) -> float | None:
        return self.safe / self.decisions if self.decisions else None


def team_lines(played: list[PlayedScene], teams: int) -> list[TeamLine]:
    lines = []
    for t in range(teams):
        mine = [s for s in played if s.team == t and not s.skipped]
        outcomes = Counter(d.outcome for s in mine for d in s.decisions if d.scored)
        lines.append(TeamLine(t, len(mine), sum(1 for s in mine if s.safe), sum(1 for s in mine if not s.safe),
                              outcomes["safe"], outcomes["neutral"], outcomes["risky"]))
    return lines


def star_teams(lines: list[TeamLine]) -> set[int]:
    """The ★: the highest safe-choice rate among teams with at least ``STAR_MIN_DECISIONS``
    decisions; on a tie, more scenes spotted; still tied, every tied team gets it."""
    ranked = [(line.safe_rate, line.spotted, line.team) for line in lines if line.decisions >= STAR_MIN_DECISIONS]
    if not ranked:
        return set()
    top = max((rate, points) for rate, points, _ in ranked)
    return {team for rate, points, team in ranked if (rate, points) == top}


def most_missed_scam_types(played: list[PlayedScene], n: int = 3) -> list[tuple[str, int, int]]:
    """(scam type, times missed, times played), most missed first; only types missed at least once."""
    seen = Counter(s.scam_type for s in played if s.scam_type and not s.skipped)
    missed = Counter(s.scam_type for s in played if s.scam_type and s.safe is False)
    ranked = sorted(missed, key=lambda t: (-missed[t], -seen[t], t))
    return [(t, missed[t], seen[t]) for t in ranked[:n]]


def most_missed_techniques(played: list[PlayedScene], n: int = 3) -> list[tuple[str, int]]:
    """(technique, risky choices it won), most first: the tricks the class fell for."""
    count = Counter(t for s in played for d in s.decisions if d.scored and d.outcome == "risky" for t in d.techniques)
    return sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


CSV_FIELDS = ("number", "minute", "team", "kind", "ref", "title", "scam_type", "decision", "options", "votes",
              "chosen", "chosen_outcome", "right_choice", "scene_result", "right_action")


def csv_rows(played: list[PlayedScene], team_name, tr=lambda s: s) -> list[list[str]]:
    """One row per decision (a scene without decisions — skipped early, a quiz — gets one row).
    ``team_name(i)`` names a team; ``tr`` translates content texts."""
    rows = []
    for s in played:
        team = tr("全班") if s.team == WHOLE_CLASS else team_name(s.team)
        result = "skipped" if s.skipped else ("safe" if s.safe else "missed")
        base = [str(s.number), str(s.minute), team, s.kind, s.ref, tr(s.title), s.scam_type or ""]
        tail = [result, tr(s.right_action)]
        if not s.decisions:
            rows.append(base + ["", "", "", "", "", ""] + tail)
        for k, d in enumerate(s.decisions, 1):
            options = " | ".join(f"{LETTERS[i]}. {tr(o)}" for i, o in enumerate(d.options))
            chosen = "" if d.chosen is None else LETTERS[d.chosen]
            outcome = "revealed" if d.revealed and d.chosen is not None else d.outcome or ""
            rows.append(base + [str(k), options, d.split(), chosen, outcome, LETTERS[d.best]] + tail)
    return rows
