"""The end of a game: what was protected, what was spotted or missed, and where to call.

``ResultsScene(app, session_score, players=None, on_again=None)``:
``session_score`` is a ``SessionScore`` (or one ``PlayerScore``); ``players`` is an
optional list of ``(name, PlayerScore)`` or ``(name, colour, PlayerScore)`` for a
compact row per player. Shows savings protected, the safe-choice rate, each scam
type spotted or missed with one line of advice, techniques, badges, a QR code
that dials the region's anti-fraud hotline (96110 / 18222 / 165), and "再玩一次" (``on_again()``;
by default back to the title).
"""

from __future__ import annotations

from typing import Callable

import pygame

from ...i18n.formatting import percent
from ...rules.scoring import BADGE_SPOTS
from .. import layout
from ..input import Action, Intent
from ..phone import paint
from ..phone.labels import N_, technique_label
from ..phone.numbers import locale_of, money_short
from ..phone.pieces import Badge, ChipRow
from ...content.hotlines import region as hotline_region
from ..qr import HOTLINE_URI, qr_surface
from ..text import LINE_SPACING
from ..widgets import Button, Label, Panel, ScreenScene, TextBox, Widget, draw_shape, role_px

MAX_SCAM_ROWS = 6


class QRCode(Widget):
    """A scannable QR code (dark on light whatever the theme) in its rect."""

    def __init__(self, look, data: str = HOTLINE_URI, rect=None):
        super().__init__(look, rect)
        self.data = data
        self.drawn: pygame.Rect | None = None
        self.surface: pygame.Surface | None = None

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible or min(self.rect.size) <= 0:
            return
        t = self.look.theme
        light = t.panel if paint.luminance(t.panel) > 0.8 else paint.lightest(t)
        img = qr_surface(self.data, min(self.rect.size), paint.darkest(t), light)
        r = img.get_rect(center=self.rect.center)
        surface.blit(img, r)
        self.drawn = r
        self.surface = img


class PlayerRow(Widget):
    """One player's line: seat colour, name, protected, safe-choice rate, money lost."""

    def __init__(self, look, name: str, colour: str | None, score, rect=None):
        super().__init__(look, rect)
        self.name, self.colour, self.score = name, colour, score
        self._records: list = []
        self.max_px: int | None = None   # the rows of one table share a size (the scene sets it)

    def cells(self) -> list[str]:
        s = self.score
        rate = s.safe_choice_rate
        tr = self.look.tr
        loc = locale_of(self.look)
        return [self.name,
                tr(N_("守住 {money}")).replace("{money}", money_short(s.savings_protected, loc)),
                tr(N_("安全率 {percent}")).replace("{percent}", percent(rate, loc) if rate is not None else "—"),
                tr(N_("损失 {money}")).replace("{money}", money_short(s.money_lost, loc))]

    def _boxes(self) -> list[tuple[str, pygame.Rect]]:
        r = self.rect
        x = r.x + r.h * 0.25 + r.h * 0.64 + r.h * 0.2    # after the seat's shape
        widths = (0.28, 0.26, 0.22, 0.24)
        room = r.right - x - r.h * 0.2
        boxes = []
        for frac, text in zip(widths, self.cells()):
            boxes.append((text, pygame.Rect(round(x), r.y, round(room * frac) - 4, r.h)))
            x += room * frac
        return boxes

    def fitted_px(self) -> int:
        """The size the whole row can take: the smallest that every cell needs."""
        px = int(self.rect.h * 0.42)
        return min(self.look.ink.fit_px(text, box.size, px, int(px * 0.6), bold=text == self.name, max_lines=1)
                   for text, box in self._boxes())

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible or self.rect.h <= 0:
            return
        t = self.look.theme
        ink = self.look.ink
        r = self.rect
        paint.rrect(surface, t.button_alt, r, r.h // 4)
        dot = r.h * 0.32
        colour = getattr(t, self.colour, None) if self.colour else None
        if colour:
            shape = {"red": "circle", "yellow": "square", "blue": "triangle", "green": "diamond"}.get(self.colour, "circle")
            draw_shape(surface, shape, colour, (r.x + r.h * 0.25 + dot, r.centery), dot)
        boxes = self._boxes()
        px = min(self.fitted_px(), self.max_px or 10 ** 4)
        start = len(ink.records)
        for text, box in boxes:
            ink.text(surface, text, box, px, t.button_alt_text, bold=text == self.name, valign="middle",
                     max_lines=1, min_px=px)
        self._records = ink.records[start:]
        del ink.records[start:]

    def text_fits(self) -> bool:
        if not self._records:
            self.draw(pygame.Surface(self.look.size))
        return not any(rec.overflow for rec in self._records)


class ResultsScene(ScreenScene):
    name = "results"

    def __init__(self, ctx, session_score, players=None, on_again: Callable[[], None] | None = None):
        self.score = session_score
        self.players = [self._player(p) for p in (players or [])]
        self.on_again = on_again
        super().__init__(ctx)

    @staticmethod
    def _player(p):
        if len(p) == 2:
            return p[0], None, p[1]
        return p[0], p[1], p[2]

    # ================================================================ content
    def scam_rows(self) -> list[tuple[str, bool, str]]:
        """(scam type name, spotted?, advice) — missed ones first."""
        rows = []
        lib = self._library()
        for key, tally in self.score.by_scam_type.items():
            if not key:
                continue
            good = tally.safe + tally.right
            bad = tally.scammed + tally.wrong
            if good + bad == 0:
                continue
            scam = lib.scam_types.get(key) if lib else None
            name = scam.name if scam else key
            advice = scam.advice if scam else ""
            rows.append((name, good > bad, advice))
        rows.sort(key=lambda r: (r[1], r[0]))
        return rows

    def _library(self):
        return self.session.library

    def badges(self) -> list:
        return [t for t, tally in sorted(self.score.techniques.items(), key=lambda kv: kv[0].value)
                if tally.spotted >= BADGE_SPOTS]

    # ================================================================ widgets
    def build(self) -> None:
        s = self.score
        tr = self.session.tr
        self.title = Label(self.look, N_("本局成绩"), role="heading", colour_key="accent", align="left")
        rate = s.safe_choice_rate
        self.stats = []
        for value, caption, face in (
                (money_short(s.savings_protected, locale_of(self.look)), N_("守住的存款"), "safe"),
                (percent(rate, locale_of(self.look)) if rate is not None else "—", N_("安全选择率"), "button_alt"),
                (money_short(s.money_lost, locale_of(self.look)), N_("被骗走"), "risky" if s.money_lost else "button_alt")):
            panel = Panel(self.look, colour_key=face, shadow=False)
            text_key = {"safe": "safe_text", "risky": "risky_text"}.get(face, "button_alt_text")
            big = Label(self.look, value, role="heading", colour_key=text_key, translate=False)
            small = Label(self.look, caption, role="caption", colour_key=text_key)
            self.stats.append((panel, big, small))
        # Company money (a clerk and a fake boss) is never the player's savings: one line of its own.
        self.company = Label(self.look, "", role="body", colour_key="text", align="left", translate=False)
        self.company.min_role = "caption"   # one line, smaller, in English at 1024×768
        company_lost, company_kept = s.company_lost, s.company_protected
        if company_lost or company_kept:
            loc = locale_of(self.look)
            self.company.set_text(tr(N_("公司资金：守住 {kept}，被骗走 {lost}"))
                                  .replace("{kept}", money_short(company_kept, loc))
                                  .replace("{lost}", money_short(company_lost, loc)))
        self.player_rows = [PlayerRow(self.look, name, colour, score) for name, colour, score in self.players]
        if len(self.player_rows) < 2:
            self.player_rows = []
        self.scam_title = Label(self.look, N_("这些骗局，你的表现"), role="body", colour_key="text", align="left", bold=True)
        self.scam_widgets = []
        for name, spotted, advice in self.scam_rows()[:MAX_SCAM_ROWS]:
            badge = Badge(self.look, N_("识破") if spotted else N_("上当"), "safe" if spotted else "risky",
                          "safe_text" if spotted else "risky_text", "check" if spotted else "cross")
            label = Label(self.look, name, role="body", colour_key="text", align="left", bold=True)
            tip = TextBox(self.look, advice, role="caption", colour_key="text_muted")
            self.scam_widgets.append((badge, label, tip))
        self.more = Label(self.look, "", role="caption", colour_key="text_muted", align="left", translate=False)
        extra = len(self.scam_rows()) - MAX_SCAM_ROWS
        if extra > 0:
            self.more.set_text(tr(N_("还有 {n} 类骗局")).replace("{n}", str(extra)))
        spotted = [technique_label(t) for t, v in self.score.techniques.items() if v.spotted >= v.missed and v.spotted]
        missed = [technique_label(t) for t, v in self.score.techniques.items() if v.missed > v.spotted]
        self.spotted_title = Label(self.look, N_("识破的手法"), role="caption", colour_key="text_muted", align="left")
        self.spotted_chips = ChipRow(self.look, spotted, "safe", "safe_text")
        self.missed_title = Label(self.look, N_("还要当心"), role="caption", colour_key="text_muted", align="left")
        self.missed_chips = ChipRow(self.look, missed, "risky", "risky_text")
        self.badge_title = Label(self.look, N_("获得徽章"), role="caption", colour_key="text_muted", align="left")
        self.badge_widgets = [Badge(self.look, technique_label(t), "button", "button_text", "check") for t in self.badges()]
        self.qr_panel = Panel(self.look)
        hotline = hotline_region(self.session.settings.region)
        self.qr = QRCode(self.look, hotline.qr)
        self.qr_label = Label(self.look, N_("扫码拨打 {hotline.warning} 反诈专线"), role="body", colour_key="text", bold=True)
        self.qr_note = TextBox(self.look, hotline.warning_note, role="caption",
                               colour_key="text_muted", align="center")
        self.again = Button(self.look, N_("再玩一次"), self.play_again, icon="play", name="again")
        self.items = [self.title]
        for panel, big, small in self.stats:
            self.items += [panel, big, small]
        self.items += [self.company] + self.player_rows + [self.scam_title]
        for trio in self.scam_widgets:
            self.items += list(trio)
        self.items += [self.more, self.spotted_title, self.spotted_chips, self.missed_title, self.missed_chips,
                       self.badge_title, *self.badge_widgets, self.qr_panel, self.qr, self.qr_label, self.qr_note,
                       self.again]

    def on_locale_changed(self) -> None:
        """Amounts, rates and counts are composed with their words: build them again in the new language."""
        self.items = []
        self.build()

    # ================================================================ layout
    def place(self, size) -> None:
        for w in self.items:
            w.visible = False
        u = layout.unit_for(size)
        area = self.content_rect()
        gap = round(2.5 * u)
        portrait = layout.is_portrait(size)
        touch = layout.touch_min(size)
        if portrait:   # the QR card, badges and the button below the results, lower than in a side column
            side_h = round(24 * u + 13 * u + gap + (7 * u + 2 * gap if self.badge_widgets else 0))
            main = pygame.Rect(area.x, area.y, area.w, area.h - side_h - gap)
            side = pygame.Rect(area.x, main.bottom + gap, area.w, side_h)
        else:
            sw = round(min(area.w * 0.34, 70 * u))
            main = pygame.Rect(area.x, area.y, area.w - sw - 2 * gap, area.h)
            side = pygame.Rect(main.right + 2 * gap, area.y, sw, area.h)
        chips_box = self._place_side(side, u, gap, touch, portrait)
        self._place_main(main, u, gap, chips_box)

    def _place_chips(self, box: pygame.Rect, u: float, from_bottom: bool, chip_units: float = 6,
                     above: int | None = None) -> int:
        """Technique chips (missed, spotted) in ``box``; returns the y left free (top or bottom edge).
        From the bottom, a group that would reach above ``above`` is left out (spotted before missed)."""
        chip_h = round(chip_units * u)
        groups = [(self.missed_title, self.missed_chips), (self.spotted_title, self.spotted_chips)]
        if not from_bottom:
            groups.reverse()
        edge = box.bottom if from_bottom else box.y
        for title, chips in groups:
            if not chips.labels:
                continue
            chips.chip_h = chip_h
            ch = chips.natural_height(box.w)
            block = round(5.5 * u) + ch
            if from_bottom:
                top = edge - block
                if above is not None and top < above:
                    break
            else:
                top = edge
                if top + block > box.bottom:
                    break
            title.rect = pygame.Rect(box.x, top, box.w, round(5 * u))
            chips.rect = pygame.Rect(box.x, top + round(5.5 * u), box.w, ch)
            chips.visible = title.visible = True
            edge = top - round(1.5 * u) if from_bottom else chips.rect.bottom + round(2 * u)
        return edge

    def _place_main(self, main: pygame.Rect, u: float, gap: int, chips_box) -> int:
        self.title.rect = pygame.Rect(main.x, main.y, main.w, round(9 * u))
        self.title.visible = True
        y = self.title.rect.bottom + gap
        tile_h = round((13 if self.player_rows else 17) * u)
        tiles = layout.row(pygame.Rect(main.x, y, main.w, tile_h), 3, main.w, gap)
        for (panel, big, small), r in zip(self.stats, tiles):
            panel.rect = r
            big.rect = pygame.Rect(r.x + u, r.y + round(r.h * 0.08), r.w - 2 * u, round(r.h * 0.55))
            small.rect = pygame.Rect(r.x + u, big.rect.bottom, r.w - 2 * u, round(r.h * 0.32))
            panel.visible = big.visible = small.visible = True
        y = tiles[0].bottom + gap
        if self.company.text:
            self.company.rect = pygame.Rect(main.x, y, main.w, round(6 * u))
            self.company.visible = True
            y = self.company.rect.bottom + gap
        if self.player_rows:
            rh = round((6 if chips_box is None or len(self.player_rows) > 2 else 7) * u)   # room for advice below
            for row in self.player_rows:
                row.rect = pygame.Rect(main.x, y, main.w, rh)
                row.visible = True
                y += rh + round(u)
            shared = min(row.fitted_px() for row in self.player_rows)   # one size for the table
            for row in self.player_rows:
                row.max_px = shared
            y += gap - round(u)
        bw = round(17 * u)
        tip_w = main.w - bw - gap
        low = role_px(self.look, "caption")[1]

        def row_height(tip) -> int:
            # One line of advice in Chinese; a longer English one gets the lines it needs.
            tip_h = max(round(4 * u), self.look.text.height(self.session.tr(tip.text), tip_w, low, False, LINE_SPACING) + 2)
            return round(5.5 * u) + tip_h

        # Techniques at the bottom of the main column (unless the side column has room for them), below
        # the first two scam types and their advice: those come first where not everything fits.
        first = sum(row_height(tip) + round(u) for _, _, tip in self.scam_widgets[:2])
        above = y + round(7 * u) + first + gap
        bottom = main.bottom if chips_box is not None else self._place_chips(main, u, from_bottom=True, above=above)
        # Scam types in between, as many rows as fit (none: no heading either).
        if self.scam_widgets and y + round(7 * u) + row_height(self.scam_widgets[0][2]) <= bottom - gap:
            self.scam_title.rect = pygame.Rect(main.x, y, round(main.w * 0.62), round(6 * u))
            self.scam_title.visible = True
            y = self.scam_title.rect.bottom + round(u)
            fit = 0
            for badge, label, tip in self.scam_widgets:
                row_h = row_height(tip)
                tip_h = row_h - round(5.5 * u)
                if y + row_h > bottom - gap:
                    break
                badge.rect = pygame.Rect(main.x, y + round(u), bw, round(7 * u))
                label.rect = pygame.Rect(main.x + bw + gap, y, tip_w, round(5.5 * u))
                tip.rect = pygame.Rect(label.rect.x, label.rect.bottom, label.rect.w, tip_h)
                badge.visible = label.visible = tip.visible = True
                y += row_h + round(u)
                fit += 1
            hidden = len(self.scam_rows()) - fit
            if hidden > 0:
                self.more.set_text(self.session.tr(N_("还有 {n} 类骗局")).replace("{n}", str(hidden)))
                self.more.rect = pygame.Rect(self.scam_title.rect.right, self.scam_title.rect.y,
                                             main.right - self.scam_title.rect.right, self.scam_title.rect.h)
                self.more.align = "right"
                self.more.visible = True
        return y

    def _place_side(self, side: pygame.Rect, u: float, gap: int, touch: int, portrait: bool) -> None:
        button_h = max(touch, round(13 * u))
        if portrait:
            qr_card = pygame.Rect(side.x, side.y, side.w, round(24 * u))
            self.again.rect = pygame.Rect(0, side.bottom - button_h, round(min(side.w, 70 * u)), button_h)
            self.again.rect.right = side.right
            badges_area = pygame.Rect(side.x, qr_card.bottom + gap, side.w, self.again.rect.y - gap - qr_card.bottom - gap)
        else:
            self.again.rect = pygame.Rect(side.x, side.bottom - button_h, side.w, button_h)
            qr_h = round(min(side.h * 0.5, side.w * 1.2))
            qr_card = pygame.Rect(side.x, side.y, side.w, qr_h)
            badges_area = pygame.Rect(side.x, qr_card.bottom + gap, side.w, self.again.rect.y - gap - qr_card.bottom - gap)
        self.again.visible = True
        self.qr_panel.rect = qr_card
        self.qr_panel.visible = True
        inner = layout.inset(qr_card, 3 * u, 2.5 * u)
        label_h = round(7 * u)
        note_h = round(9 * u)
        if portrait:
            qr_side = min(inner.h, round(inner.w * 0.5))
            self.qr.rect = pygame.Rect(inner.x, inner.y + (inner.h - qr_side) // 2, qr_side, qr_side)
            text = pygame.Rect(self.qr.rect.right + gap, inner.y, inner.right - self.qr.rect.right - gap, inner.h)
            top = text.y + max(0, (text.h - label_h - note_h) // 2)    # the two, together, in the card's middle
            self.qr_label.rect = pygame.Rect(text.x, top, text.w, label_h)
            self.qr_label.align = "left"
            self.qr_note.rect = pygame.Rect(text.x, self.qr_label.rect.bottom, text.w, min(note_h, text.bottom - top - label_h))
            self.qr_note.align = "left"
        else:
            qr_side = min(inner.w, inner.h - label_h - note_h - round(u))
            self.qr.rect = pygame.Rect(0, inner.y, qr_side, qr_side)
            self.qr.rect.centerx = inner.centerx
            self.qr_label.rect = pygame.Rect(inner.x, self.qr.rect.bottom, inner.w, label_h)
            self.qr_note.rect = pygame.Rect(inner.x, self.qr_label.rect.bottom, inner.w, note_h)
        self.qr.visible = self.qr_label.visible = self.qr_note.visible = True
        chips_box = None
        if not portrait:
            y = self._place_chips(badges_area, u, from_bottom=False, chip_units=5)
            badges_area = pygame.Rect(badges_area.x, y, badges_area.w, badges_area.bottom - y)
            chips_box = badges_area
        if portrait and self.badge_widgets:
            # One row of badges above the button, as many as fit.
            bh = round(7 * u)
            x = side.x
            y = badges_area.y + max(0, (badges_area.h - bh) // 2)
            for b in self.badge_widgets:
                w = round(max(b.natural_width(bh), 24 * u))
                if x + w > side.right or badges_area.h < bh:
                    break
                b.rect = pygame.Rect(x, y, w, bh)
                b.visible = True
                x += w + round(u)
        elif self.badge_widgets and badges_area.h > 12 * u:
            self.badge_title.rect = pygame.Rect(badges_area.x, badges_area.y, badges_area.w, round(5 * u))
            self.badge_title.visible = True
            y = self.badge_title.rect.bottom + round(u)
            bh = round(7 * u)
            for b in self.badge_widgets:
                if y + bh > badges_area.bottom:
                    break
                b.rect = pygame.Rect(badges_area.x, y, min(badges_area.w, max(b.natural_width(bh), 30 * u)), bh)
                b.visible = True
                y += bh + round(u)
        return chips_box

    # ================================================================ actions
    def play_again(self) -> None:
        if self.on_again:
            self.on_again()
            return
        self.nav.home()

    def autoplay_targets(self) -> list:
        return [self.again]

    def handle(self, intent: Intent) -> bool:
        if self.handle_widgets(intent):
            return True
        if intent.action is Action.CONFIRM:
            self.play_again()
            return True
        return False

    def widgets(self) -> list:
        return [w for w in self.items if w.visible]
