"""Widgets the scenario, quiz and results scenes add to the shared ones in ``game.ui.widgets``:
the phone itself, outcome badges and rows of technique chips.

They follow the ``Widget`` contract (``rect``, ``draw``, ``handle``, ``text_fits``,
``min_touch_ok``) so the layout tests treat them like any other widget.
"""

from __future__ import annotations

from typing import Callable

import pygame

from ..input import Action, Intent
from ..widgets import Widget, draw_icon
from . import paint
from .dispatch import draw_node
from .ink import TextRecord
from .state import PhoneHits, PhoneState


class _InkWidget(Widget):
    """A widget whose text goes through ``Ink``: remembers its last draw's text records."""

    def __init__(self, look, rect=None):
        super().__init__(look, rect)
        self._records: list = []
        self._drawn_once = False

    def _ink_draw(self, surface: pygame.Surface, paint_fn) -> None:
        ink = self.look.ink
        start = len(ink.records)
        paint_fn(surface)
        self._records = ink.records[start:]
        del ink.records[start:]
        self._drawn_once = True

    def text_fits(self) -> bool:
        if not self._drawn_once:
            scratch = pygame.Surface(self.look.size)
            self.draw(scratch)
        return not any(r.overflow for r in self._records)

    def overflowing(self) -> list:
        return [r for r in self._records if r.overflow]

    def texts(self) -> list[str]:
        return [r.text for r in self._records]


class PhoneView(_InkWidget):
    """The simulated phone showing one scenario node; a tap on it calls ``on_tap(name)``
    with the name of the phone control under the finger ("" for the rest of the phone).

    ``active`` names the controls that do something right now; the others are drawn greyed
    out (None: all drawn as they are, for pictures of the phone outside a scene).
    ``show_hint`` puts a short note over a control for a few seconds (why it does nothing)."""

    HINT_SECONDS = 2.5

    def __init__(self, look, on_tap: Callable[[str], None] | None = None, rect=None):
        super().__init__(look, rect)
        self.node = None
        self.state = PhoneState()
        self.on_tap = on_tap
        self.hits = PhoneHits()
        self.active: frozenset[str] | None = None
        self.hint = ""
        self.hint_area = ""
        self.hint_until = 0.0
        self._pressed = False
        self.autoplay_weight = 0

    def show_hint(self, text: str, area: str) -> None:
        self.hint, self.hint_area, self.hint_until = text, area, self.state.t + self.HINT_SECONDS

    @property
    def hint_showing(self) -> bool:
        return bool(self.hint) and self.state.t < self.hint_until

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible or self.node is None or self.rect.w <= 0:
            return

        def paint_phone(s):
            self.hits = draw_node(s, self.rect, self.node, self.state, self.look)
            if self.active is not None:
                for name, r in self.hits.areas.items():
                    if name not in self.active:
                        _grey_out(s, r, self.look.theme)
            if self.hint_showing:
                self._draw_hint(s)
        self._ink_draw(surface, paint_phone)

    def tap_areas(self) -> list[tuple[str, pygame.Rect]]:
        """The places a finger can use, by name ("phone" for the rest of it): the tap guard arms each
        one as it appears, the trace lists them."""
        if self.on_tap is None or self.node is None:
            return []
        return [("phone", self.hits.body or self.rect), *self.hits.areas.items()]

    @property
    def tap_key(self) -> str:
        """A new node or an answered call is a new phone screen: all of it arms again."""
        return f"{self.node.id if self.node else ''}:{self.state.ringing}"
    def _draw_hint(self, surface: pygame.Surface) -> None:
        screen = self.hits.screen or self.rect
        near = self.hits.areas.get(self.hint_area, screen)
        u = max(1.0, screen.w / 100)
        px = max(14, round(u * 6))
        text = self.look.tr(self.hint)
        w = min(screen.w - round(u * 6), self.look.ink.width(text, px, True) + round(u * 10))
        h = self.look.ink.measure(text, px, w - round(u * 8), bold=True)[1] + round(u * 5)
        box = pygame.Rect(0, 0, w, h)
        box.midbottom = (near.centerx, near.y - round(u * 2))
        box.clamp_ip(screen)
        if box.colliderect(near):
            box.midtop = (box.centerx, near.bottom + round(u * 2))
            box.clamp_ip(screen)
        dark, light = paint.darkest(self.look.theme), paint.lightest(self.look.theme)
        paint.rrect(surface, dark, box, min(box.h // 2, round(u * 5)))
        paint.rrect(surface, light, box, min(box.h // 2, round(u * 5)), max(1, round(u * 0.5)))
        self.look.ink.text(surface, text, box.inflate(-round(u * 8), -round(u * 3)), px, light, bold=True,
                           align="center", valign="middle", min_px=max(10, round(px * 0.7)))

    def handle(self, intent: Intent) -> bool:
        if not self.visible or self.on_tap is None:
            return False
        body = self.hits.body or self.rect
        if intent.action is Action.PRESS and intent.pos and body.collidepoint(intent.pos):
            self._pressed = True
            return True
        if intent.action is Action.RELEASE and self._pressed:
            self._pressed = False
            if intent.pos and body.collidepoint(intent.pos):
                self.on_tap(self.hits.at(intent.pos))
            return True
        return False


class Badge(_InkWidget):
    """A coloured pill with an icon and a word: 安全 / 有风险 / 还不够, 成功脱险 / 被骗了."""

    def __init__(self, look, text: str = "", face_key: str = "safe", text_key: str = "safe_text", icon: str = "check",
                 rect=None):
        super().__init__(look, rect)
        self.text, self.face_key, self.text_key, self.icon = text, face_key, text_key, icon

    def set(self, text: str, face_key: str, text_key: str, icon: str) -> None:
        self.text, self.face_key, self.text_key, self.icon = text, face_key, text_key, icon

    def natural_width(self, height: int) -> int:
        """The width at which the word is drawn at its full size (half the height)."""
        px = int(height * 0.5)
        return int(self.look.ink.width(self.look.tr(self.text), px, True) + height * 1.6)

    def smallest_width(self, height: int) -> int:
        """The narrowest the badge may be: the word at its smallest size (``draw``'s ``min_px``)."""
        px = int(height * 0.3)
        return int(self.look.ink.width(self.look.tr(self.text), px, True) + height * 1.6)

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible or self.rect.w <= 0:
            return
        t = self.look.theme
        face, fg = getattr(t, self.face_key), getattr(t, self.text_key)

        def paint_badge(s):
            r = self.rect
            paint.rrect(s, face, r, r.h // 2)
            icon = pygame.Rect(r.x + r.h * 0.22, r.y + r.h * 0.18, r.h * 0.64, r.h * 0.64)
            draw_icon(s, self.icon, fg, icon)
            box = pygame.Rect(icon.right + r.h * 0.12, r.y, r.right - icon.right - r.h * 0.4, r.h)
            self.look.ink.text(s, self.look.tr(self.text), box, int(r.h * 0.5), fg, bold=True, align="center",
                                  valign="middle", max_lines=1, min_px=int(r.h * 0.3))
        self._ink_draw(surface, paint_badge)


class ChipRow(_InkWidget):
    """Labels in rounded chips, wrapped onto as many rows as the rect allows."""

    def __init__(self, look, labels: list[str] | None = None, face_key: str = "button_alt",
                 text_key: str = "button_alt_text", rect=None, chip_h: int = 0):
        super().__init__(look, rect)
        self.labels = list(labels or [])
        self.face_key, self.text_key = face_key, text_key
        self.chip_h = chip_h

    def _chip_h(self) -> int:
        return self.chip_h or max(16, int(self.look.unit * 6.5))

    def rows_needed(self, width: int) -> int:
        return len(self._place(width)[1]) if self.labels else 0

    def _place(self, width: int):
        h = self._chip_h()
        px = int(h * 0.5)
        ink = self.look.ink
        gap = int(h * 0.3)
        x, rows, row = 0, [], []
        for label in self.labels:
            text = self.look.tr(label)
            w = min(width, int(ink.width(text, px) + h * 0.9))
            if row and x + w > width:
                rows.append(row)
                row, x = [], 0
            row.append((text, x, w))
            x += w + gap
        if row:
            rows.append(row)
        return px, rows

    def trim_to(self, width: int, height: int) -> None:
        """Drop labels from the end until the chips fit ``height`` (whole chips only, never cut)."""
        while self.labels and self.natural_height(width) > height:
            self.labels.pop()

    def natural_height(self, width: int) -> int:
        n = self.rows_needed(width)
        return n * self._chip_h() + max(0, n - 1) * int(self._chip_h() * 0.3)

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible or not self.labels or self.rect.w <= 0:
            return
        t = self.look.theme
        face, fg = getattr(t, self.face_key), getattr(t, self.text_key)
        h = self._chip_h()

        def paint_chips(s):
            px, rows = self._place(self.rect.w)
            y = self.rect.y
            for row in rows:
                if y + h > self.rect.bottom + 1:
                    # Not enough room: record the cut so layout tests notice.
                    self.look.ink.records.append(_cut_record(row, self.rect, y, h))
                    break
                for text, x, w in row:
                    chip = pygame.Rect(self.rect.x + x, y, w, h)
                    paint.rrect(s, face, chip, h // 2)
                    self.look.ink.text(s, text, chip.inflate(-h * 0.6, 0), px, fg, align="center",
                                          valign="middle", max_lines=1, min_px=int(px * 0.7))
                y += h + int(h * 0.3)
        self._ink_draw(surface, paint_chips)


def _grey_out(surface: pygame.Surface, rect: pygame.Rect, theme) -> None:
    """Veil a control that does nothing now (round buttons and pills alike: the veil follows their shape)."""
    veil = pygame.Surface(rect.size, pygame.SRCALPHA)
    paint.rrect(veil, (*paint.mix(theme.phone_body, paint.lightest(theme), 0.35), 170), veil.get_rect(),
                min(rect.w, rect.h) // 2)
    surface.blit(veil, rect.topleft)


def _cut_record(row, rect, y, h):
    text = " ".join(t for t, _, _ in row)
    return TextRecord(text, rect.copy(), pygame.Rect(rect.x, y, rect.w, h), 0, True)
