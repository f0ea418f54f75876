"""Why a roll moves nothing: the reason the board's caption gives comes from the rules."""

import pytest

from rules_factories import classic_board, game_on, park_all

RED, YELLOW = 0, 1
FINISH = 54


def setup(**overrides):
    game = game_on(classic_board(**overrides), ("red", "yellow"))
    park_all(game)
    return game


def yellow_pos(square: int) -> int:
    return (square - 13) % 52


@pytest.mark.parametrize("roll", [1, 2, 3, 4, 5])
def test_planes_in_the_hangar_wait_for_a_launch_face(roll):
    game = setup()
    game.roll(roll)
    assert game.legal_moves() == []
    assert game.stuck_reason(RED, roll) == "launch"


def test_a_roll_past_the_finish_without_bounce_back_is_an_overshoot():
    game = setup(bounce_back=False)
    game.place(RED, 0, FINISH - 2)
    game.roll(5)
    assert game.legal_moves() == []
    assert game.stuck_reason(RED, 5) == "overshoot"


def test_two_opponent_planes_in_the_way_block():
    game = setup(blocking=True)
    game.place(YELLOW, [0, 1], yellow_pos(8))
    game.place(RED, 0, 5)
    game.roll(3)
    assert game.legal_moves() == []
    assert game.stuck_reason(RED, 3) == "blocked"


def test_a_blocked_start_square_blocks_a_launch():
    game = setup(blocking=True)
    game.place(YELLOW, [0, 1], yellow_pos(0))
    game.roll(6)
    assert game.legal_moves() == []
    assert game.stuck_reason(RED, 6) == "blocked"


def test_a_player_with_every_plane_home_has_nothing_to_move():
    game = setup()
    game.place(RED, range(4), FINISH)
    assert game.stuck_reason(RED, 3) == "none"
