"""The HTML dashboard: one self-contained file, and Debian's headless Chromium draws its charts."""

import os
import shutil
import subprocess
from datetime import datetime, timezone

import pygame
import pytest

from game.cli import main
from game.stats.chartspec import BAR, SERIES_COLOURS
from game.stats.sample import fill_sample

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]


@pytest.fixture
def dashboard(tmp_path):
    db = tmp_path / "stats.sqlite3"
    fill_sample(db, 400, seed=4, end=datetime(2024, 5, 31, 12, tzinfo=timezone.utc), days=30)
    out = tmp_path / "report"
    assert main(["stats", "report", "--db", str(db), "--out", str(out), "--html"]) == 0
    return out / "index.html"


def test_the_dashboard_needs_no_network(dashboard):
    html = dashboard.read_text(encoding="utf-8")
    assert "<svg" in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html and "<script" not in html


def test_the_dashboard_is_in_chinese_first(dashboard):
    html = dashboard.read_text(encoding="utf-8")
    assert "lang='zh-Hans'" in html and "完成的游戏" in html


def test_an_empty_database_says_why_there_are_no_charts(tmp_path):
    from game.stats import StatsRecorder
    db = tmp_path / "stats.sqlite3"
    with StatsRecorder(db) as r:
        sid = r.start_session(mode="autoplay", audience="elderly", players=2, computers=2)
        r.end_session(sid, finished=True)
    assert main(["stats", "report", "--db", str(db), "--out", str(tmp_path / "r"), "--html"]) == 0
    assert "电脑自动演示的 1 场不计入" in (tmp_path / "r" / "index.html").read_text(encoding="utf-8")


def chromium():
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        reason = "Debian's chromium is not installed (run .ci/postgres.sh, or apt-get install chromium)"
        if os.environ.get("FANZHA_REQUIRE_CHROMIUM") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return found


def test_headless_chromium_shows_the_charts(dashboard, tmp_path):
    shot = tmp_path / "shot.png"
    profile = tmp_path / "profile"
    profile.mkdir()
    done = subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1100,3000",
                           f"--screenshot={shot}", dashboard.as_uri()], capture_output=True, text=True, timeout=120)
    assert shot.exists(), done.stderr[-2000:]
    image = pygame.image.load(str(shot))
    counts = {colour: 0 for colour in (BAR, *SERIES_COLOURS[:4])}
    for y in range(0, image.get_height(), 3):
        for x in range(0, image.get_width(), 3):
            rgb = tuple(image.get_at((x, y)))[:3]
            for colour in counts:
                if max(abs(a - b) for a, b in zip(rgb, colour)) <= 6:
                    counts[colour] += 1
    assert counts[BAR] > 2000, counts                       # the blue bars of the per-day and rate charts
    assert sum(1 for c in SERIES_COLOURS[:4] if counts[c] > 50) >= 3, counts   # the audiences' bars
