"""Drawing a board: where every square, home column and hangar sits, and the static picture.

Two layouts (``Board.layout``):

* ``ring`` — the classic loop round the edge of a square. Track squares are
  cells of a k×k frame (deeper than wide, so keywords get big type), hangars
  sit in the inner corners, home columns run from each seat's entry square to
  the centre, where the four last squares meet.
* ``path`` — a snake of big squares for simple boards: start, then rows that
  turn at the ends, then the finish.

Positions are recomputed by ``layout(rect)`` (resize); the static picture is
cached as one surface and re-rendered only when size, theme, language or text
size change. Tokens are drawn per frame by the board scene.
"""

from __future__ import annotations

import math

import pygame

from game.content.models import Board, Layout, TileType

from .phone.labels import N_
from .text import LINE_SPACING, splits_word
from .widgets import TEXT_SCALE, darker, draw_shape, mix, render_fitted

RING_DEPTH = 2.0   # ring squares are this many times deeper than wide: room for two lines of a keyword
# A keyword's box inside its square, as shares of the square's short side taken off: along its lines
# the coloured border (0.11 a side); across them a little less, since a line's own box has room above
# and below its letters.
WORD_INSET_ALONG, WORD_INSET_ACROSS = 0.22, 0.16
WORD_TOKEN_SCALE = 0.8   # a plane on a square with words: this much smaller, beside the words


class BoardView:
    def __init__(self, look, board: Board, library):
        self.look = look
        self.board = board
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.squares: list[pygame.Rect] = []            # per track index
        self.home: dict[int, list[pygame.Rect]] = {}     # seat → home column squares
        self.hangars: dict[int, pygame.Rect] = {}        # seat → hangar box
        self.inward: list[tuple[float, float]] = []      # per track index: direction to the board's inside
        self.cell = 1.0
        self.overflow: list[str] = []   # keywords that did not fit their square (tests read this)
        self.split: list[str] = []      # Latin keywords that had to break inside a word
        self.tiles = [library.tiles.get(sq.tile) if sq.tile else None for sq in board.squares]
        # Squares that show words (a keyword, 起点, 终点): a plane there stands aside, at the inner edge.
        self.worded = {i for i, tile in enumerate(self.tiles) if tile is not None}
        if board.layout is Layout.PATH:
            self.worded |= {seat.start for seat in board.seats} | {board.length - 1}
        self.word_rects: dict[int, pygame.Rect] = {}     # square → where its words are drawn (tests read this)
        self.word_px: dict[int, int] = {}                # square → the size its keyword is drawn at (tests)

    # ------------------------------------------------------------ geometry
    def layout(self, rect: pygame.Rect) -> None:
        self.area = pygame.Rect(rect)
        if self.board.layout is Layout.RING and self.board.length % 4 == 0 and self.board.length >= 8:
            self._layout_ring(rect)
        else:
            self._layout_path(rect)

    def _layout_ring(self, rect: pygame.Rect) -> None:
        n = self.board.length
        k = n // 4 + 1                               # cells per side, corners included
        side = min(rect.w, rect.h)
        c = side / (2 * RING_DEPTH + k - 2)
        d = RING_DEPTH * c
        side = round(2 * d + (k - 2) * c)
        self.rect = pygame.Rect(0, 0, side, side)
        self.rect.center = rect.center
        x0, y0 = self.rect.topleft
        self.cell = c
        L = side

        def span(j):  # along a side: corner, k-2 cells, corner
            if j == 0:
                return 0.0, d
            if j == k - 1:
                return L - d, d
            return d + (j - 1) * c, c

        cells = []   # clockwise from the top-left corner
        for j in range(k):
            cells.append(((j, 0), "top"))
        for j in range(1, k):
            cells.append(((k - 1, j), "right"))
        for j in range(k - 2, -1, -1):
            cells.append(((j, k - 1), "bottom"))
        for j in range(k - 2, 0, -1):
            cells.append(((0, j), "left"))
        rects, inward = [], []
        for (cx, cy), edge in cells:
            ax, aw = span(cx)
            ay, ah = span(cy)
            rects.append(pygame.Rect(round(x0 + ax), round(y0 + ay), round(aw), round(ah)))
            centre = (L / 2 - (ax + aw / 2), L / 2 - (ay + ah / 2))
            norm = math.hypot(*centre) or 1
            if edge in ("top", "bottom"):
                inward.append((0.0, 1.0 if edge == "top" else -1.0) if 0 < cx < k - 1 else (centre[0] / norm, centre[1] / norm))
            else:
                inward.append((1.0 if edge == "left" else -1.0, 0.0) if 0 < cy < k - 1 else (centre[0] / norm, centre[1] / norm))
        # Rotate so seat 0's home entry sits on the bottom edge just left of the middle:
        # the four home columns then meet as a pinwheel round the centre.
        bottom_mid = (k - 1) + (k - 1) + (k - 1 - (k // 2 - 1))
        entry0 = self.board.seats[0].home_entry if self.board.seats else 0
        shift = bottom_mid - entry0
        self.squares = [rects[(i + shift) % n] for i in range(n)]
        self.inward = [inward[(i + shift) % n] for i in range(n)]

        inner_half = (k - 2) * c / 2
        hl = self.board.home_length
        hs = min(c, inner_half / hl) if hl else c
        self.home = {}
        for s, seat in enumerate(self.board.seats):
            sq = self.squares[seat.home_entry]
            dx, dy = self.inward[seat.home_entry]
            col = []
            for h in range(hl):
                # centre of the h-th home square, stepping inward from the entry square's inner edge
                if dy:
                    cx = sq.centerx
                    edge = sq.top if dy < 0 else sq.bottom
                    cy = edge + dy * (hs * (h + 0.5))
                else:
                    cy = sq.centery
                    edge = sq.left if dx < 0 else sq.right
                    cx = edge + dx * (hs * (h + 0.5))
                r = pygame.Rect(0, 0, round(hs if dx else c), round(hs if dy else c))
                r.center = (round(cx), round(cy))
                col.append(r)
            self.home[s] = col

        inner = pygame.Rect(round(x0 + d), round(y0 + d), round(L - 2 * d), round(L - 2 * d))
        self.inner = inner
        pad = round(c * 0.3)
        box = round(min(inner.w * 0.36, inner.w / 2 - c * 1.1 - pad))
        corners = {
            "tl": pygame.Rect(inner.x + pad, inner.y + pad, box, box),
            "tr": pygame.Rect(inner.right - pad - box, inner.y + pad, box, box),
            "bl": pygame.Rect(inner.x + pad, inner.bottom - pad - box, box, box),
            "br": pygame.Rect(inner.right - pad - box, inner.bottom - pad - box, box, box),
        }
        self.hangars = {}
        free = dict(corners)
        for s, seat in enumerate(self.board.seats):
            start = self.squares[seat.start].center
            name = min(free, key=lambda n_: math.dist(free[n_].center, start))
            self.hangars[s] = free.pop(name)
            if not free:
                free = dict(corners)

    def _layout_path(self, rect: pygame.Rect) -> None:
        n = self.board.length
        best = None
        for cols in range(2, n + 1):
            rows = -(-n // cols)
            size = min(rect.w / (cols * 1.06), rect.h / (rows * 1.32 - 0.32 + 0.1))
            if best is None or size > best[0]:
                best = (size, cols, rows)
        size, cols, rows = best
        gap = size * 0.06
        row_h = size * 1.32
        total_w = cols * size + (cols - 1) * gap
        total_h = rows * size + (rows - 1) * (row_h - size)
        x0 = rect.centerx - total_w / 2
        y0 = rect.centery - total_h / 2
        self.cell = size
        self.rect = pygame.Rect(round(x0), round(y0), round(total_w), round(total_h))
        self.inner = self.rect
        self.squares, self.inward = [], []
        for i in range(n):
            r, c = divmod(i, cols)
            if r % 2:
                c = cols - 1 - c
            self.squares.append(pygame.Rect(round(x0 + c * (size + gap)), round(y0 + r * row_h), round(size), round(size)))
            self.inward.append((0.0, -1.0) if r else (0.0, 1.0))   # a row's gap above; the first row's below
        self.home = {}
        for s, seat in enumerate(self.board.seats):
            end = self.squares[seat.home_entry]
            hs = size * 0.5
            self.home[s] = [pygame.Rect(round(end.x + (s % 2) * hs), round(end.y + (s // 2) * hs), round(hs), round(hs))
                            for _ in range(self.board.home_length)]
        # Hangars (only used when the rules need a launch roll): beside the start square.
        self.hangars = {}
        for s, seat in enumerate(self.board.seats):
            start = self.squares[seat.start]
            self.hangars[s] = start.copy()

    # ------------------------------------------------------------ where tokens go
    @property
    def token_radius(self) -> float:
        if self.board.layout is Layout.RING:
            return self.cell * 0.36
        return self.cell * 0.2

    def spot_rect(self, seat: int, spot) -> pygame.Rect:
        area, index = spot
        if area == "track":
            return self.squares[index]
        if area == "home":
            col = self.home.get(seat) or [self.squares[self.board.seats[seat].home_entry]]
            return col[min(index, len(col) - 1)]
        return self.hangars.get(seat, self.rect)

    def words_at(self, seat: int, spot) -> int | None:
        """The square whose words a token on ``spot`` would stand on; None where there are none."""
        area, index = spot
        if area == "hangar" and self.board.layout is Layout.PATH:
            index = self.board.seats[seat].start     # a path board parks its planes on the start square
        elif area != "track":
            return None
        return index if index in self.worded else None

    def token_scale(self, seat: int, spot) -> float:
        """How big a token on ``spot`` is drawn, relative to ``token_radius``."""
        return WORD_TOKEN_SCALE if self.words_at(seat, spot) is not None else 1.0

    def slot_xy(self, seat: int, spot, slot: int, count: int) -> tuple[float, float]:
        """Centre of token ``slot`` of ``count`` sharing a spot (hangars: fixed parking bays).
        On a square with words the tokens line up, smaller, astride its inner edge, clear of the words."""
        worded = self.words_at(seat, spot)
        if worded is not None:
            return self._edge_slot(worded, slot, count)
        r = self.spot_rect(seat, spot)
        if spot[0] == "hangar" and self.board.layout is Layout.RING:
            cx, cy = r.center
            q = r.w * 0.22
            bays = ((-q, -q), (q, -q), (-q, q), (q, q))
            bx, by = bays[slot % 4]
            return cx + bx, cy + by
        cx, cy = r.center
        if count <= 1:
            return cx, cy
        q = min(r.w, r.h) * 0.24
        if count == 2:
            offs = ((-q, 0), (q, 0))
        else:
            offs = ((-q, -q), (q, -q), (-q, q), (q, q))
        ox, oy = offs[slot % len(offs)]
        return cx + ox, cy + oy

    def _edge_slot(self, i: int, slot: int, count: int) -> tuple[float, float]:
        r = self.squares[i]
        dx, dy = self.inward[i]
        rad = self.token_radius * WORD_TOKEN_SCALE
        # the middle of the inner edge (a corner square: its inner corner), then a little further in
        ex = r.centerx + (r.w / 2 if dx > 0 else -r.w / 2 if dx < 0 else 0)
        ey = r.centery + (r.h / 2 if dy > 0 else -r.h / 2 if dy < 0 else 0)
        n = min(max(count, 1), 4)
        corner = dx != 0 and dy != 0
        # along the edge: all of them on a path (its rows have no room between them), two on a ring's
        # side (the rest in a second line further in); a ring's corner sends them in along its diagonal
        per_line = 1 if corner else n if self.board.layout is Layout.PATH else min(n, 2)
        line, k = divmod(slot % n, per_line)
        out = rad * (1.1 if corner else 0.9) + line * rad * 2.05
        along = (k - (per_line - 1) / 2) * rad * 2.05
        if self.board.layout is Layout.PATH and dy:
            # a line wider than its square (four planes parked at 起点) stays on the board
            half = (per_line - 1) / 2 * rad * 2.05 + rad
            if self.rect.left + half <= self.rect.right - half:
                ex = min(max(ex, self.rect.left + half), self.rect.right - half)
        return ex + dx * out - dy * along, ey + dy * out + dx * along

    def square_at(self, pos) -> int | None:
        for i, r in enumerate(self.squares):
            if r.collidepoint(pos):
                return i
        return None

    # ------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        """Draw the board (squares, keywords, hangars). Not kept: the board scene keeps the picture it
        composes from this, and a second full-size copy here would only cost memory."""
        surface.blit(self._render_static(), self.area.topleft)

    def _render_static(self) -> pygame.Surface:
        self.overflow = []   # keywords that did not fit their square (tests read this)
        self.split = []      # Latin keywords that had to break inside a word
        self.word_rects = {}
        self.word_px = {}
        surf = pygame.Surface(self.area.size, pygame.SRCALPHA)
        off = (-self.area.x, -self.area.y)
        t = self.look.theme
        u = self.look.unit
        board_rect = self.rect.inflate(round(2.4 * u), round(2.4 * u)).move(off)
        pygame.draw.rect(surf, darker(t.board, 0.85), board_rect.move(0, round(0.6 * u)), border_radius=round(2 * u))
        pygame.draw.rect(surf, t.board, board_rect, border_radius=round(2 * u))
        if t.name == "high_contrast":
            pygame.draw.rect(surf, t.text, board_rect, max(2, round(0.3 * u)), border_radius=round(2 * u))
        if self.board.layout is Layout.PATH:
            self._draw_road(surf, off)
        else:
            self._draw_centre(surf, off)
            for s in self.hangars:
                self._draw_hangar(surf, s, self.hangars[s].move(off))
            for s, col in self.home.items():
                self._draw_home(surf, s, [r.move(off) for r in col])
        self._draw_fly_arrows(surf, off)
        for i, r in enumerate(self.squares):
            self._draw_square(surf, i, r.move(off))
        return surf.convert_alpha()

    def text_fits(self) -> bool:
        self._render_static()
        return not self.overflow

    def _colour(self, name: str | None):
        t = self.look.theme
        return t.player_colour(name) if name else t.square

    def _draw_road(self, surf, off) -> None:
        t = self.look.theme
        pts = [(r.centerx + off[0], r.centery + off[1]) for r in self.squares]
        if len(pts) > 1:
            pygame.draw.lines(surf, darker(t.board, 0.8), False, pts, max(4, round(self.cell * 0.3)))

    def _draw_centre(self, surf, off) -> None:
        t = self.look.theme
        finals = [col[-1].move(off) for col in self.home.values() if col]
        if not finals:
            return
        area = finals[0].unionall(finals[1:]).inflate(round(self.cell * 0.5), round(self.cell * 0.5))
        pygame.draw.rect(surf, t.panel, area, border_radius=round(self.cell * 0.4))
        pygame.draw.rect(surf, darker(t.board, 0.7), area, max(2, round(self.cell * 0.06)),
                         border_radius=round(self.cell * 0.4))

    def _draw_hangar(self, surf, seat: int, r: pygame.Rect) -> None:
        t = self.look.theme
        colour = self._colour(self.board.seats[seat].colour)
        face = mix(colour, t.board, 0.72) if t.name != "high_contrast" else t.board
        rad = round(r.w * 0.14)
        pygame.draw.rect(surf, face, r, border_radius=rad)
        pygame.draw.rect(surf, colour, r, max(3, round(r.w * 0.04)), border_radius=rad)
        q = r.w * 0.22
        for bx, by in ((-q, -q), (q, -q), (-q, q), (q, q)):
            pygame.draw.circle(surf, mix(colour, t.board, 0.45) if t.name != "high_contrast" else colour,
                               (round(r.centerx + bx), round(r.centery + by)), round(self.token_radius * 1.1),
                               max(2, round(r.w * 0.02)))
        draw_shape(surf, self.board.seats[seat].shape, colour, r.center, r.w * 0.07)

    def _draw_home(self, surf, seat: int, col: list[pygame.Rect]) -> None:
        t = self.look.theme
        colour = self._colour(self.board.seats[seat].colour)
        for h, r in enumerate(col):
            rr = r.inflate(-max(2, round(r.w * 0.1)), -max(2, round(r.h * 0.1)))
            face = mix(colour, (255, 255, 255), 0.35 if h < len(col) - 1 else 0.0)
            if t.name == "high_contrast":
                face = t.square
            pygame.draw.rect(surf, face, rr, border_radius=round(rr.w * 0.2))
            pygame.draw.rect(surf, colour, rr, max(2, round(rr.w * 0.08)), border_radius=round(rr.w * 0.2))
        if col:
            last = col[-1]
            draw_shape(surf, self.board.seats[seat].shape, (255, 255, 255) if t.name != "high_contrast" else colour,
                       last.center, min(last.w, last.h) * 0.22)

    def _draw_fly_arrows(self, surf, off) -> None:
        t = self.look.theme
        for i, sq in enumerate(self.board.squares):
            if sq.fly_to is None or not (0 <= sq.fly_to < len(self.squares)):
                continue
            colour = self._colour(sq.colour)
            a = pygame.Vector2(self.squares[i].center) + off
            b = pygame.Vector2(self.squares[sq.fly_to].center) + off
            direction = b - a
            length = direction.length()
            if length < 1:
                continue
            unit = direction / length
            a2 = a + unit * self.cell * 0.8
            b2 = b - unit * self.cell * 0.85
            w = max(3, round(self.cell * 0.09))
            dash = self.cell * 0.45
            pos = 0.0
            span = (b2 - a2).length()
            while pos < span:
                p1 = a2 + unit * pos
                p2 = a2 + unit * min(span, pos + dash)
                pygame.draw.line(surf, mix(colour, t.board, 0.15), p1, p2, w)
                pos += dash * 1.7
            normal = pygame.Vector2(-unit.y, unit.x)
            head = self.cell * 0.45
            tip = b2 + unit * head * 0.4
            pygame.draw.polygon(surf, colour, [tip, tip - unit * head + normal * head * 0.55,
                                               tip - unit * head - normal * head * 0.55])

    def _draw_square(self, surf, i: int, r: pygame.Rect) -> None:
        t = self.look.theme
        sq = self.board.squares[i]
        tile = self.tiles[i]
        colour = self._colour(sq.colour) if sq.colour else None
        gap = max(2, round(self.cell * 0.07))
        rr = r.inflate(-gap, -gap)
        rad = round(min(rr.w, rr.h) * 0.18)
        hc = t.name == "high_contrast"
        if tile is not None and tile.type is TileType.SAFE:
            face, text_colour = t.tile_safe, t.tile_safe_text
        elif tile is not None:
            face, text_colour = t.tile_scam, t.tile_scam_text
        else:
            face = mix(colour, (255, 255, 255), 0.45) if colour and not hc else t.square
            text_colour = t.square_text
        pygame.draw.rect(surf, darker(face, 0.8), rr.move(0, max(1, round(gap * 0.6))), border_radius=rad)
        pygame.draw.rect(surf, face, rr, border_radius=rad)
        if colour:
            border = max(3, round(min(rr.w, rr.h) * (0.11 if tile else 0.06)))
            pygame.draw.rect(surf, colour, rr, border, border_radius=rad)
        elif hc:
            pygame.draw.rect(surf, t.text, rr, 2, border_radius=rad)
        short = min(rr.w, rr.h)
        inner = rr.inflate(-round(short * WORD_INSET_ALONG), -round(short * WORD_INSET_ACROSS))
        if tile is not None:
            turned = rr.inflate(-round(short * WORD_INSET_ACROSS), -round(short * WORD_INSET_ALONG))
            s, fits, self.word_px[i] = self._keyword_surface(self.look.tr(tile.keyword), inner, turned.size[::-1],
                                                             text_colour)
            if not fits:
                self.overflow.append(tile.keyword)
            self._put_words(surf, i, s, inner)
        elif sq.fly_to is not None:
            self._draw_plane(surf, inner, colour or t.text, sq, i)
        for s_i, seat in enumerate(self.board.seats):
            if seat.start == i and self.board.layout is Layout.PATH:
                self._label(surf, i, N_("起点"), inner, text_colour)
                break
            if seat.start == i:
                mark_r = min(rr.w, rr.h) * 0.16
                draw_shape(surf, seat.shape, self._colour(seat.colour), (rr.left + mark_r * 1.4, rr.top + mark_r * 1.4),
                           mark_r, (255, 255, 255), 2)
                break
        if self.board.layout is Layout.PATH and i == self.board.length - 1:
            self._label(surf, i, N_("终点"), inner, text_colour)

    def _keyword_surface(self, text: str, inner: pygame.Rect, sideways: tuple[int, int],
                         colour) -> tuple[pygame.Surface, bool, int]:
        """A keyword fitted to its square (``inner``; ``sideways``: the box for lines set up the square):
        a Latin keyword in a tall, narrow square is set sideways when that keeps its words whole or makes
        it bigger ("Strange link" up the square, not "Strang / e link"). Returns (words, fits, px)."""
        min_px = max(8, round(self.look.unit * 1.4))

        def max_px(w, h):
            return round(min(w, h * 0.9) * 0.62 * _scale(self.look))

        def px(box) -> int:     # the size the words are drawn at (projector legibility tests read it)
            return self.look.text.fit(text, *box, max_px(*box), min(min_px, max_px(*box)), bold=True,
                                      line_spacing=LINE_SPACING, warn=False).size

        upright = *render_fitted(self.look, text, inner.size, "tile", colour, True,
                                 max_px=max_px(inner.w, inner.h), min_px=min_px), px(inner.size)
        if any("\u3000" <= ch <= "\u9fff" for ch in text):
            return upright
        score = _fit_score(self.look, text, inner.size, max_px(inner.w, inner.h), min_px)
        if inner.h >= inner.w * 1.3:
            turned = _fit_score(self.look, text, sideways, max_px(*sideways), min_px)
            if turned > score:
                if not turned[0]:
                    self.split.append(text)
                s, fits = render_fitted(self.look, text, sideways, "tile", colour, True, max_px=max_px(*sideways),
                                        min_px=min_px)
                return pygame.transform.rotate(s, 90), fits, px(sideways)
        if not score[0]:
            self.split.append(text)
        return upright

    def _label(self, surf, i: int, text, inner, colour) -> None:
        s, _ = render_fitted(self.look, self.look.tr(text), inner.size, "tile", colour, True,
                             max_px=round(inner.h * 0.36))
        self._put_words(surf, i, s, inner)

    def _put_words(self, surf, i: int, s: pygame.Surface, inner: pygame.Rect) -> None:
        at = s.get_rect(center=inner.center)
        surf.blit(s, at)
        # ``surf`` is the board's own picture, placed at ``area``: the words' inked pixels, on screen
        self.word_rects[i] = s.get_bounding_rect().move(at.topleft).move(self.area.topleft)

    def _draw_plane(self, surf, r: pygame.Rect, colour, sq, i) -> None:
        """A small aeroplane pointing towards the fly target."""
        target = pygame.Vector2(self.squares[sq.fly_to].center) - pygame.Vector2(self.squares[i].center)
        if target.length() < 1:
            return
        f = target.normalize()
        n = pygame.Vector2(-f.y, f.x)
        c = pygame.Vector2(r.center)
        s = min(r.w, r.h) * 0.45
        body = [c + f * s, c + n * s * 0.18 + f * s * 0.1, c + n * s * 0.9 - f * s * 0.1, c + n * s * 0.9 - f * s * 0.3,
                c + n * s * 0.15 - f * s * 0.2, c + n * s * 0.1 - f * s * 0.75, c + n * s * 0.45 - f * s,
                c - n * s * 0.45 - f * s, c - n * s * 0.1 - f * s * 0.75, c - n * s * 0.15 - f * s * 0.2,
                c - n * s * 0.9 - f * s * 0.3, c - n * s * 0.9 - f * s * 0.1, c - n * s * 0.18 + f * s * 0.1]
        pygame.draw.polygon(surf, colour, body)


def _fit_score(app, text: str, box, max_px: int, min_px: int) -> tuple:
    """How well ``text`` fits ``box`` as a label sets it: whole words, fitting, then size."""
    fit = app.text.fit(text, box[0], box[1], max_px, min_px, bold=True, line_spacing=LINE_SPACING)
    return (not splits_word(fit.lines, text), fit.fits, fit.size)


def _scale(app) -> float:
    return TEXT_SCALE.get(app.text_scale_key, 1.0)
