"""A whole lesson in classroom mode: votes on every decision, the lesson's clock, the debrief and its CSV."""

import csv

from game.rules.classroom import CLASS_MAJORITY, LessonPlan
from game.ui.modes.classroom import ClassroomBoardScene
from game.ui.modes.classroom.vote import ClassVoteScene
from game.ui.modes.summary import TeamSummaryScene

from test_classroom import class_setup, key, tap

SCENE_STEP = 12.0     # simulated seconds per line read, vote counted, card read


def start_lesson(tmp_path, plan, teams=4, size=(1280, 720), check=False):
    """A lesson on its board; ``check``: with the learning check (then the board waits under its first vote)."""
    app, setup = class_setup(tmp_path, teams, size, check)
    setup.set_plan(plan)
    setup.set_rule(CLASS_MAJORITY)
    setup.start()
    app.step(0.1, [])
    board = app.nav.find("board")
    assert isinstance(board, ClassroomBoardScene)
    assert app.stack.top is board or app.stack.top.check
    return app, board


def vote(app, scene: ClassVoteScene, hands=(5, 12, 20, 3)):
    for i in range(len(scene.option_texts)):
        for _ in range(hands[i % len(hands)]):
            scene.change(i, +1)
    tap(app, scene.end_button.rect.center)
    assert scene.split_shown
    app.step(SCENE_STEP, [])
    tap(app, scene.reveal_button.rect.center)


def play_lesson(app, board, max_steps=20000, check_hands=(20, 10, 5, 3)):
    """Play like a teacher: a vote at every decision, every card read; returns the votes taken
    (the learning check's votes, counted with ``check_hands``, are not among them)."""
    votes = 0
    for _ in range(max_steps):
        top = app.stack.top
        if isinstance(top, TeamSummaryScene):
            return top, votes
        if isinstance(top, ClassVoteScene) and top.check:     # the learning check: hands counted, no move
            vote(app, top, check_hands)
            continue
        if top.name in ("scenario", "quiz") and app.controller.question_shown(top):
            key(app, "v")
            assert isinstance(app.stack.top, ClassVoteScene), app.controller.why_not(app.controller.vote_button)
            vote(app, app.stack.top)
            votes += 1
            continue
        targets = [t for t in top.autoplay_targets() if t.visible and t.enabled]
        if targets:
            tap(app, targets[0].rect.center)
            app.step(SCENE_STEP if top is not board else 1.0, [])
        else:
            app.step(0.5, [])
    raise AssertionError("the lesson did not end")


def test_a_25_minute_lesson_votes_on_every_decision_and_ends_on_time(tmp_path):
    app, board = start_lesson(tmp_path, LessonPlan(minutes=25))
    summary, votes = play_lesson(app, board)
    state = app.controller.state
    elapsed = app.controller.clock - app.controller.class_started
    assert elapsed <= 25 * 60, f"the game ended at {elapsed / 60:.1f} minutes"
    assert board.time_up or board.game.is_over
    decisions = [d for s in state.played for d in s.decisions]
    assert votes == len(decisions) and all(d.counts is not None for d in decisions)
    per_team = [sum(1 for s in state.played if s.team == t) for t in range(4)]
    assert min(per_team) >= 2, per_team
    path = summary.saved_csv
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))[1:]
    assert [(r[0], r[4]) for r in rows] == [(str(s.number), s.ref) for s in state.played for _ in (s.decisions or (0,))]


def test_the_game_stops_after_the_scenes_the_teacher_asked_for(tmp_path):
    app, board = start_lesson(tmp_path, LessonPlan(scenes=3), teams=2)
    summary, _ = play_lesson(app, board)
    assert len(app.controller.state.played) == 3 and summary.game_over
