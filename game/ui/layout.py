"""Rectangles in relative units, so every screen scales from 1280×720 to 4K and to portrait.

One *unit* is 1/100 of the window's short side. Sizes are written in units
(``u(4)`` = 4 % of the short side) and turned into pixels only here.
"""

from __future__ import annotations

import pygame

TOUCH_MIN_UNITS = 10.0   # the smallest touch target: 1/10 of the short side


def unit_for(size: tuple[int, int]) -> float:
    return min(size) / 100.0


def is_portrait(size: tuple[int, int]) -> bool:
    return size[1] > size[0]


def touch_min(size: tuple[int, int]) -> int:
    """Minimum touch target edge in pixels (rounded up so tests comparing ≥ pass)."""
    return int(-(-min(size) // 10))


def inset(rect: pygame.Rect, dx: float, dy: float | None = None) -> pygame.Rect:
    dy = dx if dy is None else dy
    return pygame.Rect(round(rect.x + dx), round(rect.y + dy),
                       max(0, round(rect.w - 2 * dx)), max(0, round(rect.h - 2 * dy)))


def centered(rect: pygame.Rect, w: float, h: float) -> pygame.Rect:
    r = pygame.Rect(0, 0, round(min(w, rect.w)), round(min(h, rect.h)))
    r.center = rect.center
    return r


def split_v(rect: pygame.Rect, *fractions: float, gap: float = 0) -> list[pygame.Rect]:
    """Cut ``rect`` into horizontal bands top to bottom; fractions are relative weights."""
    return _split(rect, fractions, gap, vertical=True)


def split_h(rect: pygame.Rect, *fractions: float, gap: float = 0) -> list[pygame.Rect]:
    """Cut ``rect`` into vertical strips left to right."""
    return _split(rect, fractions, gap, vertical=False)


def _split(rect, fractions, gap, vertical):
    total = sum(fractions) or 1
    length = (rect.h if vertical else rect.w) - gap * (len(fractions) - 1)
    out, pos = [], float(rect.y if vertical else rect.x)
    for f in fractions:
        size = length * f / total
        a, b = round(pos), round(pos + size)
        out.append(pygame.Rect(rect.x, a, rect.w, b - a) if vertical else pygame.Rect(a, rect.y, b - a, rect.h))
        pos += size + gap
    return out


def column(rect: pygame.Rect, count: int, item_h: float, gap: float, align: str = "center") -> list[pygame.Rect]:
    """``count`` rows of ``item_h`` (shrunk to fit), stacked in ``rect``; align top/center."""
    return _line_up(rect, count, item_h, gap, align, vertical=True)


def rows_as_needed(rect: pygame.Rect, needs: list[float], most: float, gap: float) -> list[pygame.Rect]:
    """Rows stacked in ``rect``, centred: each as tall as it ``needs`` (a long answer's extra lines), the
    room left shared out evenly up to ``most`` a row; short of room, every row gives way in proportion."""
    if not needs:
        return []
    room = rect.h - gap * (len(needs) - 1)
    heights = list(needs)
    if sum(heights) > room:
        heights = [h * room / sum(heights) for h in heights]
    else:
        for _ in needs:       # the spare room, evenly over the rows still under ``most``
            short = [i for i, h in enumerate(heights) if h < most]
            spare = room - sum(heights)
            if not short or spare < 1:
                break
            for i in short:
                heights[i] = min(most, heights[i] + spare / len(short))
    y = rect.y + (room - sum(heights)) / 2
    out = []
    for h in heights:
        out.append(pygame.Rect(rect.x, round(y), rect.w, round(y + h) - round(y)))
        y += h + gap
    return out


def row(rect: pygame.Rect, count: int, item_w: float, gap: float, align: str = "center") -> list[pygame.Rect]:
    """``count`` boxes of ``item_w`` (shrunk to fit), side by side in ``rect``; align left/center."""
    return _line_up(rect, count, item_w, gap, align, vertical=False)


def _line_up(rect, count, item, gap, align, vertical):
    if count <= 0:
        return []
    length = rect.h if vertical else rect.w
    item = min(item, (length - gap * (count - 1)) / count)
    total = item * count + gap * (count - 1)
    start = (rect.y if vertical else rect.x) + ((length - total) / 2 if align == "center" else 0)
    out = []
    for i in range(count):
        a = round(start + i * (item + gap))
        out.append(pygame.Rect(rect.x, a, rect.w, round(item)) if vertical else pygame.Rect(a, rect.y, round(item), rect.h))
    return out


def grid(rect: pygame.Rect, count: int, columns: int, item_h: float, gap: float) -> list[pygame.Rect]:
    """``count`` cells, ``columns`` wide, rows of ``item_h`` (shrunk to fit), centred vertically."""
    if count <= 0:
        return []
    columns = max(1, min(columns, count))
    rows = -(-count // columns)
    lines = column(rect, rows, item_h, gap)
    cells = []
    for r, line in enumerate(lines):
        n = min(columns, count - r * columns)
        full = row(line, columns, line.w, gap)
        if n < columns:  # centre a short last row
            cw = full[0].w
            width = cw * n + gap * (n - 1)
            x0 = line.x + (line.w - width) / 2
            cells += [pygame.Rect(round(x0 + i * (cw + gap)), line.y, cw, line.h) for i in range(n)]
        else:
            cells += full
    return cells


def best_columns(count: int, rect: pygame.Rect, min_w: float) -> int:
    """How many columns of at least ``min_w`` fit in ``rect``."""
    return max(1, min(count, int(rect.w // max(1, min_w))))


def top_band(area: pygame.Rect, height: float) -> pygame.Rect:
    """The strip of ``height`` across the top of ``area`` (a heading)."""
    return pygame.Rect(area.x, area.y, area.w, round(height))


def bottom_band(area: pygame.Rect, height: float) -> pygame.Rect:
    """The strip of ``height`` across the bottom of ``area`` (a row of buttons)."""
    return pygame.Rect(area.x, area.bottom - round(height), area.w, round(height))
