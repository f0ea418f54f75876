"""The board screen: dice, animated moves with a caption saying what happened and why,
and the hand-over to scam scenes and quizzes.

The rules live in ``game.rules.Game``; this scene only asks it to roll, apply a
move or resolve a scene, and then *plays back* the events it returns (a walk
step by step, a jump, a flight, a capture …) before deciding what comes next.
Computer players roll and move by themselves after a visible pause."""

from __future__ import annotations

import math

import pygame

from game.rules.engine import Game, Phase, PlayerSpec
from game.rules.geometry import Spot
from game.rules.policies import get_policy
from game.rules.scenes import SceneResult

from ....i18n.marker import N_
from ... import layout
from ...board_view import BoardView
from ...input import Action, Intent
from ...seats import COLOUR_NAMES, COMPUTER_POLICY, PlayerInfo, SeatPlan
from ...widgets import Button, Dice, Label, Panel, ScreenScene, TextBox
from .captions import BoardCaptions
from .checking import BoardLearningCheck
from .paint import BoardPainting
from .playback import BoardPlayback, Tween
from . import roster


PANEL_MIN = 42    # the side panel's width, in units: at least (4:3 screens: the rest is the board's) …
PANEL_MAX = 120   # … and at most (very wide screens)
NARROW = 64       # a panel narrower than this stacks its card (dice, caption, choices) differently
MENU_MIN = 20     # 菜单 with its icon
CHOICES_2X2 = 21.5   # a narrow card's token choices: two rows of two, each a touch target high


class BoardScene(BoardLearningCheck, BoardPlayback, BoardCaptions, BoardPainting, ScreenScene):
    name = "board"
    framed = False

    def __init__(self, ctx, board, seats: list[SeatPlan], pack=None, seed: int | None = None, demo: bool = False):
        self.demo = demo            # attract loop behind the title: no scam screens, a new game at the end
        self.board = board
        self.pack = pack
        self.seat_plans = seats or [SeatPlan(0, board.seats[0].colour, board.seats[0].shape, 1, False)]
        specs = [PlayerSpec(COLOUR_NAMES.get(s.colour, s.colour), s.colour,
                            COMPUTER_POLICY if s.computer else None) for s in self.seat_plans]
        self.game = Game(board, specs, ctx.session.rng.getrandbits(32) if seed is None else seed,
                         library=ctx.session.library, pack=pack)
        self.players = [self._player_info(i, plan) for i, plan in enumerate(self.seat_plans)]
        self.view = BoardView(ctx.look, board, ctx.session.library)
        self.drawn: dict[tuple[int, int], Spot] = {}
        self.tweens: dict[tuple[int, int], Tween] = {}
        self.script = None          # generator playing back events; yields seconds to wait
        self.wait = 0.0
        self.think = 0.0
        self.choosing: list = []    # legal moves offered to a person
        self.scene_open = None      # the scenario/quiz scene we pushed
        self.scene_result: SceneResult | None = None    # its result, until fed to the rules
        self.scene_skipped = False  # the teacher skipped it: nothing to feed but the skip
        self.results_shown = False
        self.pulse = 0.0
        self.flash_square: int | None = None
        self.seen_channels: set = set()
        self.shown_player = self.game.current   # whose turn the header says: it follows the captions
        self.reading = False        # the playback waits for a caption to be read (a tap ends the wait)
        self._stuck: dict = {}      # rolls that moved nothing → the rules' reason
        super().__init__(ctx)
        self.pick_learning_check()
        self._sync_tokens()
        self._say_turn()

    @classmethod
    def demo_for(cls, ctx, board_id: str | None = None) -> "BoardScene":
        """Four computer players on a shipped board, for the title's attract loop
        (``title.backdrop = BoardScene.demo_for(ctx)``)."""
        boards = ctx.session.library.boards
        board = boards.get(board_id) if board_id else None
        board = board or boards.get("classic_four") or next(iter(boards.values()))
        plans = [SeatPlan(i, s.colour, s.shape, i + 1, True) for i, s in enumerate(board.seats[:4])]
        scene = cls(ctx, board, plans, None, demo=True)
        scene.layout(ctx.look.size)
        return scene

    def _active(self) -> bool:
        return self.demo or self.nav.top is self

    def _player_info(self, i: int, plan: SeatPlan) -> PlayerInfo:
        policy = None
        if plan.computer:
            policy = get_policy(COMPUTER_POLICY)
        return PlayerInfo(i, plan.seat, plan.colour, plan.shape, plan.number, plan.computer,
                          COLOUR_NAMES.get(plan.colour, plan.colour), policy)

    # ------------------------------------------------------------ widgets
    def build(self) -> None:
        self.turn_label = Label(self.look, "", role="heading", align="left")
        self.menu_button = Button(self.look, N_("菜单"), self.open_menu, style="secondary", icon="gear", autoplay_weight=0,
                                  name="menu")
        self.dice = Dice(self.look, self.tap_dice)
        self.dice_hint = Label(self.look, "", role="caption", colour_key="text_muted")
        self.caption_card = Panel(self.look)
        self.caption = TextBox(self.look, "", role="body")
        self.choice_buttons = [Button(self.look, "", lambda k=k: self.choose(k), style="primary", name=f"token_{k}")
                               for k in range(4)]
        for b in self.choice_buttons:
            b.visible = False
        self.score_card = Panel(self.look)
        self.score_labels = [Label(self.look, "", role="caption", align="left", translate=False) for _ in self.players]
        self.money_labels = [Label(self.look, "", role="caption", align="right", translate=False) for _ in self.players]
        for label in (self.turn_label, *self.score_labels, *self.money_labels):
            label.max_lines = 1     # "红方的回合": smaller, never broken in two (the list: _update_scores)
        self.turn_label.min_role = "body"
        self.items = [self.turn_label, self.menu_button, self.caption_card, self.caption, self.dice, self.dice_hint,
                      *self.choice_buttons, self.score_card, *self.score_labels, *self.money_labels]

    def place(self, size) -> None:
        w, h = size
        u = self.look.unit
        m = round(2.5 * u)
        gap = 2 * u
        if self.demo:   # attract loop: just the board, centred, under the title
            self.board_area = pygame.Rect(m, m, w - 2 * m, h - 2 * m)
            self.view.layout(self.board_area)
            self._frame = None
            self.full_paint = True
            return
        if layout.is_portrait(size):
            # The board gives way where the panel under it would squeeze the players' rows (the turn
            # row, the caption card and one row per player, two to a row from three players), and on a
            # tall screen (800×1280) leaves the panel room for two lines of a player's name.
            rows = len(self.players) if len(self.players) <= 2 else -(-len(self.players) // 2)
            panel_need = (12 + 2 + 31 + 2 + rows * 9 + 3) * u + m
            board_area = pygame.Rect(m, m, w - 2 * m, round(min(w - 2 * m, h * 0.54, h - m - 2 * u - panel_need)))
            self.view.layout(board_area)
            board_area.h = min(board_area.h, self.view.rect.h + round(2.4 * u))   # no gap under a short board
            self.view.layout(board_area)
            panel = pygame.Rect(m, board_area.bottom + 2 * u, w - 2 * m, h - board_area.bottom - 2 * u - m)
        else:
            # The panel is wide enough for "红方的回合" and 菜单 with its icon on one row, and never so
            # wide that a caption runs on for a metre (3840×1080: board and panel sit together in the
            # middle). A 4:3 screen gives the board the rest: its squares need it for two lines of an
            # English keyword ("Close campus / loan").
            board_side = min(h - 2 * m, w - 2 * m - 3 * u - PANEL_MIN * u)
            panel_w = min(w - 2 * m - 3 * u - board_side, PANEL_MAX * u)
            left = m + max(0, (w - 2 * m - board_side - 3 * u - panel_w) / 2)
            board_area = pygame.Rect(round(left), m, round(board_side), h - 2 * m)
            self.view.layout(board_area)
            panel = pygame.Rect(board_area.right + 3 * u, m, round(panel_w), h - 2 * m)
        self.board_area = board_area
        self.panel = panel
        # top row across the panel: whose turn (a token, then the words) + menu
        top = pygame.Rect(panel.x, panel.y, panel.w, 12 * u)
        self.narrow = panel.w < NARROW * u
        # a narrow panel's menu button sets its gear over 菜单: the words of whose turn it is keep the room
        self.menu_button.icon_above = self.narrow
        menu_w = 12 * u if self.narrow else max(MENU_MIN * u, min(26 * u, top.w * 0.3))
        self.menu_button.rect = pygame.Rect(round(top.right - menu_w), top.y, round(menu_w), top.h)
        self.turn_radius = top.h * (0.3 if self.narrow else 0.36)
        words_x = round(top.x + self.turn_radius * 2 + 2 + 1.5 * u)
        self.turn_label.rect = pygame.Rect(words_x, top.y, round(top.right - menu_w - 2 * u - words_x), top.h)
        below = pygame.Rect(panel.x, top.bottom + gap, panel.w, panel.bottom - top.bottom - gap)
        if self.narrow:
            self._place_card_narrow(below, gap)
        else:
            self._place_card(below, gap, size)
        for b, r in zip(self.choice_buttons, self._choice_rects(len(self.choosing) or 4)):
            b.rect = r
        card = self.caption_card.rect
        self.caption.rect = self.caption_short if self.choosing else self.caption_full
        self.dice_hint.rect = pygame.Rect(0, 0, 0, 0)
        score_rect = pygame.Rect(below.x, card.bottom + gap, below.w, below.bottom - card.bottom - gap)
        self.score_card.rect = score_rect
        inner = layout.inset(score_rect, 2 * u, 1.5 * u)
        n = len(self.players)
        if n > 2 and inner.h < n * 7 * u:   # short panel (portrait): two columns of players
            rows = layout.grid(inner, n, 2, min(8 * u, (inner.h - u) / 2), u)
        else:
            rows = layout.column(inner, n, 8 * u, u, align="top")
        self.score_rows = rows   # the labels' places follow their words: _update_scores
        self._frame = None
        self.full_paint = True
        self._update_scores()

    def _place_card(self, below, gap, size) -> None:
        """Dice on the left; the caption card beside it holds the token choices at its foot."""
        u = self.look.unit
        # portrait: a smaller dice leaves the players' list room for rows their frame goes round
        dice_side = round(min((16 if layout.is_portrait(size) else 22) * u, below.w * 0.3))
        self.dice.rect = pygame.Rect(below.x + round(u), below.y + round(u), dice_side, dice_side)
        card = pygame.Rect(self.dice.rect.right + 3 * u, below.y, below.right - self.dice.rect.right - 3 * u,
                           dice_side + round(u) + gap + 12 * u)
        self.caption_card.rect = card
        inner = layout.inset(card, 1.5 * u, 1.5 * u)
        self.choices_rect = pygame.Rect(inner.x, inner.bottom - 11 * u, inner.w, 11 * u)
        self.caption_full = layout.inset(card, 2 * u, 1.5 * u)
        self.caption_short = pygame.Rect(self.caption_full.x, self.caption_full.y, self.caption_full.w,
                                         self.choices_rect.y - self.caption_full.y - u)

    def _place_card_narrow(self, below, gap) -> None:
        """A narrow panel (4:3): one card across it, the dice in its corner, the caption beside the dice
        and the token choices two by two across the whole card under it."""
        u = self.look.unit
        dice_side = round(13 * u)   # the caption beside it keeps whole phrases (轮到红方：/ 点骰子)
        card = pygame.Rect(below.x, below.y, below.w, round(dice_side + 5 * u + CHOICES_2X2 * u + 1.5 * u))
        self.caption_card.rect = card
        inner = layout.inset(card, 1.5 * u, 1.5 * u)
        self.dice.rect = pygame.Rect(inner.x + round(u), inner.y + round(u), dice_side, dice_side)   # its ring inside
        self.choices_rect = pygame.Rect(inner.x, inner.bottom - CHOICES_2X2 * u, inner.w, CHOICES_2X2 * u)
        self.caption_full = pygame.Rect(self.dice.rect.right + 2 * u, inner.y, inner.right - self.dice.rect.right - 2 * u,
                                        inner.h)
        self.caption_short = pygame.Rect(self.caption_full.x, self.caption_full.y, self.caption_full.w,
                                         self.choices_rect.y - self.caption_full.y - u)

    def _choice_rects(self, n: int) -> list:
        u = self.look.unit
        if not getattr(self, "narrow", False):
            return layout.row(self.choices_rect, n, 24 * u, 1.5 * u, align="left")
        if n <= 2:   # one row, at the card's foot
            foot = pygame.Rect(self.choices_rect.x, self.choices_rect.bottom - 11 * u, self.choices_rect.w, 11 * u)
            return layout.row(foot, n, 24 * u, 1.5 * u, align="left")
        return layout.grid(self.choices_rect, n, 2, 10 * u, 1.5 * u)

    def _update_scores(self) -> None:
        if self.demo:
            return   # the attract loop's demo shows no score card
        # Babel's locale data loads when a number or date is first shown, not before the title
        from game.i18n.formatting import money
        tr = self.session.tr
        kinds = []
        for i, p in enumerate(self.players):
            kind = tr(N_("电脑")) if p.computer else tr(N_("真人"))
            if self.game.is_finished(i):
                kind += " · " + tr("第{n}名").format(n=self.game.finish_order.index(i) + 1)
            kinds.append(kind)
        roster.set_rows(self.look, getattr(self, "score_rows", []), self.score_labels, self.money_labels,
                        [f"{tr(p.name)} {p.number}" for p in self.players], kinds,
                        [money(score.savings, self.session.locale) for score in self.game.scores[:len(self.players)]])

    # ------------------------------------------------------------ state → drawing
    def _sync_tokens(self) -> None:
        self.drawn = {}
        for p in range(len(self.players)):
            for t in range(len(self.game.positions(p))):
                self.drawn[(p, t)] = self.game.spot(p, t)
        self.tweens = {}

    def _group_key(self, p: int, spot: Spot):
        seat = self.players[p].seat
        return (spot.area, spot.index) if spot.area == "track" else (spot.area, spot.index, seat)

    def token_positions(self) -> dict[tuple[int, int], tuple[float, float]]:
        groups: dict = {}
        for key, spot in self.drawn.items():
            if key in self.tweens:
                continue
            groups.setdefault(self._group_key(key[0], spot), []).append(key)
        out = {}
        for members in groups.values():
            members.sort()
            for slot, (p, t) in enumerate(members):
                spot = self.drawn[(p, t)]
                if spot.area == "hangar":
                    slot_i, count = t, 4
                else:
                    slot_i, count = slot, len(members)
                out[(p, t)] = self.view.slot_xy(self.players[p].seat, spot, slot_i, count)
        for key, tw in self.tweens.items():
            seat = self.players[key[0]].seat
            a = self.view.slot_xy(seat, tw.frm, key[1] if tw.frm.area == "hangar" else 0, 4 if tw.frm.area == "hangar" else 1)
            b = self.view.slot_xy(seat, tw.to, key[1] if tw.to.area == "hangar" else 0, 4 if tw.to.area == "hangar" else 1)
            f = tw.fraction()
            x = a[0] + (b[0] - a[0]) * f
            y = a[1] + (b[1] - a[1]) * f - math.sin(math.pi * f) * tw.arc * self.view.cell
            out[key] = (x, y)
        return out

    # ------------------------------------------------------------ actions
    def tap_dice(self) -> None:
        if self._human_to_roll():
            self.services.sound.play("button")
            self.caption_read()
            self.roll()

    def _human_to_roll(self) -> bool:
        g = self.game
        return (self.script is None and self._idle() and g.phase is Phase.ROLL
                and not self.players[g.current].computer)

    def _idle(self) -> bool:
        return self.scene_open is None and not self._scene_settled() and not self.results_shown

    def _scene_settled(self) -> bool:
        """A scene ended (or was skipped) and the rules have not heard of it yet."""
        return self.scene_result is not None or self.scene_skipped

    def roll(self) -> None:
        self.dice.enabled = False
        self.play(self.game.roll())

    def choose(self, k: int) -> None:
        if k < len(self.choosing):
            move = self.choosing[k]
            self.caption_read()
            self._hide_choices()
            self.play(self.game.apply(move))

    def _hide_choices(self) -> None:
        self.choosing = []
        for b in self.choice_buttons:
            b.visible = False
        self.caption.rect = self.caption_full
        self.refresh_focus()

    def open_menu(self) -> None:
        self.nav.navigate("pause")

    def resume(self) -> None:
        super().resume()
        self.full_paint = True
        if self.results_shown:
            self.nav.home()

    # ------------------------------------------------------------ the turn, when nothing plays back
    def _decide(self, dt: float) -> None:
        g = self.game
        if g.phase is Phase.ROLL and self.open_check_before():
            return
        if g.is_over:
            if not self.results_shown:
                self.show_results()
            return
        p = g.current
        info = self.players[p]
        if g.phase is Phase.SCENE:
            if self.scene_open is None and not self._scene_settled():
                self._open_scene(g.pending_scene)
            return
        if info.computer:
            self.think += dt
            if self.think < self.T("think"):
                return
            self.think = 0.0
            if g.phase is Phase.ROLL:
                self.roll()
            elif g.phase is Phase.MOVE:
                move = info.policy.choose_move(g, g.legal_moves(), g.ai_rng)
                self.play(g.apply(move))
            return
        if g.phase is Phase.ROLL:
            if not self.dice.enabled:
                self.dice.enabled = True
                self._say_turn()
                self.dirty = True
            return
        if g.phase is Phase.MOVE:
            moves = g.legal_moves()
            if len(moves) == 1:
                self.think += dt
                if self.think >= self.T("after_roll"):
                    self.think = 0.0
                    self.play(g.apply(moves[0]))
            elif not self.choosing:
                self._offer(moves)

    def _offer(self, moves) -> None:
        self.choosing = list(moves)[:4]
        for b, r in zip(self.choice_buttons, self._choice_rects(len(self.choosing))):
            b.rect = r
        for k, b in enumerate(self.choice_buttons):
            if k < len(self.choosing):
                m = self.choosing[k]
                b.visible = True
                # a narrow card's buttons keep their room for "1号 起飞": the planes on the board are marked
                b.icon = None if self.narrow else self.players[m.player].shape
                b.set_text(self.session.tr("{n}号 起飞") if m.launch else self.session.tr("{n}号"))
                b.set_text(b.text.format(n=m.token + 1))
            else:
                b.visible = False
        self.caption.rect = self.caption_short
        self._caption_event = None
        self._set_caption(self.session.tr("{name}：选一架飞机走（点下面的按钮或棋盘上的飞机）").format(
            name=self._name(self.game.current)))
        self.refresh_focus()

    # ------------------------------------------------------------ scene hooks
    def handle(self, intent: Intent) -> bool:
        if super().handle(intent):
            return True
        if intent.action is Action.RELEASE and intent.pos and self.choosing:
            hit = self._token_at(intent.pos)
            for k, m in enumerate(self.choosing):
                if hit and hit[0] == m.player and hit[1] in m.tokens:
                    self.choose(k)
                    return True
        if intent.action is Action.BACK:
            self.open_menu()
            return True
        if intent.action is Action.RELEASE and intent.pos and self.script is not None:
            self.caption_read()   # a tap anywhere else: "I have read it, go on"
            return True
        return False

    def _token_at(self, pos):
        radius = max(self.view.token_radius * 1.6, self.look.min_touch / 2)
        best = None
        for key, xy in self.token_positions().items():
            d = math.dist(xy, pos)
            if d <= radius and (best is None or d < best[0]):
                best = (d, key)
        return best[1] if best else None

    def update(self, dt: float) -> None:
        super().update(dt)
        self.caption_age = getattr(self, "caption_age", 0.0) + dt
        for tw in self.tweens.values():
            tw.t += dt
        self.pulse = (self.pulse + dt) % 1.2
        if self.script is None and self._active():
            if self._scene_settled():
                self._feed_result()
            else:
                self._decide(dt)
            dt = 0.0   # a playback started now shows its first step in this very frame
        if self.script is not None:
            self.wait -= dt
            while self.script is not None and self.wait <= 0:
                try:
                    self.wait += next(self.script)
                except StopIteration:
                    self.script = None
                    self.wait = 0.0
                    self.reading = False
                    self.shown_player = self.game.current
                    self._sync_tokens()
                    self._update_scores()
        # Waiting for a person to tap: a gentle low-rate pulse instead of 60 fps.
        waiting = (self.script is None and not self.tweens and not self.dice.is_rolling and self._idle()
                   and (self.dice.enabled or bool(self.choosing)))
        self.animating = not waiting
        self.idle_fps = 15 if waiting and not self.look.reduced_motion else 0
        self.dirty = True

    # ------------------------------------------------------------ drawing
    # The board, cards and backdrop are one cached picture. While planes move,
    # only the rectangles that change are restored from it and drawn again
    # (tokens, dice, caption …), and only those are sent to the screen.

    def widgets(self) -> list:
        return [w for w in (self.turn_label, self.menu_button, self.dice, self.caption, *self.choice_buttons,
                            *self.score_labels, *self.money_labels) if w.visible and w.rect.w > 0]

    # for the autoplay driver: what a person would tap now
    def autoplay_targets(self) -> list:
        if self.dice.enabled and self._human_to_roll():
            return [self.dice]
        return [b for b in self.choice_buttons if b.visible]
