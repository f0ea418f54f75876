"""Player settings: text size, high contrast, reduced motion, sound, read-aloud, language — applied at once.

Below the rows a line says where the read-aloud voice comes from (recordings,
espeak-ng, or nothing — and why), so a kiosk operator sees at once whether
the elderly visitors will hear the lines.
"""

from __future__ import annotations

import pygame

from .. import layout
from ..phone.labels import N_
from ..seats import LANGUAGES
from ..widgets import Button, Label, ScreenScene

# (settings field, row title, ((value, button text), ...))
ROWS = (
    ("text_size", N_("文字大小"), (("normal", N_("标准")), ("large", N_("大")), ("extra_large", N_("特大")))),
    ("high_contrast", N_("高对比度"), ((False, N_("关")), (True, N_("开")))),
    ("reduced_motion", N_("减少动画"), ((False, N_("关")), (True, N_("开")))),
    ("muted", N_("声音"), ((False, N_("开")), (True, N_("静音")))),
    ("voice", N_("自动朗读"), ((False, N_("关")), (True, N_("开")))),
    ("locale", N_("语言"), tuple(LANGUAGES)),
)


class SettingsScene(ScreenScene):
    name = "settings"
    back_leaves = True
    _tour = 0          # autoplay: the next step of AUTOPLAY_TOUR

    def build(self) -> None:
        self.heading = Label(self.look, N_("设置"), role="heading", colour_key="accent")
        self.rows = []
        for field, title, options in ROWS:
            label = Label(self.look, title, role="body", bold=True, align="left")
            buttons = []
            for value, text in options:
                b = Button(self.look, text, lambda f=field, v=value: self.set(f, v), style="choice",
                           translate=field != "locale", autoplay_weight=0, name=f"{field}_{value}")
                buttons.append((value, b))
            self.rows.append((field, label, buttons))
        self.voice_status = Label(self.look, "", role="caption", colour_key="text_muted", align="left", translate=False)
        self.done = Button(self.look, N_("完成"), self.back, icon="check", name="done")
        self.items = [self.heading]
        for _, label, buttons in self.rows:
            self.items += [label, *[b for _, b in buttons]]
        self.items += [self.voice_status, self.done]
        self._sync()

    def _sync(self) -> None:
        for field, _, buttons in self.rows:
            current = getattr(self.session.settings, field)
            for value, b in buttons:
                b.selected = value == current
        self.voice_status.set_text(self.status_text())
        self.dirty = True

    def status_text(self) -> str:
        """Where the voice comes from (or why there is none), and whether the sound is off."""
        text = self.services.voice_status()
        if self.session.settings.muted:
            text = " · ".join(t for t in (text, self.session.tr(N_("声音已关闭，不会朗读"))) if t)
        return text

    def on_locale_changed(self) -> None:
        self._sync()

    # What the autoplay visitor tries, in order (and then puts back).
    AUTOPLAY_TOUR = (("text_size", "large"), ("high_contrast", True), ("reduced_motion", True),
                     ("high_contrast", False), ("reduced_motion", False), ("text_size", "normal"))

    def autoplay_targets(self) -> list:
        step = self._tour
        if step < len(self.AUTOPLAY_TOUR):
            self._tour = step + 1
            field, value = self.AUTOPLAY_TOUR[step]
            return [b for f, _, buttons in self.rows if f == field for v, b in buttons if v == value]
        self.services.autoplayer.saw_settings = True
        return [self.done]

    def set(self, field: str, value) -> None:
        changes = {field: value}
        if field == "text_size" and not self.session.autoplay:
            changes["text_size_chosen"] = True    # an audience pack no longer changes it
        self.session.update_settings(**changes)
        if field == "reduced_motion":
            for scene in self.nav.scenes:
                if scene.name == "title":
                    scene.idle_fps = 0 if value else 12
        self._sync()

    def place(self, size) -> None:
        u, area, portrait, gap = self.regions(size)
        self.heading.rect = pygame.Rect(area.x, area.y, area.w, 10 * u)
        bar = pygame.Rect(area.x, area.bottom - 12 * u, area.w, 12 * u)
        if portrait:
            self.done.rect = layout.centered(bar, 50 * u, bar.h)
            self.voice_status.rect = pygame.Rect(area.x, bar.y - 9 * u, area.w, 8 * u)
            self.voice_status.align = "center"
            body = pygame.Rect(area.x, self.heading.rect.bottom + u, area.w,
                               self.voice_status.rect.y - self.heading.rect.bottom - 2 * u)
            columns = [body]
        else:
            done_w = round(min(45 * u, bar.w * 0.3))
            self.done.rect = pygame.Rect(bar.right - done_w, bar.y, done_w, bar.h)
            self.voice_status.rect = pygame.Rect(bar.x, bar.y, bar.w - done_w - 3 * u, bar.h)
            self.voice_status.align = "left"
            body = pygame.Rect(area.x, self.heading.rect.bottom + u, area.w, bar.y - self.heading.rect.bottom - 3 * u)
            columns = layout.split_h(body, 1, 1, gap=5 * u)
        per_column = -(-len(self.rows) // len(columns))
        for c, column in enumerate(columns):
            rows = self.rows[c * per_column:(c + 1) * per_column]
            bands = layout.column(column, len(rows), 23 * u, 2 * u)
            for (field, label, buttons), band in zip(rows, bands):
                label_h = min(8 * u, band.h * 0.36)
                label.rect = pygame.Rect(band.x, band.y, band.w, round(label_h))
                buttons_rect = pygame.Rect(band.x, label.rect.bottom, band.w, band.bottom - label.rect.bottom)
                for (_, b), r in zip(buttons, layout.row(buttons_rect, len(buttons), 42 * u, 2 * u, align="left")):
                    b.rect = r
