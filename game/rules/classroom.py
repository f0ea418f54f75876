"""What the classroom's teacher tools decide (pure; the screens only show it).

* ``best_choice`` — the choice a reveal shows;
* ``Vote`` — the class's show of hands (or phones) on one decision, and the move it makes under
  the teacher's rule (``TEAM_DECIDES`` / ``CLASS_MAJORITY``);
* ``LessonPlan`` — a lesson of 15/25/35 minutes or of a number of scenes: what is left, and
  whether another scene still fits.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.content.models import Choice, Outcome

TEAM_DECIDES = "team"          # the class votes, the team at the board still chooses
CLASS_MAJORITY = "majority"    # the class's most-voted choice is played
RULES = (TEAM_DECIDES, CLASS_MAJORITY)

LETTERS = "ABCDEFGH"
MAX_HANDS = 99                 # one option's count: a class, not a stadium

LESSON_MINUTES = (15, 25, 35)
LESSON_SCENES = 8              # the "by scenes" lesson: this many scenes (any team)
SCENE_SECONDS = 90             # a scene with a vote and a short talk, as measured in a real lesson
QUESTION_SECONDS = 45          # one quiz question with a vote and the reveal (an estimate: half a scene)
TURN_SECONDS = 12              # a roll and a move with nothing to play


def best_choice(choices: tuple[Choice, ...] | list[Choice]) -> Choice | None:
    """The choice a teacher reveals: safe with a credit step (reported, verified) first, then safe,
    then neutral, then risky; None when the step offers no choice (an ending)."""
    if not choices:
        return None
    return max(choices, key=lambda c: (c.outcome is Outcome.SAFE, c.ladder.is_credit, c.outcome is not Outcome.RISKY))


@dataclass
class Vote:
    """Hands per option, in the order the options are shown (A, B, C …)."""

    options: int
    counts: list[int] = field(default_factory=list)
    closed: bool = False

    def __post_init__(self):
        if not 2 <= self.options <= len(LETTERS):
            raise ValueError(f"a vote needs 2–{len(LETTERS)} options, not {self.options}")
        if not self.counts:
            self.counts = [0] * self.options

    def add(self, option: int, n: int = 1) -> None:
        if self.closed:
            return
        self.counts[option] = max(0, min(MAX_HANDS, self.counts[option] + n))

    def set(self, option: int, n: int) -> None:
        if not self.closed:
            self.counts[option] = max(0, min(MAX_HANDS, n))

    @property
    def total(self) -> int:
        return sum(self.counts)

    def shares(self) -> list[float]:
        total = self.total
        return [c / total if total else 0.0 for c in self.counts]

    def majority(self) -> int | None:
        """The option with the most hands; None with no hands or a tie at the top (the team decides)."""
        if not self.total:
            return None
        top = max(self.counts)
        leaders = [i for i, c in enumerate(self.counts) if c == top]
        return leaders[0] if len(leaders) == 1 else None

    def decided(self, rule: str) -> int | None:
        """The option the rule plays, or None when the team at the board chooses."""
        return self.majority() if rule == CLASS_MAJORITY else None


@dataclass(frozen=True)
class LessonPlan:
    """How long the game runs: ``minutes`` of play, or ``scenes`` scenes (one of the two)."""

    minutes: int = 0
    scenes: int = 0

    def __post_init__(self):
        if (self.minutes > 0) == (self.scenes > 0):
            raise ValueError("a lesson is a number of minutes or a number of scenes")

    @property
    def by_time(self) -> bool:
        return self.minutes > 0

    def seconds_left(self, elapsed: float) -> float:
        return max(0.0, self.minutes * 60 - elapsed) if self.by_time else 0.0

    def scenes_left(self, played: int) -> int:
        if self.by_time:
            return 0
        return max(0, self.scenes - played)

    def room_for_scene(self, elapsed: float, played: int) -> bool:
        """Another turn with a scene still fits: its roll and the scene would end before the time is up
        (by time), or the count is not reached."""
        if self.by_time:
            return elapsed + TURN_SECONDS + SCENE_SECONDS <= self.minutes * 60
        return played < self.scenes

    def over(self, elapsed: float, played: int) -> bool:
        return not self.room_for_scene(elapsed, played)

    def expected_scenes(self) -> int:
        """About how many scenes the lesson holds (for the turn limit and the screen)."""
        if not self.by_time:
            return self.scenes
        return max(1, self.minutes * 60 // SCENE_SECONDS)

    def turn_limit(self, teams: int) -> int:
        """A turn limit that ends the game about on time even where few squares start a scene:
        every scene costs one turn, every other turn ``TURN_SECONDS``."""
        if not self.by_time:
            return max(teams * 2, self.scenes * 4)
        return max(teams * 2, round(self.minutes * 60 / TURN_SECONDS))
