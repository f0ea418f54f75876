"""The rule switches a board can set, and the two presets.

A board names a preset (``simple`` or ``classic``) and may override any switch.
The validator checks names and types against ``SWITCHES``; ``game.rules`` reads
the resulting table from ``Board.rules``. Data only: no game logic here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Switch:
    name: str
    kind: str          # "bool", "int", "dice_set", "choice"
    doc: str
    choices: tuple[str, ...] = ()
    low: int = 0
    high: int = 0


SWITCHES: dict[str, Switch] = {s.name: s for s in (
    Switch("tokens_per_player", "int", "tokens (planes) each player has", low=1, high=4),
    Switch("launch_on", "dice_set", "dice faces that launch a token from its hangar; [1..6] means no launch roll is needed"),
    Switch("extra_roll_on_six", "bool", "rolling a 6 gives another roll"),
    Switch("three_sixes_penalty", "bool", "a third 6 in a row sends the moved token home and ends the turn"),
    Switch("capture", "bool", "landing on an opponent's token sends it back to its hangar"),
    Switch("jump", "bool", "landing on a square of your colour jumps to your next colour square"),
    Switch("jump_distance", "int", "squares a jump moves (classic: 4)", low=1, high=12),
    Switch("fly", "bool", "your colour's fly square flies you across the board"),
    Switch("fly_captures", "bool", "a flight sends home opponents on the squares it passes over"),
    Switch("stacking", "bool", "your own tokens on one square move together as a stack"),
    Switch("blocking", "bool", "two or more tokens of one colour on a square block opponents from passing"),
    Switch("exact_finish", "bool", "a token must land exactly on the last home square"),
    Switch("bounce_back", "bool", "with exact_finish: surplus steps bounce the token back"),
    Switch("play_for_places", "bool", "after the first player finishes, the others play on for 2nd, 3rd place"),
    Switch("scene_safe_move", "int", "squares forward after a scene or quiz ends safely", low=0, high=6),
    Switch("scene_risky_move", "int", "squares back after a scene ends scammed or a quiz is answered wrong", low=0, high=6),
    Switch("scene_scammed_lose_turn", "bool", "being scammed in a scene costs the next turn"),
    Switch("safe_tile_move", "int", "squares forward on landing on a safe (help) tile", low=0, high=6),
    Switch("max_turns", "int", "turns after which the game ends and the furthest player wins (0 = no limit)", low=0, high=10000),
)}


PRESETS: dict[str, dict[str, object]] = {
    "simple": {
        "tokens_per_player": 1,
        "launch_on": [1, 2, 3, 4, 5, 6],
        "extra_roll_on_six": False,
        "three_sixes_penalty": False,
        "capture": False,
        "jump": False,
        "jump_distance": 4,
        "fly": False,
        "fly_captures": False,
        "stacking": False,
        "blocking": False,
        "exact_finish": False,
        "bounce_back": False,
        "play_for_places": False,
        "scene_safe_move": 2,
        "scene_risky_move": 2,
        "scene_scammed_lose_turn": False,
        "safe_tile_move": 1,
        "max_turns": 0,
    },
    "classic": {
        "tokens_per_player": 4,
        "launch_on": [6],
        "extra_roll_on_six": True,
        "three_sixes_penalty": True,
        "capture": True,
        "jump": True,
        "jump_distance": 4,
        "fly": True,
        "fly_captures": True,
        "stacking": False,
        "blocking": False,
        "exact_finish": True,
        "bounce_back": True,
        "play_for_places": True,
        "scene_safe_move": 2,
        "scene_risky_move": 3,
        "scene_scammed_lose_turn": True,
        "safe_tile_move": 0,
        "max_turns": 0,
    },
}


def resolve(preset: str, overrides: dict[str, object]) -> dict[str, object]:
    """The full switch table for a board: preset defaults with the board's overrides."""
    table = dict(PRESETS[preset])
    table.update(overrides)
    return table


COLOURS = ("red", "yellow", "blue", "green")
SHAPES = ("circle", "square", "triangle", "diamond")
