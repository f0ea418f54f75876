"""Classroom mode: teams, the teacher bar, quiz rounds, the class summary, CSV export and the pledge."""

import csv
from dataclasses import replace
import sqlite3

import pygame
import pytest

from game.ui.input import Action, Intent
from game.rules.classroom import best_choice
from game.ui.modes.classroom import (ClassroomBoardScene, ClassroomSetupScene, PausedScene, QuizRevealScene,
                                     RevealChoiceOverlay)
from game.ui.modes.pledge import PLEDGE_SIZE, save_pledge
from game.ui.modes.quiz_round import QuizRoundScene
from game.ui.modes.summary import TeamSummaryScene, export_class_csv
from game.ui.scenes.quiz import QuizScene
from game.ui.scenes.scenario import ScenarioScene

from ui_helpers import make_app, wait_until_armed


def class_setup(tmp_path, teams=3, size=(1280, 720), check=False):
    """A class's set-up screen with ``teams`` chosen; ``check``: with the learning check (on by
    default in a real lesson). Returns (app, the set-up scene)."""
    app = make_app(size, mode="classroom", stats_db=tmp_path / "stats.sqlite3", class_name="初二（3）班")
    app.settings = replace(app.settings, learning_check=check)
    app.stack.push(app.home_scene())
    setup = app.stack.top
    assert isinstance(setup, ClassroomSetupScene)
    setup.set_teams(teams)
    return app, setup


def classroom(tmp_path, teams=3, size=(1280, 720), pack=None, check=False):
    """A class on its board."""
    app, setup = class_setup(tmp_path, teams, size, check)
    if pack:
        setup.set_pack(pack)
    setup.start()
    app.step(0.1, [])
    board = app.stack.top
    assert isinstance(board, ClassroomBoardScene)
    return app, board


def key(app, name):
    """A key pressed and let go (a key still held when the screen changes is an auto-repeat the tap guard drops)."""
    code = pygame.key.key_code(name)
    app.step(0.05, [pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode=name, scancode=0),
                    pygame.event.Event(pygame.KEYUP, key=code, mod=0, unicode=name, scancode=0)])


def tap(app, pos):
    wait_until_armed(app)   # a person reads the screen first; a control that just appeared refuses taps
    app.handle_intent(Intent(Action.PRESS, pos=pos, touch=True))
    app.handle_intent(Intent(Action.RELEASE, pos=pos, touch=True))
    app.step(0.05, [])


def open_scenario(app, board, scenario_id="free_skin_qr"):
    scene = ScenarioScene(app, app.library.scenarios[scenario_id], board.players[0], board.scene_done)
    board.scene_open = scene
    app.stack.push(scene)
    return scene


def test_teams_play_on_the_classroom_board(tmp_path):
    app, board = classroom(tmp_path, teams=3, pack="students_senior")
    assert board.board.id == "classroom_teams"
    assert [p.name for p in board.players] == ["第1组", "第2组", "第3组"]
    assert not any(p.computer for p in board.players)
    assert app.controller.bar_rect.right == app.window_size[0] and app.size[0] < app.window_size[0]


def test_a_class_plays_the_junior_pack_on_its_own_board_unless_the_teacher_picks_another(tmp_path):
    app, board = classroom(tmp_path)
    assert (board.pack.id, board.board.id) == ("students_junior", "classroom_junior")


def test_the_teacher_picks_the_schools_level_by_touch(tmp_path):
    app = make_app(mode="classroom", stats_db=tmp_path / "stats.sqlite3")
    app.stack.push(app.home_scene())
    setup = app.stack.top
    button = dict(setup.pack_buttons)["students_senior"]
    tap(app, button.rect.center)
    assert setup.pack_id == "students_senior" and button.selected
    setup.start()
    assert app.stack.top.board.id == "classroom_teams" and app.settings.pack == "students_senior"


def test_the_level_chosen_last_time_is_chosen_again(tmp_path):
    app = make_app(mode="classroom", stats_db=tmp_path / "stats.sqlite3")
    app.update_settings(save=False, pack="students_senior")
    app.stack.push(app.home_scene())
    assert app.stack.top.pack_id == "students_senior"


def test_the_whole_class_votes_in_a_quiz_round(tmp_path):
    app, board = classroom(tmp_path, teams=3)
    key(app, "q")
    round_ = app.stack.top
    assert isinstance(round_, QuizRoundScene)
    right = round_.item.answer
    key(app, "v")
    vote = app.stack.top
    vote.change(right, 25)
    vote.change((right + 1) % len(round_.item.options), 10)
    tap(app, vote.end_button.rect.center)
    tap(app, vote.reveal_button.rect.center)
    assert app.stack.top is round_ and round_.revealed
    played = app.controller.state.played[-1]
    assert (played.kind, played.team, played.safe) == ("quiz_round", -1, True)
    assert "25 人" in round_.options[right].text
    tap(app, round_.done_button.rect.center)
    assert app.stack.top is board
    conn = sqlite3.connect(tmp_path / "stats.sqlite3")
    assert conn.execute("SELECT correct FROM scenes WHERE kind = 'quiz' ORDER BY id").fetchall() == [(1,)]


def test_pause_freezes_the_game(tmp_path):
    app, board = classroom(tmp_path)
    key(app, "p")
    assert isinstance(app.stack.top, PausedScene) and app.controller.frozen
    pulse = board.pulse
    for _ in range(20):
        app.step(0.1, [])
    assert board.pulse == pulse, "nothing below the pause card moves"
    tap(app, app.controller.pause_button.rect.center)     # the bar's button continues
    assert app.stack.top is board and not app.controller.frozen


def test_reveal_shows_the_right_choice_of_the_scene(tmp_path):
    app, board = classroom(tmp_path)
    scene = open_scenario(app, board)
    while scene.phase == "lines":
        scene.advance()
    key(app, "r")
    card = app.stack.top
    assert isinstance(card, RevealChoiceOverlay)
    assert card.choice is best_choice(scene.runner.choices)
    assert card.choice.outcome.value == "safe" and card.chosen_label.text == "正确做法"


def test_reveal_during_a_quiz_shows_the_answer(tmp_path):
    app, board = classroom(tmp_path)
    item = app.library.quiz_pools["quiz_basics"].items[0]
    board.scene_open = QuizScene(app, item, board.players[0], board.scene_done)
    app.stack.push(board.scene_open)
    key(app, "r")
    assert isinstance(app.stack.top, QuizRevealScene)
    shown = board.scene_open.item           # the answers in the order the class sees them
    assert app.stack.top.answer.text.startswith("ABCD"[shown.answer] + ".")


def test_skip_closes_the_scene_without_scoring(tmp_path):
    app, board = classroom(tmp_path)
    # Put the game where a scene is due, the way the rules do it.
    game = board.game
    square = next(i for i, sq in enumerate(board.board.squares) if sq.tile in app.library.tiles
                  and app.library.tiles[sq.tile].scenarios)
    game._request_scene(game.current, (0,), square, None)
    scene = open_scenario(app, board, game.pending_scene.scenario or "free_skin_qr")
    key(app, "s")
    assert scene not in app.stack.scenes and app.stack.top is board
    for _ in range(5):
        app.step(0.1, [])
    assert game.phase.value != "scene"
    assert all(not s.scenes for s in game.scores), "nothing scored"


def test_class_results_export_as_csv_with_bom(tmp_path):
    app, board = classroom(tmp_path, teams=3)
    path = export_class_csv(app, app.controller.state, board, folder=tmp_path / "exports")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["班级", "日期", "组"] and rows[0][-1] == "剩余存款"
    assert [(r[0], r[2]) for r in rows[1:]] == [("初二（3）班", "第1组"), ("初二（3）班", "第2组"), ("初二（3）班", "第3组")]


def test_the_summary_exports_into_the_user_data_folder(tmp_path):
    import os
    from pathlib import Path
    app, board = classroom(tmp_path)
    key(app, "e")
    summary = app.stack.top
    assert isinstance(summary, TeamSummaryScene) and len(summary.rows) == 3
    tap(app, summary.export_button.rect.center)
    assert summary.saved.parent == Path(os.environ["FANZHA_DATA_DIR"]) / "exports"
    assert str(summary.saved) in summary.message.text


def test_the_pledge_is_an_a4_png(tmp_path):
    app, board = classroom(tmp_path)
    path = save_pledge(app, "初二（3）班", folder=tmp_path)
    assert path.suffix == ".png"
    assert pygame.image.load(str(path)).get_size() == PLEDGE_SIZE == (1240, 1754)


def test_the_class_name_is_typed_in(tmp_path):
    app = make_app(mode="classroom", stats_db=tmp_path / "stats.sqlite3")
    app.stack.push(app.home_scene())
    setup = app.stack.top
    tap(app, setup.name_field.rect.center)
    app.step(0.05, [pygame.event.Event(pygame.TEXTINPUT, text="三年二班"),
                    pygame.event.Event(pygame.KEYDOWN, key=pygame.K_BACKSPACE, mod=0, unicode="", scancode=0),
                    pygame.event.Event(pygame.TEXTINPUT, text="班"),
                    pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0)])
    assert setup.name_field.text == "三年二班" and not setup.name_field.editing
    setup.start()
    assert app.controller.state.class_name == "三年二班"


def test_class_names_never_reach_the_statistics(tmp_path):
    app, board = classroom(tmp_path)
    conn = sqlite3.connect(tmp_path / "stats.sqlite3")
    dump = "\n".join(conn.iterdump())
    assert "初二" not in dump and "第1组" not in dump
    assert conn.execute("SELECT mode, players, board FROM sessions").fetchall() == [("classroom", 3, "classroom_junior")]


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_the_pledge_text_stays_clear_of_the_signing_lines(locale):
    from game.ui.modes.pledge import pledge_text_layout

    app = make_app(locale=locale)
    page = pygame.Surface(PLEDGE_SIZE)
    shrink, promises_bottom, signing_top = pledge_text_layout(app, page, "初二（3）班")
    assert promises_bottom < signing_top
    assert 36 * shrink >= 25, "the promises would print under 12 pt (25 px at 150 dpi)"
