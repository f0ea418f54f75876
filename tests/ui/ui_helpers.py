"""Shared helpers for the UI tests: build an App, inspect widgets, tap like a finger."""

from __future__ import annotations

import pygame

SIZES = [(1280, 720), (1920, 1080), (3840, 2160), (1080, 1920)]


def make_app(size=(1280, 720), **kw):
    from game.ui.app import App
    kw.setdefault("sound", False)
    kw.setdefault("seed", 7)
    return App(size=size, **kw)


def frame(app, dt: float = 1 / 60, events=None) -> None:
    app.step(dt, [] if events is None else events)


def layout_problems(app, scene) -> list[str]:
    """Everything wrong with a scene's layout at the app's size, as readable lines."""
    screen = pygame.Rect(0, 0, *app.size)
    out = []
    widgets = scene.widgets()
    for w in widgets:
        label = f"{type(w).__name__}({getattr(w, 'text', '')!r})"
        if not screen.contains(w.rect):
            out.append(f"{label} at {w.rect} is outside the screen {app.size}")
        if not w.text_fits():
            out.append(f"{label} text does not fit {w.rect.size}")
        if not w.min_touch_ok():
            out.append(f"{label} {w.rect.size} is smaller than the touch minimum {app.min_touch}")
    solid = [w for w in widgets if type(w).__name__ not in ("Panel",) and w.rect.w and w.rect.h]
    for i, a in enumerate(solid):
        for b in solid[i + 1:]:
            if a.rect.colliderect(b.rect):
                out.append(f"{type(a).__name__}({getattr(a, 'text', '')!r}) {a.rect} overlaps "
                           f"{type(b).__name__}({getattr(b, 'text', '')!r}) {b.rect}")
    return out


def wait_until_armed(app) -> None:
    """Let the tap guard's arming time pass, as a person reading the screen does (a control that has
    just appeared refuses taps: ``game.ui.tap_guard``)."""
    from game.ui.tap_guard import ARMING_S
    app.step(1 / 60, [])
    for _ in range(round(4 * ARMING_S / 0.05)):   # controls drawn a frame late (the phone's) arm later
        if not app.tap_guard.arming() and app.tap_guard.screen_armed():
            return
        app.step(0.05, [])


def finger_tap(app, pos) -> None:
    """Post a real finger down + up at pixel ``pos`` to the event queue, once the screen's controls are armed."""
    wait_until_armed(app)
    w, h = app.size
    x, y = pos[0] / w, pos[1] / h
    common = dict(touch_id=1, finger_id=0, dx=0.0, dy=0.0, pressure=1.0)
    pygame.event.post(pygame.event.Event(pygame.FINGERDOWN, x=x, y=y, **common))
    pygame.event.post(pygame.event.Event(pygame.FINGERUP, x=x, y=y, **common))


def seat_player(name: str):
    """A player of a board game named ``name`` (a seat's colour name or a typed name), for scenes opened alone."""
    from game.ui.seats import PlayerInfo
    return PlayerInfo(index=0, seat=0, colour="red", shape="circle", number=1, computer=False, name=name)
