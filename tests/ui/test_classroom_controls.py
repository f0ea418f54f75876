"""The teacher's controls follow the screen: each acts only where it means something."""

import sqlite3

from game.rules import PlayerScore
from game.rules.classroom import TEAM_DECIDES, LessonPlan
from game.rules.classroom_debrief import team_lines
from game.ui.modes.classroom import PausedScene, RevealChoiceOverlay
from game.ui.modes.classroom.review import EndClassConfirm
from game.ui.modes.classroom.vote import ClassVoteScene
from game.ui.modes.quiz_round import QuizRoundScene
from game.ui.modes.summary import TeamSummaryScene

from test_classroom import classroom, key, open_scenario, tap
from test_classroom_lesson import play_lesson, start_lesson


def test_reveal_waits_until_the_question_is_shown(tmp_path):
    app, board = classroom(tmp_path)
    scene = open_scenario(app, board)
    assert scene.phase == "lines"
    key(app, "r")
    assert app.stack.top is scene and app.controller.toast.visible
    assert not app.controller.reveal_button.enabled


def test_vote_waits_until_the_choices_are_shown(tmp_path):
    app, board = classroom(tmp_path)
    open_scenario(app, board)
    key(app, "v")
    assert not isinstance(app.stack.top, ClassVoteScene)


def test_a_choice_after_the_reveal_is_not_scored(tmp_path):
    app, scene = _choose_after_the_reveal(tmp_path)
    scene.finish()
    played = app.controller.state.played[-1]
    first = played.decisions[0]
    assert first.revealed and first.chosen is not None and not first.scored
    line = team_lines(app.controller.state.played, 3)[played.team]
    assert line.decisions == sum(1 for d in played.decisions if not d.revealed)


def test_nothing_on_the_bar_acts_on_the_summary(tmp_path):
    app, board = classroom(tmp_path)
    key(app, "e")
    summary = app.stack.top
    assert isinstance(summary, TeamSummaryScene)
    for k in "vprsqe":
        key(app, k)
        assert app.stack.top is summary, k
    assert not any(b.enabled for b in app.controller.buttons)


def test_the_boards_menu_is_the_teachers_one_pause(tmp_path):
    app, board = classroom(tmp_path)
    board.open_menu()
    assert isinstance(app.stack.top, PausedScene) and app.controller.paused


def test_the_summary_key_waits_while_a_quiz_round_is_open(tmp_path):
    app, board = classroom(tmp_path)
    key(app, "q")
    assert isinstance(app.stack.top, QuizRoundScene)
    key(app, "e")
    assert isinstance(app.stack.top, QuizRoundScene) and not app.controller.state.played


def test_the_quiz_rounds_number_stays_the_same_at_the_reveal(tmp_path):
    app, board = classroom(tmp_path, teams=2)
    key(app, "q")
    round_ = app.stack.top
    key(app, "v")
    vote = app.stack.top
    vote.change(0, 5)
    vote.end_vote()
    vote.finish()
    assert round_.revealed and round_.heading.text.endswith("第 1 题")


def test_when_the_team_decides_the_vote_plays_nothing(tmp_path):
    app, board = classroom(tmp_path)
    app.controller.state.rule = TEAM_DECIDES
    scene = open_scenario(app, board)
    while scene.phase == "lines":
        scene.advance()
    key(app, "v")
    vote = app.stack.top
    vote.change(0, 30)
    vote.end_vote()
    vote.finish()
    app.step(0.05, [])
    assert app.stack.top is scene and scene.phase == "choices"
    assert app.controller.state.decisions[-1].counts[0] == 30


def test_ending_the_class_saves_first_and_asks(tmp_path):
    app, board = start_lesson(tmp_path, LessonPlan(scenes=1), teams=2)
    summary, _ = play_lesson(app, board)
    csv_path = summary.saved_csv
    assert csv_path.exists() and summary.saved_png.exists()
    assert str(csv_path.parent) in summary.message.text
    tap(app, summary.end_button.rect.center)
    confirm = app.stack.top
    assert isinstance(confirm, EndClassConfirm)
    tap(app, confirm.cancel.rect.center)
    assert app.stack.top is summary, "再看看 keeps the summary"
    tap(app, summary.end_button.rect.center)
    tap(app, app.stack.top.ok.rect.center)
    assert app.stack.top.name == "class_setup"


def _choose_after_the_reveal(tmp_path):
    """A scene where the teacher reveals the first decision's answer, then the team plays on."""
    app, board = classroom(tmp_path)
    scene = open_scenario(app, board)
    while scene.phase == "lines":
        scene.advance()
    key(app, "r")
    assert isinstance(app.stack.top, RevealChoiceOverlay)
    app.stack.top.continue_button.on_click()
    app.step(0.05, [])
    scene.choose(0)                                   # the team plays on, knowing the answer
    while scene.phase != "ending" or app.stack.top is not scene:
        top = app.stack.top
        if top is scene and scene.phase == "choices":
            scene.choose(0)
        elif top is scene:
            scene.advance()
        else:
            top.continue_button.on_click()
        app.step(0.05, [])
    return app, scene


def test_a_choice_after_the_reveal_counts_in_no_savings_and_no_choice_count(tmp_path):
    app, scene = _choose_after_the_reveal(tmp_path)
    result = scene.runner.result()
    assert result.revealed[0]
    score = PlayerScore()
    score.record(result)
    counted = score.safe_choices + score.risky_choices + score.neutral_choices
    assert counted == len(result.scored_decisions) == len(result.decisions) - 1
    assert score.savings_protected == 0


def test_a_choice_after_the_reveal_is_not_in_the_statistics(tmp_path):
    app, scene = _choose_after_the_reveal(tmp_path)
    taken = len(scene.runner.taken)
    conn = sqlite3.connect(tmp_path / "stats.sqlite3")
    recorded = conn.execute("SELECT COUNT(*) FROM choices").fetchone()[0]
    conn.close()
    assert recorded == taken - 1
