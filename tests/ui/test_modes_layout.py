"""The kiosk, operator and classroom screens at four sizes: inside the screen, text fits,
touch targets at least 1/10 of the short side, no overlapping widgets. The teacher bar too."""

import pygame
import pytest

from game.rules.class_check import hands_on
from game.ui import layout
from game.ui.modes.kiosk import CountdownScene
from game.ui.modes.operator import OperatorMenuScene, OperatorSettingsScene, OperatorStatsScene, PinPadScene
from game.ui.modes.pledge import PledgeScene
from game.rules.classroom import Vote
from game.ui.modes.quiz_round import QuizRoundScene
from game.ui.modes.summary import TeamSummaryScene
from game.ui.scenes.board import BoardScene
from game.ui.scenes.quiz import QuizScene
from game.ui.scenes.scenario import ScenarioScene
from game.ui.seats import SeatPlan

from ui_helpers import SIZES, finish_jobs, layout_problems, make_app

NOTICE = ("设置文件损坏，已改用默认设置；原文件已保存为 "
          "/home/kiosk/.local/share/fanzha-chess/settings.json.bad-20261123-101500（不是有效的 JSON（第 1 行））")


@pytest.fixture(scope="module", params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def kiosk_app(request, tmp_path_factory):
    from game.stats.sample import fill_sample
    db = tmp_path_factory.mktemp("stats") / "stats.sqlite3"
    fill_sample(db, 60, seed=1)
    app = make_app(request.param, mode="kiosk", stats_db=db)
    app.settings_notice = NOTICE
    app.stack.push(app.home_scene())
    yield app
    app.stack.scenes.clear()


@pytest.fixture(scope="module", params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def class_app(request, tmp_path_factory):
    app = make_app(request.param, mode="classroom", stats_db=tmp_path_factory.mktemp("stats") / "s.sqlite3",
                   class_name="初二（3）班")
    app.stack.push(app.home_scene())
    yield app
    app.stack.scenes.clear()


def _board(app):
    board = app.library.boards["park_simple"]
    seats = [SeatPlan(i, board.seats[i].colour, board.seats[i].shape, i + 1, i > 0) for i in range(2)]
    return BoardScene(app, board, seats, app.library.packs["elderly"], seed=2)


def _pin_with_digits(app):
    pad = PinPadScene(app, "login")
    pad.digit("2")
    pad.digit("4")
    return pad


def _menu(app):
    menu = OperatorMenuScene(app)
    menu.prompted = True
    return menu


KIOSK_SCREENS = {
    "attract": lambda app: [app.home_scene()],
    "countdown": lambda app: [_board(app), CountdownScene(app, 15, app.controller)],
    "pin_pad": lambda app: [app.home_scene(), _pin_with_digits(app)],
    "pin_new_prompt": lambda app: [app.home_scene(), PinPadScene(app, "new", prompt=True,
                                                                  message="两次输入的不一样，请重新输入新密码")],
    "operator_menu": lambda app: [app.home_scene(), _menu(app)],
    "operator_settings": lambda app: [app.home_scene(), OperatorSettingsScene(app)],
    "operator_stats": lambda app: [app.home_scene(), OperatorStatsScene(app)],
}


def _show(app, scenes):
    app.stack.clear_to(scenes[0])
    for scene in scenes[1:]:
        app.stack.push(scene)
    for _ in range(3):
        app.step(0.05, [])
    finish_jobs(app)


@pytest.mark.parametrize("name", list(KIOSK_SCREENS))
def test_kiosk_and_operator_screens(kiosk_app, name):
    _show(kiosk_app, KIOSK_SCREENS[name](kiosk_app))
    top = kiosk_app.stack.top
    assert top.widgets(), "a screen with no widgets cannot be checked"
    assert layout_problems(kiosk_app, top) == []


@pytest.mark.parametrize("text_size", ["extra_large"])
def test_operator_screens_with_big_text(kiosk_app, text_size):
    kiosk_app.update_settings(save=False, text_size=text_size)
    kiosk_app.controller.settings_saved()
    try:
        for name, make in KIOSK_SCREENS.items():
            _show(kiosk_app, make(kiosk_app))
            assert kiosk_app.settings.text_size == text_size
            assert layout_problems(kiosk_app, kiosk_app.stack.top) == [], name
    finally:
        kiosk_app.update_settings(save=False, text_size="normal")
        kiosk_app.controller.settings_saved()


def _class_board(app, check=False):
    """The class's board; its learning check (on by default) is skipped unless ``check``."""
    app.stack.clear_to(app.home_scene())
    app.stack.top.start()
    app.step(0.05, [])
    if not check and app.controller.board().checking():
        app.controller.skip()
        app.step(0.05, [])
    return app.controller.board()


def _checked_both_ways(app, state):
    """Hands on every check item, before and after (the summary's check panel)."""
    for phase, items in (("before", state.check.before), ("after", state.check.after)):
        for n, item in enumerate(items):
            state.check_hands.append(hands_on(item, phase, [9 + 7 * n + 3 * i for i in range(len(item.item.options))]))


def _choices_shown(app, board) -> ScenarioScene:
    """A scam scene opened for the first team and read to its choices."""
    scene = ScenarioScene(app, app.library.scenarios["free_skin_qr"], board.players[0], None)
    board.scene_open = scene
    app.stack.push(scene)
    while scene.phase == "lines":
        scene.advance()
    return scene


def _class_screen(app, name):
    board = _class_board(app, check=name in ("check", "check_split"))
    c = app.controller
    if name in ("check", "check_split"):
        app.stack.top.change(1, 12)
        if name == "check_split":
            app.stack.top.end_vote()
    elif name == "setup":
        app.stack.clear_to(app.home_scene())
    elif name == "paused":
        c.toggle_pause()
    elif name in ("reveal", "scenario"):
        _choices_shown(app, board)
        if name == "reveal":
            c.reveal()
    elif name == "quiz_reveal":
        board.scene_open = QuizScene(app, app.library.quiz_pools["quiz_basics"].items[0], board.players[1], None)
        app.stack.push(board.scene_open)
        c.reveal()
    elif name in ("quiz_round", "quiz_round_revealed"):
        item = app.library.quiz_pools["quiz_screen_share"].items[0]
        scene = QuizRoundScene(app, c.state, "quiz_screen_share", 0, item, board)
        app.stack.push(scene)
        if name == "quiz_round_revealed":
            scene.voted(Vote(len(item.options), [7 + 5 * i for i in range(len(item.options))]))
    elif name in ("vote", "vote_split"):
        _choices_shown(app, board)
        c.start_vote()
        app.stack.top.change(1, 12)
        if name == "vote_split":
            app.stack.top.end_vote()
    elif name == "summary":
        _checked_both_ways(app, c.state)
        c.end_class()
        app.stack.top.export()
    elif name == "pledge":
        app.stack.push(PledgeScene(app, c.state))
        app.stack.top.message.set_text("已保存到：\n" + "/home/teacher/.local/share/fanzha-chess/exports/"
                                       "pledge_20261123_101500.png")
    for _ in range(3):
        app.step(0.05, [])
    return app.stack.top


CLASS_SCREENS = ["setup", "check", "check_split", "board", "paused", "scenario", "reveal", "quiz_reveal", "quiz_round", "quiz_round_revealed",
                 "vote", "vote_split", "summary", "pledge"]


@pytest.mark.parametrize("name", CLASS_SCREENS)
def test_classroom_screens(class_app, name):
    top = _class_screen(class_app, name)
    assert top.widgets()
    assert layout_problems(class_app, top) == []
    if name == "summary":
        assert isinstance(top, TeamSummaryScene) and top.check.visible


def test_teacher_bar(class_app):
    _class_board(class_app)
    c = class_app.controller
    window = pygame.Rect(0, 0, *class_app.window_size)
    scenes = pygame.Rect(0, 0, *class_app.size)
    assert window.contains(c.bar_rect) and not scenes.colliderect(c.bar_rect)
    assert min(class_app.size) == min(class_app.window_size), "the bar leaves the short side (and the unit) alone"
    problems = []
    widgets = c.bar_widgets()
    for w in widgets:
        if not c.bar_rect.contains(w.rect):
            problems.append(f"{w.text!r} {w.rect} is outside the bar {c.bar_rect}")
        if not w.text_fits():
            problems.append(f"{w.text!r} does not fit {w.rect.size}")
        if w.focusable and min(w.rect.size) < layout.touch_min(class_app.window_size):
            problems.append(f"{w.text!r} {w.rect.size} is smaller than a touch target")
    for i, a in enumerate(widgets):
        for b in widgets[i + 1:]:
            if a.rect.colliderect(b.rect):
                problems.append(f"{a.text!r} overlaps {b.text!r}")
    assert problems == []


def test_classroom_screens_with_big_text_and_high_contrast(class_app):
    class_app.update_settings(save=False, text_size="extra_large", high_contrast=True)
    try:
        for name in CLASS_SCREENS:
            top = _class_screen(class_app, name)
            assert layout_problems(class_app, top) == [], name
    finally:
        class_app.update_settings(save=False, text_size="normal", high_contrast=False)


def test_kiosk_and_operator_screens_in_english(kiosk_app):
    kiosk_app.update_settings(save=False, locale="en")
    kiosk_app.controller.settings_saved()       # the operator's language: kept by the attract loop
    try:
        for name, make in KIOSK_SCREENS.items():
            _show(kiosk_app, make(kiosk_app))
            assert kiosk_app.locale == "en"
            assert layout_problems(kiosk_app, kiosk_app.stack.top) == [], name
    finally:
        kiosk_app.update_settings(save=False, locale="zh_Hans")
        kiosk_app.controller.settings_saved()


def test_classroom_screens_in_english(class_app):
    class_app.update_settings(save=False, locale="en")
    try:
        for name in CLASS_SCREENS:
            top = _class_screen(class_app, name)
            assert layout_problems(class_app, top) == [], name
    finally:
        class_app.update_settings(save=False, locale="zh_Hans")


def test_the_class_summary_fits_the_longest_scam_type_names(class_app):
    """The learning check's panel on the scam types with the longest English names (three lines each in
    a narrow panel), whatever the lesson's random check picked."""
    from game.rules.checks import LearningCheck, check_candidates
    class_app.update_settings(save=False, locale="en")
    try:
        _class_board(class_app)
        state = class_app.controller.state
        candidates = check_candidates(class_app.library.packs["students_senior"], class_app.library)
        longest = sorted(candidates, key=lambda t: len(class_app.tr(class_app.library.scam_types[t].name)))[-3:]
        state.check = LearningCheck(tuple(candidates[t][0] for t in longest), tuple(candidates[t][1] for t in longest))
        _checked_both_ways(class_app, state)
        class_app.controller.end_class()
        class_app.stack.top.export()
        for _ in range(3):
            class_app.step(0.05, [])
        assert layout_problems(class_app, class_app.stack.top) == []
    finally:
        class_app.update_settings(save=False, locale="zh_Hans")


def _drawn_px(label) -> int:
    return min(label.fitted_px(), label.max_px or 10 ** 6)


@pytest.mark.parametrize("name", ["quiz_round", "quiz_round_revealed", "check", "vote"])
def test_a_class_votes_on_options_set_in_one_text_size(class_app, name):
    top = _class_screen(class_app, name)
    if name.startswith("quiz_round"):
        labels = [b.label for b in top.options if b.visible]
        for b in top.options:
            b.label.rect = b._inner()[0]
    else:
        labels = [label for label in top.option_labels if label.visible]
    assert len(labels) > 1 and len({_drawn_px(label) for label in labels}) == 1
