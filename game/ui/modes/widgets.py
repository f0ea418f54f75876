"""Pieces the mode screens share: a see-through card over the game, a text field, the teacher bar's buttons."""

from __future__ import annotations

import pygame

from .. import layout
from ..input import Action, Intent
from ..scene import Scene
from ..widgets import Button, Label, Panel, Widget, WidgetScene, darker, draw_icon, mix, render_fitted, role_px


class CardOverlay(WidgetScene, Scene):
    """A card over a dimmed game. Subclasses fill ``self.items`` in ``build`` and place them in ``place``.

    Modal: taps outside the card do nothing.
    """

    opaque = False
    name = "overlay"
    veil_alpha = 150

    def __init__(self, ctx):
        super().__init__(ctx)
        self.items: list[Widget] = []
        self.card = Panel(self.look, border_key="text" if ctx.look.theme.name == "high_contrast" else None)
        self._veil: tuple | None = None
        self.build()

    def build(self) -> None:
        pass

    def place(self, size) -> None:
        pass

    def card_rect(self, size, w_units: float, h_units: float) -> pygame.Rect:
        u = layout.unit_for(size)
        w = min(size[0] - 6 * u, w_units * u)
        h = min(size[1] - 6 * u, h_units * u)
        return layout.centered(pygame.Rect(0, 0, *size), w, h)

    def layout(self, size) -> None:
        self.place(size)
        self.refresh_focus()
        self.dirty = True

    def handle(self, intent: Intent) -> bool:
        if self.handle_widgets(intent):
            return True
        if intent.action is Action.BACK:
            self.back()
            return True
        return intent.action in (Action.PRESS, Action.RELEASE, Action.DRAG, Action.SCROLL, Action.CONFIRM)

    def back(self) -> None:
        pass

    def draw(self, surface: pygame.Surface) -> None:
        key = (surface.get_size(), self.look.theme.name, self.veil_alpha)
        if self._veil is None or self._veil[0] != key:
            veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            dark = min((self.look.theme.text, self.look.theme.background), key=sum)
            veil.fill((*dark, self.veil_alpha))
            self._veil = (key, veil)
        surface.blit(self._veil[1], (0, 0))
        self.card.draw(surface)
        self.draw_widgets(surface)
        self.look.report_dirty(None)

    def widgets(self) -> list:
        return [w for w in self.items if w.visible]


class TextField(Widget):
    """One line of text the teacher types (a keyboard or the system's input method).

    A tap starts typing (``on_activate(field)``: the classroom controller's ``begin_text``); Enter,
    Escape or a tap elsewhere ends it. ``on_change(text)`` hears every change.
    """

    focusable = True

    def __init__(self, look, text: str = "", placeholder: str = "", on_change=None, max_len: int = 40,
                 name: str = "text_field", on_activate=None):
        super().__init__(look)
        self.on_activate = on_activate
        self.text = text
        self.placeholder = placeholder
        self.on_change = on_change
        self.max_len = max_len
        self.editing = False
        self.pressed = False
        self.focused = False
        self.enabled = True
        self.name = name
        self.autoplay_weight = 0
        self.caret = 0.0

    def _shown(self) -> tuple[str, str]:
        if self.text:
            return self.text + ("|" if self.editing else ""), "text"
        return ("|" if self.editing else self.look.tr(self.placeholder)), "text_muted"

    def _inner(self) -> pygame.Rect:
        u = self.look.unit
        return layout.inset(self.rect, 2.5 * u, max(2, self.rect.h * 0.14))

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible or self.rect.w <= 0:
            return
        t = self.look.theme
        u = self.look.unit
        radius = round(min(self.rect.h * 0.2, 2.5 * u))
        pygame.draw.rect(surface, t.panel, self.rect, border_radius=radius)
        edge = t.accent if self.editing or self.focused else (t.text if t.name == "high_contrast" else t.text_muted)
        pygame.draw.rect(surface, edge, self.rect, max(2, round((0.5 if self.editing else 0.25) * u)),
                         border_radius=radius)
        text, key = self._shown()
        inner = self._inner()
        s, _ = render_fitted(self.look, text, inner.size, "body", getattr(t, key), False, "left")
        surface.blit(s, s.get_rect(midleft=inner.midleft))

    def text_fits(self) -> bool:
        text, key = self._shown()
        _, fits = render_fitted(self.look, text, self._inner().size, "body", getattr(self.look.theme, key), False,
                                "left")
        return fits

    def texts(self) -> list[str]:
        return [self.text or self.placeholder]

    def handle(self, intent: Intent) -> bool:
        return self.visible and self.handle_tap(intent)

    def activate(self) -> None:
        if self.on_activate is not None:
            self.on_activate(self)

    def set_text(self, text: str) -> None:
        text = "".join(ch for ch in text if ch.isprintable())[: self.max_len]
        if text != self.text:
            self.text = text
            if self.on_change:
                self.on_change(text)


class BarButton(Button):
    """A teacher-bar button: icon on top, a short word under it, the keyboard key in a corner."""

    def __init__(self, look, text: str, on_click, icon: str, key: str, name: str = "", other_texts: tuple = ()):
        super().__init__(look, text, on_click, style="secondary", icon=icon, role="button", autoplay_weight=0,
                         name=name or text)
        self.key = key
        self.label.max_lines = 1    # one short word: smaller, never "Sum|mary"
        self.icon_above: bool | None = None   # set for the whole bar (one look); None: as this button needs
        self.other_texts = other_texts        # words the button also shows (暂停 ↔ 继续): room is kept for them

    def word_width(self, px: int) -> int:
        """Width of the button's widest word (this one, or one it also shows) at ``px``, bold as drawn."""
        font = self.look.text.font(px, True)
        return max(font.size(self.look.tr(t))[0] for t in (self.text, *self.other_texts) if t) if self.text else 0

    def key_px(self) -> int:
        """The key letter's size: readable from the back of a classroom (2.6 units: 28 px at 1080p)."""
        return max(8, round(2.6 * self.look.unit), round(min(self.rect.w, self.rect.h) * 0.16))

    def needs_icon_above(self) -> bool:
        """Tall (the vertical bar), or a word too long to stand beside its icon but not across the button."""
        r = self.rect
        pad = max(2, round(r.w * 0.08))
        inner = r.inflate(-2 * pad, -2 * pad)
        beside = inner.w - round(min(inner.h * 0.6, inner.w * 0.3)) - pad
        word = self.word_width(role_px(self.look, "button")[1])
        return r.h >= r.w * 0.9 or beside < word <= inner.w

    def _inner(self):
        r = self.rect
        pad = max(2, round(r.w * 0.08))
        inner = r.inflate(-2 * pad, -2 * pad)
        if self.needs_icon_above() if self.icon_above is None else self.icon_above:   # icon above the word
            icon_h = round(inner.h * 0.40)
            icon = pygame.Rect(0, inner.y, icon_h, icon_h)
            icon.centerx = inner.centerx
            text = pygame.Rect(inner.x, icon.bottom, inner.w, inner.bottom - icon.bottom)
        else:                  # wide (horizontal bar): icon left of the word
            icon_w = round(min(inner.h * 0.6, inner.w * 0.3))
            icon = pygame.Rect(inner.x, 0, icon_w, icon_w)
            icon.centery = inner.centery
            text = pygame.Rect(icon.right + pad, inner.y, inner.right - icon.right - pad, inner.h)
        return text, icon

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible:
            return
        t = self.look.theme
        u = self.look.unit
        face, text_colour, text_key = self.colours()
        if self.selected:
            face, text_colour, text_key = t.button, t.button_text, "button_text"
            if not self.enabled:
                face = mix(face, t.background, 0.55)
        radius = round(min(self.rect.w, self.rect.h) * 0.16)
        body = self.rect.move(0, round(0.3 * u)) if self.pressed else self.rect
        pygame.draw.rect(surface, face, body, border_radius=radius)
        pygame.draw.rect(surface, t.text if t.name == "high_contrast" else darker(face, 0.8), body,
                         max(2, round(0.25 * u)), border_radius=radius)
        if self.focused:
            pygame.draw.rect(surface, t.accent, body.inflate(round(u), round(u)), max(2, round(0.45 * u)),
                             border_radius=radius)
        text_rect, icon_rect = self._inner()
        dy = body.y - self.rect.y
        draw_bar_icon(surface, self.icon, text_colour, icon_rect.move(0, dy), face)
        self.label.colour_key = text_key
        self.label.rect = text_rect
        rendered, _ = self.label.rendered()
        if rendered is not None:
            if not self.enabled:
                rendered = rendered.copy()
                rendered.set_alpha(140)
            surface.blit(rendered, rendered.get_rect(center=(text_rect.centerx, text_rect.centery + dy)))
        # The keyboard key, small, in the top-right corner.
        kpx = self.key_px()
        ks, _ = render_fitted(self.look, self.key.upper(), (kpx * 2, kpx * 2), "caption",
                              mix(text_colour, face, 0.3), True, max_px=kpx, min_px=8)
        surface.blit(ks, ks.get_rect(topright=(body.right - round(kpx * 0.5), body.y + round(kpx * 0.3))))


def draw_bar_icon(surface, icon: str, colour, rect: pygame.Rect, face) -> None:
    """The bar's own icons (pause, skip, quiz); anything else from ``draw_icon``."""
    cx, cy = rect.center
    s = min(rect.w, rect.h) / 2
    if icon == "pause":
        for dx in (-0.32, 0.32):
            bar = pygame.Rect(0, 0, round(s * 0.36), round(s * 1.3))
            bar.center = (round(cx + dx * s), cy)
            pygame.draw.rect(surface, colour, bar, border_radius=max(1, round(s * 0.08)))
    elif icon == "skip":
        pygame.draw.polygon(surface, colour, [(cx - s * .65, cy - s * .6), (cx + s * .25, cy), (cx - s * .65, cy + s * .6)])
        bar = pygame.Rect(0, 0, round(s * 0.28), round(s * 1.2))
        bar.center = (round(cx + s * .48), cy)
        pygame.draw.rect(surface, colour, bar)
    elif icon == "quiz":
        pygame.draw.circle(surface, colour, (cx, cy), round(s * .8), max(2, round(s * .14)))
        w = max(2, round(s * .16))
        pygame.draw.arc(surface, colour, pygame.Rect(round(cx - s * .3), round(cy - s * .5), round(s * .6), round(s * .55)),
                        -1.2, 3.3, w)
        pygame.draw.line(surface, colour, (cx, round(cy + s * .02)), (cx, round(cy + s * .22)), w)
        pygame.draw.circle(surface, colour, (cx, round(cy + s * .45)), max(2, round(s * .1)))
    else:
        draw_icon(surface, icon, colour, rect, hole=face)


class Toast:
    """A short message at the top of the scenes for a few seconds (drawn by a controller)."""

    def __init__(self, look):
        self.look = look
        self.text = ""
        self.left = 0.0
        self.rect: pygame.Rect | None = None

    def show(self, text: str, seconds: float = 3.0) -> None:
        self.text = self.look.tr(text)
        self.left = seconds

    def update(self, dt: float) -> bool:
        """True when the toast just went away (the scenes must repaint where it was)."""
        if self.left <= 0:
            return False
        self.left -= dt
        return self.left <= 0

    @property
    def visible(self) -> bool:
        return self.left > 0 and bool(self.text)

    def draw(self, surface: pygame.Surface) -> pygame.Rect | None:
        if not self.visible:
            return None
        u = self.look.unit
        w, h = surface.get_size()
        box = pygame.Rect(0, 0, round(min(w - 8 * u, 110 * u)), round(12 * u))
        box.midtop = (w // 2, round(3 * u))
        t = self.look.theme
        pygame.draw.rect(surface, t.text, box, border_radius=round(2 * u))
        s, _ = render_fitted(self.look, self.text, layout.inset(box, 3 * u, 1.5 * u).size, "body", t.background, True)
        surface.blit(s, s.get_rect(center=box.center))
        self.rect = box
        return box


def label(app, text: str, role: str = "body", colour_key: str = "text", align: str = "left", **kw) -> Label:
    return Label(app, text, role=role, colour_key=colour_key, align=align, **kw)
