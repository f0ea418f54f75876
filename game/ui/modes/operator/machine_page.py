"""The operator's "this machine" page: the statistics site and its sync, and machine-wide settings.

Left: site name and district (``game.stats.site``), the device id, where to sync (a libpq service
name or a ``postgresql://`` URL; the password lives in ``.pgpass``, never here), background sync on
or off and how often, the last sync and the games waiting. Right: the region (whose hotlines the
game names; the library is reloaded for it), sound, reading aloud, the learning check, and the
crash count with a way to clear it. Everything is saved at once.
"""

from __future__ import annotations

import pygame

from game.content.hotlines import REGIONS
from game.crashlog import read_count, reset_count
from game.stats.site import SYNC_EVERY_CHOICES, load_site, save_site

from ....i18n.marker import N_
from ....i18n.message import say
from ... import layout
from ...input import Intent
from ...widgets import Button, Label, Panel, TextBox
from ..widgets import TextField
from .common import OperatorScreen, log
from ...jobs import Job
from .typing import Typing

ON_OFF = ((True, N_("开")), (False, N_("关")))
STATUS_EVERY_S = 5.0     # how often the sync line is read again while the page is open


def sync_line(tr, status, site) -> str:
    """The operator's one or two lines about the county sync."""
    if not site.sync_to:
        return tr("没有设置同步地址：数据只存在本机。")
    if status is None:
        return tr("同步状态读不出来。")
    when = status.last_ok_at.astimezone().strftime("%Y-%m-%d %H:%M") if status.last_ok_at else tr("还没有")
    line = tr("上次同步：{when} · 等待发送：{n} 场").format(when=when, n=status.waiting)
    if status.running:
        line += " · " + tr("正在同步……")
    if status.last_error:
        line += "\n" + tr("上次出错：") + say(status.last_error, tr)
    return line


def read_sync_status(db, target: str):
    """``game.stats.sync.sync_status`` (local SQLite only), or None when it cannot be read."""
    # the sync module (and its SQLite queries) load when the operator opens this page
    from game.stats.sync import sync_status
    try:
        return sync_status(db, target)
    except Exception as exc:  # noqa: BLE001 — a damaged database: the line says it cannot be read
        log.warning("sync status: %s", exc)
        return None


class OperatorMachineScene(Typing, OperatorScreen):
    name = "operator_machine"

    def __init__(self, ctx):
        self.site = load_site(keep=ctx.session.keeps_site)   # a throw-away run only reads site.json
        self.status = None
        self.status_job: Job | None = None
        self.sync_job: Job | None = None
        self.since_status = STATUS_EVERY_S
        self.message = ""
        super().__init__(ctx)

    # ---- widgets
    def build(self) -> None:
        look = self.look
        self.heading = Label(look, N_("本机与同步"), role="heading", colour_key="accent")
        self.left_panel, self.right_panel = Panel(look), Panel(look)
        self.site_label = Label(look, N_("站点名称"), role="body", bold=True, align="left")
        self.site_field = TextField(look, self.site.site, N_("如：人民公园"), name="site_name",
                                    on_activate=self.begin_text)
        self.district_label = Label(look, N_("所在区县"), role="body", bold=True, align="left")
        self.district_field = TextField(look, self.site.district, N_("如：城关镇"), name="district",
                                        on_activate=self.begin_text)
        self.target_label = Label(look, N_("同步到"), role="body", bold=True, align="left")
        self.target_field = TextField(look, self.site.sync_to, N_("服务名或 postgresql:// 地址"), max_len=300,
                                      name="sync_to", on_activate=self.begin_text)
        self.device = TextBox(look, "", role="caption", colour_key="text_muted", translate=False)
        self.sync_label = Label(look, N_("后台同步"), role="body", bold=True, align="left")
        self.sync_buttons = [(v, Button(look, t, lambda v=v: self.set_sync_on(v), style="choice", autoplay_weight=0,
                                        name=f"sync_on_{v}")) for v, t in ON_OFF]
        self.every_button = Button(look, "", self.cycle_every, style="choice", translate=False, autoplay_weight=0,
                                   name="sync_every_next")
        self.sync_status = TextBox(look, "", role="caption", translate=False)
        self.sync_now = Button(look, N_("立即同步"), self.start_sync, style="secondary", autoplay_weight=0,
                               name="sync_now")
        self.region_label = Label(look, N_("地区（提醒拨打的热线）"), role="body", bold=True, align="left")
        self.region_buttons = [(r.id, Button(look, r.label, lambda v=r.id: self.set_region(v), style="choice",
                                             autoplay_weight=0, name=f"region_{r.id}")) for r in REGIONS.values()]
        self.switch_rows = []
        for field, title in (("sound", N_("声音")), ("voice", N_("自动朗读")), ("learning_check", N_("学习小测"))):
            label = Label(look, title, role="body", bold=True, align="left")
            buttons = [(v, Button(look, t, lambda f=field, v=v: self.set_switch(f, v), style="choice",
                                  autoplay_weight=0, name=f"{field}_{v}")) for v, t in ON_OFF]
            self.switch_rows.append((field, label, buttons))
        self.crashes = TextBox(look, "", role="caption", translate=False)
        self.clear_crashes = Button(look, N_("清零"), self.reset_crashes, style="secondary", icon="cross",
                                    autoplay_weight=0, name="clear_crashes")
        self.note = TextBox(look, "", role="caption", colour_key="accent", translate=False)
        self.done = Button(look, N_("完成"), self.back, icon="check", autoplay_weight=0, name="done")
        self.fields = [self.site_field, self.district_field, self.target_field]
        self.items = [self.heading, self.left_panel, self.right_panel, self.site_label, self.site_field,
                      self.district_label, self.district_field, self.target_label, self.target_field, self.device,
                      self.sync_label, *[b for _, b in self.sync_buttons], self.every_button, self.sync_status,
                      self.sync_now, self.region_label, *[b for _, b in self.region_buttons]]
        for _, label, buttons in self.switch_rows:
            self.items += [label, *[b for _, b in buttons]]
        self.items += [self.crashes, self.clear_crashes, self.note, self.done]
        self.fill()

    def switch_value(self, field: str) -> bool:
        settings = self.session.settings
        return not settings.muted if field == "sound" else bool(getattr(settings, field))

    def fill(self) -> None:
        tr = self.session.tr
        self.device.set_text(tr("本机编号：") + self.site.device_id + "\n" +
                             tr("同步密码请放在 .pgpass 文件里，不要填在这里。"))
        for value, b in self.sync_buttons:
            b.selected = value == self.site.sync_on
            b.enabled = bool(self.site.sync_to)
        self.every_button.set_text(tr("每 {n} 分钟").format(n=self.site.sync_every_min))
        self.every_button.selected = True
        stats_on = self.services.play_stats is not None
        self.sync_status.set_text(sync_line(tr, self.status, self.site) if stats_on else tr("匿名统计已关闭。"))
        self.sync_now.enabled = stats_on and bool(self.site.sync_to) and self.sync_job is None
        reloading = self.services.jobs.running == "content-reload"
        for value, b in self.region_buttons:
            b.selected = value == self.session.settings.region
            b.enabled = not reloading     # one region's library at a time
        for field, _, buttons in self.switch_rows:
            for value, b in buttons:
                b.selected = value == self.switch_value(field)
        count = read_count()
        if count.get("count"):
            last = (count.get("last") or {}).get("time", "")
            self.crashes.set_text(tr("程序出错 {n} 次，最近一次：{when}").format(n=count["count"], when=last))
        else:
            self.crashes.set_text(tr("没有程序出错的记录。"))
        self.clear_crashes.enabled = bool(count.get("count"))
        self.note.set_text(tr("正在按新的地区重新载入内容……") if reloading else self.message or tr("改动立即生效并保存"))
        self.dirty = True

    # ---- the site and its sync
    def text_done(self, field) -> None:
        name = {"site_name": "site", "district": "district", "sync_to": "sync_to"}[field.name]
        value = field.text
        if value == getattr(self.site, name):
            return
        try:
            self.site = save_site(**{name: value})
        except (ValueError, ImportError) as exc:
            self.message = say(exc, self.session.tr)
            field.set_text(getattr(self.site, name))
            log.warning("site setting %s refused: %s", name, exc)
        else:
            self.message = ""
            log.info("operator set site %s", name)
            if name == "sync_to":
                self.services.restart_sync()
                self.since_status = STATUS_EVERY_S
        self.fill()

    def set_sync_on(self, on: bool) -> None:
        self.site = save_site(sync_on=on)
        log.info("operator set background sync %s", "on" if on else "off")
        self.services.restart_sync()
        self.fill()

    def cycle_every(self) -> None:
        choices = sorted(set(SYNC_EVERY_CHOICES) | {self.site.sync_every_min})
        now = choices.index(self.site.sync_every_min)
        self.site = save_site(sync_every_min=choices[(now + 1) % len(choices)])
        self.services.restart_sync()
        self.fill()

    def start_sync(self) -> None:
        """Sync now, in a thread of its own: the frame never waits on the network."""
        syncer = self.services.stats_syncer
        if syncer is not None:
            syncer.sync_now()
            self.since_status = STATUS_EVERY_S - 1.0
            return
        stats = self.services.play_stats
        if stats is None or not self.site.sync_to or self.sync_job is not None:
            return
        # the sync (and psycopg) load only when the operator asks for one
        from game.stats.sync import sync_once
        db, target = stats.path, self.site.sync_to
        self.sync_job = Job(lambda: sync_once(db, target), "stats-sync-now")
        self.fill()

    def update(self, dt: float) -> None:
        super().update(dt)
        self.since_status += dt
        stats = self.services.play_stats
        if self.status_job is None and self.since_status >= STATUS_EVERY_S and stats is not None and self.site.sync_to:
            self.since_status = 0.0
            db, target = stats.path, self.site.sync_to
            self.status_job = Job(lambda: read_sync_status(db, target), "sync-status")
        if self.status_job is not None and self.status_job.done:
            self.status, self.status_job = self.status_job.result, None
            if self.services.stats_syncer is not None and self.status is not None:
                self.status = self.services.stats_syncer.status() or self.status
            self.fill()
        if self.sync_job is not None and self.sync_job.done:
            job, self.sync_job = self.sync_job, None
            result = job.result
            tr = self.session.tr
            self.message = (tr("同步出错：") + say(job.error, tr) if job.error else
                            tr("已发送 {n} 场").format(n=result.sent) if result and result.ok else
                            tr("同步没有完成：") + (say(result.error, tr) if result else ""))
            self.since_status = STATUS_EVERY_S
            self.fill()

    # ---- machine settings
    def set_region(self, region: str) -> None:
        """The region saved at once; the library as that region plays it is loaded in the worker and
        used between two frames (until then the game plays the old one)."""
        if region == self.session.settings.region:
            return
        if self.services.jobs.busy:
            self.message = self.session.tr("请稍等：上一个操作还没有完成。")
            self.fill()
            return
        log.info("operator set region %s", region)
        self.session.save_operator_settings(region=region)
        self.services.jobs.start(self.session.content_loader(), self.region_loaded, "content-reload")
        self.fill()

    def region_loaded(self, job) -> None:
        if job.error is not None:     # logged by the job; the library stays the one loaded before
            self.message = self.session.tr("出错了：") + say(job.error, self.session.tr)
        else:
            self.session.use_reloaded(job.result)
            self.message = ""
        self.fill()

    def set_switch(self, field: str, value: bool) -> None:
        log.info("operator set %s = %r", field, value)
        self.session.save_operator_settings(**({"muted": not value} if field == "sound" else {field: value}))
        self.fill()

    def reset_crashes(self) -> None:
        reset_count()
        self.fill()

    # ---- input and layout
    def handle(self, intent: Intent) -> bool:
        self.typing_tap(intent)
        return super().handle(intent)

    def back(self) -> bool:
        if self.editing is not None:
            self.end_text()
        return super().back()

    def place(self, size) -> None:
        u, area, portrait, gap, bar = self.place_frame(size)
        self.note.rect = pygame.Rect(bar.x, bar.y, self.done.rect.x - gap - bar.x, bar.h)
        body = pygame.Rect(area.x, self.heading.rect.bottom + u, area.w, bar.y - gap - self.heading.rect.bottom - u)
        if portrait:
            left, right = layout.split_v(body, 1.15, 1, gap=gap)
        else:   # the site's side holds a long address and the device id; the machine's side short switches
            left, right = layout.split_h(body, 1.4, 1, gap=gap)
        self.left_panel.rect, self.right_panel.rect = left, right
        self._place_site(layout.inset(left, 2 * u, 1.5 * u), u, gap)
        self._place_machine(layout.inset(right, 2 * u, 1.5 * u), u, gap, portrait)

    def _place_site(self, box: pygame.Rect, u: float, gap: float) -> None:
        h = 10.2 * u
        label_w = round(box.w * 0.3)
        y = box.y
        for label, field in ((self.site_label, self.site_field), (self.district_label, self.district_field),
                             (self.target_label, self.target_field)):
            label.rect = pygame.Rect(box.x, round(y), label_w, round(h))
            field.rect = pygame.Rect(box.x + label_w, round(y), box.w - label_w, round(h))
            y += h + 0.8 * u
        self.device.rect = pygame.Rect(box.x, round(y), box.w, round(8.5 * u))
        y += 8.5 * u + 0.8 * u
        sync_w = round(box.w * 0.26)   # a shorter label: "every 15 minutes" needs the width
        self.sync_label.rect = pygame.Rect(box.x, round(y), sync_w, round(h))
        row = pygame.Rect(box.x + sync_w, round(y), box.w - sync_w, round(h))
        cells = layout.split_h(row, 1, 1, 2.4, gap=gap / 2)
        for (_, b), r in zip(self.sync_buttons, cells):
            b.rect = r
        self.every_button.rect = cells[2]
        y += h + 0.8 * u
        rest = pygame.Rect(box.x, round(y), box.w, max(round(h), box.bottom - round(y)))
        label_w = round(box.w * 0.3)
        self.sync_now.rect = pygame.Rect(rest.right - label_w, rest.y, label_w, round(h))
        self.sync_status.rect = pygame.Rect(rest.x, rest.y, rest.w - label_w - round(gap), rest.h)

    def _place_machine(self, box: pygame.Rect, u: float, gap: float, portrait: bool) -> None:
        h = 11 * u
        self.region_label.rect = pygame.Rect(box.x, box.y, box.w, round(6 * u))
        row = pygame.Rect(box.x, self.region_label.rect.bottom, box.w, round(h))
        for (_, b), r in zip(self.region_buttons, layout.split_h(row, *[1] * len(self.region_buttons), gap=gap / 2)):
            b.rect = r
        y = row.bottom + 1.2 * u
        if portrait:   # the switches side by side, each title above its two buttons: the panel is low
            label_h = 6 * u
            columns = layout.split_h(pygame.Rect(box.x, round(y), box.w, round(label_h + h)),
                                     *[1] * len(self.switch_rows), gap=gap)
            for (_, label, buttons), col in zip(self.switch_rows, columns):
                label.rect = pygame.Rect(col.x, col.y, col.w, round(label_h))
                cells = layout.split_h(pygame.Rect(col.x, label.rect.bottom, col.w, round(h)), 1, 1, gap=gap / 2)
                for (_, b), r in zip(buttons, cells):
                    b.rect = r
            y += label_h + h + 0.8 * u
        else:
            label_w = round(box.w * 0.38)
            for _, label, buttons in self.switch_rows:
                label.rect = pygame.Rect(box.x, round(y), label_w, round(h))
                cells = layout.split_h(pygame.Rect(box.x + label_w, round(y), box.w - label_w, round(h)), 1, 1,
                                       gap=gap / 2)
                for (_, b), r in zip(buttons, cells):
                    b.rect = r
                y += h + 0.8 * u
        rest = pygame.Rect(box.x, round(y), box.w, max(round(h), box.bottom - round(y)))
        bw = round(box.w * 0.28)
        self.clear_crashes.rect = pygame.Rect(rest.right - bw, rest.y, bw, round(h))
        self.crashes.rect = pygame.Rect(rest.x, rest.y, rest.w - bw - round(gap), rest.h)
