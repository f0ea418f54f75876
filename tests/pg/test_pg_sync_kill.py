"""The syncing process killed (SIGKILL) at random moments, 20 times: afterwards PostgreSQL holds
exactly what the kiosks hold — nothing lost, nothing doubled."""

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.stats.sync import sync_once

from test_pg_sync import county_counts, county_figures, device, local_counts, local_figures

pytestmark = [pytest.mark.soak, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL semantics are POSIX")]

PROJECT = Path(__file__).resolve().parents[2]
KILLS = 20


def test_sync_killed_at_random_points_loses_and_doubles_nothing(tmp_path, county):
    devices = [device(tmp_path, "a", sessions=4000, seed=1, site="人民公园"),
               device(tmp_path, "b", sessions=4000, seed=2, site="第一中学", district="河西镇")]
    rng = random.Random(20261204)
    killed = 0
    for i in range(KILLS):
        db = devices[i % 2]
        child = subprocess.Popen([sys.executable, "-m", "game", "stats", "sync", "--db", str(db), "--to", county,
                                  "--batch", "5"], cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.4, 1.5))
        if child.poll() is None:
            child.kill()
            killed += 1
        child.communicate(timeout=30)
    assert killed >= KILLS // 2, "most syncs finished before the kill: the test proved little"
    for db in devices:
        assert sync_once(db, county).ok
    assert county_counts(county) == local_counts(*devices)
    assert county_figures(county) == local_figures(*devices)
