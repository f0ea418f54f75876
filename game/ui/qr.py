"""QR codes as pygame Surfaces (segno does the encoding).

``qr_surface("tel:96110", 240, dark, light)`` gives a square picture with the
standard quiet zone (4 modules), whole pixels per module so phones scan it
cleanly, cached per (data, size, colours).
"""

from __future__ import annotations

from functools import lru_cache

import pygame

QUIET_ZONE = 4          # modules of light margin the QR standard asks for
HOTLINE_URI = "tel:96110"


@lru_cache(maxsize=16)
def qr_matrix(data: str, error: str = "m") -> tuple[tuple[bool, ...], ...]:
    """The code's modules (True = dark), without the quiet zone."""
    import segno  # segno only when the results screen draws its QR code
    code = segno.make_qr(data, error=error)
    return tuple(tuple(bool(v) for v in row) for row in code.matrix)


def module_px(size_px: int, modules: int, border: int = QUIET_ZONE) -> int:
    """Whole pixels per module so the code with its quiet zone fits ``size_px``."""
    return max(1, size_px // (modules + 2 * border))


_CACHE: dict[tuple, pygame.Surface] = {}


def qr_surface(data: str, size_px: int, dark=(0, 0, 0), light=(255, 255, 255), border: int = QUIET_ZONE,
               error: str = "m") -> pygame.Surface:
    """A square Surface of at most ``size_px`` showing the QR code for ``data``."""
    key = (data, int(size_px), tuple(dark), tuple(light), border, error)
    surf = _CACHE.get(key)
    if surf is not None:
        return surf
    matrix = qr_matrix(data, error)
    n = len(matrix)
    m = module_px(int(size_px), n, border)
    side = (n + 2 * border) * m
    surf = pygame.Surface((side, side))
    surf.fill(light)
    for y, row in enumerate(matrix):
        for x, on in enumerate(row):
            if on:
                surf.fill(dark, ((x + border) * m, (y + border) * m, m, m))
    if len(_CACHE) > 32:
        _CACHE.clear()
    _CACHE[key] = surf
    return surf


def read_matrix(surface: pygame.Surface, modules: int, border: int = QUIET_ZONE) -> tuple[tuple[bool, ...], ...]:
    """Sample a drawn code back into modules (for tests): the centre pixel of each module."""
    m = surface.get_width() // (modules + 2 * border)
    out = []
    for y in range(modules):
        row = []
        for x in range(modules):
            c = surface.get_at(((x + border) * m + m // 2, (y + border) * m + m // 2))
            row.append((c.r + c.g + c.b) < 384)
        out.append(tuple(row))
    return tuple(out)
