"""Typing into the operator's text fields (a keyboard, or the system's input method for Chinese).

A screen with ``TextField`` widgets mixes in ``Typing``: a tap on a field starts typing into it
(``field.on_activate = self.begin_text``); Enter, Escape, Tab or a tap elsewhere ends it and
calls ``text_done(field)``. Typed text comes as pygame TEXTINPUT events (``raw_event``).
"""

from __future__ import annotations

import pygame

from ...input import Action, Intent, start_typing, stop_typing, typed_edit


class Typing:
    editing = None      # the TextField being typed into

    def begin_text(self, field) -> None:
        if self.editing is not None and self.editing is not field:
            self.end_text()
        self.editing = field
        field.editing = True
        start_typing(field.rect)
        self.dirty = True

    def end_text(self) -> None:
        field, self.editing = self.editing, None
        if field is None:
            return
        field.editing = False
        stop_typing()
        self.dirty = True
        self.text_done(field)

    def text_done(self, field) -> None:
        """Typing into ``field`` ended (save it, check it)."""

    def raw_event(self, event) -> bool:
        field = self.editing
        if field is None:
            return False
        edit = typed_edit(field, event)
        if not edit:
            return False
        if edit == "key":
            return event.key not in (pygame.K_F12,)   # the operator's key still works
        if edit == "end":
            self.end_text()
        self.dirty = True
        return True

    def typing_tap(self, intent: Intent) -> None:
        """A press outside the field being typed into ends the typing (call first in ``handle``)."""
        if self.editing is not None and intent.action is Action.PRESS and intent.pos \
                and not self.editing.rect.collidepoint(intent.pos):
            self.end_text()

    def exit(self) -> None:
        if self.editing is not None:
            self.end_text()
        super().exit()
