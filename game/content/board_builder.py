"""Building a board file: its rules, track (squares, tiles, jumps, flights) and seats."""

from __future__ import annotations

from types import MappingProxyType

from . import rulesets
from .built import Built
from .models import (
    Board,
    Layout,
    RulePreset,
    Seat,
    Source,
    Square,
)
from .reader import ID_PATTERN, Reader
from .yamlsafe import brief


def build_board(r: Reader, built: Built, source: Source):
    r.where = "this board"
    board_id = r.id()
    name = r.text("name")
    description = r.text("description")
    layout = r.enum("layout", Layout, required=False, default=Layout.RING)
    rules = _rules(r)
    players = r.sub("players", "'players'", required=False)
    min_p = players.int("min", default=1, low=1, high=4) if players else 1
    max_p = players.int("max", default=4, low=1, high=4) if players else 4
    if players:
        if not players.finish():
            r.ok = False
        if min_p > max_p:
            players.error("min", "out-of-range", f"players.min ({min_p}) is larger than players.max ({max_p})")
            r.ok = False
    squares = _track(r, built, board_id or "")
    seats = _seats(r, len(squares) if squares else 0)
    home_length = r.int("home_length", default=0 if layout is Layout.PATH else 6, low=0, high=12)
    if seats is not None and max_p > len(seats):
        r.error("seats", "not-enough-seats", f"the board allows {max_p} players but has {len(seats)} seats",
                "add seats or lower players.max")
    if layout is Layout.RING and home_length == 0:
        r.error("home_length", "out-of-range", "a ring board needs home columns (home_length ≥ 1)")
    if not (board_id and squares and seats and rules):
        return None
    return Board(board_id, name, description, layout, MappingProxyType(rules[1]), rules[0],
                 squares, seats, home_length, min_p, max_p, source)


def _rules(r: Reader):
    data = r.mapping("rules")
    if data is None:
        return None
    rr = Reader(data, r.problems, "'rules'", r.texts)
    preset = rr.enum("preset", RulePreset)
    overrides: dict[str, object] = {}
    for key, value in data.items():
        if key == "preset":
            continue
        switch = rulesets.SWITCHES.get(key)
        rr.asked.add(key) if switch else None
        if switch is None:
            continue  # finish() reports it with a hint
        pos = data.pos(key)
        if switch.kind == "bool" and not isinstance(value, bool):
            r.problems.error(*pos, "wrong-type", f"rule '{key}' must be true or false", switch.doc)
            rr.ok = False
            continue
        elif switch.kind == "int":
            if not isinstance(value, int) or isinstance(value, bool) or not switch.low <= value <= switch.high:
                r.problems.error(*pos, "wrong-type",
                                 f"rule '{key}' must be a whole number from {switch.low} to {switch.high}", switch.doc)
                rr.ok = False
                continue
        elif switch.kind == "dice_set":
            if (not isinstance(value, list) or not value
                    or not all(isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 6 for v in value)):
                r.problems.error(*pos, "wrong-type", f"rule '{key}' must be a list of dice faces 1–6, e.g. [5, 6]",
                                 switch.doc)
                rr.ok = False
                continue
            value = sorted(set(value))
        overrides[key] = value
    # Names of all switches are acceptable keys: make the hint list them.
    known = set(rr.asked)
    rr.asked |= set(rulesets.SWITCHES) - set(data.keys())
    ok = rr.finish()
    rr.asked = known
    if not ok or preset is None:
        r.ok = False
        return None
    return preset, rulesets.resolve(preset.value, overrides)


def _track(r: Reader, built: Built, board_id: str):
    t = r.sub("track", "'track'")
    if t is None:
        return None
    length = t.int("length", required=True, low=4, high=200)
    colours = t.list("colours", required=False)
    cycle: list[str | None] = []
    if colours is not None:
        for i, c in enumerate(colours):
            if c is None or c in rulesets.COLOURS:
                cycle.append(c)
            else:
                r.problems.error(*colours.pos(i), "bad-value", f"{brief(c)} is not a board colour",
                                 f"one of: {', '.join(rulesets.COLOURS)} (or ~ for a plain square)")
                t.ok = False
    tiles = _index_map(t, "tiles", length, value_is_id=True)
    fly = _index_map(t, "fly", length, value_is_id=False)
    for index, (tile_id, line, col) in tiles.items():
        built.refs.append(("tile", tile_id, line, col, board_id))
    ok = t.finish()
    if not ok or not length:
        r.ok = False
        return None
    squares = []
    for i in range(length):
        colour = cycle[i % len(cycle)] if cycle else None
        squares.append(Square(i, colour, tiles[i][0] if i in tiles else None, fly[i][0] if i in fly else None))
    return tuple(squares)


def _index_map(t: Reader, key: str, length: int, value_is_id: bool) -> dict[int, tuple]:
    data = t.mapping(key, required=False)
    out: dict[int, tuple] = {}
    if data is None:
        return out
    for index, value in data.items():
        line, col = data.key_pos[index]
        if not isinstance(index, int) or not 0 <= index < length:
            t.problems.error(line, col, "bad-square",
                             f"{brief(index)} in '{key}' is not a square number 0–{length - 1}",
                             "squares are numbered from 0 along the track")
            t.ok = False
            continue
        vline, vcol = data.pos(index)
        if value_is_id:
            if not isinstance(value, str) or not ID_PATTERN.match(value):
                t.problems.error(vline, vcol, "bad-id", f"{brief(value)} on square {index} is not a tile id")
                t.ok = False
                continue
        elif not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < length:
            t.problems.error(vline, vcol, "bad-square",
                             f"fly target {brief(value)} is not a square number 0–{length - 1}")
            t.ok = False
            continue
        out[index] = (value, vline, vcol)
    return out


def _seats(r: Reader, length: int):
    items = r.list("seats")
    if items is None:
        return None
    seats = []
    colours_seen: set[str] = set()
    shapes_seen: set[str] = set()
    for i, s in r.each_mapping(items, "seats", lambda i: f"seat {i + 1}"):
        colour = s.choice("colour", rulesets.COLOURS, required=True)
        start = s.int("start", required=True, low=0, high=max(length - 1, 0))
        entry = s.int("home_entry", required=True, low=0, high=max(length - 1, 0))
        shape = s.choice("shape", rulesets.SHAPES, default=rulesets.SHAPES[i % len(rulesets.SHAPES)])
        if colour in colours_seen:
            s.error("colour", "duplicate-seat", f"two seats have the colour {colour}")
        if shape in shapes_seen:
            s.error("shape", "duplicate-seat", f"two seats have the shape {shape}",
                    "each player needs a distinct shape so colour-blind players can tell tokens apart")
        colours_seen.add(colour)
        shapes_seen.add(shape)
        if s.finish():
            seats.append(Seat(colour, start, entry, shape))
        else:
            r.ok = False
    return tuple(seats) if seats and r.ok else None
