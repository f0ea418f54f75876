"""Title / attract screen: the big name, a pulsing "touch to start", settings, and a
notice for content files that failed validation (with the list behind a button).

The kiosk's attract demo can play behind the title: set ``title.backdrop`` to a
scene (e.g. a computer-only board scene); it is updated and drawn under a veil.
"""

from __future__ import annotations

import pygame

from ...i18n.marker import N_
from .. import layout
from ..input import Action, Intent
from ..seats import LANGUAGES
from ..widgets import Button, Label, Panel, ScreenScene, TextBox, draw_backdrop, draw_shape, mix, render_fitted

SEATS = (("red", "circle"), ("yellow", "square"), ("blue", "triangle"), ("green", "diamond"))


class TitleScene(ScreenScene):
    name = "title"
    idle_fps = 12          # the start pulse: a low rate keeps a waiting kiosk cool

    def __init__(self, ctx):
        self.backdrop = None   # optional Scene drawn behind the title (attract demo)
        self.pulse = 0.0
        self._static = None    # (key, the picture of everything but the pulse), made when first drawn
        super().__init__(ctx)
        if ctx.look.reduced_motion:
            self.idle_fps = 0

    def build(self) -> None:
        self.title = Label(self.look, N_("反诈飞行棋"), role="title", colour_key="accent")
        self.subtitle = Label(self.look, N_("看穿骗局，平安到家"), role="heading", colour_key="text")
        self.start = Button(self.look, N_("点这里开始"), self.begin, icon="play", name="start")
        self.hint = Label(self.look, N_("轻触屏幕任意处开始"), role="caption", colour_key="text_muted")
        self.settings_button = Button(self.look, N_("设置"), self.open_settings, style="secondary", icon="gear",
                                      autoplay_weight=0, name="settings")
        self.notice = Button(self.look, "", self.open_problems, style="secondary", icon="info", autoplay_weight=0,
                             name="problems", translate=False)
        self.notice.visible = False
        # Each language in its own script, so a visitor finds theirs whatever is showing now.
        self.lang_buttons = []
        for code, name in LANGUAGES:
            b = Button(self.look, name, lambda c=code: self.choose_locale(c), style="choice", translate=False,
                       autoplay_weight=0, name=f"lang_{code}")
            self.lang_buttons.append((code, b))
        self._sync_languages()
        self.items = [self.title, self.subtitle, self.start, self.hint, self.settings_button, self.notice,
                      *[b for _, b in self.lang_buttons]]

    def _sync_languages(self) -> None:
        for code, b in self.lang_buttons:
            b.selected = code == self.session.locale
        try:
            pygame.display.set_caption(self.session.tr(self.title.text))   # the window's name, in the language too
        except pygame.error:
            pass

    def choose_locale(self, code: str) -> None:
        """Switch the language at once, without a restart (every scene lays its text out again)."""
        if code != self.session.locale:
            self.session.update_settings(locale=code)
        self._sync_languages()
        self.invalidate()

    def on_locale_changed(self) -> None:
        self._sync_languages()
        self._update_notice()
        self.invalidate()

    def enter(self) -> None:
        self._update_notice()

    def resume(self) -> None:
        super().resume()
        self.full_paint = True
        self._update_notice()

    def _update_notice(self) -> None:
        if self.session.library_ready:
            n = len(self.session.skipped_files)
            self.notice.visible = n > 0
            self.notice.set_text(self.session.tr(N_("{n} 个内容文件未加载 · 查看")).replace("{n}", str(n)))
            self.refresh_focus()

    def place(self, size) -> None:
        w, h = size
        u, area, portrait, gap = self.regions(size)
        # Vertical rhythm as fractions of the height, sizes in units.
        top = area.y + area.h * (0.10 if portrait else 0.04)
        self.title.rect = pygame.Rect(area.x, top, area.w, 22 * u)
        self.title_px = round(18 * u)
        self.subtitle.rect = pygame.Rect(area.x, self.title.rect.bottom, area.w, 10 * u)
        self.tokens_y = self.subtitle.rect.bottom + (10 if portrait else 6) * u
        self.token_r = 3.2 * u
        start_w = min(area.w, 66 * u)
        start_y = area.y + area.h * (0.52 if portrait else 0.56)
        self.start.rect = pygame.Rect(0, 0, round(start_w), round(16 * u))
        self.start.rect.midtop = (area.centerx, round(start_y))
        self.hint.rect = pygame.Rect(area.x, self.start.rect.bottom + 2 * u, area.w, 6 * u)
        bottom = pygame.Rect(area.x, area.bottom - 11 * u, area.w, 11 * u)
        self.settings_button.rect = pygame.Rect(0, bottom.y, round(min(30 * u, area.w * 0.4)), bottom.h)
        self.settings_button.rect.right = bottom.right
        # The language row: above the bottom bar in portrait, in its middle in landscape.
        gap = round(1.5 * u)
        if portrait:
            langs = pygame.Rect(area.x, bottom.y - 3 * u - bottom.h, area.w, bottom.h)
            lang_w = min(30 * u, (area.w - 2 * gap) / 3)
        else:
            lang_w = 27 * u
            langs = pygame.Rect(0, bottom.y, round(3 * lang_w + 2 * gap), bottom.h)
            langs.centerx = area.centerx
            if langs.right > self.settings_button.rect.x - 2 * u:
                langs.right = round(self.settings_button.rect.x - 2 * u)
        for (_, b), r in zip(self.lang_buttons, layout.row(langs, 3, lang_w, gap)):
            b.rect = r
        notice_right = self.settings_button.rect.x if portrait else self.lang_buttons[0][1].rect.x
        self.notice.rect = pygame.Rect(bottom.x, bottom.y, round(min(70 * u, notice_right - bottom.x - 2 * u)),
                                       bottom.h)

    # ---- actions
    def begin(self) -> None:
        self.nav.navigate("setup_audience")

    def open_settings(self) -> None:
        self.nav.navigate("settings")

    def autoplay_targets(self) -> list:
        """The pretend visitor looks at the settings once, then starts."""
        if not self.services.autoplayer.saw_settings:
            return [self.settings_button]
        return [self.start]

    def open_problems(self) -> None:
        self.nav.navigate("content_problems")

    def handle(self, intent: Intent) -> bool:
        if super().handle(intent):
            return True
        # Touch anywhere else starts too: a walk-up visitor should not have to aim.
        if intent.action is Action.RELEASE and intent.pos:
            self.services.sound.play("button")
            self.begin()
            return True
        if intent.action is Action.PRESS:
            return True
        return False

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.backdrop is not None:
            self.backdrop.update(dt)
            self.animating = self.animating or self.backdrop.animating or self.backdrop.dirty
        if not self.look.reduced_motion:
            self.pulse = (self.pulse + dt) % 2.0
            self.dirty = True if self.animating else self.dirty
        if not self.notice.visible and self.session.library_ready and self.session.skipped_files:
            self._update_notice()
            self.invalidate()

    # ---- drawing
    # Everything but the start button and its pulse is one cached picture; a pulse
    # tick restores and redraws just the button's surroundings (cheap while waiting).
    def invalidate(self) -> None:
        self.dirty = True
        self.full_paint = True

    def layout(self, size) -> None:
        super().layout(size)
        self._static = None
        self.full_paint = True

    def _static_frame(self, surface) -> pygame.Surface:
        key = (surface.get_size(), self.look.theme.name, self.look.text_scale_key, self.session.locale,
               self.notice.visible, self.notice.text, self.settings_button.pressed, self.settings_button.focused,
               self.notice.pressed, self.notice.focused,
               tuple((b.selected, b.pressed, b.focused) for _, b in self.lang_buttons))
        if self._static is None or self._static[0] != key:
            frame = pygame.Surface(surface.get_size()).convert()
            draw_backdrop(self.look, frame, keep=False)   # the title keeps its own picture
            self._draw_title(frame)
            self.subtitle.draw(frame)
            self._draw_tokens(frame)
            for w in (self.hint, self.settings_button, self.notice, *[b for _, b in self.lang_buttons]):
                if w.visible:
                    w.draw(frame)
            self._static = (key, frame)
        return self._static[1]

    def _pulse_rect(self) -> pygame.Rect:
        grow = round(self.look.unit * 4.5)
        return self.start.rect.inflate(grow * 2, grow * 2).clip(pygame.Rect(0, 0, *self.look.size))

    def draw(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        if self.backdrop is not None:
            self.backdrop.draw(surface)
            self.backdrop.dirty = False
            veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            veil.fill((*t.background, 200))
            surface.blit(veil, (0, 0))
            self._draw_title(surface)
            self.subtitle.draw(surface)
            self._draw_tokens(surface)
            for w in (self.hint, self.settings_button, self.notice, *[b for _, b in self.lang_buttons]):
                if w.visible:
                    w.draw(surface)
            self._draw_pulse(surface)
            self.start.draw(surface)
            self.look.report_dirty(None)
            return
        static = self._static_frame(surface)
        full = self.full_paint or self.nav.top is not self
        if full:
            surface.blit(static, (0, 0))
        else:
            area = self._pulse_rect()
            surface.blit(static, area, area=area)
        self._draw_pulse(surface)
        self.start.draw(surface)
        self.full_paint = False
        self.look.report_dirty(None if full else [self._pulse_rect()])

    def _draw_title(self, surface) -> None:
        s, _ = render_fitted(self.look, self.session.tr(self.title.text), self.title.rect.size, "title",
                             self.look.theme.accent, True, max_px=self.title_px)
        r = s.get_rect(center=self.title.rect.center)
        if self.look.theme.name != "high_contrast":
            shadow, _ = render_fitted(self.look, self.session.tr(self.title.text), self.title.rect.size, "title",
                                      mix(self.look.theme.accent, self.look.theme.background, 0.75), True,
                                      max_px=self.title_px)
            surface.blit(shadow, r.move(round(0.6 * self.look.unit), round(0.6 * self.look.unit)))
        surface.blit(s, r)

    def _draw_tokens(self, surface) -> None:
        t = self.look.theme
        cx = self.look.size[0] / 2
        gap = self.token_r * 3.4
        for i, (colour, shape) in enumerate(SEATS):
            x = cx + (i - 1.5) * gap
            draw_shape(surface, shape, t.player_colour(colour), (x, self.tokens_y), self.token_r,
                       t.text if t.name == "high_contrast" else None, 2)

    def _draw_pulse(self, surface) -> None:
        if self.look.reduced_motion:
            return
        surface.blit(*self._pulse_ring(self.pulse))

    def _pulse_ring(self, pulse: float) -> tuple[pygame.Surface, pygame.Rect]:
        """The ring around the start button at ``pulse`` seconds into its 2-second beat."""
        phase = pulse / 2.0
        grow = self.look.unit * (0.8 + 2.6 * phase)
        alpha = int(160 * (1 - phase))
        ring = self.start.rect.inflate(grow * 2, grow * 2)
        s = pygame.Surface(ring.size, pygame.SRCALPHA)
        pygame.draw.rect(s, (*self.look.theme.button, alpha), s.get_rect(), max(3, round(0.6 * self.look.unit)),
                         border_radius=round(min(ring.h * 0.3, 4 * self.look.unit)))
        return s, ring

    def widgets(self) -> list:
        return [w for w in self.items if w.visible]


class ProblemsScene(ScreenScene):
    """For the operator: which content files were skipped and why, a few per page."""

    name = "content_problems"
    per_page = 4

    def __init__(self, ctx):
        self.page = 0
        super().__init__(ctx)

    def _problems(self):
        errors = [p for p in self.session.load_problems if p.is_error] or list(self.session.load_problems)
        return errors

    def build(self) -> None:
        self.heading = Label(self.look, N_("未加载的内容文件"), role="heading", colour_key="accent")
        self.summary = Label(self.look, "", role="body", translate=False)
        self.panel = Panel(self.look)
        self.lines = [TextBox(self.look, "", role="caption", translate=False) for _ in range(self.per_page)]
        self.prev = Button(self.look, N_("上一页"), self.prev_page, style="secondary", icon="back", autoplay_weight=0)
        self.next = Button(self.look, N_("下一页"), self.next_page, style="secondary", icon="play", autoplay_weight=0)
        self.close = Button(self.look, N_("返回"), self.back, icon="back")
        self.items = [self.heading, self.summary, self.panel, *self.lines, self.prev, self.next, self.close]
        self._fill()

    def _fill(self) -> None:
        problems = self._problems()
        pages = max(1, -(-len(problems) // self.per_page))
        self.page = max(0, min(self.page, pages - 1))
        files = len(self.session.skipped_files)
        self.summary.set_text(self.session.tr(N_("{files} 个文件未加载，共 {problems} 个问题 · 第 {page}/{pages} 页")).format(
            files=files, problems=len(problems), page=self.page + 1, pages=pages))
        chunk = problems[self.page * self.per_page:(self.page + 1) * self.per_page]
        for box, problem in zip(self.lines, chunk + [None] * self.per_page):
            box.set_text(problem.format() if problem else "")
            box.visible = problem is not None
        self.prev.enabled = self.page > 0
        self.next.enabled = self.page < pages - 1
        self.dirty = True

    def on_locale_changed(self) -> None:
        self._fill()

    def prev_page(self) -> None:
        self.page -= 1
        self._fill()

    def next_page(self) -> None:
        self.page += 1
        self._fill()

    def back(self) -> bool:
        self.nav.back()
        return True

    def place(self, size) -> None:
        u = self.look.unit
        area = self.content_rect()
        self.heading.rect = pygame.Rect(area.x, area.y, area.w, 9 * u)
        self.summary.rect = pygame.Rect(area.x, self.heading.rect.bottom, area.w, 6 * u)
        bar = pygame.Rect(area.x, area.bottom - 11 * u, area.w, 11 * u)
        self.panel.rect = pygame.Rect(area.x, self.summary.rect.bottom + u, area.w,
                                      bar.y - self.summary.rect.bottom - 3 * u)
        inner = layout.inset(self.panel.rect, 2 * u)
        for box, r in zip(self.lines, layout.split_v(inner, *[1] * self.per_page, gap=u)):
            box.rect = r
        self.prev.rect, self.next.rect, self.close.rect = layout.row(bar, 3, 40 * u, 2 * u)
