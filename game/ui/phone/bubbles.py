"""Message threads: bubbles left/right, system notices, suspicious links, money cards.

A thread is drawn bottom-up like a real messenger: the newest message sits just
above the input bar, older ones scroll off the top (only whole bubbles are drawn).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import pygame

from . import paint
from .frame import Screen
from .labels import SPEAKER_ME
from .numbers import locale_of, money


@dataclass(frozen=True)
class Card:
    kind: str            # "red_packet" or "transfer"
    amount: int
    note: str            # e.g. "恭喜发财，大吉大利" or "转账给你"


@dataclass(frozen=True)
class Item:
    speaker: str         # "them" / "me" / "system"
    text: str
    link: str = ""
    card: Card | None = None


def avatar_colour(theme, name: str):
    """A stable colour for a contact, picked among the theme's player colours."""
    options = (theme.blue, theme.green, theme.red, theme.yellow)
    return options[zlib.crc32(name.encode("utf-8")) % len(options)]


def initial(name: str) -> str:
    name = (name or "?").strip()
    for ch in name:
        if ch.isalpha():
            return ch.upper()
    return name[:1] or "?"


def is_unknown(name: str) -> bool:
    return not name or "未知" in name or not any(ch.isalpha() for ch in name)


def draw_avatar(scr: Screen, centre, radius: float, name: str) -> None:
    """A round avatar with the contact's initial (a plain silhouette for unknown callers)."""
    if is_unknown(name):
        face = paint.mix(scr.theme.neutral, scr.light, 0.35)
        paint.circle(scr.surface, face, centre, radius)
        cx, cy = centre
        fg = paint.mix(face, scr.light, 0.75)
        paint.circle(scr.surface, fg, (cx, cy - radius * 0.22), radius * 0.34)
        body = pygame.Rect(0, 0, radius * 1.2, radius * 0.8)
        body.midtop = (cx, cy + radius * 0.2)
        pygame.draw.ellipse(scr.surface, fg, body)
        return
    colour = avatar_colour(scr.theme, name)
    paint.circle(scr.surface, colour, centre, radius)
    box = pygame.Rect(0, 0, radius * 1.6, radius * 1.6)
    box.center = centre
    scr.ink.text(scr.surface, initial(name), box, int(radius * 1.05), scr.theme.text_on(colour), bold=True,
                 align="center", valign="middle", max_lines=1)


class Thread:
    """Lays out and draws a list of ``Item`` inside ``area``."""

    def __init__(self, scr: Screen, area: pygame.Rect, *, them_name: str = "", avatars: bool = False,
                 bg=None):
        self.scr = scr
        self.area = area
        self.them_name = them_name
        self.avatars = avatars
        u = scr.u
        self.u = u
        self.px = scr.px(5.4)
        self.pad = int(u * 3)
        self.avatar_r = int(u * 4.6) if avatars else 0
        self.max_w = int(area.w * (0.70 if avatars else 0.76))
        self.bg = bg or scr.theme.phone_screen

    # -------------------------------------------------------------- measuring
    def _text_w(self) -> int:
        return self.max_w - self.pad * 2

    def _item_size(self, item: Item) -> tuple[int, int]:
        ink, u = self.scr.ink, self.u
        if item.speaker == "system":
            w, h = ink.measure(item.text, self.scr.px(4.2), int(self.area.w * 0.8))
            return w + int(u * 6), h + int(u * 3)
        if item.card:
            return int(min(self.max_w, u * 62)), int(u * 24)
        w, h = (0, 0)
        if item.text:
            w, h = ink.measure(item.text, self.px, self._text_w())
        if item.link:
            lw, lh = ink.measure(item.link, self.px, self._text_w() - int(u * 6))
            w = max(w, lw + int(u * 6))
            h += lh + (int(u * 1.5) if item.text else 0)
        return w + self.pad * 2, h + self.pad * 2

    # -------------------------------------------------------------- drawing
    def draw(self, items: list[Item], pop_in: float = 1.0) -> None:
        """``pop_in`` (0..1) animates the newest item sliding up."""
        gap = int(self.u * 2.6)
        y = self.area.bottom - gap
        placed: list[tuple[Item, pygame.Rect]] = []
        for i, item in enumerate(reversed(items)):
            w, h = self._item_size(item)
            if i == 0:
                h = min(h, self.area.h - gap * 2)
            if y - h < self.area.y + gap and placed:
                break
            rect = pygame.Rect(0, 0, w, h)
            rect.bottom = y
            if item.speaker == "system":
                rect.centerx = self.area.centerx
            elif item.speaker == "me":
                rect.right = self.area.right - int(self.u * 3) - (self.avatar_r * 2 + int(self.u * 2) if self.avatars else 0)
            else:
                rect.x = self.area.x + int(self.u * 3) + (self.avatar_r * 2 + int(self.u * 2) if self.avatars else 0)
            placed.append((item, rect))
            y = rect.y - gap
        # The newest message slides up from below: it comes out from under the input bar (or the call's
        # buttons), never over them. Nothing of the thread is drawn outside its area.
        surface = self.scr.surface
        old_clip = surface.get_clip()
        surface.set_clip(self.area.clip(old_clip))
        shown = None
        try:
            for n, (item, rect) in enumerate(reversed(placed)):
                newest = n == len(placed) - 1
                if newest and pop_in < 1.0:
                    rect = rect.move(0, int((1 - pop_in) * self.u * 8))
                self._draw_item(item, rect)
                seen = rect.clip(self.area)
                shown = seen if shown is None else shown.union(seen)
        finally:
            surface.set_clip(old_clip)
        if shown is not None:
            self.scr.hits.parts["caption"] = shown

    def _draw_item(self, item: Item, rect: pygame.Rect) -> None:
        scr, theme, u = self.scr, self.scr.theme, self.u
        s = scr.surface
        if item.speaker == "system":
            paint.rrect(s, paint.mix(self.bg, scr.dark, 0.12), rect, rect.h // 2)
            scr.ink.text(s, item.text, rect.inflate(-u * 6, -u * 3), scr.px(4.2),
                         paint.ink_on(paint.mix(self.bg, scr.dark, 0.12), theme.phone_text, scr.light),
                         align="center", valign="middle")
            return
        me = item.speaker == "me"
        if self.avatars:
            ay = rect.y + self.avatar_r
            ax = rect.right + u * 2 + self.avatar_r if me else rect.x - u * 2 - self.avatar_r
            draw_avatar(scr, (ax, ay), self.avatar_r, scr.tr(SPEAKER_ME) if me else self.them_name)
        if item.card:
            self._draw_card(item.card, rect)
            return
        face = theme.bubble_me if me else theme.bubble_them
        fg = theme.bubble_me_text if me else theme.bubble_them_text
        radius = int(u * 3.4)
        if face == self.bg or paint.luminance(face) > 0.9 and paint.luminance(self.bg) > 0.9:
            # White bubbles on a light screen get a faint outline.
            paint.rrect(s, paint.mix(face, scr.dark, 0.12), rect.inflate(2, 2), radius)
        paint.rrect(s, face, rect, radius)
        tail_y = rect.y + int(u * 4.5)
        if me:
            pts = [(rect.right - 1, tail_y - u * 1.6), (rect.right + u * 1.8, tail_y), (rect.right - 1, tail_y + u * 1.6)]
        else:
            pts = [(rect.x + 1, tail_y - u * 1.6), (rect.x - u * 1.8, tail_y), (rect.x + 1, tail_y + u * 1.6)]
        pygame.draw.polygon(s, face, pts)
        inner = rect.inflate(-self.pad * 2, -self.pad * 2)
        if item.text:
            text_h = scr.ink.measure(item.text, self.px, self._text_w())[1]
            if item.link:
                text_h = min(text_h, inner.h - scr.ink.font(self.px).get_height())
            box = pygame.Rect(inner.x, inner.y, inner.w, min(inner.h, text_h + 1))
            drawn = scr.ink.text(s, item.text, box, self.px, fg)
            inner = pygame.Rect(inner.x, drawn.bottom + int(u * 1.5), inner.w, inner.bottom - drawn.bottom - int(u * 1.5))
        if item.link:
            tri = int(u * 4.4)
            paint.warning_triangle(s, theme.warning, theme.warning_text,
                                   (inner.x + tri // 2, inner.y + tri * 0.62), tri)
            link_box = pygame.Rect(inner.x + int(u * 6), inner.y, inner.w - int(u * 6), inner.h)
            link_colour = theme.link if paint.luminance(face) > 0.5 else paint.mix(theme.blue, scr.light, 0.5)
            drawn = scr.ink.text(s, item.link, link_box, self.px, link_colour, underline=True)
            scr.hits.areas["open_link"] = drawn.union(pygame.Rect(inner.x, drawn.y, 1, drawn.h)).clip(self.area)

    def _draw_card(self, card: Card, rect: pygame.Rect) -> None:
        scr, theme, u = self.scr, self.scr.theme, self.u
        s = scr.surface
        red_packet = card.kind == "red_packet"
        face = theme.red_packet if red_packet else theme.transfer
        paint.rrect(s, face, rect, int(u * 3))
        strip = pygame.Rect(rect.x, rect.bottom - int(u * 7), rect.w, int(u * 7))
        paint.rrect(s, paint.mix(face, scr.light, 0.85), strip, int(u * 3))
        pygame.draw.rect(s, paint.mix(face, scr.light, 0.85), (strip.x, strip.y, strip.w, strip.h // 2))
        icon = pygame.Rect(rect.x + int(u * 3), rect.y + int(u * 3), int(u * 11), int(u * 13))
        if red_packet:
            paint.rrect(s, paint.mix(face, scr.dark, 0.2), icon, int(u * 1.5))
            paint.circle(s, theme.yellow, (icon.centerx, icon.y + icon.h * 0.42), u * 3)
        else:
            paint.circle(s, theme.transfer_text, icon.center, u * 5.2)
            c = face
            w = max(2, int(u * 0.9))
            cx, cy = icon.center
            pygame.draw.line(s, c, (cx - u * 2.6, cy - u * 1.2), (cx + u * 2.6, cy - u * 1.2), w)
            pygame.draw.line(s, c, (cx + u * 2.6, cy - u * 1.2), (cx + u * 1.2, cy - u * 2.6), w)
            pygame.draw.line(s, c, (cx - u * 2.6, cy + u * 1.2), (cx + u * 2.6, cy + u * 1.2), w)
            pygame.draw.line(s, c, (cx - u * 2.6, cy + u * 1.2), (cx - u * 1.2, cy + u * 2.6), w)
        text_x = icon.right + int(u * 3)
        top = pygame.Rect(text_x, rect.y + int(u * 2.5), rect.right - text_x - int(u * 3), int(u * 8))
        fg = theme.red_packet_text if red_packet else theme.transfer_text
        scr.ink.text(s, money(card.amount, locale_of(scr.app)) if card.amount else scr.tr("红包"), top, scr.px(6), fg, bold=True,
                     valign="middle", max_lines=1, min_px=int(u * 3.5))
        sub = pygame.Rect(text_x, top.bottom, top.w, int(u * 6))
        scr.ink.text(s, card.note, sub, scr.px(4.2), fg, valign="top", max_lines=1, min_px=int(u * 3))
        label = scr.tr("红包") if red_packet else scr.tr("转账")
        scr.ink.text(s, label, strip.inflate(-u * 6, 0), scr.px(3.6), paint.mix(face, scr.dark, 0.5),
                     valign="middle", max_lines=1)


def _speaker(line) -> str:
    return line.speaker.value


def items_for(node, state, tr, *, link: bool = True, card: bool = False) -> list[Item]:
    """The conversation so far: earlier nodes' lines, then this node's revealed lines.

    The node's ``link`` is attached to the newest revealed message from "them"
    (removed from its text when the author also wrote it there); with ``card``,
    a red packet / transfer card follows when the node has an amount and its
    lines talk about one.
    """
    out = [Item(_speaker(line), tr(line.text)) for line in state.history]
    lines = list(node.lines[: max(0, state.shown)])
    items = [Item(_speaker(line), tr(line.text)) for line in lines]
    if link and node.link and items:
        for i in range(len(items) - 1, -1, -1):
            if items[i].speaker == "them":
                text = items[i].text.replace(node.link, "").rstrip(" ：:，,")
                items[i] = Item("them", text, link=node.link)
                break
    if card and node.amount and items:
        words = "".join(line.text for line in node.lines) + node.app
        kind = "red_packet" if "红包" in words else "transfer" if "转" in words else ""
        if kind:
            note = tr("恭喜发财，大吉大利") if kind == "red_packet" else tr("请收款")
            last_them = max((i for i, it in enumerate(items) if it.speaker == "them"), default=-1)
            if last_them >= 0:
                items.insert(last_them + 1, Item("them", "", card=Card(kind, node.amount, note)))
    return out + items
