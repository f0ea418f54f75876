"""Colour helpers: mixing, darker and lighter shades."""

from __future__ import annotations


def mix(a, b, t: float):
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def darker(c, f: float = 0.75):
    return tuple(max(0, round(v * f)) for v in c[:3])


def lighter(c, f: float = 0.3):
    return mix(c, (255, 255, 255), f)
