"""End of the class (课堂总结): a row per team, the class's learning check (share right before →
after, per scam type), the ★ and its rule, what the class missed most, the scene-by-scene debrief
(我们错在哪), the exports and the pledge.

The numbers come from the scenes the class played (``ClassroomState.played``), so they agree:
a team's decisions are its safe, "not enough" and risky choices added up. When a game ends the
scene CSV and the A4 summary are written at once (``classroom/exports.py``), and 下课 writes
them again (with anything played since) before it asks.
``export_class_csv`` writes the team table as UTF-8 with a BOM into ``user_data_dir()/exports/``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pygame

from game.rules.classroom_debrief import most_missed_scam_types, most_missed_techniques, star_teams, team_lines

from ...i18n.marker import N_
from .. import layout
from ..phone.labels import TECHNIQUE_LABELS
from ..widgets import MAX_LINE_EMS, Button, Label, Panel, ScreenScene, TextBox, role_px, same_label_size, same_text_size
from .classroom.exports import STAR_RULE, export_all, exports_dir
from .summary_check import CheckPanel
from .classroom.state import ClassroomState, team_name

COLUMNS = (N_("组"), N_("决定：安全 / 还不够 / 冒险"), N_("安全选择率"), N_("识破 / 上当"))
COLUMN_WEIGHTS = (1.0, 1.7, 1.0, 1.0)
TEAM_LINE_UNITS = 4.5     # a team's line at its shortest (its words at the caption's size)
NOTES_SHARES = (0.5, 0.44, 0.38)     # the notes' share of the width beside the check, widest first


@dataclass(frozen=True)
class TeamRow:
    team: str
    safe_choices: int
    neutral_choices: int
    risky_choices: int
    safe_rate: float | None
    spotted: int
    missed: int
    savings: int


def team_rows(app, state: ClassroomState, board) -> list[TeamRow]:
    """Per team, from the scenes played (savings from the game)."""
    rows = []
    game = board.game
    for line in team_lines(state.played, min(state.teams, len(game.scores))):
        i = line.team
        rows.append(TeamRow(team_name(app, i), line.safe, line.neutral, line.risky, line.safe_rate, line.spotted,
                            line.missed, game.scores[i].savings))
    return rows


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
    header = [tr("班级"), tr("日期"), tr("组"), tr("安全选择"), tr("还不够的选择"), tr("冒险选择"), tr("安全选择率"), tr("识破"),
              tr("上当"), tr("剩余存款")]
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        for r in team_rows(app, state, board):
            out.writerow([state.class_name, now.strftime("%Y-%m-%d"), r.team, r.safe_choices, r.neutral_choices,
                          r.risky_choices,
                          "" if r.safe_rate is None else f"{r.safe_rate * 100:.0f}%", r.spotted, r.missed,
                          r.savings])
    return path


class TeamSummaryScene(ScreenScene):
    """课堂总结: the table, then review / export / pledge / back to the board / end the class."""

    name = "class_summary"

    def __init__(self, ctx, state: ClassroomState, board, game_over: bool = False):
        self.state = state
        self.board = board
        self.game_over = game_over
        self.ends_game = game_over          # statistics: the game reached its end
        self.saved: Path | None = None      # the team table, when exported by hand
        self.saved_csv: Path | None = None  # the scene rows, written on their own
        self.saved_png: Path | None = None
        super().__init__(ctx)
        if game_over:
            self.autosave()

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
        self.header = [Label(self.look, c, role="caption", bold=True, colour_key="text_muted") for c in COLUMNS]
        self.rows = team_rows(self.look, self.state, self.board)
        lines = team_lines(self.state.played, len(self.rows))
        self.stars = star_teams(lines)
        self.cells: list[list[Label]] = []
        for i, r in enumerate(self.rows):
            rate = "—" if r.safe_rate is None else f"{r.safe_rate * 100:.0f}%"
            star = i in self.stars
            decided = r.safe_choices + r.neutral_choices + r.risky_choices
            texts = [r.team + (" ★" if star else ""),
                     f"{decided} = {r.safe_choices} + {r.neutral_choices} + {r.risky_choices}", rate,
                     f"{r.spotted} / {r.missed}"]
            self.cells.append([Label(self.look, t, role="body", translate=False,
                                     colour_key="accent" if star and k == 0 else "text") for k, t in enumerate(texts)])
            for cell in self.cells[-1]:
                cell.min_role = "caption"     # the table gives way to the learning check's panel
        self.rule_note = Label(self.look, STAR_RULE, role="caption", colour_key="text_muted", align="left")
        self.missed = TextBox(self.look, self._missed_text(), role="caption", translate=False, align="left")
        self.check = CheckPanel(self.look, tr, self.session.library.scam_types, self.state.check_hands)
        self.message = TextBox(self.look, "", role="caption", colour_key="text_muted", translate=False, align="left")
        self.review_button = Button(self.look, N_("我们错在哪"), self.review, style="secondary", icon="info",
                                    autoplay_weight=0, name="review")
        self.review_button.enabled = bool(self.state.played)
        self.export_button = Button(self.look, N_("导出成绩"), self.export, style="secondary", icon="check",
                                    autoplay_weight=0, name="export_csv")
        self.pledge_button = Button(self.look, N_("承诺书"), self.pledge, style="secondary", icon="check",
                                    autoplay_weight=0, name="pledge")
        # the lesson ends before the game does: the matched check items can still be asked from here
        self.after_button = Button(self.look, N_("课后小测"), self.check_after, style="secondary", icon="check",
                                   autoplay_weight=0, name="check_after")
        self.after_button.visible = not self.game_over and self.board.after_check_pending()
        self.back_button = Button(self.look, N_("继续上课"), self.back, style="secondary", icon="back", name="back_to_board")
        self.back_button.visible = not self.game_over
        self.end_button = Button(self.look, N_("下课") if not self.game_over else N_("新的一课"), self.end, icon="home",
                                 name="end_class")
        for b in (self.review_button, self.export_button, self.pledge_button, self.after_button, self.back_button,
                  self.end_button):
            b.label.min_role = "caption"     # five or six in a row on a 4:3 screen, in English
        self.items = [self.heading, self.subtitle, self.table, *self.header, *[c for row in self.cells for c in row],
                      *self.check.widgets(), self.rule_note, self.missed, self.message, self.review_button,
                      self.export_button, self.pledge_button, self.after_button, self.back_button, self.end_button]

    def _need(self, box: TextBox, width: int, u: float) -> int:
        """The height ``box``'s words take at their wanted size (0 for none)."""
        if not box.text:
            return 0
        return self.look.text.height(box.shown_text(), width, role_px(self.look, box.role)[0]) + round(u)

    def _missed_text(self) -> str:
        tr = self.session.tr
        types = self.session.library.scam_types
        missed = most_missed_scam_types(self.state.played)
        tricks = most_missed_techniques(self.state.played)
        kinds = "、".join(tr("{t}（{m}/{n} 关）").format(t=tr(types[t].name) if t in types else t, m=m, n=n)
                         for t, m, n in missed) or tr("没有")
        ways = "、".join(f"{tr(TECHNIQUE_LABELS.get(t, t))} ×{n}" for t, n in tricks) or tr("没有")
        rounds = [s for s in self.state.played if s.kind == "quiz_round"]
        quiz = tr("　全班答题轮：答对 {r} / {n} 题").format(r=sum(1 for s in rounds if s.safe), n=len(rounds)) if rounds else ""
        return tr("全班最常上当：") + kinds + "\n" + tr("最常中的套路：") + ways + quiz

    # ---- actions
    def autosave(self) -> bool:
        """The scene CSV and the A4 summary, written on their own; the folder is said on screen.
        Computer-played games (``--autoplay``) leave no files."""
        if self.session.autoplay:
            return False
        try:
            self.saved_csv, self.saved_png = export_all(self.look, self.state, self.session.library.scam_types)
        except (OSError, pygame.error) as exc:
            self.message.set_text(self.session.tr("自动保存失败：") + str(exc))
            return False
        self.message.set_text(self.session.tr("已自动保存（逐关表格和 A4 总结）到：") + " " + str(self.saved_csv.parent))
        self.dirty = True
        return True

    def export(self) -> None:
        try:
            self.saved = export_class_csv(self.look, self.state, self.board)
        except OSError as exc:
            self.message.set_text(self.session.tr("导出失败：") + str(exc))
        else:
            self.message.set_text(self.session.tr("成绩已保存到：") + " " + str(self.saved))
        self.layout(self.look.size)

    def check_after(self) -> None:
        """课后小测: back to the board for the matched check items, then this summary again with them."""
        if not self.after_button.visible or not self.board.after_check_pending():
            return
        if self.nav.top is self:
            self.nav.back()
        self.board.open_check_after(self.session.controller.end_class)

    def review(self) -> None:
        if self.state.played:
            self.nav.navigate("class_review", state=self.state)

    def pledge(self) -> None:
        self.nav.navigate("pledge", state=self.state)

    def back(self) -> bool:
        if self.game_over:
            self.end()
        elif self.nav.top is self:
            self.nav.back()
        return True

    def end(self) -> None:
        """下课 / 新的一课: save first, then ask (the results stay in the exports folder either way)."""
        if self.session.autoplay:          # a computer-played game: nothing to keep, nobody to ask
            self.end_confirmed()
            return
        saved = self.autosave()
        self.nav.navigate("class_end_confirm", summary=self, saved=saved)

    def end_confirmed(self) -> None:
        self.board.class_ended = True
        self.session.controller.end_lesson()
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
        buttons = [b for b in (self.review_button, self.export_button, self.pledge_button, self.after_button,
                               self.back_button, self.end_button) if b.visible]
        if portrait:
            per_line = 3 if len(buttons) > 4 else 2     # five buttons in two lines: the table keeps its room
            lines = -(-len(buttons) // per_line)
            bar_h = round(lines * 11 * u + (lines - 1) * gap)
            bar = pygame.Rect(area.x, area.bottom - bar_h, area.w, bar_h)
            cells = layout.grid(bar, len(buttons), per_line, 11 * u, gap)
        else:
            bar = layout.bottom_band(area, 11 * u)
            cells = layout.row(bar, len(buttons), 40 * u, gap)
        for b, r in zip(buttons, cells):
            b.rect = r
        same_text_size(buttons)
        # the class's learning check: beside the notes (landscape) or over them (portrait)
        side = self.check.visible and not portrait
        self.rule_note.visible = True
        if side:      # the check beside the notes, as tall as they are or taller (the table gives way); long
            # scam-type names (English) take the notes' room before the table's
            table_need = self._table_need(area.w, u)

            def column(share: float) -> tuple[bool, int, int, int]:
                """(a name cut, how far over its room, the column's height, the notes' top) with the notes
                ``share`` of the width; the notes and the check's lines are placed for it."""
                notes_top = self._place_notes(area, bar, round(area.w * share), u, portrait)
                room = bar.y - round(u) - y - round(u) - table_need
                need = self.check.height(area.w - round(area.w * share) - gap, u, room)
                height = max(self.message.rect.bottom - notes_top, need)
                return not self.check.fits, max(0, height - room), height, notes_top

            def best() -> float:     # the first share that fits, or the one nearest to fitting
                tried = {share: column(share) for share in NOTES_SHARES}
                return min(NOTES_SHARES, key=lambda share: tried[share][:3])

            share = best()
            if column(share)[1] > 0:    # no room for everything (4:3, English): the ★ rule gives way
                self.rule_note.visible = False
                share = best()
            notes_w = round(area.w * share)
            check_w = area.w - notes_w - gap
            _, _, check_h, notes_top = column(share)
            notes_top = min(notes_top, self.message.rect.bottom - check_h)
            self.check.place(pygame.Rect(area.x + notes_w + gap, notes_top, check_w, check_h), u)
        else:
            notes_top = self._place_notes(area, bar, area.w, u, portrait)
        if self.check.visible and not side:
            check_h = self.check.height(area.w, u)
            notes_top -= check_h + round(u)
            self.check.place(pygame.Rect(area.x, notes_top, area.w, check_h), u)
        self.table.rect = pygame.Rect(area.x, y, area.w, round(notes_top - u - y))
        inner = layout.inset(self.table.rect, 2 * u, u)
        n = len(self.rows)
        row_h = min(10 * u, (inner.h - n * 0.5 * u) / (n + 1))
        # the column names as tall as they need (two lines in English on a narrow screen): the team rows
        # give them room down to TEAM_LINE_UNITS each
        names_h = self._names_h(inner.w, u)
        head_h = min(12 * u, max(row_h, min(names_h, inner.h - n * TEAM_LINE_UNITS * u)))
        rows = pygame.Rect(inner.x, round(inner.y + head_h + 0.5 * u), inner.w, round(inner.h - head_h - 0.5 * u))
        lines = [pygame.Rect(inner.x, inner.y, inner.w, round(head_h)),
                 *layout.column(rows, n, min(10 * u, (rows.h - (n - 1) * 0.5 * u) / n), 0.5 * u, align="top")]
        for label, r in zip(self.header, layout.split_h(lines[0], *COLUMN_WEIGHTS, gap=u)):
            label.rect = r
        same_label_size(self.header)     # the column names in one size, however long each is
        for row, line in zip(self.cells, lines[1:]):
            for label, r in zip(row, layout.split_h(line, *COLUMN_WEIGHTS, gap=u)):
                label.rect = r

    def _place_notes(self, area: pygame.Rect, bar: pygame.Rect, notes_w: int, u: float, portrait: bool) -> int:
        """The saved-file message over the buttons, the misses and the ★ rule over it, ``notes_w`` wide (the
        message across the screen unless the check stands beside the notes); returns the top of the rule."""
        msg_w = notes_w if self.check.visible and not portrait else area.w
        tall = portrait and not self.check.visible     # portrait: the notes give the check some of their room
        msg_h = round((16 if tall else 14 if portrait else 12) * u)
        if self.message.text:     # a saved file's long path may need more lines (a 4:3 screen)
            msg_h = max(msg_h, self.look.text.height(self.message.text, msg_w, role_px(self.look, "caption")[1]))
        missed_h = round((16 if tall else 10 if portrait else 9) * u)
        if self.check.visible:   # no more than their words need: the table and the check need the room
            msg_h = min(msg_h, self._need(self.message, msg_w, u))
            missed_h = self._need(self.missed, notes_w, u) if not portrait else min(missed_h, self._need(
                self.missed, notes_w, u))
        self.message.rect = pygame.Rect(area.x, bar.y - msg_h - round(u), msg_w, msg_h)
        self.missed.rect = pygame.Rect(area.x, self.message.rect.y - missed_h - round(u), notes_w, missed_h)
        # the rule may take two lines (English is longer): each at most MAX_LINE_EMS characters, even at its smallest
        note_w = min(notes_w, round(MAX_LINE_EMS * role_px(self.look, "caption")[1]))
        note_h = max(round(9 * u), self.look.text.height(self.rule_note.shown_text(), note_w,
                                                         role_px(self.look, "caption")[1]) + round(u))
        if not self.rule_note.visible:
            note_h = 0
        self.rule_note.rect = pygame.Rect(area.x, self.missed.rect.y - note_h - round(u), note_w, note_h)
        return self.rule_note.rect.y

    def _names_h(self, width: int, u: float, smallest: bool = False) -> int:
        """The column names' height at their wanted size (``smallest``: at the least they shrink to): two
        lines in English on a narrow screen."""
        columns = layout.split_h(pygame.Rect(0, 0, width, 1), *COLUMN_WEIGHTS, gap=u)
        return max(self.look.text.height(h.shown_text(), c.w, role_px(self.look, h.role)[1 if smallest else 0], True)
                   for h, c in zip(self.header, columns)) + round(u)

    def _table_need(self, width: int, u: float) -> int:
        """The least height of the table: its column names and a short line a team, in the panel's margins."""
        n = len(self.rows)
        return round(self._names_h(round(width - 4 * u), u, smallest=True)
                     + (2 + 0.5 + n * TEAM_LINE_UNITS + (n - 1) * 0.5) * u)

    def draw(self, surface) -> None:
        super().draw(surface)
        # Thin lines between the rows.
        t = self.look.theme
        for row in self.cells:
            r = row[0].rect
            y = r.y - round(self.look.unit * 0.5)
            pygame.draw.line(surface, t.text_muted, (self.table.rect.x + round(2 * self.look.unit), y),
                             (self.table.rect.right - round(2 * self.look.unit), y), 1)
