"""``--autoplay``: a pretend visitor taps through every screen, like a person would.

Each tap is a PRESS then a RELEASE at the centre of a button, with short
pauses between taps, injected as intentions (touch), so the real handlers,
animations and scene changes run. A scene can say what a person would tap now
with ``autoplay_targets()``; otherwise any enabled button with a positive
``autoplay_weight`` may be picked (settings, quit and language buttons have 0).
"""

from __future__ import annotations

import random

from .input import Action, Intent

TAP_PAUSE = 0.55      # seconds between taps: enough to see each screen react
PRESS_TIME = 0.08     # finger down → up


class AutoPlayer:
    def __init__(self, app):
        self.app = app
        self.rng = random.Random(app.seed ^ 0x5EED)
        self.timer = 1.0
        self.pressed = None          # (pos, seconds until release)
        self.taps = 0
        self.channels: set = set()   # phone channels shown so far (the board and scam scenes add to it)
        self.saw_settings = False    # the pretend visitor has looked at the settings screen once

    def tick(self, dt: float) -> None:
        if self.pressed is not None:
            pos, left = self.pressed
            left -= dt
            if left <= 0:
                self.pressed = None
                self.app.handle_intent(Intent(Action.RELEASE, pos=pos, touch=True))
            else:
                self.pressed = (pos, left)
            return
        scene = self.app.stack.top
        if scene is None:
            return
        if getattr(scene, "animating", False) and not hasattr(scene, "autoplay_targets"):
            self.timer = max(self.timer, 0.2)   # let the screen settle before tapping
        self.timer -= dt
        if self.timer > 0:
            return
        guard = self.app.tap_guard
        if guard.arming() or not guard.screen_armed():
            return   # like a person, wait until the buttons have come in (they refuse taps before)
        target = self.pick(scene)
        if target is None:
            self.timer = 0.25
            return
        pos = target.rect.center
        self.app.handle_intent(Intent(Action.PRESS, pos=pos, touch=True))
        self.pressed = (pos, PRESS_TIME)
        self.taps += 1
        self.timer = TAP_PAUSE * (0.7 + 0.6 * self.rng.random())

    def pick(self, scene):
        pick = getattr(scene, "autoplay_targets", None)
        if pick is not None:
            options = [w for w in pick() if _usable(w)]
            return self.rng.choice(options) if options else None
        options = [w for w in scene.widgets() if _usable(w) and getattr(w, "autoplay_weight", 1) > 0]
        if not options:
            return None
        weights = [getattr(w, "autoplay_weight", 1) for w in options]
        return self.rng.choices(options, weights)[0]


def _usable(w) -> bool:
    return (getattr(w, "focusable", False) and w.visible and getattr(w, "enabled", True)
            and w.rect.w > 0 and w.rect.h > 0)
