"""The classroom's pure rules: the class's vote, the lesson's length, the debrief's numbers and CSV rows."""

import pytest

from game.rules.classroom import CLASS_MAJORITY, SCENE_SECONDS, TEAM_DECIDES, TURN_SECONDS, LessonPlan, Vote
from game.rules.classroom_debrief import (WHOLE_CLASS, Decision, PlayedScene, csv_rows, most_missed_scam_types,
                                          most_missed_techniques, star_teams, team_lines)


def test_the_class_majority_plays_the_most_voted_option():
    vote = Vote(3, [5, 12, 20])
    assert vote.decided(CLASS_MAJORITY) == 2


def test_a_tie_at_the_top_leaves_the_choice_to_the_team():
    assert Vote(3, [9, 9, 2]).decided(CLASS_MAJORITY) is None


def test_under_team_decides_the_vote_never_plays_a_choice():
    assert Vote(2, [1, 30]).decided(TEAM_DECIDES) is None


def test_counts_never_go_below_zero_and_stop_changing_once_closed():
    vote = Vote(2)
    vote.add(0, -1)
    vote.add(1, 3)
    vote.closed = True
    vote.add(1, 1)
    assert vote.counts == [0, 3]


def test_shares_add_up_to_one():
    assert sum(Vote(3, [1, 2, 3]).shares()) == pytest.approx(1.0)


def test_a_timed_lesson_starts_no_turn_whose_scene_would_run_past_the_end():
    plan = LessonPlan(minutes=25)
    assert plan.room_for_scene(25 * 60 - SCENE_SECONDS - TURN_SECONDS, 0)
    assert not plan.room_for_scene(25 * 60 - SCENE_SECONDS - TURN_SECONDS + 1, 0)


def test_a_lesson_of_scenes_ends_after_that_many():
    plan = LessonPlan(scenes=3)
    assert plan.room_for_scene(10_000, 2) and plan.over(0, 3)


def test_a_lesson_is_minutes_or_scenes_not_both():
    with pytest.raises(ValueError):
        LessonPlan(minutes=15, scenes=4)


def _decision(chosen, outcomes=("risky", "neutral", "safe"), counts=None, techniques=()):
    return Decision(("a", "b", "c"), outcomes, 2, chosen, counts, techniques)


def _scene(n, team, safe, decisions, scam="sms_link"):
    return PlayedScene(n, team, "scenario", f"s{n}", f"title {n}", scam, tuple(decisions), safe, "call 110")


def test_safe_neutral_and_risky_add_up_to_the_decisions():
    played = [_scene(1, 0, True, [_decision(2), _decision(1)]), _scene(2, 0, False, [_decision(0)])]
    line = team_lines(played, 2)[0]
    assert (line.safe, line.neutral, line.risky, line.decisions) == (1, 1, 1, 3)


def test_the_star_goes_to_the_higher_safe_rate_not_the_more_scenes():
    played = [_scene(1, 0, True, [_decision(2)] * 2 + [_decision(0)]),            # 67 %
              _scene(2, 1, True, [_decision(2)] * 6 + [_decision(0)] * 7)]         # 46 %
    assert star_teams(team_lines(played, 2)) == {0}


def test_a_team_with_too_few_decisions_gets_no_star():
    played = [_scene(1, 0, True, [_decision(2)]), _scene(2, 1, True, [_decision(2), _decision(0)])]
    assert star_teams(team_lines(played, 2)) == {1}


def test_skipped_scenes_count_neither_spotted_nor_missed():
    line = team_lines([_scene(1, 0, None, [])], 1)[0]
    assert (line.scenes, line.spotted, line.missed) == (0, 0, 0)


def test_most_missed_scam_types_come_first():
    played = [_scene(1, 0, False, [], "a"), _scene(2, 1, False, [], "b"), _scene(3, 0, False, [], "b"),
              _scene(4, 1, True, [], "a")]
    assert most_missed_scam_types(played) == [("b", 2, 2), ("a", 1, 2)]


def test_the_techniques_missed_are_those_of_risky_choices():
    played = [_scene(1, 0, False, [_decision(0, techniques=("urgency",)), _decision(2, techniques=("greed",))])]
    assert most_missed_techniques(played) == [("urgency", 1)]


def test_csv_has_a_row_per_decision_and_one_for_a_scene_without():
    played = [_scene(1, 0, True, [_decision(2, counts=(1, 2, 30)), _decision(1)]), _scene(2, 1, None, []),
              PlayedScene(3, WHOLE_CLASS, "quiz_round", "q#1", "Q", None, (), True, "B")]
    rows = csv_rows(played, lambda i: f"team {i + 1}")
    assert [(r[0], r[2], r[7]) for r in rows] == [("1", "team 1", "1"), ("1", "team 1", "2"), ("2", "team 2", ""),
                                                   ("3", "全班", "")]
    assert rows[0][9] == "A 1 · B 2 · C 30" and rows[0][10] == "C" and rows[1][11] == "neutral"
