"""The board screen: dice, animated moves with a caption saying what happened and why,
and the hand-over to scam scenes and quizzes.

The rules live in ``game.rules.Game``; this scene only asks it to roll, apply a
move or resolve a scene, and then *plays back* the events it returns (a walk
step by step, a jump, a flight, a capture …) before deciding what comes next.
Computer players roll and move by themselves after a visible pause.
"""

from __future__ import annotations

import math

import pygame

from game.rules import events as ev
from game.rules.engine import Game, Phase, PlayerSpec
from game.rules.geometry import Spot
from game.rules.policies import get_policy, play_pending_scene
from game.rules.scenes import SceneResult

from ...i18n.marker import N_
from .. import layout
from ..board_view import BoardView
from ..input import Action, Intent
from ..seats import COLOUR_NAMES, COMPUTER_POLICY, PlayerInfo, SeatPlan, draw_token
from ..widgets import Button, Dice, Label, Panel, ScreenScene, TextBox, draw_backdrop

# Seconds; reduced motion uses the second value.
TIMING = {
    "think": (0.8, 0.4),       # a computer player "thinking" before it rolls or moves
    "dice": (0.8, 0.15),
    "after_roll": (0.45, 0.25),
    "step": (0.2, 0.05),
    "hop": (0.45, 0.1),
    "fly": (0.9, 0.15),
    "capture": (0.6, 0.15),
    "caption": (0.9, 0.6),     # read time after an important caption
    "scene_intro": (1.4, 0.9),
    "turn": (0.5, 0.35),
}


class Tween:
    """A token gliding from one spot to another (an arc for hops)."""

    def __init__(self, frm: Spot, to: Spot, duration: float, arc: float = 0.0):
        self.frm, self.to, self.duration, self.arc = frm, to, max(1e-3, duration), arc
        self.t = 0.0

    @property
    def done(self) -> bool:
        return self.t >= self.duration

    def fraction(self) -> float:
        x = min(1.0, self.t / self.duration)
        return x * x * (3 - 2 * x)   # ease in-out


class BoardScene(ScreenScene):
    name = "board"
    framed = False

    def __init__(self, app, board, seats: list[SeatPlan], pack=None, seed: int | None = None, demo: bool = False):
        self.demo = demo            # attract loop behind the title: no scam screens, a new game at the end
        self.board = board
        self.pack = pack
        self.seat_plans = seats or [SeatPlan(0, board.seats[0].colour, board.seats[0].shape, 1, False)]
        specs = [PlayerSpec(COLOUR_NAMES.get(s.colour, s.colour), s.colour,
                            COMPUTER_POLICY if s.computer else None) for s in self.seat_plans]
        self.game = Game(board, specs, app.rng.getrandbits(32) if seed is None else seed,
                         library=app.library, pack=pack)
        self.players = [self._player_info(i, plan) for i, plan in enumerate(self.seat_plans)]
        self.view = BoardView(app, board)
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
        super().__init__(app)
        self._sync_tokens()
        self._say_turn()

    @classmethod
    def demo_for(cls, app, board_id: str | None = None) -> "BoardScene":
        """Four computer players on a shipped board, for the title's attract loop
        (``title.backdrop = BoardScene.demo_for(app)``)."""
        boards = app.library.boards
        board = boards.get(board_id) if board_id else None
        board = board or boards.get("classic_four") or next(iter(boards.values()))
        plans = [SeatPlan(i, s.colour, s.shape, i + 1, True) for i, s in enumerate(board.seats[:4])]
        scene = cls(app, board, plans, None, demo=True)
        scene.layout(app.size)
        return scene

    def _active(self) -> bool:
        return self.demo or self.app.stack.top is self

    def _player_info(self, i: int, plan: SeatPlan) -> PlayerInfo:
        policy = None
        if plan.computer:
            policy = get_policy(COMPUTER_POLICY)
        return PlayerInfo(i, plan.seat, plan.colour, plan.shape, plan.number, plan.computer,
                          COLOUR_NAMES.get(plan.colour, plan.colour), policy)

    # ------------------------------------------------------------ widgets
    def build(self) -> None:
        app = self.app
        self.turn_label = Label(app, "", role="heading", align="left")
        self.menu_button = Button(app, N_("菜单"), self.open_menu, style="secondary", icon="gear", autoplay_weight=0,
                                  name="menu")
        self.dice = Dice(app, self.tap_dice)
        self.dice_hint = Label(app, "", role="caption", colour_key="text_muted")
        self.caption_card = Panel(app)
        self.caption = TextBox(app, "", role="body")
        self.choice_buttons = [Button(app, "", lambda k=k: self.choose(k), style="primary", name=f"token_{k}")
                               for k in range(4)]
        for b in self.choice_buttons:
            b.visible = False
        self.score_card = Panel(app)
        self.score_labels = [Label(app, "", role="caption", align="left", translate=False) for _ in self.players]
        self.money_labels = [Label(app, "", role="caption", align="right", translate=False) for _ in self.players]
        self.items = [self.turn_label, self.menu_button, self.caption_card, self.caption, self.dice, self.dice_hint,
                      *self.choice_buttons, self.score_card, *self.score_labels, *self.money_labels]

    def place(self, size) -> None:
        w, h = size
        u = self.app.unit
        m = round(2.5 * u)
        gap = 2 * u
        if self.demo:   # attract loop: just the board, centred, under the title
            self.board_area = pygame.Rect(m, m, w - 2 * m, h - 2 * m)
            self.view.layout(self.board_area)
            self._frame = None
            self._full = True
            return
        if layout.is_portrait(size):
            board_area = pygame.Rect(m, m, w - 2 * m, round(min(w - 2 * m, h * 0.56)))
            self.view.layout(board_area)
            board_area.h = min(board_area.h, self.view.rect.h + round(2.4 * u))   # no gap under a short board
            self.view.layout(board_area)
            panel = pygame.Rect(m, board_area.bottom + 2 * u, w - 2 * m, h - board_area.bottom - 2 * u - m)
        else:
            board_side = min(h - 2 * m, w * 0.6)
            board_area = pygame.Rect(m, m, round(board_side), h - 2 * m)
            self.view.layout(board_area)
            panel = pygame.Rect(board_area.right + 3 * u, m, w - board_area.right - 3 * u - m, h - 2 * m)
        self.board_area = board_area
        self.panel = panel
        # top row across the panel: whose turn + menu
        top = pygame.Rect(panel.x, panel.y, panel.w, 12 * u)
        menu_w = min(26 * u, top.w * 0.3)
        self.menu_button.rect = pygame.Rect(round(top.right - menu_w), top.y, round(menu_w), top.h)
        self.turn_label.rect = pygame.Rect(top.x, top.y, round(top.w - menu_w - 2 * u), top.h)
        below = pygame.Rect(panel.x, top.bottom + gap, panel.w, panel.bottom - top.bottom - gap)
        # dice on the left; the caption card beside it holds the token choices at its foot
        dice_side = round(min(22 * u, below.w * 0.3))
        self.dice.rect = pygame.Rect(below.x + round(u), below.y + round(u), dice_side, dice_side)
        card = pygame.Rect(self.dice.rect.right + 3 * u, below.y, below.right - self.dice.rect.right - 3 * u,
                           dice_side + round(u) + gap + 12 * u)
        self.caption_card.rect = card
        inner = layout.inset(card, 1.5 * u, 1.5 * u)
        self.choices_rect = pygame.Rect(inner.x, inner.bottom - 11 * u, inner.w, 11 * u)
        for b, r in zip(self.choice_buttons, layout.row(self.choices_rect, len(self.choosing) or 4, 24 * u, 1.5 * u, align="left")):
            b.rect = r
        self.caption_full = layout.inset(card, 2 * u, 1.5 * u)
        self.caption_short = pygame.Rect(self.caption_full.x, self.caption_full.y, self.caption_full.w,
                                         self.choices_rect.y - self.caption_full.y - u)
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
        self.score_rows = rows
        for i, r in enumerate(rows):
            token_w = r.h
            text = pygame.Rect(r.x + token_w + u, r.y, r.w - token_w - u, r.h)
            name_r, money_r = layout.split_h(text, 1.1, 1, gap=u)
            self.score_labels[i].rect = name_r
            self.money_labels[i].rect = money_r
        self._frame = None
        self._full = True
        self._update_scores()

    def _update_scores(self) -> None:
        if self.demo:
            return   # the attract loop's demo shows no score card
        # Babel's locale data loads when a number or date is first shown, not before the title
        from game.i18n.formatting import money
        for i, p in enumerate(self.players):
            tag = self.app.tr(N_("电脑")) if p.computer else self.app.tr(N_("真人"))
            place = ""
            if self.game.is_finished(i):
                place = " · " + self.app.tr("第{n}名").format(n=self.game.finish_order.index(i) + 1)
            self.score_labels[i].set_text(f"{self.app.tr(p.name)} {p.number} · {tag}{place}")
            self.money_labels[i].set_text(money(self.game.scores[i].savings, self.app.locale))

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

    # ------------------------------------------------------------ text
    def _name(self, p: int) -> str:
        return self.app.tr(self.players[p].name)

    def _turn_text(self) -> str:
        g = self.game
        if g.is_over:
            return self.app.tr("游戏结束")
        p = g.current
        if self.players[p].computer:
            return self.app.tr("轮到{name}（电脑）").format(name=self._name(p))
        return self.app.tr("轮到{name}：点骰子").format(name=self._name(p))

    def _set_caption(self, text: str) -> None:
        self.caption.set_text(text)
        self.dirty = True

    def _keyword(self, tile_id: str) -> str:
        tile = self.app.library.tiles.get(tile_id)
        return self.app.tr(tile.keyword) if tile else tile_id

    # ------------------------------------------------------------ actions
    def tap_dice(self) -> None:
        if self._human_to_roll():
            self.app.sound.play("button")
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
            self._hide_choices()
            self.play(self.game.apply(move))

    def _hide_choices(self) -> None:
        self.choosing = []
        for b in self.choice_buttons:
            b.visible = False
        self.caption.rect = self.caption_full
        self.refresh_focus()

    def open_menu(self) -> None:
        self.app.nav.navigate("pause")

    def play(self, events: list) -> None:
        self.script = self._playback(events)
        self.wait = 0.0
        self.animating = True

    # ------------------------------------------------------------ playback of rules events
    def T(self, key: str) -> float:
        return TIMING[key][1 if self.app.reduced_motion else 0]

    def _playback(self, events: list):
        for e in events:
            yield from self._show(e)
        self._update_scores()

    def _walk(self, p: int, tokens, path, step: float, arc: float = 0.25):
        for spot in path:
            for t in tokens:
                self.tweens[(p, t)] = Tween(self.drawn[(p, t)], spot, step, arc)
            self.app.sound.play("move")
            yield step
            for t in tokens:
                self.drawn[(p, t)] = spot
                self.tweens.pop((p, t), None)

    def _glide(self, p: int, tokens, to: Spot, duration: float, arc: float):
        for t in tokens:
            self.tweens[(p, t)] = Tween(self.drawn[(p, t)], to, duration, arc)
        yield duration
        for t in tokens:
            self.drawn[(p, t)] = to
            self.tweens.pop((p, t), None)

    def _event_text(self, e) -> str | None:
        """The caption for a rules event in the current language (None: the event has no caption of its own).

        Kept apart from ``_show`` so a language switch can say the last caption again in the new language.
        """
        tr = self.app.tr
        name = self._name(e.player)
        if isinstance(e, ev.Rolled):
            return tr("{name}掷出了 {n} 点").format(name=name, n=e.value)
        if isinstance(e, ev.ExtraRoll):
            return tr("掷出6点，{name}再掷一次！").format(name=name)
        if isinstance(e, ev.Launched):
            return tr("{name}掷出{n}点，飞机起飞！").format(name=name, n=self.game.last_roll)
        if isinstance(e, ev.Moved):
            if e.cause == "roll":
                return None
            return {
                "safe_tile": tr("帮助格奖励：{name}再前进 {n} 格"),
                "scene_safe": tr("识破骗局，奖励{name}前进 {n} 格"),
                "scene_risky": tr("上当了，{name}后退 {n} 格"),
            }.get(e.cause, tr("{name}走 {n} 格")).format(name=name, n=len(e.path))
        if isinstance(e, ev.Bounced):
            return tr("点数多了：终点要正好走到，多出的 {n} 步往回走").format(n=e.surplus)
        if isinstance(e, ev.Jumped):
            colour = tr(COLOUR_NAMES.get(self.players[e.player].colour, "")).rstrip("方")
            n = (e.to.index - e.frm.index) % max(1, self.board.length)
            return tr("{name}落在自己颜色（{colour}色）的格子，跳 {n} 格到下一个{colour}色格").format(
                name=name, colour=colour, n=n)
        if isinstance(e, ev.Flew):
            return tr("{name}停在自己颜色的飞行格，沿虚线飞越棋盘！").format(name=name)
        if isinstance(e, ev.Captured):
            victim = self._name(e.victim)
            if e.by_flight:
                return tr("{name}飞过{victim}的航道，{victim}的飞机被撞回机库").format(name=name, victim=victim)
            return tr("{name}和{victim}落在同一格，{victim}的飞机被撞回机库").format(name=name, victim=victim)
        if isinstance(e, ev.Finished):
            if len(self.game.positions(e.player)) > 1:
                return tr("{name}的 {n} 号飞机到家了！").format(name=name, n=e.tokens[0] + 1)
            return tr("{name}到达终点！").format(name=name)
        if isinstance(e, ev.PlayerFinished):
            return tr("{name}第 {n} 个到达终点！").format(name=name, n=e.place)
        if isinstance(e, ev.TripleSixPenalty):
            return tr("连续三次掷出6点：刚走过的飞机要回机库，换下一位")
        if isinstance(e, ev.TurnLost):
            return tr("{name}上一关上当了，这一轮停一次").format(name=name)
        if isinstance(e, ev.SafeTileLanded):
            tile = self.app.library.tiles.get(e.tile)
            tip = tr(tile.tip) if tile and tile.tip else ""
            return tr("帮助格「{k}」：{tip}").format(k=self._keyword(e.tile), tip=tip)
        if isinstance(e, ev.SceneRequested):
            return tr("{name}踩到「{k}」！小心，看看会发生什么…").format(name=name, k=self._keyword(e.tile))
        if isinstance(e, ev.SceneResolved):
            if e.outcome in ("right",):
                text = tr("{name}答对了！")
            elif e.outcome == "wrong":
                text = tr("{name}答错了，记住正确做法")
            elif e.safe:
                text = tr("{name}识破了骗局！")
            else:
                text = tr("{name}上当了")
            text = text.format(name=name)
            if e.money_lost:
                # Babel's locale data loads when a number or date is first shown, not before the title
                from game.i18n.formatting import money
                words = tr("，公司损失 {m}") if e.company_money else tr("，损失 {m}")
                text += words.format(m=money(e.money_lost, self.app.locale))
            if e.loses_next_turn:
                text += tr("，下一轮停一次")
            tile = self.app.library.tiles.get(e.tile)
            if tile is not None and tile.tip:
                text += "\n" + tr("记住：") + tr(tile.tip)
            return text
        if isinstance(e, ev.TurnPassed):
            return self._turn_text()
        if isinstance(e, ev.GameOver):
            return tr("游戏结束！{name}获胜").format(name=name)
        return None

    def _say_turn(self) -> None:
        self._caption_event = None
        self._set_caption(self._turn_text())

    def _say(self, e) -> None:
        """Caption an event (and remember it, to say it again after a language switch)."""
        text = self._event_text(e)
        if text is not None:
            self._caption_event = e
            self._set_caption(text)

    def on_locale_changed(self) -> None:
        """Every word on the board panel in the new language; the game itself is untouched."""
        self._update_scores()
        if self.choosing:
            self._offer(self.choosing)
        elif getattr(self, "_caption_event", None) is not None:
            self._set_caption(self._event_text(self._caption_event))
        else:
            self._set_caption(self._turn_text())
        self._frame = None
        self._full = True
        self.dirty = True

    def _show(self, e):
        if isinstance(e, ev.Rolled):
            self.app.sound.play("dice")
            self.dice.roll(e.value, self.T("dice"))
            self._say(e)
            yield self.T("dice") + self.T("after_roll")
        elif isinstance(e, ev.ExtraRoll):
            self._say(e)
            yield self.T("caption")
        elif isinstance(e, ev.Launched):
            self._say(e)
            yield from self._glide(e.player, e.tokens, e.to, self.T("hop"), 0.8)
        elif isinstance(e, ev.Moved):
            self._say(e)
            yield from self._walk(e.player, e.tokens, e.path, self.T("step"))
        elif isinstance(e, ev.Bounced):
            self._say(e)
            yield self.T("caption")
        elif isinstance(e, ev.Jumped):
            self._say(e)
            yield self.T("caption") * 0.5
            yield from self._glide(e.player, e.tokens, e.to, self.T("hop"), 1.2)
        elif isinstance(e, ev.Flew):
            self._say(e)
            yield self.T("caption") * 0.5
            yield from self._glide(e.player, e.tokens, e.to, self.T("fly"), 2.5)
        elif isinstance(e, ev.Captured):
            self._say(e)
            self.app.sound.play("wrong")
            home = self.game.spot(e.victim, e.victim_tokens[0])
            yield from self._glide(e.victim, e.victim_tokens, home, self.T("capture"), 1.5)
            yield self.T("caption") * 0.5
        elif isinstance(e, ev.Finished):
            self._say(e)
            self.app.sound.play("right")
            yield self.T("caption")
        elif isinstance(e, ev.PlayerFinished):
            self._say(e)
            self._update_scores()
            yield self.T("caption")
        elif isinstance(e, ev.TripleSixPenalty):
            self._say(e)
            for t in e.tokens:
                yield from self._glide(e.player, (t,), self.game.spot(e.player, t), self.T("capture"), 1.0)
            yield self.T("caption")
        elif isinstance(e, ev.TurnLost):
            self._say(e)
            yield self.T("caption") * 1.5
        elif isinstance(e, ev.SafeTileLanded):
            self._say(e)
            self.app.sound.play("right")
            self.flash_square = e.square
            yield self.T("caption") * 2
            self.flash_square = None
        elif isinstance(e, ev.SceneRequested):
            self._say(e)
            self.flash_square = e.square
            yield self.T("scene_intro")
            self.flash_square = None
            self._open_scene(e)
        elif isinstance(e, ev.SceneResolved):
            self._say(e)
            self._update_scores()
            yield self.T("caption") * 2.5
        elif isinstance(e, ev.TurnPassed):
            self._say_turn()
            yield self.T("turn")
        elif isinstance(e, ev.GameOver):
            self._say(e)
            self.app.sound.play("right")
            yield self.T("caption") * 2
            self.show_results()

    # ------------------------------------------------------------ scenes
    def _open_scene(self, req) -> None:
        lib = self.app.library
        player = self.players[req.player]
        scenario_id = req.scenario
        if self.app.autoplay and scenario_id:
            scenario_id = self._autoplay_scenario(scenario_id)
        scene = None
        if self.demo:
            pass   # the attract loop shows no scam screens: the scene is settled at once below
        elif scenario_id and scenario_id in lib.scenarios:
            scenario = lib.scenarios[scenario_id]
            self.seen_channels |= set(scenario.channels)
            scene = self.app.nav.make("scenario", scenario=scenario, player=player, on_done=self.scene_done,
                                      savings=self.game.scores[req.player].savings)
        elif req.quiz and req.quiz[0] in lib.quiz_pools:
            pool = lib.quiz_pools[req.quiz[0]]
            scene = self.app.nav.make("quiz", item=pool.items[req.quiz[1]], player=player, on_done=self.scene_done,
                                      pool_id=pool.id, index=req.quiz[1], scam_type=pool.scam_type)
        if scene is None:
            policy = player.policy or get_policy(COMPUTER_POLICY)
            self.scene_open = None
            self.scene_result = play_pending_scene(self.game, policy, self.game.ai_rng)
            return
        self.scene_open = scene
        self.app.stack.push(scene)

    def _autoplay_scenario(self, picked: str) -> str:
        """Autoplay exercises every phone channel: prefer scripts showing channels not seen yet."""
        seen = self.app.autoplayer.channels if self.app.autoplayer is not None else self.seen_channels
        lib = self.app.library.scenarios
        best = max(lib.values(), key=lambda s: (len(set(s.channels) - seen), s.id == picked, -len(s.nodes)))
        if set(best.channels) - seen:
            seen |= set(best.channels)
            return best.id
        return picked

    def scene_done(self, result: SceneResult) -> None:
        """Called by the scenario / quiz scene with its result."""
        scene = self.scene_open
        self.scene_open = None
        self.scene_result = result
        if scene is not None and self.app.stack.top is scene:
            self.app.stack.pop()
        self.dirty = True

    def skip_scene(self) -> None:
        """Leave the open scene unplayed: it closes, nothing is scored, the game goes on."""
        while self.app.stack.top is not None and self.app.stack.top is not self:
            self.app.stack.pop()
        self.scene_open = None
        self.scene_skipped = True
        self.dirty = True

    def _feed_result(self) -> None:
        if self.scene_skipped:
            self.scene_skipped = False
            self.play(self.game.skip_scene())
            return
        result, self.scene_result = self.scene_result, None
        self.play(self.game.resolve_scene(result))

    def show_results(self) -> None:
        if self.demo:   # attract loop: start over
            self.game = Game(self.board, self.game.players, self.app.rng.getrandbits(32), library=self.app.library)
            self._sync_tokens()
            self._update_scores()
            return
        self.results_shown = True
        self.app.games_played += 1
        score = self.game.session_score()
        players = [(f"{self._name(i)} {p.number}", p.colour, self.game.scores[i]) for i, p in enumerate(self.players)]
        self.app.nav.navigate("results", session_score=score, players=players)

    def resume(self) -> None:
        super().resume()
        self._full = True
        if self.results_shown:
            self.app.nav.home()

    # ------------------------------------------------------------ the turn, when nothing plays back
    def _decide(self, dt: float) -> None:
        g = self.game
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
        u = self.app.unit
        for b, r in zip(self.choice_buttons, layout.row(self.choices_rect, len(self.choosing), 24 * u, 1.5 * u,
                                                          align="left")):
            b.rect = r
        for k, b in enumerate(self.choice_buttons):
            if k < len(self.choosing):
                m = self.choosing[k]
                b.visible = True
                b.icon = self.players[m.player].shape
                b.set_text(self.app.tr("{n}号 起飞") if m.launch else self.app.tr("{n}号"))
                b.set_text(b.text.format(n=m.token + 1))
            else:
                b.visible = False
        self.caption.rect = self.caption_short
        self._caption_event = None
        self._set_caption(self.app.tr("{name}：选一架飞机走（点下面的按钮或棋盘上的飞机）").format(
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
        return False

    def _token_at(self, pos):
        radius = max(self.view.token_radius * 1.6, self.app.min_touch / 2)
        best = None
        for key, xy in self.token_positions().items():
            d = math.dist(xy, pos)
            if d <= radius and (best is None or d < best[0]):
                best = (d, key)
        return best[1] if best else None

    def update(self, dt: float) -> None:
        super().update(dt)
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
                    self._sync_tokens()
                    self._update_scores()
        # Waiting for a person to tap: a gentle low-rate pulse instead of 60 fps.
        waiting = (self.script is None and not self.tweens and not self.dice.is_rolling and self._idle()
                   and (self.dice.enabled or bool(self.choosing)))
        self.animating = not waiting
        self.idle_fps = 15 if waiting and not self.app.reduced_motion else 0
        self.dirty = True

    # ------------------------------------------------------------ drawing
    # The board, cards and backdrop are one cached picture. While planes move,
    # only the rectangles that change are restored from it and drawn again
    # (tokens, dice, caption …), and only those are sent to the screen.

    def _static_frame(self, surface) -> pygame.Surface:
        key = (surface.get_size(), self.app.theme.name, self.app.text_scale_key, self.app.locale)
        if getattr(self, "_frame", None) is None or self._frame[0] != key:
            frame = pygame.Surface(surface.get_size()).convert()
            draw_backdrop(self.app, frame, frame=False, keep=False)
            self.view.draw(frame)
            if not self.demo:
                self.caption_card.draw(frame)
                self.score_card.draw(frame)
            self._frame = (key, frame)
            self._full = True
        return self._frame[1]

    def _token_sprite(self, p: int, number: int, radius: float) -> pygame.Surface:
        t = self.app.theme
        info = self.players[p]
        key = (p, number, round(radius), t.name, self.app.text_scale_key)
        cache = self.__dict__.setdefault("_sprites", {})
        sprite = cache.get(key)
        if sprite is None:
            side = round(radius * 2.6)
            sprite = pygame.Surface((side, side), pygame.SRCALPHA)
            draw_token(self.app, sprite, info.shape, t.player_colour(info.colour), (side / 2, side / 2), radius, number)
            cache[key] = sprite
        return sprite

    def _token_rect(self, xy, radius) -> pygame.Rect:
        r = pygame.Rect(0, 0, round(radius * 3.2), round(radius * 3.2))
        r.center = (round(xy[0]), round(xy[1]))
        return r

    def _state(self):
        """What the panel shows; when it changes, those rectangles are redrawn."""
        return (self.caption.text, self.caption.rect.size, self.game.current, self.game.is_over,
                tuple(l.text for l in self.score_labels), tuple(l.text for l in self.money_labels),
                tuple((b.visible, b.text, b.pressed, b.focused) for b in self.choice_buttons),
                self.menu_button.pressed, self.menu_button.focused, self.flash_square)

    def draw(self, surface: pygame.Surface) -> None:
        self.app.report_dirty(self.paint(surface))

    def paint(self, surface: pygame.Surface, under: bool = False, extra=()) -> list | None:
        """Draw what changed since the last frame; returns the rectangles drawn (None: everything).

        ``under``: another scene draws this board beneath itself every frame (the kiosk's
        attract loop) and repaints its own layer over the returned rectangles; ``extra`` are
        areas that scene wants restored as well, or a function of the changed areas giving them.
        """
        static = self._static_frame(surface)
        positions = self.token_positions()
        radius = self.view.token_radius
        token_rects = {k: self._token_rect(xy, radius) for k, xy in positions.items()}
        state = self._state()
        full = (getattr(self, "_full", True) or (self.app.stack.top is not self and not under)
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
                          self.turn_label.rect, self.menu_button.rect.inflate(self.app.unit * 2, self.app.unit * 2)]
            if self.flash_square is not None or state[-1] != self._last_state[-1]:
                sq = self._last_flash if self.flash_square is None else self.flash_square
                if sq is not None:
                    dirty.append(self.view.squares[sq].inflate(self.app.unit * 4, self.app.unit * 4))
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
        self._full = False
        return dirty

    def _draw_dynamic(self, surface, positions, token_rects, dirty) -> None:
        t = self.app.theme
        u = self.app.unit
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
            sprite = self._token_sprite(i, p.number, r.h * 0.38)
            surface.blit(sprite, sprite.get_rect(center=(round(r.x + r.h / 2), r.centery)))
            if i == self.game.current and not self.game.is_over:
                pygame.draw.rect(surface, t.accent, r.inflate(round(u), round(u * 0.4)), max(2, round(0.35 * u)),
                                 border_radius=round(u))

    def _draw_turn(self, surface) -> None:
        g = self.game
        p = self.players[g.current]
        r = self.turn_label.rect
        radius = r.h * 0.36
        sprite = self._token_sprite(g.current, p.number, radius)
        surface.blit(sprite, sprite.get_rect(center=(round(r.x + radius + 2), r.centery)))
        label = self.turn_label
        text = self.app.tr("{name}的回合").format(name=self._name(g.current)) if not g.is_over else self.app.tr("游戏结束")
        if label.text != text:
            label.set_text(text)
        saved = label.rect
        offset = round(radius * 2 + self.app.unit * 1.5)
        label.rect = pygame.Rect(r.x + offset, r.y, r.w - offset, r.h)
        label.draw(surface)
        label.rect = saved

    def _draw_tokens(self, surface, positions, token_rects, dirty) -> None:
        t = self.app.theme
        radius = self.view.token_radius
        movable = {(m.player, tok) for m in self.choosing for tok in m.tokens}
        order = sorted(positions, key=lambda k: (k in self.tweens, positions[k][1]))
        for key in order:
            rect = token_rects[key]
            if dirty is not None and rect.collidelist(dirty) < 0:
                continue
            x, y = positions[key]
            if key in movable:
                ring = radius * (1.35 + 0.2 * math.sin(self.pulse / 1.2 * 2 * math.pi))
                pygame.draw.circle(surface, t.accent, (round(x), round(y)), round(ring), max(3, round(radius * 0.18)))
            number = key[1] + 1 if len(self.game.positions(key[0])) > 1 else self.players[key[0]].number
            sprite = self._token_sprite(key[0], number, radius)
            surface.blit(sprite, sprite.get_rect(center=(round(x), round(y))))

    def widgets(self) -> list:
        return [w for w in (self.turn_label, self.menu_button, self.dice, self.caption, *self.choice_buttons,
                            *self.score_labels, *self.money_labels) if w.visible and w.rect.w > 0]

    # for the autoplay driver: what a person would tap now
    def autoplay_targets(self) -> list:
        if self.dice.enabled and self._human_to_roll():
            return [self.dice]
        return [b for b in self.choice_buttons if b.visible]


class PauseScene(ScreenScene):
    """Menu over the board: continue, settings, back to the title."""

    name = "pause"
    opaque = False

    def build(self) -> None:
        app = self.app
        self.card = Panel(app)
        self.heading = Label(app, N_("暂停"), role="heading", colour_key="accent")
        self.resume_button = Button(app, N_("继续游戏"), self.back, icon="play", name="resume")
        self.settings_button = Button(app, N_("设置"), self.settings, style="secondary", icon="gear", autoplay_weight=0)
        self.home_button = Button(app, N_("回到首页"), self.home, style="secondary", icon="home", autoplay_weight=0)
        self.items = [self.card, self.heading, self.resume_button, self.settings_button, self.home_button]

    def place(self, size) -> None:
        u = self.app.unit
        w = min(size[0] - 8 * u, 80 * u)
        h = min(size[1] - 8 * u, 70 * u)
        self.card.rect = layout.centered(pygame.Rect(0, 0, *size), w, h)
        inner = layout.inset(self.card.rect, 4 * u, 3 * u)
        self.heading.rect = pygame.Rect(inner.x, inner.y, inner.w, 10 * u)
        body = pygame.Rect(inner.x, self.heading.rect.bottom + u, inner.w, inner.bottom - self.heading.rect.bottom - u)
        rows = layout.column(body, 3, 13 * u, 2 * u)
        self.resume_button.rect, self.settings_button.rect, self.home_button.rect = rows

    def draw(self, surface) -> None:
        veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        veil.fill((0, 0, 0, 120))
        surface.blit(veil, (0, 0))
        self.draw_widgets(surface)

    def back(self) -> bool:
        self.app.stack.pop()
        return True

    def settings(self) -> None:
        self.app.nav.navigate("settings")

    def home(self) -> None:
        self.app.nav.home()


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

