"""End of the class: a row per team, the CSV export and the pledge.

Per team: safe-choice rate, scams spotted (scripts ended safely, board quizzes right),
scams missed (scripts ended scammed, board quizzes wrong), quiz-round points, savings left.
``export_class_csv`` writes the same table as UTF-8 with a BOM (Excel opens it right) into
``user_data_dir()/exports/``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pygame

from game.paths import user_data_dir

from ...i18n.marker import N_
from .. import layout
from ..widgets import Button, Label, Panel, ScreenScene, TextBox
from .classroom.state import ClassroomState, team_name

COLUMNS = (N_("组"), N_("安全选择率"), N_("识破"), N_("上当"), N_("答题得分"))


@dataclass(frozen=True)
class TeamRow:
    team: str
    safe_choices: int
    risky_choices: int
    safe_rate: float | None
    spotted: int
    missed: int
    quiz_points: int
    quiz_right: int
    savings: int


def team_rows(app, state: ClassroomState, board) -> list[TeamRow]:
    rows = []
    game = board.game
    for i in range(min(state.teams, len(game.scores))):
        s = game.scores[i]
        spotted = sum(1 for r in s.scenes if r.safe)
        missed = sum(1 for r in s.scenes if not r.safe)
        rows.append(TeamRow(team_name(app, i), s.safe_choices, s.risky_choices, s.safe_choice_rate, spotted, missed,
                            state.quiz_points[i], state.quiz_right[i], s.savings))
    return rows


def exports_dir() -> Path:
    path = user_data_dir() / "exports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def export_class_csv(app, state: ClassroomState, board, folder: Path | None = None,
                     now: datetime | None = None) -> Path:
    """The class results as CSV (UTF-8 with BOM); returns the file written."""
    now = now or datetime.now()
    folder = Path(folder) if folder else exports_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"class_results_{now:%Y%m%d_%H%M%S}.csv"
    n = 2
    while path.exists():
        path = folder / f"class_results_{now:%Y%m%d_%H%M%S}_{n}.csv"
        n += 1
    tr = app.tr
    header = [tr("班级"), tr("日期"), tr("组"), tr("安全选择"), tr("冒险选择"), tr("安全选择率"), tr("识破"), tr("上当"),
              tr("答题轮答对"), tr("答题得分"), tr("剩余存款")]
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        for r in team_rows(app, state, board):
            out.writerow([state.class_name, now.strftime("%Y-%m-%d"), r.team, r.safe_choices, r.risky_choices,
                          "" if r.safe_rate is None else f"{r.safe_rate * 100:.0f}%", r.spotted, r.missed,
                          r.quiz_right, r.quiz_points, r.savings])
    return path


class TeamSummaryScene(ScreenScene):
    """课堂总结: the table, then export / pledge / back to the board / end the class."""

    name = "class_summary"

    def __init__(self, ctx, state: ClassroomState, board, game_over: bool = False):
        self.state = state
        self.board = board
        self.game_over = game_over
        self.ends_game = game_over          # statistics: the game reached its end
        self.saved: Path | None = None
        super().__init__(ctx)

    def build(self) -> None:
        # Babel's locale data loads when a number or date is first shown, not before the title
        from game.i18n.formatting import date as format_date
        tr = self.session.tr
        self.heading = Label(self.look, N_("游戏结束 · 课堂总结") if self.game_over else N_("课堂总结"), role="heading",
                             colour_key="accent", align="left")
        day = format_date(self.state.started.date(), self.session.locale)
        self.subtitle = Label(self.look, " · ".join(x for x in (self.state.class_name, day) if x), role="body",
                              colour_key="text_muted", align="right", translate=False)
        self.table = Panel(self.look)
        self.header = [Label(self.look, c, role="body", bold=True, colour_key="text_muted") for c in COLUMNS]
        self.rows = team_rows(self.look, self.state, self.board)
        best = max((r.spotted * 10 + r.quiz_points for r in self.rows), default=0)
        self.cells: list[list[Label]] = []
        for r in self.rows:
            rate = "—" if r.safe_rate is None else f"{r.safe_rate * 100:.0f}%"
            star = r.spotted * 10 + r.quiz_points == best and best > 0
            texts = [r.team + (" ★" if star else ""), rate, tr("{n} 次").format(n=r.spotted),
                     tr("{n} 次").format(n=r.missed), tr("{n} 分").format(n=r.quiz_points)]
            self.cells.append([Label(self.look, t, role="heading", translate=False,
                                     colour_key="accent" if star and k == 0 else "text") for k, t in enumerate(texts)])
        self.message = TextBox(self.look, "", role="caption", colour_key="text_muted", translate=False)
        self.export_button = Button(self.look, N_("导出成绩"), self.export, style="secondary", icon="info", autoplay_weight=0,
                                    name="export_csv")
        self.pledge_button = Button(self.look, N_("承诺书"), self.pledge, style="secondary", icon="check", autoplay_weight=0,
                                    name="pledge")
        self.back_button = Button(self.look, N_("继续上课"), self.back, style="secondary", icon="back", name="back_to_board")
        self.back_button.visible = not self.game_over
        self.end_button = Button(self.look, N_("下课") if not self.game_over else N_("新的一课"), self.end, icon="home",
                                 name="end_class")
        self.items = [self.heading, self.subtitle, self.table, *self.header, *[c for row in self.cells for c in row],
                      self.message, self.export_button, self.pledge_button, self.back_button, self.end_button]

    # ---- actions
    def export(self) -> None:
        try:
            self.saved = export_class_csv(self.look, self.state, self.board)
        except OSError as exc:
            self.message.set_text(self.session.tr("导出失败：") + str(exc))
        else:
            self.message.set_text(self.session.tr("成绩已保存到：") + "\n" + str(self.saved))
        self.dirty = True

    def pledge(self) -> None:
        self.nav.navigate("pledge", state=self.state)

    def back(self) -> bool:
        if self.game_over:
            self.end()
        elif self.nav.top is self:
            self.nav.back()
        return True

    def end(self) -> None:
        self.board.class_ended = True
        self.nav.home()    # the class set-up, in classroom mode

    def autoplay_targets(self) -> list:
        return [self.end_button]

    # ---- layout
    def place(self, size) -> None:
        u, area, portrait, gap = self.regions(size)
        top = layout.top_band(area, 10 * u)
        if portrait:
            self.heading.rect = pygame.Rect(top.x, top.y, top.w, top.h)
            self.subtitle.rect = pygame.Rect(top.x, top.bottom, top.w, round(6 * u))
            self.subtitle.align = "left"
            y = self.subtitle.rect.bottom + u
        else:
            self.heading.rect = pygame.Rect(top.x, top.y, round(top.w * 0.5), top.h)
            self.subtitle.rect = pygame.Rect(self.heading.rect.right, top.y, top.right - self.heading.rect.right, top.h)
            y = top.bottom + u
        buttons = [b for b in (self.export_button, self.pledge_button, self.back_button, self.end_button) if b.visible]
        if portrait:
            bar = pygame.Rect(area.x, area.bottom - round(2 * 12 * u + gap), area.w, round(2 * 12 * u + gap))
            cells = layout.grid(bar, len(buttons), 2, 12 * u, gap)
        else:
            bar = layout.bottom_band(area, 12 * u)
            cells = layout.row(bar, len(buttons), 46 * u, gap)
        for b, r in zip(buttons, cells):
            b.rect = r
        msg_h = round((16 if portrait else 12) * u)
        self.message.rect = pygame.Rect(area.x, bar.y - msg_h - round(u), area.w, msg_h)
        self.table.rect = pygame.Rect(area.x, y, area.w, round(self.message.rect.y - u - y))
        inner = layout.inset(self.table.rect, 2.5 * u, 1.5 * u)
        n = len(self.rows)
        lines = layout.column(inner, n + 1, 14 * u, u)
        weights = (1.3, 1.1, 1, 1, 1)
        for label, r in zip(self.header, layout.split_h(lines[0], *weights, gap=u)):
            label.rect = r
        for row, line in zip(self.cells, lines[1:]):
            for label, r in zip(row, layout.split_h(line, *weights, gap=u)):
                label.rect = r

    def draw(self, surface) -> None:
        super().draw(surface)
        # Thin lines between the rows.
        t = self.look.theme
        for row in self.cells:
            r = row[0].rect
            y = r.y - round(self.look.unit * 0.5)
            pygame.draw.line(surface, t.text_muted, (self.table.rect.x + round(2 * self.look.unit), y),
                             (self.table.rect.right - round(2 * self.look.unit), y), 1)
