"""A messenger chat: avatars with initials, bubbles left/right, red packet and transfer cards."""

from __future__ import annotations

import pygame

from . import paint
from .bubbles import Thread, items_for
from .frame import app_header, open_phone
from .sms import input_bar
from .state import PhoneHits


def draw_chat(surface: pygame.Surface, rect: pygame.Rect, node, state, app) -> PhoneHits:
    theme = app.theme
    chat_bg = paint.mix(theme.phone_screen, paint.darkest(theme), 0.07)
    scr = open_phone(surface, rect, app, state, screen_colour=chat_bg)
    contact = node.contact
    name = scr.tr(contact.name) if contact else scr.tr("聊天")
    sub = scr.tr(contact.note) if contact and contact.note else scr.tr(node.app) if node.app else ""
    header = app_header(scr, name, sub, bg=paint.mix(chat_bg, paint.darkest(theme), 0.04))
    bar = input_bar(scr, scr.tr("发消息"), voice=True)
    area = pygame.Rect(scr.rect.x, header.bottom, scr.rect.w, bar.y - header.bottom)
    items = items_for(node, state, scr.tr, card=True)
    pop = 1.0 if state.reduced_motion else min(1.0, max(0.0, (state.t - state.reveal_t) / 0.25))
    Thread(scr, area, them_name=name, avatars=True, bg=chat_bg).draw(items, pop)
    return scr.hits
