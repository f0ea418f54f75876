"""The syncing process killed (SIGKILL) at random moments, 20 times: afterwards PostgreSQL holds
exactly what the kiosks hold — nothing lost, nothing doubled."""

import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.stats.sample import fill_sample
from game.stats.site import SiteInfo
from game.stats.sync import sync_once

from test_pg_sync import END, county_counts, county_figures, device, local_counts, local_figures

pytestmark = [pytest.mark.soak, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL semantics are POSIX")]

PROJECT = Path(__file__).resolve().parents[2]
KILLS = 20


def sent_upto(db):
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT MAX(sent_upto) FROM sync_state").fetchone()
        return row[0] or 0
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def test_sync_killed_at_random_points_loses_and_doubles_nothing(tmp_path, county):
    devices = [device(tmp_path, "a", sessions=400, seed=1, site="人民公园"),
               device(tmp_path, "b", sessions=400, seed=2, site="第一中学", district="河西镇")]
    sites = [SiteInfo(f"{1:032x}", "人民公园", "城关镇"), SiteInfo(f"{2:032x}", "第一中学", "河西镇")]
    rng = random.Random(20261204)
    killed = 0
    for i in range(KILLS):
        db = devices[i % 2]
        fill_sample(db, 300, seed=100 + i, end=END, days=20, open_sessions=0, site=sites[i % 2])  # always work
        before = sent_upto(db)
        child = subprocess.Popen([sys.executable, "-m", "game", "stats", "sync", "--db", str(db), "--to", county,
                                  "--batch", "5"], cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while sent_upto(db) == before and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)          # mid-sync: at least one batch is in
        time.sleep(rng.uniform(0.0, 0.4))
        if child.poll() is None:
            child.kill()
            killed += 1
        child.communicate(timeout=30)
    assert killed >= KILLS * 3 // 4, f"only {killed} of {KILLS} syncs were still running when killed"
    for db in devices:
        assert sync_once(db, county).ok
    assert county_counts(county) == local_counts(*devices)
    assert county_figures(county) == local_figures(*devices)
