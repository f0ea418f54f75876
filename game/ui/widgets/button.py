"""The big rounded button: tap it, or focus it and press Enter."""

from __future__ import annotations

from typing import Callable

import pygame

from .. import layout
from ..input import Intent
from .base import Label, Widget
from .colours import darker, mix
from .shapes import draw_icon

BUTTON_STYLES = {
    # style: (face colour field, text colour field)
    "primary": ("button", "button_text"),
    "secondary": ("button_alt", "button_alt_text"),
    "safe": ("safe", "safe_text"),
    "risky": ("risky", "risky_text"),
    "neutral": ("neutral", "neutral_text"),
    "choice": ("button_alt", "button_alt_text"),  # selected = primary colours + a check mark
}


class Button(Widget):
    """A big rounded button. Tap (press+release inside), or focus + Enter.

    ``on_click`` gets no arguments. ``selected`` marks the chosen option of a
    group (settings, language). ``autoplay_weight`` tells the autoplay driver
    how often to pick it (0 = never, e.g. quit or settings).
    """

    focusable = True

    def __init__(self, look, text: str, on_click: Callable[[], None] | None = None, style: str = "primary",
                 icon: str | None = None, enabled: bool = True, rect: pygame.Rect | None = None,
                 role: str = "button", icon_colour=None, autoplay_weight: float = 1.0,
                 translate: bool = True, name: str = ""):
        super().__init__(look, rect)
        self.text = text
        self.on_click = on_click
        self.style, self.icon, self.icon_colour = style, icon, icon_colour   # face colours and the icon
        self.enabled = enabled
        self.selected = self.pressed = self.focused = False
        self.autoplay_weight = autoplay_weight
        self.name = name or text
        self.label = Label(look, text, role=role, translate=translate, bold=True)
        self.icon_above = False   # a narrow, tall button: its icon over its word, not beside it

    # ---- state
    def set_text(self, text: str) -> None:
        self.text = text
        self.label.text = text

    def colours(self):
        t = self.look.theme
        face_key, text_key = BUTTON_STYLES.get(self.style, BUTTON_STYLES["primary"])
        if self.style == "choice" and self.selected:
            face_key, text_key = "button", "button_text"
        face, text = getattr(t, face_key), getattr(t, text_key)
        if not self.enabled:
            face = mix(face, t.background, 0.55)
            text = mix(text, face, 0.35)
        return face, text, text_key

    def activate(self) -> None:
        if self.enabled and self.on_click:
            self.look.sound.play("button")
            self.on_click()

    def handle(self, intent: Intent) -> bool:
        if not self.visible or not self.enabled:
            return False
        return self.handle_tap(intent)

    # ---- drawing
    def _inner(self) -> tuple[pygame.Rect, pygame.Rect | None]:
        """(text rect, icon rect)."""
        u = self.look.unit
        pad = max(u * 1.6, self.rect.h * 0.12)
        inner = layout.inset(self.rect, pad, self.rect.h * 0.12)
        has_mark = self.style == "choice" and self.selected
        if self.icon and self.icon_above and self.text:
            size = round(self.rect.h * 0.34)
            icon = pygame.Rect(0, inner.y, size, size)
            icon.centerx = inner.centerx
            return pygame.Rect(inner.x, icon.bottom, inner.w, inner.bottom - icon.bottom), icon
        if self.icon or has_mark:
            size = min(inner.h, self.rect.h * 0.55)
            if inner.w > size * 2.2 and self.text:
                icon = pygame.Rect(inner.x, 0, round(size), round(size))
                icon.centery = inner.centery
                text = pygame.Rect(icon.right + round(u), inner.y, inner.right - icon.right - round(u), inner.h)
                if has_mark or self._fits_in(text) or not self._fits_in(inner):
                    return text, icon
                # the words would not fit beside the icon but do without it: the icon gives way
            if not self.text:
                return inner, layout.centered(inner, size, size)
        return inner, None

    def _fits_in(self, rect: pygame.Rect) -> bool:
        kept = self.label.rect
        self.label.rect = rect
        fits = self.label.text_fits()
        self.label.rect = kept
        return fits

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible:
            return
        u = self.look.unit
        t = self.look.theme
        face, text_colour, text_key = self.colours()
        radius = round(min(self.rect.h * 0.22, 3 * u))
        depth = max(2, round(0.7 * u)) if self.enabled else 0
        body = self.rect.copy()
        if self.pressed:
            body = body.move(0, depth)
        else:
            body.h -= depth
            base = self.rect.copy()
            base.y += depth
            base.h -= depth
            pygame.draw.rect(surface, darker(face, 0.72), base, border_radius=radius)
        if self.focused:
            ring = self.rect.inflate(round(1.6 * u), round(1.6 * u))
            pygame.draw.rect(surface, t.accent if t.name != "high_contrast" else t.text, ring,
                             max(3, round(0.55 * u)), border_radius=radius + round(0.8 * u))
        pygame.draw.rect(surface, face, body, border_radius=radius)
        if t.name == "high_contrast" or self.style in ("secondary", "choice") and not self.selected:
            pygame.draw.rect(surface, t.text if t.name == "high_contrast" else darker(face, 0.8), body,
                             max(2, round(0.25 * u)), border_radius=radius)
        text_rect, icon_rect = self._inner()
        lift = body.y - self.rect.y - (0 if self.pressed else depth // 2)
        self.label.colour_key = text_key
        self.label.rect = text_rect
        rendered, _ = self.label.rendered()
        tw = rendered.get_width() if rendered else 0
        if icon_rect and self.text and self.icon_above:
            text_centre = text_rect.center
        elif icon_rect and self.text:
            # centre icon + text together, like a phone button
            gap = text_rect.x - icon_rect.right
            group = icon_rect.w + gap + tw
            dx = max(0, self.rect.centerx - group // 2 - icon_rect.x)
            icon_rect = icon_rect.move(dx, 0)
            text_centre = (icon_rect.right + gap + tw // 2, text_rect.centery)
        else:
            text_centre = text_rect.center
        if icon_rect:
            icon = "check" if self.style == "choice" and self.selected else self.icon
            draw_icon(surface, icon, self.icon_colour or text_colour, icon_rect.move(0, lift), hole=face)
        if rendered is not None:
            if not self.enabled:
                rendered = rendered.copy()
                rendered.set_alpha(140)
            surface.blit(rendered, rendered.get_rect(center=(text_centre[0], text_centre[1] + lift)))

    def text_fits(self) -> bool:
        self.label.rect = self._inner()[0]
        return self.label.text_fits()

    def texts(self) -> list[str]:
        return self.label.texts()


def same_label_size(labels, shown=None) -> int | None:
    """Set ``labels`` (placed already) in one text size: the largest at which every one of ``shown``
    (default: the visible ones with text) fits, as each one's cap. Returns that size (None: no text)."""
    if shown is None:
        shown = [label for label in labels if label.visible and label.text and label.rect.w > 0 and label.rect.h > 0]
    for label in labels:
        label.max_px = None
    if not shown:
        return None
    px = min(label.fitted_px() for label in shown)
    for label in labels:
        label.max_px = px
    return px


def same_text_size(buttons) -> int | None:
    """Set the visible buttons of one group (the choices of a decision, a question's answers) in one text
    size: the largest at which every one of them fits, so that no answer stands out by its size.
    Returns that size (None: no button with text)."""
    shown = [b for b in buttons if b.visible and b.text and b.rect.w > 0 and b.rect.h > 0]
    for b in shown:
        b.label.rect = b._inner()[0]
    return same_label_size([b.label for b in buttons], [b.label for b in shown])
