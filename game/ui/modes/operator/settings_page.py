"""The operator's settings page: mode, pack, language, text size, idle times, statistics."""

from __future__ import annotations

import pygame

from ....i18n.marker import N_
from ... import layout
from ...seats import LANGUAGES
from ...widgets import Button, Label
from .common import IDLE_CHOICES, MODE_NAMES, TEXT_SIZES, OperatorScreen, log, seconds_text


class OperatorSettingsScene(OperatorScreen):
    """Mode, idle reset, language, content pack, text size, statistics: saved at once."""

    name = "operator_settings"

    def build(self) -> None:
        self.heading = Label(self.look, N_("设置（管理员）"), role="heading", colour_key="accent")
        self.rows: list[tuple[str, Label, list]] = []

        def choice_row(field, title, options, translate=True):
            label = Label(self.look, title, role="body", bold=True, align="left")
            buttons = []
            for value, text in options:
                b = Button(self.look, text, lambda f=field, v=value: self.set(f, v), style="choice", translate=translate,
                           autoplay_weight=0, name=f"{field}_{value}")
                buttons.append((value, b))
            self.rows.append((field, label, buttons))

        def cycle_row(field, title):
            label = Label(self.look, title, role="body", bold=True, align="left")
            b = Button(self.look, "", lambda f=field: self.cycle(f), style="choice", translate=False, icon="play",
                       autoplay_weight=0, name=f"{field}_next")
            self.rows.append((field, label, [(None, b)]))

        choice_row("mode", N_("模式"), MODE_NAMES)
        cycle_row("idle_timeout_s", N_("无人操作多久回到首页"))
        choice_row("locale", N_("语言"), LANGUAGES, translate=False)
        cycle_row("pack", N_("内容包"))
        choice_row("text_size", N_("文字大小"), TEXT_SIZES)
        choice_row("stats_enabled", N_("匿名统计"), ((True, N_("开")), (False, N_("关"))))
        self.note = Label(self.look, "", role="caption", colour_key="text_muted")
        self.done = Button(self.look, N_("完成"), self.back, icon="check", autoplay_weight=0, name="done")
        self.items = [self.heading]
        for _, label, buttons in self.rows:
            self.items += [label, *[b for _, b in buttons]]
        self.items += [self.note, self.done]
        self._sync()

    def _value(self, field):
        if field == "mode":
            return self.wanted_mode
        if field == "stats_enabled":
            return self.services.play_stats is not None
        return getattr(self.session.settings, field)

    def _sync(self) -> None:
        if not hasattr(self, "wanted_mode"):
            self.wanted_mode = self.session.mode
        for field, _, buttons in self.rows:
            current = self._value(field)
            for value, b in buttons:
                if value is None:    # a cycling button shows the value
                    b.selected = True
                    b.set_text(self._cycle_text(field, current))
                else:
                    b.selected = value == current
        if self.wanted_mode != self.session.mode:
            name = self.session.tr(dict(MODE_NAMES).get(self.wanted_mode, self.wanted_mode))
            self.note.set_text(self.session.tr("点“完成”后换成{mode}模式").format(mode=name))
        else:
            self.note.set_text(self.session.tr("改动立即生效并保存"))
        self.dirty = True

    def _packs(self) -> list:
        return list(self.session.library.packs.values())

    def _cycle_text(self, field, current) -> str:
        tr = self.session.tr
        if field == "idle_timeout_s":
            return seconds_text(self.look, int(current or 90))
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
        log.info("operator set %s = %r", field, value)
        if field == "mode":
            self.wanted_mode = value
        elif field == "stats_enabled":
            self.services.set_stats_enabled(bool(value))
        else:
            changes = {field: value}
            if field == "text_size":
                changes["text_size_chosen"] = True
            self.session.save_operator_settings(**changes)
        self._sync()

    def back(self) -> bool:
        self.nav.back()
        if self.wanted_mode != self.session.mode:
            self.session.save_operator_settings(mode=self.wanted_mode)
            self.services.switch_mode(self.wanted_mode)
        return True

    def place(self, size) -> None:
        u, area, portrait, gap = self.regions(size)
        self.heading.rect = layout.top_band(area, 9 * u)
        bar = layout.bottom_band(area, 12 * u)
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
