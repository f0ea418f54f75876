"""Text roles (title, heading, button, body, caption, tile) in layout units, and text fitted to a box."""

from __future__ import annotations

import pygame

from ..text import LINE_SPACING, MAX_LINE_EMS  # noqa: F401 — MAX_LINE_EMS re-exported for layouts

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


def role_px(app, role: str) -> tuple[int, int]:
    """(wanted, minimum) pixel size of a text role, with the text-size setting applied."""
    scale = TEXT_SCALE.get(app.text_scale_key, 1.0)
    want = TEXT_ROLES.get(role, TEXT_ROLES["body"]) * app.unit * scale
    low = MIN_TEXT_UNITS.get(role, 3.0) * app.unit
    return max(8, round(want)), max(8, round(min(low, want)))


def render_fitted(app, text: str, box: tuple[int, int], role: str = "body", colour=None,
                  bold: bool = False, align: str = "center", max_px: int | None = None,
                  min_px: int | None = None, max_lines: int | None = None) -> tuple[pygame.Surface, bool]:
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
    return app.text.block(text, box, want, low, colour, bold, align, LINE_SPACING, max_lines=max_lines)
