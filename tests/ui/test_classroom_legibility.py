"""Projector legibility: every text on every classroom screen is at least 28 px high at 1920×1080.

(The phone mock-up is drawn by the phone's own code; the line it shows is repeated, large, in the
dialogue panel beside it, which is checked here.)
"""

import pytest

from game.rules.classroom import LessonPlan
from game.ui.text import LINE_SPACING
from game.ui.modes.classroom.vote import ClassVoteScene
from game.ui.widgets import Button, Label, role_px

from test_classroom import key, tap
from test_classroom_lesson import play_lesson, start_lesson, vote as count_hands
from ui_helpers import make_app

MIN_PX = 28


def text_px(app, label: Label) -> int:
    """The size the label's text is drawn at (after wrapping and shrinking to its box)."""
    want, low = role_px(app, label.role)
    if label.min_role:
        low = min(low, role_px(app, label.min_role)[1])
    fit = app.text.fit(label.shown_text(), label.rect.w, label.rect.h, want, low, bold=label.bold,
                       line_spacing=LINE_SPACING, warn=False)
    return fit.size


def small_texts(app, scene) -> list[str]:
    out = []
    widgets = [*scene.widgets(), *app.controller.bar_widgets()]
    for w in widgets:
        label = w.label if isinstance(w, Button) else w
        if not isinstance(label, Label) or not label.text or not w.visible or w.rect.w <= 0:
            continue
        px = text_px(app, label)
        if px < MIN_PX:
            out.append(f"{type(w).__name__}({label.shown_text()[:30]!r}) at {px} px")
        key_px = getattr(w, "key_px", None)
        if key_px is not None and key_px() < MIN_PX:
            out.append(f"{w.name}'s key letter at {key_px()} px")
    return out + small_keywords(scene)


def small_keywords(scene) -> list[str]:
    """The board's keyword squares drawn under ``MIN_PX`` (nothing on a screen without a board)."""
    view = getattr(scene, "view", None)
    if view is None:
        return []
    board = scene.board
    return [f"keyword square {i} ({board.squares[i].tile}) at {px} px" for i, px in sorted(view.word_px.items())
            if px < MIN_PX]


def screens(tmp_path):
    """(name, app) at each classroom screen, in the order a lesson shows them."""
    app, board = start_lesson(tmp_path, LessonPlan(scenes=2), teams=4, size=(1920, 1080))
    app.stack.clear_to(app.home_scene())
    app.step(0.05, [])
    yield "setup", app
    # each team's first scene is a quiz question (game.rules.classroom_pace): six scenes reach a scam
    app, board = start_lesson(tmp_path, LessonPlan(scenes=6), teams=4, size=(1920, 1080), check=True)
    app.step(0.05, [])
    check = app.stack.top
    assert isinstance(check, ClassVoteScene) and check.check
    check.change(0, 3)
    yield "check", app
    check.end_vote()
    yield "check_split", app
    while isinstance(app.stack.top, ClassVoteScene):       # the rest of the learning check
        count_hands(app, app.stack.top)
    yield "board", app
    for _ in range(5000):
        top = app.stack.top
        if top.name == "scenario" and app.controller.question_shown(top):
            yield "scenario", app
            key(app, "p")
            yield "paused", app
            key(app, "p")
            key(app, "v")
            vote = app.stack.top
            assert isinstance(vote, ClassVoteScene)
            vote.change(0, 3)
            yield "vote", app
            vote.end_vote()
            yield "vote_split", app
            vote.finish()
            app.step(0.05, [])
            yield "reveal", app
            break
        targets = [t for t in top.autoplay_targets() if t.visible and t.enabled]
        if targets:
            tap(app, targets[0].rect.center)
        app.step(0.5, [])
    summary, _ = play_lesson(app, board)
    assert summary.check.visible         # the class's before → after is on the summary
    yield "summary", app
    summary.review()
    app.step(0.05, [])
    yield "review", app
    app.stack.top.back()
    summary.end()
    app.step(0.05, [])
    yield "end_confirm", app


def test_no_text_on_a_classroom_screen_is_under_28_px_at_1080p(tmp_path):
    seen = []
    problems = {}
    for name, app in screens(tmp_path):
        seen.append(name)
        small = small_texts(app, app.stack.top)
        if small:
            problems[name] = small
    assert {"setup", "check", "check_split", "board", "scenario", "paused", "vote", "vote_split", "summary", "review",
            "end_confirm"} <= set(seen)
    assert problems == {}


@pytest.mark.parametrize("pack", ["students_junior", "students_senior"])
def test_every_keyword_on_the_classroom_board_is_28_px_or_more_at_1080p(tmp_path, pack):
    app = make_app((1920, 1080), mode="classroom", stats_db=tmp_path / "stats.sqlite3")
    app.stack.push(app.home_scene())
    setup = app.stack.top
    setup.set_pack(pack)
    setup.set_teams(4)
    setup.start()
    for _ in range(2):
        app.step(0.05, [])
    board = app.controller.board()
    keywords = sum(1 for sq in board.board.squares if sq.tile)
    assert len(board.view.word_px) == keywords > 0
    assert small_keywords(board) == []
