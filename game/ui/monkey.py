"""Monkey testing: random touches, clicks, keys, resizes and focus changes across every screen.

``python -m game play --monkey N [--seed S] [--kiosk | --classroom]`` feeds N random
events to the real App (dummy video driver is fine), one per frame, and checks the
game's invariants after each. On the first exception or broken invariant it prints
the seed and the event number, so ``--monkey K --seed S`` (K = that number + 1)
reproduces it, and exits non-zero.
"""

from __future__ import annotations

import random
import sys
import traceback

import pygame

from game.settings import DEFAULT_PIN

# Window sizes a kiosk, a projector or a resized window may take.
SIZES = ((1280, 720), (1920, 1080), (1080, 1920), (1024, 768), (1366, 768), (800, 600))
KEYS = ("escape", "return", "space", "tab", "backspace", "left", "right", "up", "down",
        "f1", "f5", "f11", "f12", "1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "p", "r", "s", "q")


class InvariantBroken(AssertionError):
    pass


class Monkey:
    """Makes random input events for an app of a given size."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.pressed: tuple[float, float] | None = None   # finger currently down (normalised)

    def events(self, size: tuple[int, int], targets=()) -> list:
        """One or two events; ``targets`` are rectangles of buttons on screen, which half the
        taps aim at, so the monkey gets past the first screens into boards and scam scenes."""
        r = self.rng.random()
        w, h = size
        if self.pressed is not None:
            # Finish what a finger started: mostly lift, sometimes drag first.
            x, y = self.pressed
            if r < 0.25:
                nx, ny = min(max(x + self.rng.uniform(-0.05, 0.05), 0), 0.999), min(max(y + self.rng.uniform(-0.05, 0.05), 0), 0.999)
                self.pressed = (nx, ny)
                return [pygame.event.Event(pygame.FINGERMOTION, x=nx, y=ny, dx=nx - x, dy=ny - y, touch_id=1,
                                           finger_id=0)]
            self.pressed = None
            return [pygame.event.Event(pygame.FINGERUP, x=x, y=y, dx=0, dy=0, touch_id=1, finger_id=0)]
        if r < 0.55:
            if targets and self.rng.random() < 0.5:
                rect = self.rng.choice(targets)
                x = min(max((rect.x + self.rng.random() * rect.w) / w, 0), 0.999)
                y = min(max((rect.y + self.rng.random() * rect.h) / h, 0), 0.999)
            else:
                x, y = self.rng.random() * 0.999, self.rng.random() * 0.999
            self.pressed = (x, y)
            return [pygame.event.Event(pygame.FINGERDOWN, x=x, y=y, dx=0, dy=0, touch_id=1, finger_id=0)]
        if r < 0.75:
            pos = (self.rng.randrange(w), self.rng.randrange(h))
            button = self.rng.choice((1, 1, 1, 3))
            return [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button, touch=False),
                    pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button, touch=False)]
        if r < 0.80:
            pos = (self.rng.randrange(w), self.rng.randrange(h))
            return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False)]
        if r < 0.83:
            return [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=self.rng.choice((-1, 1)), flipped=False)]
        if r < 0.95:
            name = self.rng.choice(KEYS)
            mod = self.rng.choice((0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_ALT))
            key = pygame.key.key_code(name)
            return [pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0),
                    pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0)]
        if r < 0.97:
            nw, nh = self.rng.choice(SIZES)
            return [pygame.event.Event(pygame.VIDEORESIZE, w=nw, h=nh, size=(nw, nh))]
        if r < 0.985:
            return [pygame.event.Event(pygame.WINDOWFOCUSLOST), pygame.event.Event(pygame.WINDOWFOCUSGAINED)]
        return [pygame.event.Event(pygame.QUIT)]


def check_invariants(app) -> None:
    """What must hold after every event, whatever the player did."""
    if app.stack.top is None:
        raise InvariantBroken("the scene stack is empty: the game shows nothing")
    if tuple(app.screen.get_size()) != tuple(app.size):
        raise InvariantBroken(f"window is {app.screen.get_size()} but the app lays out for {app.size}")
    top = app.stack.top
    if not app.stack.animating:
        screen = pygame.Rect(0, 0, *app.size)
        for widget in top.widgets():
            if getattr(widget, "visible", True) and widget.rect.w and widget.rect.h \
                    and not screen.contains(widget.rect):
                raise InvariantBroken(f"{type(widget).__name__} {widget.rect} lies outside the screen {app.size} "
                                      f"on {getattr(top, 'name', type(top).__name__)}")
    game = getattr(top, "game", None)
    if game is not None and hasattr(game, "scores"):
        for score in game.scores:
            if score.savings < 0:
                raise InvariantBroken(f"savings below zero: {score.savings}")


def _key(name: str) -> list:
    key = pygame.key.key_code(name)
    return [pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0),
            pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0)]


def detour(app, rng: random.Random) -> tuple[str, list]:
    """Take the game where random taps seldom get: (what, events to feed).

    * ``scenario`` / ``quiz`` — a random scam script or quiz question opened over the
      current screen, as a board opens one (the scene closes itself at its end);
    * ``results`` — the board in play ends now and shows its results screen;
    * ``operator`` — F12 and the right PIN: the operator's screens (kiosk and every mode).
    """
    kind = rng.choice(("scenario", "quiz", "results", "operator"))
    lib = app.library
    top = app.stack.top
    if kind == "results" and top is not None and top.name == "board" and not top.demo and not top.scene_open \
            and not top.results_shown and not top.animating:
        top.show_results()
        return kind, []
    if kind == "operator":
        events = _key("f12")
        for digit in DEFAULT_PIN:
            events += _key(digit)
        return kind, events + _key("return")
    if kind == "quiz" and lib.quiz_pools:
        pool = rng.choice(sorted(lib.quiz_pools))
        items = lib.quiz_pools[pool].items
        if items:
            app.nav.navigate("quiz", item=rng.choice(items))
            return kind, []
    if lib.scenarios:
        app.nav.navigate("scenario", scenario=lib.scenarios[rng.choice(sorted(lib.scenarios))])
        return "scenario", []
    return "none", []


def _targets(app) -> list:
    top = app.stack.top
    if top is None:
        return []
    return [w.rect for w in top.widgets() if getattr(w, "focusable", False) and getattr(w, "visible", True)
            and getattr(w, "enabled", True) and w.rect.w > 0 and w.rect.h > 0]


CALM_CHANCE = 1 / 200   # after an event, how often the computer players get a quiet spell
CALM_FRAMES = 300         # frames of a quiet spell (autoplay only): long enough to reach a scam scene
AWAY_EVENTS = 400         # events the monkey stays in a mode the operator menu switched to
DETOUR_CHANCE = 1 / 300   # after an event, how often the monkey jumps to a scam scene, quiz, results or the PIN


def run_monkey(app, count: int, seed: int, restart, out=sys.stderr) -> int:
    """Feed ``count`` random events to ``app``; ``restart()`` puts the first screen back after a quit.

    When the app has an autoplayer, it plays alone now and then for a few seconds, so the
    monkey also pokes boards mid-game, scam scenes, feedback and results, not only menus.
    The operator menu can switch modes; after ``AWAY_EVENTS`` events in another mode the
    monkey switches back, so most events test the mode it was started in.
    Returns 0 when every event passed, 1 on the first failure (reported on ``out``).
    """
    monkey = Monkey(seed)
    home_mode = app.mode
    away = 0
    seen: dict[str, int] = {}
    modes: dict[str, int] = {}
    for number in range(count):
        name = getattr(app.stack.top, "name", "?")
        seen[name] = seen.get(name, 0) + 1
        modes[app.mode] = modes.get(app.mode, 0) + 1
        events = monkey.events(app.size, _targets(app))
        try:
            if monkey.rng.random() < DETOUR_CHANCE:
                where, extra = detour(app, monkey.rng)
                events = events + extra
                seen["detour " + where] = seen.get("detour " + where, 0) + 1
            kiosk = app.mode == "kiosk"
            app.step(1 / 60, events)
            if app.autoplayer and monkey.rng.random() < CALM_CHANCE:
                for _ in range(CALM_FRAMES):
                    app.step(1 / 60, [])
            if app.quit_requested:
                if kiosk and not app.operator_exit:
                    raise InvariantBroken("a visitor quit the kiosk")
                app.carry_on_after_quit()   # quitting is allowed (normal mode, or the kiosk operator): start again
                restart()
            away = away + 1 if app.mode != home_mode else 0
            if away > AWAY_EVENTS:
                app.switch_mode(home_mode)
                away = 0
            check_invariants(app)
        except Exception as exc:  # report everything, with what reproduces it
            kind = "invariant broken" if isinstance(exc, InvariantBroken) else "exception"
            print(f"monkey: {kind} at event {number} of {count} (seed {seed}): "
                  f"{[pygame.event.event_name(e.type) for e in events]}", file=out)
            print(f"monkey: reproduce with --monkey {number + 1} --seed {seed}"
                  + (f" --{home_mode}" if home_mode != "normal" else ""), file=out)
            traceback.print_exc(file=out)
            return 1
    print(f"monkey: {count} events, seed {seed}: all invariants held", file=out)
    print("monkey: events per mode: " + _counts(modes), file=out)
    print("monkey: events per screen: " + _counts(seen), file=out)
    return 0


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
