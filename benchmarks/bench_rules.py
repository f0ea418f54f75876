"""Classic 4-player games per second, random policies (target: ≥ 1,000 games/s for the whole
``simulate`` command on the shipped board, start-up included).

    python benchmarks/bench_rules.py [GAMES] [--command-games N] [--runs N]

Per process (pinned to one CPU where the OS allows it; best of 3 runs of GAMES, default 2000):

* engine, quiet   — a 52-square classic ring (all classic switches, no tiles),
                    ``Game(record=False)``, random moves.
* engine, events  — the same games building every event, as the screens do.
* shipped board   — ``classic_four`` from scenarios/ with its tiles; every scene
                    is played by the random policy on the real script or quiz item
                    (``simulate_games.play_game``, what a simulate worker runs).

Whole command (run first, on every core this process may use; best and median of --runs):
``python -m game simulate --board classic_four --players 4 --games N --jobs J`` for J = 1
and 2, wall clock from start to exit — interpreter start, imports, loading the library,
starting the workers and the report all count.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from types import MappingProxyType

try:
    import resource            # CPU time of the command (not on Windows)
except ImportError:
    resource = None

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.content.models import Board, Layout, RulePreset, Seat, Square  # noqa: E402
from game.content.rulesets import COLOURS, resolve  # noqa: E402
from game.rules import POLICIES, Game, Phase, PlayerSpec  # noqa: E402
from game.rules.policies import play_pending_scene  # noqa: E402
from game.rules.simulate_games import play_game  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

SEATS = (("red", 0, 50), ("yellow", 13, 11), ("blue", 26, 24), ("green", 39, 37))
FLY = {16: 28, 29: 41, 42: 2, 3: 15}


def classic_ring() -> Board:
    squares = tuple(Square(i, COLOURS[i % 4], None, FLY.get(i)) for i in range(52))
    seats = tuple(Seat(c, s, e, shape) for (c, s, e), shape in zip(SEATS, ("circle", "square", "triangle", "diamond")))
    return Board("bench_classic", "bench", "", Layout.RING, MappingProxyType(resolve("classic", {})),
                 RulePreset.CLASSIC, squares, seats, 6, 1, 4)


def play(board: Board, seed: int, record: bool, library=None) -> int:
    """One game with four random players; returns its turns."""
    game = Game(board, PLAYERS, seed, library=library, record=record)
    policy = POLICIES["random"]
    rng = game.ai_rng
    roll, apply, choose, legal_moves = game.roll, game.apply, policy.choose_move, game.legal_moves
    roll_phase, move_phase, over = Phase.ROLL, Phase.MOVE, Phase.OVER
    while True:
        phase = game.phase
        if phase is roll_phase:
            roll()
        elif phase is move_phase:
            apply(choose(game, legal_moves(), rng))
        elif phase is over:
            return game.turns
        else:
            game.resolve_scene(play_pending_scene(game, policy, rng))


PLAYERS = [PlayerSpec(f"P{i}", policy="random") for i in range(4)]


def measure(label: str, board: Board, games: int, record: bool, library=None, repeats: int = 3) -> float:
    """Best and median of ``repeats`` runs (best is the least disturbed by other processes)."""
    play(board, 10**9, record, library)           # warm the shared geometry and move tables
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        turns = sum(play(board, seed, record, library) for seed in range(games))
        rates.append(games / (time.perf_counter() - start))
    best, median = max(rates), sorted(rates)[len(rates) // 2]
    print(f"{label:<16} {best:8,.0f} games/s best of {repeats}, median {median:,.0f}   "
          f"({games} games per run, {turns / games:.0f} turns per game)")
    return best


def measure_shipped(library, games: int, repeats: int = 3) -> float:
    """``classic_four`` as a simulate worker plays it (scenes, pack, summaries)."""
    board, pack = library.boards["classic_four"], _first_pack(library, "classic_four")
    players = [PlayerSpec(f"P{i + 1}", policy="random") for i in range(4)]
    play_game(board, players, 10**9, library=library, pack=pack, max_turns=2000)
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        for seed in range(games):
            play_game(board, players, seed, library=library, pack=pack, max_turns=2000)
        rates.append(games / (time.perf_counter() - start))
    best, median = max(rates), sorted(rates)[len(rates) // 2]
    print(f"{'shipped board':<16} {best:8,.0f} games/s best of {repeats}, median {median:,.0f}   "
          f"({games} games per run, scenes played)")
    return best


def _first_pack(library, board_id: str):
    return next((library.packs[p] for p in sorted(library.packs) if board_id in library.packs[p].boards), None)


def measure_command(games: int, jobs: int, runs: int) -> float:
    """Wall clock of the whole ``simulate`` command, start-up included, and the CPU time it used."""
    command = [sys.executable, "-m", "game", "simulate", "--board", "classic_four", "--players", "4",
               "--games", str(games), "--jobs", str(jobs)]
    rates, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN) if resource else None
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        rates.append(games / (time.perf_counter() - start))
        if resource:
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    best, median = max(rates), sorted(rates)[len(rates) // 2]
    spent = f", {min(cpu):.1f} s CPU" if cpu else ""
    print(f"command, {jobs} job{'s' if jobs > 1 else ' '} {best:8,.0f} games/s best of {runs}, median {median:,.0f}   "
          f"({games} games{spent}, load average {os.getloadavg()[0]:.1f})")
    return best


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        model = next((line.split(":", 1)[1].strip() for line in out.splitlines() if line.startswith("Model name")),
                     model)
    except (OSError, subprocess.CalledProcessError):
        pass
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("games", nargs="?", type=int, default=2000, help="games per run, per process (default 2000)")
    parser.add_argument("--command-games", type=int, default=5000, metavar="N",
                        help="games of the whole-command runs (default 5000; 0 skips them)")
    parser.add_argument("--runs", type=int, default=3, metavar="N", help="whole-command runs each (default 3)")
    args = parser.parse_args(argv)
    print(machine(), f"— load average {os.getloadavg()[0]:.1f} at the start")
    command = 0.0
    if args.command_games:
        for jobs in (1, 2):
            rate = measure_command(args.command_games, jobs, args.runs)
            command = max(command, rate)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    board = classic_ring()
    measure("engine, quiet", board, args.games, record=False)
    measure("engine, events", board, args.games, record=True)
    from game.content.loader import load_library

    library = load_library().library
    if "classic_four" in library.boards:
        measure_shipped(library, max(args.games // 4, 50))
    else:
        print("shipped board    (classic_four did not load; skipped)")
    if args.command_games:
        print(f"target ≥ 1,000 games/s (whole command): {'met' if command >= 1000 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
