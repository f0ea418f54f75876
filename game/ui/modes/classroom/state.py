"""A class as the classroom screens share it: its name, its teams, the lesson, the scenes played."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from game.content.models import Audience
from game.rules.checks import LearningCheck
from game.rules.class_check import CheckHands
from game.rules.classroom import CLASS_MAJORITY, LessonPlan
from game.rules.classroom_debrief import Decision, PlayedScene

CLASS_BOARD = "classroom_teams"


def class_packs(library) -> list:
    """The packs a class can play: those for students (初中, then 高中·大学: ids in order)."""
    return sorted((p for p in library.packs.values() if p.audience is Audience.STUDENTS),
                  key=lambda p: p.id)


def team_name(app, i: int) -> str:
    return app.tr("第{n}组").format(n=i + 1)


@dataclass
class ClassroomState:
    """One class: who, how many teams, the lesson's length, the voting rule and every scene played
    (the debrief's rows, quiz rounds included)."""

    class_name: str = ""
    teams: int = 4
    started: datetime = field(default_factory=datetime.now)
    quiz_rounds: int = 0
    used_items: set = field(default_factory=set)
    rule: str = CLASS_MAJORITY
    plan: LessonPlan = field(default_factory=lambda: LessonPlan(minutes=25))
    played: list[PlayedScene] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)    # the open scene's, so far
    exported: list = field(default_factory=list)                # files written for this class
    phone_address: str = ""     # phone voting on this interface's address ("": hands only)
    check: LearningCheck | None = None                          # the class's before/after check items
    check_hands: list[CheckHands] = field(default_factory=list)  # the hands counted on them (classroom/check.py)
