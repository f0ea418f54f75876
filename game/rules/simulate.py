"""``python -m game simulate``: play many computer games on a shipped board and report.

Game length, an estimate of minutes, how often each tile is landed on, scenes
played, win rate by seat and savings left. Scenes are played by the policy on
the real scripts and quiz items of the library. The same seed gives the same
output, on one process or several (``--jobs``; see ``simulate_pool``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys

from game.content import loader
from game.content.validate_cmd import add_content_argument, content_sources
from game.content.models import Board, Library, Pack

from .policies import POLICIES
from .scoring import DEFAULT_SAVINGS
from .simulate_games import (
    SECONDS_PER_QUIZ, SECONDS_PER_SCENARIO, SECONDS_PER_TURN, TURN_CAP, GameSummary, percentile, play_game,
    summarise,
)
from .simulate_pool import Plan, Setup, default_jobs, play_all

# The command's building blocks stay importable from here.
__all__ = ["SECONDS_PER_QUIZ", "SECONDS_PER_SCENARIO", "SECONDS_PER_TURN", "TURN_CAP", "GameSummary", "add_arguments",
           "format_report", "percentile", "play_game", "run", "summarise"]


# ---------------------------------------------------------------- command line

def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--board", metavar="ID", help="board id (default: the first board, by id, "
                                                      "with the --rules preset if given)")
    parser.add_argument("--rules", choices=("simple", "classic"),
                        help="play the board under this preset instead of its own rules")
    parser.add_argument("--players", type=int, metavar="N", help="players per game (default: the board's maximum)")
    parser.add_argument("--policy", default="random", metavar="P",
                        help=f"computer policy: {', '.join(POLICIES)}; or one per seat, comma separated")
    parser.add_argument("--pack", metavar="ID", help="pack for starting savings and allowed scenes "
                                                     "(default: the first pack using the board)")
    parser.add_argument("--games", type=int, default=500, metavar="N", help="games to play (default 500)")
    parser.add_argument("--seed", type=int, default=1, metavar="N", help="random seed (default 1)")
    parser.add_argument("--max-turns", type=int, default=TURN_CAP, metavar="N",
                        help=f"stop a game after N turns and count it unfinished, for boards without "
                             f"their own max_turns (default {TURN_CAP})")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--jobs", type=int, default=default_jobs(), metavar="N",
                        help="processes to play on (default: this machine's cores, here %(default)s); "
                             "the report is the same for any N")
    add_content_argument(parser)


def run(args: argparse.Namespace) -> int:
    sources = content_sources(args, "simulate")
    if sources is None:
        return 2
    loaded = loader.load_library(sources=sources)
    packs = loaded.packs
    for status in packs:
        if status.origin == "given" and not status.loaded:
            print(f"simulate: the pack in {status.place.shown} is not loaded: {status.reason}", file=sys.stderr)
            return 1
    library = loaded.library
    given_boards = [b for s in packs if s.origin == "given" for b in s.ids.get("boards", ())]
    if args.board is None and given_boards and not args.rules:
        args.board = given_boards[0]   # measure the pack being written, not a shipped board
    if not library.boards:
        print("simulate: no boards loaded (run `python -m game validate` to see why)", file=sys.stderr)
        return 2
    board = _pick_board(library, args.board, args.rules)
    if board is None:
        wanted = f"board '{args.board}'" if args.board else f"a {args.rules} board"
        print(f"simulate: no {wanted}; boards: {', '.join(sorted(library.boards))}", file=sys.stderr)
        return 2
    rules = args.rules if args.rules and args.rules != board.preset.value else None
    n_players = args.players or board.max_players
    if not board.min_players <= n_players <= min(board.max_players, len(board.seats)):
        print(f"simulate: board '{board.id}' is for {board.min_players}–{board.max_players} players, "
              f"not {n_players}", file=sys.stderr)
        return 2
    names = [p.strip() for p in args.policy.split(",") if p.strip()] or ["random"]
    unknown = [p for p in names if p not in POLICIES]
    if unknown:
        print(f"simulate: unknown policy {', '.join(unknown)}; choose from {', '.join(POLICIES)}", file=sys.stderr)
        return 2
    if args.games < 1:
        print("simulate: --games must be at least 1", file=sys.stderr)
        return 2
    if args.jobs < 1:
        print("simulate: --jobs must be at least 1", file=sys.stderr)
        return 2
    pack = _pick_pack(library, board.id, args.pack)
    if args.pack and pack is None:
        print(f"simulate: no pack '{args.pack}'; packs: {', '.join(sorted(library.packs))}", file=sys.stderr)
        return 2
    max_turns = None if board.rules.get("max_turns") else args.max_turns
    plan = Plan(board.id, rules, pack.id if pack else None,
                tuple(names[i % len(names)] for i in range(n_players)), max_turns,
                content=tuple(str(p) for p in args.content))
    setup = Setup.of(library, plan)
    # Game i's seed is the i-th draw, whichever process plays it.
    draws = random.Random(args.seed)
    seeds = [draws.getrandbits(64) for _ in range(args.games)]
    progress = _Progress(args.games) if sys.stderr.isatty() and args.games > 200 else None
    games = play_all(setup, seeds, args.jobs, progress.update if progress else None)
    if progress:
        progress.done()
    board = setup.board
    starting = pack.settings.starting_savings if pack else DEFAULT_SAVINGS
    report = {"board": board.id, "rules": board.preset.value if not args.rules else args.rules,
              "players": n_players, "policies": list(plan.policies), "pack": pack.id if pack else None,
              "seed": args.seed, "turn_cap": max_turns or board.rules.get("max_turns")}
    report.update(summarise(games, board, library, starting))
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        print(format_report(report))
    return 0


def _pick_board(library: Library, board_id: str | None, preset: str | None) -> Board | None:
    if board_id:
        return library.boards.get(board_id)
    ids = sorted(library.boards)
    for bid in ids:
        if preset is None or library.boards[bid].preset.value == preset:
            return library.boards[bid]
    return None


def _pick_pack(library: Library, board_id: str, pack_id: str | None) -> Pack | None:
    if pack_id:
        return library.packs.get(pack_id)
    for pid in sorted(library.packs):
        if board_id in library.packs[pid].boards:
            return library.packs[pid]
    return None


def format_report(r: dict) -> str:
    t, m, a = r["turns"], r["minutes"], r["assumptions"]
    lines = [
        f"board {r['board']} ({r['rules']} rules), {r['players']} players, "
        f"policy {','.join(r['policies']) if len(set(r['policies'])) > 1 else r['policies'][0]}, "
        f"{r['games']} games, seed {r['seed']}",
        f"pack: {r['pack'] or '(none)'}; starting savings ¥{r['savings_left']['starting']:,}",
        f"game length (turns): mean {t['mean']}, p50 {t['p50']}, p90 {t['p90']}, max {t['max']}",
        f"ended: {r['ended']['finished']} finished, {r['ended']['max_turns']} at the board's turn limit, "
        f"{r['ended']['cap']} unfinished at the {r['turn_cap']}-turn cap",
        f"estimated minutes: mean {m['mean']}, p50 {m['p50']}, p90 {m['p90']}, max {m['max']}",
        f"  (assumes {a['seconds_per_turn']} s per turn, {a['seconds_per_scenario']} s per scenario, "
        f"{a['seconds_per_quiz']} s per quiz question)",
        f"scenes per game: {r['scenes_per_game']['scenarios']} scenarios, {r['scenes_per_game']['quizzes']} quizzes",
        "win rate by seat: " + ", ".join(f"{c} {rate:.1%}" for c, rate in r["win_rate_by_seat"].items()),
        f"savings left per player: mean ¥{r['savings_left']['mean']:,} "
        f"({r['savings_left']['mean_share']:.1%}), lowest ¥{r['savings_left']['min']:,}",
        "tile landings per game:",
    ]
    landings = r["tile_landings_per_game"]
    if not landings:
        lines.append("  (no tile was landed on)")
    for tile, info in landings.items():
        lines.append(f"  {info['per_game']:6.2f}  {tile} {info['keyword']}")
    return "\n".join(lines)


class _Progress:
    WIDTH = 30

    def __init__(self, total: int):
        self.total = total
        self.shown = -1

    def update(self, done: int) -> None:
        percent = done * 100 // self.total
        if percent != self.shown:
            self.shown = percent
            filled = done * self.WIDTH // self.total
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {percent:3d}% {done}/{self.total}")
            sys.stderr.flush()

    def done(self) -> None:
        sys.stderr.write("\n")
        sys.stderr.flush()
