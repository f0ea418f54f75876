"""Computer players."""

import random
from types import MappingProxyType

import pytest

from game.content.models import EndingOutcome, Outcome, Scenario
from game.rules import POLICIES, Phase, auto_step, get_policy, play_scenario
from game.rules.policies import play_pending_scene
from rules_factories import choice, classic_board, game_on, library, node, park_all, quiz_pool, scam_scenario

SAFE, RISKY = 0, 1   # choice indexes at the start of scam_scenario


def test_registry_names():
    assert sorted(POLICIES) == ["cautious", "greedy", "naive", "random"]


def test_unknown_policy_is_refused():
    with pytest.raises(ValueError):
        get_policy("reckless")


@pytest.mark.parametrize("name, expected", [("cautious", SAFE), ("greedy", RISKY)])
def test_deterministic_scene_choices(name, expected):
    choices = scam_scenario().nodes["start"].choices
    assert {get_policy(name).choose_choice(choices, random.Random(s)) for s in range(20)} == {expected}


def test_naive_falls_for_scams_most_of_the_time():
    choices = scam_scenario().nodes["start"].choices
    rng = random.Random(1)
    picks = [POLICIES["naive"].choose_choice(choices, rng) for _ in range(1000)]
    assert 0.8 < picks.count(RISKY) / 1000 < 0.95     # 0.75 + 0.25 × ½


def test_random_picks_every_choice():
    choices = scam_scenario().nodes["start"].choices
    rng = random.Random(1)
    assert {POLICIES["random"].choose_choice(choices, rng) for _ in range(50)} == {SAFE, RISKY}


def test_greedy_prefers_the_biggest_promised_sum():
    choices = (choice(outcome=Outcome.RISKY, money=10), choice(outcome=Outcome.RISKY, money=900),
               choice(outcome=Outcome.SAFE))
    assert POLICIES["greedy"].choose_choice(choices, random.Random(0)) == 1


@pytest.mark.parametrize("name, low, high", [("cautious", 0.78, 0.92), ("naive", 0.33, 0.47)])
def test_quiz_accuracy(name, low, high):
    item = quiz_pool().items[0]
    rng = random.Random(3)
    right = sum(POLICIES[name].answer_quiz(item, rng) == item.answer for _ in range(2000))
    assert low < right / 2000 < high


def test_greedy_takes_the_capture():
    game = game_on(classic_board())
    park_all(game)
    game.place(0, 0, 1)                 # 1 + 5 = 6: lands on yellow's token
    game.place(0, 1, 20)                # 20 + 5 = 25: nothing there
    game.place(1, 0, (6 - 13) % 52)
    game.roll(5)
    move = POLICIES["greedy"].choose_move(game, game.legal_moves(), random.Random(0))
    assert move.tokens == (0,) and game.preview(move).captures == 1


def test_cautious_stays_out_of_reach():
    game = game_on(classic_board())
    park_all(game)
    game.place(0, 0, 1)                 # → 6, right in front of yellow's token on 2
    game.place(0, 1, 30)                # → 35, nobody near
    game.place(1, 0, (2 - 13) % 52)
    game.roll(5)
    move = POLICIES["cautious"].choose_move(game, game.legal_moves(), random.Random(0))
    assert move.tokens == (1,)


def test_cautious_finishes_when_it_can():
    game = game_on(classic_board())
    park_all(game)
    game.place(0, 0, 51)
    game.place(0, 1, 30)
    game.roll(3)
    move = POLICIES["cautious"].choose_move(game, game.legal_moves(), random.Random(0))
    assert game.preview(move).finishes


def test_a_policy_that_keeps_looping_still_ends_the_scene():
    # "cautious" always takes the safe "ask again", which loops; it must still end.
    s = Scenario("loop", "loop", "x", (), "", 0, "a", MappingProxyType({n.id: n for n in [
        node("a", [choice("ask again", "b", Outcome.SAFE), choice("pay", "end", Outcome.RISKY)]),
        node("b", [choice("ask again", "a", Outcome.SAFE), choice("pay", "end", Outcome.RISKY)]),
        node("end", ending=EndingOutcome.SCAMMED)]}))
    assert play_scenario(POLICIES["cautious"], s, random.Random(0)).ending is EndingOutcome.SCAMMED


def test_pending_scene_is_played_on_the_real_script():
    board = classic_board(tiles={6: "police"})
    game = game_on(board, library=library(board))
    game.place(0, 0, 0)
    game.roll(6)
    game.apply(game.legal_moves()[0])
    result = play_pending_scene(game, POLICIES["cautious"], random.Random(0))
    assert (result.kind, result.ref, result.ending) == ("scenario", "s1", EndingOutcome.REPORTED)


def test_auto_step_plays_a_whole_game():
    board = classic_board(tiles={6: "police", 19: "help"})
    game = game_on(board, ("red", "yellow", "blue", "green"), seed=4, library=library(board))
    policy, rng = POLICIES["greedy"], game.ai_rng
    for _ in range(20_000):
        if game.phase is Phase.OVER:
            break
        auto_step(game, policy, rng)
    assert game.is_over and game.over_reason == "finished"
