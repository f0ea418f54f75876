"""An author's preview when the content has errors: the errors instead of the game
(``play --scenario ID --watch``); it goes away by itself once the files are fixed."""

from __future__ import annotations

from ...i18n.marker import N_
from .title import ProblemsScene


class PreviewProblemsScene(ProblemsScene):
    name = "preview_problems"

    def __init__(self, ctx, title: str = "", problems: list | None = None, watching: bool = False):
        self.title = title                 # why there is nothing to show (one line, from game.content.preview)
        self.given = list(problems or [])
        self.watching = watching
        super().__init__(ctx)

    def _problems(self):
        return self.given

    def build(self) -> None:
        super().build()
        self.heading.set_text(N_("内容有错误，改好后会自动重新显示") if self.watching else N_("内容有错误"))
        self.close.set_text(N_("退出"))

    def _fill(self) -> None:
        super()._fill()
        problems = self._problems()
        pages = max(1, -(-len(problems) // self.per_page))
        # the title's first clause: the errors themselves are listed below it
        head = self.title.split(";")[0] if self.title else self.session.tr("{n} 个错误").format(n=len(problems))
        self.summary.set_text(f"{head} · " + self.session.tr("第 {page}/{pages} 页").format(page=self.page + 1,
                                                                                             pages=pages))

    def back(self) -> bool:
        self.services.quit_by_operator()
        return True
