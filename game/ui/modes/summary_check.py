"""The class summary's learning-check panel: per scam type the share of hands right before the
game → after it, in big type (``classroom/check_text.py`` words it, ``game.rules.class_check``
counts it). Shown only when the class voted on a check."""

from __future__ import annotations

import pygame

from game.rules.class_check import class_check_rows, overall

from .. import layout
from ..widgets import Label, Panel, role_px, same_label_size
from .classroom.check_text import CHECK_HEADING, pct, type_name

HEADING_UNITS = 4.0     # the heading line
ROW_UNITS = (5.0, 7.1, 7.6, 8.2, 9.0, 10.5, 12.0)   # one scam type's line (its name, its shares in bold
                                                    # body type), or taller where a long name (English) takes
                                                    # two or three lines


class CheckPanel:
    def __init__(self, look, tr, scam_types, hands):
        rows = class_check_rows(hands)
        self.look = look
        self.panel = Panel(look)
        self.heading = Label(look, CHECK_HEADING, role="caption", bold=True, colour_key="text_muted", align="left")
        names = [type_name(tr, scam_types, r.scam_type) for r in rows]
        shares = [f"{pct(r.before.share)} → " + (pct(r.after.share) if r.after else "—") for r in rows]
        gains = [r.gain for r in rows]
        before, after = overall(rows, "before"), overall(rows, "after")
        if len(rows) > 1 and before is not None and after is not None:     # the whole class, over every type
            names.append(tr("全班"))
            shares.append(f"{pct(before)} → {pct(after)}")
            gains.append(after - before)
        self.names = [Label(look, name, role="body", align="left", translate=False) for name in names]
        for name in self.names:
            name.min_role = "caption"     # a long name shrinks as far as the caption's size, then takes two lines
        self.shares = [Label(look, text, role="body", bold=True, align="right", translate=False,
                             colour_key="safe" if gain is not None and gain > 0 else "text")
                       for text, gain in zip(shares, gains)]
        for share in self.shares:
            share.max_lines = 1           # "14% → 29%" never broken
        self.has_total = len(names) > len(rows)
        self._units = [ROW_UNITS[0]] * len(self.names)     # a line's height in units, as tall as its name needs
        self.fits = True          # every name fitted its line at the last ``height``
        self.visible = bool(rows)
        for w in self.widgets():
            w.visible = self.visible

    def widgets(self) -> list:
        return [self.panel, self.heading, *self.names, *self.shares]

    def height(self, width: int, u: float, room: int | None = None) -> int:
        """The room it needs at ``width``: one line a scam type, or two where a name needs them. The
        whole class's line is left out when the panel would need more than ``room``."""
        need = self._fit_rows(width, u, total=True)
        if room is not None and need > room and self.has_total and self.names[-1].visible:
            need = self._fit_rows(width, u, total=False)
        return need

    def _fit_rows(self, width: int, u: float, total: bool) -> int:
        """Each line as tall as its own name needs: a long name (English) takes two lines on its own line
        only, the others stay one line high."""
        self._show_total(total)
        self._units = [ROW_UNITS[0]] * len(self.names)
        while True:
            need = round(self._heading_h(width - 4 * u, u) + (sum(self._shown_units()) + 1) * u)
            self.place(pygame.Rect(0, 0, width, need), u)
            short = [i for i, name in enumerate(self.names) if name.visible and not name.text_fits()]
            taller = [i for i in short if self._units[i] < ROW_UNITS[-1]]
            if not taller:
                self.fits = not short
                return need
            for i in taller:
                self._units[i] = next(x for x in ROW_UNITS if x > self._units[i])

    def _shown_units(self) -> list[float]:
        return [x for x, name in zip(self._units, self.names) if name.visible]

    def _heading_h(self, width: float, u: float) -> int:
        """One line, or two where the heading needs them (English in a narrow panel)."""
        words = self.look.text.height(self.heading.shown_text(), round(width), role_px(self.look, "caption")[1],
                                      True) + round(0.5 * u)
        return max(round(HEADING_UNITS * u), words)

    def _show_total(self, shown: bool) -> None:
        if self.has_total:
            self.names[-1].visible = self.shares[-1].visible = shown

    def place(self, rect: pygame.Rect, u: float) -> None:
        self.panel.rect = rect
        inner = layout.inset(rect, 2 * u, 0.5 * u)
        self.heading.rect = pygame.Rect(inner.x, inner.y, inner.w, self._heading_h(inner.w, u))
        body = pygame.Rect(inner.x, self.heading.rect.bottom, inner.w, inner.bottom - self.heading.rect.bottom)
        units = self._shown_units()
        scale = body.h / max(1.0, sum(units))     # room over what the lines need goes to each in proportion
        # the shares' column: as wide as the widest at the body text's smallest size, at most half
        low = role_px(self.look, "body")[1]
        font = self.look.text.font(low, True)
        widest = max((font.size(share.text)[0] for share in self.shares), default=0)
        share_w = round(min(body.w * 0.5, max(min(body.w * 0.4, 20 * u), widest + u)))
        y = body.y
        for name, share, line_units in zip(self.names, self.shares, self._units):
            line = pygame.Rect(body.x, round(y), body.w, round(line_units * scale) if name.visible else 0)
            y += line.h
            name.rect = pygame.Rect(line.x, line.y, line.w - share_w - round(u), line.h)
            share.rect = pygame.Rect(line.right - share_w, line.y, share_w, line.h)
        same_label_size(self.names)      # no scam type stands out by the size of its name
