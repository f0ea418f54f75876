"""Installing a content pack from a USB stick (or any folder typed in): choose, check, install.

The packs on the mounted media (``media.packs_on_media``) are listed; a path can be typed too.
Choosing one checks it in the context of everything installed (as the game would load it) and
shows its name, counts and problems; "安装" is offered only when it passed. The install itself
(``game.content.install.install_pack``) checks it again while copying and swaps it in atomically:
nothing installed changes unless it passes. Looking for sticks, checking and installing run off the
frame's thread, one at a time with the other operator actions (``services.jobs``).
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.content.install import install_pack
from game.content.loader import load_library
from game.content.packs import ContentSources, given_place

from ....i18n.marker import N_
from ... import layout
from ...input import Intent
from ...widgets import Button, Label, Panel, TextBox
from ..widgets import TextField
from .common import OperatorScreen, log, place_rows
from .media import packs_on_media
from .packs_page import pack_details
from .typing import Typing


def check_source(path: Path, packs_dir: Path | None = None):
    """The pack at ``path`` (folder or .zip) as the game would load it beside the installed packs:
    its ``PackStatus``. ``game.content.packs.NotAPack`` when it is none."""
    given_place(path)
    result = load_library(sources=ContentSources(packs_dir=packs_dir, extra=(path,)))
    return next(s for s in result.packs if s.origin == "given")


class OperatorInstallScene(Typing, OperatorScreen):
    name = "operator_install"

    def __init__(self, ctx, media_roots=None):
        self.media_roots = media_roots
        self.found: list = []
        self.page = 0
        self.source: Path | None = None
        self.checked = None          # the PackStatus of ``source`` once checked
        self.job_kind = ""           # scan / check / install while the worker does it
        self.per = 3
        super().__init__(ctx)

    def rows_per_page(self) -> int:
        return self.per        # as many as fit at a touchable height (``place``)

    def build(self) -> None:
        self.heading = Label(self.look, N_("安装内容包"), role="heading", colour_key="accent")
        self.hint = TextBox(self.look, N_("插上U盘：上面的内容包（.zip 文件或带 pack.yaml 的文件夹）会列在下面。"
                                          "也可以输入路径。先检查，没有错误才能安装；已装的内容在安装成功前不变。"),
                            role="caption", colour_key="text_muted")
        self.rows = [Button(self.look, "", lambda i=i: self.choose_row(i), style="choice", translate=False,
                            autoplay_weight=0, name=f"source_{i}") for i in range(5)]
        self.empty = TextBox(self.look, "", role="body", colour_key="text_muted", translate=False)
        self.rescan = Button(self.look, N_("重新查找"), self.scan, style="secondary", icon="dice", autoplay_weight=0,
                             name="rescan")
        self.more = Button(self.look, N_("下一页"), self.turn, style="secondary", icon="play", autoplay_weight=0,
                           name="sources_next")
        self.path_field = TextField(self.look, "", N_("点这里输入路径"),
                                    max_len=400, name="pack_path", on_activate=self.begin_text)
        self.check_button = Button(self.look, N_("检查"), self.check_typed, style="secondary", icon="info",
                                   autoplay_weight=0, name="check_path")
        self.panel = Panel(self.look)
        self.details = TextBox(self.look, "", role="caption", translate=False)
        self.install_button = Button(self.look, N_("安装"), self.install, icon="check", autoplay_weight=0,
                                     name="install")
        self.done = Button(self.look, N_("返回"), self.back, style="secondary", icon="back", autoplay_weight=0,
                           name="done")
        self.items = [self.heading, self.hint, *self.rows, self.empty, self.rescan, self.more, self.path_field,
                      self.check_button, self.panel, self.details, self.install_button, self.done]
        self.scan()

    # ---- finding packs
    def scan(self) -> None:
        roots = self.media_roots
        self.work("scan", lambda: packs_on_media(roots=roots), self.scanned)

    def scanned(self, job) -> None:
        if job.error is not None:    # a stick pulled while it was read
            self.details.set_text(self.session.tr("出错了：") + str(job.error))
            return
        self.found = job.result
        self.page = 0

    def work(self, kind: str, fn, then) -> None:
        """``fn`` in the worker, ``then(job)`` on the frame's thread; nothing when another operator
        action still runs (the page says so)."""
        def finished(job) -> None:
            self.job_kind = ""
            then(job)
            self.fill()

        if self.services.jobs.busy:
            self.details.set_text(self.session.tr("请稍等：上一个操作还没有完成。"))
        else:
            self.job_kind = kind    # before starting: a job run at once (tests) is done when ``start`` returns
            self.services.jobs.start(fn, finished, f"pack-{kind}")
        self.fill()

    def turn(self) -> None:
        per = self.rows_per_page()
        self.page = (self.page + 1) % max(1, -(-len(self.found) // per))
        self.fill()

    def fill(self) -> None:
        tr = self.session.tr
        per = self.rows_per_page()
        shown = self.found[self.page * per:(self.page + 1) * per]
        for i, row in enumerate(self.rows):
            found = shown[i] if i < len(shown) and i < per else None
            row.visible = found is not None
            if found is not None:
                row.set_text(f"{found.path.relative_to(found.medium).as_posix()} · {found.medium.name}")
                row.selected = found.path == self.source
        idle = not self.job_kind
        empty = tr("正在查找U盘……") if self.job_kind == "scan" else tr(
            "没有找到U盘上的内容包。插上U盘后点“重新查找”，或输入路径。")
        self.empty.set_text("" if self.found else empty)
        self.empty.visible = not self.found
        self.more.enabled = len(self.found) > per
        self.rescan.enabled = idle
        self.check_button.enabled = bool(self.path_field.text.strip()) and idle
        busy = {"check": tr("正在检查……"), "install": tr("正在复制并安装，请不要拔U盘……")}.get(self.job_kind)
        if busy:
            self.details.set_text(busy)
        elif self.checked is not None:
            verdict = tr("检查通过，可以安装。") if self.checked.loaded else tr("有错误，不能安装：")
            self.details.set_text(verdict + "\n" + pack_details(tr, self.checked))
        elif not self.details.text:
            self.details.set_text(tr("选一个内容包来检查。"))
        self.install_button.enabled = idle and self.checked is not None and self.checked.loaded
        self.dirty = True

    # ---- checking and installing
    def choose_row(self, i: int) -> None:
        index = self.page * self.rows_per_page() + i
        if index < len(self.found):
            self.start_check(self.found[index].path)

    def check_typed(self) -> None:
        text = self.path_field.text.strip()
        if text:
            self.start_check(Path(text).expanduser())

    def text_done(self, field) -> None:
        self.fill()

    def start_check(self, path: Path) -> None:
        if self.job_kind:
            return
        self.source, self.checked = path, None
        self.details.set_text("")
        self.work("check", lambda: check_source(path), self.checked_done)

    def install(self) -> None:
        if self.job_kind or self.checked is None or not self.checked.loaded or self.source is None:
            return
        source = self.source
        log.info("operator installs a pack from %s", source)
        self.work("install", lambda: install_pack(source), self.install_done)

    def checked_done(self, job) -> None:
        if job.error is not None:     # NotAPack, or the stick was pulled while reading
            self.details.set_text(self.session.tr("不是内容包：") + str(job.error))
            return
        self.checked = job.result

    def install_done(self, job) -> None:
        tr = self.session.tr
        result = job.result
        if job.error is not None or result is None:
            self.checked = None
            self.details.set_text(tr("没有安装：") + str(job.error))
            return
        if not result.ok:
            log.warning("pack install refused: %s", result.message)
            self.checked = None
            self.details.set_text(tr("没有安装，原来的内容不变：") + "\n" + result.message)
            return
        log.info("operator: %s", result.message)
        self.checked = None
        text = (tr("已安装“{name}”{version}，替换了旧版 {old}") if result.replaced else
                tr("已安装“{name}”{version}")).format(name=tr(result.status.name), version=result.status.version,
                                                    old=result.replaced)
        self.details.set_text(text)
        packs = self.nav.find("operator_packs")
        if packs is not None:
            packs.installed(result.pack_id, text)
        else:       # opened some other way: the library loaded again all the same
            load = self.session.content_loader()
            self.services.jobs.start(load, self.reloaded, "content-reload")

    def reloaded(self, job) -> None:
        if job.error is None:
            self.session.use_reloaded(job.result)

    # ---- input and layout
    def handle(self, intent: Intent) -> bool:
        self.typing_tap(intent)
        return super().handle(intent)

    def back(self) -> bool:
        if self.job_kind == "install":
            return True          # the install finishes first: leaving would not stop it
        return super().back()

    def place(self, size) -> None:
        u, area, portrait, gap = self.regions(size)
        self.heading.rect = layout.top_band(area, 9 * u)
        self.hint.rect = pygame.Rect(area.x, self.heading.rect.bottom, area.w, round((16 if portrait else 11) * u))
        bar = layout.bottom_band(area, 12 * u)
        body = pygame.Rect(area.x, self.hint.rect.bottom + u, area.w, bar.y - gap - self.hint.rect.bottom - u)
        if portrait:
            left, right = layout.split_v(body, 1.2, 1, gap=gap)
        else:
            left, right = layout.split_h(body, 1.1, 1, gap=3 * u)
        typed = layout.bottom_band(left, 12 * u)
        tools = pygame.Rect(left.x, typed.y - gap - round(12 * u), left.w, round(12 * u))
        rows_area = pygame.Rect(left.x, left.y, left.w, tools.y - gap - left.y)
        per = self.per = max(1, min(len(self.rows), int((rows_area.h + gap) // (11 * u + gap))))
        place_rows(self.rows, rows_area, per, gap, u)
        self.empty.rect = rows_area
        self.rescan.rect, self.more.rect = layout.split_h(tools, 1, 1, gap=gap)
        self.path_field.rect, self.check_button.rect = layout.split_h(typed, 3, 1, gap=gap)
        self.panel.rect = right
        self.details.rect = layout.inset(right, 2.5 * u, 1.5 * u)
        bw = round(min(40 * u, area.w * 0.3))
        self.done.rect = pygame.Rect(bar.right - bw, bar.y, bw, bar.h)
        self.install_button.rect = pygame.Rect(self.done.rect.x - gap - bw, bar.y, bw, bar.h)
        self.fill()
