"""Statistics from a running game: sessions, scenes and choices as they happen; nothing personal."""

import argparse
import os
import sqlite3
from pathlib import Path

from game.settings import Settings, save_settings
from game.ui import app as app_module
from game.ui.modes.kiosk import AttractScene
from game.ui.scenes.board import BoardScene
from game.ui.scenes.scenario import ScenarioScene
from game.ui.seats import SeatPlan
from game.ui.scenes.title import TitleScene

from ui_helpers import make_app


def _board(app, computer=True):
    board = app.library.boards["park_simple"]
    seats = [SeatPlan(i, board.seats[i].colour, board.seats[i].shape, i + 1, computer and i > 0) for i in range(2)]
    return BoardScene(app, board, seats, app.library.packs["elderly"], seed=5)


def _rows(db, sql):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_autoplay_game_to_the_results_is_one_finished_session(tmp_path, capsys):
    db = tmp_path / "stats.sqlite3"
    app = make_app(autoplay=True, seed=2, stats_db=db)
    app.stack.push(TitleScene(app))
    for _ in range(6000):
        app.step(0.1, [])
        if app.stack.top.name == "results":
            break
    assert app.stack.top.name == "results"
    session = app.play_stats.finished_ids[-1]
    assert f"FINISHED {session}\n" in capsys.readouterr().out
    [(mode, finished, players, board, pack)] = _rows(db, "SELECT mode, finished, players, board, pack FROM sessions")
    assert (mode, finished, players, board) == ("autoplay", 1, 2, "park_simple") and pack
    assert _rows(db, "SELECT COUNT(*) FROM scenes")[0][0] >= 1


def test_leaving_a_game_records_it_unfinished(tmp_path):
    db = tmp_path / "stats.sqlite3"
    app = make_app(stats_db=db)
    app.stack.push(TitleScene(app))
    app.stack.push(_board(app))
    app.stack.clear_to(TitleScene(app))          # 回到首页 from the pause menu
    assert _rows(db, "SELECT mode, finished, ended_at IS NOT NULL FROM sessions") == [("normal", 0, 1)]


def test_each_choice_is_recorded_when_it_is_taken(tmp_path):
    db = tmp_path / "stats.sqlite3"
    app = make_app(stats_db=db)
    board = _board(app, computer=False)
    app.stack.push(board)
    scene = ScenarioScene(app, app.library.scenarios["free_skin_qr"], board.players[0], board.scene_done)
    app.stack.push(scene)
    while scene.phase == "lines":
        scene.advance()
    scene.choose(0)
    node = scene.node.id
    assert _rows(db, "SELECT c.node, c.choice_index FROM choices c") == [(node, 0)]
    assert _rows(db, "SELECT kind, item_id, ending FROM scenes") == [("scenario", "free_skin_qr", None)]


def test_no_statistics_when_switched_off(tmp_path):
    save_settings(Settings(stats_enabled=False))
    db = tmp_path / "stats.sqlite3"
    app = make_app(stats_db=db)
    app.stack.push(_board(app))
    assert app.play_stats is None and not db.exists()


def test_the_play_command_starts_a_kiosk_and_keeps_the_settings_notice(tmp_path):
    folder = Path(os.environ["FANZHA_DATA_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_text("{broken", encoding="utf-8")
    parser = argparse.ArgumentParser()
    app_module.add_arguments(parser)
    args = parser.parse_args(["--kiosk", "--windowed", "--stats-db", str(tmp_path / "k.sqlite3"), "--size", "1280x720"])
    app = app_module.build_app(args)
    try:
        assert app.kiosk and not app.fullscreen and isinstance(app.stack.top, AttractScene)
        assert app.settings_notice and app.settings_notice.startswith("设置文件损坏")
        assert app.play_stats.path == tmp_path / "k.sqlite3"
    finally:
        app.shutdown()


def test_a_person_and_a_computer_are_one_human_seat_and_one_computer_seat(tmp_path):
    db = tmp_path / "stats.sqlite3"
    app = make_app(stats_db=db)
    app.stack.push(TitleScene(app))
    app.stack.push(_board(app, computer=True))
    assert _rows(db, "SELECT players, humans, computers, seat_unit FROM sessions") == [(2, 1, 1, "person")]


def test_an_autoplay_game_has_no_human_seat(tmp_path):
    db = tmp_path / "stats.sqlite3"
    app = make_app(autoplay=True, seed=2, stats_db=db)
    app.stack.push(TitleScene(app))
    app.stack.push(_board(app, computer=False))
    assert _rows(db, "SELECT humans, computers FROM sessions") == [(0, 2)]


def test_every_session_carries_the_device_and_site(tmp_path):
    from game.stats import load_site, save_site
    save_site(site="人民公园", district="城关镇")
    db = tmp_path / "stats.sqlite3"
    app = make_app(stats_db=db)
    app.stack.push(TitleScene(app))
    app.stack.push(_board(app))
    assert _rows(db, "SELECT device_id, site, district FROM sessions") == [
        (load_site().device_id, "人民公园", "城关镇")]
