import csv
import sqlite3
import time
from datetime import date, datetime, timezone

import pygame
import pytest

from game.cli import main
from game.stats import Filter, StatsError, StatsRecorder, summary
from game.stats.report import CSV_FILES, PNG_FILES
from game.stats.sample import fill_sample


@pytest.fixture
def sample_db(tmp_path):
    db = tmp_path / "stats.sqlite3"
    fill_sample(db, 300, seed=11, end=datetime(2024, 5, 31, 12, tzinfo=timezone.utc), days=30)
    return db


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def session(recorder, when, *, audience="elderly", mode="kiosk", finished=True):
    recorder._clock = lambda: when
    sid = recorder.start_session(mode=mode, audience=audience, players=1)
    recorder.end_session(sid, finished=finished, duration_s=300)
    return sid


def at(day, hour=4):
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.utc)


# ---------------------------------------------------------------- the command

def test_report_writes_every_csv_and_png(sample_db, tmp_path):
    out = tmp_path / "report"
    assert main(["stats", "report", "--db", str(sample_db), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(CSV_FILES + PNG_FILES)


def test_report_charts_are_real_images(sample_db, tmp_path):
    out = tmp_path / "report"
    main(["stats", "report", "--db", str(sample_db), "--out", str(out)])
    for name in PNG_FILES:
        image = pygame.image.load(str(out / name))
        assert image.get_width() >= 1000 and image.get_height() >= 700
        # Not a blank page: more than a handful of colours were drawn.
        colours = {image.get_at((x, y))[:3] for x in range(0, image.get_width(), 7)
                   for y in range(0, image.get_height(), 7)}
        assert len(colours) > 10, name


def test_report_on_an_empty_database_still_writes_everything(tmp_path):
    db = tmp_path / "stats.sqlite3"
    StatsRecorder(db).close()
    out = tmp_path / "report"
    assert main(["stats", "report", "--db", str(db), "--out", str(out)]) == 0
    assert len(list(out.iterdir())) == len(CSV_FILES) + len(PNG_FILES)
    assert read_csv(out / "sessions_per_day.csv") == []


def test_sessions_per_day_csv_counts_every_person_facing_session(sample_db, tmp_path):
    out = tmp_path / "report"
    main(["stats", "report", "--db", str(sample_db), "--out", str(out)])
    conn = sqlite3.connect(sample_db)
    expected = conn.execute("SELECT COUNT(*) FROM sessions WHERE mode <> 'autoplay' AND status <> 'open'"
                            ).fetchone()[0]
    conn.close()
    days = read_csv(out / "sessions_per_day.csv")
    assert sum(int(r["completed"]) + int(r["abandoned"]) for r in days) == expected


def test_since_leaves_out_earlier_days(sample_db, tmp_path):
    out = tmp_path / "report"
    assert main(["stats", "report", "--db", str(sample_db), "--since", "2024-05-20", "--out", str(out)]) == 0
    days = [r["day"] for r in read_csv(out / "sessions_per_day.csv")]
    assert days and min(days) >= "2024-05-20"


def test_since_changes_the_totals(sample_db, tmp_path):
    main(["stats", "report", "--db", str(sample_db), "--out", str(tmp_path / "all")])
    main(["stats", "report", "--db", str(sample_db), "--since", "2024-05-20", "--out", str(tmp_path / "late")])
    everything = read_csv(tmp_path / "all" / "completion.csv")[0]
    late = read_csv(tmp_path / "late" / "completion.csv")[0]
    assert 0 < int(late["completed"]) < int(everything["completed"])


def test_until_leaves_out_later_days(sample_db, tmp_path):
    out = tmp_path / "report"
    main(["stats", "report", "--db", str(sample_db), "--until", "2024-05-10", "--out", str(out)])
    days = [r["day"] for r in read_csv(out / "sessions_per_day.csv")]
    assert days and max(days) <= "2024-05-10"


def test_missing_database_is_a_clear_error(tmp_path, capsys):
    code = main(["stats", "report", "--db", str(tmp_path / "nope.sqlite3"), "--out", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert code == 1
    assert "nope.sqlite3" in err and "Traceback" not in err


def test_missing_database_is_not_created(tmp_path):
    main(["stats", "report", "--db", str(tmp_path / "nope.sqlite3"), "--out", str(tmp_path / "r")])
    assert not (tmp_path / "nope.sqlite3").exists()


def test_corrupt_database_is_a_clear_error(tmp_path, capsys):
    db = tmp_path / "stats.sqlite3"
    db.write_bytes(b"garbage" * 1000)
    code = main(["stats", "report", "--db", str(db), "--out", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert code == 1 and "损坏" in err and "Traceback" not in err


def test_report_never_sets_the_database_aside(tmp_path):
    db = tmp_path / "stats.sqlite3"
    db.write_bytes(b"garbage" * 1000)
    main(["stats", "report", "--db", str(db), "--out", str(tmp_path / "r")])
    assert db.read_bytes() == b"garbage" * 1000


def test_bad_date_is_a_usage_error(sample_db, tmp_path, capsys):
    code = main(["stats", "report", "--db", str(sample_db), "--since", "May 1st", "--out", str(tmp_path / "r")])
    assert code == 2 and "YYYY-MM-DD" in capsys.readouterr().err


def test_since_after_until_is_a_usage_error(sample_db, tmp_path):
    assert main(["stats", "report", "--db", str(sample_db), "--since", "2024-05-20", "--until", "2024-05-01",
                 "--out", str(tmp_path / "r")]) == 2


def test_missing_out_is_a_usage_error(sample_db):
    assert main(["stats", "report", "--db", str(sample_db)]) == 2


def test_out_that_is_a_file_is_a_usage_error(sample_db, tmp_path, capsys):
    target = tmp_path / "file.txt"
    target.write_text("x")
    assert main(["stats", "report", "--db", str(sample_db), "--out", str(target)]) == 2
    assert "folder" in capsys.readouterr().err


def test_stats_without_an_action_is_a_usage_error(capsys):
    assert main(["stats"]) == 2
    assert "report" in capsys.readouterr().err


def test_report_uses_the_default_database(tmp_path):
    with StatsRecorder() as r:
        session(r, at(date(2024, 5, 2)))
    out = tmp_path / "report"
    assert main(["stats", "report", "--out", str(out)]) == 0
    assert read_csv(out / "completion.csv")[0]["completed"] == "1"


def test_summary_command_prints_the_figures(sample_db, capsys):
    assert main(["stats", "summary", "--db", str(sample_db)]) == 0
    assert "完成率" in capsys.readouterr().out


# ---------------------------------------------------------------- the figures (docs/statistics.md)

def game(recorder, when=None, *, audience="elderly", mode="kiosk", finished=True, players=1, computers=0,
         scenes=(), quizzes=(), seat_unit="person"):
    """One game; ``scenes``: (scam_type, ending, [(outcome, techniques)]), ``quizzes``: (scam_type, correct, techniques)."""
    if when is not None:
        recorder._clock = lambda: when
    sid = recorder.start_session(mode=mode, audience=audience, players=players, computers=computers,
                                 seat_unit=seat_unit)
    for scam_type, ending, choices in scenes:
        scene = recorder.begin_scene(sid, kind="scenario", item_id="police_safe_account", scam_type=scam_type)
        for outcome, techniques in choices:
            recorder.record_choice(scene, node="a", choice_index=0, outcome=outcome,
                                   ladder="paid" if outcome == "risky" else "ignored", techniques=techniques)
        recorder.end_scene(scene, ending=ending)
    for scam_type, correct, techniques in quizzes:
        recorder.record_scene(sid, kind="quiz", item_id="quiz_basics:a", scam_type=scam_type, correct=correct,
                              techniques=techniques)
    recorder.end_session(sid, finished=finished, duration_s=300)
    return sid


def figures(db, flt=Filter()):
    return summary(db, flt, today=date(2024, 5, 3))


def test_a_computer_seat_is_not_a_person(tmp_path):
    db = tmp_path / "s.sqlite3"
    with StatsRecorder(db) as r:
        game(r, at(date(2024, 5, 2)), players=2, computers=1)
    f = figures(db)
    assert (f["people"], f["computer_seats"]) == (1, 1)


def test_an_abandoned_game_is_not_a_game_played(tmp_path):
    db = tmp_path / "s.sqlite3"
    with StatsRecorder(db) as r:
        game(r, at(date(2024, 5, 2)), finished=False)
    f = figures(db)
    assert (f["completed"], f["abandoned"], f["people"]) == (0, 1, 0)


def test_an_open_game_counts_nowhere_until_it_closes(tmp_path):
    db = tmp_path / "s.sqlite3"
    with StatsRecorder(db) as r:
        r._clock = lambda: at(date(2024, 5, 2))
        r.start_session(mode="kiosk", audience="elderly", players=1)
        f = figures(db)
    assert (f["games"], f["open_games"]) == (0, 1)


def test_classroom_seats_are_teams_not_people(tmp_path):
    db = tmp_path / "s.sqlite3"
    with StatsRecorder(db) as r:
        game(r, at(date(2024, 5, 2)), mode="classroom", audience="students", players=4, seat_unit="team")
    f = figures(db)
    assert (f["people"], f["teams"]) == (0, 4)


def test_autoplay_is_left_out_and_said_to_be(tmp_path):
    db = tmp_path / "s.sqlite3"
    with StatsRecorder(db) as r:
        game(r, at(date(2024, 5, 2)), mode="autoplay", players=2, computers=2)
    f = figures(db)
    assert (f["games"], f["autoplay_left_out"]) == (0, 1)


def test_autoplay_included_when_asked_still_reaches_nobody(tmp_path):
    db = tmp_path / "s.sqlite3"
    with StatsRecorder(db) as r:
        game(r, at(date(2024, 5, 2)), mode="autoplay", players=2, computers=2)
    f = figures(db, Filter(include_autoplay=True))
    assert (f["completed"], f["people"]) == (1, 0)


def test_completion_rate_needs_five_games(tmp_path):
    db = tmp_path / "s.sqlite3"
    with StatsRecorder(db) as r:
        for finished in (True, True, True, False):
            game(r, at(date(2024, 5, 2)), finished=finished)
        assert figures(db)["completion_rate"] is None
        game(r, at(date(2024, 5, 2)))
    assert figures(db)["completion_rate"] == pytest.approx(4 / 5)


@pytest.fixture
def played_db(tmp_path):
    """Six elderly games: fake_police scammed 4 times, escaped twice; a wrong and a right fake_police quiz
    answer; choices: 4 risky (authority, fear), 2 safe (authority), 6 neutral (authority)."""
    db = tmp_path / "played.sqlite3"
    with StatsRecorder(db) as r:
        for i in range(6):
            ending = "scammed" if i < 4 else "escaped"
            choice = ("risky", ["authority", "fear"]) if i < 4 else ("safe", ["authority"])
            game(r, at(date(2024, 5, 2 + i % 2)), scenes=[("fake_police", ending, [choice, ("neutral", ["authority"])])],
                 quizzes=[("fake_police", i == 0, ["fear"])] if i < 2 else ())
    return db


def test_safe_choice_rate_ignores_neutral_choices(played_db):
    assert figures(played_db)["safe_choice_rate"] == pytest.approx(2 / 6)


def test_most_missed_scam_type_counts_scams_and_wrong_answers(played_db):
    [top] = figures(played_db)["top_missed_scam_types"]
    assert (top["scam_type"], top["played"], top["missed"]) == ("fake_police", 8, 5)


def test_missed_techniques_count_risky_choices_and_wrong_answers(played_db):
    rows = {r["technique"]: (r["met"], r["missed"]) for r in figures(played_db)["top_missed_techniques"]}
    assert rows["fear"] == (6, 5)          # four risky choices + two quiz answers, one of them wrong
    assert rows["authority"] == (6, 4)     # the neutral choices count neither way


def test_a_scam_type_with_fewer_than_five_cases_is_not_listed(tmp_path):
    db = tmp_path / "s.sqlite3"
    with StatsRecorder(db) as r:
        for _ in range(4):
            game(r, at(date(2024, 5, 2)), scenes=[("fake_police", "scammed", [("risky", ["fear"])])])
    f = figures(db)
    assert f["top_missed_scam_types"] == [] and f["scammed"] is None


def test_no_one_fooled_and_a_technique_that_worked_cannot_both_be_shown(played_db):
    # The old operator page said "nobody fell for it" beside "fear worked 3 times".
    f = figures(played_db)
    assert bool(f["top_missed_scam_types"]) == bool(f["top_missed_techniques"]) == bool(f["scammed"])


def test_by_audience_rates(played_db):
    [elderly] = figures(played_db)["by_audience"]
    assert elderly["scammed_rate"] == pytest.approx(4 / 6)


def test_summary_since_filter(played_db):
    assert figures(played_db, Filter(since=date(2024, 5, 3)))["completed"] == 3


def test_today_and_week_count_people(played_db):
    f = figures(played_db)
    assert (f["people_today"], f["people_week"]) == (3, 6)


def test_summary_of_a_missing_database_raises_a_readable_error(tmp_path):
    with pytest.raises(StatsError, match="找不到"):
        summary(tmp_path / "none.sqlite3")


def test_days_are_the_kiosks_local_days(tmp_path, monkeypatch):
    db = tmp_path / "tz.sqlite3"
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        with StatsRecorder(db) as r:
            game(r, datetime(2024, 5, 1, 17, 0, tzinfo=timezone.utc))   # 01:00 on 2 May in Beijing
        from game.stats import queries
        conn = sqlite3.connect(db)
        src = queries.SqliteSource(conn)
        assert [r["local_day"] for r in queries.breakdown(src, Filter(), "local_day")] == ["2024-05-02"]
        assert queries.totals(src, Filter(since=date(2024, 5, 2)))["completed"] == 1
        conn.close()
    finally:
        monkeypatch.undo()
        time.tzset()
