"""个人反诈承诺书: a pledge for every pupil to sign, as a PNG ready to print on A4.

``render_pledge`` draws it (A4 portrait at 150 dpi, ``PLEDGE_SIZE``) with the class name,
the date in the player's language (Babel), the slogans 不听、不信、不转账 and 三不一多, and
lines to sign; ``save_pledge`` writes it into ``user_data_dir()/exports/``.
``PledgeScene`` shows it on screen with a button to save it.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pygame

from ...i18n.marker import N_
from .. import layout
from ..widgets import Button, Label, ScreenScene, TextBox, Widget
from .classroom.exports import exports_dir

PLEDGE_SIZE = (1240, 1754)     # A4 portrait, 150 dpi
PAPER = (255, 255, 255)
INK = (40, 33, 28)
RED = (190, 40, 40)
MUTED = (110, 100, 92)

PROMISES = (
    N_("接到陌生电话、短信，说“安全账户”“刷单返利”“注销校园贷”“高额回报”的，不听、不信、不转账。"),
    N_("不出租、不出借、不买卖自己的银行卡、手机卡和各类账号。"),
    N_("不点陌生链接，不和陌生人共享屏幕，不把验证码告诉任何人。"),
    N_("遇到可疑情况，先告诉家人或老师，拨打 {hotline.warning} 反诈专线咨询。"),
    N_("把学到的防骗知识讲给家人听，提醒身边的长辈一起防骗。"),
)
THREE_NO_ONE_MORE = (N_("未知链接不点击，陌生来电不轻信，"), N_("个人信息不透露，转账汇款多核实。"))


def render_pledge(app, class_name: str = "", day: date | None = None, size: tuple[int, int] = PLEDGE_SIZE
                  ) -> pygame.Surface:
    """The pledge page. The signing lines and the hotline sit at the foot of the page; the
    promises and slogans above them shrink a little when a language needs more lines."""
    w, h = size
    k = w / PLEDGE_SIZE[0]                      # everything scales with the width
    page = pygame.Surface(size)
    pledge_text_layout(app, page, class_name, day)
    # A double red frame, like a certificate.
    pygame.draw.rect(page, RED, pygame.Rect(round(30 * k), round(30 * k), w - round(60 * k), h - round(60 * k)),
                     max(2, round(8 * k)))
    pygame.draw.rect(page, RED, pygame.Rect(round(48 * k), round(48 * k), w - round(96 * k), h - round(96 * k)),
                     max(1, round(2 * k)))
    return page


def pledge_text_layout(app, page: pygame.Surface, class_name: str = "", day: date | None = None
                       ) -> tuple[float, int, int]:
    """Draw the text on ``page``, shrinking the upper part until it clears the signing lines.
    Returns (shrink factor, bottom of the slogans box, top of the signing block)."""
    k = page.get_width() / PLEDGE_SIZE[0]
    margin = round(90 * k)
    for shrink in (1.0, 0.94, 0.88, 0.82, 0.76, 0.7, 0.64):
        page.fill(PAPER)
        bottom = _draw_promises(app, page, k, margin, shrink, class_name, day)
        top = _draw_signing(app, page, k, margin)
        if bottom <= top - round(30 * k):
            break
    return shrink, bottom, top


def _draw_signing(app, page: pygame.Surface, k: float, margin: int) -> int:
    """Signing lines, their date and the hotline, from the bottom of the page up; returns their top."""
    tr = app.tr
    w, h = page.get_size()
    width = w - 2 * margin
    foot = app.text.render(tr("{hotline.warning_name} {hotline.warning} · 报警 {hotline.police}"), round(30 * k),
                           colour=MUTED, max_width=width, align="center")
    foot_rect = page.blit(foot, foot.get_rect(midbottom=(w // 2, h - round(80 * k))))
    when = app.text.render(tr("签名日期：") + tr("______年____月____日"), round(36 * k), colour=INK, max_width=width)
    when_rect = page.blit(when, when.get_rect(bottomleft=(margin, foot_rect.top - round(50 * k))))
    half = (width - round(60 * k)) // 2
    line_y = when_rect.top - round(60 * k)
    top = line_y
    for i, label in enumerate((tr("承诺人（签名）："), tr("家长（签名）："))):
        x = margin + i * (half + round(60 * k))
        s = app.text.render(label, round(36 * k), colour=INK, max_width=half)
        rect = page.blit(s, s.get_rect(bottomleft=(x, line_y - round(80 * k))))
        pygame.draw.line(page, INK, (x, line_y), (x + half, line_y), max(1, round(3 * k)))
        top = min(top, rect.top)
    return top


def _draw_promises(app, page: pygame.Surface, k: float, margin: int, shrink: float, class_name: str,
                   day: date | None) -> int:
    """Title, class and date, the five promises and the slogans box; returns the bottom."""
    # Babel's locale data loads when a number or date is first shown, not before the title
    from game.i18n.formatting import date as format_date
    tr = app.tr
    w = page.get_width()
    width = w - 2 * margin
    f = k * shrink

    def text(s: str, px: float, colour=INK, bold=False, align="left", y=0, x=None, max_w=None) -> int:
        surf = app.text.render(s, max(8, round(px * f)), bold=bold, colour=colour, max_width=max_w or width,
                               align=align, line_spacing=1.15)
        if align == "center":
            rect = surf.get_rect(midtop=(w // 2, y))
        else:
            rect = surf.get_rect(topleft=(x if x is not None else margin, y))
        page.blit(surf, rect)
        return rect.bottom

    y = round(110 * k)
    y = text(tr("个人反诈承诺书"), 92, RED, True, "center", y) + round(34 * f)
    day_text = format_date(day or date.today(), app.locale)
    line = tr("班级：") + (class_name or "______________")
    text(line, 38, INK, False, "left", y, max_w=width // 2)
    right = app.text.render(tr("日期：") + day_text, round(38 * f), colour=INK)
    page.blit(right, right.get_rect(topright=(w - margin, y)))
    y += right.get_height() + round(40 * f)
    y = text(tr("我郑重承诺："), 42, INK, True, "left", y) + round(22 * f)
    for i, promise in enumerate(PROMISES, 1):
        num = app.text.render(f"{i}.", round(36 * f), bold=True, colour=RED)
        page.blit(num, (margin, y))
        y = text(tr(promise), 36, INK, False, "left", y, x=margin + round(60 * k), max_w=width - round(60 * k))
        y += round(22 * f)
    y += round(24 * f)
    # The slogans in a box sized to them.
    inner_w = width - round(80 * k)
    parts = [app.text.render(tr("不听、不信、不转账"), round(80 * f), bold=True, colour=RED, max_width=inner_w,
                             align="center"),
             app.text.render(tr("三不一多"), round(48 * f), bold=True, colour=INK, max_width=inner_w, align="center")]
    parts += [app.text.render(tr(half), round(36 * f), colour=INK, max_width=inner_w, align="center")
              for half in THREE_NO_ONE_MORE]
    gaps = [round(22 * f), round(14 * f), round(8 * f)]
    pad = round(36 * f)
    box_h = pad * 2 + sum(p.get_height() for p in parts) + sum(gaps)
    box = pygame.Rect(margin, y, width, box_h)
    pygame.draw.rect(page, (253, 240, 236), box, border_radius=round(24 * k))
    pygame.draw.rect(page, RED, box, max(2, round(4 * k)), border_radius=round(24 * k))
    yy = box.y + pad
    for part, gap in zip(parts, gaps + [0]):
        page.blit(part, part.get_rect(midtop=(w // 2, yy)))
        yy += part.get_height() + gap
    return box.bottom


def save_pledge(app, class_name: str = "", day: date | None = None, folder: Path | None = None) -> Path:
    folder = Path(folder) if folder else exports_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"pledge_{datetime.now():%Y%m%d_%H%M%S}.png"
    pygame.image.save(render_pledge(app, class_name, day), str(path))
    return path


class Picture(Widget):
    """A surface scaled to fit its rect (kept in proportion)."""

    def __init__(self, look, surface: pygame.Surface):
        super().__init__(look)
        self.surface = surface
        self._scaled = None

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible or self.rect.w <= 0 or self.rect.h <= 0:
            return
        sw, sh = self.surface.get_size()
        f = min(self.rect.w / sw, self.rect.h / sh)
        size = (max(1, int(sw * f)), max(1, int(sh * f)))
        if self._scaled is None or self._scaled.get_size() != size:
            self._scaled = pygame.transform.smoothscale(self.surface, size)
        r = self._scaled.get_rect(center=self.rect.center)
        pygame.draw.rect(surface, (0, 0, 0), r.move(round(self.look.unit * 0.5), round(self.look.unit * 0.5)))
        surface.blit(self._scaled, r)


class PledgeScene(ScreenScene):
    name = "pledge"

    def __init__(self, ctx, state, day: date | None = None):
        self.state = state
        self.day = day or state.started.date()
        self.saved: Path | None = None
        super().__init__(ctx)

    def build(self) -> None:
        self.heading = Label(self.look, N_("个人反诈承诺书"), role="heading", colour_key="accent", align="left")
        self.picture = Picture(self.look, render_pledge(self.look, self.state.class_name, self.day))
        self.info = TextBox(self.look, N_("保存成图片后用 A4 纸打印，每人一张，签名后带回家给家长看。"), role="body")
        self.message = TextBox(self.look, "", role="caption", colour_key="text_muted", translate=False)
        self.save_button = Button(self.look, N_("保存图片"), self.save, icon="check", autoplay_weight=0, name="save_pledge")
        self.back_button = Button(self.look, N_("返回"), self.back, style="secondary", icon="back", name="back")
        self.items = [self.heading, self.picture, self.info, self.message, self.save_button, self.back_button]

    def save(self) -> None:
        try:
            self.saved = save_pledge(self.look, self.state.class_name, self.day)
        except (OSError, pygame.error) as exc:
            self.message.set_text(self.session.tr("保存失败：") + str(exc))
        else:
            self.message.set_text(self.session.tr("已保存到：") + "\n" + str(self.saved))
        self.dirty = True

    def back(self) -> bool:
        if self.nav.top is self:
            self.nav.back()
        return True

    def autoplay_targets(self) -> list:
        return [self.back_button]

    def place(self, size) -> None:
        u, area, portrait, gap = self.regions(size)
        if portrait:
            self.heading.rect = layout.top_band(area, 9 * u)
            bar = layout.bottom_band(area, 12 * u)
            self.save_button.rect, self.back_button.rect = layout.row(bar, 2, 48 * u, 3 * u)
            self.message.rect = pygame.Rect(area.x, bar.y - round(17 * u), area.w, round(16 * u))
            self.info.rect = pygame.Rect(area.x, self.message.rect.y - round(13 * u), area.w, round(12 * u))
            self.picture.rect = pygame.Rect(area.x, self.heading.rect.bottom + u, area.w,
                                            round(self.info.rect.y - gap - self.heading.rect.bottom - u))
        else:
            pic_w = round(min(area.h * 0.707, area.w * 0.5))
            self.picture.rect = pygame.Rect(area.x, area.y, pic_w, area.h)
            side = pygame.Rect(self.picture.rect.right + 4 * u, area.y, area.right - self.picture.rect.right - 4 * u,
                               area.h)
            self.heading.rect = pygame.Rect(side.x, side.y, side.w, round(10 * u))
            self.info.rect = pygame.Rect(side.x, self.heading.rect.bottom + u, side.w, round(24 * u))
            bar = pygame.Rect(side.x, side.bottom - round(12 * u), side.w, round(12 * u))
            self.save_button.rect, self.back_button.rect = layout.row(bar, 2, 40 * u, 2 * u)
            top = self.info.rect.bottom + gap
            self.message.rect = pygame.Rect(side.x, top, side.w, max(0, round(bar.y - gap - top)))
