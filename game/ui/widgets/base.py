"""The widget base class, labels and text boxes (fitted text), and panels (rounded cards)."""

from __future__ import annotations

import pygame

from .. import layout
from ..context import Drawing
from ..input import Action, Intent
from .colours import darker
from ..text import LINE_SPACING
from .fitting import render_fitted, role_px


class Widget:
    """Something on screen with a rect. Interactive widgets set ``focusable``."""

    focusable = False

    def __init__(self, look: Drawing, rect: pygame.Rect | None = None):
        self.look = look          # the drawing context (game.ui.context.Drawing): a widget needs no more
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
        edge = layout.touch_min(self.look.size)
        return self.rect.w >= edge and self.rect.h >= edge

    def texts(self) -> list[str]:
        return []


class Label(Widget):
    """A piece of text fitted into its rect: wraps, then shrinks; never overflows."""

    def __init__(self, look, text: str = "", role: str = "body", colour_key: str = "text",
                 align: str = "center", valign: str = "center", bold: bool | None = None,
                 rect: pygame.Rect | None = None, translate: bool = True):
        super().__init__(look, rect)
        self.text = text
        self.role = role
        self.colour_key = colour_key
        self.align = align
        self.valign = valign
        self.bold = role in ("title", "heading", "button") if bold is None else bold
        self.translate = translate
        self.min_role: str | None = None   # shrink as far as this role's minimum (long English paragraphs)
        self.max_lines: int | None = None  # 1: a name or a heading that shrinks rather than breaks in two
        self.max_px: int | None = None     # never larger than this (buttons of one group share a size)

    def set_text(self, text: str) -> None:
        self.text = text

    def shown_text(self) -> str:
        return self.look.tr(self.text) if self.translate else self.text

    def rendered(self) -> tuple[pygame.Surface | None, bool]:
        """(the fitted text, whether it fitted), from the text service's cache."""
        if not self.text or self.rect.w <= 0 or self.rect.h <= 0:
            return None, True
        colour = getattr(self.look.theme, self.colour_key)
        low = role_px(self.look, self.min_role)[1] if self.min_role else None
        return render_fitted(self.look, self.shown_text(), self.rect.size, self.role, colour, self.bold, self.align,
                             max_px=self.max_px, min_px=low, max_lines=self.max_lines)

    def fitted_px(self) -> int:
        """The pixel size the text gets in the current rect (the largest at which it fits, within the role's range)."""
        want, low = role_px(self.look, self.role)
        if self.min_role:
            low = min(role_px(self.look, self.min_role)[1], want)
        return self.look.text.fit(self.shown_text(), self.rect.w, self.rect.h, want, low, bold=self.bold,
                                  line_spacing=LINE_SPACING, max_lines=self.max_lines).size

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible:
            return
        s, _ = self.rendered()
        if s is None:
            return
        x = {"left": "left", "right": "right"}.get(self.align, "centerx")
        y = {"top": "top", "bottom": "bottom"}.get(self.valign, "centery")
        surface.blit(s, s.get_rect(**{x: getattr(self.rect, x), y: getattr(self.rect, y)}))

    def text_fits(self) -> bool:
        return self.rendered()[1]

    def texts(self) -> list[str]:
        return [self.text] if self.text else []


class TextBox(Label):
    """Paragraph text: left-aligned, top-aligned, wrapped."""

    def __init__(self, look, text: str = "", role: str = "body", colour_key: str = "text", **kw):
        kw.setdefault("align", "left")
        kw.setdefault("valign", "top")
        super().__init__(look, text, role, colour_key, **kw)


class Panel(Widget):
    """A rounded card with a soft shadow; optional title strip."""

    def __init__(self, look, rect: pygame.Rect | None = None, colour_key: str = "panel",
                 radius_units: float = 2.4, shadow: bool = True, border_key: str | None = None):
        super().__init__(look, rect)
        self.colour_key = colour_key
        self.radius_units = radius_units
        self.shadow = shadow
        self.border_key = border_key

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible or self.rect.w <= 0:
            return
        t = self.look.theme
        radius = round(self.radius_units * self.look.unit)
        if self.shadow and t.name != "high_contrast":
            off = max(2, round(0.6 * self.look.unit))
            shadow = self.rect.move(0, off)
            pygame.draw.rect(surface, darker(t.background, 0.86), shadow, border_radius=radius)
        pygame.draw.rect(surface, getattr(t, self.colour_key), self.rect, border_radius=radius)
        border = self.border_key or ("text" if t.name == "high_contrast" else None)
        if border:
            pygame.draw.rect(surface, getattr(t, border), self.rect, max(2, round(0.3 * self.look.unit)),
                             border_radius=radius)


Card = Panel
