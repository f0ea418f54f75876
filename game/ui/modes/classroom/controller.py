"""The classroom's controller: the teacher bar (pause, reveal, skip, quiz round, summary) and its keys."""

from __future__ import annotations

import pygame

from game.rules.classroom import best_choice

from ....i18n.marker import N_
from ... import layout
from ...input import Action, Intent
from ...widgets import Label
from ..base import Controller
from ..widgets import BarButton, TextField, Toast
from .state import ClassroomState

BAR_UNITS = 15.0          # the teacher bar's thickness, in units of the window


class ClassroomController(Controller):
    mode = "classroom"

    def __init__(self, app):
        super().__init__(app)
        self.state: ClassroomState | None = None
        self.paused = False
        self.editing: TextField | None = None
        self.toast = Toast(app.look)
        self.bar_rect = pygame.Rect(0, 0, 0, 0)
        self.scene_rect = pygame.Rect(0, 0, 0, 0)
        self.class_started = 0.0
        self._clock_text = ""
        self.clock_label = Label(app.look, "", role="caption", colour_key="text", translate=False)
        self.pause_button = BarButton(app.look, N_("暂停"), self.toggle_pause, "pause", "P", name="bar_pause")
        self.reveal_button = BarButton(app.look, N_("揭晓"), self.reveal, "info", "R", name="bar_reveal")
        self.skip_button = BarButton(app.look, N_("跳过"), self.skip, "skip", "S", name="bar_skip")
        self.quiz_button = BarButton(app.look, N_("答题"), self.quiz_round, "quiz", "Q", name="bar_quiz")
        self.end_button = BarButton(app.look, N_("总结"), self.end_class, "home", "E", name="bar_end")
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
    def board(self):
        """The class's board (a ``ClassroomBoardScene``: the only board of classroom mode), if one is open."""
        return self.app.nav.find("board")

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
