"""Kiosk mode: idle reset with a countdown, no quitting, the operator's long press and PIN.

Time is the App's own clock: ``app.step(dt)`` with made-up seconds, so nothing waits.
"""

import sqlite3

import pygame

from game.settings import Settings, load_settings, save_settings
from game.ui.input import Action, Intent
from game.ui.modes.kiosk import AttractScene, CountdownScene
from game.ui.modes.operator import OperatorMenuScene, OperatorSettingsScene, OperatorStatsScene, PinPadScene
from game.ui.scenes.board import BoardScene
from game.ui.seats import SeatPlan

from ui_helpers import finish_jobs, layout_problems, make_app, wait_until_armed

IDLE, COUNTDOWN = 30, 5


def kiosk(tmp_path, **settings):
    save_settings(Settings(idle_timeout_s=IDLE, countdown_s=COUNTDOWN, **settings))
    app = make_app(mode="kiosk", stats_db=tmp_path / "stats.sqlite3")
    app.stack.push(app.home_scene())
    app.step(0.1, [])
    return app


def start_game(app):
    """A visitor's game: one person against the computer on the park board."""
    board = app.library.boards["park_simple"]
    seats = [SeatPlan(0, board.seats[0].colour, board.seats[0].shape, 1, False),
             SeatPlan(1, board.seats[1].colour, board.seats[1].shape, 2, True)]
    scene = BoardScene(app, board, seats, app.library.packs["elderly"], seed=4)
    app.stack.push(scene)
    app.step(0.1, [])
    return scene


def wait(app, seconds, step=0.5):
    for _ in range(round(seconds / step)):
        app.step(step, [])


def tap(app, pos):
    wait_until_armed(app)   # a person reads the screen first; a control that just appeared refuses taps
    app.handle_intent(Intent(Action.PRESS, pos=pos, touch=True))
    app.handle_intent(Intent(Action.RELEASE, pos=pos, touch=True))
    app.step(0.05, [])


def hold_corner(app, seconds):
    wait_until_armed(app)
    app.handle_intent(Intent(Action.PRESS, pos=(8, 8), touch=True))
    wait(app, seconds, 0.1)


def enter_pin(app, pin):
    pad = app.stack.top
    assert isinstance(pad, PinPadScene)
    for digit in pin:
        tap(app, next(b for b in pad.keys if b.text == digit).rect.center)
    tap(app, pad.ok.rect.center)


def operator_menu(app):
    hold_corner(app, 3.2)
    app.handle_intent(Intent(Action.RELEASE, pos=(8, 8), touch=True))
    enter_pin(app, "2468")
    if isinstance(app.stack.top, PinPadScene):   # "please set your own PIN": later
        tap(app, app.stack.top.cancel.rect.center)
    assert isinstance(app.stack.top, OperatorMenuScene)
    return app.stack.top


def test_kiosk_starts_on_the_attract_loop_with_a_demo_game_behind(tmp_path):
    app = kiosk(tmp_path)
    wait(app, 2)
    attract = app.stack.top
    assert isinstance(attract, AttractScene)
    assert attract.backdrop is not None and attract.backdrop.demo
    assert not attract.settings_button.visible     # nothing for a visitor to misuse


def test_idle_game_gets_a_countdown_then_goes_back_to_the_attract_loop(tmp_path):
    app = kiosk(tmp_path)
    start_game(app)
    wait(app, IDLE - 1)
    assert not any(isinstance(s, CountdownScene) for s in app.stack.scenes)
    wait(app, 1.5)
    assert isinstance(app.stack.top, CountdownScene)
    assert app.stack.top.heading.text == "还在玩吗？点一下继续"
    wait(app, COUNTDOWN + 0.5)
    assert [type(s) for s in app.stack.scenes] == [AttractScene], "the last visitor's game is gone"
    app.step(0.1, [])
    assert not app.presented_in_part, "the attract loop repainted the whole screen"
    conn = sqlite3.connect(tmp_path / "stats.sqlite3")
    assert conn.execute("SELECT mode, finished, ended_at IS NOT NULL FROM sessions").fetchall() == [("kiosk", 0, 1)]


def test_a_touch_during_the_countdown_keeps_the_game(tmp_path):
    app = kiosk(tmp_path)
    board = start_game(app)
    wait(app, IDLE + 0.5)
    countdown = app.stack.top
    assert isinstance(countdown, CountdownScene)
    rolls = board.game.turns, board.dice.value
    tap(app, board.dice.rect.center)       # lands on the card, not on the die below it
    assert app.stack.top is board
    assert (board.game.turns, board.dice.value) == rolls
    wait(app, COUNTDOWN + 1)
    assert app.stack.top is board, "the countdown was called off"


def test_visitors_cannot_quit(tmp_path):
    app = kiosk(tmp_path)
    start_game(app)
    events = [pygame.event.Event(pygame.QUIT),
              pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode="", scancode=0),
              pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F4, mod=pygame.KMOD_ALT, unicode="", scancode=0)]
    for event in events:
        app.step(0.1, [event])
        assert not app.quit_requested, pygame.event.event_name(event.type)
    assert app.stack.top is not None


def test_the_operator_menu_exit_quits_after_the_pin(tmp_path):
    app = kiosk(tmp_path)
    menu = operator_menu(app)
    tap(app, menu.exit_button.rect.center)
    assert not app.quit_requested, "one tap only asks to confirm"
    tap(app, menu.exit_button.rect.center)
    assert app.quit_requested and app.operator_exit


def test_a_long_press_in_the_corner_opens_the_pin_pad(tmp_path):
    app = kiosk(tmp_path)
    hold_corner(app, 2.5)
    assert isinstance(app.stack.top, AttractScene)
    wait(app, 0.7, 0.1)
    assert isinstance(app.stack.top, PinPadScene)
    app.handle_intent(Intent(Action.RELEASE, pos=(8, 8), touch=True))
    assert isinstance(app.stack.top, PinPadScene), "the lifted finger starts no game"


def test_a_wrong_pin_is_refused(tmp_path):
    app = kiosk(tmp_path)
    hold_corner(app, 3.2)
    app.handle_intent(Intent(Action.RELEASE, pos=(8, 8), touch=True))
    enter_pin(app, "1357")
    assert isinstance(app.stack.top, PinPadScene)
    assert app.stack.top.message.text == "密码不对，请再试一次"
    assert not any(isinstance(s, OperatorMenuScene) for s in app.stack.scenes)


def test_a_corrupt_settings_file_is_set_aside_and_shown_in_the_operator_menu(tmp_path):
    import os
    from pathlib import Path
    folder = Path(os.environ["FANZHA_DATA_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_bytes(b'{"mode": "kiosk", "idle_timeout_s": ')
    app = make_app(mode="kiosk", stats_db=tmp_path / "stats.sqlite3")
    app.stack.push(app.home_scene())
    app.step(0.1, [])
    aside = [p for p in folder.iterdir() if p.name.startswith("settings.json.bad-")]
    assert len(aside) == 1
    menu = operator_menu(app)
    shown = [box.text for box in menu.notices if box.visible]
    assert any(text.startswith("设置文件损坏") and aside[0].name in text for text in shown), shown


def test_operator_settings_are_saved(tmp_path):
    app = kiosk(tmp_path)
    operator_menu(app)
    tap(app, app.stack.top.settings_button.rect.center)
    page = app.stack.top
    assert isinstance(page, OperatorSettingsScene)
    before = app.settings.idle_timeout_s
    tap(app, next(b for f, _, bs in page.rows if f == "idle_timeout_s" for _, b in bs).rect.center)
    tap(app, next(b for f, _, bs in page.rows if f == "text_size" for v, b in bs if v == "large").rect.center)
    saved, _ = load_settings(mode="kiosk")
    assert saved.idle_timeout_s != before and saved.idle_timeout_s == app.settings.idle_timeout_s
    assert saved.text_size == "large"


def test_the_operator_sees_the_statistics_summary(tmp_path):
    from game.stats import summary
    from game.stats.sample import fill_sample
    fill_sample(tmp_path / "stats.sqlite3", 40, seed=3)
    app = kiosk(tmp_path)
    operator_menu(app)
    tap(app, app.stack.top.stats_button.rect.center)
    page = app.stack.top
    assert isinstance(page, OperatorStatsScene)
    finish_jobs(app)
    figures = summary(tmp_path / "stats.sqlite3")
    tiles = [value.text for _, value, _ in page.tiles]
    assert tiles[2] == f"{figures['people']:,} 人"
    assert figures["top_missed_scam_types"] and page.kinds.text.startswith("1. ")


def test_a_visitors_language_is_theirs_only(tmp_path):
    app = kiosk(tmp_path)
    start_game(app)
    app.update_settings(locale="en")          # the visitor picked English
    assert load_settings(mode="kiosk")[0].locale == "zh_Hans", "not saved for the next visitor"
    app.controller.reset()
    assert app.locale == "zh_Hans"


def test_the_operator_can_switch_the_kiosk_to_classroom_mode(tmp_path):
    from game.ui.modes.classroom import ClassroomController, ClassroomSetupScene
    app = kiosk(tmp_path)
    operator_menu(app)
    tap(app, app.stack.top.settings_button.rect.center)
    page = app.stack.top
    tap(app, next(b for f, _, bs in page.rows if f == "mode" for v, b in bs if v == "classroom").rect.center)
    tap(app, page.done.rect.center)
    assert isinstance(app.controller, ClassroomController) and isinstance(app.stack.top, ClassroomSetupScene)
    assert load_settings()[0].mode == "classroom"


def test_going_home_gives_the_next_visitor_the_operators_language(tmp_path):
    from game.ui.scenes.title import TitleScene
    app = kiosk(tmp_path)
    start_game(app)
    app.update_settings(locale="en")
    app.stack.clear_to(TitleScene(app))       # 回到首页 / 再玩一次
    assert isinstance(app.stack.top, AttractScene) and app.locale == "zh_Hans"


def test_the_operator_menu_tells_of_crashes_and_where_the_reports_are(tmp_path):
    from game.ui.scene import Scene

    class Faulty(Scene):
        name = "faulty"

        def update(self, dt):
            raise ValueError("planted fault")

    app = kiosk(tmp_path)
    app.stack.push(Faulty(app))
    app.guarded_step(0.1, [], None)
    menu = operator_menu(app)
    shown = [box.text for box in menu.notices if box.visible]
    crash = next(t for t in shown if "出错 1 次" in t)
    assert str(app.crash_guard.last_report.parent) in crash
    assert not layout_problems(app, menu)


def test_the_attract_loop_repaints_only_what_moved_and_matches_a_full_redraw(tmp_path):
    app = kiosk(tmp_path)
    partial = 0
    for _ in range(400):            # the demo game moves tokens, rolls and flashes squares
        app.stack.top.dirty = True  # as the loop's DEMO_FPS timer does
        app.step(1 / 20, [])
        partial += app.presented_in_part
    attract = app.stack.top
    assert attract.backdrop is not None and partial > 300
    shown = pygame.image.tobytes(app.screen, "RGB")
    attract.full_paint = attract.backdrop.full_paint = True
    app.draw()
    assert pygame.image.tobytes(app.screen, "RGB") == shown
