"""A crash is not the end: in kiosk mode an unexpected exception is written to a crash
report and the game goes back to the attract loop; other modes report it and stop."""

import os
from pathlib import Path

import pytest

from game.settings import Settings, save_settings
from game.ui.app import App
from game.ui.modes.kiosk import AttractScene
from game.ui.recovery import LOOP_COUNT, OUT_OF_ORDER_AFTER, PAUSES_S
from game.ui.scene import Scene


class Faulty(Scene):
    """A screen with a bug: its update raises."""

    name = "faulty"
    opaque = True

    def update(self, dt):
        raise ZeroDivisionError("planted fault in update")

    def draw(self, surface):
        surface.fill((0, 0, 0))


def make(mode):
    save_settings(Settings(idle_timeout_s=600))
    app = App(size=(1280, 720), seed=3, sound=False, mode=mode)
    app.stack.push(app.home_scene())
    app.step(0.1, [])
    return app


def crash_reports() -> list[Path]:
    return sorted((Path(os.environ["FANZHA_DATA_DIR"]) / "logs").glob("crash-*.txt"))


def test_kiosk_goes_back_to_the_attract_loop_after_a_crash():
    app = make("kiosk")
    app.stack.push(Faulty(app))
    app.guarded_step(0.1, [], None)
    assert [type(s) for s in app.stack.scenes] == [AttractScene]


def test_kiosk_crash_is_written_to_a_report_with_its_traceback():
    app = make("kiosk")
    app.stack.push(Faulty(app))
    app.guarded_step(0.1, [], None)
    [report] = crash_reports()
    text = report.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "ZeroDivisionError: planted fault in update" in text
    assert "screens: attract > faulty" in text and "mode: kiosk" in text


def test_the_kiosk_loop_keeps_running_after_a_crash():
    import asyncio

    app = make("kiosk")
    app.stack.push(Faulty(app))
    app.max_frames = 4
    assert asyncio.run(app.run()) == "frames"
    assert not app.quit_requested and isinstance(app.stack.top, AttractScene)
    assert app.crash_guard.crashes == 1


def test_outside_the_kiosk_a_crash_is_reported_and_raised():
    app = make("normal")
    app.stack.push(Faulty(app))
    with pytest.raises(ZeroDivisionError):
        app.guarded_step(0.1, [], None)
    assert len(crash_reports()) == 1


def test_the_same_crash_again_is_counted_not_written_again():
    app = make("kiosk")
    for _ in range(2):
        app.stack.push(Faulty(app))
        app.guarded_step(0.1, [], None)
    assert app.crash_guard.crashes == 2
    assert len(crash_reports()) == 1


def test_an_attract_screen_that_keeps_crashing_loses_its_demo_game():
    app = make("kiosk")
    for _ in range(LOOP_COUNT):
        app.stack.push(Faulty(app))
        app.guarded_step(0.1, [], None)
    attract = app.stack.top
    assert isinstance(attract, AttractScene)
    for _ in range(5):
        app.step(0.1, [])
    assert attract.backdrop is None, "the demo board was started again"


def test_after_a_crash_loop_later_idle_resets_also_leave_the_demo_out():
    app = make("kiosk")
    for _ in range(LOOP_COUNT):
        app.stack.push(Faulty(app))
        app.guarded_step(0.1, [], None)
    app.controller.reset()
    for _ in range(5):
        app.step(0.1, [])
    assert app.stack.top.backdrop is None


def test_crashes_that_keep_coming_make_the_kiosk_pause_longer_each_time():
    app = make("kiosk")
    pauses = []
    for _ in range(OUT_OF_ORDER_AFTER - 1):
        app.stack.push(Faulty(app))
        app.guarded_step(0.1, [], None)
        pauses.append(app.crash_guard.take_pause())
    assert pauses == sorted(pauses) and pauses[-1] > pauses[0]
    assert pauses == list(PAUSES_S[:OUT_OF_ORDER_AFTER - 1])


def test_a_kiosk_that_keeps_crashing_ends_its_loop_out_of_order():
    import asyncio

    app = make("kiosk")
    for _ in range(OUT_OF_ORDER_AFTER - 1):
        app.stack.push(Faulty(app))
        app.guarded_step(0.1, [], None)
        app.crash_guard.take_pause()
    app.stack.push(Faulty(app))
    app.max_frames = 50
    assert asyncio.run(app.run()) == "out_of_order"


def test_a_stop_request_ends_the_loop_at_the_next_pass():
    import asyncio

    app = make("kiosk")
    app.stop.request("SIGTERM")
    assert asyncio.run(app.run()) == "stopped"
