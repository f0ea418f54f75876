"""Every classic rule, one behaviour per test; the board is ``rules_factories.classic_board``.

Red: route position k is square k up to 48; 49..54 is its home column; finish 54.
Red squares are the multiples of 4; red's fly square is 16 → 28.
"""

import pytest

from game.rules import (
    HANGAR, Bounced, Captured, ExtraRoll, Finished, Flew, GameOver, IllegalMove, Jumped, Launched, Moved,
    Phase, PlayerFinished, Spot, TripleSixPenalty, TurnPassed,
)
from rules_factories import classic_board, game_on, kinds, park_all

RED, YELLOW = 0, 1
FINISH = 54


def setup(colours=("red", "yellow"), **overrides):
    game = game_on(classic_board(**overrides), colours)
    park_all(game)
    return game


def move_from(game, pos, roll, player=RED, token=0):
    """Put ``token`` at ``pos``, roll ``roll`` and play that token's move; return the events."""
    game.place(player, token, pos)
    game.current = player
    game.roll(roll)
    move = next(m for m in game.legal_moves() if token in m.tokens)
    return game.apply(move)


def yellow_pos(square):
    return (square - 13) % 52


# ---------------------------------------------------------------- launch

@pytest.mark.parametrize("launch_on, roll, can_launch", [
    ([6], 6, True), ([6], 5, False), ([6], 1, False),
    ([5, 6], 5, True), ([5, 6], 6, True), ([5, 6], 4, False),
])
def test_launch_needs_a_launch_face(launch_on, roll, can_launch):
    game = setup(launch_on=launch_on)
    game.roll(roll)
    assert [m.launch for m in game.legal_moves()] == ([True] if can_launch else [])


def test_tokens_start_in_the_hangar():
    game = game_on(classic_board())
    assert game.positions(RED) == (HANGAR,) * 4


def test_launch_puts_one_token_on_the_start_square():
    game = setup()
    game.roll(6)
    events = game.apply(game.legal_moves()[0])
    assert game.positions(RED) == (0, HANGAR, HANGAR, HANGAR)
    assert events[0] == Launched(RED, (0,), Spot("track", 0))


def test_no_move_passes_the_turn():
    game = setup()
    events = game.roll(3)
    assert kinds(events) == ["Rolled", "TurnPassed"]
    assert game.current == YELLOW


def test_launch_captures_an_opponent_on_the_start_square():
    game = setup()
    game.place(YELLOW, 0, yellow_pos(0))
    game.roll(6)
    events = game.apply(game.legal_moves()[0])
    assert Captured(RED, YELLOW, (0,), Spot("track", 0)) in events
    assert game.positions(YELLOW)[0] == HANGAR


# ---------------------------------------------------------------- extra roll on 6

def test_six_gives_another_roll():
    game = setup()
    game.roll(6)
    events = game.apply(game.legal_moves()[0])
    assert isinstance(events[-1], ExtraRoll)
    assert (game.current, game.phase) == (RED, Phase.ROLL)


def test_other_faces_pass_the_turn():
    game = setup()
    events = move_from(game, 1, 5)     # 1 → 6, a blue square: no jump
    assert events[-1] == TurnPassed(RED, YELLOW, 1)


def test_no_extra_roll_when_switched_off():
    game = setup(extra_roll_on_six=False)
    game.roll(6)
    game.apply(game.legal_moves()[0])
    assert game.current == YELLOW


def test_six_with_no_legal_move_still_rolls_again():
    game = setup(launch_on=[5], bounce_back=False)
    game.place(RED, [1, 2, 3], FINISH)
    game.place(RED, 0, FINISH - 2)
    events = game.roll(6)
    assert kinds(events) == ["Rolled", "ExtraRoll"]
    assert game.current == RED


# ---------------------------------------------------------------- three sixes

def test_third_six_sends_the_moved_token_home_and_ends_the_turn():
    game = setup()
    game.roll(6)
    game.apply(game.legal_moves()[0])           # launch token 0
    game.roll(6)
    game.apply(next(m for m in game.legal_moves() if not m.launch))   # token 0: 0 → 6
    events = game.roll(6)
    assert TripleSixPenalty(RED, (0,)) in events
    assert game.positions(RED)[0] == HANGAR
    assert game.current == YELLOW


def test_third_six_is_an_ordinary_roll_without_the_penalty():
    game = setup(three_sixes_penalty=False)
    for _ in range(2):
        game.roll(6)
        game.apply(game.legal_moves()[0])
    events = game.roll(6)
    assert "TripleSixPenalty" not in kinds(events)
    assert game.phase is Phase.MOVE


def test_six_count_starts_again_each_turn():
    game = setup()
    game.roll(6)
    game.apply(game.legal_moves()[0])
    game.roll(6)
    game.apply(game.legal_moves()[0])
    game.roll(2)
    game.apply(game.legal_moves()[0])           # turn passes
    game.roll(1)                                 # yellow: no move
    events = game.roll(6)
    assert events[0].sixes == 1


# ---------------------------------------------------------------- capture

def test_landing_on_an_opponent_sends_it_home():
    game = setup()
    game.place(YELLOW, 0, yellow_pos(5))
    events = move_from(game, 3, 2)
    assert Captured(RED, YELLOW, (0,), Spot("track", 5)) in events
    assert game.positions(YELLOW)[0] == HANGAR


def test_capture_takes_every_opponent_token_on_the_square():
    game = setup()
    game.place(YELLOW, [0, 1], yellow_pos(5))
    move_from(game, 3, 2)
    assert game.positions(YELLOW)[:2] == (HANGAR, HANGAR)


def test_no_capture_when_switched_off():
    game = setup(capture=False)
    game.place(YELLOW, 0, yellow_pos(5))
    move_from(game, 3, 2)
    assert game.square_of(YELLOW, 0) == game.square_of(RED, 0) == 5


def test_own_tokens_are_never_captured():
    game = setup()
    game.place(RED, 1, 5)
    move_from(game, 3, 2)
    assert game.positions(RED)[:2] == (5, 5)


def test_tokens_in_a_home_column_are_out_of_reach():
    game = setup()
    game.place(YELLOW, 0, 49 + 3)      # yellow's home column; squares there are private
    move_from(game, 3, 2)
    assert game.positions(YELLOW)[0] == 52


# ---------------------------------------------------------------- jump

@pytest.mark.parametrize("frm, roll, to", [(1, 3, 8), (5, 3, 12), (18, 2, 24)])
def test_landing_on_own_colour_jumps_to_the_next_own_colour_square(frm, roll, to):
    game = setup(fly=False)
    move_from(game, frm, roll)
    assert game.positions(RED)[0] == to


def test_jump_event_shows_both_squares():
    game = setup()
    events = move_from(game, 1, 3)
    assert Jumped(RED, (0,), Spot("track", 4), Spot("track", 8)) in events


def test_no_jump_from_another_colour():
    game = setup()
    move_from(game, 1, 4)              # square 5 is yellow
    assert game.positions(RED)[0] == 5


def test_no_jump_when_switched_off():
    game = setup(jump=False)
    move_from(game, 1, 3)
    assert game.positions(RED)[0] == 4


def test_no_jump_when_no_own_square_is_within_jump_distance():
    game = setup(jump_distance=2)
    move_from(game, 1, 3)
    assert game.positions(RED)[0] == 4


def test_no_jump_past_the_home_entry():
    game = setup()
    move_from(game, 45, 3)             # square 48 is red and red's home entry
    assert game.positions(RED)[0] == 48


def test_other_colours_do_not_jump_on_red():
    game = setup()
    move_from(game, yellow_pos(13), 3, player=YELLOW)   # yellow onto square 16 (red, red's fly square)
    assert game.square_of(YELLOW, 0) == 16


# ---------------------------------------------------------------- fly

def test_own_fly_square_flies_across():
    game = setup(jump=False)
    events = move_from(game, 13, 3)
    assert Flew(RED, (0,), Spot("track", 16), Spot("track", 28)) in events
    assert game.positions(RED)[0] == 28


def test_no_flight_when_switched_off():
    game = setup(fly=False, jump=False)
    move_from(game, 13, 3)
    assert game.positions(RED)[0] == 16


def test_fly_square_jumps_when_flying_is_off():
    game = setup(fly=False)
    move_from(game, 13, 3)
    assert game.positions(RED)[0] == 20


# ---------------------------------------------------------------- chaining

def test_jump_then_fly():
    game = setup()
    events = move_from(game, 10, 2)    # 12 → jump 16 → fly 28, and no second jump
    assert [k for k in kinds(events) if k in ("Jumped", "Flew")] == ["Jumped", "Flew"]
    assert game.positions(RED)[0] == 28


def test_fly_then_jump():
    game = setup()
    events = move_from(game, 13, 3)    # 16 → fly 28 → jump 32, no more
    assert [k for k in kinds(events) if k in ("Jumped", "Flew")] == ["Flew", "Jumped"]
    assert game.positions(RED)[0] == 32


def test_move_preview_reports_the_chained_destination():
    game = setup()
    game.place(RED, 0, 10)
    game.roll(2)
    assert game.legal_moves()[0].to == 28


# ---------------------------------------------------------------- fly captures

BLUE_CROSSING = 49 + 2   # blue's route: 49 track squares, then home; the flight crosses home square 3


def test_flight_clears_the_home_column_square_it_crosses():
    game = setup(colours=("red", "blue"))
    game.place(1, 0, BLUE_CROSSING)
    events = move_from(game, 13, 3)
    assert Captured(RED, 1, (0,), Spot("home", 2), by_flight=True) in events
    assert game.positions(1)[0] == HANGAR


def test_flight_spares_the_crossing_without_fly_captures():
    game = setup(colours=("red", "blue"), fly_captures=False)
    game.place(1, 0, BLUE_CROSSING)
    move_from(game, 13, 3)
    assert game.positions(1)[0] == BLUE_CROSSING


def test_flight_spares_other_squares_of_the_crossed_column():
    game = setup(colours=("red", "blue"))
    game.place(1, 0, BLUE_CROSSING + 1)
    move_from(game, 13, 3)
    assert game.positions(1)[0] == BLUE_CROSSING + 1


def test_flight_spares_track_squares_flown_over():
    game = setup()
    game.place(YELLOW, 0, yellow_pos(20))
    move_from(game, 13, 3)
    assert game.square_of(YELLOW, 0) == 20


def test_flight_captures_on_the_target_square():
    game = setup(jump=False)
    game.place(YELLOW, 0, yellow_pos(28))
    move_from(game, 13, 3)
    assert game.positions(YELLOW)[0] == HANGAR


def test_fly_captures_clears_the_target_even_with_capture_off():
    game = setup(jump=False, capture=False)
    game.place(YELLOW, 0, yellow_pos(28))
    move_from(game, 13, 3)
    assert game.positions(YELLOW)[0] == HANGAR


# ---------------------------------------------------------------- stacking and blocking

def test_stacked_tokens_move_together():
    game = setup(stacking=True)
    game.place(RED, [0, 1], 5)
    game.roll(2)
    (move,) = game.legal_moves()
    game.apply(move)
    assert move.tokens == (0, 1)
    assert game.positions(RED)[:2] == (7, 7)


def test_without_stacking_tokens_on_one_square_move_alone():
    game = setup()
    game.place(RED, [0, 1], 5)
    game.roll(2)
    assert sorted(m.tokens for m in game.legal_moves()) == [(0,), (1,)]


@pytest.mark.parametrize("roll, legal", [(2, True), (3, False), (4, False)])
def test_two_opponent_tokens_block_passing_and_landing(roll, legal):
    game = setup(blocking=True)
    game.place(YELLOW, [0, 1], yellow_pos(8))
    game.place(RED, 0, 5)
    game.roll(roll)
    assert bool(game.legal_moves()) is legal


def test_one_opponent_token_does_not_block():
    game = setup(blocking=True)
    game.place(YELLOW, 0, yellow_pos(8))
    game.place(RED, 0, 5)
    game.roll(4)
    assert game.legal_moves()


def test_no_blocks_without_the_switch():
    game = setup()
    game.place(YELLOW, [0, 1], yellow_pos(7))
    move_from(game, 5, 2)
    assert game.positions(YELLOW)[:2] == (HANGAR, HANGAR)


def test_a_blocked_jump_does_not_happen():
    game = setup(blocking=True)
    game.place(YELLOW, [0, 1], yellow_pos(8))
    move_from(game, 2, 2)              # lands on red 4; its jump target 8 is blocked
    assert game.positions(RED)[0] == 4


# ---------------------------------------------------------------- exact finish and bounce

def test_exact_roll_finishes():
    game = setup()
    events = move_from(game, FINISH - 3, 3)
    assert Finished(RED, (0,)) in events
    assert game.positions(RED)[0] == FINISH


def test_surplus_bounces_back():
    game = setup()
    events = move_from(game, FINISH - 2, 5)
    assert game.positions(RED)[0] == FINISH - 3
    assert Bounced(RED, (0,), 3) in events


def test_bounce_path_walks_to_the_finish_and_back():
    game = setup()
    events = move_from(game, FINISH - 2, 5)
    moved = next(e for e in events if isinstance(e, Moved))
    assert moved.path == tuple(Spot("home", k) for k in (4, 5, 4, 3, 2))


def test_overshoot_is_not_legal_without_bounce_back():
    game = setup(bounce_back=False)
    game.place(RED, 0, FINISH - 2)
    game.roll(5)
    assert game.legal_moves() == []


def test_overshoot_finishes_without_exact_finish():
    game = setup(exact_finish=False)
    move_from(game, FINISH - 2, 5)
    assert game.positions(RED)[0] == FINISH


def test_finished_tokens_cannot_move():
    game = setup()
    game.place(RED, 0, FINISH)
    game.place(RED, 1, 10)
    game.roll(1)
    assert [m.tokens for m in game.legal_moves()] == [(1,)]


# ---------------------------------------------------------------- finishing and places

def test_first_finisher_takes_first_place_and_play_continues():
    game = setup(colours=("red", "yellow", "blue"))
    game.place(RED, [1, 2, 3], FINISH)
    events = move_from(game, FINISH - 1, 1)
    assert PlayerFinished(RED, 1) in events
    assert not game.is_over
    assert game.current == YELLOW


def test_game_ends_when_one_player_is_left():
    game = setup(colours=("red", "yellow", "blue"))
    game.place(RED, [0, 1, 2, 3], FINISH)
    game.place(YELLOW, [1, 2, 3], FINISH)
    events = move_from(game, FINISH - 1, 1, player=YELLOW)
    assert events[-1] == GameOver(RED, "finished")
    assert [s.player for s in game.standings][:2] == [RED, YELLOW]


def test_without_places_the_first_finisher_ends_the_game():
    game = setup(colours=("red", "yellow", "blue"), play_for_places=False)
    game.place(RED, [1, 2, 3], FINISH)
    events = move_from(game, FINISH - 1, 1)
    assert isinstance(events[-1], GameOver)
    assert game.winner == RED


def test_finished_players_are_skipped():
    game = setup(colours=("red", "yellow", "blue"))
    game.place(YELLOW, [0, 1, 2, 3], FINISH)
    game.roll(1)
    assert game.current == 2


# ---------------------------------------------------------------- the state machine itself

def test_cannot_roll_while_a_move_is_due():
    game = setup()
    game.roll(6)
    with pytest.raises(IllegalMove):
        game.roll()


def test_cannot_apply_a_move_that_was_not_offered():
    game = setup()
    game.roll(6)
    move = game.legal_moves()[0]
    with pytest.raises(IllegalMove):
        game.apply(move._replace(to=40))


def test_max_turns_ends_the_game():
    game = game_on(classic_board(), max_turns=3)
    for _ in range(3):
        game.roll(1)
    assert game.is_over and game.over_reason == "max_turns"


def test_standings_rank_unfinished_players_by_progress():
    game = setup(colours=("red", "yellow", "blue"))
    game.place(YELLOW, 0, 30)
    game.place(RED, 0, 10)
    assert [s.player for s in game.standings] == [YELLOW, RED, 2]


def test_quiet_games_return_no_events():
    game = game_on(classic_board(), record=False)
    assert game.roll(6) == []
    assert game.phase is Phase.MOVE


def test_preview_counts_the_captures_a_flight_would_make():
    game = setup(colours=("red", "blue"))
    game.place(1, 0, BLUE_CROSSING)
    game.place(1, 1, (28 - 26) % 52)     # blue token on the flight's target square
    game.place(RED, 0, 13)
    game.roll(3)
    preview = game.preview(game.legal_moves()[0])
    assert (preview.stops, preview.captures) == ((16, 28, 32), 2)
