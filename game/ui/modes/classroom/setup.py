"""The class set-up: class name, level, number of teams, the lesson's length and the voting rule;
then the teams' board."""

from __future__ import annotations

import pygame

from ....i18n.marker import N_
from ... import layout
from ...seats import SeatPlan
from ...widgets import Button, Label, ScreenScene, TextBox, role_px
from ..widgets import TextField
from game.rules.classroom import CLASS_MAJORITY, LESSON_MINUTES, LESSON_SCENES, TEAM_DECIDES, LessonPlan

from .phones import interfaces
from .state import CLASS_BOARD, ClassroomState, class_packs


class ClassroomSetupScene(ScreenScene):
    """Class name and number of teams; then the teams' board."""

    name = "class_setup"

    def build(self) -> None:
        settings = self.session.settings
        self.teams = self.session.teams or int(settings.teams or 4)
        self.teams = max(2, min(4, self.teams))
        name = self.session.class_name if self.session.class_name is not None else settings.class_name
        self.heading = Label(self.look, N_("课堂模式 · 分组闯关"), role="heading", colour_key="accent")
        self.intro = TextBox(self.look, N_("全班分成几组，每组一架飞机。踩到关键词，全组一起商量怎么应对骗局。"),
                             role="body", colour_key="text_muted", align="center")
        self.name_label = Label(self.look, N_("班级"), role="body", bold=True, align="left")
        self.name_field = TextField(self.look, name, N_("点这里输入班级名称（可不填）"), name="class_name",
                                    on_activate=self.session.controller.begin_text)
        self.packs = class_packs(self.session.library)
        chosen = settings.pack
        self.pack_id = chosen if chosen in [p.id for p in self.packs] else (self.packs[0].id if self.packs else "")
        self.level_label = Label(self.look, N_("学段"), role="body", bold=True, align="left")
        self.pack_buttons = [(p.id, Button(self.look, p.name, lambda pid=p.id: self.set_pack(pid), style="choice",
                                           name=f"class_pack_{p.id}")) for p in self.packs]
        self.teams_label = Label(self.look, N_("分几组？"), role="body", bold=True, align="left")
        self.team_buttons = [(n, Button(self.look, self.session.tr("{n} 组").format(n=n), lambda n=n: self.set_teams(n),
                                        style="choice", translate=False, name=f"teams_{n}")) for n in (2, 3, 4)]
        self.plan = LessonPlan(minutes=25)
        self.length_label = Label(self.look, N_("时长"), role="body", bold=True, align="left")
        self.length_buttons = [(LessonPlan(minutes=m), Button(self.look, self.session.tr("{n} 分钟").format(n=m),
                                                             lambda m=m: self.set_plan(LessonPlan(minutes=m)),
                                                             style="choice", translate=False, name=f"lesson_{m}"))
                               for m in LESSON_MINUTES]
        self.length_buttons.append((LessonPlan(scenes=LESSON_SCENES), Button(
            self.look, self.session.tr("{n} 关").format(n=LESSON_SCENES),
            lambda: self.set_plan(LessonPlan(scenes=LESSON_SCENES)), style="choice", translate=False,
            name="lesson_scenes")))
        self.rule = CLASS_MAJORITY
        self.rule_label = Label(self.look, N_("投票"), role="body", bold=True, align="left")
        self.rule_buttons = [(CLASS_MAJORITY, Button(self.look, N_("全班多数决定"), lambda: self.set_rule(CLASS_MAJORITY),
                                                     style="choice", name="rule_majority")),
                             (TEAM_DECIDES, Button(self.look, N_("投票后小组决定"), lambda: self.set_rule(TEAM_DECIDES),
                                                   style="choice", name="rule_team"))]
        self.phone_choices = [""]         # "" = hands only; then the addresses the game could listen on
        self.phone_address = ""
        self.phone_button = Button(self.look, "", self.next_phone_choice, style="choice", translate=False,
                                   autoplay_weight=0, name="phone_voting")
        self.note = Label(self.look, N_("老师工具条：V 投票 · P 暂停 · R 揭晓 · S 跳过 · Q 答题 · E 总结"), role="caption",
                          colour_key="text_muted")
        self.settings_button = Button(self.look, N_("设置"), self.open_settings, style="secondary", icon="gear",
                                      autoplay_weight=0, name="settings")
        self.start_button = Button(self.look, N_("开始上课"), self.start, icon="play", name="start_class")
        self.items = [self.heading, self.intro, self.name_label, self.name_field, self.teams_label,
                      *[b for _, b in self.team_buttons], self.length_label, *[b for _, b in self.length_buttons],
                      self.rule_label, *[b for _, b in self.rule_buttons], self.phone_button, self.note, self.settings_button, self.start_button]
        if len(self.pack_buttons) > 1:     # one pack for students (or none): nothing to choose
            self.items += [self.level_label, *[b for _, b in self.pack_buttons]]
        # A choice may get smaller words on a narrow 4:3 screen (with large text, in English) rather than break.
        for b in [b for _, b in (*self.team_buttons, *self.length_buttons, *self.rule_buttons, *self.pack_buttons)]:
            b.label.min_role = "caption"
        self.phone_button.label.min_role = "caption"
        self._sync()

    def _sync(self) -> None:
        for n, b in self.team_buttons:
            b.selected = n == self.teams
        for pid, b in self.pack_buttons:
            b.selected = pid == self.pack_id
        for plan, b in self.length_buttons:
            b.selected = plan == self.plan
        for rule, b in self.rule_buttons:
            b.selected = rule == self.rule
        tr = self.session.tr
        self.phone_button.set_text(tr("手机投票：") + (self.phone_address or tr("关")))
        self.phone_button.selected = bool(self.phone_address)
        self.dirty = True

    def next_phone_choice(self) -> None:
        """关 → each network address in turn → 关 (the list is read when the teacher first asks)."""
        if len(self.phone_choices) == 1:
            self.phone_choices += [i.address for i in interfaces()]
        k = self.phone_choices.index(self.phone_address) if self.phone_address in self.phone_choices else 0
        self.phone_address = self.phone_choices[(k + 1) % len(self.phone_choices)]
        self._sync()

    def set_plan(self, plan: LessonPlan) -> None:
        self.plan = plan
        self._sync()

    def set_rule(self, rule: str) -> None:
        self.rule = rule
        self._sync()

    def set_pack(self, pack_id: str) -> None:
        self.pack_id = pack_id
        self._sync()

    def set_teams(self, n: int) -> None:
        self.teams = n
        self._sync()

    def open_settings(self) -> None:
        self.nav.navigate("settings")

    def class_board(self):
        lib = self.session.library
        pack = lib.packs.get(self.pack_id) or self.session.current_pack()
        board = lib.boards.get(CLASS_BOARD)
        if board is None or (pack is not None and pack.boards and CLASS_BOARD not in pack.boards):
            ids = list(pack.boards) if pack is not None else list(lib.boards)
            board = next((lib.boards[b] for b in ids if b in lib.boards and lib.boards[b].max_players >= 2), None)
        return board, pack

    def start(self) -> None:
        controller = self.session.controller
        if controller.editing is not None:
            controller.end_text()
        board, pack = self.class_board()
        if board is None:
            self.note.set_text(N_("没有可用的课堂棋盘：请让管理员检查内容文件"))
            return
        teams = max(2, min(self.teams, board.max_players, len(board.seats)))
        name = self.name_field.text.strip()
        changes = {k: v for k, v in (("class_name", name), ("teams", teams), ("pack", pack.id if pack else ""))
                   if v != ""}
        if changes:
            self.session.update_settings(**changes)
        self.session.set_class_name(name)
        state = ClassroomState(class_name=name, teams=teams, rule=self.rule, plan=self.plan,
                               phone_address=self.phone_address)
        controller.start_class(state)
        seats = [SeatPlan(i, s.colour, s.shape, i + 1, False) for i, s in enumerate(board.seats[:teams])]
        self.nav.navigate("class_board", board=board, seats=seats, pack=pack, state=state)

    def autoplay_targets(self) -> list:
        return [self.start_button]

    def place(self, size) -> None:
        u, area, portrait, gap = self.regions(size)
        self.heading.rect = layout.top_band(area, 10 * u)
        bar = layout.bottom_band(area, 12 * u)
        self.settings_button.rect, self.start_button.rect = layout.row(bar, 2, 50 * u, 4 * u)
        note_h = 9 * u if portrait else 6 * u      # two lines in a narrow column (English)
        self.note.rect = pygame.Rect(area.x, bar.y - round(note_h + 2 * u), area.w, round(note_h))
        body = pygame.Rect(area.x, self.heading.rect.bottom + u, area.w, self.note.rect.y - self.heading.rect.bottom - 2 * u)
        # The row labels are short (班级, 时长 …): their column is as wide as the widest, so that on a 4:3
        # screen the choices beside them have room for their words and the check mark.
        font = self.look.text.font(role_px(self.look, "body")[0], True)
        widest = max(font.size(label.shown_text())[0] for label in (self.name_label, self.level_label, self.teams_label,
                                                                     self.length_label, self.rule_label))
        label_w = round(min(30 * u, body.w * 0.25, widest + 2 * u)) if not portrait else body.w
        n_rows = 4 + (self.level_label in self.items)
        need = n_rows * (10 * u + (7 * u if portrait else 0)) + (n_rows - 1) * 1.5 * u
        intro_h = round(min(12 * u, body.h - need - gap))
        self.intro.rect = pygame.Rect(body.x, body.y, body.w, max(0, intro_h))
        # The intro gives way to the settings on a small screen.
        self.intro.visible = intro_h >= 7 * u and self.intro.text_fits()
        if not self.intro.visible:
            self.intro.rect.h = 0
        rows = pygame.Rect(body.x, self.intro.rect.bottom + gap, body.w, body.bottom - self.intro.rect.bottom - gap)
        levels = self.level_label in self.items
        labels = [self.name_label, *([self.level_label] if levels else []), self.teams_label, self.length_label,
                  self.rule_label]
        row_h = min(12 * u, (rows.h - (len(labels) - 1) * 1.5 * u) / len(labels)) if not portrait else 10 * u
        if portrait:
            bands = layout.column(rows, len(labels), 7 * u + row_h, 1.5 * u)
            for label, band in zip(labels, bands):
                label.rect = pygame.Rect(band.x, band.y, band.w, round(7 * u))
            fields = [pygame.Rect(band.x, label.rect.bottom, band.w, round(row_h)) for label, band in zip(labels, bands)]
        else:
            bands = layout.column(rows, len(labels), row_h, 1.5 * u)
            x = bands[0].x + label_w + gap
            for label, band in zip(labels, bands):
                label.rect = pygame.Rect(band.x, band.y, label_w, band.h)
            fields = [pygame.Rect(round(x), band.y, round(band.right - x), band.h) for band in bands]
        self.name_field.rect = fields[0]
        for (_, b), r in zip(self.team_buttons, layout.row(fields[-3], 3, 30 * u, gap, align="left")):
            b.rect = r
        for (_, b), r in zip(self.length_buttons, layout.row(fields[-2], 4, 30 * u, gap, align="left")):
            b.rect = r
        for b, r in zip([b for _, b in self.rule_buttons] + [self.phone_button],
                        layout.row(fields[-1], 3, 60 * u, gap, align="left")):
            b.rect = r
        if levels:
            for (_, b), r in zip(self.pack_buttons, layout.row(fields[1], len(self.pack_buttons), 60 * u, gap,
                                                               align="left")):
                b.rect = r
