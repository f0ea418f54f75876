"""Classroom pace: a team behind on scenes gets one at the end of its turn (``Game.catch_up``), so
every team plays early and often; over many seeded lessons on the shipped classroom board."""

import pytest

from game.content.loader import load_library
from game.content.models import Audience
from game.rules import Phase, SceneRequested, TurnPassed
from game.rules.classroom import LESSON_MINUTES, LessonPlan
from game.rules.classroom_pace import play_lesson
from rules_factories import classic_board, game_on, library, simple_board

POLICE = "police"
SEEDS = range(40)


def class_game(board, colours=("red", "yellow"), catch_up=True):
    game = game_on(board, colours, library=library(board))
    game.catch_up = catch_up
    return game


def plain_turn(game, roll=2):
    """Roll and make the first legal move; returns the events of both."""
    events = game.roll(roll)
    if game.phase is Phase.MOVE:
        events += game.apply(game.legal_moves()[0])
    return events


# ---------------------------------------------------------------- the catch-up rule

def test_a_team_with_no_scene_gets_one_when_its_turn_ends_on_a_plain_square():
    game = class_game(simple_board(tiles={5: POLICE}))
    events = plain_turn(game, 2)
    request = events[-1]
    assert isinstance(request, SceneRequested) and request.catch_up
    assert (request.player, request.square, game.phase) == (0, 5, Phase.SCENE)


def test_a_teams_first_scene_in_class_is_a_quick_question_where_the_tile_has_one():
    game = class_game(simple_board(tiles={5: POLICE}))
    request = plain_turn(game, 2)[-1]
    assert request.quiz is not None and request.scenario is None


def test_without_catch_up_the_turn_just_passes():
    game = class_game(simple_board(tiles={5: POLICE}), catch_up=False)
    events = plain_turn(game, 2)
    assert isinstance(events[-1], TurnPassed) and game.phase is Phase.ROLL


def test_the_turn_passes_once_the_catch_up_scene_is_played_even_after_a_six():
    game = class_game(simple_board(tiles={25: POLICE}, extra_roll_on_six=True, three_sixes_penalty=True))
    plain_turn(game, 6)
    plain_turn(game, 6)
    events = game.roll(6)     # the third six ends the turn: the team is behind, so a scene first
    assert isinstance(events[-1], SceneRequested) and game.last_roll == 6
    events = game.resolve_scene("right")
    assert isinstance(events[-1], TurnPassed) and game.current == 1


def test_a_team_level_with_the_others_gets_no_extra_scene():
    game = class_game(simple_board(tiles={5: POLICE}))
    game.scenes_dealt[:] = [1, 1]
    assert isinstance(plain_turn(game, 2)[-1], TurnPassed)


def test_a_team_behind_the_leader_catches_up():
    game = class_game(simple_board(tiles={5: POLICE}))
    game.scenes_dealt[:] = [1, 2]
    assert isinstance(plain_turn(game, 2)[-1], SceneRequested)


def test_a_team_with_no_plane_out_plays_the_first_keyword_of_its_route_and_nothing_walks():
    game = class_game(classic_board(tiles={4: POLICE}, scene_safe_move=3))
    events = plain_turn(game, 2)          # no launch on a 2: the turn would pass
    request = events[-1]
    assert isinstance(request, SceneRequested) and request.square == 4
    game.resolve_scene("right")
    assert game.positions(0) == (-1,) * len(game.positions(0))


def test_a_team_that_landed_on_a_keyword_this_turn_gets_no_second_scene():
    game = class_game(simple_board(tiles={2: POLICE, 5: POLICE}))
    plain_turn(game, 2)
    events = game.resolve_scene("right")
    assert isinstance(events[-1], TurnPassed)


# ---------------------------------------------------------------- whole lessons on the classroom board

@pytest.fixture(scope="module")
def classroom():
    """The library and every (pack, board) a class plays: the students' packs and their classroom boards."""
    lib = load_library().library
    games = [(pack, lib.boards[b]) for pack in lib.packs.values() if pack.audience is Audience.STUDENTS
             for b in pack.boards if b.startswith("classroom") and b in lib.boards]
    assert games
    return lib, games


def lessons(classroom, minutes):
    """(pack id, teams, seed, run) of every seeded lesson of ``minutes`` with 2 teams up to the board's most."""
    lib, games = classroom
    return [(pack.id, teams, seed, play_lesson(board, lib, pack, LessonPlan(minutes=minutes), teams, seed))
            for pack, board in games for teams in range(2, board.max_players + 1) for seed in SEEDS]


@pytest.mark.parametrize("minutes", LESSON_MINUTES)
def test_every_teams_first_scene_comes_in_the_first_third_of_the_lesson(classroom, minutes):
    late = [(pack, teams, seed, run.first_scene) for pack, teams, seed, run in lessons(classroom, minutes)
            if any(t is None or t > minutes * 60 / 3 for t in run.first_scene)]
    assert not late, late[:3]


def test_every_team_gets_two_scenes_or_more_in_a_25_minute_lesson(classroom):
    short = [(pack, teams, seed, run.scenes) for pack, teams, seed, run in lessons(classroom, 25)
             if min(run.scenes) < 2]
    assert not short, short[:3]


@pytest.mark.parametrize("minutes", LESSON_MINUTES)
def test_a_lesson_ends_on_time(classroom, minutes):
    late = [(pack, teams, seed, run.ended) for pack, teams, seed, run in lessons(classroom, minutes)
            if run.ended > minutes * 60]
    assert not late, late[:3]
