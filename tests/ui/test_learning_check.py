"""The learning check outside the classroom: items before the first roll, matched ones before the results."""

from dataclasses import replace

import pytest

from game.rules.checks import pick_learning_check
from game.settings import Settings, save_settings
from game.ui.scenes.board import BoardScene
from game.ui.scenes.learning_check import LearningCheckScene
from game.ui.seats import SeatPlan

from ui_helpers import SIZES, layout_problems, make_app


def with_check(pack, on=True):
    return replace(pack, settings=replace(pack.settings, learning_check=on))


def board_game(tmp_path, check=True, operator_allows=True, mode=None):
    save_settings(Settings(learning_check=operator_allows))
    app = make_app(stats_db=tmp_path / "stats.sqlite3", **({"mode": mode} if mode else {}))
    app.load_content()
    pack = with_check(app.library.packs["elderly"], check)
    board = app.library.boards[pack.boards[0]]
    seats = [SeatPlan(0, board.seats[0].colour, board.seats[0].shape, 1, False),
             SeatPlan(1, board.seats[1].colour, board.seats[1].shape, 2, True)]
    scene = BoardScene(app, board, seats, pack, seed=4)
    app.stack.push(scene)
    app.step(0.1, [])
    return app, scene


def answer_all(app, right=True):
    check = app.stack.top
    assert isinstance(check, LearningCheckScene)
    while app.stack.top is check:
        item = check.current.item
        check.pick(item.answer if right else (item.answer + 1) % len(item.options))
    app.step(0.1, [])
    return check


def test_a_pack_with_the_check_asks_before_the_first_roll(tmp_path):
    app, board = board_game(tmp_path)
    assert isinstance(app.stack.top, LearningCheckScene) and app.stack.top.phase == "before"
    assert board.game.turns == 0


def test_the_before_answers_are_recorded_anonymously_with_the_game(tmp_path):
    app, board = board_game(tmp_path)
    check = answer_all(app)
    recorded = app.play_stats.class_check()
    assert recorded["before_answered"] == len(check.check_items) and recorded["after_answered"] == 0


def test_the_after_items_are_on_the_same_scam_types_and_come_before_the_results(tmp_path):
    app, board = board_game(tmp_path)
    before = answer_all(app)
    board.show_results()
    after = app.stack.top
    assert isinstance(after, LearningCheckScene) and after.phase == "after"
    assert [c.scam_type for c in after.check_items] == [c.scam_type for c in before.check_items]
    answer_all(app)
    assert app.stack.top.name == "results"
    assert app.play_stats.class_check()["pairs"] == len(before.check_items)


def test_skipping_closes_the_check_and_the_game_goes_on(tmp_path):
    app, board = board_game(tmp_path)
    app.stack.top.skip_all()
    app.step(0.1, [])
    assert app.stack.top is board and app.play_stats.class_check()["before_answered"] == 0


def test_a_pack_without_the_setting_asks_nothing(tmp_path):
    app, board = board_game(tmp_path, check=False)
    assert app.stack.top is board and board.learning is None


def test_the_operator_can_switch_the_check_off(tmp_path):
    app, board = board_game(tmp_path, operator_allows=False)
    assert app.stack.top is board and board.learning is None


def test_the_classroom_board_leaves_the_check_to_the_classroom(tmp_path):
    app, board = board_game(tmp_path, mode="classroom")
    assert board.learning is None


def test_the_scene_reports_the_answers_to_its_caller(tmp_path):
    app = make_app(stats_db=tmp_path / "stats.sqlite3")
    app.load_content()
    pack = app.library.packs["elderly"]
    check = pick_learning_check(pack, app.library, seed=1)
    got = []
    scene = app.nav.navigate("learning_check", items=check.before, phase="before", on_done=got.append, record=False)
    scene.pick(check.before[0].item.answer)
    scene.skip_all()
    assert got == [[(check.before[0], True)]] and app.stack.top is not scene


@pytest.mark.parametrize("size", [s for s in SIZES if s != (3840, 2160)])
@pytest.mark.parametrize("locale", ["zh_Hans", "en"])
def test_the_check_fits_by_touch(tmp_path, size, locale):
    app = make_app(size=size, locale=locale)
    app.load_content()
    pack = app.library.packs["students_junior"]
    check = pick_learning_check(pack, app.library, seed=3)
    for item in check.before:
        scene = app.nav.navigate("learning_check", items=(item,), phase="before")
        app.step(0.05, [])
        assert layout_problems(app, scene) == [], item.ref
        app.nav.back()
