"""site.json (the device id, site name, district) is made by the machine's own runs only.

Runs that play by themselves or check something — autoplay, ``--frames``, a ``--trace`` run,
``simulate``, ``validate`` — leave the data folder without one; a real start makes it once
and the next start keeps its device id.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.stats.site import SITE_FILE

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "ui"))
from ui_helpers import make_app  # noqa: E402

HANG_S = 300   # only catches a hang


def run_game(*args: str, data: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "FANZHA_DATA_DIR": str(data)}
    return subprocess.run([sys.executable, "-m", "game", *args], env=env, capture_output=True, text=True,
                          timeout=HANG_S)


def data_dir() -> Path:
    return Path(os.environ["FANZHA_DATA_DIR"])


def test_an_autoplay_run_that_records_games_leaves_no_site_file(tmp_path):
    data = tmp_path / "data"
    done = run_game("play", "--autoplay", "--frames", "400", "--seed", "1", data=data)
    assert done.returncode == 0, done.stderr
    assert (data / "stats.sqlite3").exists(), "the run did record statistics"
    assert not (data / SITE_FILE).exists()


@pytest.mark.parametrize("command", [("simulate", "--games", "3", "--seed", "1"), ("validate",)])
def test_simulate_and_validate_leave_no_site_file(tmp_path, command):
    data = tmp_path / "data"
    done = run_game(*command, data=data)
    assert done.returncode == 0, done.stderr
    assert not (data / SITE_FILE).exists()


@pytest.mark.parametrize("kind", ["autoplay", "frames", "trace", "monkey"])
def test_a_throw_away_game_opening_its_statistics_writes_no_site_file(tmp_path, kind):
    app = make_app(stats_db=tmp_path / "stats.sqlite3", autoplay=kind == "autoplay",
                   frames=10 if kind == "frames" else None)
    if kind == "trace":
        app.trace = object()      # what matters is that the run writes a trace
    if kind == "monkey":
        app.monkey = True
    try:
        assert app.play_stats.recorder.available
        app.restart_sync()
        assert not (data_dir() / SITE_FILE).exists()
    finally:
        app.trace = None
        app.shutdown()


def test_the_operators_machine_page_in_a_throw_away_run_only_reads_the_site(tmp_path):
    app = make_app(stats_db=tmp_path / "stats.sqlite3", autoplay=True)
    try:
        page = app.nav.navigate("operator_machine")
        assert len(page.site.device_id) == 32 and not (data_dir() / SITE_FILE).exists()
    finally:
        app.shutdown()


def test_a_real_start_makes_the_site_file_and_the_next_start_keeps_its_device_id(tmp_path):
    ids = []
    for _ in range(2):
        app = make_app(stats_db=tmp_path / "stats.sqlite3")
        try:
            assert app.play_stats.recorder.available
            ids.append(json.loads((data_dir() / SITE_FILE).read_text(encoding="utf-8"))["device_id"])
        finally:
            app.shutdown()
    assert ids[0] == ids[1] and len(ids[0]) == 32


def teardown_module(module):
    pygame.quit()
