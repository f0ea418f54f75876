"""The PIN pad: the operator's way in, and a new PIN typed twice."""

from __future__ import annotations

import pygame

from game.settings import set_pin, verify_pin

from ....i18n.marker import N_
from ... import layout
from ...input import Action, Intent
from ...widgets import Button, Label, TextBox
from .common import OperatorScreen, log

MIN_PIN, MAX_PIN = 4, 8


class PinPadScene(OperatorScreen):
    """Big digit buttons. ``purpose``: "login" (then the menu), "new" and "confirm" (a new PIN)."""

    name = "pin_pad"
    HEADINGS = {"login": N_("管理员密码"), "new": N_("设置新的管理员密码"), "confirm": N_("再输入一次新密码")}

    def __init__(self, ctx, purpose: str = "login", first: str = "", prompt: bool = False, message: str = ""):
        self.purpose = purpose
        self.first = first             # confirm: the PIN typed the first time
        self.prompt = prompt           # new: asked because the default PIN is still in use
        self.pin = ""
        self.start_message = message
        super().__init__(ctx)

    def build(self) -> None:
        self.heading = Label(self.look, self.HEADINGS[self.purpose], role="heading", colour_key="accent")
        self.message = TextBox(self.look, "", role="body", colour_key="text", align="center")
        self.dots = Label(self.look, "", role="title", colour_key="text", translate=False)
        self.keys = []
        for text in ("1", "2", "3", "4", "5", "6", "7", "8", "9"):
            self.keys.append(Button(self.look, text, lambda d=text: self.digit(d), style="secondary", translate=False,
                                    autoplay_weight=0, name=f"digit_{text}"))
        self.delete = Button(self.look, N_("删除"), self.delete_digit, style="secondary", icon="back", autoplay_weight=0,
                             name="delete")
        self.keys.append(self.delete)
        self.keys.append(Button(self.look, "0", lambda: self.digit("0"), style="secondary", translate=False,
                                autoplay_weight=0, name="digit_0"))
        self.ok = Button(self.look, N_("确定"), self.submit, icon="check", autoplay_weight=0, name="ok")
        self.keys.append(self.ok)
        cancel = N_("以后再说") if self.prompt else N_("取消")
        self.cancel = Button(self.look, cancel, self.back, style="secondary", icon="cross", autoplay_weight=0,
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
        controller = self.session.controller
        if self.purpose == "login":
            wait = controller.pin_locked_for() if controller else 0
            if wait > 0:
                self._say(self.session.tr("错误次数太多，请 {n} 秒后再试").format(n=int(wait + 0.999)))
                return
            if verify_pin(self.session.settings, pin):
                if controller:
                    controller.pin_ok()
                log.info("operator menu opened")
                self.nav.replace("operator_menu")
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
            self.nav.navigate("pin_pad", purpose="confirm", first=pin, prompt=self.prompt)
            return
        # confirm
        if pin != self.first:
            self.nav.back()
            new = self.nav.top
            if isinstance(new, PinPadScene):
                new._say(N_("两次输入的不一样，请重新输入新密码"))
            return
        save_new_pin(self.session, pin)
        self.nav.back()                       # the confirm pad
        if isinstance(self.nav.top, PinPadScene) and self.nav.top.purpose == "new":
            self.nav.back()                   # the new-PIN pad
        menu = self.nav.top
        if menu is not None and menu.name == "operator_menu":
            menu.show_message(N_("管理员密码已修改"))

    # ---- layout
    def place(self, size) -> None:
        u, area, portrait, gap = self.regions(size)
        if portrait:
            self.heading.rect = layout.top_band(area, 10 * u)
            self.message.rect = pygame.Rect(area.x, self.heading.rect.bottom, area.w, round(16 * u))
            self.dots.rect = pygame.Rect(area.x, self.message.rect.bottom, area.w, round(12 * u))
            bar = layout.bottom_band(area, 12 * u)
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


def save_new_pin(session, pin: str) -> None:
    changed = set_pin(session.settings, pin)   # the pad only takes 4 to 8 digits: set_pin never refuses one
    session.save_operator_settings(operator_pin_hash=changed.operator_pin_hash,
                               operator_pin_salt=changed.operator_pin_salt)
    log.info("operator PIN changed")
