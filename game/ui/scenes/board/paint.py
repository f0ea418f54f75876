"""Drawing the board: one cached picture, and only what changed painted and sent to the screen."""

from __future__ import annotations

import math

import pygame

from ...seats import draw_token
from ...widgets import draw_backdrop
from . import roster


def merge_overlapping(rects) -> list[pygame.Rect]:
    """The same area as disjoint rectangles: overlapping ones become their bounding box."""
    rects = [pygame.Rect(r) for r in rects if r.w > 0 and r.h > 0]
    while True:
        out: list[pygame.Rect] = []
        merged = False
        for r in rects:
            i = r.collidelist(out)
            while i >= 0:
                r = r.union(out.pop(i))
                merged = True
                i = r.collidelist(out)
            out.append(r)
        if not merged:
            return out
        rects = out


class BoardPainting:
    """The board scene's drawing (a mixin of ``BoardScene``)."""

    def _static_frame(self, surface) -> pygame.Surface:
        key = (surface.get_size(), self.look.theme.name, self.look.text_scale_key, self.session.locale)
        if getattr(self, "_frame", None) is None or self._frame[0] != key:
            frame = pygame.Surface(surface.get_size()).convert()
            draw_backdrop(self.look, frame, frame=False, keep=False)
            self.view.draw(frame)
            if not self.demo:
                self.caption_card.draw(frame)
                self.score_card.draw(frame)
            self._frame = (key, frame)
            self.full_paint = True
        return self._frame[1]

    def _token_sprite(self, p: int, number: int, radius: float) -> pygame.Surface:
        t = self.look.theme
        info = self.players[p]
        key = (p, number, round(radius), t.name, self.look.text_scale_key)
        cache = self.__dict__.setdefault("_sprites", {})
        sprite = cache.get(key)
        if sprite is None:
            side = round(radius * 2.6)
            sprite = pygame.Surface((side, side), pygame.SRCALPHA)
            draw_token(self.look, sprite, info.shape, t.player_colour(info.colour), (side / 2, side / 2), radius, number)
            cache[key] = sprite
        return sprite

    def _token_rect(self, xy, radius) -> pygame.Rect:
        r = pygame.Rect(0, 0, round(radius * 3.2), round(radius * 3.2))
        r.center = (round(xy[0]), round(xy[1]))
        return r

    def _state(self):
        """What the panel shows; when it changes, those rectangles are redrawn."""
        return (self.caption.text, self.caption.rect.size, self.shown_player, self.game.is_over,
                tuple(l.text for l in self.score_labels), tuple(l.text for l in self.money_labels),
                tuple((b.visible, b.text, b.pressed, b.focused) for b in self.choice_buttons),
                self.menu_button.pressed, self.menu_button.focused, self.flash_square)

    def draw(self, surface: pygame.Surface) -> None:
        self.look.report_dirty(self.paint(surface))

    def paint(self, surface: pygame.Surface, under: bool = False, extra=()) -> list | None:
        """Draw what changed since the last frame; returns the rectangles drawn (None: everything).

        ``under``: another scene draws this board beneath itself every frame (the kiosk's
        attract loop) and repaints its own layer over the returned rectangles; ``extra`` are
        areas that scene wants restored as well, or a function of the changed areas giving them.
        """
        static = self._static_frame(surface)
        positions = self.token_positions()
        token_rects = {k: self._token_rect(xy, self._token_radius(k)) for k, xy in positions.items()}
        state = self._state()
        full = (self.full_paint or (self.nav.top is not self and not under)
                or getattr(self, "_last_state", None) is None)
        if full:
            surface.blit(static, (0, 0))
            dirty = None
        else:
            dirty = [r for k, r in token_rects.items() if self._last_tokens.get(k) != r]
            dirty += [self._last_tokens[k] for k, r in token_rects.items() if self._last_tokens.get(k) != r]
            if self.choosing or self._last_choosing:
                dirty += list(token_rects.values())
            if self.dice.is_rolling or self.dice.enabled or self._last_dice:
                dirty.append(self.dice.rect.inflate(self.dice.rect.w * 0.5, self.dice.rect.h * 0.5))
            if state != self._last_state:
                dirty += [self.caption_card.rect.inflate(4, 4), self.score_card.rect.inflate(4, 4),
                          self.turn_label.rect, self.menu_button.rect.inflate(self.look.unit * 2, self.look.unit * 2)]
            if self.flash_square is not None or state[-1] != self._last_state[-1]:
                sq = self._last_flash if self.flash_square is None else self.flash_square
                if sq is not None:
                    dirty.append(self.view.squares[sq].inflate(self.look.unit * 4, self.look.unit * 4))
            screen = surface.get_rect()
            # Disjoint rectangles (a scene above may blend a translucent layer over each once),
            # each covering every token it touches, since a token is always drawn whole.
            while True:
                more = extra(dirty) if callable(extra) else extra
                dirty = merge_overlapping([r.clip(screen) for r in (*dirty, *more)])
                touched = [r for r in token_rects.values()
                           if r.collidelist(dirty) >= 0 and not any(d.contains(r.clip(screen)) for d in dirty)]
                if not touched:
                    break
                dirty += touched
            for r in dirty:
                surface.blit(static, r, area=r)
        self._draw_dynamic(surface, positions, token_rects, dirty)
        self._last_tokens = token_rects
        self._last_state = state
        self._last_choosing = bool(self.choosing)
        self._last_dice = self.dice.is_rolling or self.dice.enabled
        self._last_flash = self.flash_square
        self.full_paint = False
        return dirty

    def _draw_dynamic(self, surface, positions, token_rects, dirty) -> None:
        t = self.look.theme
        u = self.look.unit
        if self.flash_square is not None:
            r = self.view.squares[self.flash_square]
            grow = round(u * (0.5 + 0.8 * math.sin(self.pulse / 1.2 * math.pi)))
            pygame.draw.rect(surface, t.accent, r.inflate(grow * 2, grow * 2), max(3, round(0.6 * u)),
                             border_radius=round(r.w * 0.2))
        self._draw_tokens(surface, positions, token_rects, dirty)
        if self.demo:
            return
        self._draw_turn(surface)
        for w in (self.menu_button, self.dice, self.caption, *self.choice_buttons,
                  *self.score_labels, *self.money_labels):
            if w.visible:
                w.draw(surface)
        for i, r in enumerate(getattr(self, "score_rows", [])):
            p = self.players[i]
            sprite = self._token_sprite(i, p.number, r.h * roster.TOKEN_RADIUS)
            surface.blit(sprite, sprite.get_rect(center=roster.token_centre(r)))
            if i == self.shown_player and not self.game.is_over:
                frame, width = self.row_frame(r)
                pygame.draw.rect(surface, t.accent, frame, width, border_radius=round(u))

    def row_frame(self, row: pygame.Rect) -> tuple[pygame.Rect, int]:
        """The frame round the current player's row in the list, and its line width."""
        u = self.look.unit
        return row.inflate(round(u), round(u * 0.4)), max(2, round(0.35 * u))

    def _draw_turn(self, surface) -> None:
        g = self.game
        shown = self.shown_player
        p = self.players[shown]
        label = self.turn_label
        radius = self.turn_radius    # the token stands left of the words' rectangle
        sprite = self._token_sprite(shown, p.number, radius)
        surface.blit(sprite, sprite.get_rect(center=(round(self.panel.x + radius + 2), label.rect.centery)))
        text = self.session.tr("{name}的回合").format(name=self._name(shown)) if not g.is_over else self.session.tr("游戏结束")
        label.set_text(text)
        label.max_lines = 1        # "红方的回合" on one line, smaller; two only where one cannot be read
        if not label.text_fits():
            label.max_lines = 2
        label.draw(surface)

    def _token_radius(self, key) -> float:
        """A token's drawn radius: smaller where it stands beside a square's words (not while it moves)."""
        if key in self.tweens:
            return self.view.token_radius
        return self.view.token_radius * self.view.token_scale(self.players[key[0]].seat, self.drawn[key])

    def _draw_tokens(self, surface, positions, token_rects, dirty) -> None:
        t = self.look.theme
        movable = {(m.player, tok) for m in self.choosing for tok in m.tokens}
        order = sorted(positions, key=lambda k: (k in self.tweens, positions[k][1]))
        for key in order:
            rect = token_rects[key]
            if dirty is not None and rect.collidelist(dirty) < 0:
                continue
            x, y = positions[key]
            radius = self._token_radius(key)
            if key in movable:
                ring = radius * (1.35 + 0.2 * math.sin(self.pulse / 1.2 * 2 * math.pi))
                pygame.draw.circle(surface, t.accent, (round(x), round(y)), round(ring), max(3, round(radius * 0.18)))
            number = key[1] + 1 if len(self.game.positions(key[0])) > 1 else self.players[key[0]].number
            sprite = self._token_sprite(key[0], number, radius)
            surface.blit(sprite, sprite.get_rect(center=(round(x), round(y))))
