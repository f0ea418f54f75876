import sqlite3
import sys

import pytest

from game.stats import StatsRecorder

from stats_killer import check_database, child_writer_command, kill_repeatedly

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL semantics are POSIX")


def test_sigkill_at_random_moments_keeps_every_finished_session(tmp_path):
    db = tmp_path / "stats.sqlite3"
    report = kill_repeatedly(child_writer_command(db), kills=10, seed=20240501)
    assert report.kills == 10 and report.exited == 0, report.stderr[-5:]
    assert report.reported, "no child got as far as finishing a session; the test proved nothing"
    assert not [line for line in report.stderr if line.startswith("PROBLEM")], report.stderr
    check_database(db, report.reported)


def test_killed_sessions_keep_all_their_scenes_and_choices(tmp_path):
    db = tmp_path / "stats.sqlite3"
    report = kill_repeatedly(child_writer_command(db), kills=3, min_delay=0.3, max_delay=0.6, seed=7)
    assert report.lines
    conn = sqlite3.connect(db)
    try:
        for line in report.lines:
            _, session, scenes, choices = line.split()
            found = conn.execute(
                "SELECT COUNT(DISTINCT c.id), COUNT(h.id) FROM scenes c LEFT JOIN choices h ON h.scene_id = c.id "
                "WHERE c.session_id = ?", (int(session),)).fetchone()
            assert found == (int(scenes), int(choices)), line
    finally:
        conn.close()


def test_check_database_notices_a_missing_session(tmp_path):
    # The checker itself must be able to fail.
    db = tmp_path / "stats.sqlite3"
    with StatsRecorder(db) as recorder:
        kept = recorder.start_session(mode="kiosk", audience="general", players=1)
        recorder.end_session(kept, finished=True)
    with pytest.raises(AssertionError):
        check_database(db, {kept, kept + 1})
