"""全班投票: the class shows hands, the teacher enters the count per option, the split shows as bars.

Over the scam scene (or the quiz round) a card keeps the scam's title, the line being discussed
and the options labelled A, B, C … in the order the projector shows them. Each option has big
− and + buttons; on a keyboard ↑/↓ pick the option, digits type its count, +/− change it by one
and Enter ends the vote. Then the split shows as bars, and "揭晓" hands the ``Vote`` to
``on_done``: the caller plays the class's majority or lets the team choose.
"""

from __future__ import annotations

from typing import Callable

import pygame

from game.rules.classroom import CLASS_MAJORITY, LETTERS, Vote

from ....i18n.marker import N_
from ... import layout
from ...input import Action, Intent
from ...widgets import Button, Label, Panel, TextBox, role_px, same_label_size
from ..widgets import CardOverlay
from .qr_picture import QrPicture

NUMBER_KEYS = {str(d): d for d in range(10)}


class ClassVoteScene(CardOverlay):
    name = "class_vote"
    veil_alpha = 200

    def __init__(self, ctx, title: str, context: str, options: list[str], rule: str,
                 on_done: Callable[[Vote], None], team: str = "", phones=None, check: bool = False):
        self.title_text = title
        self.context_text = context
        self.option_texts = list(options)
        self.rule = rule
        self.team = team
        self.on_done = on_done
        self.vote = Vote(len(options))
        self.selected = 0
        self.typed = ""            # digits typed for the selected option
        self.split_shown = False
        self.phones = phones       # LessonPhones: the counts come from the phones
        self.check = check         # a learning-check item: counted, never revealed (classroom/check.py)
        self.question = phones.ask([ctx.session.tr(t) for t in options], ctx.session.tr(context)) if phones else None
        super().__init__(ctx)

    def build(self) -> None:
        tr = self.session.tr
        heading = tr(self.title_text) if self.check else tr("全班投票 · ") + tr(self.title_text)
        self.heading = Label(self.look, heading, role="heading", colour_key="accent", align="left", translate=False)
        self.context = TextBox(self.look, self.context_text, role="body", colour_key="text_muted")
        self.rows = [Panel(self.look) for _ in self.option_texts]
        self.option_labels = [TextBox(self.look, f"{LETTERS[i]}. {tr(t)}", role="body", translate=False, valign="center")
                              for i, t in enumerate(self.option_texts)]
        self.minus = [Button(self.look, "", lambda i=i: self.change(i, -1), style="secondary", icon="minus",
                             name=f"vote_minus_{i}") for i in range(len(self.option_texts))]
        self.plus = [Button(self.look, "", lambda i=i: self.change(i, +1), style="secondary", icon="plus",
                            name=f"vote_plus_{i}") for i in range(len(self.option_texts))]
        self.counts = [Label(self.look, "0", role="heading", translate=False) for _ in self.option_texts]
        self.shares = [Label(self.look, "", role="body", translate=False, align="left") for _ in self.option_texts]
        for share in self.shares:
            share.max_lines = 1      # "12 人 · 100%" never broken
        self.total = Label(self.look, "", role="body", colour_key="text_muted", align="left", translate=False)
        self.hint = Label(self.look, N_("举手计数：点 + 和 -，或用 ↑↓ 选项、数字键输入、回车结束"), role="caption",
                          colour_key="text_muted", align="left")
        self.qr = QrPicture(self.look, self.phones.server.join_url if self.question else "")
        self.room = Label(self.look, tr("手机投票 · 房间号 {code}").format(code=self.phones.server.room_code)
                          if self.question else "", role="heading", translate=False, colour_key="accent")
        self.url = Label(self.look, self.phones.server.url if self.question else "", role="caption", translate=False)
        for w in (self.qr, self.room, self.url):
            w.visible = self.question is not None
        self.end_button = Button(self.look, N_("结束投票"), self.end_vote, icon="check", name="vote_end")
        self.reveal_button = Button(self.look, N_("揭晓"), self.finish, icon="info", name="vote_reveal")
        self.items = [self.heading, self.context, *self.rows, *self.option_labels, *self.minus, *self.plus,
                      *self.counts, *self.shares, self.total, self.hint, self.qr, self.room, self.url, self.end_button,
                      self.reveal_button]
        self._sync()

    # ------------------------------------------------------------ the count
    def change(self, option: int, n: int) -> None:
        self.selected = option
        self.typed = ""
        self.vote.add(option, n)
        self._sync()

    def update(self, dt: float) -> None:
        """The phones' live split, read without waiting (a copy under the server's lock)."""
        super().update(dt)
        if self.question is not None and not self.split_shown:
            self.idle_fps = 10        # look at the phones' split ten times a second, even with nobody touching
            counts = self.phones.counts(len(self.option_texts))
            if counts != self.vote.counts:
                self.vote.counts = counts
                self._sync()

    def end_vote(self) -> None:
        if self.split_shown:
            return
        if self.question is not None:
            self.vote.counts = self.phones.close(len(self.option_texts))
        self.split_shown = True
        self.vote.closed = True
        self._sync()
        self.layout(self.look.size)

    def finish(self) -> None:
        if not self.split_shown:
            return
        if self.nav.top is self:
            self.nav.back()
        self.on_done(self.vote)

    def _sync(self) -> None:
        tr = self.session.tr
        shares = self.vote.shares()
        for i, (label, share) in enumerate(zip(self.counts, self.shares)):
            label.set_text(str(self.vote.counts[i]))
            label.colour_key = "accent" if i == self.selected and not self.split_shown else "text"
            share.set_text(tr("{n} 人 · {p}%").format(n=self.vote.counts[i], p=round(shares[i] * 100))
                           if self.split_shown else "")
        for b in (*self.minus, *self.plus):
            b.visible = not self.split_shown and self.question is None
        for label in self.counts:
            label.visible = not self.split_shown
        if self.question is not None and not self.split_shown:
            self.hint.set_text(N_("扫码或打开网址，输入房间号，用手机投票"))
        for w in (self.qr, self.room, self.url):
            w.visible = self.question is not None and not self.split_shown
        self.total.set_text(tr("共 {n} 人投票").format(n=self.vote.total))
        self.end_button.visible = not self.split_shown
        self.reveal_button.visible = self.split_shown
        if self.split_shown and self.check:
            self.reveal_button.set_text(N_("下一步"))
            self.reveal_button.translate = True
            self.hint.set_text(N_("小测不公布答案，只数举手人数（不记名）"))
        elif self.split_shown:
            choice = self.vote.decided(self.rule)
            if self.rule == CLASS_MAJORITY and choice is not None:
                self.reveal_button.set_text(tr("按全班多数：{x}").format(x=LETTERS[choice]))
            else:
                who = self.team or tr("这一组")
                self.reveal_button.set_text(tr("请{team}选择").format(team=who))
            self.reveal_button.translate = False
            self.hint.set_text(N_("全班多数：票数最多的选项；平票时由这一组决定") if self.rule == CLASS_MAJORITY
                               else N_("规则：全班投票，由这一组决定"))
        self.refresh_focus()
        self.dirty = True

    # ------------------------------------------------------------ keys
    def handle(self, intent: Intent) -> bool:
        a = intent.action
        if a is Action.SHORTCUT and not self.split_shown:
            key = intent.key or ""
            if key in NUMBER_KEYS:
                self.typed = (self.typed + key)[-2:]
                self.vote.set(self.selected, int(self.typed))
                self._sync()
                return True
            if key in ("+", "=", "kp +"):
                self.change(self.selected, +1)
                return True
            if key in ("-", "kp -"):
                self.change(self.selected, -1)
                return True
        if a in (Action.NEXT, Action.PREVIOUS) and not self.split_shown:
            step = 1 if a is Action.NEXT else -1
            self.selected = (self.selected + step) % len(self.option_texts)
            self.typed = ""
            self._sync()
            return True
        if a is Action.CONFIRM:
            if self.split_shown:
                self.finish()
            else:
                self.end_vote()
            return True
        if a is Action.BACK:
            return True           # a vote is ended, not dropped
        return super().handle(intent)

    def autoplay_targets(self) -> list:
        if self.split_shown:
            return [self.reveal_button]
        return [*self.plus, self.end_button]

    # ------------------------------------------------------------ layout and bars
    def place(self, size) -> None:
        u = layout.unit_for(size)
        self.card.rect = pygame.Rect(0, 0, size[0], size[1]).inflate(-round(3 * u), -round(3 * u))
        inner = layout.inset(self.card.rect, 3 * u, 2 * u)
        self.heading.rect = pygame.Rect(inner.x, inner.y, inner.w, round(9 * u))
        self.context.rect = pygame.Rect(inner.x, self.heading.rect.bottom, inner.w, round(12 * u))
        if layout.is_portrait(size):    # the button under the count and the hint, full width
            foot = pygame.Rect(inner.x, inner.bottom - round(32 * u), inner.w, round(32 * u))
            for b in (self.end_button, self.reveal_button):
                b.rect = pygame.Rect(foot.x, foot.bottom - round(12 * u), foot.w, round(12 * u))
            self.total.rect = pygame.Rect(foot.x, foot.y, foot.w, round(6 * u))
            self.hint.rect = pygame.Rect(foot.x, self.total.rect.bottom, foot.w, round(12 * u))
        else:
            foot = pygame.Rect(inner.x, inner.bottom - round(14 * u), inner.w, round(14 * u))
            bw = round(min(60 * u, inner.w * 0.4))
            for b in (self.end_button, self.reveal_button):
                b.rect = pygame.Rect(foot.right - bw, foot.bottom - round(12 * u), bw, round(12 * u))
            self.total.rect = pygame.Rect(foot.x, foot.y, round(foot.w - bw - 2 * u), round(6 * u))
            # two lines where the screen is narrow (4:3)
            self.hint.rect = pygame.Rect(foot.x, self.total.rect.bottom, self.total.rect.w, foot.bottom - self.total.rect.bottom)
        body = pygame.Rect(inner.x, self.context.rect.bottom + u, inner.w, foot.y - self.context.rect.bottom - 2 * u)
        if self.qr.visible:     # the QR code, the room code and the address beside the options
            side = round(min(body.h - 16 * u, body.w * 0.32))
            column = pygame.Rect(body.right - side, body.y, side, body.h)
            self.room.rect = pygame.Rect(column.x - round(10 * u), column.y, column.w + round(10 * u), round(8 * u))
            self.qr.rect = pygame.Rect(column.x, self.room.rect.bottom + u, side, side)
            self.url.rect = pygame.Rect(column.x - round(10 * u), self.qr.rect.bottom, column.w + round(10 * u),
                                        round(6 * u))
            body.w -= side + round(12 * u)
        n = len(self.option_texts)
        self.bar_areas = [pygame.Rect(0, 0, 0, 0)] * n
        inner_w = body.w - round(3 * u)
        btn_w = round(min(16 * u, (body.h - (n - 1) * u) / n, 14 * u))   # a − / + button, as wide as a short row
        share_w = self._share_w(inner_w)
        if self.split_shown:     # the count as wide as its words, the bar a quarter or more, the text the rest
            # (no wider than its longest option on one line: a wide screen's room goes to the bars)
            longest = self._widest(self.option_labels) + u
            most = inner_w - share_w - max(inner_w * 0.25, 12 * u) - 3 * u
            text_w = round(max(inner_w * 0.4, min(most, longest)))
        elif self.question is None:
            text_w = round(inner_w - 3 * btn_w - 4 * u)
        else:
            text_w = round(inner_w - btn_w - 2 * u)
        # each option's row as tall as its words (a long one takes more lines), at least a button's height
        px = role_px(self.look, "body")[0]
        needs = [max(btn_w, self.look.text.height(label.shown_text(), text_w, px)) + 1.2 * u
                 for label in self.option_labels]
        rects = layout.rows_as_needed(body, needs, 16 * u, u)
        btn = round(min(btn_w, min(r.h for r in rects) - 1.2 * u))    # every row's buttons in one column
        for i, rect in enumerate(rects):
            self.rows[i].rect = rect
            row = layout.inset(rect, 1.5 * u, 0.6 * u)
            if self.split_shown:
                bar_x = row.x + text_w + 2 * u
                self.bar_areas[i] = pygame.Rect(bar_x, row.y, round(row.right - share_w - u - bar_x), row.h)
                self.shares[i].rect = pygame.Rect(row.right - share_w, row.y, share_w, row.h)
            else:
                self.minus[i].rect = pygame.Rect(round(row.right - 2 * u - 3 * btn), row.y + (row.h - btn) // 2, btn, btn)
                self.counts[i].rect = pygame.Rect(self.minus[i].rect.right + u, row.y, btn - round(2 * u), row.h)
                if self.question is not None:
                    self.counts[i].rect = pygame.Rect(row.right - btn, row.y, btn, row.h)
                self.plus[i].rect = pygame.Rect(self.counts[i].rect.right + u, self.minus[i].rect.y, btn, btn)
                self.shares[i].rect = pygame.Rect(0, 0, 0, 0)
            self.option_labels[i].rect = pygame.Rect(row.x, row.y, text_w, row.h)
        same_label_size(self.option_labels)     # no option stands out by its size

    def _share_w(self, row_w: int) -> int:
        """The shares' column: the widest "12 人 · 100%" at the body text's size, at most a third of the row."""
        return round(min(row_w / 3, self._widest(self.shares) + self.look.unit))

    def _widest(self, labels) -> int:
        """The widest of ``labels``' words on one line at the body text's size."""
        font = self.look.text.font(role_px(self.look, "body")[0])
        return max((font.size(label.shown_text())[0] for label in labels), default=0)

    def bar_rects(self) -> list[pygame.Rect]:
        """The split's bars (the share label's box, filled to the option's share)."""
        out = []
        for share, r in zip(self.vote.shares(), self.bar_areas):
            h = min(r.h - r.h // 3, round(7 * self.look.unit))     # a bar, not a block beside a long option
            out.append(pygame.Rect(r.x, r.centery - h // 2, max(2, round(r.w * share)), h))
        return out

    def draw(self, surface) -> None:
        super().draw(surface)
        t = self.look.theme
        if not self.split_shown:
            row = self.rows[self.selected].rect
            pygame.draw.rect(surface, t.accent, row, max(2, round(0.4 * self.look.unit)))
            return
        top = max(self.vote.counts) if self.vote.total else -1
        for i, bar in enumerate(self.bar_rects()):
            colour = t.accent if self.vote.counts[i] == top else t.text_muted
            pygame.draw.rect(surface, colour, bar)
