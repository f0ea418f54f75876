"""Kiosk / exhibition booth: nobody stands beside it.

* **Attract loop** — computer players play a demo game behind the title and a big
  pulsing "点一下开始"; one touch anywhere starts.
* **Idle reset** — after ``settings.idle_timeout_s`` without a touch anywhere but the
  attract screen, a countdown card ("还在玩吗？点一下继续", ``countdown_s`` seconds) covers
  the game; a touch continues, otherwise the stack is cleared back to the attract loop
  (the previous player's game is gone from the screen; statistics record it unfinished)
  and the operator's settings come back (a visitor's language or text size was for their game only).
* **No quitting** — the window's close button, Alt+F4 and F11 do nothing; Escape never leaves
  the attract screen. Only the operator menu's "退出游戏" (after the PIN) quits.
"""

from __future__ import annotations

import logging
import math

import pygame

from ...i18n.marker import N_
from .. import layout
from ..input import Action, Intent
from ..scenes.title import TitleScene
from ..widgets import Button, Label
from .base import ACTIVITY, Controller
from .widgets import CardOverlay

DEMO_FPS = 20     # frames a second of the attract loop's demo game while a plane moves
PULSE_FPS = 12    # steps a second of the start button's pulse ring (as on the title)


class KioskController(Controller):
    mode = "kiosk"
    keeps_player_settings = False   # a visitor's changes are for their own game only

    def __init__(self, app):
        super().__init__(app)
        self.baseline = app.settings       # the operator's settings; each visitor starts from these
        self.idle = 0.0
        self.resets = 0
        if app.fullscreen:
            pygame.mouse.set_visible(False)   # a touch screen: no arrow in the middle of the game

    def detach(self) -> None:
        super().detach()
        pygame.mouse.set_visible(True)

    home = "attract"

    def redirect_home(self, scene):
        """Back to the title, from anywhere, is back to the attract loop, with the operator's settings."""
        if scene.name in ("title", "attract"):
            self._restore_settings()
            if scene.name != "attract":
                return self.app.nav.make(self.home)
        return scene

    def _restore_settings(self) -> None:
        """A visitor's language or text size was for their game only."""
        if self.app.settings != self.baseline:
            self.app.use_settings(self.baseline)

    def settings_saved(self) -> None:
        self.baseline = self.app.settings

    @property
    def busy(self) -> bool:
        # The idle timer must run while the loop would otherwise sleep.
        return super().busy or self.countdown is not None

    @property
    def countdown(self):
        return self.app.nav.find("countdown")

    # ------------------------------------------------------------ events
    def intercept(self, intent: Intent) -> bool:
        a = intent.action
        if a in ACTIVITY:
            self.idle = 0.0
        if a is Action.QUIT:
            return not self.app.operator_exit     # visitors cannot close the kiosk
        if a is Action.SHORTCUT and intent.key == "f11":
            return True                           # nor leave full screen
        if a is Action.BACK and self.app.stack.top is not None and self.app.stack.top.name == "attract":
            return True
        return self._operator_gesture(intent)

    def update(self, dt: float) -> None:
        super().update(dt)
        top = self.app.stack.top
        if top is None or top.name == "attract" or self.countdown is not None:
            self.idle = 0.0
            return
        self.idle += dt
        timeout = self.app.settings.idle_timeout_s
        if self.idle >= timeout:
            self.idle = 0.0
            seconds = self.app.settings.countdown_s
            if seconds <= 0:
                self.reset()
            else:
                self.app.nav.navigate("countdown", seconds=seconds, controller=self)

    def reset(self) -> None:
        """Back to the attract loop: the last visitor's game leaves the stack and the screen."""
        logging.getLogger("game.operator").info("kiosk: nobody played for a while, back to the attract loop")
        self.resets += 1
        self.idle = 0.0
        self.corner_held = None
        self.swallow_release = False
        self.app.nav.home()   # redirect_home puts the operator's settings back
        self.app.redraw_all()


class AttractScene(TitleScene):
    """The title with a computer game behind it, a big pulsing start, nothing a visitor could misuse."""

    name = "attract"

    def __init__(self, ctx):
        self._demo_tries = 0
        self._layer = None          # (key, the veil with title and tokens drawn on it)
        self._under_pulse = None    # (rect, what lies under the pulse ring, as last composed)
        self._pulse_step = None
        super().__init__(ctx)

    def build(self) -> None:
        super().build()
        self.start.set_text(N_("点一下开始"))
        self.settings_button.visible = False
        self.notice.visible = False

    def _update_notice(self) -> None:
        self.notice.visible = False      # the operator menu lists skipped content instead

    def place(self, size) -> None:
        super().place(size)
        u = self.look.unit
        area = self.content_rect()
        big = pygame.Rect(0, 0, round(min(area.w, 84 * u)), round(20 * u))
        big.midtop = (area.centerx, self.start.rect.y)
        self.start.rect = big
        self.hint.rect = pygame.Rect(area.x, big.bottom + 2 * u, area.w, 6 * u)

    def update(self, dt: float) -> None:
        # The demo board after the first frame (the title shows at once; content loads behind it).
        if self.services.crash_guard.demo_off:
            self._demo_tries = 1          # the demo kept crashing: the attract loop without it
        if self.backdrop is None and self._demo_tries < 1 and (self.session.library_ready or self.services.frame > 0):
            self._demo_tries += 1
            # A demo that fails is the crash guard's: it logs, goes back here and, when the demo
            # keeps failing, turns it off (demo_off above).
            if self.session.library.boards:
                self.backdrop = self.nav.make("board_demo")
                self._static = None   # the title's own picture: the demo and the layer replace it
        was_dirty = self.dirty
        super().update(dt)
        if self.backdrop is not None and not self.look.reduced_motion:
            # The demo moves at DEMO_FPS, not 60, and only the pulse steps while no plane
            # moves: the kiosk waits here most of the day.
            board = self.backdrop
            moving = bool(board.tweens) or board.flash_square is not None
            self.idle_fps = DEMO_FPS if moving else PULSE_FPS
            self.animating = False
            self.dirty = was_dirty

    def draw(self, surface: pygame.Surface) -> None:
        if self.backdrop is None:
            super().draw(surface)
            return
        # The demo board repaints only what moved; the veil, title and tokens are one cached
        # layer blended over those areas. The start button and its pulse go on top: on a pulse
        # step the area under them comes back from a copy taken when it was last composed,
        # unless the board changed there too.
        layer, fresh = self._foreground(surface)
        full = fresh or self.full_paint or self.nav.top is not self
        if full:   # the layer goes over everything: the board under it must be whole, not blended twice
            self.backdrop.full_paint = True
        pulse = self._pulse_rect()
        step = int(self.pulse * PULSE_FPS)
        rects = self.backdrop.paint(surface, under=True,
                                    extra=() if full else (lambda dirty: [pulse] if pulse.collidelist(dirty) >= 0
                                                           else []))
        self.backdrop.dirty = False
        if full or rects is None:
            surface.blit(layer, (0, 0))
            rects = None
        else:
            for r in rects:
                surface.blit(layer, r, area=r)
        composed = rects is None or any(r.contains(pulse) for r in rects)
        if composed:
            self._under_pulse = (pulse, surface.subsurface(pulse).copy())
        elif step != self._pulse_step and self._under_pulse is not None and self._under_pulse[0] == pulse:
            surface.blit(self._under_pulse[1], pulse)
            rects.append(pulse)
            composed = True
        if composed:
            self._draw_pulse(surface)
            self.start.draw(surface)
            self._pulse_step = step
        self.full_paint = False
        self.look.report_dirty(rects)

    def _draw_pulse(self, surface) -> None:
        """The title's pulse ring, in PULSE_FPS steps."""
        if not self.look.reduced_motion:
            surface.blit(*self._pulse_ring(int(self.pulse * PULSE_FPS) / PULSE_FPS))

    def _foreground(self, surface) -> tuple[pygame.Surface, bool]:
        """(the veil with everything but the start button on it, True when just made)."""
        key = (surface.get_size(), self.look.theme.name, self.look.text_scale_key, self.session.locale,
               tuple((getattr(w, "text", ""), getattr(w, "pressed", False), getattr(w, "focused", False),
                      getattr(w, "selected", False)) for w in self.items if w.visible))
        if self._layer is not None and self._layer[0] == key:
            return self._layer[1], False
        layer = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        layer.fill((*self.look.theme.background, 200))
        self._draw_title(layer)
        self.subtitle.draw(layer)
        self._draw_tokens(layer)
        for w in self.items:
            if w.visible and w not in (self.title, self.subtitle, self.start):
                w.draw(layer)
        self._layer = (key, layer)
        return layer, True

    def layout(self, size) -> None:
        super().layout(size)
        if self.backdrop is not None:
            self.backdrop.layout(size)

    def autoplay_targets(self) -> list:
        return [self.start]


class CountdownScene(CardOverlay):
    """"还在玩吗？" with the seconds left; any touch continues the game."""

    name = "countdown"
    veil_alpha = 170

    def __init__(self, ctx, seconds: float, controller: KioskController):
        self.left = float(seconds)
        self.controller = controller
        self._armed = False
        super().__init__(ctx)

    def build(self) -> None:
        self.heading = Label(self.look, N_("还在玩吗？点一下继续"), role="heading", colour_key="accent")
        self.number = Label(self.look, "", role="title", colour_key="text", translate=False)
        self.caption = Label(self.look, "", role="body", colour_key="text_muted", translate=False)
        self.go_on = Button(self.look, N_("继续玩"), self.keep_playing, icon="play", name="continue")
        self.items = [self.heading, self.number, self.caption, self.go_on]
        self._sync()

    def _sync(self) -> None:
        n = max(0, int(self.left + 0.999))
        self.number.set_text(str(n))
        self.caption.set_text(self.session.tr("{n} 秒后回到首页，下一位朋友可以开始").format(n=n))
        self.dirty = True

    def place(self, size) -> None:
        u = layout.unit_for(size)
        portrait = layout.is_portrait(size)
        self.card.rect = self.card_rect(size, 96 if not portrait else 90, 76 if not portrait else 90)
        inner = layout.inset(self.card.rect, 4 * u, 3 * u)
        button_h = 13 * u
        self.go_on.rect = layout.centered(pygame.Rect(inner.x, inner.bottom - button_h, inner.w, button_h),
                                          min(inner.w, 56 * u), button_h)
        self.heading.rect = pygame.Rect(inner.x, inner.y, inner.w, round(14 * u))
        self.caption.rect = pygame.Rect(inner.x, self.go_on.rect.y - round(10 * u), inner.w, round(8 * u))
        top = self.heading.rect.bottom + u
        self.number.rect = pygame.Rect(inner.x, round(top), inner.w, max(0, round(self.caption.rect.y - u - top)))

    def update(self, dt: float) -> None:
        before = int(self.left + 0.999)
        self.left -= dt
        if int(self.left + 0.999) != before:
            self._sync()
        if self.left <= 0:
            self.controller.reset()

    def keep_playing(self) -> None:
        self.controller.idle = 0.0
        if self in self.nav.scenes:
            # Remove this card wherever it is (an operator screen may have opened over it).
            under = self.nav.top is not self
            self.nav.remove(self)
            if under:
                self.look.redraw_all()

    def handle(self, intent: Intent) -> bool:
        a = intent.action
        if a is Action.PRESS:
            self._armed = True        # the release that follows continues (and never reaches the game)
            return True
        if a is Action.RELEASE:
            if self._armed:
                self.keep_playing()
            return True
        if a in (Action.DRAG, Action.FOCUS_LOST, Action.FOCUS_GAINED, Action.RESIZE):
            return a is Action.DRAG
        self.keep_playing()           # a key, the wheel, a mouse moving: somebody is there
        return True

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        # A ring that empties as the seconds run out, around the number.
        total = max(1.0, float(self.session.settings.countdown_s))
        frac = max(0.0, min(1.0, self.left / total))
        r = self.number.rect
        side = min(r.w, r.h)
        if side > 10:
            ring = pygame.Rect(0, 0, side, side)
            ring.center = r.center
            pygame.draw.arc(surface, self.look.theme.accent, ring, math.pi / 2, math.pi / 2 + 2 * math.pi * frac,
                            max(3, round(0.8 * self.look.unit)))
