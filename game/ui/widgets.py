"""Widgets every screen is built from: buttons, labels, text boxes, cards, the dice, a focus ring.

Widgets are positioned by the scene's ``layout()`` (set ``widget.rect``) and
drawn with ``widget.draw(surface)``. Sizes come from ``app.unit`` (1/100 of the
short side) so the same code serves a 1280×720 kiosk and a 4K projector.
Text is always fitted to its box (``game.ui.text``: Chinese line breaking,
then shrinking down to a minimum size); ``text_fits()`` says whether it
fitted at or above that minimum.
Rendered text comes from the App's text service (``app.text``: one cache for every screen
and the phone).
"""

from __future__ import annotations

import math
from typing import Callable

import pygame

from . import layout
from .input import Action, Intent
from .scene import Scene
from .text import LINE_SPACING

# Text sizes in layout units (1/100 of the short side), before the text-size setting.
TEXT_ROLES = {
    "title": 12.0,
    "heading": 6.4,
    "button": 5.0,
    "body": 4.4,
    "caption": 3.4,
    "tile": 3.6,
}
# The smallest a role may shrink to when fitting (units). Readable from two metres at 1080p.
MIN_TEXT_UNITS = {"title": 6.0, "heading": 3.6, "button": 3.0, "body": 3.0, "caption": 2.6, "tile": 1.9}
TEXT_SCALE = {"normal": 1.0, "large": 1.2, "extra_large": 1.45}


# ---------------------------------------------------------------- colour helpers

def mix(a, b, t: float):
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def darker(c, f: float = 0.75):
    return tuple(max(0, round(v * f)) for v in c[:3])


def lighter(c, f: float = 0.3):
    return mix(c, (255, 255, 255), f)


# ---------------------------------------------------------------- text

def role_px(app, role: str) -> tuple[int, int]:
    """(wanted, minimum) pixel size of a text role, with the text-size setting applied."""
    scale = TEXT_SCALE.get(app.settings.text_size, 1.0)
    want = TEXT_ROLES.get(role, TEXT_ROLES["body"]) * app.unit * scale
    low = MIN_TEXT_UNITS.get(role, 3.0) * app.unit
    return max(8, round(want)), max(8, round(min(low, want)))


def render_fitted(app, text: str, box: tuple[int, int], role: str = "body", colour=None,
                  bold: bool = False, align: str = "center", max_px: int | None = None,
                  min_px: int | None = None) -> tuple[pygame.Surface, bool]:
    """Render ``text`` wrapped and shrunk to fit ``box`` (w, h): (surface, fitted).

    The surface is at most ``box`` in size (never larger: a text that still
    does not fit at the minimum size is cut, and ``fitted`` is False so tests
    catch it).
    """
    want, low = role_px(app, role)
    if max_px:
        want = max_px
    if min_px:
        low = min(min_px, want)
    colour = colour or app.theme.text
    return app.text.block(text, box, want, low, colour, bold, align, LINE_SPACING)


# ---------------------------------------------------------------- base

class Widget:
    """Something on screen with a rect. Interactive widgets set ``focusable``."""

    focusable = False

    def __init__(self, app, rect: pygame.Rect | None = None):
        self.app = app
        self.rect = pygame.Rect(rect) if rect else pygame.Rect(0, 0, 0, 0)
        self.visible = True

    def draw(self, surface: pygame.Surface) -> None:
        pass

    def handle(self, intent: Intent) -> bool:
        return False

    def handle_tap(self, intent: Intent) -> bool:
        """A tap, as on a phone: a press inside arms, sliding off cancels, a release inside
        calls ``activate()``. True when the intent was this widget's."""
        if intent.action is Action.PRESS and intent.pos and self.rect.collidepoint(intent.pos):
            self.pressed = True
            return True
        if intent.action is Action.DRAG and self.pressed and intent.pos and not self.rect.collidepoint(intent.pos):
            self.pressed = False
            return True
        if intent.action is Action.RELEASE and self.pressed:
            self.pressed = False
            if intent.pos and self.rect.collidepoint(intent.pos):
                self.activate()
            return True
        return False

    def activate(self) -> None:
        pass

    def update(self, dt: float) -> bool:
        """Advance animation; return True while something still moves."""
        return False

    # ---- for layout tests
    def text_fits(self) -> bool:
        return True

    def min_touch_ok(self) -> bool:
        if not self.focusable:
            return True
        edge = layout.touch_min(self.app.size)
        return self.rect.w >= edge and self.rect.h >= edge

    def texts(self) -> list[str]:
        return []


class Label(Widget):
    """A piece of text fitted into its rect: wraps, then shrinks; never overflows."""

    def __init__(self, app, text: str = "", role: str = "body", colour_key: str = "text",
                 align: str = "center", valign: str = "center", bold: bool | None = None,
                 rect: pygame.Rect | None = None, translate: bool = True):
        super().__init__(app, rect)
        self.text = text
        self.role = role
        self.colour_key = colour_key
        self.align = align
        self.valign = valign
        self.bold = role in ("title", "heading", "button") if bold is None else bold
        self.translate = translate
        self.min_role: str | None = None   # shrink as far as this role's minimum (long English paragraphs)

    def set_text(self, text: str) -> None:
        self.text = text

    def shown_text(self) -> str:
        return self.app.tr(self.text) if self.translate else self.text

    def rendered(self) -> tuple[pygame.Surface | None, bool]:
        """(the fitted text, whether it fitted), from the text service's cache."""
        if not self.text or self.rect.w <= 0 or self.rect.h <= 0:
            return None, True
        colour = getattr(self.app.theme, self.colour_key)
        low = role_px(self.app, self.min_role)[1] if self.min_role else None
        return render_fitted(self.app, self.shown_text(), self.rect.size, self.role, colour, self.bold, self.align,
                             min_px=low)

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible:
            return
        s, _ = self.rendered()
        if s is None:
            return
        r = s.get_rect()
        if self.align == "left":
            r.left = self.rect.left
        elif self.align == "right":
            r.right = self.rect.right
        else:
            r.centerx = self.rect.centerx
        if self.valign == "top":
            r.top = self.rect.top
        elif self.valign == "bottom":
            r.bottom = self.rect.bottom
        else:
            r.centery = self.rect.centery
        surface.blit(s, r)

    def text_fits(self) -> bool:
        return self.rendered()[1]

    def texts(self) -> list[str]:
        return [self.text] if self.text else []


class TextBox(Label):
    """Paragraph text: left-aligned, top-aligned, wrapped."""

    def __init__(self, app, text: str = "", role: str = "body", colour_key: str = "text", **kw):
        kw.setdefault("align", "left")
        kw.setdefault("valign", "top")
        super().__init__(app, text, role, colour_key, **kw)


class Panel(Widget):
    """A rounded card with a soft shadow; optional title strip."""

    def __init__(self, app, rect: pygame.Rect | None = None, colour_key: str = "panel",
                 radius_units: float = 2.4, shadow: bool = True, border_key: str | None = None):
        super().__init__(app, rect)
        self.colour_key = colour_key
        self.radius_units = radius_units
        self.shadow = shadow
        self.border_key = border_key

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible or self.rect.w <= 0:
            return
        t = self.app.theme
        radius = round(self.radius_units * self.app.unit)
        if self.shadow and t.name != "high_contrast":
            off = max(2, round(0.6 * self.app.unit))
            shadow = self.rect.move(0, off)
            pygame.draw.rect(surface, darker(t.background, 0.86), shadow, border_radius=radius)
        pygame.draw.rect(surface, getattr(t, self.colour_key), self.rect, border_radius=radius)
        border = self.border_key or ("text" if t.name == "high_contrast" else None)
        if border:
            pygame.draw.rect(surface, getattr(t, border), self.rect, max(2, round(0.3 * self.app.unit)),
                             border_radius=radius)


Card = Panel


# ---------------------------------------------------------------- icons and shapes

def draw_shape(surface: pygame.Surface, shape: str, colour, center, radius: float,
               outline=None, outline_w: int = 0) -> None:
    """A seat's token shape: circle / square / triangle / diamond (for colour-blind players)."""
    cx, cy = center
    r = radius
    if shape == "square":
        pts = [(cx - r * .82, cy - r * .82), (cx + r * .82, cy - r * .82),
               (cx + r * .82, cy + r * .82), (cx - r * .82, cy + r * .82)]
    elif shape == "triangle":
        pts = [(cx, cy - r), (cx + r * .95, cy + r * .72), (cx - r * .95, cy + r * .72)]
    elif shape == "diamond":
        pts = [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
    else:
        pts = None
    if pts is None:
        pygame.draw.circle(surface, colour, (round(cx), round(cy)), round(r))
        if hasattr(pygame.draw, "aacircle"):
            pygame.draw.aacircle(surface, colour, (round(cx), round(cy)), round(r))
        if outline and outline_w:
            pygame.draw.circle(surface, outline, (round(cx), round(cy)), round(r), outline_w)
    else:
        pygame.draw.polygon(surface, colour, pts)
        pygame.draw.aalines(surface, colour, True, pts)
        if outline and outline_w:
            pygame.draw.polygon(surface, outline, pts, outline_w)


def draw_icon(surface: pygame.Surface, icon: str, colour, rect: pygame.Rect, hole=None) -> None:
    """Simple vector icons, drawn so they read at any size."""
    cx, cy = rect.center
    s = min(rect.w, rect.h) / 2
    w = max(2, round(s * 0.2))
    if icon in ("circle", "square", "triangle", "diamond"):
        draw_shape(surface, icon, colour, (cx, cy), s * 0.8)
    elif icon == "play":
        pygame.draw.polygon(surface, colour, [(cx - s * .45, cy - s * .65), (cx + s * .65, cy), (cx - s * .45, cy + s * .65)])
    elif icon == "back":
        pygame.draw.polygon(surface, colour, [(cx + s * .45, cy - s * .65), (cx - s * .6, cy), (cx + s * .45, cy + s * .65)])
    elif icon == "check":
        pygame.draw.lines(surface, colour, False, [(cx - s * .6, cy), (cx - s * .15, cy + s * .5), (cx + s * .65, cy - s * .5)], w + 1)
    elif icon == "cross":
        pygame.draw.line(surface, colour, (cx - s * .5, cy - s * .5), (cx + s * .5, cy + s * .5), w + 1)
        pygame.draw.line(surface, colour, (cx + s * .5, cy - s * .5), (cx - s * .5, cy + s * .5), w + 1)
    elif icon == "plus":
        pygame.draw.line(surface, colour, (cx - s * .6, cy), (cx + s * .6, cy), w + 1)
        pygame.draw.line(surface, colour, (cx, cy - s * .6), (cx, cy + s * .6), w + 1)
    elif icon == "minus":
        pygame.draw.line(surface, colour, (cx - s * .6, cy), (cx + s * .6, cy), w + 1)
    elif icon == "gear":
        for i in range(8):
            a = i * math.pi / 4
            tooth = [(cx + math.cos(a + d) * s * r, cy + math.sin(a + d) * s * r)
                     for d, r in ((-0.2, 0.55), (-0.13, 0.85), (0.13, 0.85), (0.2, 0.55))]
            pygame.draw.polygon(surface, colour, tooth)
        pygame.draw.circle(surface, colour, (cx, cy), round(s * .62))
        if hole is not None:
            pygame.draw.circle(surface, hole, (cx, cy), round(s * .24))
    elif icon == "dice":
        r = pygame.Rect(0, 0, round(s * 1.5), round(s * 1.5))
        r.center = rect.center
        pygame.draw.rect(surface, colour, r, w, border_radius=round(s * .3))
        for dx, dy in ((-.35, -.35), (0, 0), (.35, .35)):
            pygame.draw.circle(surface, colour, (round(cx + dx * s), round(cy + dy * s)), max(2, round(s * .13)))
    elif icon == "sound_off":
        pygame.draw.polygon(surface, colour, [(cx - s * .7, cy - s * .25), (cx - s * .35, cy - s * .25), (cx, cy - s * .6),
                                              (cx, cy + s * .6), (cx - s * .35, cy + s * .25), (cx - s * .7, cy + s * .25)])
        pygame.draw.line(surface, colour, (cx + s * .2, cy - s * .3), (cx + s * .7, cy + s * .3), w)
        pygame.draw.line(surface, colour, (cx + s * .7, cy - s * .3), (cx + s * .2, cy + s * .3), w)
    elif icon == "sound_on":
        pygame.draw.polygon(surface, colour, [(cx - s * .7, cy - s * .25), (cx - s * .35, cy - s * .25), (cx, cy - s * .6),
                                              (cx, cy + s * .6), (cx - s * .35, cy + s * .25), (cx - s * .7, cy + s * .25)])
        for k in (1, 2):
            arc = pygame.Rect(0, 0, round(s * .5 * k), round(s * .7 * k))
            arc.center = (round(cx + s * .05), cy)
            pygame.draw.arc(surface, colour, arc, -0.9, 0.9, w)
    elif icon == "home":
        pygame.draw.polygon(surface, colour, [(cx, cy - s * .7), (cx + s * .7, cy), (cx - s * .7, cy)])
        pygame.draw.rect(surface, colour, pygame.Rect(round(cx - s * .45), round(cy), round(s * .9), round(s * .6)))
    elif icon == "info":
        pygame.draw.circle(surface, colour, (cx, cy), round(s * .75), w)
        pygame.draw.circle(surface, colour, (cx, round(cy - s * .35)), max(2, round(s * .1)))
        pygame.draw.line(surface, colour, (cx, cy - s * .1), (cx, cy + s * .45), w)


# ---------------------------------------------------------------- buttons

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

    def __init__(self, app, text: str, on_click: Callable[[], None] | None = None, style: str = "primary",
                 icon: str | None = None, enabled: bool = True, rect: pygame.Rect | None = None,
                 role: str = "button", icon_colour=None, autoplay_weight: float = 1.0,
                 translate: bool = True, name: str = ""):
        super().__init__(app, rect)
        self.text = text
        self.on_click = on_click
        self.style = style
        self.icon = icon
        self.icon_colour = icon_colour
        self.enabled = enabled
        self.selected = False
        self.pressed = False
        self.focused = False
        self.autoplay_weight = autoplay_weight
        self.name = name or text
        self.label = Label(app, text, role=role, translate=translate, bold=True)

    # ---- state
    def set_text(self, text: str) -> None:
        self.text = text
        self.label.text = text

    def colours(self):
        t = self.app.theme
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
            self.app.sound.play("button")
            self.on_click()

    def handle(self, intent: Intent) -> bool:
        if not self.visible or not self.enabled:
            return False
        return self.handle_tap(intent)

    # ---- drawing
    def _inner(self) -> tuple[pygame.Rect, pygame.Rect | None]:
        """(text rect, icon rect)."""
        u = self.app.unit
        pad = max(u * 1.6, self.rect.h * 0.12)
        inner = layout.inset(self.rect, pad, self.rect.h * 0.12)
        has_mark = self.style == "choice" and self.selected
        if self.icon or has_mark:
            size = min(inner.h, self.rect.h * 0.55)
            if inner.w > size * 2.2 and self.text:
                icon = pygame.Rect(inner.x, 0, round(size), round(size))
                icon.centery = inner.centery
                text = pygame.Rect(icon.right + round(u), inner.y, inner.right - icon.right - round(u), inner.h)
                return text, icon
            if not self.text:
                return inner, layout.centered(inner, size, size)
        return inner, None

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible:
            return
        u = self.app.unit
        t = self.app.theme
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
        if icon_rect and self.text:
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


# ---------------------------------------------------------------- dice

PIPS = {
    1: [(0, 0)],
    2: [(-1, -1), (1, 1)],
    3: [(-1, -1), (0, 0), (1, 1)],
    4: [(-1, -1), (1, -1), (-1, 1), (1, 1)],
    5: [(-1, -1), (1, -1), (0, 0), (-1, 1), (1, 1)],
    6: [(-1, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (1, 1)],
}


class Dice(Widget):
    """The die: tappable when ``enabled``; ``roll(value)`` tumbles and settles on ``value``."""

    focusable = True

    def __init__(self, app, on_tap: Callable[[], None] | None = None, rect: pygame.Rect | None = None):
        super().__init__(app, rect)
        self.on_tap = on_tap
        self.value = 6
        self.shown = 6
        self.enabled = False
        self.pressed = False
        self.focused = False
        self.rolling = 0.0       # seconds left
        self._flip = 0.0
        self.pip_colour_key = "text"
        self.autoplay_weight = 1.0
        self.name = "dice"
        self.pulse = 0.0

    def roll(self, value: int, duration: float = 0.8) -> None:
        self.value = value
        self.rolling = duration
        self._flip = 0.0

    @property
    def is_rolling(self) -> bool:
        return self.rolling > 0

    def update(self, dt: float) -> bool:
        moving = False
        if self.rolling > 0:
            self.rolling = max(0.0, self.rolling - dt)
            self._flip -= dt
            if self._flip <= 0:
                self._flip = 0.07 + (0.8 - self.rolling) * 0.05
                self.shown = self.app.rng.randint(1, 6) if self.rolling > 0.1 else self.value
            if self.rolling == 0:
                self.shown = self.value
            moving = True
        if self.enabled:
            self.pulse = (self.pulse + dt) % 1.6
            moving = True
        return moving

    def handle(self, intent: Intent) -> bool:
        if not self.enabled or not self.visible:
            return False
        return self.handle_tap(intent)

    def activate(self) -> None:
        if self.enabled and self.on_tap:
            self.on_tap()

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible:
            return
        t = self.app.theme
        u = self.app.unit
        side = min(self.rect.w, self.rect.h)
        face = pygame.Rect(0, 0, side, side)
        face.center = self.rect.center
        if self.rolling > 0:
            wob = math.sin(self.rolling * 40) * side * 0.05
            face = face.move(round(wob), round(-abs(wob)))
        if self.enabled and not self.rolling:
            grow = round(side * 0.04 * (0.5 + 0.5 * math.sin(self.pulse / 1.6 * 2 * math.pi)))
            halo = face.inflate(side * 0.12 + grow * 2, side * 0.12 + grow * 2)
            pygame.draw.rect(surface, t.accent, halo, max(3, round(0.6 * u)), border_radius=round(side * 0.26))
        if self.focused:
            ring = face.inflate(round(side * 0.3), round(side * 0.3))
            pygame.draw.rect(surface, t.text, ring, max(2, round(0.4 * u)), border_radius=round(side * 0.3))
        radius = round(side * 0.2)
        if self.pressed:
            face = face.move(0, round(0.5 * u))
        shadow = face.move(0, max(2, round(0.6 * u)))
        pygame.draw.rect(surface, darker(t.board, 0.7), shadow, border_radius=radius)
        hc = t.name == "high_contrast"
        pygame.draw.rect(surface, t.button_alt if hc else t.square, face, border_radius=radius)
        pygame.draw.rect(surface, darker(t.square, 0.6) if t.name != "high_contrast" else t.accent, face,
                         max(2, round(side * 0.03)), border_radius=radius)
        pip_r = max(2, round(side * 0.085))
        step = side * 0.26
        pip_colour = t.red if self.shown in (1, 4) and not hc else t.button_alt_text if hc else t.square_text
        for dx, dy in PIPS.get(self.shown, PIPS[6]):
            c = (round(face.centerx + dx * step), round(face.centery + dy * step))
            pygame.draw.circle(surface, pip_colour, c, pip_r)
            if hasattr(pygame.draw, "aacircle"):
                pygame.draw.aacircle(surface, pip_colour, c, pip_r)


# ---------------------------------------------------------------- keyboard focus

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


# ---------------------------------------------------------------- a scene made of widgets

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

    def widgets(self) -> list:
        return [w for w in self.items if w.visible]

    def draw_widgets(self, surface: pygame.Surface) -> None:
        for w in self.items:
            if w.visible:
                w.draw(surface)


# ---------------------------------------------------------------- screens

class Backdrop:
    """The warm background with a frame of board-coloured squares; the App keeps one
    (``app.backdrop``) with the last picture drawn, for screens that redraw it often."""

    def __init__(self):
        self._cached: tuple | None = None   # (size, theme, unit, the picture)

    def draw(self, surface: pygame.Surface, theme, unit: float, frame: bool = True, keep: bool = True) -> None:
        """Draw on ``surface``. Without the frame it is a plain fill. ``keep=False`` for a screen that keeps
        its own picture of what it draws (the title, the board): no second full-window copy is kept."""
        if not frame:
            surface.fill(theme.background)
            return
        key = (surface.get_size(), theme.name, unit)
        if self._cached is not None and self._cached[0] == key:
            surface.blit(self._cached[1], (0, 0))
            return
        target = pygame.Surface(surface.get_size()).convert() if keep else surface
        _paint_backdrop(target, theme, unit)
        if keep:
            self._cached = (key, target)
            surface.blit(target, (0, 0))

    def forget(self) -> None:
        self._cached = None


def _paint_backdrop(bg: pygame.Surface, t, u: float) -> None:
    bg.fill(t.background)
    w, h = bg.get_size()
    cell = 2.2 * u
    colours = [t.red, t.yellow, t.blue, t.green]
    fade = 0.45 if t.name != "high_contrast" else 0
    gap = max(1, round(0.35 * u))
    i = 0
    x = 0.0
    while x < w:
        for y in (0, h - cell):
            r = pygame.Rect(round(x), round(y), round(cell) - gap, round(cell))
            pygame.draw.rect(bg, mix(colours[i % 4], t.background, fade), r, border_radius=round(0.5 * u))
        x += cell
        i += 1
    y = cell
    i = 1
    while y < h - cell:
        for xx in (0, w - cell):
            r = pygame.Rect(round(xx), round(y), round(cell), round(cell) - gap)
            pygame.draw.rect(bg, mix(colours[i % 4], t.background, fade), r, border_radius=round(0.5 * u))
        y += cell
        i += 1


def draw_backdrop(app, surface: pygame.Surface, frame: bool = True, keep: bool = True) -> None:
    """The warm background (``Backdrop.draw`` with the app's theme and unit)."""
    app.backdrop.draw(surface, app.theme, app.unit, frame, keep)


def frame_inset(app) -> float:
    """Pixels taken by the backdrop's frame, plus a margin."""
    return 2.2 * app.unit + 2.5 * app.unit




class ScreenScene(WidgetScene, Scene):
    """A full-screen scene made of widgets on the warm backdrop. Subclasses fill ``self.items``
    in ``build()`` and place them in ``place(size)``."""

    framed = True

    def __init__(self, app):
        super().__init__(app)
        self.items: list[Widget] = []
        self.build()

    def build(self) -> None:
        pass

    def place(self, size: tuple[int, int]) -> None:
        pass

    def layout(self, size: tuple[int, int]) -> None:
        self.place(size)
        self.refresh_focus()
        self.dirty = True

    def rebuild(self) -> None:
        """Rebuild widgets (content or language changed) and lay them out again."""
        self.items = []
        self.build()
        self.layout(self.app.size)

    def on_locale_changed(self) -> None:
        self.dirty = True

    def handle(self, intent: Intent) -> bool:
        if self.handle_widgets(intent):
            return True
        if intent.action is Action.BACK:
            return self.back()
        return False

    def back(self) -> bool:
        return False

    def update(self, dt: float) -> None:
        moving = False
        for w in self.items:
            if w.visible and w.update(dt):
                moving = True
        self.animating = moving
        if moving:
            self.dirty = True

    def draw(self, surface: pygame.Surface) -> None:
        draw_backdrop(self.app, surface, self.framed)
        self.draw_widgets(surface)

    def content_rect(self) -> pygame.Rect:
        m = round(frame_inset(self.app))
        w, h = self.app.size
        return pygame.Rect(m, m, w - 2 * m, h - 2 * m)
