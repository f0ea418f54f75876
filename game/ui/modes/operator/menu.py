"""The operator menu: status and notices, and the way to settings, statistics, the PIN and exit."""

from __future__ import annotations

import pygame

from game.settings import pin_is_default

from ....i18n.marker import N_
from ... import layout
from ...widgets import Button, Label, Panel, TextBox, same_text_size
from .common import MODE_NAMES, OperatorScreen, log, natural_height


class OperatorMenuScene(OperatorScreen):
    name = "operator_menu"

    def __init__(self, ctx):
        self.prompted = False
        self.confirm_exit = False
        super().__init__(ctx)

    def build(self) -> None:
        self.heading = Label(self.look, N_("管理员菜单"), role="heading", colour_key="accent")
        self.status = Label(self.look, "", role="caption", colour_key="text_muted", translate=False)
        self.panel = Panel(self.look)
        self.notice_title = Label(self.look, N_("提示"), role="body", colour_key="accent", align="left", bold=True)
        self.notices: list[TextBox] = [TextBox(self.look, "", role="caption", translate=False) for _ in range(5)]
        self.settings_button = Button(self.look, N_("设置"), self.open_settings, icon="gear", autoplay_weight=0,
                                      name="operator_settings")
        self.stats_button = Button(self.look, N_("统计数据"), self.open_stats, icon="info", autoplay_weight=0,
                                   name="operator_stats")
        self.packs_button = Button(self.look, N_("内容包"), self.open_packs, icon="plus", autoplay_weight=0,
                                   name="operator_packs")
        self.machine_button = Button(self.look, N_("本机与同步"), self.open_machine, icon="gear", autoplay_weight=0,
                                     name="operator_machine")
        self.pin_button = Button(self.look, N_("修改密码"), self.change_pin, style="secondary", icon="check",
                                 autoplay_weight=0, name="change_pin")
        self.content_button = Button(self.look, N_("内容问题"), self.open_problems, style="secondary", icon="info",
                                     autoplay_weight=0, name="content_problems")
        self.resume_button = Button(self.look, N_("返回游戏"), self.back, style="secondary", icon="play", autoplay_weight=0,
                                    name="resume")
        self.exit_button = Button(self.look, N_("退出游戏"), self.exit_game, style="risky", icon="cross", autoplay_weight=0,
                                  name="exit")
        self.buttons = [self.settings_button, self.stats_button, self.packs_button, self.machine_button, self.pin_button, self.content_button,
                        self.resume_button, self.exit_button]
        self.items = [self.heading, self.status, self.panel, self.notice_title, *self.notices, *self.buttons]
        self.message = ""
        self.refresh()

    # ---- content
    def notice_texts(self) -> list[str]:
        """What the operator should know, most urgent first."""
        tr = self.session.tr
        out = []
        if self.message:
            out.append(tr(self.message))
        if self.session.settings_notice:
            out.append(self.session.settings_notice)
        skipped = len(self.session.skipped_files)
        if skipped:
            out.append(tr("{n} 个内容文件有错误，未加载（其余内容照常可玩）。点“内容问题”查看。").format(n=skipped))
        stats = self.services.play_stats
        if stats is not None and (stats.notice or stats.last_error):
            out.append(tr("统计数据库：") + (stats.notice or stats.last_error))
        guard = self.services.crash_guard
        if guard.crashes:
            out.append(tr("本次运行中程序出错 {n} 次，已自动回到首页。错误报告在 {folder}").format(
                n=guard.crashes, folder=guard.last_report.parent if guard.last_report else "logs"))
        if pin_is_default(self.session.settings):
            out.append(tr("仍在使用初始密码 2468，请点“修改密码”换一个。"))
        if not out:
            out.append(tr("一切正常。"))
        return out[: len(self.notices)]

    def refresh(self) -> None:
        tr = self.session.tr
        mode = dict(MODE_NAMES).get(self.session.mode, self.session.mode)
        pack = self.session.library.packs.get(self.session.settings.pack) if self.session.library_ready else None
        stats_on = tr("开") if self.services.play_stats is not None else tr("关")
        self.status.set_text(" · ".join([tr("模式：") + tr(mode),
                                         tr("内容包：") + (tr(pack.name) if pack else tr("进门时选择")),
                                         tr("统计：") + stats_on]))
        texts = self.notice_texts()
        for box, text in zip(self.notices, texts + [""] * len(self.notices)):
            box.set_text(text)
            box.visible = bool(text)
        self.content_button.enabled = bool(self.session.skipped_files)
        self.exit_button.set_text(N_("再点一次：退出") if self.confirm_exit else N_("退出游戏"))
        self.dirty = True

    def show_message(self, text: str) -> None:
        self.message = text
        self.refresh()
        self.layout(self.look.size)

    # ---- life
    def enter(self) -> None:
        if pin_is_default(self.session.settings) and not self.prompted:
            self.prompted = True
            self.nav.navigate("pin_pad", purpose="new", prompt=True)

    def resume(self) -> None:
        super().resume()
        self.confirm_exit = False
        self.refresh()
        self.layout(self.look.size)

    # ---- actions
    def open_settings(self) -> None:
        self.nav.navigate("operator_settings")

    def open_stats(self) -> None:
        self.nav.navigate("operator_stats")

    def open_packs(self) -> None:
        self.nav.navigate("operator_packs")

    def open_machine(self) -> None:
        self.nav.navigate("operator_machine")

    def change_pin(self) -> None:
        self.nav.navigate("pin_pad", purpose="new")

    def open_problems(self) -> None:
        self.nav.navigate("content_problems")

    def exit_game(self) -> None:
        if not self.confirm_exit:
            self.confirm_exit = True
            self.refresh()
            return
        log.info("operator quit the game")
        self.services.quit_by_operator()

    # ---- layout
    def place(self, size) -> None:
        u, area, portrait, gap = self.regions(size)
        self.heading.rect = layout.top_band(area, 9 * u)
        self.status.rect = pygame.Rect(area.x, self.heading.rect.bottom, area.w, round(6 * u))
        body = pygame.Rect(area.x, self.status.rect.bottom + u, area.w, area.bottom - self.status.rect.bottom - u)
        if portrait:
            buttons = pygame.Rect(body.x, body.bottom - round(4 * 13 * u + 3 * gap), body.w, round(4 * 13 * u + 3 * gap))
            cells = layout.grid(buttons, len(self.buttons), 2, 13 * u, gap)
            self.panel.rect = pygame.Rect(body.x, body.y, body.w, round(buttons.y - gap - body.y))
        else:
            right_w = round(max(body.w * 0.42, 62 * u))   # 4:3 in English: "Content / problems" beside its icon
            buttons = pygame.Rect(body.right - right_w, body.y, right_w, body.h)
            cells = layout.grid(buttons, len(self.buttons), 2, min(15 * u, (body.h - 3 * gap) / 4), gap)
            self.panel.rect = pygame.Rect(body.x, body.y, round(body.w - right_w - 3 * u), body.h)
        for b, r in zip(self.buttons, cells):
            b.rect = r
        same_text_size(self.buttons)   # one size for the menu: no button shouts
        inner = layout.inset(self.panel.rect, 2.5 * u, 2 * u)
        self.notice_title.rect = pygame.Rect(inner.x, inner.y, inner.w, round(6 * u))
        rest = pygame.Rect(inner.x, self.notice_title.rect.bottom + u, inner.w,
                           inner.bottom - self.notice_title.rect.bottom - u)
        shown = [b for b in self.notices if b.visible]
        need = [natural_height(self.look, b.text, rest.w, "caption") for b in shown]
        if shown and sum(need) + (len(shown) - 1) * 2 * u <= rest.h:
            y = rest.y
            for box, h in zip(shown, need):   # one under the other, at their natural height
                box.rect = pygame.Rect(rest.x, round(y), rest.w, h)
                y += h + 2 * u
        else:
            for box, r in zip(shown, layout.split_v(rest, *need, gap=u) if shown else []):
                box.rect = r
        for box in self.notices:
            if not box.visible:
                box.rect = pygame.Rect(0, 0, 0, 0)
