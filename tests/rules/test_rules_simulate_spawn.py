"""Where processes cannot be forked (Windows, macOS), each simulate worker starts afresh and loads the
shipped library itself: the one rules test that reads shipped content."""

import multiprocessing

import pytest

from game.content.loader import load_library
from game.rules.simulate_pool import MIN_PER_JOB, Plan, Setup, play_all

pytestmark = pytest.mark.skipif("spawn" not in multiprocessing.get_all_start_methods(), reason="no spawn here")


def test_spawned_workers_play_the_games_of_one_process():
    library = load_library().library
    board = library.boards[sorted(library.boards)[0]]
    setup = Setup.of(library, Plan(board.id, None, None, ("random",) * board.max_players, 2000))
    seeds = list(range(2 * MIN_PER_JOB))
    assert play_all(setup, seeds, jobs=2, start_method="spawn") == [setup.play(seed) for seed in seeds]


def test_spawned_workers_load_the_packs_given_with_content():
    from pathlib import Path

    from game.content.packs import ContentSources

    pack_dir = Path(__file__).resolve().parents[1] / "packs" / "qingshan"
    library = load_library(sources=ContentSources(extra=(pack_dir,))).library
    plan = Plan("qingshan_path", None, None, ("random",) * 2, 2000, content=(str(pack_dir),))
    setup = Setup.of(library, plan)
    seeds = list(range(2 * MIN_PER_JOB))
    assert play_all(setup, seeds, jobs=2, start_method="spawn") == [setup.play(seed) for seed in seeds]
