"""Scenes on a stack: push / pop / replace, events passed down, opaque scenes hide the rest.

A scene sees the player's *intentions* (``input.Intent``), never raw pygame keys,
so touch, mouse and keyboard all work the same. Drawing starts at the topmost
opaque scene and goes up, so overlays (feedback, dialogs) draw over the scene below.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pygame

    from .context import SceneContext
    from .input import Intent


def reachable(scenes) -> list:
    """The scenes a tap can reach, bottom first: the top one, and those under it while the one above
    passes the taps it does not use on (a board under a vote is covered)."""
    out = []
    for scene in reversed(scenes):
        out.insert(0, scene)
        if not getattr(scene, "passes_events", False):
            break
    return out


class Scene:
    """Base class. Override what you need; all hooks are optional."""

    opaque = True          # False for overlays that let the scene below show through
    passes_events = False  # True for overlays that let unhandled intents reach the scene below
    name = "scene"         # used in screenshots' file names and the monkey tester's reports

    def __init__(self, ctx: "SceneContext"):
        # What a scene may use (game.ui.context): drawing, settings and content, services, screens.
        self.look = ctx.look
        self.session = ctx.session
        self.services = ctx.services
        self.nav = ctx.nav
        self.dirty = True          # needs a redraw
        self.animating = False     # True while something moves: the loop then runs at 60 fps
        self.full_paint = True     # scenes that repaint in part: the next frame repaints everything

    # ---- life cycle
    def enter(self) -> None:
        """Pushed onto the stack."""

    def exit(self) -> None:
        """Removed from the stack."""

    def pause(self) -> None:
        """Another scene was pushed on top."""

    def resume(self) -> None:
        """The scene on top was popped; this one is on top again."""
        self.dirty = True

    # ---- per frame
    def handle(self, intent: "Intent") -> bool:
        """React to one intention. Return True when it was used."""
        return False

    def raw_event(self, event) -> bool:
        """A pygame event before it becomes an intent (typed text for a field being edited); True if used."""
        return False

    def update(self, dt: float) -> None:
        """Advance animations and timers by ``dt`` seconds."""

    def layout(self, size: tuple[int, int]) -> None:
        """Recompute positions for a window of ``size``; called on enter, resize and locale change."""

    def draw(self, surface: "pygame.Surface") -> None:
        """Draw the whole scene (the loop only calls this when something is dirty)."""

    def widgets(self) -> list:
        """Visible widgets, for layout tests (inside the screen, no overflow, touch size)."""
        return []

    def trace_detail(self) -> dict:
        """What changes on this screen without its controls changing (the next line of a scene),
        for ``play --trace``."""
        return {}

    # ---- helpers
    def on_locale_changed(self) -> None:
        """The language changed (``layout`` follows): texts composed from several words are made again."""

    def invalidate(self) -> None:
        self.dirty = True


class SceneStack:
    """The scenes, bottom first.

    ``observers`` (objects with ``scene_entered(scene)`` / ``scene_left(scene)``) hear of
    every scene that joins or leaves the stack: play statistics and the kiosk/classroom
    controllers follow the game that way. An observer's error is logged with the scene and
    raised (statistics handle their own database errors; anything else is a bug).
    ``home`` (optional) turns the scene given to ``clear_to`` into the mode's own first
    screen: "back to the title" means the attract loop in a kiosk, the class set-up in a classroom.
    """

    def __init__(self):
        self.scenes: list[Scene] = []
        self.size: tuple[int, int] = (1280, 720)
        self.observers: list = []
        self.home = None   # callable(scene) -> scene, used by clear_to

    def _tell(self, what: str, scene: Scene) -> None:
        for observer in list(self.observers):
            try:
                getattr(observer, what)(scene)
            except Exception:
                logging.getLogger(__name__).error("scene observer %r failed on %s(%s)", observer, what, scene.name)
                raise

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        if self.top:
            self.top.pause()
        self.scenes.append(scene)
        scene.layout(self.size)
        scene.enter()
        scene.dirty = True
        self._tell("scene_entered", scene)

    def pop(self) -> Scene | None:
        if not self.scenes:
            return None
        scene = self.scenes.pop()
        scene.exit()
        self._tell("scene_left", scene)
        if self.top:
            self.top.resume()
            self.mark_visible_dirty()
        return scene

    def replace(self, scene: Scene) -> None:
        if self.scenes:
            old = self.scenes.pop()
            old.exit()
            self._tell("scene_left", old)
        self.scenes.append(scene)
        scene.layout(self.size)
        scene.enter()
        scene.dirty = True
        self._tell("scene_entered", scene)

    def clear_to(self, scene: Scene) -> None:
        """Empty the stack and start again from ``scene`` (kiosk reset, new game)."""
        if self.home is not None:
            scene = self.home(scene) or scene
        while self.scenes:
            old = self.scenes.pop()
            old.exit()
            self._tell("scene_left", old)
        self.push(scene)

    def handle(self, intent: "Intent") -> bool:
        return any(scene.handle(intent) for scene in reversed(reachable(self.scenes)))

    def update(self, dt: float) -> None:
        for scene in self.visible():
            scene.update(dt)

    def visible(self) -> list[Scene]:
        """The topmost opaque scene and everything above it, bottom first."""
        start = 0
        for i in range(len(self.scenes) - 1, -1, -1):
            if self.scenes[i].opaque:
                start = i
                break
        return self.scenes[start:]

    def resize(self, size: tuple[int, int]) -> None:
        self.size = size
        for scene in self.scenes:
            scene.layout(size)
            scene.dirty = True

    @property
    def needs_redraw(self) -> bool:
        return any(s.dirty or s.animating for s in self.visible())

    @property
    def animating(self) -> bool:
        return any(s.animating for s in self.visible())

    def draw(self, surface) -> None:
        for scene in self.visible():
            scene.draw(surface)
            scene.dirty = False

    def mark_visible_dirty(self) -> None:
        for scene in self.visible():
            scene.dirty = True
