"""Player settings: text size, high contrast, reduced motion, sound, language — applied at once."""

from __future__ import annotations

import pygame

from .. import layout
from ..widgets import Button, Label, ScreenScene
from .setup import LANGUAGES

# (settings field, row title, ((value, button text), ...))
ROWS = (
    ("text_size", "文字大小", (("normal", "标准"), ("large", "大"), ("extra_large", "特大"))),
    ("high_contrast", "高对比度", ((False, "关"), (True, "开"))),
    ("reduced_motion", "减少动画", ((False, "关"), (True, "开"))),
    ("muted", "声音", ((False, "开"), (True, "静音"))),
    ("locale", "语言", tuple(LANGUAGES)),
)


class SettingsScene(ScreenScene):
    name = "settings"

    def build(self) -> None:
        app = self.app
        self.heading = Label(app, "设置", role="heading", colour_key="accent")
        self.rows = []
        for field, title, options in ROWS:
            label = Label(app, title, role="body", bold=True, align="left")
            buttons = []
            for value, text in options:
                b = Button(app, text, lambda f=field, v=value: self.set(f, v), style="choice",
                           translate=field != "locale", autoplay_weight=0, name=f"{field}_{value}")
                buttons.append((value, b))
            self.rows.append((field, label, buttons))
        self.done = Button(app, "完成", self.back, icon="check", name="done")
        self.items = [self.heading]
        for _, label, buttons in self.rows:
            self.items += [label, *[b for _, b in buttons]]
        self.items.append(self.done)
        self._sync()

    def _sync(self) -> None:
        for field, _, buttons in self.rows:
            current = getattr(self.app.settings, field, None)
            for value, b in buttons:
                b.selected = value == current
        self.dirty = True

    # What the autoplay visitor tries, in order (and then puts back).
    AUTOPLAY_TOUR = (("text_size", "large"), ("high_contrast", True), ("reduced_motion", True),
                     ("high_contrast", False), ("reduced_motion", False), ("text_size", "normal"))

    def autoplay_targets(self) -> list:
        step = getattr(self, "_tour", 0)
        if step < len(self.AUTOPLAY_TOUR):
            self._tour = step + 1
            field, value = self.AUTOPLAY_TOUR[step]
            return [b for f, _, buttons in self.rows if f == field for v, b in buttons if v == value]
        self.app.autoplay_saw_settings = True
        return [self.done]

    def set(self, field: str, value) -> None:
        self.app.update_settings(save=not self.app.autoplay, **{field: value})
        if field == "reduced_motion":
            for scene in self.app.stack.scenes:
                if hasattr(scene, "idle_fps") and scene.name == "title":
                    scene.idle_fps = 0 if value else 12
        self._sync()

    def back(self) -> bool:
        self.app.stack.pop()
        return True

    def place(self, size) -> None:
        u = self.app.unit
        area = self.content_rect()
        portrait = layout.is_portrait(size)
        self.heading.rect = pygame.Rect(area.x, area.y, area.w, 10 * u)
        bar = pygame.Rect(area.x, area.bottom - 12 * u, area.w, 12 * u)
        self.done.rect = layout.centered(bar, 50 * u, bar.h)
        body = pygame.Rect(area.x, self.heading.rect.bottom + u, area.w, bar.y - self.heading.rect.bottom - 3 * u)
        bands = layout.column(body, len(self.rows), (23 if portrait else 12.5) * u, 1.5 * u)
        for (field, label, buttons), band in zip(self.rows, bands):
            if portrait:
                label.rect = pygame.Rect(band.x, band.y, band.w, 8 * u)
                buttons_rect = pygame.Rect(band.x, label.rect.bottom, band.w, band.h - 8 * u)
            else:
                label_w = min(40 * u, band.w * 0.3)
                label.rect = pygame.Rect(band.x, band.y, round(label_w), band.h)
                buttons_rect = pygame.Rect(band.x + label_w + 2 * u, band.y, band.w - label_w - 2 * u, band.h)
            for (_, b), r in zip(buttons, layout.row(buttons_rect, len(buttons), 42 * u, 2 * u, align="left")):
                b.rect = r
