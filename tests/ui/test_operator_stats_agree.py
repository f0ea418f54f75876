"""The operator's statistics page and ``stats report`` show the same numbers for the same database."""

import csv
from datetime import date, datetime, timedelta, timezone

from game.cli import main
from game.i18n.formatting import percent
from game.stats.sample import fill_sample
from game.ui.modes.operator import OperatorStatsScene

from ui_helpers import finish_jobs, make_app

TODAY = date(2024, 5, 31)


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def page_and_report(tmp_path):
    db = tmp_path / "stats.sqlite3"
    fill_sample(db, 400, seed=5, end=datetime(2024, 5, 31, 12, tzinfo=timezone.utc), days=30)
    app = make_app(mode="kiosk", stats_db=db)
    page = OperatorStatsScene(app, today=TODAY)
    finish_jobs(app)
    assert main(["stats", "report", "--db", str(db), "--out", str(tmp_path / "r")]) == 0
    tiles = [value.text for _, value, _ in page.tiles]
    return tiles, tmp_path / "r"


def test_people_today_this_week_and_in_all_agree(tmp_path):
    tiles, report = page_and_report(tmp_path)
    days = {r["day"]: int(r["people"]) for r in read(report / "sessions_per_day.csv")}
    week = sum(n for d, n in days.items() if d >= (TODAY - timedelta(days=6)).isoformat())
    assert tiles[:3] == [f"{days.get(TODAY.isoformat(), 0):,} 人", f"{week:,} 人", f"{sum(days.values()):,} 人"]


def test_completion_rate_agrees(tmp_path):
    tiles, report = page_and_report(tmp_path)
    [everything] = [r for r in read(report / "completion.csv") if r["mode"] == "all"]
    done, left = int(everything["completed"]), int(everything["abandoned"])
    assert tiles[3] == percent(done / (done + left), "zh_Hans")


def test_safe_choice_rate_agrees(tmp_path):
    tiles, report = page_and_report(tmp_path)
    rows = read(report / "by_audience.csv")
    safe = sum(int(r["safe_choices"]) for r in rows)
    risky = sum(int(r["risky_choices"]) for r in rows)
    assert tiles[4] == percent(safe / (safe + risky), "zh_Hans")
