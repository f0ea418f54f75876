"""A class's learning check in the statistics: one anonymous answer per hand, shares before and after."""

import sqlite3

import pytest

from game.stats import StatsRecorder
from game.stats.facts import check_pairs


def _answers(before, after):
    return ([{"phase": "before", "scam_type": "fake_police", "correct": c} for c in before]
            + [{"phase": "after", "scam_type": "fake_police", "correct": c} for c in after])


def test_a_persons_check_left_half_way_counts_nothing():
    assert check_pairs(_answers([1, 0], [1])) == {}


def test_a_class_with_fewer_hands_after_keeps_its_share_right_after():
    pairs = check_pairs(_answers([1] * 10 + [0] * 30, [1] * 19 + [0] * 19), by_hands=True)
    assert pairs["fake_police"] == {"pairs": 40, "before_right": 10, "after_right": 20}


def test_a_class_with_no_hands_after_counts_nothing():
    assert check_pairs(_answers([1, 0, 0], []), by_hands=True) == {}


@pytest.fixture
def class_session(tmp_path):
    path = tmp_path / "stats.sqlite3"
    with StatsRecorder(path) as r:
        session = r.start_session(mode="classroom", audience="students", players=4, seat_unit="team",
                                  pack="students_junior", board="classroom_teams")
        yield r, session, path


def test_the_hands_are_written_one_row_each(class_session):
    r, session, path = class_session
    assert r.record_check_hands(session, phase="before", item_id="quiz_fake_police:q1", scam_type="fake_police",
                                right=7, wrong=5) == 12
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT correct, COUNT(*) FROM checks GROUP BY correct ORDER BY correct").fetchall() == \
        [(0, 5), (1, 7)]
    conn.close()


def test_a_closed_class_session_has_its_check_facts(class_session):
    r, session, path = class_session
    r.record_check_hands(session, phase="before", item_id="quiz_fake_police:q1", scam_type="fake_police",
                         right=10, wrong=30)
    r.record_check_hands(session, phase="after", item_id="quiz_fake_police:q2", scam_type="fake_police",
                         right=30, wrong=8)
    r.end_session(session, True)
    conn = sqlite3.connect(path)
    row = conn.execute("SELECT pairs, before_right, after_right FROM check_facts WHERE session_id = ?",
                       (session,)).fetchone()
    conn.close()
    assert row == (40, 10, 32)


def test_a_negative_count_of_hands_is_refused(class_session):
    r, session, _ = class_session
    with pytest.raises(ValueError):
        r.record_check_hands(session, phase="before", item_id="quiz_fake_police:q1", scam_type="fake_police",
                             right=-1, wrong=3)
