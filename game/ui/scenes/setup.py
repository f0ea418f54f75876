"""Before a game: language and audience (``AudienceScene``), then board and seats (``PlayersScene``).

Each seat shows its colour, its token shape and a number, so colour-blind
players can tell tokens apart; a tap cycles a seat through person / computer / empty.
"""

from __future__ import annotations

import pygame

from ...i18n.marker import N_
from .. import layout
from ..seats import COLOUR_NAMES, LANGUAGES, SeatPlan, draw_token
from ..text import LINE_SPACING
from ..widgets import Button, Label, Panel, ScreenScene, TextBox, role_px

SEAT_MODES = ("human", "computer", "off")
MODE_TEXT = {"human": N_("真人"), "computer": N_("电脑"), "off": N_("不参加")}
MODE_ICON = {"human": "play", "computer": "dice", "off": "minus"}


def _packs(session):
    order = {"elderly": 0, "students": 1, "workplace": 2, "general": 3}
    packs = list(session.library.packs.values())
    packs.sort(key=lambda p: (order.get(p.audience.value, 9), p.id))
    return packs


def apply_pack_settings(session, pack) -> None:
    """A pack's own text size (large for the elderly pack) takes effect when the pack is picked,
    unless someone chose a text size in the settings screen."""
    size = pack.settings.text_size if pack is not None else ""
    if session.autoplay:   # the computer visitor leaves every setting as it found it
        return
    if not size or session.settings.text_size_chosen or size == session.settings.text_size:
        return
    session.update_settings(save=False, text_size=size)   # the pack's choice, for this game


class AudienceScene(ScreenScene):
    name = "setup_audience"
    back_leaves = True

    def build(self) -> None:
        self.heading = Label(self.look, N_("选择语言和内容"), role="heading", colour_key="accent")
        self.lang_label = Label(self.look, N_("语言 · Language"), role="body", colour_key="text_muted", align="left")
        self.lang_buttons = []
        for code, name in LANGUAGES:
            b = Button(self.look, name, lambda c=code: self.choose_locale(c), style="choice", translate=False,
                       autoplay_weight=0, name=f"lang_{code}")
            self.lang_buttons.append((code, b))
        self.pack_label = Label(self.look, N_("谁来玩？"), role="body", colour_key="text_muted", align="left")
        self.packs = _packs(self.session)
        self.pack_buttons = []
        for pack in self.packs:
            b = Button(self.look, pack.name, lambda p=pack.id: self.choose_pack(p), style="choice", name=f"pack_{pack.id}")
            self.pack_buttons.append((pack.id, b))
        self.page: int | None = None   # the page of packs shown (set when laid out: how many fit depends on the size)
        self.per_page = max(1, len(self.packs))
        self.prev_page = Button(self.look, "", lambda: self.turn(-1), style="secondary", icon="back", translate=False,
                                autoplay_weight=0, name="packs_prev")
        self.next_page = Button(self.look, "", lambda: self.turn(1), style="secondary", icon="play", translate=False,
                                autoplay_weight=0, name="packs_next")
        self.page_label = Label(self.look, "", role="caption", colour_key="text_muted", translate=False)
        self.description = TextBox(self.look, "", role="body", colour_key="text")
        self.desc_panel = Panel(self.look)
        self.back_button = Button(self.look, N_("返回"), self.back, style="secondary", icon="back", autoplay_weight=0)
        self.next_button = Button(self.look, N_("下一步"), self.next, icon="play", name="next")
        if not self.packs:
            self.description.set_text(N_("没有可用的内容包：请让工作人员检查内容文件。"))
        self.items = [self.heading, self.lang_label, *[b for _, b in self.lang_buttons], self.pack_label,
                      *[b for _, b in self.pack_buttons], self.prev_page, self.page_label, self.next_page,
                      self.desc_panel, self.description,
                      self.back_button, self.next_button]
        pid = self.session.settings.pack
        if pid not in {p.id for p in self.packs} and self.packs:
            pid = self.packs[-1].id if self.session.autoplay is False else self.session.rng.choice(self.packs).id
        self.pack_id = pid
        self._sync()

    def _sync(self) -> None:
        for code, b in self.lang_buttons:
            b.selected = code == self.session.locale
        for pid, b in self.pack_buttons:
            b.selected = pid == self.pack_id
        pack = self.session.library.packs.get(self.pack_id)
        if pack is not None:
            self.description.set_text(pack.description)
        self.next_button.enabled = bool(self.packs)
        self.dirty = True

    def choose_locale(self, code: str) -> None:
        self.session.update_settings(locale=code)
        self._sync()

    def on_locale_changed(self) -> None:
        self._sync()

    def choose_pack(self, pack_id: str) -> None:
        self.pack_id = pack_id
        self.picked = True
        apply_pack_settings(self.session, self.session.library.packs.get(pack_id))
        self._sync()

    # ---- pages of packs (more than fit on one screen)
    @property
    def pages(self) -> int:
        return max(1, -(-len(self.packs) // self.per_page))

    def page_of(self, pack_id: str) -> int:
        ids = [p.id for p in self.packs]
        return ids.index(pack_id) // self.per_page if pack_id in ids else 0

    def turn(self, step: int) -> None:
        self.page = ((self.page or 0) + step) % self.pages
        self.layout(self.look.size)

    def shown_buttons(self) -> list:
        start = (self.page or 0) * self.per_page
        return self.pack_buttons[start:start + self.per_page]

    def autoplay_targets(self) -> list:
        """A visitor picks an audience (the one the command line named, if any), then goes on."""
        if not getattr(self, "picked", False):
            if self.session.command_line_pack:
                wanted = self.page_of(self.session.command_line_pack)
                if wanted != self.page:
                    self.page = wanted
                    self.layout(self.look.size)
                return [b for pid, b in self.pack_buttons if pid == self.session.command_line_pack]
            if not self.session.games_played:   # first game: a pack with a short board
                boards = self.session.library.boards
                def shortest(pack):
                    return min((boards[b].length for b in pack.boards if b in boards), default=1 << 30)
                best = min((shortest(p) for p in self.packs), default=0)
                short = next(p.id for p in self.packs if shortest(p) == best)
                if self.page_of(short) != self.page:
                    self.page = self.page_of(short)
                    self.layout(self.look.size)
                return [b for pid, b in self.shown_buttons() if shortest(self.session.library.packs[pid]) == best]
            return [b for _, b in self.shown_buttons()] + ([self.next_page] if self.pages > 1 else [])
        return [self.next_button]

    def next(self) -> None:
        if self.pack_id:
            self.session.update_settings(pack=self.pack_id)
            apply_pack_settings(self.session, self.session.library.packs.get(self.pack_id))
        self.nav.navigate("setup_players")

    def place(self, size) -> None:
        u, area, portrait, gap = self.regions(size)
        self.heading.rect = pygame.Rect(area.x, area.y, area.w, 10 * u)
        bar = pygame.Rect(area.x, area.bottom - 12 * u, area.w, 12 * u)
        self.back_button.rect, self.next_button.rect = layout.row(bar, 2, 48 * u, 4 * u)
        body = pygame.Rect(area.x, self.heading.rect.bottom + u, area.w, bar.y - self.heading.rect.bottom - 3 * u)
        if portrait:
            self.lang_label.rect = pygame.Rect(body.x, body.y, body.w, 6 * u)
            lang_row = pygame.Rect(body.x, self.lang_label.rect.bottom, body.w, 12 * u)
        else:   # the label beside the buttons: the height goes to the packs and their description
            lang_row = pygame.Rect(body.x, body.y, body.w, round(11 * u))
            self.lang_label.rect = pygame.Rect(body.x, body.y, round(min(34 * u, body.w * 0.24)), lang_row.h)
            lang_row = pygame.Rect(self.lang_label.rect.right, body.y, body.right - self.lang_label.rect.right,
                                   lang_row.h)
        for (_, b), r in zip(self.lang_buttons, layout.row(lang_row, 3, 50 * u, 3 * u)):
            b.rect = r
        lang_row = pygame.Rect(body.x, lang_row.y, body.w, lang_row.h)
        n = max(1, len(self.pack_buttons))
        # columns wide enough for a pack's name in any language (two lines at most), rows as the screen allows
        cols = max(1, min(n, 2 if portrait else 4, int((body.w + 3 * u) // (40 * u + 3 * u))))
        self.per_page = min(n, cols * (4 if portrait else 2))
        if self.page is None:
            self.page = self.page_of(self.pack_id)
        self.page = min(self.page, self.pages - 1)
        paging = self.pages > 1
        for w in (self.prev_page, self.next_page, self.page_label):
            w.visible = paging
        self.page_label.set_text(f"{self.page + 1} / {self.pages}")
        shown = self.shown_buttons()
        rows = -(-len(shown) // cols)
        item_h = (12.5 if portrait or rows == 1 else 11) * u
        # portrait, or one row of packs too low for two buttons stacked: the page buttons in the label's row;
        # otherwise a column right of the packs
        in_label_row = paging and (portrait or rows * item_h + (rows - 1) * 3 * u < 2 * layout.TOUCH_MIN_UNITS * u + 3 * u)
        label_row = pygame.Rect(body.x, lang_row.bottom + 2 * u, body.w, round((11 if in_label_row else 6) * u))
        pager_w = round(min(22 * u, body.w * 0.2))
        self.page_label.rect = pygame.Rect(label_row.right - pager_w, label_row.y, pager_w, label_row.h)
        self.pack_label.rect = pygame.Rect(body.x, label_row.y, body.w - (pager_w if paging else 0), label_row.h)
        rest = pygame.Rect(body.x, label_row.bottom, body.w, body.bottom - label_row.bottom)
        grid_rect = pygame.Rect(rest.x, rest.y, rest.w, round(rows * item_h + (rows - 1) * 3 * u + 0.5 * u))
        if in_label_row:
            self.page_label.rect.x = label_row.right - 2 * pager_w - u
            self.prev_page.rect = pygame.Rect(self.page_label.rect.x - pager_w - u, label_row.y, pager_w, label_row.h)
            self.next_page.rect = pygame.Rect(label_row.right - pager_w, label_row.y, pager_w, label_row.h)
            self.pack_label.rect.w = self.prev_page.rect.x - body.x
        elif paging:
            column = pygame.Rect(grid_rect.right - pager_w, grid_rect.y, pager_w, grid_rect.h)
            grid_rect.w -= pager_w + round(3 * u)
            self.prev_page.rect, self.next_page.rect = layout.split_v(column, 1, 1, gap=3 * u)
        for _, b in self.pack_buttons:
            b.visible, b.rect = False, pygame.Rect(0, 0, 0, 0)
        for (_, b), r in zip(shown, layout.grid(grid_rect, len(shown), cols, item_h, 3 * u)):
            b.visible, b.rect = True, layout.centered(r, 110 * u, r.h)   # a button the size of a hand
        desc_h = rest.bottom - grid_rect.bottom - 2.5 * u
        # as tall as the description needs at its wanted size in lines one can follow (40 units at least)
        body_px = role_px(self.look, "body")[0]
        needed = self.look.text.height(self.session.tr(self.description.text), round(rest.w - 5 * u), body_px,
                                       line_spacing=LINE_SPACING) + 4 * u
        self.desc_panel.rect = pygame.Rect(rest.x, grid_rect.bottom + 2.5 * u, rest.w, min(desc_h, max(40 * u, needed)))
        spare = round(desc_h - self.desc_panel.rect.h)
        if spare > 0:   # tall screens: centre the block between the heading and the buttons
            for w in (self.lang_label, *[b for _, b in self.lang_buttons], self.pack_label, self.prev_page,
                      self.page_label, self.next_page, *[b for _, b in shown], self.desc_panel):
                w.rect = w.rect.move(0, spare // 2)
        self.description.rect = layout.inset(self.desc_panel.rect, 2.5 * u, 2 * u)


class PlayersScene(ScreenScene):
    """Board choice (when the pack has several) and 1–4 seats: person, computer or empty."""

    name = "setup_players"
    back_leaves = True

    def build(self) -> None:
        pack = self.session.current_pack()
        self.pack = pack
        library = self.session.library
        ids = list(pack.boards) if pack else list(library.boards)
        self.boards = [library.boards[b] for b in ids if b in library.boards]
        if not hasattr(self, "board_id"):
            self.board_id = self.boards[0].id if self.boards else ""
            self.modes = ["human", "computer", "off", "off"]
        self.heading = Label(self.look, N_("谁来玩？"), role="heading", colour_key="accent")
        self.board_buttons = []
        if len(self.boards) > 1:
            for board in self.boards:
                b = Button(self.look, board.name, lambda i=board.id: self.choose_board(i), style="choice",
                           name=f"board_{board.id}")
                self.board_buttons.append((board.id, b))
        self.seat_cards: list[Panel] = []
        self.seat_labels: list[Label] = []
        self.seat_buttons: list[Button] = []
        for i in range(4):
            self.seat_cards.append(Panel(self.look))
            self.seat_labels.append(Label(self.look, "", role="body", bold=True))
            self.seat_buttons.append(Button(self.look, "", lambda i=i: self.cycle(i), style="secondary",
                                            name=f"seat_{i}"))
        self.note = Label(self.look, "", role="caption", colour_key="text_muted", translate=False)
        self.back_button = Button(self.look, N_("返回"), self.back, style="secondary", icon="back", autoplay_weight=0)
        self.start_button = Button(self.look, N_("开始游戏"), self.start, icon="play", name="start_game")
        self.items = [self.heading, *[b for _, b in self.board_buttons], *self.seat_cards, *self.seat_labels,
                      *self.seat_buttons, self.note, self.back_button, self.start_button]
        self._sync()

    @property
    def board(self):
        return next((b for b in self.boards if b.id == self.board_id), None)

    def seats(self) -> list[SeatPlan]:
        board = self.board
        if board is None:
            return []
        plans = []
        for i, seat in enumerate(board.seats[:4]):
            if i < len(self.modes) and self.modes[i] != "off":
                plans.append(SeatPlan(i, seat.colour, seat.shape, i + 1, self.modes[i] == "computer"))
        return plans

    def _sync(self) -> None:
        board = self.board
        count = min(4, len(board.seats), board.max_players) if board else 0
        for i in range(4):
            shown = i < count
            self.seat_cards[i].visible = self.seat_labels[i].visible = self.seat_buttons[i].visible = shown
            if shown:
                seat = board.seats[i]
                self.seat_labels[i].set_text(f"{self.session.tr(COLOUR_NAMES.get(seat.colour, seat.colour))} {i + 1}")
                self.seat_labels[i].translate = False
                mode = self.modes[i]
                b = self.seat_buttons[i]
                b.set_text(MODE_TEXT[mode])
                b.icon = MODE_ICON[mode]
                b.style = "primary" if mode == "human" else "neutral" if mode == "computer" else "secondary"
        for bid, b in self.board_buttons:
            b.selected = bid == self.board_id
        active = len(self.seats())
        ok = board is not None and max(1, board.min_players) <= active <= board.max_players
        self.start_button.enabled = ok
        tr = self.session.tr
        if board is None:
            self.note.set_text(tr(N_("没有可用的棋盘")))
        elif not ok:
            self.note.set_text(tr(N_("这个棋盘需要 {low}–{high} 位玩家")).format(
                low=max(1, board.min_players), high=board.max_players))
        else:
            people = sum(1 for s in self.seats() if not s.computer)
            self.note.set_text(tr(N_("{people} 位真人，{computers} 位电脑 · 点座位可切换")).format(
                people=people, computers=active - people))
        self.refresh_focus()
        self.dirty = True

    def on_locale_changed(self) -> None:
        self._sync()

    def choose_board(self, board_id: str) -> None:
        self.board_id = board_id
        self.picked = True
        self._sync()

    def cycle(self, i: int) -> None:
        self.modes[i] = SEAT_MODES[(SEAT_MODES.index(self.modes[i]) + 1) % len(SEAT_MODES)]
        self._sync()

    def start(self) -> None:
        board = self.board
        if board is None:
            return
        self.nav.navigate("board", board=board, seats=self.seats(), pack=self.pack)

    def autoplay_targets(self) -> list:
        """Pick a board (when there is a choice), then start."""
        if self.board_buttons and not getattr(self, "picked", False):
            if not self.session.games_played:   # first game: the shortest board, to reach the results
                shortest = min(self.boards, key=lambda b: b.length * len(b.seats) * int(b.rules.get("tokens_per_player", 1)))
                return [b for bid, b in self.board_buttons if bid == shortest.id]
            return [b for _, b in self.board_buttons]
        return [self.start_button]

    def place(self, size) -> None:
        u, area, portrait, gap = self.regions(size)
        self.heading.rect = pygame.Rect(area.x, area.y, area.w, 10 * u)
        bar = pygame.Rect(area.x, area.bottom - 12 * u, area.w, 12 * u)
        self.back_button.rect, self.start_button.rect = layout.row(bar, 2, 48 * u, 4 * u)
        self.note.rect = pygame.Rect(area.x, bar.y - 7 * u, area.w, 6 * u)
        y = self.heading.rect.bottom + u
        if self.board_buttons:
            n = len(self.board_buttons)
            cols = 1 if portrait and n > 2 else n
            rows = -(-n // cols)
            boards_rect = pygame.Rect(area.x, y, area.w, rows * 12 * u + (rows - 1) * 2 * u)
            for (_, b), r in zip(self.board_buttons, layout.grid(boards_rect, n, cols, 12 * u, 2 * u)):
                b.rect = r
            y = boards_rect.bottom + 3 * u
        seats_rect = pygame.Rect(area.x, y, area.w, self.note.rect.y - y - u)
        shown = [i for i in range(4) if self.seat_cards[i].visible]
        cols = 2 if portrait else max(1, len(shown))
        card_h = seats_rect.h if not portrait else (seats_rect.h - 3 * u) / 2
        cells = layout.grid(seats_rect, len(shown), cols, card_h, 3 * u)
        for i, cell in zip(shown, cells):
            if not portrait:
                cell = layout.centered(cell, min(cell.w, 60 * u), cell.h)
            self.seat_cards[i].rect = cell
            inner = layout.inset(cell, 2 * u)
            button_h = 12 * u
            self.seat_buttons[i].rect = pygame.Rect(inner.x, inner.bottom - button_h, inner.w, button_h)
            self.seat_labels[i].rect = pygame.Rect(inner.x, self.seat_buttons[i].rect.y - 8 * u, inner.w, 7 * u)
            token_area = pygame.Rect(inner.x, inner.y, inner.w, self.seat_labels[i].rect.y - inner.y)
            self.seat_labels[i].token_area = token_area

    def draw(self, surface) -> None:
        super().draw(surface)
        board = self.board
        t = self.look.theme
        for i, label in enumerate(self.seat_labels):
            if not label.visible or board is None:
                continue
            area = getattr(label, "token_area", None)
            if area is None or area.h <= 0:
                continue
            seat = board.seats[i]
            r = min(min(area.w, area.h) * 0.38, 9 * self.look.unit)
            colour = t.player_colour(seat.colour)
            if self.modes[i] == "off":
                colour = tuple(round(c * 0.35 + b * 0.65) for c, b in zip(colour, t.panel))
            draw_token(self.look, surface, seat.shape, colour, area.center, r, i + 1)

