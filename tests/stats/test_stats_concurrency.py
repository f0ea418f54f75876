import sqlite3
import threading

import pytest

from game.stats import StatsRecorder, open_for_reading, summary


def start(recorder):
    return recorder.start_session(mode="kiosk", audience="general", players=1)


def test_reader_is_not_blocked_by_an_open_write_transaction(tmp_path):
    db = tmp_path / "stats.sqlite3"
    with StatsRecorder(db) as r:
        r.end_session(start(r), finished=True)
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    # closed sessions cannot change, so the uncommitted write is a second closed game
    writer.execute("INSERT INTO sessions (started_at, mode, audience, locale, players, local_day, status, "
                   "completed) SELECT started_at, mode, audience, locale, players, local_day, 'completed', 1 "
                   "FROM sessions")
    figures = summary(db)   # a reader that waited for the writer would hang here, never return
    writer.execute("ROLLBACK")
    writer.close()
    assert figures["completed"] == 1   # the uncommitted change is not seen


def test_recorder_writes_while_a_reader_is_mid_query(tmp_path):
    db = tmp_path / "stats.sqlite3"
    with StatsRecorder(db) as r:
        start(r)
        reader = open_for_reading(db)
        reader.execute("BEGIN")
        assert reader.execute("SELECT COUNT(*) FROM sessions").fetchone() == (1,)
        assert start(r) is not None and r.last_error is None
        reader.execute("COMMIT")
        assert reader.execute("SELECT COUNT(*) FROM sessions").fetchone() == (2,)
        reader.close()


def test_recorder_waits_for_another_writer_instead_of_failing(tmp_path):
    db = tmp_path / "stats.sqlite3"
    with StatsRecorder(db) as r:
        other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
        release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
        release.start()
        try:
            assert start(r) is not None and r.last_error is None
        finally:
            release.join()
            other.close()


def test_reader_connection_cannot_write(tmp_path):
    db = tmp_path / "stats.sqlite3"
    StatsRecorder(db).close()
    reader = open_for_reading(db)
    try:
        with pytest.raises(sqlite3.OperationalError):
            reader.execute("DELETE FROM sessions")
    finally:
        reader.close()
