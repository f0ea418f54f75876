"""Shape helpers for the simulated phone: colour mixing, rounded cards, small icons.

Every colour comes from the active theme; helpers here only mix theme colours
(toward the theme's own dark ``phone_body`` or light ``phone_screen``), so the
high-contrast theme changes the whole phone at once.
"""

from __future__ import annotations

import math

import pygame

RGB = tuple[int, int, int]


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """``a`` moved ``t`` (0..1) of the way to ``b``."""
    t = max(0.0, min(1.0, t))
    return tuple(int(round(x + (y - x) * t)) for x, y in zip(a, b))  # type: ignore[return-value]


def luminance(c: RGB) -> float:
    return (0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]) / 255


def ink_on(bg: RGB, dark: RGB, light: RGB) -> RGB:
    """Whichever of ``dark``/``light`` reads better on ``bg``."""
    return dark if luminance(bg) > 0.55 else light


def darkest(theme) -> RGB:
    return min((theme.phone_body, theme.phone_screen, theme.text, theme.background), key=luminance)


def lightest(theme) -> RGB:
    return max((theme.phone_body, theme.phone_screen, theme.text, theme.background), key=luminance)


def rrect(surface: pygame.Surface, colour: RGB, rect, radius: int, width: int = 0) -> None:
    pygame.draw.rect(surface, colour, rect, width, border_radius=max(0, int(radius)))


class Layers:
    """The phone's layers that depend only on sizes and colours (shadows, gradients, masks), kept in
    two generations like the text: what this and the last screen used, at most ``MAX_PIXELS`` a
    generation (4 bytes a pixel). The App starts a new generation with each new screen."""

    MAX_LAYERS = 48
    MAX_PIXELS = 2_000_000

    def __init__(self):
        self._current: dict = {}
        self._previous: dict = {}
        self._pixels = 0

    def get(self, key, make):
        hit = self._current.get(key)
        if hit is None:
            hit = self._previous.pop(key, None)
            if hit is None:
                hit = make()
            pixels = sum(layer.get_width() * layer.get_height() for layer in (hit if isinstance(hit, list) else [hit]))
            if len(self._current) >= self.MAX_LAYERS or self._pixels + pixels > self.MAX_PIXELS:
                self.new_generation()
            self._current[key] = hit
            self._pixels += pixels
        return hit

    def new_generation(self) -> None:
        self._previous, self._current, self._pixels = self._current, {}, 0


LAYERS = Layers()   # one per process: the layers are pure functions of their keys


def cached(key, make):
    """A layer from ``LAYERS`` (made by ``make()`` when it is not there)."""
    return LAYERS.get(key, make)


def shadow(surface: pygame.Surface, rect: pygame.Rect, radius: int, colour: RGB, spread: int) -> None:
    """A soft drop shadow under ``rect`` (a few translucent rounded rects)."""
    if spread <= 0:
        return
    layer = cached(("shadow", rect.size, radius, tuple(colour), spread),
                    lambda: _shadow_layer(rect.size, radius, colour, spread))
    surface.blit(layer, (rect.x - spread * 2, rect.y - spread * 2))


def _shadow_layer(size, radius, colour, spread) -> pygame.Surface:
    rect = pygame.Rect((0, 0), size)
    layer = pygame.Surface((rect.w + spread * 4, rect.h + spread * 4), pygame.SRCALPHA)
    steps = 5
    for i in range(steps):
        grow = spread * (steps - i) / steps
        r = pygame.Rect(0, 0, rect.w + grow * 2, rect.h + grow * 2)
        r.center = (layer.get_width() // 2, layer.get_height() // 2 + spread // 2)
        pygame.draw.rect(layer, (*colour, 18), r, border_radius=int(radius + grow))
    return layer


def vertical_gradient(size: tuple[int, int], top: RGB, bottom: RGB) -> pygame.Surface:
    """A top-to-bottom colour fade (cached: blit it, never draw on it)."""
    return cached(("gradient", tuple(size), tuple(top), tuple(bottom)), lambda: _gradient(size, top, bottom))


def _gradient(size, top, bottom) -> pygame.Surface:
    w, h = max(1, size[0]), max(1, size[1])
    strip = pygame.Surface((1, 2))
    strip.set_at((0, 0), top)
    strip.set_at((0, 1), bottom)
    return pygame.transform.smoothscale(strip, (w, h)) if h > 2 else pygame.transform.scale(strip, (w, h))


def circle(surface: pygame.Surface, colour: RGB, centre, radius: float) -> None:
    r = max(1, int(radius))
    pygame.draw.aacircle(surface, colour, (int(centre[0]), int(centre[1])), r)


# ---------------------------------------------------------------- icons

def _handset_shape() -> list[list[tuple[float, float]]]:
    """Polygons of a handset in a unit box centred on (0, 0), earpiece top-left."""
    ccx, ccy, radius, th = 0.0, 0.0, 1.0, 0.34
    lo, hi = math.radians(88), math.radians(182)
    n = 16
    outer, inner = [], []
    for i in range(n + 1):
        a = lo + (hi - lo) * i / n
        outer.append((ccx + (radius + th / 2) * math.cos(a), ccy + (radius + th / 2) * math.sin(a)))
        inner.append((ccx + (radius - th / 2) * math.cos(a), ccy + (radius - th / 2) * math.sin(a)))
    polys = [outer + inner[::-1]]
    for a in (lo, hi):
        px, py = ccx + (radius + th / 2) * math.cos(a), ccy + (radius + th / 2) * math.sin(a)
        nx, ny = -math.cos(a), -math.sin(a)            # toward the arc's centre
        tx, ty = -math.sin(a), math.cos(a)             # along the arc
        half, length = 0.32, 0.50
        back = 0.04
        polys.append([(px + tx * half - nx * back, py + ty * half - ny * back),
                      (px - tx * half - nx * back, py - ty * half - ny * back),
                      (px - tx * half + nx * length, py - ty * half + ny * length),
                      (px + tx * half + nx * length, py + ty * half + ny * length)])
    xs = [x for poly in polys for x, _ in poly]
    ys = [y for poly in polys for _, y in poly]
    ox, oy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys))
    return [[((x - ox) / span * 2, (y - oy) / span * 2) for x, y in poly] for poly in polys]


_HANDSET = _handset_shape()


def handset(surface: pygame.Surface, colour: RGB, centre, size: float, angle: float = 0.0) -> None:
    """A telephone handset of ``size`` pixels; ``angle`` in degrees (135 = the hang-up glyph)."""
    cx, cy = centre
    s = size / 2
    a0 = math.radians(angle)
    ca, sa = math.cos(a0), math.sin(a0)
    for poly in _HANDSET:
        pts = [(cx + (x * ca - y * sa) * s, cy + (x * sa + y * ca) * s) for x, y in poly]
        pygame.draw.polygon(surface, colour, pts)
        pygame.draw.aalines(surface, colour, True, pts)


def signal_bars(surface: pygame.Surface, colour: RGB, rect: pygame.Rect, level: int = 4) -> None:
    n = 4
    gap = max(1, rect.w // 12)
    bw = max(1, (rect.w - gap * (n - 1)) // n)
    for i in range(n):
        h = int(rect.h * (i + 1) / n)
        r = pygame.Rect(rect.x + i * (bw + gap), rect.bottom - h, bw, h)
        if i < level:
            rrect(surface, colour, r, bw // 3)
        else:
            rrect(surface, colour, r, bw // 3, max(1, bw // 4))


def battery(surface: pygame.Surface, colour: RGB, rect: pygame.Rect, level: float = 0.8) -> None:
    body = pygame.Rect(rect.x, rect.y, rect.w - max(2, rect.w // 10), rect.h)
    line = max(1, rect.h // 7)
    rrect(surface, colour, body, rect.h // 4, line)
    inner = body.inflate(-line * 4, -line * 4)
    inner.w = int(inner.w * level)
    rrect(surface, colour, inner, rect.h // 8)
    tip = pygame.Rect(body.right, rect.y + rect.h // 3, max(2, rect.w // 10), rect.h // 3)
    rrect(surface, colour, tip, 1)


def wifi(surface: pygame.Surface, colour: RGB, rect: pygame.Rect) -> None:
    cx, by = rect.centerx, rect.bottom
    w = max(1, rect.h // 6)
    for i, frac in enumerate((1.0, 0.66, 0.33)):
        r = rect.h * frac
        box = pygame.Rect(0, 0, r * 2, r * 2)
        box.center = (cx, by)
        pygame.draw.arc(surface, colour, box, math.radians(50), math.radians(130), w)
    circle(surface, colour, (cx, by - w), w)


def back_arrow(surface: pygame.Surface, colour: RGB, centre, size: float) -> None:
    cx, cy = centre
    s = size / 2
    w = max(2, int(size / 7))
    pygame.draw.line(surface, colour, (cx + s * 0.3, cy - s), (cx - s * 0.5, cy), w)
    pygame.draw.line(surface, colour, (cx - s * 0.5, cy), (cx + s * 0.3, cy + s), w)


def dots(surface: pygame.Surface, colour: RGB, centre, size: float, n: int = 3) -> None:
    cx, cy = centre
    step = size / n
    for i in range(n):
        circle(surface, colour, (cx - size / 2 + step * (i + 0.5), cy), max(1.5, size / 14))


def warning_triangle(surface: pygame.Surface, colour: RGB, mark: RGB, centre, size: float) -> None:
    cx, cy = centre
    s = size / 2
    pts = [(cx, cy - s), (cx + s * 1.05, cy + s * 0.85), (cx - s * 1.05, cy + s * 0.85)]
    pygame.draw.polygon(surface, colour, pts)
    w = max(2, int(size / 8))
    pygame.draw.line(surface, mark, (cx, cy - s * 0.35), (cx, cy + s * 0.3), w)
    circle(surface, mark, (cx, cy + s * 0.58), w * 0.6)


def shield(surface: pygame.Surface, colour: RGB, mark: RGB, centre, size: float) -> None:
    cx, cy = centre
    s = size / 2
    pts = [(cx, cy - s), (cx + s * 0.85, cy - s * 0.6), (cx + s * 0.75, cy + s * 0.25),
           (cx, cy + s), (cx - s * 0.75, cy + s * 0.25), (cx - s * 0.85, cy - s * 0.6)]
    pygame.draw.polygon(surface, colour, pts)
    w = max(2, int(size / 9))
    pygame.draw.lines(surface, mark, False,
                      [(cx - s * 0.4, cy), (cx - s * 0.08, cy + s * 0.32), (cx + s * 0.45, cy - s * 0.3)], w)


def mic(surface: pygame.Surface, colour: RGB, centre, size: float) -> None:
    cx, cy = centre
    s = size / 2
    w = max(2, int(size / 10))
    body = pygame.Rect(0, 0, s * 0.7, s * 1.2)
    body.center = (cx, cy - s * 0.25)
    rrect(surface, colour, body, body.w // 2)
    arc = pygame.Rect(0, 0, s * 1.3, s * 1.3)
    arc.center = (cx, cy - s * 0.2)
    pygame.draw.arc(surface, colour, arc, math.pi, 2 * math.pi, w)
    pygame.draw.line(surface, colour, (cx, cy + s * 0.45), (cx, cy + s * 0.85), w)


def speaker(surface: pygame.Surface, colour: RGB, centre, size: float) -> None:
    cx, cy = centre
    s = size / 2
    pts = [(cx - s * 0.8, cy - s * 0.3), (cx - s * 0.4, cy - s * 0.3), (cx + s * 0.1, cy - s * 0.8),
           (cx + s * 0.1, cy + s * 0.8), (cx - s * 0.4, cy + s * 0.3), (cx - s * 0.8, cy + s * 0.3)]
    pygame.draw.polygon(surface, colour, pts)
    w = max(2, int(size / 12))
    for r in (0.45, 0.8):
        box = pygame.Rect(0, 0, s * r * 2, s * r * 2)
        box.center = (cx + s * 0.1, cy)
        pygame.draw.arc(surface, colour, box, -math.radians(45), math.radians(45), w)


def keypad(surface: pygame.Surface, colour: RGB, centre, size: float) -> None:
    cx, cy = centre
    step = size / 3
    for row in range(3):
        for col in range(3):
            circle(surface, colour, (cx + (col - 1) * step, cy + (row - 1) * step), max(1.5, size / 11))


def camera(surface: pygame.Surface, colour: RGB, centre, size: float) -> None:
    cx, cy = centre
    s = size / 2
    body = pygame.Rect(0, 0, s * 1.2, s * 0.9)
    body.center = (cx - s * 0.2, cy)
    rrect(surface, colour, body, max(2, int(s * 0.15)))
    pygame.draw.polygon(surface, colour, [(body.right, cy), (cx + s * 0.9, cy - s * 0.4), (cx + s * 0.9, cy + s * 0.4)])


def lock(surface: pygame.Surface, colour: RGB, centre, size: float) -> None:
    cx, cy = centre
    s = size / 2
    body = pygame.Rect(0, 0, s * 1.3, s)
    body.midtop = (cx, cy - s * 0.1)
    rrect(surface, colour, body, max(2, int(s * 0.15)))
    arc = pygame.Rect(0, 0, s * 0.9, s * 1.1)
    arc.midtop = (cx, cy - s * 0.75)
    pygame.draw.arc(surface, colour, arc, 0, math.pi, max(2, int(size / 9)))


def pixelate(surface: pygame.Surface, rect: pygame.Rect, block: int) -> None:
    """Blocky low-bandwidth look inside ``rect``."""
    rect = rect.clip(surface.get_rect())
    if block <= 1 or rect.w < 2 or rect.h < 2:
        return
    sub = surface.subsurface(rect).copy()
    small = pygame.transform.scale(sub, (max(1, rect.w // block), max(1, rect.h // block)))
    surface.blit(pygame.transform.scale(small, rect.size), rect.topleft)


def blit_rounded(surface: pygame.Surface, source: pygame.Surface, rect: pygame.Rect, radius: int,
                 outside: RGB | None = None) -> None:
    """Blit ``source`` (sized like ``rect``) with its corners rounded off.

    With ``outside`` (the colour around the rect, e.g. the phone body) the corners
    are simply painted over in that colour, which is much cheaper than a mask.
    """
    if source.get_size() != rect.size:
        source = pygame.transform.smoothscale(source, rect.size)
    if outside is not None:
        surface.blit(source, rect.topleft)
        round_corners(surface, rect, radius, outside)
        return
    mask = cached(("round_mask", rect.size, radius), lambda: _round_mask(rect.size, radius))
    layer = mask.copy()
    layer.blit(source, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    surface.blit(layer, rect.topleft)


def round_corners(surface: pygame.Surface, rect: pygame.Rect, radius: int, outside: RGB) -> None:
    """Paint the four corners of ``rect`` outside a ``radius`` rounding in ``outside``."""
    r = max(0, int(radius))
    if r <= 0:
        return
    corners = cached(("corners", r, tuple(outside)), lambda: _corner_pieces(r, outside))
    surface.blit(corners[0], rect.topleft)
    surface.blit(corners[1], (rect.right - r, rect.y))
    surface.blit(corners[2], (rect.x, rect.bottom - r))
    surface.blit(corners[3], (rect.right - r, rect.bottom - r))


def _corner_pieces(r: int, outside: RGB) -> list[pygame.Surface]:
    pieces = []
    for cx, cy in ((r, r), (0, r), (r, 0), (0, 0)):
        piece = pygame.Surface((r, r), pygame.SRCALPHA)
        piece.fill((*outside, 255))
        pygame.draw.circle(piece, (0, 0, 0, 0), (cx, cy), r)
        pieces.append(piece)
    return pieces


def _round_mask(size, radius) -> pygame.Surface:
    layer = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(layer, (255, 255, 255, 255), layer.get_rect(), border_radius=max(0, radius))
    return layer
