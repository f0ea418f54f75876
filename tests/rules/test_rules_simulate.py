"""``python -m game simulate`` on a library built in the test, not the shipped content."""

import argparse
import json

import pytest

import game.content.loader
from game.rules import PlayerSpec, simulate, simulate_pool
from rules_factories import classic_board, library, pack, simple_board


class _Loaded:
    def __init__(self, lib):
        self.library = lib
        self.problems = []
        self.packs = []


@pytest.fixture
def content(monkeypatch):
    classic = classic_board(tiles={6: "police", 11: "help", 19: "police"})
    simple = simple_board(tiles={3: "police", 8: "help"})
    lib = library(classic)
    lib = type(lib)(tiles=lib.tiles, scenarios=lib.scenarios, quiz_pools=lib.quiz_pools,
                    boards={classic.id: classic, simple.id: simple},
                    packs={"p": pack(classic.id, savings=50_000)})
    monkeypatch.setattr(game.content.loader, "load_library", lambda *a, **k: _Loaded(lib))
    return lib


def run(*argv) -> int:
    parser = argparse.ArgumentParser()
    simulate.add_arguments(parser)
    return simulate.run(parser.parse_args(list(argv)))


def test_unknown_board_lists_the_boards(content, capsys):
    assert run("--board", "nope") == 2
    err = capsys.readouterr().err
    assert "nope" in err and "test_classic, test_simple" in err


def test_unknown_policy_is_an_error(content, capsys):
    assert run("--policy", "reckless") == 2
    assert "reckless" in capsys.readouterr().err


def test_too_many_players_is_an_error(content, capsys):
    assert run("--board", "test_classic", "--players", "5") == 2


def test_no_processes_is_an_error(content, capsys):
    assert run("--jobs", "0") == 2
    assert "--jobs" in capsys.readouterr().err


def test_report_covers_length_time_tiles_scenes_seats_and_savings(content, capsys):
    assert run("--board", "test_classic", "--games", "20", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["games"] == 20 and report["ended"]["finished"] == 20
    assert set(report["turns"]) == {"mean", "p50", "p90", "max"}
    assert report["assumptions"]["seconds_per_turn"] == simulate.SECONDS_PER_TURN
    assert set(report["tile_landings_per_game"]) == {"police", "help"}
    assert report["scenes_per_game"]["scenarios"] > 0 and report["scenes_per_game"]["quizzes"] > 0
    assert sum(report["win_rate_by_seat"].values()) == pytest.approx(1.0, abs=0.01)
    assert report["savings_left"]["starting"] == 50_000 and report["pack"] == "p"


def test_text_report_states_the_time_assumptions(content, capsys):
    assert run("--board", "test_simple", "--games", "5") == 0
    assert "assumes 6 s per turn, 60 s per scenario, 20 s per quiz" in capsys.readouterr().out


def test_same_seed_same_output(content, capsys):
    run("--games", "30", "--seed", "7", "--json")
    first = capsys.readouterr().out
    run("--games", "30", "--seed", "7", "--json")
    assert capsys.readouterr().out == first


def test_another_seed_another_output(content, capsys):
    run("--games", "30", "--seed", "7", "--json")
    first = capsys.readouterr().out
    run("--games", "30", "--seed", "8", "--json")
    assert capsys.readouterr().out != first


def test_rules_switch_picks_a_board_of_that_preset(content, capsys):
    assert run("--rules", "simple", "--games", "3", "--json") == 0
    assert json.loads(capsys.readouterr().out)["board"] == "test_simple"


def test_rules_switch_can_replay_a_board_under_other_rules(content, capsys):
    assert run("--board", "test_classic", "--rules", "simple", "--games", "3", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["rules"] == "simple" and report["turns"]["max"] < 200


def test_no_progress_bar_when_stderr_is_not_a_terminal(content, capsys):
    run("--board", "test_simple", "--games", "201")
    assert capsys.readouterr().err == ""


def test_a_game_stopped_at_the_cap_is_unfinished():
    board = classic_board()
    summary = simulate.play_game(board, [PlayerSpec(), PlayerSpec()], 1, max_turns=10)
    assert (summary.reason, summary.winner, summary.turns) == ("cap", None, 10)


def test_a_board_turn_limit_still_names_a_winner():
    board = classic_board(max_turns=10)
    summary = simulate.play_game(board, [PlayerSpec(), PlayerSpec()], 1)
    assert summary.reason == "max_turns" and summary.winner in ("red", "blue")


@pytest.mark.parametrize("q, expected", [(50, 3), (90, 5), (100, 5), (0, 1)])
def test_percentile_is_nearest_rank(q, expected):
    assert simulate.percentile([5, 1, 4, 2, 3], q) == expected


# Recorded from the engine before the simulate speed work (issue 17); a change here changes games.
GOLDEN = {
    ("test_classic", "random"): {
        "turns": {"max": 450, "mean": 344.3, "p50": 343, "p90": 392},
        "minutes": {"max": 53.3, "mean": 39.2, "p50": 39.3, "p90": 44.2},
        "scenes_per_game": {"quizzes": 11.28, "scenarios": 1.0},
        "win_rate_by_seat": {"blue": 0.2, "green": 0.325, "red": 0.15, "yellow": 0.325},
        "savings_left": {"mean": 49612, "mean_share": 0.992, "min": 45000, "starting": 50000},
        "landings": {"help": 2.98, "police": 12.28},
    },
    ("test_simple", "naive,cautious"): {
        "turns": {"max": 33, "mean": 25.9, "p50": 26, "p90": 31},
        "minutes": {"max": 4.6, "mean": 3.4, "p50": 3.6, "p90": 4.2},
        "scenes_per_game": {"quizzes": 0.3, "scenarios": 0.68},
        "win_rate_by_seat": {"blue": 0.225, "green": 0.25, "red": 0.3, "yellow": 0.225},
        "savings_left": {"mean": 99700, "mean_share": 0.997, "min": 95000, "starting": 100000},
        "landings": {"help": 1.05, "police": 0.97},
    },
}


@pytest.mark.parametrize("board, policy", sorted(GOLDEN))
def test_a_fixed_seed_plays_the_recorded_games(content, capsys, board, policy):
    assert run("--board", board, "--policy", policy, "--games", "40", "--seed", "5", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    got = {key: report[key] for key in ("turns", "minutes", "scenes_per_game", "win_rate_by_seat", "savings_left")}
    got["landings"] = {tile: info["per_game"] for tile, info in report["tile_landings_per_game"].items()}
    assert got == GOLDEN[board, policy]


def test_two_processes_give_the_report_of_one(content, capsys):
    # 300 games: enough for both processes to play several chunks.
    run("--board", "test_classic", "--games", "300", "--seed", "3", "--json", "--jobs", "1")
    one = capsys.readouterr().out
    run("--board", "test_classic", "--games", "300", "--seed", "3", "--json", "--jobs", "2")
    assert capsys.readouterr().out == one


def test_games_come_back_in_seed_order_from_several_processes(content):
    setup = simulate_pool.Setup.of(content, simulate_pool.Plan("test_classic", None, "p", ("random",) * 4, 2000))
    seeds = list(range(100, 100 + 3 * simulate_pool.CHUNK))
    assert simulate_pool.play_all(setup, seeds, jobs=3) == [setup.play(seed) for seed in seeds]


def test_the_library_is_loaded_once_however_many_processes(content, monkeypatch, tmp_path):
    log = tmp_path / "loads"      # a file, so that a load in a worker process is counted too

    def load(*args, **kwargs):
        with log.open("a") as f:
            f.write("load\n")
        return _Loaded(content)

    monkeypatch.setattr(game.content.loader, "load_library", load)
    run("--board", "test_classic", "--games", "200", "--jobs", "2")
    assert log.read_text().count("load") == 1


def test_a_worker_ends_on_sigterm_whatever_handler_it_inherited():
    # The game's stop request only notes SIGTERM; a forked worker keeping that handler outlives its pool.
    import signal

    saved = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGTERM, lambda *_: None)
    try:
        simulate_pool._start_worker(None)
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    finally:
        signal.signal(signal.SIGTERM, saved[0])
        signal.signal(signal.SIGINT, saved[1])
