"""The phone itself: body, screen, status bar and app header.

``open_phone`` draws the body and returns a ``Screen`` — the drawing context every
channel drawer works in (its rect, a size unit, the theme, the text tool).
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from . import paint
from .ink import Ink
from .state import PhoneHits, PhoneState

ASPECT = 0.50          # phone width / height
RGB = tuple[int, int, int]


def tr(app, text: str) -> str:
    return app.tr(text)


def phone_rect(area: pygame.Rect, aspect: float = ASPECT) -> pygame.Rect:
    """The largest phone of ``aspect`` centred in ``area``."""
    area = pygame.Rect(area)
    h = area.h
    w = int(h * aspect)
    if w > area.w:
        w = area.w
        h = int(w / aspect)
    r = pygame.Rect(0, 0, w, h)
    r.center = area.center
    return r


def text_scale(app) -> float:
    """Phone text grows a little with the player's text-size setting."""
    size = app.text_scale_key
    return {"large": 1.12, "extra_large": 1.25}.get(size, 1.0)


@dataclass
class Screen:
    surface: pygame.Surface
    rect: pygame.Rect         # the glass, below the status bar
    full: pygame.Rect         # the whole glass, status bar included
    u: float                  # 1/100 of the screen width
    theme: object
    ink: Ink
    app: object
    state: PhoneState
    hits: PhoneHits
    radius: int = 0           # corner radius of the glass

    def px(self, size: float) -> int:
        """A text size in screen units, scaled by the text-size setting."""
        return max(8, int(size * self.u * text_scale(self.app)))

    def tr(self, text: str) -> str:
        return tr(self.app, text)

    @property
    def dark(self) -> RGB:
        return paint.darkest(self.theme)

    @property
    def light(self) -> RGB:
        return paint.lightest(self.theme)


def open_phone(surface: pygame.Surface, area: pygame.Rect, app, state: PhoneState,
               screen_colour: RGB | None = None, status_on_dark: bool = False,
               body: pygame.Rect | None = None, signal: int = 4) -> Screen:
    """Draw the phone body, fill the screen, draw the status bar; return the drawing context."""
    theme = app.theme
    body = body or phone_rect(area)
    w = body.w
    radius = int(w * 0.14)
    paint.shadow(surface, body, radius, paint.darkest(theme), max(2, int(w * 0.03)))
    paint.rrect(surface, theme.phone_body, body, radius)
    # A thin lighter rim, as metal frames catch the light.
    paint.rrect(surface, paint.mix(theme.phone_body, paint.lightest(theme), 0.25), body, radius, max(1, w // 120))
    bezel = max(3, int(w * 0.035))
    glass = body.inflate(-bezel * 2, -bezel * 2)
    paint.rrect(surface, screen_colour or theme.phone_screen, glass, radius - bezel)
    # Side buttons.
    side = max(2, w // 70)
    pygame.draw.rect(surface, theme.phone_body, (body.right, body.y + body.h * 0.22, side, body.h * 0.08),
                     border_radius=side)
    pygame.draw.rect(surface, theme.phone_body, (body.x - side, body.y + body.h * 0.18, side, body.h * 0.12),
                     border_radius=side)

    hits = PhoneHits(screen=glass.copy(), body=body.copy())
    u = glass.w / 100
    ink = app.ink
    status_h = int(u * 9)
    content = pygame.Rect(glass.x, glass.y + status_h, glass.w, glass.h - status_h)
    scr = Screen(surface, content, glass, u, theme, ink, app, state, hits, radius - bezel)
    draw_status_bar(scr, pygame.Rect(glass.x, glass.y, glass.w, status_h), status_on_dark, signal)
    return scr


def draw_status_bar(scr: Screen, bar: pygame.Rect, on_dark: bool, signal: int = 4) -> None:
    theme = scr.theme
    colour = scr.light if on_dark else theme.phone_text
    u = scr.u
    # Camera pill in the middle.
    pill = pygame.Rect(0, 0, u * 26, u * 6)
    pill.center = (bar.centerx, bar.centery)
    paint.rrect(scr.surface, theme.phone_body, pill, pill.h // 2)
    # Time at the left (space for the rounded corner).
    time_box = pygame.Rect(bar.x + u * 9, bar.y, pill.x - bar.x - u * 10, bar.h)
    scr.ink.text(scr.surface, scr.state.clock, time_box, int(u * 4.6), colour, bold=True, valign="middle")
    # Signal, wifi, battery at the right.
    x = bar.right - u * 9
    batt = pygame.Rect(0, 0, u * 7, u * 3.4)
    batt.midright = (x, bar.centery)
    paint.battery(scr.surface, colour, batt)
    wf = pygame.Rect(0, 0, u * 4.4, u * 3.4)
    wf.midright = (batt.x - u * 1.6, bar.centery + u * 0.2)
    paint.wifi(scr.surface, colour, wf)
    sig = pygame.Rect(0, 0, u * 5, u * 3.4)
    sig.midright = (wf.x - u * 1.6, bar.centery)
    paint.signal_bars(scr.surface, colour, sig, signal)


def app_header(scr: Screen, title: str, subtitle: str = "", *, bg: RGB | None = None,
               fg: RGB | None = None, back: bool = True, menu: bool = True, height: float = 14) -> pygame.Rect:
    """A top bar with a back arrow, a centred title (+ subtitle) and a menu; returns its rect."""
    theme = scr.theme
    u = scr.u
    bar = pygame.Rect(scr.rect.x, scr.rect.y, scr.rect.w, int(u * height))
    # A long title or subtitle (English is longer than Chinese) gets a second line: the bar grows.
    text_w = bar.inflate(-u * 28, -u * 2).w - 1
    title_min, sub_min = int(u * 3.6), int(u * 3)
    title_lines = 1 if scr.ink.width(title, title_min, True) <= text_w else 2
    sub_lines = 0 if not subtitle else 1 if scr.ink.width(subtitle, sub_min) <= text_w else 2
    extra_title = (title_lines - 1) * scr.ink.line_height(title_min, True)
    extra_sub = max(0, sub_lines - 1) * scr.ink.line_height(sub_min)
    bar.h += extra_title + extra_sub
    bg = bg or paint.mix(theme.phone_screen, scr.dark, 0.06)
    fg = fg or paint.ink_on(bg, theme.phone_text, scr.light)
    pygame.draw.rect(scr.surface, bg, bar)
    pygame.draw.line(scr.surface, paint.mix(bg, scr.dark, 0.15), bar.bottomleft, (bar.right - 1, bar.bottom), 1)
    if back:
        paint.back_arrow(scr.surface, fg, (bar.x + u * 6, bar.centery), u * 5)
        scr.hits.areas["back"] = pygame.Rect(bar.x, bar.y, round(u * 12), bar.h)
    if menu:
        paint.dots(scr.surface, fg, (bar.right - u * 7, bar.centery), u * 6)
    inner = bar.inflate(-u * 28, -u * 2)
    if subtitle:
        top_h = (inner.h - extra_title - extra_sub) * 0.58 + extra_title
        top = pygame.Rect(inner.x, inner.y, inner.w, top_h)
        bottom = pygame.Rect(inner.x, top.bottom, inner.w, inner.bottom - top.bottom)
        scr.ink.text(scr.surface, title, top, scr.px(5.6), fg, bold=True, align="center", valign="bottom",
                     max_lines=title_lines, min_px=title_min)
        scr.ink.text(scr.surface, subtitle, bottom, scr.px(3.8), paint.mix(fg, bg, 0.3), align="center",
                     valign="top", max_lines=sub_lines, min_px=sub_min)
    else:
        scr.ink.text(scr.surface, title, inner, scr.px(6), fg, bold=True, align="center", valign="middle",
                     max_lines=title_lines, min_px=title_min)
    return bar
