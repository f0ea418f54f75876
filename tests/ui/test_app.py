"""The App: resize, live settings, sound without a sound card, command line, keyboard, content notice."""

import argparse
from types import SimpleNamespace

import pygame

from game.content.problems import Problem
from game.ui import app as app_module
from game.ui.input import Action, Intent
from game.ui.scenes.board import BoardScene
from game.ui.seats import SeatPlan
from game.ui.scenes.title import ProblemsScene, TitleScene
from game.ui.sound import Sound
from game.ui.theme import HIGH_CONTRAST, WARM

from ui_helpers import frame, layout_problems, make_app


def _board_scene(app):
    board = app.library.boards["classic_four"]
    plans = [SeatPlan(i, board.seats[i].colour, board.seats[i].shape, i + 1, i > 0) for i in range(4)]
    return BoardScene(app, board, plans, None, seed=3)


def test_resize_lays_the_board_out_again_for_portrait():
    app = make_app((1280, 720))
    scene = _board_scene(app)
    app.stack.push(scene)
    frame(app)
    app.handle_intent(Intent(Action.RESIZE, size=(1080, 1920)))
    frame(app)
    assert app.size == (1080, 1920)
    assert scene.view.rect.bottom < scene.caption_card.rect.top, "portrait: board on top, panel below"
    assert layout_problems(app, scene) == []


def test_settings_apply_live():
    app = make_app()
    title = TitleScene(app)
    app.stack.push(title)
    frame(app)
    small = title.start.label.rendered()[0].get_height()
    app.update_settings(save=False, high_contrast=True, text_size="extra_large")
    frame(app)
    assert app.theme is HIGH_CONTRAST
    assert title.start.label.rendered()[0].get_height() > small
    app.update_settings(save=False, high_contrast=False)
    assert app.theme is WARM


def test_settings_are_saved_for_next_time():
    app = make_app()
    app.update_settings(muted=True)
    again = make_app()
    assert again.settings.muted is True


def test_no_sound_card_means_silence(monkeypatch):
    def broken(*a, **k):
        raise pygame.error("no audio device")
    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", broken)
    sound = Sound(SimpleNamespace(muted=False))
    assert not sound.available
    sound.play("dice")   # must not raise
    assert sound.played == ["dice"]


def test_mute_setting_silences_cues():
    app = make_app(sound=True)
    app.update_settings(save=False, muted=True)
    assert app.sound.muted


def test_keyboard_focus_and_confirm_start_the_game():
    app = make_app()
    app.stack.push(TitleScene(app))
    frame(app)
    app.handle_intent(Intent(Action.NEXT))
    assert app.stack.top.start.focused
    app.handle_intent(Intent(Action.CONFIRM))
    assert app.stack.top.name == "setup_audience"


def test_skipped_content_notice_opens_the_problem_list(monkeypatch):
    app = make_app()
    result = app.load_content()
    fake = SimpleNamespace(library=result.library, skipped_files=["scenarios/scripts/bad.yaml"],
                           problems=[Problem("scenarios/scripts/bad.yaml", 3, 5, "bad-value", "nope", "fix it")])
    monkeypatch.setattr(app, "_library_result", fake)
    title = TitleScene(app)
    app.stack.push(title)
    frame(app)
    assert title.notice.visible and title.notice.text.startswith("1 ")
    title.notice.activate()
    assert isinstance(app.stack.top, ProblemsScene)
    frame(app)
    assert "bad.yaml:3:5" in app.stack.top.lines[0].text
    assert layout_problems(app, app.stack.top) == []


def test_command_line_frames_and_screenshots(tmp_path):
    parser = argparse.ArgumentParser()
    app_module.add_arguments(parser)
    args = parser.parse_args(["--size", "640x480", "--frames", "3", "--seed", "1",
                              "--screenshots", str(tmp_path / "shots")])
    assert app_module.run(args) == 0
    assert [p.name for p in (tmp_path / "shots").iterdir()] == ["000_title.png"]


def test_autoplay_shows_every_phone_channel():
    app = make_app((1280, 720), autoplay=True, seed=4)
    app.update_settings(save=False, reduced_motion=True)
    app.stack.push(TitleScene(app))
    wanted = set().union(*(s.channels for s in app.library.scenarios.values()))
    names = set()
    for i in range(8000):
        frame(app)
        names.add(app.stack.top.name)
        if app.autoplayer.channels >= wanted:
            break
    assert app.autoplayer.channels >= wanted, (sorted(c.value for c in wanted - app.autoplayer.channels), i)
    assert {"title", "setup_audience", "setup_players", "board"} <= names


def test_title_can_show_a_demo_game_behind_it():
    app = make_app((1920, 1080))
    title = TitleScene(app)
    app.stack.push(title)
    title.backdrop = BoardScene.demo_for(app)
    for _ in range(900):
        frame(app)
    assert app.stack.top is title, "the demo never opens scam screens over the title"
    assert title.backdrop.game.turns > 0
    assert layout_problems(app, title) == []


def test_autoplay_goes_through_every_screen_to_the_results():
    app = make_app((1280, 720), autoplay=True, seed=8)
    app.stack.push(TitleScene(app))
    names = set()
    for _ in range(15000):
        frame(app)
        names.add(app.stack.top.name)
        if app.stack.top.name == "results":
            break
    assert {"title", "settings", "setup_audience", "setup_players", "board", "scenario", "results"} <= names
    assert app.settings.text_size == "normal" and not app.settings.high_contrast, "the tour puts settings back"
