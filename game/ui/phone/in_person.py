"""Face to face: an illustrated room, street or bank counter with the speaker and speech bubbles.

Not a phone: the same tall card the phone occupies, drawn like a picture-book panel.
The place is guessed from the node's words (银行 → bank counter, 街/门口/公园 → street,
otherwise an indoor room such as a lecture hall).
"""

from __future__ import annotations

import pygame

from game.content.models import Speaker

from . import paint
from .bubbles import Thread, items_for
from .face import Palette, draw_standing
from .frame import Screen, phone_rect, text_scale
from .ink import Ink
from .labels import N_
from .state import PhoneHits
from .video import blink, voice_level

# Places and the words that suggest them, most specific first.
PLACE_WORDS = (
    ("bank", ("银行", "柜员", "柜台", "信用社", "营业厅", "取款", "取现")),
    ("police", ("派出所", "民警", "警察", "报警", "警务")),
    ("cafe", ("奶茶", "咖啡", "餐厅", "饭店", "店里", "店员", "商店")),
    ("lecture", ("讲座", "会场", "专家", "教授", "养老", "服务中心", "保健", "会议室")),
    ("street", ("公园", "街", "路上", "路边", "门口", "小区", "广场", "校门", "车站", "传单", "菜市场")),
    ("home", ("家里", "家中", "客厅", "妈妈", "爸爸", "儿子", "女儿", "孙子", "奶奶", "爷爷", "上门")),
)


def place_of(node) -> str:
    """Which backdrop fits: the contact's note first, then narration, name, and speech."""
    contact = node.contact
    texts = [contact.note if contact else "", node.app, node.image or ""]
    texts += [line.text for line in node.lines if line.speaker is Speaker.SYSTEM]
    texts += [contact.name if contact else ""]
    texts += [line.text for line in node.lines if line.speaker is not Speaker.SYSTEM]
    for text in texts:
        for place, words in PLACE_WORDS:
            if text and any(w in text for w in words):
                return place
    return "home"


FEMALE_WORDS = ("妈", "奶奶", "姥姥", "阿姨", "姐", "芳", "女", "婆", "娘", "丽", "美")
ELDER_WORDS = ("奶奶", "爷爷", "姥", "教授", "专家", "大爷", "大妈", "老")


def looks_for(theme, name: str, place: str) -> dict:
    """Hair, clothes and cap for a speaker, from their name and the place."""
    dark, light = paint.darkest(theme), paint.lightest(theme)
    female = any(w in name for w in FEMALE_WORDS)
    elder = any(w in name for w in ELDER_WORDS)
    shirts = (paint.mix(theme.green, dark, 0.25), paint.mix(theme.red, dark, 0.15), paint.mix(theme.yellow, theme.red, 0.4),
              paint.mix(theme.blue, light, 0.1))
    shirt = shirts[sum(map(ord, name)) % len(shirts)] if name else shirts[0]
    cap = None
    if "警" in name or place == "police":
        shirt, cap = paint.mix(theme.blue, dark, 0.45), paint.mix(theme.blue, dark, 0.6)
    elif place == "bank" or "柜员" in name:
        shirt = theme.blue
    hair_colour = paint.mix(light, dark, 0.4) if elder else None
    return {"shirt": shirt, "hair_colour": hair_colour, "hair": "long" if female and not elder else "bun" if female else "short",
            "cap": cap}



def _room(s: pygame.Surface, r: pygame.Rect, wall, dark, shade: float, floor, floor_at: float = 0.64) -> int:
    """A wall shaded ``shade`` of the way to ``dark`` at the bottom, over a floor of colour ``floor``;
    returns the floor's top."""
    floor_y = r.y + int(r.h * floor_at)
    s.blit(paint.vertical_gradient((r.w, floor_y - r.y), wall, paint.mix(wall, dark, shade)), r.topleft)
    pygame.draw.rect(s, floor, (r.x, floor_y, r.w, r.bottom - floor_y))
    return floor_y

def _lecture(s: pygame.Surface, r: pygame.Rect, theme, u: float, ink: Ink, sign: str) -> None:
    dark, light = paint.darkest(theme), paint.lightest(theme)
    wall = paint.mix(theme.background, theme.yellow, 0.18)
    floor_y = _room(s, r, wall, dark, 0.08, paint.mix(theme.board, dark, 0.25), floor_at=0.62)
    # A red banner with the usual promise.
    banner = pygame.Rect(r.x + r.w * 0.08, r.y + r.h * 0.05, r.w * 0.84, r.h * 0.075)
    pygame.draw.rect(s, theme.warning, banner)
    ink.text(s, sign, banner.inflate(-u * 4, -u * 1), int(u * 4.6), theme.warning_text,
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
    ink.text(s, sign, board.inflate(-u * 4, -u), int(u * 4.6), theme.blue_text, bold=True,
                      align="center", valign="middle", max_lines=1, min_px=int(u * 2.6))
    counter_y = r.y + int(r.h * 0.6)
    pygame.draw.rect(s, paint.mix(theme.board, dark, 0.3), (r.x, counter_y, r.w, r.bottom - counter_y))
    glass = pygame.Rect(r.x + r.w * 0.05, r.y + r.h * 0.16, r.w * 0.9, counter_y - r.y - r.h * 0.16)
    pane = pygame.Surface(glass.size, pygame.SRCALPHA)
    pane.fill((*light, 60))
    s.blit(pane, glass.topleft)
    pygame.draw.rect(s, paint.mix(wall, dark, 0.3), glass, max(1, int(u * 0.6)))


def _home(s: pygame.Surface, r: pygame.Rect, theme, u: float, ink: Ink, sign: str) -> None:
    dark, light = paint.darkest(theme), paint.lightest(theme)
    wall = paint.mix(theme.background, theme.green, 0.12)
    floor_y = _room(s, r, wall, dark, 0.06, paint.mix(theme.board, theme.red, 0.2))
    window = pygame.Rect(r.x + r.w * 0.58, r.y + r.h * 0.1, r.w * 0.34, r.h * 0.2)
    pygame.draw.rect(s, paint.mix(theme.blue, light, 0.55), window)
    pygame.draw.rect(s, light, window, max(2, int(u * 1.2)))
    pygame.draw.line(s, light, window.midtop, window.midbottom, max(2, int(u * 0.8)))
    curtain = paint.mix(theme.red, theme.yellow, 0.4)
    pygame.draw.rect(s, curtain, (window.x - u * 4, window.y - u * 2, u * 5, window.h + u * 6), border_radius=int(u))
    pygame.draw.rect(s, curtain, (window.right - u, window.y - u * 2, u * 5, window.h + u * 6), border_radius=int(u))
    # Sofa behind the speaker, a lamp at the left, a family photo on the wall.
    sofa = pygame.Rect(r.x + r.w * 0.1, floor_y - r.h * 0.12, r.w * 0.8, r.h * 0.14)
    pygame.draw.rect(s, paint.mix(theme.blue, dark, 0.2), sofa, border_radius=int(u * 3))
    pygame.draw.rect(s, paint.mix(theme.blue, dark, 0.35), sofa.inflate(0, -sofa.h * 0.5).move(0, sofa.h * 0.25),
                     border_radius=int(u * 2))
    photo = pygame.Rect(r.x + r.w * 0.12, r.y + r.h * 0.12, r.w * 0.2, r.h * 0.12)
    pygame.draw.rect(s, paint.mix(theme.yellow, light, 0.5), photo)
    pygame.draw.rect(s, paint.mix(theme.red, dark, 0.4), photo, max(2, int(u)))
    for i in range(3):
        paint.circle(s, paint.mix(theme.red, light, 0.3), (photo.x + photo.w * (0.25 + 0.25 * i), photo.centery), u * 2.2)


def _police(s: pygame.Surface, r: pygame.Rect, theme, u: float, ink: Ink, sign: str) -> None:
    dark, light = paint.darkest(theme), paint.lightest(theme)
    wall = paint.mix(theme.blue, light, 0.85)
    floor_y = _room(s, r, wall, dark, 0.06, paint.mix(theme.neutral, light, 0.55))
    board = pygame.Rect(r.x + r.w * 0.12, r.y + r.h * 0.05, r.w * 0.76, r.h * 0.075)
    pygame.draw.rect(s, theme.blue, board, border_radius=int(u * 1.5))
    if sign:
        ink.text(s, sign, board.inflate(-u * 4, -u), int(u * 4.6), theme.blue_text, bold=True, align="center",
                 valign="middle",
                 max_lines=1, min_px=int(u * 2.6))
    # A poster: 不听 不信 不转账.
    poster = pygame.Rect(r.x + r.w * 0.64, r.y + r.h * 0.2, r.w * 0.28, r.h * 0.2)
    pygame.draw.rect(s, light, poster)
    pygame.draw.rect(s, theme.red, (poster.x, poster.y, poster.w, poster.h * 0.3))
    for i in range(3):
        pygame.draw.rect(s, paint.mix(theme.blue, light, 0.3),
                         (poster.x + u * 2, poster.y + poster.h * (0.42 + i * 0.18), poster.w - u * 4, u * 1.6))
    desk = pygame.Rect(r.x + r.w * 0.45, floor_y - r.h * 0.08, r.w * 0.55, r.h * 0.1)
    pygame.draw.rect(s, paint.mix(theme.board, dark, 0.35), desk, border_radius=int(u))


def _cafe(s: pygame.Surface, r: pygame.Rect, theme, u: float, ink: Ink, sign: str) -> None:
    dark, light = paint.darkest(theme), paint.lightest(theme)
    wall = paint.mix(theme.yellow, light, 0.7)
    floor_y = _room(s, r, wall, dark, 0.08, paint.mix(theme.board, dark, 0.3))
    menu = pygame.Rect(r.x + r.w * 0.1, r.y + r.h * 0.06, r.w * 0.8, r.h * 0.14)
    pygame.draw.rect(s, paint.mix(theme.phone_body, theme.green, 0.2), menu, border_radius=int(u * 1.5))
    for i in range(3):
        pygame.draw.rect(s, paint.mix(light, theme.yellow, 0.3),
                         (menu.x + u * 4, menu.y + menu.h * (0.2 + i * 0.25), menu.w * (0.5 - i * 0.08), u * 1.5))
    for i in range(4):
        cup = pygame.Rect(menu.right - u * (8 + i * 7), menu.bottom - u * 7, u * 5, u * 6)
        pygame.draw.rect(s, paint.mix(theme.red, light, 0.2 + i * 0.15), cup, border_radius=int(u))
    counter = pygame.Rect(r.x, floor_y - r.h * 0.1, r.w, r.h * 0.12)
    pygame.draw.rect(s, paint.mix(theme.red, dark, 0.45), counter)
    pygame.draw.rect(s, paint.mix(theme.red, light, 0.3), (counter.x, counter.y, counter.w, u * 2))


BACKDROPS = {"home": _home, "police": _police, "bank": _bank, "cafe": _cafe, "lecture": _lecture,
             "street": _street}
PLACE_LABELS = {"home": N_("家里"), "police": N_("派出所"), "bank": N_("银行"), "cafe": N_("店里"),
                "lecture": N_("活动室"), "street": N_("街头")}
SIGNS = {"home": "", "police": N_("派出所"), "bank": N_("营业厅"), "cafe": "", "lecture": N_("欢迎参加 · 免费讲座"),
         "street": ""}


def draw_in_person(surface: pygame.Surface, rect: pygame.Rect, node, state, app) -> PhoneHits:
    theme = app.theme
    dark, light = paint.darkest(theme), paint.lightest(theme)
    card = phone_rect(rect, 0.56)
    u = card.w / 100
    radius = int(u * 6)
    ink = app.ink
    tr = app.tr
    paint.shadow(surface, card, radius, dark, max(2, int(u * 3)))
    place = place_of(node)
    sign = tr(node.app) if node.app else tr(SIGNS[place]) if SIGNS[place] else ""

    def backdrop() -> pygame.Surface:
        art = pygame.Surface(card.size)
        BACKDROPS[place](art, art.get_rect(), theme, u, ink, sign)
        rounded = pygame.Surface(card.size, pygame.SRCALPHA)
        paint.blit_rounded(rounded, art, rounded.get_rect(), radius)
        return rounded
    surface.blit(paint.cached(("backdrop", place, card.size, radius, theme, sign), backdrop), card.topleft)
    # The speaker stands in the middle of the picture.
    look = looks_for(theme, node.contact.name if node.contact else "", place)
    pal = Palette.from_theme(theme, shirt=look["shirt"], hair=look["hair_colour"])
    t = 0.0 if state.reduced_motion else state.t
    talking = state.speaking and not state.reduced_motion
    person = pygame.Rect(0, 0, int(card.w * 0.36), int(card.h * 0.5))
    person.midbottom = (int(card.w * 0.4), int(card.h * 0.76))
    gesture = 0.5 + 0.5 * abs(voice_level(t * 0.3)) if talking else 0.6
    stage = surface.subsurface(card.clip(surface.get_rect()))
    person.move_ip(card.x - stage.get_abs_offset()[0] + surface.get_abs_offset()[0],
                   card.y - stage.get_abs_offset()[1] + surface.get_abs_offset()[1])
    draw_standing(stage, person, pal, mouth=voice_level(t) if talking else 0.0, eyes=blink(t) if talking else 1.0,
                  gesture=gesture, hair=look["hair"], cap=look["cap"])
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
