import logging
import sqlite3
from datetime import datetime, timezone

import pytest

from game.paths import user_data_dir
from game.stats import ChoiceRecord, StatsRecorder


@pytest.fixture
def db(tmp_path):
    return tmp_path / "stats.sqlite3"


@pytest.fixture
def recorder(db):
    with StatsRecorder(db) as r:
        yield r


def rows(db, sql, params=()):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def start(recorder, **overrides):
    args = dict(mode="kiosk", audience="elderly", players=2, pack="elderly", board="park_simple")
    args.update(overrides)
    return recorder.start_session(**args)


def test_default_database_is_in_the_user_data_folder():
    with StatsRecorder() as r:
        assert r.path == user_data_dir() / "stats.sqlite3"
        assert r.path.exists()


def test_session_is_read_back(recorder, db):
    session = start(recorder, locale="en")
    recorder.end_session(session, finished=True, duration_s=321.5)
    [row] = rows(db, "SELECT mode, pack, audience, locale, board, players, finished, duration_s FROM sessions")
    assert row == ("kiosk", "elderly", "elderly", "en", "park_simple", 2, 1, 321.5)


def test_session_times_are_utc_iso(db):
    moment = datetime(2024, 5, 1, 8, 30, 5, tzinfo=timezone.utc)
    with StatsRecorder(db, clock=lambda: moment) as r:
        r.end_session(start(r), finished=False)
    assert rows(db, "SELECT started_at, ended_at FROM sessions") == [("2024-05-01T08:30:05Z",) * 2]


def test_session_duration_defaults_to_time_since_start(db):
    now = [100.0]
    with StatsRecorder(db, timer=lambda: now[0]) as r:
        session = start(r)
        now[0] = 190.0
        r.end_session(session, finished=True)
    assert rows(db, "SELECT duration_s FROM sessions") == [(90.0,)]


def test_unfinished_session_is_kept_as_not_finished(recorder, db):
    start(recorder)
    assert rows(db, "SELECT finished, ended_at FROM sessions") == [(0, None)]


def test_scene_with_choices_is_read_back(recorder, db):
    session = start(recorder)
    scene = recorder.begin_scene(session, kind="scenario", item_id="police_safe_account", scam_type="fake_police")
    recorder.record_choice(scene, node="call", choice_index=0, outcome="risky", ladder="engaged",
                           techniques=["authority", "fear"], duration_s=12)
    recorder.record_choice(scene, node="pay", choice_index=1, outcome="safe", ladder="reported")
    recorder.end_scene(scene, ending="reported", duration_s=40)
    assert rows(db, "SELECT kind, item_id, scam_type, ending, correct, money_lost, furthest, duration_s "
                    "FROM scenes") == [("scenario", "police_safe_account", "fake_police", "reported", None, 0,
                                        "engaged", 40.0)]
    assert rows(db, "SELECT node, choice_index, outcome, ladder, techniques FROM choices ORDER BY id") == [
        ("call", 0, "risky", "engaged", "authority,fear"), ("pay", 1, "safe", "reported", "")]


def test_furthest_step_is_the_deepest_choice(recorder, db):
    scene = recorder.begin_scene(start(recorder), kind="scenario", item_id="etc_link_sms")
    for ladder in ("engaged", "paid", "reported"):
        recorder.record_choice(scene, node="n", choice_index=0, outcome="risky", ladder=ladder)
    recorder.end_scene(scene, ending="scammed", money_lost=2000)
    assert rows(db, "SELECT furthest, money_lost FROM scenes") == [("paid", 2000)]


def test_record_scene_writes_scene_and_choices_together(recorder, db):
    session = start(recorder)
    recorder.record_scene(session, kind="scenario", item_id="grandson_face_swap", scam_type="ai_face_swap",
                          ending="scammed", money_lost=5000,
                          choices=[ChoiceRecord("video", 0, "risky", "paid", ("trust_borrowing",))])
    assert rows(db, "SELECT ending, furthest FROM scenes") == [("scammed", "paid")]
    assert rows(db, "SELECT ladder, techniques FROM choices") == [("paid", "trust_borrowing")]


def test_quiz_answer_is_recorded(recorder, db):
    recorder.record_scene(start(recorder), kind="quiz", item_id="quiz_basics:call_from_96110",
                          correct=False, techniques=["urgency"])
    assert rows(db, "SELECT kind, item_id, correct, ending, techniques FROM scenes") == [
        ("quiz", "quiz_basics:call_from_96110", 0, None, "urgency")]


@pytest.mark.parametrize("bad", [
    dict(mode="party"), dict(audience="children"), dict(players=0), dict(pack="王老师的班"),
    dict(board="Class 3B"), dict(locale="zh Hans"),
])
def test_bad_session_values_are_refused(recorder, bad):
    with pytest.raises(ValueError):
        start(recorder, **bad)


def test_free_text_cannot_be_stored_as_a_node(recorder):
    scene = recorder.begin_scene(start(recorder), kind="scenario", item_id="etc_link_sms")
    with pytest.raises(ValueError):
        recorder.record_choice(scene, node="张三", choice_index=0, outcome="safe", ladder="ignored")


def test_unknown_technique_is_refused(recorder):
    scene = recorder.begin_scene(start(recorder), kind="scenario", item_id="etc_link_sms")
    with pytest.raises(ValueError):
        recorder.record_choice(scene, node="a", choice_index=0, outcome="safe", ladder="ignored",
                               techniques=["hypnosis"])


def test_quiz_cannot_have_an_ending(recorder):
    with pytest.raises(ValueError):
        recorder.record_scene(start(recorder), kind="quiz", item_id="quiz_basics:x", ending="escaped")


def test_ended_session_takes_no_more_scenes(recorder, db):
    session = start(recorder)
    recorder.end_session(session, finished=True)
    assert recorder.record_scene(session, kind="quiz", item_id="quiz_basics:x", correct=True) is None
    assert rows(db, "SELECT COUNT(*) FROM scenes") == [(0,)]


def test_calls_with_no_session_are_ignored(recorder, db):
    assert recorder.begin_scene(None, kind="quiz", item_id="quiz_basics:x") is None
    assert recorder.end_session(None, finished=True) is False


def test_each_call_is_committed_at_once(recorder, db):
    session = start(recorder)
    recorder.record_scene(session, kind="quiz", item_id="quiz_basics:x", correct=True)
    # A second connection sees the rows while the recorder is still open.
    assert rows(db, "SELECT COUNT(*) FROM scenes") == [(1,)]


def test_wal_mode_is_on(recorder, db):
    assert rows(db, "PRAGMA journal_mode") == [("wal",)]


def test_schema_version_is_set(recorder, db):
    assert rows(db, "PRAGMA user_version") == [(2,)]


def test_foreign_keys_are_enforced(recorder):
    conn = recorder._conn
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO scenes (session_id, kind, item_id) VALUES (999, 'quiz', 'q')")


def test_integrity_check_is_ok_after_recording(recorder, db):
    session = start(recorder)
    recorder.record_scene(session, kind="quiz", item_id="quiz_basics:x", correct=True)
    recorder.end_session(session, finished=True)
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]


def test_reopening_keeps_earlier_sessions(db):
    with StatsRecorder(db) as r:
        r.end_session(start(r), finished=True)
    with StatsRecorder(db) as r:
        r.end_session(start(r), finished=True)
        assert r.notice is None
    assert rows(db, "SELECT COUNT(*) FROM sessions") == [(2,)]


def test_corrupt_database_is_set_aside_and_replaced(db):
    db.write_bytes(b"this is not a database" * 100)
    with StatsRecorder(db) as r:
        assert r.available
        assert r.notice and "统计数据库损坏" in r.notice
    [aside] = [p for p in db.parent.iterdir() if p.name.startswith("stats.sqlite3.bad-")]
    assert aside.read_bytes() == b"this is not a database" * 100
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]


def test_damaged_pages_are_detected_at_open(db):
    with StatsRecorder(db) as r:
        for _ in range(300):
            r.record_scene(start(r), kind="quiz", item_id="quiz_basics:x", correct=True)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    page = 4096
    data[3 * page:5 * page] = b"\x5a" * (2 * page)   # scribble over table pages, keep the header
    db.write_bytes(bytes(data))
    with StatsRecorder(db) as r:
        assert r.notice and r.available


def test_unwritable_location_turns_statistics_off_without_raising(tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with caplog.at_level(logging.WARNING, logger="game.stats"):
        r = StatsRecorder(blocker / "stats.sqlite3")
    assert not r.available and r.last_error
    assert start(r) is None


def test_only_credit_steps_count_as_ignored(recorder, db):
    scene = recorder.begin_scene(start(recorder), kind="scenario", item_id="etc_link_sms")
    recorder.record_choice(scene, node="n", choice_index=0, outcome="safe", ladder="verified")
    recorder.end_scene(scene, ending="escaped")
    assert rows(db, "SELECT furthest FROM scenes") == [("ignored",)]


# ---------------------------------------------------------------- results from the rules engine

def _tiny_scenario():
    from game.content.models import (
        Channel, Choice, Ending, EndingOutcome, Ladder, Node, Outcome, Scenario, Technique,
    )
    def choice(to, outcome, ladder, money=0, techniques=(Technique.URGENCY,)):
        return Choice(text=to, to=to, outcome=outcome, money=money, ladder=ladder, techniques=techniques,
                      feedback="")
    def ending(node_id, outcome):
        return Node(node_id, Channel.SMS, None, (), (), Ending(outcome, ""))
    nodes = {
        "sms": Node("sms", Channel.SMS, None, (), (
            choice("ignore", Outcome.SAFE, Ladder.IGNORED),
            choice("click", Outcome.RISKY, Ladder.ENGAGED, techniques=(Technique.URGENCY, Technique.FEAR)),
        ), None),
        "click": Node("click", Channel.PAYMENT, None, (), (
            choice("report", Outcome.SAFE, Ladder.REPORTED),
            choice("pay", Outcome.RISKY, Ladder.PAID, money=800),
        ), None),
        "ignore": ending("ignore", EndingOutcome.ESCAPED),
        "report": ending("report", EndingOutcome.REPORTED),
        "pay": ending("pay", EndingOutcome.SCAMMED),
    }
    return Scenario("etc_link_sms", "ETC", "phishing_link", (), "", 5000, "sms", nodes)


def test_scenario_runner_result_is_recorded_with_nodes_and_indexes(recorder, db):
    scenes = pytest.importorskip("game.rules.scenes")
    scenario = _tiny_scenario()
    runner = scenes.ScenarioRunner(scenario)
    runner.choose(1)
    runner.choose(1)
    recorder.record_result(start(recorder), runner.result(), scenario=scenario)
    assert rows(db, "SELECT item_id, scam_type, ending, money_lost, furthest FROM scenes") == [
        ("etc_link_sms", "phishing_link", "scammed", 800, "paid")]
    assert rows(db, "SELECT node, choice_index, outcome, techniques FROM choices ORDER BY id") == [
        ("sms", 1, "risky", "urgency,fear"), ("click", 1, "risky", "urgency")]


def test_scenario_result_with_choices_needs_its_scenario(recorder):
    scenes = pytest.importorskip("game.rules.scenes")
    runner = scenes.ScenarioRunner(_tiny_scenario())
    runner.choose(0)
    with pytest.raises(ValueError):
        recorder.record_result(start(recorder), runner.result())


def test_quiz_runner_result_is_recorded(recorder, db):
    scenes = pytest.importorskip("game.rules.scenes")
    from game.content.models import QuizItem, Technique
    item = QuizItem("call_from_96110", "?", ("a", "b"), 1, "", (Technique.URGENCY,))
    runner = scenes.QuizRunner(item, "quiz_basics", 0, scam_type=None)
    runner.answer(0)
    recorder.record_result(start(recorder), runner.result())
    assert rows(db, "SELECT kind, item_id, correct, techniques FROM scenes") == [
        ("quiz", "quiz_basics#0", 0, "urgency")]


def test_database_from_a_newer_game_is_left_alone(db):
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = db.read_bytes()
    r = StatsRecorder(db)
    assert not r.available and "更新版本" in r.last_error
    assert db.read_bytes() == before
    assert not [p for p in db.parent.iterdir() if ".bad-" in p.name]


def test_scene_left_open_takes_no_choices_after_its_session_ended(recorder, db):
    session = start(recorder)
    scene = recorder.begin_scene(session, kind="scenario", item_id="etc_link_sms")
    recorder.end_session(session, finished=False)
    assert recorder.record_choice(scene, node="a", choice_index=0, outcome="safe", ladder="ignored") is None
    assert rows(db, "SELECT ending FROM scenes") == [(None,)]


def test_a_version_1_database_is_upgraded_with_its_games_counted(db):
    from game.stats.schema import MIGRATIONS, _statements
    conn = sqlite3.connect(db, isolation_level=None)
    for statement in _statements(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO sessions (started_at, ended_at, mode, audience, locale, players, finished) "
                 "VALUES ('2024-05-01T08:00:00Z', '2024-05-01T08:10:00Z', 'kiosk', 'elderly', 'zh_Hans', 2, 1)")
    conn.close()
    StatsRecorder(db).close()
    assert rows(db, "SELECT status, humans, people, completed, length(uuid) FROM sessions") == [
        ("completed", 2, 2, 1, 32)]
