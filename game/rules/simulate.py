"""``python -m game simulate``: play many computer games on a shipped board and report.

Game length, an estimate of minutes, how often each tile is landed on, scenes
played, win rate by seat and savings left. Scenes are played by the policy on
the real scripts and quiz items of the library. The same seed gives the same
output.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from types import MappingProxyType
from dataclasses import dataclass, field, replace
from typing import Sequence

from game.content.models import Board, Library, Pack

from .engine import Game, Phase, PlayerSpec, shared_geometry
from .geometry import Geometry
from .policies import POLICIES, Policy, get_policy, play_pending_scene
from .scoring import DEFAULT_SAVINGS

SECONDS_PER_TURN = 6
SECONDS_PER_SCENARIO = 60
SECONDS_PER_QUIZ = 20
TURN_CAP = 2000   # a board with no max_turns is stopped here and the game counted unfinished


@dataclass
class GameSummary:
    turns: int
    reason: str                      # finished / max_turns (the board's own limit) / cap
    winner: str | None               # seat colour; None when stopped at the cap
    scenarios: int = 0
    quizzes: int = 0
    tile_landings: dict[str, int] = field(default_factory=dict)
    savings: list[int] = field(default_factory=list)

    @property
    def seconds(self) -> int:
        return self.turns * SECONDS_PER_TURN + self.scenarios * SECONDS_PER_SCENARIO + self.quizzes * SECONDS_PER_QUIZ


def play_game(board: Board, players: Sequence[PlayerSpec], seed: int, *, library: Library | None = None,
              pack: Pack | None = None, rules=None, max_turns: int | None = None,
              geometry: Geometry | None = None) -> GameSummary:
    """One whole computer game; every player uses ``PlayerSpec.policy`` (default random)."""
    game = Game(board, players, seed, library=library, pack=pack, rules=rules, max_turns=max_turns,
                geometry=geometry, record=False)
    policies: list[Policy] = [get_policy(spec.policy or "random") for spec in players]
    rng = game.ai_rng
    scenarios = quizzes = 0
    roll, apply = game.roll, game.apply
    while True:
        phase = game.phase
        if phase is Phase.ROLL:
            roll()
        elif phase is Phase.MOVE:
            apply(policies[game.current].choose_move(game, game._moves, rng))
        elif phase is Phase.SCENE:
            result = play_pending_scene(game, policies[game.pending_scene.player], rng)
            if result.kind == "scenario":
                scenarios += 1
            else:
                quizzes += 1
            game.resolve_scene(result)
        else:
            break
    capped = game.over_reason == "max_turns" and max_turns is not None and not game.rules.get("max_turns")
    reason = "cap" if capped else game.over_reason
    winner = None if capped else game.colour(game.winner)
    return GameSummary(game.turns, reason, winner, scenarios, quizzes, dict(game.tile_landings),
                       [s.savings for s in game.scores])


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile of ``values`` (q in 0..100)."""
    if not values:
        return 0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def summarise(games: list[GameSummary], board: Board, library: Library | None, starting: int) -> dict:
    n = len(games)
    turns = [g.turns for g in games]
    minutes = [g.seconds / 60 for g in games]
    seats = [s.colour for s in board.seats]
    wins = {c: 0 for c in seats}
    for g in games:
        if g.winner is not None:
            wins[g.winner] += 1
    decided = sum(wins.values())
    landings: dict[str, int] = {}
    for g in games:
        for tile, count in g.tile_landings.items():
            landings[tile] = landings.get(tile, 0) + count
    savings = [s for g in games for s in g.savings]
    tiles = library.tiles if library else {}
    return {
        "games": n,
        "ended": {reason: sum(1 for g in games if g.reason == reason) for reason in ("finished", "max_turns", "cap")},
        "turns": {"mean": round(sum(turns) / n, 1), "p50": percentile(turns, 50), "p90": percentile(turns, 90),
                  "max": max(turns)},
        "minutes": {"mean": round(sum(minutes) / n, 1), "p50": round(percentile(minutes, 50), 1),
                    "p90": round(percentile(minutes, 90), 1), "max": round(max(minutes), 1)},
        "assumptions": {"seconds_per_turn": SECONDS_PER_TURN, "seconds_per_scenario": SECONDS_PER_SCENARIO,
                        "seconds_per_quiz": SECONDS_PER_QUIZ},
        "scenes_per_game": {"scenarios": round(sum(g.scenarios for g in games) / n, 2),
                            "quizzes": round(sum(g.quizzes for g in games) / n, 2)},
        "tile_landings_per_game": {
            tile: {"keyword": tiles[tile].keyword if tile in tiles else "",
                   "per_game": round(count / n, 2)}
            for tile, count in sorted(landings.items(), key=lambda kv: (-kv[1], kv[0]))},
        "win_rate_by_seat": {c: round(wins[c] / decided, 3) if decided else 0.0 for c in seats},
        "savings_left": {"starting": starting,
                         "mean": round(sum(savings) / len(savings)) if savings else starting,
                         "min": min(savings) if savings else starting,
                         "mean_share": round(sum(savings) / len(savings) / starting, 3) if savings and starting
                         else 1.0},
    }


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
    from game.content.validate_cmd import add_content_argument
    add_content_argument(parser)


def run(args: argparse.Namespace) -> int:
    from game.content.loader import load_library
    from game.content.rulesets import resolve
    from game.content.validate_cmd import content_sources

    sources = content_sources(args, "simulate")
    if sources is None:
        return 2
    loaded = load_library(sources=sources)
    packs = getattr(loaded, "packs", ())
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
    if args.rules and args.rules != board.preset.value:
        board = replace(board, rules=MappingProxyType(resolve(args.rules, {})))
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
    pack = _pick_pack(library, board.id, args.pack)
    if args.pack and pack is None:
        print(f"simulate: no pack '{args.pack}'; packs: {', '.join(sorted(library.packs))}", file=sys.stderr)
        return 2
    players = [PlayerSpec(f"P{i + 1}", policy=names[i % len(names)]) for i in range(n_players)]
    max_turns = None if board.rules.get("max_turns") else args.max_turns
    geometry = shared_geometry(board, board.rules)
    seeds = random.Random(args.seed)
    progress = _Progress(args.games) if sys.stderr.isatty() and args.games > 200 else None
    games = []
    for i in range(args.games):
        games.append(play_game(board, players, seeds.getrandbits(64), library=library, pack=pack,
                               max_turns=max_turns, geometry=geometry))
        if progress:
            progress.update(i + 1)
    if progress:
        progress.done()
    starting = pack.settings.starting_savings if pack else DEFAULT_SAVINGS
    report = {"board": board.id, "rules": board.preset.value if not args.rules else args.rules,
              "players": n_players, "policies": [p.policy for p in players], "pack": pack.id if pack else None,
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
