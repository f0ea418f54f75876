"""The class's learning check: voted on by show of hands before the first roll and after the game."""

import csv

from game.rules.classroom import LessonPlan
from game.ui.modes.classroom.check_text import CHECK_HEADING
from game.ui.modes.classroom.exports import summary_lines
from game.ui.modes.classroom.vote import ClassVoteScene
from game.ui.modes.summary import TeamSummaryScene

from test_classroom import key, tap
from test_classroom_lesson import play_lesson, start_lesson, vote


def _lesson(tmp_path, **kw):
    app, board = start_lesson(tmp_path, LessonPlan(scenes=1), teams=2, check=True, **kw)
    app.step(0.05, [])      # the teacher bar follows the screen on the next frame
    return app, board


def test_the_check_is_voted_on_before_the_first_roll(tmp_path):
    app, board = _lesson(tmp_path)
    top = app.stack.top
    assert isinstance(top, ClassVoteScene) and top.check
    assert board.game.turns == 0 and board.game.last_roll == 0 and not app.controller.state.played


def test_the_check_asks_each_item_in_turn_then_the_board_plays(tmp_path):
    app, board = _lesson(tmp_path)
    asked = len(app.controller.state.check.before)
    for _ in range(asked):
        vote(app, app.stack.top)
    assert app.stack.top is board
    assert [h.item for h in app.controller.state.check_hands] == list(app.controller.state.check.before)


def test_the_check_never_reveals_the_answer(tmp_path):
    app, board = _lesson(tmp_path)
    scene = app.stack.top
    scene.change(0, 3)
    scene.end_vote()
    assert scene.reveal_button.text == "下一步"


def test_the_matched_items_are_asked_after_the_game_before_the_summary(tmp_path):
    app, board = _lesson(tmp_path)
    seen = []
    original = app.stack.push

    def push(scene):
        seen.append(scene)
        original(scene)
    app.stack.push = push
    summary, _ = play_lesson(app, board)
    checks = [s for s in seen if isinstance(s, ClassVoteScene) and s.check]
    after = [h for h in app.controller.state.check_hands if h.phase == "after"]
    assert [h.item for h in after] == list(app.controller.state.check.after)
    assert seen.index(checks[-1]) < seen.index(summary)


def test_the_class_check_goes_to_the_statistics(tmp_path):
    app, board = _lesson(tmp_path)
    play_lesson(app, board, check_hands=(20, 10, 5, 3))
    hands = app.controller.state.check_hands
    recorded = app.play_stats.class_check()
    assert recorded["before_answered"] == sum(h.total for h in hands if h.phase == "before")
    assert recorded["after_answered"] == sum(h.total for h in hands if h.phase == "after")


def test_s_skips_the_check_and_the_board_plays_on(tmp_path):
    app, board = _lesson(tmp_path)
    assert app.controller.skip_button.enabled
    key(app, "s")
    assert app.stack.top is board and not app.controller.state.check_hands


def test_after_a_skipped_check_nothing_is_asked_at_the_end(tmp_path):
    app, board = _lesson(tmp_path)
    key(app, "s")
    summary, _ = play_lesson(app, board)
    assert isinstance(summary, TeamSummaryScene) and not app.controller.state.check_hands


def _summary_before_the_end(tmp_path):
    """The check voted on before the game; the teacher opens the summary (E) while the game goes on."""
    app, board = _lesson(tmp_path)
    for _ in range(len(app.controller.state.check.before)):
        vote(app, app.stack.top)
    key(app, "e")
    summary = app.stack.top
    assert isinstance(summary, TeamSummaryScene) and not board.game.is_over
    return app, board, summary


def test_a_summary_before_the_games_end_offers_the_after_check(tmp_path):
    app, board, summary = _summary_before_the_end(tmp_path)
    assert summary.after_button.visible


def test_the_after_check_from_the_summary_asks_the_matched_items_then_shows_the_summary_again(tmp_path):
    app, board, summary = _summary_before_the_end(tmp_path)
    tap(app, summary.after_button.rect.center)
    while isinstance(app.stack.top, ClassVoteScene):
        vote(app, app.stack.top)
    after = [h.item for h in app.controller.state.check_hands if h.phase == "after"]
    again = app.stack.top
    assert after == list(app.controller.state.check.after)
    assert isinstance(again, TeamSummaryScene) and again.check.visible and not again.after_button.visible


def test_a_skipped_check_offers_no_after_check_on_the_summary(tmp_path):
    app, board = _lesson(tmp_path)
    key(app, "s")
    key(app, "e")
    assert isinstance(app.stack.top, TeamSummaryScene) and not app.stack.top.after_button.visible


def test_quiz_round_and_summary_wait_while_the_check_is_on_screen(tmp_path):
    app, board = _lesson(tmp_path)
    check = app.stack.top
    assert not app.controller.quiz_button.enabled and not app.controller.end_button.enabled
    key(app, "q")
    key(app, "e")
    assert app.stack.top is check
    tap(app, app.controller.end_button.rect.center)
    assert app.controller.toast.visible


def test_the_operator_can_switch_the_check_off(tmp_path):
    app, board = start_lesson(tmp_path, LessonPlan(scenes=1), teams=2, check=False)
    assert app.stack.top is board and app.controller.state.check is None


def _played_with_check(tmp_path):
    app, board = _lesson(tmp_path)
    summary, _ = play_lesson(app, board, check_hands=(20, 10, 5, 3))
    return app, summary


def test_the_summary_shows_the_share_right_before_and_after_per_scam_type(tmp_path):
    app, summary = _played_with_check(tmp_path)
    hands = app.controller.state.check_hands
    before = next(h for h in hands if h.phase == "before")
    after = next(h for h in hands if h.phase == "after" and h.item.scam_type == before.item.scam_type)
    shown = [label.text for label in summary.check.shares]
    assert f"{before.share * 100:.0f}% → {after.share * 100:.0f}%" in shown
    types = len({h.item.scam_type for h in hands})
    assert len(shown) == types + (1 if types > 1 else 0)     # and the whole class's line


def test_the_scene_csv_has_a_row_per_check_item(tmp_path):
    app, summary = _played_with_check(tmp_path)
    with open(summary.saved_csv, encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))[1:]
    checks = [r for r in rows if r[3].startswith("check_")]
    hands = app.controller.state.check_hands
    assert [(r[3], r[4], r[13]) for r in checks] == [(f"check_{h.phase}", h.item.ref, f"{h.right}/{h.total}")
                                                     for h in hands]


def test_the_a4_summary_has_the_check(tmp_path):
    app, summary = _played_with_check(tmp_path)
    lines = summary_lines(app, app.controller.state, app.library.scam_types)
    heads = [text for style, text in lines if style == "head"]
    assert CHECK_HEADING in heads
