"""The game as a process: stopped from outside, given bad options, run by itself.

Each test starts ``python -m game`` with the dummy SDL drivers in a data folder of its own.
Time limits here only catch hangs; how fast a stop really is, is measured by
``benchmarks/bench_stop.py``.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.settings import Settings, save_settings

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

HANG_S = 60   # only a game that ignores the request takes this long


def game(*args: str, data: Path, **kw) -> subprocess.Popen:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "FANZHA_DATA_DIR": str(data)}
    return subprocess.Popen([sys.executable, "-m", "game", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


def open_sessions(db: Path) -> tuple[int, int]:
    """(sessions started, sessions still open) in the statistics, (0, 0) before the file exists."""
    if not db.exists():
        return 0, 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        return conn.execute("SELECT COUNT(*), COUNT(*) - COUNT(ended_at) FROM sessions").fetchone()
    except sqlite3.OperationalError:   # the schema is still being written
        return 0, 0
    finally:
        conn.close()


def wait_for_a_game_in_progress(proc: subprocess.Popen, db: Path) -> None:
    deadline = time.monotonic() + HANG_S
    while time.monotonic() < deadline and proc.poll() is None:
        if open_sessions(db)[1]:
            return
        time.sleep(0.05)
    raise AssertionError(f"no game started (exit {proc.poll()}): {proc.stderr.read() if proc.poll() else ''}")


@pytest.mark.parametrize("mode", ["kiosk", "normal", "classroom"])
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGINT", "SIGHUP"])
def test_a_stop_signal_ends_the_game_with_status_0_and_its_game_recorded(tmp_path, mode, signame):
    db = tmp_path / "stats.sqlite3"
    proc = game("play", f"--{mode}", "--autoplay", "--stats-db", str(db), data=tmp_path / "data")
    wait_for_a_game_in_progress(proc, db)
    proc.send_signal(getattr(signal, signame))
    _, err = proc.communicate(timeout=HANG_S)
    assert proc.returncode == 0, err[-2000:]
    started, still_open = open_sessions(db)
    assert started >= 1 and still_open == 0, "the game in progress was not written to the statistics"


def test_a_stopped_kiosk_leaves_no_game_process_behind(tmp_path):
    proc = game("play", "--kiosk", data=tmp_path / "data")
    time.sleep(2)
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=HANG_S)
    leftover = subprocess.run(["pgrep", "-f", f"FANZHA_DATA_DIR={tmp_path}"], capture_output=True, text=True)
    children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True)
    assert children.stdout.strip() == "" and leftover.stdout.strip() == ""


def test_autoplay_leaves_the_saved_settings_byte_for_byte(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    save_settings(Settings(text_size="large", high_contrast=True, pack="elderly"), data / "settings.json")
    before = (data / "settings.json").read_bytes()
    proc = game("play", "--autoplay", "--frames", "4000", "--pack", "students_senior", "--locale", "en", data=data)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-2000:]
    assert (data / "settings.json").read_bytes() == before


def test_autoplay_plays_the_pack_the_command_line_names(tmp_path):
    db = tmp_path / "stats.sqlite3"
    proc = game("play", "--autoplay", "--frames", "4000", "--pack", "workplace", "--stats-db", str(db),
                data=tmp_path / "data")
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-2000:]
    conn = sqlite3.connect(db)
    packs = {row[0] for row in conn.execute("SELECT pack FROM sessions")}
    conn.close()
    assert packs == {"workplace"}


@pytest.mark.parametrize("args, says", [
    (["--pack", "nope"], "no pack 'nope' (packs: "),
    (["--size", "10x10"], "at least 640x480"),
    (["--size", "639x480"], "at least 640x480"),
    (["--frames", "0"], "--frames: must be a whole number, 1 or more"),
    (["--frames", "x"], "--frames: must be a whole number, 1 or more"),
])
def test_bad_options_get_one_line_and_status_2(tmp_path, args, says):
    proc = game("play", *args, data=tmp_path / "data")
    out, err = proc.communicate(timeout=HANG_S)
    assert proc.returncode == 2
    assert says in err and len(err.strip().splitlines()) == 1, err


def test_an_unknown_pack_is_told_with_the_packs_there_are(tmp_path):
    proc = game("play", "--pack", "nope", data=tmp_path / "data")
    _, err = proc.communicate(timeout=HANG_S)
    assert "elderly" in err and "workplace" in err


def test_without_a_display_the_game_says_so_instead_of_running_unseen(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    env.update(SDL_AUDIODRIVER="dummy", FANZHA_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-m", "game", "play", "--frames", "5"], env=env, capture_output=True,
                          text=True, timeout=HANG_S)
    assert done.returncode == 3 and "No display found" in done.stderr
