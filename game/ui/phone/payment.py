"""A bank app's transfer page: payee, masked account, the amount in big digits,
the red fraud-warning strip real banking apps show, and the confirm button.
The node's newest message drops in as a notification banner at the top."""

from __future__ import annotations

import pygame

from . import paint
from .bubbles import draw_avatar, items_for
from .frame import Screen, app_header, open_phone
from .labels import N_
from .numbers import currency_symbol, locale_of, masked_account, money
from .state import PhoneHits


def _notification(scr: Screen, item, sender: str, space: pygame.Rect) -> None:
    """The newest message as a pop-up card at the bottom of ``space``."""
    u, theme = scr.u, scr.theme
    face = paint.mix(theme.phone_screen, scr.dark, 0.08)
    text_px = scr.px(4.2)
    lines_h = scr.ink.measure(item.text, text_px, int(scr.rect.w - u * 24))[1]
    banner = pygame.Rect(scr.rect.x + u * 3, 0, scr.rect.w - u * 6, min(space.h, lines_h + u * 13))
    banner.bottom = space.bottom
    paint.shadow(scr.surface, banner, int(u * 4), scr.dark, int(u * 1.5))
    paint.rrect(scr.surface, face, banner, int(u * 4))
    draw_avatar(scr, (banner.x + u * 8, banner.y + u * 9), u * 4.5, sender)
    name_box = pygame.Rect(banner.x + u * 15, banner.y + u * 2.5, banner.w - u * 30, u * 6)
    scr.ink.text(scr.surface, sender, name_box, scr.px(4), theme.phone_text, bold=True, valign="middle", max_lines=1,
                 min_px=int(u * 3))
    scr.ink.text(scr.surface, scr.tr("刚刚"), pygame.Rect(banner.right - u * 15, banner.y + u * 2.5, u * 12, u * 6),
                 scr.px(3.4), paint.mix(theme.phone_text, face, 0.4), align="right", valign="middle", max_lines=1)
    body = pygame.Rect(banner.x + u * 15, name_box.bottom + u * 1, banner.w - u * 19, banner.bottom - name_box.bottom - u * 3.5)
    scr.ink.text(scr.surface, item.text, body, text_px, theme.phone_text, min_px=int(u * 3))


FORM_FIELDS = (N_("姓名"), N_("身份证号"), N_("银行卡号"), N_("预留手机号"), N_("银行卡密码"), N_("短信验证码"))


def _draw_form(scr: Screen, node, page_bg) -> None:
    """A look-alike web page asking for personal and bank details (no payee, no amount)."""
    u, s, theme = scr.u, scr.surface, scr.theme
    fg = theme.phone_text
    muted = paint.mix(fg, page_bg, 0.45)
    title = scr.tr(node.app) if node.app else scr.tr("网页")
    header = app_header(scr, title, node.link or "", bg=theme.blue, fg=theme.blue_text, menu=False)
    scr.hits.areas["cancel_payment"] = scr.hits.areas.pop("back")
    y = header.bottom + u * 3
    tri = int(u * 5)
    warn_text = scr.tr("风险提示：此网页不是官方网站，可能是仿冒网页！")
    wh = scr.ink.measure(warn_text, scr.px(3.8), int(scr.rect.w - u * 17 - tri), bold=True)[1]
    warn = pygame.Rect(scr.rect.x + u * 4, y, scr.rect.w - u * 8, wh + u * 4)
    paint.rrect(s, theme.warning, warn, int(u * 2))
    paint.warning_triangle(s, theme.warning_text, theme.warning, (warn.x + u * 3 + tri / 2, warn.centery), tri)
    scr.ink.text(s, warn_text, pygame.Rect(warn.x + u * 5 + tri, warn.y + u * 2, warn.w - u * 8 - tri, wh + 1),
                 scr.px(3.8), theme.warning_text, bold=True, min_px=int(u * 3))
    y = warn.bottom + u * 3
    button = pygame.Rect(scr.rect.x + u * 6, scr.rect.bottom - u * 20, scr.rect.w - u * 12, u * 12)
    row_h = int(u * 13)
    for field in FORM_FIELDS:
        if y + row_h > button.y - u * 3:
            break
        label = pygame.Rect(scr.rect.x + u * 5, y, scr.rect.w - u * 10, u * 5)
        scr.ink.text(s, scr.tr(field), label, scr.px(3.8), muted, valign="middle", max_lines=1)
        box = pygame.Rect(label.x, label.bottom + u, label.w, u * 6.5)
        paint.rrect(s, theme.phone_screen, box, int(u * 1.5))
        paint.rrect(s, paint.mix(page_bg, scr.dark, 0.2), box, int(u * 1.5), max(1, int(u * 0.3)))
        y += row_h
    paint.rrect(s, theme.button, button, button.h // 2)
    scr.ink.text(s, scr.tr("提交认证"), button.inflate(-u * 4, 0), scr.px(5.2), theme.button_text, bold=True,
                 align="center", valign="middle", max_lines=1, min_px=int(u * 3))
    scr.hits.areas["confirm_payment"] = button


def draw_payment(surface: pygame.Surface, rect: pygame.Rect, node, state, app) -> PhoneHits:
    theme = app.theme
    page_bg = paint.mix(theme.phone_screen, paint.darkest(theme), 0.05)
    scr = open_phone(surface, rect, app, state, screen_colour=page_bg)
    if not node.payee and not node.amount:
        _draw_form(scr, node, page_bg)
        return scr.hits
    u, s = scr.u, surface
    fg = theme.phone_text
    muted = paint.mix(fg, page_bg, 0.4)
    title = scr.tr(node.app) if node.app else scr.tr("转账")
    header = app_header(scr, title, bg=theme.blue, fg=theme.blue_text, menu=False)
    scr.hits.areas["cancel_payment"] = scr.hits.areas.pop("back")
    card = pygame.Rect(scr.rect.x + u * 4, header.bottom + u * 4, scr.rect.w - u * 8, u * 78)
    paint.rrect(s, theme.phone_screen, card, int(u * 3))
    x, w = card.x + int(u * 5), card.w - int(u * 10)
    # Payee.
    payee = scr.tr(node.payee) if node.payee else scr.tr("收款人")
    scr.ink.text(s, scr.tr("收款人"), pygame.Rect(x, card.y + u * 3, w, u * 6), scr.px(3.8), muted, valign="middle",
                 max_lines=1)
    draw_avatar(scr, (x + u * 5, card.y + u * 16), u * 5, payee)
    scr.ink.text(s, payee, pygame.Rect(x + u * 13, card.y + u * 10, w - u * 13, u * 7), scr.px(4.8), fg, bold=True,
                 valign="middle", max_lines=1, min_px=int(u * 3))
    scr.ink.text(s, masked_account(node.payee or node.id), pygame.Rect(x + u * 13, card.y + u * 17, w - u * 13, u * 6),
                 scr.px(4), muted, valign="middle", max_lines=1, min_px=int(u * 3))
    sep_y = card.y + int(u * 26)
    pygame.draw.line(s, paint.mix(page_bg, scr.dark, 0.12), (x, sep_y), (x + w, sep_y), max(1, int(u * 0.3)))
    # Amount.
    scr.ink.text(s, scr.tr("转账金额"), pygame.Rect(x, sep_y + u * 3, w, u * 6), scr.px(3.8), muted, valign="middle",
                 max_lines=1)
    amount = money(node.amount, locale_of(app)) if node.amount else currency_symbol(locale_of(app))
    scr.ink.text(s, amount, pygame.Rect(x, sep_y + u * 10, w, u * 16), scr.px(11), fg, bold=True, valign="middle",
                 max_lines=1, min_px=int(u * 6))
    pygame.draw.line(s, paint.mix(page_bg, scr.dark, 0.12), (x, sep_y + u * 28), (x + w, sep_y + u * 28),
                     max(1, int(u * 0.3)))
    scr.ink.text(s, scr.tr("附言（选填）"), pygame.Rect(x, sep_y + u * 31, w, u * 6), scr.px(3.8),
                 muted, valign="middle", max_lines=1)
    card.h = int(sep_y + u * 40 - card.y)
    # The fraud warning strip.
    warn_text = scr.tr("风险提示：对方账户可能涉嫌诈骗！“安全账户”、刷单返利、先交费再放款都是骗局。")
    tri = int(u * 6)
    text_w = int(scr.rect.w - u * 8 - u * 9 - tri)
    wh = scr.ink.measure(warn_text, scr.px(4.2), text_w, bold=True)[1]
    warn = pygame.Rect(scr.rect.x + u * 4, card.bottom + u * 4, scr.rect.w - u * 8, wh + u * 6)
    paint.rrect(s, theme.warning, warn, int(u * 2.5))
    paint.warning_triangle(s, theme.warning_text, theme.warning, (warn.x + u * 3 + tri / 2, warn.y + u * 3 + tri / 2), tri)
    scr.ink.text(s, warn_text, pygame.Rect(warn.x + u * 6 + tri, warn.y + u * 3, text_w, warn.h - u * 6), scr.px(4.2),
                 theme.warning_text, bold=True, min_px=int(u * 3))
    # Confirm button and a small lock line.
    button = pygame.Rect(scr.rect.x + u * 6, scr.rect.bottom - u * 26, scr.rect.w - u * 12, u * 12)
    paint.rrect(s, theme.button, button, button.h // 2)
    scr.ink.text(s, scr.tr("确认转账"), button.inflate(-u * 4, 0), scr.px(5.2), theme.button_text, bold=True,
                 align="center", valign="middle", max_lines=1, min_px=int(u * 3))
    scr.hits.areas["confirm_payment"] = button
    lock_y = button.bottom + u * 6
    paint.lock(s, muted, (scr.rect.centerx - u * 17, lock_y), u * 4)
    scr.ink.text(s, scr.tr("安全键盘 · 交易加密"), pygame.Rect(scr.rect.centerx - u * 13, lock_y - u * 3, u * 40, u * 6),
                 scr.px(3.4), muted, valign="middle", max_lines=1)
    # The newest message as a banner notification.
    items = [it for it in items_for(node, state, scr.tr, link=False) if it.speaker == "them"]
    if items:
        sender = scr.tr(node.contact.name) if node.contact and node.contact.name else scr.tr("新消息")
        space = pygame.Rect(scr.rect.x, warn.bottom + u * 3, scr.rect.w, button.y - u * 3 - warn.bottom - u * 3)
        if space.h > u * 16:
            _notification(scr, items[-1], sender, space)
    return scr.hits
