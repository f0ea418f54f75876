"""The operator's statistics page: this machine's figures and the report export."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pygame

from game.paths import user_data_dir

from ....i18n.marker import N_
from ....i18n.message import say
from ... import layout
from ...widgets import Button, Label, Panel, TextBox
from .common import OperatorScreen, log


class OperatorStatsScene(OperatorScreen):
    """The figures of ``game.stats.summary()``: people reached, completion, what fooled them most."""

    name = "operator_stats"

    def __init__(self, ctx, today: date | None = None):
        self.today = today or date.today()
        super().__init__(ctx)

    def stats_path(self):
        if self.services.play_stats is not None:
            return self.services.play_stats.path
        if self.session.stats_db:
            return self.session.stats_db
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
        self.heading = Label(self.look, N_("统计数据（匿名）"), role="heading", colour_key="accent")
        self.tiles: list[tuple[Panel, Label, Label]] = []
        for title in (N_("今天参与"), N_("近 7 天"), N_("累计参与"), N_("完成率"), N_("安全选择率")):
            self.tiles.append((Panel(self.look), Label(self.look, "", role="heading", colour_key="accent", translate=False),
                               Label(self.look, title, role="caption", colour_key="text_muted")))
        self.kinds_panel = Panel(self.look)
        self.kinds_title = Label(self.look, N_("最常被骗或答错的诈骗类型"), role="body", bold=True, align="left")
        self.kinds = TextBox(self.look, "", role="caption", translate=False)
        self.tech_panel = Panel(self.look)
        self.tech_title = Label(self.look, N_("最常得逞的骗术手法"), role="body", bold=True, align="left")
        self.techs = TextBox(self.look, "", role="caption", translate=False)
        self.note = TextBox(self.look, "", role="caption", colour_key="text_muted", translate=False)
        self.export_button = Button(self.look, N_("导出报告"), self.export, style="secondary", icon="info", autoplay_weight=0,
                                    name="export_report")
        self.done = Button(self.look, N_("返回"), self.back, icon="back", autoplay_weight=0, name="done")
        self.items = [self.heading]
        for panel, value, title in self.tiles:
            self.items += [panel, value, title]
        self.items += [self.kinds_panel, self.kinds_title, self.kinds, self.tech_panel, self.tech_title, self.techs,
                       self.note, self.export_button, self.done]
        self.data = None
        self.reading = True
        self.read()

    def read(self) -> None:
        """The figures in the worker: a year of a busy kiosk's games takes half a second to count."""
        self.show_reading()
        if not self.services.jobs.start(self.figures, self.figures_read, "stats-summary"):
            self.note.set_text(self.session.tr("请稍等：上一个操作还没有完成。"))

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.reading and not self.services.jobs.busy:   # another operator action held the worker
            self.read()

    def figures_read(self, job) -> None:
        self.reading = False
        self.fill(job.result)     # figures() says what went wrong itself and gives None

    def show_reading(self) -> None:
        for _, value, _ in self.tiles:
            value.set_text("…")
        self.kinds.set_text(self.session.tr("正在读取……"))
        self.techs.set_text("")
        self.note.set_text("")
        self.export_button.enabled = False
        self.dirty = True

    def fill(self, f: dict | None) -> None:
        # Babel's locale data loads when a number or date is first shown, not before the title
        from game.i18n.formatting import number, percent

        # SQLite and the statistics modules load when first used, not before the title
        from game.stats.labels import scam_type_name, technique_name
        tr = self.session.tr
        self.data = f
        people = tr("{n} 人")
        if f is None:
            values = ["—"] * 5
            self.kinds.set_text(tr("还没有统计数据"))
            self.techs.set_text("")
            self.note.set_text(tr("统计数据库：") + str(self.stats_path()))
        else:
            def pct(x):
                return "—" if x is None else percent(x, self.session.locale)
            values = [people.format(n=number(f["people_today"], self.session.locale)),
                      people.format(n=number(f["people_week"], self.session.locale)),
                      people.format(n=number(f["people"], self.session.locale)),
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
                s=number(f["completed"], self.session.locale), a=number(f["abandoned"], self.session.locale),
                p=number(f["people"], self.session.locale))
            if f["autoplay_left_out"]:
                note += "\n" + tr("电脑演示 {n} 场未计入。").format(n=number(f["autoplay_left_out"], self.session.locale))
            self.note.set_text(note)
        for (_, value, _), text in zip(self.tiles, values):
            value.set_text(text)
        self.export_button.enabled = f is not None
        self.dirty = True

    def export(self) -> None:
        """Write the report (tables and charts: seconds on a big database) in the worker."""
        # SQLite and the statistics modules load when first used, not before the title
        from game.stats import StatsError, open_for_reading
        from game.stats.report import write_report
        out = user_data_dir() / "reports" / datetime.now().strftime("%Y%m%d-%H%M%S")
        path = self.stats_path()

        def write() -> list:
            try:
                conn = open_for_reading(path)
                try:
                    return write_report(conn, out)
                finally:
                    conn.close()
            except (OSError, sqlite3.Error, StatsError) as exc:   # said on the page, the menu stays
                log.warning("statistics export to %s failed: %s", out, exc)
                raise

        def written(job) -> None:
            tr = self.session.tr
            if job.error is not None:
                self.note.set_text(tr("导出失败：") + say(job.error, tr))
            else:
                self.note.set_text(tr("已导出 {n} 个文件到：").format(n=len(job.result)) + "\n" + str(out))
            self.export_button.enabled = True
            self.dirty = True

        if not self.services.jobs.start(write, written, "stats-export"):
            self.note.set_text(self.session.tr("请稍等：上一个操作还没有完成。"))
        elif self.services.jobs.busy:
            self.note.set_text(self.session.tr("正在导出……"))
            self.export_button.enabled = False
        self.dirty = True

    def place(self, size) -> None:
        u, area, portrait, gap, bar = self.place_frame(size)
        self.export_button.rect = pygame.Rect(self.done.rect.x - gap - self.done.rect.w, bar.y, self.done.rect.w, bar.h)
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
