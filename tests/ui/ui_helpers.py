"""Shared helpers for the UI tests: build an App, inspect widgets, tap like a finger."""

from __future__ import annotations

import pygame

# every size the layout tests check: 4:3, 16:9 from small to 4K, two portraits and a double-wide
SIZES = [(1024, 768), (1280, 720), (1920, 1080), (3840, 2160), (800, 1280), (1080, 1920), (3840, 1080)]


def make_app(size=(1280, 720), **kw):
    from game.ui.app import App
    kw.setdefault("sound", False)
    kw.setdefault("seed", 7)
    return App(size=size, **kw)


def finish_jobs(app, timeout: float = 30) -> None:
    """Let the operator's worker (``app.jobs``) finish, then one frame, which uses its result."""
    assert app.jobs.wait(timeout), f"the worker is still busy with {app.jobs.running}"
    app.step(1 / 60, [])


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
        out += measure_problems(app, w, label)
    solid = [w for w in widgets if type(w).__name__ not in ("Panel",) and w.rect.w and w.rect.h]
    for i, a in enumerate(solid):
        for b in solid[i + 1:]:
            if a.rect.colliderect(b.rect):
                out.append(f"{type(a).__name__}({getattr(a, 'text', '')!r}) {a.rect} overlaps "
                           f"{type(b).__name__}({getattr(b, 'text', '')!r}) {b.rect}")
    return out


# On very wide screens nothing stretches without end: a line reads in one sweep of the eye and a
# button is something a hand presses, not a bar across the room.
MAX_LINE_EMS = 40        # a line of prose at most this many character widths (40 Chinese characters)
MAX_BUTTON_UNITS = 120   # a button at most this wide, in units (1/100 of the short side): a 16:9 side column


def text_lines(app, w) -> tuple[list[str], int]:
    """The lines a label or button shows and their pixel size, as the game fits them."""
    from game.ui.text import LINE_SPACING
    from game.ui.widgets.fitting import role_px
    want, low = role_px(app, w.role)
    if getattr(w, "min_role", None):
        low = min(role_px(app, w.min_role)[1], want)
    text = w.shown_text() if hasattr(w, "shown_text") else w.text
    box = w._inner()[0].size if hasattr(w, "_inner") else w.rect.size
    fit = app.text.fit(text, box[0], box[1], want, low, bold=w.bold, line_spacing=LINE_SPACING,
                       max_lines=getattr(w, "max_lines", None))
    return fit.lines, fit.size


def measure_problems(app, w, label: str) -> list[str]:
    """A line too long to read in one sweep, a button too wide for a hand."""
    out = []
    if type(w).__name__ == "Button" and w.rect.w > MAX_BUTTON_UNITS * app.unit:
        out.append(f"{label} is {w.rect.w} px wide, more than {MAX_BUTTON_UNITS} units")
    if getattr(w, "text", "") and hasattr(w, "role"):
        lines, size = text_lines(app, w)
        font = app.text.fonts.get(size, w.bold)
        # a file path is read piece by piece, not in one sweep: it may run on
        longest = max((font.size(line)[0] for line in lines if "/" not in line), default=0)
        if longest > MAX_LINE_EMS * size:
            out.append(f"{label} has a line of {longest / size:.0f} character widths (over {MAX_LINE_EMS})")
        out += [f"{label} breaks the word {word!r}" for word in split_words(w.shown_text() if hasattr(
            w, "shown_text") else w.text, lines)]
    return out


def split_words(text: str, lines) -> list[str]:
    """Latin words that ``lines`` (``text`` as laid out) break between two letters: "Dele|te". A file
    path or an address is read piece by piece and may break anywhere."""
    def letter(ch: str) -> bool:
        return ch.isascii() and ch.isalpha()

    out, pos = [], 0
    for line in lines:
        at = text.find(line, pos)
        if at < 0:
            continue
        pos = at + len(line)
        if 0 < pos < len(text) and letter(text[pos - 1]) and letter(text[pos]) and "/" not in line:
            start = pos
            while start > 0 and letter(text[start - 1]):
                start -= 1
            end = pos
            while end < len(text) and letter(text[end]):
                end += 1
            out.append(text[start:end])
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
