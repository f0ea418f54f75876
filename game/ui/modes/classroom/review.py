"""我们错在哪: the scenes played, one at a time — the scam, who played it, the class's vote, the
choice taken against the right one, the technique and the right action. And the card 下课 shows
before the class set-up comes back.
"""

from __future__ import annotations

import pygame

from game.rules.classroom import LETTERS
from game.rules.classroom_debrief import WHOLE_CLASS, PlayedScene

from ....i18n.marker import N_
from ... import layout
from ...input import Action, Intent
from ...phone.labels import OUTCOME_LABELS, TECHNIQUE_LABELS
from ...widgets import Button, Label, Panel, ScreenScene, TextBox
from ..widgets import CardOverlay
from .state import ClassroomState, team_name


def scene_lines(app, played: PlayedScene) -> str:
    """What the page says about one scene, decision by decision."""
    tr = app.tr
    out = []
    for k, d in enumerate(played.decisions, 1):
        head = tr("第 {k} 次决定").format(k=k) if len(played.decisions) > 1 else tr("决定")
        part = [head + "：" + "  ".join(f"{LETTERS[i]}. {tr(o)}" for i, o in enumerate(d.options))]
        if d.counts is not None:
            part.append(tr("全班投票：") + d.split())
        if d.chosen is not None:
            part.append(tr("选了 {x}（{o}）").format(x=LETTERS[d.chosen], o=tr(OUTCOME_LABELS[d.outcome]))
                        + tr("，正确是 {x}").format(x=LETTERS[d.best]))
        else:
            part.append(tr("正确是 {x}").format(x=LETTERS[d.best]))
        if d.outcome == "risky" and d.techniques:
            part.append(tr("骗子用的套路：") + "、".join(tr(TECHNIQUE_LABELS.get(t, t)) for t in d.techniques))
        out.append("\n".join(part))
    return "\n\n".join(out)


class ClassReviewScene(ScreenScene):
    name = "class_review"

    def __init__(self, ctx, state: ClassroomState, start: int = 0):
        self.state = state
        self.index = max(0, min(start, len(state.played) - 1))
        super().__init__(ctx)

    def build(self) -> None:
        self.heading = Label(self.look, "", role="heading", colour_key="accent", align="left", translate=False)
        self.who = Label(self.look, "", role="body", colour_key="text_muted", align="right", translate=False)
        self.panel = Panel(self.look)
        self.body = TextBox(self.look, "", role="body", translate=False, align="left")
        self.right = TextBox(self.look, "", role="body", translate=False, align="left", colour_key="accent")
        self.prev_button = Button(self.look, N_("上一关"), lambda: self.go(-1), style="secondary", icon="back",
                                  name="review_prev")
        self.next_button = Button(self.look, N_("下一关"), lambda: self.go(+1), style="secondary", icon="play",
                                  name="review_next")
        self.close_button = Button(self.look, N_("回到总结"), self.back, icon="home", name="review_close")
        self.items = [self.heading, self.who, self.panel, self.body, self.right, self.prev_button, self.next_button,
                      self.close_button]
        self._sync()

    def _sync(self) -> None:
        tr = self.session.tr
        s = self.state.played[self.index]
        self.heading.set_text(tr("我们错在哪 · {i}/{n}").format(i=self.index + 1, n=len(self.state.played))
                              + " · " + tr(s.title))
        team = tr("全班") if s.team == WHOLE_CLASS else team_name(self.look, s.team)
        result = tr("跳过") if s.skipped else (tr("识破") if s.safe else tr("上当"))
        self.who.set_text(f"{team} · {result}")
        self.body.set_text(scene_lines(self.look, s) or tr("这一关没有做选择就跳过了"))
        self.right.set_text(tr("正确做法：") + tr(s.right_action) if s.right_action else "")
        self.prev_button.enabled = self.index > 0
        self.next_button.enabled = self.index < len(self.state.played) - 1
        self.refresh_focus()
        self.dirty = True

    def go(self, step: int) -> None:
        self.index = max(0, min(len(self.state.played) - 1, self.index + step))
        self._sync()

    def back(self) -> bool:
        if self.nav.top is self:
            self.nav.back()
        return True

    def handle(self, intent: Intent) -> bool:
        if intent.action is Action.SHORTCUT and intent.key in ("left", "right"):
            self.go(-1 if intent.key == "left" else 1)
            return True
        return super().handle(intent)

    def autoplay_targets(self) -> list:
        return [self.close_button]

    def place(self, size) -> None:
        u, area, portrait, gap = self.regions(size)
        top = layout.top_band(area, 10 * u)
        self.heading.rect = pygame.Rect(top.x, top.y, round(top.w * 0.7), top.h)
        self.who.rect = pygame.Rect(self.heading.rect.right, top.y, top.right - self.heading.rect.right, top.h)
        bar = layout.bottom_band(area, 12 * u)
        for b, r in zip((self.prev_button, self.next_button, self.close_button), layout.row(bar, 3, 46 * u, gap)):
            b.rect = r
        self.panel.rect = pygame.Rect(area.x, top.bottom + u, area.w, round(bar.y - gap - top.bottom - u))
        inner = layout.inset(self.panel.rect, 3 * u, 2 * u)
        right_h = round(min(20 * u, inner.h * 0.3))
        self.right.rect = pygame.Rect(inner.x, inner.bottom - right_h, inner.w, right_h)
        self.body.rect = pygame.Rect(inner.x, inner.y, inner.w, round(self.right.rect.y - u - inner.y))


class EndClassConfirm(CardOverlay):
    """下课？ — the results are saved (and where); the teacher confirms or goes back."""

    name = "class_end_confirm"

    def __init__(self, ctx, summary, saved: bool):
        self.summary = summary
        self.saved = saved
        super().__init__(ctx)

    def build(self) -> None:
        tr = self.session.tr
        self.heading = Label(self.look, N_("确定下课吗？"), role="heading", colour_key="accent")
        folder = self.summary.saved_csv.parent if self.saved and self.summary.saved_csv else None
        text = (tr("这节课的成绩已保存到：") + "\n" + str(folder) + "\n" + tr("下课后回到开课页面，屏幕上的成绩会清空。")
                if folder else tr("成绩没能保存！下课会丢掉这节课的成绩。请先点“导出成绩”或检查数据文件夹。"))
        self.body = TextBox(self.look, text, role="body", translate=False)
        self.cancel = Button(self.look, N_("再看看"), self.back, style="secondary", icon="back", name="end_cancel")
        self.ok = Button(self.look, N_("下课"), self.confirm, icon="home", name="end_confirm")
        self.items = [self.heading, self.body, self.cancel, self.ok]

    def confirm(self) -> None:
        if self.nav.top is self:
            self.nav.back()
        self.summary.end_confirmed()

    def back(self) -> None:
        if self.nav.top is self:
            self.nav.back()

    def autoplay_targets(self) -> list:
        return [self.ok]

    def place(self, size) -> None:
        u = layout.unit_for(size)
        self.card.rect = self.card_rect(size, 130, 70)
        inner = layout.inset(self.card.rect, 4 * u, 3 * u)
        self.heading.rect = pygame.Rect(inner.x, inner.y, inner.w, round(10 * u))
        bar = pygame.Rect(inner.x, inner.bottom - round(12 * u), inner.w, round(12 * u))
        self.cancel.rect, self.ok.rect = layout.row(bar, 2, 46 * u, 3 * u)
        self.body.rect = pygame.Rect(inner.x, self.heading.rect.bottom + u, inner.w,
                                     round(bar.y - 2 * u - self.heading.rect.bottom))
