"""A class as the classroom screens share it: its name, its teams, the quiz rounds' points."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from game.content.models import Audience

QUIZ_POINTS = 10
CLASS_BOARD = "classroom_teams"


def class_packs(library) -> list:
    """The packs a class can play: those for students (初中, then 高中·大学: ids in order)."""
    return sorted((p for p in library.packs.values() if p.audience is Audience.STUDENTS),
                  key=lambda p: p.id)


def team_name(app, i: int) -> str:
    return app.tr("第{n}组").format(n=i + 1)


@dataclass
class ClassroomState:
    """One class: who, how many teams, the quiz rounds' points."""

    class_name: str = ""
    teams: int = 4
    started: datetime = field(default_factory=datetime.now)
    quiz_points: list[int] = field(default_factory=list)
    quiz_right: list[int] = field(default_factory=list)
    quiz_rounds: int = 0
    used_items: set = field(default_factory=set)

    def __post_init__(self):
        if not self.quiz_points:
            self.quiz_points = [0] * self.teams
        if not self.quiz_right:
            self.quiz_right = [0] * self.teams
