"""Classroom: 2–4 teams on a projector, the teacher in charge.

The class set-up (class name, number of teams) starts the ``classroom_teams`` board with
one seat per team (第1组 … 第4组). A small bar that is always on screen (right edge in
landscape, bottom edge in portrait; the scenes lay out in the rest) gives the teacher:

* **P 暂停 / 继续** — freeze everything for a discussion;
* **R 揭晓** — during a scam scene, show the right choice of this moment with its explanation
  (during a quiz question, the right answer);
* **S 跳过** — leave the current scene unplayed (nothing scored, the game goes on);
* **Q 答题** — a quiz round: every team answers the same question in turn, then the answer
  is revealed and each right team gets ``QUIZ_POINTS``;
* **E 总结** — the end-of-class summary per team (safe-choice rate, scams spotted/missed,
  quiz points), with the CSV export and the pledge picture for printing.
"""

from __future__ import annotations

import dataclasses

import pygame

from game.rules.classroom import best_choice

from ...i18n.marker import N_
from .. import layout
from ..input import Action, Intent
from ..phone.feedback import FeedbackOverlay
from ..scenes.board import BoardScene
from ..seats import SeatPlan
from ..widgets import Button, Label, ScreenScene, TextBox
from .base import Controller
from .classroom_state import CLASS_BOARD, ClassroomState, class_packs, team_name
from .widgets import BarButton, CardOverlay, TextField, Toast

BAR_UNITS = 15.0          # the teacher bar's thickness, in units of the window

# ---------------------------------------------------------------- the controller

class ClassroomController(Controller):
    mode = "classroom"

    def __init__(self, app):
        super().__init__(app)
        self.state: ClassroomState | None = None
        self.paused = False
        self.editing: TextField | None = None
        self.toast = Toast(app)
        self.bar_rect = pygame.Rect(0, 0, 0, 0)
        self.scene_rect = pygame.Rect(0, 0, 0, 0)
        self.class_started = 0.0
        self._clock_text = ""
        self.clock_label = Label(app, "", role="caption", colour_key="text", translate=False)
        self.pause_button = BarButton(app, N_("暂停"), self.toggle_pause, "pause", "P", name="bar_pause")
        self.reveal_button = BarButton(app, N_("揭晓"), self.reveal, "info", "R", name="bar_reveal")
        self.skip_button = BarButton(app, N_("跳过"), self.skip, "skip", "S", name="bar_skip")
        self.quiz_button = BarButton(app, N_("答题"), self.quiz_round, "quiz", "Q", name="bar_quiz")
        self.end_button = BarButton(app, N_("总结"), self.end_class, "home", "E", name="bar_end")
        self.buttons = [self.pause_button, self.reveal_button, self.skip_button, self.quiz_button, self.end_button]
        self.keys = {"p": self.toggle_pause, "r": self.reveal, "s": self.skip, "q": self.quiz_round,
                     "e": self.end_class}

    @property
    def frozen(self) -> bool:
        return self.paused

    @frozen.setter
    def frozen(self, value) -> None:   # the base class sets it once
        pass

    home = "class_setup"

    def redirect_home(self, scene):
        if scene.name in ("title", "attract"):
            return self.app.nav.make(self.home)
        return scene

    def detach(self) -> None:
        super().detach()
        self.end_text()

    # ------------------------------------------------------------ the bar
    def layout(self, window_size) -> pygame.Rect:
        w, h = window_size
        u = layout.unit_for(window_size)
        thick = max(layout.touch_min(window_size) + round(3 * u), round(BAR_UNITS * u))
        if w >= h:   # landscape: a column on the right; the short side (and so the unit) is unchanged
            self.bar_rect = pygame.Rect(w - thick, 0, thick, h)
            self.scene_rect = pygame.Rect(0, 0, w - thick, h)
        else:        # portrait: a row at the bottom
            self.bar_rect = pygame.Rect(0, h - thick, w, thick)
            self.scene_rect = pygame.Rect(0, 0, w, h - thick)
        self._place_bar(u)
        self.dirty = True
        return self.scene_rect

    def _place_bar(self, u: float) -> None:
        bar = layout.inset(self.bar_rect, 1.5 * u)
        gap = 1.5 * u
        n = len(self.buttons)
        if self.bar_rect.h >= self.bar_rect.w:
            self.clock_label.rect = pygame.Rect(bar.x, bar.y, bar.w, round(7 * u))
            rest = pygame.Rect(bar.x, self.clock_label.rect.bottom + u, bar.w, bar.bottom - self.clock_label.rect.bottom - u)
            rects = layout.column(rest, n, min(rest.w * 1.15, 17 * u), gap)
        else:
            self.clock_label.rect = pygame.Rect(bar.x, bar.y, round(min(16 * u, bar.w * 0.16)), bar.h)
            rest = pygame.Rect(self.clock_label.rect.right + u, bar.y, bar.right - self.clock_label.rect.right - u,
                               bar.h)
            rects = layout.row(rest, n, min(rest.h * 1.6, 30 * u), gap)
        for b, r in zip(self.buttons, rects):
            b.rect = r

    def bar_widgets(self) -> list:
        return [self.clock_label, *self.buttons]

    def draw(self, window) -> list:
        drawn = super().draw(window)   # the operator's corner ring (clears our dirty flag)
        t = self.app.theme
        pygame.draw.rect(window, t.panel, self.bar_rect)
        edge = self.bar_rect.copy()
        if self.bar_rect.h >= self.bar_rect.w:
            edge.w = max(2, round(0.3 * self.app.unit))
        else:
            edge.h = max(2, round(0.3 * self.app.unit))
        pygame.draw.rect(window, t.text_muted, edge)
        self.clock_label.draw(window)
        for b in self.buttons:
            b.draw(window)
        drawn.append(self.bar_rect)
        box = self.toast.draw(window.subsurface(self.scene_rect)) if self.toast.visible else None
        if box is not None:
            drawn.append(box)
        return drawn

    # ------------------------------------------------------------ what is going on
    def board(self) -> ClassroomBoardScene | None:
        return next((s for s in reversed(self.app.stack.scenes) if isinstance(s, ClassroomBoardScene)), None)

    def open_scene(self):
        """The scam scene or quiz question in play, if any."""
        return self.app.nav.find("scenario", "quiz")

    def _sync_bar(self) -> None:
        board = self.board()
        scene = self.open_scene()
        quiz_open = self.app.nav.is_open("quiz_round")
        summary_open = self.app.nav.is_open("class_summary")
        states = {
            self.pause_button: board is not None,
            self.reveal_button: scene is not None and not self.paused,
            self.skip_button: scene is not None,
            self.quiz_button: board is not None and scene is None and not quiz_open and not summary_open,
            self.end_button: board is not None and not summary_open,
        }
        for b, on in states.items():
            if b.enabled != on:
                b.enabled = on
                self.dirty = True
        text = N_("继续") if self.paused else N_("暂停")
        if self.pause_button.text != text:
            self.pause_button.set_text(text)
            self.pause_button.icon = "play" if self.paused else "pause"
            self.pause_button.selected = self.paused
            self.dirty = True
        clock = ""
        if self.state is not None:
            secs = int(self.clock - self.class_started)
            clock = f"{secs // 60:02d}:{secs % 60:02d}"
        if clock != self._clock_text:
            self._clock_text = clock
            self.clock_label.set_text(clock)
            self.dirty = True

    @property
    def busy(self) -> bool:
        return super().busy or self.toast.visible

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.toast.update(dt):
            self.app.redraw_all()
        self._sync_bar()

    # ------------------------------------------------------------ events
    def raw_event(self, event) -> bool:
        field = self.editing
        if field is None:
            return False
        if event.type == pygame.TEXTINPUT:
            field.set_text(field.text + event.text)
            self._field_changed()
            return True
        if event.type == pygame.TEXTEDITING:
            return True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_BACKSPACE:
                field.set_text(field.text[:-1])
                self._field_changed()
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_TAB):
                self.end_text()
            return True
        return False

    def _field_changed(self) -> None:
        top = self.app.stack.top
        if top is not None:
            top.dirty = True

    def begin_text(self, field: TextField) -> None:
        if self.editing is not None and self.editing is not field:
            self.end_text()
        self.editing = field
        field.editing = True
        try:
            pygame.key.start_text_input()
            pygame.key.set_text_input_rect(field.rect)
        except pygame.error:
            pass
        self._field_changed()

    def end_text(self) -> None:
        field, self.editing = self.editing, None
        if field is not None:
            field.editing = False
            try:
                pygame.key.stop_text_input()
            except pygame.error:
                pass
            self._field_changed()

    def intercept(self, intent: Intent) -> bool:
        a = intent.action
        if self.editing is not None and a is Action.PRESS and intent.pos \
                and not self.editing.rect.collidepoint(intent.pos):
            self.end_text()
        in_bar = intent.pos is not None and self.bar_rect.collidepoint(intent.pos)
        bar_pressed = any(b.pressed for b in self.buttons)
        if in_bar and self.operator_open():
            return True                   # the teacher's buttons wait while the operator's screens are open
        if in_bar or (bar_pressed and a in (Action.RELEASE, Action.DRAG)):
            for b in self.buttons:
                if b.handle(intent):
                    self.dirty = True
                    return True
            return in_bar
        if a is Action.SHORTCUT and intent.key in self.keys and self.editing is None and not self.operator_open():
            self.keys[intent.key]()
            return True
        return self._operator_gesture(intent)

    # ------------------------------------------------------------ the teacher's actions
    def start_class(self, state: ClassroomState) -> None:
        self.state = state
        self.class_started = self.clock
        self.paused = False

    def toggle_pause(self) -> None:
        if self.paused:
            self.paused = False
            for s in [s for s in self.app.stack.scenes if s.name == "paused"]:
                if self.app.stack.top is s:
                    self.app.stack.pop()
                else:
                    self.app.stack.scenes.remove(s)
            self.app.redraw_all()
        elif self.board() is not None:
            self.paused = True
            self.app.nav.navigate("paused", controller=self)
        self._sync_bar()

    def _unpause(self) -> None:
        if self.paused:
            self.toggle_pause()

    def reveal(self) -> None:
        scene = self.open_scene()
        if scene is None:
            self.toast.show(N_("现在没有进行中的场景"))
            return
        self._unpause()
        if self.app.nav.is_open("reveal"):
            return
        if scene.name == "quiz":
            self.app.nav.navigate("reveal_answer", item=scene.item)
            return
        if self.app.stack.top.name == "feedback":
            self.toast.show(N_("讲解已经在屏幕上"))
            return
        choice = best_choice(scene.runner.choices)
        if choice is None:
            self.toast.show(N_("这一幕已经演完，看看结局的讲解"))
            return
        self.app.nav.navigate("reveal_choice", choice=choice, area_for=scene.feedback_area)

    def skip(self) -> None:
        board = self.board()
        if board is None or not board.skip_current_scene():
            self.toast.show(N_("现在没有可以跳过的场景"))
            return
        self._unpause()
        self.toast.show(N_("已跳过这一关，不计分"))

    def quiz_round(self) -> None:
        board = self.board()
        if board is None or self.state is None:
            return
        if self.open_scene() is not None:
            self.toast.show(N_("请先完成或跳过当前场景"))
            return
        self._unpause()
        scene = self.app.nav.make("quiz_round", state=self.state, board=board)
        if scene is None:
            self.toast.show(N_("题库里的题都答过了"))
            return
        self.app.stack.push(scene)

    def end_class(self) -> None:
        board = self.board()
        if board is None or self.state is None:
            return
        self._unpause()
        self.app.nav.navigate("class_summary", state=self.state, board=board, game_over=board.game.is_over)




# ---------------------------------------------------------------- set-up and board

class ClassroomSetupScene(ScreenScene):
    """Class name and number of teams; then the teams' board."""

    name = "class_setup"

    def build(self) -> None:
        app = self.app
        settings = app.settings
        self.teams = app.teams or int(settings.teams or 4)
        self.teams = max(2, min(4, self.teams))
        name = app.class_name if app.class_name is not None else settings.class_name
        self.heading = Label(app, N_("课堂模式 · 分组闯关"), role="heading", colour_key="accent")
        self.intro = TextBox(app, N_("全班分成几组，每组一架飞机。踩到关键词，全组一起商量怎么应对骗局。"),
                             role="body", colour_key="text_muted", align="center")
        self.name_label = Label(app, N_("班级"), role="body", bold=True, align="left")
        self.name_field = TextField(app, name, N_("点这里输入班级名称（可不填）"), name="class_name")
        self.packs = class_packs(app.library)
        chosen = settings.pack
        self.pack_id = chosen if chosen in [p.id for p in self.packs] else (self.packs[0].id if self.packs else "")
        self.level_label = Label(app, N_("学段"), role="body", bold=True, align="left")
        self.pack_buttons = [(p.id, Button(app, p.name, lambda pid=p.id: self.set_pack(pid), style="choice",
                                           name=f"class_pack_{p.id}")) for p in self.packs]
        self.teams_label = Label(app, N_("分几组？"), role="body", bold=True, align="left")
        self.team_buttons = [(n, Button(app, app.tr("{n} 组").format(n=n), lambda n=n: self.set_teams(n),
                                        style="choice", translate=False, name=f"teams_{n}")) for n in (2, 3, 4)]
        self.note = Label(app, N_("老师工具条：P 暂停 · R 揭晓 · S 跳过 · Q 答题 · E 总结"), role="caption",
                          colour_key="text_muted")
        self.settings_button = Button(app, N_("设置"), self.open_settings, style="secondary", icon="gear",
                                      autoplay_weight=0, name="settings")
        self.start_button = Button(app, N_("开始上课"), self.start, icon="play", name="start_class")
        self.items = [self.heading, self.intro, self.name_label, self.name_field, self.teams_label,
                      *[b for _, b in self.team_buttons], self.note, self.settings_button, self.start_button]
        if len(self.pack_buttons) > 1:     # one pack for students (or none): nothing to choose
            self.items += [self.level_label, *[b for _, b in self.pack_buttons]]
        self._sync()

    def _sync(self) -> None:
        for n, b in self.team_buttons:
            b.selected = n == self.teams
        for pid, b in self.pack_buttons:
            b.selected = pid == self.pack_id
        self.dirty = True

    def set_pack(self, pack_id: str) -> None:
        self.pack_id = pack_id
        self._sync()

    def set_teams(self, n: int) -> None:
        self.teams = n
        self._sync()

    def open_settings(self) -> None:
        self.app.nav.navigate("settings")

    def class_board(self):
        lib = self.app.library
        pack = lib.packs.get(self.pack_id) or self.app.current_pack()
        board = lib.boards.get(CLASS_BOARD)
        if board is None or (pack is not None and pack.boards and CLASS_BOARD not in pack.boards):
            ids = list(pack.boards) if pack is not None else list(lib.boards)
            board = next((lib.boards[b] for b in ids if b in lib.boards and lib.boards[b].max_players >= 2), None)
        return board, pack

    def start(self) -> None:
        app = self.app
        controller = app.controller
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
            app.update_settings(**changes)
        app.class_name = name
        state = ClassroomState(class_name=name, teams=teams)
        controller.start_class(state)
        seats = [SeatPlan(i, s.colour, s.shape, i + 1, False) for i, s in enumerate(board.seats[:teams])]
        app.nav.navigate("class_board", board=board, seats=seats, pack=pack, state=state)

    def autoplay_targets(self) -> list:
        return [self.start_button]

    def place(self, size) -> None:
        u = self.app.unit
        area = self.content_rect()
        portrait = layout.is_portrait(size)
        gap = 2 * u
        self.heading.rect = pygame.Rect(area.x, area.y, area.w, round(10 * u))
        bar = pygame.Rect(area.x, area.bottom - round(12 * u), area.w, round(12 * u))
        self.settings_button.rect, self.start_button.rect = layout.row(bar, 2, 50 * u, 4 * u)
        self.note.rect = pygame.Rect(area.x, bar.y - round(8 * u), area.w, round(6 * u))
        body = pygame.Rect(area.x, self.heading.rect.bottom + u, area.w, self.note.rect.y - self.heading.rect.bottom - 2 * u)
        label_w = round(min(30 * u, body.w * 0.25)) if not portrait else body.w
        intro_h = round(min(18 * u, body.h * 0.3))
        self.intro.rect = pygame.Rect(body.x, body.y, body.w, intro_h)
        rows = pygame.Rect(body.x, self.intro.rect.bottom + gap, body.w, body.bottom - self.intro.rect.bottom - gap)
        row_h = 12 * u
        levels = self.level_label in self.items
        labels = [self.name_label, *([self.level_label] if levels else []), self.teams_label]
        if portrait:
            bands = layout.column(rows, len(labels), 8 * u + row_h, 3 * u)
            for label, band in zip(labels, bands):
                label.rect = pygame.Rect(band.x, band.y, band.w, round(8 * u))
            fields = [pygame.Rect(band.x, label.rect.bottom, band.w, round(row_h)) for label, band in zip(labels, bands)]
        else:
            bands = layout.column(rows, len(labels), row_h, 3 * u)
            x = bands[0].x + label_w + gap
            for label, band in zip(labels, bands):
                label.rect = pygame.Rect(band.x, band.y, label_w, band.h)
            fields = [pygame.Rect(round(x), band.y, round(band.right - x), band.h) for band in bands]
        self.name_field.rect = fields[0]
        for (_, b), r in zip(self.team_buttons, layout.row(fields[-1], 3, 30 * u, gap, align="left")):
            b.rect = r
        if levels:
            for (_, b), r in zip(self.pack_buttons, layout.row(fields[1], len(self.pack_buttons), 60 * u, gap,
                                                               align="left")):
                b.rect = r


class ClassroomBoardScene(BoardScene):
    """The board with teams (第1组 …); at the end the class summary instead of the results."""

    name = "board"

    def __init__(self, app, board, seats, pack, state: ClassroomState, seed: int | None = None):
        self.classroom = state
        self.class_ended = False    # the teacher ended the class from the summary
        self.app = app              # the team names need it before the board scene sets it
        super().__init__(app, board, seats, pack, seed)

    def _player_info(self, i: int, plan):
        info = super()._player_info(i, plan)
        return dataclasses.replace(info, name=team_name(self.app, i))

    def _update_scores(self) -> None:
        super()._update_scores()
        for i, p in enumerate(self.players):   # just the team's name (and its place): every team is people
            place = ""
            if self.game.is_finished(i):
                place = " · " + self.app.tr("第{n}名").format(n=self.game.finish_order.index(i) + 1)
            self.score_labels[i].set_text(p.name + place)

    def show_results(self) -> None:
        self.results_shown = True
        self.app.games_played += 1
        self.app.nav.navigate("class_summary", state=self.classroom, board=self, game_over=True)

    def skip_current_scene(self) -> bool:
        """The teacher skips the open scam scene or quiz question: it closes unscored, the game goes on."""
        if self.scene_open is None or self.scene_open not in self.app.stack.scenes:
            return False
        self.skip_scene()
        return True


# ---------------------------------------------------------------- overlays

class PausedScene(CardOverlay):
    name = "paused"

    def __init__(self, app, controller: ClassroomController):
        self.controller = controller
        super().__init__(app)

    def build(self) -> None:
        app = self.app
        self.heading = Label(app, N_("暂停"), role="title", colour_key="accent")
        self.body = TextBox(app, N_("大家来讨论一下：如果是你，会怎么做？"), role="heading", align="center")
        self.go_on = Button(app, N_("继续"), self.controller.toggle_pause, icon="play", name="continue")
        self.items = [self.heading, self.body, self.go_on]

    def place(self, size) -> None:
        u = layout.unit_for(size)
        self.card.rect = self.card_rect(size, 100, 70)
        inner = layout.inset(self.card.rect, 4 * u, 3 * u)
        self.heading.rect = pygame.Rect(inner.x, inner.y, inner.w, round(18 * u))
        self.go_on.rect = layout.centered(pygame.Rect(inner.x, inner.bottom - round(13 * u), inner.w, round(13 * u)),
                                          min(inner.w, 50 * u), 13 * u)
        self.body.rect = pygame.Rect(inner.x, self.heading.rect.bottom + u, inner.w,
                                     max(0, self.go_on.rect.y - self.heading.rect.bottom - 3 * u))

    def back(self) -> None:
        self.controller.toggle_pause()


class RevealChoiceOverlay(FeedbackOverlay):
    """The feedback card of the right choice, shown by the teacher before the class chooses."""

    name = "reveal"

    def __init__(self, app, choice, area_for=None):
        super().__init__(app, choice, on_close=None, area_for=area_for)
        self.chosen_label.set_text(N_("正确做法"))
        self.tech_title.set_text(N_("这样做，就识破了："))
        self.money.visible = False
        self.continue_button.set_text(N_("知道了"))


class QuizRevealScene(CardOverlay):
    """The right answer of the quiz question on screen, with its explanation."""

    name = "reveal"

    def __init__(self, app, item):
        self.item = item
        super().__init__(app)

    def build(self) -> None:
        app = self.app
        letter = "ABCD"[self.item.answer]
        self.heading = Label(app, N_("正确答案"), role="heading", colour_key="accent", align="left")
        self.answer = TextBox(app, f"{letter}. {app.tr(self.item.options[self.item.answer])}", role="heading",
                              translate=False)
        self.explanation = TextBox(app, self.item.explanation, role="body")
        self.ok = Button(app, N_("知道了"), self.back, icon="check", name="continue")
        self.items = [self.heading, self.answer, self.explanation, self.ok]

    def place(self, size) -> None:
        u = layout.unit_for(size)
        portrait = layout.is_portrait(size)
        self.card.rect = self.card_rect(size, 130, 80 if not portrait else 110)
        inner = layout.inset(self.card.rect, 4 * u, 3 * u)
        self.heading.rect = pygame.Rect(inner.x, inner.y, inner.w, round(9 * u))
        self.ok.rect = pygame.Rect(0, inner.bottom - round(12 * u), round(min(inner.w, 44 * u)), round(12 * u))
        self.ok.rect.right = inner.right
        self.answer.rect = pygame.Rect(inner.x, self.heading.rect.bottom + u, inner.w, round(16 * u))
        top = self.answer.rect.bottom + u
        self.explanation.rect = pygame.Rect(inner.x, top, inner.w, max(0, round(self.ok.rect.y - 2 * u - top)))

    def back(self) -> None:
        if self.app.stack.top is self:
            self.app.stack.pop()

