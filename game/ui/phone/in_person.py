"""Face to face: an illustrated room, street or bank counter with the speaker and speech bubbles.

Not a phone: the same tall card the phone occupies, drawn like a picture-book panel.
The place is guessed from the node's words (银行 → bank counter, 街/门口/公园 → street,
otherwise an indoor room such as a lecture hall).
"""

from __future__ import annotations

import pygame

from . import paint
from .bubbles import Thread, items_for
from .face import Palette, draw_standing
from .frame import Screen, phone_rect, text_scale
from .ink import Ink
from .state import PhoneHits

STREET_WORDS = ("街", "路", "门口", "公园", "小区", "楼下", "广场", "校门", "菜市场", "车站")
BANK_WORDS = ("银行", "柜台", "柜员", "营业厅", "取款", "取现")


def place_of(node) -> str:
    words = " ".join([node.app, node.image or "", node.contact.name if node.contact else "",
                      node.contact.note if node.contact else ""] + [line.text for line in node.lines])
    if any(w in words for w in BANK_WORDS):
        return "bank"
    if any(w in words for w in STREET_WORDS):
        return "street"
    return "room"


def _room(s: pygame.Surface, r: pygame.Rect, theme, u: float, ink: Ink, sign: str) -> None:
    dark, light = paint.darkest(theme), paint.lightest(theme)
    wall = paint.mix(theme.background, theme.yellow, 0.18)
    floor_y = r.y + int(r.h * 0.62)
    s.blit(paint.vertical_gradient((r.w, floor_y - r.y), wall, paint.mix(wall, dark, 0.08)), r.topleft)
    pygame.draw.rect(s, paint.mix(theme.board, dark, 0.25), (r.x, floor_y, r.w, r.bottom - floor_y))
    # A red banner with the usual promise.
    banner = pygame.Rect(r.x + r.w * 0.08, r.y + r.h * 0.05, r.w * 0.84, r.h * 0.075)
    pygame.draw.rect(s, theme.red, banner)
    ink.text(s, sign, banner.inflate(-u * 4, -u * 1), int(u * 4.6), theme.yellow,
                      bold=True, align="center", valign="middle", max_lines=1, min_px=int(u * 2.6))
    # Boxes of "products" on a table.
    table = pygame.Rect(r.x + r.w * 0.52, floor_y - r.h * 0.1, r.w * 0.42, r.h * 0.1)
    for i in range(3):
        box = pygame.Rect(table.x + i * table.w * 0.33 + u, table.y - u * 9, table.w * 0.28, u * 9)
        pygame.draw.rect(s, paint.mix(theme.green, light, 0.25 * i), box, border_radius=int(u))
    pygame.draw.rect(s, paint.mix(theme.red, dark, 0.35), table, border_radius=int(u))
    # A rug and a potted plant.
    rug = pygame.Rect(r.x + r.w * 0.1, floor_y + r.h * 0.08, r.w * 0.8, r.h * 0.12)
    pygame.draw.ellipse(s, paint.mix(theme.red, theme.board, 0.5), rug)
    pot = pygame.Rect(r.x + r.w * 0.04, floor_y - u * 10, u * 9, u * 10)
    paint.circle(s, paint.mix(theme.green, dark, 0.15), (pot.centerx, pot.y - u * 5), u * 7)
    pygame.draw.rect(s, paint.mix(theme.red, dark, 0.3), pot, border_radius=int(u * 1.5))


def _street(s: pygame.Surface, r: pygame.Rect, theme, u: float, ink: Ink, sign: str) -> None:
    dark, light = paint.darkest(theme), paint.lightest(theme)
    sky = paint.mix(theme.blue, light, 0.7)
    ground_y = r.y + int(r.h * 0.64)
    s.blit(paint.vertical_gradient((r.w, ground_y - r.y), sky, paint.mix(sky, light, 0.5)), r.topleft)
    for i, (x, w, h) in enumerate(((0.0, 0.3, 0.42), (0.28, 0.26, 0.5), (0.52, 0.22, 0.36), (0.72, 0.3, 0.46))):
        b = pygame.Rect(r.x + r.w * x, ground_y - r.h * h, r.w * w, r.h * h)
        face = paint.mix(paint.mix(theme.background, theme.red, 0.15 + 0.08 * (i % 2)), dark, 0.1 * (i % 3))
        pygame.draw.rect(s, face, b)
        for wy in range(int(b.y + u * 4), int(b.bottom - u * 6), int(u * 8)):
            for wx in range(int(b.x + u * 3), int(b.right - u * 5), int(u * 7)):
                pygame.draw.rect(s, paint.mix(sky, light, 0.3), (wx, wy, u * 4, u * 4.5))
    pygame.draw.rect(s, paint.mix(theme.board, dark, 0.2), (r.x, ground_y, r.w, r.bottom - ground_y))
    pygame.draw.rect(s, paint.mix(theme.board, dark, 0.35), (r.x, ground_y, r.w, u * 2))
    # A tree.
    tx = r.x + r.w * 0.86
    pygame.draw.rect(s, paint.mix(theme.red, dark, 0.55), (tx - u * 1.5, ground_y - r.h * 0.12, u * 3, r.h * 0.12))
    paint.circle(s, paint.mix(theme.green, dark, 0.1), (tx, ground_y - r.h * 0.16), u * 9)


def _bank(s: pygame.Surface, r: pygame.Rect, theme, u: float, ink: Ink, sign: str) -> None:
    dark, light = paint.darkest(theme), paint.lightest(theme)
    wall = paint.mix(theme.blue, light, 0.82)
    s.blit(paint.vertical_gradient(r.size, wall, paint.mix(wall, dark, 0.1)), r.topleft)
    board = pygame.Rect(r.x + r.w * 0.15, r.y + r.h * 0.05, r.w * 0.7, r.h * 0.07)
    pygame.draw.rect(s, theme.blue, board, border_radius=int(u * 1.5))
    ink.text(s, sign, board.inflate(-u * 4, -u), int(u * 4.6), light, bold=True,
                      align="center", valign="middle", max_lines=1, min_px=int(u * 2.6))
    counter_y = r.y + int(r.h * 0.6)
    pygame.draw.rect(s, paint.mix(theme.board, dark, 0.3), (r.x, counter_y, r.w, r.bottom - counter_y))
    glass = pygame.Rect(r.x + r.w * 0.05, r.y + r.h * 0.16, r.w * 0.9, counter_y - r.y - r.h * 0.16)
    pane = pygame.Surface(glass.size, pygame.SRCALPHA)
    pane.fill((*light, 60))
    s.blit(pane, glass.topleft)
    pygame.draw.rect(s, paint.mix(wall, dark, 0.3), glass, max(1, int(u * 0.6)))


BACKDROPS = {"room": _room, "street": _street, "bank": _bank}
PLACE_LABELS = {"room": "活动室", "street": "街头", "bank": "银行"}
SIGNS = {"room": "欢迎参加 · 免费讲座", "street": "", "bank": "营业厅"}


def draw_in_person(surface: pygame.Surface, rect: pygame.Rect, node, state, app) -> PhoneHits:
    theme = app.theme
    dark, light = paint.darkest(theme), paint.lightest(theme)
    card = phone_rect(rect, 0.56)
    u = card.w / 100
    radius = int(u * 6)
    ink = Ink.of(app)
    tr = getattr(app, "tr", lambda t: t)
    paint.shadow(surface, card, radius, dark, max(2, int(u * 3)))
    place = place_of(node)
    art = pygame.Surface(card.size)
    sign = tr(node.app) if node.app else tr(SIGNS[place]) if SIGNS[place] else ""
    BACKDROPS[place](art, art.get_rect(), theme, u, ink, sign)
    # The speaker stands in the middle of the picture.
    pal = Palette.from_theme(theme, shirt=paint.mix(theme.green, dark, 0.25) if place != "bank" else theme.blue,
                             hair=paint.mix(light, dark, 0.4) if place == "room" else None)
    t = 0.0 if state.reduced_motion else state.t
    talking = state.speaking and not state.reduced_motion
    from .video import blink, voice_level
    person = pygame.Rect(0, 0, int(card.w * 0.36), int(card.h * 0.5))
    person.midbottom = (int(card.w * 0.4), int(card.h * 0.76))
    gesture = 0.5 + 0.5 * abs(voice_level(t * 0.3)) if talking else 0.6
    draw_standing(art, person, pal, mouth=voice_level(t) if talking else 0.0, eyes=blink(t) if talking else 1.0,
                  gesture=gesture)
    paint.blit_rounded(surface, art, card, radius)
    pygame.draw.rect(surface, paint.mix(theme.phone_body, light, 0.1), card, max(2, int(u * 1.2)), border_radius=radius)

    # Name tag under the title strip.
    hits = PhoneHits(screen=card.copy(), body=card.copy())
    name = tr(node.contact.name) if node.contact and node.contact.name else tr(PLACE_LABELS[place])
    tag_px = max(8, int(u * 4.8 * text_scale(app)))
    tag_w = min(card.w - u * 10, ink.width(name, tag_px, True) + u * 8)
    tag = pygame.Rect(0, 0, tag_w, u * 9)
    tag.midtop = (card.centerx, card.y + int(card.h * 0.145))
    paint.rrect(surface, theme.phone_body, tag, tag.h // 2)
    ink.text(surface, name, tag.inflate(-u * 6, 0), tag_px, light, bold=True, align="center", valign="middle",
             max_lines=1, min_px=int(u * 3))
    # Speech bubbles over the lower part of the picture.
    scr = Screen(surface, card, card, u, theme, ink, app, state, hits, radius)
    area = pygame.Rect(card.x, card.y + int(card.h * 0.45), card.w, card.h - int(card.h * 0.45))
    items = items_for(node, state, tr, link=False)
    pop = 1.0 if state.reduced_motion else min(1.0, max(0.0, (state.t - state.reveal_t) / 0.25))
    Thread(scr, area, bg=paint.mix(theme.board, dark, 0.25)).draw(items, pop)
    return hits
