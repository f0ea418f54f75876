"""The tap-through guard: a control that appears under a finger is not pressed by that finger.

An elderly visitor often taps twice. When the first tap changes the screen, the second lands on
whatever appeared under the finger — an answer she never read. So, for every screen:

* a press that lands on a control within ``ARMING_S`` after it appeared (or moved, changed its
  words, or became enabled), or anywhere within ``ARMING_S`` after the screens themselves changed,
  is refused, together with the rest of that press (its drags and its release);
* a release whose press began before the control under it appeared does not activate it (the
  release is passed on without a position: a button that was pressed lets go, nothing acts);
* a key that was already down when the screens changed does not act on the new screen (an
  auto-repeat of a held Enter); keyboard presses are otherwise not delayed.

Controls arming are drawn faded (``paint``): they come in over ``ARMING_S``, so the player sees
that they are not ready yet. The App asks this guard about every intention before the scenes see it
(mouse, touch and the autoplay driver alike; SDL's mouse copies of touches are dropped earlier, in
``game.ui.input``), and shows it every screen after a change (``observe``).
"""

from __future__ import annotations

from dataclasses import replace

import pygame

from .input import Action, Intent
from .scene import reachable

ARMING_S = 0.55       # a control that appeared this recently cannot be tapped yet (a double tap is ≤ 0.5 s)
VEIL_ALPHA = 200      # how faded a control is the moment it appears (0..255)


def _controls(scenes) -> list[tuple[tuple, pygame.Rect]]:
    """(key, rect) of everything a finger can use on ``scenes``, bottom scene first.

    A key says what the player sees there: a control whose key is new has just appeared for her.
    Widgets with several tap places (the phone) list them with ``tap_areas()``.
    """
    out = []
    for scene in scenes:
        for w in scene.widgets():
            if not getattr(w, "visible", True):
                continue
            areas = getattr(w, "tap_areas", None)
            if areas is not None:
                screen = getattr(w, "tap_key", "")
                for name, rect in areas():
                    if rect.w > 0 and rect.h > 0:
                        out.append(((id(scene), type(w).__name__, screen, name, tuple(rect)), pygame.Rect(rect)))
                continue
            r = w.rect
            if not getattr(w, "focusable", False) or r.w <= 0 or r.h <= 0:
                continue
            key = (id(scene), getattr(w, "name", ""), str(getattr(w, "text", "")), tuple(r),
                   bool(getattr(w, "enabled", True)))
            out.append((key, pygame.Rect(r)))
    return out


class TapGuard:
    """``now`` is the loop's clock (``tick``), or the real clock once ``use_clock`` is called: in a real
    window a slow frame (reading a line aloud) holds the taps made meanwhile until after it, and they
    must be measured against the moment the new controls were actually shown, not the frame's start."""

    def __init__(self, arming_s: float = ARMING_S):
        self.arming_s = arming_s
        self._ticked = 0.0                  # seconds advanced by ``tick``
        self._clock = None                  # a real clock (seconds), when the game runs in a window
        self._clock_zero = 0.0
        self._screens: tuple = ()           # the visible scenes at the last look (kept: their ids stay unique)
        self._screens_at = -1e9             # when they last changed
        self._seen: dict[tuple, float] = {}     # control key → when it appeared
        self._rects: dict[tuple, pygame.Rect] = {}
        self._press_at: float | None = None     # when the press now down began
        self._refused = False               # the press now down was refused: its drags and release too
        self._keys: dict[int, int] = {}     # key code held down → screen generation it went down in
        self._generation = 0
        self._veiled: frozenset = frozenset()    # what the last frame showed of arming controls

    # ------------------------------------------------------------ what is on screen
    @property
    def now(self) -> float:
        return self._clock() - self._clock_zero if self._clock is not None else self._ticked

    def use_clock(self, clock) -> None:
        """Measure with ``clock()`` (e.g. ``time.perf_counter``) from now on instead of the ticks."""
        self._clock_zero = clock() - self.now
        self._clock = clock

    def tick(self, dt: float) -> None:
        self._ticked += max(0.0, dt)

    def observe(self, scenes: list) -> None:
        """Look at the visible scenes: note what appeared since the last look."""
        now = self.now
        screens = tuple(scenes)
        if tuple(map(id, screens)) != tuple(map(id, self._screens)):
            self._screens = screens
            self._screens_at = now
            self._generation += 1
        seen, rects = {}, {}
        for key, rect in _controls(reachable(screens)):   # covered controls neither arm nor get a veil
            seen[key] = self._seen.get(key, now)
            rects[key] = rect
        self._seen, self._rects = seen, rects

    def arming(self) -> list[tuple[pygame.Rect, float]]:
        """(rect, how far armed 0..1) of each control not armed yet."""
        now = self.now
        out = []
        for key, since in self._seen.items():
            start = max(since, self._screens_at)
            age = now - start
            if age < self.arming_s:
                out.append((self._rects[key], max(0.0, age / self.arming_s)))
        return out

    def screen_armed(self) -> bool:
        return self.now - self._screens_at >= self.arming_s

    def is_armed(self, rect) -> bool:
        """Whether the control at ``rect`` may be tapped now (for the trace)."""
        return not any(r == rect for r, _ in self.arming())

    def busy(self) -> bool:
        """Something is still arming (the loop keeps drawing so the fade-in shows)."""
        return bool(self.arming()) or ("arming", True) in self._veiled

    # ------------------------------------------------------------ intentions
    def _fresh_at(self, pos, since: float) -> bool:
        """Whether the screens changed, or a control under ``pos`` appeared, after ``since``."""
        if self._screens_at > since:
            return True
        return any(rect.collidepoint(pos) and self._seen[key] > since for key, rect in self._rects.items())

    def _arming_at(self, pos) -> bool:
        """Whether the screens, or a control under ``pos``, are still arming — counted as ``arming()``
        counts (age against ``arming_s``), so a control drawn armed never refuses a tap."""
        now = self.now
        if now - self._screens_at < self.arming_s:
            return True
        return any(rect.collidepoint(pos) and now - self._seen[key] < self.arming_s
                   for key, rect in self._rects.items())

    def filter(self, intent: Intent) -> Intent | None:
        """The intention as the scenes should see it, or None when it must not act."""
        a = intent.action
        if a is Action.PRESS:
            pos, now = intent.pos, self.now
            if pos is not None and self._arming_at(pos):
                self._refused = True
                self._press_at = None
                return None
            self._refused = False
            self._press_at = now
            return intent
        if a is Action.DRAG:
            return None if self._refused else intent
        if a is Action.RELEASE:
            began, refused = self._press_at, self._refused
            self._press_at, self._refused = None, False
            if refused:
                return None
            if intent.pos is not None and (began is None or self._fresh_at(intent.pos, began)):
                return replace(intent, pos=None)   # lets go of whatever was pressed; nothing acts
            return intent
        return intent

    def key_event(self, event) -> bool:
        """A raw key event: True when it must be dropped (a key held down since an earlier screen)."""
        if event.type == pygame.KEYUP:
            self._keys.pop(event.key, None)
            return False
        if event.type != pygame.KEYDOWN:
            return False
        went_down = self._keys.get(event.key)
        if went_down is not None and went_down != self._generation:
            return True
        if went_down is None:
            self._keys[event.key] = self._generation
        return False

    def forget_keys(self) -> None:
        """The window lost the keyboard: keys released elsewhere send no KEYUP here."""
        self._keys.clear()

    # ------------------------------------------------------------ drawing
    def paint(self, surface: pygame.Surface, colour, reduced_motion: bool) -> bool:
        """Fade the controls still arming (a veil of the background's ``colour`` that thins out).
        Returns True when the veils differ from the last frame (the scenes must redraw in full)."""
        arming = self.arming()
        veils = []
        for rect, armed in arming:
            alpha = VEIL_ALPHA // 2 if reduced_motion else round(VEIL_ALPHA * (1 - armed) ** 2)
            if alpha > 0:
                veils.append((tuple(rect), alpha))
        for rect, alpha in veils:
            veil = pygame.Surface(rect[2:], pygame.SRCALPHA)
            veil.fill((*colour[:3], alpha))
            surface.blit(veil, rect[:2])
        state = frozenset(veils) | {("arming", bool(arming))}   # the frame after the last arming is drawn too
        changed = state != self._veiled
        self._veiled = state
        return changed
