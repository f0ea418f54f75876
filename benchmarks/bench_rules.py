"""Classic 4-player games per second on one core, random policies (target: ≥ 1,000 games/s).

    python benchmarks/bench_rules.py [GAMES]        (default: 2000 per run, best of 3 runs)

Three figures:

* engine, quiet   — the target figure: a 52-square classic ring (all classic
                    switches, no tiles), ``Game(record=False)``, random moves.
* engine, events  — the same games building every event, as the screens do.
* shipped board   — ``classic_four`` from scenarios/ with its tiles; every scene
                    is played by the random policy on the real script or quiz item.

The process is pinned to one CPU where the OS allows it.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from types import MappingProxyType

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.content.models import Board, Layout, RulePreset, Seat, Square  # noqa: E402
from game.content.rulesets import COLOURS, resolve  # noqa: E402
from game.rules import POLICIES, Game, Phase, PlayerSpec  # noqa: E402
from game.rules.policies import play_pending_scene  # noqa: E402

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
    games = int(argv[0]) if argv else 2000
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    print(machine())
    board = classic_ring()
    rate = measure("engine, quiet", board, games, record=False)
    measure("engine, events", board, games, record=True)
    from game.content.loader import load_library

    library = load_library().library
    shipped = library.boards.get("classic_four")
    if shipped is not None:
        measure("shipped board", shipped, max(games // 10, 50), record=False, library=library)
    else:
        print("shipped board    (classic_four did not load; skipped)")
    print(f"target ≥ 1,000 games/s (engine, quiet): {'met' if rate >= 1000 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
