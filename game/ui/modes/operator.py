"""The operator's screens: PIN pad, menu, settings, statistics.

Reached in every mode by a 3-second press in the top-left corner (or F12), then the
PIN (``game.settings.verify_pin``; 2468 until the operator sets their own, and the
menu asks for a new one while the default is in use). Five wrong PINs in a row lock
the pad for a minute. Settings are saved at once (``app.save_operator_settings``).
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import date, datetime

import pygame

from game.paths import user_data_dir
from game.settings import pin_is_default, set_pin, verify_pin

from ...i18n.marker import N_
from .. import layout
from ..input import Action, Intent
from ..seats import LANGUAGES
from ..text import LINE_SPACING
from ..widgets import Button, Label, Panel, ScreenScene, TextBox, role_px

log = logging.getLogger("game.operator")   # the operator's log (logs/game.log)

MIN_PIN, MAX_PIN = 4, 8
IDLE_CHOICES = (30, 60, 90, 120, 180, 300, 600)
MODE_NAMES = (("normal", N_("普通")), ("kiosk", N_("展台")), ("classroom", N_("课堂")))
TEXT_SIZES = (("normal", N_("标准")), ("large", N_("大")), ("extra_large", N_("特大")))


def natural_height(app, text: str, width: int, role: str) -> int:
    """Height of ``text`` wrapped at ``width`` in ``role``'s full size (what a TextBox needs not to shrink it)."""
    if not text or width <= 0:
        return 0
    return app.text.height(app.tr(text), width, role_px(app, role)[0], False, LINE_SPACING) + 2


def seconds_text(app, seconds: int) -> str:
    if seconds % 60 == 0 and seconds >= 120:
        return app.tr("{n} 分钟").format(n=seconds // 60)
    return app.tr("{n} 秒").format(n=seconds)


class OperatorScreen(ScreenScene):
    """Base: marks the scene as the operator's (no second PIN pad on top, no teacher shortcuts)."""

    operator_screen = True

    def back(self) -> bool:
        self.app.stack.pop()
        return True


# ---------------------------------------------------------------- PIN pad

class PinPadScene(OperatorScreen):
    """Big digit buttons. ``purpose``: "login" (then the menu), "new" and "confirm" (a new PIN)."""

    name = "pin_pad"
    HEADINGS = {"login": N_("管理员密码"), "new": N_("设置新的管理员密码"), "confirm": N_("再输入一次新密码")}

    def __init__(self, app, purpose: str = "login", first: str = "", prompt: bool = False, message: str = ""):
        self.purpose = purpose
        self.first = first             # confirm: the PIN typed the first time
        self.prompt = prompt           # new: asked because the default PIN is still in use
        self.pin = ""
        self.start_message = message
        super().__init__(app)

    def build(self) -> None:
        app = self.app
        self.heading = Label(app, self.HEADINGS[self.purpose], role="heading", colour_key="accent")
        self.message = TextBox(app, "", role="body", colour_key="text", align="center")
        self.dots = Label(app, "", role="title", colour_key="text", translate=False)
        self.keys = []
        for text in ("1", "2", "3", "4", "5", "6", "7", "8", "9"):
            self.keys.append(Button(app, text, lambda d=text: self.digit(d), style="secondary", translate=False,
                                    autoplay_weight=0, name=f"digit_{text}"))
        self.delete = Button(app, N_("删除"), self.delete_digit, style="secondary", icon="back", autoplay_weight=0,
                             name="delete")
        self.keys.append(self.delete)
        self.keys.append(Button(app, "0", lambda: self.digit("0"), style="secondary", translate=False,
                                autoplay_weight=0, name="digit_0"))
        self.ok = Button(app, N_("确定"), self.submit, icon="check", autoplay_weight=0, name="ok")
        self.keys.append(self.ok)
        cancel = N_("以后再说") if self.prompt else N_("取消")
        self.cancel = Button(app, cancel, self.back, style="secondary", icon="cross", autoplay_weight=0,
                             name="cancel")
        self.items = [self.heading, self.message, self.dots, *self.keys, self.cancel]
        self._say(self.start_message or self._hint())
        self._sync()

    def _hint(self) -> str:
        if self.purpose == "login":
            return N_("请输入管理员密码")
        if self.purpose == "new":
            if self.prompt:
                return N_("现在用的是初始密码 2468，说明书里人人都能查到。请设一个新密码（4–8 位数字）")
            return N_("请输入新密码（4–8 位数字）")
        return N_("请再输入一次，确认新密码")

    def _say(self, text: str) -> None:
        self.message.set_text(text)
        self.dirty = True

    def _sync(self) -> None:
        self.dots.set_text("●" * len(self.pin) + "○" * max(0, MIN_PIN - len(self.pin)))
        self.ok.enabled = len(self.pin) >= MIN_PIN
        self.dirty = True

    # ---- input
    def digit(self, d: str) -> None:
        if len(self.pin) < MAX_PIN:
            self.pin += d
            self._sync()

    def delete_digit(self) -> None:
        self.pin = self.pin[:-1]
        self._sync()

    def handle(self, intent: Intent) -> bool:
        if intent.action is Action.SHORTCUT and intent.key.isdigit() and len(intent.key) == 1:
            self.digit(intent.key)
            return True
        if intent.action is Action.CONFIRM and not (self.focus.current and self.focus.current.focused):
            self.submit()
            return True
        if intent.action is Action.BACK:
            if self.pin:
                self.delete_digit()
            else:
                self.back()
            return True
        if super().handle(intent):
            return True
        return intent.action in (Action.PRESS, Action.RELEASE)

    def submit(self) -> None:
        pin, self.pin = self.pin, ""
        self._sync()
        controller = self.app.controller
        if self.purpose == "login":
            wait = controller.pin_locked_for() if controller else 0
            if wait > 0:
                self._say(self.app.tr("错误次数太多，请 {n} 秒后再试").format(n=int(wait + 0.999)))
                return
            if verify_pin(self.app.settings, pin):
                if controller:
                    controller.pin_ok()
                log.info("operator menu opened")
                self.app.nav.replace("operator_menu")
            else:
                if controller:
                    controller.pin_failed()
                log.warning("wrong operator PIN")
                self._say(N_("密码不对，请再试一次"))
            return
        if not (MIN_PIN <= len(pin) <= MAX_PIN):
            self._say(N_("密码要 4 到 8 位数字"))
            return
        if self.purpose == "new":
            self.app.nav.navigate("pin_pad", purpose="confirm", first=pin, prompt=self.prompt)
            return
        # confirm
        if pin != self.first:
            self.app.stack.pop()
            new = self.app.stack.top
            if isinstance(new, PinPadScene):
                new._say(N_("两次输入的不一样，请重新输入新密码"))
            return
        save_new_pin(self.app, pin)
        self.app.stack.pop()                       # the confirm pad
        if isinstance(self.app.stack.top, PinPadScene) and self.app.stack.top.purpose == "new":
            self.app.stack.pop()                   # the new-PIN pad
        menu = self.app.stack.top
        if isinstance(menu, OperatorMenuScene):
            menu.show_message(N_("管理员密码已修改"))

    # ---- layout
    def place(self, size) -> None:
        u = self.app.unit
        area = self.content_rect()
        portrait = layout.is_portrait(size)
        gap = 2 * u
        if portrait:
            self.heading.rect = pygame.Rect(area.x, area.y, area.w, round(10 * u))
            self.message.rect = pygame.Rect(area.x, self.heading.rect.bottom, area.w, round(16 * u))
            self.dots.rect = pygame.Rect(area.x, self.message.rect.bottom, area.w, round(12 * u))
            bar = pygame.Rect(area.x, area.bottom - round(12 * u), area.w, round(12 * u))
            self.cancel.rect = layout.centered(bar, min(area.w, 50 * u), bar.h)
            pad = pygame.Rect(area.x, self.dots.rect.bottom + gap, area.w, bar.y - gap - self.dots.rect.bottom - gap)
        else:
            left_w = round(area.w * 0.46)
            left = pygame.Rect(area.x, area.y, left_w, area.h)
            self.heading.rect = pygame.Rect(left.x, left.y, left.w, round(12 * u))
            bar = pygame.Rect(left.x, left.bottom - round(13 * u), left.w, round(13 * u))
            self.cancel.rect = layout.centered(bar, min(left.w, 48 * u), bar.h)
            self.dots.rect = pygame.Rect(left.x, bar.y - round(16 * u), left.w, round(13 * u))
            self.message.rect = pygame.Rect(left.x, self.heading.rect.bottom + u, left.w,
                                            max(0, self.dots.rect.y - self.heading.rect.bottom - 2 * u))
            pad = pygame.Rect(left.right + 4 * u, area.y, area.right - left.right - 4 * u, area.h)
        # 3 × 4 keys, square-ish, as big as fits.
        key = min((pad.w - 2 * gap) / 3, (pad.h - 3 * gap) / 4, 22 * u)
        grid = layout.centered(pad, key * 3 + 2 * gap, key * 4 + 3 * gap)
        for b, r in zip(self.keys, layout.grid(grid, 12, 3, key, gap)):
            b.rect = r


def save_new_pin(app, pin: str) -> None:
    changed = set_pin(app.settings, pin)   # the pad only takes 4 to 8 digits: set_pin never refuses one
    app.save_operator_settings(operator_pin_hash=changed.operator_pin_hash,
                               operator_pin_salt=changed.operator_pin_salt)
    log.info("operator PIN changed")


# ---------------------------------------------------------------- the menu

class OperatorMenuScene(OperatorScreen):
    name = "operator_menu"

    def __init__(self, app):
        self.prompted = False
        self.confirm_exit = False
        super().__init__(app)

    def build(self) -> None:
        app = self.app
        self.heading = Label(app, N_("管理员菜单"), role="heading", colour_key="accent")
        self.status = Label(app, "", role="caption", colour_key="text_muted", translate=False)
        self.panel = Panel(app)
        self.notice_title = Label(app, N_("提示"), role="body", colour_key="accent", align="left", bold=True)
        self.notices: list[TextBox] = [TextBox(app, "", role="caption", translate=False) for _ in range(5)]
        self.settings_button = Button(app, N_("设置"), self.open_settings, icon="gear", autoplay_weight=0,
                                      name="operator_settings")
        self.stats_button = Button(app, N_("统计数据"), self.open_stats, icon="info", autoplay_weight=0,
                                   name="operator_stats")
        self.pin_button = Button(app, N_("修改密码"), self.change_pin, style="secondary", icon="check",
                                 autoplay_weight=0, name="change_pin")
        self.content_button = Button(app, N_("内容问题"), self.open_problems, style="secondary", icon="info",
                                     autoplay_weight=0, name="content_problems")
        self.resume_button = Button(app, N_("返回游戏"), self.back, style="secondary", icon="play", autoplay_weight=0,
                                    name="resume")
        self.exit_button = Button(app, N_("退出游戏"), self.exit_game, style="risky", icon="cross", autoplay_weight=0,
                                  name="exit")
        self.buttons = [self.settings_button, self.stats_button, self.pin_button, self.content_button,
                        self.resume_button, self.exit_button]
        self.items = [self.heading, self.status, self.panel, self.notice_title, *self.notices, *self.buttons]
        self.message = ""
        self.refresh()

    # ---- content
    def notice_texts(self) -> list[str]:
        """What the operator should know, most urgent first."""
        app = self.app
        tr = app.tr
        out = []
        if self.message:
            out.append(tr(self.message))
        if app.settings_notice:
            out.append(app.settings_notice)
        skipped = len(app.skipped_files)
        if skipped:
            out.append(tr("{n} 个内容文件有错误，未加载（其余内容照常可玩）。点“内容问题”查看。").format(n=skipped))
        stats = app.play_stats
        if stats is not None and (stats.notice or stats.last_error):
            out.append(tr("统计数据库：") + (stats.notice or stats.last_error))
        guard = app.crash_guard
        if guard.crashes:
            out.append(tr("本次运行中程序出错 {n} 次，已自动回到首页。错误报告在 {folder}").format(
                n=guard.crashes, folder=guard.last_report.parent if guard.last_report else "logs"))
        if pin_is_default(app.settings):
            out.append(tr("仍在使用初始密码 2468，请点“修改密码”换一个。"))
        if not out:
            out.append(tr("一切正常。"))
        return out[: len(self.notices)]

    def refresh(self) -> None:
        app = self.app
        tr = app.tr
        mode = dict(MODE_NAMES).get(app.mode, app.mode)
        pack = app.library.packs.get(app.settings.pack) if app.library_ready else None
        stats_on = tr("开") if app.play_stats is not None else tr("关")
        self.status.set_text(" · ".join([tr("模式：") + tr(mode),
                                         tr("内容包：") + (tr(pack.name) if pack else tr("进门时选择")),
                                         tr("统计：") + stats_on]))
        texts = self.notice_texts()
        for box, text in zip(self.notices, texts + [""] * len(self.notices)):
            box.set_text(text)
            box.visible = bool(text)
        self.content_button.enabled = bool(app.skipped_files)
        self.exit_button.set_text(N_("再点一次：退出") if self.confirm_exit else N_("退出游戏"))
        self.dirty = True

    def show_message(self, text: str) -> None:
        self.message = text
        self.refresh()
        self.layout(self.app.size)

    # ---- life
    def enter(self) -> None:
        if pin_is_default(self.app.settings) and not self.prompted:
            self.prompted = True
            self.app.nav.navigate("pin_pad", purpose="new", prompt=True)

    def resume(self) -> None:
        super().resume()
        self.confirm_exit = False
        self.refresh()
        self.layout(self.app.size)

    # ---- actions
    def open_settings(self) -> None:
        self.app.nav.navigate("operator_settings")

    def open_stats(self) -> None:
        self.app.nav.navigate("operator_stats")

    def change_pin(self) -> None:
        self.app.nav.navigate("pin_pad", purpose="new")

    def open_problems(self) -> None:
        self.app.nav.navigate("content_problems")

    def exit_game(self) -> None:
        if not self.confirm_exit:
            self.confirm_exit = True
            self.refresh()
            return
        log.info("operator quit the game")
        self.app.operator_exit = True
        self.app.request_quit()

    # ---- layout
    def place(self, size) -> None:
        u = self.app.unit
        area = self.content_rect()
        portrait = layout.is_portrait(size)
        gap = 2 * u
        self.heading.rect = pygame.Rect(area.x, area.y, area.w, round(9 * u))
        self.status.rect = pygame.Rect(area.x, self.heading.rect.bottom, area.w, round(6 * u))
        body = pygame.Rect(area.x, self.status.rect.bottom + u, area.w, area.bottom - self.status.rect.bottom - u)
        if portrait:
            buttons = pygame.Rect(body.x, body.bottom - round(3 * 13 * u + 2 * gap), body.w, round(3 * 13 * u + 2 * gap))
            cells = layout.grid(buttons, 6, 2, 13 * u, gap)
            self.panel.rect = pygame.Rect(body.x, body.y, body.w, round(buttons.y - gap - body.y))
        else:
            right_w = round(body.w * 0.42)
            buttons = pygame.Rect(body.right - right_w, body.y, right_w, body.h)
            cells = layout.grid(buttons, 6, 2, min(15 * u, (body.h - 2 * gap) / 3), gap)
            self.panel.rect = pygame.Rect(body.x, body.y, round(body.w - right_w - 3 * u), body.h)
        for b, r in zip(self.buttons, cells):
            b.rect = r
        inner = layout.inset(self.panel.rect, 2.5 * u, 2 * u)
        self.notice_title.rect = pygame.Rect(inner.x, inner.y, inner.w, round(6 * u))
        rest = pygame.Rect(inner.x, self.notice_title.rect.bottom + u, inner.w,
                           inner.bottom - self.notice_title.rect.bottom - u)
        shown = [b for b in self.notices if b.visible]
        need = [natural_height(self.app, b.text, rest.w, "caption") for b in shown]
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


# ---------------------------------------------------------------- settings

class OperatorSettingsScene(OperatorScreen):
    """Mode, idle reset, language, content pack, text size, statistics: saved at once."""

    name = "operator_settings"

    def build(self) -> None:
        app = self.app
        self.heading = Label(app, N_("设置（管理员）"), role="heading", colour_key="accent")
        self.rows: list[tuple[str, Label, list]] = []

        def choice_row(field, title, options, translate=True):
            label = Label(app, title, role="body", bold=True, align="left")
            buttons = []
            for value, text in options:
                b = Button(app, text, lambda f=field, v=value: self.set(f, v), style="choice", translate=translate,
                           autoplay_weight=0, name=f"{field}_{value}")
                buttons.append((value, b))
            self.rows.append((field, label, buttons))

        def cycle_row(field, title):
            label = Label(app, title, role="body", bold=True, align="left")
            b = Button(app, "", lambda f=field: self.cycle(f), style="choice", translate=False, icon="play",
                       autoplay_weight=0, name=f"{field}_next")
            self.rows.append((field, label, [(None, b)]))

        choice_row("mode", N_("模式"), MODE_NAMES)
        cycle_row("idle_timeout_s", N_("无人操作多久回到首页"))
        choice_row("locale", N_("语言"), LANGUAGES, translate=False)
        cycle_row("pack", N_("内容包"))
        choice_row("text_size", N_("文字大小"), TEXT_SIZES)
        choice_row("stats_enabled", N_("匿名统计"), ((True, N_("开")), (False, N_("关"))))
        self.note = Label(app, "", role="caption", colour_key="text_muted")
        self.done = Button(app, N_("完成"), self.back, icon="check", autoplay_weight=0, name="done")
        self.items = [self.heading]
        for _, label, buttons in self.rows:
            self.items += [label, *[b for _, b in buttons]]
        self.items += [self.note, self.done]
        self._sync()

    def _value(self, field):
        if field == "mode":
            return self.wanted_mode
        if field == "stats_enabled":
            return self.app.play_stats is not None
        return getattr(self.app.settings, field)

    def _sync(self) -> None:
        app = self.app
        if not hasattr(self, "wanted_mode"):
            self.wanted_mode = app.mode
        for field, _, buttons in self.rows:
            current = self._value(field)
            for value, b in buttons:
                if value is None:    # a cycling button shows the value
                    b.selected = True
                    b.set_text(self._cycle_text(field, current))
                else:
                    b.selected = value == current
        if self.wanted_mode != app.mode:
            name = app.tr(dict(MODE_NAMES).get(self.wanted_mode, self.wanted_mode))
            self.note.set_text(app.tr("点“完成”后换成{mode}模式").format(mode=name))
        else:
            self.note.set_text(app.tr("改动立即生效并保存"))
        self.dirty = True

    def _packs(self) -> list:
        return list(self.app.library.packs.values())

    def _cycle_text(self, field, current) -> str:
        tr = self.app.tr
        if field == "idle_timeout_s":
            return seconds_text(self.app, int(current or 90))
        if field == "pack":
            pack = next((p for p in self._packs() if p.id == current), None)
            return tr(pack.name) if pack else tr("进门时选择")
        return str(current)

    def cycle(self, field: str) -> None:
        current = self._value(field)
        if field == "idle_timeout_s":
            values = sorted(set(IDLE_CHOICES) | {int(current or 90)})
        else:
            values = [""] + [p.id for p in self._packs()]
        i = values.index(current) if current in values else -1
        self.set(field, values[(i + 1) % len(values)])

    def set(self, field: str, value) -> None:
        app = self.app
        log.info("operator set %s = %r", field, value)
        if field == "mode":
            self.wanted_mode = value
        elif field == "stats_enabled":
            app.set_stats_enabled(bool(value))
        else:
            changes = {field: value}
            if field == "text_size":
                changes["text_size_chosen"] = True
            app.save_operator_settings(**changes)
        self._sync()

    def back(self) -> bool:
        app = self.app
        app.stack.pop()
        if self.wanted_mode != app.mode:
            app.save_operator_settings(mode=self.wanted_mode)
            app.switch_mode(self.wanted_mode)
        return True

    def place(self, size) -> None:
        u = self.app.unit
        area = self.content_rect()
        portrait = layout.is_portrait(size)
        self.heading.rect = pygame.Rect(area.x, area.y, area.w, round(9 * u))
        bar = pygame.Rect(area.x, area.bottom - round(12 * u), area.w, round(12 * u))
        self.done.rect = pygame.Rect(0, bar.y, round(min(44 * u, area.w * 0.4)), bar.h)
        self.done.rect.right = bar.right
        self.note.rect = pygame.Rect(bar.x, bar.y, round(bar.w - self.done.rect.w - 3 * u), bar.h)
        body = pygame.Rect(area.x, self.heading.rect.bottom + u, area.w, bar.y - self.heading.rect.bottom - 3 * u)
        cols = 1 if portrait else 2
        per_col = -(-len(self.rows) // cols)
        col_rects = layout.split_h(body, *[1] * cols, gap=4 * u)
        for c, col in enumerate(col_rects):
            rows = self.rows[c * per_col:(c + 1) * per_col]
            bands = layout.column(col, len(rows), (21 if portrait else 20) * u, 2 * u)
            for (field, label, buttons), band in zip(rows, bands):
                label_h = round(min(7 * u, band.h - 12 * u))
                label.rect = pygame.Rect(band.x, band.y, band.w, label_h)
                row = pygame.Rect(band.x, label.rect.bottom, band.w, band.bottom - label.rect.bottom)
                for (_, b), r in zip(buttons, layout.row(row, len(buttons), row.w, 2 * u, align="left")):
                    b.rect = r


# ---------------------------------------------------------------- statistics

class OperatorStatsScene(OperatorScreen):
    """The figures of ``game.stats.summary()``: people reached, completion, what fooled them most."""

    name = "operator_stats"

    def __init__(self, app, today: date | None = None):
        self.today = today or date.today()
        super().__init__(app)

    def stats_path(self):
        if self.app.play_stats is not None:
            return self.app.play_stats.path
        if self.app.stats_db:
            return self.app.stats_db
        # SQLite and the statistics modules load when first used, not before the title
        from game.stats import default_db_path
        return default_db_path()

    def figures(self) -> dict | None:
        """``game.stats.summary`` — the same query module as ``stats report``."""
        # SQLite and the statistics modules load when first used, not before the title
        from game.stats import StatsError, open_for_reading, summary
        try:
            conn = open_for_reading(self.stats_path())
        except StatsError as exc:
            log.warning("statistics page: the database cannot be read: %s", exc)
            return None
        try:
            return summary(conn, today=self.today)
        except sqlite3.Error as exc:   # a damaged file: the page says there are no figures
            log.warning("statistics page: no figures from %s: %s", self.stats_path(), exc)
            return None
        finally:
            conn.close()

    def build(self) -> None:
        app = self.app
        self.heading = Label(app, N_("统计数据（匿名）"), role="heading", colour_key="accent")
        self.tiles: list[tuple[Panel, Label, Label]] = []
        for title in (N_("今天参与"), N_("近 7 天"), N_("累计参与"), N_("完成率"), N_("安全选择率")):
            self.tiles.append((Panel(app), Label(app, "", role="heading", colour_key="accent", translate=False),
                               Label(app, title, role="caption", colour_key="text_muted")))
        self.kinds_panel = Panel(app)
        self.kinds_title = Label(app, N_("最常被骗或答错的诈骗类型"), role="body", bold=True, align="left")
        self.kinds = TextBox(app, "", role="caption", translate=False)
        self.tech_panel = Panel(app)
        self.tech_title = Label(app, N_("最常得逞的骗术手法"), role="body", bold=True, align="left")
        self.techs = TextBox(app, "", role="caption", translate=False)
        self.note = TextBox(app, "", role="caption", colour_key="text_muted", translate=False)
        self.export_button = Button(app, N_("导出报告"), self.export, style="secondary", icon="info", autoplay_weight=0,
                                    name="export_report")
        self.done = Button(app, N_("返回"), self.back, icon="back", autoplay_weight=0, name="done")
        self.items = [self.heading]
        for panel, value, title in self.tiles:
            self.items += [panel, value, title]
        self.items += [self.kinds_panel, self.kinds_title, self.kinds, self.tech_panel, self.tech_title, self.techs,
                       self.note, self.export_button, self.done]
        self.fill()

    def fill(self) -> None:
        # Babel's locale data loads when a number or date is first shown, not before the title
        from game.i18n.formatting import number, percent
        # SQLite and the statistics modules load when first used, not before the title
        from game.stats.labels import scam_type_name, technique_name
        app = self.app
        tr = app.tr
        f = self.figures()
        self.data = f
        people = tr("{n} 人")
        if f is None:
            values = ["—"] * 5
            self.kinds.set_text(tr("还没有统计数据"))
            self.techs.set_text("")
            self.note.set_text(tr("统计数据库：") + str(self.stats_path()))
        else:
            def pct(x):
                return "—" if x is None else percent(x, app.locale)
            values = [people.format(n=number(f["people_today"], app.locale)),
                      people.format(n=number(f["people_week"], app.locale)),
                      people.format(n=number(f["people"], app.locale)),
                      pct(f["completion_rate"]), pct(f["safe_choice_rate"])]
            times = tr("{n} 次")
            kinds = [f"{i + 1}. {tr(scam_type_name(r['scam_type']))} · " + times.format(n=r["missed"])
                     for i, r in enumerate(f["top_missed_scam_types"])]
            techs = [f"{i + 1}. {tr(technique_name(r['technique']))} · " + times.format(n=r["missed"])
                     for i, r in enumerate(f["top_missed_techniques"])]
            too_few = tr("不足 5 次的不列出，以免认出个人")
            self.kinds.set_text("\n".join(kinds) or (tr("还没有人被骗或答错") if f["scam_types_counted"] else too_few))
            self.techs.set_text("\n".join(techs) or (tr("还没有人选过危险选项") if f["techniques_counted"] else too_few))
            note = tr("完成 {s} 场，未玩完 {a} 场，共 {p} 人。").format(
                s=number(f["completed"], app.locale), a=number(f["abandoned"], app.locale),
                p=number(f["people"], app.locale))
            if f["autoplay_left_out"]:
                note += "\n" + tr("电脑演示 {n} 场未计入。").format(n=number(f["autoplay_left_out"], app.locale))
            self.note.set_text(note)
        for (_, value, _), text in zip(self.tiles, values):
            value.set_text(text)
        self.export_button.enabled = f is not None
        self.dirty = True

    def export(self) -> None:
        # SQLite and the statistics modules load when first used, not before the title
        from game.stats import StatsError, open_for_reading
        from game.stats.report import write_report
        out = user_data_dir() / "reports" / datetime.now().strftime("%Y%m%d-%H%M%S")
        try:
            conn = open_for_reading(self.stats_path())
            try:
                written = write_report(conn, out)
            finally:
                conn.close()
        except (OSError, sqlite3.Error, StatsError) as exc:   # say what went wrong, keep the menu
            log.warning("statistics export to %s failed: %s", out, exc)
            self.note.set_text(self.app.tr("导出失败：") + str(exc))
        else:
            self.note.set_text(self.app.tr("已导出 {n} 个文件到：").format(n=len(written)) + "\n" + str(out))
        self.dirty = True

    def place(self, size) -> None:
        u = self.app.unit
        area = self.content_rect()
        portrait = layout.is_portrait(size)
        gap = 2 * u
        self.heading.rect = pygame.Rect(area.x, area.y, area.w, round(9 * u))
        bar = pygame.Rect(area.x, area.bottom - round(12 * u), area.w, round(12 * u))
        bw = round(min(40 * u, area.w * 0.3))
        self.done.rect = pygame.Rect(bar.right - bw, bar.y, bw, bar.h)
        self.export_button.rect = pygame.Rect(self.done.rect.x - gap - bw, bar.y, bw, bar.h)
        self.note.rect = pygame.Rect(bar.x, bar.y, round(self.export_button.rect.x - gap - bar.x), bar.h)
        y = self.heading.rect.bottom + u
        if portrait:
            tiles = pygame.Rect(area.x, y, area.w, round(2 * 18 * u + gap))
            cells = layout.grid(tiles, 5, 3, 18 * u, gap)
        else:
            tiles = pygame.Rect(area.x, y, area.w, round(20 * u))
            cells = layout.row(tiles, 5, tiles.w, gap)
        for (panel, value, title), cell in zip(self.tiles, cells):
            panel.rect = cell
            inner = layout.inset(cell, 1.5 * u, 1.2 * u)
            value.rect = pygame.Rect(inner.x, inner.y, inner.w, round(inner.h * 0.6))
            title.rect = pygame.Rect(inner.x, value.rect.bottom, inner.w, inner.bottom - value.rect.bottom)
        lists = pygame.Rect(area.x, tiles.bottom + gap, area.w, round(bar.y - gap - tiles.bottom - gap))
        if portrait:
            halves = layout.split_v(lists, 1, 1, gap=gap)
        else:
            halves = layout.split_h(lists, 1, 1, gap=gap)
        for (panel, title, box), rect in zip(((self.kinds_panel, self.kinds_title, self.kinds),
                                              (self.tech_panel, self.tech_title, self.techs)), halves):
            panel.rect = rect
            inner = layout.inset(rect, 2.5 * u, 1.5 * u)
            title.rect = pygame.Rect(inner.x, inner.y, inner.w, round(7 * u))
            box.rect = pygame.Rect(inner.x, title.rect.bottom + u, inner.w, inner.bottom - title.rect.bottom - u)
