"""Voice calls: the incoming-call screen and the in-call screen with live captions."""

from __future__ import annotations

import math

import pygame

from . import paint
from .bubbles import Thread, draw_avatar, items_for
from .frame import Screen, draw_status_bar, open_phone
from .numbers import is_overseas, official_label
from .state import PhoneHits


def call_badges(scr: Screen, contact) -> list[tuple[str, tuple, tuple, str]]:
    """(text, face, text colour, icon) badges for a caller: overseas warning, official line."""
    theme = scr.theme
    out = []
    if contact is None:
        return out
    if is_overseas(contact.number, contact.note):
        out.append((scr.tr("境外来电"), theme.warning, theme.warning_text, "warning"))
    official = official_label(contact.number)
    if official:
        out.append((scr.tr(official), theme.safe, theme.safe_text, "shield"))
    return out


def draw_badge(scr: Screen, centre_x: int, top: int, text: str, face, fg, icon: str, px: int) -> pygame.Rect:
    u = scr.u
    w = scr.ink.width(text, px, bold=True)
    icon_w = int(px * 1.3)
    rect = pygame.Rect(0, 0, min(int(scr.rect.w * 0.9), w + icon_w + int(u * 7)), int(px * 1.9))
    rect.midtop = (centre_x, top)
    paint.rrect(scr.surface, face, rect, rect.h // 2)
    ic = (rect.x + int(u * 3) + icon_w // 2, rect.centery)
    if icon == "warning":
        paint.warning_triangle(scr.surface, fg, face, ic, px * 0.95)
    else:
        paint.shield(scr.surface, fg, face, ic, px * 1.05)
    box = pygame.Rect(rect.x + int(u * 4) + icon_w, rect.y, rect.right - rect.x - int(u * 6) - icon_w, rect.h)
    scr.ink.text(scr.surface, text, box, px, fg, bold=True, valign="middle", max_lines=1, min_px=int(px * 0.7))
    return rect


def _caller_block(scr: Screen, contact, top: int, fg, muted, *, big: bool) -> int:
    """Name, number, note and badges centred from ``top``; returns the bottom y."""
    u = scr.u
    x, w = scr.rect.x + int(u * 5), scr.rect.w - int(u * 10)
    name = scr.tr(contact.name) if contact and contact.name else scr.tr("未知号码")
    number = contact.number if contact else ""
    y = top
    name_h = int(u * (9.5 if big else 7.5))
    scr.ink.text(scr.surface, name, pygame.Rect(x, y, w, name_h * 1.25), scr.px(8.5 if big else 6.6), fg, bold=True,
                 align="center", valign="middle", max_lines=1, min_px=int(u * 4.5))
    y += int(name_h * 1.3)
    if number and number != (contact.name if contact else ""):
        nh = int(u * 7)
        scr.ink.text(scr.surface, number, pygame.Rect(x, y, w, nh), scr.px(6 if big else 4.8), fg,
                     align="center", valign="middle", max_lines=1, min_px=int(u * 3.5))
        y += nh + int(u * 1)
    if contact and contact.note:
        nh = int(u * 6)
        scr.ink.text(scr.surface, scr.tr(contact.note), pygame.Rect(x, y, w, nh), scr.px(4.2), muted,
                     align="center", valign="middle", max_lines=1, min_px=int(u * 3))
        y += nh + int(u * 1)
    for text, face, tfg, icon in call_badges(scr, contact):
        r = draw_badge(scr, scr.rect.centerx, y + int(u * 1.5), text, face, tfg, icon, scr.px(4.6 if big else 4))
        y = r.bottom + int(u * 1)
    return y


def _round_button(scr: Screen, centre, radius: float, face, label: str, label_colour, glyph) -> None:
    paint.circle(scr.surface, face, centre, radius)
    glyph(centre, radius)
    box = pygame.Rect(0, 0, radius * 3, scr.u * 6)
    box.midtop = (centre[0], centre[1] + radius + scr.u * 1.5)
    scr.ink.text(scr.surface, label, box, scr.px(4), label_colour, align="center", valign="middle", max_lines=1,
                 min_px=int(scr.u * 3))


def _call_background(theme, size, ringing: bool):
    top = paint.mix(theme.phone_body, theme.blue, 0.45 if ringing else 0.25)
    bottom = paint.mix(theme.phone_body, paint.darkest(theme), 0.5)
    if theme.contrast_target >= 7:   # high contrast: white text needs a near-black screen
        top, bottom = paint.mix(top, paint.darkest(theme), 0.7), paint.mix(bottom, paint.darkest(theme), 0.7)
    return paint.vertical_gradient(size, top, bottom)


def draw_phone_call(surface: pygame.Surface, rect: pygame.Rect, node, state, app) -> PhoneHits:
    theme = app.theme
    dark = paint.darkest(theme)
    scr = open_phone(surface, rect, app, state, screen_colour=dark, status_on_dark=True)
    glass = scr.full
    bg = _call_background(theme, glass.size, state.ringing)
    paint.blit_rounded(surface, bg, glass, scr.radius, theme.phone_body)
    draw_status_bar(scr, pygame.Rect(glass.x, glass.y, glass.w, scr.rect.y - glass.y), True)
    if state.ringing:
        _draw_ringing(scr, node)
    else:
        _draw_in_call(scr, node)
    return scr.hits


def _draw_ringing(scr: Screen, node) -> None:
    u, theme, light = scr.u, scr.theme, scr.light
    muted = paint.mix(light, theme.phone_body, 0.3)
    contact = node.contact
    top = scr.rect.y + int(u * 6)
    scr.ink.text(scr.surface, scr.tr("来电"), pygame.Rect(scr.rect.x, top, scr.rect.w, int(u * 7)), scr.px(4.6),
                 muted, align="center", valign="middle", max_lines=1)
    r = u * 13
    centre = (scr.rect.centerx, top + int(u * 14) + r)
    t = 0.0 if scr.state.reduced_motion else scr.state.t
    if not scr.state.reduced_motion:
        for k in range(2):
            phase = (t * 0.8 + k * 0.5) % 1.0
            ring = pygame.Surface((int(r * 4), int(r * 4)), pygame.SRCALPHA)
            pygame.draw.circle(ring, (*light, int(90 * (1 - phase))), (ring.get_width() // 2, ring.get_height() // 2),
                               int(r * (1 + phase * 0.7)), max(1, int(u * 0.6)))
            scr.surface.blit(ring, (centre[0] - ring.get_width() // 2, centre[1] - ring.get_height() // 2))
    draw_avatar(scr, centre, r, contact.name if contact and contact.name else "?")
    y = _caller_block(scr, contact, int(centre[1] + r + u * 5), light, muted, big=True)
    # Answer and decline at the bottom.
    by = scr.rect.bottom - int(u * 24)
    br = u * 9.5
    lx, rx = scr.rect.x + scr.rect.w * 0.25, scr.rect.x + scr.rect.w * 0.75
    wobble = 0 if scr.state.reduced_motion else math.sin(t * 14) * 8 * max(0.0, math.sin(t * 2.2))
    _round_button(scr, (lx, by), br, theme.red, scr.tr("拒绝"), light,
                  lambda c, rr: paint.handset(scr.surface, light, c, rr * 1.05, 135))
    _round_button(scr, (rx, by), br, theme.green, scr.tr("接听"), light,
                  lambda c, rr: paint.handset(scr.surface, light, c, rr * 1.05, wobble))
    scr.hits.areas["answer"] = pygame.Rect(rx - br, by - br, br * 2, br * 2)
    scr.hits.areas["decline"] = pygame.Rect(lx - br, by - br, br * 2, br * 2)
    # Quick actions above the buttons, as real phones show them.
    qa = pygame.Rect(scr.rect.x, by - br - int(u * 14), scr.rect.w, int(u * 7))
    if qa.y > y:
        for cx, label in ((lx, scr.tr("提醒我")), (rx, scr.tr("发信息"))):
            box = pygame.Rect(0, 0, scr.rect.w * 0.42, qa.h)
            box.center = (cx, qa.centery)
            scr.ink.text(scr.surface, label, box, scr.px(3.8), muted, align="center", valign="middle", max_lines=1)


def call_timer(seconds: float) -> str:
    s = int(max(0, seconds))
    return f"{s // 60:02d}:{s % 60:02d}"


def _draw_in_call(scr: Screen, node) -> None:
    u, theme, light = scr.u, scr.theme, scr.light
    muted = paint.mix(light, theme.phone_body, 0.3)
    contact = node.contact
    top = scr.rect.y + int(u * 4)
    y = _caller_block(scr, contact, top, light, muted, big=False)
    timer_box = pygame.Rect(scr.rect.x, y, scr.rect.w, int(u * 6))
    scr.ink.text(scr.surface, call_timer(scr.state.call_started + scr.state.t), timer_box, scr.px(4.4), muted,
                 align="center", valign="middle", max_lines=1)
    # Controls at the bottom: mute / keypad / speaker, then hang up.
    hang_r = u * 8.5
    hang_c = (scr.rect.centerx, scr.rect.bottom - int(u * 6) - hang_r)
    paint.circle(scr.surface, theme.red, hang_c, hang_r)
    paint.handset(scr.surface, light, hang_c, hang_r * 1.05, 135)
    scr.hits.areas["hang_up"] = pygame.Rect(hang_c[0] - hang_r, hang_c[1] - hang_r, hang_r * 2, hang_r * 2)
    small_r = u * 7
    row_y = hang_c[1] - hang_r - int(u * 13) - small_r
    ctrl_face = paint.mix(theme.phone_body, light, 0.18)
    glyphs = (("mute", paint.mic, scr.tr("静音")), ("keypad", paint.keypad, scr.tr("拨号盘")),
              ("speaker", paint.speaker, scr.tr("免提")))
    for i, (action, glyph, label) in enumerate(glyphs):
        cx = scr.rect.x + scr.rect.w * (0.2 + 0.3 * i)
        scr.hits.areas[action] = pygame.Rect(cx - small_r, row_y - small_r, small_r * 2, small_r * 2)
        _round_button(scr, (cx, row_y), small_r, ctrl_face, label, muted,
                      lambda c, rr, g=glyph: g(scr.surface, light, c, rr * 0.95))
    buttons_top = int(row_y - small_r)
    scr.hits.parts["input"] = pygame.Rect(scr.rect.x, buttons_top, scr.rect.w, int(hang_c[1] + hang_r) - buttons_top)
    # Live captions between the caller and the controls.
    area = pygame.Rect(scr.rect.x, timer_box.bottom + int(u * 2), scr.rect.w,
                       int(row_y - small_r - u * 3) - timer_box.bottom - int(u * 2))
    items = items_for(node, scr.state, scr.tr, link=False)
    pop = 1.0 if scr.state.reduced_motion else min(1.0, max(0.0, (scr.state.t - scr.state.reveal_t) / 0.25))
    if area.h > u * 10:
        Thread(scr, area, bg=theme.phone_body).draw(items, pop)
