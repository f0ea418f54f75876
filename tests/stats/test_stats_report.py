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
    expected = conn.execute("SELECT COUNT(*) FROM sessions WHERE mode <> 'autoplay'").fetchone()[0]
    conn.close()
    assert sum(int(r["sessions"]) for r in read_csv(out / "sessions_per_day.csv")) == expected


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
    assert 0 < int(late["sessions"]) < int(everything["sessions"])


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
    assert read_csv(out / "completion.csv")[0]["sessions"] == "1"


def test_summary_command_prints_the_figures(sample_db, capsys):
    assert main(["stats", "summary", "--db", str(sample_db)]) == 0
    assert "完成率" in capsys.readouterr().out


# ---------------------------------------------------------------- the figures

@pytest.fixture
def small_db(tmp_path):
    """Three elderly sessions (two finished), one student session, one autoplay session."""
    db = tmp_path / "small.sqlite3"
    with StatsRecorder(db) as r:
        day = date(2024, 5, 2)
        a = session(r, at(day), finished=True)
        session(r, at(day), finished=False)
        session(r, at(date(2024, 5, 3)), finished=True)
        s = session(r, at(day), audience="students", finished=True)
        session(r, at(day), mode="autoplay", finished=True)
    # Scenes and choices written directly, so the figures below can be checked by hand.
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("INSERT INTO scenes (session_id, kind, item_id, scam_type, ending) VALUES "
                     f"({a}, 'scenario', 'police_safe_account', 'fake_police', 'scammed'),"
                     f"({a}, 'scenario', 'police_safe_account', 'fake_police', 'escaped'),"
                     f"({s}, 'scenario', 'free_skin_qr', 'game_trade', 'scammed')")
        conn.execute("INSERT INTO scenes (session_id, kind, item_id, scam_type, correct, techniques) VALUES "
                     f"({a}, 'quiz', 'quiz_basics:a', 'fake_police', 0, 'urgency,fear')")
        conn.execute("INSERT INTO choices (scene_id, node, choice_index, outcome, ladder, techniques) VALUES "
                     "(1, 'a', 0, 'risky', 'paid', 'authority,fear'),"
                     "(2, 'a', 1, 'safe', 'reported', 'authority'),"
                     "(2, 'b', 2, 'neutral', 'engaged', 'authority')")
    conn.close()
    return db


def test_summary_counts_sessions_and_people_without_autoplay(small_db):
    figures = summary(small_db)
    assert (figures["sessions"], figures["players"], figures["finished"]) == (4, 4, 3)


def test_summary_completion_rate(small_db):
    assert summary(small_db)["completion_rate"] == pytest.approx(3 / 4)


def test_summary_includes_autoplay_when_asked(small_db):
    assert summary(small_db, Filter(include_autoplay=True))["sessions"] == 5


def test_safe_choice_rate_ignores_neutral_choices(small_db):
    assert summary(small_db)["safe_choice_rate"] == pytest.approx(1 / 2)


def test_most_missed_scam_type_counts_scams_and_wrong_answers(small_db):
    [top, *_] = summary(small_db)["top_missed_scam_types"]
    assert (top["scam_type"], top["played"], top["missed"]) == ("fake_police", 3, 2)


def test_missed_techniques_by_audience(small_db):
    from game.stats import queries
    conn = sqlite3.connect(small_db)
    rows = {(r["audience"], r["technique"]): (r["met"], r["missed"])
            for r in queries.missed_techniques(conn, Filter())}
    conn.close()
    assert rows[("elderly", "fear")] == (2, 2)        # one risky choice + one wrong quiz answer
    assert rows[("elderly", "authority")] == (2, 1)   # the neutral choice does not count


def test_by_audience_safe_choice_rate(small_db):
    from game.stats import queries
    conn = sqlite3.connect(small_db)
    rows = {r["audience"]: r for r in queries.by_audience(conn, Filter())}
    conn.close()
    assert rows["elderly"]["safe_choice_rate"] == pytest.approx(0.5)
    assert rows["students"]["scammed_rate"] == pytest.approx(1.0)


def test_summary_since_filter(small_db):
    assert summary(small_db, Filter(since=date(2024, 5, 3)))["sessions"] == 1


def test_summary_of_a_missing_database_raises_a_readable_error(tmp_path):
    with pytest.raises(StatsError, match="找不到"):
        summary(tmp_path / "none.sqlite3")


def test_days_are_local_days(tmp_path, monkeypatch):
    db = tmp_path / "tz.sqlite3"
    with StatsRecorder(db) as r:
        session(r, datetime(2024, 5, 1, 17, 0, tzinfo=timezone.utc))   # 01:00 on 2 May in Beijing
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        from game.stats import queries
        conn = sqlite3.connect(db)
        assert [r["day"] for r in queries.sessions_per_day(conn)] == ["2024-05-02"]
        assert queries.totals(conn, Filter(since=date(2024, 5, 2)))["sessions"] == 1
        conn.close()
    finally:
        monkeypatch.undo()
        time.tzset()
