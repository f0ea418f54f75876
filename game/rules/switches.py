"""The rule switches of one game, read once from ``Board.rules``.

``content/rulesets.py`` names and documents every switch and the two presets; this is
how the game reads them: typed, with the switches that only work together already
combined (``bounce_back`` needs ``exact_finish``, ``fly_captures`` needs ``fly``, the
three-sixes penalty needs the extra roll on a six).
"""

from __future__ import annotations

from typing import Mapping

from .geometry import HANGAR

ALL_FACES = frozenset(range(1, 7))


class Switches:
    __slots__ = ("tokens", "launch_on", "hangar", "extra_roll_on_six", "three_sixes_penalty", "capture",
                 "fly_captures", "stacking", "blocking", "general", "exact_finish", "bounce_back",
                 "play_for_places", "scene_safe_move", "scene_risky_move", "scene_scammed_lose_turn",
                 "safe_tile_move", "max_turns")

    def __init__(self, rules: Mapping[str, object]):
        self.tokens = int(rules.get("tokens_per_player", 1))
        self.launch_on = frozenset(rules.get("launch_on", (6,)))
        # Tokens start in the hangar, unless every face launches: then they start on the start square,
        # and that square is where a captured token goes back to.
        self.hangar = HANGAR if self.launch_on != ALL_FACES else 0
        self.extra_roll_on_six = bool(rules.get("extra_roll_on_six"))
        self.three_sixes_penalty = bool(rules.get("three_sixes_penalty")) and self.extra_roll_on_six
        self.capture = bool(rules.get("capture"))
        self.fly_captures = bool(rules.get("fly_captures")) and bool(rules.get("fly"))
        self.stacking = bool(rules.get("stacking"))
        self.blocking = bool(rules.get("blocking"))
        # Neither stacking nor blocking: legal moves come from the geometry's shared tables.
        self.general = self.stacking or self.blocking
        self.exact_finish = bool(rules.get("exact_finish"))
        self.bounce_back = bool(rules.get("bounce_back")) and self.exact_finish
        self.play_for_places = bool(rules.get("play_for_places"))
        self.scene_safe_move = int(rules.get("scene_safe_move", 0))
        self.scene_risky_move = int(rules.get("scene_risky_move", 0))
        self.scene_scammed_lose_turn = bool(rules.get("scene_scammed_lose_turn"))
        self.safe_tile_move = int(rules.get("safe_tile_move", 0))
        self.max_turns = int(rules.get("max_turns", 0))

    def __repr__(self) -> str:
        return "Switches(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__) + ")"
