"""What a phone screen needs besides the node: time, revealed lines, tests in progress."""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame


@dataclass
class PhoneState:
    t: float = 0.0                     # seconds since this node appeared (drives animation)
    shown: int = 10_000                # how many of the node's lines are revealed
    history: tuple = ()                # Lines of earlier nodes in the same conversation (oldest first)
    ringing: bool = False              # phone_call: still ringing (nothing answered yet)
    call_started: float = 0.0          # phone_call / video_call: seconds the call has lasted before this node
    test: str = ""                     # video_call: "turn" or "wave" while the player's test plays
    test_t: float = 0.0                # value of ``t`` when the test started
    check_hint: str = ""               # video_call: what the last test showed and what to do (a msgid)
    reduced_motion: bool = False
    clock: str = "10:24"               # status bar time
    speaking: bool = True              # the newest line is still "being said" (mouth moves)
    reveal_t: float = -10.0            # value of ``t`` when the newest line appeared (pop-in)

    @property
    def test_age(self) -> float:
        return self.t - self.test_t if self.test else 1e9


@dataclass
class PhoneHits:
    """Tappable places inside the phone, by name (e.g. "turn", "wave")."""

    areas: dict[str, pygame.Rect] = field(default_factory=dict)
    screen: pygame.Rect | None = None   # the phone's screen area
    body: pygame.Rect | None = None     # the whole phone
    # Where pieces of the screen were drawn, for layout checks (not tappable): "caption" (the messages
    # or live captions shown) and "input" (the message field, the call's buttons, a system sheet).
    parts: dict[str, pygame.Rect] = field(default_factory=dict)

    def at(self, pos) -> str:
        """The control under ``pos``; a finger that lands just beside a small control still counts as on it
        (a near miss must never count as a tap on the phone's body, which goes on with the story)."""
        for grow in (1.0, 1.5):
            for name, rect in self.areas.items():
                if rect.inflate(rect.w * (grow - 1), rect.h * (grow - 1)).collidepoint(pos):
                    return name
        return ""


TEST_DURATION = 2.4   # seconds a turn/wave test plays
