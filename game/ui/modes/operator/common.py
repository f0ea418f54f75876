"""What the operator's screens share: their look, the mode and text-size names, the operator's log."""

from __future__ import annotations

import logging

import pygame

from ....i18n.marker import N_
from ... import layout
from ...text import LINE_SPACING
from ...widgets import ScreenScene, role_px

log = logging.getLogger("game.operator")   # the operator's log (logs/game.log)


IDLE_CHOICES = (30, 60, 90, 120, 180, 300, 600)


MODE_NAMES = (("normal", N_("普通")), ("kiosk", N_("展台")), ("classroom", N_("课堂")))


TEXT_SIZES = (("normal", N_("标准")), ("large", N_("大")), ("extra_large", N_("特大")))


def natural_height(app, text: str, width: int, role: str) -> int:
    """Height of ``text`` wrapped at ``width`` in ``role``'s full size (what a TextBox needs not to shrink it)."""
    if not text or width <= 0:
        return 0
    return app.text.height(app.tr(text), width, role_px(app, role)[0], False, LINE_SPACING) + 2


def seconds_text(app, seconds: int) -> str:
    if seconds % 60 == 0 and seconds >= 120:
        return app.tr("{n} 分钟").format(n=seconds // 60)
    return app.tr("{n} 秒").format(n=seconds)


def place_rows(rows, area: pygame.Rect, per: int, gap: float, u: float) -> None:
    """The first ``per`` rows from the top of ``area`` (13 units high at most), the rest hidden."""
    row_h = min(13 * u, (area.h - (per - 1) * gap) / per)
    for row, r in zip(rows, layout.column(area, per, row_h, gap, align="top")):
        row.rect = r
    for row in rows[per:]:
        row.rect = pygame.Rect(0, 0, 0, 0)
        row.visible = False


class OperatorScreen(ScreenScene):
    """Base: marks the scene as the operator's (no second PIN pad on top, no teacher shortcuts)."""

    operator_screen = True
    back_leaves = True

    def place_frame(self, size) -> tuple[float, pygame.Rect, bool, float, pygame.Rect]:
        """The heading at the top and 完成 at the bottom right of a page (``self.heading``,
        ``self.done``); returns (unit, content area, portrait, gap, the bottom bar)."""
        u, area, portrait, gap = self.regions(size)
        self.heading.rect = layout.top_band(area, 9 * u)
        bar = layout.bottom_band(area, 12 * u)
        bw = round(min(40 * u, area.w * 0.3))
        self.done.rect = pygame.Rect(bar.right - bw, bar.y, bw, bar.h)
        return u, area, portrait, gap, bar
