"""The SMS thread: sender number on top, grey/green bubbles, the link underlined and flagged."""

from __future__ import annotations

import pygame

from . import paint
from .bubbles import Thread, items_for
from .frame import Screen, app_header, open_phone
from .numbers import official_label
from .state import PhoneHits


def input_bar(scr: Screen, placeholder: str, *, voice: bool = False) -> pygame.Rect:
    """The message field at the bottom of a messenger; returns its rect."""
    u = scr.u
    bar = pygame.Rect(scr.rect.x, scr.rect.bottom - int(u * 15), scr.rect.w, int(u * 15))
    bg = paint.mix(scr.theme.phone_screen, scr.dark, 0.05)
    paint.rrect(scr.surface, bg, bar, int(u * 8))
    pygame.draw.rect(scr.surface, bg, (bar.x, bar.y, bar.w, bar.h // 2))
    line_colour = paint.mix(bg, scr.dark, 0.15)
    pygame.draw.line(scr.surface, line_colour, bar.topleft, (bar.right - 1, bar.y), 1)
    left = bar.x + int(u * (14 if voice else 5))
    field = pygame.Rect(left, bar.y + int(u * 2.6), bar.right - left - int(u * 14), int(u * 8))
    paint.rrect(scr.surface, scr.theme.phone_screen, field, field.h // 2)
    paint.rrect(scr.surface, line_colour, field, field.h // 2, 1)
    scr.ink.text(scr.surface, placeholder, field.inflate(-u * 5, 0), scr.px(4), scr.theme.phone_text_muted,
                 valign="middle", max_lines=1, min_px=int(u * 3))
    if voice:
        paint.circle(scr.surface, line_colour, (bar.x + u * 7.5, field.centery), u * 4)
        paint.circle(scr.surface, bg, (bar.x + u * 7.5, field.centery), u * 3.3)
        paint.mic(scr.surface, scr.theme.phone_text, (bar.x + u * 7.5, field.centery), u * 4.2)
    send = (bar.right - u * 7.5, field.centery)
    scr.hits.areas["send"] = pygame.Rect(send[0] - u * 4, send[1] - u * 4, u * 8, u * 8)
    if voice:
        scr.hits.areas["voice"] = pygame.Rect(bar.x + u * 3.5, field.centery - u * 4, u * 8, u * 8)
    paint.circle(scr.surface, scr.theme.blue if not voice else line_colour, send, u * 4)
    if voice:
        pygame.draw.line(scr.surface, scr.theme.phone_text, (send[0] - u * 2, send[1]), (send[0] + u * 2, send[1]),
                         max(2, int(u * 0.7)))
        pygame.draw.line(scr.surface, scr.theme.phone_text, (send[0], send[1] - u * 2), (send[0], send[1] + u * 2),
                         max(2, int(u * 0.7)))
    else:
        w = max(2, int(u * 0.8))
        pygame.draw.line(scr.surface, scr.light, (send[0], send[1] + u * 2), (send[0], send[1] - u * 2), w)
        pygame.draw.line(scr.surface, scr.light, (send[0] - u * 1.6, send[1] - u * 0.5), (send[0], send[1] - u * 2.2), w)
        pygame.draw.line(scr.surface, scr.light, (send[0] + u * 1.6, send[1] - u * 0.5), (send[0], send[1] - u * 2.2), w)
    scr.hits.parts["input"] = bar.copy()
    return bar


def draw_sms(surface: pygame.Surface, rect: pygame.Rect, node, state, app) -> PhoneHits:
    scr = open_phone(surface, rect, app, state)
    contact = node.contact
    title = (contact.number or contact.name) if contact else scr.tr("短信")
    sub_parts = []
    if contact and contact.number and contact.name and contact.name != contact.number:
        sub_parts.append(scr.tr(contact.name))
    if contact and contact.note:
        sub_parts.append(scr.tr(contact.note))
    official = official_label(contact.number) if contact else ""
    if official:
        sub_parts.insert(0, scr.tr(official))
    header = app_header(scr, title, " · ".join(sub_parts) or scr.tr("短信/彩信"))
    bar = input_bar(scr, scr.tr("短信"))
    area = pygame.Rect(scr.rect.x, header.bottom, scr.rect.w, bar.y - header.bottom)
    items = items_for(node, state, scr.tr)
    pop = 1.0 if state.reduced_motion else min(1.0, max(0.0, (state.t - state.reveal_t) / 0.25))
    date_box = pygame.Rect(area.x, area.y + int(scr.u * 2), area.w, int(scr.u * 6))
    scr.ink.text(surface, scr.tr("今天") + " " + state.clock, date_box, scr.px(3.8),
                 scr.theme.phone_text_muted, align="center", valign="middle",
                 max_lines=1)
    area = pygame.Rect(area.x, date_box.bottom, area.w, area.bottom - date_box.bottom)
    Thread(scr, area).draw(items, pop)
    return scr.hits
