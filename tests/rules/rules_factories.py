"""Small boards, scenarios and quizzes built straight from the content dataclasses.

The rules tests never read shipped content.

``classic_board()`` is a 52-square ring coloured red/yellow/blue/green in turn
(square i has colour COLOURS[i % 4]). Seats start on their own colour 13
squares apart and turn home 4 squares before their start:

    seat    start  home_entry  fly square → target  crossing (home column)
    red       0       48            16 → 28          blue  (entry 22)
    yellow   13        9            29 → 41          green (entry 35)
    blue     26       22            42 →  2          red   (entry 48)
    green    39       35             3 → 15          yellow (entry 9)

Red's route: position k is square k for k ≤ 48; home column positions 49..54;
finish = 54.
"""

from __future__ import annotations

from types import MappingProxyType

from game.content.models import (
    Board, Channel, Choice, Ending, EndingOutcome, Ladder, Layout, Library, Node, Outcome, Pack,
    PackSettings, QuizItem, QuizPool, RulePreset, Scenario, Seat, Square, Technique, Tile, TileType,
    Audience,
)
from game.content.rulesets import COLOURS, resolve

CLASSIC_SEATS = (("red", 0, 48), ("yellow", 13, 9), ("blue", 26, 22), ("green", 39, 35))
CLASSIC_FLY = {16: 28, 29: 41, 42: 2, 3: 15}


def classic_board(tiles: dict[int, str] | None = None, **overrides) -> Board:
    tiles = tiles or {}
    squares = tuple(Square(i, COLOURS[i % 4], tiles.get(i), CLASSIC_FLY.get(i)) for i in range(52))
    seats = tuple(Seat(c, s, e, shape) for (c, s, e), shape in
                  zip(CLASSIC_SEATS, ("circle", "square", "triangle", "diamond")))
    return Board("test_classic", "classic", "", Layout.RING, MappingProxyType(resolve("classic", overrides)),
                 RulePreset.CLASSIC, squares, seats, 6, 2, 4)


def simple_board(length: int = 30, tiles: dict[int, str] | None = None, players: int = 4, **overrides) -> Board:
    tiles = tiles or {}
    squares = tuple(Square(i, None, tiles.get(i), None) for i in range(length))
    seats = tuple(Seat(c, 0, length - 1, shape) for c, shape in
                  zip(COLOURS[:players], ("circle", "square", "triangle", "diamond")))
    return Board("test_simple", "simple", "", Layout.PATH, MappingProxyType(resolve("simple", overrides)),
                 RulePreset.SIMPLE, squares, seats, 0, 1, players)


def choice(text="", to="end", outcome=Outcome.NEUTRAL, money=0, ladder=Ladder.IGNORED, techniques=(),
           feedback="") -> Choice:
    return Choice(text, to, outcome, money, ladder, tuple(techniques), feedback)


def node(nid, choices=(), ending=None) -> Node:
    return Node(nid, Channel.CHAT, None, (), tuple(choices),
                Ending(ending, f"{nid} ends") if ending else None)


def rescue_scenario(company_money=False) -> Scenario:
    """start → (risky: pay 3000 → call, whose only choice reports → reported) | (safe → escaped).

    ``call`` is a one-choice "rescue" step (a relative rings and says to call 110)."""
    nodes = [
        node("start", [
            choice("pay the 'fee'", "call", Outcome.RISKY, 3000, Ladder.PAID, [Technique.GREED]),
            choice("hang up", "escaped", Outcome.SAFE, 0, Ladder.IGNORED, [Technique.GREED]),
        ]),
        node("call", [choice("do as the son says: report", "reported", Outcome.SAFE, 0, Ladder.REPORTED,
                             [Technique.AUTHORITY])]),
        node("reported", ending=EndingOutcome.REPORTED),
        node("escaped", ending=EndingOutcome.ESCAPED),
    ]
    return Scenario("rescue", "rescue", "fake_boss", (Audience.WORKPLACE,), "", 10_000, "start",
                    MappingProxyType({n.id: n for n in nodes}), company_money=company_money)


def scam_scenario(sid="s1", scam_type="fake_police", at_stake=5000) -> Scenario:
    """start → (safe: report → ending reported) | (risky: pay 3000 → ask → (risky pay 2000 → scammed) | (safe → escaped))."""
    nodes = [
        node("start", [
            choice("hang up and call 110", "reported", Outcome.SAFE, 0, Ladder.REPORTED, [Technique.AUTHORITY]),
            choice("transfer to the 'safe account'", "ask", Outcome.RISKY, 3000, Ladder.PAID,
                   [Technique.AUTHORITY, Technique.FEAR]),
        ]),
        node("ask", [
            choice("pay the 'fee' too", "scammed", Outcome.RISKY, 2000, Ladder.PAID, [Technique.URGENCY]),
            choice("stop and ask the family", "escaped", Outcome.SAFE, 0, Ladder.VERIFIED, [Technique.URGENCY]),
        ]),
        node("reported", ending=EndingOutcome.REPORTED),
        node("scammed", ending=EndingOutcome.SCAMMED),
        node("escaped", ending=EndingOutcome.ESCAPED),
    ]
    return Scenario(sid, sid, scam_type, (Audience.GENERAL,), "", at_stake, "start",
                    MappingProxyType({n.id: n for n in nodes}))


def quiz_pool(pid="quiz_basics", n=3, scam_type=None) -> QuizPool:
    items = tuple(QuizItem(f"{pid}_{i}", f"q{i}", ("a", "b", "c"), i % 3, "because", (Technique.URGENCY,))
                  for i in range(n))
    return QuizPool(pid, pid, scam_type, items)


def library(board: Board | None = None, scenarios=None, pools=None, tiles=None) -> Library:
    scenarios = scenarios if scenarios is not None else [scam_scenario()]
    pools = pools if pools is not None else [quiz_pool()]
    if tiles is None:
        tiles = [Tile("police", "公检法", TileType.SCAM, "fake_police", tuple(s.id for s in scenarios),
                      pools[0].id if pools else None, "tip"),
                 Tile("help", "96110", TileType.SAFE, None, (), None, "call 96110")]
    boards = {board.id: board} if board else {}
    return Library(tiles=MappingProxyType({t.id: t for t in tiles}),
                   boards=MappingProxyType(boards),
                   scenarios=MappingProxyType({s.id: s for s in scenarios}),
                   quiz_pools=MappingProxyType({p.id: p for p in pools}))


def pack(board_id="test_classic", savings=100_000, scenarios=(), pools=()) -> Pack:
    return Pack("p", Audience.GENERAL, "p", "", (board_id,), tuple(scenarios), tuple(pools),
                PackSettings(starting_savings=savings))


def game_on(board: Board, colours=("red", "yellow"), seed=0, **kwargs):
    """A game with one player per colour, player 0 to roll."""
    from game.rules import Game, PlayerSpec

    players = [PlayerSpec(c, colour=c) for c in colours]
    return Game.new(board, players, seed, **kwargs)


def park_all(game, pos=None) -> None:
    """Every token of every player to its hangar (or ``pos``), to set up a position from scratch."""
    from game.rules import HANGAR

    for p in range(len(game.players)):
        game.place(p, range(len(game.positions(p))), HANGAR if pos is None else pos)


def kinds(events) -> list[str]:
    return [type(e).__name__ for e in events]
