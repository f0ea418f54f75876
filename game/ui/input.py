"""Raw pygame events → intentions, so every scene works with touch, mouse or keyboard.

A finger, a mouse click and the keyboard all produce the same ``Intent``.
Positions are in window pixels. Touch events arrive in normalised 0..1
coordinates and are scaled here; the mouse events SDL synthesises from touches
are dropped so one tap never counts twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import pygame


class Action(str, Enum):
    PRESS = "press"        # finger/mouse down at pos
    RELEASE = "release"    # finger/mouse up at pos: a tap/click is PRESS then RELEASE
    DRAG = "drag"          # moving while pressed
    HOVER = "hover"        # mouse moves (no touch equivalent; never required)
    CONFIRM = "confirm"    # Enter / Space / keypad Enter: activate the focused thing
    BACK = "back"          # Escape / Backspace / Android back
    NEXT = "next"          # Tab / arrow right / down: move focus
    PREVIOUS = "previous"  # Shift+Tab / arrow left / up
    SCROLL = "scroll"      # wheel; ``amount`` lines, positive = up
    QUIT = "quit"          # window close button / Alt+F4
    RESIZE = "resize"      # window resized; ``size``
    FOCUS_LOST = "focus_lost"
    FOCUS_GAINED = "focus_gained"
    SHORTCUT = "shortcut"  # a function key or digit, in ``key`` (teacher and operator shortcuts)


@dataclass(frozen=True)
class Intent:
    action: Action
    pos: tuple[int, int] | None = None
    amount: int = 0
    size: tuple[int, int] | None = None
    key: str = ""
    touch: bool = False


def translate(event, window_size: tuple[int, int]) -> Intent | None:
    """One pygame event → one Intent, or None for events that mean nothing to scenes."""

    t = event.type
    if t in (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
        w, h = window_size
        pos = (int(event.x * w), int(event.y * h))
        action = {pygame.FINGERDOWN: Action.PRESS, pygame.FINGERUP: Action.RELEASE,
                  pygame.FINGERMOTION: Action.DRAG}[t]
        return Intent(action, pos=pos, touch=True)
    if t in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION):
        if getattr(event, "touch", False):
            return None  # SDL's copy of a finger event
        if t == pygame.MOUSEMOTION:
            return Intent(Action.DRAG if event.buttons[0] else Action.HOVER, pos=event.pos)
        if event.button not in (1, 3):
            return None
        return Intent(Action.PRESS if t == pygame.MOUSEBUTTONDOWN else Action.RELEASE, pos=event.pos)
    if t == pygame.MOUSEWHEEL:
        return Intent(Action.SCROLL, amount=int(event.y))
    if t == pygame.KEYDOWN:
        return _key(event)
    if t == pygame.QUIT:
        return Intent(Action.QUIT)
    if t in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
        size = (event.w, event.h) if t == pygame.VIDEORESIZE else (event.x, event.y)
        return Intent(Action.RESIZE, size=size)
    if t == pygame.WINDOWFOCUSLOST:
        return Intent(Action.FOCUS_LOST)
    if t == pygame.WINDOWFOCUSGAINED:
        return Intent(Action.FOCUS_GAINED)
    return None


def _key(event) -> Intent | None:

    k = event.key
    if k == pygame.K_F4 and event.mod & pygame.KMOD_ALT:
        return Intent(Action.QUIT)
    if k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
        return Intent(Action.CONFIRM)
    if k in (pygame.K_ESCAPE, pygame.K_BACKSPACE, pygame.K_AC_BACK):
        return Intent(Action.BACK)
    if k == pygame.K_TAB:
        return Intent(Action.PREVIOUS if event.mod & pygame.KMOD_SHIFT else Action.NEXT)
    if k in (pygame.K_RIGHT, pygame.K_DOWN):
        return Intent(Action.NEXT)
    if k in (pygame.K_LEFT, pygame.K_UP):
        return Intent(Action.PREVIOUS)
    name = pygame.key.name(k)
    if name and (name.startswith("f") and name[1:].isdigit() or name.isdigit() or len(name) == 1):
        return Intent(Action.SHORTCUT, key=name)
    return None


def start_typing(rect: pygame.Rect) -> None:
    """Typed text (and the system's input method for Chinese) goes to a field at ``rect``."""
    try:
        pygame.key.start_text_input()
        pygame.key.set_text_input_rect(rect)
    except pygame.error:   # no keyboard subsystem (the dummy driver): taps still work
        pass


def stop_typing() -> None:
    try:
        pygame.key.stop_text_input()
    except pygame.error:
        pass


def typed_edit(field, event) -> str:
    """Apply a typing event to ``field`` (a widget with ``text`` and ``set_text``): "changed" (a character
    added or removed), "end" (Enter, Escape or Tab), "key" (another key), "composing" (the input method's
    preedit), or "" (not a typing event)."""
    if event.type == pygame.TEXTINPUT:
        field.set_text(field.text + event.text)
        return "changed"
    if event.type == pygame.TEXTEDITING:
        return "composing"
    if event.type == pygame.KEYDOWN:
        if event.key == pygame.K_BACKSPACE:
            field.set_text(field.text[:-1])
            return "changed"
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_TAB):
            return "end"
        return "key"
    return ""
