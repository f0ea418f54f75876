"""What the board's caption says about each rules event, in the player's language."""

from __future__ import annotations

from game.rules import events as ev

from ...seats import COLOUR_NAMES

# A caption stays until it has been read: this long per character, never less than the minimum (seconds).
READ_PER_CHAR = 0.25
READ_MIN = 1.5


def read_time(text: str) -> float:
    """Seconds a reader needs for ``text`` (spaces and line breaks do not count)."""
    return max(READ_MIN, READ_PER_CHAR * sum(1 for c in text if not c.isspace()))


class BoardCaptions:
    """The board scene's captions (a mixin of ``BoardScene``)."""

    # ------------------------------------------------------------ text
    def _name(self, p: int) -> str:
        return self.session.tr(self.players[p].name)

    def _turn_text(self) -> str:
        g = self.game
        if g.is_over:
            return self.session.tr("游戏结束")
        p = g.current
        if self.players[p].computer:
            return self.session.tr("轮到{name}（电脑）").format(name=self._name(p))
        return self.session.tr("轮到{name}：点骰子").format(name=self._name(p))

    def _set_caption(self, text: str) -> None:
        self.caption.set_text(text)
        self.caption_age = 0.0
        self.caption_due = read_time(text)
        self.dirty = True

    def _unread(self) -> float:
        """Seconds the caption on show still needs before another may take its place."""
        return max(0.0, getattr(self, "caption_due", 0.0) - getattr(self, "caption_age", 0.0))

    def caption_read(self) -> None:
        """The reader is done with the caption (a tap, or a player acting): the next may come at once."""
        self.caption_age = getattr(self, "caption_due", 0.0)
        if getattr(self, "reading", False):
            self.wait = min(self.wait, 0.0)

    def _stuck_text(self, reason: str) -> str:
        """Why a roll moved nothing, from the rules' reason (``Game.stuck_reason``)."""
        tr = self.session.tr
        if reason == "launch":
            faces = sorted(self.game.switches.launch_on)
            return tr("需要掷出{faces}点才能起飞").format(faces=tr("或").join(str(f) for f in faces))
        if reason == "overshoot":
            return tr("点数太大：要正好走到终点，这次走不动")
        if reason == "blocked":
            return tr("前面有两架别家的飞机挡路，走不动了")
        return tr("走不动了")

    def _keyword(self, tile_id: str) -> str:
        tile = self.session.library.tiles.get(tile_id)
        return self.session.tr(tile.keyword) if tile else tile_id

    def _event_text(self, e) -> str | None:
        """The caption for a rules event in the current language (None: the event has no caption of its own).

        Kept apart from ``_show`` so a language switch can say the last caption again in the new language.
        """
        tr = self.session.tr
        name = self._name(e.player)
        if isinstance(e, ev.Rolled):
            text = tr("{name}掷出了 {n} 点").format(name=name, n=e.value)
            stuck = self._stuck.get(e)
            return text if stuck is None else text + tr("：") + self._stuck_text(stuck)
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
            tile = self.session.library.tiles.get(e.tile)
            tip = tr(tile.tip) if tile and tile.tip else ""
            return tr("帮助格「{k}」：{tip}").format(k=self._keyword(e.tile), tip=tip)
        if isinstance(e, ev.SceneRequested):
            if e.catch_up:
                return tr("{name}这一轮没踩到关键词，补一关：前方的「{k}」").format(name=name, k=self._keyword(e.tile))
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
                text += words.format(m=money(e.money_lost, self.session.locale))
            if e.loses_next_turn:
                text += tr("，下一轮停一次")
            tile = self.session.library.tiles.get(e.tile)
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
        self.full_paint = True
        self.dirty = True
