"""Invariants over many random games (hypothesis)."""

from hypothesis import HealthCheck, given, settings, strategies as st

from game.rules import HANGAR, POLICIES, Game, Phase, PlayerSpec, auto_step
from rules_factories import classic_board, library, simple_board

CAP = 5000    # far beyond any real game; reaching it means the game would not end
TILES = {2: "police", 6: "police", 11: "help", 19: "police", 27: "police", 40: "help"}

switches = st.fixed_dictionaries({
    "stacking": st.booleans(), "blocking": st.booleans(), "exact_finish": st.booleans(),
    "bounce_back": st.booleans(), "capture": st.booleans(), "jump": st.booleans(), "fly": st.booleans(),
    "fly_captures": st.booleans(), "play_for_places": st.booleans(),
    "scene_scammed_lose_turn": st.booleans(), "launch_on": st.sampled_from([[6], [5, 6], [1, 2, 3, 4, 5, 6]]),
    "tokens_per_player": st.integers(1, 4),
})
games = st.fixed_dictionaries({
    "preset": st.sampled_from(["classic", "simple"]),
    "switches": switches,
    "players": st.integers(1, 4),
    "policy": st.sampled_from(sorted(POLICIES)),
    "seed": st.integers(0, 2**32),
})
fast = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def new_game(spec, record=True) -> Game:
    if spec["preset"] == "classic":
        board = classic_board(tiles=TILES, **spec["switches"])
    else:
        board = simple_board(tiles={k: v for k, v in TILES.items() if k < 30}, **spec["switches"])
    players = [PlayerSpec(f"P{i}", policy=spec["policy"]) for i in range(spec["players"])]
    return Game.new(board, players, spec["seed"], library=library(board), max_turns=CAP, record=record)


def play(game: Game, check=None) -> list:
    policy, rng, log = POLICIES[game.players[0].policy], game.ai_rng, []
    while game.phase is not Phase.OVER:
        log.extend(auto_step(game, policy, rng))
        if check:
            check(game)
    return log


@fast
@given(games)
def test_every_game_ends(spec):
    game = new_game(spec, record=False)
    play(game)
    assert game.over_reason == "finished"


def tokens_on_legal_squares(game: Game) -> None:
    for p in range(len(game.players)):
        route = game.route(p)
        for t, pos in enumerate(game.positions(p)):
            assert pos == HANGAR or 0 <= pos <= route.finish
            expected = route.track[pos] if 0 <= pos < route.track_count and pos != route.finish else -1
            assert game.square_of(p, t) == expected


@fast
@given(games)
def test_tokens_always_on_legal_squares(spec):
    play(new_game(spec), tokens_on_legal_squares)


def no_money_from_nowhere():
    last: dict[int, int] = {}

    def check(game: Game) -> None:
        for p, score in enumerate(game.scores):
            assert 0 <= score.savings <= score.starting_savings
            assert score.savings + score.money_lost == score.starting_savings
            assert score.savings <= last.get(p, score.savings)
            last[p] = score.savings
    return check


@fast
@given(games)
def test_money_never_appears_from_nowhere(spec):
    play(new_game(spec), no_money_from_nowhere())


@fast
@given(games)
def test_same_seed_same_game(spec):
    assert play(new_game(spec)) == play(new_game(spec))


@fast
@given(games)
def test_quiet_games_play_the_same_game(spec):
    loud, quiet = new_game(spec), new_game(spec, record=False)
    play(loud)
    play(quiet)
    assert [s.player for s in loud.standings] == [s.player for s in quiet.standings]
    assert (loud.turns, loud.tile_landings) == (quiet.turns, quiet.tile_landings)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32), st.sampled_from(sorted(POLICIES)))
def test_full_classic_games_place_every_player(seed, policy):
    board = classic_board(tiles=TILES)
    game = Game.new(board, [PlayerSpec(policy=policy)] * 4, seed, library=library(board), max_turns=CAP,
                    record=False)
    play(game)
    assert game.over_reason == "finished" and len(game.finish_order) == 3
