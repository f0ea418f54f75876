"""A meeting app asking to share the screen, with the system permission sheet on top.

The sheet spells out the danger in the player's terms: the other side sees
everything on the screen, including SMS verification codes and the bank app.
"""

from __future__ import annotations

import pygame

from . import paint
from .bubbles import Thread, draw_avatar, items_for
from .frame import Screen, app_header, open_phone
from .state import PhoneHits


def _meeting_tiles(scr: Screen, area: pygame.Rect, names: list[str]) -> None:
    u, theme = scr.u, scr.theme
    gap = int(u * 2)
    cols = 2
    tile_w = (area.w - gap * (cols + 1)) // cols
    tile_h = int(tile_w * 0.72)
    for i, name in enumerate(names):
        r = pygame.Rect(area.x + gap + (i % cols) * (tile_w + gap), area.y + gap + (i // cols) * (tile_h + gap),
                        tile_w, tile_h)
        if r.bottom > area.bottom:
            break
        paint.rrect(scr.surface, paint.mix(theme.phone_body, theme.blue, 0.25), r, int(u * 2))
        draw_avatar(scr, (r.centerx, r.centery - u * 2), u * 6, name)
        label = pygame.Rect(r.x + u * 2, r.bottom - u * 7, r.w - u * 4, u * 6)
        scr.ink.text(scr.surface, name, label, scr.px(3.6), scr.light, align="center", valign="middle", max_lines=1,
                     min_px=int(u * 2.8))


def draw_screen_share(surface: pygame.Surface, rect: pygame.Rect, node, state, app) -> PhoneHits:
    theme = app.theme
    dark, light = paint.darkest(theme), paint.lightest(theme)
    scr = open_phone(surface, rect, app, state, screen_colour=paint.mix(theme.phone_body, dark, 0.3),
                     status_on_dark=True)
    u = scr.u
    app_name = scr.tr(node.app) if node.app else scr.tr("会议")
    contact = node.contact
    caller = scr.tr(contact.name) if contact and contact.name else scr.tr("对方")
    header = app_header(scr, app_name, scr.tr("会议号") + " 826 331 907", bg=paint.mix(theme.phone_body, dark, 0.2),
                        fg=light)
    # The meeting behind: two video tiles and the chat.
    tiles = pygame.Rect(scr.rect.x, header.bottom, scr.rect.w, int(u * 38))
    _meeting_tiles(scr, tiles, [caller, scr.tr("我")])
    sheet_h = int(scr.rect.h * 0.56)
    chat = pygame.Rect(scr.rect.x, tiles.bottom, scr.rect.w, scr.rect.bottom - sheet_h - tiles.bottom)
    items = items_for(node, state, scr.tr, link=False)
    pop = 1.0 if state.reduced_motion else min(1.0, max(0.0, (state.t - state.reveal_t) / 0.25))
    if chat.h > u * 12:
        Thread(scr, chat, bg=paint.mix(theme.phone_body, dark, 0.3)).draw(items, pop)
    # Dim everything under the system sheet.
    dim = pygame.Surface(scr.full.size, pygame.SRCALPHA)
    paint.rrect(dim, (*dark, 90), dim.get_rect(), scr.radius)
    surface.blit(dim, scr.full.topleft)
    sheet = pygame.Rect(scr.full.x, scr.full.bottom - sheet_h, scr.full.w, sheet_h)
    _permission_sheet(scr, sheet, app_name)
    scr.hits.parts["input"] = sheet
    return scr.hits


def _permission_sheet(scr: Screen, sheet: pygame.Rect, app_name: str) -> None:
    u, theme = scr.u, scr.theme
    s = scr.surface
    face = theme.phone_screen
    fg = theme.phone_text
    muted = paint.mix(fg, face, 0.3)
    paint.rrect(s, face, sheet, scr.radius)
    pygame.draw.rect(s, face, (sheet.x, sheet.y + scr.radius, sheet.w, sheet.h - scr.radius * 2))
    grab = pygame.Rect(0, 0, u * 12, u * 1.2)
    grab.midtop = (sheet.centerx, sheet.y + u * 2)
    paint.rrect(s, paint.mix(face, fg, 0.25), grab, grab.h // 2)
    x, w = sheet.x + int(u * 6), sheet.w - int(u * 12)
    y = sheet.y + int(u * 6)
    # Screen icon.
    icon = pygame.Rect(0, 0, u * 12, u * 9)
    icon.midtop = (sheet.centerx, y)
    paint.rrect(s, theme.blue, icon, int(u * 1.5), max(2, int(u * 0.9)))
    pygame.draw.line(s, theme.blue, (icon.centerx - u * 3, icon.bottom + u * 1.5), (icon.centerx + u * 3, icon.bottom + u * 1.5),
                     max(2, int(u * 0.9)))
    y = icon.bottom + int(u * 4)
    title = scr.tr("“{app}”请求共享你的屏幕").replace("{app}", app_name)
    drawn = scr.ink.text(s, title, pygame.Rect(x, y, w, u * 14), scr.px(5.4), fg, bold=True, align="center",
                         valign="top", min_px=int(u * 3.8))
    y = drawn.bottom + int(u * 2.5)
    body = scr.tr("开始后，对方能实时看到你屏幕上的一切。")
    drawn = scr.ink.text(s, body, pygame.Rect(x, y, w, u * 12), scr.px(4.2), muted, align="center", min_px=int(u * 3.2))
    y = drawn.bottom + int(u * 3)
    # The red danger box: what the other side will see.
    buttons_h = int(u * 11)
    lines = [scr.tr("短信验证码"), scr.tr("银行App和余额"), scr.tr("支付密码")]
    head = scr.tr("对方将看到：")
    tail = scr.tr("陌生人要你共享屏幕，就是诈骗！")
    px = scr.px(4.4)
    row = int(px * 1.45)
    tail_h = scr.ink.measure(tail, px, int(w - u * 8), bold=True)[1]
    danger = pygame.Rect(x, y, w, int(u * 5 + row * (1 + len(lines)) + u * 2 + tail_h))
    danger.h = min(danger.h, sheet.bottom - buttons_h - int(u * 9) - y)
    paint.rrect(s, theme.warning, danger, int(u * 2.5))
    tri = int(px * 1.05)
    ty = danger.y + int(u * 2.5)
    paint.warning_triangle(s, theme.warning_text, theme.warning, (danger.x + u * 4 + tri / 2, ty + row / 2), tri)
    scr.ink.text(s, head, pygame.Rect(danger.x + u * 6 + tri, ty, danger.w - u * 9 - tri, row), px, theme.warning_text,
                 bold=True, valign="middle", max_lines=1, min_px=int(u * 3))
    for i, text in enumerate(lines):
        ry = ty + row * (i + 1)
        paint.circle(s, theme.warning_text, (danger.x + u * 4 + tri / 2, ry + row / 2), u * 0.9)
        scr.ink.text(s, text, pygame.Rect(danger.x + u * 6 + tri, ry, danger.w - u * 9 - tri, row), px,
                     theme.warning_text, valign="middle", max_lines=1, min_px=int(u * 3))
    tail_box = pygame.Rect(danger.x + u * 4, ty + row * (1 + len(lines)) + u * 1, danger.w - u * 8,
                           danger.bottom - u * 2 - (ty + row * (1 + len(lines)) + u * 1))
    scr.ink.text(s, tail, tail_box, px, theme.warning_text, bold=True, min_px=int(u * 3))
    # Cancel / start.
    by = sheet.bottom - buttons_h - int(u * 6)
    bw = (w - int(u * 4)) // 2
    cancel = pygame.Rect(x, by, bw, buttons_h)
    start = pygame.Rect(x + bw + int(u * 4), by, bw, buttons_h)
    paint.rrect(s, paint.mix(face, fg, 0.1), cancel, buttons_h // 2)
    paint.rrect(s, theme.blue, start, buttons_h // 2)
    scr.ink.text(s, scr.tr("取消"), cancel.inflate(-u * 4, 0), scr.px(4.8), fg, bold=True, align="center",
                 valign="middle", max_lines=1, min_px=int(u * 3))
    scr.ink.text(s, scr.tr("立即开始"), start.inflate(-u * 4, 0), scr.px(4.8), theme.blue_text, bold=True, align="center",
                 valign="middle", max_lines=1, min_px=int(u * 3))
    scr.hits.areas["cancel_share"] = cancel
    scr.hits.areas["start_share"] = start
