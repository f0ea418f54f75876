"""Scenario and quiz runners, and route enumeration."""

from types import MappingProxyType

import pytest

from game.content.models import EndingOutcome, Ladder, Outcome, Scenario, Technique
from game.rules import (
    QuizRunner, SceneError, ScenarioRunner, all_routes, check_routes, iter_routes, play_route,
)
from rules_factories import choice, node, quiz_pool, rescue_scenario, scam_scenario


def scenario_of(nodes, start="start") -> Scenario:
    return Scenario("t", "t", "fake_police", (), "", 1000, start, MappingProxyType({n.id: n for n in nodes}))


def looping_scenario() -> Scenario:
    """start ⇄ doubt (ask again), either can end."""
    return scenario_of([
        node("start", [choice("doubt", "doubt"), choice("pay", "paid", Outcome.RISKY, 100)]),
        node("doubt", [choice("ask again", "start"), choice("report", "reported", Outcome.SAFE)]),
        node("paid", ending=EndingOutcome.SCAMMED),
        node("reported", ending=EndingOutcome.REPORTED),
    ])


# ---------------------------------------------------------------- ScenarioRunner

def test_runner_starts_at_the_start_node():
    runner = ScenarioRunner(scam_scenario())
    assert runner.node.id == "start" and len(runner.choices) == 2 and not runner.is_over


def test_choose_reports_the_choice_and_moves_on():
    runner = ScenarioRunner(scam_scenario())
    result = runner.choose(1)
    assert (result.outcome, result.ladder, result.money, result.next_node.id) == (Outcome.RISKY, Ladder.PAID, 3000,
                                                                                 "ask")
    assert result.techniques == (Technique.AUTHORITY, Technique.FEAR)
    assert runner.node.id == "ask"


def test_runner_ends_on_an_ending_node():
    runner = play_route(scam_scenario(), [1, 0])
    assert runner.is_over and runner.ending.outcome is EndingOutcome.SCAMMED and runner.choices == ()


def test_choices_are_final():
    runner = play_route(scam_scenario(), [0])
    with pytest.raises(SceneError):
        runner.choose(0)
    assert runner.path == ("start", "reported")


def test_choice_out_of_range_is_refused():
    runner = ScenarioRunner(scam_scenario())
    with pytest.raises(SceneError):
        runner.choose(2)
    assert runner.node.id == "start"


def test_result_collects_the_choices_taken():
    result = play_route(scam_scenario(), [1, 1]).result()
    assert result.ending is EndingOutcome.ESCAPED and result.safe
    assert [c.money for c in result.choices] == [3000, 0]
    assert (result.scam_type, result.at_stake) == ("fake_police", 5000)


def test_a_lone_choice_is_not_a_decision():
    runner = ScenarioRunner(rescue_scenario())
    first = runner.choose(0)
    lone = runner.choose(0)
    assert (first.decision, lone.decision) == (True, False)


def test_result_keeps_every_choice_but_only_decisions_count_as_decisions():
    result = play_route(rescue_scenario(), [0, 0]).result()
    assert (len(result.choices), [c.text for c in result.decisions]) == (2, ["pay the 'fee'"])


def test_result_without_offered_counts_treats_every_choice_as_a_decision():
    result = play_route(rescue_scenario(), [0, 0]).result()
    bare = type(result)("scenario", choices=result.choices)
    assert bare.decisions == result.choices


def test_result_carries_the_scripts_company_money_flag():
    assert play_route(rescue_scenario(company_money=True), [1]).result().company_money


def test_no_result_before_the_ending():
    with pytest.raises(SceneError):
        ScenarioRunner(scam_scenario()).result()


def test_choice_to_a_missing_node_is_an_error():
    s = scenario_of([node("start", [choice("x", "nowhere")])])
    with pytest.raises(SceneError):
        ScenarioRunner(s).choose(0)


# ---------------------------------------------------------------- QuizRunner

@pytest.mark.parametrize("answer, correct", [(0, True), (1, False)])
def test_quiz_answer(answer, correct):
    runner = QuizRunner(quiz_pool().items[0], "quiz_basics", 0)
    reply = runner.answer(answer)
    assert reply.correct is correct and reply.right == 0
    assert runner.result().correct is correct and runner.result().ref == "quiz_basics#0"


def test_quiz_is_answered_once():
    runner = QuizRunner(quiz_pool().items[0])
    runner.answer(1)
    with pytest.raises(SceneError):
        runner.answer(0)


# ---------------------------------------------------------------- routes

def test_every_route_of_a_tree():
    routes = all_routes(scam_scenario()).routes
    assert [(r.choices, r.ending.outcome) for r in routes] == [
        ((0,), EndingOutcome.REPORTED), ((1, 0), EndingOutcome.SCAMMED), ((1, 1), EndingOutcome.ESCAPED)]


def test_loops_are_walked_a_bounded_number_of_times():
    found = all_routes(looping_scenario(), max_visits=2)
    assert len(found.routes) == 4 and found.cut == 1
    assert max(r.nodes.count("start") for r in found.routes) == 2


def test_more_visits_give_more_routes():
    assert len(all_routes(looping_scenario(), max_visits=3).routes) == 6


def test_route_limit_truncates():
    found = all_routes(looping_scenario(), max_visits=5, limit=3)
    assert found.truncated and len(found.routes) == 3


def test_dead_end_is_a_route_without_an_ending():
    s = scenario_of([node("start", [choice("x", "limbo")]), node("limbo")])
    (route,) = iter_routes(s)
    assert not route.complete and route.nodes == ("start", "limbo")


def test_check_routes_passes_a_sound_script():
    assert check_routes(scam_scenario()) == [] and check_routes(looping_scenario()) == []


def test_check_routes_reports_dead_ends():
    s = scenario_of([node("start", [choice("x", "limbo"), choice("y", "end")]), node("limbo"),
                     node("end", ending=EndingOutcome.ESCAPED)])
    assert check_routes(s) == ["dead end: start → limbo"]


def test_check_routes_reports_a_script_with_no_ending():
    s = scenario_of([node("start", [choice("again", "start")])])
    assert check_routes(s) == ["no route reaches an ending"]
