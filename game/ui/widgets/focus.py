"""Keyboard focus (Tab / arrows, Enter) and the mixin for scenes made of widgets."""

from __future__ import annotations

import pygame

from ..input import Action, Intent
from .base import Widget


class FocusRing:
    """Keyboard navigation: NEXT/PREVIOUS move focus through the focusable widgets,
    CONFIRM activates the focused one. Nothing is focused until a key is used, so
    touch players never see a ring."""

    def __init__(self):
        self.widgets: list[Widget] = []
        self.index = -1

    def set(self, widgets: list[Widget]) -> None:
        current = self.current
        self.widgets = [w for w in widgets if w.focusable]
        for w in self.widgets:
            w.focused = False
        self.index = self.widgets.index(current) if current in self.widgets else -1
        if self.current:
            self.current.focused = True

    @property
    def current(self) -> Widget | None:
        if 0 <= self.index < len(self.widgets):
            return self.widgets[self.index]
        return None

    def _usable(self, w) -> bool:
        return w.visible and getattr(w, "enabled", True)

    def move(self, step: int) -> bool:
        usable = [i for i, w in enumerate(self.widgets) if self._usable(w)]
        if not usable:
            return False
        if self.current:
            self.current.focused = False
        if self.index not in usable:
            self.index = usable[0] if step > 0 else usable[-1]
        else:
            self.index = usable[(usable.index(self.index) + step) % len(usable)]
        self.current.focused = True
        return True

    def handle(self, intent: Intent) -> bool:
        if intent.action is Action.NEXT:
            return self.move(1)
        if intent.action is Action.PREVIOUS:
            return self.move(-1)
        if intent.action is Action.CONFIRM and self.current and self._usable(self.current):
            self.current.activate()
            return True
        if intent.action in (Action.PRESS,) and self.current:
            self.current.focused = False  # touching hides the keyboard ring
            self.index = -1
        return False


class WidgetScene:
    """Mixin for scenes built from widgets: hands intents to buttons and the focus ring.

    The scene keeps ``self.items`` (all widgets, drawing order) and calls
    ``self.refresh_focus()`` after building them.
    """

    items: list[Widget]

    def refresh_focus(self) -> None:
        if not hasattr(self, "focus"):
            self.focus = FocusRing()
        self.focus.set([w for w in self.items if w.visible])

    def handle_widgets(self, intent: Intent) -> bool:
        if not hasattr(self, "focus"):
            self.refresh_focus()
        if self.focus.handle(intent):
            self.invalidate()
            return True
        for w in reversed(self.items):
            if w.visible and w.handle(intent):
                self.invalidate()
                return True
        return False

    def update(self, dt: float) -> None:
        """Advance the widgets' animations: the scene animates (and redraws) while one moves."""
        moving = False
        for w in self.items:
            if w.visible and w.update(dt):
                moving = True
        self.animating = moving
        if moving:
            self.dirty = True

    def widgets(self) -> list:
        return [w for w in self.items if w.visible]

    def draw_widgets(self, surface: pygame.Surface) -> None:
        for w in self.items:
            if w.visible:
                w.draw(surface)
