"""The normal mode's controller, and what every mode shares: the operator's way in.

A press held for ``LONG_PRESS_S`` seconds in the top-left corner (or F12 on a
keyboard) opens the PIN pad; the right PIN opens the operator menu. While the
finger is down a ring fills in the corner, so the operator knows to keep holding.
The press still reaches the scene below as usual; only the release after the
PIN pad opened is swallowed.
"""

from __future__ import annotations

import logging
import math

import pygame

from .. import layout
from ..input import Action, Intent

LONG_PRESS_S = 3.0        # seconds a finger must stay in the corner
CORNER_UNITS = 12.0       # corner square, in units (at least one touch target)
RING_AFTER_S = 0.6        # the progress ring shows after this long
SLACK_UNITS = 4.0         # a finger may wander this far out of the corner
OPERATOR_KEY = "f12"

# Intentions that mean "somebody is here".
ACTIVITY = frozenset({Action.PRESS, Action.RELEASE, Action.DRAG, Action.HOVER, Action.CONFIRM, Action.BACK,
                      Action.NEXT, Action.PREVIOUS, Action.SCROLL, Action.SHORTCUT})


class Controller:
    """Normal mode: no strip of its own, no idle reset; quitting is allowed."""

    mode = "normal"
    keeps_player_settings = True   # a visitor's change of language or text size is kept for next time

    def __init__(self, app):
        self.app = app
        self.frozen = False          # True: scenes are not updated (classroom pause)
        self.dirty = True            # something of ours must be drawn
        self.clock = 0.0             # seconds, from the App's steps
        self.corner_held: float | None = None   # seconds the corner press has lasted
        self.swallow_release = False
        self.pin_failures = 0
        self.locked_until = 0.0
        self._ring_shown = False
        app.stack.home = self.redirect_home

    # ------------------------------------------------------------ life
    def detach(self) -> None:
        """Another mode takes over."""
        if self.app.stack.home == self.redirect_home:
            self.app.stack.home = None

    home = "title"    # the name of the mode's first screen

    def redirect_home(self, scene):
        """``stack.clear_to(TitleScene)`` from any screen means this mode's first screen."""
        return scene

    def settings_saved(self) -> None:
        """The operator saved settings."""

    @property
    def busy(self) -> bool:
        """The loop must not sleep (a timer of ours is running)."""
        return self.corner_held is not None

    # ------------------------------------------------------------ window
    def layout(self, window_size: tuple[int, int]) -> pygame.Rect:
        """The part of the window the scenes get."""
        self.dirty = True
        return pygame.Rect(0, 0, *window_size)

    def draw(self, window: pygame.Surface) -> list:
        """Draw what is ours over/beside the scenes; returns the rectangles drawn."""
        drawn = []
        if self.corner_held is not None and self.corner_held >= RING_AFTER_S:
            drawn.append(self._draw_ring(window))
            self._ring_shown = True
        self.dirty = False
        return drawn

    def _draw_ring(self, window) -> pygame.Rect:
        u = layout.unit_for(self.app.window_size)
        corner = self.corner_rect()
        r = round(corner.w * 0.32)
        centre = (corner.x + round(corner.w * 0.45), corner.y + round(corner.h * 0.45))
        rect = pygame.Rect(0, 0, 2 * r + 4, 2 * r + 4)
        rect.center = centre
        t = self.app.theme
        frac = min(1.0, (self.corner_held - RING_AFTER_S) / (LONG_PRESS_S - RING_AFTER_S))
        width = max(3, round(1.1 * u))
        pygame.draw.circle(window, t.panel, centre, r)
        pygame.draw.circle(window, t.text_muted, centre, r, max(1, width // 3))
        if frac > 0:
            pygame.draw.arc(window, t.accent, rect.inflate(-4, -4), math.pi / 2 - 2 * math.pi * frac, math.pi / 2,
                            width)
        return rect

    # ------------------------------------------------------------ events
    def raw_event(self, event) -> bool:
        """A pygame event before it becomes an intention; True = used here."""
        return False

    def corner_rect(self) -> pygame.Rect:
        size = self.app.window_size
        side = max(layout.touch_min(size), round(CORNER_UNITS * layout.unit_for(size)))
        return pygame.Rect(0, 0, side, side)

    def intercept(self, intent: Intent) -> bool:
        """Sees every intention first; True = used here (the scenes never see it)."""
        return self._operator_gesture(intent)

    def _operator_gesture(self, intent: Intent) -> bool:
        a = intent.action
        if a is Action.PRESS and intent.pos and self.corner_rect().collidepoint(intent.pos) \
                and not self.operator_open():
            self.corner_held = 0.0
            return False
        if a is Action.DRAG and self.corner_held is not None and intent.pos:
            slack = round(SLACK_UNITS * layout.unit_for(self.app.window_size))
            if not self.corner_rect().inflate(2 * slack, 2 * slack).collidepoint(intent.pos):
                self._cancel_corner()
            return False
        if a is Action.RELEASE:
            self._cancel_corner()
            if self.swallow_release:
                self.swallow_release = False
                return True
            return False
        if a is Action.SHORTCUT and intent.key == OPERATOR_KEY:
            if not self.operator_open():
                self.open_operator()
            return True
        return False

    def _cancel_corner(self) -> None:
        self.corner_held = None
        if self._ring_shown:   # the scenes paint over where the ring was
            self._ring_shown = False
            self.app.redraw_all()

    def update(self, dt: float) -> None:
        self.clock += dt
        if self.corner_held is not None:
            self.corner_held += dt
            if self.corner_held >= RING_AFTER_S:
                self.dirty = True
            if self.corner_held >= LONG_PRESS_S:
                self._cancel_corner()
                self.swallow_release = True
                self.open_operator()

    # ------------------------------------------------------------ operator
    def operator_open(self) -> bool:
        return any(getattr(s, "operator_screen", False) for s in self.app.stack.scenes)

    def open_operator(self) -> None:
        """The PIN pad; the right PIN opens the operator menu."""
        self.app.nav.navigate("pin_pad", purpose="login")

    def pin_locked_for(self) -> float:
        return max(0.0, self.locked_until - self.clock)

    def pin_failed(self) -> None:
        self.pin_failures += 1
        if self.pin_failures >= PIN_TRIES:
            self.pin_failures = 0
            self.locked_until = self.clock + PIN_LOCK_S
            logging.getLogger("game.operator").warning("%d wrong PINs in a row: PIN pad locked for %d s",
                                                       PIN_TRIES, PIN_LOCK_S)

    def pin_ok(self) -> None:
        self.pin_failures = 0


PIN_TRIES = 5          # wrong PINs in a row…
PIN_LOCK_S = 60.0      # …lock the pad this long
