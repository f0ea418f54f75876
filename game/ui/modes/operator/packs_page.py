"""The operator's content packs: what is there, enable, disable, remove, and the way to install one.

Every pack found (``game.content.install.list_packs``: the shipped one, those installed in the data
folder's ``packs/``, those given with ``--content``) is a row; the chosen one's details (version,
authors, scripts and quiz questions, problems) are beside the list. A change reloads the library
(``session.content_loader``): the next game plays it, without restarting.

Reading the packs and every change run off the frame's thread (``services.jobs``, one at a time):
the page says "正在读取……" meanwhile, and the library loaded in the worker is swapped in between
two frames. A failure is shown on the page and logged; the list and the library stay as they were.
"""

from __future__ import annotations

import pygame

from game.content.install import PackError, list_packs, remove_pack, set_enabled
from game.content.packs import ContentSources

from ....i18n.marker import N_
from ... import layout
from ...widgets import Button, Label, Panel, TextBox
from .common import OperatorScreen, log, place_rows

ORIGINS = {"shipped": N_("游戏自带"), "installed": N_("已安装"), "given": N_("本次运行加载（--content）")}
STATES = {"loaded": N_("已启用"), "disabled": N_("已停用"), "failed": N_("有错误，未加载"),
          "needs-newer-game": N_("需要更新版本的游戏"), "replaced": N_("被本次运行加载的同名内容包代替")}
MAX_PROBLEMS = 3


def pack_details(tr, status) -> str:
    """The lines the operator reads about one pack (also for the install page's check)."""
    lines = [f"{tr(status.name)} · " + tr("版本 {v}").format(v=status.version or "?")]
    if status.authors:
        lines.append(tr("作者：") + "、".join(status.authors))
    lines.append(tr(ORIGINS.get(status.origin, status.origin)) + " · " + tr(STATES.get(status.state, status.state)))
    counts = status.counts or {}
    lines.append(tr("剧本 {s} 个 · 题目 {q} 道").format(s=counts.get("scenarios", 0), q=counts.get("quiz_items", 0)))
    if status.reason and status.state != "loaded":
        lines.append(tr("原因：") + status.reason)
    errors, warnings = status.errors, status.warnings
    if errors or warnings:
        lines.append(tr("{e} 个错误，{w} 个提醒").format(e=len(errors), w=len(warnings)))
        shown = (errors + warnings)[:MAX_PROBLEMS]
        lines += [f"· {p.path}:{p.line}: {p.message}" for p in shown]
        if len(errors) + len(warnings) > len(shown):
            lines.append(tr("还有 {n} 个问题").format(n=len(errors) + len(warnings) - len(shown)))
    return "\n".join(lines)


class OperatorPacksScene(OperatorScreen):
    name = "operator_packs"

    def __init__(self, ctx, media_roots=None):
        self.media_roots = media_roots      # tests: where the install page looks for sticks
        self.page = 0
        self.chosen = ""
        self.confirm_remove = False
        self.message = ""
        self.statuses: list = []
        self.busy = ""            # what the worker is doing, shown instead of the list until it is done
        super().__init__(ctx)

    # ---- the packs
    def sources(self) -> ContentSources:
        return ContentSources(extra=tuple(self.session.content_paths))

    def read(self) -> None:
        """Read every pack's status again (in the worker)."""
        sources = self.sources()
        self.work(N_("正在读取……"), lambda: list_packs(sources), self.listed)

    def listed(self, statuses: list) -> None:
        self.statuses = statuses
        if not any(s.id == self.chosen for s in self.statuses):
            self.chosen = self.statuses[0].id if self.statuses else ""

    def work(self, busy: str, fn, then) -> None:
        """Run ``fn`` in the worker; ``then(result)`` on the frame's thread once it is done. Nothing
        (but a note) while another operator action is still running."""
        if self.services.jobs.busy:
            self.message = self.session.tr("请稍等：上一个操作还没有完成。")
            self.fill()
            return
        self.busy = busy        # before starting: a job run at once (tests) is done when ``start`` returns
        self.services.jobs.start(fn, lambda job: self.worked(job, then), "operator-packs")
        self.fill()

    def worked(self, job, then) -> None:
        self.busy = ""
        if job.error is not None:     # logged by the job; nothing on disk or in the game was swapped
            self.message = self.session.tr("出错了：") + str(job.error)
        else:
            then(job.result)
        self.fill()

    def status(self):
        return next((s for s in self.statuses if s.id == self.chosen and s.state != "replaced"),
                    next((s for s in self.statuses if s.id == self.chosen), None))

    def rows_per_page(self) -> int:
        return 4

    # ---- widgets
    def build(self) -> None:
        self.heading = Label(self.look, N_("内容包"), role="heading", colour_key="accent")
        self.summary = Label(self.look, "", role="caption", colour_key="text_muted", translate=False)
        self.rows = [Button(self.look, "", lambda i=i: self.choose_row(i), style="choice", translate=False,
                            autoplay_weight=0, name=f"pack_row_{i}") for i in range(6)]
        self.panel = Panel(self.look)
        self.details = TextBox(self.look, "", role="caption", translate=False)
        self.prev = Button(self.look, N_("上一页"), lambda: self.turn(-1), style="secondary", icon="back",
                           autoplay_weight=0, name="packs_prev")
        self.next = Button(self.look, N_("下一页"), lambda: self.turn(1), style="secondary", icon="play",
                           autoplay_weight=0, name="packs_next")
        self.toggle = Button(self.look, N_("停用"), self.toggle_enabled, style="secondary", icon="minus",
                             autoplay_weight=0, name="pack_toggle")
        self.remove = Button(self.look, N_("删除"), self.remove_chosen, style="risky", icon="cross",
                             autoplay_weight=0, name="pack_remove")
        self.install = Button(self.look, N_("从U盘安装"), self.open_install, icon="plus", autoplay_weight=0,
                              name="pack_install")
        self.done = Button(self.look, N_("返回"), self.back, icon="back", autoplay_weight=0, name="done")
        self.note = TextBox(self.look, "", role="caption", colour_key="accent", translate=False)
        self.items = [self.heading, self.summary, *self.rows, self.panel, self.details, self.prev, self.next,
                      self.toggle, self.remove, self.install, self.note, self.done]
        self.fill()
        self.read()

    def fill(self) -> None:
        tr = self.session.tr
        per = self.rows_per_page()
        pages = max(1, -(-len(self.statuses) // per))
        self.page = max(0, min(self.page, pages - 1))
        shown = [] if self.busy else self.statuses[self.page * per:(self.page + 1) * per]
        for i, row in enumerate(self.rows):
            status = shown[i] if i < len(shown) and i < per else None
            row.visible = status is not None
            if status is not None:
                mark = "★ " if status.origin == "shipped" else ("✕ " if status.state in ("failed", "needs-newer-game")
                                                                else "")
                row.set_text(f"{mark}{tr(status.name)} {status.version}")
                row.selected = status.id == self.chosen
        loaded = sum(s.loaded for s in self.statuses)
        counts = tr("{n} 个内容包，{k} 个在用 · 第 {page}/{pages} 页 · ★ 游戏自带").format(
            n=len(self.statuses), k=loaded, page=self.page + 1, pages=pages)
        self.summary.set_text(tr(self.busy) if self.busy else counts)
        self.prev.enabled = self.page > 0 and not self.busy
        self.next.enabled = self.page < pages - 1 and not self.busy
        status = self.status()
        self.details.set_text(tr(self.busy) if self.busy else pack_details(tr, status) if status else tr("没有内容包"))
        installed = status is not None and status.origin == "installed" and not self.busy
        self.toggle.enabled = self.remove.enabled = installed
        self.install.enabled = not self.busy
        self.toggle.set_text(N_("启用") if installed and not status.enabled else N_("停用"))
        self.remove.set_text(N_("再点一次：删除") if self.confirm_remove else N_("删除"))
        self.note.set_text(self.message)
        self.dirty = True

    # ---- actions
    def choose_row(self, i: int) -> None:
        index = self.page * self.rows_per_page() + i
        if index < len(self.statuses):
            self.chosen = self.statuses[index].id
            self.confirm_remove = False
            self.fill()

    def turn(self, step: int) -> None:
        self.page += step
        self.fill()

    def toggle_enabled(self) -> None:
        status = self.status()
        if status is None or status.origin != "installed":
            return
        self.run(lambda: set_enabled(status.id, not status.enabled),
                 N_("已启用“{name}”") if not status.enabled else N_("已停用“{name}”"), status)

    def remove_chosen(self) -> None:
        status = self.status()
        if status is None or status.origin != "installed":
            return
        if not self.confirm_remove:
            self.confirm_remove = True
            self.fill()
            return
        self.confirm_remove = False
        self.run(lambda: remove_pack(status.id), N_("已删除“{name}”"), status)

    def run(self, change, done_text: str, status) -> None:
        """``change`` the packs on disk, then load the library and read the list again: all in the
        worker; the new library is used on the frame's thread."""
        load, sources = self.session.content_loader(), self.sources()

        def changed():
            try:
                line = change()
            except (PackError, OSError) as exc:
                log.warning("pack %s: %s", status.id, exc)
                return exc, None, None
            return line, load(), list_packs(sources)

        def show(outcome) -> None:
            line, result, statuses = outcome
            if result is None:
                self.message = self.session.tr("没有改动：") + str(line)
                return
            log.info("operator: %s", line)
            self.session.use_reloaded(result)
            self.listed(statuses)
            self.message = self.session.tr(done_text).format(name=self.session.tr(status.name))

        self.work(N_("正在修改并重新载入内容……"), changed, show)

    def open_install(self) -> None:
        self.nav.navigate("operator_install", media_roots=self.media_roots)

    def installed(self, pack_id: str, message: str) -> None:
        """The install page put a pack in place: the library loaded again (in the worker), the pack
        shown chosen in the list."""
        load, sources = self.session.content_loader(), self.sources()

        def show(outcome) -> None:
            result, statuses = outcome
            self.session.use_reloaded(result)
            self.chosen = pack_id
            self.listed(statuses)
            self.message = message

        self.work(N_("正在重新载入内容……"), lambda: (load(), list_packs(sources)), show)

    def resume(self) -> None:
        super().resume()
        self.fill()
        self.layout(self.look.size)

    def on_locale_changed(self) -> None:
        self.fill()

    # ---- layout
    def place(self, size) -> None:
        u, area, portrait, gap, bar = self.place_frame(size)
        self.summary.rect = pygame.Rect(area.x, self.heading.rect.bottom, area.w, round(6 * u))
        self.note.rect = pygame.Rect(bar.x, bar.y, self.done.rect.x - gap - bar.x, bar.h)
        body = pygame.Rect(area.x, self.summary.rect.bottom + u, area.w, bar.y - gap - self.summary.rect.bottom - u)
        per = self.rows_per_page()
        if portrait:
            list_rect, side = layout.split_v(body, 1.1, 1, gap=gap)
        else:
            list_rect, side = layout.split_h(body, 1, 1.2, gap=3 * u)
        pager = layout.bottom_band(list_rect, 12 * u)
        rows_area = pygame.Rect(list_rect.x, list_rect.y, list_rect.w, pager.y - gap - list_rect.y)
        place_rows(self.rows, rows_area, per, gap, u)
        self.prev.rect, self.next.rect = layout.split_h(pager, 1, 1, gap=gap)
        actions = layout.bottom_band(side, 12 * u)
        self.panel.rect = pygame.Rect(side.x, side.y, side.w, actions.y - gap - side.y)
        self.details.rect = layout.inset(self.panel.rect, 2.5 * u, 1.5 * u)
        self.toggle.rect, self.remove.rect, self.install.rect = layout.split_h(actions, 1, 1, 1.3, gap=gap)
