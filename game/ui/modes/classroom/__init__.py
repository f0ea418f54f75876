"""Classroom: 2–4 teams on a projector, the teacher in charge.

The class set-up (class name, number of teams) starts the ``classroom_teams`` board with
one seat per team (第1组 … 第4组). A small bar that is always on screen (right edge in
landscape, bottom edge in portrait; the scenes lay out in the rest) gives the teacher:

* **P 暂停 / 继续** — freeze everything for a discussion;
* **R 揭晓** — during a scam scene, show the right choice of this moment with its explanation
  (during a quiz question, the right answer);
* **S 跳过** — leave the current scene unplayed (nothing scored, the game goes on);
* **Q 答题** — a quiz round: every team answers the same question in turn, then the answer
  is revealed and each right team gets ``QUIZ_POINTS``;
* **E 总结** — the end-of-class summary per team (safe-choice rate, scams spotted/missed,
  quiz points), with the CSV export and the pledge picture for printing.

Modules: ``controller`` (the bar), ``setup``, ``board``, ``overlays``, ``state`` (the class).
"""

from .board import ClassroomBoardScene
from .controller import ClassroomController
from .overlays import PausedScene, QuizRevealScene, RevealChoiceOverlay
from .setup import ClassroomSetupScene
from .state import QUIZ_POINTS, ClassroomState, team_name

__all__ = ["ClassroomBoardScene", "ClassroomController", "ClassroomSetupScene", "ClassroomState", "PausedScene",
           "QUIZ_POINTS", "QuizRevealScene", "RevealChoiceOverlay", "team_name"]
