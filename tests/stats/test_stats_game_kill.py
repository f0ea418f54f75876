"""The real game with statistics on: killed at random moments while autoplaying, and reported on.

``python -m game play --autoplay --stats-db X`` prints ``FINISHED <id>`` after each
session it committed as finished. The process is killed (SIGKILL) 50 times at random
moments; every fourth run first waits for its first finished game, so the database
must keep sessions the game said were committed. The whole test takes about a minute
and a half.
"""

import csv
import subprocess
import sys

import pytest

from stats_killer import check_database, child_env, kill_repeatedly

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL semantics are POSIX")

KILLS = 50


@pytest.mark.soak
def test_game_killed_at_random_moments_keeps_every_finished_session(tmp_path):
    db_dir = tmp_path / "db"
    db_dir.mkdir()
    db = db_dir / "stats.sqlite3"
    env = child_env(FANZHA_DATA_DIR=str(tmp_path / "userdata"))
    command = [sys.executable, "-m", "game", "play", "--autoplay", "--stats-db", str(db)]
    report = kill_repeatedly(command, kills=KILLS, min_delay=0.05, max_delay=2.0, seed=20261123, env=env,
                             wait_for_report_every=4, report_timeout=60)
    assert report.kills == KILLS and report.exited == 0, report.stderr[-5:]
    assert not [line for line in report.stderr if "Traceback" in line], report.stderr[-20:]
    assert report.reported, "no run got as far as finishing a game; the test proved nothing"
    check_database(db, report.reported)    # PRAGMA integrity_check, nothing set aside, all reported kept


def test_stats_report_on_a_database_filled_by_autoplay(tmp_path):
    db = tmp_path / "stats.sqlite3"
    env = child_env(FANZHA_DATA_DIR=str(tmp_path / "userdata"))
    play = subprocess.run([sys.executable, "-m", "game", "play", "--autoplay", "--stats-db", str(db), "--frames",
                           "3000", "--seed", "2"], env=env, capture_output=True, text=True, timeout=300)
    assert play.returncode == 0, play.stderr[-2000:]
    assert "FINISHED" in play.stdout
    out = tmp_path / "report"
    done = subprocess.run([sys.executable, "-m", "game", "stats", "report", "--db", str(db), "--out", str(out),
                           "--include-autoplay"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    for name in ("sessions_per_day.csv", "completion.csv", "missed_scam_types.csv", "missed_techniques.csv",
                 "by_audience.csv", "sessions_per_day.png", "completion.png", "missed_scam_types_by_audience.png",
                 "missed_techniques.png"):
        assert (out / name).stat().st_size > 0, name
    with open(out / "sessions_per_day.csv", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert sum(int(r["completed"]) for r in rows) >= 1
    with open(out / "completion.csv", encoding="utf-8-sig") as f:
        modes = {r["mode"]: r for r in csv.DictReader(f)}
    assert int(modes["autoplay"]["completed"]) >= 1
