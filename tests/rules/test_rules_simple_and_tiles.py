"""The simple preset (path boards, one token) and what tiles do on any board."""

from dataclasses import replace

import pytest

from game.content.models import EndingOutcome, Seat, Technique
from game.rules import (
    Game, Moved, Phase, PlayerSpec, SafeTileLanded, SceneRequested, SceneResolved, SceneResult, Spot, TurnLost,
    play_route,
)
from game.rules.geometry import Geometry
from rules_factories import (
    classic_board, game_on, kinds, library, pack, rescue_scenario, scam_scenario, simple_board,
)

POLICE, HELP = "police", "help"


def simple_game(players=2, tiles=None, lib=True, **overrides):
    board = simple_board(tiles=tiles or {}, players=max(players, 2), **overrides)
    colours = ("red", "yellow", "blue", "green")[:players]
    return game_on(board, colours, library=library(board) if lib else None)


# ---------------------------------------------------------------- geometry

def test_path_route_runs_from_start_to_home_entry():
    route = Geometry(simple_board(length=10))[0]
    assert route.track == tuple(range(10)) and route.finish == 9


def test_path_route_may_run_backwards():
    board = replace(simple_board(length=10), seats=(Seat("red", 9, 0, "circle"),))
    assert Geometry(board)[0].track == tuple(range(9, -1, -1))


def test_ring_route_wraps_round_to_the_home_entry():
    route = Geometry(classic_board())[1]           # yellow: start 13, home entry 9
    assert route.track[:3] == (13, 14, 15) and route.track[-1] == 9 and route.track_count == 49


def test_ring_route_ends_in_the_home_column():
    route = Geometry(classic_board())[0]
    assert route.spot(route.finish) == Spot("home", 5)


# ---------------------------------------------------------------- simple rules

def test_simple_tokens_start_on_the_board():
    game = simple_game()
    assert game.positions(0) == (0,)


def test_simple_any_roll_moves():
    game = simple_game()
    game.roll(1)
    game.apply(game.legal_moves()[0])
    assert game.positions(0) == (1,)


def test_simple_reaching_the_end_wins():
    game = simple_game()
    game.place(0, 0, 27)
    game.roll(5)
    game.apply(game.legal_moves()[0])
    assert game.is_over and game.winner == 0


def test_simple_optional_exact_finish_bounces():
    game = simple_game(exact_finish=True, bounce_back=True)
    game.place(0, 0, 27)
    game.roll(5)
    game.apply(game.legal_moves()[0])
    assert game.positions(0) == (26,)


def test_simple_players_share_squares():
    game = simple_game()
    game.place(1, 0, 3)
    game.roll(3)
    game.apply(game.legal_moves()[0])
    assert game.positions(1) == (3,)


def test_simple_one_player_game_ends_when_they_finish():
    board = simple_board(players=1)
    game = Game.new(board, [PlayerSpec("solo")], 1)
    while not game.is_over:
        game.roll()
        if game.phase is Phase.MOVE:
            game.apply(game.legal_moves()[0])
        elif game.phase is Phase.SCENE:
            game.resolve_scene(True)
    assert game.standings[0].finished


def test_two_players_sit_opposite_on_a_four_seat_board():
    game = Game.new(classic_board(), [PlayerSpec(), PlayerSpec()], 0)
    assert [game.colour(p) for p in (0, 1)] == ["red", "blue"]


def test_unknown_seat_colour_is_refused():
    with pytest.raises(ValueError):
        Game.new(simple_board(players=2), [PlayerSpec(colour="green")], 0)


# ---------------------------------------------------------------- scam tiles

def land_on_tile(tiles={5: POLICE}, roll=5, **kw):
    game = simple_game(tiles=tiles, **kw)
    game.roll(roll)
    events = game.apply(game.legal_moves()[0])
    return game, events


def test_scam_tile_asks_for_a_scene():
    game, events = land_on_tile()
    assert isinstance(events[-1], SceneRequested)
    assert (events[-1].tile, events[-1].square, game.phase) == (POLICE, 5, Phase.SCENE)


def test_no_roll_until_the_scene_is_resolved():
    game, _ = land_on_tile()
    with pytest.raises(Exception):
        game.roll()


def test_first_scene_on_a_tile_is_an_unplayed_scenario():
    _, events = land_on_tile()
    assert events[-1].scenario == "s1" and events[-1].quiz is None


def test_tile_falls_back_to_its_quiz_once_scenarios_are_played():
    game, _ = land_on_tile()
    game.resolve_scene(EndingOutcome.ESCAPED)     # forward to 7, turn passes
    game.place(1, 0, 0)
    game.roll(5)
    events = game.apply(game.legal_moves()[0])
    assert events[-1].scenario is None and events[-1].quiz[0] == "quiz_basics"


def test_scene_picks_respect_the_pack():
    board = simple_board(tiles={5: POLICE})
    game = game_on(board, library=library(board), pack=pack(board.id, pools=["quiz_basics"],
                                                            scenarios=["not_s1"]))
    game.roll(5)
    events = game.apply(game.legal_moves()[0])
    assert events[-1].scenario is None and events[-1].quiz is not None


def test_without_a_library_every_tile_is_a_scene_for_the_caller_to_pick():
    _, events = land_on_tile(lib=False)
    assert (events[-1].scenario, events[-1].quiz) == (None, None)


@pytest.mark.parametrize("result, pos", [
    (EndingOutcome.ESCAPED, 7), (EndingOutcome.REPORTED, 7), (EndingOutcome.SCAMMED, 3),
    (True, 7), (False, 3), ("right", 7), ("scammed", 3),
])
def test_scene_result_moves_the_token(result, pos):
    game, _ = land_on_tile(scene_safe_move=2, scene_risky_move=2)
    game.resolve_scene(result)
    assert game.positions(0) == (pos,)


def test_scene_moves_are_plain_walks():
    game, _ = land_on_tile(tiles={5: POLICE, 7: POLICE})
    events = game.resolve_scene(True)
    assert Moved(0, (0,), (Spot("track", 6), Spot("track", 7)), "scene_safe") in events
    assert "SceneRequested" not in kinds(events)


def test_backward_scene_move_stops_at_the_start():
    game, _ = land_on_tile(tiles={2: POLICE}, roll=2, scene_risky_move=5)
    game.resolve_scene(False)
    assert game.positions(0) == (0,)


def test_scammed_loses_the_next_turn():
    game, _ = land_on_tile(scene_scammed_lose_turn=True)
    game.resolve_scene(EndingOutcome.SCAMMED)
    game.roll(1)                                   # yellow
    events = game.apply(game.legal_moves()[0])
    assert TurnLost(0) in events
    assert game.current == 1


def test_a_wrong_quiz_answer_costs_no_turn():
    game, _ = land_on_tile(scene_scammed_lose_turn=True)
    events = game.resolve_scene(False)
    assert not events[0].loses_next_turn


def test_scene_result_is_scored():
    game, _ = land_on_tile()
    scenario = scam_scenario()
    choices = scenario.nodes["start"].choices[1], scenario.nodes["ask"].choices[0]
    events = game.resolve_scene(SceneResult("scenario", "s1", "fake_police", EndingOutcome.SCAMMED, choices=choices,
                                            at_stake=5000))
    assert events[0] == SceneResolved(0, POLICE, False, "scammed", 5000, False)
    assert game.scores[0].savings == 95_000


def test_company_money_lost_is_announced_as_the_companys_and_leaves_savings_alone():
    game, _ = land_on_tile()
    events = game.resolve_scene(play_route(rescue_scenario(company_money=True), [0, 0]).result())
    assert (events[0].money_lost, events[0].company_money, game.scores[0].savings) == (3000, True, 100_000)


def test_quiz_answer_given_as_bool_scores_the_item_techniques():
    game, _ = land_on_tile()
    game.resolve_scene(EndingOutcome.ESCAPED)
    game.place(1, 0, 0)
    game.roll(5)
    game.apply(game.legal_moves()[0])
    game.resolve_scene(True)
    assert game.scores[1].techniques[Technique.URGENCY].spotted == 1


def test_extra_roll_survives_a_scene():
    board = classic_board(tiles={6: POLICE})
    game = game_on(board, library=library(board))
    game.place(0, 0, 0)
    game.roll(6)
    game.apply(game.legal_moves()[0])
    events = game.resolve_scene(True)
    assert kinds(events)[-1] == "ExtraRoll"


# ---------------------------------------------------------------- safe tiles

def test_safe_tile_gives_a_bonus_walk():
    game, events = land_on_tile(tiles={5: HELP}, safe_tile_move=1)
    assert SafeTileLanded(0, HELP, 5) in events
    assert game.positions(0) == (6,)


def test_safe_tile_with_no_bonus_only_reports_the_landing():
    game, events = land_on_tile(tiles={5: HELP}, safe_tile_move=0)
    assert game.positions(0) == (5,)
    assert "SafeTileLanded" in kinds(events)


def test_tile_landings_are_counted():
    game, _ = land_on_tile()
    assert game.tile_landings == {POLICE: 1}


def test_a_tile_missing_from_the_library_does_nothing():
    game, events = land_on_tile(tiles={5: "gone"})
    assert game.phase is Phase.ROLL and "SceneRequested" not in kinds(events)

