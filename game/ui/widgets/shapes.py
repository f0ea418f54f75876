"""Token shapes (for colour-blind players) and simple vector icons."""

from __future__ import annotations

import math

import pygame


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
