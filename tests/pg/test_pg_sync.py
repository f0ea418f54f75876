"""Sync from kiosks' SQLite files to the county's PostgreSQL: exact, idempotent, resumable."""

import sqlite3
import threading
from datetime import datetime, timezone

import psycopg
import pytest

from game.stats import queries
from game.stats.queries import Filter
from game.stats.sample import fill_sample
from game.stats.site import SiteInfo
from game.stats.sync import BackgroundSyncer, sync_once, sync_status

END = datetime(2024, 5, 31, 12, tzinfo=timezone.utc)
RAW = ("sessions", "scenes", "choices", "checks")
FIGURES = ("completed", "abandoned", "people", "teams", "computer_seats", "scenarios", "spotted", "quiz_answered",
           "safe_choices", "risky_choices", "neutral_choices", "autoplay_left_out")


def device(tmp_path, name, sessions=150, seed=1, site="人民公园", district="城关镇", end=END):
    db = tmp_path / f"{name}.sqlite3"
    fill_sample(db, sessions, seed=seed, end=end, days=20,
                site=SiteInfo(device_id=f"{seed:032x}", site=site, district=district))
    return db


def local_counts(*dbs):
    totals = dict.fromkeys(RAW, 0)
    for db in dbs:
        conn = sqlite3.connect(db)
        closed = "session_id IN (SELECT id FROM sessions WHERE status <> 'open')"
        totals["sessions"] += conn.execute("SELECT COUNT(*) FROM sessions WHERE status <> 'open'").fetchone()[0]
        totals["scenes"] += conn.execute(f"SELECT COUNT(*) FROM scenes WHERE {closed}").fetchone()[0]
        totals["choices"] += conn.execute(
            f"SELECT COUNT(*) FROM choices WHERE scene_id IN (SELECT id FROM scenes WHERE {closed})").fetchone()[0]
        totals["checks"] += conn.execute(f"SELECT COUNT(*) FROM checks WHERE {closed}").fetchone()[0]
        conn.close()
    return totals


def county_counts(url):
    with psycopg.connect(url) as conn:
        return {t: conn.execute(f"SELECT COUNT(*) FROM fanzha.{t}").fetchone()[0] for t in RAW}


def local_figures(*dbs, flt=Filter(include_autoplay=True)):
    """Totals of several kiosks added up (every figure is a sum)."""
    out = {}
    for db in dbs:
        conn = sqlite3.connect(db)
        row = queries.totals(queries.SqliteSource(conn), flt)
        conn.close()
        for key in FIGURES:
            out[key] = out.get(key, 0) + (row[key] or 0)
    return out


def county_figures(url, flt=Filter(include_autoplay=True)):
    with psycopg.connect(url) as conn:
        row = queries.totals(queries.PostgresSource(conn), flt)
    return {k: row[k] for k in FIGURES}


def test_sync_sends_every_closed_game_and_its_records(tmp_path, county):
    db = device(tmp_path, "a")
    result = sync_once(db, county)
    assert result.ok and result.waiting == 0
    assert county_counts(county) == local_counts(db)


def test_county_figures_equal_the_kiosks_figures(tmp_path, county):
    db = device(tmp_path, "a")
    sync_once(db, county)
    assert county_figures(county) == local_figures(db)


def test_open_games_wait_until_they_close(tmp_path, county):
    db = device(tmp_path, "a", sessions=10, end=datetime.now(timezone.utc))
    conn = sqlite3.connect(db)
    conn.execute("UPDATE sessions SET started_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE status = 'open'")
    conn.commit()
    conn.close()
    sync_once(db, county)
    conn = sqlite3.connect(db)
    open_games = conn.execute("SELECT COUNT(*) FROM sessions WHERE status = 'open'").fetchone()[0]
    conn.close()
    assert open_games and county_counts(county)["sessions"] == 10


def test_a_batch_sent_twice_changes_nothing(tmp_path, county):
    db = device(tmp_path, "a")
    sync_once(db, county)
    before = county_figures(county)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE sync_state SET sent_upto = 0")     # as if the local mark had been lost
    conn.commit()
    conn.close()
    again = sync_once(db, county, batch_size=40)
    assert again.ok and again.sent > 0
    assert county_figures(county) == before and county_counts(county) == local_counts(db)


def test_two_devices_syncing_the_same_days_at_once(tmp_path, county):
    a = device(tmp_path, "a", seed=1, site="人民公园", district="城关镇")
    b = device(tmp_path, "b", seed=2, site="第一中学", district="河西镇")
    results = {}
    threads = [threading.Thread(target=lambda d=d: results.update({d: sync_once(d, county, batch_size=25)}))
               for d in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert all(r.ok for r in results.values())
    assert county_counts(county) == local_counts(a, b)
    with psycopg.connect(county) as conn:
        by_site = {r["site"]: r["completed"]
                   for r in queries.breakdown(queries.PostgresSource(conn), Filter(include_autoplay=True), "site")}
    assert by_site == {"人民公园": local_figures(a)["completed"], "第一中学": local_figures(b)["completed"]}


@pytest.mark.parametrize("when", ["before_commit", "after_commit"])
def test_server_stopped_mid_sync_and_started_again(tmp_path, county, pg_cluster, monkeypatch, when):
    from game.stats import sync
    db = device(tmp_path, "a", sessions=300)
    real_send = sync.send_batch
    calls = []

    def send_then_die(pg, batch):
        calls.append(1)
        if len(calls) == 3 and when == "before_commit":
            pg_cluster.stop("immediate")
        real_send(pg, batch)
        if len(calls) == 3 and when == "after_commit":
            pg_cluster.stop("immediate")      # committed there, not yet marked here
            raise psycopg.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(sync, "send_batch", send_then_die)
    first = sync_once(db, county, batch_size=20, timeout_s=2)
    assert not first.ok and first.waiting > 0
    assert sync_status(db, county).last_error
    pg_cluster.start()
    monkeypatch.setattr(sync, "send_batch", real_send)
    second = sync_once(db, county, batch_size=20)
    assert second.ok and second.waiting == 0
    assert county_counts(county) == local_counts(db) and county_figures(county) == local_figures(db)


def test_an_unreachable_server_is_an_error_for_the_operator_not_an_exception(tmp_path):
    db = device(tmp_path, "a", sessions=5)
    result = sync_once(db, "postgresql://nobody@127.0.0.1:1/none?connect_timeout=1")
    assert not result.ok and result.waiting == 7     # 2 games left open long ago were cut off
    assert sync_status(db, "postgresql://nobody@127.0.0.1:1/none?connect_timeout=1").last_error


def test_status_tells_last_sync_and_games_waiting(tmp_path, county):
    db = device(tmp_path, "a", sessions=30)
    assert sync_status(db, county).waiting == 30 and sync_status(db, county).last_ok_at is None
    sync_once(db, county)
    status = sync_status(db, county)
    assert status.waiting == 0 and status.last_ok_at is not None and status.last_error is None


def test_background_syncer_sends_without_the_caller_waiting(tmp_path, county):
    db = device(tmp_path, "a", sessions=40)
    syncer = BackgroundSyncer(db, county, every_s=3600, first_delay_s=0)
    syncer.start()
    try:
        for _ in range(200):
            status = syncer.status()
            if status and status.waiting == 0:
                break
            threading.Event().wait(0.05)
    finally:
        syncer.stop()
    assert syncer.status().waiting == 0 and county_counts(county)["sessions"] == 42   # 2 cut off


def test_report_from_postgresql_equals_report_from_the_kiosk(tmp_path, county):
    from game.cli import main
    db = device(tmp_path, "a", sessions=200)
    sync_once(db, county)
    assert main(["stats", "report", "--db", str(db), "--out", str(tmp_path / "local")]) == 0
    assert main(["stats", "report", "--db", county, "--out", str(tmp_path / "county")]) == 0
    from game.stats.report import CSV_FILES
    for name in CSV_FILES:
        local = (tmp_path / "local" / name).read_text(encoding="utf-8-sig").splitlines()
        central = (tmp_path / "county" / name).read_text(encoding="utf-8-sig").splitlines()
        assert sorted(local) == sorted(central), name
