"""Classroom: 2–4 teams on a projector, the teacher in charge, the whole class voting.

The class set-up (class name, level, number of teams, the lesson's length — 15/25/35 minutes
or 8 scenes — and the voting rule) starts the class board with one seat per team (第1组 …
第4组). A bar that is always on screen (right edge in landscape, bottom edge in portrait; the
scenes lay out in the rest) shows the time (or scenes) left and gives the teacher:

* **V 投票** — once the choices are on screen: the class shows hands, the teacher enters the
  count per option (A, B, C … as shown), the split shows as bars, then the class's majority is
  played (or the team chooses, under "投票后小组决定");
* **P 暂停 / 继续** — freeze everything for a discussion (the board's menu button is the same);
* **R 揭晓** — once the choices are on screen: the right choice and its explanation (the team's
  choice after it is not scored);
* **S 跳过** — leave the current scene unplayed (nothing scored, the game goes on);
* **Q 答题** — a quiz round: the whole class votes on one question, then the answer shows;
* **E 总结** — the class summary (per team: decisions = safe + not enough + risky, the
  safe-choice rate, scenes spotted / missed; the ★ and its rule; what the class missed most;
  我们错在哪, scene by scene), the exports and the pledge.

Before the first roll the class votes by show of hands on 2–3 learning-check items, and on the
matched items (same scam types) when the game ends, before the summary (``check``: no answer is
revealed; the hands go to the statistics, anonymous); S skips the check. The operator's 学习小测
switches it off.

Each button acts only where it means something; elsewhere it is greyed and says why.
The game ends when the next scene would not fit in the lesson; the summary then writes the
scene CSV and an A4 summary to the data folder, and 下课 writes them again before it asks.

Modules: ``controller`` (the bar), ``setup``, ``board``, ``check`` (the learning check), ``vote``, ``decisions`` (what was
decided, for the debrief), ``review`` (我们错在哪, the 下课 card), ``exports``, ``overlays``,
``state`` (the class).
"""

from .board import ClassroomBoardScene
from .controller import ClassroomController
from .overlays import PausedScene, QuizRevealScene, RevealChoiceOverlay
from .setup import ClassroomSetupScene
from .state import ClassroomState, team_name

__all__ = ["ClassroomBoardScene", "ClassroomController", "ClassroomSetupScene", "ClassroomState", "PausedScene",
           "QuizRevealScene", "RevealChoiceOverlay", "team_name"]
